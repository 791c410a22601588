from modeltranslation.translator import translator

from .models import CustomImage

translator.register(CustomImage, fields=("description", "caption", "credit"))
