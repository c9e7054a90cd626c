"""Staff read requests and mark them handled; Beheerders may also delete them.

The form pages themselves are pages: Medewerkers and Beheerders edit them (and so see Wagtail's
own submissions list with its CSV export) through the page permissions they already have.
"""

from django.db import migrations

from accounts import roles

HANDLE = ["home.view_requestsubmission", "home.change_requestsubmission"]


def grant(apps, schema_editor):
    roles.ensure_all_permissions(apps)
    roles.grant(apps, roles.STAFF, HANDLE)
    roles.grant(apps, roles.ADMINISTRATORS, [*HANDLE, "home.delete_requestsubmission"])


class Migration(migrations.Migration):
    dependencies = [("home", "0007_request_forms"), ("accounts", "0004_people_permissions")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
