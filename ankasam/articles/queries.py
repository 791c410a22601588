"""Which articles readers may see, and the lists built from them."""

from django.conf import settings
from django.db.models import Q

from ankasam.core.languages import current_language
from ankasam.core.visibility import visible_to_readers
from ankasam.translations.availability import existing_in

from .models import ArticlePage

NEWEST_FIRST = ("-publication_date", "-first_published_at", "-pk")


def readable_in(queryset, language=None):
    """Only articles that exist in the language (the reader's by default)."""
    return queryset.filter(existing_in(ArticlePage, language or current_language()))


def published_articles(language=None):
    """What a reader of `language` may find: live, public, and written in their language."""
    return readable_in(visible_to_readers(ArticlePage.objects), language)


def article_cards(queryset, limit=None):
    """Newest first, with what a listing card shows fetched in constant queries."""
    cards = (
        readable_in(visible_to_readers(queryset))
        .select_related("article_type", "hero_image")
        .prefetch_related("article_authors__person")
        .order_by(*NEWEST_FIRST)
    )
    return cards[:limit] if limit else cards


def articles_by(person):
    """The person's pieces a reader of the current language may see, newest first."""
    return article_cards(ArticlePage.objects.filter(article_authors__person=person).distinct())


def similar_articles(article, topic_ids, region_ids, limit=None):
    """The editor's picks in their order, then live articles sharing a topic or region, newest first."""
    limit = limit or settings.SIMILAR_ARTICLES_LIMIT
    pick_ids = [link.article_id for link in article.related_links.all() if link.article_id != article.pk]
    visible = published_articles().select_related("article_type", "hero_image")
    picks = {a.pk: a for a in visible.filter(pk__in=pick_ids[:limit])}
    similar = [picks[pk] for pk in dict.fromkeys(pick_ids) if pk in picks]
    remaining = limit - len(similar)
    if remaining > 0 and (topic_ids or region_ids):
        shared = Q(topics__in=topic_ids) | Q(regions__in=region_ids)
        others = (
            visible.filter(shared)
            .exclude(pk__in=[article.pk, *picks])
            .distinct()
            .order_by(*NEWEST_FIRST)[:remaining]
        )
        similar.extend(others)
    return similar
