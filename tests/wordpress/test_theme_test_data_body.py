"""WordPress's own theme test exports, read from ../shared/ (never copied here), through the body
conversion alone: every post and page, as the importer would convert it."""

import re
from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup

from ankasam.wordpress.body import convert_body
from ankasam.wordpress.scan import attached_images, scan_export
from ankasam.wordpress.wxr import Item, read_export

from ..services import missing, shared_folder

EXPORTS = ("themeunittestdata.wordpress.xml", "64-block-test-data.xml")
# A shortcode left as text: one of WordPress's own by name, or any name with name="value" attributes
# or a closing tag. "[simple boat]" in post 358 is Peter Pan's text, not a shortcode.
CORE_SHORTCODE = re.compile(r"\[/?(?:gallery|audio|video|playlist|embed|caption|wp_caption)\b[^\]]*\]")
ANY_SHORTCODE = re.compile(r"\[[a-zA-Z][\w-]*\s+[\w-]+\s*=[^\]]*\]|\[/[a-zA-Z][\w-]*\]")
HEADING_LEVEL = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}


@pytest.fixture(scope="module")
def folder():
    found = shared_folder("wordpress-test-data")
    if found is None or not all((found / name).is_file() for name in EXPORTS):
        missing("WordPress's theme test data is not in ../shared/wordpress-test-data/")
    return found


@pytest.fixture(scope="module")
def items(folder) -> dict[str, list[Item]]:
    return {name: [r for r in read_export(folder / name) if isinstance(r, Item)] for name in EXPORTS}


@pytest.fixture(scope="module")
def attached(folder) -> dict[str, Callable[[int], list[int]]]:
    """Per export, the images attached to a post as the importer finds them."""
    indexes = {name: scan_export(folder / name, ["en"]) for name in EXPORTS}
    return {
        name: (lambda post_id, index=index: attached_images(index, post_id))
        for name, index in indexes.items()
    }


def converted(items: list[Item], attached_to):
    for item in items:
        if item.post_type in ("post", "page"):
            yield item, convert_body(item.content, attached_to(item.post_id))


def block_text(kind: str, value) -> str:
    if kind == "paragraph":
        return BeautifulSoup(value.source, "html.parser").get_text(" ")
    if kind in ("heading", "embed", "code"):
        return str(value)
    if kind == "quote":
        return f"{value['quote']} {value['attribution']}"
    if kind == "image":
        return f"{value['caption']} {value['alt']}"
    if kind == "table":
        return " ".join(" ".join(row) for row in value["data"]) + " " + value["table_caption"]
    raise AssertionError(f"unexpected block {kind}")


@pytest.mark.parametrize("name", EXPORTS)
def test_no_raw_shortcode_is_left_in_any_body(items, attached, name):
    left = []
    shortcodes_in_source = 0
    for item, result in converted(items[name], attached[name]):
        shortcodes_in_source += len(CORE_SHORTCODE.findall(item.content))
        for kind, value in result.blocks:
            text = block_text(kind, value)
            left += [
                (item.post_id, found) for found in CORE_SHORTCODE.findall(text) + ANY_SHORTCODE.findall(text)
            ]
    assert shortcodes_in_source > 0  # the export does hold shortcodes to convert
    assert left == []


def test_galleries_become_images_and_audio_a_link(items, attached):
    theme = "themeunittestdata.wordpress.xml"
    bodies = {item.post_id: result for item, result in converted(items[theme], attached[theme])}

    shortcode_gallery = [v["wordpress_attachment_id"] for k, v in bodies[1736].blocks if k == "image"]
    assert shortcode_gallery == [770, 771]
    # Post 555's `[gallery columns=N]`, without ids, each show the images attached to that post.
    post_555 = next(item for item in items["themeunittestdata.wordpress.xml"] if item.post_id == 555)
    galleries = post_555.content.count("[gallery")
    attached_to_555 = attached[theme](555)
    assert galleries >= 9 and len(attached_to_555) > 1
    assert [k for k, _ in bodies[555].blocks].count("image") == galleries * len(attached_to_555)
    audio = [v.source for k, v in bodies[587].blocks if k == "paragraph" and ".mp3" in v.source]
    assert any("<a href=" in source for source in audio)
    peter_pan = " ".join(block_text(k, v) for k, v in bodies[358].blocks)
    assert "coracles [simple boat]" in peter_pan


def test_the_heading_hierarchy_of_post_1178_is_kept(items):
    item = next(item for item in items["themeunittestdata.wordpress.xml"] if item.post_id == 1178)
    result = convert_body(item.content)
    source = BeautifulSoup(item.content, "html.parser").find_all(list(HEADING_LEVEL))
    expected = [(HEADING_LEVEL[tag.name], " ".join(tag.get_text().split())) for tag in source]

    headings = []
    for kind, value in result.blocks:
        if kind == "heading":
            headings.append((2, value))
        elif kind == "paragraph":
            for tag in BeautifulSoup(value.source, "html.parser").find_all(["h2", "h3", "h4"]):
                headings.append((int(tag.name[1]), tag.get_text()))

    assert headings == expected
    assert [level for level, _ in headings[:6]] == [2, 2, 3, 4, 4, 4]


def test_titles_with_markup_are_text(items):
    titles = [item.title for item in items["themeunittestdata.wordpress.xml"]]

    assert "Markup: Title With Markup" in titles
    assert not [title for title in titles if re.search(r"</?[a-z]+>", title)]
