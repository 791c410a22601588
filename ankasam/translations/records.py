"""Keeping the report's table of statuses in step with pages' latest revisions."""

from django.utils import timezone

from .models import TranslationRecordMixin, TranslationStatus


def tracks_translations(model) -> bool:
    return model is not None and issubclass(model, TranslationRecordMixin)


def store_statuses(page) -> None:
    """Write the page's status in each language (the page as in its latest revision)."""
    now = timezone.now()
    rows = [
        TranslationStatus(page_id=page.pk, language=code, status=status, updated_at=now)
        for code, status in page.translation_statuses().items()
    ]
    TranslationStatus.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["page", "language"],
        update_fields=["status", "updated_at"],
    )
    TranslationStatus.objects.filter(page_id=page.pk).exclude(
        language__in=[r.language for r in rows]
    ).delete()


def latest_version(page):
    return page.latest_revision.as_object() if page.latest_revision_id else page


def store_statuses_of_every_page() -> int:
    from wagtail.models import get_page_models

    count = 0
    for model in get_page_models():
        if model._meta.abstract or not tracks_translations(model):
            continue
        for page in model.objects.select_related("latest_revision"):
            store_statuses(latest_version(page))
            count += 1
    return count


def on_revision_saved(sender, instance, created, **kwargs):
    if created and tracks_translations(instance.content_type.model_class()):
        store_statuses(instance.as_object())
