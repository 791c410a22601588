"""What each role does in the Wagtail admin, posted to the admin's own views as a browser would."""

from django.conf import settings
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from ankasam.core.languages import localized_field

from ..translations.admin_forms import article_form_data


def new_article_form_data(title: str, person, **changes) -> dict:
    """A new English article with one footnote, as the add form posts it."""
    data = {
        "original_language": "en",
        "publication_date": "2026-11-20",
        "article_authors": inline_formset([{"person": person.pk}]),
        "related_links": inline_formset([]),
    }
    for code, _name in settings.LANGUAGES:
        for name in ("title", "slug", "standfirst", "seo_title", "search_description"):
            data[localized_field(name, code)] = ""
        for name in ("body", "footnotes"):
            data[localized_field(name, code)] = streamfield([])
    data.update(
        title_en=title,
        slug_en=title.lower().replace(" ", "-"),
        body_en=streamfield([("paragraph", rich_text("<p>A claim that needs a source.[^1]</p>"))]),
        footnotes_en=streamfield([("footnote", {"label": "1", "text": rich_text("<p>A source.</p>")})]),
    )
    data.update(changes)
    return nested_form_data(data)


def create_article(client, index, person, title: str, **changes):
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", index.pk))
    return client.post(url, new_article_form_data(title, person, **changes))


def edit_article(client, article, **changes):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=(article.pk,)), article_form_data(article, **changes)
    )


def submit_for_review(client, article, **changes):
    return edit_article(client, article, **{"action-submit": "Submit", **changes})


def publish(client, article, **changes):
    return edit_article(client, article, **{"action-publish": "Publish", **changes})


def workflow_action(client, article, action: str, comment: str = ""):
    """Approve or request changes on the article's current review task, with a comment."""
    task_state = article.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(article.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})


def unpublish(client, article):
    return client.post(reverse("wagtailadmin_pages:unpublish", args=(article.pk,)))


def delete(client, article):
    return client.post(reverse("wagtailadmin_pages:delete", args=(article.pk,)))


def lock(client, page):
    return client.post(reverse("wagtailadmin_pages:lock", args=(page.pk,)))
