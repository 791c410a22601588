from django.core.checks import Error, register

from .registry import installed


@register()
def patches_in_effect(app_configs, **kwargs):
    """A package upgrade that undoes or outdates one of our patches stops the site at start-up."""
    return [
        Error(
            f"The patch “{patch.name}” is not in effect: {problem}.",
            hint="See docs/architecture.md, “Upgrading Wagtail and wagtail-modeltranslation”.",
            obj=patch.name,
            id="patches.E001",
        )
        for patch in installed()
        if (problem := patch.problem())
    ]
