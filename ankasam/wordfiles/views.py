"""The admin's two ways in: a new article from a Word file, and one language of an article from one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from ankasam.core.languages import current_language, site_language_codes

from .forms import WordFileForm
from .importing import import_word_file
from .limits import WordFileRefused
from .permissions import languages_user_may_fill, may_add_article_under


class WordFileImportView(WagtailAdminTemplateMixin, FormView):
    form_class = WordFileForm
    template_name = "wordfiles/import_form.html"
    header_icon = "doc-full"
    submit_button_label = gettext_lazy("Import as a draft")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "languages": self.languages}

    def get_initial(self):
        language = current_language()
        return {"language": language if language in self.languages else self.languages[0]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=self.request.path,
            submit_button_label=self.submit_button_label,
            submit_button_active_label=_("Importing…"),
            media=context["form"].media,
        )
        return context

    def form_valid(self, form):
        try:
            report = import_word_file(
                form.cleaned_data["file"].read(),
                filename=form.cleaned_data["file"].name,
                language=form.cleaned_data["language"],
                user=self.request.user,
                authors=list(form.cleaned_data["authors"]) or self.default_authors(),
                **self.target(),
            )
        except WordFileRefused as error:
            form.add_error("file", _("The file was not imported: %(reason)s") % {"reason": error})
            return self.form_invalid(form)
        messages.success(self.request, self.success_message(report))
        for warning in report.warnings():
            messages.warning(self.request, warning)
        return redirect("wagtailadmin_pages:edit", report.page.pk)


class NewArticleFromWordFile(WordFileImportView):
    page_title = gettext_lazy("New article from a Word file")

    def dispatch(self, request, parent_id):
        self.parent = get_object_or_404(Page, pk=parent_id).specific
        if not may_add_article_under(self.parent, request.user):
            raise PermissionDenied
        self.languages = site_language_codes()
        return super().dispatch(request)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "target": self.parent}

    def default_authors(self):
        return None  # the people the file names

    def target(self) -> dict:
        return {"parent": self.parent}

    def success_message(self, report) -> str:
        return _("“%(title)s” was created from the Word file as a draft; check it before publishing.") % {
            "title": report.page.get_admin_display_title()
        }


class FillLanguageFromWordFile(WordFileImportView):
    page_title = gettext_lazy("Fill a language from a Word file")
    submit_button_label = gettext_lazy("Replace this language with the file")

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        self.languages = languages_user_may_fill(self.page, request.user)
        if not self.languages:
            raise PermissionDenied
        return super().dispatch(request)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "replaces": True,
            "target": self.page,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
        }

    def default_authors(self):
        return []  # an existing article keeps its authors unless some are chosen

    def target(self) -> dict:
        return {"page": self.page}

    def success_message(self, report) -> str:
        return _(
            "The %(language)s text was replaced from the Word file in a new draft; "
            "other languages are unchanged."
        ) % {"language": report.language.upper()}
