"""Referral intake: codes nobody can guess or reuse, the resident's welcome and consent, the
account that comes from it, who sees referrals (staff, and the referrer's own partners without
the resident's details), and forgetting contact details."""

from datetime import timedelta

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from accounts.factories import UserFactory
from accounts.models import (
    REFERRAL_CONTACT_KEPT_FOR,
    REFERRAL_VALID_FOR,
    Organisation,
    PartnerMembership,
    Referral,
    StaffProfile,
)
from accounts.personal_data import erase_account, export_personal_data
from accounts.referral_codes import CODE_ALPHABET, CODE_LENGTH
from accounts.referral_views import WRONG_CODE_RATE
from accounts.referrals import forget_contact_details

pytestmark = pytest.mark.django_db

ANSWER = {"name": "Mevrouw Bakker", "phone": "06 11223344", "email": "", "consent": "on"}


def organisation(name):
    return Organisation.objects.get(name=name, locale__language_code="nl")


def new_referral(referrer="Buurtteam", **fields):
    samira = StaffProfile.objects.get(user__username="samira")
    return Referral.objects.create(
        organisation=organisation(referrer), contact_person=samira, **fields
    )


def welcome_url(referral, language="nl"):
    with translation.override(language):
        return reverse("accounts:referral_welcome", args=[referral.code])


def partner_of(name):
    person = UserFactory(email_confirmed_at=timezone.now())
    PartnerMembership.objects.create(
        user=person, organisation=organisation(name), status=PartnerMembership.Status.APPROVED
    )
    return person


# The code


def test_codes_are_long_random_and_easy_to_read_aloud():
    codes = {new_referral().code for _ in range(200)}

    assert len(codes) == 200
    assert all(len(code) == CODE_LENGTH >= 8 for code in codes)
    assert set("".join(codes)) <= set(CODE_ALPHABET)
    assert not set("01OIL") & set(CODE_ALPHABET)


def test_the_link_holds_only_the_code(client):
    referral = new_referral()
    client.post(welcome_url(referral), ANSWER)

    assert welcome_url(referral) == f"/nl/account/welkom/{referral.code}/"


def test_a_code_typed_from_paper_works_with_dashes_and_small_letters(client):
    referral = new_referral(language="ar")
    typed = f"{referral.code[:4].lower()}-{referral.code[4:]}"

    response = client.get(reverse("accounts:referral_code"), {"code": typed})

    assert response.status_code == 302
    assert response.url == welcome_url(referral, "ar")


def test_a_wrong_code_gets_a_friendly_not_found_page(client):
    response = client.get("/nl/account/welkom/ZZZZ2222/")

    assert response.status_code == 404
    assert (
        "We do not know this code" in response.content.decode()
        or "Deze code kennen we niet" in response.content.decode()
    )


def test_after_many_wrong_codes_even_a_right_one_waits(client):
    referral = new_referral()
    tries = int(WRONG_CODE_RATE.split("/")[0])
    for attempt in range(tries):
        assert client.get(f"/nl/account/welkom/WRNG{attempt:04d}/").status_code == 404

    assert client.get(welcome_url(referral)).status_code == 429
    assert client.get(reverse("accounts:referral_code"), {"code": referral.code}).status_code == 429


def test_an_unanswered_code_expires(client):
    referral = new_referral(created_at=timezone.now() - REFERRAL_VALID_FOR - timedelta(hours=1))

    response = client.get(welcome_url(referral))

    assert response.status_code == 410
    assert "csrfmiddlewaretoken" not in response.content.decode()


# The resident's welcome and answer


def test_the_welcome_page_shows_who_will_call_in_the_residents_language(client):
    referral = new_referral(language="ar")

    page = client.get(welcome_url(referral, "ar")).content.decode()

    assert 'lang="ar"' in page
    assert "Samira" in page
    assert "face__photo" in page
    assert "Buurtteam" in page


def test_bad_input_keeps_what_was_typed(client):
    referral = new_referral()
    typed = {"name": "Mevrouw Bakker", "phone": "bel me", "email": "", "consent": ""}

    response = client.post(welcome_url(referral), typed)

    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Mevrouw Bakker"' in page
    assert 'value="bel me"' in page
    assert "error-summary" in page
    referral.refresh_from_db()
    assert referral.contact_consented_at is None
    assert referral.name == ""


