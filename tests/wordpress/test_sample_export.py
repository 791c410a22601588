"""The sample export that ships with the project must stay a valid, representative WXR file."""

from collections import Counter
from pathlib import Path

import pytest

from ankasam.wordpress.footnotes import extract_footnotes
from ankasam.wordpress.phpserialize import parse_php_serialized, polylang_translation_group
from ankasam.wordpress.wxr import Author, Item, Term, export_version, read_export

SAMPLE = Path(__file__).resolve().parents[2] / "ankasam" / "wordpress" / "sample"
EXPORT = SAMPLE / "polylang-sample.xml"
SITE_LANGUAGES = ("en", "tr", "ru")


@pytest.fixture(scope="module")
def records() -> list[Author | Term | Item]:
    return list(read_export(EXPORT))


@pytest.fixture(scope="module")
def items(records) -> dict[int, Item]:
    return {record.post_id: record for record in records if isinstance(record, Item)}


@pytest.fixture(scope="module")
def posts(items) -> dict[int, Item]:
    return {post_id: item for post_id, item in items.items() if item.post_type == "post"}


def language_of(item: Item) -> str | None:
    return next((slug for domain, slug, _ in item.categories if domain == "language"), None)


def meta(item: Item, key: str) -> str | None:
    values = item.postmeta.get(key)
    return values[0] if values else None


def test_sample_is_a_wxr_1_2_export_with_two_authors(records):
    assert export_version(EXPORT) == "1.2"
    authors = [record for record in records if isinstance(record, Author)]
    assert {author.login for author in authors} == {"selin", "dmitri"}
    assert all(author.display_name and author.email for author in authors)


def test_sample_has_categories_tags_and_polylang_languages(records):
    terms = Counter(record.taxonomy for record in records if isinstance(record, Term))
    assert terms["category"] == 8  # English, Turkish and Russian ones, tied by term_translations
    assert terms["post_tag"] == 2
    assert terms["language"] == 3
    assert terms["post_translations"] == 3  # two groups of posts, one of an image
    assert terms["term_translations"] == 3
    languages = {r.slug: r for r in records if isinstance(r, Term) and r.taxonomy == "language"}
    assert set(languages) == set(SITE_LANGUAGES)
    for term in languages.values():
        assert parse_php_serialized(term.description)["locale"].startswith(term.slug)


def test_every_translation_group_parses_and_names_posts_of_its_language(records, posts):
    groups = [r for r in records if isinstance(r, Term) and r.taxonomy == "post_translations"]
    groups = [term for term in groups if "i:201;" not in term.description]  # the image's group
    for term in groups:
        group = polylang_translation_group(term.description, SITE_LANGUAGES)
        assert group.other_languages == {}
        assert len(group.members) >= 2
        for language, post_id in group.members.items():
            assert language_of(posts[post_id]) == language
            assert ("post_translations", term.slug, term.slug) in posts[post_id].categories
    first = polylang_translation_group(groups[0].description, SITE_LANGUAGES)
    assert first.members == {"en": 101, "tr": 102, "ru": 103}


def test_posts_per_language_and_skipped_types(items, posts):
    assert Counter(language_of(post) for post in posts.values()) == {"en": 4, "tr": 3, "ru": 2}
    types = Counter(item.post_type for item in items.values())
    assert types == {"post": 9, "attachment": 3, "page": 1, "nav_menu_item": 1}


def test_statuses_cover_draft_private_and_future(posts):
    statuses = Counter(post.status for post in posts.values())
    assert statuses == {"publish": 6, "draft": 1, "private": 1, "future": 1}
    assert posts[107].post_date_gmt is None  # a never-published draft, as WordPress writes it
    assert posts[109].post_date.year == 2030


def test_attachments_have_files_on_disk_metadata_captions_and_alt(items):
    attachments = [item for item in items.values() if item.post_type == "attachment"]
    assert len(attachments) == 3
    for attachment in attachments:
        relative = meta(attachment, "_wp_attached_file")
        path = SAMPLE / "uploads" / relative
        assert path.read_bytes().startswith(b"\x89PNG")
        assert path.stat().st_size < 10_000
        metadata = parse_php_serialized(meta(attachment, "_wp_attachment_metadata"))
        assert metadata["file"] == relative
        assert metadata["filesize"] == path.stat().st_size
        assert attachment.excerpt.strip()
        assert meta(attachment, "_wp_attachment_image_alt").strip()
        assert attachment.attachment_url.endswith(relative)


def test_featured_image_points_at_an_attachment(items, posts):
    assert items[int(meta(posts[101], "_thumbnail_id"))].post_type == "attachment"


def test_an_internal_link_targets_another_imported_post(posts):
    links = {post.link for post in posts.values()}
    assert posts[101].link in posts[106].content
    assert "/tr/2025/03/hazar-enerji-diplomasisi/" in posts[106].content
    assert any(link.endswith("/tr/2025/03/hazar-enerji-diplomasisi/") for link in links)


def test_every_post_extracts_its_footnotes_without_problems(posts):
    for post in posts.values():
        result = extract_footnotes(post.content, meta(post, "footnotes"))
        assert result.problems == [], post.post_id
        assert "[^" in result.body_html or not result.notes, post.post_id


def test_each_footnote_format_is_present(posts):
    def notes_of(post_id: int) -> list[str]:
        post = posts[post_id]
        return [note.html for note in extract_footnotes(post.content, meta(post, "footnotes")).notes]

    for post_id in (101, 102, 103):
        assert 'data-fn="' in posts[post_id].content
        assert len(notes_of(post_id)) == 3
    hand = notes_of(104)
    assert "<h2>Kaynakça</h2>" in posts[104].content
    assert len(hand) == 4
    assert "دریای خزر" in hand[1]
    assert hand[3] == "a.g.e., s. 81."
    assert "[efn_note]" in posts[105].content
    assert len(notes_of(105)) == 2


def test_persian_note_text_is_an_exact_slice_of_the_source(posts):
    notes = extract_footnotes(posts[104].content, None).notes
    for note in notes:
        assert note.html in posts[104].content
