import json
import re
from collections import Counter
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils.translation import override

from ankasam.articles.models import ArticleIndexPage, ArticlePage, ArticlePageAuthor
from ankasam.articles.views import HUBS
from ankasam.core.addresses import words_of
from ankasam.core.languages import field_in, site_language_codes
from ankasam.demo.loader import load_demo_content
from ankasam.pages.models import StandardPage
from ankasam.people.models import PersonPage
from ankasam.taxonomy.models import ArticleType, Region, Topic
from ankasam.translations.availability import languages_of

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
PERSIAN_OR_ARABIC = re.compile(r"[\u0600-\u06FF]")


@pytest.fixture
def demo_site(home_page):
    return load_demo_content()


def table_sizes():
    from django.apps import apps

    return {model._meta.label: model.objects.count() for model in apps.get_models() if model._meta.managed}


def test_loading_twice_adds_nothing(demo_site, capsys):
    before = table_sizes()

    call_command("load_demo_content")

    assert "nothing to add" in capsys.readouterr().out
    assert table_sizes() == before


def test_demo_content_is_as_rich_as_promised(demo_site):
    articles = ArticlePage.objects.live()
    assert articles.count() >= 12
    assert Topic.objects.filter(articles__isnull=False).distinct().count() >= 4
    assert Region.objects.filter(articles__isnull=False).distinct().count() >= 3
    assert PersonPage.objects.live().exclude(bio_en="").count() >= 4
    author_counts = Counter(ArticlePageAuthor.objects.values_list("page_id", flat=True))
    assert any(count >= 2 for count in author_counts.values())
    assert articles.filter(hero_image__isnull=False).count() >= 3

    in_three_languages = 0
    for article in articles:
        notes = [block.value for block in article.footnotes_en]
        assert len(notes) >= 5, article.title
        if article.title_tr and article.body_tr and article.title_ru and article.body_ru:
            in_three_languages += 1
    assert in_three_languages * 2 >= articles.count()
    assert any(not a.body_tr and not a.body_ru for a in articles), "a piece in English only"

    all_notes = [str(b.value["text"]) for a in articles for b in a.footnotes_en]
    assert sum(1 for note in all_notes if PERSIAN_OR_ARABIC.search(note)) >= 5
    assert sum(1 for note in all_notes if "Ibid." in note) >= 3


def sitemap_entries(client) -> dict[str, dict[str, str]]:
    """Each sitemap <loc> with its alternates as {hreflang: href}."""
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    entries = {}
    for url in ElementTree.fromstring(sitemap.content).findall("sm:url", SITEMAP_NS):
        links = url.findall("xhtml:link", SITEMAP_NS)
        alternates = {link.get("hreflang"): link.get("href") for link in links}
        entries[url.find("sm:loc", SITEMAP_NS).text] = alternates
    return entries


def head_alternates(html) -> dict[str, str]:
    head = html.split("</head>")[0]
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', head))


def also_available(html) -> dict[str, str]:
    found = re.search(r'<p class="also-available">(.*?)</p>', html, re.S)
    if found is None:
        return {}
    return {code: href for href, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', found.group(1))}


def test_every_article_in_the_sitemap_has_what_a_reader_needs(demo_site, client):
    entries = sitemap_entries(client)
    translations = sum(len(languages_of(article)) for article in ArticlePage.objects.live())
    people_and_sections = PersonPage.objects.live().count() + 3
    institute_pages = sum(len(languages_of(page)) for page in StandardPage.objects.live())
    assert institute_pages == 3 * len(settings.LANGUAGES)
    hub_words = words_of(HUBS)  # the hubs have entries of their own (discovery/hubs.py)
    hubs = [url for url in entries if url.split("/")[4] in hub_words]
    assert hubs
    pages = len(entries) - len(hubs)
    assert pages == translations + people_and_sections * len(settings.LANGUAGES) + institute_pages

    index = ArticleIndexPage.objects.get()
    slugs = {field_in(index, "slug", code) or index.slug for code in site_language_codes()}
    section_slugs = "|".join(map(re.escape, slugs))
    article_urls = [url for url in entries if re.search(rf"/({section_slugs})/[^/]+/$", url)]
    assert len(article_urls) == translations
    for url in article_urls:
        response = client.get(url)
        html = response.content.decode()
        language = url.split("/")[3]
        assert response.status_code == 200, url
        assert f'<html lang="{language}"' in html
        assert 'id="fnref-1"' in html and 'href="#fn-1"' in html and 'href="#fnref-1"' in html
        assert re.search(r'class="footnote__text" dir="(ltr|rtl)"', html), url
        data = json.loads(re.search(r'type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
        assert data["@type"] == "Article" and data["author"], url
        assert 'class="author-bio"' in html
        assert 'id="similar-heading"' in html, url
        assert head_alternates(html) == entries[url], url
        assert also_available(html) | {language: url, "x-default": entries[url]["x-default"]} == entries[url]


def test_articles_with_turkish_and_russian_render_their_own_text(demo_site, client):
    article = next(a for a in ArticlePage.objects.live().order_by("pk") if a.body_tr and a.body_ru)
    for language in ("tr", "ru"):
        with override(language):
            url = article.get_url()
        html = client.get(url).content.decode()
        assert f'<html lang="{language}"' in html
        assert getattr(article, f"title_{language}").split(":")[0] in html.replace("&#x27;", "'")


def test_demo_terms_have_turkish_and_russian_slugs(demo_site):
    for model in (Topic, Region, ArticleType):
        assert not model.objects.filter(slug_tr__isnull=True).exists(), model
        assert not model.objects.filter(slug_ru__isnull=True).exists(), model
    energy = Topic.objects.get(slug_en="energy")
    assert (energy.slug_tr, energy.slug_ru) == ("enerji", "energetika")
