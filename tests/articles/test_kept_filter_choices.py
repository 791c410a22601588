"""The listing filters' options, kept until the next publish (articles/filters.offer_kept_choices)."""

import re

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ankasam.articles.filters import OptionsSelect

from ..people.factories import PersonPageFactory
from ..taxonomy.factories import TopicFactory
from .factories import create_article

pytestmark = pytest.mark.django_db


def options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


def listing(client, address="/en/analyses/") -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries]


def reading(queries: list[str], table: str) -> list[str]:
    return [sql for sql in queries if f'FROM "{table}"' in sql]


@pytest.fixture
def shelf(article_index, people_index):
    energy = TopicFactory(slug="energy", name_en="Energy", name_tr="Enerji")
    author = PersonPageFactory(parent=people_index, title_en="Elif Aydin", slug_en="elif-aydin")
    create_article(article_index, title="Gas routes", topics=[energy], authors=[author])
    return energy


def test_a_second_reader_gets_the_same_options_without_reading_them_again(
    client, shelf, published_values_cached
):
    first, first_queries = listing(client)
    second, second_queries = listing(client)

    assert options(first, "topic") == options(second, "topic") == ["All topics", "Energy"]
    assert options(second, "author") == ["All authors", "Elif Aydin"]
    assert options(second, "year") == ["All years", "2026"]
    for table in ("taxonomy_topic", "taxonomy_region", "taxonomy_articletype"):
        assert reading(first_queries, table) and not reading(second_queries, table)
    assert len(second_queries) < len(first_queries)


def test_options_are_kept_per_language(client, shelf, published_values_cached):
    listing(client)

    turkish, _ = listing(client, "/tr/analizler/")

    assert options(turkish, "topic")[1:] == ["Enerji"]


def test_an_author_published_since_is_offered_at_once(
    client, shelf, people_index, published_values_cached, django_capture_on_commit_callbacks
):
    assert options(listing(client)[0], "author") == ["All authors", "Elif Aydin"]

    newcomer = PersonPageFactory(parent=people_index, title_en="Murat Kaplan", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        newcomer.save_revision().publish()

    assert options(listing(client)[0], "author") == ["All authors", "Elif Aydin", "Murat Kaplan"]


def test_a_new_topic_is_offered_once_saved(
    client, shelf, published_values_cached, django_capture_on_commit_callbacks
):
    listing(client)

    with django_capture_on_commit_callbacks(execute=True):
        TopicFactory(slug="security", name_en="Security")

    assert options(listing(client)[0], "topic") == ["All topics", "Energy", "Security"]


def test_the_chosen_option_is_marked_whatever_was_kept(client, shelf, published_values_cached):
    listing(client)

    html, _ = listing(client, "/en/analyses/?topic=energy")

    assert re.search(r'<option value="energy" selected>Energy</option>', html)
    assert client.get("/en/analyses/?topic=nowhere").status_code == 404


def test_the_lists_are_written_as_django_writes_a_select_but_for_spacing():
    choices = [("", "All years"), ("2026", "2026"), ("2025", "2025 & <before>")]
    attrs = {"id": "id_year", "required": True, "data-hidden": False}

    ours = OptionsSelect(choices=choices).render("year", "2025", attrs)
    djangos = forms.Select(choices=choices).render("year", "2025", attrs)

    assert re.sub(r">\s+<", "><", ours) == re.sub(r">\s+<", "><", djangos)
    assert '<option value="2025" selected>2025 &amp; &lt;before&gt;</option>' in ours
