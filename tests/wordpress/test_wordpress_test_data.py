"""WordPress's own theme test exports, read unmodified from ../shared/: imported to the end, again.

They are WordPress's text, not ours, so they are never copied into the repository; without
../shared/wordpress-test-data/ these tests are skipped (and fail under CI).
"""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils.translation import override
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

from ankasam.articles.models import ArticlePage
from ankasam.core.visibility import visible_to_readers
from ankasam.pages.models import StandardPage
from ankasam.wordpress.models import ImportedPost
from ankasam.wordpress.statuses import status_label
from ankasam.wordpress.wxr import Item, read_export

from ..services import missing, shared_folder
from .reports import page_table, post_redirects, post_table, posts_in_file
from .test_import_command import table_sizes

pytestmark = pytest.mark.django_db

THEME_DATA = "themeunittestdata.wordpress.xml"
BLOCK_DATA = "64-block-test-data.xml"


@pytest.fixture(params=[THEME_DATA, BLOCK_DATA])
def shipped(request):
    folder = shared_folder("wordpress-test-data")
    if folder is None or not (folder / request.param).exists():
        missing(f"WordPress's {request.param} is not in ../shared/wordpress-test-data/")
    return folder / request.param


def run(path) -> str:
    out = StringIO()
    call_command("import_wordpress", str(path), stdout=out)
    return out.getvalue()


def posts_of(path) -> list[Item]:
    return [item for item in read_export(path) if isinstance(item, Item) and item.post_type == "post"]


def test_the_export_imports_to_the_end_with_nothing_hidden_made_public(
    client, article_index, people_index, shipped
):
    report = run(shipped)

    posts = posts_of(shipped)
    table = post_table(report)
    assert posts_in_file(report) == len(posts)
    assert sum(table["all", ""].values()) == len(posts)
    per_status = Counter()
    for (_language, status), counts in table.items():
        per_status[status] += sum(counts.values()) if status else 0
    assert +per_status == Counter(status_label(post.status, post.password) for post in posts)
    pages = [item for item in read_export(shipped) if isinstance(item, Item) and item.post_type == "page"]
    assert sum(page_table(report)["all", ""].values()) == len(pages)
    assert (
        ImportedPost.objects.count() == table["all", ""]["created"] + page_table(report)["all", ""]["created"]
    )
    assert_pages_in_place(pages)
    live = visible_to_readers(ArticlePage.objects.all())
    for record in ImportedPost.objects.filter(page__in=live).select_related("page"):
        with override(record.language):
            address = record.page.specific.get_url()
        assert client.get(address).status_code == 200, record.post_id  # no live page answers 404
    live_addresses = set()
    for page in [*ArticlePage.objects.filter(live=True), *StandardPage.objects.filter(live=True)]:
        with override("en"):
            live_addresses.add(page.get_url())
    assert set(post_redirects().values_list("redirect_link", flat=True)) <= live_addresses
    archives = Redirect.objects.exclude(pk__in=post_redirects())
    assert archives.exists()
    for link in set(archives.values_list("redirect_link", flat=True)):
        assert client.get(link).status_code == 200, link  # no archive redirects to a 404
    assert_drafts_and_private_posts_are_not_public(posts)
    if shipped.name == THEME_DATA:
        untitled = ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=1169).page_id)
        empty = ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=1170).page_id)
        assert untitled.live and untitled.title_en.startswith("This post has no title")
        assert not empty.live
        reported = next(line for line in report.splitlines() if "nothing to show: draft" in line)
        assert "1170" in reported and "1169" not in reported


def assert_pages_in_place(pages: list[Item]):
    """Each imported WordPress page is a standard page under its parent's, or under home."""
    records = {record.post_id: record.page_id for record in ImportedPost.objects.all()}
    for item in pages:
        if item.post_id not in records:
            continue
        page = StandardPage.objects.get(pk=records[item.post_id])
        expected = records.get(item.parent_id) if item.parent_id else None
        if expected is not None:
            assert page.get_parent().pk == expected, item.post_id
    if pages:
        assert StandardPage.objects.exists()


def assert_drafts_and_private_posts_are_not_public(posts: list[Item]):
    hidden = [post.post_id for post in posts if post.status in ("draft", "pending", "private", "future")]
    public = set(visible_to_readers(ArticlePage.objects.all()).values_list("pk", flat=True))
    records = ImportedPost.objects.filter(post_id__in=hidden)
    assert records.count() == len(hidden)
    assert not [record.post_id for record in records if record.page_id in public]


def test_a_second_import_creates_nothing_and_writes_no_revision(article_index, people_index, shipped):
    first = run(shipped)
    revisions, sizes = Revision.objects.count(), table_sizes()

    again = run(shipped)

    assert Revision.objects.count() == revisions
    assert table_sizes() == sizes
    imported = post_table(first)["all", ""]["created"]
    if "Pages by language and status" in first:
        assert page_table(again)["all", ""]["unchanged"] == page_table(first)["all", ""]["created"]
    assert post_table(again)["all", ""] == {
        "created": 0,
        "updated": 0,
        "unchanged": imported,
        "skipped": post_table(first)["all", ""]["skipped"],
    }
