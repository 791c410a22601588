"""The hubs' sitemap entries: only hubs with pieces, only in the languages those pieces are in,
in each language's words and slugs, naming one another as alternates."""

from urllib.parse import urlsplit

import pytest
from defusedxml import ElementTree

from ..articles.factories import create_article, written_in
from ..taxonomy.factories import RegionFactory, TopicFactory

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def hub_entries(client) -> dict[str, dict]:
    """Each hub <loc>'s path with its lastmod and its alternates' paths by hreflang."""
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    entries = {}
    for url in root.findall("sm:url", NS):
        path = urlsplit(url.findtext("sm:loc", namespaces=NS)).path
        if path.split("/")[2] in {"topics", "konular", "temy", "regions", "bolgeler", "regiony"}:
            links = url.findall("xhtml:link", NS)
            entries[path] = {
                "lastmod": url.findtext("sm:lastmod", namespaces=NS),
                "alternates": {link.get("hreflang"): urlsplit(link.get("href")).path for link in links},
            }
    return entries


def test_hubs_with_pieces_are_listed_in_their_languages_words(client, article_index):
    energy = TopicFactory(slug_en="energy", slug_tr="enerji", name_en="Energy")
    TopicFactory(slug_en="empty", name_en="Empty")
    caucasus = RegionFactory(slug_en="caucasus", name_en="Caucasus")
    create_article(article_index, translations=written_in("Gas", "en", "tr"), topics=[energy])
    create_article(article_index, translations=written_in("Pass", "en"), regions=[caucasus])

    entries = hub_entries(client)

    assert set(entries) == {
        "/en/topics/",
        "/tr/konular/",
        "/en/topics/energy/",
        "/tr/konular/enerji/",
        "/en/regions/",
        "/en/regions/caucasus/",
    }  # nothing in Russian, nothing under "empty", no Turkish region hub (no Turkish piece there)
    assert entries["/tr/konular/enerji/"]["alternates"] == {
        "en": "/en/topics/energy/",
        "tr": "/tr/konular/enerji/",
        "x-default": "/en/topics/energy/",
    }
    assert entries["/en/topics/energy/"]["alternates"] == entries["/tr/konular/enerji/"]["alternates"]
    assert entries["/en/regions/caucasus/"]["lastmod"]
    for path in entries:
        assert client.get(path).status_code == 200, path
