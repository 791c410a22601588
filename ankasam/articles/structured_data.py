"""schema.org data for search engines, as JSON-LD."""

from django.conf import settings

from ankasam.core.languages import current_language


def person_data(person, request):
    data = {"@type": "Person", "name": person.title}
    if person.shown_to_readers:
        data["url"] = person.get_full_url(request)
    if person.role:
        data["jobTitle"] = person.role
    return data


def article_structured_data(article, authors, request) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "datePublished": article.publication_date.isoformat(),
        "inLanguage": current_language(),
        "url": article.get_full_url(request),
        "author": [person_data(person, request) for person in authors],
        "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
    }
    if article.last_published_at:
        data["dateModified"] = article.last_published_at.isoformat()
    if article.standfirst:
        data["description"] = article.standfirst
    if article.article_type:
        data["articleSection"] = article.article_type.name
    return data
