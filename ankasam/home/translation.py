from modeltranslation.translator import translator

from .models import HomePage

translator.register(HomePage, fields=("intro",))
