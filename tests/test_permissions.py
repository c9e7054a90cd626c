"""The permissions matrix of docs/permissions.md, role by role and action by action.

Every action is a Django or Wagtail permission; this table is the one place that says who
has which, and it must match what the data migrations gave the groups.
"""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.permissions import policy_registry

from accounts.decorators import can_take_part
from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db
document_policy = policy_registry.get_by_type(get_document_model())
image_policy = policy_registry.get_by_type(get_image_model())

ROLES = ["anonymous", "Bewoners", "Redactie", "Partners", "Medewerkers", "Beheerders"]
PERMISSIONS = {
    # action: the roles that may do it
    "accounts.take_part": {"Bewoners", "Partners", "Medewerkers", "Beheerders"},
    "wagtailadmin.access_admin": {"Redactie", "Partners", "Medewerkers", "Beheerders"},
    "wagtail_localize.submit_translation": {"Medewerkers", "Beheerders"},
    "home.change_openinghours": {"Medewerkers", "Beheerders"},
    "home.change_centresettings": {"Beheerders"},
    "home.change_themesettings": {"Beheerders"},
    "accounts.change_organisation": {"Medewerkers", "Beheerders"},
    "accounts.delete_organisation": {"Beheerders"},
    "accounts.change_partnermembership": {"Medewerkers", "Beheerders"},
    "accounts.change_staffprofile": {"Medewerkers", "Beheerders"},
    "accounts.change_user": {"Beheerders"},
    "wagtailcore.change_site": {"Beheerders"},
    "wagtailcore.add_locale": {"Beheerders"},
    "wagtailcore.change_workflow": {"Beheerders"},
}
# Images and documents are permitted per collection (all of them, from the root collection).
COLLECTION_ACTIONS = {
    ("images", "add"): {"Redactie", "Partners", "Medewerkers", "Beheerders"},
    ("images", "choose"): {"Redactie", "Partners", "Medewerkers", "Beheerders"},
    # Anyone who uploads may delete their own images; only staff may delete others'.
    ("images", "delete someone else's"): {"Medewerkers", "Beheerders"},
    ("documents", "add"): {"Medewerkers", "Beheerders"},
}
PAGE_ACTIONS = {
    "edit pages": ("can_edit", {"Medewerkers", "Beheerders"}),
    "publish pages": ("can_publish", {"Medewerkers", "Beheerders"}),
    "delete pages": ("can_delete", {"Medewerkers", "Beheerders"}),
}


def person(role):
    """Someone in exactly this role, with a confirmed address."""
    if role == "anonymous":
        return AnonymousUser()
    return UserFactory(groups=[role], email_confirmed_at=timezone.now())


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("permission", PERMISSIONS)
def test_model_permissions(role, permission):
    assert person(role).has_perm(permission) is (role in PERMISSIONS[permission])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("kind", "action"), COLLECTION_ACTIONS)
def test_image_and_document_permissions(role, kind, action):
    policy = {"images": image_policy, "documents": document_policy}[kind]

    if action == "delete someone else's":
        portrait = get_image_model().objects.filter(uploaded_by_user=None).first()
        allowed = policy.user_has_permission_for_instance(person(role), "delete", portrait)
    else:
        allowed = policy.user_has_permission(person(role), action)

    assert allowed is (role in COLLECTION_ACTIONS[kind, action])


@pytest.mark.parametrize("role", ROLES[1:])
@pytest.mark.parametrize("action", PAGE_ACTIONS)
def test_page_permissions_anywhere_in_the_tree(role, action, help_page):
    method, allowed = PAGE_ACTIONS[action]

    assert getattr(help_page.permissions_for_user(person(role)), method)() is (role in allowed)


@pytest.mark.parametrize("role", ROLES)
def test_taking_part_needs_the_permission_and_a_confirmed_address(role):
    user = person(role)
    expected = role in PERMISSIONS["accounts.take_part"]

    assert can_take_part(user) is expected
    if role != "anonymous":
        user.email_confirmed_at = None
        assert can_take_part(user) is False


@pytest.mark.parametrize(
    ("role", "status"),
    [("Medewerkers", 200), ("Beheerders", 200), ("Redactie", 302), ("Bewoners", 302)],
)
def test_who_opens_the_partner_requests_in_the_admin(client, role, status):
    client.force_login(person(role))

    response = client.get("/admin/snippets/accounts/partnermembership/")

    assert response.status_code == status


def test_only_beheerders_open_the_centre_settings(client):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/home/centresettings/{site.pk}/"

    client.force_login(person("Medewerkers"))
    assert client.get(url).status_code == 302
    client.force_login(person("Beheerders"))
    assert client.get(url).status_code == 200
