"""The site's languages and their profiles (languages.toml): read at start-up, extended by `add_language`."""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import get_language_info

LANGUAGES_FILE = Path(__file__).resolve().parent / "languages.toml"
CODES_LINE = re.compile(r"^codes\s*=.*$", re.MULTILINE)
PROFILE_KEYS = {"og_locale", "search_config", "script", "quotes", "honorifics", "addresses"}
# The fixed words of the reader site's addresses (/en/topics/, /en/search/...). A profile's
# `addresses` gives the language's own; a word it leaves out is the English one, the key itself.
ADDRESS_KEYS = ("topics", "regions", "types", "tags", "search", "feed")
ADDRESS_WORD = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class LanguageProfile:
    """What the code needs to know about one language; the fields are explained in languages.toml.

    A language without a table in languages.toml gets `default_profile`: only languages that are
    not the site's (every site language must have a table).
    """

    code: str
    og_locale: str
    search_config: str = "simple"
    script: str = "latin"
    quotes: tuple[str, str] = ("“", "”")
    honorifics: frozenset[str] = frozenset()
    # (key, word) pairs, in ADDRESS_KEYS order: a tuple, so that the profile stays hashable.
    addresses: tuple[tuple[str, str], ...] = ()

    def address_word(self, key: str) -> str:
        """The language's word for an address key; English (the key) when the profile has none."""
        return dict(self.addresses).get(key, key)

    @property
    def direction(self) -> str:
        # Django's knowledge, not a field: Django's admin and `LANGUAGE_BIDI` read the same one.
        return "rtl" if get_language_info(self.code)["bidi"] else "ltr"


def default_profile(code: str) -> LanguageProfile:
    return LanguageProfile(code, og_locale=f"{code}_{code.upper()}")


def read_language_codes(path: Path = LANGUAGES_FILE) -> list[str]:
    codes = tomllib.loads(path.read_text(encoding="utf-8")).get("codes", [])
    unknown = [code for code in codes if code not in LANG_INFO]
    if not codes or unknown or len(set(codes)) != len(codes):
        raise ImproperlyConfigured(
            f"{path}: `codes` must list distinct language codes Django knows; check {unknown or codes}."
        )
    return codes


def address_words_from_table(table: dict) -> tuple[tuple[str, str], ...]:
    """`addresses = { topics = "konular", ... }`: lower-case ASCII words, one per key, all distinct.

    ASCII because an address is copied into mail and chat, where other letters travel
    percent-encoded (docs/decisions/localized-addresses.md).
    """
    words = table.get("addresses", {})
    if not isinstance(words, dict) or set(words) - set(ADDRESS_KEYS):
        raise ValueError(f"`addresses` must be a table with keys among {list(ADDRESS_KEYS)}")
    if not all(isinstance(word, str) and ADDRESS_WORD.match(word) for word in words.values()):
        raise ValueError("`addresses` words must be lower-case ASCII letters, digits and hyphens")
    pairs = tuple((key, words[key]) for key in ADDRESS_KEYS if key in words)
    spelled = [dict(pairs).get(key, key) for key in ADDRESS_KEYS]
    if len(set(spelled)) != len(spelled):
        raise ValueError("`addresses` gives two keys the same word (or a key another key's English word)")
    return pairs


def profile_from_table(code: str, table: dict) -> LanguageProfile:
    quotes = table.get("quotes", default_profile(code).quotes)
    if set(table) - PROFILE_KEYS or len(quotes) != 2:
        raise ValueError(f"keys must be among {sorted(PROFILE_KEYS)}, `quotes` an opening and a closing mark")
    return LanguageProfile(
        code,
        og_locale=table.get("og_locale", default_profile(code).og_locale),
        search_config=table.get("search_config", "simple"),
        script=table.get("script", "latin"),
        quotes=tuple(quotes),
        honorifics=frozenset(word.lower() for word in table.get("honorifics", [])),
        addresses=address_words_from_table(table),
    )


def check_address_words(profiles: dict[str, LanguageProfile]) -> None:
    """One word means one thing in every language: an address in another language's words is
    redirected to the reader's, which needs the word to name a single key."""
    meaning = {key: key for key in ADDRESS_KEYS}
    for profile in profiles.values():
        for key, word in profile.addresses:
            if meaning.setdefault(word, key) != key:
                raise ImproperlyConfigured(
                    f"[profiles.{profile.code}] addresses: {word!r} means {meaning[word]!r} elsewhere, "
                    f"not {key!r}."
                )


def read_language_profiles(path: Path = LANGUAGES_FILE) -> dict[str, LanguageProfile]:
    """Every `[profiles.xx]` table, including those of languages not listed in `codes` yet."""
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    profiles = {}
    for code, table in document.get("profiles", {}).items():
        try:
            profiles[code] = profile_from_table(code, table)
        except (TypeError, ValueError) as error:
            raise ImproperlyConfigured(f"{path}: [profiles.{code}]: {error}.") from error
    missing = [code for code in document.get("codes", []) if code not in profiles]
    if missing:
        raise ImproperlyConfigured(
            f"{path}: every site language needs a [profiles.xx] table; {', '.join(missing)} has none."
        )
    check_address_words(profiles)
    return profiles


def write_language_codes(codes: list[str], path: Path = LANGUAGES_FILE) -> None:
    """Rewrite the `codes` line, keeping the file's comments."""
    line = "codes = [" + ", ".join(f'"{code}"' for code in codes) + "]"
    path.write_text(CODES_LINE.sub(line, path.read_text(encoding="utf-8")), encoding="utf-8")


def toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def profile_table(profile: LanguageProfile) -> str:
    """The `[profiles.xx]` table of languages.toml for the profile, as add_language appends it."""
    honorifics = ", ".join(toml_string(word) for word in sorted(profile.honorifics))
    return (
        f"[profiles.{profile.code}]\n"
        f"og_locale = {toml_string(profile.og_locale)}\n"
        f"search_config = {toml_string(profile.search_config)}\n"
        f"script = {toml_string(profile.script)}\n"
        f"quotes = [{', '.join(toml_string(mark) for mark in profile.quotes)}]\n"
        f"honorifics = [{honorifics}]\n"
        f"{address_words_line(profile)}"
    )


def address_words_line(profile: LanguageProfile) -> str:
    """add_language drafts no words: the language has the English ones until someone writes its own."""
    if not profile.addresses:
        return "# addresses = { " + ", ".join(f'{key} = "..."' for key in ADDRESS_KEYS) + " }\n"
    words = ", ".join(f"{key} = {toml_string(word)}" for key, word in profile.addresses)
    return f"addresses = {{ {words} }}\n"


def append_language_profile(profile: LanguageProfile, path: Path = LANGUAGES_FILE) -> None:
    """Add the language's table at the end of the file, keeping everything above it as it is."""
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{text}\n\n{profile_table(profile)}", encoding="utf-8")
