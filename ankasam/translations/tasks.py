"""The translation status report is refreshed by the worker whenever a tracked page is saved, and
after `migrate` for the pages it lacks a language of: no command to remember."""

from django.db import connections, transaction

from ankasam.background.queueing import enqueue_on_commit, retried_task

from .models import TranslationStatus
from .records import pages_lacking_statuses, refresh_statuses
from .states import tracks_translations


@retried_task()
def refresh_translation_statuses(page_id: int) -> bool:
    """Store the page's status per language as of its latest revision; False if it is gone."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None or not tracks_translations(type(page)):
        return False
    with transaction.atomic():
        refresh_statuses(page)
    return True


def on_tracked_page_saved(sender, instance, raw=False, **kwargs):
    """post_save of a page: every revision, publish and save in code passes here (TranslationsConfig)."""
    if not raw and tracks_translations(sender):
        enqueue_on_commit(refresh_translation_statuses, instance.pk)


def on_revision_changed(sender, instance, created=False, raw=False, **kwargs):
    """post_save of a revision: scheduling one, or cancelling its schedule, saves no page.

    A new revision is left to `on_tracked_page_saved`: saving it saves its page too."""
    if raw or created:
        return
    if tracks_translations(instance.content_type.model_class()):
        enqueue_on_commit(refresh_translation_statuses, int(instance.object_id))


def on_workflow_changed(sender, instance, **kwargs):
    """A piece submitted, approved, sent back or withdrawn: its languages move in or out of review.

    Submitting saves a revision first, whose refresh may run before the workflow starts; this one
    runs after it."""
    model = instance.content_type.model_class()
    if tracks_translations(model):
        enqueue_on_commit(refresh_translation_statuses, int(instance.object_id))


def on_migrated(using="default", **kwargs):
    """post_migrate: a language just added, or pages from before tracking, get their rows."""
    if TranslationStatus._meta.db_table not in connections[using].introspection.table_names():
        return  # migrated back to before the table
    with transaction.atomic(using=using):
        for page_id in pages_lacking_statuses():
            enqueue_on_commit(refresh_translation_statuses, page_id)
