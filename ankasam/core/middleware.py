import re

from django.middleware.locale import LocaleMiddleware

from .languages import is_site_language

LANGUAGE_LIKE_SEGMENT = re.compile(r"^/([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


class LanguagePrefixMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that an unknown language prefix is a 404.

    Django would redirect `/de/` to `/en/de/`, which then 404s: a reader following a link to a
    language we do not publish in should learn that at once, not after a redirect.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and self._has_foreign_language_prefix(request.path_info):
            return response
        return super().process_response(request, response)

    @staticmethod
    def _has_foreign_language_prefix(path: str) -> bool:
        match = LANGUAGE_LIKE_SEGMENT.match(path)
        return bool(match) and not is_site_language(match.group(1).lower())
