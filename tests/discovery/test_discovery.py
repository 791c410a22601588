"""What the site tells crawlers, parsed the way they parse it.

robots.txt with `urllib.robotparser`, the sitemap and the feeds as XML, and the head of every
demo article in every language it exists in (canonical, description, OpenGraph, Twitter, JSON-LD),
following every address they name. The demo site is loaded once for the module and rolled back.
"""

import datetime
import email.utils
import io
import json
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import pytest
from defusedxml import ElementTree
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation
from django.views.static import serve
from PIL import Image

from ankasam.articles.models import ArticlePage
from ankasam.demo.loader import load_demo_content
from ankasam.discovery.meta import canonical_url
from ankasam.people.models import PeopleIndexPage, PersonPage
from ankasam.taxonomy.models import Topic
from ankasam.translations.availability import languages_of

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
OG_LOCALES = {"en": "en_GB", "tr": "tr_TR", "ru": "ru_RU", "fa": "fa_IR"}
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
RFC_822 = re.compile(r"^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}$")
ARTICLE_KEYS = {
    "@context": str,
    "@type": str,
    "@id": str,
    "url": str,
    "mainEntityOfPage": dict,
    "headline": str,
    "description": str,
    "datePublished": str,
    "dateModified": str,
    "inLanguage": str,
    "author": list,
    "publisher": dict,
    "image": dict,
    "articleSection": str,
    "keywords": list,
    "isAccessibleForFree": bool,
}


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def media_in_tmp(settings, demo_media):
    """Every test reads the images the module's demo site was loaded with."""
    settings.MEDIA_ROOT = demo_media


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, demo_media):
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=demo_media), transaction.atomic():
        cache.clear()  # renditions cached by earlier tests point at their own media folders
        translation.activate("en")
        load_demo_content()
        yield
        transaction.set_rollback(True)
    cache.clear()


class Head(HTMLParser):
    """A page head as a crawler reads it: meta values by name, links, and parsed JSON-LD."""

    def __init__(self, html: str):
        super().__init__()
        self.meta, self.links, self.json_ld, self._script = {}, [], [], None
        self.feed(html.split("</head>")[0])

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta.setdefault(attrs.get("property") or attrs["name"], []).append(attrs.get("content"))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.json_ld.append(json.loads("".join(self._script)))
            self._script = None

    def canonical(self) -> list[str]:
        return [link["href"] for link in self.links if link.get("rel") == "canonical"]


