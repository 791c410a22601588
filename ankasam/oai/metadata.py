"""A record's Dublin Core (`oai_dc`): one language version of an article, as its page shows it."""

from django.conf import settings
from django.utils.translation import override

from ankasam.articles.citation import split_name
from ankasam.articles.models import ArticlePage
from ankasam.core.languages import field_in
from ankasam.translations.alternates import page_versions
from ankasam.translations.secondary import text_in_language

METADATA_FORMATS = {
    "oai_dc": (
        "http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
        "http://www.openarchives.org/OAI/2.0/oai_dc/",
    ),
}


def articles_for_records(page_ids) -> dict[int, ArticlePage]:
    """The articles of a page of records, with their authors and topics, in constant queries."""
    articles = ArticlePage.objects.filter(pk__in=set(page_ids)).prefetch_related(
        "article_authors__person", "topics"
    )
    return {article.pk: article for article in articles}


def set_specs_of(article, language: str) -> list[str]:
    return [f"language:{language}", *(f"topic:{topic.slug}" for topic in article.topics.all())]


def dublin_core(article, language: str, languages: list[str], request=None) -> list[tuple[str, str]]:
    """(element, value) pairs in the order oai_dc lists elements; creators in byline order."""
    versions = {version.code: version.url for version in page_versions(article, request, languages)}
    authors = [link.person for link in article.article_authors.all()]
    with override(language):
        pairs = [("title", field_in(article, "title", language, ""))]
        pairs += [
            ("creator", split_name(str(text_in_language(p, "title", language))).inverted) for p in authors
        ]
        pairs += [
            ("subject", str(text_in_language(topic, "name", language))) for topic in article.topics.all()
        ]
        standfirst = field_in(article, "standfirst", language, "")
        if standfirst:
            pairs.append(("description", standfirst))
    pairs += [
        ("publisher", settings.WAGTAIL_SITE_NAME),
        ("date", article.publication_date.isoformat()),
        ("type", "Text"),
        ("format", "text/html"),
        ("identifier", versions.get(language, "")),
        ("language", language),
    ]
    pairs += [("relation", url) for code, url in versions.items() if code != language]
    return [(name, value) for name, value in pairs if value]
