"""A report of the secondary texts (bios, roles, term names, captions) readers get in another language.

A secondary text written in one language and not in another is shown to the second language's
readers in the first (`secondary.text_in_language`); this report lists each such case, so that
translators know what to write. Secondary texts are every translated field of a model that is not
a page (terms, images) and the fields a page type names in `secondary_text_fields` (a person's
role and bio), of live pages only: a draft's texts reach no reader.
"""

import datetime
from dataclasses import dataclass

import django_filters
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.models import Page

from ankasam.core.languages import field_in, native_name, site_language_codes

from .availability import is_filled
from .reports import PageWorkersReportView


@dataclass(frozen=True)
class SecondaryText:
    item: object
    field_label: str
    missing_in: str
    written_in: tuple[str, ...]

    @property
    def item_name(self) -> str:
        return str(self.item)

    @property
    def kind(self) -> str:
        return str(capfirst(self.item._meta.verbose_name))

    @property
    def missing_in_name(self) -> str:
        return native_name(self.missing_in)

    @property
    def written_in_names(self) -> str:
        return ", ".join(native_name(code) for code in self.written_in)


def secondary_fields(model) -> list[str]:
    fields = list(translator.get_options_for_model(model).all_fields)
    if issubclass(model, Page):
        return [name for name in fields if name in getattr(model, "secondary_text_fields", ())]
    return fields


def items_of(model):
    items = model._default_manager.all()
    return (items.live() if issubclass(model, Page) else items).order_by("pk")


def texts_missing_in_a_language(item, names: list[str]) -> list[SecondaryText]:
    rows = []
    for name in names:
        written = tuple(code for code in site_language_codes() if is_filled(field_in(item, name, code)))
        if not written:
            continue
        label = str(capfirst(item._meta.get_field(name).verbose_name))
        rows.extend(
            SecondaryText(item, label, code, written) for code in site_language_codes() if code not in written
        )
    return rows


def secondary_texts_shown_in_another_language() -> list[SecondaryText]:
    rows = []
    for model in translator.get_registered_models(abstract=False):
        names = secondary_fields(model)
        if not names:
            continue
        for item in items_of(model):
            rows.extend(texts_missing_in_a_language(item, names))
    return rows


class SecondaryTextFilterSet(WagtailFilterSet):
    missing_in = django_filters.ChoiceFilter(
        label=_("Missing in"), choices=lambda: settings.LANGUAGES, method="keep_missing_in"
    )

    def keep_missing_in(self, rows, name, value):
        return [row for row in rows if row.missing_in == value]

    def filter_queryset(self, rows):
        # The rows are a list, not a queryset: django-filter's own version insists on one.
        for name, value in self.form.cleaned_data.items():
            if value:
                rows = getattr(self, self.filters[name].method)(rows, name, value)
        return rows


def edit_url(row) -> str | None:
    return AdminURLFinder().get_edit_url(row.item)


class SecondaryTextsReportView(PageWorkersReportView):
    report_name = "secondary_texts"
    page_title = _("Texts shown in another language")
    header_icon = "site"
    filterset_class = SecondaryTextFilterSet
    columns = [
        TitleColumn("item_name", label=_("Item"), get_url=edit_url),
        Column("kind", label=_("Kind")),
        Column("field_label", label=_("Field")),
        Column("missing_in_name", label=_("Missing in")),
        Column("written_in_names", label=_("Written in")),
    ]
    list_export = ["item_name", "kind", "field_label", "missing_in", "written_in_names"]
    export_headings = {
        "item_name": _("Item"),
        "kind": _("Kind"),
        "field_label": _("Field"),
        "missing_in": _("Missing in"),
        "written_in_names": _("Written in"),
    }

    def get_filterset_kwargs(self):
        # Without a queryset django-filter would read one from a model this report has none of.
        return super().get_filterset_kwargs() | {"queryset": Page.objects.none()}

    def get_queryset(self):
        return self.filter_queryset(secondary_texts_shown_in_another_language())

    def get_filename(self):
        return f"texts-in-another-language-{datetime.date.today():%Y-%m-%d}"
