"""What a page tells search engines and link previews: its address, description, image and dates.

The head's canonical link, `<meta name="description">`, the OpenGraph and Twitter tags and the
JSON-LD (`articles/structured_data.py`) all take their values from here, so they never disagree.
Every text is in the reader's language: an article's own texts without fallback (it is served only
in languages it is written in), secondary texts (a bio, a role) as the page shows them.
"""

import datetime
import re
from dataclasses import dataclass
from html import unescape

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page, Site

from ankasam.articles.footnotes import MARKER
from ankasam.articles.models import ArticlePage
from ankasam.articles.text import plain_text
from ankasam.people.models import PersonPage
from ankasam.translations.alternates import page_versions
from ankasam.translations.availability import exists_in
from ankasam.translations.secondary import text_in_language

from .languages import default_language, language_profile, localized_field
from .share_cards import HEIGHT, WIDTH, ShareCard
from .visibility import visible_to_readers

DESCRIPTION_LENGTH = 160
# After a word of three letters or more, so that "Dr. Aydın" is not taken for two sentences.
SENTENCE_END = re.compile(r"(?<=\w\w\w[.!?؟])\s+")
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


def html_to_text(html) -> str:
    return " ".join(unescape(strip_tags(str(html or ""))).split())


def first_sentence(text: str) -> str:
    return SENTENCE_END.split(text.strip(), maxsplit=1)[0] if text else ""


def exact(page, field_name: str, language: str) -> str:
    """A translated field in exactly this language, "" when it is not written in it."""
    return getattr(page, localized_field(field_name, language), None) or ""


def meta_description(page, language: str) -> str:
    """The page's own search description, else its summary, in about 160 characters."""
    text = exact(page, "search_description", language)
    if not text and isinstance(page, ArticlePage):
        body = MARKER.sub("", plain_text(page.value_in("body", language)))
        text = exact(page, "standfirst", language) or body
    elif not text and isinstance(page, PersonPage):
        bio = first_sentence(html_to_text(text_in_language(page, "bio", language).value))
        summary = bio or str(text_in_language(page, "short_bio", language))
        role = str(text_in_language(page, "role", language))
        text = f"{role}. {summary}" if role and summary else role or summary
    elif not text and hasattr(page, "intro"):
        text = str(text_in_language(page, "intro", language))
    return truncate_words(text, DESCRIPTION_LENGTH)


def sharing_title(page, language: str) -> str:
    return exact(page, "seo_title", language) or str(text_in_language(page, "title", language))


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

    A person's photo is shown as it is (square) rather than replaced by a card.
    """
    image = page.get_social_image() if hasattr(page, "get_social_image") else None
    if image is not None and is_large_enough(image):
        rendition = image.get_rendition(PREVIEW_IMAGE_FILTER)
        return SocialImage(
            absolute(rendition.url, request), rendition.width, rendition.height, image_alt(image, language)
        )
    if image is not None and isinstance(page, PersonPage):
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
    site_name = settings.WAGTAIL_SITE_NAME
    title = str(text_in_language(page, "title", language))
    if isinstance(page, ArticlePage):
        kicker = article_section(page, language)
        links = page.article_authors.select_related("person").order_by("sort_order")
        byline = ", ".join(str(text_in_language(link.person, "title", language)) for link in links)
        return ShareCard(exact(page, "title", language), language, site_name, kicker, byline)
    if isinstance(page, PersonPage):
        return ShareCard(title, language, site_name, str(text_in_language(page, "role", language)))
    return ShareCard(title, language, site_name)


def publication_datetime(article) -> datetime.datetime:
    """The date the house gives the piece, at 09:00 local time (the time the RSS feeds give it too)."""
    return timezone.make_aware(datetime.datetime.combine(article.publication_date, datetime.time(9)))


def modification_datetime(article) -> datetime.datetime:
    """When the live version was published, never before the publication date (a backdated piece)."""
    published = publication_datetime(article)
    modified = article.last_published_at or published
    return timezone.localtime(max(published, modified))


def article_keywords(article, language: str, topics=None, tags=None) -> list[str]:
    """Topic names written in this language, and the tags on default-language versions.

    Tags have no translations and are written in the default language: on a Turkish page they
    would be English. The JSON-LD and the OpenGraph tags both ask; the answer is kept on the page.
    """
    known = article.__dict__.setdefault("_keywords", {})
    if language not in known:
        topics = article.topics.all() if topics is None else topics
        keywords = [exact(topic, "name", language) for topic in topics]
        if language == default_language():
            keywords += [tag.name for tag in (article.tags.all() if tags is None else tags)]
        known[language] = list(dict.fromkeys(keyword for keyword in keywords if keyword))
    return known[language]


def article_section(article, language: str) -> str:
    return str(text_in_language(article.article_type, "name", language)) if article.article_type else ""


def og_type(page) -> str:
    if isinstance(page, ArticlePage):
        return "article"
    return "profile" if isinstance(page, PersonPage) else "website"


def social_meta(page, request, language: str, authors=(), topics=None, tags=None) -> dict:
    """The OpenGraph and Twitter values of a page; an article's authors, topics and tags as its
    template context holds them (authors marked by `articles.presentation.article_authors`)."""
    image = social_image(page, request, language)
    meta = {
        "type": og_type(page),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "title": sharing_title(page, language),
        "description": meta_description(page, language),
        "url": canonical_url(page, request),
        "locale": og_locale(language),
        "locale_alternates": [og_locale(v.code) for v in page_versions(page, request) if v.code != language],
        "image": image,
        "twitter_card": "summary_large_image" if image.large else "summary",
    }
    if isinstance(page, ArticlePage):
        meta |= {
            "published_time": publication_datetime(page).isoformat(),
            "modified_time": modification_datetime(page).isoformat(),
            "authors": [person.get_full_url(request) for person in authors if person.shown_to_readers],
            "section": article_section(page, language),
            "tags": article_keywords(page, language, topics, tags),
        }
    return meta
