"""Many centres in one install: staff of one centre cannot see, change or approve anything of
another centre, whatever address they type.

Rosa (the demo) is centre A; each test adds a small centre B with one of everything staff
handle: pages, an activity with a sign-up, a card waiting for approval and a reported card, a
request, a question in the huiskamer with a reported message, a goal. `anna` is staff of Rosa
only, `bert` of B only; neither is in the city-wide group Medewerkers.
"""

from io import BytesIO, StringIO

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.core.management.sql import emit_post_migrate_signal
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site, Workflow

from accounts.centres import add_centre_staff, centre_collection
from accounts.factories import OrganisationFactory, UserFactory
from accounts.models import PartnerMembership, Referral, StaffProfile
from accounts.schedule import slot
from agenda.factories import (
    ActivityPageFactory,
    AgendaIndexPageFactory,
    OccurrenceFactory,
    SignUpFactory,
)
from buurtkrant.factories import PhotoFactory
from doelen.models import Figure, Goal
from home.factories import HomePageFactory
from home.models import PartnersPage, RequestFormPage, RequestSubmission, TeamPage
from huiskamer.models import Conversation, Message, MessageReport
from prikbord.factories import PrikbordItemPageFactory, PrikbordPageFactory, ResidentFactory
from prikbord.models import CardReport
from prikbord.photos import store_photo

B_HOST = "centrum-b.localhost"


@pytest.fixture
def centre_b(db):
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Buurtcentrum B", slug="b")
    return Site.objects.create(hostname=B_HOST, root_page=home, site_name="Buurtcentrum B")


@pytest.fixture
def anna(db):
    user = UserFactory(username="anna")
    add_centre_staff(user, Site.objects.get(is_default_site=True))
    return user


@pytest.fixture
def bert(centre_b):
    user = UserFactory(username="bert")
    add_centre_staff(user, centre_b)
    return user


@pytest.fixture
def b_things(centre_b):
    """One of everything of centre B that staff look after."""
    home = centre_b.root_page.specific
    resident = ResidentFactory()
    activity = ActivityPageFactory(parent=AgendaIndexPageFactory(parent=home), title="Koffie B")
    occurrence = OccurrenceFactory(
        activity_key=activity.translation_key,
        title="Koffie B",
        starts_at=timezone.now() + timezone.timedelta(1),
    )
    board = PrikbordPageFactory(parent=home)
    card = PrikbordItemPageFactory(parent=board, owner=resident)
    waiting = PrikbordItemPageFactory(parent=board, owner=resident, published=False)
    Workflow.objects.get(name="Goedkeuring door medewerkers").start(waiting, resident)
    form = home.add_child(
        instance=RequestFormPage(
            title="Meedoen B", slug="meedoen", kind="join", thank_you_text="Dank je"
        )
    )
    question = Conversation.objects.create(
        kind=Conversation.Kind.STAFF_QUESTION, site=centre_b, started_by=resident
    )
    message = Message.objects.create(
        conversation=question, author=resident, text="Hoe werkt dit?", language="nl"
    )
    organisation = OrganisationFactory(site=centre_b, name="Buurthulp B", refers_residents=True)
    return {
        "home": home,
        "activity": activity,
        "sign_up": SignUpFactory(occurrence=occurrence, name="Gast van B"),
        "card": card,
        "waiting": waiting,
        "card_report": CardReport.objects.create(card=card, reporter=resident, reason="other"),
        "request": RequestSubmission.objects.create(page=form, form_data={"naam": "B"}),
        "question": question,
        "message": message,
        "message_report": MessageReport.objects.create(
            message=message, reporter=resident, reason="Niet aardig"
        ),
        # A new centre gets the default goals; the first is B's goal here.
        "goal": Goal.objects.filter(site=centre_b).first(),
        "organisation": organisation,
        "partner_request": PartnerMembership.objects.create(
            user=UserFactory(display_name="Paula van B"), organisation=organisation
        ),
        "referral": Referral.objects.create(
            organisation=organisation, name="Rina van B", phone="0612345678"
        ),
        "staff_face": StaffProfile.objects.create(
            user=UserFactory(display_name="Bas van B"),
            site=centre_b,
            role=StaffProfile.Role.COORDINATOR,
            online_hours=[slot(day, "00:00", "23:59") for day in range(7)],
        ),
    }


