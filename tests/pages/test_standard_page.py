"""The institute's own pages: read in the languages they are written in, linked from the footer."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from ankasam.core.languages import localized_field
from ankasam.home.models import HomePage
from ankasam.pages.models import StandardPage

from .factories import StandardPageFactory, page_body

pytestmark = pytest.mark.django_db


def footer_of(response) -> str:
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') :]


def test_a_page_is_read_in_each_language_it_is_written_in_and_is_a_404_in_others(client, home_page):
    StandardPageFactory(
        parent=home_page,
        title="About",
        slug="about",
        title_tr="Hakkımızda",
        slug_tr="hakkimizda",
        body_tr=page_body("Merkez"),
        intro="An independent centre.",
    )

    english = client.get("/en/about/")
    turkish = client.get("/tr/hakkimizda/")

    assert english.status_code == 200
    assert '<h1 class="article__title">About</h1>' in english.content.decode()
    assert "An independent centre." in english.content.decode()
    assert '<h2 class="body-heading">About: heading</h2>' in english.content.decode()
    assert turkish.status_code == 200
    assert "Merkez: body." in turkish.content.decode()
    assert client.get("/ru/about/").status_code == 404


def test_the_footer_links_the_pages_editors_chose_that_readers_can_open_in_their_language(client, home_page):
    StandardPageFactory(parent=home_page, title="About", slug="about", show_in_footer=True)
    StandardPageFactory(
        parent=home_page,
        title="Contact",
        slug="contact",
        show_in_footer=True,
        title_tr="İletişim",
        slug_tr="iletisim",
        body_tr=page_body("İletişim"),
    )
    StandardPageFactory(parent=home_page, title="Not chosen", slug="not-chosen")
    StandardPageFactory(parent=home_page, title="Draft", slug="draft", show_in_footer=True, live=False)
    private = StandardPageFactory(parent=home_page, title="Private", slug="private", show_in_footer=True)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    # A page under a private one is private too.
    StandardPageFactory(parent=private, title="Staff rota", slug="rota", show_in_footer=True)

    english = footer_of(client.get("/en/"))
    turkish = footer_of(client.get("/tr/"))

    assert '<a href="/en/about/">About</a>' in english
    assert '<a href="/en/contact/">Contact</a>' in english
    assert english.index("About") < english.index("Contact")
    for hidden in ("Not chosen", "Draft", "Private", "Staff rota"):
        assert hidden not in english
    assert '<a href="/tr/iletisim/">İletişim</a>' in turkish
    assert "About" not in turkish


def test_the_footer_costs_one_query_however_many_pages_it_links(client, home_page):
    def queries_for_home():
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/")
        return len(queries)

    StandardPageFactory(parent=home_page, show_in_footer=True)
    client.get("/en/")
    with_one = queries_for_home()
    for _ in range(4):
        StandardPageFactory(parent=home_page, show_in_footer=True)
    client.get("/en/")

    assert queries_for_home() == with_one


def test_the_footer_marks_the_page_the_reader_is_on(client, home_page):
    StandardPageFactory(parent=home_page, title="About", slug="about", show_in_footer=True)

    footer = footer_of(client.get("/en/about/"))

    assert '<a href="/en/about/" aria-current="page">About</a>' in footer


def test_pages_are_in_the_sitemap_in_their_languages(client, home_page):
    StandardPageFactory(
        parent=home_page,
        title="About",
        slug="about",
        title_tr="Hakkında",
        slug_tr="hakkinda",
        body_tr=page_body("x"),
    )

    sitemap = client.get("/sitemap.xml").content.decode()

    assert "/en/about/" in sitemap
    assert "/tr/hakkinda/" in sitemap
    assert "/ru/about/" not in sitemap


class TestStandardPageInTheAdmin(WagtailPageTestCase):
    def setUp(self):
        # Wagtail's `login()` signs in without a request, which django-axes refuses.
        self.client.force_login(self.create_superuser("admin"))
        self.home = HomePage.objects.get()

    def test_editors_add_pages_under_the_home_page_and_under_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_a_page_created_through_the_admin_is_served(self):
        data = {}
        for code, _name in settings.LANGUAGES:
            for name in ("title", "slug", "intro", "seo_title", "search_description"):
                data[localized_field(name, code)] = ""
            data[localized_field("body", code)] = streamfield([])
        data.update(
            title_en="Team",
            slug_en="team",
            intro_en="Who we are.",
            body_en=streamfield([("paragraph", rich_text("<p>Our fellows.</p>"))]),
            show_in_footer="on",
        )
        self.assertCanCreate(self.home, StandardPage, nested_form_data(data))

        page = StandardPage.objects.get(slug="team")
        assert page.live and page.show_in_footer
        assert "Our fellows." in self.client.get("/en/team/").content.decode()
