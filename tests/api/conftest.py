"""An article written in English, Turkish and Russian, as the API tests read it."""

import pytest

from ankasam.articles.content import Note, paragraph

from ..articles.factories import create_article
from ..people.factories import PersonPageFactory
from ..taxonomy.factories import ArticleTypeFactory, RegionFactory, TopicFactory

LANGUAGES = ("en", "tr", "ru")


def version(language: str) -> dict:
    return {
        "title": f"Pipeline politics {language}",
        "slug": f"pipeline-politics-{language}",
        "standfirst": f"Standfirst {language}.",
        "blocks": [
            paragraph(f"<p>Body {language} first claim.[^src]</p>"),
            paragraph(f"<p>Body {language} second claim.[^fa]</p>"),
        ],
        "notes": [
            Note("src", f"<p>Source {language}, p. 4.</p>"),
            Note("fa", "<p>گزارش سالانه, p. 2.</p>"),
        ],
    }


@pytest.fixture
def taxonomy(db):
    return {
        "topic": TopicFactory(name_en="Energy", name_tr="Enerji", slug="energy"),
        "region": RegionFactory(name_en="Caucasus", name_ru="Кавказ", slug="caucasus"),
        "type": ArticleTypeFactory(name_en="Analysis", name_tr="Analiz", slug="analysis"),
    }


@pytest.fixture
def authors(people_index):
    first = PersonPageFactory(
        parent=people_index,
        title_en="Ayla Demir",
        slug_en="ayla-demir",
        title_tr="Ayla Demir",
        slug_tr="ayla-demir-tr",
        role_tr="Kıdemli Araştırmacı",
        bio_tr="<p>Ayla Demir bölgeyi inceler.</p>",
    )
    second = PersonPageFactory(parent=people_index, title_en="Boris Unpublished", slug_en="boris")
    second.unpublish()
    return [first, second]


@pytest.fixture
def article(article_index, authors, taxonomy):
    article_index.title_ru, article_index.slug_ru = "Аналитика", "analitika"
    article_index.save_revision().publish()
    piece = create_article(
        article_index,
        translations={language: version(language) for language in LANGUAGES},
        authors=authors,
        topics=[taxonomy["topic"]],
        regions=[taxonomy["region"]],
        article_type=taxonomy["type"],
        original_language="tr",
    )
    piece.tags.add("gas", "turkey")
    piece.save_revision().publish()
    piece.refresh_from_db()
    return piece


def get_json(client, path: str, status: int = 200) -> dict:
    response = client.get(path)
    assert response.status_code == status, (path, response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()
