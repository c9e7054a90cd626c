"""The agenda of the demo centre: a real week at Rosa, sixteen activities that come back.

Online, in the centre and both; organised by the staff faces René and Samira or by the partner
organisations; one date cancelled (with the reason) and one date full, signed up for by the
demo residents. Dates are worked out from the day the demo is loaded.
"""

from datetime import time, timedelta

from recurrence import DAILY, MONTHLY, WEEKLY, Recurrence, Rule, Weekday

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Locale, Page

from accounts.models import Organisation, StaffProfile
from agenda.models import ActivityCancellation, ActivityPage, AgendaIndexPage, Occurrence, SignUp
from agenda.occurrences import ActivityDate, midnight
from demo.agenda_i18n import TRANSLATIONS
from demo.centre import rosa_home
from demo.translation import publish_translation

INDEX = {
    "title": "Agenda",
    "slug": "agenda",
    "intro": "Wat is er te doen? Kom langs in Rosa of doe online mee, vanuit je eigen huis.",
}
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
ONLINE, CENTRE, HYBRID = (
    ActivityPage.Form.ONLINE,
    ActivityPage.Form.CENTRE,
    ActivityPage.Form.HYBRID,
)
MEET = "https://meet.example.org/rosa-"


def weekly(*days, interval=1):
    return [Rule(WEEKLY, interval=interval, byday=list(days))]


