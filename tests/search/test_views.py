"""The simple site search at /en/search/: finding pages, refusing bad input politely, never a 500."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale, PageViewRestriction

import pytest

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from portal.models import EducationalLevel
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from search.views import MAX_QUERY_LENGTH
from tests.fixtures import get_home_page, make_image

SEARCH_URL = "/en/search/"


class SearchViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = get_home_page()
        cls.news_index = NewsIndexPageFactory(parent=home)
        cls.resource_index = ResourceIndexPageFactory(parent=home)
        cls.course_index = CourseIndexPageFactory(parent=home)
        cls.news = NewsPageFactory(
            parent=cls.news_index,
            title="Estonian pupils measure their schoolyard",
            slug="estonian-schoolyard",
            summary="A term of outdoor geometry.",
        )
        cls.resource = ResourcePageFactory(
            parent=cls.resource_index,
            title="Kaleidoscope toolkit for citizenship lessons",
            slug="kaleidoscope",
            summary="Classroom activities about democracy.",
        )
        cls.course = CoursePageFactory(
            parent=cls.course_index,
            title="Formative assessment with kaleidoscope quizzes",
            slug="kaleidoscope-course",
        )
        cls.draft = NewsPageFactory(
            parent=cls.news_index, title="Kaleidoscope draft not yet public", slug="draft", live=False
        )
        cls.private = NewsPageFactory(parent=cls.news_index, title="Kaleidoscope staff-only note", slug="private")
        PageViewRestriction.objects.create(page=cls.private, restriction_type="login")

    def search(self, **params):
        return self.client.get(SEARCH_URL, params)

    def test_url_is_language_prefixed(self):
        self.assertEqual(reverse("search"), SEARCH_URL)

    def test_finds_a_page_by_a_word_of_its_title(self):
        response = self.search(q="Estonian")
        self.assertEqual(response.status_code, 200)
        results = [page.specific for page in response.context["results"]]
        self.assertEqual([page.pk for page in results], [self.news.pk])
        self.assertContains(response, self.news.url)
        self.assertContains(response, "Estonian pupils measure their schoolyard")

    def test_finds_every_live_public_page_with_the_word_and_nothing_else(self):
        response = self.search(q="kaleidoscope")
        self.assertEqual(response.status_code, 200)
        found = {page.pk for page in response.context["results"]}
        self.assertEqual(found, {self.resource.pk, self.course.pk})
        self.assertNotContains(response, "draft not yet public")
        self.assertNotContains(response, "staff-only note")

    def test_query_is_case_insensitive_and_trimmed(self):
        response = self.search(q="  ESTONIAN  ")
        self.assertEqual([page.pk for page in response.context["results"]], [self.news.pk])
        self.assertEqual(response.context["search_query"], "ESTONIAN")

    def test_no_match_says_so(self):
        response = self.search(q="xylophone")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["results"].paginator.count, 0)
        self.assertContains(response, "No results")

    def test_empty_query_shows_no_results(self):
        for params in ({}, {"q": ""}, {"q": "    "}):
            with self.subTest(params=params):
                response = self.search(**params)
                self.assertEqual(response.status_code, 200)
                self.assertIsNone(response.context["results"])
                self.assertNotContains(response, self.news.url)
                self.assertEqual(response.context["search_error"], "")

    def test_query_of_the_maximum_length_is_accepted(self):
        response = self.search(q="a" * MAX_QUERY_LENGTH)
        self.assertEqual(response.status_code, 200)

    def test_too_long_query_is_a_400_with_a_clear_message(self):
        response = self.search(q="Estonian " + "a" * MAX_QUERY_LENGTH)
        self.assertEqual(response.status_code, 400)
        self.assertIn("too long", response.context["search_error"])
        self.assertIn(str(MAX_QUERY_LENGTH), response.context["search_error"])
        self.assertContains(response, "Your search is too long", status_code=400)
        self.assertIsNone(response.context["results"])
        self.assertLessEqual(len(response.context["search_query"]), MAX_QUERY_LENGTH)

    def test_markup_in_the_query_is_escaped(self):
        payload = '<script>alert("x")</script>'
        response = self.search(q=payload)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertNotIn(payload, html)
        self.assertNotIn("<script>alert", html)
        self.assertIn("&lt;script&gt;", html)

    def test_markup_in_a_too_long_query_is_escaped(self):
        payload = '"><img src=x onerror=alert(1)>' + "b" * MAX_QUERY_LENGTH
        response = self.search(q=payload)
        self.assertEqual(response.status_code, 400)
        self.assertNotIn("<img src=x", response.content.decode())

    def test_page_that_is_not_a_number_is_a_404(self):
        for raw in ("abc", "1.5"):
            with self.subTest(page=raw):
                self.assertEqual(self.search(q="kaleidoscope", page=raw).status_code, 404)

    def test_page_past_the_end_gives_the_last_page(self):
        response = self.search(q="kaleidoscope", page="999")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(response.context["results"]), 2)

    def test_search_syntax_characters_never_cause_a_500(self):
        for query in [
            '"',
            "(",
            ")",
            "*",
            "-",
            "AND",
            "OR",
            "NOT",
            '"unbalanced',
            "a:b",
            "école",
            "100%",
            "'; --",
            "\\",
        ]:
            with self.subTest(q=query):
                response = self.search(q=query)
                self.assertEqual(response.status_code, 200)

    def test_page_in_another_language_is_not_found(self):
        french = Locale.objects.create(language_code="fr")
        translation = self.news.copy_for_translation(french, copy_parents=True)
        translation.save_revision().publish()
        response = self.search(q="Estonian")
        self.assertEqual([page.pk for page in response.context["results"]], [self.news.pk])


# --- query-count guard ----------------------------------------------------------------------------------------


def add_results(count, start, news_index, resource_index, course_index):
    levels = list(EducationalLevel.objects.filter(code__in=["primary", "ivet"]))
    for n in range(start, start + count):
        factory, parent = [
            (NewsPageFactory, news_index),
            (ResourcePageFactory, resource_index),
            (CoursePageFactory, course_index),
        ][n % 3]
        kwargs = (
            {"start_date": datetime.date(2030, 1, 1) + datetime.timedelta(days=n)}
            if factory is CoursePageFactory
            else {}
        )
        factory(
            parent=parent,
            title=f"Marimba workshop number {n}",
            slug=f"marimba-{n}",
            main_image=make_image(f"Marimba {n}"),
            levels=levels,
            **kwargs,
        )


def test_search_queries_do_not_grow_with_results(client, home_page, django_assert_max_num_queries):
    indexes = (
        NewsIndexPageFactory(parent=home_page),
        ResourceIndexPageFactory(parent=home_page),
        CourseIndexPageFactory(parent=home_page),
    )
    url = f"{SEARCH_URL}?q=marimba"
    add_results(3, 0, *indexes)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).context["results"].paginator.count == 3
    add_results(9, 3, *indexes)
    client.get(url)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).context["results"].paginator.count == 12
    assert len(many) == len(few), f"{len(few)} queries for 3 results, {len(many)} for 12:\n" + "\n".join(
        q["sql"][:160] for q in many.captured_queries
    )
    with django_assert_max_num_queries(25):
        client.get(url)


@pytest.mark.parametrize("query", ["kaleidoscope", "<b>", "a" * (MAX_QUERY_LENGTH + 1)])
def test_search_answers_without_any_page_data(client, db, query):
    """With nothing but the home page in the database the search still answers normally."""
    response = client.get(SEARCH_URL, {"q": query})
    assert response.status_code == (400 if len(query) > MAX_QUERY_LENGTH else 200)
