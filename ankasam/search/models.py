"""The readers' search index: one row per article and language, with a stemmed vector on PostgreSQL.

Wagtail's database backend keeps one row per page for every language, stemmed with one
text-search configuration; this table keeps each language apart, so a Turkish query is stemmed
as Turkish and only meets Turkish text. docs/search.md explains the design.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from ankasam.core.languages import language_profile


def text_search_config(language: str) -> str:
    """The language profile's PostgreSQL configuration: `simple` (no stemming) for Persian."""
    return language_profile(language).search_config


class SearchEntry(models.Model):
    """What readers of one language can find of one article: only its live, public text in that language.

    `search_vector` is computed by the database from the three text columns (see
    `indexing.store_vectors`); on SQLite it stays empty and search falls back to substring matching.
    The GIN index on it is created by migration 0001 on PostgreSQL only.
    """

    # No index of its own: the unique (page, language) index starts with the page.
    page = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="search_entries", db_index=False
    )
    language = models.CharField(max_length=12)
    title = models.TextField()
    standfirst = models.TextField(blank=True)
    # Body, notes, authors' names, type, topics, regions and tags, as plain text.
    text = models.TextField(blank=True)
    search_vector = SearchVectorField(null=True, editable=False)
    publication_date = models.DateField()
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="search_entry_one_per_language")
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"
