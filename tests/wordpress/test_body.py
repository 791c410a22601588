import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ankasam.wordpress.body import convert_body
from ankasam.wordpress.links import link_key, rewrite_links

FIXTURES = Path(__file__).parent / "fixtures"
SHORTCODE_TAG = re.compile(r"\[/?(?:embed|caption)[^\]]*\]")
GUTENBERG_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def kinds(result) -> list[str]:
    return [block[0] for block in result.blocks]


def block_text(block) -> str:
    kind, value = block
    if kind == "paragraph":
        return BeautifulSoup(value.source, "html.parser").get_text(" ")
    if kind in ("heading", "embed"):
        return value
    if kind == "quote":
        return f"{value['quote']} {value['attribution']}"
    if kind == "image":
        return f"{value['caption']} {value['alt']}"
    if kind == "table":
        return " ".join(" ".join(row) for row in value["data"]) + " " + value["table_caption"]
    raise AssertionError(f"unexpected block {kind}")


def visible_words(html: str) -> set[str]:
    soup = BeautifulSoup(SHORTCODE_TAG.sub(" ", GUTENBERG_COMMENT.sub(" ", html)), "html.parser")
    for hidden in soup.find_all(["script", "style", "iframe"]):
        hidden.decompose()
    return set(re.findall(r"\w+", soup.get_text(" ")))


def output_words(result) -> set[str]:
    return set(re.findall(r"\w+", " ".join(block_text(block) for block in result.blocks)))


@pytest.mark.parametrize("name", ["body-gutenberg.html", "body-classic.html"])
def test_every_visible_word_survives(name):
    html = fixture(name)
    missing = visible_words(html) - output_words(convert_body(html))
    assert not missing


def test_gutenberg_post_maps_each_block_and_drops_block_comments():
    result = convert_body(fixture("body-gutenberg.html"))

    expected = ["paragraph", "paragraph", "paragraph", "quote", "image", "embed", "table", "paragraph"]
    assert kinds(result) == expected
    assert not any("wp:" in block_text(block) for block in result.blocks)
    # An h3 stays an h3, in rich text that keeps its emphasis too.
    assert result.blocks[1][1].source == "<h3>Why the <em>corridor</em> matters</h3>"
    assert "<ul><li>Energy: gas from Turkmenistan</li>" in result.blocks[2][1].source
    assert result.blocks[3] == (
        "quote",
        {"quote": "Geography is patient; politics is not.", "attribution": "An imagined diplomat"},
    )
    assert result.blocks[5] == ("embed", "https://www.youtube.com/watch?v=abc123XYZ")


def test_image_becomes_a_placeholder_with_attachment_id_caption_and_alt():
    image = convert_body(fixture("body-gutenberg.html")).blocks[4]

    assert image == (
        "image",
        {
            "wordpress_attachment_id": 412,
            "src": "https://old.example.org/wp-content/uploads/2023/04/port.jpg",
            "caption": "The port of Aktau, drawn from memory",
            "alt": "A quiet port at dusk",
        },
    )


def test_table_keeps_header_row_cells_and_caption():
    table = convert_body(fixture("body-gutenberg.html")).blocks[6][1]

    assert table["data"] == [
        ["Route", "Length"],
        ["Middle Corridor", "6500 km"],
        ["Northern Route", "9000 km"],
    ]
    assert table["first_row_is_table_header"] is True
    assert table["table_caption"] == "Approximate lengths"


def test_table_without_header_cells_has_no_header_row():
    result = convert_body("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>")

    assert result.blocks[0][1]["first_row_is_table_header"] is False
    assert result.blocks[0][1]["data"] == [["a", "b"], ["c", ""]]


def test_unicode_text_comes_out_exactly():
    result = convert_body("<p>Türkiye değişti; Россия наблюдает; ایران صبر می\u200cکند.</p>")

    assert BeautifulSoup(result.blocks[0][1].source, "html.parser").get_text() == (
        "Türkiye değişti; Россия наблюдает; ایران صبر می\u200cکند."
    )


