import datetime

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .protocol import ProtocolError, parse_request
from .responses import Harvest, error_response, respond


@csrf_exempt  # harvesters may POST (section 3.1.1.2); nothing is changed by a request
@require_http_methods(["GET", "HEAD", "POST"])
def endpoint(request):
    """/oai/: the OAI-PMH 2.0 endpoint harvesters read the archive through."""
    harvest = Harvest(request.build_absolute_uri(request.path), datetime.datetime.now(datetime.UTC), request)
    query = request.POST if request.method == "POST" else request.GET
    oai_request = None
    try:
        oai_request = parse_request(query)
        content = respond(harvest, oai_request)
    except ProtocolError as error:
        content = error_response(harvest, oai_request, error)
    return HttpResponse(content, content_type="text/xml; charset=utf-8")
