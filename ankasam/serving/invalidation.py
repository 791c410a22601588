"""What clears the page cache and purges the edge cache: every change readers could see.

Pages: publish, unpublish (expiry included: `publish_scheduled` unpublishes), move and delete.
Other models shown on public pages: view restrictions, terms, tags, images (captions, credits),
redirects, sites and the site identity. Drafts, revisions and workflow steps change nothing
readers see, so saving one leaves the cache alone. Everything runs once the transaction
commits, so no reader can store what a rolled-back change showed, nor the state from before a
change that is committing.
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import edge
from .page_cache import forget_cached_pages

SHOWN_TO_READERS = (
    "wagtailcore.PageViewRestriction",
    "wagtailcore.Site",
    "wagtailredirects.Redirect",
    "taxonomy.Topic",
    "taxonomy.Region",
    "taxonomy.ArticleType",
    "taxonomy.Tag",
    "images.CustomImage",
    # The header's logo and the footer's tagline, contact and profiles, on every page.
    "identity.SiteIdentity",
)


def pages_changed(pages) -> None:
    """Clear the page cache and purge these pages and what lists them, once committed."""
    page_ids = [page.pk for page in pages]

    def clear():
        forget_cached_pages()
        edge.purge_pages(page_ids)

    transaction.on_commit(clear)


def on_page_event(sender, instance, **kwargs):
    pages_changed([instance])


def on_page_moved(sender, instance, **kwargs):
    # Its addresses and its descendants' changed: what linked to the old ones cannot be listed.
    transaction.on_commit(forget_cached_pages)
    edge.purge_site_on_commit()


def on_page_deleted(sender, instance, **kwargs):
    # The page's addresses are gone with it: what listed it is purged by the site-wide purge.
    transaction.on_commit(forget_cached_pages)
    edge.purge_site_on_commit()


def on_shown_model_changed(sender, instance, **kwargs):
    page = getattr(instance, "page", None)
    if isinstance(page, Page):
        pages_changed([page])
    else:
        transaction.on_commit(forget_cached_pages)
        edge.purge_site_on_commit()


def connect_signals():
    page_published.connect(on_page_event, dispatch_uid="page-cache-published")
    page_unpublished.connect(on_page_event, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="page-cache-moved")
    # Per page model, not for every sender: with a receiver for every model, deleting an article
    # left its search entries behind (tests/search/test_indexing.py).
    for model in apps.get_models():
        if issubclass(model, Page):
            post_delete.connect(
                on_page_deleted, sender=model, dispatch_uid=f"page-cache-deleted-{model._meta.label}"
            )
    for label in SHOWN_TO_READERS:
        model = apps.get_model(label)
        for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(on_shown_model_changed, sender=model, dispatch_uid=f"page-cache-{label}-{name}")
