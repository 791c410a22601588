"""What a page tells search engines and link previews: its address, description, image and dates.

The head's canonical link, `<meta name="description">`, the OpenGraph and Twitter tags and the
JSON-LD (`structured_data.py`) all take their values from here, so they never disagree.
Every text is in the reader's language: an article's own texts without fallback (it is served only
in languages it is written in), secondary texts (a bio, a role) as the page shows them. What is
particular to a page type comes from the page itself (`translations/discoverable.py`).
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from wagtail.models import Page, Site

from ankasam.articles.dates import modification_datetime, publication_datetime
from ankasam.core.languages import field_in, language_profile
from ankasam.core.visibility import visible_to_readers
from ankasam.identity.models import SiteIdentity
from ankasam.translations.alternates import page_versions
from ankasam.translations.availability import exists_in
from ankasam.translations.secondary import text_in_language

from .share_cards import HEIGHT, WIDTH, ShareCard

DESCRIPTION_LENGTH = 160
TRAILING_PUNCTUATION = " ,;:–—-"
PREVIEW_IMAGE_FILTER = f"fill-{WIDTH}x{HEIGHT}"
PROFILE_PHOTO_FILTER = "fill-600x600"


@dataclass(frozen=True)
class SocialImage:
    url: str
    width: int
    height: int
    alt: str
    # Wide enough for a large preview (Twitter's summary_large_image); a square photo is not.
    large: bool = True


def og_locale(language: str) -> str:
    return language_profile(language).og_locale


def truncate_words(text: str, limit: int) -> str:
    """The text on one line, cut at a word boundary with an ellipsis when longer than `limit`."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(TRAILING_PUNCTUATION) + "…"


def meta_description(page, language: str) -> str:
    """The page's own search description, else its summary, in about 160 characters."""
    return truncate_words(page.get_meta_description(language), DESCRIPTION_LENGTH)


def sharing_title(page, language: str) -> str:
    return field_in(page, "seo_title", language, None) or str(text_in_language(page, "title", language))


def site_root_url(request) -> str:
    """The site's address as page URLs use it (the Site record's), so every URL we claim agrees."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/") if request is not None else ""


def absolute(url: str, request) -> str:
    return site_root_url(request) + url if url.startswith("/") else url


def canonical_url(page, request) -> str:
    """The page's own address in this language; a listing's later pages keep their `?page=N`.

    A filtered or otherwise parameterised address points at the plain listing, which holds it.
    """
    url = page.get_full_url(request)
    number = request.GET.get("page", "") if request is not None else ""
    if url and request is not None and list(request.GET) == ["page"] and number.isdigit() and int(number) > 1:
        url = f"{url}?page={int(number)}"
    return url


def is_large_enough(image) -> bool:
    # Wagtail's fill never upscales: a smaller image would give a smaller crop, which previews
    # show worse than a drawn card.
    return image.width >= WIDTH and image.height >= HEIGHT


def image_alt(image, language: str) -> str:
    return str(text_in_language(image, "description", language)) or image.title


def social_image(page, request, language: str) -> SocialImage:
    """The editor's social image or the page's main image as a 1200×630 crop; else a drawn card.

    A page that shares a small image (a person's square photo) shows it as it is instead.
    """
    image = page.get_social_image() if hasattr(page, "get_social_image") else None
    if image is not None and is_large_enough(image):
        rendition = image.get_rendition(PREVIEW_IMAGE_FILTER)
        return SocialImage(
            absolute(rendition.url, request), rendition.width, rendition.height, image_alt(image, language)
        )
    if image is not None and page.shares_small_image:
        rendition = image.get_rendition(PROFILE_PHOTO_FILTER)
        alt = image_alt(image, language)
        return SocialImage(
            absolute(rendition.url, request), rendition.width, rendition.height, alt, large=False
        )
    address = reverse("share_card", args=[page.pk])
    # The revision in the address lets the card be cached for good: an edit gives a new address.
    url = absolute(f"{address}?v={page.live_revision_id or 0}", request)
    return SocialImage(url, WIDTH, HEIGHT, f"{settings.WAGTAIL_SITE_NAME}: {sharing_title(page, language)}")


def readable_page(page_id: int, language: str):
    """The page, as its own type, if readers of `language` may see it; else None."""
    pages = visible_to_readers(Page.objects.filter(pk=page_id, depth__gt=1))
    page = pages.specific().first()
    return page if page is not None and exists_in(page, language) else None


def share_card_content(page, language: str) -> ShareCard:
    texts = page.get_share_card_texts(language)
    logo = SiteIdentity.load().logo
    return ShareCard(
        texts["title"],
        language,
        settings.WAGTAIL_SITE_NAME,
        texts.get("kicker", ""),
        texts.get("byline", ""),
        logo.file.name if logo else "",
    )


def article_keywords(article, language: str, topics=None, tags=None) -> list[str]:
    """Topic and tag names written in this language.

    A name not yet translated is left out rather than given in another language: keywords carry
    no language mark. The JSON-LD and the OpenGraph tags both ask; the answer is kept on the page.
    """
    known = article.__dict__.setdefault("_keywords", {})
    if language not in known:
        topics = article.topics.all() if topics is None else topics
        tags = article.tags.all() if tags is None else tags
        keywords = [field_in(term, "name", language, None) or "" for term in [*topics, *tags]]
        known[language] = list(dict.fromkeys(keyword for keyword in keywords if keyword))
    return known[language]


def social_meta(page, request, language: str, authors=(), topics=None, tags=None) -> dict:
    """The OpenGraph and Twitter values of a page; an article's authors, topics and tags as its
    template context holds them (authors marked by `articles.presentation.article_authors`)."""
    image = social_image(page, request, language)
    meta = {
        "type": page.og_type,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "title": sharing_title(page, language),
        "description": meta_description(page, language),
        "url": canonical_url(page, request),
        "locale": og_locale(language),
        "locale_alternates": [og_locale(v.code) for v in page_versions(page, request) if v.code != language],
        "image": image,
        "twitter_card": "summary_large_image" if image.large else "summary",
    }
    if page.og_type == "article":
        meta |= {
            "published_time": publication_datetime(page).isoformat(),
            "modified_time": modification_datetime(page).isoformat(),
            "authors": [person.get_full_url(request) for person in authors if person.shown_to_readers],
            "section": page.section_name(language),
            "tags": article_keywords(page, language, topics, tags),
        }
    return meta
