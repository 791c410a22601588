from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "ankasam.articles"
    label = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from ankasam.core.routing import install_localized_routing

        from .models import ArticleIndexPage, ArticlePage

        install_localized_routing(ArticleIndexPage, ArticlePage)
