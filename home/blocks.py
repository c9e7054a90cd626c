"""The StreamField blocks every body on the site is made of.

Deliberately few: residents and staff write short texts with a photo, a quote or a video, and
every block must read well aloud and in a right-to-left language.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Bold, italic, two heading levels, lists and links: enough for plain language, nothing to misuse.
PARAGRAPH_FEATURES = ["bold", "italic", "h2", "h3", "ol", "ul", "link"]


class PhotoBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Photo"))
    alt_text = blocks.CharBlock(
        label=_("What is in the photo?"),
        max_length=200,
        help_text=_("Describe the photo for people who cannot see it. This text is translated."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=200, required=False)

    class Meta:
        icon = "image"
        label = _("Photo")
        template = "home/blocks/photo_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"), max_length=500)
    attribution = blocks.CharBlock(label=_("Who said it?"), max_length=100, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        label=_("Video link"), help_text=_("A link to a video, for example on YouTube.")
    )
    title = blocks.CharBlock(
        label=_("What is the video about?"),
        max_length=200,
        help_text=_("Shown above the video and read aloud."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "home/blocks/video_block.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        label=_("Text"),
        icon="pilcrow",
        template="home/blocks/paragraph_block.html",
    )
    photo = PhotoBlock()
    quote = QuoteBlock()
    video = VideoBlock()
