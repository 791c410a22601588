"""Tags typed as words (the article form's tag field, the WordPress import, the demo) found in any
language, so that "Demiryolları" typed by a Turkish editor is the tag English readers see as
"Railways", and a word no tag has in any language makes a new tag named in the default language.

taggit looks names up in `name` only, which modeltranslation reads as the editor's language: the
same word would find nothing in another admin language and then clash with the unique `name`.
"""

from django.db.models import Q
from modelcluster.contrib.taggit import ClusterTaggableManager, _ClusterTaggableManager

from ankasam.core.languages import default_language, localized_field, site_language_codes

from .models import Tag


def named_in_any_language(names) -> Q:
    return Q(name__in=names) | Q(
        *(Q(**{f"{localized_field('name', code)}__in": names}) for code in site_language_codes()),
        _connector=Q.OR,
    )


def tags_by_name(names) -> dict[str, Tag]:
    """Each name's tag (a name in any language, or the untranslated `name`), made if none has it.

    A new tag is named in the default language; translators give it its other names later.
    """
    names = list(dict.fromkeys(name.strip() for name in names if name and name.strip()))
    found = {}
    for tag in Tag.objects.filter(named_in_any_language(names)).order_by("pk"):
        fields = ["name", *(localized_field("name", code) for code in site_language_codes())]
        for field in fields:
            found.setdefault(tag.__dict__[field], tag)
    for name in names:
        if name not in found:
            # Only the default-language field is given: `name=` would also fill the editor's language.
            found[name] = Tag(**{localized_field("name", default_language()): name})
            found[name].save()
    return {name: found[name] for name in names}


def tag_named(name: str) -> Tag | None:
    """The tag with this name in some language, if there is one; nothing is made."""
    return Tag.objects.filter(named_in_any_language([name.strip()])).order_by("pk").first()


def tags_named(names) -> list[Tag]:
    return list(dict.fromkeys(tags_by_name(names).values()))


class _TranslatedTags(_ClusterTaggableManager):
    def _to_tag_model_instances(self, tags, tag_kwargs):
        by_name = tags_by_name(tag for tag in tags if isinstance(tag, str))
        chosen = (tag if isinstance(tag, Tag) else by_name.get(tag.strip()) for tag in tags)
        return list(dict.fromkeys(tag for tag in chosen if tag is not None))


class TranslatedTagsManager(ClusterTaggableManager):
    """`ClusterTaggableManager` whose words name tags in any language (see the module's doc)."""

    def __get__(self, instance, model):
        return _TranslatedTags(
            through=self.through, model=model, instance=instance, prefetch_cache_name=self.name
        )
