"""A reader sees the body's sub-headings, code, struck-out and inserted text and quotations as such."""

import pytest
from django.core.management import call_command
from django.utils import translation

from ..articles.test_body_markup import marked_up_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def style(page, selector: str, prop: str) -> str:
    return page.eval_on_selector(selector, f"element => getComputedStyle(element).{prop}")


def test_marks_and_code_look_like_what_they_are(live_server, article_index, page, screenshot):
    call_command("set_site_address", live_server.url)
    article = marked_up_article(article_index)
    with translation.override("en"):
        address = article.get_url()

    page.goto(f"{live_server.url}{address}")

    assert "mono" in style(page, ".body-code", "fontFamily").lower()
    assert style(page, ".body-code", "whiteSpace") == "pre"
    assert page.inner_text(".body-code") == "if (a < b) {\n    return a;\n}"
    section = float(style(page, ".body-heading", "fontSize").removesuffix("px"))
    sub = float(style(page, ".block-paragraph > h3", "fontSize").removesuffix("px"))
    minor = float(style(page, ".block-paragraph > h4", "fontSize").removesuffix("px"))
    assert section > sub > minor
    assert "line-through" in style(page, ".article__body s", "textDecorationLine")
    assert "underline" in style(page, ".article__body ins", "textDecorationLine")
    assert style(page, ".block-paragraph > blockquote", "borderInlineStartWidth") == "4px"
    assert page.get_attribute(".block-paragraph > ol", "start") == "4"
    screenshot("body-markup", full_page=True)
