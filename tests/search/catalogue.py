"""A small, hand-made catalogue whose facet counts are known, shared by the search tests."""

import datetime

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from portal.models import EducationalLevel, ResourceType, Topic
from portal.taxonomy import CourseFormat
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory

D = datetime.date

NEWS = [
    (
        "n1",
        "Inclusion in primary schools",
        ["primary"],
        ["inclusion"],
        D(2026, 3, 1),
        "Schools across Europe share practices for inclusive classrooms.",
    ),
    (
        "n2",
        "Outdoor mathematics week in Finland",
        ["primary", "lower-secondary"],
        ["stem"],
        D(2026, 4, 10),
        "Pupils measured the schoolyard in a week of outdoor mathematics lessons.",
    ),
    (
        "n3",
        "Vocational schools and green skills",
        ["ivet"],
        ["sustainability"],
        D(2025, 11, 20),
        "Initial vocational education and training prepares apprentices for green jobs.",
    ),
]
RESOURCES = [
    (
        "r1",
        "Outdoor mathematics toolkit",
        ["primary"],
        ["stem", "teaching"],
        "toolkit",
        D(2025, 5, 1),
        "Lesson plans for mathematics outdoors, from fractions to geometry.",
    ),
    (
        "r2",
        "Mathematics anxiety in secondary school",
        ["lower-secondary", "upper-secondary"],
        ["stem", "well-being"],
        "research-report",
        D(2024, 9, 15),
        "A study of how mathematics anxiety develops and what teachers can do.",
    ),
    (
        "r3",
        "Play-based learning in early childhood",
        ["ecec"],
        ["pedagogy"],
        "practice",
        D(2023, 2, 1),
        "Educators describe play as the heart of early childhood education and care.",
    ),
    (
        "r4",
        "Digital assessment guide",
        ["upper-secondary", "ivet"],
        ["assessment", "digital-competence"],
        "publication",
        D(2026, 1, 20),
        "How to use digital tools for formative assessment, with outdoor examples of mathematics tasks.",
    ),
]
COURSES = [
    (
        "c1",
        "Teaching mathematics with digital tools",
        ["lower-secondary"],
        ["stem", "digital-tools"],
        CourseFormat.SCHEDULED_ONLINE,
        D(2027, 2, 1),
        "A six-week online course for mathematics teachers.",
    ),
    (
        "c2",
        "Inclusive classrooms for newcomers",
        ["primary", "lower-secondary"],
        ["inclusion", "migrant-students"],
        CourseFormat.SELF_PACED,
        None,
        "Self-paced course on welcoming migrant pupils.",
    ),
]


def build_catalogue(home_page):
    """Create the catalogue under ``home_page``; returns {key: page}."""
    levels = {level.code: level for level in EducationalLevel.objects.all()}
    topics = {topic.code: topic for topic in Topic.objects.all()}
    types = {rtype.code: rtype for rtype in ResourceType.objects.all()}
    news_index = NewsIndexPageFactory(parent=home_page)
    resource_index = ResourceIndexPageFactory(parent=home_page)
    course_index = CourseIndexPageFactory(parent=home_page)
    pages = {"news_index": news_index, "resource_index": resource_index, "course_index": course_index}
    for key, title, lv, tp, date, summary in NEWS:
        pages[key] = NewsPageFactory(
            parent=news_index,
            title=title,
            slug=key,
            date=date,
            summary=summary,
            levels=[levels[c] for c in lv],
            topics=[topics[c] for c in tp],
        )
    for key, title, lv, tp, rtype, date, summary in RESOURCES:
        pages[key] = ResourcePageFactory(
            parent=resource_index,
            title=title,
            slug=key,
            publication_date=date,
            summary=summary,
            resource_type=types[rtype],
            levels=[levels[c] for c in lv],
            topics=[topics[c] for c in tp],
        )
    for key, title, lv, tp, fmt, start, summary in COURSES:
        pages[key] = CoursePageFactory(
            parent=course_index,
            title=title,
            slug=key,
            format=fmt,
            start_date=start,
            end_date=start + datetime.timedelta(days=42) if start else None,
            enrolment_deadline=start - datetime.timedelta(days=3) if start else None,
            summary=summary,
            levels=[levels[c] for c in lv],
            topics=[topics[c] for c in tp],
        )
    return pages
