"""Browser tests: pytest-playwright driving Debian's Chromium against pytest-django's live server.

The live server shares a database that is flushed after every test, so tests ask for
``django_db(transaction=True, serialized_rollback=True)``: the rows the data migrations made (root page,
collection, home page, locale, site, taxonomy) are restored before each test, and the content fixtures
below add the rest. See ``_serialized_rollback_under_playwright`` for the one trap in that.
"""

import datetime
import io
import mimetypes
import os
from pathlib import Path

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import connections

from wagtail.images import get_image_model

import pytest
from PIL import Image as PILImage
from PIL import ImageDraw

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from courses.models import CourseModule
from home.factories import StandardPageFactory
from home.models import HomePage, HomePageFeaturedItem
from news.factories import NewsIndexPageFactory, NewsPageFactory
from portal.models import Audience, EducationalLevel, ResourceType, Topic
from portal.taxonomy import CourseFormat, Licence
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from resources.models import ResourcePageAttachment
from tests.fixtures import make_document
from tests.services import service_missing

# Playwright's sync API runs an event loop in the test thread; the ORM calls in fixtures are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

PALETTES = [
    ((0, 51, 153), (46, 112, 214), (255, 204, 0)),
    ((10, 92, 54), (76, 160, 110), (255, 230, 150)),
    ((138, 60, 20), (214, 130, 60), (255, 240, 200)),
    ((60, 40, 120), (130, 100, 200), (255, 210, 120)),
    ((0, 100, 120), (60, 170, 180), (240, 250, 255)),
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        service_missing("Chromium not installed at /usr/bin/chromium (apt-get install chromium)")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session", autouse=True)
def _serialized_rollback_under_playwright(django_db_setup, django_db_blocker, request):
    """Keep ``serialized_rollback`` working once Playwright runs.

    Django keeps the migrated data snapshot on the connection object (``_test_serialized_contents``).
    Playwright's sync API leaves an asyncio loop running in this thread, and from then on asgiref hands
    out *context-local* connection objects that lack that snapshot: without this fixture every browser
    test after the first flush would start with an empty database (no home page, locale or taxonomy).
    """
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    request.getfixturevalue("playwright")  # starts Playwright (and its event loop) now
    for alias, contents in snapshots.items():
        connections[alias]._test_serialized_contents = contents


@pytest.fixture
def context(context):
    """Serve uploaded media from MEDIA_ROOT: the live server (DEBUG off) does not serve /media/."""
    media_root = Path(settings.MEDIA_ROOT).resolve()

    def serve_media(route):
        path = route.request.url.split(settings.MEDIA_URL, 1)[-1].split("?", 1)[0]
        file = (media_root / path).resolve()
        if media_root in file.parents and file.is_file():
            content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            route.fulfill(status=200, body=file.read_bytes(), content_type=content_type)
        else:
            route.fulfill(status=404, body="")

    context.route(f"**{settings.MEDIA_URL}**", serve_media)
    return context


def make_image(title, description="", palette=0, size=(1600, 900)):
    """An abstract illustration (gradient and shapes), so screenshots look like real content."""
    dark, light, accent = PALETTES[palette % len(PALETTES)]
    width, height = size
    image = PILImage.new("RGB", size, dark)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(d + (li - d) * t) for d, li in zip(dark, light, strict=True)))
    draw.ellipse([width * 0.55, -height * 0.2, width * 1.15, height * 0.75], fill=accent)
    draw.ellipse([-width * 0.1, height * 0.55, width * 0.35, height * 1.3], fill=light)
    draw.rectangle([width * 0.2, height * 0.3, width * 0.45, height * 0.62], outline=(255, 255, 255), width=12)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, description=description, file=ImageFile(buffer, name=f"{title[:20].lower()}.png")
    )


def terms(model, *codes):
    return list(model.objects.filter(code__in=codes))


