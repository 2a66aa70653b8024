from news.factories import NewsPageFactory
from portal.models import EducationalLevel


def test_news_page_renders_404_without_template_is_not_500(client, news_index):
    levels = EducationalLevel.objects.filter(code__in=["primary", "ecec"])
    page = NewsPageFactory(parent=news_index, levels=list(levels))
    assert sorted(page.levels.values_list("code", flat=True)) == ["ecec", "primary"]
    assert page.url.startswith("/en/news/")
