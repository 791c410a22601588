"""The list of patches. Add a new one here, with the upstream code it replaces, and a line in
docs/architecture.md."""

import inspect
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import management

from .registry import Replacement, relies_on


def localized_routing() -> list[Replacement]:
    """Routing by the request language's slug, for every translated page type (core/routing.py).

    wagtail-modeltranslation patches `route` onto each translated page model, loading every child
    of the page to compare slugs in Python. Set on the class, either one hides a
    `RoutablePageMixin`'s own `route`: upstream copies its code, ours calls it (an article's `pdf/`).
    """
    from ankasam.core.routing import route_by_localized_slug
    from ankasam.translations.pages import TranslatedPageMixin

    return [
        Replacement(
            name=f"localized routing ({model._meta.label})",
            upstream=f"wagtail-modeltranslation's route patched onto {model.__name__}",
            target=model,
            attribute="route",
            replacement=route_by_localized_slug,
        )
        for model in apps.get_models()
        if issubclass(model, TranslatedPageMixin)
    ]


def sibling_slug_check() -> Replacement:
    """One query for every language instead of loading every sibling (core/slugs.py)."""
    from wagtail_modeltranslation import patch_wagtailadmin

    from ankasam.core.slugs import sibling_slug_errors

    return Replacement(
        name="sibling slug check",
        upstream="wagtail_modeltranslation.patch_wagtailadmin._validate_slugs",
        target=patch_wagtailadmin,
        attribute="_validate_slugs",
        replacement=sibling_slug_errors,
    )


def cached_site_lookup() -> Replacement:
    """The request's site from the values kept until the next publish, not a query (core/sites.py)."""
    from wagtail.models import sites

    from ankasam.core.sites import site_for_hostname

    return Replacement(
        name="site lookup kept until the next publish",
        upstream="wagtail.models.sites.get_site_for_hostname",
        target=sites,
        attribute="get_site_for_hostname",
        replacement=site_for_hostname,
    )


def image_fields_per_language() -> Replacement:
    """The image form shows caption, credit and description once per language (images/models.py)."""
    from ankasam.core.languages import localized_field, site_language_codes
    from ankasam.images.models import CustomImage

    translated = ("description", "caption", "credit")
    untranslated = [name for name in CustomImage.admin_form_fields if name not in translated]
    fields = tuple(untranslated) + tuple(
        localized_field(name, code) for name in translated for code in site_language_codes()
    )
    return Replacement(
        name="image fields per language",
        upstream="wagtail.images' AbstractImage.admin_form_fields",
        target=CustomImage,
        attribute="admin_form_fields",
        replacement=fields,
    )


@relies_on(
    "migrate repairs the translated page tree",
    upstream="wagtail_modeltranslation.management.commands.migrate_translation.Command",
)
def migrate_repairs_the_tree():
    """`migrate` is ours (core/management/commands/migrate.py), over wagtail-modeltranslation's."""
    found = management.get_commands().get("migrate")
    if found != "ankasam.core":
        return f"`manage.py migrate` comes from {found}, not ankasam.core (keep it first in INSTALLED_APPS)"
    return None


@relies_on(
    "search indexing deferred during an import",
    upstream="modelsearch.signal_handlers.post_save_signal_handler",
)
def search_indexing_deferred_on_import():
    """The WordPress import swaps modelsearch's save handler for its own (wordpress/indexing.py)."""
    from django.db.models.signals import post_save
    from modelsearch import signal_handlers

    from ankasam.wordpress.indexing import auto_updated_models

    handler = getattr(signal_handlers, "post_save_signal_handler", None)
    for model in auto_updated_models():
        if handler is None or handler not in post_save._live_receivers(model)[0]:
            return (
                f"modelsearch's post_save_signal_handler is not what indexes {model.__name__} on save; "
                "the import's deferral would disconnect nothing"
            )
    return None


@relies_on(
    "CSRF cookie readable by the page editor's copy button",
    upstream="wagtail_modeltranslation/js/copy_stream_fields.js",
)
def csrf_cookie_readable():
    """wagtail-modeltranslation's "copy to another language" button reads the CSRF cookie."""
    from django.contrib.staticfiles import finders

    script = finders.find("wagtail_modeltranslation/js/copy_stream_fields.js")
    reads_cookie = bool(script) and "csrftoken" in Path(script).read_text(encoding="utf-8")
    if reads_cookie and settings.CSRF_COOKIE_HTTPONLY:
        return "CSRF_COOKIE_HTTPONLY is on, and copy_stream_fields.js reads the csrftoken cookie"
    return None


@relies_on("static files kept a year", upstream="whitenoise.base.WhiteNoise.FOREVER")
def static_files_kept_a_year():
    """WhiteNoise caches hashed files for ten years; ours for one (serving/static.py)."""
    from whitenoise.base import WhiteNoise

    if "self.FOREVER" not in inspect.getsource(WhiteNoise.add_cache_headers):
        return "WhiteNoise no longer reads FOREVER for hashed files"
    if "ankasam.serving.static.StaticFilesMiddleware" not in settings.MIDDLEWARE:
        return "MIDDLEWARE serves static files without ankasam.serving.static.StaticFilesMiddleware"
    return None


@relies_on(
    "admin content security policy",
    upstream="csp.middleware.CSPMiddleware.get_policy_parts; wagtail.models.preview's request.is_dummy",
)
def admin_content_security_policy():
    """The admin's looser policy, previews included (serving/security.py)."""
    from csp.middleware import CSPMiddleware
    from wagtail.models import preview

    if not hasattr(CSPMiddleware, "get_policy_parts"):
        return "django-csp's CSPMiddleware.get_policy_parts, which ours extends, is gone"
    if "is_dummy = True" not in inspect.getsource(preview):
        return "Wagtail's preview request no longer sets request.is_dummy, which the CSP middleware skips"
    return None


def workflow_action_refused_cleanly() -> Replacement:
    """Approving from the dashboard what cannot be published: a message, not a 500 (editorial/approval.py)."""
    from wagtail.admin.views.generic.workflow import WorkflowAction

    from ankasam.editorial.approval import post_refusing_what_cannot_be_published

    return Replacement(
        name="workflow action refused cleanly",
        upstream="wagtail.admin.views.generic.workflow.WorkflowAction.post",
        target=WorkflowAction,
        attribute="post",
        replacement=post_refusing_what_cannot_be_published,
    )


def patches() -> list:
    return [
        *localized_routing(),
        sibling_slug_check(),
        cached_site_lookup(),
        image_fields_per_language(),
        migrate_repairs_the_tree,
        search_indexing_deferred_on_import,
        csrf_cookie_readable,
        static_files_kept_a_year,
        admin_content_security_policy,
        workflow_action_refused_cleanly(),
    ]
