"""Listing filters: topic, region, type, tag, author and year, combinable, named by slugs in the address.

`/en/analyses/?topic=energy&year=2025` is the same list for everyone who opens the link, so the
values are slugs and years, never database ids. A value that names nothing answers 404: the link
is wrong, and an empty list would hide that.
"""

import django_filters
from django import forms
from django.forms.utils import flatatt
from django.http import Http404
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ankasam.core.languages import current_language
from ankasam.core.published import cached_until_published
from ankasam.core.routing import localized_slug_q
from ankasam.core.visibility import visible_to_readers
from ankasam.people.models import PersonPage
from ankasam.taxonomy.models import ArticleType, Region, Tag, Topic
from ankasam.taxonomy.slugs import find_term

from .models import ArticlePage


def publication_years():
    """The years in which something readers may see was published, newest first."""
    from .queries import published_articles

    def read():
        years = published_articles().dates("publication_date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    return cached_until_published(f"publication-years:{current_language()}", read)


class OptionsSelect(forms.Select):
    """A select written in Python: Django's template per option was a tenth of a search page."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], flatatt(option["attrs"]), option["label"])
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html(
            '<select name="{}"{}>\n{}\n</select>', widget["name"], flatatt(widget["attrs"]), options
        )


class AuthorChoiceField(forms.ModelChoiceField):
    """A person named by the slug of their address in the reader's language.

    The same rule as routing: a person without a slug in the language is found by their
    default-language slug, the one their address there uses.
    """

    def to_python(self, value):
        if value in self.empty_values:
            return None
        person = self.queryset.filter(localized_slug_q(str(value))).first()
        if person is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return person


class AuthorFilter(django_filters.ModelChoiceFilter):
    field_class = AuthorChoiceField


class TermChoiceField(forms.ModelChoiceField):
    """A topic, region, type or tag named by its slug in the reader's language, or its default-language
    slug (taxonomy/slugs.py): a link shared before the term had a Turkish slug still filters."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        term = find_term(self.queryset, str(value))
        if term is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return term


class TermFilter(django_filters.ModelChoiceFilter):
    field_class = TermChoiceField


def term_filter(model, field_name, label, empty_label, **kwargs):
    """A topic, region, type or tag, named by its slug."""
    return TermFilter(
        label=label,
        empty_label=empty_label,
        field_name=field_name,
        to_field_name="slug",
        queryset=model.objects.all(),
        distinct=True,
        **{"widget": OptionsSelect, **kwargs},
    )


class ArticleFilterSet(django_filters.FilterSet):
    topic = term_filter(Topic, "topics", _("Topic"), _("All topics"))
    region = term_filter(Region, "regions", _("Region"), _("All regions"))
    type = term_filter(ArticleType, "article_type", _("Type"), _("All types"))
    # A site may have thousands of tags, too many for a list to choose from: a tag is chosen by
    # following its link (an article's tags, a tag page) and only kept by the form, not offered.
    tag = term_filter(Tag, "tags", _("Tag"), _("All tags"), widget=forms.HiddenInput)
    author = AuthorFilter(
        label=pgettext_lazy("listing filter", "Author"),
        empty_label=_("All authors"),
        field_name="article_authors__person",
        to_field_name="slug",
        queryset=PersonPage.objects.none(),
        distinct=True,
        widget=OptionsSelect,
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"),
        empty_label=_("All years"),
        field_name="publication_date",
        lookup_expr="year",
        choices=publication_years,
        widget=OptionsSelect,
    )

    class Meta:
        model = ArticlePage
        fields = []

    def __init__(self, *args, fixed=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Only what an option shows (name) and sends (slug): the rest of a person's row, every
        # language's biography among it, was a sixth of a listing's time.
        people = visible_to_readers(PersonPage.objects.all()).only("title", "slug")
        self.filters["author"].queryset = people.order_by("title")
        for name in fixed:
            del self.filters[name]

    @property
    def active(self) -> dict:
        """The filters the reader chose, by name, with the value's label in the reader's language."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.form.cleaned_data.items() if value not in (None, "")}


def filter_articles(queryset, params, fixed=()):
    """`queryset` narrowed by the filters in `params` (a QueryDict); other parameters are ignored.

    `fixed` names filters the page itself sets (a topic hub has no topic choice). Raises Http404
    when a value names no topic, region, type, tag, author or year readers can see.
    """
    filterset = ArticleFilterSet(params, queryset=queryset, fixed=fixed)
    if not filterset.is_valid():
        raise Http404("No such filter value")
    offer_kept_choices(filterset.form)
    return filterset.qs, filterset


def offer_kept_choices(form):
    """Each list's options as they were read after the last publish, in the reader's language.

    Reading and labelling every topic, region, type and author for the options was a fifth of a
    listing's time; they change only when something is published. Only what the lists show is
    kept: the fields still check a submitted value against the database.
    """
    language = current_language()
    for name, field in form.fields.items():
        if not isinstance(field.widget, forms.Select):
            continue

        def read(field=field):
            return [(str(value), str(label)) for value, label in field.choices]

        field.widget.choices = cached_until_published(f"filter-choices:{name}:{language}", read)
