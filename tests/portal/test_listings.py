"""Section index pages and the home page as visitors see them: what is listed, in which order, how it is
paginated, and how many SQL queries a page costs (the same for 3 items as for 20)."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from home.models import HomePageFeaturedItem
from news.factories import NewsIndexPageFactory, NewsPageFactory
from portal.models import EducationalLevel, Topic
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from tests.fixtures import days_from_today, get_home_page, make_image, no_search_indexing, set_first_published

PAGE_SIZE = 12
LIVE_ITEMS = 15  # a full page of 12 and a second page of 3
BASE_DATE = datetime.date(2026, 2, 1)
BASE_TIME = datetime.datetime(2026, 2, 1, 9, 0, tzinfo=datetime.UTC)
# a fixed shuffle of 0..14, so creation order never equals listing order
SHUFFLED = [7, 2, 11, 0, 13, 5, 9, 3, 6, 1, 14, 10, 4, 8, 12]


def slugs(items):
    return [hit.page.slug for hit in items]


@no_search_indexing
class ListingTests(TestCase):
    """15 live, public children per section, plus a draft and a private page that must never show."""

    @classmethod
    def setUpTestData(cls):
        home = get_home_page()
        cls.news_index = NewsIndexPageFactory(parent=home)
        cls.resource_index = ResourceIndexPageFactory(parent=home)
        cls.course_index = CourseIndexPageFactory(parent=home)

        for n in SHUFFLED:
            NewsPageFactory(parent=cls.news_index, slug=f"news-{n:02d}", date=BASE_DATE + datetime.timedelta(days=n))
            ResourcePageFactory(
                parent=cls.resource_index,
                slug=f"resource-{n:02d}",
                publication_date=BASE_DATE + datetime.timedelta(days=n),
            )
            course = CoursePageFactory(
                parent=cls.course_index, slug=f"course-{n:02d}", start_date=BASE_DATE + datetime.timedelta(days=n)
            )
            set_first_published(course, BASE_TIME + datetime.timedelta(hours=n))

        newest_date = BASE_DATE + datetime.timedelta(days=365)
        NewsPageFactory(parent=cls.news_index, slug="news-draft", date=newest_date, live=False)
        ResourcePageFactory(parent=cls.resource_index, slug="resource-draft", publication_date=newest_date, live=False)
        CoursePageFactory(parent=cls.course_index, slug="course-draft", live=False)
        for private in (
            NewsPageFactory(parent=cls.news_index, slug="news-private", date=newest_date),
            ResourcePageFactory(parent=cls.resource_index, slug="resource-private", publication_date=newest_date),
            set_first_published(
                CoursePageFactory(parent=cls.course_index, slug="course-private"),
                BASE_TIME + datetime.timedelta(days=9),
            ),
        ):
            PageViewRestriction.objects.create(page=private, restriction_type="password", password="teachers")

        cls.sections = {
            "news": cls.news_index,
            "resource": cls.resource_index,
            "course": cls.course_index,
        }

    def expected(self, prefix):
        """Newest first: the highest number has the latest date (news, resource publication, course start)."""
        return [f"{prefix}-{n:02d}" for n in range(LIVE_ITEMS - 1, -1, -1)]

    def get(self, index, **params):
        return self.client.get(index.url, params)

    def test_first_page_lists_twelve_newest_live_public_children(self):
        for prefix, index in self.sections.items():
            with self.subTest(section=prefix):
                response = self.get(index)
                self.assertEqual(response.status_code, 200)
                items = response.context["items"]
                self.assertEqual(slugs(items), self.expected(prefix)[:PAGE_SIZE])
                self.assertEqual(items.paginator.count, LIVE_ITEMS)
                html = response.content.decode()
                for item in items:
                    self.assertIn(f'href="{item.url}"', html)
                self.assertNotIn(f"{prefix}-draft", html)
                self.assertNotIn(f"{prefix}-private", html)

    def test_second_page_lists_the_rest(self):
        for prefix, index in self.sections.items():
            with self.subTest(section=prefix):
                response = self.get(index, page="2")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(slugs(response.context["items"]), self.expected(prefix)[PAGE_SIZE:])

    def test_page_past_the_end_gives_the_last_page(self):
        for prefix, index in self.sections.items():
            with self.subTest(section=prefix):
                response = self.get(index, page="999")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.context["items"].number, 2)
                self.assertEqual(slugs(response.context["items"]), self.expected(prefix)[PAGE_SIZE:])

    def test_page_below_one_gives_the_first_page(self):
        for prefix, index in self.sections.items():
            for raw in ("0", "-3"):
                with self.subTest(section=prefix, page=raw):
                    response = self.get(index, page=raw)
                    self.assertEqual(response.status_code, 200)
                    self.assertEqual(slugs(response.context["items"]), self.expected(prefix)[:PAGE_SIZE])

    def test_page_that_is_not_a_whole_number_is_a_404(self):
        for prefix, index in self.sections.items():
            for raw in ("abc", "1.5", "2;DROP"):
                with self.subTest(section=prefix, page=raw):
                    self.assertEqual(self.get(index, page=raw).status_code, 404)

    def test_pagination_links_keep_other_parameters(self):
        response = self.get(self.news_index, page="1", utm_source="newsletter")
        html = response.content.decode()
        self.assertIn("page=2", html)
        self.assertIn("utm_source=newsletter", html)

    def test_index_with_no_children_renders(self):
        self.news_index.get_children().delete()
        response = self.get(self.news_index, page="3")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(list(response.context["items"]), [])

    def test_listing_order_uses_the_section_date_not_publication(self):
        """News published last but dated first goes to the end."""
        late = NewsPageFactory(
            parent=self.news_index, slug="news-late-but-old", date=BASE_DATE - datetime.timedelta(days=1)
        )
        response = self.get(self.news_index, page="2")
        self.assertEqual(slugs(response.context["items"])[-1], late.slug)


# --- query-count guards ---------------------------------------------------------------------------------------


def classify():
    return (
        list(EducationalLevel.objects.filter(code__in=["primary", "lower-secondary"])),
        list(Topic.objects.filter(code__in=["stem", "inclusion", "assessment"])),
    )


def add_news(index, count, start=0):
    levels, topics = classify()
    for n in range(start, start + count):
        NewsPageFactory(
            parent=index, slug=f"news-q{n}", main_image=make_image(f"News picture {n}"), levels=levels, topics=topics
        )


def add_resources(index, count, start=0):
    levels, topics = classify()
    for n in range(start, start + count):
        ResourcePageFactory(
            parent=index, slug=f"res-q{n}", main_image=make_image(f"Resource picture {n}"), levels=levels, topics=topics
        )


def add_courses(index, count, start=0):
    levels, topics = classify()
    for n in range(start, start + count):
        CoursePageFactory(
            parent=index,
            slug=f"course-q{n}",
            start_date=days_from_today(10 + n),
            end_date=days_from_today(60 + n),
            enrolment_deadline=None,
            main_image=make_image(f"Course picture {n}"),
            levels=levels,
            topics=topics,
        )


@pytest.fixture(autouse=True)
def _no_search_indexing():
    with no_search_indexing:
        yield


def measure(client, url):
    """Warm up once (renditions, site caches), then capture the queries of a second identical request."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return context


