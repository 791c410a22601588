"""WordPress pages become standard pages under the home page, keeping their hierarchy."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils.translation import override
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from ankasam.pages.models import StandardPage
from ankasam.wordpress.models import ImportedPost

from .reports import page_table

pytestmark = pytest.mark.django_db

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old site</title><link>https://old.example.org</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[selin]]></wp:author_login>
<wp:author_display_name><![CDATA[Selin Kaya]]></wp:author_display_name></wp:author>
<wp:term><wp:term_id>40</wp:term_id><wp:term_taxonomy><![CDATA[post_translations]]></wp:term_taxonomy>
<wp:term_slug><![CDATA[pll_about]]></wp:term_slug><wp:term_name><![CDATA[pll_about]]></wp:term_name>
<wp:term_description><![CDATA[a:2:{s:2:"en";i:10;s:2:"tr";i:11;}]]></wp:term_description></wp:term>
"""
FOOTER = "</channel></rss>\n"


def page(
    post_id: int,
    slug: str,
    *,
    parent: int = 0,
    status: str = "publish",
    language: str = "",
    group: str = "",
    text: str = "<p>Who we are and what we do.</p>",
    path: str | None = None,
    password: str = "",
) -> str:
    path = f"/{slug}/" if path is None else path
    categories = (
        f'<category domain="language" nicename="{language}"><![CDATA[{language}]]></category>'
        * bool(language)
    )
    categories += (
        f'<category domain="post_translations" nicename="{group}"><![CDATA[{group}]]></category>'
        * bool(group)
    )
    return (
        f"<item><title>{slug.replace('-', ' ').title()}</title><link>https://old.example.org{path}</link>"
        f"<dc:creator><![CDATA[selin]]></dc:creator><content:encoded><![CDATA[{text}]]></content:encoded>"
        f"<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>{post_id}</wp:post_id>"
        "<wp:post_date>2024-05-02 06:30:00</wp:post_date>"
        "<wp:post_date_gmt>2024-05-02 06:30:00</wp:post_date_gmt>"
        f"<wp:post_name><![CDATA[{slug}]]></wp:post_name><wp:status><![CDATA[{status}]]></wp:status>"
        f"<wp:post_parent>{parent}</wp:post_parent><wp:post_password>{password}</wp:post_password>"
        f"<wp:post_type><![CDATA[page]]></wp:post_type>{categories}</item>\n"
    )


def export(tmp_path, *items: str, name: str = "export.xml"):
    path = tmp_path / name
    path.write_text(HEADER + "".join(items) + FOOTER)
    return path


def run(path) -> str:
    out = StringIO()
    call_command("import_wordpress", str(path), stdout=out)
    return out.getvalue()


def standard_page(post_id: int) -> StandardPage:
    return StandardPage.objects.get(pk=ImportedPost.objects.get(post_id=post_id).page_id)


@pytest.fixture
def site(article_index, people_index):
    return article_index


# The child (Board, under Team) comes first in the file, as WordPress may write it.
PAGES = [
    page(12, "board", parent=13, path="/team/board/"),
    page(13, "team"),
    page(14, "staff-wiki", status="private"),
    page(15, "old-contact", status="trash"),
    page(16, "form", parent=15, path="/old-contact/form/"),
]


def test_pages_become_standard_pages_under_home_with_their_hierarchy(client, site, home_page, tmp_path):
    report = run(export(tmp_path, *PAGES))

    team, board = standard_page(13), standard_page(12)
    assert team.get_parent().pk == home_page.pk and board.get_parent().pk == team.pk
    assert team.live and board.live and "Who we are" in str(board.body_en[0].value)
    assert client.get("/en/team/board/").status_code == 200
    assert client.get("/team/board/")["Location"] == "/en/team/board/"
    assert Redirect.objects.get(old_path="/team").is_permanent
    wiki = standard_page(14)
    assert not wiki.live and not Redirect.objects.filter(old_path="/staff-wiki").exists()
    assert not ImportedPost.objects.filter(post_id=15).exists()
    orphan = standard_page(16)
    assert orphan.get_parent().pk == home_page.pk  # its parent is in the trash
    assert "its parent page 15 is not imported" in report
    assert "skipped 1 item(s) of type 'page'" not in report


def test_the_report_counts_pages_in_a_table_of_their_own(site, tmp_path):
    report = run(export(tmp_path, *PAGES))

    table = page_table(report)
    assert table["en", "publish"]["created"] == 3
    assert table["en", "private"]["created"] == 1
    assert table["en", "trash"]["skipped"] == 1
    assert sum(table["all", ""].values()) == len(PAGES)
    assert "Pages by language and status (5 pages in the file)" in report
    assert "standard page: 4 created" in report


def test_a_second_run_changes_nothing_and_writes_no_revision(site, tmp_path):
    run(export(tmp_path, *PAGES))
    revisions = Revision.objects.count()

    again = run(export(tmp_path, *PAGES, name="again.xml"))

    assert Revision.objects.count() == revisions
    assert page_table(again)["all", ""]["unchanged"] == 4
    assert StandardPage.objects.count() == 4


def test_translated_pages_are_one_standard_page_and_slugs_do_not_clash(client, site, tmp_path):
    run(
        export(
            tmp_path,
            page(10, "about", language="en", group="pll_about"),
            page(11, "hakkimizda", language="tr", group="pll_about", path="/tr/hakkimizda/"),
            page(17, "analyses", language="en"),  # the article index's slug, beside it under home
        )
    )

    about = standard_page(10)
    assert standard_page(11).pk == about.pk
    assert (about.slug_en, about.slug_tr) == ("about", "hakkimizda")
    with override("tr"):
        assert about.get_url() == "/tr/hakkimizda/"
    # Its old address is its new one: it answers, and no redirect points at itself.
    assert client.get("/tr/hakkimizda/").status_code == 200
    assert not Redirect.objects.filter(old_path="/tr/hakkimizda").exists()
    assert standard_page(17).slug_en == "analyses-2"


def test_a_turkish_only_page_reads_in_turkish_only(client, site, tmp_path):
    run(export(tmp_path, page(18, "gizlilik", language="tr", path="/tr/gizlilik/")))

    privacy = standard_page(18)
    assert privacy.live and privacy.slug_tr == "gizlilik"
    assert client.get("/tr/gizlilik/").status_code == 200
    assert client.get(f"/en/{privacy.slug_en}/").status_code == 404


def test_a_password_protected_page_asks_for_its_password(client, site, tmp_path):
    report = run(export(tmp_path, page(19, "members", password="open-sesame")))

    members = standard_page(19)
    restriction = members.get_view_restrictions().get()
    assert (restriction.restriction_type, restriction.password) == ("password", "open-sesame")
    assert "Who we are" not in client.get("/en/members/").content.decode()
    assert page_table(report)["en", "password"]["created"] == 1
