"""The "Goedkeuring door medewerkers" workflow that resident content goes through.

A group-approval task for Medewerkers; the sections attach it to their index pages. Wagtail's
default "Moderators approval" workflow is removed with the default groups it belonged to.
Medewerkers and Beheerders look after opening hours; Beheerders the centre's settings.
"""

from django.db import migrations

from accounts import roles

WORKFLOW_NAME = "Goedkeuring door medewerkers"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    roles.ensure_all_permissions(apps)

    # Wagtail's own default workflow hangs off the root page and would catch every page.
    Workflow.objects.filter(name="Moderators approval").delete()
    GroupApprovalTask.objects.filter(name="Moderators approval").delete()

    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _created = GroupApprovalTask.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([Group.objects.get(name=roles.STAFF)])
    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    hours = ["home.add_openinghours", "home.change_openinghours", "home.delete_openinghours"]
    roles.grant(apps, roles.STAFF, hours)
    roles.grant(apps, roles.ADMINISTRATORS, [*hours, "home.change_centresettings"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
