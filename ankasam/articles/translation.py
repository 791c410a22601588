from modeltranslation.translator import translator

from .models import ArticleIndexPage, ArticlePage

translator.register(ArticleIndexPage, fields=("intro",))
translator.register(ArticlePage, fields=("standfirst", "body", "footnotes"))
