"""Password-protected posts stay behind their password, tags reach the page, https namespaces read."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.translation import override
from wagtail.models import PageViewRestriction

from ankasam.articles.models import ArticlePage
from ankasam.articles.queries import published_articles
from ankasam.core.visibility import visible_to_readers
from ankasam.wordpress.models import ImportedPost
from ankasam.wordpress.wxr import Item, MalformedExport, read_export

from ..services import missing, shared_folder

pytestmark = pytest.mark.django_db

THEME_DATA_FILE = "themeunittestdata.wordpress.xml"

# Written the way WordPress's own theme test data is: https namespaces, no Polylang.
HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="https://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="https://wordpress.org/export/1.2/">
<channel><title>Old site</title><link>https://old.example.org</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[selin]]></wp:author_login>
<wp:author_display_name><![CDATA[Selin Kaya]]></wp:author_display_name></wp:author>
"""
FOOTER = "</channel></rss>\n"


def post(post_id, slug: str, text: str, *extra: str) -> str:
    id_element = f"<wp:post_id>{post_id}</wp:post_id>" if post_id else ""
    return (
        f"<item><title>{slug.title()}</title><link>https://old.example.org/2024/05/{slug}/</link>"
        f'<guid isPermaLink="false">https://old.example.org/?p={post_id or 777}</guid>'
        f"<dc:creator><![CDATA[selin]]></dc:creator><content:encoded><![CDATA[<p>{text}</p>]]>"
        f"</content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>{id_element}"
        "<wp:post_date>2024-05-02 09:30:00</wp:post_date>"
        "<wp:post_date_gmt>2024-05-02 06:30:00</wp:post_date_gmt>"
        f"<wp:post_name><![CDATA[{slug}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>"
        f"<wp:post_type><![CDATA[post]]></wp:post_type>{''.join(extra)}</item>\n"
    )


PROTECTED = post(501, "sealed-memo", "Zanzibarian secret memo.", "<wp:post_password>enter</wp:post_password>")
TAGGED = post(
    502,
    "open-memo",
    "An open memo.",
    '<category domain="post_tag" nicename="dams"><![CDATA[Dams]]></category>',
    '<category domain="post_tag" nicename="rivers"><![CDATA[Rivers]]></category>',
)
WITHOUT_ID = post(None, "no-id-memo", "A memo without its id.")


@pytest.fixture
def site(article_index, people_index):
    return article_index


def export(tmp_path, *items: str) -> Path:
    path = tmp_path / "export.xml"
    path.write_text(HEADER + "".join(items) + FOOTER)
    return path


def run(path) -> str:
    out = StringIO()
    call_command("import_wordpress", str(path), stdout=out)
    return out.getvalue()


def page_of(post_id: int) -> ArticlePage:
    return ArticlePage.objects.get(pk=ImportedPost.objects.get(post_id=post_id).page_id)


def test_https_namespaces_are_read_and_a_missing_post_id_comes_from_the_guid(tmp_path):
    items = [
        record for record in read_export(export(tmp_path, TAGGED, WITHOUT_ID)) if isinstance(record, Item)
    ]

    assert [(item.post_id, item.post_type, item.title) for item in items] == [
        (502, "post", "Open-Memo"),
        (777, "post", "No-Id-Memo"),
    ]
    assert items[0].categories[0] == ("post_tag", "dams", "Dams")


def test_an_item_without_any_id_is_refused_by_its_title(tmp_path):
    nameless = WITHOUT_ID.replace("?p=777", "nothing-here")

    with pytest.raises(MalformedExport, match="'No-Id-Memo' has no numeric wp:post_id"):
        list(read_export(export(tmp_path, nameless)))


def test_tags_are_on_the_page_and_on_its_live_revision(site, tmp_path):
    run(export(tmp_path, TAGGED))

    page = page_of(502)
    assert page.live
    assert sorted(page.tags.names()) == ["Dams", "Rivers"]
    assert sorted(tag.name for tag in page.live_revision.as_object().tags.all()) == ["Dams", "Rivers"]


def test_a_password_protected_post_is_behind_its_password_everywhere(client, site, tmp_path):
    report = run(export(tmp_path, PROTECTED, TAGGED))

    sealed = page_of(501)
    restriction = PageViewRestriction.objects.get(page=sealed)
    assert (restriction.restriction_type, restriction.password) == (PageViewRestriction.PASSWORD, "enter")
    assert "password-protected: 1" in report
    assert sealed.pk not in visible_to_readers(ArticlePage.objects.all()).values_list("pk", flat=True)
    assert sealed.pk not in [page.pk for page in published_articles("en")]
    with override("en"):
        address, open_address = sealed.get_url(), page_of(502).get_url()
        served = client.get(address).content.decode()
        followed = client.get("/2024/05/sealed-memo/", follow=True).content.decode()
        found = client.get("/en/search/?q=memo").content.decode()
        lists = [client.get(url).content.decode() for url in ("/sitemap.xml", "/en/feed/", "/en/analyses/")]
    assert "Zanzibarian" not in served and "password" in served.lower()
    assert "Zanzibarian" not in followed and "password" in followed.lower()
    assert open_address in found and address not in found
    for output in lists:
        assert open_address in output and address not in output and "Zanzibarian" not in output


def test_a_second_run_keeps_one_restriction(site, tmp_path):
    path = export(tmp_path, PROTECTED)
    run(path)
    run(path)

    assert PageViewRestriction.objects.filter(page=page_of(501)).count() == 1


@pytest.fixture
def theme_data():
    folder = shared_folder("wordpress-test-data")
    if folder is None or not (folder / THEME_DATA_FILE).exists():
        missing("WordPress's theme test data is not in ../shared/wordpress-test-data/")
    return folder / THEME_DATA_FILE


def test_wordpress_s_theme_test_data_is_read_as_shipped(theme_data):
    items = {record.post_id: record for record in read_export(theme_data) if isinstance(record, Item)}

    tags = [name for domain, _slug, name in items[1151].categories if domain == "post_tag"]
    assert len(tags) == 45
    assert [item.password for item in items.values() if item.password] == ["enter"]
