"""axe-core on every kind of page a reader sees, in every language, in light and dark colours:
no serious or critical violation, and no two landmarks of a kind with the same name
(`landmark-unique`, moderate, which issue 21 found on the search page).

axe-core comes from npm at the version package-lock.json pins (`npm ci`, run by `make test`).
Without it the check is skipped with a reason, except under CI=true, where that is a failure.
"""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import override

from ankasam.articles.models import ArticleIndexPage, ArticlePage
from ankasam.demo.loader import load_demo_content
from ankasam.pages.models import StandardPage
from ankasam.people.models import PeopleIndexPage, PersonPage
from ankasam.taxonomy.models import ArticleType, Region, Topic

from .conftest import in_ci

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
LANGUAGES = ("en", "tr", "ru")
BLOCKING_IMPACTS = {"serious", "critical"}
# Moderate, but two search landmarks both called "Search" leave a screen reader user guessing.
BLOCKING_RULES = {"landmark-unique"}
# Colours and screen widths: the desktop in both, and the phone's own header and folded filters.
VIEWS = (("light", 1280), ("dark", 1280), ("light", 390))
# A word each language's demo content uses, for the search results page.
SEARCH_WORDS = {"en": "gas", "tr": "gaz", "ru": "газ"}
# In every language, with notes that cite Persian sources.
ARTICLE_SLUG = "iran-gulf-de-escalation-durability"
AUTHOR_SLUG = "murat-kaplan"


@pytest.fixture(scope="module")
def axe_script() -> Path:
    if not AXE.exists():
        reason = f"axe-core is not installed at {AXE}: run `npm ci` (needs Node.js and npm)"
        if in_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    return AXE


def run_axe(page, axe_script: Path) -> dict:
    page.add_script_tag(path=str(axe_script))
    return page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")


def blocking_violations(results: dict) -> list[dict]:
    return [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS or v["id"] in BLOCKING_RULES]


def describe(address: str, violation: dict) -> str:
    targets = "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
    return f"{address}: {violation['id']} ({violation['impact']}): {violation['help']} at {targets}"


def path_in(language: str, page) -> str:
    with override(language):
        return page.get_url()


def hub_addresses(language: str) -> list[str]:
    """In the language's words and slugs (/tr/konular/enerji/): the English ones redirect."""
    terms = [
        ("topics", Topic.objects.get(slug_en="energy")),
        ("regions", Region.objects.get(slug_en="south-caucasus")),
        ("types", ArticleType.objects.get(slug_en="analysis")),
    ]
    with override(language):
        return [reverse("hub_index", args=["topics"])] + [
            reverse("hub", args=[kind, term.slug]) for kind, term in terms
        ]


def search_address(language: str) -> str:
    with override(language):
        return reverse("search")


def reader_addresses() -> list[tuple[str, int]]:
    """Each kind of public page in each language, with the status it answers with."""
    pages = [
        ArticleIndexPage.objects.get(slug_en="analyses"),
        ArticlePage.objects.get(slug_en=ARTICLE_SLUG),
        PeopleIndexPage.objects.get(),
        PersonPage.objects.get(slug_en=AUTHOR_SLUG),
        StandardPage.objects.get(slug_en="about"),
    ]
    addresses = []
    for language in LANGUAGES:
        addresses += [(f"/{language}/", 200)]
        addresses += [(path_in(language, page), 200) for page in pages]
        addresses += [(address, 200) for address in hub_addresses(language)]
        addresses += [
            (f"{search_address(language)}?q={SEARCH_WORDS[language]}", 200),
            (f"/{language}/no-such-page/", 404),
        ]
    return addresses


def test_axe_reports_what_it_should(browser, axe_script):
    """The harness itself: a page with a known serious violation is reported."""
    context = browser.new_context()
    page = context.new_page()
    page.set_content(
        "<!DOCTYPE html><html><head><title>t</title></head><body><main><p>text</p></main></body></html>"
    )
    results = run_axe(page, axe_script)
    context.close()
    assert "html-has-lang" in {v["id"] for v in blocking_violations(results)}


def test_axe_reports_duplicate_landmark_names(browser, axe_script):
    """A moderate violation the test fails on too: two search landmarks of one name."""
    context = browser.new_context()
    page = context.new_page()
    form = '<form role="search" aria-label="Search"><input aria-label="q"></form>'
    page.set_content(
        f'<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>{form}{form}</body></html>'
    )
    results = run_axe(page, axe_script)
    context.close()
    assert "landmark-unique" in {v["id"] for v in blocking_violations(results)}


def open_to_axe(browser, colour_scheme: str, width: int):
    """axe-core is injected as an inline script, which the site's Content-Security-Policy refuses."""
    return browser.new_context(
        viewport={"width": width, "height": 900}, bypass_csp=True, color_scheme=colour_scheme
    )


@pytest.mark.django_db(transaction=True)
def test_reader_pages_have_no_blocking_violations_in_light_or_dark(live_server, browser, axe_script):
    call_command("set_site_address", live_server.url)
    load_demo_content()
    addresses = reader_addresses()
    problems = []
    checked = 0
    for colour_scheme, width in VIEWS:
        context = open_to_axe(browser, colour_scheme, width)
        page = context.new_page()
        for address, status in addresses:
            response = page.goto(live_server.url + address)
            assert response.status == status, f"{address} answered {response.status}"
            assert page.evaluate(f"matchMedia('(prefers-color-scheme: {colour_scheme})').matches")
            results = run_axe(page, axe_script)
            view = f"{colour_scheme}, {width} px"
            problems += [f"{view}, {describe(address, v)}" for v in blocking_violations(results)]
            checked += 1
        context.close()

    assert checked == len(VIEWS) * 12 * len(LANGUAGES)
    assert not problems, "axe-core found problems:\n" + "\n".join(problems)
