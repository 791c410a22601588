from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# The demo site is loaded by tests of the reader pages; production does not have it.
INSTALLED_APPS = [*INSTALLED_APPS, "ankasam.demo"]  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Delivered into django.core.mail.outbox. Django's test set-up replaces EMAIL_BACKEND by locmem;
# tests/conftest.py puts the queue back, so tests send e-mail the way the site does.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".pytest-media"  # noqa: F405
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "TIMEOUT": None,
    },
}
# Tests of the page cache switch it on (tests/serving/); elsewhere each request is rendered.
PAGE_CACHE_ENABLED = False
# Tests change pages without publishing them, inside transactions that never commit: values kept
# until the next publish would outlive them. Tests of those values switch it on (tests/conftest.py).
PUBLISHED_VALUES_CACHED = False
# Tasks run at once, inside the test that queued them.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A real PDF takes a second or more per language; tests of the PDFs switch this on.
ARTICLE_PDFS_ON_PUBLISH = False
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests never run collectstatic: WhiteNoise looks for files when asked instead of at start-up.
WHITENOISE_AUTOREFRESH = True

# The API rate limit (ankasam/api/access.py) is off: tests of it set it themselves.
API_RATE_LIMIT = 0
