"""Static files served by the application itself (WhiteNoise)."""

from whitenoise.middleware import WhiteNoiseMiddleware

A_YEAR = 365 * 24 * 3600


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise with a year of Cache-Control on hashed files instead of its ten.

    A hashed name changes with its content, so any length is safe; a year is the longest that
    HTTP/1.1 caches were ever asked to honour.
    """

    FOREVER = A_YEAR
