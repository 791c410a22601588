"""Tags become the house's own translated snippets (taxonomy.Tag), managed like the other terms:
Editors add, change and delete them, Translators name them in their languages."""

from django.db import migrations

EDITORS = "Editors"
TRANSLATORS = "Translators"
GRANTS = {EDITORS: ("add", "change", "delete"), TRANSLATORS: ("change",)}


def tag_permission(apps, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # As in 0001_roles: on a fresh database Django creates permissions only after all migrations.
    content_type, _ = ContentType.objects.get_or_create(app_label="taxonomy", model="tag")
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=f"{action}_tag", defaults={"name": f"Can {action} tag"}
    )
    return found


def grant(apps, schema_editor):
    for name, actions in GRANTS.items():
        group = apps.get_model("auth", "Group").objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*(tag_permission(apps, action) for action in actions))


def revoke(apps, schema_editor):
    for name, actions in GRANTS.items():
        group = apps.get_model("auth", "Group").objects.filter(name=name).first()
        if group is not None:
            group.permissions.remove(*(tag_permission(apps, action) for action in actions))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_administrators_see_background_tasks"),
        ("taxonomy", "0002_tag"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
