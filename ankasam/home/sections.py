"""What the home page shows, in the reader's language: featured, latest, and a block per main topic."""

from dataclasses import dataclass

from ankasam.articles.models import ArticlePage
from ankasam.articles.queries import article_cards
from ankasam.core.languages import current_language
from ankasam.core.published import cached_until_published
from ankasam.taxonomy.models import Topic

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


def read_home_sections(home) -> dict:
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


def ids_of(sections: dict) -> dict:
    return {
        "featured_articles": [article.pk for article in sections["featured_articles"]],
        "latest_articles": [article.pk for article in sections["latest_articles"]],
        "topic_blocks": [
            (block.topic.pk, [article.pk for article in block.articles]) for block in sections["topic_blocks"]
        ],
    }


def home_sections(home) -> dict:
    """Which pieces each section shows is kept until the next publish (core/published.py); the
    cards are then fetched together, whatever the number of blocks."""
    read = {}

    def section_ids():
        read["sections"] = read_home_sections(home)
        return ids_of(read["sections"])

    ids = cached_until_published(f"home-sections:{home.pk}:{current_language()}", section_ids)
    if "sections" in read:
        return read["sections"]
    block_ids = [article_ids for _topic_id, article_ids in ids["topic_blocks"]]
    wanted = {*ids["featured_articles"], *ids["latest_articles"], *(pk for ids in block_ids for pk in ids)}
    # Still checked for readers (an expiry since), as every list of cards is.
    cards = {article.pk: article for article in article_cards(ArticlePage.objects.filter(pk__in=wanted))}
    topics = Topic.objects.in_bulk([topic_id for topic_id, _ids in ids["topic_blocks"]])

    def shown(article_ids):
        return [cards[pk] for pk in article_ids if pk in cards]

    blocks = [
        TopicBlock(topics[topic_id], shown(article_ids))
        for topic_id, article_ids in ids["topic_blocks"]
        if topic_id in topics and shown(article_ids)
    ]
    return {
        "featured_articles": shown(ids["featured_articles"]),
        "latest_articles": shown(ids["latest_articles"]),
        "topic_blocks": blocks,
    }
