"""Which records a harvester gets: one per article and language that readers can see.

A record's datestamp is when its article was last published. Lists are sorted by datestamp,
article and language; a resumption token carries the last record given and the list's frozen
`until`, so pages neither repeat nor skip a record when the archive changes during a harvest (a
piece published meanwhile comes in the next harvest).
"""

import bisect
import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.db.models import Case, Value, When
from django.db.models.functions import Coalesce

from ankasam.articles.models import ArticlePage
from ankasam.core.languages import site_language_codes
from ankasam.core.visibility import visible_to_readers
from ankasam.taxonomy.models import Topic
from ankasam.translations.availability import existing_in

from .protocol import ProtocolError, parse_datestamp

TOKEN_SALT = "ankasam.oai.resumption"


@dataclass(frozen=True, order=True)
class RecordKey:
    changed: datetime.datetime
    page_id: int
    language_order: int

    @property
    def language(self) -> str:
        return site_language_codes()[self.language_order]


@dataclass(frozen=True)
class Selection:
    """A list request's choice of records: its set and dates, `until` frozen at the first page."""

    set_spec: str | None
    start: datetime.datetime | None
    end: datetime.datetime


def namespace() -> str:
    """The repository's part of every identifier: OAI_NAMESPACE, else the site's host name."""
    return settings.OAI_NAMESPACE or urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def identifier(page_id: int, language: str) -> str:
    return f"oai:{namespace()}:article/{page_id}/{language}"


def parse_identifier(value: str) -> tuple[int, str]:
    prefix = f"oai:{namespace()}:article/"
    page_id, _, language = value.removeprefix(prefix).partition("/")
    if not value.startswith(prefix) or not page_id.isdigit() or language not in site_language_codes():
        raise ProtocolError("idDoesNotExist", f"No record is identified as “{value}”.")
    return int(page_id), language


def set_specs() -> list[tuple[str, str]]:
    """(setSpec, setName): every language and every topic, each under its parent set."""
    specs = [("language", "Languages")]
    specs += [(f"language:{code}", name) for code, name in settings.LANGUAGES]
    specs.append(("topic", "Topics"))
    specs += [(f"topic:{topic.slug}", topic.name) for topic in Topic.objects.order_by("slug")]
    return specs


def visible_articles():
    return visible_to_readers(ArticlePage.objects).annotate(
        changed=Coalesce("last_published_at", "first_published_at")
    )


def language_flags():
    return {
        f"in_{code}": Case(When(existing_in(ArticlePage, code), then=Value(True)), default=Value(False))
        for code in site_language_codes()
    }


def keys_with_languages(articles) -> tuple[list[RecordKey], dict[int, list[str]]]:
    """Every record of the articles, sorted, and each article's languages (for dc:relation)."""
    codes = site_language_codes()
    rows = articles.annotate(**language_flags()).values_list("pk", "changed", *(f"in_{c}" for c in codes))
    keys, languages = [], {}
    for page_id, changed, *flags in rows:
        languages[page_id] = [code for code, flag in zip(codes, flags, strict=True) if flag]
        keys += [RecordKey(changed, page_id, n) for n, flag in enumerate(flags) if flag]
    return sorted(keys), languages


def selected_keys(selection: Selection) -> tuple[list[RecordKey], dict[int, list[str]]]:
    articles = visible_articles().filter(changed__lte=selection.end)
    if selection.start:
        articles = articles.filter(changed__gte=selection.start)
    language = None
    kind, _, value = (selection.set_spec or "").partition(":")
    if kind == "topic":
        articles = articles.filter(topics__slug=value) if value else articles.filter(topics__isnull=False)
        articles = articles.distinct()
    elif kind == "language":
        language = value or None
    elif selection.set_spec:
        return [], {}
    keys, languages = keys_with_languages(articles)
    if language:
        keys = [key for key in keys if key.language == language]
    return keys, languages


def selection_of(arguments: dict, now: datetime.datetime) -> Selection:
    start = parse_datestamp(arguments["from"])[0] if "from" in arguments else None
    end = parse_datestamp(arguments["until"], as_end=True)[0] if "until" in arguments else now
    return Selection(arguments.get("set"), start, end)


def resumption_token(verb: str, prefix: str, selection: Selection, last: RecordKey) -> str:
    return signing.dumps(
        {
            "verb": verb,
            "prefix": prefix,
            "set": selection.set_spec,
            "from": selection.start.isoformat() if selection.start else None,
            "until": selection.end.isoformat(),
            "after": [last.changed.isoformat(), last.page_id, last.language_order],
        },
        salt=TOKEN_SALT,
        compress=True,
    )


def resume(token: str, verb: str) -> tuple[str, Selection, RecordKey]:
    """The metadata prefix, selection and last record given of a token this repository issued."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
        if data["verb"] != verb:
            raise ValueError("a token of another verb")
        selection = Selection(
            data["set"],
            datetime.datetime.fromisoformat(data["from"]) if data["from"] else None,
            datetime.datetime.fromisoformat(data["until"]),
        )
        changed, page_id, language_order = data["after"]
        last = RecordKey(datetime.datetime.fromisoformat(changed), int(page_id), int(language_order))
        return data["prefix"], selection, last
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise ProtocolError("badResumptionToken", "The resumption token is invalid or has expired.") from None


def page_after(keys: list[RecordKey], last: RecordKey | None, size: int) -> tuple[list[RecordKey], int]:
    """The next `size` records after `last`, and how many came before them (the cursor)."""
    start = bisect.bisect_right(keys, last) if last else 0
    return keys[start : start + size], start
