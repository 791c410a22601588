"""Settings shared by every environment; deploy-time values come from the environment."""

import importlib.util
from email.utils import parseaddr
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .environment import env_bool, env_int, env_list, env_required, env_str
from .language_list import read_language_codes, read_language_profiles

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
PORT = env_int("PORT", 8000)

INSTALLED_APPS = [
    # First, so that its `migrate` (which wraps wagtail-modeltranslation's) is the one Django runs.
    "ankasam.core",
    "ankasam.users",
    # Before every app whose translation.py registers Page subclasses: Page must be registered first.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "ankasam.images",
    "ankasam.identity",
    "ankasam.taxonomy",
    "ankasam.people",
    "ankasam.home",
    "ankasam.articles",
    "ankasam.pages",
    "ankasam.search",
    "ankasam.wordpress",
    "ankasam.wordfiles",
    "ankasam.translations",
    "ankasam.editorial",
    "ankasam.operations",
    # Background tasks shared by the apps (docs/architecture.md, "Background work").
    "ankasam.background",
    # Above the domain apps: the page cache, edge purges, the health check and the outage page.
    "ankasam.serving",
    # Above the domain apps: what a page tells search engines and link previews (ankasam/discovery/).
    "ankasam.discovery",
    # Library aggregators harvest the archive through OAI-PMH at /oai/ (ankasam/oai/).
    "ankasam.oai",
    # Above the domain apps: the read API at /api/v2/ (docs/api.md).
    "ankasam.api",
    # After every app whose models it patches: every change to a package's behaviour, and the
    # system check that fails when one stops applying (ankasam/patches/).
    "ankasam.patches",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "ankasam.users.apps.AnkasamWagtailUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    # For its system checks of CONTENT_SECURITY_POLICY.
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files before anything else: one process serves the whole site (docs/deployment.md).
    "ankasam.serving.static.StaticFilesMiddleware",
    # Outside the page cache, so that pages it answers carry the headers too (docs/architecture.md).
    "ankasam.serving.security.ContentSecurityPolicyMiddleware",
    "ankasam.serving.security.PermissionsPolicyMiddleware",
    # Outside the page cache: the API's rate limit counts cached answers too, and CORS (docs/api.md).
    "ankasam.api.middleware.ApiAccessMiddleware",
    # Anonymous readers' pages come from here without touching the database (docs/deployment.md).
    "ankasam.serving.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # core's LanguagePrefixMiddleware, leaving /api/ (whose language is ?lang=) alone.
    "ankasam.api.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ankasam.urls"
WSGI_APPLICATION = "ankasam.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ankasam.core.context_processors.site_identity",
                # The header's sections and the site identity, kept until the next publish.
                "ankasam.pages.context_processors.chrome",
                # `settings.identity.SiteIdentity` in templates: logo, tagline, contact (ankasam/identity/).
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        # A connection kept open is tested before each request reuses it, so a database restart
        # costs the requests made while it is down, not a restart of the site.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "users.User"
# django-axes first: it refuses a locked-out login before ModelBackend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages, listed in languages.toml; adding one is described in docs/adding-a-language.md.
SITE_LANGUAGE_CODES = read_language_codes(PROJECT_DIR / "settings" / "languages.toml")
# Code to LanguageProfile (OpenGraph locale, search configuration, script...): read through
# ankasam.core.languages.language_profile, never here.
LANGUAGE_PROFILES = read_language_profiles(PROJECT_DIR / "settings" / "languages.toml")
LANGUAGE_CODE = SITE_LANGUAGE_CODES[0]
# Django's own catalogues translate these names for the admin.
LANGUAGES = [(code, _(LANG_INFO[code]["name"])) for code in SITE_LANGUAGE_CODES]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date formats the site writes otherwise than Django (Turkish days without a leading zero).
FORMAT_MODULE_PATH = ["ankasam.settings.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/Istanbul")

MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
# Fallback keeps the admin and secondary texts (a bio without a Russian version) readable;
# whether a whole piece exists in a language is decided by ankasam.translations.availability, never
# by fallback.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": (LANGUAGE_CODE,)}
MODELTRANSLATION_AUTO_POPULATE = False

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
# Uploaded media served by the application: only for `make serve` on one machine; a real deploy
# serves them from the web server or S3-compatible storage (docs/deployment.md).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
# Where `manage.py backup` writes its archives (docs/operations.md).
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(BASE_DIR / "backups")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor posts one field per block; long articles in three languages exceed
# Django's default of 1000.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = env_str("SITE_NAME", "ANKASAM")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{PORT}")
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
# Translators write captions in their languages only (docs/translations.md).
WAGTAILIMAGES_IMAGE_FORM_BASE = "ankasam.translations.model_forms.TranslationAwareImageForm"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_I18N_ENABLED = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True

ARTICLES_PER_PAGE = 12
# The read API (docs/api.md): requests per client address per window of seconds (0: no limit),
# and the origins whose pages may read it from the browser ("*" for any; empty for none).
# The largest Word file an editor may import (ankasam/wordfiles/limits.py; 20 MB by default).
WORDFILES_MAX_UPLOAD_BYTES = env_int("WORDFILES_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)

API_RATE_LIMIT = env_int("API_RATE_LIMIT", 300)
API_RATE_LIMIT_WINDOW = env_int("API_RATE_LIMIT_WINDOW", 60)
API_CORS_ALLOWED_ORIGINS = env_list("API_CORS_ALLOWED_ORIGINS", [])
# Most items one API answer holds (`?limit=`).
WAGTAILAPI_LIMIT_MAX = 50
SIMILAR_ARTICLES_LIMIT = 6

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "database_outage": {"()": "ankasam.serving.outage.OneLineForDatabaseOutages"},
        "retried_task_failures_logged_once": {"()": "ankasam.background.logs.RetriedTaskFailuresLoggedOnce"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

# The admin's address; moving it off /admin/ keeps automated login attempts away.
WAGTAIL_ADMIN_PATH = env_str("ADMIN_PATH", "admin/").strip("/") + "/"
LOGGING["loggers"] = {
    # While the database is down every request fails the same way: one line each, no traceback.
    "django.request": {"filters": ["database_outage"]},
    # django-tasks logs every search-index and reference-index task at INFO, and each failure
    # with its traceback, which for our tasks their own one-line record replaces.
    "django_tasks": {"level": "WARNING", "filters": ["retried_task_failures_logged_once"]},
    # The database worker logs every task it starts and ends at INFO; failures still show.
    "django_tasks_db": {"level": "WARNING"},
    # django-axes announces its version at every start; its lockout warnings still show.
    "axes.apps": {"level": "WARNING"},
    # WeasyPrint logs each step of every article PDF at INFO; its warnings (a refused URL) still show.
    "weasyprint.progress": {"level": "WARNING"},
}

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username
# from one IP address, that pair is refused (HTTP 429, templates/axes/lockout.html) until
# AXES_COOLOFF_TIME hours pass without a further try (each try while locked restarts the wait);
# a successful login before the limit starts the count again.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_TIME", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# The client's address, found by django-ipware: REMOTE_ADDR unless configured. Behind a reverse
# proxy, list the header it sets first (AXES_IPWARE_META_PRECEDENCE_ORDER=HTTP_X_FORWARDED_FOR,
# REMOTE_ADDR) and give AXES_IPWARE_PROXY_COUNT, the number of proxy addresses that header holds
# after the client's (0 behind one proxy that appends the client's address): a header with any
# other number of entries, e.g. one the client forged, is ignored. Unset, no count is checked
# and a forged header would be believed: always set it when naming a header.
AXES_IPWARE_META_PRECEDENCE_ORDER = env_list("AXES_IPWARE_META_PRECEDENCE_ORDER", ["REMOTE_ADDR"])
AXES_IPWARE_PROXY_COUNT = env_int("AXES_IPWARE_PROXY_COUNT", None)

# Outgoing e-mail leaves through a background task (ankasam/background/mail.py), which sends it
# with EMAIL_DELIVERY_BACKEND, set per environment: console, locmem or SMTP in production.
EMAIL_BACKEND = "ankasam.background.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "ANKASAM <noreply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_USE_HTML = True

# Caches. Without REDIS_URL everything runs embedded: the page cache in files shared by every
# worker process on this machine; with it, Redis (Django's own backend) for every server.
REDIS_URL = env_str("REDIS_URL")
PAGE_CACHE_DIR = Path(env_str("PAGE_CACHE_DIR", str(BASE_DIR / ".cache" / "pages")))
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL},
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pages",
            "TIMEOUT": None,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "ankasam.serving.file_cache.BatchCulledFileCache",
            "LOCATION": str(PAGE_CACHE_DIR),
            "TIMEOUT": None,
            # Django's file cache lists its directory on every store: past a few thousand pages
            # that costs more than rendering one (docs/performance.md).
            "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_MAX_ENTRIES", 5_000)},
        },
    }
