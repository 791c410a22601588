"""A bio or a topic name without a translation is shown in its own language, and says so."""

import re

import pytest
from django.utils.translation import override

from ..articles.factories import create_article, text_with_notes
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
