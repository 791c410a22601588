"""Which languages a piece is in, and in what state: the one answer serving, the sitemap, search
indexing and the status report ask for.

A piece is *written* in a language when the version at hand has the fields its type requires
(`availability.exists_in`). It is *published* in it when, besides, that version is the one readers
are shown (the page is live, not expired and not in a private section). Given the latest version
too (`latest_version`), a language written only there is a draft, *in review* while the page
is in a workflow, and *scheduled* when the revision approved to go live later has it (`state`).
For pages whose translations are tracked, each state carries the latest version's status
(original, up to date, outdated, missing), its record and its completeness.

Listings and the sitemap ask the same question of many pages at once, in SQL:
`availability.existing_in` is the written rule as a filter and `core.visibility.visible_to_readers`
the shown-to-readers one.
"""

from dataclasses import dataclass, field
from functools import cached_property

from ankasam.core.languages import site_language_codes
from ankasam.core.visibility import has_expired

from .availability import exists_in
from .models import TranslationRecordMixin
from .status import State, Status, completeness, text_fingerprint, translation_status


def latest_version(page):
    """The page as in its latest revision (a draft, if it has unpublished changes)."""
    return page.latest_revision.as_object() if page.latest_revision_id else page


def tracks_translations(model) -> bool:
    return model is not None and issubclass(model, TranslationRecordMixin)


class Piece:
    """What the states of one page share, each part worked out once and only when asked."""

    def __init__(self, page, latest):
        self.page = page
        self.latest = latest

    @cached_property
    def shown_to_readers(self) -> bool:
        page = self.page
        return page.live and not has_expired(page) and not page.get_view_restrictions().exists()

    @cached_property
    def in_review(self) -> bool:
        return bool(self.page.pk) and self.page.workflow_in_progress

    @cached_property
    def scheduled_version(self):
        """The revision approved to go live at a set time, as a page; None when none is."""
        return self.page.get_scheduled_revision_as_object() if self.page.pk else None

    @cached_property
    def original_fingerprint(self) -> str:
        return text_fingerprint(self.latest, self.latest.original_language)


@dataclass(frozen=True)
class LanguageState:
    code: str
    # The required fields are filled in the version at hand, and in the latest version.
    written: bool
    in_latest: bool
    piece: Piece = field(repr=False, compare=False)

    @property
    def published(self) -> bool:
        return self.written and self.piece.shown_to_readers

    @property
    def draft_only(self) -> bool:
        return self.in_latest and not self.published

    @property
    def in_review(self) -> bool:
        return self.draft_only and self.piece.in_review

    @property
    def scheduled(self) -> bool:
        version = self.piece.scheduled_version
        return not self.published and version is not None and exists_in(version, self.code)

    @property
    def state(self) -> str:
        """Missing, draft, in review, scheduled, or published (up to date or outdated)."""
        if self.published:
            return State.PUBLISHED_OUTDATED if self.status == Status.OUTDATED else State.PUBLISHED
        if self.scheduled:
            return State.SCHEDULED
        if not self.in_latest:
            return State.MISSING
        return State.IN_REVIEW if self.in_review else State.DRAFT

    @property
    def completeness(self) -> int:
        """How much of the original's text the latest version has in this language, in percent."""
        return completeness(self.piece.latest, self.code)

    @property
    def status(self) -> str | None:
        """The latest version's translation status; None for a page type that tracks none."""
        latest = self.piece.latest
        if not tracks_translations(type(latest)):
            return None
        return translation_status(latest, self.code, self.piece.original_fingerprint)

    @property
    def record(self) -> dict:
        """What the latest version's translation record notes for this language."""
        return (getattr(self.piece.latest, "translation_record", None) or {}).get(self.code, {})


def language_states(page, latest=None) -> dict[str, LanguageState]:
    """Per site language, in the site's order: the page's state in it.

    `page` is the version at hand, normally the page's row: what readers are shown when it is live.
    A revision's object (a preview, the edit view) may be given for `written` and `status`, not for
    `published`: Wagtail gives it the row's `live`. `latest`, when given, is the newest version
    (see `latest_version`); without it the page at hand is taken to be the newest.
    """
    latest = page if latest is None else latest
    piece = Piece(page, latest)
    states = {}
    for code in site_language_codes():
        written = exists_in(page, code)
        in_latest = written if latest is page else exists_in(latest, code)
        states[code] = LanguageState(code, written, in_latest, piece)
    return states


def published_languages(page) -> list[str]:
    return [code for code, state in language_states(page).items() if state.published]
