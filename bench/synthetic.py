"""Synthetic WordPress exports of any size, for benchmarks and for testing the import at scale.

The file is written item by item as it is generated, so a 2 000-group export costs no more memory
to write than a 20-group one: the benchmark measures the importer, not this generator. Output is
Polylang-style WXR 1.2 (language terms, one ``post_translations`` term per group) with
hand-typed ``[n]`` footnotes and a trailing notes list, the format that costs the importer most.
The same seed always gives the same file, byte for byte.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from os import PathLike
from pathlib import Path
from typing import TextIO

__all__ = ["SyntheticExport", "synthetic_post_id", "write_synthetic_export"]

SITE_URL = "https://synthetic.example"

# Words carry the letters a Turkish or Russian body really contains (ç ğ ı İ ö ş ü, ё й ы),
# so byte lengths and encodings are exercised the way a real archive exercises them.
_WORD_TEXT = {
    "en": (
        "policy corridor transit region security energy border customs treaty pipeline port "
        "ministry budget reform dialogue neighbour market tariff route cooperation summit"
    ),
    "tr": (
        "politika koridor geçiş bölge güvenlik enerji sınır gümrük antlaşma boru hattı liman "
        "bakanlık bütçe reform diyalog komşu pazar tarife güzergâh işbirliği zirve İstanbul ılımlı"
    ),
    "ru": (
        "политика коридор транзит регион безопасность энергия граница таможня договор "
        "трубопровод порт министерство бюджет реформа диалог сосед рынок тариф маршрут "
        "сотрудничество саммит объём ёмкость"
    ),
}
WORDS = {language: text.split() for language, text in _WORD_TEXT.items()}
NOTES_HEADING = {"en": "Notes", "tr": "Kaynakça", "ru": "Примечания"}
LANGUAGE_NAMES = {"en": "English", "tr": "Türkçe", "ru": "Русский"}
LOCALES = {"en": "en_US", "tr": "tr_TR", "ru": "ru_RU"}
AUTHORS = (
    ("aylin", "Aylin Çelebi", "Aylin", "Çelebi"),
    ("pavel", "Pavel Zorin", "Pavel", "Zorin"),
    ("grace", "Grace Whitfield", "Grace", "Whitfield"),
)
CATEGORIES = (
    ("regional-policy", "Regional Policy"),
    ("energy", "Energy"),
    ("security", "Security"),
    ("economy", "Economy"),
)
LATIN_SOURCES = (
    "Annual Transit Report {year}, p. {page}.",
    "Interview with a ministry official, {year}.",
    "Ibid., p. {page}.",
)
# Persian-script sources with Latin page numbers: the mix the importer must keep byte for byte.
PERSIAN_SOURCES = (
    "«سیاست انرژی در منطقه خزر», فصلنامه مطالعات منطقه‌ای, {year}, ص. {page}.",
    "گزارش سالانه حمل و نقل, تهران, {year}, p. {page}.",
)
FIRST_GROUP_POST_ID = 1000
FIRST_TERM_ID = 100


@dataclass
class SyntheticExport:
    path: Path
    groups: int
    posts: int
    languages: tuple[str, ...]
    footnotes_per_post: int


def synthetic_post_id(group: int, language_index: int, language_count: int) -> int:
    """The WordPress post id the generator gives a group's member in one language (0-based)."""
    return FIRST_GROUP_POST_ID + group * language_count + language_index


def write_synthetic_export(
    path: str | PathLike[str],
    posts: int,
    languages: Sequence[str] = ("en", "tr", "ru"),
    footnotes_per_post: int = 10,
    seed: int = 0,
) -> SyntheticExport:
    """Write a WXR 1.2 export of `posts` translation groups, one post per group and language.

    Each post has ~3–5 KB of body and `footnotes_per_post` hand-typed `[n]` footnotes listed
    under a notes heading; some notes are in Persian script. Deterministic for a given seed.
    """
    languages = tuple(languages)
    rng = random.Random(seed)
    target = Path(path)
    with target.open("w", encoding="utf-8", newline="\n") as out:
        _write_header(out, languages, posts)
        for group in range(posts):
            for index, language in enumerate(languages):
                _write_post(out, rng, group, index, language, languages, footnotes_per_post)
        out.write("</channel>\n</rss>\n")
    return SyntheticExport(target, posts, posts * len(languages), languages, footnotes_per_post)


