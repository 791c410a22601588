"""Language profiles (languages.toml): read once, defaults for a language without one, and every
piece of per-language knowledge taken from them."""

import dataclasses
import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured

from ankasam.articles.citation import CitedWork, Name, chicago, mla, split_name
from ankasam.core.languages import (
    SCRIPT_BLOCKS,
    SCRIPTS_WITH_FONTS,
    language_profile,
    text_direction,
    written_in,
)
from ankasam.core.text import html_to_text
from ankasam.discovery.meta import og_locale
from ankasam.search.models import text_search_config
from ankasam.settings.language_list import LANGUAGES_FILE, LanguageProfile, read_language_profiles

STATIC_CSS = Path(django_settings.BASE_DIR) / "static" / "css"
UNICODE_RANGE = re.compile(r"unicode-range:\s*([^;]+);")
# pdf.css also gives Vazirmatn the joiners and direction marks (U+200C-200F) Persian text uses.
JOINERS_AND_MARKS = (0x200C, 0x200F)


def with_profile(settings, code: str, **changes) -> None:
    """The profile of `code` changed as if languages.toml said so."""
    settings.LANGUAGE_PROFILES = {
        **settings.LANGUAGE_PROFILES,
        code: dataclasses.replace(language_profile(code), **changes),
    }


def cited_in(language: str) -> CitedWork:
    published = datetime.date(2026, 3, 10)
    return CitedWork(
        (Name("Elif", "Aydın"),), "Gas after 2030", "ANKASAM", published, "https://x.org/", language
    )


def unicode_ranges(css: str) -> list[set[tuple[int, int]]]:
    """The ranges of each `unicode-range` in the stylesheet, as (first, last) code points."""
    found = []
    for declaration in UNICODE_RANGE.findall(css):
        ranges = set()
        for part in declaration.split(","):
            first, _, last = part.strip().removeprefix("U+").partition("-")
            ranges.add((int(first, 16), int(last or first, 16)))
        found.append(ranges)
    return found


def write_languages(tmp_path, text: str) -> Path:
    path = tmp_path / "languages.toml"
    path.write_text(text, encoding="utf-8")
    return path


# Reading


def test_every_site_language_has_a_profile_in_languages_toml():
    profiles = read_language_profiles(LANGUAGES_FILE)

    assert set(django_settings.SITE_LANGUAGE_CODES) <= set(profiles)
    assert profiles["tr"] == LanguageProfile(
        "tr",
        og_locale="tr_TR",
        search_config="turkish",
        script="latin",
        honorifics=frozenset({"doç", "doç.", "doc."}),
        addresses=(
            ("topics", "konular"),
            ("regions", "bolgeler"),
            ("types", "turler"),
            ("tags", "etiketler"),
            ("search", "ara"),
            ("feed", "akis"),
        ),
    )
    assert profiles["ru"].script == "cyrillic" and profiles["en"].og_locale == "en_GB"


def test_a_site_language_without_a_profile_stops_the_start(tmp_path):
    path = write_languages(tmp_path, 'codes = ["en", "tr"]\n\n[profiles.en]\nog_locale = "en_GB"\n')

    with pytest.raises(ImproperlyConfigured, match=r"needs a \[profiles.xx\] table; tr has none"):
        read_language_profiles(path)


@pytest.mark.parametrize(
    "table",
    [
        'colour = "red"',
        'quotes = ["«"]',
        "honorifics = 3",
        'addresses = { topix = "konular" }',
        'addresses = { topics = "Konular" }',
        'addresses = { topics = "konu lar" }',
        'addresses = { topics = "ara", search = "ara" }',
        'addresses = { topics = "search" }',
    ],
    ids=[
        "unknown key",
        "one mark",
        "not a list",
        "unknown address key",
        "upper-case word",
        "space in a word",
        "one word for two keys",
        "another key's English word",
    ],
)
def test_a_malformed_profile_stops_the_start(tmp_path, table):
    path = write_languages(tmp_path, f'codes = ["en"]\n\n[profiles.en]\n{table}\n')

    with pytest.raises(ImproperlyConfigured, match=r"\[profiles.en\]"):
        read_language_profiles(path)