# The page cache answers anonymous readers (ankasam/serving/page_cache.py); off in development.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
# How long a stored page may be served by this site and by a CDN or Varnish in front of it;
# every publishing event clears both sooner (docs/deployment.md).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# Values that change only on publish (the header and footer, routing, view restrictions) kept in
# the page cache's store under its generation, also when whole pages are not (core/published.py).
PUBLISHED_VALUES_CACHED = env_bool("PUBLISHED_VALUES_CACHED", True)

# Background work (django-tasks): queued in the database, run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# A task RUNNING for longer than this was abandoned by a killed worker and is queued again
# (background/abandoned.py): longer than any task takes.
TASKS_ABANDONED_AFTER_MINUTES = env_int("TASKS_ABANDONED_AFTER_MINUTES", 30)

# Edge cache in front of the application servers (docs/deployment.md): Varnish, Cloudflare and
# CloudFront, each by its own variables, any of them together; none set, nothing is purged.
# ankasam/serving/edge.py purges every language's address of a change and what lists it, so
# wagtail.contrib.frontend_cache is not installed: its own signal handlers purge only the active
# language's address. Credentials for CloudFront are boto3's own (AWS_ACCESS_KEY_ID... or the
# machine's role); boto3 is not in requirements.txt.
EDGE_PURGE_TIMEOUT = env_int("EDGE_PURGE_TIMEOUT", 5)
# Several Varnish servers (comma-separated) are each purged.
WAGTAILFRONTENDCACHE = {
    f"varnish{number}": {
        "BACKEND": "ankasam.serving.edge_backends.VarnishBackend",
        "LOCATION": location,
        "TIMEOUT": EDGE_PURGE_TIMEOUT,
    }
    for number, location in enumerate(env_list("VARNISH_PURGE_URL", []), start=1)
}
if env_str("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "ankasam.serving.edge_backends.CloudflareSiteBackend",
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env_required("CLOUDFLARE_BEARER_TOKEN"),
        "TIMEOUT": EDGE_PURGE_TIMEOUT,
    }
