"""Behaviour every translated page type shares."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import translation

from ankasam.core.languages import current_language, default_language, field_in, site_language_codes
from ankasam.core.restrictions import CachedViewRestrictionsMixin

from .alternates import page_versions
from .discoverable import DiscoverablePageMixin
from .forms import TranslationAwarePageForm
from .names import fill_default_language_names
from .sitemap import sitemap_entries
from .states import language_states


def render_missing_translation(request, page):
    """A 404 that tells the reader in which languages the page can be read."""
    context = {"translation_of": page, "versions": page_versions(page, request)}
    return TemplateResponse(request, "translations/missing_translation.html", context, status=404)


class TranslatedPageMixin(CachedViewRestrictionsMixin, DiscoverablePageMixin):
    """Served only in the languages the page exists in; shown in the admin in the admin's language.

    Its view restrictions come from a list kept until the next publish (core/restrictions.py).
    """

    # Fields that must be written in a language for the page to exist in it; none means every language.
    translation_required_fields: tuple[str, ...] = ()
    base_form_class = TranslationAwarePageForm

    def serve(self, request, *args, **kwargs):
        if not language_states(self)[current_language()].written:
            return render_missing_translation(request, self)
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return sitemap_entries(self, request)

    @property
    def preview_modes(self):
        # One preview per language: the Turkish preview of a draft shows the Turkish draft.
        return list(settings.LANGUAGES)

    @property
    def default_preview_mode(self):
        return current_language()

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in site_language_codes() else default_language()
        with translation.override(language):
            request.LANGUAGE_CODE = language
            # Wagtail's preview does not go through `serve`, so the same rule is applied here.
            if language_states(self)[language].written:
                response = super().serve_preview(request, mode_name)
            else:
                response = render_missing_translation(request, self)
                # The editor sees the readers' message; a 404 status would send the preview's
                # frame through the language-prefix redirect instead.
                response.status_code = 200
            # Rendered here, while the preview's language is active, not later by the handler.
            if hasattr(response, "render"):
                response.render()
        return response

    def get_admin_display_title(self):
        # `draft_title` is a single column, kept in the default language (see `save`); in another
        # admin language the explorer shows the page's title in that language where it has one.
        language = current_language()
        if language != default_language():
            title = field_in(self, "title", language, "")
            if title:
                return title
        return self.draft_title or self.title

    def full_clean(self, *args, **kwargs):
        fill_default_language_names(self)
        return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        # Wagtail copies `title` into `draft_title` in whatever language the editor's admin is in;
        # one rule for every editor: the untranslated column holds the default language's title.
        default_title = field_in(self, "title", default_language(), "")
        if default_title:
            self.draft_title = default_title
        return super().save(*args, **kwargs)
