import re

from django.http import HttpResponsePermanentRedirect
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.template.response import SimpleTemplateResponse
from django.utils.translation import get_language_from_path

from .addresses import address_in_readers_words
from .languages import is_site_language

LANGUAGE_LIKE_SEGMENT = re.compile(r"^/([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


class LanguagePrefixMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that an unknown language prefix is a 404.

    Django would redirect `/de/` to `/en/de/`, which then 404s: a reader following a link to a
    language we do not publish in should learn that at once, not after a redirect.

    Also: an address in another language's words that nothing answers (/tr/topics/energy/, a
    link from before the words were translated) is moved for good to the reader's words
    (/tr/konular/energy/), its query kept. Only after the 404, so a page with that slug wins.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and self._has_foreign_language_prefix(request.path_info):
            return response
        if response.status_code == 404:
            response = self._in_readers_words(request) or response
        return super().process_response(request, response)

    @staticmethod
    def _in_readers_words(request):
        language = get_language_from_path(request.path_info)
        path = language and address_in_readers_words(request.path_info, language)
        if not path:
            return None
        script_prefix = request.path[: len(request.path) - len(request.path_info)]
        # Re-encoded from the parsed query: a raw non-ASCII query string (WSGI hands it over as
        # Latin-1) would otherwise be encoded twice.
        query = request.GET.urlencode()
        return HttpResponsePermanentRedirect(f"{script_prefix}{path}" + (f"?{query}" if query else ""))

    @staticmethod
    def _has_foreign_language_prefix(path: str) -> bool:
        match = LANGUAGE_LIKE_SEGMENT.match(path)
        return bool(match) and not is_site_language(match.group(1).lower())


class SiteNotFoundPageMiddleware:
    """Development only (DEBUG): a mistyped address shows the site's own 404 page.

    With DEBUG on, Django answers a 404 with its technical page, which someone trying the site
    under `make run` takes for the site's own. Pages that render a 404 of their own (a piece not
    written in a language) are left alone, and `?technical-404` still shows Django's page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 404
            and not isinstance(response, SimpleTemplateResponse)
            and response.get("Content-Type", "").startswith("text/html")
            and "technical-404" not in request.GET
        ):
            return render(request, "404.html", {"technical_404_hint": True}, status=404)
        return response
