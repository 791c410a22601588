"""Loading the demo site: taxonomy, people and articles written for this project.

Everything is looked up by a stable key (a slug) before it is created, so loading twice adds
nothing; what already exists is left as editors may have changed it.
"""

import datetime
import io
import tomllib
from collections import Counter
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import override
from wagtail.images import get_image_model
from wagtail.models import Site

from ankasam.articles.content import Note, write_article_translation
from ankasam.articles.models import ArticleIndexPage, ArticlePage, ArticlePageAuthor, ArticlePageRelated
from ankasam.core.languages import (
    default_language,
    field_in,
    is_site_language,
    localized_field,
    site_language_codes,
)
from ankasam.home.models import HomePage, HomePageFeaturedArticle, HomePageTopicBlock
from ankasam.identity.models import SiteIdentity
from ankasam.pages.models import StandardPage
from ankasam.people.models import PeopleIndexPage, PersonPage
from ankasam.taxonomy.models import ArticleType, Region, Tag, Topic
from ankasam.taxonomy.slugs import has_slug_per_language

from . import images, markup

CONTENT_DIR = Path(__file__).resolve().parent / "content"
CHART_CREDIT = {"en": "Chart: ANKASAM", "tr": "Grafik: ANKASAM", "ru": "График: ANKASAM"}


def read_content(name: str) -> dict:
    with (CONTENT_DIR / name).open("rb") as handle:
        return tomllib.load(handle)


def article_files() -> list[Path]:
    return sorted((CONTENT_DIR / "articles").glob("*.toml"))


def set_translations(obj, data: dict, fields: tuple[str, ...]):
    """Copy {language: {field: value}} onto obj's per-language fields, for the site's languages."""
    for language in site_language_codes():
        for field_name in fields:
            if field_name in data.get(language, {}):
                setattr(obj, localized_field(field_name, language), data[language][field_name])


def publish(page):
    page.save_revision().publish()


def child_by_slug(parent, slug: str):
    field = localized_field("slug", default_language())
    return parent.get_children().rewrite(False).filter(**{field: slug}).specific().first()


def ensure_home(data: dict, report: Counter) -> HomePage:
    home = Site.objects.get(is_default_site=True).root_page.specific
    if not field_in(home, "intro", default_language()):
        set_translations(home, data, ("title", "intro"))
        publish(home)
        report["home page"] += 1
    return home


def ensure_section(home, model, data: dict, report: Counter):
    section = child_by_slug(home, data[default_language()]["slug"])
    if section is None:
        section = model(show_in_menus=True, live=False)
        set_translations(section, data, ("title", "slug", "intro"))
        home.add_child(instance=section)
        publish(section)
        report[model._meta.verbose_name] += 1
    return section


def ensure_institute_pages(home, entries: list[dict], report: Counter):
    """About, Contact and Privacy under the home page, linked from the footer."""
    for data in entries:
        if child_by_slug(home, data[default_language()]["slug"]) is not None:
            continue
        page = StandardPage(show_in_footer=True, live=False)
        set_translations(page, data, ("title", "slug", "intro"))
        for language in site_language_codes():
            if language in data:
                setattr(page, localized_field("body", language), markup.body_blocks(data[language]["body"]))
        home.add_child(instance=page)
        publish(page)
        report[StandardPage._meta.verbose_name] += 1


def ensure_identity(data: dict, report: Counter):
    """The footer's tagline, contact and profiles, set once: afterwards they are the editors'."""
    identity = SiteIdentity.load()
    if identity.contact_email:
        return
    set_translations(identity, data, ("tagline", "contact_address"))
    identity.contact_email = data["contact_email"]
    identity.profiles = [("link", profile) for profile in data["profiles"]]
    identity.save()
    report["site identity"] += 1


def ensure_terms(model, entries: list[dict], report: Counter) -> dict:
    terms = {}
    # Tags have one slug for every language; topics, regions and types one per language.
    per_language = has_slug_per_language(model)
    default_slug = localized_field("slug", default_language()) if per_language else "slug"
    for entry in entries:
        term = model.objects.filter(**{default_slug: entry["slug"]}).first()
        slugs = {code: {"slug": slug} for code, slug in entry.get("slugs", {}).items()}
        if term is None:
            term = model(**{default_slug: entry["slug"]})
            set_translations(term, {code: {"name": name} for code, name in entry["name"].items()}, ("name",))
            if per_language:
                set_translations(term, slugs, ("slug",))
            term.save()
            report[model._meta.verbose_name] += 1
        elif per_language:
            # A site loaded before terms had slugs per language gets them, and nothing else.
            missing = {
                code: value
                for code, value in slugs.items()
                if is_site_language(code) and field_in(term, "slug", code, None) is None
            }
            if missing:
                set_translations(term, missing, ("slug",))
                term.save()
        terms[entry["slug"]] = term
    return terms


def save_image(title: str, filename: str, png: bytes, **translated):
    image = get_image_model()(title=title)
    for field_name, values in translated.items():
        for language, value in values.items():
            setattr(image, localized_field(field_name, language), value)
    image.file = ImageFile(io.BytesIO(png), name=filename)
    image.save()
    return image


