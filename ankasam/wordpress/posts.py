"""A post written into its group's page: what it becomes (title, slug, image, terms, byline,
what happens to it) and the writing itself. `importer.write_post` decides whether to write.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import override
from wagtail.models import Page

from ankasam.articles.content import write_article_translation
from ankasam.articles.models import ArticlePage, ArticlePageAuthor
from ankasam.core.languages import localized_field

from .naming import free_slug, title_of, wanted_slug
from .report import Report
from .seo import seo_texts
from .statuses import KEPT_DRAFT, status_warning, treatment
from .wxr import Item


@dataclass
class Planned:
    """What a post becomes in its language of the page, before anything is written."""

    title: str
    slug: str
    standfirst: str
    blocks: list
    notes: list
    hero: object  # the featured image, or None
    tags: list[str]
    authors: list
    seo: dict[str, str] = field(default_factory=dict)  # seo_title, search_description (`seo.py`)

    def parts(self) -> tuple:
        """What the fingerprint is made of: plain values and ids, never whole objects."""
        hero = self.hero.pk if self.hero is not None else None
        authors = [person.pk for person in self.authors]
        parts = (self.title, self.slug, self.standfirst, self.blocks, self.notes, hero, self.tags, authors)
        # Only when there is some, so posts without SEO texts keep the fingerprint they had.
        return (*parts, sorted(self.seo.items())) if self.seo else parts

    def write_seo(self, page, language: str):
        for name in SEO_FIELDS:
            setattr(page, localized_field(name, language), self.seo.get(name, ""))


SEO_FIELDS = ("seo_title", "search_description")


def plan_post(
    item: Item, language, blocks, notes, page, parent, index, people, topics, images, report
) -> Planned:
    title, made_up = title_of(item, language, blocks)
    if made_up:
        report.warn(item.post_id, made_up, "untitled: title made up")
    wanted = wanted_slug(item, title)
    slug = free_slug(parent, wanted, page.pk if page else None)
    if slug != wanted:
        report.warn(
            item.post_id, f"slug '{wanted}' is taken under the index; imported as '{slug}'", "slug taken"
        )
    thumbnail = (item.postmeta.get("_thumbnail_id") or [""])[0]
    return Planned(
        title=title,
        slug=slug,
        standfirst=strip_tags(item.excerpt).strip(),
        blocks=blocks,
        notes=notes,
        hero=images.get(int(thumbnail)) if thumbnail.isdigit() else None,
        tags=tags_of(item, topics),
        authors=[people[login] for login in index.post_authors.get(item.post_id, []) if login in people],
        seo=seo_texts(item, title, report),
    )


def post_action(item: Item, label: str, blocks, report: Report) -> str:
    """Publish, schedule or keep as a draft; a post with nothing to show is never a live page."""
    action = treatment(label, item.post_date_gmt, timezone.now())
    explained = status_warning(label, item.post_date_gmt, action)
    if explained:
        report.warn(item.post_id, explained[1], explained[0])
    if not blocks and action != KEPT_DRAFT:
        report.warn(
            item.post_id,
            f"{label}, but nothing is left to show (an empty body, or only images not imported); "
            "imported as a draft, without a redirect",
            "nothing to show: draft",
        )
        return KEPT_DRAFT
    return action


def write_into_page(page, item: Item, language: str, planned: Planned, parent, topics):
    created = page is None
    with override(language):
        if created:
            page = ArticlePage(live=False, original_language=language)
        if planned.hero is not None:
            page.hero_image = planned.hero
        write_article_translation(
            page,
            language,
            title=planned.title,
            slug=planned.slug,
            standfirst=planned.standfirst,
            blocks=planned.blocks,
            notes=planned.notes,
        )
        planned.write_seo(page, language)
        # The group's date is its earliest post's: translations come out later.
        if item.post_date and (created or item.post_date.date() < page.publication_date):
            page.publication_date = item.post_date.date()
        assign_categories(page, item, topics, created)
        if planned.authors and (created or not page.article_authors.exists()):
            page.article_authors = [
                ArticlePageAuthor(person=person, sort_order=n) for n, person in enumerate(planned.authors)
            ]
        # The page's tags are a cluster kept on the object until it is saved, so they are set
        # before the save: added after it, they were never written.
        page.tags.add(*planned.tags)
        if created:
            parent.add_child(instance=page)
        else:
            save_new_language(page, language)
    return page


def save_new_language(page, language: str):
    """Save a language written into an existing page, its slug and address stored first.

    Wagtail treats a new slug as a renamed page: it keeps both versions of the page for a signal
    sent when the transaction commits. Over an import of thousands of pieces in one transaction
    those copies were most of its memory; writing the slug and address first leaves nothing to
    rename (the old address is redirected by the import itself).
    """
    page.set_url_path(page.get_parent())
    columns = [localized_field("slug", language), localized_field("url_path", language)]
    Page.objects.filter(pk=page.pk).update(**{column: getattr(page, column) for column in columns})
    page.save()


def tags_of(item: Item, topics: dict) -> list[str]:
    """Its WordPress tags, and the categories the taxonomy mapping sends to tags."""
    tags = [name for domain, _slug, name in item.categories if domain == "post_tag" and name]
    tags += [topics[slug].name for domain, slug, _name in item.categories if is_tag(topics, domain, slug)]
    return list(dict.fromkeys(tags))


def targets_of(item: Item, targets: dict) -> list:
    return [
        targets[slug] for domain, slug, _name in item.categories if domain == "category" and slug in targets
    ]


def is_tag(targets, domain: str, slug: str) -> bool:
    return domain == "category" and slug in targets and targets[slug].kind == "tag"


def assign_categories(page, item: Item, targets: dict, created: bool):
    """A group's terms are all its posts' categories: translations often carry none of their own."""
    named = [
        targets[slug] for domain, slug, _name in item.categories if domain == "category" and slug in targets
    ]
    for kind, column in (("topic", "topics"), ("region", "regions")):
        terms = [target.term for target in named if target.kind == kind]
        if terms:
            existing = [] if created else list(getattr(page, column).all())
            setattr(page, column, list(dict.fromkeys([*existing, *terms])))
    types = [target.term for target in named if target.kind == "article_type"]
    if types and page.article_type_id is None:
        page.article_type = types[0]
