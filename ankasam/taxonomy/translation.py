from modeltranslation.translator import translator

from .models import ArticleType, Region, Topic

translator.register((Topic, Region, ArticleType), fields=("name", "description"), required_languages=("en",))
