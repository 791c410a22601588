from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "ankasam.articles"
    label = "articles"
    verbose_name = "Articles"

    def ready(self):
        from ankasam.core.routing import install_localized_routing

        from .models import ArticleIndexPage, ArticlePage

        install_localized_routing(ArticleIndexPage, ArticlePage)
