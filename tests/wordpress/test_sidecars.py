from pathlib import Path

import pytest

from ankasam.wordpress.bios import AuthorLink, polylang_bio_meta, read_author_bios
from ankasam.wordpress.sidecars import (
    SidecarError,
    TaxonomyMapping,
    WpmlEntry,
    language_from_path,
    read_taxonomy_mapping,
    read_wpml_translations,
    wpml_groups,
)

FIXTURES = Path(__file__).parent / "fixtures"
SITE_LANGUAGES = ("en", "tr", "ru")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- WPML -------------------------------------------------------------------------------------


def test_wpml_csv_gives_language_group_and_source():
    entries = read_wpml_translations(FIXTURES / "sidecar-wpml-translations.csv")

    assert entries[201] == WpmlEntry(element_id=201, trid=31, language="en", source_language=None)
    assert entries[202] == WpmlEntry(element_id=202, trid=31, language="tr", source_language="en")
    assert entries[204].source_language is None  # empty cell, not NULL
    assert sorted(entries) == [201, 202, 203, 204, 205, 206]


def test_wpml_groups_by_trid_keeps_non_site_languages_for_the_report():
    groups = wpml_groups(read_wpml_translations(FIXTURES / "sidecar-wpml-translations.csv"))

    assert groups == {
        31: {"en": 201, "tr": 202, "ru": 203},
        32: {"tr": 204},
        33: {"en": 205, "de": 206},
    }


def test_wpml_groups_accepts_a_plain_list():
    entries = [WpmlEntry(5, 1, "tr", "en"), WpmlEntry(4, 1, "en", None)]

    assert wpml_groups(entries) == {1: {"en": 4, "tr": 5}}


def test_wpml_groups_refuses_two_posts_for_one_language():
    entries = [WpmlEntry(4, 1, "en", None), WpmlEntry(5, 1, "en", None)]

    with pytest.raises(SidecarError, match="posts 4 and 5 are both the 'en' version of group 1"):
        wpml_groups(entries)


def test_wpml_full_table_tab_separated_keeps_only_posts_and_pages():
    entries = read_wpml_translations(FIXTURES / "sidecar-wpml-full-table.tsv")

    # post_page 90 is a page; the category is another element type; the NULL element_id row is an empty slot.
    assert set(entries) == {90, 201, 202}
    assert entries[202] == WpmlEntry(element_id=202, trid=31, language="tr", source_language="en")


def test_wpml_columns_in_any_order_with_byte_order_mark(tmp_path):
    path = tmp_path / "wpml.csv"
    path.write_bytes(
        "\ufefflanguage_code,source_language_code,trid,element_id,element_type\n"
        "TR,EN,9,12,post_post\n".encode()
    )

    assert read_wpml_translations(path) == {12: WpmlEntry(12, 9, "tr", "en")}


def test_wpml_bad_header_names_missing_columns(tmp_path):
    path = write(tmp_path, "wpml.csv", "id,group,lang\n1,2,en\n")

    with pytest.raises(SidecarError) as raised:
        read_wpml_translations(path)

    message = str(raised.value)
    assert message.startswith(f"{path}, line 1: ")
    assert "element_id, trid, language_code, source_language_code" in message
    assert raised.value.line == 1


def test_wpml_non_integer_id_names_line_and_value(tmp_path):
    path = write(
        tmp_path,
        "wpml.csv",
        "element_id,trid,language_code,source_language_code\n1,2,en,\nabc,2,tr,en\n",
    )

    with pytest.raises(SidecarError, match=r"line 3: element_id must be a whole number, found 'abc'"):
        read_wpml_translations(path)


def test_wpml_non_integer_trid(tmp_path):
    path = write(tmp_path, "wpml.csv", "element_id,trid,language_code,source_language_code\n1,x1,en,\n")

    with pytest.raises(SidecarError, match=r"line 2: trid must be a whole number"):
        read_wpml_translations(path)


def test_wpml_short_row_and_missing_language(tmp_path):
    short = write(tmp_path, "short.csv", "element_id,trid,language_code,source_language_code\n1,2\n")
    no_language = write(tmp_path, "nolang.csv", "element_id,trid,language_code,source_language_code\n1,2,,\n")

    with pytest.raises(SidecarError, match=r"line 2: expected 4 columns, found 2"):
        read_wpml_translations(short)
    with pytest.raises(SidecarError, match=r"line 2: post 1 has no language_code"):
        read_wpml_translations(no_language)


