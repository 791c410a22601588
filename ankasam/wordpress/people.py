"""WordPress users as people: one person page per login, found again on a second import."""

from django.utils.text import slugify

from ankasam.people.models import PeopleIndexPage, PersonPage

from .models import ImportedAuthor


class NoPeopleIndex(Exception):
    pass


def import_authors(index, report) -> dict[str, PersonPage]:
    people_index = PeopleIndexPage.objects.first()
    people = {}
    for login, author in index.authors.items():
        record = (
            ImportedAuthor.objects.filter(source=index.source, login=login).select_related("person").first()
        )
        if record:
            people[login] = record.person
            continue
        if people_index is None:
            raise NoPeopleIndex("the site has no experts page to put the authors under")
        name = author.display_name or " ".join(filter(None, [author.first_name, author.last_name])) or login
        person = PersonPage(title_en=name, slug_en=slugify(name) or slugify(login), email=author.email)
        people_index.add_child(instance=person)
        person.save_revision().publish()
        ImportedAuthor.objects.create(source=index.source, login=login, person=person)
        report.created["person"] += 1
        people[login] = person
    return people
