"""factory_boy base for Wagtail pages: pages are created under a parent with ``add_child``."""

from wagtail.models import Page

import factory


class PageFactory(factory.django.DjangoModelFactory):
    """Build a page and add it under ``parent`` (a page instance; required)."""

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    live = True

    class Meta:
        model = Page
        abstract = True
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            raise ValueError(f"{cls.__name__} needs parent=<page>")
        many_to_many = {name: kwargs.pop(name) for name in list(kwargs) if name in {"levels", "topics", "audiences"}}
        page = model_class(*args, **kwargs)
        for name, values in many_to_many.items():
            getattr(page, name).set(values)
        parent.add_child(instance=page)
        if page.live:
            page.save_revision().publish()
        return page
