"""The Content-Security-Policy in Chromium: the admin's page editor and a public article work under it.

Chromium reports every script, style, image, font, frame or connection a policy refuses as a
`securitypolicyviolation` event in the frame that tried it; an init script forwards each one, from
every frame and across navigations, to the test. The tests also check that what the policy could
break still works (the editor's scripts, the footnote previews) and is styled, and that a refusal
would be seen: an inline script injected at the end must be reported.
"""

import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from playwright.sync_api import expect

from ankasam.articles.models import ArticlePage
from ankasam.demo.loader import load_demo_content

from . import wagtail_admin as admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-known-password-for-tests"
ARTICLE_SLUG = "trans-caspian-gas-after-2030"

REPORT_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    const report = {
        page: document.location.href,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        line: event.lineNumber,
        sample: event.sample,
    };
    window.cspViolations.push(report);
    window.reportCspViolation(report);
});
"""


@pytest.fixture
def demo_site(database_as_migrated, live_server, django_user_model):
    cache.clear()  # renditions cached by earlier tests point at their own media folders
    call_command("set_site_address", live_server.url)
    load_demo_content()
    django_user_model.objects.create_superuser("chief", "chief@example.org", PASSWORD)
    return live_server.url


@pytest.fixture
def watched(browser):
    """Opens pages whose CSP violations, policy warnings and errors are recorded, in any frame."""
    contexts, violations, errors = [], [], []

    def on_console(message):
        # Chromium asks for /favicon.ico by itself, and the site has none.
        if message.location["url"].endswith("/favicon.ico"):
            return
        # An unknown feature in Permissions-Policy is only a warning.
        if message.type == "error" or "Policy" in message.text:
            errors.append(f"{message.location['url']}: {message.type}: {message.text}")

    def open_page():
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        context.expose_binding("reportCspViolation", lambda source, report: violations.append(report))
        context.add_init_script(REPORT_VIOLATIONS)
        page = context.new_page()
        page.on("console", on_console)
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        return page

    open_page.violations = violations
    open_page.errors = errors
    yield open_page
    for context in contexts:
        context.close()


def assert_nothing_refused(watched) -> None:
    refused = [
        f"{v['page']}: {v['directive']} refused {v['blocked'] or '(inline)'} "
        f"at {v['source']}:{v['line']} {v['sample']!r}"
        for v in watched.violations
    ]
    assert not refused, "\n".join(["CSP violations:", *refused])
    assert not watched.errors, "\n".join(["Console errors and policy warnings:", *watched.errors])


def assert_inline_script_refused(page, watched) -> None:
    """The policy is in force in this page and a refusal reaches the test."""
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.head.append(script);
        }"""
    )
    page.wait_for_function("() => window.cspViolations.length > 0")
    assert page.evaluate("() => window.injected") is None
    assert [v["directive"] for v in watched.violations] == ["script-src-elem"]


def article() -> ArticlePage:
    return ArticlePage.objects.get(slug_en=ARTICLE_SLUG)


def check_the_editor_widgets(page, screenshot_of):
    # Wagtail's stylesheet applies: the actions stay in a bar pinned to the bottom of the window.
    footer = page.get_by_role("navigation", name="Actions (footer)")
    expect(footer).to_be_visible()
    expect(page.locator("footer").filter(has=footer)).to_have_css("position", "fixed")

    # wagtail-modeltranslation's language picker, built by its script from an inline setting.
    turkish_title = page.locator('[name="title_tr"]')
    expect(turkish_title).to_be_hidden()
    page.locator("button.locale-toggle", has_text="tr").click()
    expect(turkish_title).to_be_visible()
    expect(turkish_title).to_have_value(re.compile("^2030 Sonrası Hazar Ötesi Gaz"))

    # Wagtail's own tabs.
    page.get_by_role("tab", name="Promote").click()
    expect(page.locator('[name="seo_title_en"]')).to_be_visible()
    page.get_by_role("tab", name="Content").click()

    # Draftail: selecting text in a paragraph shows its floating toolbar, whose buttons work.
    english_body = page.locator("#panel-child-content-body_en-section")
    english_body.get_by_role("textbox").first.click()
    page.keyboard.press("Home")
    page.keyboard.press("Shift+End")
    bold = page.get_by_role("toolbar").get_by_role("button", name="Bold")
    expect(bold).to_be_visible()
    bold.click()
    expect(bold).to_have_class(re.compile("Draftail-ToolbarButton--active"))
    screenshot_of(page, "csp-admin-editor")


