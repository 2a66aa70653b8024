import datetime

import factory

from portal.factories import PageFactory
from portal.models import ResourceType
from resources.models import ResourceIndexPage, ResourcePage


class ResourceIndexPageFactory(PageFactory):
    show_in_menus = True
    title = "Resources"
    slug = "resources"

    class Meta:
        model = ResourceIndexPage


class ResourcePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Outdoor mathematics toolkit for primary schools ({n})")
    slug = factory.Sequence(lambda n: f"resource-{n}")
    summary = "Ready-to-use lesson plans that take fractions and geometry into the schoolyard."
    publication_date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    resource_type = factory.LazyFunction(lambda: ResourceType.objects.get(code="toolkit"))

    class Meta:
        model = ResourcePage
