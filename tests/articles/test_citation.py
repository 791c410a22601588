import datetime
import re

import pytest
from django.utils import timezone, translation

from ankasam.articles.citation import (
    CitedWork,
    Name,
    apa,
    bibtex,
    bibtex_escape,
    chicago,
    citation_key,
    mla,
    ris,
    split_name,
)
from ankasam.articles.content import Note, paragraph
from ankasam.articles.models import ArticlePage
from ankasam.core.text import html_to_text

from ..people.factories import PersonPageFactory
from .factories import create_article, text_with_notes

AYDIN, KAPLAN, SOKOLOVA = Name("Elif", "Aydın"), Name("Murat", "Kaplan"), Name("Anna", "Sokolova")
MARCH_10 = datetime.date(2026, 3, 10)


def work(*authors, title="Gas after 2030", language="en", url="https://example.org/en/analyses/gas/"):
    return CitedWork(tuple(authors), title, "ANKASAM", MARCH_10, url, language)


def names(count):
    return [Name(f"Given{n}", f"Family{n}") for n in range(1, count + 1)]


# Names


@pytest.mark.parametrize(
    ("full_name", "given", "family"),
    [
        ("Dr. Elif Aydın", "Elif", "Aydın"),
        ("Mehmet Ali Korkmaz", "Mehmet Ali", "Korkmaz"),
        ("Prof. Dr. Zeynep Arslan", "Zeynep", "Arslan"),
        ("Элиф Айдын", "Элиф", "Айдын"),
        ("Plato", "", "Plato"),
    ],
)
def test_names_lose_honorifics_and_split_on_the_last_space(full_name, given, family):
    assert split_name(full_name) == Name(given, family)


def test_apa_initials_keep_hyphenated_and_second_given_names():
    assert Name("Jean-Paul", "Sartre").initials == "J.-P."
    assert Name("Mehmet Ali", "Korkmaz").initials == "M. A."
    assert Name("Элиф", "Айдын").initials == "Э."


# The three styles, in English


def test_chicago_in_english():
    citation = html_to_text(chicago(work(AYDIN)))

    assert citation == (
        "Aydın, Elif. “Gas after 2030.” ANKASAM, March 10, 2026. https://example.org/en/analyses/gas/."
    )


@pytest.mark.parametrize(
    ("count", "expected_authors"),
    [
        (2, "Family1, Given1, and Given2 Family2."),
        (3, "Family1, Given1, Given2 Family2, and Given3 Family3."),
        (6, ", Given4 Family4, Given5 Family5, and Given6 Family6."),
        (7, "Family1, Given1, Given2 Family2, Given3 Family3, et al."),
    ],
)
def test_chicago_names_up_to_six_authors_then_three_and_et_al(count, expected_authors):
    citation = html_to_text(chicago(work(*names(count))))

    assert f"{expected_authors} “Gas after 2030.”" in citation
    assert citation.startswith("Family1, Given1,")


def test_apa_in_english():
    citation = html_to_text(apa(work(AYDIN)))

    assert (
        citation
        == "Aydın, E. (2026, March 10). Gas after 2030. ANKASAM. https://example.org/en/analyses/gas/"
    )
    assert "<i>Gas after 2030</i>." in apa(work(AYDIN))


@pytest.mark.parametrize(
    ("count", "expected_authors"),
    [
        (2, "Family1, G., & Family2, G. (2026"),
        (3, "Family1, G., Family2, G., & Family3, G. (2026"),
        (20, "Family19, G., & Family20, G. (2026"),
    ],
)
def test_apa_joins_authors_with_an_ampersand(count, expected_authors):
    assert expected_authors in html_to_text(apa(work(*names(count))))


def test_apa_lists_nineteen_authors_an_ellipsis_and_the_last_beyond_twenty():
    citation = html_to_text(apa(work(*names(25))))

    assert "Family19, G., . . . Family25, G. (2026" in citation
    assert "Family20" not in citation


def test_mla_in_english():
    citation = mla(work(AYDIN))

    assert (
        html_to_text(citation)
        == "Aydın, Elif. “Gas after 2030.” ANKASAM, 10 Mar. 2026, example.org/en/analyses/gas/."
    )
    assert "<i>ANKASAM</i>" in citation


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        ((KAPLAN, SOKOLOVA), "Kaplan, Murat, and Anna Sokolova. “"),
        ((KAPLAN, SOKOLOVA, AYDIN), "Kaplan, Murat, et al. “"),
    ],
)
def test_mla_names_two_authors_and_cuts_three_to_et_al(authors, expected):
    assert html_to_text(mla(work(*authors))).startswith(expected)


def test_a_title_ending_in_a_question_mark_gets_no_full_stop():
    citation = html_to_text(chicago(work(AYDIN, title="Who Pays for the Last Mile?")))

    assert "“Who Pays for the Last Mile?” ANKASAM" in citation


def test_markup_in_a_title_is_escaped():
    assert "&lt;b&gt;" in chicago(work(AYDIN, title="Gas <b>now</b>"))


# Other languages