def test_wpml_duplicate_post_and_duplicate_language_in_group(tmp_path):
    header = "element_id,trid,language_code,source_language_code\n"
    twice = write(tmp_path, "twice.csv", header + "1,2,en,\n1,2,en,\n")
    clash = write(tmp_path, "clash.csv", header + "1,2,en,\n3,2,en,\n")

    with pytest.raises(SidecarError, match=r"line 3: post 1 is listed twice"):
        read_wpml_translations(twice)
    with pytest.raises(SidecarError, match=r"line 3: posts 1 and 3 are both the 'en' version of group 2"):
        read_wpml_translations(clash)


def test_wpml_empty_and_missing_files(tmp_path):
    with pytest.raises(SidecarError, match="line 1: the file is empty"):
        read_wpml_translations(write(tmp_path, "empty.csv", ""))
    with pytest.raises(SidecarError, match="file not found"):
        read_wpml_translations(tmp_path / "nope.csv")


def test_wpml_not_utf8(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(b"element_id,trid,language_code,source_language_code\n1,2,t\xfcr,\n")

    with pytest.raises(SidecarError, match="not UTF-8"):
        read_wpml_translations(path)


# --- language_from_path -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/tr/2024/05/slug/", "tr"),
        ("https://example.org/ru/analysis/", "ru"),
        ("/tr/2024/05/slug/", "tr"),
        ("/TR/slug", "tr"),
        ("https://example.org/tr", "tr"),
        ("https://example.org/2024/05/slug/", None),
        ("https://example.org/travel/slug/", None),  # starts with "tr" but is not the prefix
        ("https://example.org/de/slug/", None),  # not a site language
        ("https://example.org/?p=12&lang=ru", "ru"),  # WPML's language-as-parameter setting
        ("https://example.org/", None),
        ("", None),
    ],
)
def test_language_from_path(url, expected):
    assert language_from_path(url, SITE_LANGUAGES) == expected


def test_language_from_path_returns_the_site_spelling():
    assert language_from_path("/pt-br/slug/", ["en", "pt-BR"]) == "pt-BR"


# --- Author bios ------------------------------------------------------------------------------


def test_author_bios_per_site_language():
    bios = read_author_bios(FIXTURES / "sidecar-author-bios.json", SITE_LANGUAGES)

    elif_ = bios["elif"]
    assert elif_.display_name == {"en": "Elif Demirtaş", "tr": "Elif Demirtaş"}
    assert elif_.role["tr"] == "Kıdemli araştırmacı, enerji"
    assert elif_.bio == {
        "en": "<p>Elif writes on pipelines across the Caspian.</p>",
        "tr": "<p>Elif, Hazar ötesi boru hatları üzerine yazıyor.</p>",
    }  # the empty "ru" bio is no bio
    assert elif_.email == "elif@example.org"
    assert bios["oleg"].bio == {"ru": "<p>Олег изучает Центральную Азию.</p>"}
    assert bios["oleg"].links == []


def test_author_bios_set_aside_non_site_languages_with_a_note():
    elif_ = read_author_bios(FIXTURES / "sidecar-author-bios.json", SITE_LANGUAGES)["elif"]

    assert elif_.set_aside == {"bio": {"fr": "<p>Elif écrit sur les gazoducs.</p>"}}
    assert elif_.other_languages == ["fr"]
    assert any("fr ignored" in note for note in elif_.notes)
    assert any("unknown fields ignored: twitter" in note for note in elif_.notes)


def test_author_bios_drop_script_links_with_a_note():
    elif_ = read_author_bios(FIXTURES / "sidecar-author-bios.json", SITE_LANGUAGES)["elif"]

    assert elif_.links == [AuthorLink(label="Profile", url="https://example.org/people/elif")]
    assert any("javascript:alert(1)" in note and "dropped" in note for note in elif_.notes)


def test_author_bios_invalid_json_names_line(tmp_path):
    path = write(tmp_path, "bios.json", '{\n  "elif": {\n    "bio": {"en": "x",}\n  }\n}\n')

    with pytest.raises(SidecarError) as raised:
        read_author_bios(path, SITE_LANGUAGES)

    assert raised.value.line == 3
    assert str(raised.value).startswith(f"{path}, line 3: not valid JSON")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('["elif"]', "expected a JSON object keyed by WordPress login"),
        ('{"elif": "Elif"}', "user 'elif': expected an object, found text"),
        ('{"elif": {"bio": "<p>x</p>"}}', "user 'elif': \"bio\" must map language codes to text"),
        ('{"elif": {"role": {"en": 3}}}', "user 'elif': \"role\" must map language codes to text"),
        ('{"elif": {"links": {"url": "https://a"}}}', '"links" must be a list'),
        ('{"elif": {"links": [{"label": "x"}]}}', 'link 1 needs a text "url"'),
        ('{"elif": {"email": 5}}', '"email" must be text'),
    ],
)
def test_author_bios_wrong_shapes(tmp_path, text, message):
    path = write(tmp_path, "bios.json", text)

    with pytest.raises(SidecarError, match=message.replace("(", r"\(")) as raised:
        read_author_bios(path, SITE_LANGUAGES)
    assert str(raised.value).startswith(str(path))


