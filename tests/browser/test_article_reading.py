import pytest

from ankasam.demo.loader import load_demo_content

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server, settings):
    from django.core.management import call_command

    call_command("set_site_address", live_server.url)
    load_demo_content()
    return live_server


def test_reader_follows_a_footnote_and_comes_back(demo_site, page, screenshot):
    page.goto(f"{demo_site.url}/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Analyses").click()
    page.get_by_role("link", name="Trans-Caspian Gas after 2030", exact=False).first.click()

    heading = page.get_by_role("heading", level=1)
    assert "Trans-Caspian Gas after 2030" in heading.inner_text()
    screenshot("article-top")

    page.locator("#fnref-1 a").click()
    assert page.url.endswith("#fn-1")
    note = page.locator("#fn-1")
    assert note.is_visible()
    assert note.locator(".footnote__text").get_attribute("dir") == "ltr"
    screenshot("article-footnote-target")

    note.get_by_role("link", name="Back to reference 1", exact=False).first.click()
    assert page.url.endswith("#fnref-1")
    assert page.locator("#fnref-1").is_visible()

    page.locator(".also-available").get_by_role("link", name="Türkçe").click()
    assert page.locator("html").get_attribute("lang") == "tr"
    assert "Hazar Ötesi Gaz" in page.get_by_role("heading", level=1).inner_text()
    screenshot("article-turkish", full_page=True)
