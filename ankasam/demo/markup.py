"""The small text format the demo content is written in.

Paragraphs are separated by blank lines; `## ` starts a heading, `> ` a quotation. Inline:
*italic*, **bold**, [text](https://...), and footnote markers [^label], which pass through.
"""

import re

from django.utils.html import escape

from ankasam.articles import content

LINK = re.compile(r"\[([^\]^][^\]]*)\]\((https?://[^)\s]+)\)")
BOLD = re.compile(r"\*\*(.+?)\*\*")
ITALIC = re.compile(r"\*(.+?)\*")


def inline_html(text: str) -> str:
    html = escape(text.strip())
    html = LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', html)
    html = BOLD.sub(r"<b>\1</b>", html)
    return ITALIC.sub(r"<i>\1</i>", html)


def body_blocks(text: str) -> list[tuple]:
    blocks = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        chunk = " ".join(line.strip() for line in chunk.strip().splitlines())
        if not chunk:
            continue
        if chunk.startswith("## "):
            blocks.append(content.heading(chunk[3:].strip()))
        elif chunk.startswith("> "):
            blocks.append(content.quote(chunk[2:].strip()))
        else:
            blocks.append(content.paragraph(f"<p>{inline_html(chunk)}</p>"))
    return blocks


def paragraphs_html(text: str) -> str:
    return "".join(
        f"<p>{inline_html(chunk)}</p>" for chunk in re.split(r"\n\s*\n", text.strip()) if chunk.strip()
    )