def describe(context):
    return "\n".join(query["sql"][:200] for query in context.captured_queries)


@pytest.mark.parametrize(
    ("index_factory", "add_items"),
    [
        (NewsIndexPageFactory, add_news),
        (ResourceIndexPageFactory, add_resources),
        (CourseIndexPageFactory, add_courses),
    ],
    ids=["news", "resources", "courses"],
)
def test_index_page_queries_do_not_grow_with_items(
    client, home_page, index_factory, add_items, django_assert_max_num_queries
):
    index = index_factory(parent=home_page)
    add_items(index, 3)
    few = measure(client, index.url)
    add_items(index, 12, start=3)
    many = measure(client, index.url)
    assert len(many) == len(few), f"{len(few)} queries for 3 items, {len(many)} for 15:\n{describe(many)}"
    with django_assert_max_num_queries(27):  # Wagtail routing and privacy take 8; the language links 2
        assert client.get(index.url).status_code == 200
    measure(client, f"{index.url}?page=2")  # the second page renders too, and is warmed up
    with django_assert_max_num_queries(27):  # Wagtail routing and privacy take 8; the language links 2
        assert client.get(index.url, {"page": "2"}).status_code == 200


def test_home_page_queries_do_not_grow_with_items(client, home_page, django_assert_max_num_queries):
    news_index = NewsIndexPageFactory(parent=home_page)
    resource_index = ResourceIndexPageFactory(parent=home_page)
    course_index = CourseIndexPageFactory(parent=home_page)
    add_news(news_index, 1)
    add_resources(resource_index, 1)
    add_courses(course_index, 1)
    few = measure(client, home_page.url)
    add_news(news_index, 3, start=1)
    add_resources(resource_index, 6, start=1)
    add_courses(course_index, 3, start=1)
    many = measure(client, home_page.url)
    assert len(many) == len(few), (
        f"{len(few)} queries with 1 item per section, {len(many)} with full sections:\n{describe(many)}"
    )
    with django_assert_max_num_queries(32):  # the language links take 2
        assert client.get(home_page.url).status_code == 200


def test_home_page_featured_items_cost_no_query_per_item(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    resource_index = ResourceIndexPageFactory(parent=home_page)
    course_index = CourseIndexPageFactory(parent=home_page)
    add_news(news_index, 3)
    add_resources(resource_index, 3)
    add_courses(course_index, 3)
    news, resources, courses = (
        list(index.get_children().specific()) for index in (news_index, resource_index, course_index)
    )

    HomePageFeaturedItem.objects.create(home_page=home_page, page=news[0], sort_order=0)
    HomePageFeaturedItem.objects.create(home_page=home_page, page=resources[0], sort_order=1)
    HomePageFeaturedItem.objects.create(home_page=home_page, page=courses[0], sort_order=2)
    one_each = measure(client, home_page.url)
    for order, page in enumerate([news[1], resources[1], courses[1]], start=3):
        HomePageFeaturedItem.objects.create(home_page=home_page, page=page, sort_order=order)
    two_each = measure(client, home_page.url)
    assert len(two_each) == len(one_each), (
        f"{len(one_each)} queries with 3 featured pages, {len(two_each)} with 6:\n{describe(two_each)}"
    )
