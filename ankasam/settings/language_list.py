"""The site's language list (languages.toml): read at start-up, extended by `add_language`."""

import re
import tomllib
from pathlib import Path

from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

LANGUAGES_FILE = Path(__file__).resolve().parent / "languages.toml"
CODES_LINE = re.compile(r"^codes\s*=.*$", re.MULTILINE)


def read_language_codes(path: Path = LANGUAGES_FILE) -> list[str]:
    codes = tomllib.loads(path.read_text(encoding="utf-8")).get("codes", [])
    unknown = [code for code in codes if code not in LANG_INFO]
    if not codes or unknown or len(set(codes)) != len(codes):
        raise ImproperlyConfigured(
            f"{path}: `codes` must list distinct language codes Django knows; check {unknown or codes}."
        )
    return codes


def write_language_codes(codes: list[str], path: Path = LANGUAGES_FILE) -> None:
    """Rewrite the `codes` line, keeping the file's comments."""
    line = "codes = [" + ", ".join(f'"{code}"' for code in codes) + "]"
    path.write_text(CODES_LINE.sub(line, path.read_text(encoding="utf-8")), encoding="utf-8")
