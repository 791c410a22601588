"""How to cite one language version of an article: Chicago, APA and MLA to read, BibTeX and RIS to download.

A citation always names the version the reader is on: its title, its address and its language.

Decisions (docs/architecture.md, "Citations and PDFs"):

- The words a style puts between names ("and") are interface strings, translated with the page,
  so a Turkish reader citing the Turkish version gets "ve". APA's "&" and the Latin "et al." are
  the same in every language. Quotation marks come from the language's profile (languages.toml):
  the styles' English ones in English and Turkish, guillemets in Russian (and Persian). The full
  stop Chicago and MLA put inside the marks is American usage: it stays inside English marks
  (“Title.”) and follows guillemets («Заголовок».), as Russian writes it.
- Dates: an English version gets each style's own English format (Chicago "March 10, 2026", APA
  "2026, March 10", MLA "10 Mar. 2026"); other languages keep the style's order of parts with
  month names from Django's date formatting in the active language ("10 марта 2026").
- A version in another language than the site's default one says so ("In Turkish."), before
  the address in Chicago and APA (APA has no such element: ours is an addition) and as MLA's
  closing optional element; a citation of a translation is often read by someone who does not
  read that language.
- A person page holds one name (its title). Honorifics such as "Dr." (those of every language's
  profile) are dropped and the family name is taken to be the last word: "Mehmet Ali Korkmaz" is
  cited as "Korkmaz, Mehmet Ali".
  Compound family names ("de la Cruz") would need given and family name fields on PersonPage.
- APA asks for titles in sentence case; the editor's title is kept as written, because proper
  nouns cannot be told apart from other words by code.
- Chicago follows its 18th edition: up to six authors are all named, more than six are cited as
  the first three followed by "et al.".
"""

import re
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from anyascii import anyascii
from django.conf import settings
from django.utils import dateformat
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_info, gettext

from ankasam.core.languages import current_language, default_language, honorifics, language_profile
from ankasam.translations.secondary import text_in_language

MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
# Opening marks after whose pair a title's full stop goes, outside: guillemets, as in Russian,
# French or Persian (»Titel«. in German too).
FULL_STOP_AFTER_MARKS = {"«", "»"}
# Compared after transliteration to ASCII: "için" is "icin", "после" is "posle".
KEY_STOP_WORDS = {"after", "with", "from", "into", "over", "what", "when", "which"}
KEY_STOP_WORDS |= {"sonra", "icin", "posle", "cherez"}


class Name(NamedTuple):
    given: str
    family: str

    @property
    def inverted(self) -> str:
        """Family name first, as styles list the first author: "Aydın, Elif"."""
        return f"{self.family}, {self.given}" if self.given else self.family

    @property
    def natural(self) -> str:
        return f"{self.given} {self.family}".strip()

    @property
    def initials(self) -> str:
        """APA's initials: "Mehmet Ali" gives "M. A.", "Jean-Paul" gives "J.-P."."""
        return " ".join(
            "-".join(f"{part[0]}." for part in word.split("-") if part) for word in self.given.split()
        )


@dataclass(frozen=True)
class CitedWork:
    """What every style needs to know about one language version of an article."""

    authors: tuple[Name, ...]
    title: str
    site_name: str
    published: date
    url: str
    language: str


def split_name(full_name: str) -> Name:
    """Given and family names from a full name: honorifics dropped, the last word as family name."""
    dropped = honorifics()
    words = [word for word in full_name.split() if word.lower() not in dropped]
    if not words:
        return Name("", full_name.strip())
    return Name(" ".join(words[:-1]), words[-1])


def cited_work(article, authors, url: str) -> CitedWork:
    """The article in the active language; `authors` are person pages in byline order."""
    return CitedWork(
        authors=tuple(split_name(str(text_in_language(person, "title"))) for person in authors),
        title=article.title,
        site_name=settings.WAGTAIL_SITE_NAME,
        published=article.publication_date,
        url=url,
        language=current_language(),
    )


def ends_sentence(text: str) -> str:
    """The text followed by a full stop, unless it already ends with one, "?" or "!"."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def quoted_title(title: str, language: str) -> str:
    """A title in the language's quotation marks with the style's full stop: “Title.”, «Заголовок»."""
    opening, closing = language_profile(language).quotes
    if opening in FULL_STOP_AFTER_MARKS and not title.endswith((".", "?", "!")):
        return f"{opening}{title}{closing}."
    return f"{opening}{ends_sentence(title)}{closing}"


def in_english() -> bool:
    return current_language().split("-")[0] == "en"


def formatted_date(value: date, english_format: str, other_format: str) -> str:
    return dateformat.format(value, english_format if in_english() else other_format)


def language_note(work: CitedWork) -> str:
    """ "In Turkish." for a version that is not in the site's default language."""
    if work.language == default_language():
        return ""
    language = get_language_info(work.language)["name_translated"]
    # Translators: closes a citation of an article version, e.g. "In Turkish."; the language name
    # is the site's (capitalised), so "Language: %(language)s." may read better in some languages.
    return gettext("In %(language)s.") % {"language": language}


def with_language_note(parts: list, work: CitedWork) -> list:
    note = language_note(work)
    return [*parts, note] if note else parts


def joined(parts: list) -> SafeString:
    return mark_safe(" ".join(str(format_html("{}", part)) for part in parts if part))


# Chicago (notes-bibliography, bibliography entry for a web page)


