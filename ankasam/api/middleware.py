"""The API's place in the middleware stack (settings MIDDLEWARE).

`ApiAccessMiddleware` sits outside the page cache, so a request answered from the cache counts
against the rate limit and gets its CORS headers like any other. `LanguageMiddleware` is
core's language middleware, except under /api/, whose language is `?lang=`: Django's would add
`Vary: Accept-Language` (which keeps an answer out of the page cache) and turn the API's 404s
into redirects to `/en/api/...`.
"""

from ankasam.core.middleware import LanguagePrefixMiddleware

from . import access

# Shared caches (Varnish, a CDN) are purged by address on publish (serving/edge.py), and API
# addresses are not among those purged: they keep no API answer. The page cache, cleared on
# every publish, still answers them.
EDGE_CACHE_CONTROL = "public, max-age=0, s-maxage=0"


class ApiAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not access.is_api_path(request.path_info):
            return self.get_response(request)
        retry_after = access.seconds_until_allowed(request)
        if retry_after:
            response = access.too_many_requests(retry_after)
        elif request.method == "OPTIONS":
            response = access.preflight(request)
        else:
            response = self.get_response(request)
            if "no-store" not in response.get("Cache-Control", ""):
                response["Cache-Control"] = EDGE_CACHE_CONTROL
        access.add_cors_headers(request, response)
        return response


class LanguageMiddleware(LanguagePrefixMiddleware):
    def process_response(self, request, response):
        if access.is_api_path(request.path_info):
            return response
        return super().process_response(request, response)
