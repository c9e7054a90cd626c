"""Who may do what in the buurtkrant.

Resident editors (Redactie) may add articles under each buurtkrant index page, never publish:
staff approve them in the workflow "Goedkeuring door medewerkers", which is attached to each
index page. Index pages made later get both from a post_save signal (apps.py). Staff choose an
article's author, web address and publication date, and look after the themes.
"""

from django.db import migrations

from accounts import roles

WORKFLOW_NAME = "Goedkeuring door medewerkers"
THEMES = ["buurtkrant.add_articletheme", "buurtkrant.change_articletheme"]
SETTINGS = ["buurtkrant.edit_article_settings"]


def grant(apps, schema_editor):
    roles.ensure_all_permissions(apps)
    roles.grant(apps, roles.STAFF, [*THEMES, *SETTINGS])
    roles.grant(apps, roles.ADMINISTRATORS, [*THEMES, "buurtkrant.delete_articletheme", *SETTINGS])
    BuurtkrantIndexPage = apps.get_model("buurtkrant", "BuurtkrantIndexPage")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    for index_page in BuurtkrantIndexPage.objects.all():
        roles.grant_pages(apps, roles.EDITORS, index_page, ["wagtailcore.add_page"])
        if workflow is not None:
            WorkflowPage.objects.get_or_create(
                page_id=index_page.pk, defaults={"workflow": workflow}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("buurtkrant", "0001_initial"),
        ("accounts", "0002_roles"),
        ("home", "0002_approval_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
