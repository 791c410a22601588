"""WordPress categories as topics, regions or article types, with their names per language.

Polylang keeps a category's translations as separate categories tied by a `term_translations`
group; they become one term with a name in each language. A mapping file sends chosen categories
to regions, article types, tags or nowhere (`sidecars.read_taxonomy_mapping`); the rest are topics.
"""

from dataclasses import dataclass

from django.utils.text import slugify

from ankasam.core.languages import default_language, field_in, localized_field, site_language_codes
from ankasam.taxonomy.models import ArticleType, Region, Topic

from .models import ImportedTerm
from .sidecars import TaxonomyMapping

MODELS = {"topic": Topic, "region": Region, "article_type": ArticleType}


@dataclass(frozen=True)
class Target:
    kind: str  # topic, region, article_type, tag or skip
    term: object = None  # the Topic, Region or ArticleType; None for tags and skipped ones
    name: str = ""  # the tag's name


def category_groups(index) -> list[list[tuple[str, object]]]:
    """Each category with its Polylang translations: [(language, term), ...], default language first."""
    groups: dict[object, list] = {}
    for term in index.terms:
        if term.taxonomy != "category":
            continue
        language, group = index.term_languages.get(term.term_id, (None, None))
        key = ("group", group) if group else ("alone", term.slug)
        groups.setdefault(key, []).append((language or default_language(), term))
    return [
        sorted(members, key=lambda member: member[0] != default_language()) for members in groups.values()
    ]


def import_categories(index, report, mapping: TaxonomyMapping | None = None) -> dict[str, Target]:
    """Category slug -> what it became; found again by its imported record on a second run."""
    mapping = mapping or TaxonomyMapping()
    targets = {}
    for members in category_groups(index):
        kinds = [mapping.target_for(term.slug) for _language, term in members]
        kind = next((kind for kind in kinds if kind != "topic"), "topic")
        if kind in ("tag", "skip"):
            for _language, term in members:
                targets[term.slug] = Target(kind, name=term.name)
            continue
        term = import_term(index, members, MODELS[kind], report, kind.replace("_", " "))
        for _language, member in members:
            ImportedTerm.objects.update_or_create(
                site=index.site,
                taxonomy="category",
                slug=member.slug,
                defaults={"kind": kind, "target_id": term.pk},
            )
            targets[member.slug] = Target(kind, term)
    return targets


def import_term(index, members, model, report, label: str):
    slugs = [term.slug for _language, term in members]
    record = ImportedTerm.objects.filter(site=index.site, taxonomy="category", slug__in=slugs).first()
    term = model.objects.filter(pk=record.target_id).first() if record and record.kind else None
    canonical = members[0][1]
    created = term is None
    if created:
        term = model.objects.filter(slug=slugify(canonical.slug)).first() or model(
            slug=slugify(canonical.slug)[:100] or f"category-{canonical.term_id}"
        )
        created = term.pk is None
    changed = False
    for language, member in members:
        column = localized_field(
            "name", language if language in site_language_codes() else default_language()
        )
        if member.name and getattr(term, column) != member.name and (created or not getattr(term, column)):
            setattr(term, column, member.name[:100])
            changed = True
    if not field_in(term, "name", default_language()):
        setattr(term, localized_field("name", default_language()), canonical.name[:100])
    if created or changed:
        term.save()
    report.created[label] += created
    report.updated[label] += changed and not created
    report.unchanged[label] += not changed and not created
    return term
