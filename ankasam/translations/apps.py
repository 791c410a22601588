from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "ankasam.translations"
    label = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from wagtail.models import Revision
        from wagtail.signals import (
            workflow_approved,
            workflow_cancelled,
            workflow_rejected,
            workflow_submitted,
        )

        from .tasks import on_migrated, on_revision_changed, on_tracked_page_saved, on_workflow_changed

        post_save.connect(on_tracked_page_saved, dispatch_uid="translation-statuses")
        post_save.connect(on_revision_changed, sender=Revision, dispatch_uid="translation-statuses-revision")
        for signal in (workflow_submitted, workflow_approved, workflow_rejected, workflow_cancelled):
            signal.connect(on_workflow_changed, dispatch_uid="translation-statuses-workflow")
        post_migrate.connect(on_migrated, sender=self, dispatch_uid="translation-statuses-migrated")
        bound_translated_models_forms()


def bound_translated_models_forms():
    """Every translated model edited through Wagtail's panels (topics, regions, types...) gets the
    form that keeps translators to their languages; pages have theirs (translations/pages.py) and
    images theirs (WAGTAILIMAGES_IMAGE_FORM_BASE). Done here, not in each model, because the lower
    apps may not import this one (tests/test_layers.py); a model may still name its own form."""
    from modeltranslation.translator import translator
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page

    from .model_forms import TranslationAwareModelForm

    for model in translator.get_registered_models():
        if issubclass(model, (Page, AbstractImage)) or getattr(model, "base_form_class", None):
            continue
        model.base_form_class = TranslationAwareModelForm