def test_russian_citations_use_russian_month_names_the_conjunction_and_a_language_note():
    with translation.override("ru"):
        chicago_text = html_to_text(chicago(work(KAPLAN, SOKOLOVA, language="ru")))
        apa_text = html_to_text(apa(work(KAPLAN, language="ru")))
        mla_text = html_to_text(mla(work(KAPLAN, language="ru")))
        note = translation.gettext("In %(language)s.") % {
            "language": translation.get_language_info("ru")["name_translated"]
        }

    assert chicago_text.startswith("Kaplan, Murat, и Anna Sokolova. «Gas after 2030». ANKASAM")
    assert "ANKASAM, 10 марта 2026." in chicago_text
    assert "«Gas after 2030». ANKASAM, 10 марта 2026," in mla_text
    assert "(2026, 10 марта)" in apa_text
    assert "ANKASAM, 10 марта 2026," in mla_text
    for citation in (chicago_text, apa_text, mla_text):
        assert note in citation


def test_turkish_citations_use_turkish_month_names_and_the_conjunction():
    with translation.override("tr"):
        citation = html_to_text(chicago(work(KAPLAN, SOKOLOVA, language="tr")))

    assert citation.startswith("Kaplan, Murat, ve Anna Sokolova. “Gas after 2030.” ANKASAM")
    assert "10 Mart 2026" in citation


@pytest.mark.django_db
def test_turkish_dates_have_no_leading_zero_on_the_page_and_in_its_citations(client, article_index):
    blocks, notes = text_with_notes(1)
    article = create_article(
        article_index,
        translations={
            "en": {"title": "Caspian gas", "blocks": blocks, "notes": notes},
            "tr": {"title": "Hazar gazı", "blocks": blocks, "notes": notes},
        },
        publication_date=datetime.date(2025, 10, 8),
    )

    html = client.get(address(article, "tr")).content.decode()

    assert re.search(r'<time class="byline__date" datetime="2025-10-08">8 Ekim 2025</time>', html)
    citations = html[html.index('<section class="cite-this"') :]
    assert "ANKASAM, 8 Ekim 2025." in citations and "(2025, 8 Ekim)" in citations
    assert "08 Ekim" not in html


def test_an_english_version_has_no_language_note():
    assert "In English" not in html_to_text(chicago(work(AYDIN)))


# BibTeX and RIS


def bibtex_fields(entry: str) -> tuple[str, str, dict]:
    """A small BibTeX reader: entry type, key and fields, refusing unbalanced braces."""
    match = re.fullmatch(r"@(\w+)\{([^,\s]+),\n(.*)\}\n", entry, re.S)
    assert match, entry
    fields, depth, name, value = {}, 0, "", ""
    body = match.group(3)
    index = 0
    while index < len(body):
        field = re.match(r"\s*(\w+) = \{", body[index:])
        if not field:
            assert body[index:].strip() == "", body[index:]
            break
        name, index, depth, value = field.group(1), index + field.end(), 1, ""
        while depth:
            char = body[index]
            if char == "\\":
                value += body[index : index + 2]
                index += 2
                continue
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth:
                value += char
            index += 1
        assert body[index] == ",", body[index:]
        index += 1
        fields[name] = value
    return match.group(1), match.group(2), fields


def test_bibtex_is_a_balanced_online_entry_with_a_stable_key():
    entry = bibtex(work(AYDIN, KAPLAN, title="Trans-Caspian Gas after 2030", language="tr"))

    entry_type, key, fields = bibtex_fields(entry)

    assert entry_type == "online"
    assert key == "aydin2026transcaspian"
    assert fields["author"] == "Aydın, Elif and Kaplan, Murat"
    assert fields["title"] == "{Trans-Caspian Gas after 2030}"
    assert fields["date"] == "2026-03-10"
    assert fields["url"] == "https://example.org/en/analyses/gas/"
    assert fields["language"] == "turkish"
    assert fields["organization"] == "ANKASAM"


def test_bibtex_escapes_what_latex_would_read_as_commands_and_keeps_utf8():
    title = "Tariffs & Transit: 100% {Türkiye} $ # _ Газ"

    assert bibtex_escape(title) == r"Tariffs \& Transit: 100\% \{Türkiye\} \$ \# \_ Газ"
    _type, _key, fields = bibtex_fields(bibtex(work(AYDIN, title=title)))
    assert fields["title"] == "{" + bibtex_escape(title) + "}"


def test_citation_keys_are_ascii_and_skip_short_words_numbers_and_stop_words():
    assert (
        citation_key(work(Name("Элиф", "Айдын"), title="Газ после 2030: каспийский выбор"))
        == "aydyn2026kaspiyskiy"
    )
    assert citation_key(work(AYDIN, title="2030 sonrası için Hazar")) == "aydin2026sonrasi"
    assert citation_key(work(title="On the Caspian")) == "ankasam2026caspian"


def ris_tags(record: str) -> list[tuple[str, str]]:
    lines = record.split("\r\n")
    assert lines[-1] == "", "an RIS record ends with a line break"
    tags = []
    for line in lines[:-1]:
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert match, line
        tags.append((match.group(1), match.group(2)))
    return tags


