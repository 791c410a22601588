import re
import tracemalloc
from collections import Counter

import pytest

from ankasam.wordpress.footnotes import extract_footnotes
from ankasam.wordpress.phpserialize import polylang_translation_group
from ankasam.wordpress.wxr import Author, Item, Term, read_export
from bench.synthetic import write_synthetic_export

LANGUAGES = ("en", "tr", "ru")
PERSIAN = re.compile("[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    path = tmp_path_factory.mktemp("synthetic") / "export.xml"
    summary = write_synthetic_export(path, posts=20)
    return summary, list(read_export(path))


def test_twenty_groups_give_sixty_posts_in_three_languages(export):
    summary, records = export
    items = [record for record in records if isinstance(record, Item)]
    assert summary.posts == len(items) == 60
    assert {item.post_type for item in items} == {"post"}
    languages = Counter(slug for item in items for domain, slug, _ in item.categories if domain == "language")
    assert languages == {"en": 20, "tr": 20, "ru": 20}
    assert any(isinstance(record, Author) for record in records)
    assert sum(1 for r in records if isinstance(r, Term) and r.taxonomy == "category") >= 3


def test_every_group_term_parses_and_names_three_existing_posts_of_its_languages(export):
    _, records = export
    items = {record.post_id: record for record in records if isinstance(record, Item)}
    groups = [r for r in records if isinstance(r, Term) and r.taxonomy == "post_translations"]
    assert len(groups) == 20
    for term in groups:
        group = polylang_translation_group(term.description, LANGUAGES)
        assert set(group.members) == set(LANGUAGES)
        for language, post_id in group.members.items():
            item = items[post_id]
            assert ("language", language) in {(domain, slug) for domain, slug, _ in item.categories}
            assert ("post_translations", term.slug) in {(domain, slug) for domain, slug, _ in item.categories}


def test_every_post_has_its_footnotes_extracted_without_problems(export):
    _, records = export
    persian = 0
    for item in (record for record in records if isinstance(record, Item)):
        result = extract_footnotes(item.content, None)
        assert result.problems == [], item.post_id
        assert [note.label for note in result.notes] == [str(n) for n in range(1, 11)]
        assert result.body_html.count("[^") == 10
        persian += sum(1 for note in result.notes if PERSIAN.search(note.html))
    assert persian > 0


def test_posts_are_three_to_five_kilobytes_in_their_own_alphabet(export):
    _, records = export
    for item in (record for record in records if isinstance(record, Item)):
        body = extract_footnotes(item.content, None).body_html
        assert 3000 <= len(body.encode("utf-8")) <= 7000
        language = next(slug for domain, slug, _ in item.categories if domain == "language")
        if language == "ru":
            assert any("а" <= character <= "я" for character in body)
        if language == "tr":
            assert any(character in "çğışöüİ" for character in body)


def test_same_seed_gives_the_same_file_and_another_seed_does_not(tmp_path):
    paths = [tmp_path / name for name in ("a.xml", "b.xml", "c.xml")]
    write_synthetic_export(paths[0], posts=3, seed=1)
    write_synthetic_export(paths[1], posts=3, seed=1)
    write_synthetic_export(paths[2], posts=3, seed=2)
    assert paths[0].read_bytes() == paths[1].read_bytes()
    assert paths[0].read_bytes() != paths[2].read_bytes()


def test_other_languages_and_footnote_counts_are_honoured(tmp_path):
    path = tmp_path / "two.xml"
    write_synthetic_export(path, posts=4, languages=("en", "de"), footnotes_per_post=3)
    items = [record for record in read_export(path) if isinstance(record, Item)]
    assert len(items) == 8
    for item in items:
        result = extract_footnotes(item.content, None)
        assert result.problems == []
        assert len(result.notes) == 3


def test_writing_streams_instead_of_building_the_document(tmp_path):
    def peak_for(groups: int) -> int:
        tracemalloc.start()
        write_synthetic_export(tmp_path / f"{groups}.xml", posts=groups)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak

    small, large = peak_for(20), peak_for(400)
    assert (tmp_path / "400.xml").stat().st_size > 20 * (tmp_path / "20.xml").stat().st_size / 2
    assert large < small * 3
