"""JSON-LD: articles with their translations, people and the home page, as search engines read it."""

import datetime
import json
import re
import zoneinfo
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from PIL import Image

from ankasam.discovery.share_cards import LOGO_PATH

from ..articles.factories import create_article, text_with_notes
from ..images.factories import saved_image
from ..people.factories import PersonPageFactory
from ..taxonomy.factories import ArticleTypeFactory, TopicFactory

pytestmark = pytest.mark.django_db

ISO_WITH_ZONE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$")


def json_ld(client, page, language="en") -> list[dict]:
    with translation.override(language):
        url = page.get_url()
    response = client.get(url)
    assert response.status_code == 200, url
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return [json.loads(block) for block in blocks]


def picture(width: int, height: int):
    return saved_image(
        f"Picture {width}",
        file_name=f"picture-{width}.png",
        size=(width, height),
        colour=(40, 90, 120),
        description_en="A harbour at dawn",
    )


def written_in(**titles) -> dict:
    blocks, notes = text_with_notes(1)
    return {
        language: {"title": title, "blocks": blocks, "notes": notes, "standfirst": f"Summary {language}."}
        for language, title in titles.items()
    }


@pytest.fixture
def author(people_index):
    return PersonPageFactory(parent=people_index, title_en="Leyla Demir", role_en="Senior Fellow")


