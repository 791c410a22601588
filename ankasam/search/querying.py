"""Finding articles in the reader's language, best match first, with highlighted excerpts.

PostgreSQL matches the stored vectors through their GIN index, stemmed in the language's
configuration; SQLite (development and the fallback leg of the tests) requires every word as a
substring. Both answer the same interface: `search_articles` returns `SearchResults`, which a
Paginator counts and slices; only the slice shown is loaded as articles, with its excerpts.
"""

import re
from dataclasses import dataclass
from functools import cached_property, reduce
from operator import or_

from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, TextField, Value
from django.db.models.functions import Concat, Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from ankasam.articles.models import ArticlePage
from ankasam.articles.queries import CARD_FIELDS, published_articles
from ankasam.core.published import cached_until_published
from ankasam.core.visibility import visible_to_readers

from .indexing import HIGHLIGHT_START, HIGHLIGHT_STOP
from .models import SearchEntry, text_search_config
from .normalise import ZWNJ, normalise_for_search, without_zwnj

MAX_QUERY_LENGTH = 200
COUNT_LIMIT = 1000
MAX_WORDS = 12
# Shorter words are matched whole: `ab:*` would match half the dictionary.
MIN_PREFIX_LENGTH = 3
# ts_rank weights for D, C, B, A: the title counts most, then the standfirst, then the rest.
RANK_WEIGHTS = [0.05, 0.2, 0.5, 1.0]
# Divide the rank by 1 + log(length): a long report does not win by length alone.
RANK_NORMALIZATION = 1
EXCERPT_WORDS = 30
# The entry keeps the article's publication date, so ties are broken without joining the articles.
NEWEST_ENTRIES_FIRST = ("-publication_date", "-page_id")
WORD = re.compile(r"[^\W_]+")
SEARCHED_COLUMNS = ("title", "standfirst", "text")
# Control characters (NUL, which PostgreSQL refuses in text, among them) and the highlight markers.
UNSAFE_IN_QUERY = re.compile(f"[\x00-\x08\x0b-\x1f\x7f{HIGHLIGHT_START}{HIGHLIGHT_STOP}]")


@dataclass(frozen=True)
class Query:
    text: str
    truncated: bool


def clean_query(raw: str | None) -> Query:
    """The query as searched: control characters dropped, spaces collapsed, at most MAX_QUERY_LENGTH."""
    text = " ".join(UNSAFE_IN_QUERY.sub(" ", raw or "").split())
    return Query(text[:MAX_QUERY_LENGTH].strip(), len(text) > MAX_QUERY_LENGTH)


@dataclass(frozen=True)
class Terms:
    required: list[str]
    excluded: list[str]


def query_terms(text: str) -> Terms:
    """Words to find and words to exclude (`-word`); `or` and quotes are left to PostgreSQL's parser.

    A word typed with a zero-width non-joiner counts as its parts (`می‌شود` as `می` and `شود`),
    as PostgreSQL's parser reads it.
    """
    required, excluded = [], []
    for token in text.casefold().split():
        if token == "or":
            continue
        words = WORD.findall(token)
        (excluded if token.startswith("-") else required).extend(words)
    return Terms(required[:MAX_WORDS], excluded[:MAX_WORDS])


def search_articles(query: str, language: str, within=None) -> "SearchResults":
    """What readers of `language` may find for `query`, best first, then newest.

    `within` narrows the candidates (an ArticlePage queryset, e.g. the listing filters' result).
    The query is normalised as the indexed text is: `ي` finds `ی`, `١٢` finds `۱۲` and `12`.
    """
    query = normalise_for_search(query)
    matches = SearchEntry.objects.filter(language=language)
    if within is not None:
        matches = matches.filter(page_id__in=within.values("pk"))
    if connection.vendor == "postgresql":
        matches = ranked_entries(matches, query, language)
    else:
        matches = substring_entries(matches, query)
    return SearchResults(matches, query, language)


def visible_page():
    """The entry's page, if readers may see it now: live, not expired, not private.

    Checked when searching because an expiry changes nothing in the table until the timer
    unpublishes the page. Whether the article exists in the language is what the entry itself
    says (entries are written per language on every publish), so matches are counted without
    reading article bodies; the articles shown are checked against the whole rule again.
    """
    return visible_to_readers(Page.objects.filter(pk=OuterRef("page_id")))


def articles_readers_may_see() -> frozenset[int]:
    """The ids of every article readers may see now, kept until the next publish or expiry.

    Asking it of the first thousand matches' ids in a query of their own (a thousand parameters,
    the private sections' rule) was a tenth of a broad search; a set is a few hundred kilobytes
    for a hundred thousand articles.
    """
    return cached_until_published(
        "articles-readers-may-see",
        lambda: frozenset(visible_to_readers(ArticlePage.objects.all()).values_list("pk", flat=True)),
    )


# Entries whose page readers may no longer see (an expiry, an unpublish the worker has not yet
# taken up) are rare: this many more than a count needs are read, so that a few of them among
# the first matches still leave enough.
LAGGING_ENTRIES_MARGIN = 50


