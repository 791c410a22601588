from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "ankasam.editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from ankasam.articles.models import ArticleIndexPage

        from .roles import on_article_index_saved

        post_save.connect(on_article_index_saved, sender=ArticleIndexPage, dispatch_uid="editorial-index")
