"""Medewerkers answer residents' questions and look after the living room; so do Beheerders."""

from django.db import migrations

from accounts import roles

CARE = [
    "huiskamer.answer_questions",
    "huiskamer.moderate_living_room",
    "huiskamer.view_messagereport",
    "huiskamer.change_messagereport",
]


def grant(apps, schema_editor):
    roles.ensure_all_permissions(apps)
    roles.grant(apps, roles.STAFF, CARE)
    roles.grant(apps, roles.ADMINISTRATORS, [*CARE, "huiskamer.delete_messagereport"])


class Migration(migrations.Migration):
    dependencies = [("huiskamer", "0001_initial"), ("accounts", "0004_people_permissions")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
