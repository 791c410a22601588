from modeltranslation.translator import translator

from .models import ArticleType, Region, Tag, Topic

translator.register((Topic, Region, ArticleType), fields=("name", "description"), required_languages=("en",))
# A tag's names are unique in each language; a name not given in a language is stored as NULL,
# which unique constraints let repeat (an empty string would clash with the next untranslated tag).
translator.register(Tag, fields=("name",), required_languages=("en",), empty_values=None)
