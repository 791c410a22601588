"""Administrators may read *Reports → Background tasks* (the database queue's tasks, read-only)."""

from django.db import migrations

ADMINISTRATORS = "Administrators"


def view_task_results(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    # As in 0001_roles: on a fresh database Django creates permissions only after all migrations.
    content_type, _ = ContentType.objects.get_or_create(app_label="django_tasks_database", model="dbtaskresult")
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_dbtaskresult", defaults={"name": "Can view Task Result"}
    )
    return found


def grant(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=ADMINISTRATORS).first()
    if group is not None:
        group.permissions.add(view_task_results(apps))


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=ADMINISTRATORS).first()
    if group is not None:
        group.permissions.remove(view_task_results(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_editorial_review_workflow"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
