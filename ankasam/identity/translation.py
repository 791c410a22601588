from modeltranslation.translator import translator

from .models import SiteIdentity

translator.register(SiteIdentity, fields=("tagline", "contact_address"))
