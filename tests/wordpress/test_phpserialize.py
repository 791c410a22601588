import pytest

from ankasam.wordpress.phpserialize import (
    MalformedSerializedValue,
    PhpSerializeError,
    TranslationGroup,
    UnsafeSerializedValue,
    parse_php_serialized,
    polylang_translation_group,
)

SITE_LANGUAGES = ("en", "tr", "ru")


@pytest.mark.parametrize(
    ("serialized", "expected"),
    [
        ("N;", None),
        ("b:1;", True),
        ("b:0;", False),
        ("i:42;", 42),
        ("i:-7;", -7),
        ("d:0.5;", 0.5),
        ("d:-1.25E+2;", -125.0),
        ('s:0:"";', ""),
        ('s:5:"hello";', "hello"),
    ],
)
def test_scalars(serialized, expected):
    assert parse_php_serialized(serialized) == expected


def test_float_infinity():
    assert parse_php_serialized("d:INF;") == float("inf")


def test_string_length_counts_utf8_bytes():
    assert parse_php_serialized('s:4:"тр";') == "тр"
    assert parse_php_serialized('s:6:"три";') == "три"
    assert parse_php_serialized('s:5:"Türk";') == "Türk"
    assert parse_php_serialized('s:10:"منابع";') == "منابع"


def test_character_count_instead_of_byte_count_is_refused():
    with pytest.raises(MalformedSerializedValue):
        parse_php_serialized('s:2:"тр";')


def test_string_containing_quote_semicolon_is_read_by_length():
    assert parse_php_serialized('s:7:"a";b";c";') == 'a";b";c'
    assert parse_php_serialized('a:1:{s:1:"k";s:3:"x";";}') == {"k": 'x";'}


def test_polylang_map_becomes_a_dict():
    assert parse_php_serialized('a:2:{s:2:"en";i:101;s:2:"tr";i:102;}') == {"en": 101, "tr": 102}


def test_sequential_integer_keys_become_a_list():
    assert parse_php_serialized('a:2:{i:0;s:1:"a";i:1;s:1:"b";}') == ["a", "b"]
    assert parse_php_serialized("a:0:{}") == []


def test_non_sequential_integer_keys_stay_a_dict():
    assert parse_php_serialized('a:2:{i:1;s:1:"a";i:0;s:1:"b";}') == {1: "a", 0: "b"}


def test_nested_arrays():
    value = 'a:2:{s:4:"sync";a:1:{i:0;s:8:"taxonomy";}s:2:"ru";i:5;}'
    assert parse_php_serialized(value) == {"sync": ["taxonomy"], "ru": 5}


def test_bytes_input():
    assert parse_php_serialized('s:4:"тр";'.encode()) == "тр"


@pytest.mark.parametrize(
    "serialized",
    [
        'O:8:"stdClass":1:{s:1:"a";i:1;}',
        'C:11:"ArrayObject":21:{x:i:0;a:0:{};m:a:0:{}}',
        'E:7:"Foo:Bar";',
        "a:2:{i:0;i:1;i:1;r:2;}",
        "a:2:{i:0;i:1;i:1;R:2;}",
        'a:1:{s:1:"x";O:8:"stdClass":0:{}}',
    ],
)
def test_objects_and_references_are_refused(serialized):
    with pytest.raises(UnsafeSerializedValue, match="only plain data"):
        parse_php_serialized(serialized)


@pytest.mark.parametrize(
    "serialized",
    [
        "",
        "i:;",
        "i:12",
        "i:1.5;",
        "b:2;",
        "d:abc;",
        's:3:"ab";',
        's:10:"short";',
        's:2:"abc";',
        's:-1:"";',
        "a:2:{i:0;i:1;}",
        "a:1:{i:0;i:1;",
        "a:1:{d:1.0;i:1;}",
        'a:2:{s:1:"a";i:1;s:1:"a";i:2;}',
        "i:1;i:2;",
        "x:1;",
    ],
)
def test_malformed_values_are_refused(serialized):
    with pytest.raises(MalformedSerializedValue):
        parse_php_serialized(serialized)


def test_invalid_utf8_bytes_are_refused():
    with pytest.raises(MalformedSerializedValue, match="UTF-8"):
        parse_php_serialized(b's:2:"\xff\xfe";')


def test_deep_nesting_is_refused_without_recursion_error():
    with pytest.raises(MalformedSerializedValue, match="nested"):
        parse_php_serialized("a:1:{i:0;" * 500 + "N;" + "}" * 500)


def test_errors_are_value_errors():
    assert issubclass(UnsafeSerializedValue, PhpSerializeError)
    assert issubclass(MalformedSerializedValue, ValueError)


def test_translation_group_keeps_site_languages():
    group = polylang_translation_group('a:3:{s:2:"en";i:101;s:2:"tr";i:102;s:2:"ru";i:103;}', SITE_LANGUAGES)
    assert group == TranslationGroup(members={"en": 101, "tr": 102, "ru": 103}, other_languages={})


def test_translation_group_reports_other_languages_separately():
    group = polylang_translation_group('a:3:{s:2:"en";i:101;s:2:"de";i:104;s:2:"fa";i:105;}', SITE_LANGUAGES)
    assert group.members == {"en": 101}
    assert group.other_languages == {"de": 104, "fa": 105}


def test_translation_group_skips_sync_key():
    value = 'a:3:{s:2:"tr";i:102;s:4:"sync";a:1:{i:0;s:8:"post_tag";}s:2:"ru";i:103;}'
    group = polylang_translation_group(value, SITE_LANGUAGES)
    assert group == TranslationGroup(members={"tr": 102, "ru": 103})


def test_translation_group_accepts_numeric_string_ids():
    assert polylang_translation_group('a:1:{s:2:"tr";s:3:"102";}', SITE_LANGUAGES).members == {"tr": 102}


def test_empty_translation_group():
    assert polylang_translation_group("a:0:{}", SITE_LANGUAGES) == TranslationGroup()


@pytest.mark.parametrize(
    "serialized",
    ['s:2:"en";', 'a:1:{s:2:"en";s:3:"abc";}', 'a:1:{s:2:"en";b:1;}', "a:1:{i:5;i:101;}"],
)
def test_translation_group_rejects_values_that_are_not_language_to_id(serialized):
    with pytest.raises(MalformedSerializedValue):
        polylang_translation_group(serialized, SITE_LANGUAGES)


def test_translation_group_refuses_objects():
    with pytest.raises(UnsafeSerializedValue):
        polylang_translation_group('a:1:{s:2:"en";O:8:"stdClass":0:{}}', SITE_LANGUAGES)
