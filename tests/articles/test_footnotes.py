import pytest
from django.utils.translation import override

from ankasam.articles.blocks import FootnoteBlock
from ankasam.articles.footnotes import footnote_problems, markers_in, number_footnotes
from ankasam.articles.models import ArticlePage


def notes(*labels):
    return [(label, f"<p>Note {label}</p>") for label in labels]


def test_numbers_follow_first_appearance_not_label_or_note_order():
    html, footnotes = number_footnotes("<p>A[^b] then B[^a].</p>", notes("a", "b"))

    assert [(n.number, n.label) for n in footnotes] == [(1, "b"), (2, "a")]
    assert '<sup class="footnote-ref" id="fnref-1"><a href="#fn-1"' in html
    assert html.index('href="#fn-1"') < html.index('href="#fn-2"')


def test_a_note_referred_to_twice_keeps_one_number_and_links_back_to_each_reference():
    html, footnotes = number_footnotes("<p>X[^src] Y[^other] Z[^src]</p>", notes("src", "other"))

    assert [n.number for n in footnotes] == [1, 2]
    assert footnotes[0].reference_ids == ["fnref-1", "fnref-1-2"]
    assert html.count('href="#fn-1"') == 2
    assert 'id="fnref-1-2"' in html


def test_a_marker_without_a_note_stays_visible_and_an_unreferenced_note_is_kept_last():
    html, footnotes = number_footnotes("<p>Known[^1], typo[^l].</p>", notes("1", "orphan"))

    assert "typo[^l]" in html
    numbered = [(n.number, n.label, n.reference_ids) for n in footnotes]
    assert numbered == [(1, "1", ["fnref-1"]), (2, "orphan", [])]


def test_markers_inside_tags_are_left_alone():
    html, footnotes = number_footnotes('<p><a href="/x?q=[^1]">link</a> text[^1]</p>', notes("1"))

    assert 'href="/x?q=[^1]"' in html
    assert html.count("footnote-ref") == 1


def test_note_markup_is_sanitised_so_a_script_is_inert():
    _html, footnotes = number_footnotes(
        "<p>A[^1]</p>",
        [("1", '<p>Source <script>alert("x")</script><a href="javascript:alert(1)" onclick="x()">y</a></p>')],
    )

    note = str(footnotes[0].html)
    assert "<script" not in note
    assert "javascript:" not in note
    assert "onclick" not in note
    assert "alert(&quot;x&quot;)" in note


def test_persian_note_text_is_kept_as_written():
    persian = "<p>کاظمی، «امنیت انرژی در حوزه خزر» (تهران، ۱۴۰۲)، ص. ۴۵.</p>"
    _html, footnotes = number_footnotes("<p>A[^1]</p>", [("1", persian)])

    assert str(footnotes[0].html) == persian


def test_markers_in_lists_repeats_in_order():
    assert markers_in("a[^2] b[^1] c[^2] d[^no space]") == ["2", "1", "2"]


def test_problems_name_unknown_duplicate_and_unused_labels():
    problems = footnote_problems("Text[^1] and[^9].", ["1", "1", "2"])

    assert problems == [
        "two notes have the label “1”",
        "[^9] refers to a note that does not exist",
        "the note “2” is not referred to in the text",
    ]
    assert footnote_problems("Fine[^1].", ["1"]) == []


@pytest.mark.parametrize(
    ("language", "label", "text"),
    [
        ("en", "Label", "Text of the note"),
        ("tr", "Etiket", "Notun metni"),
        ("ru", "Метка", "Текст примечания"),
    ],
)
def test_the_footnote_panel_speaks_to_editors_in_their_interface_language(language, label, text):
    fields = FootnoteBlock().child_blocks
    panel_help = ArticlePage._meta.get_field("footnotes").help_text
    with override("en"):
        english_help = str(fields["label"].field.help_text), str(panel_help)

    with override(language):
        assert (str(fields["label"].label), str(fields["text"].label)) == (label, text)
        helps = str(fields["label"].field.help_text), str(panel_help)

    # Every help text tells how to refer to a note, and is written in the editor's language.
    assert all("[^1]" in help_text for help_text in helps)
    assert (helps == english_help) == (language == "en")
