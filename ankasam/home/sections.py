"""What the home page shows, in the reader's language: featured, latest, and a block per main topic."""

from dataclasses import dataclass

from ankasam.articles.models import ArticlePage
from ankasam.articles.queries import article_cards

from .models import ARTICLES_PER_TOPIC_BLOCK, LATEST_ARTICLES_ON_HOME


@dataclass
class TopicBlock:
    topic: object
    articles: list


def featured_articles(home) -> list:
    """The editors' picks in their order, leaving out what this reader cannot read."""
    pick_ids = [pick.article_id for pick in home.featured_articles.all()]
    readable = {article.pk: article for article in article_cards(ArticlePage.objects.filter(pk__in=pick_ids))}
    return [readable[pk] for pk in dict.fromkeys(pick_ids) if pk in readable]


def topic_blocks(home, exclude_ids) -> list[TopicBlock]:
    """One block per main topic with its latest pieces; a topic with nothing to read is left out.

    One query per block: there are a handful of blocks, chosen by editors.
    """
    blocks = []
    for block in home.topic_blocks.select_related("topic"):
        on_topic = (
            ArticlePage.objects.descendant_of(home).filter(topics=block.topic).exclude(pk__in=exclude_ids)
        )
        articles = list(article_cards(on_topic, limit=ARTICLES_PER_TOPIC_BLOCK))
        if articles:
            blocks.append(TopicBlock(block.topic, articles))
    return blocks


def home_sections(home) -> dict:
    featured = featured_articles(home)
    featured_ids = [article.pk for article in featured]
    latest = list(
        article_cards(
            ArticlePage.objects.descendant_of(home).exclude(pk__in=featured_ids),
            limit=LATEST_ARTICLES_ON_HOME,
        )
    )
    return {
        "featured_articles": featured,
        "latest_articles": latest,
        "topic_blocks": topic_blocks(home, featured_ids),
    }