def check_the_image_chooser(page, screenshot_of):
    # The image chooser: a modal loaded by fetch, with the library's thumbnails.
    hero_image = page.locator('[data-contentpath="hero_image"]')
    hero_image.get_by_role("button", name="Actions").click()
    with page.expect_response(re.compile(r"/images/chooser/")):
        hero_image.get_by_role("button", name="Change image").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label("Search term")).to_be_visible()
    thumbnail = dialog.locator("img").first
    expect(thumbnail).to_be_visible()
    assert thumbnail.evaluate("img => img.naturalWidth") > 0
    screenshot_of(page, "csp-admin-image-chooser")
    # The dialog's own button: Escape lands in its search field when that has the focus first.
    dialog.get_by_role("button", name="Close").click()
    expect(page.locator(".modal")).to_have_count(0, timeout=15_000)


def check_copying_a_language_and_the_preview(page, screenshot_of):
    english_body = page.locator("#panel-child-content-body_en-section")
    # wagtail-modeltranslation's "Copy content from": the Turkish body, posted by XHR and rendered
    # by the server into the English one, where Wagtail's scripts bring its editors to life.
    english_body.get_by_role("button", name="tr", exact=True).click()
    expect(english_body.get_by_role("textbox").first).to_contain_text("Hazar Ötesi Doğal Gaz Boru Hattı")

    # The preview panel: the article as readers will see it, in a frame of the admin.
    with page.expect_response(re.compile(r"/edit/preview/\?mode=")):
        page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_contain_text("Trans-Caspian Gas after 2030")
    expect(preview.locator(".skip-link")).to_have_css("position", "absolute")
    screenshot_of(page, "csp-admin-preview")


def test_the_admin_page_editor_works_under_its_policy(demo_site, no_autosave, watched, screenshot_of):
    page = watched()
    admin.log_in(page, demo_site, "chief", PASSWORD)
    admin.open_edit_view(page, demo_site, article().pk)

    check_the_editor_widgets(page, screenshot_of)
    check_the_image_chooser(page, screenshot_of)
    check_copying_a_language_and_the_preview(page, screenshot_of)

    # The public article for a signed-in editor, with Wagtail's user bar, under the public policy.
    page.goto(f"{demo_site}{article().get_url()}")
    userbar = page.locator("wagtail-userbar").get_by_role("button", name="View Wagtail quick actions")
    userbar.click()
    expect(page.locator("wagtail-userbar").get_by_role("menuitem", name="Edit this page")).to_be_visible()

    assert_nothing_refused(watched)
    assert_inline_script_refused(page, watched)


def test_a_public_article_works_under_its_policy_also_from_the_page_cache(
    demo_site, watched, screenshot_of, settings
):
    settings.PAGE_CACHE_ENABLED = True
    page = watched()
    address = f"{demo_site}{article().get_url()}"
    page.goto(address)
    answer = page.goto(address)
    assert answer.headers["x-cache"] == "HIT"
    assert "content-security-policy" in answer.headers

    expect(page.get_by_role("heading", level=1)).to_contain_text("Trans-Caspian Gas after 2030")
    # JSON-LD is a data block, never run, so the policy does not refuse it.
    expect(page.locator('script[type="application/ld+json"]')).to_have_count(1)
    # The site's stylesheet applies: the skip link waits off-screen.
    expect(page.locator(".skip-link")).to_have_css("position", "absolute")
    # The footnote previews (static/js/footnotes.js) show on hover; the reference still links.
    reference = page.locator("#fnref-1 a")
    reference.hover()
    expect(page.get_by_role("tooltip")).to_be_visible()
    screenshot_of(page, "csp-article-footnote-preview")
    reference.click()
    expect(page).to_have_url(re.compile("#fn-1$"))
    screenshot_of(page, "csp-article-footnotes")

    assert_nothing_refused(watched)
    assert_inline_script_refused(page, watched)
