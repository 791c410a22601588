"""OAI-PMH 2.0 responses as XML, one function per verb (section 4 of the specification)."""

import datetime
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from django.conf import settings
from django.db.models import Min
from django.db.models.functions import Coalesce

from . import records
from .metadata import METADATA_FORMATS, articles_for_records, dublin_core, set_specs_of
from .protocol import OaiRequest, ProtocolError, datestamp

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# Names are written with their prefixes and the namespaces declared as attributes, rather than
# through ElementTree's prefix registry: that is one for the whole process and other libraries
# write to it (Willow maps "" to SVG), which turned the protocol's names into "ns0:".
PREFIXES = {OAI: "", OAI_DC: "oai_dc", DC: "dc", XSI: "xsi"}


def q(name: str, namespace: str = OAI) -> str:
    prefix = PREFIXES[namespace]
    return f"{prefix}:{name}" if prefix else name


def sub(parent, name: str, text: str | None = None, namespace: str = OAI, **attributes):
    element = ET.SubElement(parent, q(name, namespace), {k: str(v) for k, v in attributes.items()})
    if text is not None:
        element.text = text
    return element


@dataclass(frozen=True)
class Harvest:
    """One HTTP request to the endpoint: its address, time, and the request URLs are built for."""

    base_url: str
    now: datetime.datetime
    http_request: object = None


def envelope(base_url: str, now: datetime.datetime, request: OaiRequest | None):
    """The root, responseDate and request elements; the request's arguments only when valid."""
    root = ET.Element(q("OAI-PMH"), {"xmlns": OAI, "xmlns:xsi": XSI})
    root.set(q("schemaLocation", XSI), f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd")
    sub(root, "responseDate", datestamp(now))
    attributes = {"verb": request.verb, **request.arguments} if request else {}
    sub(root, "request", base_url, **attributes)
    return root


def as_bytes(root) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def error_response(harvest: Harvest, request, error: ProtocolError) -> bytes:
    # badVerb and badArgument echo no arguments: they are not a valid request (section 3.6).
    valid = request if error.code not in ("badVerb", "badArgument") else None
    root = envelope(harvest.base_url, harvest.now, valid)
    sub(root, "error", error.message, code=error.code)
    return as_bytes(root)


def respond(harvest: Harvest, request: OaiRequest) -> bytes:
    root = envelope(harvest.base_url, harvest.now, request)
    VERB_WRITERS[request.verb](sub(root, request.verb), request, harvest)
    return as_bytes(root)


def identify(element, request, harvest):
    sub(element, "repositoryName", settings.WAGTAIL_SITE_NAME)
    sub(element, "baseURL", harvest.base_url)
    sub(element, "protocolVersion", "2.0")
    sub(element, "adminEmail", settings.OAI_ADMIN_EMAIL)
    earliest = records.visible_articles().aggregate(
        first=Min(Coalesce("last_published_at", "first_published_at"))
    )["first"]
    sub(element, "earliestDatestamp", datestamp(earliest or harvest.now))
    # Withdrawn pieces simply leave the lists: harvesters re-harvest to notice (section 2.5.1).
    sub(element, "deletedRecord", "no")
    sub(element, "granularity", "YYYY-MM-DDThh:mm:ssZ")


def list_metadata_formats(element, request, harvest):
    if "identifier" in request.arguments:
        find_record(request.arguments["identifier"])
    for prefix, (schema, namespace) in METADATA_FORMATS.items():
        entry = sub(element, "metadataFormat")
        sub(entry, "metadataPrefix", prefix)
        sub(entry, "schema", schema)
        sub(entry, "metadataNamespace", namespace)


def list_sets(element, request, harvest):
    if "resumptionToken" in request.arguments:
        raise ProtocolError("badResumptionToken", "The list of sets comes whole; no token was issued.")
    for spec, name in records.set_specs():
        entry = sub(element, "set")
        sub(entry, "setSpec", spec)
        sub(entry, "setName", str(name))


def checked_prefix(prefix: str) -> str:
    if prefix not in METADATA_FORMATS:
        raise ProtocolError("cannotDisseminateFormat", f"“{prefix}” is not served; use oai_dc.")
    return prefix


def find_record(value: str):
    page_id, language = records.parse_identifier(value)
    keys, languages = records.keys_with_languages(records.visible_articles().filter(pk=page_id))
    key = next((key for key in keys if key.language == language), None)
    if key is None:
        raise ProtocolError("idDoesNotExist", f"No record is identified as “{value}”.")
    return key, languages


def write_record(parent, key, article, languages, with_metadata: bool, http_request=None):
    record = sub(parent, "record") if with_metadata else parent
    header = sub(record, "header")
    sub(header, "identifier", records.identifier(key.page_id, key.language))
    sub(header, "datestamp", datestamp(key.changed))
    for spec in set_specs_of(article, key.language):
        sub(header, "setSpec", spec)
    if with_metadata:
        dc = sub(sub(record, "metadata"), "dc", namespace=OAI_DC, **{"xmlns:oai_dc": OAI_DC, "xmlns:dc": DC})
        dc.set(q("schemaLocation", XSI), f"{OAI_DC} {METADATA_FORMATS['oai_dc'][0]}")
        for name, value in dublin_core(article, key.language, languages[key.page_id], http_request):
            sub(dc, name, value, namespace=DC)


def get_record(element, request, harvest):
    checked_prefix(request.arguments["metadataPrefix"])
    key, languages = find_record(request.arguments["identifier"])
    article = articles_for_records([key.page_id])[key.page_id]
    write_record(element, key, article, languages, True, harvest.http_request)


def list_records(element, request, harvest, with_metadata=True):
    if "resumptionToken" in request.arguments:
        prefix, selection, last = records.resume(request.arguments["resumptionToken"], request.verb)
    else:
        prefix, last = request.arguments["metadataPrefix"], None
        selection = records.selection_of(request.arguments, harvest.now)
    checked_prefix(prefix)
    keys, languages = records.selected_keys(selection)
    shown, cursor = records.page_after(keys, last, settings.OAI_PAGE_SIZE)
    if not shown:
        raise ProtocolError("noRecordsMatch", "No record matches these arguments.")
    articles = articles_for_records(key.page_id for key in shown)
    for key in shown:
        write_record(element, key, articles[key.page_id], languages, with_metadata, harvest.http_request)
    more = cursor + len(shown) < len(keys)
    # An incomplete list ends with a token; its last part with an empty one (section 3.5).
    if more or last is not None:
        token = records.resumption_token(request.verb, prefix, selection, shown[-1]) if more else None
        sub(element, "resumptionToken", token, completeListSize=len(keys), cursor=cursor)


def list_identifiers(element, request, harvest):
    list_records(element, request, harvest, with_metadata=False)


VERB_WRITERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