def test_a_way_to_be_reached_is_needed(client):
    referral = new_referral()

    response = client.post(welcome_url(referral), {**ANSWER, "phone": ""})

    assert response.status_code == 200
    referral.refresh_from_db()
    assert not referral.is_answered


def test_the_spam_trap_keeps_robots_out(client):
    referral = new_referral()

    client.post(welcome_url(referral), {**ANSWER, "leave_empty": "buy now"})

    referral.refresh_from_db()
    assert not referral.is_answered


def test_an_answer_is_stored_and_the_link_then_shows_only_a_thank_you(client):
    referral = new_referral()

    response = client.post(welcome_url(referral), ANSWER)

    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.name == "Mevrouw Bakker"
    assert referral.phone == "06 11223344"
    assert referral.contact_consented_at is not None
    page = client.get(welcome_url(referral)).content.decode()
    assert "Mevrouw Bakker" not in page
    assert "06 11223344" not in page
    assert '<form method="post" class="form"' not in page


def test_a_used_code_cannot_change_or_show_someone_elses_data(client):
    referral = new_referral()
    client.post(welcome_url(referral), ANSWER)
    stranger = type(client)()

    response = stranger.post(
        welcome_url(referral), {**ANSWER, "name": "Iemand anders", "phone": "0612345678"}
    )

    referral.refresh_from_db()
    assert referral.name == "Mevrouw Bakker"
    assert referral.phone == "06 11223344"
    page = response.content.decode()
    assert "Mevrouw Bakker" not in page
    assert "Make an account" not in page and "Maak een account" not in page


# The account that came from a referral


def sign_up(client, email="bakker@example.org"):
    return client.post(
        reverse("accounts:sign_up"),
        {
            "display_name": "Ans",
            "email": email,
            "password": "een lange zin als wachtwoord",
            "consent": "on",
        },
    )


def test_an_account_made_after_answering_counts_as_led_to_an_account(client):
    referral = new_referral()
    client.post(welcome_url(referral), ANSWER)
    assert "accounts/signup" not in client.get(welcome_url(referral)).content.decode()

    assert sign_up(client).status_code == 302

    referral.refresh_from_db()
    assert referral.resident == get_user_model().objects.get(email="bakker@example.org")
    assert referral.account_made_at is not None
    assert Referral.objects.filter(account_made_at__isnull=False).count() == 2  # + the demo's


def test_an_account_without_a_referral_links_nothing(client):
    before = Referral.objects.filter(resident__isnull=False).count()

    sign_up(client)

    assert Referral.objects.filter(resident__isnull=False).count() == before


def test_a_logged_in_resident_who_answers_is_linked_but_made_no_new_account(client):
    resident = get_user_model().objects.get(username="bewoner")
    client.force_login(resident)
    referral = new_referral()

    client.post(welcome_url(referral), ANSWER)

    referral.refresh_from_db()
    assert referral.resident == resident
    assert referral.account_made_at is None


# Who sees referrals


def test_a_referrer_makes_a_referral_for_their_own_organisation(client):
    partner = get_user_model().objects.get(username="partner")
    client.force_login(partner)

    response = client.post(reverse("accounts:referrals"), {"language": "tr", "contact_person": ""})

    referral = Referral.objects.get(created_by=partner, language="tr", contact_person=None)
    assert response.status_code == 302
    assert referral.organisation == organisation("Buurtteam")
    page = client.get(reverse("accounts:referrals")).content.decode()
    assert referral.readable_code in page
    assert f"/tr/account/welkom/{referral.code}/" in page


def test_a_referrer_sees_only_their_own_organisations_referrals_without_contact_details(client):
    client.force_login(get_user_model().objects.get(username="partner"))
    other = new_referral("Welzijn op Recept")
    own = new_referral()
    client.post(welcome_url(own), ANSWER)
    client.force_login(get_user_model().objects.get(username="partner"))

    page = client.get(reverse("accounts:referrals")).content.decode()

    assert own.readable_code in page
    assert other.readable_code not in page
    assert "Mevrouw Bakker" not in page
    assert "06 11223344" not in page
    assert "Aylin" not in page  # the demo's Buurtteam referral that led to an account


def test_a_partner_of_welzijn_op_recept_sees_theirs(client):
    client.force_login(partner_of("Welzijn op Recept"))

    page = client.get(reverse("accounts:referrals")).content.decode()

    assert "WZRP-3456" in page
    assert "BVRT-2345" not in page


