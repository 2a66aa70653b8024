"""Abstract base page and field mixins shared by the content apps."""

from django import forms
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.blocks import BodyBlock

CARD_RENDITION = "fill-640x360-c50"


def page_tabs(content_panels, classification_panels=None):
    """The editor's tabs for a page type: content, classification, promotion and SEO, settings."""
    tabs = [ObjectList(content_panels, heading=_("Content"))]
    if classification_panels:
        tabs.append(ObjectList(classification_panels, heading=_("Classification")))
    tabs.append(ObjectList(Page.promote_panels, heading=_("Promotion and SEO")))
    tabs.append(ObjectList(Page.settings_panels, heading=_("Settings")))
    return TabbedInterface(tabs)


def language_scoped(queryset, locale):
    """Pages in ``locale`` plus those that exist only in other languages: each content item once, in the
    visitor's language when it has been translated into it (the listings' and home page's fallback)."""
    translated_here = Page.objects.filter(locale=locale, translation_key=OuterRef("translation_key"))
    return queryset.filter(Q(locale=locale) | ~Exists(translated_here))


def card_image_prefetch(field="main_image"):
    """Prefetch a card image with its card rendition, so listings do not query per card."""
    return Prefetch(field, queryset=get_image_model().objects.prefetch_renditions(CARD_RENDITION))


def prefetch_cards(pages):
    """Load what a card shows for a mixed list of specific pages: one round of queries per page type."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        field_names = {field.name for field in model._meta.get_fields()}
        lookups = [name for name in ("levels", "topics", "resource_type") if name in field_names]
        if "main_image" in field_names:
            lookups.append(card_image_prefetch())
        prefetch_related_objects(group, *lookups)
    return pages


class BasePage(Page):
    """Every portal page."""

    class Meta:
        abstract = True

    def get_breadcrumbs(self):
        """Ancestors below the site root (the home page is linked separately)."""
        return self.get_ancestors().filter(depth__gt=2)


class SummaryMixin(models.Model):
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("One or two sentences shown on cards, in search results and to search engines."),
    )
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on cards and at the top of the page. Set its description as alternative text."),
    )

    search_fields = [index.SearchField("summary")]

    class Meta:
        abstract = True


class BodyMixin(models.Model):
    body = StreamField(
        BodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The main text, built from blocks: headings, paragraphs, images, quotes, tables and more."),
    )

    search_fields = [index.SearchField("body")]

    class Meta:
        abstract = True


class ClassificationMixin(models.Model):
    """Educational levels and topics: the facets shared by news, resources and courses."""

    levels = ParentalManyToManyField(
        "portal.EducationalLevel",
        verbose_name=_("educational levels"),
        related_name="%(app_label)s_%(class)s_pages",
        blank=True,
        help_text=_("Every level the content is meant for."),
    )
    topics = ParentalManyToManyField(
        "portal.Topic",
        verbose_name=_("topics"),
        related_name="%(app_label)s_%(class)s_pages",
        blank=True,
        help_text=_("The school-education topics the content is about."),
    )

    # Translations keep the source's levels and topics: wagtail-localize skips many-to-many fields unless
    # told, and facets must see the same codes in every language. (Its editor cannot override a
    # many-to-many value, so these follow the source; the resource type and images stay overridable.)
    override_translatable_fields = [
        SynchronizedField("levels", overridable=False),
        SynchronizedField("topics", overridable=False),
    ]

    classification_panels = [
        FieldPanel("levels", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        index.RelatedFields("levels", [index.FilterField("code")]),
        index.RelatedFields("topics", [index.FilterField("code"), index.SearchField("label")]),
    ]

    class Meta:
        abstract = True


class ListingIndexPage(BasePage):
    """A section index: an introduction above a listing of its children (see search.listing)."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("Shown above the listing."))

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True