class Fetcher:
    """Fetches each address once. Media is served by the web server in production; Django's
    static view stands in for it here."""

    def __init__(self, client):
        self.client, self.responses = client, {}

    def __call__(self, url: str):
        if url not in self.responses:
            path = urlsplit(url).path
            if path.startswith(settings.MEDIA_URL):
                request = RequestFactory().get(path)
                served = serve(request, path[len(settings.MEDIA_URL) :], document_root=settings.MEDIA_ROOT)
                response = HttpResponse(b"".join(served), content_type=served["Content-Type"])
            else:
                response = self.client.get(url)
            self.responses[url] = response
        return self.responses[url]

    def page(self, url: str):
        response = self(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    def html_language(self, url: str) -> str:
        return re.search(r'<html lang="([\w-]+)"', self.page(url).content.decode()).group(1)

    def image_size(self, url: str) -> tuple[int, int]:
        response = self.page(url)
        assert response["Content-Type"].startswith("image/"), url
        return Image.open(io.BytesIO(response.content)).size


@pytest.fixture
def fetch(client):
    return Fetcher(client)


def address(page, language: str) -> str:
    with translation.override(language):
        return page.get_full_url()


def has_zone(value: str) -> bool:
    return datetime.datetime.fromisoformat(value).tzinfo is not None


# robots.txt


def test_robots_txt_keeps_crawlers_out_of_search_and_names_the_sitemap(demo, fetch):
    response = fetch.page("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    robots = RobotFileParser()
    robots.parse(response.content.decode().splitlines())

    # A moved admin address would be given away by naming it here.
    assert settings.WAGTAIL_ADMIN_PATH not in response.content.decode()
    for language in LANGUAGES:
        with translation.override(language):
            search, feed = reverse("search"), reverse("articles_feed")  # in the language's words
        assert not robots.can_fetch("*", f"{search}?q=gas")
        assert robots.can_fetch("*", address(ArticlePage.objects.live().first(), language))
        assert robots.can_fetch("*", feed)
    (sitemap,) = robots.site_maps()
    assert urlsplit(sitemap).scheme in ("http", "https") and urlsplit(sitemap).netloc
    assert fetch.page(sitemap)["Content-Type"].startswith("application/xml")


# The sitemap


def sitemap_entries(fetch) -> dict[str, dict[str, str]]:
    root = ElementTree.fromstring(fetch.page("/sitemap.xml").content)
    assert root.tag == f"{{{NS['sm']}}}urlset"
    entries = {}
    for url in root.findall("sm:url", NS):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        assert all(link.get("rel") == "alternate" for link in url.findall("xhtml:link", NS))
        lastmod = url.findtext("sm:lastmod", namespaces=NS)
        assert lastmod is None or datetime.date.fromisoformat(lastmod[:10])
        entries[url.findtext("sm:loc", namespaces=NS)] = alternates
    return entries


def test_every_sitemap_address_answers_and_lists_the_same_alternates_as_its_siblings(demo, fetch):
    entries = sitemap_entries(fetch)

    assert len(entries) > 30
    for location, alternates in entries.items():
        language = urlsplit(location).path.split("/")[1]
        assert fetch.html_language(location) == language, location
        assert alternates[language] == location
        assert alternates["x-default"] == alternates.get("en", location)
        for code, href in alternates.items():
            # Each alternate is listed itself, naming the same set of versions.
            assert entries[href] == alternates, (location, code)


def test_the_sitemap_lists_the_hubs_in_each_languages_words_and_slugs(demo, fetch):
    entries = {urlsplit(location).path: alternates for location, alternates in sitemap_entries(fetch).items()}

    energy = {code: urlsplit(href).path for code, href in entries["/tr/konular/enerji/"].items()}
    assert energy == {
        "en": "/en/topics/energy/",
        "tr": "/tr/konular/enerji/",
        "ru": "/ru/temy/energetika/",
        "x-default": "/en/topics/energy/",
    }
    for index in ("/en/topics/", "/tr/bolgeler/", "/ru/tipy/"):
        assert index in entries
    assert not any("/topics/" in path for path in entries if path.startswith(("/tr/", "/ru/")))


# Feeds


def feeds_of(language: str) -> list[str]:
    article = next(a for a in ArticlePage.objects.live().order_by("pk") if language in languages_of(a))
    topic = Topic.objects.filter(articles=article).first()
    author = PersonPage.objects.get(pk=article.article_authors.first().person_id)
    with translation.override(language):
        return [
            reverse("articles_feed"),
            reverse("topic_feed", args=[topic.slug]),
            reverse("author_feed", args=[author.slug]),
        ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_feed_is_rss_2_with_complete_items_that_answer(demo, fetch, language):
    for path in feeds_of(language):
        response = fetch.page(path)
        assert response["Content-Type"].startswith("application/rss+xml")
        rss = ElementTree.fromstring(response.content)
        assert rss.tag == "rss" and rss.get("version") == "2.0"
        channel = rss.find("channel")
        assert channel.findtext("title") and channel.findtext("description"), path
        assert channel.findtext("language") == language
        assert fetch.html_language(channel.findtext("link")) == language
        items = channel.findall("item")
        assert items, path
        for item in items:
            assert item.findtext("title") and item.findtext("guid"), path
            assert RFC_822.match(item.findtext("pubDate")), item.findtext("pubDate")
            assert email.utils.parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None
            assert fetch.html_language(item.findtext("link")) == language


# Every demo article, in every language it exists in


def article_versions():
    return [
        (article, language)
        for article in ArticlePage.objects.live().order_by("pk")
        for language in languages_of(article)
    ]


def check_article_json_ld(data: dict, article, language: str, url: str, fetch):
    for key, expected_type in ARTICLE_KEYS.items():
        assert isinstance(data.get(key), expected_type), (url, key)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
    assert data["@id"] == data["url"] == data["mainEntityOfPage"]["@id"] == url
    assert 0 < len(data["headline"]) <= 110
    assert 0 < len(data["description"]) <= 160
    assert has_zone(data["datePublished"]) and has_zone(data["dateModified"])
    assert data["inLanguage"] == language
    assert data["keywords"] and all(isinstance(keyword, str) and keyword for keyword in data["keywords"])

    for author in data["author"]:
        assert author["@type"] == "Person" and author["name"] and author["jobTitle"], url
        person = fetch.page(author["url"]).context["page"]
        assert isinstance(person, PersonPage) and person.live
        assert fetch.html_language(author["url"]) == language

    publisher = data["publisher"]
    assert publisher["@type"] == "Organization" and publisher["name"] == settings.WAGTAIL_SITE_NAME
    assert fetch.html_language(publisher["url"]) == language
    assert publisher["logo"]["@type"] == "ImageObject" and publisher["logo"]["url"].startswith("http")

    image = data["image"]
    assert image["@type"] == "ImageObject" and (image["width"], image["height"]) == (1200, 630)
    assert fetch.image_size(image["url"]) == (1200, 630)

    others = set(languages_of(article)) - {language}
    if language == article.original_language:
        translations = data.get("workTranslation", [])
        assert {reference["inLanguage"] for reference in translations} == others, url
        assert "translationOfWork" not in data
    else:
        translations = [data["translationOfWork"]]
        assert translations[0]["inLanguage"] == article.original_language
    for reference in translations:
        assert reference["@type"] == "Article" and reference["@id"] == reference["url"]
        assert fetch.html_language(reference["url"]) == reference["inLanguage"]


def check_article_open_graph(meta: dict, data: dict, language: str, url: str, versions: list[str]):
    def one(name):
        (value,) = meta[name]
        return value

    assert one("description") == one("og:description") == one("twitter:description") == data["description"]
    assert one("og:type") == "article" and one("og:url") == url
    assert one("og:title") == one("twitter:title") and one("og:title")
    assert one("og:site_name") == settings.WAGTAIL_SITE_NAME
    assert one("og:locale") == OG_LOCALES[language]
    assert sorted(meta.get("og:locale:alternate", [])) == sorted(
        OG_LOCALES[v] for v in versions if v != language
    )
    assert one("og:image") == one("twitter:image") == data["image"]["url"]
    assert (one("og:image:width"), one("og:image:height")) == ("1200", "630")
    assert one("og:image:alt") and one("twitter:image:alt") == one("og:image:alt")
    assert one("article:published_time") == data["datePublished"]
    assert one("article:modified_time") == data["dateModified"]
    assert meta["article:author"] == [author["url"] for author in data["author"] if "url" in author]
    assert one("article:section") == data["articleSection"]
    assert meta["article:tag"] == data["keywords"]
    assert one("twitter:card") == "summary_large_image"


def test_every_article_head_is_complete_and_every_address_in_it_answers(demo, fetch):
    versions = article_versions()
    assert len(versions) >= 30 and {language for _a, language in versions} == set(LANGUAGES)

    for article, language in versions:
        url = address(article, language)
        head = Head(fetch.page(url).content.decode())

        assert head.canonical() == [url]
        (data,) = head.json_ld
        check_article_json_ld(data, article, language, url, fetch)
        check_article_open_graph(head.meta, data, language, url, languages_of(article))


# Other page types


def other_pages():
    people = PeopleIndexPage.objects.live().first()
    return [people.get_parent().specific, people, PersonPage.objects.live().order_by("pk").first()] + [
        ArticlePage.objects.live().first().get_parent().specific
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_sections_and_people_have_a_description_a_preview_and_their_data(demo, fetch, language):
    for page in other_pages():
        url = address(page, language)
        head = Head(fetch.page(url).content.decode())

        assert head.canonical() == head.meta["og:url"] == [url]
        (description,) = head.meta["description"]
        assert 0 < len(description) <= 160 and head.meta["og:description"] == [description]
        (image,) = head.meta["og:image"]
        width, height = fetch.image_size(image)
        assert [str(width), str(height)] == head.meta["og:image:width"] + head.meta["og:image:height"]
        expected_type = {PersonPage: "profile"}.get(type(page), "website")
        assert head.meta["og:type"] == [expected_type]
        assert head.meta["og:locale"] == [OG_LOCALES[language]]
        types = [data.get("@type") or [node["@type"] for node in data["@graph"]] for data in head.json_ld]
        expected_json_ld = {"profile": ["ProfilePage"], "website": []}[expected_type]
        if page.depth == 2:
            expected_json_ld = [["WebSite", "Organization"]]
        assert types == expected_json_ld, url


def test_a_persons_description_is_their_role_and_the_first_sentence_of_their_bio(demo, fetch):
    person = PersonPage.objects.get(slug_en="elif-aydin")
    (english,) = Head(fetch.page(address(person, "en")).content.decode()).meta["description"]
    (russian,) = Head(fetch.page(address(person, "ru")).content.decode()).meta["description"]

    assert english.startswith("Senior Fellow, Energy Security Programme. Elif Aydın is a Senior Fellow")
    assert english.endswith("…") and len(english) <= 160
    assert russian.startswith(person.role_ru + ". Элиф Айдын — старший научный сотрудник")


# Canonical addresses of listings


def test_a_listings_later_page_is_its_own_canonical_and_filters_are_not(demo, fetch, monkeypatch):
    people = PeopleIndexPage.objects.live().first()
    monkeypatch.setattr(PeopleIndexPage, "items_per_page", 2)
    url = address(people, "tr")

    second = Head(fetch.page(f"{url}?page=2").content.decode())
    first = Head(fetch.page(f"{url}?page=1").content.decode())

    assert second.canonical() == second.meta["og:url"] == [f"{url}?page=2"]
    assert first.canonical() == [url]
    factory = RequestFactory()
    with translation.override("tr"):
        assert canonical_url(people, factory.get("/", {"page": "3", "topic": "energy"})) == url
        assert canonical_url(people, factory.get("/", {"utm_source": "x"})) == url
        assert canonical_url(people, factory.get("/", {"page": "3"})) == f"{url}?page=3"