ADMIN_VIEWSETS = {
    "sign_up": "sign_ups",
    "request": "requests",
    "card_report": "wagtailsnippets_prikbord_cardreport",
    "message_report": "wagtailsnippets_huiskamer_messagereport",
    "goal": "goals",
    "organisation": "wagtailsnippets_accounts_organisation",
    "partner_request": "wagtailsnippets_accounts_partnermembership",
    "referral": "wagtailsnippets_accounts_referral",
    "staff_face": "wagtailsnippets_accounts_staffprofile",
}


def admin_url(thing, action, pk=None):
    namespace = ADMIN_VIEWSETS[thing]
    if action == "index" and namespace.startswith("wagtailsnippets"):
        action = "list"
    return reverse(f"{namespace}:{action}", args=[pk] if pk is not None else [])


def _listed(client, thing, b_things):
    """Whether the admin list of this kind of object shows B's object."""
    response = client.get(admin_url(thing, "index"))
    assert response.status_code == 200
    marker = (
        b_things["sign_up"].name
        if thing == "sign_up"
        else admin_url(thing, "edit", b_things[thing].pk)
    )
    return marker in response.content.decode()


def _refused(response):
    """The Wagtail admin answers a refused address with its dashboard and a message."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


@pytest.mark.parametrize("thing", ADMIN_VIEWSETS)
def test_staff_list_and_reach_only_their_own_centres_objects(client, anna, bert, b_things, thing):
    client.force_login(bert)
    assert _listed(client, thing, b_things)
    # Staff remove sign-ups (people phone to say they cannot come); the rest they change.
    action = "delete" if thing == "sign_up" else "edit"
    assert client.get(admin_url(thing, action, b_things[thing].pk)).status_code == 200

    client.force_login(anna)
    assert not _listed(client, thing, b_things)
    for action in ("edit", "delete"):
        url = admin_url(thing, action, b_things[thing].pk)
        assert _refused(client.get(url))
        assert _refused(client.post(url, {}))
    assert type(b_things[thing]).objects.filter(pk=b_things[thing].pk).exists()


def test_staff_cannot_edit_or_publish_another_centres_pages(client, anna, b_things):
    client.force_login(anna)
    activity = b_things["activity"]

    response = client.get(reverse("wagtailadmin_pages:edit", args=[activity.pk]))
    assert response.status_code in (302, 403)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[activity.pk]),
        {"title": "Overgenomen", "slug": activity.slug, "action-publish": "publish"},
    )
    assert response.status_code in (302, 403)
    activity.refresh_from_db()
    assert activity.title == "Koffie B"
    assert not activity.permissions_for_user(anna).can_edit()


def photo_upload(client, title, collection):
    buffer = BytesIO()
    Image.new("RGB", (40, 30), "#336699").save(buffer, format="JPEG")
    upload = SimpleUploadedFile("foto.jpg", buffer.getvalue(), "image/jpeg")
    data = {"title": title, "description": "Een foto", "collection": collection.pk, "file": upload}
    return client.post(reverse("wagtailimages:add"), data)


def test_staff_keep_images_in_their_own_centres_collection_out_of_reach_of_others(
    client, anna, bert, centre_b
):
    rosa = centre_collection(Site.objects.get(is_default_site=True))
    bert_client = Client()
    bert_client.force_login(bert)
    photo_upload(bert_client, "Foto van B", centre_collection(centre_b))
    photo = get_image_model().objects.get(title="Foto van B")
    assert photo.collection == centre_collection(centre_b)
    photo_upload(bert_client, "Stiekem bij Rosa", rosa)  # B's is the only collection he may use
    assert get_image_model().objects.get(title="Stiekem bij Rosa").collection != rosa

    client.force_login(anna)
    assert "Foto van B" not in client.get(reverse("wagtailimages:index")).content.decode()
    assert "Foto van B" not in client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert client.get(reverse("wagtailimages:edit", args=[photo.pk])).status_code in (302, 403)
    client.post(reverse("wagtailimages:delete", args=[photo.pk]))
    assert get_image_model().objects.filter(pk=photo.pk).exists()
    photo_upload(client, "Foto van Rosa", rosa)
    assert get_image_model().objects.get(title="Foto van Rosa").collection == rosa


def test_a_card_photo_goes_to_its_centres_collection_where_only_that_centres_staff_see_it(
    client, anna, bert, centre_b
):
    buffer = BytesIO()
    Image.new("RGB", (40, 30), "#993366").save(buffer, format="JPEG")
    photo = store_photo(buffer, ResidentFactory(), "Fiets van B", "Een fiets", centre_b)

    assert photo.collection.get_parent() == centre_collection(centre_b)
    client.force_login(bert)
    assert "Fiets van B" in client.get(reverse("wagtailimages:index")).content.decode()
    client.force_login(anna)
    assert "Fiets van B" not in client.get(reverse("wagtailimages:index")).content.decode()


def test_card_photos_from_before_the_upgrade_move_to_their_centres_collection(b_things):
    card = b_things["card"]
    older = Collection.get_first_root_node().add_child(name="Prikbord")
    card.photo = PhotoFactory(collection=older)
    card.save()

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    card.photo.refresh_from_db()
    assert card.photo.collection.name == "Prikbord"
    assert card.photo.collection.get_parent() == centre_collection(card.get_site())


def test_the_explorer_shows_only_their_own_centre(client, anna, bert, b_things):
    b_home = reverse("wagtailadmin_explore", args=[b_things["home"].pk])
    client.force_login(anna)

    assert b_home not in client.get(reverse("wagtailadmin_explore_root")).content.decode()
    b_agenda = client.get(
        reverse("wagtailadmin_explore", args=[b_things["activity"].get_parent().pk])
    )
    activity_edit = reverse("wagtailadmin_pages:edit", args=[b_things["activity"].pk])
    assert activity_edit not in b_agenda.content.decode()
    client.force_login(bert)  # B has one language: the explorer opens at its home page
    assert client.get(reverse("wagtailadmin_explore_root")).url == b_home


def _approve(client, page):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {})


def test_staff_cannot_approve_another_centres_card(client, anna, bert, b_things):
    waiting = b_things["waiting"]
    client.force_login(anna)

    assert _approve(client, waiting).status_code in (302, 403)
    waiting.refresh_from_db()
    assert not waiting.live
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert waiting.title not in dashboard

    client.force_login(bert)
    assert waiting.title in client.get(reverse("wagtailadmin_home")).content.decode()
    _approve(client, waiting)
    waiting.refresh_from_db()
    assert waiting.live


def test_staff_cannot_read_or_answer_another_centres_question(client, anna, bert, b_things):
    question = b_things["question"]
    client.force_login(anna)

    assert client.get(reverse("huiskamer:conversation", args=[question.pk])).status_code == 404
    post = client.post(
        reverse("huiskamer:conversation", args=[question.pk]), {"text": "Antwoord van A"}
    )
    assert post.status_code == 404
    assert client.post(reverse("huiskamer:take_question", args=[question.pk])).status_code == 404
    assert client.get(reverse("huiskamer:inbox"), HTTP_HOST=B_HOST).status_code == 404
    assert not question.messages.filter(author=anna).exists()

    client.force_login(bert)
    assert client.get(reverse("huiskamer:inbox"), HTTP_HOST=B_HOST).status_code == 200
    assert client.get(reverse("huiskamer:conversation", args=[question.pk])).status_code == 200


def test_staff_cannot_hide_messages_in_another_centre(client, anna, b_things):
    message = b_things["message"]
    client.force_login(anna)

    client.post(reverse("huiskamer:hide_message", args=[message.pk]))

    message.refresh_from_db()
    assert message.hidden_at is None


def test_staff_set_goals_only_for_their_own_centre(client, anna, centre_b):
    client.force_login(anna)
    response = client.post(
        reverse("goals:add"),
        {
            "site": centre_b.pk,
            "figure": Figure.REQUESTS_PER_WEEK,
            "target": 5,
            "starts_on": "2026-01-01",
            "target_date": "2026-12-31",
        },
    )

    assert response.status_code == 200  # the form again, with the error
    assert not Goal.objects.filter(site=centre_b, figure=Figure.REQUESTS_PER_WEEK).exists()


def test_goals_and_monthly_report_are_of_their_own_centre(client, anna, b_things):
    client.force_login(anna)

    report = client.get(reverse("doelen_monthly_report"), HTTP_HOST=B_HOST)

    assert report.status_code == 200
    assert "Buurtcentrum B" not in report.content.decode()
    assert "Rosa" in report.content.decode()


def test_sign_up_dates_to_filter_on_are_of_their_own_centre(client, anna, bert, b_things):
    client.force_login(anna)
    assert "Koffie B" not in client.get(admin_url("sign_up", "index")).content.decode()

    client.force_login(bert)
    assert "Koffie B" in client.get(admin_url("sign_up", "index")).content.decode()


def test_a_new_language_of_the_home_page_is_looked_after_by_that_centres_staff(bert, centre_b):
    english = centre_b.root_page.copy_for_translation(Locale.objects.get(language_code="en"))

    assert english.permissions_for_user(bert).can_publish()


def test_city_wide_staff_look_after_every_centre(client, b_things):
    client.force_login(UserFactory(groups=["Medewerkers"]))

    assert _listed(client, "request", b_things)


def test_the_command_makes_someone_staff_of_one_centre(centre_b, b_things):
    person = UserFactory(username="carla")

    call_command("add_centre_staff", "carla", B_HOST, stdout=StringIO())

    assert b_things["activity"].permissions_for_user(person).can_publish()
    rosa = Site.objects.get(is_default_site=True).root_page
    assert not rosa.permissions_for_user(person).can_edit()
    with pytest.raises(CommandError, match="No single site"):
        call_command("add_centre_staff", "carla", "elders.localhost")


def test_partner_requests_and_referrals_go_to_their_own_centres_staff(
    client, anna, bert, b_things, mailoutbox
):
    client.force_login(anna)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Paula van B" not in dashboard
    new_referral = client.get(reverse("wagtailsnippets_accounts_referral:add")).content.decode()
    assert "Buurthulp B" not in new_referral and "Buurtteam" in new_referral
    assert (
        "Buurthulp B"
        not in client.get(reverse("wagtailsnippets_accounts_referral:list")).content.decode()
    )

    client.force_login(bert)
    assert "Paula van B" in client.get(reverse("wagtailadmin_home")).content.decode()
    new_referral = client.get(reverse("wagtailsnippets_accounts_referral:add")).content.decode()
    assert "Buurthulp B" in new_referral and "Buurtteam" not in new_referral

    client.logout()
    with translation.override("nl"):
        partner_sign_up = reverse("accounts:partner_sign_up")
    sign_up = client.get(partner_sign_up, HTTP_HOST=B_HOST)
    assert "Buurthulp B" in sign_up.content.decode()
    assert "Buurtteam" not in sign_up.content.decode()
    client.post(
        partner_sign_up,
        {
            "display_name": "Paula B",
            "email": "paula.b@example.org",
            "password": "een lang wachtwoord 42",
            "organisation": str(b_things["organisation"].translation_key),
            "role": "vrijwilliger",
            "consent": "on",
        },
        HTTP_HOST=B_HOST,
    )
    assert PartnerMembership.objects.filter(
        user__email="paula.b@example.org", organisation=b_things["organisation"]
    ).exists()
    told = {address for email in mailoutbox for address in email.to}
    assert bert.email in told and anna.email not in told


def test_each_centres_partners_page_shows_its_own_organisations(client, b_things):
    rosa = client.get("/nl/partners/").content.decode()
    assert "Buurtteam" in rosa and "Buurthulp B" not in rosa

    partners = b_things["home"].add_child(instance=PartnersPage(title="Partners", slug="partners"))
    b = client.get(partners.url, HTTP_HOST=B_HOST).content.decode()
    assert "Buurthulp B" in b and "Buurtteam" not in b


def test_only_staff_of_the_cards_centre_hear_that_it_waits_for_approval(
    anna, bert, b_things, mailoutbox
):
    waiting = b_things["waiting"].title
    told = {address for email in mailoutbox if waiting in email.subject for address in email.to}

    assert bert.email in told
    assert "medewerker@example.org" in told  # city-wide staff look after every centre
    assert anna.email not in told


def test_each_centre_shows_its_own_staff_faces_and_those_of_every_centre(client, b_things):
    city_wide = StaffProfile.objects.get(user__username="samira")
    city_wide.site = None
    city_wide.save()
    b_home = b_things["home"]
    b_team = b_home.add_child(instance=TeamPage(title="Wie zijn wij", slug="wie-zijn-wij"))

    rosa_face = StaffProfile.objects.filter(site__is_default_site=True).first().user.display_name

    rosa = client.get("/nl/wie-zijn-wij/").content.decode()
    b = client.get(b_team.url, HTTP_HOST=B_HOST).content.decode()

    assert "Bas van B" in b and "Bas van B" not in rosa
    assert rosa_face in rosa and rosa_face not in b
    assert city_wide.user.display_name in rosa and city_wide.user.display_name in b


def test_the_living_room_shows_only_its_own_centres_staff_as_here(client, b_things):
    client.force_login(ResidentFactory())
    here = client.get("/nl/huiskamer/").content.decode()
    assert "Bas van B" not in here
