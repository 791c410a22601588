from django.apps import AppConfig


class WordpressConfig(AppConfig):
    """Importing a WordPress export (WXR) with its translations, footnotes, authors and images."""

    name = "ankasam.wordpress"
    label = "wordpress"
    verbose_name = "WordPress import"
