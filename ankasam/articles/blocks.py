from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .footnotes import LABEL

# Headings below the section heading (h3, h4), and h2 for one that holds a link; "insert" (<ins>)
# is registered in wagtail_hooks.py, the others are Wagtail's own.
PARAGRAPH_FEATURES = [
    "h2", "h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul", "blockquote",
    "superscript", "subscript", "strikethrough", "insert", "code",
]  # fmt: skip
# The article body's paragraphs also get the "add a footnote" control (wagtail_hooks.py): other
# pages' bodies have no notes to add to.
ARTICLE_PARAGRAPH_FEATURES = [*PARAGRAPH_FEATURES, "note-reference"]
NOTE_FEATURES = ["bold", "italic", "link"]

FOOTNOTE_HELP = _(
    "To add a footnote where the cursor is, type / and choose Footnote (or click [^] in the "
    "toolbar over selected words): the reference and the note are added, ready for its text. "
    "Or type the note's label in square brackets with a caret, e.g. [^1] or [^kazemi-2023], "
    "right after the punctuation. Readers see the notes numbered 1, 2, 3... in order of first "
    "reference."
)


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "articles/blocks/heading.html"
        form_classname = "title"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "articles/blocks/quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(
        label=_("caption"),
        required=False,
        help_text=_("Leave empty to use the image's own caption."),
    )

    class Meta:
        icon = "image"
        template = "articles/blocks/image.html"


class CodeBlock(blocks.TextBlock):
    """Code or other preformatted text, shown in monospace with its spacing and lines as typed."""

    class Meta:
        icon = "code"
        label = _("Code")
        template = "articles/blocks/code.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=ARTICLE_PARAGRAPH_FEATURES,
        help_text=FOOTNOTE_HELP,
        template="articles/blocks/paragraph.html",
    )
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    embed = EmbedBlock(icon="media", template="articles/blocks/embed.html")
    table = TableBlock()
    code = CodeBlock()


class FootnoteBlock(blocks.StructBlock):
    label = blocks.RegexBlock(
        regex=rf"^{LABEL}$",
        label=_("Label"),
        help_text=_(
            "A short name for this note, e.g. 1 or kazemi-2023. Where the note is referred to, "
            "type the same name in the text as [^1] (or [^kazemi-2023]). Readers never see it: "
            "they see the notes numbered 1, 2, 3... in order of first reference."
        ),
        error_messages={"invalid": _("Use letters, digits, '-', '.', ':' or '_' only, no spaces.")},
    )
    text = blocks.RichTextBlock(
        features=NOTE_FEATURES,
        label=_("Text of the note"),
        help_text=_("What readers see at the foot of the article: the source, a comment, a link."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Footnote")


class FootnotesBlock(blocks.StreamBlock):
    footnote = FootnoteBlock()
