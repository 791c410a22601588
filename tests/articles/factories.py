"""Articles for tests, built through ankasam.articles.content like every other body."""

import datetime
import itertools

import factory

from ankasam.articles.content import Note, paragraph, write_article_translation
from ankasam.articles.models import ArticleIndexPage, ArticlePage, ArticlePageAuthor, ArticlePageRelated

from ..core.factories import ChildPageFactory

_sequence = itertools.count(1)
# Default publication dates count from the start of 2026 in each test (the root conftest resets
# them). Counted over a whole run they passed into 2027 after a few hundred articles, so a test
# filtering by the year 2026 passed or failed by how many tests its process had run before it.
_days = itertools.count(1)


def reset_default_dates():
    global _days
    _days = itertools.count(1)


def text_with_notes(count: int, prefix: str = "Claim") -> tuple[list, list[Note]]:
    """One paragraph per note, each referring to its note once."""
    blocks = [paragraph(f"<p>{prefix} {n} rests on a source.[^{n}]</p>") for n in range(1, count + 1)]
    notes = [Note(str(n), f"<p>{prefix} source {n}, p. {n}.</p>") for n in range(1, count + 1)]
    return blocks, notes


def create_article(
    parent,
    *,
    title: str | None = None,
    translations: dict | None = None,
    authors=(),
    topics=(),
    regions=(),
    tags=(),
    related=(),
    publication_date: datetime.date | None = None,
    live: bool = True,
    footnote_count: int = 2,
    **fields,
) -> ArticlePage:
    """Create (and publish, unless live=False) an article.

    `translations` maps a language to write_article_translation keyword arguments; by default the
    article exists in English only, with `footnote_count` notes.
    """
    number = next(_sequence)
    title = title or f"Article {number}"
    if translations is None:
        blocks, notes = text_with_notes(footnote_count)
        translations = {"en": {"title": title, "blocks": blocks, "notes": notes, "standfirst": "A summary."}}
    article = ArticlePage(
        publication_date=publication_date or datetime.date(2026, 1, 1) + datetime.timedelta(days=next(_days)),
        live=False,
        **fields,
    )
    for language, text in translations.items():
        write_article_translation(article, language, **text)
    article.topics = list(topics)
    article.regions = list(regions)
    # Tags (or words naming them) are kept on the page's cluster until it is saved.
    article.tags.add(*tags)
    article.article_authors = [ArticlePageAuthor(person=p, sort_order=i) for i, p in enumerate(authors)]
    article.related_links = [ArticlePageRelated(article=a, sort_order=i) for i, a in enumerate(related)]
    parent.add_child(instance=article)
    revision = article.save_revision()
    if live:
        revision.publish()
        article.refresh_from_db()
    return article


def written_in(title: str, *languages: str) -> dict:
    """`translations` for create_article: the piece in each language, titled "<title> <language>"."""
    blocks, notes = text_with_notes(1)
    return {
        language: {
            "title": f"{title} {language}",
            "slug": f"{title.lower()}-{language}",
            "blocks": blocks,
            "notes": notes,
        }
        for language in languages
    }


class ArticleIndexPageFactory(ChildPageFactory):
    """The analyses section, in English and Turkish, added (live) under `parent`, a HomePage."""

    title_en = "Analyses"
    slug_en = "analyses"
    title_tr = "Analizler"
    slug_tr = "analizler"

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(factory.Factory):
    """A published article under `parent` (an ArticleIndexPage): create_article's keywords, as a factory.

    The body is written by create_article, through the same code as every other body, so this
    factory declares nothing of its own: its defaults are create_article's.
    """

    class Meta:
        model = ArticlePage

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        return create_article(parent, **kwargs)


# A source note as editors type it in an English piece: a Persian title first, then Latin text.
PERSIAN_TITLE = "به چهار دلیل روسیه از طالبان پشتیبانی میکند"
ACCESS_DATE = "20.06.2022)."
MIXED_DIRECTION_NOTES = {
    "en": f"“{PERSIAN_TITLE}”, Hasht-e Subh, (accessed {ACCESS_DATE}",
    "ru": f"“{PERSIAN_TITLE}”, Hasht-e Subh, (дата обращения {ACCESS_DATE}",
    "tr": f"“{PERSIAN_TITLE}”, Hasht-e Subh, (erişim {ACCESS_DATE}",
}


def article_with_mixed_direction_note(parent) -> ArticlePage:
    """Published in English, Russian and Turkish, each with one note beginning in Persian."""
    translations = {
        language: {
            "title": f"Moscow and the Taliban {language}",
            "slug": f"moscow-and-the-taliban-{language}",
            "blocks": [paragraph("<p>Moscow's reasons were listed in the Persian press.[^1]</p>")],
            "notes": [Note("1", f"<p>{note}</p>")],
        }
        for language, note in MIXED_DIRECTION_NOTES.items()
    }
    return create_article(parent, translations=translations)
