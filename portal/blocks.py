"""The common StreamField block set. Apps extend ``BodyBlock`` rather than redefining blocks."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

PARAGRAPH_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
        search_index=False,
        help_text=_("Keep headings in order: a heading 3 follows a heading 2."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"
        description = _("A section heading; keep levels in order for screen readers.")
        preview_value = {"text": _("Learning outside the classroom"), "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative"),
        required=False,
        help_text=_("Tick only if the image adds no information; screen readers will skip it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"
        description = _("A picture with alternative text (or marked decorative) and an optional caption.")

    def get_preview_value(self):
        """The newest image in the library, so the picker shows a real picture."""
        from wagtail.images import get_image_model

        image = get_image_model().objects.order_by("-created_at").first()
        return self.to_python(
            {"image": image.pk if image else None, "alt_text": image.title if image else "", "decorative": False}
        )

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(
                        [ValidationError(_("Give alternative text, or mark the image as decorative."))]
                    )
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"
        description = _("A quotation, with who said it.")
        preview_value = {
            "quote": _("Our pupils now ask to go outside for every science lesson."),
            "attribution": _("A primary school teacher in Tartu"),
        }


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"
        description = _("A highlighted box with a title, a sentence and a button linking to a page.")
        preview_value = {
            "title": _("Join the teacher community"),
            "text": _("Share your practice and learn from colleagues across Europe."),
            "url": "https://example.org/",
            "button_label": _("Find out more"),
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ErrorList([ValidationError(_("Choose either a page or an external link."))])}
            )
        return value


class VideoEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Video or media URL"), help_text=_("For example a YouTube or Vimeo link."))
    title = blocks.CharBlock(
        label=_("Title"), max_length=200, help_text=_("Names the embedded content for screen readers.")
    )

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "blocks/embed_block.html"
        description = _("A video or other media from YouTube, Vimeo and similar sites, with a title.")


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Document")), label=_("Documents"))

    class Meta:
        icon = "doc-full"
        label = _("Document list")
        template = "blocks/document_list_block.html"
        description = _("A list of files to download.")

    def get_preview_value(self):
        """The newest documents in the library, so the picker shows a real list."""
        from wagtail.documents import get_document_model

        documents = list(get_document_model().objects.order_by("-created_at").values_list("pk", flat=True)[:3])
        return self.to_python({"title": str(_("Downloads")), "documents": documents})


class AccordionItemBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    body = blocks.RichTextBlock(label=_("Body"), features=PARAGRAPH_FEATURES)


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        template = "blocks/accordion_block.html"
        description = _("Questions and answers, or sections that readers open one at a time.")
        preview_value = {
            "title": _("Frequently asked questions"),
            "items": [
                {"heading": _("Who is the course for?"), "body": _("Teachers of pupils aged 6 to 12.")},
                {"heading": _("Is there a certificate?"), "body": _("Yes, for everyone who completes it.")},
            ],
        }


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("Caption"), max_length=200, help_text=_("Says what the table shows; read first by screen readers.")
    )
    table = TableBlock(label=_("Table"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table_block.html"
        description = _("A table of data with a caption that says what it shows.")
        preview_value = {
            "caption": _("Participants per country"),
            "table": {
                "first_row_is_table_header": True,
                "data": [["Country", "Teachers"], ["Estonia", "120"], ["Portugal", "95"]],
            },
        }


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph_block.html"
        description = _("Text with headings, lists and links.")

    def get_preview_value(self):
        text = gettext("Outdoor lessons help pupils connect science with the world around them.")
        return RichText(f"<p>{escape(text)}</p>")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock(features=PARAGRAPH_FEATURES)
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = VideoEmbedBlock()
    document_list = DocumentListBlock()
    accordion = AccordionBlock()
    table = CaptionedTableBlock()

    class Meta:
        block_counts = {}
