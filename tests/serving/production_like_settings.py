"""Production settings for application servers started by the serving tests, on http loopback.

Everything is production's (SMTP, Redis from REDIS_URL, the edge purges from VARNISH_PURGE_URL,
persistent connections, security headers) except the static files storage: WhiteNoise's
compressed manifest needs a `collectstatic` that compresses Wagtail's admin assets, over a
minute and a half of CPU, and these tests are about pages, caches and purges, not static files.
"""

import os

from ankasam.settings.production import *  # noqa: F403

STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# Each run's keys apart from any other's in the same Redis, and removable by their prefix.
CACHES["default"]["KEY_PREFIX"] = os.environ["TEST_CACHE_KEY_PREFIX"]  # noqa: F405
CACHES["pages"]["KEY_PREFIX"] = os.environ["TEST_CACHE_KEY_PREFIX"] + "pages"  # noqa: F405
