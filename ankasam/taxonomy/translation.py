from modeltranslation.translator import translator

from .models import ArticleType, Region, Tag, Topic

# A slug per language (/tr/konular/enerji/). The translated slug fields copy `unique=True`, so a
# blank one is stored as NULL (`empty_values`), which any number of terms may share; a term
# without a slug in a language is reached by its default-language slug (taxonomy/slugs.py).
translator.register(
    (Topic, Region, ArticleType),
    fields=("name", "slug", "description"),
    empty_values={"slug": None},
    required_languages=("en",),
)
# A tag's names are unique in each language; a name not given in a language is stored as NULL,
# which unique constraints let repeat (an empty string would clash with the next untranslated tag).
translator.register(Tag, fields=("name",), required_languages=("en",), empty_values=None)
