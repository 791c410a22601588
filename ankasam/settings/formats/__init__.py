"""Django's date formats where the site writes a language differently (FORMAT_MODULE_PATH).

A module here need only hold the formats it changes: Django reads any other from its own locale.
"""
