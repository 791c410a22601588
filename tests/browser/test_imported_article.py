"""A reader arriving from an old WordPress link at a piece the import brought in."""

import pytest
from django.core.management import call_command

from ankasam.demo.loader import load_demo_content

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAMPLE = "ankasam/wordpress/sample"


@pytest.fixture
def imported_site(live_server, database_as_migrated):
    call_command("set_site_address", live_server.url)
    load_demo_content()
    call_command(
        "import_wordpress",
        f"{SAMPLE}/polylang-sample.xml",
        "--uploads",
        f"{SAMPLE}/uploads",
        "--author-bios",
        f"{SAMPLE}/author-bios.json",
        verbosity=0,
    )
    return live_server


def test_an_old_russian_link_leads_to_the_piece_whose_notes_link_both_ways(imported_site, page, screenshot):
    page.goto(f"{imported_site.url}/ru/2025/03/koridory-i-kompromiss/")

    assert page.url.endswith("/ru/analitika/koridory-i-kompromiss/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert "Коридоры и компромисс" in page.get_by_role("heading", level=1).inner_text()
    page.locator("#fnref-2 a").click()
    assert page.url.endswith("#fn-2") and page.locator("#fn-2").is_visible()
    assert "Transit Finance Review" in page.locator("#fn-2").inner_text()
    page.locator("#fn-2").get_by_role("link", name="2").first.click()
    assert page.url.endswith("#fnref-2")
    assert "Селин Караагач" in page.locator(".author-bio").inner_text()
    screenshot("imported-russian", full_page=True)

    page.locator(".also-available").get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".footnotes li").count() == 3


def test_a_turkish_only_piece_offers_no_other_language(imported_site, page, screenshot):
    page.goto(f"{imported_site.url}/tr/2025/03/hazar-enerji-diplomasisi/")

    assert page.url.endswith("/tr/analizler/hazar-enerji-diplomasisi/")
    assert page.locator(".also-available").count() == 0
    persian = page.locator("#fn-2 .footnote__text")
    assert persian.get_attribute("dir") == "rtl" and "سیاست" in persian.inner_text()
    screenshot("imported-turkish-only", full_page=True)

    page.goto(f"{imported_site.url}/en/analyses/hazar-enerji-diplomasisi/")
    assert page.get_by_role("link", name="Türkçe").first.is_visible()
