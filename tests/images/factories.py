"""Images for content tests: a small PNG of one colour, saved as the site's image model."""

import io

from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model


def saved_image(title: str, *, file_name: str, size=(64, 36), colour="teal", **fields):
    """An image titled `title` whose file is `file_name`; `fields` are the model's (captions...)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    image = get_image_model()(title=title, **fields)
    image.file = ImageFile(buffer, name=file_name)
    image.save()
    return image
