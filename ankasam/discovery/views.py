"""What the site serves to crawlers and link previews: the sitemap, robots.txt and share cards."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import override
from django.views.decorators.cache import cache_control
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from ankasam.core.languages import current_language, site_language_codes
from ankasam.translations.sitemap import TranslatedSitemap

from .meta import readable_page, share_card_content, site_root_url
from .share_cards import stored_share_card
from .tag_sitemap import TagSitemap

A_YEAR = 365 * 24 * 3600


def sitemap(request):
    # Outside i18n_patterns the active language follows the visitor's Accept-Language; a sitemap
    # must not change with who fetches it.
    with override(settings.LANGUAGE_CODE):
        response = wagtail_sitemap(request, sitemaps={"pages": TranslatedSitemap, "tags": TagSitemap})
        response.render()
    return response


def search_path(language: str) -> str:
    with override(language):
        return reverse("search")


def robots_lines(request) -> list[str]:
    """Crawlers may read everything readers may, except search results.

    Search results are one address per query, a trap for crawlers; each language's path is listed
    on its own line, since not every crawler understands wildcards. The admin is not named: its
    address may be moved to keep it out of sight (ADMIN_PATH), and its pages say noindex themselves.
    """
    disallowed = [search_path(code) for code in site_language_codes()]
    return [
        "User-agent: *",
        *(f"Disallow: {path}" for path in disallowed),
        "",
        f"Sitemap: {site_root_url(request)}{reverse('sitemap')}",
    ]


@cache_control(public=True, max_age=3600)
def robots_txt(request):
    return HttpResponse("\n".join(robots_lines(request)) + "\n", content_type="text/plain; charset=utf-8")


def share_card(request, page_id):
    """The page's drawn share card, in the language of the address; 404 where readers may not see it."""
    language = current_language()
    page = readable_page(page_id, language)
    if page is None:
        raise Http404
    png = stored_share_card(page.pk, page.live_revision_id, share_card_content(page, language))
    response = HttpResponse(png, content_type="image/png")
    # The address the page gives carries the live revision: that one never changes its picture.
    is_current = request.GET.get("v") == str(page.live_revision_id)
    response["Cache-Control"] = (
        f"public, max-age={A_YEAR}, immutable" if is_current else "public, max-age=3600"
    )
    return response
