"""The articles' background work: each published piece's PDFs, made by the worker."""

from django.conf import settings
from django.core.cache import cache

from ankasam.background.queueing import enqueue_on_commit, retried_task
from ankasam.core.visibility import has_expired
from ankasam.translations.availability import languages_of

from . import pdf

# A few seconds a language and never urgent: e-mails and index updates queued after go first.
PDF_PRIORITY = -10
# A reader finding no PDF queues its rendering at most this often per revision and process: about
# as long as a task's retries take, so a PDF that cannot be made does not fill the queue.
QUEUE_AGAIN_AFTER_SECONDS = 600


def live_article(page_id: int):
    from .models import ArticlePage

    article = ArticlePage.objects.filter(pk=page_id, live=True).first()
    return None if article is None or has_expired(article) else article


@retried_task(priority=PDF_PRIORITY)
def render_article_pdfs(page_id: int) -> list[str]:
    """Store the live piece's PDF in each language it is written in; returns the languages rendered.

    Idempotent: a language already stored for the live revision is skipped, so a duplicate task
    (publish, then a reader who found nothing yet) costs a lookup.
    """
    article = live_article(page_id)
    if article is None:
        return []
    languages = languages_of(article)
    rendered = [language for language in languages if pdf.store_article_pdf(article, language)]
    pdf.forget_pdfs_in_other_languages(article, languages)
    if live_article(page_id) is None:
        # Withdrawn while rendering: its unpublish has already removed the files stored before.
        pdf.delete_stored_pdfs(page_id)
    return rendered


def queue_pdfs_of_published_article(sender, instance, **kwargs):
    """page_published: the worker makes the new revision's PDFs (see ArticlesConfig.ready)."""
    if settings.ARTICLE_PDFS_ON_PUBLISH and pdf.pdf_available():
        enqueue_on_commit(render_article_pdfs, instance.pk)


def queue_missing_pdfs(article) -> None:
    """A reader found no PDF: queue its rendering, unless this process did so a moment ago."""
    key = f"article-pdfs-queued:{article.pk}:{article.live_revision_id}"
    if cache.add(key, True, QUEUE_AGAIN_AFTER_SECONDS):
        enqueue_on_commit(render_article_pdfs, article.pk)
