from django.urls import path, register_converter

from . import views
from .feeds import ArticlesFeed, AuthorFeed, TagFeed, TopicFeed


class HubKindConverter:
    # Only these words: any other first segment belongs to Wagtail's page tree (/en/analyses/...).
    regex = "|".join(views.HUBS)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(HubKindConverter, "hub_kind")

# Inside the language prefix: /en/feed/, /tr/feed/topics/energy/, /ru/feed/authors/<slug>/,
# /en/feed/tags/railways/,
# /en/topics/, /en/topics/energy/, /tr/regions/south-caucasus/, /ru/types/commentary/,
# /en/tags/railways/.
urlpatterns = [
    path("feed/", ArticlesFeed(), name="articles_feed"),
    path("feed/topics/<slug:slug>/", TopicFeed(), name="topic_feed"),
    path("feed/authors/<slug:slug>/", AuthorFeed(), name="author_feed"),
    path("feed/tags/<slug:slug>/", TagFeed(), name="tag_feed"),
    path("<hub_kind:kind>/", views.hub_index, name="hub_index"),
    path("<hub_kind:kind>/<slug:slug>/", views.hub, name="hub"),
]
