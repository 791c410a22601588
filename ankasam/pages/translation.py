from modeltranslation.translator import translator

from .models import StandardPage

translator.register(StandardPage, fields=("intro", "body"))
