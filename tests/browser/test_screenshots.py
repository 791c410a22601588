"""Full-page screenshots of the main reading pages on a phone and on a desktop, and a few views
issue 21 asked for: an article's end, a listing's first screen on a phone, the 404 page `make run`
shows, the home page in dark colours, and the Persian home page, listing and article, checked to be
laid out right to left.

In the suite they go to test-artifacts/screenshots/ for a person to look at; `make screenshots`
sets SCREENSHOTS_DIR=docs/screenshots to refresh the ones the documentation shows. The test fails
when a screenshot would not show what the documentation shows it for: a page without its subject
(an empty listing, an article without its Persian notes), a page wider than the screen, or a
screenshot the documentation names that this test no longer makes.
"""

import io
import os
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils.translation import override
from PIL import Image

from ankasam.articles.models import ArticlePage
from ankasam.demo.loader import load_demo_content
from ankasam.people.models import PersonPage

from .conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROJECT = Path(__file__).resolve().parents[2]
WIDTHS = (390, 1280)
# An article whose notes cite Persian sources, so the screenshots show right-to-left notes.
ARTICLE_SLUG = "iran-gulf-de-escalation-durability"
SEARCH_WORD = "gas"
# What each screenshot is for, as JavaScript that is true when the page shows it.
SUBJECTS = {
    "home": "document.querySelectorAll('.home .card-grid li').length > 0",
    "article": "[...document.querySelectorAll('.footnote__text')]"
    ".some(note => /[\\u0600-\\u06ff]/.test(note.textContent))",
    "author": "document.querySelectorAll('.person__articles .card-list li').length > 0",
    "search": "document.querySelectorAll('.search-results li').length > 0",
    "hub": "document.querySelectorAll('.card-list li').length > 0",
}
# The other views, by name and width.
VIEWS = {("article-end", 1280), ("listing", 390), ("404", 1280), ("home-dark", 1280)}
DOCUMENTED = re.compile(r"screenshots/([a-z0-9-]+?)-(\d+)\.png")
# What ankasam/settings/dev.py adds, so that the 404 photographed is the one `make run` shows.
DEVELOPMENT_MIDDLEWARE = "ankasam.core.middleware.SiteNotFoundPageMiddleware"


@pytest.fixture(autouse=True)
def default_site(database_as_migrated):
    """Each test here starts from the database as migrated (default site, home page)."""


def screenshots_dir() -> Path:
    chosen = os.environ.get("SCREENSHOTS_DIR")
    directory = PROJECT / chosen if chosen else ARTIFACTS / "screenshots"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


# A full-page screenshot does not scroll, so images below the fold would stay lazy and blank.
LOAD_EVERY_IMAGE = """async () => {
    const images = [...document.images];
    images.forEach(image => { image.loading = "eager"; });
    await Promise.all(images.filter(image => !image.complete).map(
        image => new Promise(done => { image.onload = image.onerror = done; })));
}"""


def save_as_palette_png(png: bytes, path: Path):
    """Text on flat colours keeps sharp in 256 colours, at a third of the size in the repository."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(path, optimize=True)


def english_path(page) -> str:
    with override("en"):
        return page.get_url()


def documented_screenshots() -> set[tuple[str, int]]:
    """(page, width) of every screenshot of this kind that docs/ shows."""
    return {
        (name, int(width))
        for doc in (PROJECT / "docs").rglob("*.md")
        for name, width in DOCUMENTED.findall(doc.read_text(encoding="utf-8"))
    }


def test_screenshots_of_the_reading_pages(live_server, page):
    # Rendition addresses cached by an earlier test point into that test's media directory.
    cache.clear()
    call_command("set_site_address", live_server.url)
    load_demo_content()
    article = ArticlePage.objects.get(slug_en=ARTICLE_SLUG)
    author = PersonPage.objects.get(slug_en="murat-kaplan")
    addresses = {
        "home": "/en/",
        "article": english_path(article),
        "author": english_path(author),
        "search": f"/en/search/?q={SEARCH_WORD}",
        "hub": "/en/topics/security/?region=south-caucasus",
    }
    assert documented_screenshots() <= {(name, width) for name in addresses for width in WIDTHS} | VIEWS
    directory = screenshots_dir()
    for name, address in addresses.items():
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(live_server.url + address)
            assert response.ok, f"{address} answered {response.status}"
            page.evaluate(LOAD_EVERY_IMAGE)
            broken = page.evaluate(
                "[...document.images].filter(image => !image.naturalWidth).map(i => i.src)"
            )
            assert not broken, f"{address} shows broken images: {broken}"
            assert page.evaluate(SUBJECTS[name]), f"{address} does not show what its screenshot is for"
            png = page.screenshot(full_page=True)
            # A full-page screenshot is as wide as the page: wider than the screen, it scrolls sideways.
            assert Image.open(io.BytesIO(png)).width == width, f"{address} is wider than {width} px"
            path = directory / f"{name}-{width}.png"
            save_as_palette_png(png, path)
            assert path.stat().st_size > 10_000, f"{path.name} is nearly blank"


def save_view(page, name: str, width: int, clip: dict | None = None) -> Path:
    """The screen as it is (or the clipped part of the page), at the width given."""
    page.evaluate(LOAD_EVERY_IMAGE)
    broken = page.evaluate("[...document.images].filter(image => !image.naturalWidth).map(i => i.src)")
    assert not broken, f"{name} shows broken images: {broken}"
    png = page.screenshot(full_page=clip is not None, clip=clip)
    assert Image.open(io.BytesIO(png)).width == width, f"{name} is wider than {width} px"
    path = screenshots_dir() / f"{name}-{width}.png"
    save_as_palette_png(png, path)
    assert path.stat().st_size > 10_000, f"{path.name} is nearly blank"
    return path


def article_end(page) -> dict:
    """From the end of the body's notes (topics, the short bios) to the end of "Cite this"."""
    return page.evaluate("""() => {
        const top = document.querySelector('.article__footer').getBoundingClientRect().top + scrollY;
        const bottom = document.querySelector('.cite-this').getBoundingClientRect().bottom + scrollY;
        return {x: 0, y: top - 24, width: innerWidth, height: bottom - top + 48};
    }""")


