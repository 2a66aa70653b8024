"""Course pages: tree rules, date validation, enrolment and the upcoming-courses query."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import TestCase

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from courses.models import CourseIndexPage, CourseModule, CoursePage, upcoming_courses
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage
from portal.taxonomy import CourseFormat
from resources.models import ResourceIndexPage
from tests.fixtures import days_from_today, get_home_page, set_first_published

TODAY = datetime.date(2027, 5, 10)


def day(offset):
    return TODAY + datetime.timedelta(days=offset)


class CourseTreeTests(WagtailPageTestCase):
    def test_course_index_lives_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        for parent in (Page, StandardPage, NewsIndexPage, ResourceIndexPage, CoursePage):
            self.assertCanNotCreateAt(parent, CourseIndexPage)

    def test_course_page_is_a_leaf_under_the_course_index(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, set())
        self.assertCanCreateAt(CourseIndexPage, CoursePage)
        for parent in (Page, HomePage, StandardPage, NewsIndexPage, ResourceIndexPage):
            self.assertCanNotCreateAt(parent, CoursePage)

    def test_one_course_index_per_home_page(self):
        home = get_home_page()
        CourseIndexPageFactory(parent=home)
        self.assertFalse(CourseIndexPage.can_create_at(home))


class CourseValidationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = CourseIndexPageFactory(parent=get_home_page())
        cls.course = CoursePageFactory(
            parent=cls.index, start_date=day(10), end_date=day(40), enrolment_deadline=day(5)
        )

    def assertInvalid(self, field, **changes):
        for name, value in changes.items():
            setattr(self.course, name, value)
        with self.assertRaises(ValidationError) as ctx:
            self.course.full_clean()
        self.assertIn(field, ctx.exception.message_dict)
        return ctx.exception

    def test_valid_course_passes_full_clean(self):
        self.course.full_clean()

    def test_scheduled_and_on_site_courses_need_a_start_date(self):
        for course_format in (CourseFormat.SCHEDULED_ONLINE, CourseFormat.ON_SITE):
            with self.subTest(course_format=course_format):
                self.assertInvalid("start_date", format=course_format, start_date=None, end_date=None)

    def test_self_paced_course_needs_no_dates(self):
        self.course.format = CourseFormat.SELF_PACED
        self.course.start_date = self.course.end_date = self.course.enrolment_deadline = None
        self.course.full_clean()

    def test_end_before_start_is_invalid(self):
        error = self.assertInvalid("end_date", start_date=day(10), end_date=day(9), enrolment_deadline=None)
        self.assertEqual(error.message_dict["end_date"], ["The course cannot end before it starts."])

    def test_one_day_course_is_valid(self):
        self.course.start_date = self.course.end_date = self.course.enrolment_deadline = day(10)
        self.course.full_clean()

    def test_enrolment_deadline_after_end_is_invalid(self):
        self.assertInvalid("enrolment_deadline", end_date=day(40), enrolment_deadline=day(41))

    def test_several_errors_are_reported_together(self):
        error = self.assertInvalid("end_date", start_date=day(10), end_date=day(1), enrolment_deadline=day(2))
        self.assertIn("enrolment_deadline", error.message_dict)

    def test_database_refuses_an_end_before_the_start(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            CoursePage.objects.filter(pk=self.course.pk).update(end_date=day(0))

    def test_modules_are_ordered(self):
        for order, title in [(2, "Third"), (0, "First"), (1, "Second")]:
            CourseModule.objects.create(page=self.course, title=title, sort_order=order)
        self.assertEqual([m.title for m in self.course.modules.all()], ["First", "Second", "Third"])


class EnrolmentTests(TestCase):
    def course(self, **fields):
        fields.setdefault("format", CourseFormat.SCHEDULED_ONLINE)
        return CoursePage(title="Course", **fields)

    def test_open_until_the_deadline_inclusive(self):
        course = self.course(start_date=day(10), end_date=day(40), enrolment_deadline=day(5))
        self.assertTrue(course.is_enrolment_open(today=day(4)))
        self.assertTrue(course.is_enrolment_open(today=day(5)))
        self.assertFalse(course.is_enrolment_open(today=day(6)))

    def test_without_deadline_open_until_the_course_ends(self):
        course = self.course(start_date=day(10), end_date=day(40))
        self.assertTrue(course.is_enrolment_open(today=day(40)))
        self.assertFalse(course.is_enrolment_open(today=day(41)))

    def test_without_any_date_always_open(self):
        course = self.course(format=CourseFormat.SELF_PACED)
        self.assertTrue(course.is_enrolment_open(today=day(10_000)))

    def test_defaults_to_today(self):
        self.assertTrue(self.course(enrolment_deadline=days_from_today(0)).is_enrolment_open())
        self.assertFalse(self.course(enrolment_deadline=days_from_today(-1)).is_enrolment_open())


class UpcomingCoursesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = CourseIndexPageFactory(parent=get_home_page())

        def course(slug, **fields):
            fields.setdefault("enrolment_deadline", None)
            fields.setdefault("end_date", None)
            return CoursePageFactory(parent=cls.index, slug=slug, **fields)

        cls.in_a_month = course("in-a-month", start_date=day(30))
        cls.today = course("today", start_date=day(0))
        cls.next_week = course("next-week", start_date=day(7), format=CourseFormat.ON_SITE)
        cls.started = course("started", start_date=day(-1))
        cls.finished = course("finished", start_date=day(-60), end_date=day(-20))
        cls.self_paced_old = course("self-paced-old", start_date=None, format=CourseFormat.SELF_PACED)
        cls.self_paced_new = course("self-paced-new", start_date=None, format=CourseFormat.SELF_PACED)
        set_first_published(cls.self_paced_old, datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
        set_first_published(cls.self_paced_new, datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC))

    def slugs(self, queryset):
        return [page.slug for page in queryset]

    def test_courses_to_come_soonest_first_then_self_paced_newest_first(self):
        result = upcoming_courses(CoursePage.objects.all(), today=TODAY)
        self.assertEqual(self.slugs(result), ["today", "next-week", "in-a-month", "self-paced-new", "self-paced-old"])

    def test_started_and_finished_courses_are_left_out(self):
        result = self.slugs(upcoming_courses(CoursePage.objects.all(), today=TODAY))
        self.assertNotIn("started", result)
        self.assertNotIn("finished", result)

    def test_today_is_computed_per_call(self):
        far_future = upcoming_courses(CoursePage.objects.all(), today=day(365))
        self.assertEqual(self.slugs(far_future), ["self-paced-new", "self-paced-old"])

    def test_filters_the_given_queryset(self):
        result = upcoming_courses(CoursePage.objects.filter(format=CourseFormat.ON_SITE), today=TODAY)
        self.assertEqual(self.slugs(result), ["next-week"])

    def test_self_paced_course_whose_enrolment_closed_is_not_upcoming(self):
        """ "Open self-paced ones": a self-paced course past its deadline or end is no longer open."""
        CoursePageFactory(
            parent=self.index,
            slug="self-paced-closed",
            format=CourseFormat.SELF_PACED,
            start_date=None,
            end_date=day(-30),
            enrolment_deadline=day(-40),
        )
        result = self.slugs(upcoming_courses(CoursePage.objects.all(), today=TODAY))
        self.assertNotIn("self-paced-closed", result)

    def test_self_paced_course_with_a_past_start_date_that_is_still_open_is_upcoming(self):
        """A self-paced course that opened last month and runs all year is still open to participants."""
        CoursePageFactory(
            parent=self.index,
            slug="self-paced-running",
            format=CourseFormat.SELF_PACED,
            start_date=day(-30),
            end_date=day(300),
            enrolment_deadline=None,
        )
        result = self.slugs(upcoming_courses(CoursePage.objects.all(), today=TODAY))
        self.assertIn("self-paced-running", result)
