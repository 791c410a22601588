from django.urls import path, register_converter

from ankasam.core.addresses import AddressWordConverter, localized_route

from . import views
from .feeds import ArticlesFeed, AuthorFeed, TagFeed, TopicFeed


class HubKindConverter(AddressWordConverter):
    # Only these words, and only in the active language: any other first segment belongs to
    # Wagtail's page tree (/en/analyses/...); another language's word is redirected after the 404.
    keys = tuple(views.HUBS)


register_converter(HubKindConverter, "hub_kind")

# Inside the language prefix, in its words (languages.toml `addresses`): /en/feed/, /tr/akis/,
# /tr/akis/konular/energy/, /ru/lenta/authors/<slug>/, /en/topics/, /tr/konular/enerji/,
# /ru/tipy/commentary/, /en/tags/railways/, /tr/akis/etiketler/railways/. `reverse()` gives the
# active language's words.
urlpatterns = [
    path(localized_route("{feed}/"), ArticlesFeed(), name="articles_feed"),
    path(localized_route("{feed}/{topics}/<slug:slug>/"), TopicFeed(), name="topic_feed"),
    path(localized_route("{feed}/authors/<slug:slug>/"), AuthorFeed(), name="author_feed"),
    path(localized_route("{feed}/{tags}/<slug:slug>/"), TagFeed(), name="tag_feed"),
    path("<hub_kind:kind>/", views.hub_index, name="hub_index"),
    path("<hub_kind:kind>/<slug:slug>/", views.hub, name="hub"),
]
