"""Fields every language shares (dates, authors, topics, images, ...): translators may not change them.

What is shared is read from the edit form itself, not listed by hand: every field and inline
(formset) of a page's edit form that django-modeltranslation does not translate. A field added to a
page type tomorrow is therefore locked for translators without anyone remembering to add it here.
"""

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.forms.utils import pretty_name
from django.utils.text import capfirst

from .permissions import field_languages

# Not the page's content: the editor's own choice of being notified, and the comments on the draft,
# which translators write like everyone else.
NOT_CONTENT_FIELDS = frozenset({"comment_notifications"})
NOT_CONTENT_FORMSETS = frozenset({"comments"})


def shared_field_names(form) -> list[str]:
    """The form's fields whose value every language shares."""
    translated = field_languages(form._meta.model)
    return [name for name in form.fields if name not in translated and name not in NOT_CONTENT_FIELDS]


def shared_formset_names(form) -> list[str]:
    """The form's inlines (authors, related pieces, featured pieces, ...), all shared by every language."""
    return [name for name in getattr(form, "formsets", {}) if name not in NOT_CONTENT_FORMSETS]


def lock_shared_fields(form) -> None:
    """Shows every shared field disabled; Django then keeps the saved value whatever is posted."""
    for name in shared_field_names(form):
        form.fields[name].disabled = True
    for name in shared_formset_names(form):
        # The rows that exist; a row the translator adds is refused in `changed_shared_labels`.
        for child in form.formsets[name].initial_forms:
            for field in child.fields.values():
                field.disabled = True


def _omitted(form, name, field) -> bool:
    key = form.add_prefix(name)
    # A disabled checkbox is not posted at all, which would otherwise read as "unticked".
    if isinstance(field.widget, forms.CheckboxInput):
        return key not in form.data
    return field.widget.value_omitted_from_data(form.data, form.files, key)


def posted_change(form, name) -> bool:
    """Whether the data posted for a (disabled) field differs from its saved value."""
    field = form.fields[name]
    if _omitted(form, name, field):
        return False
    posted = field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
    # `has_changed` answers False for a disabled field: ask an enabled copy.
    enabled = copy.copy(field)
    enabled.disabled = False
    try:
        return enabled.has_changed(form.get_initial_for_field(field, name), posted)
    except ValidationError:
        return True


def _formset_changed(formset) -> bool:
    if formset.initial_form_count() != len(formset.get_queryset()):
        return True
    for index, child in enumerate(formset.forms):
        names = [name for name in child.fields if name != child._meta.model._meta.pk.name]
        new_row = index >= formset.initial_form_count()
        if new_row and not any(_posted_value(child, name) for name in names if name != ORDERING_FIELD_NAME):
            continue  # An empty extra row, as the admin posts for an inline it can add to.
        if any(posted_change(child, name) for name in names):
            return True
    return False


def _posted_value(form, name) -> bool:
    if name == DELETION_FIELD_NAME or _omitted(form, name, form.fields[name]):
        return False
    return bool(form.fields[name].widget.value_from_datadict(form.data, form.files, form.add_prefix(name)))


def changed_shared_labels(form) -> list[str]:
    """The labels of the shared fields and inlines whose posted data differs from what is saved."""
    labels = [
        str(form.fields[name].label or pretty_name(name))
        for name in shared_field_names(form)
        if posted_change(form, name)
    ]
    for name in shared_formset_names(form):
        formset = form.formsets[name]
        if _formset_changed(formset):
            labels.append(str(capfirst(formset.model._meta.verbose_name_plural)))
    return labels
