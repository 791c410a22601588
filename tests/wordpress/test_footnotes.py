"""Footnotes in WordPress content become `[^n]` markers and notes, numbered as the reader sees them."""

import json
from pathlib import Path

import pytest

from ankasam.articles.content import Note
from ankasam.wordpress.footnotes import extract_footnotes

FIXTURES = Path(__file__).parent / "fixtures"

UUID_A = "0b6e3f52-1c1d-4a57-9d3e-aa0000000001"
UUID_B = "0b6e3f52-1c1d-4a57-9d3e-aa0000000002"


def core_marker(uuid: str, shown: int) -> str:
    return f'<sup data-fn="{uuid}" class="fn"><a href="#{uuid}" id="{uuid}-link">{shown}</a></sup>'


# --- WordPress core footnotes -------------------------------------------------------------------


def test_core_footnotes_are_numbered_by_first_appearance_and_shared_when_repeated():
    html = (
        f"<p>First claim.{core_marker(UUID_B, 1)} Second claim.{core_marker(UUID_A, 2)}</p>"
        f"<p>Back to the first.{core_marker(UUID_B, 1)}</p>"
    )
    meta = json.dumps(
        [
            {"content": "Note about A, <em>with markup</em>.", "id": UUID_A},
            {"content": "Note about B.", "id": UUID_B},
        ]
    )

    result = extract_footnotes(html, meta)

    assert result.body_html == "<p>First claim.[^1] Second claim.[^2]</p><p>Back to the first.[^1]</p>"
    assert result.notes == [Note("1", "Note about B."), Note("2", "Note about A, <em>with markup</em>.")]
    assert result.problems == []


def test_core_footnote_without_meta_stays_as_typed_and_is_reported():
    marker = core_marker(UUID_A, 1)

    result = extract_footnotes(f"<p>Claim.{marker}</p>", None)

    assert result.body_html == f"<p>Claim.{marker}</p>"
    assert result.notes == []
    assert result.problems == [f"footnote {UUID_A} has no note in the post meta; kept as text"]


def test_core_note_never_referred_to_is_kept_at_the_end_and_reported():
    meta = json.dumps([{"content": "Used.", "id": UUID_A}, {"content": "Orphan.", "id": UUID_B}])

    result = extract_footnotes(f"<p>Claim.{core_marker(UUID_A, 1)}</p>", meta)

    assert result.notes == [Note("1", "Used."), Note("2", "Orphan.")]
    assert result.problems == [f"note {UUID_B} is never referred to; kept at the end as note 2"]


def test_invalid_core_meta_is_reported_and_markers_are_kept():
    marker = core_marker(UUID_A, 1)

    result = extract_footnotes(f"<p>Claim.{marker}</p>", "[{not json")

    assert result.body_html == f"<p>Claim.{marker}</p>"
    assert result.problems[0].startswith("the footnotes post meta is not valid JSON")
    assert len(result.problems) == 2


# --- Hand-typed markers and a notes section -----------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "<h2>Notes</h2>",
        "<h3>FOOTNOTES</h3>",
        "<h4>References&nbsp;</h4>",
        '<h2 class="wp-block-heading">Kaynakça</h2>',
        "<h2>Dipnotlar:</h2>",
        "<h5>notlar</h5>",
        "<h2>Примечания</h2>",
        "<h2>Сноски</h2>",
        "<p><strong>Footnotes</strong></p>",
        "<p><b>Notes:</b></p>",
    ],
)
def test_ordered_list_after_a_notes_heading_becomes_the_notes(heading):
    html = (
        "<p>One<sup>1</sup> and two<sup>[2]</sup> and three[3].</p>\n"
        f"{heading}\n<ol>\n<li>First source.</li>\n<li>Ibid.</li>\n<li>a.g.e., s. 12.</li>\n</ol>"
    )

    result = extract_footnotes(html, None)

    assert result.body_html == "<p>One[^1] and two[^2] and three[^3].</p>"
    assert result.notes == [Note("1", "First source."), Note("2", "Ibid."), Note("3", "a.g.e., s. 12.")]
    assert result.problems == []


def test_heading_that_is_not_a_notes_heading_is_left_alone():
    html = "<p>Text[1].</p><h2>Conclusions</h2><ol><li>Keep this list.</li></ol>"

    result = extract_footnotes(html, None)

    assert result.body_html == html
    assert result.notes == []
    assert result.problems == ["marker [1] has no note; kept as text"]


