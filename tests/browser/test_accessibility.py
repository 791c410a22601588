"""axe-core on the reader's pages in every language: no serious or critical violation.

axe-core comes from npm at the version package-lock.json pins (`npm ci`, run by `make test`).
Without it the check is skipped with a reason, except under CI=true, where that is a failure.
"""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.translation import override

from ankasam.articles.models import ArticleIndexPage, ArticlePage
from ankasam.demo.loader import load_demo_content
from ankasam.people.models import PersonPage

from .conftest import in_ci

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
LANGUAGES = ("en", "tr", "ru")
BLOCKING_IMPACTS = {"serious", "critical"}
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
    return [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]


def describe(address: str, violation: dict) -> str:
    targets = "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
    return f"{address}: {violation['id']} ({violation['impact']}): {violation['help']} at {targets}"


def path_in(language: str, page) -> str:
    with override(language):
        return page.get_url()


def reader_addresses() -> list[tuple[str, tuple[int, ...]]]:
    """Each page to check with the statuses it may answer with."""
    index = ArticleIndexPage.objects.get(slug_en="analyses")
    article = ArticlePage.objects.get(slug_en=ARTICLE_SLUG)
    author = PersonPage.objects.get(slug_en=AUTHOR_SLUG)
    addresses = []
    for language in LANGUAGES:
        addresses += [
            (f"/{language}/", (200,)),
            (path_in(language, index), (200,)),
            (path_in(language, article), (200,)),
            (path_in(language, author), (200,)),
            # The search page may not exist yet; its 404 page is then what is checked.
            (f"/{language}/search/?q={SEARCH_WORDS[language]}", (200, 404)),
            (f"/{language}/no-such-page/", (404,)),
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


@pytest.fixture
def page_open_to_axe(browser):
    """axe-core is injected as an inline script, which the site's Content-Security-Policy refuses."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.mark.django_db(transaction=True)
def test_reader_pages_have_no_serious_or_critical_violations(live_server, page_open_to_axe, axe_script):
    page = page_open_to_axe
    call_command("set_site_address", live_server.url)
    load_demo_content()
    problems = []
    checked = 0
    for address, statuses in reader_addresses():
        response = page.goto(live_server.url + address)
        assert response.status in statuses, f"{address} answered {response.status}"
        results = run_axe(page, axe_script)
        problems += [describe(address, violation) for violation in blocking_violations(results)]
        checked += 1

    assert checked == 6 * len(LANGUAGES)
    assert not problems, "axe-core found serious or critical problems:\n" + "\n".join(problems)
