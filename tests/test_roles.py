"""The five roles exist with what each may do, and resident content has an approval route."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import Page, Workflow

from accounts.factories import UserFactory
from accounts.roles import ROLES
from home.models import CentreApprovalTask, HomePage

pytestmark = pytest.mark.django_db


def test_exactly_the_five_roles_exist():
    assert sorted(Group.objects.values_list("name", flat=True)) == sorted(ROLES)


@pytest.mark.parametrize(
    ("role", "admin", "publish_pages", "edit_settings"),
    [
        ("Bewoners", False, False, False),
        ("Redactie", True, False, False),
        ("Partners", True, False, False),
        ("Medewerkers", True, True, False),
        ("Beheerders", True, True, True),
    ],
)
def test_what_each_role_may_do(role, admin, publish_pages, edit_settings):
    person = UserFactory(groups=[role])
    home = HomePage.objects.get(locale__language_code="nl")

    assert person.has_perm("wagtailadmin.access_admin") is admin
    assert home.permissions_for_user(person).can_publish() is publish_pages
    assert person.has_perm("home.change_centresettings") is edit_settings


def test_staff_approval_workflow_exists_for_the_sections_to_use():
    workflow = Workflow.objects.get(name="Goedkeuring door medewerkers")
    task = CentreApprovalTask.objects.get(workflow_tasks__workflow=workflow)

    assert list(task.groups.values_list("name", flat=True)) == ["Medewerkers"]
    assert workflow.active


def test_no_default_workflow_catches_every_page():
    root = Page.get_first_root_node()

    assert root.get_workflow() is None
    assert not Workflow.objects.filter(name="Moderators approval").exists()
