"""Partner organisations and the faces of staff: a partner signs up for an organisation,
staff approve, and the public pages show who the centre works with and who works there."""

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.decorators import can_take_part
from accounts.factories import OrganisationFactory
from accounts.models import Organisation, PartnerMembership

pytestmark = pytest.mark.django_db
User = get_user_model()


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def partner_sign_up(client, organisation):
    with translation.override("nl"):
        url = reverse("accounts:partner_sign_up")
    return client.post(
        url,
        {
            "display_name": "Ilse",
            "email": "ilse@example.org",
            "password": "samen voor de buurt",
            "organisation": str(organisation.translation_key),
            "role": "coördinator",
            "consent": "on",
        },
    )


def test_a_partner_joins_partners_only_after_confirming_and_staff_approval(client):
    taal = Organisation.objects.get(name="Taal Doet Meer", locale__language_code="nl")

    response = partner_sign_up(client, taal)

    assert response.status_code == 302
    ilse = User.objects.get(email="ilse@example.org")
    membership = PartnerMembership.objects.get(user=ilse)
    assert (membership.organisation, membership.status) == (taal, "requested")
    staff_mail = [message for message in mail.outbox if "Taal Doet Meer" in message.subject]
    assert {address for message in staff_mail for address in message.to} == {
        "medewerker@example.org",
        "samira@example.org",
    }

    ilse.confirm_email()
    assert not ilse.groups.exists() and not can_take_part(ilse)

    client.force_login(User.objects.get(username="medewerker"))
    edit = reverse("wagtailsnippets_accounts_partnermembership:edit", args=[membership.pk])
    response = client.post(edit, {"status": "approved", "role": "coördinator"})

    assert response.status_code == 302
    ilse.refresh_from_db()
    assert list(ilse.groups.values_list("name", flat=True)) == ["Partners"]
    assert can_take_part(User.objects.get(pk=ilse.pk))
    assert mail.outbox[-1].to == ["ilse@example.org"]
    assert PartnerMembership.objects.get(pk=membership.pk).decided_at is not None


def test_a_declined_partner_does_not_join_partners(client):
    taal = Organisation.objects.get(name="Taal Doet Meer", locale__language_code="nl")
    partner_sign_up(client, taal)
    ilse = User.objects.get(email="ilse@example.org")
    ilse.confirm_email()
    membership = PartnerMembership.objects.get(user=ilse)

    membership.status = PartnerMembership.Status.DECLINED
    membership.save()

    assert not ilse.groups.filter(name="Partners").exists()


def test_staff_see_waiting_partner_requests_on_their_dashboard(client):
    taal = Organisation.objects.get(name="Taal Doet Meer", locale__language_code="nl")
    partner_sign_up(client, taal)
    client.force_login(User.objects.get(username="medewerker"))

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Ilse – Taal Doet Meer" in dashboard


def test_the_partners_page_shows_each_organisation_in_the_visitors_language(client):
    html = soup(client.get("/ar/partners/"))

    names = [heading.text for heading in html.select(".organisation h2")]
    assert names == ["Buurtteam", "Taal Doet Meer", "Welzijn op Recept"]
    buurtteam = html.select(".organisation")[0]
    arabic = Organisation.objects.get(name="Buurtteam", locale__language_code="ar")
    assert arabic.description in buurtteam.text
    assert len(buurtteam.select(".organisation__offers li")) == 4
    assert not buurtteam.has_attr("lang")


def test_an_untranslated_organisation_shows_in_dutch_marked_as_dutch(client):
    OrganisationFactory(
        name="Voedselbank", description="Wij helpen met eten.", offers="Een voedselpakket"
    )

    html = soup(client.get("/tr/partners/"))

    voedselbank = [item for item in html.select(".organisation") if "Voedselbank" in item.text][0]
    assert voedselbank["lang"] == "nl"


def test_the_team_page_shows_the_faces_of_staff(client):
    html = soup(client.get("/pl/wie-zijn-wij/"))

    faces = html.select(".face")
    assert [face.select_one(".face__name").text for face in faces] == ["René", "Samira"]
    rene = faces[0]
    assert rene.img["alt"] == "Zdjęcie: René"
    assert "Nederlands" in rene.select_one(".face__languages").text
    assert rene.select(".opening-hours")


def test_the_help_page_shows_who_can_help(client):
    html = soup(client.get("/en/hulp/"))

    assert [name.text for name in html.select(".face__name")] == ["René", "Samira"]
