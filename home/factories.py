import factory

from home.models import StandardPage
from portal.factories import PageFactory


class StandardPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"About the portal ({n})")
    slug = factory.Sequence(lambda n: f"about-{n}")
    intro = "Who runs the portal and how to take part."

    class Meta:
        model = StandardPage
