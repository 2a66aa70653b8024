from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from portal.models import BasePage, BodyMixin, ClassificationMixin, ListingIndexPage, SummaryMixin, page_tabs
from portal.taxonomy import LICENCE_URLS, Licence
from search.listing import FacetedListingMixin


class ResourcePage(ClassificationMixin, SummaryMixin, BodyMixin, BasePage):
    resource_type = models.ForeignKey(
        "portal.ResourceType",
        verbose_name=_("resource type"),
        on_delete=models.PROTECT,
        related_name="resources",
        help_text=_("What kind of resource this is."),
    )
    audiences = ParentalManyToManyField(
        "portal.Audience",
        verbose_name=_("audiences"),
        related_name="resources",
        blank=True,
        help_text=_("Who the resource is written for."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=32,
        choices=Licence.choices,
        default=Licence.CC_BY,
        help_text=_("Under which terms others may reuse the resource."),
    )
    publication_date = models.DateField(
        _("publication date"), default=timezone.localdate, help_text=_("When the resource was first published.")
    )
    external_url = models.URLField(
        _("external link"), blank=True, help_text=_("Where the resource lives, if it is hosted elsewhere.")
    )

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("main_image"),
        FieldPanel("body"),
        InlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
        FieldPanel("external_url"),
        FieldPanel("publication_date"),
        FieldPanel("licence"),
    ]
    classification_panels = [
        FieldPanel("resource_type"),
        *ClassificationMixin.classification_panels,
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
    ]
    edit_handler = page_tabs(content_panels, classification_panels)
    search_fields = (
        BasePage.search_fields
        + SummaryMixin.search_fields
        + BodyMixin.search_fields
        + ClassificationMixin.search_fields
        + [
            index.FilterField("publication_date"),
            index.FilterField("resource_type"),
            index.RelatedFields("resource_type", [index.FilterField("code")]),
            index.RelatedFields("audiences", [index.FilterField("code")]),
        ]
    )

    class Meta:
        verbose_name = _("resource page")
        verbose_name_plural = _("resource pages")

    @property
    def listing_date(self):
        return self.publication_date

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")


class ResourcePageAttachment(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A file from the document library; readers download it from the resource page."),
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Leave empty to use the document's own title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    @property
    def display_title(self):
        return self.title or self.document.title


class ResourceIndexPage(FacetedListingMixin, ListingIndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count_per_parent = 1

    listing_type = "resource"
    listing_facets = ("level", "topic", "resource_type", "language")

    edit_handler = page_tabs(ListingIndexPage.content_panels)

    class Meta:
        verbose_name = _("resource index page")
