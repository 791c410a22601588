"""What an import did, or would do: a table of the posts, counts, and warnings grouped by kind.

Every post of the export lands in one cell of the table, per language and WordPress status:
created (new to the CMS), updated (written again because something changed), unchanged (the page
already holds it) or skipped (not imported, with a warning saying why); so the table adds up to
the posts in the file. Warnings are grouped by kind, so a post with a hundred missing images is
one line with its count, not a hundred.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from .statuses import row_order

OUTCOMES = ("created", "updated", "unchanged", "skipped")
POST_IDS_SHOWN = 5  # per kind of warning


@dataclass(frozen=True)
class ReportWarning:
    post_id: int | None
    message: str
    kind: str  # what groups it; the message itself when the caller names no kind

    def line(self) -> str:
        return f"post {self.post_id}: {self.message}" if self.post_id is not None else self.message


@dataclass
class Report:
    created: Counter = field(default_factory=Counter)  # "page", "person", "topic", "image", "redirect"
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    posts: dict[tuple[str, str], Counter] = field(default_factory=dict)  # (language, status) -> outcomes
    pages: dict[tuple[str, str], Counter] = field(default_factory=dict)  # WordPress pages, the same way
    items: Counter = field(default_factory=Counter)  # item type -> how many the file holds
    footnotes: int = 0
    protected: int = 0  # posts with a WordPress password, now behind a page password
    skipped_types: Counter = field(default_factory=Counter)
    warnings: list[ReportWarning] = field(default_factory=list)
    dry_run: bool = False

    def warn(self, post_id: int | None, message: str, kind: str | None = None):
        self.warnings.append(ReportWarning(post_id, message, kind or kind_of(message)))

    def count_post(self, language: str, status: str, outcome: str, post_type: str = "post"):
        self.table(post_type).setdefault((language, status), Counter())[outcome] += 1

    def recount_post(self, language: str, status: str, was: str, now: str, post_type: str = "post"):
        self.table(post_type)[language, status][was] -= 1
        self.table(post_type)[language, status][now] += 1

    def table(self, post_type: str) -> dict:
        """Posts and WordPress pages are counted in tables of their own, each adding up to the file."""
        return self.pages if post_type == "page" else self.posts

    def counted(self, outcome: str, language: str | None = None) -> int:
        return sum(
            counts[outcome] for (code, _status), counts in self.posts.items() if language in (None, code)
        )

    def lines(self, every_warning: bool = False) -> list[str]:
        heading = "Dry run: nothing was written." if self.dry_run else "Import finished."
        lines = [heading, *self.table_lines()]
        if self.pages or self.items["page"]:
            lines += self.table_lines("page")
        lines += self.item_lines()
        for kind in sorted(set(self.created) | set(self.updated) | set(self.unchanged)):
            counts = (self.created[kind], self.updated[kind], self.unchanged[kind])
            lines.append(f"  {kind}: {counts[0]} created, {counts[1]} updated, {counts[2]} unchanged")
        lines.append(f"  footnotes: {self.footnotes}")
        if self.protected:
            lines.append(f"  password-protected: {self.protected} (the page asks for the post's password)")
        if self.warnings:
            lines += warning_lines(self.warnings)
            if every_warning:
                lines.append("Every warning:")
                lines += [f"  {warning.line()}" for warning in self.warnings]
        return lines

    def table_lines(self, post_type: str = "post") -> list[str]:
        """Posts (or pages) per language and status: created, updated, unchanged, skipped, totals."""
        table = self.table(post_type)
        rows = sorted(table, key=lambda key: (key[0], row_order(key[1])))
        width = max([len("language")] + [len(language) for language, _status in rows])
        status_width = max([len("status")] + [len(status) for _language, status in rows])
        kind = "Pages" if post_type == "page" else "Posts"
        lines = [f"{kind} by language and status ({self.items[post_type]} {kind.lower()} in the file):"]

        def row(language, status, values):
            cells = "".join(f"{value:>{len(name) + 2}}" for name, value in zip(OUTCOMES, values, strict=True))
            return f"  {language:<{width}}  {status:<{status_width}}{cells}"

        lines.append(row("language", "status", OUTCOMES))
        for language, status in rows:
            lines.append(row(language, status, [table[language, status][name] for name in OUTCOMES]))
        totals = [sum(counts[outcome] for counts in table.values()) for outcome in OUTCOMES]
        lines.append(row("all", "", totals))
        return lines

    def item_lines(self) -> list[str]:
        """The file's other items: attachments become images, guest authors people, the rest skipped."""
        others = {kind: count for kind, count in self.items.items() if kind not in ("post", "page")}
        if not others:
            return []
        listed = ", ".join(f"{count} {kind}" for kind, count in sorted(others.items()))
        lines = [
            f"  other items in the file: {listed} (attachments are counted as images, "
            "guest authors as people; the rest are skipped)"
        ]
        for post_type, count in sorted(self.skipped_types.items()):
            lines.append(f"  skipped {count} item(s) of type '{post_type}'")
        return lines


# What varies between warnings of one kind when the caller names none: addresses, quoted names, numbers.
VARYING = re.compile(r"\S+://\S+|'[^']*'|\b\d+\b")


def kind_of(message: str) -> str:
    """A warning's kind when its caller names none: the message with what varies left out."""
    return VARYING.sub("…", message)


def warning_lines(warnings: list[ReportWarning]) -> list[str]:
    """One line per kind seen once; a kind seen more often gets its count, some post ids, an example."""
    kinds: dict[str, list[ReportWarning]] = {}
    for warning in warnings:
        kinds.setdefault(warning.kind, []).append(warning)
    lines = [f"Warnings ({len(warnings)} in {len(kinds)} kind(s)):"]
    for kind, group in kinds.items():
        if len(group) == 1:
            lines.append(f"  {group[0].line()}")
            continue
        ids = list(dict.fromkeys(warning.post_id for warning in group if warning.post_id is not None))
        shown = ", ".join(map(str, ids[:POST_IDS_SHOWN]))
        more = f" and {len(ids) - POST_IDS_SHOWN} more" if len(ids) > POST_IDS_SHOWN else ""
        where = f"; post{'s' if len(ids) > 1 else ''} {shown}{more}" if ids else ""
        lines.append(f"  {kind} ({len(group)}×{where})")
        if any(warning.message != kind for warning in group):
            lines.append(f"    e.g. {group[0].line()}")
    return lines
