"""The agenda's page types, for the shared accessibility, reflow, keyboard and weight tests."""

from datetime import date, timedelta


def _plain_day():
    """A day after tomorrow that is not a public holiday, when the demo's coffee morning is on
    and open for sign-up (its dates are around the day the demo is loaded)."""
    day = date.today() + timedelta(days=2)
    while (day.month, day.day) in {(12, 25), (12, 26), (1, 1)}:
        day += timedelta(days=1)
    return day.isoformat()


PAGE_TYPES = {
    "agenda": ("/{lang}/agenda/", 200),
    "agenda-next-week": ("/{lang}/agenda/?week=1&waar=centre", 200),
    "activity": ("/{lang}/agenda/stoelyoga/", 200),
    "activity-of-a-partner": ("/{lang}/agenda/taalcafe/", 200),
    "activity-sign-up": (f"/{{lang}}/agenda/koffieochtend/doe-mee/{_plain_day()}/", 200),
    "activity-date-not-found": ("/{lang}/agenda/koffieochtend/doe-mee/2000-01-01/", 404),
    "agenda-print": ("/{lang}/agenda/afdrukken/", 200),
}
