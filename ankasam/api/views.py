"""The read API's endpoints, on Wagtail's API v2: pages, articles, images and documents.

Every endpoint answers in the language of `?lang=` (languages.py), JSON only (one address, one
answer: the page cache keys on the address), anonymously (a signed-in editor gets what readers
get), and only what readers may see (queries.py).
"""

from django.http import Http404
from django.utils import translation
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, Site

from ankasam.articles.filters import ArticleFilterSet
from ankasam.articles.models import ArticlePage
from ankasam.search.querying import clean_query, search_articles

from . import queries
from .languages import LANGUAGE_PARAMETER, language_or_default, requested_language
from .representation import article_detail, article_summary

FILTER_NAMES = frozenset(ArticleFilterSet.base_filters)


class LanguageAwareMixin:
    """`?lang=` chooses the language of everything the endpoint answers (400 when unknown)."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []

    def dispatch(self, request, *args, **kwargs):
        with translation.override(language_or_default(request)):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.language = requested_language(request)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = getattr(self, "language", None) or language_or_default(request)
        return response


class LanguagePagesAPIViewSet(LanguageAwareMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, in the asked language, holding only pages readers may see in it.

    An article's detail here is the same as under `articles/`. `?search=` is the articles
    endpoint's: Wagtail's own search here would search every language at once.
    """

    known_query_parameters = (
        PagesAPIViewSet.known_query_parameters - {"search", "search_operator", "locale", "translation_of"}
    ) | {LANGUAGE_PARAMETER}

    def get_base_queryset(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return Page.objects.none()
        pages = Page.objects.descendant_of(site.root_page, inclusive=True)
        return queries.pages_readable_in(pages, self.language)

    def check_query_parameters(self, queryset):
        if "search" in self.request.GET:
            raise BadRequestError("search: search articles with /api/v2/articles/?search=")
        super().check_query_parameters(queryset)

    def detail_view(self, request, pk):
        instance = self.get_object()
        if isinstance(instance, ArticlePage):
            return Response(detail_of_article(request, self.language, instance.pk))
        return super().detail_view(request, pk)


class ArticlesAPIViewSet(LanguagePagesAPIViewSet):
    """Articles written in the asked language, with the listings' filters, search and ordering.

    Its own listing and detail; what it inherits from Wagtail's pages endpoint starts from
    `LanguagePagesAPIViewSet.get_base_queryset`, the readers' rule, too.
    """

    name = "articles"
    model = ArticlePage
    known_query_parameters = frozenset(
        {LANGUAGE_PARAMETER, "limit", "offset", "order", "search", "_", *FILTER_NAMES}
    )

    def check_query_parameters(self, queryset=None):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            known = ", ".join(sorted(self.known_query_parameters - {"_"}))
            raise BadRequestError(f"unknown query parameters: {', '.join(sorted(unknown))} (known: {known})")

    def listing_view(self, request):
        self.check_query_parameters()
        filterset = ArticleFilterSet(request.GET, queryset=queries.readable_articles(self.language))
        if not filterset.is_valid():
            raise BadRequestError(filter_errors(filterset))
        if "search" in request.GET:
            articles = self.searched(filterset)
        else:
            ordered = filterset.qs.order_by(*queries.article_ordering(request.GET.get("order")))
            articles = list(self.paginate_queryset(ordered))
        readable_people = queries.visible_people_ids(articles)
        items = [article_summary(a, self.language, request, readable_people) for a in articles]
        return self.get_paginated_response(items)

    def searched(self, filterset) -> list:
        """One page of search results, best match first, through the site's per-language search."""
        query = clean_query(self.request.GET.get("search")).text
        if not query:
            raise BadRequestError("search: give at least one word")
        if self.request.GET.get("order", queries.RELEVANCE) != queries.RELEVANCE:
            raise BadRequestError(f"order: search results come best first; use order={queries.RELEVANCE}")
        within = filterset.qs if filterset.active else None
        matches = search_articles(query, self.language, within=within)
        ids = self.paginate_queryset(MatchedIds(matches))
        return queries.articles_by_ids(self.language, ids)

    def detail_view(self, request, pk):
        self.check_query_parameters()
        return Response(detail_of_article(request, self.language, pk))

    def find_view(self, request):
        # Wagtail's find reads `type` as a page model; here it is the article type.
        raise Http404("not found: use /api/v2/pages/find/?html_path=")


class MatchedIds:
    """Search results as Wagtail's paginator counts and slices them: page ids, best first."""

    def __init__(self, matches):
        self.matches = matches

    def count(self) -> int:
        return self.matches.count()

    def __getitem__(self, index: slice) -> list[int]:
        return list(self.matches.entries.values_list("page_id", flat=True)[index])


def detail_of_article(request, language: str, pk) -> dict:
    found = queries.articles_by_ids(language, [int(pk)])
    if not found:
        raise Http404("No article with this id can be read in this language")
    return article_detail(found[0], language, request, queries.visible_people_ids(found))


def filter_errors(filterset) -> str:
    return "; ".join(
        f"{name}: {' '.join(str(message) for message in messages)}"
        for name, messages in filterset.errors.items()
    )


class LanguageImagesAPIViewSet(LanguageAwareMixin, ImagesAPIViewSet):
    """Images some page readers may see uses, with their caption and credit in the asked language
    (the default one's where unwritten)."""

    def get_queryset(self):
        return super().get_queryset().filter(pk__in=queries.images_shown_to_readers())

    body_fields = ImagesAPIViewSet.body_fields + ["caption", "credit"]
    listing_default_fields = ImagesAPIViewSet.listing_default_fields + ["caption", "credit"]
    known_query_parameters = ImagesAPIViewSet.known_query_parameters | {LANGUAGE_PARAMETER}


class LanguageDocumentsAPIViewSet(LanguageAwareMixin, DocumentsAPIViewSet):
    """Documents outside private collections (Wagtail's rule), answering `?lang=` like the others."""

    known_query_parameters = DocumentsAPIViewSet.known_query_parameters | {LANGUAGE_PARAMETER}