def test_unsupported_inline_markup_is_unwrapped_and_reported_once_per_kind():
    result = convert_body('<p><span style="color:red">one</span> <span>two</span> <u>three</u></p>')

    assert result.blocks[0][1].source == "<p>one two three</p>"
    assert [p for p in result.problems if "<span>" in p] == [
        "Unwrapped <span> to its text: the body's rich text cannot hold it. (×2)"
    ]
    assert any("<u>" in p for p in result.problems)


def test_kept_inline_markup_survives():
    html = "<p><strong>b</strong> <em>i</em> <sup>1</sup> <sub>2</sub> <a href='https://a.example/'>l</a></p>"
    source = convert_body(html).blocks[0][1].source

    assert (
        source
        == '<p><strong>b</strong> <em>i</em> <sup>1</sup> <sub>2</sub> <a href="https://a.example/">l</a></p>'
    )


def test_classic_post_without_p_tags_is_split_on_blank_lines():
    result = convert_body(fixture("body-classic.html"))

    first, second = result.blocks[0][1].source, result.blocks[1][1].source
    assert first.startswith("<p>The first classic paragraph has no tags at all.<br/>")
    assert "It continues on a second line." in first
    assert second.startswith("<p>A second paragraph links to")
    assert result.blocks[-2:][0] == ("heading", "Sonuç")
    assert result.blocks[-1][1].source == "<p>Son söz: işbirliği şart.</p>"


def test_caption_shortcode_becomes_image_with_caption():
    images = [value for kind, value in convert_body(fixture("body-classic.html")).blocks if kind == "image"]

    assert images == [
        {
            "wordpress_attachment_id": 77,
            "src": "https://old.example.org/wp-content/uploads/map.png",
            "caption": "Pipelines across the Caucasus",
            "alt": "Map of pipelines",
        }
    ]


def test_embeds_from_bare_url_shortcode_and_known_iframe():
    embeds = [value for kind, value in convert_body(fixture("body-classic.html")).blocks if kind == "embed"]

    assert embeds == [
        "https://vimeo.com/123456",
        "https://twitter.com/example/status/1",
        "https://www.youtube.com/watch?v=QWERTY12345",
    ]


def test_bare_url_of_unknown_site_stays_a_paragraph():
    result = convert_body("<p>https://example.com/report.pdf</p>")

    assert kinds(result) == ["paragraph"]


def test_scripts_handlers_unsafe_links_and_unknown_iframes_are_removed_and_reported():
    result = convert_body(fixture("body-classic.html"))
    everything = " ".join(
        block[1].source if block[0] == "paragraph" else str(block[1]) for block in result.blocks
    )

    for dangerous in ("tracking", "document.write", "onclick", "steal", "javascript:", "evil.example.net"):
        assert dangerous not in everything
    assert "a trap" in everything
    for reported in ("<script>", "event-handler", "javascript:", "evil.example.net/widget"):
        assert any(reported in problem for problem in result.problems), reported


def test_data_link_and_style_inside_paragraph_are_removed():
    result = convert_body('<p>Safe <a href="data:text/html;base64,xx">text</a><style>p{}</style></p>')

    assert result.blocks[0][1].source == "<p>Safe text</p>"
    assert len(result.problems) == 2


def test_links_are_collected():
    result = convert_body(fixture("body-gutenberg.html") + fixture("body-classic.html"))

    assert result.links == ["https://old.example.org/2023/04/caspian-routes/", "/2021/09/older-piece"]


def test_link_in_heading_is_kept_in_a_rich_text_heading_and_collected():
    result = convert_body('<h2><a href="/x/">Title</a></h2>')

    assert kinds(result) == ["paragraph"]
    assert result.blocks[0][1].source == '<h2><a href="/x/">Title</a></h2>'
    assert result.links == ["/x/"]
    assert result.problems == []


def test_link_key_ignores_scheme_host_fragment_and_trailing_slash_but_not_other_sites():
    hosts = ["old.example.org"]

    assert link_key("https://www.old.example.org/2021/09/older-piece/#part", hosts) == "/2021/09/older-piece/"
    assert link_key("/2021/09/older-piece", hosts) == "/2021/09/older-piece/"
    assert link_key("http://old.example.org/?p=12", hosts) == "/?p=12"
    assert link_key("https://elsewhere.example/2021/09/older-piece/", hosts) is None
    assert link_key("mailto:a@b.example", hosts) is None


