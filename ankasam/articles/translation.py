from modeltranslation.translator import TranslationOptions, register

from .models import ArticleIndexPage, ArticlePage


@register(ArticleIndexPage)
class ArticleIndexPageTranslationOptions(TranslationOptions):
    fields = ("intro",)


@register(ArticlePage)
class ArticlePageTranslationOptions(TranslationOptions):
    fields = ("standfirst", "body", "footnotes")
