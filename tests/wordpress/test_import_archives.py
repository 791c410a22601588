"""WordPress's category, tag, author and date archives redirect to what lists the same pieces here."""

import pytest
from django.core.management import CommandError
from django.utils.translation import override
from wagtail.contrib.redirects.models import Redirect

from ankasam.people.models import PersonPage
from ankasam.wordpress.archives import author_nicename
from ankasam.wordpress.models import ImportedAuthor

from .test_import_statuses import export, post, run

pytestmark = pytest.mark.django_db

TERMS = [
    "<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename><![CDATA[water]]></wp:category_nicename>"
    "<wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Water]]></wp:cat_name>"
    "</wp:category>\n",
    "<wp:category><wp:term_id>6</wp:term_id><wp:category_nicename><![CDATA[dams]]></wp:category_nicename>"
    "<wp:category_parent><![CDATA[water]]></wp:category_parent><wp:cat_name><![CDATA[Dams]]></wp:cat_name>"
    "</wp:category>\n",
    "<wp:category><wp:term_id>7</wp:term_id><wp:category_nicename><![CDATA[su]]></wp:category_nicename>"
    "<wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Su]]></wp:cat_name>"
    "</wp:category>\n",
    "<wp:term><wp:term_id>30</wp:term_id><wp:term_taxonomy><![CDATA[term_translations]]></wp:term_taxonomy>"
    "<wp:term_slug><![CDATA[pll_water]]></wp:term_slug><wp:term_name><![CDATA[pll_water]]></wp:term_name>"
    '<wp:term_description><![CDATA[a:2:{s:2:"en";i:5;s:2:"tr";i:7;}]]></wp:term_description></wp:term>\n',
    "<wp:tag><wp:term_id>8</wp:term_id><wp:tag_slug><![CDATA[rivers]]></wp:tag_slug>"
    "<wp:tag_name><![CDATA[Rivers]]></wp:tag_name></wp:tag>\n",
]


def filed(item: str, *categories: str) -> str:
    terms = "".join(
        f'<category domain="category" nicename="{slug}"><![CDATA[{slug}]]></category>' for slug in categories
    )
    return item.replace("</item>", terms + "</item>", 1)


def tagged(item: str, slug: str, name: str) -> str:
    term = f'<category domain="post_tag" nicename="{slug}"><![CDATA[{name}]]></category>'
    return item.replace("</item>", term + "</item>", 1)


@pytest.fixture
def site(article_index, people_index):
    return article_index


def location(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 301, path
    return response["Location"]


def test_archives_redirect_to_hubs_the_listing_and_person_pages(client, site, tmp_path):
    posts = [
        tagged(filed(post(1, date="2024-05-02 06:30:00"), "water"), "rivers", "Rivers"),
        filed(post(2, date="2023-11-20 10:00:00"), "dams"),
        post(3, "draft", date="2021-01-05 10:00:00"),
    ]
    report = run(export(tmp_path, *TERMS, *posts))

    assert location(client, "/category/water/") == "/en/topics/water/"
    assert location(client, "/category/water/dams/") == "/en/topics/dams/"
    assert location(client, "/category/dams/") == "/en/topics/dams/"
    # Polylang's Turkish category is the same topic, in Turkish.
    assert location(client, "/tr/category/su/") == "/tr/konular/water/"
    with override("en"):
        listing = site.get_url()
    assert location(client, "/tag/rivers/") == "/en/tags/rivers/"
    assert client.get("/en/tags/rivers/").status_code == 200
    person = PersonPage.objects.get(pk=ImportedAuthor.objects.get(login="selin").person_id)
    with override("en"):
        assert location(client, "/author/selin/") == person.get_url()
    assert location(client, "/2024/") == f"{listing}?year=2024"
    assert location(client, "/2024/05/") == f"{listing}?year=2024"
    assert location(client, "/2023/11/") == f"{listing}?year=2023"
    assert client.get(f"{listing}?year=2023").status_code == 200
    assert not Redirect.objects.filter(old_path__in=["/2021", "/2021/01"]).exists()  # only a draft then
    assert "archive redirect: 11 created" in report


def test_a_second_run_leaves_the_archive_redirects_unchanged(site, tmp_path):
    items = [*TERMS, filed(post(1), "water")]
    run(export(tmp_path, *items))

    again = run(export(tmp_path, *items, name="again.xml"))

    assert "archive redirect: 0 created, 0 updated, 9 unchanged" in again


def test_a_tag_no_imported_piece_carries_redirects_to_the_listing(client, site, tmp_path):
    lakes = (
        "<wp:tag><wp:term_id>9</wp:term_id><wp:tag_slug><![CDATA[lakes]]></wp:tag_slug>"
        "<wp:tag_name><![CDATA[Lakes]]></wp:tag_name></wp:tag>\n"
    )
    run(export(tmp_path, TERMS[-1], lakes, tagged(post(1), "rivers", "Rivers")))

    with override("en"):
        assert location(client, "/tag/lakes/") == site.get_url()
    assert location(client, "/tag/rivers/") == "/en/tags/rivers/"


def test_a_site_with_its_own_permalink_bases_gets_its_archives_redirected_from_them(client, site, tmp_path):
    posts = [tagged(filed(post(1), "water"), "rivers", "Rivers")]
    path = export(tmp_path, *TERMS, *posts)

    run(path, "--category-base", "/topics/", "--tag-base", "keyword", "--author-base", "team/writers")

    assert location(client, "/topics/water/") == "/en/topics/water/"
    assert location(client, "/keyword/rivers/") == "/en/tags/rivers/"
    person = PersonPage.objects.get(pk=ImportedAuthor.objects.get(login="selin").person_id)
    with override("en"):
        assert location(client, "/team/writers/selin/") == person.get_url()
    # WordPress's default bases name nothing on such a site.
    assert not Redirect.objects.filter(old_path__in=["/category/water", "/tag/rivers"]).exists()


def test_a_base_that_is_not_a_path_is_refused_before_anything_is_written(site, tmp_path):
    with pytest.raises(CommandError, match="--tag-base: 'key word' is not a path"):
        run(export(tmp_path, *TERMS, post(1)), "--tag-base", "key word")
    assert not Redirect.objects.exists()


@pytest.mark.parametrize(
    ("login", "nicename"),
    [
        ("selin", "selin"),
        ("john.doe", "john-doe"),
        ("Ayşe Kaya", "ayse-kaya"),
        ("ed@example.org", "edexample-org"),
    ],
)
def test_an_authors_archive_is_at_the_nicename_wordpress_makes_from_the_login(login, nicename):
    assert author_nicename(login) == nicename
