"""Whatever is typed in the address, the page answers 200 or 404, never 500, and echoes no markup."""

import re
from html.parser import HTMLParser

import pytest

from ankasam.search.models import SearchEntry
from ankasam.search.querying import MAX_QUERY_LENGTH, clean_query

from .conftest import search_address, text
from .test_search_page import result_titles

pytestmark = pytest.mark.django_db

HOSTILE_QUERIES = [
    "<script>alert('q')</script>",
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE search_searchentry;--",
    "a & | ! (",
    "gas:* & !oil | (",
    '"unclosed quote',
    "-",
    "or",
    "\\",
    "%",
    "_",
    "gas\x00oil",
    "\x00",
    "\u202egas",
    "💥 gas",
    "x" * 3000,
]


@pytest.fixture
def gas(write):
    return write(en=text("Gas and oil", "Gas flows west; oil flows east."))


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
@pytest.mark.parametrize("language", ["en", "tr"])
def test_hostile_queries_answer_without_error_or_reflected_markup(client, gas, query, language):
    response = client.get(search_address(language), {"q": query})

    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "\x00" not in html
    # The table is still there, and search still works.
    assert SearchEntry.objects.filter(page=gas).exists()
    assert result_titles(client.get("/en/search/", {"q": "gas"})) == ["Gas and oil"]


def test_a_nul_byte_in_the_query_separates_words(client, gas):
    # PostgreSQL refuses NUL in text; dropped like any control character, it must not cause a 500.
    assert result_titles(client.get("/en/search/?q=gas%00")) == ["Gas and oil"]
    assert result_titles(client.get("/en/search/?q=gas%00oil")) == ["Gas and oil"]
    assert result_titles(client.get("/en/search/?q=gas%00coal")) == []


def test_a_long_query_is_shortened_and_the_page_says_so(client, gas):
    response = client.get("/en/search/", {"q": "gas " + "y" * 3000})

    html = response.content.decode()
    assert response.status_code == 200
    assert f"Only the first {MAX_QUERY_LENGTH} characters of your search were used." in html
    value = re.search(r'id="search-query" name="q" value="([^"]*)"', html).group(1)
    assert len(value) == MAX_QUERY_LENGTH
    assert "characters of your search" not in client.get("/en/search/", {"q": "gas"}).content.decode()


def test_clean_query_drops_control_characters_and_collapses_spaces():
    query = clean_query("  gas\x00\x07oil \t\n  pipes ")

    assert query.text == "gas oil pipes"
    assert not query.truncated
    assert clean_query("z" * (MAX_QUERY_LENGTH + 1)).truncated


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def excerpts(html: str) -> list[str]:
    return re.findall(r'<p class="search-result__excerpt">(.*?)</p>', html, re.S)


def test_markup_in_an_articles_text_is_shown_as_text_in_the_excerpt(client, write):
    write(
        en=text(
            "Scripts",
            "Gas &lt;script&gt;alert('x')&lt;/script&gt; and &lt;b onclick=alert(1)&gt;bold gas&lt;/b&gt;.",
            "Gas <img src=x onerror=alert(2)> standfirst.",
        )
    )

    html = client.get("/en/search/", {"q": "gas"}).content.decode()

    (excerpt,) = excerpts(html)
    collector = TagCollector()
    collector.feed(excerpt)
    assert collector.tags and {tag for tag, _attrs in collector.tags} == {"mark"}
    assert all(attrs == [] for _tag, attrs in collector.tags)
    assert "<script" not in html and "<img src=x" not in html and "<b onclick" not in html
