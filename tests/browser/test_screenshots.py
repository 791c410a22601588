"""Full-page screenshots of the main reading pages on a phone and on a desktop.

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
DOCUMENTED = re.compile(r"screenshots/([a-z]+)-(\d+)\.png")


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
    assert documented_screenshots() <= {(name, width) for name in addresses for width in WIDTHS}
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
