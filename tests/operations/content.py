"""The small site the backup tests back up: one article in three languages, with an author and an image."""

from wagtail.models import Site

from ankasam.articles.content import Note, paragraph
from ankasam.articles.models import ArticleIndexPage, ArticlePage
from ankasam.people.models import PeopleIndexPage

from ..articles.factories import create_article
from ..images.factories import saved_image
from ..people.factories import PersonPageFactory

TEXTS = {
    "en": ("Caspian gas after the war", "caspian-gas", "Exports doubled.", "Energy Ministry report, p. 4."),
    "tr": ("Savaştan sonra Hazar gazı", "hazar-gazi", "İhracat ikiye katlandı.", "Enerji Bakanlığı, s. 4."),
    "ru": ("Каспийский газ после войны", "kaspiyskiy-gaz", "Экспорт удвоился.", "Доклад Минэнерго, с. 4."),
}


def article_text(language: str) -> dict:
    title, slug, claim, source = TEXTS[language]
    return {
        "title": title,
        "slug": slug,
        "blocks": [paragraph(f"<p>{claim}[^1]</p>")],
        "notes": [Note("1", f"<p>{source}</p>")],
    }


def an_image():
    return saved_image("Pipeline", file_name="pipeline.png")


def build_site() -> ArticlePage:
    """An article in English, Turkish and Russian with a note each, an author and an image."""
    home = Site.objects.get(is_default_site=True).root_page
    index = home.add_child(instance=ArticleIndexPage(title_en="Analyses", slug_en="analyses"))
    people = home.add_child(instance=PeopleIndexPage(title_en="Experts", slug_en="experts"))
    author = PersonPageFactory(parent=people, title_en="Elif Aydin", slug_en="elif-aydin")
    return create_article(
        index,
        translations={language: article_text(language) for language in TEXTS},
        authors=[author],
        hero_image=an_image(),
    )
