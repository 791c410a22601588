"""The import indexes what it wrote for Wagtail's search in bulk at the end, and leaves saving as it was."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from ankasam.articles.models import ArticlePage
from ankasam.people.models import PersonPage
from ankasam.wordpress import importer

from ..articles.factories import create_article

pytestmark = pytest.mark.django_db

EXPORT = Path(__file__).parent / "fixtures" / "import-polylang.xml"


@pytest.fixture
def site(article_index, people_index):
    return article_index


@pytest.fixture
def index_writes(monkeypatch):
    """Every write to the search backend, as ("add", object) or ("add_bulk", model, objects)."""
    writes = []
    backend_class = type(get_search_backend())
    add, add_bulk = backend_class.add, backend_class.add_bulk

    def spy_add(self, obj):
        writes.append(("add", obj))
        return add(self, obj)

    def spy_add_bulk(self, model, objects):
        writes.append(("add_bulk", model, list(objects)))
        return add_bulk(self, model, objects)

    monkeypatch.setattr(backend_class, "add", spy_add)
    monkeypatch.setattr(backend_class, "add_bulk", spy_add_bulk)
    return writes


def run_import():
    call_command("import_wordpress", str(EXPORT), stdout=StringIO())


def titles_found(query: str) -> set[str]:
    return {page.title_en for page in get_search_backend().search(query, ArticlePage)}


def test_imported_pieces_and_authors_are_indexed_in_bulk_once_the_import_is_done(site, index_writes):
    run_import()

    assert [write for write in index_writes if write[0] == "add"] == []
    bulk = {(model, obj.pk) for _add_bulk, model, objects in index_writes for obj in objects}
    assert {(ArticlePage, page.pk) for page in ArticlePage.objects.all()} <= bulk
    assert {(PersonPage, person.pk) for person in PersonPage.objects.all()} <= bulk
    assert "Sharing the Aras" in titles_found("Aras")
    assert "An unfinished draft" in titles_found("unfinished")


def test_after_an_import_a_saved_page_is_indexed_at_once_again(site, index_writes):
    run_import()

    article = create_article(site, title="Grain corridors after the war")

    assert ("add", article) in [(write[0], write[1]) for write in index_writes if write[0] == "add"]
    assert "Grain corridors after the war" in titles_found("corridors")


def test_a_failed_import_indexes_nothing_and_saving_indexes_again(site, index_writes, monkeypatch):
    entries_before = IndexEntry.objects.count()

    def broken(*args):
        raise ValueError("the disk is full")

    monkeypatch.setattr(importer, "finish_group", broken)
    with pytest.raises(CommandError, match="nothing was kept"):
        run_import()

    assert index_writes == []
    assert IndexEntry.objects.count() == entries_before
    article = create_article(site, title="Water after the dams")
    assert "Water after the dams" in titles_found("dams")
    assert any(write[0] == "add" and write[1] == article for write in index_writes)
