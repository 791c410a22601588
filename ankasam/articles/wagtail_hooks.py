from wagtail import hooks

from ankasam.people.models import PERSON_PAGE_CONTEXT_HOOK

from .queries import articles_by


@hooks.register(PERSON_PAGE_CONTEXT_HOOK)
def person_articles(person, request) -> dict:
    """A person's page lists their pieces a reader of its language may see, a page at a time."""
    return {"articles": person.paginate(request, articles_by(person))}
