from django.http import HttpResponseRedirect
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import never_cache


@never_cache
def choose_language(request):
    """`/` sends the reader to their language: cookie, then Accept-Language, then the default."""
    language = get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response
