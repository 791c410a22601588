from modeltranslation.translator import translator

from .models import ArticleType, Region, Topic

# A slug per language (/tr/konular/enerji/). The translated slug fields copy `unique=True`, so a
# blank one is stored as NULL (`empty_values`), which any number of terms may share; a term
# without a slug in a language is reached by its default-language slug (taxonomy/slugs.py).
translator.register(
    (Topic, Region, ArticleType),
    fields=("name", "slug", "description"),
    empty_values={"slug": None},
    required_languages=("en",),
)
