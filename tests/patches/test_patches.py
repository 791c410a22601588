"""Each patch of a package is in effect, and `manage.py check` names any that stops applying."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from ankasam.core.routing import route_by_localized_slug
from ankasam.patches.registry import Replacement, installed
from ankasam.translations.pages import TranslatedPageMixin


def undo_reliance(name: str, monkeypatch, settings):
    """What an upgrade could do to each thing we rely on."""
    if name == "migrate repairs the translated page tree":
        from types import SimpleNamespace

        from ankasam.patches import catalogue

        commands = {"migrate": "wagtail_modeltranslation.migrate"}
        monkeypatch.setattr(catalogue, "management", SimpleNamespace(get_commands=lambda: commands))
    elif name == "search indexing deferred during an import":
        from modelsearch import signal_handlers

        monkeypatch.setattr(signal_handlers, "post_save_signal_handler", lambda *args, **kwargs: None)
    elif name == "CSRF cookie readable by the page editor's copy button":
        settings.CSRF_COOKIE_HTTPONLY = True
    elif name == "static files kept a year":
        settings.MIDDLEWARE = [
            "whitenoise.middleware.WhiteNoiseMiddleware" if "StaticFiles" in m else m
            for m in settings.MIDDLEWARE
        ]
    elif name == "admin content security policy":
        from csp.middleware import CSPMiddleware

        monkeypatch.delattr(CSPMiddleware, "get_policy_parts")
    else:
        raise AssertionError(f"no way to undo “{name}” in this test: add one")


@pytest.mark.parametrize("patch", installed(), ids=lambda patch: patch.name)
def test_check_fails_naming_a_patch_that_is_not_in_effect(patch, monkeypatch, settings):
    call_command("check")

    if isinstance(patch, Replacement):
        monkeypatch.setattr(patch.target, patch.attribute, patch.original)
    else:
        undo_reliance(patch.name, monkeypatch, settings)

    with pytest.raises(SystemCheckError) as failure:
        call_command("check")
    assert f"“{patch.name}” is not in effect" in str(failure.value)


def test_a_replacement_whose_upstream_is_gone_is_reported_not_created():
    class Upstream:
        pass

    patch = Replacement("example", "Upstream.gone", Upstream, "gone", replacement=object())
    patch.install()

    assert not hasattr(Upstream, "gone")
    assert "no longer exists" in patch.problem()


def test_every_translated_page_type_is_routed_by_its_language_slug():
    translated = [model for model in apps.get_models() if issubclass(model, TranslatedPageMixin)]

    assert len(translated) >= 5
    assert all(model.route is route_by_localized_slug for model in translated)
