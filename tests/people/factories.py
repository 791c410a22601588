import factory
from django.utils.text import slugify

from ankasam.people.models import PeopleIndexPage, PersonPage

from ..core.factories import ChildPageFactory


class PeopleIndexPageFactory(ChildPageFactory):
    """The experts page, added (live) under `parent`, a HomePage."""

    title_en = "Experts"
    slug_en = "experts"

    class Meta:
        model = PeopleIndexPage


class PersonPageFactory(ChildPageFactory):
    """Builds a person page and publishes it under `parent` (a PeopleIndexPage)."""

    title_en = factory.Sequence(lambda n: f"Author Number{n}")
    slug_en = factory.LazyAttribute(lambda person: slugify(person.title_en))
    role_en = "Research Fellow"
    short_bio_en = "Writes about the region."
    bio_en = factory.LazyAttribute(lambda person: f"<p>{person.title_en} studies regional policy.</p>")

    class Meta:
        model = PersonPage

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        person = super()._create(model_class, *args, parent=parent, **kwargs)
        person.save_revision().publish()
        return person
