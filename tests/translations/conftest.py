import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from ankasam.core.roles import TRANSLATORS

from ..articles.factories import create_article, text_with_notes
from ..people.factories import PersonPageFactory


@pytest.fixture
def article(article_index, people_index):
    english, english_notes = text_with_notes(2, prefix="English")
    turkish, turkish_notes = text_with_notes(2, prefix="Türkçe")
    return create_article(
        article_index,
        authors=[PersonPageFactory(parent=people_index)],
        translations={
            "en": {"title": "Gas and the Caspian", "blocks": english, "notes": english_notes},
            "tr": {"title": "Gaz ve Hazar", "blocks": turkish, "notes": turkish_notes},
        },
    )


@pytest.fixture
def translator(client):
    user = get_user_model().objects.create_user("leyla", password="a long passphrase 42")
    user.translation_languages = ["tr"]
    user.save()
    user.groups.add(Group.objects.get(name=TRANSLATORS))
    client.force_login(user)
    return user
