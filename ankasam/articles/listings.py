"""Filtered, paginated lists of article cards: the article index, the topic, region and type hubs."""

from django.http import HttpResponseRedirect

from ankasam.core.models import paginate

from .filters import ArticleFilterSet, filter_articles
from .queries import article_cards, paginated_cards

FILTER_NAMES = tuple(ArticleFilterSet.base_filters)


def redirect_to_clean_address(request):
    """A form submits every select, chosen or not; the shared address keeps only what was chosen.

    Returns a redirect, or None when the address is already clean.
    """
    params = request.GET.copy()
    noise = [name for name in FILTER_NAMES if name in params and not params.get(name)]
    if params.get("page") == "1":
        noise.append("page")
    if not noise:
        return None
    for name in noise:
        del params[name]
    query = params.urlencode()
    return HttpResponseRedirect(f"{request.path}?{query}" if query else request.path)


def filtered_listing(request, queryset, fixed=()):
    """Cards of `queryset` a reader may see, narrowed by the request's filters and paginated."""
    filtered, filters = filter_articles(queryset, request.GET, fixed=fixed)
    return {
        "articles": paginated_cards(
            lambda ids: paginate(request, ids), article_cards(filtered, with_authors=False)
        ),
        "filters": filters,
        "filtered": bool(filters.active),
    }
