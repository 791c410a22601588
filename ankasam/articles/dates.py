"""The date and time the house gives a piece, the same in its feeds, its head and its JSON-LD."""

import datetime

from django.utils import timezone


def publication_datetime(article) -> datetime.datetime:
    """The date the house gives the piece, at 09:00 local time (the time the RSS feeds give it too)."""
    return timezone.make_aware(datetime.datetime.combine(article.publication_date, datetime.time(9)))


def modification_datetime(article) -> datetime.datetime:
    """When the live version was published, never before the publication date (a backdated piece)."""
    published = publication_datetime(article)
    modified = article.last_published_at or published
    return timezone.localtime(max(published, modified))
