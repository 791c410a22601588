from django.db import migrations


def create_the_site_identity(apps, schema_editor):
    # Made here rather than by the first reader's request, which would write to the database
    # (and make a page's first rendering cost a query more than the next).
    SiteIdentity = apps.get_model("identity", "SiteIdentity")
    if not SiteIdentity.objects.exists():
        SiteIdentity.objects.create()


class Migration(migrations.Migration):
    dependencies = [("identity", "0001_site_identity")]

    operations = [migrations.RunPython(create_the_site_identity, migrations.RunPython.noop)]
