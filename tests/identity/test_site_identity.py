"""Settings → Site identity: the logo, tagline, contact and profiles editors set for every page."""

import dataclasses
import io

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

from ankasam.identity.models import SiteIdentity

pytestmark = pytest.mark.django_db


def uploaded_logo():
    buffer = io.BytesIO()
    Image.new("RGB", (240, 80), "#204060").save(buffer, format="PNG")
    return get_image_model().objects.create(title="Logo", file=ImageFile(buffer, name="logo.png"))


def header_and_footer(client, address="/en/"):
    html = client.get(address).content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    return header, html[html.index('<footer class="site-footer">') :]


def test_without_settings_the_site_shows_its_mark_and_its_own_tagline(client, home_page):
    header, footer = header_and_footer(client)

    assert '<svg class="site-mark"' in header
    assert "Independent analysis of regional policy." in footer
    assert "<address" not in footer


def test_editors_logo_tagline_contact_and_profiles_reach_every_page(client, home_page):
    identity = SiteIdentity.load()
    identity.logo = uploaded_logo()
    identity.tagline_en = "Research on the Black Sea."
    identity.tagline_tr = "Karadeniz üzerine araştırma."
    identity.contact_email = "press@example.org"
    identity.contact_address_en = "1 Example Street\nAnkara"
    identity.profiles = [("link", {"label": "Bluesky", "url": "https://bsky.app/profile/example.org"})]
    identity.save()

    header, footer = header_and_footer(client)
    _header, turkish = header_and_footer(client, "/tr/")
    _header, russian = header_and_footer(client, "/ru/")

    assert 'class="site-header__logo"' in header and "site-mark" not in header
    assert "Research on the Black Sea." in footer
    assert "1 Example Street<br>Ankara" in footer
    assert '<a href="mailto:press@example.org">press@example.org</a>' in footer
    assert '<a href="https://bsky.app/profile/example.org" rel="me">Bluesky</a>' in footer
    assert "Karadeniz üzerine araştırma." in turkish
    assert "Research on the Black Sea." in russian  # no Russian tagline: the default language's


def test_the_identity_and_its_logo_cost_one_query_per_page(client, home_page):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get("/en/")
        return [q["sql"] for q in captured.captured_queries if "identity_siteidentity" in q["sql"]]

    identity = SiteIdentity.load()
    identity.logo = uploaded_logo()
    identity.save()
    client.get("/en/")  # the logo's rendition is made on the first view

    assert len(queries()) == 1


def test_editors_find_the_settings_in_the_admin(client, home_page, admin_user):
    client.force_login(admin_user)

    response = client.get(reverse("wagtailsettings:edit", args=("identity", "siteidentity")), follow=True)

    assert response.status_code == 200
    assert 'name="tagline_en"' in response.content.decode()


def test_the_editors_logo_replaces_the_mark_on_the_pdf_title_page(article_index):
    from django.template.loader import render_to_string

    from ankasam.articles import pdf

    from ..articles.factories import create_article

    article = create_article(article_index, title="Gas after 2030")
    with_mark = render_to_string("articles/pdf/article.html", pdf.pdf_context(article))
    identity = SiteIdentity.load()
    identity.logo = uploaded_logo()
    identity.save()
    with_logo = render_to_string("articles/pdf/article.html", pdf.pdf_context(article))

    assert '<svg class="site-mark"' in with_mark and "title-page__logo" not in with_mark
    assert 'class="title-page__logo"' in with_logo and '<svg class="site-mark"' not in with_logo


def test_the_editors_logo_replaces_the_mark_on_share_cards(home_page):
    from ankasam.discovery.share_cards import MARGIN, WIDTH, ShareCard, draw_share_card

    card = ShareCard("Gas after 2030", "en", "ANKASAM")
    identity = SiteIdentity.load()
    identity.logo = uploaded_logo()  # 240×80, #204060
    identity.save()

    with_mark = Image.open(io.BytesIO(draw_share_card(card))).convert("RGB")
    with_logo = Image.open(
        io.BytesIO(draw_share_card(dataclasses.replace(card, logo=identity.logo.file.name)))
    )
    corner = (WIDTH - MARGIN - 20, 62 + 20)

    assert with_mark.getpixel(corner) == (158, 59, 38)  # the mark's colour
    assert with_logo.convert("RGB").getpixel(corner) == (32, 64, 96)
