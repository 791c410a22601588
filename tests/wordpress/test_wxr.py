import gc
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ankasam.wordpress.wxr import (
    Author,
    Item,
    MalformedExport,
    Term,
    UnsafeExport,
    export_version,
    read_export,
)

FIXTURES = Path(__file__).parent / "fixtures"


def records(name: str) -> list[Author | Term | Item]:
    return list(read_export(FIXTURES / name))


def items_by_id(name: str) -> dict[int, Item]:
    return {record.post_id: record for record in records(name) if isinstance(record, Item)}


def test_export_version_is_read_from_the_channel_header():
    assert export_version(FIXTURES / "wxr-1.2-cdata.xml") == "1.2"
    assert export_version(FIXTURES / "wxr-1.1-plain.xml") == "1.1"


def test_records_come_in_document_order_and_comments_are_not_records():
    kinds = [type(record).__name__ for record in records("wxr-1.2-cdata.xml")]
    assert kinds == ["Author", "Term", "Term", "Term", "Item", "Item", "Item"]


def test_author_fields_with_cdata():
    (author,) = [r for r in records("wxr-1.2-cdata.xml") if isinstance(r, Author)]
    assert author == Author(
        author_id=7,
        login="ayse",
        email="ayse@example.org",
        display_name="Ayşe Demir",
        first_name="Ayşe",
        last_name="Demir",
    )


def test_author_fields_without_cdata():
    (author,) = [r for r in records("wxr-1.1-plain.xml") if isinstance(r, Author)]
    assert (author.author_id, author.login, author.display_name) == (2, "ivan", "Иван Петров")


def test_categories_tags_and_terms_all_become_terms():
    terms = {term.slug: term for term in records("wxr-1.2-cdata.xml") if isinstance(term, Term)}
    assert terms["energy"].taxonomy == "category"
    assert terms["energy"].name == "Energy & Climate"
    assert terms["energy"].term_id == 3
    assert terms["pipelines"].taxonomy == "post_tag"
    group = terms["pll_5f1e2d3c4b5a6"]
    assert group.taxonomy == "post_translations"
    assert group.description == 'a:2:{s:2:"en";i:101;s:2:"tr";i:102;}'
    assert group.meta == {"_pll_strings_translations": ["a:0:{}"]}


def test_published_post_fields():
    post = items_by_id("wxr-1.2-cdata.xml")[101]
    assert post.post_type == "post"
    assert post.status == "publish"
    assert post.title == "Gas routes after the winter"
    assert post.link == "https://example.org/2024/03/gas-routes/"
    assert post.post_name == "gas-routes"
    assert post.author_login == "ayse"
    assert post.post_date == datetime(2024, 3, 5, 12, 30)
    assert post.post_date_gmt == datetime(2024, 3, 5, 9, 30, tzinfo=UTC)
    assert post.modified == datetime(2024, 3, 6, 8, 0)
    assert post.modified_gmt == datetime(2024, 3, 6, 5, 0, tzinfo=UTC)
    assert post.excerpt == "A short summary."
    assert post.parent_id is None
    assert post.categories == [
        ("category", "energy", "Energy & Climate"),
        ("language", "en", "English"),
        ("post_translations", "pll_5f1e2d3c4b5a6", "pll_5f1e2d3c4b5a6"),
    ]


def test_content_is_kept_exactly_including_block_comments_and_raw_ampersands():
    post = items_by_id("wxr-1.2-cdata.xml")[101]
    assert post.content == (
        "<!-- wp:paragraph -->\n"
        '<p>Supply shifted east<sup>1</sup>; see "Notes" & more.</p>\n'
        "<!-- /wp:paragraph -->"
    )


def test_mixed_script_content_survives_unchanged():
    post = items_by_id("wxr-1.2-cdata.xml")[102]
    assert post.content == "<p>Kaynak: «منابع انرژی» (Tehran, 2019).</p>"


def test_repeated_postmeta_keys_keep_every_value_in_order():
    post = items_by_id("wxr-1.2-cdata.xml")[101]
    assert post.postmeta == {"_thumbnail_id": ["201"], "co_author": ["ayse", "mehmet"]}


def test_draft_with_zero_dates_has_no_dates():
    draft = items_by_id("wxr-1.2-cdata.xml")[102]
    assert draft.status == "draft"
    assert draft.post_date is None
    assert draft.post_date_gmt is None


