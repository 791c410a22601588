from ankasam.articles.content import Note
from ankasam.articles.pasted_notes import convert_pasted_notes, pasted_notes_in

TYPED_BODY = [
    ("paragraph", "<p>Turkmenistan hesitates.[^1] Europe waits.[^2]</p><p>Again.[^1] Baku?[^3]</p>"),
    ("heading", "Outlook"),
    ("paragraph", "<p>Later.</p>"),
]
TYPED_NOTES = [
    Note("1", '<p>Interview, <a href="https://example.org/a">Ashgabat</a>, 2025.</p>'),
    Note("2", "<p><i>Ibid.</i>, p. 4.</p>"),
    Note("3", "<p>کاظمی، ۱۴۰۲ (Kazemi 2023).</p>"),
]
PASTED_TEXT = [
    ("paragraph", "<p>Turkmenistan hesitates.[1] Europe waits.[2]</p><p>Again.[1] Baku?<sup>3</sup></p>"),
    ("heading", "Outlook"),
]


def converted(blocks):
    pasted = pasted_notes_in(blocks)
    assert pasted is not None
    return convert_pasted_notes(blocks, pasted)


def test_numbered_paragraphs_at_the_end_become_the_same_notes_as_typing_them():
    body = PASTED_TEXT + [
        (
            "paragraph",
            "<p>Later.</p><h3>Notes</h3>"
            '<p>1. Interview, <a href="https://example.org/a">Ashgabat</a>, 2025.</p>'
            "<p>[2] <i>Ibid.</i>, p. 4.</p><p>3) کاظمی، ۱۴۰۲ (Kazemi 2023).</p>",
        )
    ]

    assert converted(body) == (TYPED_BODY, TYPED_NOTES)


def test_an_ordered_list_at_the_end_in_its_own_block_becomes_the_notes():
    body = PASTED_TEXT + [
        ("paragraph", "<p>Later.</p>"),
        ("heading", "Notes"),
        (
            "paragraph",
            '<ol><li>Interview, <a href="https://example.org/a">Ashgabat</a>, 2025.</li>'
            "<li><i>Ibid.</i>, p. 4.</li><li>3. کاظمی، ۱۴۰۲ (Kazemi 2023).</li></ol>",
        ),
    ]

    assert converted(body) == (TYPED_BODY, TYPED_NOTES)


def test_the_offer_says_how_many_notes_it_found():
    body = [("paragraph", "<p>A[1] b[2].</p><ol><li>One.</li><li>Two.</li></ol>")]

    assert [note.label for note in pasted_notes_in(body).notes] == ["1", "2"]


def test_nothing_is_offered_when_the_text_and_the_numbered_run_do_not_match():
    a_list_of_content = [("paragraph", "<p>Three steps:</p><ol><li>Ask.</li><li>Wait.</li></ol>")]
    a_reference_past_the_notes = [("paragraph", "<p>A[1] b[3].</p><p>1. One.</p><p>2. Two.</p>")]
    a_note_nobody_cites = [("paragraph", "<p>A[1].</p><p>1. One.</p><p>2. Two.</p>")]
    numbering_that_skips = [("paragraph", "<p>A[1] b[2].</p><p>1. One.</p><p>3. Two.</p>")]
    already_typed = [("paragraph", "<p>A[^1] b[1].</p><p>1. One.</p>")]

    for body in (
        a_list_of_content,
        a_reference_past_the_notes,
        a_note_nobody_cites,
        numbering_that_skips,
        already_typed,
    ):
        assert pasted_notes_in(body) is None, body


def test_nothing_is_offered_when_the_language_already_has_notes():
    body = [("paragraph", "<p>A[1].</p><p>1. One.</p>")]

    assert pasted_notes_in(body, existing_notes=1) is None
    assert pasted_notes_in(body) is not None


def test_brackets_inside_a_tag_are_left_alone():
    body = [("paragraph", '<p><a href="https://example.org/?q=[1]">A</a>[1].</p><p>1. One.</p>')]

    blocks, _ = converted(body)

    assert blocks == [("paragraph", '<p><a href="https://example.org/?q=[1]">A</a>[^1].</p>')]
