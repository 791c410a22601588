"""Every field of an article through the API, in each of its languages."""

import pytest
from django.utils.dateparse import parse_datetime

from ankasam.core.languages import field_in

from ..articles.factories import create_article
from .conftest import LANGUAGES, get_json

pytestmark = pytest.mark.django_db


def by_language(items) -> dict:
    return {item["language"]: item["url"] for item in items}


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_article_in_each_language_has_that_languages_texts_and_addresses(client, article, language):
    data = get_json(client, f"/api/v2/articles/{article.pk}/?lang={language}")

    assert data["id"] == article.pk
    assert data["title"] == f"Pipeline politics {language}"
    assert data["slug"] == f"pipeline-politics-{language}"
    assert data["standfirst"] == f"Standfirst {language}."
    section = {"en": "analyses", "tr": "analizler", "ru": "analitika"}[language]
    assert data["meta"]["html_url"] == f"http://localhost/{language}/{section}/pipeline-politics-{language}/"
    assert data["meta"]["language"] == language
    assert data["meta"]["original_language"] == "tr"
    assert data["meta"]["detail_url"].endswith(f"/api/v2/articles/{article.pk}/?lang={language}")
    assert by_language(data["meta"]["languages"]) == {
        code: f"http://localhost/{code}/{s}/pipeline-politics-{code}/"
        for code, s in (("en", "analyses"), ("tr", "analizler"), ("ru", "analitika"))
    }
    page_url = data["meta"]["html_url"]
    assert data["pdf_url"] == f"{page_url}pdf/"
    assert data["citation_urls"] == {"bibtex": f"{page_url}cite-bibtex/", "ris": f"{page_url}cite-ris/"}
    assert data["publication_date"] == article.publication_date.isoformat()
    assert parse_datetime(data["first_published_at"]) == article.first_published_at
    assert data["last_published_at"] >= data["first_published_at"]
    assert [tag["slug"] for tag in data["tags"]] == ["gas", "turkey"]
    assert data["tags"][0]["name"] == {"value": "gas", "language": "en"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_body_comes_as_html_with_numbered_references_and_as_blocks(client, article, language):
    data = get_json(client, f"/api/v2/articles/{article.pk}/?lang={language}")

    assert f"Body {language} first claim." in data["body_html"]
    assert 'href="#fn-1"' in data["body_html"] and 'href="#fn-2"' in data["body_html"]
    assert "[^src]" not in data["body_html"]
    assert [block["type"] for block in data["body"]] == ["paragraph", "paragraph"]
    assert f"Body {language} second claim.[^fa]" in data["body"][1]["value"]
    assert data["footnotes"] == [
        {"number": 1, "label": "src", "html": f"<p>Source {language}, p. 4.</p>", "direction": "ltr"},
        # A Persian source in a left-to-right note: the note keeps the page's direction and the
        # Persian run is isolated, as on the page (core/bidi.py).
        {
            "number": 2,
            "label": "fa",
            "html": '<p><bdi dir="rtl" lang="fa">گزارش سالانه</bdi>, p. 2.</p>',
            "direction": "ltr",
        },
    ]


def test_authors_come_in_order_in_the_language_with_fallbacks_marked(client, article, authors):
    turkish = get_json(client, f"/api/v2/articles/{article.pk}/?lang=tr")["authors"]
    russian = get_json(client, f"/api/v2/articles/{article.pk}/?lang=ru")["authors"]

    first = turkish[0]
    assert first["name"] == {"value": "Ayla Demir", "language": "tr"}
    assert first["url"] == "http://localhost/tr/experts/ayla-demir-tr/"
    assert first["role"] == {"value": "Kıdemli Araştırmacı", "language": "tr"}
    assert first["bio"] == {"value": "<p>Ayla Demir bölgeyi inceler.</p>", "language": "tr"}
    # Not translated: the English text, saying so.
    assert first["short_bio"] == {"value": "Writes about the region.", "language": "en"}
    assert russian[0]["role"] == {"value": "Research Fellow", "language": "en"}
    assert russian[0]["url"] == f"http://localhost/ru/experts/{field_in(authors[0], 'slug', 'en')}/"


def test_an_author_whose_page_is_unpublished_is_only_named(client, article):
    for language in LANGUAGES:
        second = get_json(client, f"/api/v2/articles/{article.pk}/?lang={language}")["authors"][1]
        assert second == {
            "name": {"value": "Boris Unpublished", "language": "en"},
            "url": None,
            "role": None,
            "short_bio": None,
            "bio": None,
        }


def test_terms_come_with_their_names_in_the_language(client, article):
    turkish = get_json(client, f"/api/v2/articles/{article.pk}/?lang=tr")
    russian = get_json(client, f"/api/v2/articles/{article.pk}/?lang=ru")

    assert turkish["topics"] == [{"slug": "energy", "name": {"value": "Enerji", "language": "tr"}}]
    assert turkish["type"] == {"slug": "analysis", "name": {"value": "Analiz", "language": "tr"}}
    assert turkish["regions"] == [{"slug": "caucasus", "name": {"value": "Caucasus", "language": "en"}}]
    assert russian["regions"] == [{"slug": "caucasus", "name": {"value": "Кавказ", "language": "ru"}}]
    assert russian["topics"] == [{"slug": "energy", "name": {"value": "Energy", "language": "en"}}]


def test_the_listing_shows_the_same_fields_as_the_detail_but_the_text(client, article):
    detail = get_json(client, f"/api/v2/articles/{article.pk}/?lang=ru")
    listing = get_json(client, "/api/v2/articles/?lang=ru")

    assert listing["meta"]["total_count"] == 1
    [item] = listing["items"]
    assert item == {k: v for k, v in detail.items() if k not in ("body_html", "body", "footnotes")}


def test_the_pages_endpoint_gives_an_articles_detail_and_language_aware_pages(client, article):
    assert get_json(client, f"/api/v2/pages/{article.pk}/?lang=tr") == get_json(
        client, f"/api/v2/articles/{article.pk}/?lang=tr"
    )
    pages = get_json(client, "/api/v2/pages/?lang=tr&type=articles.ArticlePage")
    assert [(p["title"], p["meta"]["slug"]) for p in pages["items"]] == [
        ("Pipeline politics tr", "pipeline-politics-tr")
    ]
    assert pages["items"][0]["meta"]["html_url"].startswith("http://localhost/tr/analizler/")


def library_image(title: str, **captions):
    from wagtail.images.tests.utils import get_test_image_file

    from ankasam.images.models import CustomImage

    return CustomImage.objects.create(title=title, file=get_test_image_file(), **captions)


def test_images_have_their_caption_in_the_language(client, article_index):
    image = library_image("Pipeline", caption_en="A pipeline", caption_tr="Bir boru hattı")
    create_article(article_index, title="Shown", hero_image=image)

    turkish = get_json(client, "/api/v2/images/?lang=tr")
    russian = get_json(client, "/api/v2/images/?lang=ru")

    assert turkish["items"][0]["caption"] == "Bir boru hattı"
    assert russian["items"][0]["caption"] == "A pipeline"
    assert get_json(client, "/api/v2/documents/?lang=tr")["meta"]["total_count"] == 0


def test_only_images_a_page_readers_see_uses_are_listed(client, article_index):
    shown = library_image("Port of Poti")
    in_a_draft = library_image("Draft map of the new corridor")
    unused = library_image("Unused upload")
    create_article(article_index, title="Published", hero_image=shown)
    create_article(article_index, title="Draft", hero_image=in_a_draft, live=False)

    listed = get_json(client, "/api/v2/images/")

    assert [item["title"] for item in listed["items"]] == ["Port of Poti"]
    for hidden in (in_a_draft, unused):
        assert client.get(f"/api/v2/images/{hidden.pk}/").status_code == 404
