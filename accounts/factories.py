"""Test data for accounts: people with a display name and, where asked, a role; partner
organisations of a centre."""

import factory

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale, Site

from .models import Organisation


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"buur{n}")
    display_name = factory.Faker("first_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("een-goed-wachtwoord")

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        """UserFactory(groups=["Redactie"]) puts the person in those groups."""
        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A partner organisation of the default centre, in the default language."""

    class Meta:
        model = Organisation

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    locale = factory.LazyFunction(Locale.get_default)
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    description = "Wij helpen in de buurt."
    offers = "Hulp bij formulieren"
