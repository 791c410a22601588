"""Which articles readers may see, and the lists built from them."""

from django.conf import settings
from django.db.models import Case, IntegerField, Prefetch, Q, Value, When

from ankasam.core.languages import current_language
from ankasam.core.visibility import visible_to_readers
from ankasam.people.models import PersonPage
from ankasam.translations.availability import existing_in

from .models import ArticlePage

NEWEST_FIRST = ("-publication_date", "-first_published_at", "-pk")
# What a card, a search result and a feed item read of an article (every language's column of
# each: wagtail-modeltranslation's `only` adds them). The rest of the row, a hundred columns over
# the languages, cost more to select and build than the query itself.
CARD_FIELDS = (
    "title", "draft_title", "slug", "url_path", "standfirst", "search_description", "seo_title",
    "publication_date", "first_published_at", "last_published_at", "live", "expire_at", "path",
    "depth", "content_type", "locale", "translation_key", "original_language", "article_type",
    "hero_image",
)  # fmt: skip


def byline_authors() -> Prefetch:
    """The authors a byline names, their names only: a person's row holds a bio in every language."""
    return Prefetch(
        "article_authors__person", queryset=PersonPage.objects.only("title", "slug", "original_language")
    )


def readable_in(queryset, language=None):
    """Only articles that exist in the language (the reader's by default)."""
    return queryset.filter(existing_in(ArticlePage, language or current_language()))


def published_articles(language=None):
    """What a reader of `language` may find: live, public, and written in their language."""
    return readable_in(visible_to_readers(ArticlePage.objects), language)


def article_cards(queryset, limit=None, with_authors=True):
    """Newest first, with what a listing card shows fetched in constant queries.

    Only what a card shows (CARD_FIELDS): every language's bodies and notes, read and parsed for
    each card, were most of a listing's time. Without `with_authors` the bylines' authors are left
    to the cards (`kept_parts.cards_html` reads them only for cards not kept).
    """
    cards = (
        readable_in(visible_to_readers(queryset))
        .only(*CARD_FIELDS)
        .select_related("article_type", "hero_image")
        .order_by(*NEWEST_FIRST)
    )
    if with_authors:
        cards = cards.prefetch_related(byline_authors())
    return cards[:limit] if limit else cards


class ArticleIds(list):
    """A list's article ids in order, with the cards query their rows are read from when needed.

    A list shows kept cards (`kept_parts.cards_html`): most of the time it needs only which
    articles are on the page, and the rows of those whose card is not kept.
    """

    def __init__(self, ids, cards):
        super().__init__(ids)
        self.cards = cards

    def rows(self, ids) -> list:
        """The articles of `ids`, in that order; None for one no longer visible since."""
        found = self.cards.in_bulk(ids)
        return [found.get(pk) for pk in ids]


def paginated_cards(paginate, cards):
    """`paginate(ids)`'s page of the `cards` query, holding ids (ArticleIds), not rows.

    Paginating the ids reads a few narrow columns instead of every card's row in every language.
    """
    page = paginate(cards.values_list("pk", flat=True))
    page.object_list = ArticleIds(page.object_list, cards)
    return page


def articles_by(person):
    """The person's pieces a reader of the current language may see, newest first, for cards."""
    on_their_page = ArticlePage.objects.filter(article_authors__person=person).distinct()
    return article_cards(on_their_page, with_authors=False)


def similar_articles(article, topic_ids, region_ids, limit=None):
    """The editor's picks in their order, then live articles sharing a topic or region, newest first.

    One query, whether the editors picked none or many: the picks come first by their order.
    """
    limit = limit or settings.SIMILAR_ARTICLES_LIMIT
    pick_ids = list(dict.fromkeys(link.article_id for link in article.related_links.all()))
    pick_ids = [pk for pk in pick_ids if pk != article.pk][:limit]
    wanted = Q(pk__in=pick_ids)
    if topic_ids:
        on_topic = ArticlePage.topics.through.objects.filter(topic_id__in=topic_ids)
        wanted |= Q(pk__in=on_topic.values("articlepage_id"))
    if region_ids:
        in_region = ArticlePage.regions.through.objects.filter(region_id__in=region_ids)
        wanted |= Q(pk__in=in_region.values("articlepage_id"))
    order = NEWEST_FIRST
    if pick_ids:
        picked_first = Case(
            *(When(pk=pk, then=Value(position)) for position, pk in enumerate(pick_ids)),
            default=Value(len(pick_ids)),
            output_field=IntegerField(),
        )
        order = (picked_first, *NEWEST_FIRST)
    visible = published_articles().only(*CARD_FIELDS).select_related("article_type", "hero_image")
    return list(visible.filter(wanted).exclude(pk=article.pk).order_by(*order)[:limit])