class SearchResults:
    """Matching entries, counted and sliced by a Paginator; a slice is the articles it names.

    Counting stops at COUNT_LIMIT: past a thousand matches nobody pages on. The count and the
    pages within it come from the ids of the first COUNT_LIMIT + 1 matches readers may see, in
    order: ranking orders every match anyway, so a count of its own was the same work twice.
    Whether readers may see a match is asked of those ids afterwards, not of every match inside
    the ranking query (an index lookup of its page per match was half the time of a broad
    search); `entries` asks it inside, for pages past them and in the rare case that more than
    LAGGING_ENTRIES_MARGIN of the first matches lag. `more_than_counted` says there were more.
    """

    def __init__(self, matches, query: str, language: str):
        self.matches, self.query, self.language = matches, query, language
        self.more_than_counted = False
        self._first_ids = None

    @cached_property
    def entries(self):
        """The matches whose page readers may see, asked inside the query (built only if needed)."""
        return self.matches.filter(Exists(visible_page()))

    def first_ids(self) -> list[int]:
        if self._first_ids is None:
            wanted = COUNT_LIMIT + 1
            candidates = list(
                self.matches.values_list("page_id", flat=True)[: wanted + LAGGING_ENTRIES_MARGIN]
            )
            visible = articles_readers_may_see()
            ids = [pk for pk in candidates if pk in visible][:wanted]
            if len(ids) < wanted and len(candidates) == wanted + LAGGING_ENTRIES_MARGIN:
                ids = list(self.entries.values_list("page_id", flat=True)[:wanted])
            self._first_ids = ids
            self.more_than_counted = len(ids) > COUNT_LIMIT
        return self._first_ids

    def count(self) -> int:
        return min(len(self.first_ids()), COUNT_LIMIT)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        if index.stop is not None and index.stop <= COUNT_LIMIT:
            page_ids = self.first_ids()[index]
        else:
            page_ids = list(self.entries.values_list("page_id", flat=True)[index])
        return shown_articles(page_ids, self.query, self.language)


def shown_articles(page_ids: list[int], query: str, language: str) -> list:
    """The articles of one page of results, in order, with their type and excerpt; constant queries.

    `published_articles` is applied again: the visibility rule, not the index, decides what is shown.
    The authors are the bylines' (`articles.kept_parts.bylines_html`), read only where not kept.
    """
    articles = (
        published_articles(language).filter(pk__in=page_ids).only(*CARD_FIELDS).select_related("article_type")
    )
    by_pk = {article.pk: article for article in articles}
    shown = [by_pk[pk] for pk in page_ids if pk in by_pk]
    excerpts = (headlines if connection.vendor == "postgresql" else python_excerpts)(
        [article.pk for article in shown], query, language
    )
    for article in shown:
        article.excerpt = excerpts.get(article.pk, "")
    return shown


# PostgreSQL


def prefix_query(text: str) -> str:
    """`to_tsquery` text matching every word as the prefix of a stemmed word.

    PostgreSQL's Turkish stemmer turns `ekonomi` into `ekono` but `ekonomisinin` into `ekonomi`,
    so the stemmed query alone misses inflected forms; `ekonomi:*`, stemmed to `ekono:*`, finds
    them. Words hold letters and digits only, so nothing in them is tsquery syntax. A quoted
    phrase or an `or` asks for something a list of prefixes cannot say: "" then.
    """
    if '"' in text or "or" in text.casefold().split():
        return ""
    clauses, excluded, required = [], [], 0
    for token in text.casefold().split():
        parts = WORD.findall(token)
        if token.startswith("-"):
            excluded += [f"!{part}" for part in parts][: MAX_WORDS - len(excluded)]
            continue
        parts = parts[: MAX_WORDS - required]
        required += len(parts)
        if not parts:
            continue
        if ZWNJ in token and len(parts) > 1:
            # Typed with a ZWNJ: its parts find a text that writes it with one or with a space,
            # the joined form a text that writes it with nothing between (`میشود`).
            joined = "".join(WORD.findall(without_zwnj(token)))
            clauses.append(f"({' & '.join(map(prefix, parts))} | {prefix(joined)})")
        else:
            clauses += map(prefix, parts)
    return " & ".join(clauses + excluded) if clauses else ""


def prefix(word: str) -> str:
    return f"{word}:*" if len(word) >= MIN_PREFIX_LENGTH else word


@dataclass(frozen=True)
class TextSearch:
    match: object  # what an entry must match: the stemmed query or its prefix form
    rank: object  # what ranks the matches


def text_search(text: str, language: str) -> TextSearch:
    """The language's stemmed web-search query, widened by its prefix form when it has one.

    The prefix form (every stemmed word as a prefix, so exact stems included) ranks: ranking by
    both forms at once cost twice as much on broad searches for nearly the same order.
    """
    from django.contrib.postgres.search import SearchQuery

    config = text_search_config(language)
    stemmed = SearchQuery(text, config=config, search_type="websearch")
    prefixes = prefix_query(text)
    if not prefixes:
        return TextSearch(stemmed, stemmed)
    prefixed = SearchQuery(prefixes, config=config, search_type="raw")
    return TextSearch(stemmed | prefixed, prefixed)


