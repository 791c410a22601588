from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "ankasam.taxonomy"
    label = "taxonomy"
    verbose_name = "Taxonomy"
