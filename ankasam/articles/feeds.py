"""RSS feeds in the reader's language: all analyses, one topic's, one tag's, one author's.

Each feed starts from the same query as the listings (`queries.article_cards`), so a feed holds
exactly what a reader of that language may see.

RSS readers take `<description>` as HTML, while a standfirst or a topic name is plain text: it is
HTML-escaped before it goes in, so a standfirst "a < b" reads as typed and a "<script>" typed as
text stays text. (The XML writer then escapes it once more, as it escapes everything.)
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.html import escape
from django.utils.translation import gettext as _

from ankasam.core.languages import current_language
from ankasam.core.routing import localized_slug_q
from ankasam.core.visibility import visible_to_readers
from ankasam.people.models import PersonPage
from ankasam.taxonomy.models import Tag, Topic
from ankasam.taxonomy.slugs import find_term

from .dates import publication_datetime
from .models import ArticlePage
from .queries import article_cards

FEED_LENGTH = 20


class ArticlesFeed(Feed):
    """The latest analyses in the language of the request's prefix (/en/feed/, /tr/feed/...)."""

    def title(self, obj=None):
        return f"{settings.WAGTAIL_SITE_NAME}: {_('Latest analyses')}"

    def link(self, obj=None):
        return f"/{current_language()}/"

    def description(self, obj=None):
        return escape(self.title(obj))

    def articles(self, obj):
        return ArticlePage.objects.all()

    def items(self, obj=None):
        return article_cards(self.articles(obj), limit=FEED_LENGTH).prefetch_related("topics")

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return escape(item.standfirst)

    def item_link(self, item):
        # One Feed instance serves every request, so no request is kept on it; the syndication
        # framework adds the domain to this relative address.
        return item.get_url()

    def item_pubdate(self, item):
        return publication_datetime(item)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return ", ".join(link.person.title for link in item.article_authors.all())

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class TopicFeed(ArticlesFeed):
    term_model = Topic

    def get_object(self, request, slug):
        # The term's slug in the feed's language, or its default-language one (taxonomy/slugs.py).
        term = find_term(self.term_model.objects.all(), slug)
        if term is None:
            raise Http404
        return term

    def title(self, obj=None):
        return f"{settings.WAGTAIL_SITE_NAME}: {obj.name}"

    def articles(self, obj):
        return ArticlePage.objects.filter(topics=obj)


class TagFeed(TopicFeed):
    term_model = Tag

    def articles(self, obj):
        return ArticlePage.objects.filter(tags=obj)


class AuthorFeed(ArticlesFeed):
    def get_object(self, request, slug):
        person = visible_to_readers(PersonPage.objects.filter(localized_slug_q(slug))).first()
        if person is None:
            raise Http404
        return person

    def title(self, obj=None):
        return f"{settings.WAGTAIL_SITE_NAME}: {obj.title}"

    def link(self, obj=None):
        return obj.get_url()

    def articles(self, obj):
        return ArticlePage.objects.filter(article_authors__person=obj).distinct()
