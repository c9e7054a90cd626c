"""Who may do what in the agenda.

Partners propose activities: they may add pages under every agenda, and the agenda goes
through the "Goedkeuring door medewerkers" workflow, so staff approve before anything is
published. Agendas made later get the same from agenda.signals. Staff and administrators see
who signed up (and export it) and may remove a sign-up for someone who phoned to cancel.
"""

from django.db import migrations

from accounts import roles

SIGN_UPS = ["agenda.view_signup", "agenda.delete_signup"]
WORKFLOW_NAME = "Goedkeuring door medewerkers"


def grant(apps, schema_editor):
    roles.ensure_all_permissions(apps)
    roles.grant(apps, roles.STAFF, SIGN_UPS)
    roles.grant(apps, roles.ADMINISTRATORS, SIGN_UPS)
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    for agenda in apps.get_model("agenda", "AgendaIndexPage").objects.all():
        roles.grant_pages(apps, roles.PARTNERS, agenda, ["wagtailcore.add_page"])
        if workflow is not None:
            WorkflowPage.objects.get_or_create(page_id=agenda.pk, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0001_initial"),
        ("accounts", "0004_people_permissions"),
        ("home", "0002_approval_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
