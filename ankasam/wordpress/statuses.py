"""What each WordPress post status becomes, and the row it is counted under in the report.

The rules (docs/migrating-from-wordpress.md, "Status"): published and password-protected posts
go live at their own date; a scheduled (`future`) post whose date has passed was published by
WordPress's cron, or would have been, so it goes live at that date too, with a redirect; one
still ahead is scheduled; drafts, pending and private posts stay drafts; the trash and
WordPress's auto-drafts (an editor opened "Add new" and left) are not imported.
"""

PUBLISH = "publish"
PASSWORD = "password"  # published behind a post password; a row of its own in the report
FUTURE = "future"
DRAFT = "draft"
PENDING = "pending"
PRIVATE = "private"
TRASH = "trash"
AUTO_DRAFT = "auto-draft"

# The report's rows in this order; a status WordPress plugins invent comes after them.
ORDER = (PUBLISH, PASSWORD, FUTURE, DRAFT, PENDING, PRIVATE, TRASH, AUTO_DRAFT)
SKIPPED = {TRASH: "in the trash", AUTO_DRAFT: "an auto-draft (never written)"}

# What the import does with a post: the page's language goes live, waits for its date, stays a
# draft, or is not imported.
GOES_LIVE = "publish"
SCHEDULED = "future"
KEPT_DRAFT = "draft"
NOT_IMPORTED = "skip"


def status_label(status: str, password: str = "") -> str:
    """The report's row: WordPress's status, with password-protected published posts apart."""
    status = status or DRAFT
    return PASSWORD if status == PUBLISH and password else status


def treatment(label: str, post_date_gmt, now) -> str:
    """What happens to a post of this row, given its date and the time of the import."""
    if label in (PUBLISH, PASSWORD):
        return GOES_LIVE
    if label == FUTURE:
        if post_date_gmt is None:
            return KEPT_DRAFT
        return GOES_LIVE if post_date_gmt <= now else SCHEDULED
    if label in SKIPPED:
        return NOT_IMPORTED
    return KEPT_DRAFT


def row_order(label: str) -> tuple[int, str]:
    return (ORDER.index(label) if label in ORDER else len(ORDER), label)


def status_warning(label: str, post_date_gmt, action: str) -> tuple[str, str] | None:
    """(kind, message) for a status the report should explain, or None."""
    if label in SKIPPED:
        return f"{label}: not imported", f"{SKIPPED[label]}; not imported"
    if label == FUTURE and action == GOES_LIVE:
        date = post_date_gmt.strftime("%Y-%m-%d %H:%M")
        return (
            "future, date passed: published",
            f"scheduled for {date} UTC, which has passed; published at that date, with a redirect",
        )
    if label == FUTURE and action == KEPT_DRAFT:
        return "future without a date: draft", "scheduled without a date; kept as a draft"
    if label not in ORDER:
        return (
            f"status '{label}': draft",
            f"status '{label}' is not one of WordPress's own; kept as a draft",
        )
    return None
