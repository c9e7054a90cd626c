"""Test data for the agenda: an agenda page, activities that come back, sign-ups."""

from datetime import time

import factory
import wagtail_factories
from recurrence import WEEKLY, Recurrence, Rule

from django.utils import timezone

from accounts.models import StaffProfile
from agenda.models import ActivityPage, AgendaIndexPage, Occurrence, SignUp


class AgendaIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AgendaIndexPage

    title = "Agenda"
    slug = "agenda"
    show_in_menus = True


def weekly(*weekdays, **rule):
    """A recurrence of one weekly rule, e.g. weekly(0, 2) for Monday and Wednesday."""
    return Recurrence(rrules=[Rule(WEEKLY, byday=list(weekdays), **rule)])


class ActivityPageFactory(wagtail_factories.PageFactory):
    """A weekly activity in the centre on Mondays at 10:00, organised by the first staff face."""

    class Meta:
        model = ActivityPage

    title = factory.Sequence(lambda n: f"Activiteit {n}")
    intro = "Kom gezellig langs."
    category = ActivityPage.Category.COFFEE
    form = ActivityPage.Form.CENTRE
    place = "Grote zaal"
    meeting_link = ""
    starts_on = factory.LazyFunction(timezone.localdate)
    recurrence = factory.LazyFunction(lambda: weekly(0))
    start_time = time(10)
    duration = 60
    organiser_staff = factory.LazyFunction(lambda: StaffProfile.objects.order_by("pk").first())
    live = True


class OnlineActivityPageFactory(ActivityPageFactory):
    form = ActivityPage.Form.ONLINE
    place = ""
    meeting_link = "https://meet.example.org/koffie"


class SignUpFactory(factory.django.DjangoModelFactory):
    """A guest's sign-up for a date (give `occurrence`, or `date` through Occurrence)."""

    class Meta:
        model = SignUp

    name = factory.Sequence(lambda n: f"Gast {n}")
    phone = "06 12345678"


class OccurrenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Occurrence

    title = "Activiteit"
