"""Origin records keyed on the WordPress site (host and blog path), not the host alone.

Existing rows get their host as their site: the key a site at the host's root has, so a second
import of such a site still finds them (`importer.adopt_host_records` covers a sub-directory one).
"""

from django.db import migrations, models
from django.db.models import F

MODELS = {
    "importedpost": ("post_id", "one_page_per_wordpress_post"),
    "importedauthor": ("login", "one_person_per_wordpress_login"),
    "importedterm": (("taxonomy", "slug"), "one_target_per_wordpress_term"),
    "importedattachment": ("attachment_id", "one_image_per_wordpress_attachment"),
}


def fill_site_from_host(apps, schema_editor):
    for name in MODELS:
        apps.get_model("wordpress", name).objects.update(site=F("source"))


def fields_of(key) -> list[str]:
    return list(key) if isinstance(key, tuple) else [key]


class Migration(migrations.Migration):
    dependencies = [
        ("wordpress", "0002_imported_post_fingerprint"),
    ]

    operations = [
        *(
            migrations.AddField(
                model_name=name,
                name="site",
                field=models.CharField(default="", max_length=500, verbose_name="WordPress site"),
                preserve_default=False,
            )
            for name in MODELS
        ),
        migrations.RunPython(fill_site_from_host, migrations.RunPython.noop),
        *(
            migrations.AlterField(
                model_name=name,
                name="source",
                field=models.CharField(max_length=255, verbose_name="WordPress host"),
            )
            for name in MODELS
        ),
        *(migrations.RemoveConstraint(model_name=name, name=constraint) for name, (_key, constraint) in MODELS.items()),
        *(
            migrations.AddConstraint(
                model_name=name,
                constraint=models.UniqueConstraint(fields=["site", *fields_of(key)], name=constraint),
            )
            for name, (key, constraint) in MODELS.items()
        ),
    ]
