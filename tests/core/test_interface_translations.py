"""The interface in every language: complete catalogues, and no English string on translated pages.

The languages are the site's (languages.toml) but the default one, whose catalogue is the source.
"""

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from ankasam.articles.models import ArticlePage
from ankasam.core.languages import default_language, site_language_codes
from ankasam.demo.loader import load_demo_content
from ankasam.people.models import PersonPage
from ankasam.translations.availability import languages_of

PROJECT = Path(settings.BASE_DIR)
TRANSLATED_LANGUAGES = [code for code in site_language_codes() if code != default_language()]


def catalogue(language) -> polib.POFile:
    return polib.pofile(str(PROJECT / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_interface_string_is_translated(language):
    entries = [entry for entry in catalogue(language) if not entry.obsolete]

    untranslated = [entry.msgid for entry in entries if not entry.translated() or "fuzzy" in entry.flags]

    assert entries and not untranslated, f"{language}: translate {untranslated} (locale/{language})"


def test_the_catalogues_hold_every_string_of_the_code(tmp_path):
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("GNU gettext's xgettext is needed in CI (apt-get install gettext)")
        pytest.skip("extracting strings needs GNU gettext's xgettext (apt-get install gettext)")
    copy = tmp_path / "project"
    for name in ("ankasam", "templates", "locale"):
        shutil.copytree(PROJECT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    shutil.copy(PROJECT / "manage.py", copy)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {
        "DJANGO_SETTINGS_MODULE": "ankasam.settings.test"
    }

    subprocess.run(
        [sys.executable, "manage.py", "update_catalogues", "-v0"], cwd=copy, env=env, check=True, timeout=120
    )

    for language in TRANSLATED_LANGUAGES:
        committed = {entry.msgid for entry in catalogue(language) if not entry.obsolete}
        extracted = polib.pofile(str(copy / "locale" / language / "LC_MESSAGES" / "django.po"))
        missing = sorted({entry.msgid for entry in extracted if not entry.obsolete} - committed)
        assert not missing, f"run `make messages` and translate for {language}: {missing}"


class VisibleText(HTMLParser):
    """Text nodes and accessible labels of a page, without scripts and styles."""

    def __init__(self):
        super().__init__()
        self.texts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")
        self.texts += [value for name, value in attrs if name in ("aria-label", "title", "alt") and value]

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(" ".join(data.split()))


def english_interface_strings(html: str, language: str) -> list[str]:
    source_strings = {
        " ".join(entry.msgid.split())
        for entry in catalogue(language)
        if entry.msgstr != entry.msgid and any("templates" in path for path, _line in entry.occurrences)
    }
    parser = VisibleText()
    parser.feed(html)
    return [text for text in parser.texts if text.strip(" ·:,.") in source_strings]


@pytest.mark.django_db
@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_public_pages_show_no_english_interface_string(client, home_page, language):
    load_demo_content()
    with override(language):
        article = next(a for a in ArticlePage.objects.live().order_by("pk") if language in languages_of(a))
        missing = next(a for a in ArticlePage.objects.live() if language not in languages_of(a))
        person = PersonPage.objects.live().first()
        topic = article.topics.first()
        search = reverse("search")
        urls = [f"/{language}/", article.get_parent().url, article.url, person.get_parent().url, person.url]
        urls += [reverse("hub_index", kwargs={"kind": "topics"}), reverse("hub", args=("topics", topic.slug))]
        # A search with results (a word of the article's title) and one without.
        found = f"{search}?{urlencode({'q': article.title.split()[0]})}"
        urls += [found, f"{search}?q=zzzqqq", search]
    urls += [f"/{language}/no-such-page/", missing.url.replace("/en/", f"/{language}/", 1)]

    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        html = response.content.decode()
        assert f'<html lang="{language}"' in html, url
        assert english_interface_strings(html, language) == [], url
        if url == found:
            assert article.url in html, "the search with results found nothing: its strings went unchecked"
