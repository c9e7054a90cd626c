"""The five groups of DESIGN.md with what Wagtail and Django let each of them do.

Sections add their own permissions in their own migrations; docs/permissions.md has the matrix.
Wagtail's default groups (Editors, Moderators) are removed so there is one set of roles.
"""

from django.db import migrations

from accounts import roles

IMAGE_USE = ["wagtailimages.add_image", "wagtailimages.choose_image"]
MEDIA_CARE = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtailimages.delete_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtaildocs.delete_document",
]
CONTENT_CARE = [
    "wagtailcore.add_page",
    "wagtailcore.change_page",
    "wagtailcore.publish_page",
    "wagtailcore.lock_page",
    "wagtailcore.unlock_page",
]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    roles.ensure_all_permissions(apps)

    for name in roles.ROLES:
        Group.objects.get_or_create(name=name)
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()
    root_page = Page.objects.get(depth=1)

    # Residents take part on the public site only; they never see the admin.
    for name in (roles.EDITORS, roles.PARTNERS):
        roles.grant(apps, name, ["wagtailadmin.access_admin"])
        roles.grant_collection(apps, name, IMAGE_USE)

    roles.grant(
        apps, roles.STAFF, ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"]
    )
    roles.grant_collection(apps, roles.STAFF, MEDIA_CARE)
    roles.grant_pages(apps, roles.STAFF, root_page, CONTENT_CARE)

    roles.grant(
        apps,
        roles.ADMINISTRATORS,
        [
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "wagtailcore.add_site",
            "wagtailcore.change_site",
            "wagtailcore.delete_site",
            "wagtailcore.add_locale",
            "wagtailcore.change_locale",
            "wagtailcore.delete_locale",
            "wagtailcore.add_workflow",
            "wagtailcore.change_workflow",
            "wagtailcore.add_task",
            "wagtailcore.change_task",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
            "accounts.add_user",
            "accounts.change_user",
            "accounts.delete_user",
            "accounts.view_user",
        ],
    )
    roles.grant_collection(apps, roles.ADMINISTRATORS, MEDIA_CARE)
    roles.grant_pages(
        apps, roles.ADMINISTRATORS, root_page, [*CONTENT_CARE, "wagtailcore.bulk_delete_page"]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
