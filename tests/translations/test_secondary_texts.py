"""A bio or a topic name without a translation is shown in its own language, and says so."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from ankasam.translations.secondary import text_in_language

from ..articles.factories import create_article, text_with_notes
from ..images.factories import saved_image
from ..people.factories import PersonPageFactory
from ..taxonomy.factories import TopicFactory

pytestmark = pytest.mark.django_db


def element(html, css_class):
    return re.search(rf'<\w+ class="{css_class}"[^>]*>', html).group(0)


def test_untranslated_bio_and_role_are_marked_with_their_language(client, article_index, people_index):
    author = PersonPageFactory(parent=people_index, bio_en="<p>Writes on Caspian energy.</p>")
    topic = TopicFactory(name_en="Energy", name_ru="Энергетика")
    blocks, notes = text_with_notes(1)
    article = create_article(
        article_index,
        authors=[author],
        topics=[topic],
        translations={
            "en": {"title": "Gas", "blocks": blocks, "notes": notes},
            "ru": {"title": "Газ", "blocks": blocks, "notes": notes},
        },
    )
    with override("ru"):
        url = article.url

    html = client.get(url).content.decode()

    assert '<html lang="ru" dir="ltr"' in html
    assert element(html, "author-bio__bio").endswith('lang="en" dir="ltr">')
    assert element(html, "author-bio__role").endswith('lang="en" dir="ltr">')
    assert re.search(r'<a class="article__topic" href="[^"]+">Энергетика</a>', html)


def test_translated_bio_carries_no_foreign_marking(client, people_index):
    author = PersonPageFactory(
        parent=people_index, bio_tr="<p>Hazar enerjisi üzerine yazıyor.</p>", role_tr="Araştırmacı"
    )
    with override("tr"):
        url = author.url

    html = client.get(url).content.decode()

    assert '<div class="person__bio rich-text">' in html and "Hazar enerjisi" in html
    assert '<p class="person__role">Araştırmacı</p>' in html


def turkish_only_author(people_index):
    return PersonPageFactory(
        parent=people_index,
        title_en="Leyla Demir",
        title_ru="Лейла Демир",
        role_en="",
        short_bio_en="",
        bio_en="",
        role_tr="Kıdemli Araştırmacı",
        bio_tr="<p>Hazar enerjisi üzerine yazıyor.</p>",
    )


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_bio_only_in_turkish_is_shown_marked_turkish(client, article_index, people_index, language):
    author = turkish_only_author(people_index)
    blocks, notes = text_with_notes(1)
    article = create_article(
        article_index,
        authors=[author],
        translations={
            code: {"title": f"Gas {code}", "blocks": blocks, "notes": notes} for code in ("en", "ru")
        },
    )
    with override(language):
        urls = [article.url, author.url]

    for url in urls:
        html = client.get(url).content.decode()
        assert f'<html lang="{language}"' in html
        # The whole bio on the person's page, its opening at the end of the article.
        bio = r'<(div|p) class="[^"]*bio( rich-text)?" lang="tr" dir="ltr">\s*(<p>)?Hazar enerjisi'
        assert re.search(bio, html), url
        assert re.search(r'<p class="[^"]*role" lang="tr" dir="ltr">Kıdemli Araştırmacı</p>', html), url


def test_secondary_texts_fall_back_to_the_original_language_then_any(article_index):
    blocks, notes = text_with_notes(1)
    texts = {code: {"title": f"Gas {code}", "blocks": blocks, "notes": notes} for code in ("en", "tr", "ru")}
    texts["tr"]["standfirst"] = "Türkçe özet."
    texts["ru"]["standfirst"] = "Краткое содержание."
    written_in_russian = create_article(article_index, translations=texts, original_language="ru")
    topic = TopicFactory(name_en="", name_ru="Энергетика")

    standfirst = text_in_language(written_in_russian, "standfirst", "en")
    name = text_in_language(topic, "name", "tr")

    assert (str(standfirst), standfirst.language) == ("Краткое содержание.", "ru")
    assert (str(name), name.language) == ("Энергетика", "ru")
    assert str(text_in_language(written_in_russian, "standfirst", "tr")) == "Türkçe özet."


def test_a_caption_only_in_russian_is_shown_marked_russian_on_the_english_page(client, article_index):
    image = saved_image(
        "Harbour",
        file_name="harbour.png",
        size=(800, 450),
        colour=(40, 90, 120),
        caption_ru="Гавань Актау на рассвете.",
    )
    article = create_article(article_index, hero_image=image)
    with override("en"):
        url = article.url

    html = client.get(url).content.decode()

    assert '<span lang="ru" dir="ltr">Гавань Актау на рассвете.</span>' in html


def test_a_bio_falls_back_to_the_persons_own_language_before_the_sites_order(people_index):
    # Written in Russian first, later in Turkish; nothing in English, the default.
    person = PersonPageFactory(
        parent=people_index,
        original_language="ru",
        short_bio_en="",
        short_bio_tr="Türkçe özgeçmiş.",
        short_bio_ru="Русская.",
    )

    bio = text_in_language(person, "short_bio", "en")

    assert (str(bio), bio.language) == ("Русская.", "ru")
    assert str(text_in_language(person, "short_bio", "tr")) == "Türkçe özgeçmiş."


def test_a_person_whose_language_is_not_a_site_language_is_refused(people_index):
    person = PersonPageFactory(parent=people_index)
    person.original_language = "xx"

    with pytest.raises(ValidationError) as refusal:
        person.full_clean()

    assert "original_language" in refusal.value.message_dict
