from modeltranslation.translator import TranslationOptions, register

from .models import CustomImage


@register(CustomImage)
class CustomImageTranslationOptions(TranslationOptions):
    fields = ("description", "caption", "credit")
