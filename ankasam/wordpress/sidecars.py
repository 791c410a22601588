"""Readers for the small files an administrator exports next to the WXR file.

A WordPress export (WXR) leaves out three things the import needs; each comes as a sidecar.

**WPML translation groups** (``--wpml-translations``). WPML keeps languages and groups in its own
table, not in the export. Save it as CSV (``wp_`` is the usual table prefix; use the site's own,
the ``$table_prefix`` in ``wp-config.php``)::

    SELECT element_id, trid, language_code, source_language_code
    FROM wp_icl_translations
    WHERE element_type IN ('post_post', 'post_page');

With the MySQL client (``-B`` prints tab-separated rows with a header line, which this reader
accepts as it is)::

    mysql -B -u USER -p DATABASE -e "SELECT element_id, trid, language_code, source_language_code
        FROM wp_icl_translations WHERE element_type IN ('post_post', 'post_page')" > wpml-translations.tsv

or with WP-CLI, which knows the prefix and the credentials::

    wp db query "SELECT element_id, trid, language_code, source_language_code
        FROM $(wp db prefix)icl_translations
        WHERE element_type IN ('post_post', 'post_page')" > wpml-translations.tsv

A comma-separated export of the whole table (phpMyAdmin, Adminer) works too: the columns may be
in any order, extra ones are ignored, and only ``post_post`` and ``post_page`` rows (posts and
pages) are kept. ``NULL`` or an empty ``source_language_code`` marks the original of a group.

**Author bios** (``--author-bios``): read by ``bios.py``, whose docstring documents the format.

**Category mapping** (``--taxonomy-mapping``). Categories become topics unless a TOML (or JSON)
file sends them elsewhere::

    [categories]
    caucasus = "region"
    interview = "article_type"
    uncategorized = "skip"

Every reader raises ``SidecarError`` naming the file and, where the format allows, the line.
"""

from __future__ import annotations

import csv
import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

__all__ = [
    "MAPPING_TARGETS",
    "SidecarError",
    "TaxonomyMapping",
    "WpmlEntry",
    "language_from_path",
    "read_taxonomy_mapping",
    "read_wpml_translations",
    "wpml_groups",
]

PathArg = str | PathLike[str]

MAPPING_TARGETS = ("topic", "region", "article_type", "tag", "skip")

# Posts and pages: their ids are unique across both, and pages are imported too.
WPML_ELEMENT_TYPES = ("post_post", "post_page")
_WPML_REQUIRED = ("element_id", "trid", "language_code", "source_language_code")


class SidecarError(ValueError):
    """A sidecar file cannot be read; the message names the file and, where known, the line."""

    def __init__(self, path: PathArg, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        where = f"{self.path}, line {line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")


# --- WPML -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WpmlEntry:
    element_id: int  # the WordPress post id
    trid: int  # the translation group
    language: str
    source_language: str | None  # None for the group's original


def read_wpml_translations(path: PathArg) -> dict[int, WpmlEntry]:
    """Read a CSV/TSV export of ``icl_translations``: post id -> its language and group."""
    text = read_text(path)
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise SidecarError(path, "the file is empty; expected a header line.", line=1)
    # mysql -B and wp db query print tabs; spreadsheet and phpMyAdmin exports print commas.
    delimiter = "\t" if "\t" in lines[0] else ","
    reader = csv.reader(lines, delimiter=delimiter)
    header = [name.strip().strip("`").lower() for name in next(reader)]
    missing = [name for name in _WPML_REQUIRED if name not in header]
    if missing:
        raise SidecarError(
            path,
            f"the header lacks {', '.join(missing)}; expected at least "
            f"{','.join(_WPML_REQUIRED)} (found {','.join(header)}).",
            line=1,
        )
    column = {name: header.index(name) for name in header}
    has_type = "element_type" in column

    entries: dict[int, WpmlEntry] = {}
    group_languages: dict[tuple[int, str], int] = {}
    for line_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            raise SidecarError(path, f"expected {len(header)} columns, found {len(row)}.", line=line_number)
        cell = {name: _null_to_empty(row[index]) for name, index in column.items()}
        if has_type and cell["element_type"] not in WPML_ELEMENT_TYPES:
            continue
        if not cell["element_id"]:
            # WPML leaves element_id empty for a translation slot nobody filled: no post to import.
            continue
        element_id = _parse_int(path, line_number, "element_id", cell["element_id"])
        trid = _parse_int(path, line_number, "trid", cell["trid"])
        language = cell["language_code"].lower()
        if not language:
            raise SidecarError(path, f"post {element_id} has no language_code.", line=line_number)
        if element_id in entries:
            raise SidecarError(path, f"post {element_id} is listed twice.", line=line_number)
        other = group_languages.setdefault((trid, language), element_id)
        if other != element_id:
            raise SidecarError(
                path,
                f"posts {other} and {element_id} are both the {language!r} version of group {trid}.",
                line=line_number,
            )
        entries[element_id] = WpmlEntry(
            element_id=element_id,
            trid=trid,
            language=language,
            source_language=cell["source_language_code"].lower() or None,
        )
    return entries