@pytest.mark.parametrize("who", ["resident", "partner of a non-referring organisation"])
def test_others_cannot_open_the_referrers_page(client, who):
    if who == "resident":
        person = get_user_model().objects.get(username="bewoner")
    else:
        person = partner_of("Taal Doet Meer")
    client.force_login(person)

    assert client.get(reverse("accounts:referrals")).status_code == 403
    assert client.post(reverse("accounts:referrals"), {"language": "nl"}).status_code == 403


def test_anonymous_visitors_are_asked_to_log_in(client):
    response = client.get(reverse("accounts:referrals"))

    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


ADMIN_LIST = "/admin/snippets/accounts/referral/"


@pytest.mark.parametrize(
    ("username", "status"),
    [("medewerker", 200), ("admin", 200), ("partner", 302), ("bewoner", 302)],
)
def test_only_staff_see_referrals_in_the_admin(client, username, status):
    client.force_login(get_user_model().objects.get(username=username))

    response = client.get(ADMIN_LIST)

    assert response.status_code == status
    if status == 200:
        assert "BVRT-2345" in response.content.decode()


def test_staff_filter_open_referrals_per_referrer(client):
    client.force_login(get_user_model().objects.get(username="medewerker"))

    response = client.get(
        ADMIN_LIST, {"organisation": organisation("Welzijn op Recept").pk, "status": "open"}
    )

    page = response.content.decode()
    assert "WZRP-7892" in page
    assert "WZRP-3456" not in page  # contacted
    assert "BVRT-2345" not in page


def test_staff_mark_a_referral_closed(client):
    referral = new_referral()
    client.force_login(get_user_model().objects.get(username="medewerker"))
    edit = f"{ADMIN_LIST}edit/{referral.pk}/"

    response = client.post(
        edit,
        {
            "organisation": referral.organisation.pk,
            "language": "nl",
            "contact_person": referral.contact_person.pk,
            "name": "",
            "phone": "",
            "email": "",
            "status": "closed",
        },
    )

    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == Referral.Status.CLOSED
    assert referral.handled_at is not None


# Personal data


def test_contact_details_are_forgotten_some_weeks_after_closing():
    recent = new_referral(name="Recent", phone="0612345678", status=Referral.Status.CLOSED)
    old = new_referral(name="Oud", phone="0612345678", status=Referral.Status.CLOSED)
    still_open = new_referral(name="Open", phone="0612345678")
    Referral.objects.filter(pk__in=[old.pk, still_open.pk]).update(
        handled_at=timezone.now() - REFERRAL_CONTACT_KEPT_FOR - timedelta(days=1)
    )

    call_command("forget_referral_contacts", stdout=open("/dev/null", "w"))  # noqa: SIM115

    for referral in (recent, old, still_open):
        referral.refresh_from_db()
    assert (old.name, old.phone) == ("", "")
    assert recent.name == "Recent"
    assert still_open.name == "Open"
    assert forget_contact_details() == 0


def test_the_residents_referral_is_in_their_export_and_erased_with_the_account(client):
    aylin = get_user_model().objects.get(username="aylin")
    referral = Referral.objects.get(resident=aylin)

    exported = export_personal_data(aylin)["referrals"]
    client.force_login(aylin)
    my_account = client.get(reverse("accounts:my_account")).content.decode()
    erase_account(aylin)

    assert exported[0]["email"] == "aylin@example.org"
    assert "Buurtteam" in my_account
    referral.refresh_from_db()
    assert (referral.name, referral.email, referral.resident) == ("", "", None)
    assert referral.account_made_at is not None  # still counts as led to an account


def test_staff_make_a_referral_in_the_admin(client):
    staff = get_user_model().objects.get(username="medewerker")
    client.force_login(staff)

    response = client.post(
        f"{ADMIN_LIST}add/",
        {
            "organisation": organisation("Welzijn op Recept").pk,
            "language": "pl",
            "contact_person": "",
            "name": "",
            "phone": "",
            "email": "",
            "status": "open",
        },
    )

    assert response.status_code == 302
    referral = Referral.objects.latest("created_at")
    assert (referral.created_by, referral.language) == (staff, "pl")
    assert len(referral.code) == CODE_LENGTH
