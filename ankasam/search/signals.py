"""When what readers may see changes, the articles concerned are indexed again.

Publishing, unpublishing (expiry included: `publish_scheduled` unpublishes), moving a page in or
out of a private section, adding or removing a view restriction, and renaming an author, a type,
a topic, a region or a tag. Deleting an article deletes its entries by the foreign key's cascade.
The query still applies the visibility rule, so an entry that lags (an expiry whose timer runs
late) is never shown.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from ankasam.articles.models import ArticlePage
from ankasam.taxonomy.models import ArticleType, Region, Tag, Topic

from .tasks import queue_search_update


def articles_under(page_id) -> list[int]:
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return []
    return list(ArticlePage.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def on_page_published_or_unpublished(sender, instance, **kwargs):
    # An article indexes itself; another page (a person) is indexed inside the articles showing it.
    if hasattr(instance, "ids_of_articles_showing"):
        queue_search_update(instance.ids_of_articles_showing())


def on_page_moved(sender, instance, **kwargs):
    queue_search_update(articles_under(instance.pk))


def on_view_restriction_changed(sender, instance, **kwargs):
    queue_search_update(articles_under(instance.page_id))


def on_term_saved(sender, instance, **kwargs):
    queue_search_update(instance.articles.values_list("pk", flat=True))


def before_term_deleted(sender, instance, **kwargs):
    # The articles' links to the term are gone by post_delete: remember them now.
    instance._search_article_ids = list(instance.articles.values_list("pk", flat=True))


def on_term_deleted(sender, instance, **kwargs):
    queue_search_update(getattr(instance, "_search_article_ids", []))


def on_tag_saved(sender, instance, **kwargs):
    queue_search_update(ArticlePage.objects.filter(tagged_items__tag=instance).values_list("pk", flat=True))


def connect_signals():
    page_published.connect(on_page_published_or_unpublished, dispatch_uid="search-published")
    page_unpublished.connect(on_page_published_or_unpublished, dispatch_uid="search-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search-moved")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"search-pvr-{name}"
        )
    for model in (Topic, Region, ArticleType):
        post_save.connect(on_term_saved, sender=model, dispatch_uid=f"search-term-saved-{model.__name__}")
        pre_delete.connect(
            before_term_deleted, sender=model, dispatch_uid=f"search-term-del-{model.__name__}"
        )
        post_delete.connect(on_term_deleted, sender=model, dispatch_uid=f"search-term-gone-{model.__name__}")
    post_save.connect(on_tag_saved, sender=Tag, dispatch_uid="search-tag-saved")
