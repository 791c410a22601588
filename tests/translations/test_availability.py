"""Which languages a piece exists in, and what readers of each language are shown."""

import re

import pytest
from django.utils.translation import override

from ankasam.articles.content import paragraph
from ankasam.articles.models import ArticlePage
from ankasam.articles.queries import published_articles, similar_articles
from ankasam.translations.availability import existing_in, exists_in, languages_of

from ..articles.factories import create_article, text_with_notes
from ..taxonomy.factories import TopicFactory

pytestmark = pytest.mark.django_db


def text(title, slug=None, notes=1):
    blocks, footnotes = text_with_notes(notes, prefix=title)
    return {"title": title, "slug": slug, "blocks": blocks, "notes": footnotes}


@pytest.fixture
def in_english_and_turkish(article_index):
    return create_article(
        article_index,
        translations={
            "en": text("Water talks", "water-talks"),
            "tr": text("Su görüşmeleri", "su-gorusmeleri"),
        },
    )


def test_a_piece_exists_where_title_and_body_are_written(article_index):
    article = create_article(
        article_index,
        translations={"en": text("Both"), "tr": {"title": "Yalnız başlık", "blocks": []}},
    )
    article.title_ru, article.body_ru = "", [paragraph("<p>Текст без заголовка.</p>")]
    article.save()

    assert languages_of(article) == ["en"]
    assert not exists_in(article, "tr") and not exists_in(article, "ru")


def test_the_query_filter_agrees_with_the_page(article_index, in_english_and_turkish):
    english_only = create_article(article_index)
    title_only = create_article(
        article_index, translations={"en": text("T"), "ru": {"title": "Т", "blocks": []}}
    )

    for language in ("en", "tr", "ru"):
        found = set(ArticlePage.objects.filter(existing_in(ArticlePage, language)))
        expected = {a for a in (in_english_and_turkish, english_only, title_only) if exists_in(a, language)}
        assert found == expected, language


def test_a_missing_translation_is_a_404_naming_the_languages_it_exists_in(client, in_english_and_turkish):
    response = client.get("/ru/analyses/water-talks/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="ru"' in html
    assert 'href="http://localhost/en/analyses/water-talks/" hreflang="en" lang="en"' in html
    assert 'href="http://localhost/tr/analizler/su-gorusmeleri/" hreflang="tr" lang="tr"' in html
    assert "Water talks" not in html and "Su görüşmeleri" not in html
    assert 'rel="canonical"' not in html


def test_each_translation_answers_at_its_own_slug(client, in_english_and_turkish):
    english = client.get("/en/analyses/water-talks/")
    turkish = client.get("/tr/analizler/su-gorusmeleri/")

    assert english.status_code == turkish.status_code == 200
    assert '<html lang="tr"' in turkish.content.decode() and "Su görüşmeleri" in turkish.content.decode()
    assert client.get("/tr/analizler/water-talks/").status_code == 404


def test_readers_find_only_pieces_written_in_their_language(client, article_index, in_english_and_turkish):
    topic = TopicFactory()
    english_only = create_article(article_index, title="Only in English", topics=[topic])
    in_english_and_turkish.topics = [topic]
    in_english_and_turkish.save_revision().publish()

    with override("tr"):
        assert list(published_articles()) == [in_english_and_turkish]
        assert similar_articles(in_english_and_turkish, [topic.pk], []) == []
    with override("en"):
        assert similar_articles(in_english_and_turkish, [topic.pk], []) == [english_only]

    turkish_index = client.get("/tr/analizler/").content.decode()
    assert "Su görüşmeleri" in turkish_index and "Only in English" not in turkish_index
    assert "Only in English" not in client.get("/tr/").content.decode()


def switcher_links(html):
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', switcher)[i][::-1] for i in range(2))


def test_the_switcher_keeps_the_page_where_it_exists_else_goes_home(client, in_english_and_turkish):
    html = client.get("/en/analyses/water-talks/").content.decode()

    assert switcher_links(html) == {"tr": "http://localhost/tr/analizler/su-gorusmeleri/", "ru": "/ru/"}


def test_the_404_page_switcher_offers_the_existing_translations(client, in_english_and_turkish):
    html = client.get("/ru/analyses/water-talks/").content.decode()

    assert switcher_links(html) == {
        "en": "http://localhost/en/analyses/water-talks/",
        "tr": "http://localhost/tr/analizler/su-gorusmeleri/",
    }
