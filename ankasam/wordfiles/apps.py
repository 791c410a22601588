from django.apps import AppConfig


class WordfilesConfig(AppConfig):
    """Importing a Word file (.docx) into a draft article, its footnotes and endnotes as notes."""

    name = "ankasam.wordfiles"
    label = "wordfiles"
    verbose_name = "Word file import"