def wpml_groups(entries: Mapping[int, WpmlEntry] | Iterable[WpmlEntry]) -> dict[int, dict[str, int]]:
    """Group WPML entries by translation group: trid -> {language: post id}."""
    values = entries.values() if isinstance(entries, Mapping) else entries
    groups: dict[int, dict[str, int]] = {}
    for entry in sorted(values, key=lambda entry: entry.element_id):
        members = groups.setdefault(entry.trid, {})
        if entry.language in members:
            raise SidecarError(
                "WPML translations",
                f"posts {members[entry.language]} and {entry.element_id} are both the "
                f"{entry.language!r} version of group {entry.trid}.",
            )
        members[entry.language] = entry.element_id
    return groups


def language_from_path(url_or_path: str, site_languages: Iterable[str]) -> str | None:
    """The site language an old URL is in, from its ``/tr/`` prefix or WPML's ``?lang=tr``.

    This is the fallback when there is no WPML sidecar: a URL without either is in the default
    language, which the caller knows and this function does not, so it returns None.
    """
    languages = {language.lower(): language for language in site_languages}
    parts = urlsplit(url_or_path.strip())
    segments = [segment for segment in unquote(parts.path).split("/") if segment]
    if segments and segments[0].lower() in languages:
        return languages[segments[0].lower()]
    for value in parse_qs(parts.query).get("lang", []):
        if value.lower() in languages:
            return languages[value.lower()]
    return None


# --- Category mapping -------------------------------------------------------------------------


@dataclass
class TaxonomyMapping:
    categories: dict[str, str] = field(default_factory=dict)  # category slug -> target

    def target_for(self, slug: str, default: str = "topic") -> str:
        """Where a category goes; slugs compare decoded, so ``кавказ`` matches ``%d0%ba...``."""
        wanted = _normal_slug(slug)
        for mapped, target in self.categories.items():
            if _normal_slug(mapped) == wanted:
                return target
        return default


def read_taxonomy_mapping(path: PathArg) -> TaxonomyMapping:
    """Read the category mapping (TOML, or JSON for a ``.json`` file) and check every target."""
    text = read_text(path)
    is_json = str(path).lower().endswith(".json")
    try:
        data = json.loads(text) if is_json else tomllib.loads(text)
    except json.JSONDecodeError as error:
        raise SidecarError(
            path, f"not valid JSON: {error.msg} (column {error.colno}).", error.lineno
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise SidecarError(path, f"not valid TOML: {error}.") from None
    if not isinstance(data, dict):
        raise SidecarError(path, 'expected an object with a "categories" table.')
    unknown = sorted(set(data) - {"categories"})
    if unknown:
        raise SidecarError(
            path, f"unknown section {unknown[0]!r}; only [categories] is read.", _line_of(text, unknown[0])
        )
    categories = data.get("categories", {})
    if not isinstance(categories, dict):
        raise SidecarError(
            path, '"categories" must map category slugs to targets.', _line_of(text, "categories")
        )
    for slug, target in categories.items():
        if target not in MAPPING_TARGETS:
            raise SidecarError(
                path,
                f"category {slug!r} is sent to {target!r}; expected one of {', '.join(MAPPING_TARGETS)}.",
                _line_of(text, slug),
            )
    return TaxonomyMapping(categories=dict(categories))


# --- Helpers ----------------------------------------------------------------------------------


def read_text(path: PathArg) -> str:
    try:
        # utf-8-sig: spreadsheet programs and Windows editors start files with a byte-order mark.
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise SidecarError(path, "file not found.") from None
    except UnicodeDecodeError as error:
        raise SidecarError(path, f"not UTF-8 text (byte {error.start}).") from None


def _null_to_empty(value: str) -> str:
    value = value.strip()
    return "" if value.upper() == "NULL" else value


def _parse_int(path: PathArg, line: int, name: str, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise SidecarError(path, f"{name} must be a whole number, found {value!r}.", line=line) from None


def json_type(value: object) -> str:
    return {list: "a list", str: "text", int: "a number", float: "a number", bool: "true/false"}.get(
        type(value), "null"
    )


def _normal_slug(slug: str) -> str:
    return unquote(slug).strip().lower()


def _line_of(text: str, key: str) -> int | None:
    # The TOML and JSON parsers do not give positions for valid-but-wrong values; the key's
    # first appearance at the start of a line (bare, quoted or a [table]) is close enough.
    pattern = re.compile(rf'^[ \t]*(\[[ \t]*)?["\']?{re.escape(key)}["\']?\s*(=|:|\])', re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None
