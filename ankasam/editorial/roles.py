"""What a new article section needs to follow the house's roles.

The groups and their permissions are created by this app's migrations and named for code in
`core/roles.py`; this module gives each new article index the permissions and workflow the
migrations gave the indexes that already existed.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from ankasam.core.roles import CONTRIBUTORS

EDITORIAL_REVIEW = "Editorial review"


def prepare_article_index(index) -> None:
    """Contributors may write in the section, and its pieces go through editorial review."""
    contributors = Group.objects.filter(name=CONTRIBUTORS).first()
    if contributors is not None:
        add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
        GroupPagePermission.objects.get_or_create(group=contributors, page=index, permission=add_page)
    workflow = Workflow.objects.filter(name=EDITORIAL_REVIEW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})


def on_article_index_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        prepare_article_index(instance)
