"""The body's headings below h2, code, struck-out and inserted text, quotations with links and
continued lists, on the article page and in its PDF."""

import pytest
from django.utils import translation
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from ankasam.articles import pdf
from ankasam.articles.blocks import PARAGRAPH_FEATURES
from ankasam.articles.content import heading, paragraph
from ankasam.articles.text import plain_text

from .factories import create_article
from .test_article_page import get_page
from .test_pdf import pdf_text_and_fonts, squeezed

pytestmark = pytest.mark.django_db

CODE = "if (a < b) {\n    return a;\n}"
RICH = (
    "<h3>Ports of the corridor</h3><h4>Aktau</h4>"
    "<p>The plan was <s>abandoned</s> <ins>revived</ins> with <code>route_id</code>.</p>"
    '<blockquote>As <a href="https://example.org/report">the report</a> says, ports matter.</blockquote>'
    '<ol start="4"><li>Fourth step</li></ol>'
)


def marked_up_article(article_index):
    blocks = [heading("Routes"), paragraph(RICH), ("code", CODE)]
    return create_article(
        article_index, translations={"en": {"title": "Marked up", "blocks": blocks, "standfirst": "Marks."}}
    )


def test_the_page_shows_each_mark_and_block_as_stored(client, article_index):
    html = get_page(client, marked_up_article(article_index))

    assert '<h2 class="body-heading">Routes</h2>' in html
    assert "<h3>Ports of the corridor</h3>" in html
    assert "<h4>Aktau</h4>" in html
    assert "<s>abandoned</s> <ins>revived</ins> with <code>route_id</code>" in html
    assert '<blockquote>As <a href="https://example.org/report">the report</a> says' in html
    assert '<ol start="4"><li>Fourth step</li></ol>' in html
    # Escaped, with its lines and indentation as typed.
    assert '<pre class="body-code"><code>if (a &lt; b) {\n    return a;\n}</code></pre>' in html


def test_code_counts_as_text_of_the_body(article_index):
    article = marked_up_article(article_index)

    assert "return a;" in plain_text(article.body_en)


def test_the_pdf_shows_code_in_a_monospaced_font_and_the_other_marks(article_index, weasyprint):
    article = marked_up_article(article_index)

    with translation.override("en"):
        body_html = pdf.pdf_context(article)["body_html"]
        content = pdf.render_article_pdf(article)

    assert '<pre class="body-code"><code>' in body_html
    assert "<s>abandoned</s>" in body_html
    text, fonts = pdf_text_and_fonts(content)
    for words in ("Ports of the corridor", "return a;", "abandoned", "revived", "Fourth step"):
        assert squeezed(words) in squeezed(text), words
    assert any("Mono" in font for font in fonts), fonts


def test_the_editor_keeps_the_marks_through_an_edit():
    """What the admin's editor (Draftail) reads from the database and writes back."""
    converter = ContentstateConverter(features=PARAGRAPH_FEATURES)
    html = converter.to_database_format(converter.from_database_format(RICH))

    for kept in (
        "<h3",
        "<h4",
        "<s>abandoned</s>",
        "<ins>revived</ins>",
        "<code>route_id</code>",
        "<blockquote",
    ):
        assert kept in html, kept
    assert '<a href="https://example.org/report">the report</a>' in html
