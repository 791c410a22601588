import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from ..people.factories import PersonPageFactory


@pytest.fixture
def kazemi(people_index):
    """The analyst the test document names as its author."""
    return PersonPageFactory(parent=people_index, title_en="Leyla Kazemi", slug_en="leyla-kazemi")


@pytest.fixture
def preview_of():
    """The article's latest revision as the admin's preview shows it in `language`: its HTML."""

    def preview(page, language="en"):
        draft = page.get_latest_revision_as_object()
        users = get_user_model().objects
        admin = users.filter(username="previewer").first() or users.create_superuser("previewer", "", "x")
        request = RequestFactory().get("/admin/")
        request.user = admin
        response = draft.make_preview_request(request, preview_mode=language)
        assert response.status_code == 200
        return response.content.decode()

    return preview


@pytest.fixture
def member():
    """A user in one of the house's groups (ankasam.core.roles), e.g. member("Editors")."""
    from django.contrib.auth.models import Group

    def make(group: str, username: str | None = None, **fields):
        name = username or group.lower()
        user = get_user_model().objects.create_user(name, email=f"{name}@example.org", password="x", **fields)
        user.groups.add(Group.objects.get(name=group))
        return user

    return make
