from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from portal.models import BasePage, BodyMixin, ClassificationMixin, ListingIndexPage, SummaryMixin, page_tabs
from search.listing import FacetedListingMixin


class NewsPage(ClassificationMixin, SummaryMixin, BodyMixin, BasePage):
    date = models.DateField(_("date"), default=timezone.localdate, help_text=_("The date the news is about."))
    author_name = models.CharField(
        _("author"), max_length=200, blank=True, help_text=_("Who wrote the item, as it should appear under it.")
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("author_name"),
        FieldPanel("summary"),
        FieldPanel("main_image"),
        FieldPanel("body"),
    ]
    edit_handler = page_tabs(content_panels, ClassificationMixin.classification_panels)
    search_fields = (
        BasePage.search_fields
        + SummaryMixin.search_fields
        + BodyMixin.search_fields
        + ClassificationMixin.search_fields
        + [index.FilterField("date"), index.SearchField("author_name")]
    )

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")

    @property
    def listing_date(self):
        return self.date


class NewsIndexPage(FacetedListingMixin, ListingIndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    listing_type = "news"

    edit_handler = page_tabs(ListingIndexPage.content_panels)

    class Meta:
        verbose_name = _("news index page")
