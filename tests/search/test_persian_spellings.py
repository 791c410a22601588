"""A Persian query finds a piece whatever letters it is typed with (docs/search.md, "Persian spellings").

The same word reaches the site as ی or ي/ى, ک or ك, with a zero-width non-joiner (ZWNJ), a space
or nothing between its parts, in Persian, Arabic-Indic or ASCII digits, with or without vowel
marks and tatweel. Both backends are tested: the suite runs on SQLite and on PostgreSQL.
"""

import pytest

from ankasam.core.languages import field_in
from ankasam.search.models import SearchEntry
from ankasam.search.normalise import ZWNJ, normalise_for_search
from ankasam.search.querying import prefix_query, search_articles

from .conftest import text

ARABIC_YEH, ALEF_MAKSURA, PERSIAN_YEH = "\u064a", "\u0649", "\u06cc"
ARABIC_KAF, PERSIAN_KAF = "\u0643", "\u06a9"
TATWEEL, FATHA, KASRA = "\u0640", "\u064e", "\u0650"


def persian(word: str, yeh: str = PERSIAN_YEH, kaf: str = PERSIAN_KAF, joiner: str = ZWNJ) -> str:
    """`word` written with its yeh, kaf and ZWNJ (`|`) typed as given."""
    return word.replace("ی", yeh).replace("ک", kaf).replace("|", joiner)


# "The government tries to register migrant workers": می‌کوشد (tries) has a ZWNJ, a yeh and a kaf.
SENTENCE = "دولت {verb} کارگران مهاجر را در سال ۱۴۰۳ ثبت کند."
VERB = "می|کوشد"


def titles(query: str, language: str = "fa") -> list[str]:
    return [field_in(article, "title", language) for article in search_articles(query, language)[:100]]


# The plain function


@pytest.mark.parametrize(
    ("typed", "indexed"),
    [
        (persian("کی", yeh=ARABIC_YEH, kaf=ARABIC_KAF), "کی"),
        ("مصطفى", "مصطفی"),
        ("١٤٠٣ / ۱۴۰۳ / 1403", "1403 / 1403 / 1403"),
        (f"ک{TATWEEL}{TATWEEL}ار", "کار"),
        (f"د{FATHA}ر{KASRA}", "در"),
        ("خانهٔ", "خانه"),  # ه and a combining hamza, as a Persian keyboard types the ezafe
        ("خانۀ", "خانه"),  # the precomposed heh with yeh above
        ("مسأله", "مساله"),  # the alef with hamza, typed as one letter or as alef and a mark
        ("مسأله", "مساله"),
        (persian("می|شود"), persian("می|شود")),  # the ZWNJ is kept: the query matches each way
        ("Ekonomi İstanbul'da, экономика", "Ekonomi İstanbul'da, экономика"),
    ],
)
def test_every_spelling_of_a_letter_becomes_one(typed, indexed):
    assert normalise_for_search(typed) == indexed


def test_a_compound_typed_with_a_zwnj_also_asks_for_its_joined_form():
    assert prefix_query(normalise_for_search(persian("ميكوشد", joiner=""))) == "میکوشد:*"
    assert prefix_query(persian("می|کوشد مهاجر")) == "(می & کوشد:* | میکوشد:*) & مهاجر:*"
    assert prefix_query(persian("مهاجر -می|کوشد")) == "مهاجر:* & !می & !کوشد"


# Searching, on both backends


@pytest.fixture
def written_with_persian_letters(write):
    """A piece written as a Persian keyboard types it: ی, ک, the ZWNJ in می‌کوشد, Persian digits."""
    return write(
        en=text("Registering migrant workers", "The government tries to register migrant workers."),
        fa=text("ثبت کارگران مهاجر", SENTENCE.format(verb=persian(VERB))),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        persian(VERB),
        persian(VERB, yeh=ARABIC_YEH, kaf=ARABIC_KAF),
        persian(VERB, yeh=ALEF_MAKSURA),
        persian(VERB, joiner=" "),
        persian(VERB, yeh=ARABIC_YEH, kaf=ARABIC_KAF, joiner=" "),
        persian(VERB, joiner=""),
        persian(VERB, yeh=ARABIC_YEH, kaf=ARABIC_KAF, joiner=""),
        f"م{KASRA}ی{ZWNJ}ک{TATWEEL}وشد",
        persian("كارگران", kaf=ARABIC_KAF),
        "١٤٠٣",  # Arabic-Indic digits for the text's Persian ones
        "1403",
    ],
)
def test_a_piece_written_with_persian_letters_is_found_however_the_query_is_typed(
    written_with_persian_letters, query
):
    assert titles(query) == ["ثبت کارگران مهاجر"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        persian(VERB),
        persian(VERB, joiner=""),
        persian(VERB, yeh=ARABIC_YEH, kaf=ARABIC_KAF),
        persian("کارگران"),
        "۱۴۰۳",
    ],
)
def test_a_piece_written_with_arabic_letters_and_no_zwnj_is_found_with_persian_ones(write, query):
    arabic_spelling = persian(VERB, yeh=ARABIC_YEH, kaf=ARABIC_KAF, joiner="")
    body = SENTENCE.format(verb=arabic_spelling).replace("ک", ARABIC_KAF).replace("۱۴۰۳", "١٤٠٣")
    title = persian("ثبت کارگران", kaf=ARABIC_KAF)
    write(en=text("Workers", "The government tries."), fa=text(title, body))

    assert titles(query) == [title]


@pytest.mark.django_db
def test_the_index_holds_one_spelling_and_other_words_do_not_match(written_with_persian_letters):
    entry = SearchEntry.objects.get(page=written_with_persian_letters, language="fa")

    assert ARABIC_YEH not in entry.text and ARABIC_KAF not in entry.text and "1403" in entry.text
    assert titles("کارخانه") == []
    assert titles(persian("می|کوشد")[:-1] + "ند") == []  # another verb form is another word
    assert titles(persian(VERB), "en") == []  # and the Persian words are only in the Persian entry
