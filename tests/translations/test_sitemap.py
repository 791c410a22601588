"""The sitemap: each page once per language it is written in, each entry naming all of them."""

from datetime import UTC, datetime
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.timezone import localtime

from ankasam.core.languages import site_language_codes

from ..articles.factories import create_article, text_with_notes

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
ENGLISH = "http://localhost/en/analyses/water-talks/"
TURKISH = "http://localhost/tr/analizler/su-gorusmeleri/"


def text(title, slug=None):
    blocks, notes = text_with_notes(1, prefix=title)
    return {"title": title, "slug": slug, "blocks": blocks, "notes": notes}


ENGLISH_TEXT = text("Water talks", "water-talks")
TURKISH_TEXT = text("Su görüşmeleri", "su-gorusmeleri")


def sitemap(client) -> dict[str, dict]:
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return {
        url.findtext("sm:loc", namespaces=NS): {
            "lastmod": url.findtext("sm:lastmod", namespaces=NS),
            "alternates": {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)},
        }
        for url in root.findall("sm:url", NS)
    }


def test_each_language_of_a_piece_is_an_entry_naming_the_others(client, article_index):
    article = create_article(
        article_index,
        translations={"en": ENGLISH_TEXT, "tr": TURKISH_TEXT},
    )

    entries = sitemap(client)

    expected = {"en": ENGLISH, "tr": TURKISH, "x-default": ENGLISH}
    assert entries[ENGLISH]["alternates"] == entries[TURKISH]["alternates"] == expected
    # The sitemap dates a page in the site's time zone, a day after UTC's from 21:00 UTC in Istanbul.
    assert entries[ENGLISH]["lastmod"] == f"{localtime(article.last_published_at):%Y-%m-%d}"
    assert [url for url, entry in entries.items() if entry["alternates"] == expected] == [ENGLISH, TURKISH]
    home = {code: f"http://localhost/{code}/" for code in site_language_codes()}
    assert entries[home["ru"]]["alternates"] == {**home, "x-default": home["en"]}


def test_a_piece_not_in_the_default_language_names_its_first_as_the_default(client, article_index):
    # Wagtail needs a default-language title and slug; without a body the piece is not in English.
    names = {"title_en": "Su görüşmeleri", "slug_en": "su-gorusmeleri"}
    create_article(article_index, translations={"tr": TURKISH_TEXT}, original_language="tr", **names)

    entries = sitemap(client)

    assert entries[TURKISH]["alternates"] == {"tr": TURKISH, "x-default": TURKISH}
    assert ENGLISH not in entries


def test_a_page_gives_the_same_entries_without_the_sitemaps_request(client, article_index, rf):
    article = create_article(
        article_index,
        translations={"en": ENGLISH_TEXT, "tr": TURKISH_TEXT},
    )

    entries = article.get_sitemap_urls()

    assert [entry["location"] for entry in entries] == [ENGLISH, TURKISH]
    assert entries == article.get_sitemap_urls(rf.get("/sitemap.xml"))


def queries_for_the_sitemap(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/sitemap.xml").status_code == 200
    return len(queries)


def test_the_sitemap_costs_as_many_queries_for_many_pieces_as_for_one(client, article_index):
    create_article(article_index)
    client.get("/sitemap.xml")  # the site's root paths are cached by the first request
    one = queries_for_the_sitemap(client)
    for number in range(4):
        create_article(
            article_index, translations={"en": text(f"More {number}"), "ru": text(f"Ещё {number}")}
        )

    assert queries_for_the_sitemap(client) == one


def test_a_piece_published_late_in_the_utc_evening_is_dated_by_the_sites_time_zone(client, article_index):
    article = create_article(article_index, translations={"en": ENGLISH_TEXT})
    late = datetime(2026, 3, 9, 22, 30, tzinfo=UTC)  # 01:30 on 10 March in Istanbul
    type(article).objects.filter(pk=article.pk).update(last_published_at=late)

    assert sitemap(client)[ENGLISH]["lastmod"] == "2026-03-10"
