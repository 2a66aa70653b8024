"""Editors create courses through the admin: practical information, modules, and date rules."""

import datetime

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from courses.factories import CourseIndexPageFactory
from courses.models import CourseIndexPage, CoursePage
from portal.blocks import PARAGRAPH_FEATURES
from portal.models import EducationalLevel, Topic
from portal.taxonomy import CourseFormat
from tests.fixtures import AdminPageTestCase


class CourseAdminTests(AdminPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = CourseIndexPageFactory(parent=cls.home)

    def course_data(self, **overrides):
        data = nested_form_data(
            {
                "title": "Formative assessment with digital tools",
                "summary": "Six weeks of practical ideas for secondary teachers.",
                "main_image": str(self.image.pk),
                "format": CourseFormat.SCHEDULED_ONLINE.value,
                "start_date": "2027-03-01",
                "end_date": "2027-04-12",
                "enrolment_deadline": "2027-02-22",
                "workload_hours": "18",
                "certificate": "on",
                "body": self.body(),
                "modules": inline_formset(
                    [
                        {
                            "title": "Why assess for learning?",
                            "summary": "The research in short.",
                            "body": rich_text("<p>Feedback that moves learning on.</p>", features=PARAGRAPH_FEATURES),
                        },
                        {"title": "Quizzes that teach", "summary": "", "body": rich_text("")},
                        {"title": "Peer assessment", "summary": "Pupils assess each other.", "body": rich_text("")},
                    ]
                ),
            }
        )
        data["levels"] = [
            str(pk)
            for pk in EducationalLevel.objects.filter(code__in=["lower-secondary", "upper-secondary"]).values_list(
                "pk", flat=True
            )
        ]
        data["topics"] = [str(pk) for pk in Topic.objects.filter(code="assessment").values_list("pk", flat=True)]
        data.update(overrides)
        return data

    def test_create_course_index_page(self):
        self.index.delete()
        self.assertCanCreate(self.home, CourseIndexPage, nested_form_data({"title": "Courses", "intro": "Learn."}))
        self.assertEqual(CourseIndexPage.objects.child_of(self.home).get().intro, "Learn.")

    def test_second_course_index_cannot_be_added(self):
        self.assertCannotAdd(CourseIndexPage, self.home)

    def test_create_course_page_with_modules(self):
        self.assertCanCreate(self.index, CoursePage, self.course_data())
        page = CoursePage.objects.get(slug="formative-assessment-with-digital-tools")
        self.assertTrue(page.live)
        self.assertEqual(page.format, CourseFormat.SCHEDULED_ONLINE)
        self.assertEqual(
            (page.start_date, page.end_date, page.enrolment_deadline),
            (datetime.date(2027, 3, 1), datetime.date(2027, 4, 12), datetime.date(2027, 2, 22)),
        )
        self.assertEqual(page.workload_hours, 18)
        self.assertTrue(page.certificate)
        self.assertEqual(sorted(level.code for level in page.levels.all()), ["lower-secondary", "upper-secondary"])
        self.assertEqual([topic.code for topic in page.topics.all()], ["assessment"])
        self.assertBodyWasSaved(page)
        modules = list(page.modules.all())
        self.assertEqual(
            [m.title for m in modules], ["Why assess for learning?", "Quizzes that teach", "Peer assessment"]
        )
        self.assertIn("Feedback that moves learning on.", modules[0].body)
        self.assertEqual(modules[2].summary, "Pupils assess each other.")

    def test_module_order_follows_the_editor(self):
        data = self.course_data(slug="reordered")
        data.update({"modules-0-ORDER": "3", "modules-1-ORDER": "1", "modules-2-ORDER": "2"})
        self.assertCanCreate(self.index, CoursePage, data)
        titles = [m.title for m in CoursePage.objects.get(slug="reordered").modules.all()]
        self.assertEqual(titles, ["Quizzes that teach", "Peer assessment", "Why assess for learning?"])

    def test_self_paced_course_needs_no_dates(self):
        data = self.course_data(
            slug="self-paced", format=CourseFormat.SELF_PACED.value, start_date="", end_date="", enrolment_deadline=""
        )
        self.assertCanCreate(self.index, CoursePage, data)
        page = CoursePage.objects.get(slug="self-paced")
        self.assertIsNone(page.start_date)
        self.assertTrue(page.is_enrolment_open())

    def test_scheduled_course_without_start_date_is_refused(self):
        for course_format in (CourseFormat.SCHEDULED_ONLINE, CourseFormat.ON_SITE):
            with self.subTest(course_format=course_format):
                self.post_invalid(
                    CoursePage,
                    self.index,
                    self.course_data(format=course_format.value, start_date="", end_date="", enrolment_deadline=""),
                    error_field="start_date",
                )

    def test_end_date_before_start_date_is_refused(self):
        response = self.post_invalid(
            CoursePage,
            self.index,
            self.course_data(start_date="2027-03-01", end_date="2027-02-28", enrolment_deadline=""),
            error_field="end_date",
        )
        self.assertIn("The course cannot end before it starts.", response.content.decode())

    def test_enrolment_deadline_after_end_is_refused(self):
        self.post_invalid(
            CoursePage,
            self.index,
            self.course_data(end_date="2027-04-12", enrolment_deadline="2027-04-13"),
            error_field="enrolment_deadline",
        )

    def test_module_needs_a_title(self):
        data = self.course_data()
        data["modules-1-title"] = ""
        response = self.post_invalid(CoursePage, self.index, data, error_field=None)
        self.assertIn("title", response.context["form"].formsets["modules"].forms[1].errors)

    def test_negative_workload_is_refused(self):
        self.post_invalid(CoursePage, self.index, self.course_data(workload_hours="-4"), error_field="workload_hours")

    def test_edit_and_preview(self):
        data = self.course_data(slug="editable")
        self.assertCanCreate(self.index, CoursePage, dict(data))
        page = CoursePage.objects.get(slug="editable")
        edit_data = dict(data, **{"modules-INITIAL_FORMS": "3"})
        edit_data.update({f"modules-{i}-id": str(m.pk) for i, m in enumerate(page.modules.all())})
        self.assertPageIsEditable(page, post_data=edit_data)
        self.assertPageIsPreviewable(page, post_data=data)
