"""News pages: where they may live, their fields and defaults."""

import datetime

from django.test import TestCase
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseIndexPage
from home.models import HomePage, StandardPage
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsIndexPage, NewsPage
from portal.models import EducationalLevel, Topic
from resources.models import ResourceIndexPage
from tests.fixtures import get_home_page


class NewsTreeTests(WagtailPageTestCase):
    def test_news_index_lives_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        for parent in (Page, StandardPage, NewsIndexPage, ResourceIndexPage, CourseIndexPage, NewsPage):
            self.assertCanNotCreateAt(parent, NewsIndexPage)

    def test_news_page_is_a_leaf_under_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        for parent in (Page, HomePage, StandardPage, ResourceIndexPage, CourseIndexPage):
            self.assertCanNotCreateAt(parent, NewsPage)

    def test_one_news_index_per_home_page(self):
        home = get_home_page()
        self.assertTrue(NewsIndexPage.can_create_at(home))
        NewsIndexPageFactory(parent=home)
        self.assertFalse(NewsIndexPage.can_create_at(home))
        second_home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Other site", slug="other-site", hero_heading="Other")
        )
        self.assertTrue(NewsIndexPage.can_create_at(second_home), "the limit is per home page, not per site tree")


class NewsPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPageFactory(parent=get_home_page())

    def test_date_defaults_to_today_at_creation_not_at_import(self):
        page = NewsPage(title="Today", summary="s")
        self.assertEqual(page.date, timezone.localdate())
        self.assertEqual(NewsPage._meta.get_field("date").default, timezone.localdate)

    def test_listing_date_is_the_news_date(self):
        page = NewsPageFactory(parent=self.index, date=datetime.date(2026, 3, 14))
        self.assertEqual(page.listing_date, datetime.date(2026, 3, 14))

    def test_url_sits_under_the_language_and_the_index(self):
        page = NewsPageFactory(parent=self.index, slug="teachers-meet")
        self.assertEqual(page.url, "/en/news/teachers-meet/")

    def test_breadcrumbs_start_below_the_home_page(self):
        page = NewsPageFactory(parent=self.index)
        self.assertEqual([p.pk for p in page.get_breadcrumbs()], [self.index.pk])
        self.assertEqual(list(self.index.get_breadcrumbs()), [])

    def test_classification_is_kept_on_publish(self):
        levels = EducationalLevel.objects.filter(code__in=["ecec", "ivet"])
        topics = Topic.objects.filter(code="well-being")
        page = NewsPageFactory(parent=self.index, levels=list(levels), topics=list(topics))
        page = NewsPage.objects.get(pk=page.pk)
        self.assertEqual([level.code for level in page.levels.all()], ["ecec", "ivet"])
        self.assertEqual([topic.code for topic in page.topics.all()], ["well-being"])
        self.assertIn(page, EducationalLevel.objects.get(code="ecec").news_newspage_pages.all())

    def test_search_fields_index_summary_body_and_author(self):
        names = {field.field_name for field in NewsPage.search_fields}
        self.assertTrue({"title", "summary", "body", "author_name", "levels", "topics", "date"} <= names)
