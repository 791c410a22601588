from django.utils import translation


def pdf_address(article, language="en"):
    with translation.override(language):
        return f"{article.get_url()}pdf/"


def text_positions(content: bytes) -> list[tuple[float, float, str]]:
    """(x, y, text) of each piece of text the first page draws, in PDF points from its bottom left.

    WeasyPrint draws each inline box from its own starting point, so a `<bdi>` run and the text
    after it have positions of their own.
    """
    import io

    from pypdf import PdfReader

    pieces = []

    def note_position(text, cm, tm, _font, _size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            pieces.append((round(x, 1), round(y, 1), text))

    PdfReader(io.BytesIO(content)).pages[0].extract_text(visitor_text=note_position)
    return pieces
