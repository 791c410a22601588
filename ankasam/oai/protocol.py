"""What an OAI-PMH 2.0 request asks for, or the error the specification names for it.

The rules are section 3.1 (arguments per verb, each at most once, nothing else allowed) and 3.3
(UTCdatetime in one of two granularities, `from` and `until` alike) of
http://www.openarchives.org/OAI/openarchivesprotocol.html.
"""

import datetime
from dataclasses import dataclass, field

# verb -> (required arguments, optional ones); `resumptionToken` is exclusive wherever allowed.
VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
}
DAY = "%Y-%m-%d"
SECOND = "%Y-%m-%dT%H:%M:%SZ"


class ProtocolError(Exception):
    """An OAI-PMH error: its code (`badArgument`, ...) and a message for the harvester's log."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class OaiRequest:
    verb: str
    arguments: dict = field(default_factory=dict)

    def get(self, name: str, default=None):
        return self.arguments.get(name, default)


def parse_request(query) -> OaiRequest:
    """The request from a QueryDict (GET or POST); raises ProtocolError for what 3.1 forbids."""
    verbs = query.getlist("verb")
    if len(verbs) != 1 or verbs[0] not in VERBS:
        shown = ", ".join(verbs) or "none"
        raise ProtocolError("badVerb", f"Illegal or missing verb ({shown}); use one of {', '.join(VERBS)}.")
    verb = verbs[0]
    required, optional = VERBS[verb]
    arguments = {}
    for name in query:
        if name == "verb":
            continue
        values = query.getlist(name)
        if name not in required | optional:
            raise ProtocolError("badArgument", f"{verb} takes no argument “{name}”.")
        if len(values) > 1:
            raise ProtocolError("badArgument", f"The argument “{name}” is repeated.")
        arguments[name] = values[0]
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise ProtocolError("badArgument", "resumptionToken is an exclusive argument.")
        return OaiRequest(verb, arguments)
    missing = sorted(required - set(arguments))
    if missing:
        raise ProtocolError("badArgument", f"{verb} requires {', '.join(missing)}.")
    check_dates(arguments)
    return OaiRequest(verb, arguments)


def parse_datestamp(value: str, *, as_end: bool = False) -> tuple[datetime.datetime, str]:
    """A UTC datetime and its granularity; as `until`, the end of the day or second it names.

    Datestamps are shown to the second, so a record changed at 10:00:00.4 reads "10:00:00Z" and
    belongs in a list `until=...T10:00:00Z`.
    """
    for granularity in (SECOND, DAY):
        try:
            moment = datetime.datetime.strptime(value, granularity)
        except ValueError:
            continue
        if as_end:
            moment += datetime.timedelta(days=1) if granularity == DAY else datetime.timedelta(seconds=1)
            moment -= datetime.timedelta(microseconds=1)
        return moment.replace(tzinfo=datetime.UTC), granularity
    raise ProtocolError("badArgument", f"“{value}” is not a date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ).")


def check_dates(arguments: dict):
    bounds = {}
    if "from" in arguments:
        bounds["from"] = parse_datestamp(arguments["from"])
    if "until" in arguments:
        bounds["until"] = parse_datestamp(arguments["until"], as_end=True)
    if len(bounds) == 2:
        (start, start_granularity), (end, end_granularity) = bounds["from"], bounds["until"]
        if start_granularity != end_granularity:
            raise ProtocolError("badArgument", "from and until must have the same granularity.")
        if start > end:
            raise ProtocolError("badArgument", "from is later than until.")


def datestamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime(SECOND)
