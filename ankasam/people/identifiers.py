"""A person's identifiers for scholarly indexes, read from the links on their page."""

import re
from urllib.parse import urlsplit

ORCID_ID = re.compile(r"^/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/?$")


def orcid_id(person) -> str | None:
    """The ORCID iD ("0000-0002-1825-0097") of the first orcid.org link on the page, if any.

    Editors already give it as a link ("ORCID", https://orcid.org/...), so it is read from there
    rather than typed twice into a field of its own.
    """
    for block in person.links or []:
        address = urlsplit(block.value["url"])
        if address.hostname in ("orcid.org", "www.orcid.org"):
            found = ORCID_ID.match(address.path)
            if found:
                return found.group(1)
    return None


def orcid_url(person) -> str | None:
    identifier = orcid_id(person)
    return f"https://orcid.org/{identifier}" if identifier else None