def test_notes_section_in_block_editor_comments_is_removed_with_its_comments_and_text_after_stays():
    html = (
        "<!-- wp:paragraph -->\n<p>Claim[1].</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:heading -->\n<h2 class="wp-block-heading">Notes</h2>\n<!-- /wp:heading -->\n\n'
        '<!-- wp:list {"ordered":true} -->\n<ol><li>Source with <a href="https://example.org">link</a>.'
        "</li></ol>\n<!-- /wp:list -->\n\n"
        "<!-- wp:paragraph -->\n<p>About the author.</p>\n<!-- /wp:paragraph -->"
    )

    result = extract_footnotes(html, None)

    assert result.body_html == (
        "<!-- wp:paragraph -->\n<p>Claim[^1].</p>\n<!-- /wp:paragraph -->"
        "\n\n<!-- wp:paragraph -->\n<p>About the author.</p>\n<!-- /wp:paragraph -->"
    )
    assert result.notes == [Note("1", 'Source with <a href="https://example.org">link</a>.')]


def test_list_start_attribute_sets_the_first_number():
    html = '<p>See[3].</p><h2>Notes</h2><ol start="3"><li>Third.</li></ol>'

    result = extract_footnotes(html, None)

    assert result.notes == [Note("1", "Third.")]
    assert result.body_html == "<p>See[^1].</p>"


def test_paragraphs_after_a_heading_starting_with_bracketed_numbers_are_notes():
    html = "<p>A[1] B[2]</p><h2>Notes</h2><p>[1] One.</p><p><sup>[2]</sup> Two.</p>"

    result = extract_footnotes(html, None)

    assert result.body_html == "<p>A[^1] B[^2]</p>"
    assert result.notes == [Note("1", "One."), Note("2", "Two.")]


def test_trailing_paragraphs_numbered_with_a_dot_are_notes():
    html = "<p>A<sup>1</sup> B<sup>2</sup></p>\n<p>1. One.</p>\n<p>2.&nbsp;Two.</p>\n"

    result = extract_footnotes(html, None)

    assert result.body_html == "<p>A[^1] B[^2]</p>"
    assert result.notes == [Note("1", "One."), Note("2", "Two.")]


def test_closing_numbered_paragraph_without_markers_is_not_taken_for_a_note():
    html = "<p>Two points follow.</p><p>1. Trade comes first.</p>"

    result = extract_footnotes(html, None)

    assert result == type(result)(body_html=html, notes=[], problems=[])


def test_hand_notes_are_numbered_in_reader_order():
    html = "<p>Later source first[2], then[1], then again[2].</p>"
    html += "<h2>Notes</h2><ol><li>One.</li><li>Two.</li></ol>"

    result = extract_footnotes(html, None)

    assert result.body_html == "<p>Later source first[^1], then[^2], then again[^1].</p>"
    assert result.notes == [Note("1", "Two."), Note("2", "One.")]


def test_marker_without_note_and_note_without_marker_are_kept_and_reported():
    html = "<p>Known[1], unknown[9], unknown sup<sup>8</sup>.</p>"
    html += "<h2>Notes</h2><ol><li>One.</li><li>Two.</li></ol>"

    result = extract_footnotes(html, None)

    assert result.body_html == "<p>Known[^1], unknown[9], unknown sup<sup>8</sup>.</p>"
    assert result.notes == [Note("1", "One."), Note("2", "Two.")]
    assert result.problems == [
        "marker [9] has no note; kept as text",
        "marker <sup>8</sup> has no note; kept as text",
        "note 2 is never referred to; kept at the end as note 2",
    ]


def test_linked_markers_are_replaced_whole_and_attributes_are_never_touched():
    html = (
        '<p><a href="#_ftn1" name="_ftnref1"><sup>[1]</sup></a> and '
        '<a href="/x" title="[1]">a link</a></p><h2>Notes</h2><ol><li>One.</li></ol>'
    )

    result = extract_footnotes(html, None)

    assert result.body_html == '<p>[^1] and <a href="/x" title="[1]">a link</a></p>'


