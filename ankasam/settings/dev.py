from .base import *  # noqa: F403
from .environment import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
# Development only: a fixed key keeps sessions valid across restarts of `make run`.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
# E-mails are printed by the worker that delivers them (`make run` starts it).
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A page changed in a template shows at once; `PAGE_CACHE_ENABLED=true make run` tries the cache.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)
# Wagtail logs every page edit at INFO; loading the demo would print two lines per page.
LOGGING["loggers"]["wagtail"] = {"level": "WARNING"}
# The demo content and `load_demo_content` exist in development and tests only; `make serve` loads
# the demo through these settings into the database production settings then serve (Makefile, `site`).
INSTALLED_APPS = [*INSTALLED_APPS, "ankasam.demo"]  # noqa: F405
# The site's own 404 page rather than Django's technical one (`?technical-404` shows that).
MIDDLEWARE = [*MIDDLEWARE, "ankasam.core.middleware.SiteNotFoundPageMiddleware"]  # noqa: F405
