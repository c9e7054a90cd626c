"""Every group approval step becomes an approval by the centre's staff (see CentreApprovalTask).

Same name, same groups, same place in each workflow; work waiting for approval moves along."""

from django.db import migrations


def use_centre_approval(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    CentreApprovalTask = apps.get_model("home", "CentreApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    task_type, _created = ContentType.objects.get_or_create(
        app_label="home", model="centreapprovaltask"
    )
    for old in GroupApprovalTask.objects.filter(content_type__model="groupapprovaltask"):
        new = CentreApprovalTask.objects.create(
            name=old.name, active=old.active, content_type=task_type
        )
        new.groups.set(old.groups.all())
        WorkflowTask.objects.filter(task_id=old.pk).update(task_id=new.pk)
        TaskState.objects.filter(task_id=old.pk).update(task_id=new.pk)
        old.delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0009_centre_approval_task")]

    operations = [migrations.RunPython(use_centre_approval, migrations.RunPython.noop)]
