"""The search page: /<language>/search/?q=...&page=N, with the listings' filters."""

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.http import urlencode

from ankasam.articles.filters import filter_articles
from ankasam.articles.listings import redirect_to_clean_address
from ankasam.articles.models import ArticlePage
from ankasam.articles.views import address_in_every_language
from ankasam.core.languages import current_language
from ankasam.translations.alternates import LanguageVersion

from .querying import MAX_QUERY_LENGTH, clean_query, search_articles


def search_in_every_language(request, query: str) -> list[LanguageVersion]:
    """The same words searched in each language (filters are left out: an author's slug is per language)."""
    suffix = f"?{urlencode({'q': query})}" if query else ""
    return [LanguageVersion(v.code, v.url + suffix) for v in address_in_every_language(request, "search")]


def search(request):
    redirect = redirect_to_clean_address(request)
    if redirect:
        return redirect
    query = clean_query(request.GET.get("q"))
    context = {
        "query": query.text,
        "query_truncated": query.truncated,
        "max_query_length": MAX_QUERY_LENGTH,
        "alternates": search_in_every_language(request, query.text),
    }
    if query.text:
        language = current_language()
        filtered, filters = filter_articles(ArticlePage.objects.all(), request.GET)
        matches = search_articles(query.text, language, within=filtered if filters.active else None)
        # A page number past the end (or not a number) shows the last (or first) page: a search
        # address is typed and edited by people, unlike a listing's, which is linked.
        results = Paginator(matches, settings.ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
        context.update({"results": results, "filters": filters, "filtered": bool(filters.active)})
    return TemplateResponse(request, "search/search.html", context)