# slug, title, intro, category, form, place, rules, time, minutes, organiser, languages, places
# (organiser: a staff username or an organisation's name; places: None = no sign-up, 0 = sign
# up without a limit).
ACTIVITIES = [
    (
        "koffieochtend",
        "Koffieochtend",
        "Elke ochtend koffie en een praatje. Kom naar de huiskamer van Rosa of doe mee vanaf je "
        "eigen bank.",
        "coffee",
        HYBRID,
        "Huiskamer, Buurtcentrum Rosa",
        [Rule(DAILY)],
        time(10),
        60,
        "medewerker",
        ["nl", "en"],
        12,
    ),
    (
        "goedemorgen-lombok",
        "Goedemorgen Lombok",
        "Een vrolijke online show met het nieuws uit de buurt, muziek en een gast. Kijk en praat "
        "mee.",
        "music",
        ONLINE,
        "",
        weekly(MONDAY, WEDNESDAY, FRIDAY),
        time(9, 30),
        30,
        "samira",
        ["nl", "ar", "ber"],
        None,
    ),
    (
        "bewegen-op-de-stoel",
        "Bewegen op de stoel",
        "Rustig bewegen vanuit je stoel, thuis voor je scherm. Goed voor je lijf en je humeur.",
        "movement",
        ONLINE,
        "",
        weekly(TUESDAY, THURSDAY),
        time(11),
        45,
        "Welzijn op Recept",
        ["nl"],
        None,
    ),
    (
        "stoelyoga",
        "Stoelyoga",
        "Yoga op een stoel, voor iedereen. Je hoeft niet lenig te zijn. Neem een flesje water mee.",
        "yoga",
        HYBRID,
        "Grote zaal, Buurtcentrum Rosa",
        weekly(WEDNESDAY),
        time(19),
        60,
        "medewerker",
        ["nl", "en"],
        15,
    ),
    (
        "bingo",
        "Bingo",
        "Gezellig bingo spelen met mooie prijzen, online of in de zaal. De kaarten zijn gratis.",
        "game",
        HYBRID,
        "Grote zaal, Buurtcentrum Rosa",
        weekly(FRIDAY, interval=2),
        time(14),
        90,
        "samira",
        ["nl", "ar", "tr"],
        30,
    ),
    (
        "energiekosten",
        "Informatie over energiekosten",
        "Hoe betaal je minder voor gas en stroom? Het buurtteam legt het uit en beantwoordt je "
        "vragen.",
        "info",
        HYBRID,
        "Grote zaal, Buurtcentrum Rosa",
        [Rule(MONTHLY, byday=[Weekday(TUESDAY, 1)])],
        time(19, 30),
        90,
        "Buurtteam",
        ["nl", "ar", "tr"],
        20,
    ),
    (
        "internetbankieren",
        "Veilig internetbankieren",
        "Leer stap voor stap bankieren op je telefoon. Veilig en in je eigen tempo. Neem je "
        "telefoon mee.",
        "computer",
        CENTRE,
        "Computerhoek, Buurtcentrum Rosa",
        weekly(THURSDAY),
        time(10),
        90,
        "medewerker",
        ["nl", "en"],
        8,
    ),
    (
        "digitaal-spreekuur",
        "Digitaal spreekuur",
        "Vragen over je telefoon, je e-mail of DigiD? Loop gewoon binnen, wij helpen je.",
        "computer",
        CENTRE,
        "Computerhoek, Buurtcentrum Rosa",
        weekly(TUESDAY),
        time(13, 30),
        120,
        "medewerker",
        ["nl", "en"],
        None,
    ),
    (
        "taalcafe",
        "Taalcafé",
        "Samen Nederlands praten, op je eigen niveau. Vrijwilligers van Taal Doet Meer helpen je.",
        "language",
        HYBRID,
        "Huiskamer, Buurtcentrum Rosa",
        weekly(THURSDAY),
        time(14),
        90,
        "Taal Doet Meer",
        ["nl"],
        None,
    ),
    (
        "samen-eten",
        "Samen eten",
        "Samen koken en eten voor 3 euro. Elke week een gerecht uit een ander land.",
        "food",
        CENTRE,
        "Keuken, Buurtcentrum Rosa",
        weekly(THURSDAY),
        time(18),
        120,
        "samira",
        ["nl", "ar", "ber", "fr"],
        8,
    ),
    (
        "handwerkclub",
        "Handwerkclub",
        "Breien, haken of naaien. Neem je eigen werk mee of leer het van een ander.",
        "creative",
        CENTRE,
        "Kleine zaal, Buurtcentrum Rosa",
        weekly(MONDAY),
        time(13, 30),
        120,
        "samira",
        ["nl", "tr"],
        None,
    ),
    (
        "samen-wandelen",
        "Samen wandelen",
        "Een rustige wandeling door Lombok en langs de singel. We vertrekken bij Rosa.",
        "movement",
        CENTRE,
        "Voor de deur van Buurtcentrum Rosa",
        weekly(SATURDAY),
        time(10),
        60,
        "Welzijn op Recept",
        ["nl"],
        None,
    ),
    (
        "spelletjesmiddag",
        "Spelletjesmiddag online",
        "Rummikub en andere spellen, samen online. We leggen de regels rustig uit.",
        "game",
        ONLINE,
        "",
        weekly(SUNDAY),
        time(14),
        90,
        "samira",
        ["nl", "ar", "pl"],
        16,
    ),
    (
        "samen-zingen",
        "Samen zingen",
        "Zing mee met bekende liedjes uit Nederland en de rest van de wereld. Iedereen mag "
        "meedoen.",
        "music",
        HYBRID,
        "Grote zaal, Buurtcentrum Rosa",
        weekly(WEDNESDAY),
        time(10, 30),
        60,
        "samira",
        ["nl"],
        None,
    ),
    (
        "spreekuur-buurtteam",
        "Spreekuur buurtteam",
        "Vragen over geld, wonen of zorg? Het buurtteam is er voor je, in Rosa en online.",
        "info",
        HYBRID,
        "Spreekkamer, Buurtcentrum Rosa",
        weekly(TUESDAY),
        time(9, 30),
        90,
        "Buurtteam",
        ["nl", "en", "ar"],
        None,
    ),
    (
        "computerles",
        "Computerles voor beginners",
        "Leer de eerste stappen op de computer: de muis, e-mail en internet. Online, in een "
        "kleine groep.",
        "computer",
        ONLINE,
        "",
        weekly(MONDAY),
        time(19),
        60,
        "medewerker",
        ["nl", "en"],
        10,
    ),
]
CANCELLED = ("stoelyoga", "De docent is ziek. Volgende week is er weer yoga.")
FULL = "samen-eten"
# The demo residents who fill the full date, and two neighbours without an account.
DINERS = ["bewoner", "redactie", "aylin", "marek", "joke", "youssef"]
GUESTS = [("Ria", "06 11122233"), ("Mohamed", "06 44455566")]
# Earlier weeks of samen eten, for the counts of sign-ups per week: (weeks ago, guests).
HISTORY = [(6, 4), (5, 6), (4, 5), (3, 7), (2, 6), (1, 8)]


def _index(home):
    index = AgendaIndexPage.objects.child_of(home).first()
    if index is None:
        # Creating it gives Partners the right to propose activities under it and attaches
        # the staff approval workflow (agenda.signals).
        index = home.add_child(instance=AgendaIndexPage(show_in_menus=True, **INDEX))
        index.save_revision().publish()
    return index


def _organisers():
    staff = {
        profile.user.username: profile for profile in StaffProfile.objects.select_related("user")
    }
    organisations = {
        organisation.name: organisation
        for organisation in Organisation.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        )
    }
    return staff, organisations


