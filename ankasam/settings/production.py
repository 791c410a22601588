from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .environment import env_bool, env_int, env_required, env_str, parse_list

DEBUG = False
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = parse_list(env_required("ALLOWED_HOSTS"))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# Seconds an admin session lasts when "Remember me" is ticked (otherwise it ends with the browser).
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 86_400)
CSRF_COOKIE_SECURE = True
# The CSRF cookie stays readable by scripts: Wagtail 8's own admin takes the token from the page,
# but wagtail-modeltranslation's "copy content to another language" button in the page editor
# reads the `csrftoken` cookie (copy_stream_fields.js), and would fail with HttpOnly.
CSRF_COOKIE_HTTPONLY = False
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Hashed names, with brotli and gzip copies beside them, served by WhiteNoise with a year of
# Cache-Control (ankasam/serving/static.py).
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
# Persistent connections (checked before reuse, see base.py): a new connection per request
# cost PostgreSQL a third of its speed (docs/performance.md).
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 600)  # noqa: F405

# Notification e-mails (workflow, moderation, password reset) go out by SMTP, from the worker
# (base.py queues them); the host is required so that a deploy without mail fails at start-up
# instead of at the first notification. Another backend must be named on purpose (`make serve`
# on a laptop writes mail to files).
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_DELIVERY_BACKEND = env_str("EMAIL_DELIVERY_BACKEND", SMTP_BACKEND)
EMAIL_HOST = env_required("EMAIL_HOST") if EMAIL_DELIVERY_BACKEND == SMTP_BACKEND else env_str("EMAIL_HOST")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured(
        "EMAIL_USE_TLS and EMAIL_USE_SSL are both true; set one (TLS for port 587, SSL for 465)."
    )
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
