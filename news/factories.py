import datetime

import factory

from news.models import NewsIndexPage, NewsPage
from portal.factories import PageFactory


class NewsIndexPageFactory(PageFactory):
    show_in_menus = True
    title = "News"
    slug = "news"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Schools share what works in inclusive classrooms ({n})")
    slug = factory.Sequence(lambda n: f"news-{n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    summary = "Teachers from twelve countries compared notes on what helps every pupil take part."
    author_name = "Editorial team"

    class Meta:
        model = NewsPage