def _recurrence(slug, rules, today):
    """The rules, and for the coffee morning the public holidays around the new year left out."""
    if slug != "koffieochtend":
        return Recurrence(rrules=rules)
    christmas = today.replace(month=12, day=25)
    if christmas < today:
        christmas = christmas.replace(year=today.year + 1)
    holidays = [christmas, christmas + timedelta(days=1), christmas + timedelta(days=7)]
    return Recurrence(rrules=rules, exdates=[midnight(day) for day in holidays])


def _activity(index, fields, organisers, today):
    (
        slug,
        title,
        intro,
        category,
        form,
        place,
        rules,
        start,
        minutes,
        organiser,
        languages,
        places,
    ) = fields
    activity = ActivityPage.objects.child_of(index).filter(slug=slug).first()
    if activity is not None:
        return activity, False
    staff, organisations = organisers
    activity = ActivityPage(
        slug=slug,
        title=title,
        intro=intro,
        category=category,
        form=form,
        place=place,
        meeting_link=f"{MEET}{slug}" if form != CENTRE else "",
        starts_on=today - timedelta(weeks=8),
        recurrence=_recurrence(slug, rules, today),
        start_time=start,
        duration=minutes,
        organiser_staff=staff.get(organiser),
        organiser_organisation=organisations.get(organiser),
        spoken_languages=languages,
        sign_up_required=places is not None,
        places=places or None,
    )
    if slug == "energiekosten":
        # An extra evening in two weeks, on a Thursday, besides the first Tuesday of the month.
        extra = today + timedelta(days=14 + (THURSDAY - today.weekday()) % 7)
        activity.recurrence.rdates = [midnight(extra)]
    if slug == CANCELLED[0]:
        day = _next_day(activity, today + timedelta(days=1))
        activity.cancellations = [ActivityCancellation(date=day, reason=CANCELLED[1])]
    index.add_child(instance=activity)
    activity.save_revision().publish()
    return activity, True


def _next_day(activity, from_day):
    return next(iter(activity.days().from_day(from_day)))


def _fill(activity):
    """The next samen eten is full: the demo residents and two neighbours without an account."""
    User = get_user_model()
    date = next(date for date in activity.next_occurrences(2) if not date.has_started())
    for user in User.objects.filter(username__in=DINERS):
        SignUp.take_place(date, user=user, language=user.preferred_language)
    for name, phone in GUESTS:
        SignUp.take_place(date, name=name, phone=phone)


def _history(activity, today):
    """Sign-ups for earlier weeks, each made a few days before its date."""
    for weeks_ago, count in HISTORY:
        start = ActivityDate.on(
            activity, _next_day(activity, today - timedelta(weeks=weeks_ago))
        ).start
        occurrence, _created = Occurrence.objects.get_or_create(
            activity_key=activity.translation_key,
            starts_at=start,
            defaults={"title": activity.title},
        )
        for number in range(count):
            sign_up = SignUp.objects.create(
                occurrence=occurrence, name=f"Buur {number + 1}", phone=f"06 000000{number:02d}"
            )
            SignUp.objects.filter(pk=sign_up.pk).update(created_at=start - timedelta(days=3))


def _after_buurtkrant(index):
    """The agenda's tile comes right after the buurtkrant's (or first), in every language."""
    page = Page.objects.get(pk=index.pk)
    buurtkrant = page.get_siblings().filter(slug="buurtkrant").exclude(pk=page.pk).first()
    if buurtkrant is not None:
        if page.get_prev_sibling() != buurtkrant:
            page.move(buurtkrant, pos="right")
    elif page.get_parent().get_first_child().pk != page.pk:
        page.move(page.get_parent().get_first_child(), pos="left")


def load(log):
    dutch = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = rosa_home(dutch)
    today = timezone.localdate()
    index = _index(home)
    organisers = _organisers()
    languages = [code for code, _name in settings.LANGUAGES if code != dutch.language_code]
    for code in languages:
        publish_translation(index, code, TRANSLATIONS[code])

    created = 0
    for fields in ACTIVITIES:
        activity, is_new = _activity(index, fields, organisers, today)
        for code in languages:
            publish_translation(activity, code, TRANSLATIONS[code])
        if is_new and activity.slug == FULL:
            _fill(activity)
            _history(activity, today)
        created += is_new

    for translated in AgendaIndexPage.objects.filter(
        Q(pk=index.pk) | Q(translation_key=index.translation_key)
    ):
        _after_buurtkrant(translated)
    total = ActivityPage.objects.filter(locale=dutch).count()
    log(f"agenda: {created} activities created, {total} in Dutch")
