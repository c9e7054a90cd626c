"""The roles of DESIGN.md as Django groups, and the helpers data migrations use to equip them.

Each app grants its own permissions in its own data migration, so a section brings its rights
with it and a lower layer never has to know about a higher one. The whole matrix is written
down in docs/permissions.md.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes

RESIDENTS = "Bewoners"
EDITORS = "Redactie"
PARTNERS = "Partners"
STAFF = "Medewerkers"
ADMINISTRATORS = "Beheerders"
ROLES = [RESIDENTS, EDITORS, PARTNERS, STAFF, ADMINISTRATORS]


def ensure_all_permissions(apps):
    """Create content types and permissions now instead of after all migrations.

    Django makes them in a post_migrate signal, too late for a data migration on a new database.
    """
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def get_permission(apps, dotted):
    """The Permission for 'app_label.codename'."""
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant(apps, group_name, permissions):
    """Give a group model permissions such as 'wagtailadmin.access_admin'."""
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=group_name)
    group.permissions.add(*(get_permission(apps, dotted) for dotted in permissions))


def grant_collection(apps, group_name, permissions):
    """Give a group permissions on the root collection (so on all images and documents)."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group = Group.objects.get(name=group_name)
    root = Collection.objects.get(depth=1)
    for dotted in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=get_permission(apps, dotted)
        )


def grant_pages(apps, group_name, page, permissions):
    """Give a group page permissions (e.g. 'wagtailcore.add_page') on a page and its subtree."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group = Group.objects.get(name=group_name)
    for dotted in permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page.pk, permission=get_permission(apps, dotted)
        )
