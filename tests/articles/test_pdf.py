import io
import re
from html import unescape

import pytest
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags

from ankasam.articles import pdf
from ankasam.articles.models import ArticlePage
from ankasam.articles.presentation import render_body_with_footnotes
from ankasam.articles.text import plain_text
from ankasam.demo.loader import load_demo_content
from ankasam.translations.availability import exists_in

from ..people.factories import PersonPageFactory
from .factories import (
    ACCESS_DATE,
    PERSIAN_TITLE,
    article_with_mixed_direction_note,
    create_article,
    text_with_notes,
    written_in,
)
from .pdfs import pdf_address, text_positions

pytestmark = pytest.mark.django_db

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]+")


def squeezed(text: str) -> str:
    """Text without any whitespace: PDF extraction breaks lines where the layout did."""
    return "".join(text.split())


def pdf_text_and_fonts(content: bytes) -> tuple[str, set[str]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    return text, fonts


# The cache


def test_a_second_download_is_the_stored_pdf_and_a_new_revision_makes_a_new_one(
    client, article_index, fake_renderer
):
    article = create_article(article_index, title="Ports and ferries")

    first = client.get(pdf_address(article))
    second = client.get(pdf_address(article))

    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert first["Content-Disposition"] == f'inline; filename="{article.slug}.pdf"'
    assert first.content == second.content
    assert len(fake_renderer) == 1

    article.standfirst_en = "A new summary."
    article.save_revision().publish()
    third = client.get(pdf_address(article))

    assert len(fake_renderer) == 2
    assert third.content != first.content
    article.refresh_from_db()
    assert pdf.stored_pdf_names(article.pk) == [pdf.pdf_storage_name(article, "en")], "the old one is removed"


def test_each_language_has_its_own_stored_pdf(client, article_index, fake_renderer):
    blocks, notes = text_with_notes(1)
    article = create_article(
        article_index,
        translations={
            "en": {"title": "Ferries", "blocks": blocks, "notes": notes},
            "tr": {"title": "Feribotlar", "blocks": blocks, "notes": notes},
        },
    )

    english = client.get(pdf_address(article, "en"))
    turkish = client.get(pdf_address(article, "tr"))
    client.get(pdf_address(article, "tr"))

    assert [language for _pk, language, _revision in fake_renderer] == ["en", "tr"]
    assert english.content == turkish.content, "the fake renders by revision only"
    assert turkish["Content-Disposition"] == f'inline; filename="{article.slug_tr}.pdf"'
    assert sorted(pdf.stored_pdf_names(article.pk)) == sorted(
        [pdf.pdf_storage_name(article, "en"), pdf.pdf_storage_name(article, "tr")]
    )


def test_stored_pdfs_have_names_that_cannot_be_guessed_and_go_when_the_article_is_withdrawn(
    client, article_index, fake_renderer
):
    article = create_article(article_index)
    client.get(pdf_address(article))
    name = pdf.pdf_storage_name(article, "en")

    assert default_storage.exists(name)
    assert re.fullmatch(rf"pdf/{article.pk}/en-r{article.live_revision_id}-v\d+-[0-9a-f]{{16}}\.pdf", name)

    article.unpublish()

    assert pdf.stored_pdf_names(article.pk) == []


def test_without_weasyprint_the_link_is_hidden_and_the_address_answers_503(
    client, article_index, monkeypatch
):
    article = create_article(article_index)
    monkeypatch.setattr(pdf, "pdf_problem", lambda: "cannot load library 'libpango-1.0-0'")

    page = client.get(article.get_url()).content.decode()
    response = client.get(pdf_address(article))

    assert pdf_address(article) not in page
    assert "Download PDF" not in page
    assert response.status_code == 503
    assert "PDF cannot be made" in response.content.decode()


def test_with_weasyprint_the_article_links_its_pdf(client, article_index, fake_renderer):
    article = create_article(article_index)

    page = client.get(article.get_url()).content.decode()

    assert f'href="{pdf_address(article)}" type="application/pdf"' in page


# Files the renderer may read


def test_only_media_and_static_files_are_readable(settings, tmp_path):
    media = tmp_path / "media"
    (media / "images").mkdir(parents=True)
    (media / "images" / "chart.png").write_bytes(b"png")
    settings.MEDIA_ROOT = media
    font = settings.BASE_DIR / "static" / "fonts" / "Vazirmatn-Regular.ttf"

    assert pdf.local_file_for("file:///media/images/chart.png") == (media / "images" / "chart.png").resolve()
    assert pdf.local_file_for((media / "images" / "chart.png").as_uri()) is not None
    assert pdf.local_file_for(font.as_uri()) == font.resolve()
    assert pdf.local_file_for("file:///static/fonts/DejaVuSerif.ttf") is not None
    assert pdf.local_file_for("file:///etc/passwd") is None
    assert pdf.local_file_for("file:///media/../../etc/passwd") is None
    assert pdf.local_file_for("https://example.org/chart.png") is None


def test_the_url_fetcher_refuses_the_network(weasyprint):
    fetcher = pdf.local_url_fetcher()

    for url in ("https://example.org/chart.png", "http://127.0.0.1/x.css", "ftp://example.org/f.ttf"):
        with pytest.raises(ValueError, match="only local files"):
            fetcher(url)
    assert fetcher("data:text/plain,hi").read() == b"hi"


@pytest.mark.parametrize("language", ["en", "ru", "tr"])
def test_a_note_beginning_in_persian_keeps_its_order_in_the_pdf(client, article_index, weasyprint, language):
    article = article_with_mixed_direction_note(article_index)

    response = client.get(pdf_address(article, language))

    assert response.status_code == 200
    pieces = text_positions(response.content)
    ((title_x, title_y),) = [(x, y) for x, y, text in pieces if PERSIAN_TITLE in text]
    ((date_x, date_y),) = [(x, y) for x, y, text in pieces if text.strip().endswith(ACCESS_DATE)]
    assert date_y == title_y, "the source and the date stay on the Persian title's line"
    assert date_x > title_x, "the date follows the Persian title, to its right"
    on_the_line = [x for x, y, _text in pieces if y == date_y]
    assert date_x == max(on_the_line), "the date is the last thing in the note"


# Real PDFs of the demo's longest article


def fragments_to_find(note_html: str) -> list[str]:
    """The note's text in pieces worth finding, less its Arabic-script runs (extracted in visual order)."""
    text = unescape(strip_tags(note_html))
    return [squeezed(piece) for piece in ARABIC_SCRIPT.split(text) if len(squeezed(piece)) >= 8]


def test_the_longest_demo_article_as_pdf_in_russian_and_turkish(client, home_page, weasyprint, monkeypatch):
    load_demo_content()
    articles = list(ArticlePage.objects.live())
    longest = max(articles, key=lambda article: len(plain_text(article.body_en)))
    fetched = []
    real_local_file_for = pdf.local_file_for

    def recording_local_file_for(url):
        fetched.append(url)
        return real_local_file_for(url)

    monkeypatch.setattr(pdf, "local_file_for", recording_local_file_for)

    for language in ("ru", "tr"):
        assert exists_in(longest, language), language
        with translation.override(language):
            response = client.get(pdf_address(longest, language))
            title = longest.title
            _body, notes = render_body_with_footnotes(longest, {"page": longest})

        assert response.status_code == 200, language
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")
        text, fonts = pdf_text_and_fonts(response.content)
        assert squeezed(title) in squeezed(text), language
        fragments = fragments_to_find(notes[-1].html)
        assert fragments, notes[-1].html
        for fragment in fragments:
            assert fragment in squeezed(text), (language, fragment)
        assert all("Ankasam" in font for font in fonts), f"a font not shipped with the site: {fonts}"
        if any(ARABIC_SCRIPT.search(note.html) for note in notes):
            assert any("Vazirmatn" in font for font in fonts), fonts

    assert any(url.endswith("/fonts/Vazirmatn-Regular.ttf") for url in fetched)
    assert all(url.startswith("file:") for url in fetched)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_bio_only_in_turkish_is_in_the_pdf_marked_turkish(
    client, article_index, people_index, weasyprint, language
):
    author = PersonPageFactory(
        parent=people_index,
        title_en="Leyla Demir",
        title_ru="Лейла Демир",
        role_en="",
        short_bio_en="",
        bio_en="",
        bio_tr="<p>Hazar enerjisi üzerine yazıyor.</p>",
    )
    article = create_article(article_index, authors=[author], translations=written_in("Gas", "en", "ru"))

    with translation.override(language):
        html = render_to_string("articles/pdf/article.html", pdf.pdf_context(article))
    response = client.get(pdf_address(article, language))

    assert re.search(r'<div lang="tr" dir="ltr">\s*<p>Hazar enerjisi üzerine yazıyor\.</p>', html)
    text, _fonts = pdf_text_and_fonts(response.content)
    assert squeezed("Hazar enerjisi üzerine yazıyor.") in squeezed(text)
