"""The language an API request asks for: `?lang=xx`, the default language without it.

The language is part of the address, never read from `Accept-Language` or a cookie, so one
address is one answer for everyone and the page cache can keep it.
"""

from wagtail.api.v2.utils import BadRequestError

from ankasam.core.languages import default_language, is_site_language, site_language_codes

LANGUAGE_PARAMETER = "lang"


def requested_language(request) -> str:
    """The site language named by `?lang=`; a BadRequestError (400) naming the choices otherwise."""
    code = request.GET.get(LANGUAGE_PARAMETER)
    if code is None:
        return default_language()
    if not is_site_language(code):
        choices = ", ".join(site_language_codes())
        raise BadRequestError(f"lang: {code!r} is not a language of this site; use one of {choices}")
    return code


def language_or_default(request) -> str:
    """The requested language if it is valid, else the default one (for the 400 that says so)."""
    try:
        return requested_language(request)
    except BadRequestError:
        return default_language()
