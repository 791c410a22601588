"""Reading comfort in Chromium: phones, keyboard focus, footnote previews and printing."""

import pytest
from django.core.management import call_command
from django.utils.translation import override

from ankasam.articles.content import Note, paragraph
from ankasam.articles.models import ArticleIndexPage, ArticlePage
from ankasam.demo.loader import load_demo_content
from ankasam.people.models import PeopleIndexPage, PersonPage
from tests.articles.factories import create_article
from tests.people.factories import PersonPageFactory
from tests.taxonomy.factories import TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
PERSIAN_TITLE = "دیپلماسی آب در آسیای مرکزی"
PERSIAN_NOTE = f"مریم احمدی، «{PERSIAN_TITLE}»، تهران، ۱۴۰۳، ص. ۱۲."
LONG_ADDRESS = (
    "https://www.example.org/research/water-diplomacy/2026/"
    "amu-darya-basin-allocation-agreements-annex-with-station-by-station-flow-data.pdf"
)
OUTSIDE_LINK = "https://www.example.org/treaty-text"
PRINT_LEAVES_OUT = (
    ".skip-link",
    ".site-nav",
    ".language-switcher",
    ".similar",
    ".site-footer",
    ".footnote__backref",
)


@pytest.fixture(autouse=True)
def default_site(database_as_migrated):
    """Each test here starts from the database as migrated (default site, home page)."""


def write_reading_article(index, people_index) -> ArticlePage:
    """An article with a Persian note, a note citing a long address, an outside link and a similar post."""
    topic = TopicFactory()
    author = PersonPageFactory(parent=people_index)
    blocks = [
        paragraph(
            "<p>Talks on sharing the river stalled in 2025.[^fa] The treaty text is "
            f'<a href="{OUTSIDE_LINK}">published online</a>.[^annex]</p>'
        ),
        paragraph("<p>Both capitals now wait for the canal's first full season.[^fa]</p>"),
    ]
    notes = [
        Note("fa", f"<p>{PERSIAN_NOTE}</p>"),
        Note("annex", f'<p>Basin commission, annex, <a href="{LONG_ADDRESS}">{LONG_ADDRESS}</a>.</p>'),
    ]
    article = create_article(
        index,
        translations={
            "en": {
                "title": "Water diplomacy on the Amu Darya",
                "blocks": blocks,
                "notes": notes,
                "standfirst": "Water talks.",
            }
        },
        authors=[author],
        topics=[topic],
    )
    create_article(index, title="Another piece on the same river", topics=[topic])
    return article


def address(server, page, language: str = "en") -> str:
    with override(language):
        return server.url + page.get_url()


@pytest.fixture
def reading_article(live_server, article_index, people_index):
    call_command("set_site_address", live_server.url)
    return write_reading_article(article_index, people_index)


