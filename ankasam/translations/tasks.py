"""The translation status report is refreshed by the worker whenever a tracked page is saved."""

from django.db import transaction

from ankasam.background.queueing import enqueue_on_commit, retried_task

from .records import refresh_statuses, tracks_translations


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
