"""What the API lists: the reader's rule (core.visibility, articles.queries) in the asked language.

Nothing here decides visibility anew: pages come through `visible_to_readers`, articles through
`published_articles`, and a page type that must be written in a language to exist in it
(`translation_required_fields`) is filtered by `translations.availability.existing_in`, as the
listings and the sitemap are.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField, Prefetch, Q
from django.db.models.functions import Cast
from wagtail.api.v2.utils import BadRequestError
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, get_page_models

from ankasam.articles.models import ArticlePageAuthor
from ankasam.articles.queries import NEWEST_FIRST, published_articles
from ankasam.core.visibility import visible_to_readers
from ankasam.people.models import PersonPage
from ankasam.translations.availability import existing_in, required_fields

# `?order=` values, each with its tie-breakers so that offsets never repeat or skip a piece.
ORDERINGS = {
    "-publication_date": NEWEST_FIRST,
    "publication_date": ("publication_date", "first_published_at", "pk"),
    "-last_published_at": ("-last_published_at", "-pk"),
    "last_published_at": ("last_published_at", "pk"),
    "title": ("title", "pk"),
    "-title": ("-title", "-pk"),
}
DEFAULT_ORDER = "-publication_date"
# With `?search=`, matches come best first; no other order is offered.
RELEVANCE = "relevance"


def pages_readable_in(pages, language: str):
    """`pages` narrowed to what readers may see in `language`."""
    readable = visible_to_readers(pages)
    for model in get_page_models():
        if model._meta.abstract or not required_fields(model):
            continue
        content_type = ContentType.objects.get_for_model(model)
        written = model.objects.filter(existing_in(model, language)).values("pk")
        readable = readable.filter(~Q(content_type=content_type) | Q(pk__in=written))
    return readable


def with_article_relations(queryset):
    """Articles with what the API shows of them fetched in a fixed number of queries."""
    authors = ArticlePageAuthor.objects.select_related("person").order_by("sort_order")
    return queryset.select_related("article_type", "hero_image").prefetch_related(
        Prefetch("article_authors", queryset=authors), "topics", "regions", "tags"
    )


def readable_articles(language: str):
    return with_article_relations(published_articles(language))


def article_ordering(order: str | None) -> tuple[str, ...]:
    order = order or DEFAULT_ORDER
    if order not in ORDERINGS:
        choices = ", ".join(ORDERINGS)
        raise BadRequestError(f"order: {order!r} is not one of {choices}")
    return ORDERINGS[order]


def articles_by_ids(language: str, ids: list[int]) -> list:
    """The articles with these ids, in this order, each checked against the reader's rule again."""
    found = {article.pk: article for article in readable_articles(language).filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def visible_people_ids(articles) -> set[int]:
    """Of the articles' authors, those whose own page readers may open: one query for any number."""
    ids = {link.person_id for article in articles for link in article.article_authors.all()}
    if not ids:
        return set()
    return set(visible_to_readers(PersonPage.objects.filter(pk__in=ids)).values_list("pk", flat=True))


def images_shown_to_readers():
    """Ids of the images some page readers may see uses (Wagtail's reference index).

    An image only a draft, private or expired piece uses is not listed: its title and caption
    may say what the piece is about.
    """
    shown_pages = visible_to_readers(Page.objects.all()).annotate(key=Cast("pk", CharField())).values("key")
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(get_image_model()),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=shown_pages,
    )
    return references.annotate(image_id=Cast("to_object_id", IntegerField())).values("image_id")