def _write_header(out: TextIO, languages: tuple[str, ...], groups: int) -> None:
    out.write(
        '<?xml version="1.0" encoding="UTF-8" ?>\n'
        '<rss version="2.0"\n'
        '\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
        '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
        '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
        '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '\txmlns:wp="http://wordpress.org/export/1.2/"\n'
        ">\n<channel>\n"
        "\t<title>Synthetic Policy Institute</title>\n"
        f"\t<link>{SITE_URL}</link>\n"
        "\t<language>en-US</language>\n"
        "\t<wp:wxr_version>1.2</wp:wxr_version>\n"
        f"\t<wp:base_site_url>{SITE_URL}</wp:base_site_url>\n"
        f"\t<wp:base_blog_url>{SITE_URL}</wp:base_blog_url>\n"
    )
    for author_id, (login, display, first, last) in enumerate(AUTHORS, start=1):
        out.write(
            "\t<wp:author>"
            f"<wp:author_id>{author_id}</wp:author_id>"
            f"<wp:author_login>{_cdata(login)}</wp:author_login>"
            f"<wp:author_email>{_cdata(f'{login}@synthetic.example')}</wp:author_email>"
            f"<wp:author_display_name>{_cdata(display)}</wp:author_display_name>"
            f"<wp:author_first_name>{_cdata(first)}</wp:author_first_name>"
            f"<wp:author_last_name>{_cdata(last)}</wp:author_last_name>"
            "</wp:author>\n"
        )
    for term_id, (slug, name) in enumerate(CATEGORIES, start=1):
        out.write(
            f"\t<wp:category><wp:term_id>{term_id}</wp:term_id>"
            f"<wp:category_nicename>{_cdata(slug)}</wp:category_nicename>"
            "<wp:category_parent><![CDATA[]]></wp:category_parent>"
            f"<wp:cat_name>{_cdata(name)}</wp:cat_name></wp:category>\n"
        )
    for offset, language in enumerate(languages):
        description = _php_array(
            [("locale", LOCALES.get(language, language)), ("rtl", 0), ("flag_code", language)]
        )
        _write_term(
            out,
            FIRST_TERM_ID + offset,
            "language",
            language,
            LANGUAGE_NAMES.get(language, language),
            description,
        )
    # Polylang writes the group terms before any item; so do we, one short line per group.
    for group in range(groups):
        members = [
            (language, synthetic_post_id(group, index, len(languages)))
            for index, language in enumerate(languages)
        ]
        slug = _group_slug(group)
        _write_term(
            out, FIRST_TERM_ID + len(languages) + group, "post_translations", slug, slug, _php_array(members)
        )


def _write_term(out: TextIO, term_id: int, taxonomy: str, slug: str, name: str, description: str) -> None:
    out.write(
        f"\t<wp:term><wp:term_id>{term_id}</wp:term_id>"
        f"<wp:term_taxonomy>{_cdata(taxonomy)}</wp:term_taxonomy>"
        f"<wp:term_slug>{_cdata(slug)}</wp:term_slug>"
        "<wp:term_parent><![CDATA[]]></wp:term_parent>"
        f"<wp:term_name>{_cdata(name)}</wp:term_name>"
        f"<wp:term_description>{_cdata(description)}</wp:term_description></wp:term>\n"
    )