def ranked_entries(entries, text: str, language: str):
    from django.contrib.postgres.search import SearchRank

    search = text_search(text, language)
    rank = SearchRank(F("search_vector"), search.rank, weights=RANK_WEIGHTS, normalization=RANK_NORMALIZATION)
    matches = entries.filter(search_vector=search.match)
    return matches.annotate(rank=rank).order_by("-rank", *NEWEST_ENTRIES_FIRST)


def highlight_query(text: str, language: str):
    """What the excerpt marks: the words of the query's stems, and words beginning with a word as typed.

    Not the prefix form that matching uses: `газа` is stemmed to `газ`, and `газ:*` would mark
    `газеты` (newspapers) in a text about gas. A word as typed, as a prefix, still marks the
    Turkish inflections the stemmer parts from their bare form (`ekonomi` is stemmed to `ekono`,
    `ekonomisinin` to `ekonomi`, which begins with the typed `ekonomi`).
    """
    from django.contrib.postgres.search import SearchQuery

    stemmed = SearchQuery(text, config=text_search_config(language), search_type="websearch")
    typed = " | ".join(dict.fromkeys(map(prefix, query_terms(text).required)))
    # `simple`: the typed word lower-cased, not stemmed again.
    return stemmed | SearchQuery(typed, config="simple", search_type="raw") if typed else stemmed


def headlines(page_ids: list[int], text: str, language: str) -> dict[int, SafeString]:
    from django.contrib.postgres.search import SearchHeadline

    headline = SearchHeadline(
        Concat("standfirst", Value("\n"), "text", output_field=TextField()),
        highlight_query(text, language),
        config=text_search_config(language),
        start_sel=HIGHLIGHT_START,
        stop_sel=HIGHLIGHT_STOP,
        max_words=EXCERPT_WORDS,
        min_words=EXCERPT_WORDS // 2,
        max_fragments=2,
        fragment_delimiter=" … ",
    )
    rows = (
        SearchEntry.objects.filter(language=language, page_id__in=page_ids)
        .annotate(headline=headline)
        .values_list("page_id", "headline")
    )
    return {page_id: marked(excerpt) for page_id, excerpt in rows}


MARKED = re.compile(f"{HIGHLIGHT_START}(.*?){HIGHLIGHT_STOP}", re.DOTALL)


def marked(headline: str) -> SafeString:
    """The headline escaped, its highlighted words in <mark>: nothing of the text is markup."""
    pieces = MARKED.split(headline)
    # split() with a group alternates plain text and highlighted words.
    html = "".join(
        escape(piece) if i % 2 == 0 else f"<mark>{escape(piece)}</mark>" for i, piece in enumerate(pieces)
    )
    return mark_safe(html.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_STOP, ""))


# SQLite


def substring_entries(entries, text: str):
    """Entries holding every required word and none excluded, in any case (ASCII only on SQLite).

    The columns are read without their zero-width non-joiners, so that `می‌شود` is found whether
    the query writes it with one (its parts), a space (the same parts) or nothing (`میشود`).
    """
    entries = entries.alias(
        **{
            f"joined_{column}": Replace(column, Value(ZWNJ), Value(""), output_field=TextField())
            for column in SEARCHED_COLUMNS
        }
    )
    terms = query_terms(text)
    if not terms.required:
        return entries.none()
    for word in terms.required:
        entries = entries.filter(contains_word(word))
    for word in terms.excluded:
        entries = entries.exclude(contains_word(word))
    return entries.order_by(*NEWEST_ENTRIES_FIRST)


def contains_word(word: str) -> Q:
    return reduce(or_, (Q(**{f"joined_{column}__icontains": word}) for column in SEARCHED_COLUMNS))


def highlighted_excerpt(source: str, words: list[str]) -> SafeString:
    """About EXCERPT_WORDS words from shortly before the first match, escaped, each match in <mark>."""
    tokens = source.split()
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    first = next((i for i, token in enumerate(tokens) if words and pattern.search(token)), 0)
    start = max(first - EXCERPT_WORDS // 4, 0)
    fragment = " ".join(tokens[start : start + EXCERPT_WORDS])
    pieces, position = ["… " if start else ""], 0
    for match in pattern.finditer(fragment) if words else ():
        pieces += [escape(fragment[position : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        position = match.end()
    pieces.append(escape(fragment[position:]))
    return mark_safe("".join(pieces))


def python_excerpts(page_ids: list[int], text: str, language: str) -> dict[int, SafeString]:
    words = query_terms(text).required
    rows = SearchEntry.objects.filter(language=language, page_id__in=page_ids).values_list(
        "page_id", "standfirst", "text"
    )
    return {
        page_id: highlighted_excerpt(f"{standfirst}\n{body}", words) for page_id, standfirst, body in rows
    }
