"""A page of results costs the same queries whether it shows one result or eight."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..people.factories import PersonPageFactory
from .conftest import text
from .test_search_page import result_titles

pytestmark = pytest.mark.django_db


def queries_for(client, path, params, expected_results) -> int:
    client.get(path, params)  # warm the site root paths and other caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert len(result_titles(response)) == expected_results
    return len(queries)


def test_queries_do_not_grow_with_the_results_on_the_page(client, write, taxonomy, people_index, author):
    def piece(word, n):
        co_author = PersonPageFactory(parent=people_index)
        return write(
            en=text(f"{word} {n}", f"{word} flows."),
            tr=text(f"{word} tr {n}", f"{word} akar."),
            authors=[author, co_author],
            topics=[taxonomy["energy"], taxonomy["water"]],
            regions=[taxonomy["caucasus"]],
            article_type=taxonomy["analysis"],
        )

    piece("lonely", 0)
    for n in range(8):
        piece("crowded", n)

    one = queries_for(client, "/en/search/", {"q": "lonely"}, 1)
    eight = queries_for(client, "/en/search/", {"q": "crowded"}, 8)
    eight_filtered = queries_for(client, "/tr/ara/", {"q": "crowded", "topic": "energy"}, 8)
    one_filtered = queries_for(client, "/tr/ara/", {"q": "lonely", "topic": "energy"}, 1)

    assert one == eight
    assert one_filtered == eight_filtered
