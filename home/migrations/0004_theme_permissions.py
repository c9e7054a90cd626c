"""Beheerders choose the look per language."""

from django.db import migrations

from accounts import roles


def grant_theme_settings(apps, schema_editor):
    roles.ensure_all_permissions(apps)
    roles.grant(apps, roles.ADMINISTRATORS, ["home.change_themesettings"])


class Migration(migrations.Migration):
    dependencies = [("home", "0003_themes")]

    operations = [migrations.RunPython(grant_theme_settings, migrations.RunPython.noop)]
