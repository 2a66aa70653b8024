"""One place that lists the facets: URL parameter, label, vocabulary and order.

Facet values are stable codes; labels are resolved in the active language when a result is shown.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _

from portal.models import EducationalLevel, ResourceType, Topic
from search.query import FacetValue

# Content types offered by the search, with the page model each one indexes.
CONTENT_TYPES = {
    "news": ("news.NewsPage", _("News")),
    "resource": ("resources.ResourcePage", _("Resource")),
    "course": ("courses.CoursePage", _("Course")),
}

VOCABULARY_CACHE_KEY = "portal:search:vocabulary:{}"


def searchable_models():
    """{type code: page model} for every searchable content type."""
    return {code: apps.get_model(label) for code, (label, _label) in CONTENT_TYPES.items()}


def content_type_code(page):
    model_label = page.specific_class._meta.label if hasattr(page, "specific_class") else page._meta.label
    for code, (label, _label) in CONTENT_TYPES.items():
        if label == model_label:
            return code
    return None


def _taxonomy_choices(model):
    key = VOCABULARY_CACHE_KEY.format(model._meta.label_lower)
    rows = cache.get(key)
    if rows is None:
        rows = list(model.objects.order_by("sort_order", "code").values_list("code", "label"))
        cache.set(key, rows, 60 * 60)
    return [(code, gettext(label)) for code, label in rows]


def forget_vocabulary(sender, **kwargs):
    """Signal receiver: a taxonomy term changed, so its cached vocabulary is stale."""
    cache.delete(VOCABULARY_CACHE_KEY.format(sender._meta.label_lower))


TAXONOMY_MODELS = (EducationalLevel, Topic, ResourceType)


@dataclass(frozen=True)
class Facet:
    name: str  # URL parameter and JSON key
    label: str
    order: str  # "vocabulary": the vocabulary's own order; "count": most frequent first

    def choices(self):
        """[(code, label)] of every value, labels in the active language."""
        if self.name == "type":
            return [(code, str(label)) for code, (_model, label) in CONTENT_TYPES.items()]
        if self.name == "level":
            return _taxonomy_choices(EducationalLevel)
        if self.name == "topic":
            return _taxonomy_choices(Topic)
        if self.name == "resource_type":
            return _taxonomy_choices(ResourceType)
        if self.name == "language":
            return [(code, get_language_info(code)["name_translated"]) for code, _name in settings.LANGUAGES]
        raise KeyError(self.name)


FACETS = (
    Facet("type", _("Content type"), order="count"),
    Facet("level", _("Educational level"), order="vocabulary"),
    Facet("topic", _("Topic"), order="count"),
    Facet("resource_type", _("Resource type"), order="count"),
    Facet("language", _("Language"), order="count"),
)
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}


def in_vocabulary_order(facet_name, codes):
    """Codes sorted as the facet lists them (levels from ECEC up), unknown codes last."""
    order = {code: position for position, (code, _label) in enumerate(FACETS_BY_NAME[facet_name].choices())}
    return sorted(codes, key=lambda code: (order.get(code, len(order)), code))


def shown_facets(params):
    """The facets a result offers: those asked for (all by default), less the type when a listing fixes it."""
    return [
        facet
        for facet in FACETS
        if (params.facet_names is None or facet.name in params.facet_names)
        and not (facet.name == "type" and len(params.types) == 1)
    ]


def facet_values(facet, counts, params):
    """Every value of ``facet`` with its count ({code: n}, missing codes count 0), in the facet's order."""
    selected = set(params.selected(facet.name))
    values = [
        FacetValue(code=code, label=label, count=counts.get(code, 0), selected=code in selected)
        for code, label in facet.choices()
    ]
    if facet.order == "count":
        values.sort(key=lambda value: (-value.count, value.label.casefold()))
    return values
