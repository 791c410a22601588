"""What an import made and what it left behind, in sentences for the editor (admin and command)."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# What the reading counts (`inline.Reading.dropped`), as the editor is told it; "field X" keys are
# Word fields by name (PAGE, TOC, DATE...): their shown result is kept as text.
DROPPED = {
    "comment": lambda n: ngettext("%(count)d comment was left out.", "%(count)d comments were left out.", n),
    "tracked": lambda n: ngettext(
        "%(count)d tracked change was accepted (insertions kept, deletions left out).",
        "%(count)d tracked changes were accepted (insertions kept, deletions left out).",
        n,
    ),
    "text box": lambda n: ngettext(
        "%(count)d text box was left out, with its text.",
        "%(count)d text boxes were left out, with their text.",
        n,
    ),
    "equation": lambda n: ngettext(
        "%(count)d equation was left out.", "%(count)d equations were left out.", n
    ),
    "object": lambda n: ngettext(
        "%(count)d embedded object (a chart or spreadsheet) was left out.",
        "%(count)d embedded objects (charts or spreadsheets) were left out.",
        n,
    ),
    "drawing": lambda n: ngettext(
        "%(count)d drawing without a picture was left out.",
        "%(count)d drawings without a picture were left out.",
        n,
    ),
    "picture in a note or table": lambda n: ngettext(
        "%(count)d picture in a note or a table was left out: they hold text only.",
        "%(count)d pictures in notes or tables were left out: they hold text only.",
        n,
    ),
    "cross-reference": lambda n: ngettext(
        "%(count)d cross-reference to something other than a note was left out.",
        "%(count)d cross-references to something other than a note were left out.",
        n,
    ),
    "missing note": lambda n: ngettext(
        "%(count)d note reference without a note text was left out.",
        "%(count)d note references without a note text were left out.",
        n,
    ),
    "unreferenced note": lambda n: ngettext(
        "%(count)d note that the text does not refer to was left out.",
        "%(count)d notes that the text does not refer to were left out.",
        n,
    ),
}


@dataclass
class ImportReport:
    language: str
    page: object = None
    created: bool = False
    dropped: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    authors: list = field(default_factory=list)
    unknown_authors: list[str] = field(default_factory=list)
    images: list = field(default_factory=list)

    def warnings(self) -> list[str]:
        """Everything the editor should check, one sentence each."""
        lines = []
        fields = {}
        for key, count in sorted(self.dropped.items()):
            if not count:
                continue
            if key.startswith("field "):
                fields[key[6:]] = count
            elif key in DROPPED:
                lines.append(DROPPED[key](count) % {"count": count})
        if fields:
            names = ", ".join(f"{name} ×{count}" for name, count in sorted(fields.items()))
            lines.append(_("Fields were replaced by the text they showed: %(fields)s.") % {"fields": names})
        if self.unknown_authors:
            lines.append(
                _("No person on the site is named %(names)s: add the author to the article by hand.")
                % {"names": ", ".join(f"“{name}”" for name in self.unknown_authors)}
            )
        return lines + self.problems
