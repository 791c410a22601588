"""Share cards: drawn in the page's language with real glyphs, served only where readers may look."""

import datetime
import io
import re

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from PIL import Image
from wagtail.models import PageViewRestriction

from ankasam.articles.models import ArticlePage
from ankasam.discovery import share_cards
from ankasam.discovery.share_cards import ShareCard, draw_share_card, fit_title, font_for, visual_order

from ..articles.factories import create_article, text_with_notes
from ..people.factories import PersonPageFactory
from ..taxonomy.factories import ArticleTypeFactory

TITLES = {
    "en": "Trans-Caspian gas after 2030",
    "tr": "Hazar ötesi gaz: İğdır'dan Şırnak'a çöğüş",
    "ru": "Транскаспийский газ после 2030 года: Ёлкин и Щукин",
    "fa": "خوانش رسانه‌های فارسی دربارهٔ آب و مرز",
}
MISSING_GLYPH = "\U000f0000"  # private use: no shipped font draws it, so it shows the "missing" box


def glyph(font, character: str) -> bytes:
    mask = font.getmask(character)
    return bytes(mask) + repr(mask.size).encode()


def has_glyph(font, character: str) -> bool:
    return glyph(font, character) != glyph(font, MISSING_GLYPH)


def png_size(data: bytes) -> tuple[int, int]:
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    return image.size


@pytest.mark.parametrize("language", TITLES)
def test_every_letter_of_the_title_is_drawn_with_a_font_that_has_it(language):
    title = TITLES[language]
    for word in title.split():
        font = font_for(word, 64, bold=True)
        for character in word:
            if character.isalpha():
                assert has_glyph(font, character), (language, word, character)

    card = draw_share_card(ShareCard(title, language, "ANKASAM", "Analysis", "Leyla Demir"))

    assert png_size(card) == (1200, 630)


def test_persian_words_use_vazirmatn_and_read_right_to_left():
    assert "Vazirmatn" in font_for("رسانه", 40).path
    assert "DejaVuSans" in font_for("Gas", 40).path
    # A Persian phrase inside an English title is laid out right to left, and the reverse.
    assert visual_order(["Reading", "رسانه", "فارسی", "today"], "ltr") == [
        "Reading",
        "فارسی",
        "رسانه",
        "today",
    ]
    assert visual_order(["خوانش", "BBC", "News", "امروز"], "rtl") == ["امروز", "BBC", "News", "خوانش"]


def test_a_right_to_left_title_is_set_against_the_right_margin():
    card = Image.open(io.BytesIO(draw_share_card(ShareCard(TITLES["fa"], "fa", "ANKASAM")))).convert("L")
    title_band = card.crop((0, 210, 1200, 330))
    ink = [x for x in range(1200) if any(title_band.getpixel((x, y)) < 100 for y in range(0, 120, 3))]
    assert ink and max(ink) > 1200 - share_cards.MARGIN - 10
    assert min(ink) > share_cards.MARGIN + 20


def test_a_long_title_is_cut_with_an_ellipsis_and_stays_inside_the_card():
    title = " ".join(["Pipelines, ports and the politics of transit in the wider Black Sea"] * 6)

    size, lines = fit_title(title, 1040, 300)

    assert size == 40
    assert len(lines) * size * 1.25 <= 300
    assert lines[-1][-1].endswith("…")
    assert all(share_cards.line_width(line, size, True) <= 1040 for line in lines)


def test_cards_differ_by_what_they_say():
    english = draw_share_card(ShareCard(TITLES["en"], "en", "ANKASAM"))
    russian = draw_share_card(ShareCard(TITLES["ru"], "ru", "ANKASAM"))
    assert english != russian


# Served cards


@pytest.fixture
def article(article_index, people_index):
    author = PersonPageFactory(parent=people_index, title_en="Leyla Demir", title_tr="Leyla Demir")
    blocks, notes = text_with_notes(1)
    return create_article(
        article_index,
        translations={
            "en": {"title": "Gas after 2030", "blocks": blocks, "notes": notes},
            "tr": {"title": "2030'dan sonra gaz", "blocks": blocks, "notes": notes},
        },
        authors=[author],
        article_type=ArticleTypeFactory(name_en="Analysis", name_tr="Analiz"),
    )


def card_address(page, language: str) -> str:
    with translation.override(language):
        return f"/{language}/share-card/{page.pk}.png"


def stored_cards(page) -> list[str]:
    folder = f"share-cards/{page.pk}"
    return sorted(default_storage.listdir(folder)[1]) if default_storage.exists(folder) else []


@pytest.mark.django_db
def test_a_card_is_served_as_png_drawn_once_and_cached_for_good(client, article, monkeypatch):
    drawn = []
    original = share_cards.draw_share_card
    monkeypatch.setattr(share_cards, "draw_share_card", lambda card: drawn.append(card) or original(card))

    current = f"{card_address(article, 'tr')}?v={article.live_revision_id}"
    first = client.get(current)
    again = client.get(current)

    assert first.status_code == again.status_code == 200
    assert first["Content-Type"] == "image/png"
    assert png_size(first.content) == (1200, 630)
    assert first.content == again.content
    assert "immutable" in first["Cache-Control"] and "max-age=31536000" in first["Cache-Control"]
    assert [card.title for card in drawn] == ["2030'dan sonra gaz"]
    assert drawn[0].kicker == "Analiz" and drawn[0].byline == "Leyla Demir" and drawn[0].language == "tr"
    assert re.fullmatch(rf"tr-{article.live_revision_id}-[0-9a-f]{{12}}\.png", stored_cards(article)[0])
    # Without the revision the address may show another picture tomorrow.
    assert "immutable" not in client.get(card_address(article, "tr"))["Cache-Control"]


@pytest.mark.django_db
def test_a_new_revision_draws_a_new_card_and_drops_the_old(client, article):
    client.get(card_address(article, "en"))
    client.get(card_address(article, "tr"))
    old = stored_cards(article)

    article = ArticlePage.objects.get(pk=article.pk)
    article.title_en = "Gas after 2035"
    article.save_revision().publish()
    article.refresh_from_db()
    client.get(card_address(article, "en"))

    now = stored_cards(article)
    assert len(old) == len(now) == 2
    assert [name for name in now if name.startswith("tr-")] == [
        name for name in old if name.startswith("tr-")
    ]
    assert next(name for name in now if name.startswith("en-")).startswith(f"en-{article.live_revision_id}-")


@pytest.mark.django_db
def test_no_card_where_readers_may_not_see_the_page(client, article, article_index):
    assert client.get(card_address(article, "ru")).status_code == 404  # not written in Russian
    assert client.get("/en/share-card/999999.png").status_code == 404
    assert client.get("/en/share-card/1.png").status_code == 404  # the tree's root

    draft = create_article(article_index, title="Draft", live=False)
    assert client.get(card_address(draft, "en")).status_code == 404

    expired = create_article(article_index, title="Expired")
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    assert client.get(card_address(expired, "en")).status_code == 404

    private = create_article(article_index, title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    assert client.get(card_address(private, "en")).status_code == 404
    assert client.get(card_address(article, "en")).status_code == 200


@pytest.mark.django_db
def test_a_page_without_an_image_points_previews_at_its_card(client, article):
    with translation.override("tr"):
        html = client.get(article.get_url()).content.decode()
    expected = f"http://localhost/tr/share-card/{article.pk}.png?v={article.live_revision_id}"
    assert f'<meta property="og:image" content="{expected}">' in html
    assert f'<meta name="twitter:image" content="{expected}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