def test_an_address_word_means_one_key_in_every_language(tmp_path):
    text = (
        'codes = ["en", "tr"]\n\n[profiles.en]\n\n[profiles.tr]\naddresses = { topics = "konular" }\n\n'
        '[profiles.az]\naddresses = { regions = "konular" }\n'
    )

    with pytest.raises(ImproperlyConfigured, match=r"'konular' means 'topics' elsewhere, not 'regions'"):
        read_language_profiles(write_languages(tmp_path, text))


def test_a_language_without_address_words_has_the_english_ones():
    assert [language_profile("fa").address_word(key) for key in ("topics", "feed")] == ["topics", "feed"]
    assert language_profile("tr").address_word("search") == "ara"


def test_a_profile_leaves_out_what_the_defaults_say(tmp_path):
    path = write_languages(tmp_path, 'codes = ["de"]\n\n[profiles.de]\nhonorifics = ["Dr."]\n')

    assert read_language_profiles(path)["de"] == LanguageProfile(
        "de", og_locale="de_DE", search_config="simple", script="latin", honorifics=frozenset({"dr."})
    )


def test_a_language_without_a_profile_gets_the_documented_defaults():
    profile = language_profile("de")

    assert profile == LanguageProfile("de", "de_DE", "simple", "latin", ("“", "”"), frozenset())
    assert profile.direction == "ltr"


def test_the_direction_is_djangos():
    assert [language_profile(code).direction for code in ("en", "ru", "fa", "ar")] == [
        "ltr",
        "ltr",
        "rtl",
        "rtl",
    ]
    assert text_direction("fa") == "rtl"


def test_every_profile_is_in_a_script_the_shipped_fonts_cover():
    assert {profile.script for profile in django_settings.LANGUAGE_PROFILES.values()} <= SCRIPTS_WITH_FONTS


# Consumers


def test_og_locale_comes_from_the_profile(settings):
    assert [og_locale(code) for code in ("en", "tr", "ru", "fa")] == ["en_GB", "tr_TR", "ru_RU", "fa_IR"]

    with_profile(settings, "tr", og_locale="tr_CY")

    assert og_locale("tr") == "tr_CY"


def test_the_search_configuration_comes_from_the_profile(settings):
    assert [text_search_config(code) for code in ("en", "tr", "ru", "fa", "de")] == [
        "english",
        "turkish",
        "russian",
        "simple",
        "simple",
    ]

    with_profile(settings, "ru", search_config="simple")

    assert text_search_config("ru") == "simple"


def test_the_citation_quotes_come_from_the_profile_of_the_versions_language(settings):
    assert "«Gas after 2030». ANKASAM" in html_to_text(chicago(cited_in("ru")))
    assert "«Gas after 2030». ANKASAM" in html_to_text(mla(cited_in("ru")))
    assert "“Gas after 2030.”" in html_to_text(chicago(cited_in("tr")))

    with_profile(settings, "tr", quotes=("«", "»"))

    assert "«Gas after 2030». ANKASAM" in html_to_text(chicago(cited_in("tr")))


def test_names_lose_the_honorifics_of_every_profile(settings):
    assert split_name("Doç. Dr. Elif Aydın") == Name("Elif", "Aydın")
    assert split_name("دکتر Elif Aydın") == Name("Elif", "Aydın")

    with_profile(settings, "tr", honorifics=frozenset({"doç.", "av."}))

    assert split_name("Av. Elif Aydın") == Name("Elif", "Aydın")


def test_arabic_script_is_told_by_its_characters():
    assert written_in("arabic", "Caspian گاز") and written_in("arabic", "ﻻ")
    assert not written_in("arabic", "Каспийский gaz")


@pytest.mark.parametrize(("stylesheet", "extra"), [("site.css", set()), ("pdf.css", {JOINERS_AND_MARKS})])
def test_the_stylesheets_give_vazirmatn_the_arabic_script_and_nothing_else(stylesheet, extra):
    css = (STATIC_CSS / stylesheet).read_text(encoding="utf-8")

    ranges = unicode_ranges(css)

    assert ranges and all(found == set(SCRIPT_BLOCKS["arabic"]) | extra for found in ranges)
