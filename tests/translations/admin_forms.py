"""Edit-form data for an existing article, as the admin would post it back unchanged."""

from django.conf import settings
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from ankasam.articles.models import ArticlePage
from ankasam.core.languages import field_in, localized_field


def stream_form_data(stream) -> dict:
    """A stream of paragraphs or footnotes, with its block ids, as the editor's form posts it."""
    items = {}
    for index, child in enumerate(stream or []):
        if child.block_type == "footnote":
            value = {"label": child.value["label"], "text": rich_text(child.value["text"].source)}
        else:
            value = rich_text(child.value.source)
        items[str(index)] = {
            "type": child.block_type,
            "value": value,
            "id": child.id,
            "deleted": "",
            "order": str(index),
        }
    items["count"] = str(len(items))
    return items


def article_form_data(article, **changes) -> dict:
    data = {
        "publication_date": article.publication_date.isoformat(),
        "original_language": article.original_language,
        "topics": [topic.pk for topic in article.topics.all()],
        "article_authors": inline_formset(
            [
                {"id": link.pk, "person": link.person_id, "ORDER": index + 1}
                for index, link in enumerate(article.article_authors.all())
            ],
            initial=article.article_authors.count(),
        ),
        "related_links": inline_formset([]),
    }
    for code, _name in settings.LANGUAGES:
        for name in ("title", "slug", "standfirst", "seo_title", "search_description"):
            data[localized_field(name, code)] = field_in(article, name, code) or ""
        for name in ("body", "footnotes"):
            data[localized_field(name, code)] = stream_form_data(field_in(article, name, code))
    data.update(changes)
    return nested_form_data(data)


def edit(client, article, **changes):
    return client.post(f"/admin/pages/{article.pk}/edit/", article_form_data(article, **changes))


def latest_text(article):
    return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
