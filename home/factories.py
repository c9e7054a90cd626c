"""Test data for the home app: home and help pages, opening hours."""

import factory
import wagtail_factories

from wagtail.models import Locale

from accounts.schedule import slot
from home.models import HelpPage, HomePage, OpeningHours


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = factory.Sequence(lambda n: f"Buurtcentrum {n}")
    intro = "Welkom in het buurtcentrum."


class HelpPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HelpPage

    title = "Hulp nodig?"
    slug = "hulp"
    intro = "Wij helpen je graag."
    show_in_menus = True


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningHours

    name = factory.Sequence(lambda n: f"Openingstijden {n}")
    locale = factory.LazyFunction(Locale.get_default)
    slots = factory.LazyFunction(lambda: [slot(day, "09:00", "17:00") for day in range(5)])
    note = ""
