"""The home page and standard pages: tree rules, featured pages and the home page's sections."""

import datetime

from django.test import TestCase

from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from courses.models import CourseIndexPage, CoursePage
from home.factories import StandardPageFactory
from home.models import (
    HOME_LATEST_NEWS,
    HOME_NEWEST_RESOURCES,
    HOME_UPCOMING_COURSES,
    HomePage,
    HomePageFeaturedItem,
    StandardPage,
)
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsIndexPage, NewsPage
from portal.taxonomy import CourseFormat
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from resources.models import ResourceIndexPage, ResourcePage
from tests.fixtures import days_from_today, get_home_page, site_request


class HomeTreeTests(WagtailPageTestCase):
    def test_home_page_sits_under_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {NewsIndexPage, ResourceIndexPage, CourseIndexPage, StandardPage})
        for parent in (HomePage, StandardPage, NewsIndexPage, ResourceIndexPage, CourseIndexPage, NewsPage):
            self.assertCanNotCreateAt(parent, HomePage)

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        for parent in (NewsIndexPage, ResourceIndexPage, CourseIndexPage, NewsPage, ResourcePage, CoursePage):
            self.assertCanNotCreateAt(parent, StandardPage)

    def test_the_migration_creates_a_live_english_home_page_as_site_root(self):
        home = get_home_page()
        self.assertTrue(home.live)
        self.assertEqual(home.url, "/en/")
        self.assertEqual(home.get_site().root_page.pk, home.pk)
        self.assertEqual(Page.objects.filter(depth=2).count(), 1, "the Wagtail placeholder page was replaced")

    def test_standard_pages_are_not_limited(self):
        home = get_home_page()
        StandardPageFactory(parent=home)
        self.assertTrue(StandardPage.can_create_at(home))


class HomePageDataMixin:
    @classmethod
    def build_sections(cls):
        cls.home = get_home_page()
        cls.news_index = NewsIndexPageFactory(parent=cls.home)
        cls.resource_index = ResourceIndexPageFactory(parent=cls.home)
        cls.course_index = CourseIndexPageFactory(parent=cls.home)


class FeaturedPagesTests(HomePageDataMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_sections()
        cls.news = NewsPageFactory(parent=cls.news_index)
        cls.resource = ResourcePageFactory(parent=cls.resource_index)
        cls.course = CoursePageFactory(parent=cls.course_index)
        cls.draft = NewsPageFactory(parent=cls.news_index, live=False)

    def feature(self, *pages):
        for order, page in enumerate(pages):
            HomePageFeaturedItem.objects.create(home_page=self.home, page=page, sort_order=order)
        return HomePage.objects.get(pk=self.home.pk)

    def test_no_featured_items_gives_an_empty_list(self):
        self.assertEqual(self.home.get_featured_pages(), [])

    def test_editor_order_and_specific_types(self):
        home = self.feature(self.course, self.news, self.resource)
        featured = home.get_featured_pages()
        self.assertEqual([p.pk for p in featured], [self.course.pk, self.news.pk, self.resource.pk])
        self.assertEqual([type(p) for p in featured], [CoursePage, NewsPage, ResourcePage])
        self.assertEqual(featured[0].start_date, self.course.start_date)

    def test_only_live_public_pages(self):
        private = ResourcePageFactory(parent=self.resource_index)
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
        expired = CoursePageFactory(parent=self.course_index)
        expired.unpublish()
        home = self.feature(self.draft, self.news, private, expired, self.resource)
        self.assertEqual(home.get_featured_pages(), [self.news, self.resource])

    def test_unsaved_featured_items_are_used_in_previews(self):
        """In a preview, featured items exist only in memory (no pk yet); they must still show."""
        home = HomePage.objects.get(pk=self.home.pk)
        home.featured_items.add(HomePageFeaturedItem(page=self.resource), HomePageFeaturedItem(page=self.news))
        self.assertEqual(home.get_featured_pages(), [self.resource, self.news])


class HomeContextTests(HomePageDataMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.build_sections()
        base = datetime.date(2026, 3, 1)
        # dates deliberately out of creation order
        cls.news = [
            NewsPageFactory(parent=cls.news_index, date=base + datetime.timedelta(days=offset), slug=f"n{offset}")
            for offset in (3, 9, 1, 7, 5)
        ]
        NewsPageFactory(parent=cls.news_index, date=base + datetime.timedelta(days=30), live=False, slug="draft")
        cls.resources = [
            ResourcePageFactory(
                parent=cls.resource_index, publication_date=base + datetime.timedelta(days=offset), slug=f"r{offset}"
            )
            for offset in (4, 8, 2, 6, 1, 3, 7, 5)
        ]
        ResourcePageFactory(parent=cls.resource_index, publication_date=base + datetime.timedelta(days=99), live=False)
        cls.courses = [
            CoursePageFactory(
                parent=cls.course_index,
                start_date=days_from_today(offset),
                end_date=days_from_today(offset + 30),
                enrolment_deadline=None,
                slug=f"c{offset}",
            )
            for offset in (20, 5, 40, 10)
        ]
        CoursePageFactory(
            parent=cls.course_index, start_date=days_from_today(-3), end_date=days_from_today(30), slug="started"
        )
        CoursePageFactory(parent=cls.course_index, start_date=days_from_today(1), live=False, slug="draft-course")

    def context(self):
        return HomePage.objects.get(pk=self.home.pk).get_context(site_request())

    def test_latest_news_are_the_three_newest_live_ones(self):
        latest = list(self.context()["latest_news"])
        self.assertEqual(HOME_LATEST_NEWS, 3)
        self.assertEqual([p.slug for p in latest], ["n9", "n7", "n5"])

    def test_newest_resources_are_the_six_newest_live_ones(self):
        newest = list(self.context()["newest_resources"])
        self.assertEqual(HOME_NEWEST_RESOURCES, 6)
        self.assertEqual([p.slug for p in newest], ["r8", "r7", "r6", "r5", "r4", "r3"])
        self.assertEqual(newest[0].resource_type.code, "toolkit")

    def test_upcoming_courses_are_the_three_soonest_live_ones(self):
        upcoming = list(self.context()["upcoming_courses"])
        self.assertEqual(HOME_UPCOMING_COURSES, 3)
        self.assertEqual([p.slug for p in upcoming], ["c5", "c10", "c20"])

    def test_sections_only_hold_pages_of_this_home(self):
        other_home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Other", slug="other-home", hero_heading="Other")
        )
        other_news = NewsPageFactory(parent=NewsIndexPageFactory(parent=other_home), date=datetime.date(2030, 1, 1))
        self.assertNotIn(other_news, list(self.context()["latest_news"]))

    def test_private_pages_are_left_out(self):
        PageViewRestriction.objects.create(page=self.news_index, restriction_type="login")
        self.assertEqual(list(self.context()["latest_news"]), [])
        self.assertEqual(len(self.context()["newest_resources"]), 6)

    def test_context_has_the_featured_pages(self):
        HomePageFeaturedItem.objects.create(home_page=self.home, page=self.resources[0], sort_order=0)
        self.assertEqual(self.context()["featured_pages"], [self.resources[0]])

    def test_self_paced_courses_follow_dated_ones(self):
        CoursePageFactory(
            parent=self.course_index,
            format=CourseFormat.SELF_PACED,
            start_date=None,
            end_date=None,
            enrolment_deadline=None,
            slug="self-paced",
        )
        for course in self.courses:
            course.unpublish()
        self.assertEqual([p.slug for p in self.context()["upcoming_courses"]], ["self-paced"])