def _write_post(
    out: TextIO,
    rng: random.Random,
    group: int,
    index: int,
    language: str,
    languages: tuple[str, ...],
    footnotes: int,
) -> None:
    post_id = synthetic_post_id(group, index, len(languages))
    published = datetime(2015, 1, 1, 9, 0) + timedelta(days=group, minutes=index * 10)
    date = published.strftime("%Y-%m-%d %H:%M:%S")
    slug = f"synthetic-{group}-{language}"
    prefix = "" if index == 0 else f"/{language}"
    link = f"{SITE_URL}{prefix}/{published:%Y/%m}/{slug}/"
    title = " ".join(rng.choices(_words(language), k=6)).capitalize()
    login = AUTHORS[group % len(AUTHORS)][0]
    category_slug, category_name = CATEGORIES[rng.randrange(len(CATEGORIES))]
    content = _body(rng, language, footnotes, published.year)
    out.write(
        "\t<item>\n"
        f"\t\t<title>{_cdata(title)}</title>\n"
        f"\t\t<link>{link}</link>\n"
        f"\t\t<dc:creator>{_cdata(login)}</dc:creator>\n"
        f'\t\t<guid isPermaLink="false">{SITE_URL}/?p={post_id}</guid>\n'
        "\t\t<description></description>\n"
        f"\t\t<content:encoded>{_cdata(content)}</content:encoded>\n"
        "\t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n"
        f"\t\t<wp:post_id>{post_id}</wp:post_id>\n"
        f"\t\t<wp:post_date>{_cdata(date)}</wp:post_date>\n"
        f"\t\t<wp:post_date_gmt>{_cdata(date)}</wp:post_date_gmt>\n"
        f"\t\t<wp:post_modified>{_cdata(date)}</wp:post_modified>\n"
        f"\t\t<wp:post_modified_gmt>{_cdata(date)}</wp:post_modified_gmt>\n"
        f"\t\t<wp:post_name>{_cdata(slug)}</wp:post_name>\n"
        "\t\t<wp:status><![CDATA[publish]]></wp:status>\n"
        "\t\t<wp:post_parent>0</wp:post_parent>\n"
        "\t\t<wp:menu_order>0</wp:menu_order>\n"
        "\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n"
        f'\t\t<category domain="category" nicename="{category_slug}">{_cdata(category_name)}</category>\n'
        f'\t\t<category domain="language" nicename="{language}">'
        f"{_cdata(LANGUAGE_NAMES.get(language, language))}</category>\n"
        f'\t\t<category domain="post_translations" nicename="{_group_slug(group)}">'
        f"{_cdata(_group_slug(group))}</category>\n"
        "\t</item>\n"
    )


def _body(rng: random.Random, language: str, footnotes: int, year: int) -> str:
    words = _words(language)
    size = rng.randint(3000, 5000)
    paragraphs: list[list[str]] = []
    written = 0
    while written < size:
        sentences = [_sentence(rng, words) for _ in range(rng.randint(3, 6))]
        paragraphs.append(sentences)
        written += sum(len(sentence.encode("utf-8")) + 1 for sentence in sentences)
    # Markers go at the ends of sentences spread through the text, in order, one per note.
    slots = [(p, s) for p, sentences in enumerate(paragraphs) for s in range(len(sentences))]
    chosen = sorted(rng.sample(slots, footnotes)) if footnotes <= len(slots) else slots
    for number, (p, s) in enumerate(chosen, start=1):
        paragraphs[p][s] += f"[{number}]"
    parts = [_paragraph_block(" ".join(sentences)) for sentences in paragraphs]
    if chosen:
        heading = NOTES_HEADING.get(language, "Notes")
        parts.append(
            f'<!-- wp:heading -->\n<h2 class="wp-block-heading">{heading}</h2>\n<!-- /wp:heading -->'
        )
        for number in range(1, len(chosen) + 1):
            parts.append(_paragraph_block(f"[{number}] {_source(rng, year)}"))
    return "\n\n".join(parts)


def _sentence(rng: random.Random, words: list[str]) -> str:
    return " ".join(rng.choices(words, k=rng.randint(8, 16))).capitalize() + "."


def _source(rng: random.Random, year: int) -> str:
    templates = PERSIAN_SOURCES if rng.random() < 0.3 else LATIN_SOURCES
    return rng.choice(templates).format(year=year - rng.randint(0, 5), page=rng.randint(1, 300))


def _paragraph_block(html: str) -> str:
    return f"<!-- wp:paragraph -->\n<p>{html}</p>\n<!-- /wp:paragraph -->"


def _words(language: str) -> list[str]:
    return WORDS.get(language, WORDS["en"])


def _group_slug(group: int) -> str:
    return f"pll_synthetic{group:06d}"


def _php_array(pairs: list[tuple[str, str | int]]) -> str:
    """Serialize a flat string-keyed array as PHP does; string lengths count UTF-8 bytes."""
    body = "".join(_php_scalar(key) + _php_scalar(value) for key, value in pairs)
    return f"a:{len(pairs)}:{{{body}}}"


def _php_scalar(value: str | int) -> str:
    if isinstance(value, int):
        return f"i:{value};"
    return f's:{len(value.encode("utf-8"))}:"{value}";'


def _cdata(text: str) -> str:
    # A literal "]]>" would end the section early; WordPress splits it across two sections.
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"
