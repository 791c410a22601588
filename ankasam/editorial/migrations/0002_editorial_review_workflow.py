"""The "Editorial review" workflow: one task, approved by an editor.

It is assigned to every article index and to the site's root, so that every change by someone
who cannot publish (a contributor's piece, a translator's Russian bio) reaches an editor first.
Wagtail's default "Moderators approval" workflow is switched off.
"""

from django.db import migrations

WORKFLOW = "Editorial review"
TASK = "Editor review"
REVIEWERS = "Editors"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.set([Group.objects.get(name=REVIEWERS)])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    Workflow.objects.filter(name="Moderators approval").update(active=False)
    GroupApprovalTask.objects.filter(name="Moderators approval").update(active=False)

    index_type = ContentType.objects.filter(app_label="articles", model="articleindexpage").first()
    roots = Page.objects.filter(depth=1)
    indexes = Page.objects.filter(content_type=index_type) if index_type else Page.objects.none()
    for page in [*roots, *indexes]:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    apps.get_model("wagtailcore", "WorkflowPage").objects.filter(workflow__name=WORKFLOW).delete()
    Workflow.objects.filter(name="Moderators approval").update(active=True)
    apps.get_model("wagtailcore", "Task").objects.filter(name="Moderators approval").update(active=True)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_roles")]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
