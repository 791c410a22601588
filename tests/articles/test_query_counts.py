"""Queries per public page, warm, on the demo site: exact counts, so that any rise fails.

The counts are with the values kept until the next publish (core/published.py) in use, as in
production, and after one request has warmed them (and made the renditions). docs/architecture.md
states the budget: at most 12 on every public page. The demo content is loaded once for the module,
inside a transaction rolled back at its end.
"""

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from ankasam.articles.models import ArticlePage
from ankasam.demo.loader import load_demo_content
from ankasam.translations.availability import languages_of

pytestmark = pytest.mark.django_db

BUDGET = 12
ARTICLE_QUERIES = 0
PAGE_QUERIES = {
    "/en/": 4,
    "/en/analyses/": 2,
    "/en/analyses/?topic=energy": 3,
    "/en/topics/": 1,
    "/en/topics/energy/": 3,
    "/tr/bolgeler/guney-kafkasya/": 3,
    "/en/experts/": 2,
    "/en/experts/elif-aydin/": 3,
    "/en/search/?q=gas": 3,
    "/ru/poisk/?q=газ&topic=energetika": 4,
    "/en/about/": 0,
}


@pytest.fixture(scope="module")
def demo_media(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        load_demo_content()
        call_command("rebuild_search_index", verbosity=0)
        yield media
        transaction.set_rollback(True)


@pytest.fixture
def demo_site(demo_media, settings, published_values_cached):
    settings.MEDIA_ROOT = demo_media


def warm_queries(client, path) -> int:
    assert client.get(path).status_code == 200  # renditions, values kept until the next publish
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def article_addresses() -> list[str]:
    addresses = []
    for article in ArticlePage.objects.live().order_by("path"):
        for language in languages_of(article):
            with translation.override(language):
                addresses.append(article.get_url())
    return addresses


def test_every_demo_article_in_every_language_costs_the_same_queries(client, demo_site):
    addresses = article_addresses()
    assert len(addresses) >= 30

    counts = {address: warm_queries(client, address) for address in addresses}

    assert counts == dict.fromkeys(addresses, ARTICLE_QUERIES)
    assert ARTICLE_QUERIES <= BUDGET


@pytest.mark.parametrize("path", list(PAGE_QUERIES))
def test_each_kind_of_public_page_costs_its_queries(client, demo_site, path):
    assert warm_queries(client, path) == PAGE_QUERIES[path] <= BUDGET