@pytest.fixture
def article(article_index, author):
    article_index.title_ru, article_index.slug_ru = "Аналитика", "analitika"
    article_index.save_revision().publish()
    energy = TopicFactory(name_en="Energy", name_tr="Enerji", slug="energy")
    water = TopicFactory(name_en="Water", slug="water")  # no Turkish name yet
    article = create_article(
        article_index,
        translations=written_in(en="Gas after 2030", tr="2030'dan sonra gaz"),
        authors=[author],
        topics=[energy, water],
        article_type=ArticleTypeFactory(name_en="Analysis", name_tr="Analiz"),
        publication_date=datetime.date(2026, 3, 2),
    )
    article.tags.add("pipelines")
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def test_an_article_carries_everything_search_engines_ask_for(client, article, author):
    (data,) = json_ld(client, article)
    with translation.override("en"):
        url, author_url = article.get_full_url(), author.get_full_url()

    assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
    assert data["@id"] == data["url"] == url
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["headline"] == "Gas after 2030"
    assert data["description"] == "Summary en."
    nine_local = datetime.datetime(2026, 3, 2, 9, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
    assert data["datePublished"] == nine_local.isoformat()
    assert ISO_WITH_ZONE.match(data["dateModified"]) and data["dateModified"] >= data["datePublished"]
    assert data["inLanguage"] == "en"
    assert data["author"] == [
        {"@type": "Person", "name": "Leyla Demir", "url": author_url, "jobTitle": "Senior Fellow"}
    ]
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization" and publisher["name"] == settings.WAGTAIL_SITE_NAME
    assert publisher["url"] == "http://localhost/en/"
    assert publisher["logo"]["url"].endswith("/static/img/logo.png")
    assert data["image"] == {
        "@type": "ImageObject",
        "url": f"http://localhost/en/share-card/{article.pk}.png?v={article.live_revision_id}",
        "width": 1200,
        "height": 630,
    }
    assert data["articleSection"] == "Analysis"
    assert data["keywords"] == ["Energy", "Water", "pipelines"]
    assert data["isAccessibleForFree"] is True


def test_the_original_lists_its_translations_and_each_translation_points_back(client, article):
    with translation.override("tr"):
        turkish_url = article.get_full_url()
    with translation.override("en"):
        english_url = article.get_full_url()

    (english,) = json_ld(client, article, "en")
    (turkish,) = json_ld(client, article, "tr")

    reference_to_turkish = {"@type": "Article", "@id": turkish_url, "url": turkish_url, "inLanguage": "tr"}
    assert english["workTranslation"] == [reference_to_turkish]
    assert "translationOfWork" not in english
    assert turkish["translationOfWork"] == {
        "@type": "Article",
        "@id": english_url,
        "url": english_url,
        "inLanguage": "en",
    }
    assert "workTranslation" not in turkish
    # Each version speaks its own language: untranslated topics and tags stay out.
    assert turkish["inLanguage"] == "tr" and turkish["headline"] == "2030'dan sonra gaz"
    assert turkish["articleSection"] == "Analiz"
    assert turkish["keywords"] == ["Enerji"]
    assert turkish["publisher"]["url"] == "http://localhost/tr/"


def test_a_piece_written_in_turkish_is_the_original_in_turkish(client, article_index):
    article = create_article(
        article_index, translations=written_in(en="Water", tr="Su"), original_language="tr"
    )

    (english,) = json_ld(client, article, "en")
    (turkish,) = json_ld(client, article, "tr")

    assert english["translationOfWork"]["inLanguage"] == "tr"
    assert [reference["inLanguage"] for reference in turkish["workTranslation"]] == ["en"]
    assert "workTranslation" not in english and "translationOfWork" not in turkish


def test_a_long_headline_is_cut_at_a_word_with_an_ellipsis(client, article_index):
    title = "Why the " + "very " * 30 + "long pipeline matters"
    article = create_article(article_index, title=title)

    (data,) = json_ld(client, article)

    assert len(data["headline"]) <= 110
    assert data["headline"].endswith("very…")
    assert title.startswith(data["headline"][:-1])


def test_an_author_without_a_public_page_is_named_and_nothing_else(client, article_index, people_index):
    hidden = PersonPageFactory(parent=people_index, title_en="Unpublished Person", photo=picture(480, 480))
    hidden.unpublish()
    article = create_article(article_index, authors=[hidden])

    (data,) = json_ld(client, article)

    assert data["author"] == [{"@type": "Person", "name": "Unpublished Person"}]
    assert "Research Fellow" not in json.dumps(data) and "regional policy" not in json.dumps(data)


def turkish_only_author(people_index):
    return PersonPageFactory(
        parent=people_index,
        title_en="Leyla Demir",
        title_ru="Лейла Демир",
        role_en="",
        short_bio_en="",
        bio_en="",
        role_tr="Kıdemli Araştırmacı",
        bio_tr="<p>Hazar enerjisi üzerine yazıyor. Ankara’da yaşıyor.</p>",
    )


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_bio_only_in_turkish_describes_the_author_tagged_turkish(
    client, article_index, people_index, language
):
    person = turkish_only_author(people_index)
    article = create_article(article_index, authors=[person], translations=written_in(en="Gas", ru="Газ"))

    (profile,) = json_ld(client, person, language)
    (article_data,) = json_ld(client, article, language)

    turkish_role = {"@value": "Kıdemli Araştırmacı", "@language": "tr"}
    assert profile["mainEntity"]["description"] == {
        "@value": "Hazar enerjisi üzerine yazıyor.",
        "@language": "tr",
    }
    assert profile["mainEntity"]["jobTitle"] == turkish_role
    assert article_data["author"][0]["jobTitle"] == turkish_role


def test_a_large_main_image_is_cropped_to_1200_by_630_and_a_small_one_is_replaced_by_the_card(
    client, article_index
):
    large = create_article(article_index, title="Large", hero_image=picture(1600, 900))
    small = create_article(article_index, title="Small", hero_image=picture(800, 450))

    (large_data,) = json_ld(client, large)
    (small_data,) = json_ld(client, small)

    assert large_data["image"]["url"].startswith("http://localhost/media/images/")
    assert (large_data["image"]["width"], large_data["image"]["height"]) == (1200, 630)
    assert f"/share-card/{small.pk}.png" in small_data["image"]["url"]


def test_a_person_page_is_a_profile_page(client, people_index):
    person = PersonPageFactory(
        parent=people_index,
        title_en="Leyla Demir",
        role_en="Senior Fellow",
        short_bio_en="Works on gas.",
        photo=picture(480, 480),
        links=[("link", {"label": "ORCID", "url": "https://orcid.org/0000-0001"})],
    )
    with translation.override("en"):
        url = person.get_full_url()

    (data,) = json_ld(client, person)

    assert data["@type"] == "ProfilePage" and data["url"] == url and data["inLanguage"] == "en"
    entity = data["mainEntity"]
    assert entity["@type"] == "Person" and entity["name"] == "Leyla Demir" and entity["url"] == url
    assert entity["jobTitle"] == "Senior Fellow" and entity["description"] == "Works on gas."
    assert entity["sameAs"] == ["https://orcid.org/0000-0001"]
    assert entity["image"].startswith("http://localhost/media/images/")
    assert entity["worksFor"]["name"] == settings.WAGTAIL_SITE_NAME


def test_the_home_page_describes_the_site_and_its_search(client, home_page):
    (data,) = json_ld(client, home_page, "ru")

    website, organization = data["@graph"]
    assert data["@context"] == "https://schema.org"
    assert website["@type"] == "WebSite" and website["url"] == "http://localhost/ru/"
    assert website["inLanguage"] == "ru"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://localhost/ru/poisk/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    assert organization["@type"] == "Organization" and organization["url"] == "http://localhost/ru/"
    assert website["publisher"] == {"@id": organization["@id"]}


def test_the_publisher_logo_is_a_square_png_large_enough_for_search_engines():
    logo = Image.open(Path(settings.BASE_DIR) / "static" / LOGO_PATH)
    assert logo.format == "PNG" and logo.width == logo.height >= 112
