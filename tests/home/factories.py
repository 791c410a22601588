import factory
from wagtail.models import Site

from ankasam.home.models import HomePage, HomePageFeaturedArticle, HomePageTopicBlock


class HomePageFactory(factory.Factory):
    """The site's one home page (from the migrations), arranged by its editors and published.

    `featured` are articles in the order the editors picked them, `topics` the topics given a
    block; other keywords are fields of the home page (`intro_en`...). A home page is never
    created: there is one, and a second may not be (HomePage.max_count).
    """

    featured = ()
    topics = ()

    class Meta:
        model = HomePage

    @classmethod
    def _create(cls, model_class, *, featured, topics, **fields):
        home = Site.objects.get(is_default_site=True).root_page.specific
        for name, value in fields.items():
            setattr(home, name, value)
        home.featured_articles = [
            HomePageFeaturedArticle(article=article, sort_order=i) for i, article in enumerate(featured)
        ]
        home.topic_blocks = [HomePageTopicBlock(topic=topic, sort_order=i) for i, topic in enumerate(topics)]
        home.save_revision().publish()
        home.refresh_from_db()
        return home