def chicago_authors(names: tuple[Name, ...]) -> str:
    if len(names) == 1:
        return names[0].inverted
    if len(names) > 6:
        return ", ".join([names[0].inverted, *(n.natural for n in names[1:3])]) + ", et al."
    # The comma before "and" is Chicago's serial comma, also after an inverted first name.
    listed = [names[0].inverted, *(n.natural for n in names[1:-1])]
    return f"{', '.join(listed)}, {gettext('and')} {names[-1].natural}"


def chicago(work: CitedWork) -> SafeString:
    date_text = formatted_date(work.published, "F j, Y", "j E Y")
    parts = [ends_sentence(chicago_authors(work.authors))] if work.authors else []
    parts += [quoted_title(work.title, work.language), f"{work.site_name}, {date_text}."]
    return joined([*with_language_note(parts, work), ends_sentence(work.url)])


# APA 7 (a page on a website)


def apa_authors(names: tuple[Name, ...]) -> str:
    cited = [f"{n.family}, {n.initials}" if n.initials else n.family for n in names]
    if len(cited) == 1:
        return cited[0]
    if len(cited) > 20:
        return ", ".join(cited[:19]) + ", . . . " + cited[-1]
    return ", ".join(cited[:-1]) + ", & " + cited[-1]


def apa(work: CitedWork) -> SafeString:
    date_text = formatted_date(work.published, "Y, F j", "Y, j E")
    # The full stop follows the italic title; a "?" or "!" of the title itself stays inside.
    title = format_html("<i>{}</i>{}", work.title, "" if work.title.endswith((".", "?", "!")) else ".")
    if work.authors:
        parts = [ends_sentence(apa_authors(work.authors)), f"({date_text}).", title]
    else:
        parts = [title, f"({date_text})."]
    parts.append(ends_sentence(work.site_name))
    return joined([*with_language_note(parts, work), work.url])


# MLA 9 (a page on a website whose publisher is the website)


def mla_authors(names: tuple[Name, ...]) -> str:
    if len(names) == 1:
        return names[0].inverted
    if len(names) == 2:
        return f"{names[0].inverted}, {gettext('and')} {names[1].natural}"
    return f"{names[0].inverted}, et al."


def mla_date(value: date) -> str:
    if in_english():
        return f"{value.day} {MLA_MONTHS[value.month - 1]} {value.year}"
    return dateformat.format(value, "j E Y")


def mla(work: CitedWork) -> SafeString:
    address = re.sub(r"^https?://", "", work.url)  # MLA 9 leaves out the scheme
    parts = [ends_sentence(mla_authors(work.authors))] if work.authors else []
    parts += [
        quoted_title(work.title, work.language),
        format_html("<i>{}</i>, {}, {}.", work.site_name, mla_date(work.published), address),
    ]
    return joined(with_language_note(parts, work))


def reading_citations(work: CitedWork) -> list[tuple[str, str, SafeString]]:
    """(id, style name, citation HTML) for the "Cite this" section; style names are proper names."""
    return [("chicago", "Chicago", chicago(work)), ("apa", "APA", apa(work)), ("mla", "MLA", mla(work))]


# Downloads for reference managers


def citation_key(work: CitedWork) -> str:
    """A stable BibTeX key: first author's family name, year, first significant title word."""
    first = work.authors[0].family if work.authors else work.site_name
    words = [re.sub(r"[^a-z0-9]", "", anyascii(word).lower()) for word in work.title.split()]
    significant = [w for w in words if len(w) >= 4 and w.isalpha() and w not in KEY_STOP_WORDS]
    significant = significant or [w for w in words if w]
    name = re.sub(r"[^a-z0-9]", "", anyascii(first).lower())
    return f"{name}{work.published.year}{significant[0] if significant else ''}"


BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text: str) -> str:
    """Text safe inside a BibTeX field; letters outside ASCII stay as they are (UTF-8)."""
    return "".join(BIBTEX_SPECIAL.get(char, char) for char in " ".join(text.split()))


def english_language_name(code: str) -> str:
    return get_language_info(code)["name"]


def bibtex(work: CitedWork) -> str:
    """A biblatex `@online` entry; `language` and `langid` use babel's names (turkish, russian)."""
    babel_name = english_language_name(work.language).lower()
    fields = []
    if work.authors:
        fields.append(("author", " and ".join(bibtex_escape(name.inverted) for name in work.authors)))
    fields += [
        # The inner braces keep the title's capitals as written.
        ("title", "{" + bibtex_escape(work.title) + "}"),
        ("organization", bibtex_escape(work.site_name)),
        ("date", work.published.isoformat()),
        ("year", str(work.published.year)),
        # `url` is a verbatim field: escaping would change the address.
        ("url", work.url),
        ("language", babel_name),
        ("langid", babel_name),
    ]
    lines = [f"@online{{{citation_key(work)},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields]
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris_line(tag: str, value: str = "") -> str:
    return f"{tag}  - {' '.join(value.split())}".rstrip() if value else f"{tag}  - "


def ris(work: CitedWork) -> str:
    """An RIS record (`TY  - ELEC`); lines end with CRLF, as the format's specification asks."""
    lines = [ris_line("TY", "ELEC")]
    lines += [ris_line("AU", name.inverted) for name in work.authors]
    lines += [
        ris_line("TI", work.title),
        ris_line("PY", str(work.published.year)),
        ris_line("DA", work.published.strftime("%Y/%m/%d/")),
        ris_line("UR", work.url),
        ris_line("PB", work.site_name),
        ris_line("LA", english_language_name(work.language)),
        ris_line("ER"),
    ]
    return "\r\n".join(lines) + "\r\n"
