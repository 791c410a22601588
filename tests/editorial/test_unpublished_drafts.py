"""The dashboard lists a contributor's never-published pages as theirs (issue 19, item 4): a new
article's form left after autosave created it must not be lost."""

from django.urls import reverse

from ..articles.factories import create_article


def own(article, user):
    article.owner = user
    article.save(update_fields=["owner"])
    return article


def test_the_dashboard_lists_ones_own_never_published_pages(client, team, article_index):
    contributor = team["contributor"]
    left = own(create_article(article_index, title="Left after autosave", live=False), contributor)
    own(create_article(article_index, title="Published once", live=True), contributor)
    own(create_article(article_index, title="Someone else's draft", live=False), team["other_contributor"])

    client.force_login(contributor)
    response = client.get(reverse("wagtailadmin_home"))

    panel = response.content.decode().split('id="unpublished-drafts-section"', 1)[1].split("</section>", 1)[0]
    assert "Left after autosave" in panel
    assert reverse("wagtailadmin_pages:edit", args=[left.pk]) in panel
    # A contributor may delete their own unpublished page (Wagtail's rule, kept by editorial).
    assert reverse("wagtailadmin_pages:delete", args=[left.pk]) in panel
    assert "Published once" not in panel and "Someone else" not in panel


def test_no_panel_without_unpublished_drafts(client, team):
    client.force_login(team["editor"])
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert b'id="unpublished-drafts-section"' not in response.content
