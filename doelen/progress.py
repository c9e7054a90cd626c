"""Goals against the figures: where a goal stands now, its last 12 weeks, and a month.

Each goal costs one query (its figure, for all windows at once), whatever the amount of data.
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from .figures import ACTIVE_DAYS, COUNTERS, Measure, Scope, Window
from .models import Goal

WEEKS = 12
WEEK = timedelta(weeks=1)


def local_midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def expected_by(goal, day):
    """Where a total should be on `day`, growing evenly from the start to the goal's date.
    A figure per week or of active people should be at the goal all the time."""
    if COUNTERS[goal.figure][1] != Measure.TOTAL or day >= goal.target_date:
        return goal.target
    if day <= goal.starts_on:
        return 0
    done = (day - goal.starts_on).days / (goal.target_date - goal.starts_on).days
    return int(goal.target * done)


def _window(measure, start, end):
    """The window that gives a figure's value for the period from `start` to `end`."""
    if measure == Measure.TOTAL:
        return Window(None, end)
    if measure == Measure.ACTIVE:
        return Window(end - timedelta(days=ACTIVE_DAYS), end)
    return Window(start, end)


@dataclass
class Week:
    monday: date
    value: int


@dataclass
class Progress:
    """A goal now: its figure, where it should be, and the last 12 weeks (oldest first)."""

    goal: Goal
    actual: int | None
    expected: int
    weeks: list

    @property
    def behind(self):
        return self.actual is not None and self.actual < self.expected

    @property
    def per_week(self):
        return COUNTERS[self.goal.figure][1] == Measure.PER_WEEK

    @property
    def is_total(self):
        return COUNTERS[self.goal.figure][1] == Measure.TOTAL

    @property
    def known_weeks(self):
        return [week for week in self.weeks if week.value is not None]

    @property
    def highest(self):
        """The top of the chart: the highest week, or the expected figure if higher."""
        return max([week.value for week in self.known_weeks] + [self.expected, 1])


def progress(goal, scope):
    """Now: a total or the people active now; a figure per week is last whole week's."""
    counter, measure = COUNTERS[goal.figure]
    today = timezone.localdate(scope.now)
    this_monday = local_midnight(today - timedelta(days=today.weekday()))
    mondays = [this_monday - WEEK * (WEEKS - 1 - number) for number in range(WEEKS)]
    weekly = [_window(measure, monday, min(monday + WEEK, scope.now)) for monday in mondays]
    if measure == Measure.PER_WEEK:
        now = Window(this_monday - WEEK, this_monday)
    else:
        now = _window(measure, None, scope.now)
    actual, *values = counter(scope, [now, *weekly])
    weeks = [Week(monday.date(), value) for monday, value in zip(mondays, values, strict=True)]
    return Progress(goal, actual, expected_by(goal, today), weeks)


def goals_of(site):
    """The goals of a site, in the order of the figures' choices."""
    order = list(COUNTERS)
    return sorted(Goal.objects.filter(site=site), key=lambda goal: order.index(goal.figure))


def dashboard(site):
    """Progress of every goal of a site."""
    scope = Scope.of(site)
    return [progress(goal, scope) for goal in goals_of(site)]


@dataclass
class MonthFigure:
    """A goal in a month: its figure at the end (a total, active people) or in the month."""

    goal: Goal
    value: int | None
    per_week: float | None
    expected: int

    @property
    def behind(self):
        measured = self.per_week if self.per_week is not None else self.value
        return measured is not None and measured < self.expected


def month_report(site, year, month):
    """Each goal of a site for one month; the current month counts up to now."""
    scope = Scope.of(site)
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    start = local_midnight(first)
    end = min(local_midnight(last + timedelta(days=1)), scope.now)
    report = []
    for goal in goals_of(site):
        counter, measure = COUNTERS[goal.figure]
        (value,) = counter(scope, [_window(measure, start, end)])
        per_week = None
        if measure == Measure.PER_WEEK and value is not None:
            per_week = round(value / max((end - start) / WEEK, 1 / 7), 1)
        report.append(MonthFigure(goal, value, per_week, expected_by(goal, last)))
    return report


CHART_HEIGHT = 48  # the inline SVG chart of the dashboard, in its own units
BAR_WIDTH = 14
BAR_STEP = 20


@dataclass
class Bar:
    week: Week
    x: int
    y: float
    height: float


def chart(row):
    """A bar per week and the height of the expected figure, scaled to the chart; no bars
    when not every week is known (a figure without history)."""
    if len(row.known_weeks) < len(row.weeks):
        return {"bars": []}
    scale = CHART_HEIGHT / row.highest
    bars = []
    for number, week in enumerate(row.weeks):
        height = week.value * scale
        bars.append(Bar(week, number * BAR_STEP, CHART_HEIGHT - height, height))
    return {
        "bars": bars,
        "expected_y": CHART_HEIGHT - row.expected * scale,
        "width": BAR_STEP * WEEKS,
        "height": CHART_HEIGHT,
        "bar_width": BAR_WIDTH,
    }
