"""Every WordPress status has its rule, and the report's table counts each post once."""

import json
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.translation import override
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from ankasam.articles.models import ArticlePage
from ankasam.core.visibility import visible_to_readers
from ankasam.wordpress.models import ImportedPost

from ..articles.factories import ArticlePageFactory
from .reports import post_redirects, post_table, posts_in_file

pytestmark = pytest.mark.django_db

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old site</title><link>https://old.example.org</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[selin]]></wp:author_login>
<wp:author_display_name><![CDATA[Selin Kaya]]></wp:author_display_name></wp:author>
"""
FOOTER = "</channel></rss>\n"


def post(
    post_id: int,
    status: str = "publish",
    *,
    slug: str | None = None,
    title: str | None = None,
    text: str = "<p>Some words about rivers.</p>",
    date: str = "2024-05-02 06:30:00",
    password: str = "",
) -> str:
    slug = f"post-{post_id}" if slug is None else slug
    title = slug.replace("-", " ").title() if title is None else title
    link = f"https://old.example.org/2024/05/{slug}/" if slug else f"https://old.example.org/?p={post_id}"
    return (
        f"<item><title>{title}</title><link>{link}</link>"
        f'<guid isPermaLink="false">https://old.example.org/?p={post_id}</guid>'
        f"<dc:creator><![CDATA[selin]]></dc:creator><content:encoded><![CDATA[{text}]]>"
        f"</content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>{post_id}</wp:post_id>"
        f"<wp:post_date>{date}</wp:post_date><wp:post_date_gmt>{date}</wp:post_date_gmt>"
        f"<wp:post_name><![CDATA[{slug}]]></wp:post_name><wp:status><![CDATA[{status}]]></wp:status>"
        f"<wp:post_password>{password}</wp:post_password>"
        "<wp:post_type><![CDATA[post]]></wp:post_type></item>\n"
    )


def export(tmp_path, *items: str, name: str = "export.xml") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(items) + FOOTER)
    return path


def run(path, *args) -> str:
    out = StringIO()
    call_command("import_wordpress", str(path), *args, stdout=out)
    return out.getvalue()


def page_of(post_id: int) -> ArticlePage:
    return ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=post_id).page_id)


def public_ids() -> set[int]:
    return set(visible_to_readers(ArticlePage.objects.all()).values_list("pk", flat=True))


@pytest.fixture
def site(article_index, people_index):
    return article_index


EVERY_STATUS = [
    post(1, "publish", slug="published"),
    post(2, "publish", slug="sealed", password="enter"),
    post(3, "future", slug="came-due", date="2024-06-01 08:00:00"),
    post(4, "future", slug="ahead", date="2031-06-01 08:00:00"),
    post(5, "draft", slug="drafted"),
    post(6, "pending", slug="in-review"),
    post(7, "private", slug="staff-only"),
    post(8, "trash", slug="binned"),
    post(9, "auto-draft", slug="", title="Auto Draft"),
]


def test_each_status_follows_its_rule_and_the_table_adds_up_to_the_file(client, site, tmp_path):
    report = run(export(tmp_path, *EVERY_STATUS))

    assert not ImportedPost.objects.filter(post_id__in=[8, 9]).exists()
    public = public_ids()
    for post_id in (5, 6, 7):
        page = page_of(post_id)
        assert not page.live and page.pk not in public
        assert not Redirect.objects.filter(redirect_link=page.url_path).exists()
    assert page_of(1).pk in public and page_of(2).pk not in public  # behind its password
    came_due = page_of(3)
    assert came_due.live and came_due.pk in public
    assert came_due.first_published_at == datetime(2024, 6, 1, 8, 0, tzinfo=UTC)
    with override("en"):
        assert client.get("/2024/05/came-due/")["Location"] == came_due.get_url()
    ahead = page_of(4)
    assert not ahead.live and ahead.revisions.get().approved_go_live_at.year == 2031
    table = post_table(report)
    assert {status: counts for (_language, status), counts in table.items() if status} == {
        status: {"created": {"future": 2, "trash": 0, "auto-draft": 0}.get(status, 1)}
        | {"updated": 0, "unchanged": 0}
        | {"skipped": int(status in ("trash", "auto-draft"))}
        for status in ("publish", "password", "future", "draft", "pending", "private", "trash", "auto-draft")
    }
    assert table["all", ""] == {"created": 7, "updated": 0, "unchanged": 0, "skipped": 2}
    assert posts_in_file(report) == len(EVERY_STATUS)
    assert "post 3: scheduled for 2024-06-01 08:00 UTC, which has passed; published at that date" in report
    assert "trash: not imported (" not in report and "post 8: in the trash; not imported" in report


def test_a_second_run_of_an_unchanged_export_writes_no_revision_and_counts_every_post_unchanged(
    site, tmp_path
):
    path = export(tmp_path, *EVERY_STATUS)
    run(path)
    revisions, pages = Revision.objects.count(), ArticlePage.objects.count()

    report = run(path)

    assert (Revision.objects.count(), ArticlePage.objects.count()) == (revisions, pages)
    table = post_table(report)
    assert table["all", ""] == {"created": 0, "updated": 0, "unchanged": 7, "skipped": 2}


def test_a_post_changed_in_wordpress_is_written_again_and_only_it(site, tmp_path):
    run(export(tmp_path, post(1), post(2)))
    revisions = Revision.objects.count()

    report = run(export(tmp_path, post(1), post(2, text="<p>Rewritten.</p>"), name="again.xml"))

    assert Revision.objects.count() == revisions + 1
    assert "Rewritten." in str(page_of(2).body_en)
    assert post_table(report)["en", "publish"] == {"created": 0, "updated": 1, "unchanged": 1, "skipped": 0}


def test_clashing_slugs_get_numbered_suffixes_that_a_second_run_keeps(site, tmp_path):
    assert ArticlePageFactory(parent=site, title="Dams").slug_en == "dams"
    items = [
        post(11, slug="footnotes"),
        post(12, slug="footnotes"),  # the same post_name twice in one export
        post(13, slug="dams"),  # already used under the index by another page
        post(14, "draft", slug="", title="Footnotes"),  # no post_name: its title gives a used slug
    ]
    path = export(tmp_path, *items)

    report = run(path)
    again = run(path)

    slugs = {post_id: page_of(post_id).slug_en for post_id in (11, 12, 13, 14)}
    assert slugs == {11: "footnotes", 12: "footnotes-2", 13: "dams-2", 14: "footnotes-3"}
    assert "slug taken (3×; posts 12, 13, 14)" in report
    assert "e.g. post 12: slug 'footnotes' is taken under the index; imported as 'footnotes-2'" in report
    assert ImportedPost.objects.count() == 4 and ArticlePage.objects.count() == 5
    assert post_table(again)["all", ""]["unchanged"] == 4


def test_untitled_posts_take_their_first_words_or_their_date(site, tmp_path):
    words = "<p>Water is shared by <em>three</em> states along one long and winding river.</p>"

    report = run(export(tmp_path, post(21, title="", text=words), post(22, "draft", title="", text="")))

    assert page_of(21).title_en == "Water is shared by three states along one…"
    assert page_of(22).title_en == "May 2, 2024"
    assert "untitled: title made up (2×; posts 21, 22)" in report


def test_a_post_with_nothing_to_show_is_a_draft_without_a_redirect(site, tmp_path):
    image_only = (
        '<p><img src="https://old.example.org/wp-content/uploads/2024/05/map.png" class="wp-image-9"></p>'
    )

    report = run(export(tmp_path, post(31, text=""), post(32, text=image_only), post(33)))

    for post_id in (31, 32):
        page = page_of(post_id)
        assert not page.live and page.pk not in public_ids()
    assert list(post_redirects().values_list("old_path", flat=True)) == ["/2024/05/post-33"]
    assert "nothing to show: draft (2×; posts 31, 32)" in report
    assert post_table(report)["en", "publish"]["created"] == 3


def test_a_post_s_many_missing_images_are_one_line_of_the_report(site, tmp_path):
    images = "".join(
        f'<p><img src="https://old.example.org/wp-content/uploads/2024/05/photo-{n}.jpg"></p>'
        for n in range(40)
    )

    report = run(export(tmp_path, post(41, text=images + "<p>Words.</p>")))

    # Two kinds, each once: the images left out (one line naming three), and matched by address.
    assert report.count("photo-") == 4
    assert "post 41: 40 image(s) not among the imported attachments were left out" in report
    assert "An image without a wp-image-N class will be matched by its address: … (40×; post 41)" in report


POLYLANG = Path(__file__).parent / "fixtures" / "import-polylang.xml"
TURKISH_PUBLISHED = "<wp:post_name><![CDATA[arasi-paylasmak]]></wp:post_name><wp:status><![CDATA[publish]]>"
ENGLISH_TEXT = "Upstream dams change the river."


def test_a_changed_language_is_published_again_with_its_draft_translation_kept(site, tmp_path):
    text = POLYLANG.read_text()
    assert TURKISH_PUBLISHED in text and ENGLISH_TEXT in text
    draft_turkish = text.replace(TURKISH_PUBLISHED, TURKISH_PUBLISHED.replace("publish", "draft"))
    first = tmp_path / "first.xml"
    first.write_text(draft_turkish)
    run(first)
    river = page_of(101)
    turkish = river.get_latest_revision_as_object().body_tr
    assert turkish and not river.body_tr
    second = tmp_path / "second.xml"
    second.write_text(draft_turkish.replace(ENGLISH_TEXT, "Upstream dams, rewritten, change the river."))

    report = run(second)

    river.refresh_from_db()
    assert "rewritten" in str(river.body_en) and not river.body_tr  # live: English, no Turkish
    latest = river.get_latest_revision_as_object()
    assert "rewritten" in str(latest.body_en) and str(latest.body_tr) == str(turkish)
    assert post_table(report)["tr", "draft"]["unchanged"] == 1
    assert post_table(report)["en", "publish"]["updated"] == 1


def test_a_post_trashed_since_an_earlier_run_is_skipped_and_its_page_named(site, tmp_path):
    run(export(tmp_path, post(51)))

    report = run(export(tmp_path, post(51, "trash"), name="trashed.xml"))

    assert page_of(51).live  # an import deletes nothing
    assert (
        "post 51: in the trash; not imported; the page an earlier run made of it is left as it is" in report
    )
    assert post_table(report)["en", "trash"] == {"created": 0, "updated": 0, "unchanged": 0, "skipped": 1}


def test_an_unchanged_post_s_link_to_a_post_new_in_this_run_becomes_a_page_link(site, tmp_path):
    linking = post(61, text='<p>See <a href="https://old.example.org/2024/05/post-62/">the sequel</a>.</p>')
    run(export(tmp_path, linking))
    revisions = Revision.objects.count()

    report = run(export(tmp_path, linking, post(62), name="with-the-sequel.xml"))

    live_body = json.loads(page_of(61).live_revision.content["body_en"])
    assert f'<a id="{page_of(62).pk}" linktype="page">the sequel</a>' in live_body[0]["value"]
    assert Revision.objects.count() == revisions + 2  # the sequel's first, and the linking post's
    assert post_table(report)["en", "publish"] == {"created": 1, "updated": 1, "unchanged": 0, "skipped": 0}
    assert post_table(run(export(tmp_path, linking, post(62), name="again.xml")))["all", ""]["unchanged"] == 2
