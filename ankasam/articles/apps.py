from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "ankasam.articles"
    label = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.signals import page_published, page_unpublished

        from .models import ArticlePage
        from .pdf import forget_article_pdfs
        from .tasks import queue_pdfs_of_published_article

        page_published.connect(
            queue_pdfs_of_published_article, sender=ArticlePage, dispatch_uid="article-pdfs-published"
        )
        page_unpublished.connect(
            forget_article_pdfs, sender=ArticlePage, dispatch_uid="article-pdfs-unpublished"
        )
        post_delete.connect(forget_article_pdfs, sender=ArticlePage, dispatch_uid="article-pdfs-deleted")
