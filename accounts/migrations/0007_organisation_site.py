"""Every partner organisation belongs to one centre. The ones that exist were the centre's
when there was one: they go to the default site."""

import django.db.models.deletion
from django.db import migrations, models


def to_default_site(apps, schema_editor):
    Organisation = apps.get_model("accounts", "Organisation")
    Site = apps.get_model("wagtailcore", "Site")
    site = Site.objects.order_by("-is_default_site", "pk").first()
    if site is not None:
        Organisation.objects.filter(site=None).update(site=site)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_referral_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="site",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="organisations",
                to="wagtailcore.site",
                verbose_name="site",
            ),
        ),
        migrations.RunPython(to_default_site, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="organisation",
            name="site",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="organisations",
                to="wagtailcore.site",
                verbose_name="site",
            ),
        ),
    ]