def test_ris_is_one_electronic_record_with_each_author():
    tags = ris_tags(ris(work(AYDIN, KAPLAN, language="ru")))

    assert tags[0] == ("TY", "ELEC")
    assert tags[-1] == ("ER", "")
    assert [value for tag, value in tags if tag == "AU"] == ["Aydın, Elif", "Kaplan, Murat"]
    assert dict(tags)["TI"] == "Gas after 2030"
    assert dict(tags)["PY"] == "2026"
    assert dict(tags)["DA"] == "2026/03/10/"
    assert dict(tags)["UR"] == "https://example.org/en/analyses/gas/"
    assert dict(tags)["PB"] == "ANKASAM"
    assert dict(tags)["LA"] == "Russian"


# On the site


def two_language_article(article_index, people_index, **fields):
    first = PersonPageFactory(parent=people_index, title_en="Dr. Elif Aydın", title_ru="Элиф Айдын")
    second = PersonPageFactory(parent=people_index, title_en="Murat Kaplan", title_ru="Мурат Каплан")
    texts = {
        "en": {
            "title": "Caspian gas & Europe",
            "blocks": [paragraph("<p>Text.[^1]</p>")],
            "notes": [Note("1", "<p>Source.</p>")],
        },
        "ru": {
            "title": "Каспийский газ и Европа",
            "blocks": [paragraph("<p>Текст.[^1]</p>")],
            "notes": [Note("1", "<p>Источник.</p>")],
        },
    }
    return create_article(
        article_index,
        translations=texts,
        authors=[first, second],
        publication_date=MARCH_10,
        **fields,
    )


def address(article, language, action=""):
    with translation.override(language):
        return article.get_url() + (f"{action}/" if action else "")


@pytest.mark.django_db
def test_the_article_page_cites_this_language_version(client, article_index, people_index):
    article = two_language_article(article_index, people_index)

    html = client.get(address(article, "ru")).content.decode()

    start = html.index('<section class="cite-this"')
    assert html.index('class="article__footer"') < start < html.index("</article>")
    section = html[start : html.index("</section>", start)]
    with translation.override("ru"):
        russian_url = article.get_full_url()
        english_url = address(article, "en")
    assert "Айдын, Элиф, и Мурат Каплан. «Каспийский газ и Европа». ANKASAM, 10 марта 2026." in section
    assert russian_url in section and english_url not in section
    assert section.count("data-copy-target=") == 3
    assert section.count(" hidden>") == 3, "the Copy buttons wait for the script"
    assert 'role="status"' in section
    assert f'href="{address(article, "ru", "cite-bibtex")}"' in section
    assert f'href="{address(article, "ru", "cite-ris")}"' in section
    assert re.search(r'<script src="[^"]*js/cite\.js" defer>', html)


@pytest.mark.django_db
def test_citation_downloads_are_attachments_of_the_right_type(client, article_index, people_index):
    article = two_language_article(article_index, people_index)

    bib = client.get(address(article, "ru", "cite-bibtex"))
    ris_response = client.get(address(article, "ru", "cite-ris"))

    assert bib.status_code == 200
    assert bib["Content-Type"].startswith("application/x-bibtex")
    assert bib["Content-Disposition"] == f'attachment; filename="{article.slug_ru}.bib"'
    _type, key, fields = bibtex_fields(bib.content.decode("utf-8"))
    assert key == "aydyn2026kaspiyskiy"
    assert fields["author"] == "Айдын, Элиф and Каплан, Мурат"
    assert fields["title"] == "{Каспийский газ и Европа}"
    assert fields["language"] == "russian"
    with translation.override("ru"):
        assert fields["url"] == article.get_full_url()
    assert ris_response["Content-Type"].startswith("application/x-research-info-systems")
    assert ris_response["Content-Disposition"] == f'attachment; filename="{article.slug_ru}.ris"'
    tags = dict(ris_tags(ris_response.content.decode("utf-8")))
    assert tags["TI"] == "Каспийский газ и Европа" and tags["LA"] == "Russian"
    english = dict(ris_tags(client.get(address(article, "en", "cite-ris")).content.decode()))
    assert english["TI"] == "Caspian gas & Europe"
    assert english["UR"].endswith(address(article, "en"))


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["pdf", "cite-bibtex", "cite-ris"])
def test_actions_of_a_hidden_or_untranslated_article_are_404(client, article_index, action):
    draft = create_article(article_index, live=False)
    expired = create_article(article_index)
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    english_only = create_article(article_index)

    assert client.get(address(draft, "en", action)).status_code == 404
    assert client.get(address(expired, "en", action)).status_code == 404
    missing = client.get(address(english_only, "tr", action))
    assert missing.status_code == 404
    assert 'class="language-list"' in missing.content.decode(), "the reader is pointed to the English version"


@pytest.mark.django_db
@pytest.mark.parametrize("tail", ["nope/", "cite/", "pdf/extra/", "cite-ris/pdf/", "PDF/"])
def test_unknown_actions_are_404(client, article_index, tail):
    article = create_article(article_index)

    assert client.get(address(article, "en") + tail).status_code == 404
    assert client.get(address(article, "en", "cite-ris")).status_code == 200