def test_attachment_fields():
    attachment = items_by_id("wxr-1.2-cdata.xml")[201]
    assert attachment.post_type == "attachment"
    assert attachment.parent_id == 101
    assert attachment.menu_order == 2
    assert attachment.attachment_url == "https://example.org/wp-content/uploads/2024/03/pipeline-map.png"
    assert attachment.postmeta["_wp_attached_file"] == ["2024/03/pipeline-map.png"]


def test_wxr_1_1_without_cdata_unescapes_entities():
    post = items_by_id("wxr-1.1-plain.xml")[301]
    assert post.title == "Caspian notes & queries"
    assert post.content == "<p>Текст с примечанием<sup>1</sup>.</p>"
    assert post.excerpt == ""
    assert post.status == "future"
    assert post.post_date == datetime(2023, 11, 2, 10, 15)
    assert post.categories == [("post_tag", "caspian", "Caspian")]
    assert post.postmeta["footnotes"] == ['[{"content":"Note <em>one</em>","id":"a1"}]']


def test_accepts_an_open_binary_file():
    with (FIXTURES / "wxr-1.1-plain.xml").open("rb") as handle:
        assert [r.post_id for r in read_export(handle) if isinstance(r, Item)] == [301]


@pytest.mark.parametrize("fixture", ["wxr-billion-laughs.xml", "wxr-external-entity.xml"])
def test_entity_declarations_are_refused_before_any_record(fixture):
    reader = read_export(FIXTURES / fixture)
    with pytest.raises(UnsafeExport, match="^The export declares entities"):
        next(reader)


def test_unsafe_export_explains_the_risk():
    with pytest.raises(UnsafeExport) as refused:
        list(read_export(FIXTURES / "wxr-external-entity.xml"))
    assert "read files from this server" in str(refused.value)


def test_a_bare_doctype_is_refused_too(tmp_path):
    export = tmp_path / "doctype.xml"
    export.write_text('<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://example.org/rss.dtd"><rss/>')
    with pytest.raises(UnsafeExport):
        list(read_export(export))


def test_malformed_xml_names_the_line_after_yielding_the_good_items():
    reader = read_export(FIXTURES / "wxr-malformed.xml")
    first = next(reader)
    assert isinstance(first, Item) and first.post_id == 1
    with pytest.raises(MalformedExport, match="line 10") as failure:
        next(reader)
    assert failure.value.line == 10


def test_a_file_that_is_not_rss_is_refused(tmp_path):
    export = tmp_path / "feed.xml"
    export.write_text('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>')
    with pytest.raises(MalformedExport, match="not a WordPress export"):
        list(read_export(export))


def test_an_item_without_post_id_is_malformed(tmp_path):
    export = tmp_path / "no-id.xml"
    export.write_text(
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
        "<item><title>Lost</title><wp:post_id></wp:post_id></item></channel></rss>"
    )
    with pytest.raises(MalformedExport, match="Lost"):
        list(read_export(export))


def write_synthetic_export(path: Path, item_count: int) -> None:
    paragraph = "<p>" + "Analysis of regional energy policy and its consequences. " * 50 + "</p>"
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:wp="http://wordpress.org/export/1.2/"><channel>'
            "<wp:wxr_version>1.2</wp:wxr_version>\n"
        )
        for post_id in range(1, item_count + 1):
            out.write(
                f"<item><title>Post {post_id}</title><wp:post_id>{post_id}</wp:post_id>"
                f"<wp:post_type>post</wp:post_type><content:encoded><![CDATA[{paragraph}]]>"
                f"</content:encoded><wp:postmeta><wp:meta_key>k</wp:meta_key>"
                f"<wp:meta_value>{post_id}</wp:meta_value></wp:postmeta></item>\n"
            )
        out.write("</channel></rss>\n")


def peak_memory_while_reading(path: Path) -> tuple[int, int]:
    # Garbage a previous test left would count against this reading.
    gc.collect()
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_export(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, peak


def test_memory_does_not_grow_with_the_size_of_the_export(tmp_path):
    # Measured here, the peak rises up to about 2,000 items (what is left between two runs of
    # Python's garbage collector) and is flat after that; the smaller export is past that point,
    # so that only growth with the size of the export is measured.
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    write_synthetic_export(small, 2000)
    write_synthetic_export(large, 10000)
    assert large.stat().st_size > 10000 * 2800

    small_count, small_peak = peak_memory_while_reading(small)
    large_count, large_peak = peak_memory_while_reading(large)

    assert (small_count, large_count) == (2000, 10000)
    assert large_peak < 1.5 * small_peak, (small_peak, large_peak)
