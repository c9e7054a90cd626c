"""Test data for the prikbord: a board and cards by residents, live or waiting."""

import factory
import wagtail_factories

from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import RESIDENTS

from .models import Category, Kind, PrikbordItemPage, PrikbordPage


class ResidentFactory(UserFactory):
    """A resident who may take part: confirmed address, in Bewoners."""

    email_confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create:
            self.groups.add(*Group.objects.filter(name__in=names or [RESIDENTS]))


class PrikbordPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PrikbordPage

    title = "Prikbord"
    slug = "prikbord"
    show_in_menus = True


class PrikbordItemPageFactory(wagtail_factories.PageFactory):
    """A card. By default approved and on the board (published through a revision, as the
    workflow does); `published=False` leaves it a draft."""

    class Meta:
        model = PrikbordItemPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Wie helpt mij met klus {n}?")
    kind = Kind.QUESTION
    category = Category.ODD_JOBS
    text = "Ik zoek iemand die een lamp kan ophangen. Zaterdag of zondag."
    posted_by = factory.SubFactory(ResidentFactory)
    owner = factory.SelfAttribute("posted_by")

    @factory.post_generation
    def published(card, create, extracted, **kwargs):
        if not create:
            return
        if extracted is False:
            card.live = False
            card.save()
            card.save_revision(user=card.posted_by)
        else:
            card.save_revision(user=card.posted_by).publish()
            card.refresh_from_db()
