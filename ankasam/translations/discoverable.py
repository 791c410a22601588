"""What a page says about itself to search engines and link previews, in a language.

`ankasam/discovery/` builds the head's tags, the JSON-LD and the share cards from these methods
and attributes alone, never from a page's type, so a new page type gets sensible defaults and
overrides only what differs (articles and people do).
"""

from ankasam.core.languages import field_in

from .secondary import text_in_language


class DiscoverablePageMixin:
    # OpenGraph's og:type; "article" also adds the article:* properties.
    og_type = "website"
    # The schema.org type of the JSON-LD the head gives the page (discovery/structured_data.py
    # builds one per type); None gives none.
    schema_type = None
    # True when the page's own template places its JSON-LD, not the head's OpenGraph block.
    json_ld_in_template = False
    # A picture too small for a 1200×630 crop is shown as it is (a person's square photo)
    # rather than replaced by a drawn card.
    shares_small_image = False
    # True when serving/edge_addresses.py can list every address showing the page; otherwise a
    # change to it purges the whole site from the edge cache.
    edge_addresses_listed = False

    def get_meta_description(self, language: str) -> str:
        """The page's own search description, else its summary (uncut: discovery shortens it)."""
        own = field_in(self, "search_description", language, None) or ""
        return own or self.get_summary(language)

    def get_summary(self, language: str) -> str:
        return str(text_in_language(self, "intro", language)) if hasattr(self, "intro") else ""

    def get_share_card_texts(self, language: str) -> dict:
        """The share card's title, and its kicker above and byline below when the page has them."""
        return {"title": str(text_in_language(self, "title", language))}

    def ids_of_articles_showing(self) -> list[int]:
        """The articles whose search entries hold this page's text, indexed again when it changes."""
        return []
