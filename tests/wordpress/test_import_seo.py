"""Yoast and Rank Math titles and descriptions become the page's SEO fields, per language."""

import pytest
from django.test import override_settings

from ankasam.pages.models import StandardPage
from ankasam.wordpress.models import ImportedPost
from ankasam.wordpress.seo import expand

from .test_import_pages import page
from .test_import_statuses import export, page_of, post, run

pytestmark = pytest.mark.django_db


def with_meta(item: str, **meta: str) -> str:
    rows = "".join(
        f"<wp:postmeta><wp:meta_key><![CDATA[{key}]]></wp:meta_key>"
        f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
        for key, value in meta.items()
    )
    return item.replace("<wp:post_date>", rows + "<wp:post_date>", 1)


@pytest.fixture
def site(article_index, people_index):
    return article_index


@override_settings(WAGTAIL_SITE_NAME="Ankasam")
def test_variables_are_filled_and_the_site_name_at_the_end_dropped():
    assert expand("%%title%% %%page%% for farmers %%sep%% %%sitename%% news", "Rivers", "") == (
        "Rivers for farmers - Ankasam news",
        set(),
    )
    assert expand("%title% %sep% %excerpt%", "Rivers", " Dams. ") == ("Rivers - Dams.", set())
    assert expand("%%primary_category%%: %title%", "Rivers", "") == (
        "%%primary_category%%: Rivers",
        {"primary_category"},
    )
    assert expand("50% of 100% rivers", "Rivers", "") == ("50% of 100% rivers", set())


def test_yoast_and_rank_math_texts_become_the_seo_fields(site, tmp_path):
    yoast = with_meta(
        post(1, slug="dams"),
        _yoast_wpseo_title="Dams and farmers %%sep%% %%sitename%%",
        _yoast_wpseo_metadesc="What %%title%% means downstream.",
    )
    rank_math = with_meta(
        post(2, slug="rivers"), rank_math_title="%title% %sep% %sitename%", rank_math_description="Rivers."
    )
    run(export(tmp_path, yoast, rank_math))

    dams, rivers = page_of(1), page_of(2)
    assert (dams.seo_title_en, dams.search_description_en) == (
        "Dams and farmers",
        "What Dams means downstream.",
    )
    # The template makes the page's own title: nothing to store, the title is used.
    assert (rivers.seo_title_en, rivers.search_description_en) == ("", "Rivers.")
    assert dams.get_latest_revision_as_object().seo_title_en == "Dams and farmers"


def test_a_text_with_unknown_variables_is_left_out_and_reported(site, tmp_path):
    item = with_meta(post(3), _yoast_wpseo_title="%%primary_category%% %%sep%% %%title%%")

    report = run(export(tmp_path, item))

    assert page_of(3).seo_title_en == ""
    assert "uses variables this site cannot fill (primary_category); left out" in report


def test_pages_get_theirs_too_and_a_second_run_writes_nothing(site, tmp_path):
    about = with_meta(page(10, "about"), _yoast_wpseo_metadesc="Who we are.")
    run(export(tmp_path, about))
    imported = StandardPage.objects.get(pk=ImportedPost.objects.get(post_id=10).page_id)
    assert imported.search_description_en == "Who we are."

    again = run(export(tmp_path, about, name="again.xml"))

    assert "standard page: 0 created, 0 updated, 1 unchanged" in again
