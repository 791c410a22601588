"""Hubs: every piece on one topic, in one region, of one type or with one tag, in the reader's language.

A hub's address is in the reader's words (/tr/konular/enerji/, core/addresses.py) and its term's
slug in the reader's language (taxonomy/slugs.py). A term found by its default-language slug where
it has one of its own is moved there for good, with the query kept.
"""

from django.db.models import Count, Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from ankasam.core.languages import current_language, site_language_codes
from ankasam.taxonomy.models import ArticleType, Region, Tag, Topic
from ankasam.taxonomy.slugs import find_term, term_slug_in
from ankasam.translations.alternates import LanguageVersion

from .listings import filtered_listing, redirect_to_clean_address
from .models import ArticlePage
from .queries import published_articles

# kind in the address -> (model, the article field it classifies, the filter a hub fixes, headings)
HUBS = {
    "topics": (Topic, "topics", "topic", _("Topics")),
    "regions": (Region, "regions", "region", _("Regions")),
    "types": (ArticleType, "article_type", "type", _("Article types")),
    "tags": (Tag, "tags", "tag", _("Tags")),
}


def address_in_every_language(request, url_name, per_language=None, **kwargs) -> list[LanguageVersion]:
    """The address in each site language, in its words; `per_language(code)` adds arguments
    that differ by language (a term's slug)."""
    versions = []
    for code in site_language_codes():
        with override(code):
            arguments = {**kwargs, **(per_language(code) if per_language else {})}
            versions.append(
                LanguageVersion(code, request.build_absolute_uri(reverse(url_name, kwargs=arguments)))
            )
    return versions


def term_hub_in_every_language(request, kind, term) -> list[LanguageVersion]:
    return address_in_every_language(
        request, "hub", kind=kind, per_language=lambda code: {"slug": term_slug_in(term, code)}
    )


def moved_permanently(request, path: str) -> HttpResponsePermanentRedirect:
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{path}?{query}" if query else path)


def own_address(versions: list[LanguageVersion]) -> str:
    """The unfiltered address in the reader's language: what search engines should index."""
    return next(version.url for version in versions if version.code == current_language())


def terms_with_articles(model):
    """The kind's terms with how many pieces readers of this language can find under each."""
    readable = published_articles().values("pk")
    counted = Count("articles", filter=Q(articles__in=readable), distinct=True)
    return model.objects.annotate(article_count=counted).filter(article_count__gt=0).order_by("name")


def hub_index(request, kind):
    model, _field, _filter, heading = HUBS[kind]
    alternates = address_in_every_language(request, "hub_index", kind=kind)
    context = {
        "kind": kind,
        "heading": heading,
        "terms": terms_with_articles(model),
        "alternates": alternates,
        "canonical": own_address(alternates),
    }
    return TemplateResponse(request, "articles/hub_index.html", context)


def hub(request, kind, slug):
    model, article_field, filter_name, heading = HUBS[kind]
    term = find_term(model.objects.all(), slug)
    if term is None:
        raise Http404("No such term")
    own_slug = term_slug_in(term, current_language())
    if slug != own_slug:
        return moved_permanently(request, reverse("hub", kwargs={"kind": kind, "slug": own_slug}))
    redirect = redirect_to_clean_address(request)
    if redirect:
        return redirect
    articles = ArticlePage.objects.filter(**{article_field: term})
    alternates = term_hub_in_every_language(request, kind, term)
    context = {
        "kind": kind,
        "kind_heading": heading,
        "term": term,
        "alternates": alternates,
        "canonical": own_address(alternates),
        **filtered_listing(request, articles, fixed=(filter_name,)),
    }
    return TemplateResponse(request, "articles/hub.html", context)
