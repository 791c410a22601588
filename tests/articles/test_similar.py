import datetime

import pytest
from wagtail.models import PageViewRestriction

from ankasam.articles.queries import similar_articles

from ..taxonomy.factories import RegionFactory, TopicFactory
from .factories import create_article

pytestmark = pytest.mark.django_db


def similar_to(article):
    return similar_articles(
        article, [t.pk for t in article.topics.all()], [r.pk for r in article.regions.all()]
    )


def day(n):
    return datetime.date(2026, 1, n)


def test_editor_picks_come_first_in_their_order_then_newest_sharing_articles(article_index):
    topic, region, elsewhere = TopicFactory(), RegionFactory(), TopicFactory()
    old_pick = create_article(article_index, topics=[elsewhere], publication_date=day(1))
    unrelated = create_article(article_index, topics=[elsewhere], publication_date=day(20))
    older = create_article(article_index, topics=[topic], publication_date=day(2))
    newer = create_article(article_index, regions=[region], publication_date=day(3))
    newest_pick = create_article(article_index, topics=[topic], publication_date=day(9))
    article = create_article(
        article_index,
        topics=[topic],
        regions=[region],
        related=[old_pick, newest_pick],
        publication_date=day(10),
    )

    assert similar_to(article) == [old_pick, newest_pick, newer, older]
    assert unrelated not in similar_to(article)


def test_never_the_article_itself_nor_drafts_nor_private_pages(article_index, home_page):
    topic = TopicFactory()
    draft = create_article(article_index, topics=[topic], live=False)
    private = create_article(article_index, topics=[topic])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    live = create_article(article_index, topics=[topic])
    article = create_article(article_index, topics=[topic], related=[draft])

    assert similar_to(article) == [live]


def test_at_most_six_with_picks_counted(article_index):
    topic = TopicFactory()
    picks = [create_article(article_index) for _ in range(2)]
    for _ in range(8):
        create_article(article_index, topics=[topic])
    article = create_article(article_index, topics=[topic], related=picks)

    similar = similar_to(article)

    assert len(similar) == 6
    assert similar[:2] == picks
    assert article not in similar
