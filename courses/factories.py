import datetime

import factory

from courses.models import CourseIndexPage, CoursePage
from portal.factories import PageFactory
from portal.taxonomy import CourseFormat


class CourseIndexPageFactory(PageFactory):
    show_in_menus = True
    title = "Courses"
    slug = "courses"

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Digital assessment in the secondary classroom ({n})")
    slug = factory.Sequence(lambda n: f"course-{n}")
    summary = "Six weeks of practical ideas for formative assessment with digital tools."
    format = CourseFormat.SCHEDULED_ONLINE
    start_date = factory.Sequence(lambda n: datetime.date(2027, 1, 4) + datetime.timedelta(days=7 * n))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=42))
    enrolment_deadline = factory.LazyAttribute(lambda o: o.start_date - datetime.timedelta(days=3))
    workload_hours = 12
    certificate = True

    class Meta:
        model = CoursePage
