"""Who handles referrals: staff follow them up in the admin (administrators may delete them);
partners of a referring organisation make them on the site, for their own organisation only
(accounts.referrals.referring_organisations checks the organisation)."""

from django.db import migrations

from accounts import roles

CARE = ["accounts.add_referral", "accounts.change_referral", "accounts.view_referral"]


def grant(apps, schema_editor):
    roles.ensure_all_permissions(apps)
    roles.grant(apps, roles.PARTNERS, ["accounts.refer_residents"])
    roles.grant(apps, roles.STAFF, CARE)
    roles.grant(apps, roles.ADMINISTRATORS, CARE + ["accounts.delete_referral"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_referral")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
