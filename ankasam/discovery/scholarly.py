"""The tags scholarly indexes and reference managers read in an article's head.

Google Scholar and Zotero read Highwire Press tags (`citation_*`), library tools Dublin Core
(`DC.*`). Both are built from the same `CitedWork` as the BibTeX and RIS downloads and from the
same keywords as the JSON-LD, so the head, the downloads and the structured data never disagree.
"""

from django.conf import settings

from ankasam.articles.citation import cited_work
from ankasam.core.languages import localized_field
from ankasam.people.identifiers import orcid_id

from .meta import article_keywords

# Google Scholar's inclusion guidelines ask for slashes: 2026/03/10.
SCHOLAR_DATE = "%Y/%m/%d"


def highwire_tags(article, request, language: str, authors, topics=None, tags=None, pdf_url=None):
    """(name, content) pairs, authors in byline order each followed by their ORCID iD when set.

    `pdf_url` is the page's link to its PDF, None where PDFs cannot be made.
    """
    url = article.get_full_url(request)
    work = cited_work(article, authors, url)
    online = article.first_published_at.date() if article.first_published_at else work.published
    pairs = [("citation_title", work.title)]
    for person, name in zip(authors, work.authors, strict=True):
        pairs.append(("citation_author", name.inverted))
        identifier = orcid_id(person) if getattr(person, "shown_to_readers", person.live) else None
        if identifier:
            pairs.append(("citation_author_orcid", identifier))
    pairs += [
        ("citation_publication_date", work.published.strftime(SCHOLAR_DATE)),
        ("citation_online_date", online.strftime(SCHOLAR_DATE)),
        ("citation_language", language),
        ("citation_publisher", settings.WAGTAIL_SITE_NAME),
        ("citation_abstract_html_url", url),
    ]
    if pdf_url:
        # Indexes want the full address; the page's own link is relative.
        pairs.append(("citation_pdf_url", f"{url}{article.reverse_subpage('pdf')}"))
    keywords = article_keywords(article, language, topics, tags)
    if keywords:
        pairs.append(("citation_keywords", "; ".join(keywords)))
    return pairs


def dublin_core_tags(article, request, language: str, authors) -> list[tuple[str, str]]:
    work = cited_work(article, authors, article.get_full_url(request))
    pairs = [("DC.title", work.title)]
    pairs += [("DC.creator", name.inverted) for name in work.authors]
    pairs += [
        ("DC.date", work.published.isoformat()),
        ("DC.language", language),
        ("DC.identifier", work.url),
        ("DC.publisher", work.site_name),
    ]
    description = (getattr(article, localized_field("standfirst", language), "") or "").strip()
    if description:
        pairs.append(("DC.description", description))
    return pairs