def test_polylang_bio_meta_reads_per_language_keys():
    usermeta = {
        "description": "Default-language bio",
        "description_tr": "Türkçe biyografi",
        "description_RU": "Биография",
        "description_de": "Nicht auf der Website",
        "description_en": "",
        "first_name": "Elif",
    }

    assert polylang_bio_meta(usermeta, SITE_LANGUAGES) == {"tr": "Türkçe biyografi", "ru": "Биография"}
    assert polylang_bio_meta(usermeta, SITE_LANGUAGES, default_language="en") == {
        "en": "Default-language bio",
        "tr": "Türkçe biyografi",
        "ru": "Биография",
    }


def test_polylang_bio_meta_language_key_wins_over_plain_description():
    usermeta = {"description_en": "Specific", "description": "Plain"}

    assert polylang_bio_meta(usermeta, SITE_LANGUAGES, default_language="en") == {"en": "Specific"}


# --- Taxonomy mapping -------------------------------------------------------------------------


def test_taxonomy_mapping_toml():
    mapping = read_taxonomy_mapping(FIXTURES / "sidecar-taxonomy-mapping.toml")

    assert mapping.target_for("caucasus") == "region"
    assert mapping.target_for("interview") == "article_type"
    assert mapping.target_for("uncategorized") == "skip"
    assert mapping.target_for("energy") == "topic"
    assert mapping.target_for("not-listed") == "topic"
    assert mapping.target_for("not-listed", default="tag") == "tag"


def test_taxonomy_mapping_matches_percent_encoded_wordpress_slugs():
    mapping = read_taxonomy_mapping(FIXTURES / "sidecar-taxonomy-mapping.toml")

    # WordPress stores the Cyrillic slug "кавказ" percent-encoded.
    assert mapping.target_for("%d0%ba%d0%b0%d0%b2%d0%ba%d0%b0%d0%b7") == "region"


def test_taxonomy_mapping_json(tmp_path):
    path = write(tmp_path, "mapping.json", '{"categories": {"podcast": "tag"}}')

    assert read_taxonomy_mapping(path) == TaxonomyMapping(categories={"podcast": "tag"})


def test_taxonomy_mapping_empty_file_maps_nothing(tmp_path):
    assert read_taxonomy_mapping(write(tmp_path, "mapping.toml", "")).categories == {}


def test_taxonomy_mapping_unknown_target_names_line(tmp_path):
    path = write(tmp_path, "mapping.toml", '[categories]\ncaucasus = "region"\ninterview = "format"\n')

    with pytest.raises(SidecarError) as raised:
        read_taxonomy_mapping(path)

    assert raised.value.line == 3
    assert "category 'interview' is sent to 'format'" in str(raised.value)
    assert "topic, region, article_type, tag, skip" in str(raised.value)


def test_taxonomy_mapping_unknown_target_in_json(tmp_path):
    path = write(tmp_path, "mapping.json", '{\n "categories": {\n  "caucasus": "country"\n }\n}\n')

    with pytest.raises(SidecarError, match=r"line 3: category 'caucasus' is sent to 'country'"):
        read_taxonomy_mapping(path)


def test_taxonomy_mapping_invalid_toml(tmp_path):
    path = write(tmp_path, "mapping.toml", "[categories]\ncaucasus = region\n")

    with pytest.raises(SidecarError, match="not valid TOML.*line 2"):
        read_taxonomy_mapping(path)


def test_taxonomy_mapping_invalid_json(tmp_path):
    path = write(tmp_path, "mapping.json", '{"categories": {"a": "topic"')

    with pytest.raises(SidecarError, match="line 1: not valid JSON"):
        read_taxonomy_mapping(path)


def test_taxonomy_mapping_unknown_section(tmp_path):
    path = write(tmp_path, "mapping.toml", '[categories]\na = "topic"\n\n[categorys]\nb = "region"\n')

    with pytest.raises(SidecarError, match=r"line 4: unknown section 'categorys'"):
        read_taxonomy_mapping(path)


def test_taxonomy_mapping_categories_not_a_table(tmp_path):
    path = write(tmp_path, "mapping.toml", 'categories = "region"\n')

    with pytest.raises(SidecarError, match=r"line 1: \"categories\" must map category slugs"):
        read_taxonomy_mapping(path)
