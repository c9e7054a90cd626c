"""Who may take part, and who looks after partner organisations and staff faces.

Taking part (posting, reacting, signing up) is one permission, accounts.take_part; sections
check it together with a confirmed e-mail address (accounts.decorators.can_take_part).
"""

from django.db import migrations

from accounts import roles

CARE = [
    "accounts.add_organisation",
    "accounts.change_organisation",
    "accounts.view_partnermembership",
    "accounts.change_partnermembership",
    "accounts.add_staffprofile",
    "accounts.change_staffprofile",
]
DELETE = [
    "accounts.delete_organisation",
    "accounts.delete_partnermembership",
    "accounts.delete_staffprofile",
]


def grant(apps, schema_editor):
    roles.ensure_all_permissions(apps)
    for role in roles.ROLES:
        if role != roles.EDITORS:  # a redactielid is also a resident, in Bewoners
            roles.grant(apps, role, ["accounts.take_part"])
    roles.grant(apps, roles.STAFF, CARE)
    roles.grant(apps, roles.ADMINISTRATORS, CARE + DELETE)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_people")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
