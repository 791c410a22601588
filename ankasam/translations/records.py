"""Keeping the report's table of statuses in step with pages' latest revisions.

The table is only ever written by `refresh_statuses`, which `tasks.refresh_translation_statuses`
runs after every save of a tracked page, and after every `migrate` for the pages the table lacks
a site language of (a language just added, pages saved before tracking began).
"""

from django.db.models import Count
from django.utils import timezone
from wagtail.models import get_page_models

from ankasam.core.languages import site_language_codes

from .availability import languages_of
from .models import TranslationStatus
from .states import language_states, latest_version, tracks_translations
from .status import text_fingerprint


def store_statuses(page) -> None:
    """Write the page's status in each language as of its latest revision."""
    now = timezone.now()
    rows = [
        TranslationStatus(
            page_id=page.pk,
            language=code,
            status=state.status,
            state=state.state,
            completeness=state.completeness,
            updated_at=now,
        )
        for code, state in language_states(page, latest_version(page)).items()
    ]
    TranslationStatus.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["page", "language"],
        update_fields=["status", "state", "completeness", "updated_at"],
    )
    TranslationStatus.objects.filter(page_id=page.pk).exclude(
        language__in=[r.language for r in rows]
    ).delete()


def with_baseline(page) -> dict | None:
    """The page's record plus an entry for each translation it lacks one for, or None if none lacks.

    Translations written before tracking began have no record of the original they were made from;
    they are taken to match the original as it is when tracking starts.
    """
    record = dict(page.translation_record or {})
    original = text_fingerprint(page, page.original_language)
    lacking = [code for code in languages_of(page) if code != page.original_language and code not in record]
    for code in lacking:
        record[code] = {"text": text_fingerprint(page, code), "source": original}
    return record if lacking else None


def record_baseline(page) -> None:
    """Add the missing entries to the page's row and to its latest revision, without new revisions."""
    live_record = with_baseline(page)
    if live_record is not None:
        type(page).objects.filter(pk=page.pk).update(translation_record=live_record)
    if page.latest_revision_id:
        draft_record = with_baseline(page.latest_revision.as_object())
        if draft_record is not None:
            page.latest_revision.content["translation_record"] = draft_record
            page.latest_revision.save(update_fields=["content"])


def refresh_statuses(page) -> None:
    """The page's baseline if it predates tracking, then its statuses as of its latest revision."""
    record_baseline(page)
    page.refresh_from_db()
    store_statuses(page)


def pages_lacking_statuses() -> list[int]:
    """Tracked pages without a row for each site language, in tree order."""
    languages = site_language_codes()
    complete = (
        TranslationStatus.objects.filter(language__in=languages)
        .values("page")
        .annotate(rows=Count("pk"))
        .filter(rows=len(languages))
        .values("page")
    )
    ids = []
    for model in get_page_models():
        if model._meta.abstract or not tracks_translations(model):
            continue
        lacking = model.objects.exclude(pk__in=complete).order_by("path")
        ids.extend(lacking.values_list("pk", flat=True))
    return ids
