from .pages import (
    CARD_RENDITION,
    BasePage,
    BodyMixin,
    ClassificationMixin,
    ListingIndexPage,
    SummaryMixin,
    card_image_prefetch,
    language_scoped,
    page_tabs,
    prefetch_cards,
)
from .settings import SiteSettings
from .taxonomy import Audience, EducationalLevel, ResourceType, TaxonomyTerm, Topic

__all__ = [
    "language_scoped",
    "CARD_RENDITION",
    "Audience",
    "BasePage",
    "BodyMixin",
    "ClassificationMixin",
    "EducationalLevel",
    "ListingIndexPage",
    "ResourceType",
    "SiteSettings",
    "SummaryMixin",
    "TaxonomyTerm",
    "Topic",
    "card_image_prefetch",
    "page_tabs",
    "prefetch_cards",
]
