from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.translation import get_language_from_request, override
from django.views.decorators.cache import never_cache
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from ankasam.translations.sitemap import TranslatedSitemap


@never_cache
def choose_language(request):
    """`/` sends the reader to their language: cookie, then Accept-Language, then the default."""
    language = get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


def sitemap(request):
    # Outside i18n_patterns the active language follows the visitor's Accept-Language; a sitemap
    # must not change with who fetches it.
    with override(settings.LANGUAGE_CODE):
        response = wagtail_sitemap(request, sitemaps={"pages": TranslatedSitemap})
        response.render()
    return response