def ensure_people(index, entries: list[dict], report: Counter) -> dict:
    people = {}
    for entry in entries:
        person = child_by_slug(index, entry["en"]["slug"])
        if person is None:
            names = {code: entry[code]["name"] for code in site_language_codes() if code in entry}
            person = PersonPage(email=entry.get("email", ""), live=False)
            person.photo = save_image(
                f"Portrait placeholder: {names['en']}",
                f"{entry['key']}.png",
                images.initials_avatar(entry["initials"], entry["photo_color"]),
                description=dict(names),
            )
            translated = {
                code: {
                    "title": entry[code]["name"],
                    "slug": entry[code]["slug"],
                    "role": entry[code]["role"],
                    "short_bio": entry[code]["short_bio"],
                    "bio": markup.paragraphs_html(entry[code]["bio"]),
                }
                for code in names
            }
            set_translations(person, translated, ("title", "slug", "role", "short_bio", "bio"))
            person.links = [("link", link) for link in entry.get("links", [])]
            index.add_child(instance=person)
            publish(person)
            report["person"] += 1
        people[entry["key"]] = person
    return people


def build_article(data: dict, taxonomy: dict, people: dict) -> ArticlePage:
    article = ArticlePage(
        publication_date=datetime.date.fromisoformat(data["date"]),
        article_type=taxonomy["article_type"][data["type"]],
        live=False,
    )
    for language in site_language_codes():
        text = data.get(language)
        if not text:
            continue
        write_article_translation(
            article,
            language,
            title=text["title"],
            slug=text["slug"],
            standfirst=text["standfirst"],
            blocks=markup.body_blocks(text["body"]),
            notes=[Note(n["label"], f"<p>{markup.inline_html(n['text'])}</p>") for n in text["notes"]],
        )
    if "chart" in data:
        chart = data["chart"]
        article.hero_image = save_image(
            chart["title"],
            f"{data['key']}.png",
            images.bar_chart(chart["title"], chart["labels"], chart["values"], chart["unit"]),
            caption={code: data[code]["chart_caption"] for code in site_language_codes() if code in data},
            credit=CHART_CREDIT,
            description={"en": f"Bar chart: {chart['title']} ({chart['unit']})"},
        )
    article.topics = [taxonomy["topic"][slug] for slug in data["topics"]]
    article.regions = [taxonomy["region"][slug] for slug in data["regions"]]
    article.tags.add(*data["tags"])
    article.article_authors = [
        ArticlePageAuthor(person=people[key], sort_order=order) for order, key in enumerate(data["authors"])
    ]
    return article


def ensure_articles(index, taxonomy: dict, people: dict, report: Counter) -> dict:
    created = {}
    existing = {}
    for path in article_files():
        data = read_content(f"articles/{path.name}")
        article = child_by_slug(index, data["en"]["slug"])
        if article is not None:
            existing[data["key"]] = article
            continue
        article = build_article(data, taxonomy, people)
        index.add_child(instance=article)
        created[data["key"]] = (article, data)
    keyed = existing | {key: article for key, (article, _data) in created.items()}
    for article, data in created.values():
        article.related_links = [
            ArticlePageRelated(article=keyed[key], sort_order=order)
            for order, key in enumerate(data.get("related", []))
            if key in keyed
        ]
        article.first_published_at = timezone.make_aware(
            datetime.datetime.combine(article.publication_date, datetime.time(9, 0))
        )
        publish(article)
        report["article"] += 1
    return keyed


def ensure_home_sections(home, data: dict, articles: dict, topics: dict, report: Counter):
    """The home page's featured pieces and topic blocks, set once: afterwards they are the editors'."""
    if home.featured_articles.exists() or home.topic_blocks.exists():
        return
    home.featured_articles = [
        HomePageFeaturedArticle(article=articles[key], sort_order=order)
        for order, key in enumerate(data["featured"])
        if key in articles
    ]
    home.topic_blocks = [
        HomePageTopicBlock(topic=topics[slug], sort_order=order) for order, slug in enumerate(data["topics"])
    ]
    publish(home)
    report["home page sections"] += 1


@transaction.atomic
def load_demo_content() -> Counter:
    """Create whatever part of the demo site is missing; return what was created."""
    report = Counter()
    site = read_content("site.toml")
    with override(default_language()):
        home = ensure_home(site["home"], report)
        taxonomy_data = read_content("taxonomy.toml")
        taxonomy = {
            "topic": ensure_terms(Topic, taxonomy_data["topic"], report),
            "region": ensure_terms(Region, taxonomy_data["region"], report),
            "article_type": ensure_terms(ArticleType, taxonomy_data["article_type"], report),
        }
        # Named before the articles, whose English words then find them (taxonomy/tags.py).
        ensure_terms(Tag, taxonomy_data["tag"], report)
        article_index = ensure_section(home, ArticleIndexPage, site["articles"], report)
        people_index = ensure_section(home, PeopleIndexPage, site["people"], report)
        people = ensure_people(people_index, read_content("people.toml")["person"], report)
        articles = ensure_articles(article_index, taxonomy, people, report)
        ensure_home_sections(home, site["home_sections"], articles, taxonomy["topic"], report)
        ensure_institute_pages(home, read_content("pages.toml")["page"], report)
        ensure_identity(site["identity"], report)
    return report
