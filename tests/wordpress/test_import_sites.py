"""Origin records are keyed on the exported site (host and blog path): sub-sites on one host coexist."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from ankasam.articles.models import ArticlePage
from ankasam.wordpress.models import ImportedPost

from .test_import_statuses import FOOTER, HEADER, post, run

pytestmark = pytest.mark.django_db


def site_export(tmp_path, name: str, blog: str, *items: str):
    header = HEADER.replace(
        "<wp:wxr_version>1.2</wp:wxr_version>",
        f"<wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>{blog}</wp:base_blog_url>",
    )
    path = tmp_path / name
    path.write_text(header + "".join(items) + FOOTER)
    return path


@pytest.fixture
def site(article_index, people_index):
    return article_index


def test_two_sub_sites_on_one_host_keep_their_own_records(site, tmp_path):
    english = site_export(tmp_path, "en.xml", "https://old.example.org/en", post(1, slug="rivers"))
    turkish = site_export(
        tmp_path,
        "tr.xml",
        "http://www.old.example.org/tr/",
        post(1, slug="nehirler").replace("/2024/", "/tr/2024/"),
    )
    run(english)
    run(turkish)

    records = {record.site: record for record in ImportedPost.objects.all()}
    assert set(records) == {"old.example.org/en", "old.example.org/tr"}
    assert records["old.example.org/tr"].source == "old.example.org"
    assert records["old.example.org/en"].page_id != records["old.example.org/tr"].page_id
    assert ArticlePage.objects.count() == 2

    again = run(turkish)  # over http, with www: the same site
    assert "page: 0 created, 0 updated, 1 unchanged" in again


def test_a_redirect_another_sites_import_owns_is_reported_not_moved(site, tmp_path):
    run(site_export(tmp_path, "a.xml", "https://old.example.org", post(1, slug="about-us")))
    first = Redirect.objects.get(old_path="/2024/05/about-us")

    other = post(7, slug="about-us").replace("old.example.org", "other.example.net")
    report = run(site_export(tmp_path, "b.xml", "https://other.example.net", other))

    assert Redirect.objects.get(old_path="/2024/05/about-us").redirect_link == first.redirect_link
    assert "already redirects to old.example.org's post 1" in report
    assert ImportedPost.objects.get(site="other.example.net", post_id=7)


def test_records_keyed_on_the_host_alone_are_taken_over_by_a_sub_directory_site(site, tmp_path):
    run(site_export(tmp_path, "root.xml", "https://old.example.org", post(1, slug="rivers")))
    assert ImportedPost.objects.get().site == "old.example.org"  # as rows from before keyed sites

    report = run(site_export(tmp_path, "blog.xml", "https://old.example.org/blog", post(1, slug="rivers")))

    assert ImportedPost.objects.get().site == "old.example.org/blog"
    assert ArticlePage.objects.count() == 1
    assert "are now this site's, old.example.org/blog" in report
