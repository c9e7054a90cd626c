"""`load_demo --centres 2 --items 10`: a second demo centre next to Rosa on its own host name,
with its own home page, sections and medewerker, filled with a little volume; run again, it
adds nothing."""

from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Page, Site

from accounts.centres import sites_in_care_of
from agenda.models import AgendaIndexPage, SignUp
from buurtkrant.models import ArticlePage, BuurtkrantIndexPage
from home.models import RequestSubmission
from huiskamer.models import Conversation, Message
from prikbord.models import PrikbordItemPage, PrikbordPage

HOST = "centrum-2.localhost"


@pytest.fixture
def two_centres(db):
    call_command("load_demo", centres=2, items=10, force=True, stdout=StringIO())
    return Site.objects.get(hostname=HOST)


def test_the_second_centre_is_a_site_of_its_own_and_loads_once(client, two_centres):
    """It answers on its host name with its own pages; submissions go through the staff's
    approval; its medewerker looks after it only; a second run adds nothing."""
    welcome = client.get("/nl/", HTTP_HOST=HOST)
    assert welcome.status_code == 200
    assert "Welkom bij buurtcentrum Ondiep" in welcome.text
    assert "أهلاً بك في مركز الحي Ondiep" in client.get("/ar/", HTTP_HOST=HOST).text
    assert "Welkom bij Buurtcentrum Rosa" in client.get("/nl/", HTTP_HOST="localhost").text

    paper = client.get("/nl/buurtkrant/", HTTP_HOST=HOST)
    assert "Nieuws uit Ondiep" in paper.text
    assert "/buurtkrant/buurtnieuws-1/" in paper.text
    for section in ("agenda", "prikbord", "huiskamer", "hulp"):
        assert client.get(f"/nl/{section}/", HTTP_HOST=HOST).status_code == 200

    home = two_centres.root_page
    for section in (BuurtkrantIndexPage, AgendaIndexPage, PrikbordPage):
        assert section.objects.child_of(home).get().get_workflow() is not None
    assert ArticlePage.objects.descendant_of(home).count() == 10
    assert PrikbordItemPage.objects.descendant_of(home).count() == 10
    assert Conversation.objects.filter(site=two_centres).exists()

    staff = get_user_model().objects.get(username="medewerker-centrum-2")
    assert staff.check_password("demo")
    assert list(sites_in_care_of(staff)) == [two_centres]

    # Loading the demo is slow, so the same test checks that a second run adds nothing.
    def counts():
        return [
            model.objects.count()
            for model in (
                Page,
                Site,
                get_user_model(),
                Message,
                Conversation,
                SignUp,
                RequestSubmission,
            )
        ]

    before = counts()
    call_command("load_demo", centres=2, items=10, force=True, stdout=StringIO())
    assert counts() == before
