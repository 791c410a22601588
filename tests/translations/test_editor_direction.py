from django.urls import reverse

from ankasam.translations.editor_direction import direction_rules_for_language_fields


def test_each_languages_fields_take_its_direction():
    rules = direction_rules_for_language_fields(["en", "fa"]).splitlines()

    assert rules[0].startswith('[data-contentpath$="_en"] .public-DraftStyleDefault-block')
    assert rules[0].endswith("{ direction: ltr; text-align: left; }")
    assert rules[1].startswith('[data-contentpath$="_fa"] .public-DraftStyleDefault-block')
    assert rules[1].endswith("{ direction: rtl; text-align: right; }")


def test_the_rules_reach_the_admin_as_a_stylesheet(admin_client):
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    stylesheet = admin_client.get(reverse("language_directions_css"))

    assert f'<link rel="stylesheet" href="{reverse("language_directions_css")}">' in page
    assert stylesheet["Content-Type"].startswith("text/css")
    assert b'[data-contentpath$="_fa"] .public-DraftStyleDefault-block' in stylesheet.content
