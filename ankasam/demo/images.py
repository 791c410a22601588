"""Pictures for the demo, drawn with Pillow so that no third-party image is shipped."""

import io
import math

from PIL import Image, ImageDraw, ImageFont

INK = (29, 35, 43)
MUTED = (96, 106, 118)
ACCENT = (158, 59, 38)
PAPER = (250, 248, 244)


def _font(size: int):
    return ImageFont.load_default(size=size)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _tick_step(rough: float) -> float:
    """A round axis step (1, 2, 2.5 or 5 times a power of ten) at least as large as `rough`."""
    magnitude = 10 ** math.floor(math.log10(rough)) if rough > 0 else 1
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)


def initials_avatar(initials: str, colour: str, size: int = 480) -> bytes:
    image = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(image)
    draw.text((size / 2, size / 2), initials, fill=(255, 255, 255), font=_font(size // 3), anchor="mm")
    return _png(image)


def bar_chart(title: str, labels: list[str], values: list[float], unit: str) -> bytes:
    width, height = 1600, 900
    left, right, top, bottom = 140, 80, 170, 130
    image = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    draw.text((left, 60), title, fill=INK, font=_font(44))
    draw.text((left, 118), unit, fill=MUTED, font=_font(30))

    plot_height = height - top - bottom
    plot_width = width - left - right
    tick = _tick_step(max(values) * 1.1 / 4)
    ceiling = tick * 4
    for step in range(5):
        value = tick * step
        y = top + plot_height - plot_height * step / 4
        draw.line([(left, y), (width - right, y)], fill=(221, 216, 207), width=2)
        draw.text((left - 20, y), f"{value:g}", fill=MUTED, font=_font(26), anchor="rm")

    slot = plot_width / len(values)
    bar = slot * 0.56
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        x0 = left + slot * index + (slot - bar) / 2
        y0 = top + plot_height - plot_height * value / ceiling
        draw.rectangle([x0, y0, x0 + bar, top + plot_height], fill=ACCENT)
        draw.text((x0 + bar / 2, y0 - 14), f"{value:g}", fill=INK, font=_font(28), anchor="mb")
        draw.text((x0 + bar / 2, top + plot_height + 22), label, fill=INK, font=_font(28), anchor="mt")
    return _png(image)
