"""Every existing site gets the default goals; staff and administrators look after goals."""

from django.db import migrations

from accounts import roles
from doelen.defaults import create_default_goals

LOOK_AFTER = ["doelen.view_goal", "doelen.add_goal", "doelen.change_goal"]


def defaults_and_permissions(apps, schema_editor):
    Goal = apps.get_model("doelen", "Goal")
    for site in apps.get_model("wagtailcore", "Site").objects.all():
        create_default_goals(Goal, site.pk)
    roles.ensure_all_permissions(apps)
    roles.grant(apps, roles.STAFF, LOOK_AFTER)
    roles.grant(apps, roles.ADMINISTRATORS, [*LOOK_AFTER, "doelen.delete_goal"])


class Migration(migrations.Migration):
    dependencies = [("doelen", "0001_goals"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(defaults_and_permissions, migrations.RunPython.noop)]