def development_not_found_page(settings, address: str) -> str:
    """What `make run` answers for a mistyped address: DEBUG on, the development middleware added."""
    settings.DEBUG = True
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, DEVELOPMENT_MIDDLEWARE]
    response = Client().get(address)
    assert response.status_code == 404
    html = response.content.decode()
    assert "technical-404" in html, "not the development server's 404 page"
    return html


def test_screenshots_of_an_article_end_a_phone_listing_the_404_and_dark_mode(live_server, browser, settings):
    cache.clear()
    call_command("set_site_address", live_server.url)
    load_demo_content()
    article = english_path(ArticlePage.objects.get(slug_en=ARTICLE_SLUG))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + article)
    assert page.locator(".author-bio").count() > 0, "the article's end shows no bios"
    save_view(page, "article-end", 1280, clip=article_end(page))

    missing = "/en/analyses/iran-gulf-de-escalaton/"
    html = development_not_found_page(settings, missing)
    page.route(
        live_server.url + missing,
        lambda route: route.fulfill(status=404, body=html, content_type="text/html"),
    )
    page.goto(live_server.url + missing)
    save_view(page, "404", 1280)
    context.close()

    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server.url + "/en/analyses/?topic=energy")
    assert page.locator(".filters-panel__toggle").is_visible(), "no Filter control on a phone"
    save_view(page, "listing", 390)
    context.close()

    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    page.goto(live_server.url + "/en/")
    save_view(page, "home-dark", 1280)
    context.close()


# The Persian article: notes citing Latin and Persian sources, in a right-to-left page.
PERSIAN_ARTICLE_SLUG = "qosh-tepa-amu-darya-water-diplomacy-without-recognition"
# Measured in the page: what a right-to-left layout puts on which side.
RIGHT_TO_LEFT_LAYOUT = """() => {
    const box = selector => document.querySelector(selector).getBoundingClientRect();
    const main = document.querySelector('main');
    return {
        dir: document.documentElement.dir,
        brandRightOfSwitcher: box('.site-header__brand').left > box('.language-switcher').right,
        textAlign: getComputedStyle(main.querySelector('h1')).textAlign,
        headingAtRight: box('main h1').right > innerWidth / 2,
        // The list's numbers stand in its inline-start padding: on the right.
        notesNumberedAtRight: [...document.querySelectorAll('.footnotes__list')].every(list => {
            const style = getComputedStyle(list);
            return parseFloat(style.paddingRight) > parseFloat(style.paddingLeft);
        }),
        scrollsSideways: document.documentElement.scrollWidth > innerWidth,
    };
}"""


def test_the_persian_pages_are_laid_out_right_to_left(live_server, browser):
    cache.clear()
    call_command("set_site_address", live_server.url)
    load_demo_content()
    article = ArticlePage.objects.get(slug_en=PERSIAN_ARTICLE_SLUG)
    with override("fa"):
        listing, persian_article = article.get_parent().get_url(), article.get_url()
    addresses = {"home-fa": "/fa/", "listing-fa": listing, "article-fa": persian_article}
    for name, address in addresses.items():
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            response = page.goto(live_server.url + address)
            assert response.ok, f"{address} answered {response.status}"
            layout = page.evaluate(RIGHT_TO_LEFT_LAYOUT)
            assert layout["dir"] == "rtl", address
            assert layout["textAlign"] in ("start", "right"), address
            assert layout["headingAtRight"] and layout["notesNumberedAtRight"], (address, width, layout)
            assert not layout["scrollsSideways"], f"{address} is wider than {width} px"
            if width == 1280:
                assert layout["brandRightOfSwitcher"], (address, layout)
                page.evaluate(LOAD_EVERY_IMAGE)
                path = screenshots_dir() / f"{name}.png"
                save_as_palette_png(page.screenshot(full_page=True), path)
                assert path.stat().st_size > 10_000, f"{path.name} is nearly blank"
            context.close()
