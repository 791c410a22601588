"""Importing into one language of an existing article: that language replaced, the others untouched."""

from io import StringIO

import pytest
from django.core.management import call_command

from ankasam.articles.models import ArticlePage

from ..articles.factories import create_article, written_in
from .documents import PERSIAN_NOTE, analysis_docx

pytestmark = pytest.mark.django_db


def import_into(tmp_path, page, language, data, *extra) -> str:
    path = tmp_path / "translation.docx"
    path.write_bytes(data)
    out = StringIO()
    call_command("import_docx", str(path), "--page", str(page.pk), "--language", language, *extra, stdout=out)
    return out.getvalue()


def test_importing_twice_into_turkish_replaces_turkish_only(tmp_path, article_index, preview_of):
    article = create_article(article_index, translations=written_in("Caspian", "en", "tr"), live=True)
    english_body = list(article.body_en.raw_data)
    revisions = article.revisions.count()

    output = import_into(tmp_path, article, "tr", analysis_docx(title="Moskova neden Taliban'a yakın"))
    import_into(
        tmp_path, article, "tr", analysis_docx(title="Moskova ve Taliban", extra_paragraph="İkinci sürüm.")
    )

    assert "Saved a new draft revision" in output
    article = ArticlePage.objects.get(pk=article.pk)
    assert ArticlePage.objects.count() == 1 and article.revisions.count() == revisions + 2
    # The live page is as it was: the imports are drafts.
    assert article.live and article.title_tr == "Caspian tr" and article.has_unpublished_changes
    draft = article.get_latest_revision_as_object()
    assert draft.title_tr == "Moskova ve Taliban"
    assert draft.slug_tr == "caspian-tr"  # the language's address is kept
    assert "İkinci sürüm." in str(draft.body_tr.render_as_block())
    assert [block.value["label"] for block in draft.footnotes_tr] == [str(n) for n in range(1, 10)]
    assert draft.footnotes_tr[1].value["text"].source == f"<p>{PERSIAN_NOTE}</p>"
    # English, in the draft and live, untouched.
    assert draft.title_en == "Caspian en" and list(draft.body_en.raw_data) == english_body
    assert [block.value["label"] for block in draft.footnotes_en] == ["1"]
    html = preview_of(article, "tr")
    assert "Moskova ve Taliban" in html and 'id="fn-9"' in html
    assert "Caspian en" in preview_of(article, "en")


def test_importing_a_language_the_article_lacks_adds_it(tmp_path, article_index):
    article = create_article(article_index, translations=written_in("Caspian", "en"), live=False)

    import_into(tmp_path, article, "ru", analysis_docx(title="Почему Москва"))

    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.title_ru == "Почему Москва" and draft.slug_ru == "pochemu-moskva"
    assert draft.title_en == "Caspian en"
