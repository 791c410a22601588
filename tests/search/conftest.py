import pytest
from django.db import connection
from django.urls import reverse
from django.utils.translation import override

from ankasam.articles.content import Note, paragraph
from ankasam.core.languages import site_language_codes
from ankasam.taxonomy.models import ArticleType, Region, Topic

from ..articles.factories import create_article
from ..people.factories import PersonPageFactory

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming and the GIN index exist only on PostgreSQL"
)


def text(title: str, body: str, standfirst: str = "", note: str = "") -> dict:
    """One language of an article: a paragraph of body, and a note when `note` is given."""
    if note:
        return {
            "title": title,
            "standfirst": standfirst,
            "blocks": [paragraph(f"<p>{body}[^1]</p>")],
            "notes": [Note("1", f"<p>{note}</p>")],
        }
    return {"title": title, "standfirst": standfirst, "blocks": [paragraph(f"<p>{body}</p>")], "notes": []}


@pytest.fixture
def taxonomy(db):
    return {
        "energy": Topic.objects.create(
            name_en="Energy", name_tr="Enerji", name_ru="Энергетика", slug="energy"
        ),
        "water": Topic.objects.create(name_en="Water", slug="water"),
        "caucasus": Region.objects.create(name_en="South Caucasus", slug="south-caucasus"),
        "analysis": ArticleType.objects.create(name_en="Analysis", name_tr="Analiz", slug="analysis"),
    }


@pytest.fixture
def author(people_index):
    return PersonPageFactory(parent=people_index, title_en="Leyla Demir", slug_en="leyla-demir")


@pytest.fixture
def write(article_index, author):
    """`write(en=text(...), tr=text(...), **create_article options)`: a published article by `author`."""

    def write_article(live=True, authors=None, **languages_and_fields):
        translations = {
            code: languages_and_fields.pop(code)
            for code in site_language_codes()
            if code in languages_and_fields
        }
        return create_article(
            article_index,
            translations=translations,
            authors=[author] if authors is None else authors,
            live=live,
            **languages_and_fields,
        )

    return write_article


def search_address(language: str) -> str:
    """The search page in the language's words: /en/search/, /tr/ara/, /ru/poisk/."""
    with override(language):
        return reverse("search")
