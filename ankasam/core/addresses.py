"""The fixed words of the reader site's addresses, in the reader's language: /tr/konular/, /ru/poisk/.

The words come from each language's profile (`addresses` in languages.toml); a language without
its own word has the English one, which is the key itself. Three tools use them:

- `localized_route("{search}/")`: a lazy route, so Django compiles and reverses it once per
  language, as it does a route translated with gettext_lazy, without a catalogue entry;
- `AddressWordConverter`: a path segment that is one of a few keys, written in the active
  language's word (`{% url 'hub' 'topics' slug %}` gives /tr/konular/...). It answers only to the
  active language's word, so a word of another language falls through to Wagtail's pages: a page
  with that slug is served, never shadowed;
- `address_in_readers_words`: where a 404 in another language's words is redirected to
  (`LocalizedAddressMiddleware`): /tr/topics/energy/ -> /tr/konular/energy/.
"""

from django.utils.functional import lazy

from ankasam.settings.language_list import ADDRESS_KEYS

from .languages import current_language, language_profile, site_language_codes

# Keys whose address goes on with more of them: /en/feed/topics/energy/.
PREFIX_KEYS = {"feed"}


def address_word(key: str, language: str | None = None) -> str:
    """The word for `key` in the language (the current one by default), or English."""
    return language_profile(language or current_language()).address_word(key)


def words_of(keys) -> set[str]:
    """Every word any site language uses for the keys, English included."""
    return {address_word(key, code) for key in keys for code in site_language_codes()} | set(keys)


def key_of_word(word: str) -> str | None:
    """The key a word of any site language stands for, or None."""
    for key in ADDRESS_KEYS:
        if word in words_of((key,)):
            return key
    return None


def _route(template: str) -> str:
    return template.format(**{key: address_word(key) for key in ADDRESS_KEYS})


# "{feed}/{topics}/<slug:slug>/" -> "akis/konular/<slug:slug>/" when Turkish is active.
localized_route = lazy(_route, str)


class AddressWordConverter:
    """A segment naming one of `keys`; subclasses set `keys`. Python gets the key, never the word."""

    keys: tuple[str, ...] = ()

    @property
    def regex(self):
        # Read when Django compiles a route, which it caches by the route's text for every
        # language: so every language's words, and `to_python` keeps to the active language's.
        return "|".join(sorted(words_of(self.keys), key=len, reverse=True))

    def to_python(self, value):
        for key in self.keys:
            if address_word(key) == value:
                return key
        raise ValueError(f"{value!r} is not a word of this language")  # Django tries the next route

    def to_url(self, value):
        # Code names the key (`{% url 'hub' 'topics' slug %}`); any language's word is taken too.
        key = value if value in self.keys else key_of_word(value) or value
        return address_word(key)


def address_in_readers_words(path: str, language: str) -> str | None:
    """The path with its leading address words in the language's, when another language's are used.

    `path` is under the language prefix (/tr/topics/energy/). None when it has no such word.
    """
    prefix, _, rest = path.lstrip("/").partition("/")
    if prefix != language:
        return None
    segments = rest.split("/")
    translated = list(segments)
    for index, segment in enumerate(segments[:2]):
        key = key_of_word(segment)
        if key is None:
            break
        translated[index] = address_word(key, language)
        if key not in PREFIX_KEYS:
            break
    if translated == segments:
        return None
    return f"/{language}/" + "/".join(translated)
