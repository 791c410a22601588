"""What an import did, or would do: counts and every warning with the WordPress post it concerns."""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Report:
    created: Counter = field(default_factory=Counter)  # "page", "person", "topic", "image", "redirect"
    updated: Counter = field(default_factory=Counter)
    pieces: Counter = field(default_factory=Counter)  # language -> posts written into pages
    pieces_created: Counter = field(default_factory=Counter)  # language -> new in that language
    footnotes: int = 0
    protected: int = 0  # posts with a WordPress password, now behind a page password
    skipped_types: Counter = field(default_factory=Counter)
    warnings: list[tuple[int | None, str]] = field(default_factory=list)
    dry_run: bool = False

    def warn(self, post_id: int | None, message: str):
        self.warnings.append((post_id, message))

    def lines(self) -> list[str]:
        heading = "Dry run: nothing was written." if self.dry_run else "Import finished."
        lines = [heading]
        for language, count in sorted(self.pieces.items()):
            created = self.pieces_created[language]
            lines.append(f"  pieces in {language}: {count} ({created} created, {count - created} updated)")
        for kind in sorted(set(self.created) | set(self.updated)):
            lines.append(f"  {kind}: {self.created[kind]} created, {self.updated[kind]} updated")
        lines.append(f"  footnotes: {self.footnotes}")
        if self.protected:
            lines.append(f"  password-protected: {self.protected} (the page asks for the post's password)")
        for post_type, count in sorted(self.skipped_types.items()):
            lines.append(f"  skipped {count} item(s) of type '{post_type}'")
        if self.warnings:
            lines.append(f"Warnings ({len(self.warnings)}):")
            for post_id, message in self.warnings:
                lines.append(f"  post {post_id}: {message}" if post_id is not None else f"  {message}")
        return lines
