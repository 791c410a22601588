"""schema.org data for search engines, as JSON-LD: articles, people and the home page.

Descriptions, images and dates come from `meta.py`, the same values as the OpenGraph tags. A page
names its schema.org type (`schema_type`, translations/discoverable.py); one builder per type.
"""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import override

from ankasam.articles.dates import modification_datetime, publication_datetime
from ankasam.core.languages import current_language, field_in
from ankasam.core.text import first_sentence, html_to_text
from ankasam.people.identifiers import orcid_url
from ankasam.translations.alternates import page_versions
from ankasam.translations.secondary import LocalizedText, text_in_language

from .meta import (
    article_keywords,
    meta_description,
    sharing_title,
    site_root_url,
    social_image,
    truncate_words,
)
from .share_cards import LOGO_PATH, LOGO_SIZE

CONTEXT = "https://schema.org"
# Google shows at most this many characters of an article's headline.
HEADLINE_LENGTH = 110


def home_url(request, language: str) -> str:
    with override(language):
        return site_root_url(request) + reverse("wagtail_serve", args=[""])


def search_url_template(request, language: str) -> str:
    with override(language):
        path = reverse("search")
    return f"{site_root_url(request)}{path}?q={{search_term_string}}"


def image_object(image) -> dict:
    return {"@type": "ImageObject", "url": image.url, "width": image.width, "height": image.height}


def organization(request, language: str) -> dict:
    root = site_root_url(request)
    return {
        "@type": "Organization",
        "@id": f"{root}/#organization",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": home_url(request, language),
        "logo": {
            "@type": "ImageObject",
            "url": root + static(LOGO_PATH),
            "width": LOGO_SIZE,
            "height": LOGO_SIZE,
        },
    }


def tagged_text(text: LocalizedText, language: str) -> str | dict:
    """A string in the page's language; in another, JSON-LD's language-tagged value.

    A bio written only in Turkish describes the author on the English page too, and says so.
    """
    if text.language == language:
        return str(text)
    return {"@value": str(text), "@language": text.language}


def person_data(person, request, language: str | None = None) -> dict:
    """The author's name; their address and role only when readers may open their page.

    An unpublished author is named in the byline (the editor approved it) but their role, like
    their bio, may still be a draft.
    """
    language = language or current_language()
    data = {"@type": "Person", "name": str(text_in_language(person, "title", language))}
    if not getattr(person, "shown_to_readers", person.live):
        return data
    data["url"] = person.get_full_url(request)
    orcid = orcid_url(person)
    if orcid:
        data["sameAs"] = [orcid]
    role = text_in_language(person, "role", language)
    if role:
        data["jobTitle"] = tagged_text(role, language)
    return data


def person_description(person, language: str) -> LocalizedText:
    """Their short bio, else the first sentence of their bio, in whichever language has one."""
    short_bio = text_in_language(person, "short_bio", language)
    if short_bio:
        return short_bio
    bio = text_in_language(person, "bio", language)
    return LocalizedText(first_sentence(html_to_text(bio.value)), bio.language)


def version_reference(version) -> dict:
    return {"@type": "Article", "@id": version.url, "url": version.url, "inLanguage": version.code}


def translation_links(article, request, language: str) -> dict:
    """`workTranslation` on the original-language version, `translationOfWork` on each translation."""
    versions = page_versions(article, request)
    if language == article.original_language:
        others = [version_reference(v) for v in versions if v.code != language]
        return {"workTranslation": others} if others else {}
    original = next((v for v in versions if v.code == article.original_language), None)
    return {"translationOfWork": version_reference(original)} if original else {}


def article_structured_data(article, request, language: str, authors=(), topics=None, tags=None) -> dict:
    url = article.get_full_url(request)
    data = {
        "@context": CONTEXT,
        "@type": "Article",
        "@id": url,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": truncate_words(field_in(article, "title", language, None) or "", HEADLINE_LENGTH),
        "description": meta_description(article, language),
        "datePublished": publication_datetime(article).isoformat(),
        "dateModified": modification_datetime(article).isoformat(),
        "inLanguage": language,
        "author": [person_data(person, request, language) for person in authors],
        "publisher": organization(request, language),
        "image": image_object(social_image(article, request, language)),
        "isAccessibleForFree": True,
    }
    section = article.section_name(language)
    if section:
        data["articleSection"] = section
    keywords = article_keywords(article, language, topics, tags)
    if keywords:
        data["keywords"] = keywords
    data.update(translation_links(article, request, language))
    return data


def person_structured_data(person, request, language: str, **listed) -> dict:
    url = person.get_full_url(request)
    entity = person_data(person, request, language) | {
        "@id": f"{url}#person",
        "url": url,
        "worksFor": {"@id": f"{site_root_url(request)}/#organization", "name": settings.WAGTAIL_SITE_NAME},
    }
    description = person_description(person, language)
    if description:
        entity["description"] = tagged_text(description, language)
    if person.get_social_image() is not None:
        entity["image"] = social_image(person, request, language).url
    links = [block.value["url"] for block in person.links or []]
    if links:
        entity["sameAs"] = links
    return {
        "@context": CONTEXT,
        "@type": "ProfilePage",
        "url": url,
        "inLanguage": language,
        "name": sharing_title(person, language),
        "mainEntity": entity,
    }


def home_structured_data(home, request, language: str, **listed) -> dict:
    url = home_url(request, language)
    site = {
        "@type": "WebSite",
        "@id": f"{url}#website",
        "url": url,
        "name": settings.WAGTAIL_SITE_NAME,
        "inLanguage": language,
        "publisher": {"@id": f"{site_root_url(request)}/#organization"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search_url_template(request, language)},
            "query-input": "required name=search_term_string",
        },
    }
    description = meta_description(home, language)
    if description:
        site["description"] = description
    return {"@context": CONTEXT, "@graph": [site, organization(request, language)]}


BUILDERS = {
    "Article": article_structured_data,
    "ProfilePage": person_structured_data,
    "WebSite": home_structured_data,
}


def page_structured_data(page, request, language: str, **listed) -> dict | None:
    """The page's JSON-LD for its `schema_type`; an article's authors and topics as its context holds them."""
    build = BUILDERS.get(page.schema_type)
    return build(page, request, language, **listed) if build else None