def standard_body(image, document, link_page):
    return [
        ("heading", {"text": "Who we are", "level": "h2"}),
        (
            "paragraph",
            "<p>The portal brings together <b>teachers</b>, school leaders and researchers from across Europe."
            ' Read the <a href="https://example.org/charter">charter</a>.</p>',
        ),
        (
            "image",
            {
                "image": image,
                "alt_text": "Teachers at a workshop in Lisbon",
                "decorative": False,
                "caption": "A workshop in Lisbon",
            },
        ),
        ("quote", {"quote": "Sharing what works is how schools improve.", "attribution": "A school leader, Tallinn"}),
        ("heading", {"text": "Take part", "level": "h3"}),
        (
            "call_to_action",
            {
                "title": "Share your practice",
                "text": "Tell other schools what worked for you.",
                "page": link_page,
                "url": "",
                "button_label": "Read the latest news",
            },
        ),
        ("document_list", {"title": "Key documents", "documents": [document]}),
        (
            "accordion",
            {
                "title": "Frequently asked questions",
                "items": [
                    {"heading": "Who can publish?", "body": "<p>Any registered school or organisation.</p>"},
                    {"heading": "Is it free?", "body": "<p>Yes, every resource is free to use.</p>"},
                ],
            },
        ),
        (
            "table",
            {
                "caption": "Participating schools by country",
                "table": {
                    "data": [["Country", "Schools"], ["Estonia", "120"], ["Portugal", "340"], ["Poland", "410"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                },
            },
        ),
    ]


NEWS_TITLES = [
    "Schools in twelve countries share what works in inclusive classrooms",
    "New guidelines on well-being at school published",
    "Teachers meet in Tallinn to discuss digital assessment",
    "European Day of Languages: ideas for your classroom",
]
RESOURCE_ROWS = [
    ("Outdoor mathematics toolkit for primary schools", "toolkit", ["primary"], ["stem"]),
    ("Media literacy lesson plans for lower secondary", "teaching-material", ["lower-secondary"], ["media-literacy"]),
    (
        "Whole-school approach to early school leaving",
        "policy-document",
        ["lower-secondary", "upper-secondary"],
        ["early-school-leaving"],
    ),
    ("Video: formative feedback in the language classroom", "video", ["upper-secondary"], ["language-learning"]),
    (
        "Research report: teacher careers across Europe",
        "research-report",
        ["primary", "lower-secondary"],
        ["teacher-careers"],
    ),
    ("Practice: a school garden for sustainability", "practice", ["ecec", "primary"], ["sustainability"]),
]
COURSE_ROWS = [
    ("Digital assessment in the secondary classroom", CourseFormat.SCHEDULED_ONLINE, ["upper-secondary"]),
    ("Inclusive teaching for migrant students", CourseFormat.ON_SITE, ["primary", "lower-secondary"]),
    ("Learning to learn: a self-paced introduction", CourseFormat.SELF_PACED, ["ivet"]),
]


@pytest.fixture
def demo_site(db):
    """A home page with three sections, several items each (with images), and an about page."""
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    hero = make_image("Pupils and teachers in a sunny classroom", palette=0, size=(1600, 1200))
    home.hero_intro = (
        "Practice, research, teaching materials and online courses for everyone working in school education."
    )
    home.hero_image = hero
    home.save_revision().publish()
    news_index = NewsIndexPageFactory(
        parent=home, show_in_menus=True, intro="What is happening in school education across Europe."
    )
    resource_index = ResourceIndexPageFactory(
        parent=home, show_in_menus=True, intro="Teaching materials, publications and practices, free to reuse."
    )
    course_index = CourseIndexPageFactory(
        parent=home, show_in_menus=True, intro="Online and on-site courses for teachers and school leaders."
    )
    images = [make_image(f"Illustration {n}", f"An illustration for item {n}", palette=n) for n in range(5)]
    guide = make_document("Teacher guide", "teacher-guide.pdf", content=b"%PDF-1.4\n" + b"0" * 240_000)
    worksheets = make_document("Worksheets for pupils", "worksheets.pdf", content=b"%PDF-1.4\n" + b"0" * 61_000)

    news = [
        NewsPageFactory(
            parent=news_index,
            title=title,
            date=datetime.date(2026, 3, 1) - datetime.timedelta(days=9 * n),
            author_name="Editorial team",
            main_image=images[n % len(images)],
            levels=terms(EducationalLevel, "primary", "lower-secondary"),
            topics=terms(Topic, "inclusion", "well-being"),
            body=[("paragraph", "<p>Teachers from twelve countries compared notes on what helps every pupil.</p>")],
        )
        for n, title in enumerate(NEWS_TITLES)
    ]
    resources = []
    for n, (title, type_code, level_codes, topic_codes) in enumerate(RESOURCE_ROWS):
        resource = ResourcePageFactory(
            parent=resource_index,
            title=title,
            resource_type=ResourceType.objects.get(code=type_code),
            publication_date=datetime.date(2026, 2, 20) - datetime.timedelta(days=11 * n),
            main_image=images[(n + 2) % len(images)],
            licence=Licence.CC_BY if n % 2 == 0 else Licence.ALL_RIGHTS_RESERVED,
            external_url="https://example.org/resource" if n == 0 else "",
            levels=terms(EducationalLevel, *level_codes),
            topics=terms(Topic, *topic_codes),
            audiences=terms(Audience, "school-staff", "school-leaders"),
            body=[
                ("heading", {"text": "How to use it", "level": "h2"}),
                ("paragraph", "<p>Start with the teacher guide, then choose the activities for your class.</p>"),
            ],
        )
        resources.append(resource)
    ResourcePageAttachment.objects.create(page=resources[0], document=guide, sort_order=0)
    ResourcePageAttachment.objects.create(
        page=resources[0], document=worksheets, title="Pupil worksheets", sort_order=1
    )

    courses = []
    for n, (title, course_format, level_codes) in enumerate(COURSE_ROWS):
        scheduled = course_format != CourseFormat.SELF_PACED
        start = datetime.date(2027, 2, 1) + datetime.timedelta(days=21 * n) if scheduled else None
        course = CoursePageFactory(
            parent=course_index,
            title=title,
            format=course_format,
            start_date=start,
            end_date=start + datetime.timedelta(days=42) if start else None,
            enrolment_deadline=start - datetime.timedelta(days=7) if start else None,
            workload_hours=12 + 4 * n,
            certificate=scheduled,
            main_image=images[(n + 4) % len(images)],
            levels=terms(EducationalLevel, *level_codes),
            topics=terms(Topic, "assessment", "digital-tools"),
            body=[("paragraph", "<p>Practical ideas you can use in class the next morning.</p>")],
        )
        courses.append(course)
    for n, (module_title, summary) in enumerate(
        [("Why we assess", "Purposes of assessment."), ("Tools that help", "Quizzes, polls and portfolios.")]
    ):
        CourseModule.objects.create(
            page=courses[0], title=module_title, summary=summary, body="<p>Read, try, reflect.</p>", sort_order=n
        )

    about = StandardPageFactory(
        parent=home,
        title="About the portal",
        slug="about",
        show_in_menus=True,
        intro="Who runs the portal, and how your school can take part.",
        body=standard_body(images[1], guide, news[0]),
    )
    HomePageFeaturedItem.objects.create(home_page=home, page=resources[0], sort_order=0)
    HomePageFeaturedItem.objects.create(home_page=home, page=courses[0], sort_order=1)
    HomePageFeaturedItem.objects.create(home_page=home, page=news[0], sort_order=2)
    return {
        "home": home,
        "news_index": news_index,
        "resource_index": resource_index,
        "course_index": course_index,
        "news": news,
        "resources": resources,
        "courses": courses,
        "about": about,
    }
