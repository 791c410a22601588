"""A safe reader for the subset of PHP ``serialize()`` output that WordPress plugins store.

Polylang keeps each translation group as a serialized PHP array in a term description
(``a:2:{s:2:"en";i:101;s:2:"tr";i:102;}``). PHP's own ``unserialize`` can instantiate
objects, so this parser only understands plain data: arrays, strings, integers, floats,
booleans and null. Objects, custom-serialized classes, enums and references are refused
rather than skipped, because a value that contains them is not something we should guess at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = [
    "MalformedSerializedValue",
    "PhpSerializeError",
    "PhpValue",
    "TranslationGroup",
    "UnsafeSerializedValue",
    "parse_php_serialized",
    "polylang_translation_group",
]

PhpValue = None | bool | int | float | str | dict | list

# Deep nesting is never legitimate in plugin data; the limit keeps a hostile value from
# exhausting the Python stack.
MAX_DEPTH = 64

_INTEGER = re.compile(rb"[+-]?\d+")
_FLOAT = re.compile(rb"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NAN")
_LENGTH = re.compile(rb"\d+")

# Type markers that would make PHP build objects or alias values.
_REFUSED_MARKERS = {
    ord("O"): "an object (O:)",
    ord("C"): "a custom-serialized object (C:)",
    ord("E"): "an enum case (E:)",
    ord("r"): "a reference (r:)",
    ord("R"): "a reference (R:)",
}


class PhpSerializeError(ValueError):
    """The value cannot be read as plain serialized PHP data."""


class MalformedSerializedValue(PhpSerializeError):
    """The value is not well-formed PHP ``serialize()`` output."""


class UnsafeSerializedValue(PhpSerializeError):
    """The value contains objects or references, which we never reconstruct."""


def parse_php_serialized(value: str | bytes) -> PhpValue:
    """Parse PHP ``serialize()`` output into plain Python values.

    Arrays whose keys are exactly 0..n-1 in order become lists (an empty array is ``[]``);
    other arrays become dicts with ``int`` or ``str`` keys. String lengths are counted in
    UTF-8 bytes, as PHP does.
    """
    data = value.encode("utf-8") if isinstance(value, str) else bytes(value)
    parser = _Parser(data)
    result = parser.read_value(depth=0)
    if parser.pos != len(data):
        raise MalformedSerializedValue(f"Unexpected data after the value at byte {parser.pos}.")
    return result


class _Parser:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def fail(self, message: str) -> MalformedSerializedValue:
        return MalformedSerializedValue(f"{message} at byte {self.pos}.")

    def expect(self, token: bytes) -> None:
        if not self.data.startswith(token, self.pos):
            raise self.fail(f"Expected {token.decode()!r}")
        self.pos += len(token)

    def read_until(self, terminator: bytes, pattern: re.Pattern[bytes], what: str) -> bytes:
        end = self.data.find(terminator, self.pos)
        if end == -1:
            raise self.fail(f"Unterminated {what}")
        raw = self.data[self.pos : end]
        if not pattern.fullmatch(raw):
            raise self.fail(f"Invalid {what} {raw[:20]!r}")
        self.pos = end + len(terminator)
        return raw

    def read_value(self, depth: int) -> PhpValue:
        if depth > MAX_DEPTH:
            raise self.fail(f"Arrays nested deeper than {MAX_DEPTH} levels")
        if self.pos >= len(self.data):
            raise self.fail("Unexpected end of value")
        marker = self.data[self.pos]
        if marker in _REFUSED_MARKERS:
            raise UnsafeSerializedValue(
                f"The serialized value contains {_REFUSED_MARKERS[marker]} at byte {self.pos}; "
                "only plain data (arrays, strings, numbers, booleans, null) is accepted."
            )
        if marker == ord("N"):
            self.expect(b"N;")
            return None
        if marker == ord("b"):
            self.expect(b"b:")
            flag = self.read_until(b";", re.compile(rb"[01]"), "boolean")
            return flag == b"1"
        if marker == ord("i"):
            self.expect(b"i:")
            return int(self.read_until(b";", _INTEGER, "integer"))
        if marker == ord("d"):
            self.expect(b"d:")
            return float(self.read_until(b";", _FLOAT, "float"))
        if marker == ord("s"):
            return self.read_string()
        if marker == ord("a"):
            return self.read_array(depth)
        raise self.fail(f"Unknown type marker {chr(marker)!r}")

    def read_string(self) -> str:
        self.expect(b"s:")
        length = int(self.read_until(b":", _LENGTH, "string length"))
        self.expect(b'"')
        end = self.pos + length
        # The length, not the closing quote, decides where the string ends: the body may
        # itself contain '";'.
        if end > len(self.data):
            raise self.fail(f"String of {length} bytes runs past the end of the value")
        raw = self.data[self.pos : end]
        self.pos = end
        self.expect(b'";')
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise self.fail(f"String is not valid UTF-8 ({error.reason})") from None

    def read_array(self, depth: int) -> dict | list:
        self.expect(b"a:")
        count = int(self.read_until(b":", _LENGTH, "array size"))
        self.expect(b"{")
        items: dict[int | str, PhpValue] = {}
        for _ in range(count):
            key_marker = self.data[self.pos : self.pos + 1]
            if key_marker not in (b"i", b"s"):
                raise self.fail("Array keys must be integers or strings")
            key = self.read_value(depth + 1)
            assert isinstance(key, int | str)
            if key in items:
                raise self.fail(f"Duplicate array key {key!r}")
            items[key] = self.read_value(depth + 1)
        self.expect(b"}")
        if list(items) == list(range(len(items))):
            return list(items.values())
        return items


@dataclass
class TranslationGroup:
    """A Polylang translation group split by whether the site publishes in each language."""

    members: dict[str, int] = field(default_factory=dict)
    other_languages: dict[str, int] = field(default_factory=dict)


def polylang_translation_group(value: str | bytes, site_languages: Iterable[str]) -> TranslationGroup:
    """Read a Polylang ``post_translations`` term description into {language: post id}.

    Languages the site does not have go to ``other_languages`` so the import report can name
    them instead of dropping them silently. Polylang's ``sync`` bookkeeping key is skipped.
    """
    languages = set(site_languages)
    parsed = parse_php_serialized(value)
    if parsed == []:
        return TranslationGroup()
    if not isinstance(parsed, dict):
        raise MalformedSerializedValue("A Polylang translation group must be an array of language → post id.")
    group = TranslationGroup()
    for key, post_id in parsed.items():
        if key == "sync":
            continue
        if not isinstance(key, str):
            raise MalformedSerializedValue(f"Translation group key {key!r} is not a language code.")
        target = group.members if key in languages else group.other_languages
        target[key] = _post_id(key, post_id)
    return group


def _post_id(language: str, value: PhpValue) -> int:
    # Some Polylang versions store the ids as numeric strings.
    if isinstance(value, bool):
        raise MalformedSerializedValue(f"Post id for {language!r} is a boolean, not an id.")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    raise MalformedSerializedValue(f"Post id for {language!r} is {value!r}, not an integer.")
