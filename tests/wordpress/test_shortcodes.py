from types import SimpleNamespace

from ankasam.wordpress.body import convert_body
from ankasam.wordpress.images import resolve_image_blocks
from ankasam.wordpress.report import Report


def kinds(result) -> list[str]:
    return [block[0] for block in result.blocks]


def attachment_ids(result) -> list[int]:
    return [value["wordpress_attachment_id"] for kind, value in result.blocks if kind == "image"]


def sources(result) -> str:
    return " ".join(value.source for kind, value in result.blocks if kind == "paragraph")


def test_gallery_with_ids_becomes_its_images_in_order():
    result = convert_body('<p>Before.</p>\n[gallery columns="2" ids="769,767"]\n<p>After.</p>')

    assert kinds(result) == ["paragraph", "image", "image", "paragraph"]
    assert attachment_ids(result) == [769, 767]
    assert result.problems == []


def test_gallery_inside_a_paragraph_leaves_no_empty_paragraph_or_report():
    result = convert_body('<p>[gallery ids="5"]</p>')

    assert kinds(result) == ["image"]
    assert result.problems == []


def test_gallery_without_ids_shows_the_images_attached_to_the_post():
    result = convert_body("[gallery]", attached_ids=[12, 11])

    assert attachment_ids(result) == [12, 11]


def test_gallery_with_nothing_to_show_is_removed_and_reported_with_a_count():
    result = convert_body("<p>One</p>\n[gallery]\n\n[gallery columns=3]")

    assert kinds(result) == ["paragraph"]
    assert result.problems == [
        "Removed shortcodes with nothing to show (no ids, address or attached images): [gallery] ×2"
    ]


def test_audio_and_video_files_become_links_and_known_players_embeds():
    html = (
        "[audio https://old.example/wp-content/uploads/talk.mp3]\n\n"
        '[video mp4="https://old.example/wp-content/uploads/clip.mp4"][/video]\n\n'
        '[video src="https://www.youtube.com/watch?v=abc123"]'
    )
    result = convert_body(html)

    assert kinds(result) == ["paragraph", "paragraph", "embed"]
    assert (
        result.blocks[0][1].source
        == '<p><a href="https://old.example/wp-content/uploads/talk.mp3">talk.mp3</a></p>'
    )
    assert 'href="https://old.example/wp-content/uploads/clip.mp4"' in result.blocks[1][1].source
    assert result.blocks[2] == ("embed", "https://www.youtube.com/watch?v=abc123")
    assert any("(×2)" in problem and "old address" in problem for problem in result.problems)


def test_gutenberg_audio_and_video_blocks_become_links_with_their_caption():
    html = (
        '<figure class="wp-block-video"><video controls src="https://old.example/a.mov"></video>'
        "<figcaption>The launch</figcaption></figure>"
        '<figure class="wp-block-audio"><audio controls><source src="https://old.example/b.ogg"></audio></figure>'
    )
    result = convert_body(html)

    assert kinds(result) == ["paragraph", "paragraph", "paragraph"]
    assert '<a href="https://old.example/a.mov">a.mov</a>' in result.blocks[0][1].source
    assert result.blocks[1][1].source == "<p>The launch</p>"
    assert '<a href="https://old.example/b.ogg">b.ogg</a>' in result.blocks[2][1].source


def test_unknown_shortcodes_are_stripped_keeping_enclosed_text_and_reported_by_name_and_count():
    html = (
        '<p>Read this [tooltip text="hint"]carefully[/tooltip] and [tooltip text="x"]twice[/tooltip].</p>\n'
        '[contact-form-7 id="12"]\n\n[toc]\n\n[playlist ids="1,2"]'
    )
    result = convert_body(html)

    assert sources(result) == "<p>Read this carefully and twice.</p>"
    assert "Removed shortcodes this site cannot show (any text they enclosed is kept): " in result.problems[0]
    assert result.problems[0].endswith("[contact-form-7] ×1, [toc] ×1, [tooltip] ×2")
    assert "[playlist] ×1" in result.problems[1]


def test_brackets_in_ordinary_writing_are_not_shortcodes():
    html = "<p>They beached their coracles [simple boat], the minister said [sic] [emphasis added].</p>"

    result = convert_body(html)

    assert sources(result) == html
    assert result.problems == []


def test_escaped_shortcode_and_shortcodes_shown_as_code_stay_text():
    result = convert_body('<p>Type [[gallery]] or <code>[gallery ids="1"]</code>.</p>')

    assert sources(result) == "<p>Type [gallery] or <code>[gallery ids=&quot;1&quot;]</code>.</p>"
    assert kinds(result) == ["paragraph"]


def test_an_embed_from_a_site_without_a_known_player_becomes_a_link():
    html = (
        '<figure class="wp-block-embed is-provider-wordpress-tv"><div class="wp-block-embed__wrapper">\n'
        "https://wordpress.tv/2018/10/14/talk/\n</div></figure>"
    )
    result = convert_body(html)

    assert (
        sources(result)
        == '<p><a href="https://wordpress.tv/2018/10/14/talk/">https://wordpress.tv/2018/10/14/talk/</a></p>'
    )
    assert result.problems == ["Embeds from sites without a known player became links."]


def test_caption_attribute_and_embed_shortcode_still_work():
    html = (
        '[caption id="a" caption="A port"]<img class="wp-image-4" src="https://old.example/p.jpg">[/caption]'
        "\n\n[embed]https://vimeo.com/123[/embed]"
    )
    result = convert_body(html)

    assert result.blocks[0][1]["caption"] == "A port"
    assert result.blocks[1] == ("embed", "https://vimeo.com/123")


def test_missing_gallery_images_are_one_warning_per_post_with_a_count():
    blocks = convert_body('[gallery ids="1,2,3,4,5"]').blocks
    report = Report()

    resolved = resolve_image_blocks(blocks, {2: SimpleNamespace(pk=2)}, 77, report)

    assert [value["image"].pk for _, value in resolved] == [2]
    assert [(warning.post_id, warning.message) for warning in report.warnings] == [
        (
            77,
            "4 image(s) not among the imported attachments were left out: "
            "attachment 1, attachment 3, attachment 4 and 1 more",
        )
    ]
