"""Edit-form data for any page type, as the admin would post it back unchanged.

Built from the page's own edit form (read as an editor, so nothing is disabled), so it follows
every page type and every field without a list kept by hand.
"""

from django import forms
from django.contrib.auth import get_user_model
from wagtail.blocks import RichTextBlock, StreamValue, StructBlock
from wagtail.blocks.base import BlockField
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from .admin_forms import stream_form_data


def block_form_value(block, value):
    if isinstance(block, StructBlock):
        return {name: block_form_value(child, value[name]) for name, child in block.child_blocks.items()}
    if isinstance(block, RichTextBlock):
        return rich_text(value.source)
    return block.get_prep_value(value)


def stream_data(stream: StreamValue) -> dict:
    if all(child.block_type in ("paragraph", "footnote") for child in stream):
        return stream_form_data(stream)
    items = {}
    for index, child in enumerate(stream):
        items[str(index)] = {
            "type": child.block_type,
            "value": block_form_value(child.block, child.value),
            "id": child.id,
            "deleted": "",
            "order": str(index),
        }
    items["count"] = str(len(items))
    return items


def field_data(form, name):
    """The value the admin posts for one field, or None when it posts nothing (an unticked box)."""
    field = form.fields[name]
    initial = form.get_initial_for_field(field, name)
    if isinstance(field, BlockField):
        return stream_data(initial if isinstance(initial, StreamValue) else field.block.to_python(initial))
    if "Draftail" in type(field.widget).__name__:
        source = initial.source if isinstance(initial, RichText) else initial
        return rich_text(source) if source else "null"  # what the editor posts when empty
    if isinstance(field.widget, forms.CheckboxInput):
        return "on" if initial else None
    if isinstance(field, forms.ModelMultipleChoiceField):
        return [str(pk) for pk in field.prepare_value(initial) or []]
    value = form[name].value()
    if hasattr(field.widget, "format_value") and not isinstance(value, str | int | list):
        value = field.widget.format_value(value)
    return "" if value is None else value


def formset_data(formset) -> dict:
    rows = []
    for index, child in enumerate(formset.initial_forms):
        row = {name: field_data(child, name) for name in child.fields if name != "DELETE"}
        row["ORDER"] = index + 1
        rows.append({name: value for name, value in row.items() if value is not None})
    return inline_formset(rows, initial=len(rows))


def editor():
    users = get_user_model().objects
    return users.filter(is_superuser=True).first() or users.create_superuser("form-reader", password="x")


def page_form_data(page, **changes) -> dict:
    page = page.specific_class.objects.get(pk=page.pk).get_latest_revision_as_object()
    form = type(page).get_edit_handler().get_form_class()(instance=page, for_user=editor())
    data = {}
    for name in form.fields:
        value = field_data(form, name)
        if value is not None:
            data[name] = value
    for name, formset in form.formsets.items():
        data[name] = formset_data(formset)
    for name, change in changes.items():
        # A callable change receives the value as posted unchanged (to add an inline row, say).
        data[name] = change(data[name]) if callable(change) else change
    # A multiple choice is posted as the same name repeated, not nested as `topics-0`.
    choices = {name: value for name, value in data.items() if isinstance(value, list)}
    return nested_form_data({name: value for name, value in data.items() if name not in choices}) | choices


def edit_page(client, page, **changes):
    return client.post(f"/admin/pages/{page.pk}/edit/", page_form_data(page, **changes))
