from ankasam.wordpress.body import convert_body
from ankasam.wordpress.wxr import plain_title


def kinds(result) -> list[str]:
    return [block[0] for block in result.blocks]


def test_heading_levels_h1_to_h2_h3_h4_kept_h5_h6_to_h4():
    html = "<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>"
    result = convert_body(html)

    assert result.blocks[:2] == [("heading", "One"), ("heading", "Two")]
    assert [block[1].source for block in result.blocks[2:]] == [
        "<h3>Three</h3>",
        "<h4>Four</h4>",
        "<h4>Five</h4>",
        "<h4>Six</h4>",
    ]
    assert result.problems == []


def test_a_link_in_a_lower_heading_is_kept():
    result = convert_body('<h3 id="x">See <a href="https://a.example/">the map</a></h3>')

    assert result.blocks[0][1].source == '<h3>See <a href="https://a.example/">the map</a></h3>'
    assert result.links == ["https://a.example/"]


def test_preformatted_and_code_blocks_become_code_blocks_as_typed():
    html = (
        '<pre class="wp-block-code"><code>&lt;?php echo 1; ?&gt;\n  indented</code></pre>'
        '<pre class="wp-block-preformatted">line one<br>line  two</pre>'
    )
    result = convert_body(html)

    assert result.blocks == [("code", "<?php echo 1; ?>\n  indented"), ("code", "line one\nline  two")]
    assert result.problems == []


def test_verse_keeps_its_lines_as_a_paragraph():
    result = convert_body('<pre class="wp-block-verse">A block for haiku?<br>  Why not?</pre>')

    assert kinds(result) == ["paragraph"]
    assert result.blocks[0][1].source == "<p>A block for haiku?<br/>  Why not?</p>"


def test_struck_inserted_and_typed_text_keep_their_marks():
    html = (
        '<p><del cite="x">a</del> <s>b</s> <strike>c</strike> <ins cite="y">d</ins> '
        "<code>e</code> <kbd>f</kbd> <tt>g</tt></p>"
    )
    result = convert_body(html)

    assert result.blocks[0][1].source == (
        "<p><s>a</s> <s>b</s> <s>c</s> <ins>d</ins> <code>e</code> <code>f</code> <code>g</code></p>"
    )
    assert result.problems == []


def test_a_numbered_list_keeps_where_it_starts():
    result = convert_body('<ol start="8" reversed><li>eight</li></ol><ol start="1"><li>one</li></ol>')

    assert [block[1].source for block in result.blocks] == [
        '<ol start="8"><li>eight</li></ol>',
        "<ol><li>one</li></ol>",
    ]


def test_a_quote_with_a_link_keeps_it_in_a_rich_text_quotation():
    html = (
        '<blockquote class="wp-block-quote"><p>First, see <a href="https://a.example/">this</a>.</p>'
        "<p>Second.</p><cite>A diplomat</cite></blockquote>"
    )
    result = convert_body(html)

    assert kinds(result) == ["paragraph"]
    assert result.blocks[0][1].source == (
        '<blockquote>First, see <a href="https://a.example/">this</a>.</blockquote>'
        "<blockquote>Second.</blockquote><p>A diplomat</p>"
    )
    assert result.links == ["https://a.example/"]
    assert result.problems == []


def test_a_link_in_the_source_of_a_quote_is_kept_too():
    html = '<blockquote><p>Patience.</p><cite><a href="https://b.example/">A report</a></cite></blockquote>'
    result = convert_body(html)

    assert result.blocks[0][1].source == (
        '<blockquote>Patience.</blockquote><p><a href="https://b.example/">A report</a></p>'
    )
    assert result.links == ["https://b.example/"]


def test_a_quote_without_links_stays_a_quote_block():
    result = convert_body("<blockquote><p>Patience.</p><cite>Someone</cite></blockquote>")

    assert result.blocks == [("quote", {"quote": "Patience.", "attribution": "Someone"})]


def test_links_in_captions_and_tables_are_kept_as_links_under_their_block_and_reported():
    html = (
        '<table><tr><td><a href="/a/">a</a></td><td><a href="/b/">b &amp; c</a></td></tr></table>'
        '<figure><img class="wp-image-3" src="x.jpg"><figcaption>By <a href="/c/">C</a></figcaption></figure>'
    )
    result = convert_body(html)

    kinds = [kind for kind, _ in result.blocks]
    assert kinds == ["table", "paragraph", "image", "paragraph"]
    assert result.blocks[1][1].source == '<p><a href="/a/">a</a> · <a href="/b/">b &amp; c</a></p>'
    assert result.blocks[2][1]["caption"] == "By C"
    assert result.blocks[3][1].source == '<p><a href="/c/">C</a></p>'
    assert result.problems == [
        "Links in a table were listed, as links, in a paragraph under it (the block holds none).",
        "Links in a caption were listed, as links, in a paragraph under it (the block holds none).",
    ]
    assert result.links == ["/a/", "/b/", "/c/"]


def test_a_gallery_or_embed_caption_becomes_a_paragraph_with_its_links():
    html = (
        '<figure class="wp-block-gallery"><img src="a.jpg"><img src="b.jpg">'
        '<figcaption>Photos: <a href="https://example.org/archive">the archive</a></figcaption></figure>'
    )
    result = convert_body(html)

    assert [kind for kind, _ in result.blocks] == ["image", "image", "paragraph"]
    assert (
        result.blocks[2][1].source == '<p>Photos: <a href="https://example.org/archive">the archive</a></p>'
    )


def test_the_file_block_is_one_link_without_its_download_button():
    html = (
        '<div class="wp-block-file"><a href="https://old.example/f.pdf">The report</a>'
        '<a href="https://old.example/f.pdf" class="wp-block-file__button" download>Download</a></div>'
    )
    result = convert_body(html)

    assert result.blocks[0][1].source == '<p><a href="https://old.example/f.pdf">The report</a></p>'


def test_a_title_with_markup_becomes_its_text():
    assert plain_title("Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>") == "Markup: Title With Markup"
    assert plain_title(" Tom &amp; Jerry\n") == "Tom & Jerry"
