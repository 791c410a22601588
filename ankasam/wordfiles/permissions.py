"""Who may import a Word file where: the same people who may add or edit the article by hand."""

from ankasam.articles.models import ArticleIndexPage, ArticlePage
from ankasam.core.languages import site_language_codes
from ankasam.translations.permissions import editable_languages


def may_add_article_under(parent, user) -> bool:
    return (
        issubclass(parent.specific_class, ArticleIndexPage)
        and ArticlePage in parent.specific_class.allowed_subpage_models()
        and parent.permissions_for_user(user).can_add_subpage()
    )


def languages_user_may_fill(page, user) -> list[str]:
    """The article's languages the user may replace from a Word file; [] when none."""
    if not issubclass(page.specific_class, ArticlePage):
        return []
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit() or permissions.page_locked():
        return []
    allowed = editable_languages(user)
    return [code for code in site_language_codes() if allowed is None or code in allowed]
