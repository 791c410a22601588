from django.urls import path

from .feeds import ArticlesFeed, AuthorFeed, TopicFeed

# Inside the language prefix: /en/feed/, /tr/feed/topics/energy/, /ru/feed/authors/<slug>/.
urlpatterns = [
    path("feed/", ArticlesFeed(), name="articles_feed"),
    path("feed/topics/<slug:slug>/", TopicFeed(), name="topic_feed"),
    path("feed/authors/<slug:slug>/", AuthorFeed(), name="author_feed"),
]
