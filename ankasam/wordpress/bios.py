"""Reader for the author-bios sidecar (``--author-bios``): names, roles, bios and links per language.

WXR has each author's login and name but no biography. A JSON file keyed by login carries them
per language::

    {"elif": {"display_name": {"en": "Elif Kaya", "tr": "Elif Kaya"},
              "role": {"en": "Senior fellow", "tr": "Kıdemli araştırmacı"},
              "bio": {"en": "<p>Works on ...</p>", "tr": "<p>... üzerine çalışıyor.</p>"},
              "links": [{"label": "ORCID", "url": "https://orcid.org/..."}],
              "email": "elif@example.org"}}

Produce it with WP-CLI: ``wp user list --fields=ID,user_login,display_name --format=json`` gives
the users, ``wp user meta get <id> description`` the bio in the default language, and Polylang
keeps the other languages in ``description_<lang>`` meta. A loop (needs ``jq``; default ``en``)::

    wp user list --fields=ID,user_login,display_name --format=json |
    jq -c '.[]' | while read -r user; do
      id=$(jq -r .ID <<<"$user"); login=$(jq -r .user_login <<<"$user")
      name=$(jq -r .display_name <<<"$user")
      en=$(wp user meta get "$id" description)
      tr=$(wp user meta get "$id" description_tr); ru=$(wp user meta get "$id" description_ru)
      jq -n --arg l "$login" --arg n "$name" --arg en "$en" --arg tr "$tr" --arg ru "$ru" \\
        '{($l): {display_name: {en: $n}, bio: {en: $en, tr: $tr, ru: $ru}}}'
    done | jq -s 'add' > author-bios.json

Bio HTML is returned as written; the command cleans it like any body text.

Like the other sidecar readers (``sidecars.py``), ``read_author_bios`` raises ``SidecarError``
naming the file and, where the format allows, the line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .sidecars import PathArg, SidecarError, json_type, read_text

__all__ = ["AuthorBio", "AuthorLink", "polylang_bio_meta", "read_author_bios"]

_BIO_TRANSLATED_FIELDS = ("display_name", "role", "bio")
_BIO_KNOWN_FIELDS = {*_BIO_TRANSLATED_FIELDS, "links", "email", "usermeta"}
_LINK_SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True)
class AuthorLink:
    label: str
    url: str


@dataclass
class AuthorBio:
    login: str
    display_name: dict[str, str] = field(default_factory=dict)  # site language -> text
    role: dict[str, str] = field(default_factory=dict)
    bio: dict[str, str] = field(default_factory=dict)  # site language -> HTML as written
    links: list[AuthorLink] = field(default_factory=list)
    email: str = ""
    usermeta: dict[str, str] = field(default_factory=dict)  # e.g. Polylang's description_tr
    # Text in languages the site does not have, field -> language -> text, kept for the report.
    set_aside: dict[str, dict[str, str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def other_languages(self) -> list[str]:
        return sorted({language for texts in self.set_aside.values() for language in texts})


def read_author_bios(path: PathArg, site_languages: Iterable[str]) -> dict[str, AuthorBio]:
    """Read the author bio JSON: WordPress login -> names, roles, bios per site language, links."""
    languages = {language.lower(): language for language in site_languages}
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SidecarError(
            path, f"not valid JSON: {error.msg} (column {error.colno}).", error.lineno
        ) from None
    if not isinstance(data, dict):
        raise SidecarError(path, "expected a JSON object keyed by WordPress login.")

    bios: dict[str, AuthorBio] = {}
    for login, record in data.items():
        if not isinstance(record, dict):
            raise SidecarError(path, f"user {login!r}: expected an object, found {json_type(record)}.")
        bio = AuthorBio(login=login)
        for name in _BIO_TRANSLATED_FIELDS:
            texts = record.get(name, {})
            if not isinstance(texts, dict) or not all(isinstance(value, str) for value in texts.values()):
                raise SidecarError(
                    path, f'user {login!r}: "{name}" must map language codes to text, like {{"en": "..."}}.'
                )
            for language, value in texts.items():
                if not value.strip():
                    continue
                site_language = languages.get(language.lower())
                if site_language is None:
                    bio.set_aside.setdefault(name, {})[language] = value
                else:
                    getattr(bio, name)[site_language] = value
        bio.links = _read_links(path, login, record.get("links", []), bio.notes)
        email = record.get("email", "")
        if not isinstance(email, str):
            raise SidecarError(path, f'user {login!r}: "email" must be text.')
        bio.email = email.strip()
        bio.usermeta = _read_usermeta(path, login, record.get("usermeta", {}))
        if bio.set_aside:
            bio.notes.append(
                f"user {login!r}: text in {', '.join(bio.other_languages)} ignored "
                f"(not a language of the site)."
            )
        unknown = sorted(set(record) - _BIO_KNOWN_FIELDS)
        if unknown:
            bio.notes.append(f"user {login!r}: unknown fields ignored: {', '.join(unknown)}.")
        bios[login] = bio
    return bios


def polylang_bio_meta(
    usermeta: Mapping[str, str], site_languages: Iterable[str], default_language: str | None = None
) -> dict[str, str]:
    """Polylang's per-language bios from user meta: ``description_tr`` -> {"tr": ...}.

    Polylang leaves the default language's bio in plain ``description``; it is included only
    when ``default_language`` is given, because nothing in the meta says which language it is.
    Keys for languages the site does not have are ignored.
    """
    languages = {language.lower(): language for language in site_languages}
    bios: dict[str, str] = {}
    for key, value in usermeta.items():
        if not isinstance(value, str) or not value.strip():
            continue
        if key == "description" and default_language is not None:
            bios.setdefault(default_language, value)
        elif key.startswith("description_"):
            site_language = languages.get(key.removeprefix("description_").lower())
            if site_language is not None:
                # A Polylang per-language value wins over plain description for the same language.
                bios[site_language] = value
    return bios


def _read_usermeta(path: PathArg, login: str, usermeta: object) -> dict[str, str]:
    """`{"description_tr": "..."}`, or WP-CLI's `user meta list --format=json` rows as they are."""
    if isinstance(usermeta, list):
        usermeta = {row.get("meta_key"): row.get("meta_value") for row in usermeta if isinstance(row, dict)}
    if not isinstance(usermeta, dict):
        raise SidecarError(path, f'user {login!r}: "usermeta" must map meta keys to text.')
    return {key: value for key, value in usermeta.items() if isinstance(key, str) and isinstance(value, str)}


def _read_links(path: PathArg, login: str, links: object, notes: list[str]) -> list[AuthorLink]:
    if not isinstance(links, list):
        raise SidecarError(path, f'user {login!r}: "links" must be a list of {{"label", "url"}} objects.')
    result = []
    for index, link in enumerate(links):
        if not (
            isinstance(link, dict)
            and isinstance(link.get("url"), str)
            and isinstance(link.get("label", ""), str)
        ):
            raise SidecarError(path, f'user {login!r}: link {index + 1} needs a text "url" (and "label").')
        url = link["url"].strip()
        # A bio link is rendered as an <a href>; anything but web and mail links could run script.
        if urlsplit(url).scheme.lower() not in _LINK_SCHEMES:
            notes.append(f"user {login!r}: link {url!r} dropped (only http, https and mailto are kept).")
            continue
        result.append(AuthorLink(label=link.get("label", "").strip() or url, url=url))
    return result
