"""Reading the import's report back: its table of posts per language and status."""

import re

from wagtail.contrib.redirects.models import Redirect

# The archives' redirects (`wordpress/archives.py`): /category/..., /tr/tag/..., /author/..., /2024/05
ARCHIVE_PATH = r"^(/[a-z]{2})?/(category|tag|author)/|^/\d{4}(/\d{2})?$"


def post_redirects():
    """The redirects from posts' and pages' old addresses, without the archives'."""
    return Redirect.objects.exclude(old_path__regex=ARCHIVE_PATH)


ROW = re.compile(r"^  (\S+)\s+(\S+)?\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$")
OUTCOMES = ("created", "updated", "unchanged", "skipped")


def post_table(report: str, heading: str = "Posts") -> dict[tuple[str, str], dict[str, int]]:
    """(language, status) -> outcome -> count; the totals row is ("all", "")."""
    lines = report.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(f"{heading} by language and status"))
    table = {}
    for line in lines[start + 2 :]:
        found = ROW.match(line)
        if not found:
            break
        language, status, *numbers = found.groups()
        table[language, status or ""] = dict(zip(OUTCOMES, map(int, numbers), strict=True))
    return table


def page_table(report: str) -> dict[tuple[str, str], dict[str, int]]:
    """The table of WordPress pages, read like the posts' one."""
    return post_table(report, "Pages")


def posts_in_file(report: str) -> int:
    return int(re.search(r"Posts by language and status \((\d+) posts in the file\)", report).group(1))


def in_language(report: str, language: str) -> dict[str, int]:
    """The outcomes of one language's posts, all statuses together."""
    rows = [counts for (code, _status), counts in post_table(report).items() if code == language]
    return {outcome: sum(row[outcome] for row in rows) for outcome in OUTCOMES}