if env_str("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "ankasam.serving.edge_backends.CloudfrontSiteBackend",
        "DISTRIBUTION_ID": env_str("CLOUDFRONT_DISTRIBUTION_ID"),
    }

# Media (images, renditions, documents, PDFs, share cards) on S3-compatible storage through
# django-storages when a bucket is named; unset, the files stay under MEDIA_ROOT and nothing is
# imported. django-storages and boto3 are not in requirements.txt: docs/deployment.md gives the
# pins. Objects stay private and their addresses are signed (AWS_QUERYSTRING_AUTH) unless the
# bucket is public (AWS_S3_CUSTOM_DOMAIN addresses are never signed). Keys come from
# AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or the machine's role.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    if importlib.util.find_spec("storages") is None:
        raise ImproperlyConfigured(
            "AWS_STORAGE_BUCKET_NAME is set but django-storages is not installed: "
            "pip install 'django-storages[s3]==1.14.6' 'boto3==1.44.5' (docs/deployment.md)."
        )
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            # A page keeps its image addresses as long as it is cached, and a reader keeps it open.
            "querystring_expire": PAGE_CACHE_SECONDS + 3600,
            # Two uploads with one name keep both files, as on the file system.
            "file_overwrite": False,
        },
    }

# Security headers: Content-Security-Policy, Permissions-Policy and what the admin sends out.
from .security_headers import *  # noqa: E402, F403

# Publishing an article queues its PDFs; off, the first reader of each queues them instead (a
# large import may skip thousands of renders this way).
ARTICLE_PDFS_ON_PUBLISH = env_bool("ARTICLE_PDFS_ON_PUBLISH", True)

# OAI-PMH (ankasam/oai/): the address harvesters' operators write to, the identifiers' namespace
# (the site's host name when empty) and how many records a list gives before its resumption token.
OAI_ADMIN_EMAIL = env_str("OAI_ADMIN_EMAIL", parseaddr(DEFAULT_FROM_EMAIL)[1] or "noreply@localhost")
OAI_NAMESPACE = env_str("OAI_NAMESPACE", "")
OAI_PAGE_SIZE = env_int("OAI_PAGE_SIZE", 100)
