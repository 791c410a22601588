from modeltranslation.translator import translator

from .models import PeopleIndexPage, PersonPage

translator.register(PeopleIndexPage, fields=("intro",))
translator.register(PersonPage, fields=("role", "short_bio", "bio"))