def test_rewrite_links_makes_page_links_and_leaves_others():
    result = convert_body(fixture("body-gutenberg.html") + fixture("body-classic.html"))
    page_ids = {
        "https://old.example.org/2023/04/caspian-routes/": 31,
        "https://old.example.org/2021/09/older-piece/": 32,
    }

    blocks = rewrite_links(result.blocks, page_ids, site_hosts=["old.example.org"])

    assert '<a id="31" linktype="page">new interest</a>' in blocks[0][1].source
    second_classic = next(b for b in blocks if b[0] == "paragraph" and "an older piece" in b[1].source)
    assert '<a id="32" linktype="page">an older piece</a>' in second_classic[1].source
    assert [b[0] for b in blocks] == kinds(result)
    assert blocks[4] is result.blocks[4]


def test_rewrite_links_leaves_foreign_links_alone():
    blocks = convert_body('<p><a href="https://elsewhere.example/2023/04/caspian-routes/">x</a></p>').blocks

    rewritten = rewrite_links(blocks, {"/2023/04/caspian-routes/": 31}, site_hosts=["old.example.org"])

    assert (
        rewritten[0][1].source == '<p><a href="https://elsewhere.example/2023/04/caspian-routes/">x</a></p>'
    )


def test_markup_inside_a_word_does_not_split_it():
    result = convert_body("<h2><strong>NATO</strong>'s <em>re</em>think</h2>")

    assert result.blocks == [("heading", "NATO's rethink")]


def test_paragraphs_inside_a_list_item_keep_their_line_break():
    source = convert_body("<ul><li><p>first</p><p>second</p></li></ul>").blocks[0][1].source

    assert source == "<ul><li>first<br/>second</li></ul>"


def test_image_inside_a_paragraph_becomes_its_own_block_after_the_text():
    html = '<p><a href="/big.jpg"><img class="wp-image-9" src="/small.jpg" alt=""></a> Some text.</p>'

    result = convert_body(html)

    assert kinds(result) == ["paragraph", "image"]
    assert result.blocks[1][1]["wordpress_attachment_id"] == 9
    assert "Some text." in result.blocks[0][1].source


def test_image_without_attachment_class_is_reported():
    result = convert_body('<img src="https://old.example.org/x.png" alt="x">')

    assert result.blocks[0][1]["wordpress_attachment_id"] is None
    assert any("https://old.example.org/x.png" in problem for problem in result.problems)


def test_pullquote_figure_becomes_a_quote():
    html = (
        '<figure class="wp-block-pullquote"><blockquote><p>Short line.</p><p>Second line.</p>'
        "<cite>Someone</cite></blockquote></figure>"
    )

    assert convert_body(html).blocks == [
        ("quote", {"quote": "Short line.\n\nSecond line.", "attribution": "Someone"})
    ]


def test_rewritten_page_link_is_understood_by_wagtail():
    from wagtail.rich_text.rewriters import extract_attrs

    blocks = rewrite_links(convert_body('<p><a href="/a/">x</a></p>').blocks, {"/a/": 7})
    attrs = extract_attrs(re.search(r"<a[^>]*>", blocks[0][1].source).group(0)[2:-1])

    assert attrs == {"linktype": "page", "id": "7"}


def test_empty_paragraphs_and_rules_make_no_blocks():
    assert convert_body("<p>&nbsp;</p><p> </p><hr/><!-- wp:spacer --><div></div>").blocks == []


def test_definition_list_words_do_not_run_together():
    result = convert_body("<dl><dt>Term</dt><dd>Meaning</dd></dl>")

    assert {"Term", "Meaning"} <= output_words(result)


def test_lazy_loaded_image_uses_its_real_address():
    html = '<img class="wp-image-5" src="data:image/gif;base64,R0lGOD" data-lazy-src="/real.jpg" alt="">'

    assert convert_body(html).blocks[0][1]["src"] == "/real.jpg"
