from modeltranslation.translator import TranslationOptions, register

from .models import PeopleIndexPage, PersonPage


@register(PeopleIndexPage)
class PeopleIndexPageTranslationOptions(TranslationOptions):
    fields = ("intro",)


@register(PersonPage)
class PersonPageTranslationOptions(TranslationOptions):
    fields = ("role", "short_bio", "bio")