def test_ibid_entries_are_kept_exactly_as_written():
    notes = ["Ibid.", "a.g.e., s. 4.", "Там же. С. 17.", "<em>Ibid.</em>, 33."]
    markers = "".join(f"[{n}]" for n in range(1, 5))
    items = "".join(f"<li>{note}</li>" for note in notes)

    result = extract_footnotes(f"<p>{markers}</p><h2>Сноски</h2><ol>{items}</ol>", None)

    assert [note.html for note in result.notes] == notes


# --- Inline shortcodes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "shortcode",
    [
        "((A <em>cited</em> work, p. 3.))",
        "[ref]A <em>cited</em> work, p. 3.[/ref]",
        "[efn_note]A <em>cited</em> work, p. 3.[/efn_note]",
        "[footnote]A <em>cited</em> work, p. 3.[/footnote]",
        '[footnote referencereset="false"]A <em>cited</em> work, p. 3.[/footnote]',
    ],
)
def test_shortcode_becomes_a_marker_where_it_was_and_its_content_the_note(shortcode):
    result = extract_footnotes(f"<p>A claim.{shortcode} More text.</p>", None)

    assert result.body_html == "<p>A claim.[^1] More text.</p>"
    assert result.notes == [Note("1", "A <em>cited</em> work, p. 3.")]
    assert result.problems == []


def test_formats_mixed_in_one_post_are_numbered_together_in_reader_order():
    html = f"<p>Inline((First.)) core{core_marker(UUID_A, 1)} hand[1] inline again[ref]Fourth.[/ref]</p>"
    html += "<h2>Notes</h2><ol><li>Third.</li></ol>"
    meta = json.dumps([{"content": "Second.", "id": UUID_A}])

    result = extract_footnotes(html, meta)

    assert result.body_html == "<p>Inline[^1] core[^2] hand[^3] inline again[^4]</p>"
    assert [note.html for note in result.notes] == ["First.", "Second.", "Third.", "Fourth."]
    assert [note.label for note in result.notes] == ["1", "2", "3", "4"]


def test_content_without_footnotes_is_returned_unchanged_and_superscripts_are_not_reported():
    html = "<!-- wp:paragraph -->\n<p>Plain&nbsp;text with (parentheses), 1<sup>st</sup>, m<sup>2</sup>.</p>"

    result = extract_footnotes(html, "")

    assert result.body_html == html
    assert result.notes == []
    assert result.problems == []


# --- Persian and Arabic sources ----------------------------------------------------------------


PERSIAN_NOTES = [
    "محمد رضایی، «سیاست خارجی ایران در قفقاز»، تهران: نشر نمونه، ۱۴۰۱، ص. ۴۵.",
    "Ibid., p. 52.",
    "سارا احمدی، <em>امنیت انرژی و دریای خزر</em>، فصلنامه مطالعات منطقه\u200cای، شماره ۳ (2021): 17–29.",
    'علی کریمی، «ترکیه و آسیای مرکزی»، <a href="https://example.org/karimi">example.org</a>، '
    "دسترسی در ۱۲ مهر ۱۴۰۰.",
    "همان، ص. ۳۰.",
    "Reza Tahmasbi, “Bāzār-e gāz” \u200f[بازار گاز]\u200f, <em>Tehran Review</em> 4 (2019), 88.",
    "همان، ص.&nbsp;۳۱؛ see also Tahmasbi, 90.",
    "عبد الله النعيمي، «العلاقات الخليجية التركية»، مركز الدراسات، ٢٠٢٠، ص ١١.",
]


def test_eight_persian_notes_come_out_byte_for_byte_as_in_the_source():
    source_bytes = (FIXTURES / "footnotes-persian.html").read_bytes()

    result = extract_footnotes(source_bytes.decode("utf-8"), None)

    assert [note.label for note in result.notes] == [str(n) for n in range(1, 9)]
    for note, expected in zip(result.notes, PERSIAN_NOTES, strict=True):
        assert note.html == expected
        assert note.html.encode("utf-8") in source_bytes
    assert result.problems == []


def test_persian_notes_section_is_removed_and_markers_replaced():
    source = (FIXTURES / "footnotes-persian.html").read_text(encoding="utf-8")

    result = extract_footnotes(source, None)

    assert [f"[^{n}]" in result.body_html for n in range(1, 9)] == [True] * 8
    assert "رضایی" not in result.body_html
    assert result.body_html.endswith("and so do Gulf writers.[^8]</p>\n<!-- /wp:paragraph -->")
