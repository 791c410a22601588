"""The search table follows what readers may see: publishing, privacy, moves and renamed names."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from ankasam.articles.models import ArticleIndexPage, ArticlePage
from ankasam.core.languages import site_language_codes
from ankasam.search.indexing import rebuild_index
from ankasam.search.models import SearchEntry
from ankasam.taxonomy.models import Tag

from .conftest import text

pytestmark = pytest.mark.django_db


def entries(article) -> dict[str, SearchEntry]:
    return {entry.language: entry for entry in SearchEntry.objects.filter(page=article)}


def snapshot() -> list[tuple]:
    return list(
        SearchEntry.objects.order_by("page_id", "language").values_list(
            "page_id", "language", "title", "standfirst", "text", "publication_date"
        )
    )


def test_one_entry_per_language_the_article_exists_in(write, taxonomy):
    article = write(
        en=text("Gas", "Pipes carry gas &amp; oil.", "In short.", note="Ministry yearbook, p. 4."),
        tr=text("Gaz", "Borular gaz taşır."),
        topics=[taxonomy["energy"]],
        article_type=taxonomy["analysis"],
    )

    found = entries(article)

    assert set(found) == {"en", "tr"}
    assert found["en"].title == "Gas"
    assert found["en"].standfirst == "In short."
    english = found["en"].text
    # The text as readers read it: no tags, entities decoded, no footnote markers.
    assert "Pipes carry gas & oil." in english and "Ministry yearbook, p. 4." in english
    assert "[^1]" not in english
    assert {"Leyla Demir", "Energy", "Analysis"} <= set(english.splitlines())
    # Names in the entry's language, else in English as readers see them.
    assert {"Enerji", "Analiz", "Leyla Demir"} <= set(found["tr"].text.splitlines())
    assert found["tr"].publication_date == article.publication_date


def test_a_draft_is_not_indexed_until_published(write):
    draft = write(en=text("Draft", "Unpublished words."), live=False)
    assert entries(draft) == {}

    draft.get_latest_revision().publish()

    assert set(entries(draft)) == {"en"}


def test_unpublishing_removes_the_entries(write):
    article = write(en=text("Gas", "Gas."), tr=text("Gaz", "Gaz."))

    ArticlePage.objects.get(pk=article.pk).unpublish()

    assert entries(article) == {}


def test_draft_changes_to_a_published_article_are_not_indexed(write):
    article = write(en=text("Gas", "Published words."))
    article.title_en = "Secret new title"
    article.save_revision()

    assert entries(article)["en"].title == "Gas"


def test_a_view_restriction_on_the_article_or_its_section_removes_it_until_lifted(write, article_index):
    article = write(en=text("Gas", "Gas."))

    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    assert entries(article) == {}
    restriction.delete()
    assert set(entries(article)) == {"en"}

    PageViewRestriction.objects.create(page=article_index, restriction_type=PageViewRestriction.LOGIN)
    assert entries(article) == {}


def test_moving_an_article_into_a_private_section_removes_it(write, home_page):
    article = write(en=text("Gas", "Gas."))
    private = ArticleIndexPage(title_en="Internal", slug_en="internal")
    home_page.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    ArticlePage.objects.get(pk=article.pk).move(private, pos="last-child")

    assert entries(article) == {}


def test_renamed_topic_person_and_tag_are_indexed_again(write, taxonomy, author):
    article = write(en=text("Gas", "Gas."), topics=[taxonomy["energy"]])
    article.tags.add("pipelines")
    article.save_revision().publish()

    taxonomy["energy"].name_en = "Power"
    taxonomy["energy"].save()
    author.title_en = "Leyla Demir-Aydın"
    author.save_revision().publish()
    tag = Tag.objects.get(name_en="pipelines")
    tag.name_en = "conduits"
    tag.save()

    lines = entries(article)["en"].text.splitlines()
    assert "Power" in lines and "Energy" not in lines
    assert "Leyla Demir-Aydın" in lines
    assert "conduits" in lines and "pipelines" not in lines


def test_a_deleted_topic_leaves_the_entries(write, taxonomy):
    article = write(en=text("Gas", "Gas."), topics=[taxonomy["energy"]])

    taxonomy["energy"].delete()

    assert "Energy" not in entries(article)["en"].text.splitlines()


def test_deleting_an_article_deletes_its_entries(write):
    article = write(en=text("Gas", "Gas."), tr=text("Gaz", "Gaz."))

    ArticlePage.objects.get(pk=article.pk).delete()

    assert not SearchEntry.objects.filter(page_id=article.pk).exists()


def test_the_rebuild_command_ends_where_the_signals_did(write, taxonomy, capsys):
    write(en=text("Gas", "Gas."), tr=text("Gaz", "Gaz."), topics=[taxonomy["energy"]])
    write(en=text("Water", "Dams."))
    write(en=text("Draft", "Draft."), live=False)
    by_signals = snapshot()
    SearchEntry.objects.all().delete()

    call_command("rebuild_search_index")

    assert snapshot() == by_signals
    assert len(by_signals) == 3
    assert "3 search entries" in capsys.readouterr().out


def test_the_demo_content_is_indexed_the_same_by_loading_and_by_rebuilding(db):
    from ankasam.demo.loader import load_demo_content

    load_demo_content()
    loaded = snapshot()

    assert rebuild_index() == len(loaded)
    assert snapshot() == loaded
    assert {language for _page, language, *_rest in loaded} == set(site_language_codes())