def press_tab_until(page, selector: str, limit: int = 60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return page.locator(":focus")
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def test_no_page_scrolls_sideways_on_a_360px_phone(live_server, browser):
    call_command("set_site_address", live_server.url)
    load_demo_content()
    index = ArticleIndexPage.objects.get(slug_en="analyses")
    people = PeopleIndexPage.objects.get(slug_en="experts")
    long_notes = write_reading_article(index, people)
    persian_sources = ArticlePage.objects.get(slug_en="iran-gulf-de-escalation-durability")
    author = PersonPage.objects.get(slug_en="murat-kaplan")
    addresses = [
        f"{live_server.url}/en/",
        address(live_server, index),
        address(live_server, persian_sources),
        address(live_server, persian_sources, "ru"),
        address(live_server, long_notes),
        address(live_server, author),
        address(live_server, people),
    ]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    too_wide = {}
    for url in addresses:
        assert page.goto(url).ok, url
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[url] = width
    context.close()
    assert not too_wide, f"wider than {PHONE['width']} px: {too_wide}"


def test_first_tab_shows_the_skip_link_and_enter_moves_focus_to_the_main_content(live_server, page):
    page.goto(f"{live_server.url}/en/")

    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    assert skip_link.get_attribute("class") == "skip-link"
    box = skip_link.bounding_box()
    viewport = page.viewport_size
    assert box["x"] >= 0 and box["y"] >= 0
    assert box["x"] + box["width"] <= viewport["width"] and box["y"] + box["height"] <= viewport["height"]

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.evaluate("document.activeElement.tagName") == "MAIN"


def test_keyboard_focus_is_outlined_on_links_buttons_inputs_and_summaries(live_server, page):
    page.goto(f"{live_server.url}/en/")
    page.locator("main").evaluate(
        """main => main.insertAdjacentHTML('beforeend',
            '<details><summary id="t-summary">More</summary>Text</details>'
            + '<button type="button" id="t-button">Press</button>'
            + '<label for="t-input">Field</label><input id="t-input">')"""
    )
    for selector in (".site-header__brand", "#t-summary", "#t-button", "#t-input"):
        focused = press_tab_until(page, selector)
        style = focused.evaluate("e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth]")
        assert style[0] != "none", f"{selector} shows no outline when focused"
        assert float(style[1].removesuffix("px")) >= 2, f"{selector}'s outline is {style[1]}"


def test_footnote_preview_on_hover_and_keyboard_focus_hidden_by_escape(live_server, page, reading_article):
    page.set_default_timeout(5000)
    page.goto(address(live_server, reading_article))
    preview = page.get_by_role("tooltip")
    first_reference = page.locator("#fnref-1 a")
    scroll_before = page.evaluate("window.scrollY")

    first_reference.hover()
    preview.wait_for(state="visible")
    assert PERSIAN_TITLE in preview.inner_text()
    assert preview.locator(".footnote__text").get_attribute("dir") == "rtl"
    assert preview.locator(".footnote__text").evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert first_reference.get_attribute("aria-describedby") == preview.get_attribute("id") != ""
    assert page.evaluate("window.scrollY") == scroll_before
    assert page.url.endswith(reading_article.get_url())

    page.mouse.move(0, 0)
    preview.wait_for(state="hidden")

    press_tab_until(page, "#fnref-1 a")
    preview.wait_for(state="visible")
    assert PERSIAN_TITLE in preview.inner_text()

    page.keyboard.press("Escape")
    preview.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.closest('sup').id") == "fnref-1"
    assert first_reference.get_attribute("aria-describedby") == "footnotes-heading"

    press_tab_until(page, "#fnref-2 a")
    preview.wait_for(state="visible")
    assert LONG_ADDRESS in preview.inner_text()
    box = preview.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]


def test_without_javascript_a_footnote_reference_is_a_link_to_its_note(live_server, browser, reading_article):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(address(live_server, reading_article))

    page.locator("#fnref-1 a").click()
    assert page.url.endswith("#fn-1")
    assert page.get_by_role("tooltip").count() == 0
    page.locator("#fn-1").get_by_role("link", name="Back to reference 1", exact=False).first.click()
    assert page.url.endswith("#fnref-1")
    context.close()


def test_printed_article_keeps_text_and_notes_without_the_site_chrome(live_server, page, reading_article):
    page.goto(address(live_server, reading_article))
    page.emulate_media(media="print")

    def display(selector: str) -> str:
        return page.locator(selector).first.evaluate("e => getComputedStyle(e).display")

    for chrome in PRINT_LEAVES_OUT:
        assert display(chrome) == "none", f"{chrome} is printed"
    for kept in (".site-header__brand", ".article__title", ".article__body", ".footnotes", "#fn-2"):
        assert display(kept) != "none", f"{kept} is not printed"

    outside_link = page.locator(f'.article__body a[href="{OUTSIDE_LINK}"]')
    assert outside_link.evaluate("e => getComputedStyle(e, '::after').content") == f'" ({OUTSIDE_LINK})"'
    reference_after = page.locator("#fnref-1 a").evaluate("e => getComputedStyle(e, '::after').content")
    assert "http" not in reference_after and "#" not in reference_after

    assert page.locator(".article__body p").first.evaluate("e => getComputedStyle(e).color") == "rgb(0, 0, 0)"
    assert page.locator("body").evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 255, 255)"
    assert page.locator(".footnotes__heading").evaluate("e => getComputedStyle(e).breakAfter") == "avoid"


def test_dark_colours_on_screen_only_print_stays_black_on_white(live_server, page, reading_article):
    page.emulate_media(color_scheme="dark")
    page.goto(address(live_server, reading_article))

    def colours() -> tuple[str, str]:
        body = page.locator("body").evaluate("e => getComputedStyle(e).backgroundColor")
        text = page.locator(".article__body p").first.evaluate("e => getComputedStyle(e).color")
        return body, text

    assert colours() == ("rgb(20, 24, 29)", "rgb(232, 228, 220)")
    page.emulate_media(media="print", color_scheme="dark")
    assert colours() == ("rgb(255, 255, 255)", "rgb(0, 0, 0)")
