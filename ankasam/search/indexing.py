"""Keeping the search table in step with what readers may see.

An article has an entry per language it exists in while it is visible to readers (live, not
expired, not private); every change goes through `index_articles`, which rebuilds the entries of
the articles it is given from the database, so the signal handlers, the demo loader and
`rebuild_search_index` all end in the same state.
"""

import re
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Replace

from ankasam.articles.models import ArticlePage
from ankasam.articles.text import reader_text
from ankasam.core.languages import field_in
from ankasam.core.text import html_to_text
from ankasam.core.visibility import visible_to_readers
from ankasam.translations.secondary import text_in_language
from ankasam.translations.states import language_states

from .models import SearchEntry, text_search_config
from .normalise import ZWNJ, normalise_for_search

BATCH_SIZE = 200
# Characters PostgreSQL refuses in text (NUL) or that the excerpts use as highlight markers.
HIGHLIGHT_START, HIGHLIGHT_STOP = "\ue000", "\ue001"
UNSTORABLE = re.compile(f"[\x00{HIGHLIGHT_START}{HIGHLIGHT_STOP}]")
# The words of a text that hold no zero-width non-joiner, with the space before them (PostgreSQL
# regular expression): what is left are the compounds written with one (`می‌شود`).
WORD_WITHOUT_ZWNJ = rf"(^|\s)[^\s{ZWNJ}]+(?=\s|$)"


def clean_text(text: str) -> str:
    """The text as stored and searched: one spelling of variant letters (`normalise_for_search`)."""
    return UNSTORABLE.sub("", normalise_for_search(text)).strip()


def body_words(article: ArticlePage, language: str) -> str:
    return reader_text(field_in(article, "body", language))


def note_words(article: ArticlePage, language: str) -> list[str]:
    notes = field_in(article, "footnotes", language) or []
    return [html_to_text(block.value["text"].source) for block in notes]


def classification_words(article: ArticlePage, language: str) -> list[str]:
    """Names a reader of `language` sees on the article: authors, type, topics, regions, tags."""
    terms = [link.person for link in article.article_authors.all()]
    names = [str(text_in_language(person, "title", language)) for person in terms]
    # By id, not the models' ordering: that orders by the name in the active language, which
    # differs between a publish (the editor's language) and a rebuild.
    by_id = [
        sorted(related.all(), key=lambda term: term.pk)
        for related in (article.topics, article.regions, article.tags)
    ]
    terms = [article.article_type, *(term for group in by_id for term in group)]
    names += [str(text_in_language(term, "name", language)) for term in terms if term is not None]
    return names


def entry_for(article: ArticlePage, language: str) -> SearchEntry:
    text = "\n".join(
        part
        for part in [body_words(article, language), *note_words(article, language)]
        + classification_words(article, language)
        if part
    )
    return SearchEntry(
        page_id=article.pk,
        language=language,
        title=clean_text(field_in(article, "title", language)),
        standfirst=clean_text(field_in(article, "standfirst", language)),
        text=clean_text(text),
        publication_date=article.publication_date,
    )


def entries_for(article: ArticlePage) -> list[SearchEntry]:
    """One entry per language the article is written in; `indexable_articles` keeps to published ones."""
    return [entry_for(article, code) for code, state in language_states(article).items() if state.written]


def indexable_articles():
    """The articles readers may see, with what their entries name, in a constant number of queries."""
    return (
        visible_to_readers(ArticlePage.objects.all())
        .select_related("article_type")
        .prefetch_related("article_authors__person", "topics", "regions", "tags")
    )


def store_vectors(entries):
    """Compute the stemmed vectors of `entries` (a SearchEntry queryset) in the database.

    Title, standfirst and the rest are weighted A, B and C, each stemmed with the entry's
    language's configuration. SQLite has no vectors; its search reads the text columns.
    """
    if connection.vendor != "postgresql":
        return
    from django.contrib.postgres.search import SearchVector

    for language in entries.values_list("language", flat=True).distinct().order_by():
        config = text_search_config(language)
        vector = (
            SearchVector("title", joined_compounds("title"), config=config, weight="A")
            + SearchVector("standfirst", joined_compounds("standfirst"), config=config, weight="B")
            + SearchVector("text", joined_compounds("text"), config=config, weight="C")
        )
        entries.filter(language=language).update(search_vector=vector)


def joined_compounds(column: str) -> Func:
    """The column's words written with a zero-width non-joiner, joined: `می‌شود` also as `میشود`.

    PostgreSQL's parser splits `می‌شود` into `می` and `شود`, which a query typed with the ZWNJ or
    with a space finds; one typed with nothing between the parts (`میشود`) finds the joined form.
    Words without a ZWNJ are left out, so other languages' vectors do not grow.
    """
    compounds = Func(
        F(column),
        Value(WORD_WITHOUT_ZWNJ),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )
    return Replace(compounds, Value(ZWNJ), Value(""), output_field=TextField())


def index_articles(page_ids: Iterable[int]) -> int:
    """Rebuild the entries of these articles from what readers may see now; returns entries written."""
    page_ids = list(dict.fromkeys(page_ids))
    written = 0
    for start in range(0, len(page_ids), BATCH_SIZE):
        batch = page_ids[start : start + BATCH_SIZE]
        articles = indexable_articles().filter(pk__in=batch)
        entries = [entry for article in articles for entry in entries_for(article)]
        with transaction.atomic():
            SearchEntry.objects.filter(page_id__in=batch).delete()
            SearchEntry.objects.bulk_create(entries)
            store_vectors(SearchEntry.objects.filter(page_id__in=batch))
        written += len(entries)
    return written


@transaction.atomic
def rebuild_index() -> int:
    """Empty the table and index every article readers may see; readers see the old index until commit."""
    SearchEntry.objects.all().delete()
    page_ids = visible_to_readers(ArticlePage.objects.all()).order_by("pk").values_list("pk", flat=True)
    return index_articles(page_ids)
