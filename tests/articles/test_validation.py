import pytest
from django.core.exceptions import ValidationError

from ankasam.articles.content import Note, paragraph, write_article_translation
from ankasam.articles.models import ArticlePage

pytestmark = pytest.mark.django_db


def article_with(language="en", blocks=(), notes=()):
    article = ArticlePage()
    write_article_translation(article, "en", title="English title", blocks=[paragraph("<p>Plain text.</p>")])
    write_article_translation(article, language, title="Başlık", blocks=list(blocks), notes=list(notes))
    return article


def test_a_reference_to_a_missing_note_is_refused_naming_the_language(article_index):
    article = article_with("tr", [paragraph("<p>Metin[^1] ve[^2].</p>")], [Note("1", "<p>Kaynak.</p>")])

    with pytest.raises(ValidationError) as error:
        article_index.add_child(instance=article)

    assert error.value.messages == ["Footnotes: TR: [^2] refers to a note that does not exist."]


def test_an_unreferenced_note_is_refused(article_index):
    article = article_with(
        "en", [paragraph("<p>Text[^1].</p>")], [Note("1", "<p>A</p>"), Note("2", "<p>B</p>")]
    )

    with pytest.raises(ValidationError, match="the note “2” is not referred to"):
        article_index.add_child(instance=article)


def test_reading_time_is_computed_per_language_when_saved(article_index):
    words = " ".join(["word"] * 700)
    article = article_with("tr", [paragraph(f"<p>{words}[^1]</p>")], [Note("1", "<p>Kaynak.</p>")])

    article_index.add_child(instance=article)

    assert article.reading_minutes == {"en": 1, "tr": 4, "ru": 0, "fa": 0}
