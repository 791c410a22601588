from django.utils import translation


def pdf_address(article, language="en"):
    with translation.override(language):
        return f"{article.get_url()}pdf/"
