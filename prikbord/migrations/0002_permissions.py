"""Medewerkers see reported cards and mark them handled; Beheerders may also delete them.

Residents need no permission here: they post and look after their cards on the site, which
checks that a card is theirs. Hiding a card is Wagtail's unpublish, which Medewerkers already
may do on the whole page tree (accounts/migrations/0002_roles.py).
"""

from django.db import migrations

from accounts import roles

CARE = ["prikbord.view_cardreport", "prikbord.change_cardreport"]


def grant(apps, schema_editor):
    roles.ensure_all_permissions(apps)
    roles.grant(apps, roles.STAFF, CARE)
    roles.grant(apps, roles.ADMINISTRATORS, [*CARE, "prikbord.delete_cardreport"])


class Migration(migrations.Migration):
    dependencies = [("prikbord", "0001_initial"), ("accounts", "0004_people_permissions")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
