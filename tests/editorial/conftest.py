import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from ankasam.core.roles import ADMINISTRATORS, CONTRIBUTORS, EDITORS, TRANSLATORS

from ..articles.factories import create_article, text_with_notes
from ..people.factories import PersonPageFactory

ROLES = {
    "contributor": CONTRIBUTORS,
    "editor": EDITORS,
    "translator": TRANSLATORS,
    "administrator": ADMINISTRATORS,
}
PASSWORD = "a long passphrase 42"


def make_user(username: str, group: str, **fields):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.org", password=PASSWORD, first_name=username.title(), **fields
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def team(db):
    """One member of each role, plus a second contributor whose pieces are "someone else's"."""
    members = {role: make_user(role, group) for role, group in ROLES.items()}
    members["translator"].translation_languages = ["tr"]
    members["translator"].save()
    members["other_contributor"] = make_user("other", CONTRIBUTORS)
    return members


@pytest.fixture
def author(people_index):
    return PersonPageFactory(parent=people_index)


@pytest.fixture
def write_article(article_index, author):
    """An article in English and Turkish owned by `owner`, published unless live=False."""

    def write(owner, title="Caspian Gas", live=True, **kwargs):
        english, english_notes = text_with_notes(2, prefix="English")
        turkish, turkish_notes = text_with_notes(2, prefix="Türkçe")
        translations = {
            "en": {"title": title, "blocks": english, "notes": english_notes},
            "tr": {"title": f"{title} (tr)", "blocks": turkish, "notes": turkish_notes},
        }
        return create_article(
            article_index, translations=translations, authors=[author], live=live, owner=owner, **kwargs
        )

    return write
