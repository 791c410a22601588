from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ArticleType, Region, Tag, Topic


class TermViewSet(SnippetViewSet):
    # No search_fields: the list searches the terms' own search index (Term.search_fields), which
    # Wagtail's SQLite backend cannot narrow to named fields.
    list_display = ["name", "slug"]


class TopicViewSet(TermViewSet):
    model = Topic
    icon = "tag"


class RegionViewSet(TermViewSet):
    model = Region
    icon = "site"


class ArticleTypeViewSet(TermViewSet):
    model = ArticleType
    icon = "doc-full"


class TagViewSet(TermViewSet):
    # Tags are made from the article form's tag field; here translators name them per language.
    model = Tag
    icon = "tag"


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, RegionViewSet, ArticleTypeViewSet, TagViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)
