from modeltranslation.translator import TranslationOptions, register

from .models import ArticleType, Region, Topic


class TermTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("en",)


register(Topic)(TermTranslationOptions)
register(Region)(TermTranslationOptions)
register(ArticleType)(TermTranslationOptions)
