"""The Translators group: may edit pages, image captions and taxonomy names, never publish.

Which languages each translator may change is set on their user account; the page form enforces it.
"""

from django.db import migrations

GROUP = "Translators"
MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("images", "customimage", "change_customimage", "Can change image"),
    ("images", "customimage", "choose_image", "Can choose image"),
    ("taxonomy", "topic", "change_topic", "Can change topic"),
    ("taxonomy", "region", "change_region", "Can change region"),
    ("taxonomy", "articletype", "change_articletype", "Can change article type"),
]
PAGE_PERMISSIONS = ["change_page"]


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # On a fresh database Django creates permissions only after all migrations have run.
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return found


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*(permission(apps, *spec) for spec in MODEL_PERMISSIONS))
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in PAGE_PERMISSIONS:
            page_permission = permission(apps, "wagtailcore", "page", codename, "Can change page")
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=page_permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("images", "0001_initial"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
