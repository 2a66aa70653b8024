"""Public templates rendered with real pages: CSP-ready markup, landmarks, every field shown, no N+1."""

import datetime
import re
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.template.loader import get_template
from django.test.utils import CaptureQueriesContext

import pytest

from courses.factories import CoursePageFactory
from courses.models import CourseModule
from home.factories import StandardPageFactory
from home.models import HomePageFeaturedItem
from news.factories import NewsPageFactory
from portal.models import CARD_RENDITION, Audience, EducationalLevel, Topic
from portal.taxonomy import CourseFormat, Licence
from resources.factories import ResourcePageFactory
from resources.models import ResourcePageAttachment
from tests.fixtures import make_document, make_image

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"\sstyle=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+=", re.IGNORECASE)
TEMPLATE_DIRS = [
    Path(settings.BASE_DIR) / "portal" / "templates",
    *[Path(settings.BASE_DIR) / app / "templates" for app in ("home", "news", "resources", "courses", "search")],
]


def levels(*codes):
    return list(EducationalLevel.objects.filter(code__in=codes))


def topics(*codes):
    return list(Topic.objects.filter(code__in=codes))


def body_with_every_block(image, document, link_page):
    return [
        ("heading", {"text": "Why take learning outside", "level": "h2"}),
        ("paragraph", "<p>Outdoor lessons help pupils <b>connect</b> mathematics to the world.</p>"),
        ("image", {"image": image, "alt_text": "Children measuring a tree", "decorative": False, "caption": "Spring"}),
        ("quote", {"quote": "The schoolyard became our classroom.", "attribution": "A primary teacher"}),
        (
            "call_to_action",
            {
                "title": "Join the community",
                "text": "Share your practice.",
                "page": link_page,
                "url": "",
                "button_label": "Read the news",
            },
        ),
        ("document_list", {"title": "Handouts", "documents": [document]}),
        (
            "accordion",
            {"title": "Questions", "items": [{"heading": "Who can use it?", "body": "<p>Every school.</p>"}]},
        ),
        (
            "table",
            {
                "caption": "Schools taking part",
                "table": {
                    "data": [["Country", "Schools"], ["Estonia", "12"], ["Portugal", "9"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                },
            },
        ),
    ]


def assert_clean_html(html, url):
    assert not INLINE_SCRIPT.search(html), f"inline <script> on {url}"
    assert not STYLE_ATTRIBUTE.search(html), f"style attribute on {url}: {STYLE_ATTRIBUTE.search(html)}"
    assert not EVENT_HANDLER.search(html), f"on* handler on {url}"
    assert '<html lang="en" dir="ltr">' in html, url
    assert 'class="skip-link" href="#main"' in html, url
    assert len(re.findall(r"<main[\s>]", html)) == 1, url
    assert '<main id="main"' in html, url


@pytest.fixture
def site_content(home_page, news_index, resource_index, course_index):
    for index in (news_index, resource_index, course_index):
        index.show_in_menus = True
        index.intro = f"Everything in {index.title.lower()}."
        index.save_revision().publish()
    image = make_image("Pupils measuring the schoolyard", "Pupils measure the schoolyard with a tape", size=(1600, 900))
    document = make_document("Lesson plans", "lesson-plans.pdf", content=b"%PDF-1.4\n" + b"0" * 2048)
    news = NewsPageFactory(
        parent=news_index,
        title="Schools share what works",
        date=datetime.date(2026, 3, 9),
        author_name="Maria Rossi",
        main_image=image,
        levels=levels("primary", "lower-secondary"),
        topics=topics("inclusion"),
        body=[("paragraph", "<p>Twelve countries met in Lisbon.</p>")],
    )
    resource = ResourcePageFactory(
        parent=resource_index,
        title="Outdoor mathematics toolkit",
        main_image=image,
        licence=Licence.CC_BY_SA,
        external_url="https://example.org/outdoor-maths",
        publication_date=datetime.date(2025, 11, 20),
        levels=levels("primary"),
        topics=topics("stem"),
        audiences=list(Audience.objects.filter(code="school-staff")),
        body=[("paragraph", "<p>Fractions under the trees.</p>")],
    )
    ResourcePageAttachment.objects.create(page=resource, document=document, title="Teacher guide", sort_order=0)
    ResourcePageAttachment.objects.create(
        page=resource, document=make_document("Worksheets", "worksheets.docx", content=b"0" * 2048), sort_order=1
    )
    course = CoursePageFactory(
        parent=course_index,
        title="Digital assessment",
        main_image=image,
        start_date=datetime.date(2027, 2, 1),
        end_date=datetime.date(2027, 3, 15),
        enrolment_deadline=datetime.date(2027, 1, 25),
        workload_hours=14,
        certificate=True,
        levels=levels("upper-secondary"),
        topics=topics("assessment"),
        body=[("paragraph", "<p>Feedback that moves learning forward.</p>")],
    )
    CourseModule.objects.create(page=course, title="Why assess", summary="Purposes", body="<p>M1</p>", sort_order=0)
    CourseModule.objects.create(page=course, title="Tools", summary="Quizzes", body="<p>Polls</p>", sort_order=1)
    self_paced = CoursePageFactory(
        parent=course_index,
        title="Learning to learn, self-paced",
        format=CourseFormat.SELF_PACED,
        start_date=None,
        end_date=None,
        enrolment_deadline=None,
        certificate=False,
        workload_hours=None,
    )
    standard = StandardPageFactory(
        parent=home_page,
        title="About the portal",
        show_in_menus=True,
        intro="Who runs the portal.",
        body=body_with_every_block(image, document, news),
    )
    home_page.hero_intro = "Practice, research and courses for everyone in school education."
    home_page.hero_image = make_image("Hero", "")
    home_page.save_revision().publish()
    HomePageFeaturedItem.objects.create(home_page=home_page, page=resource, sort_order=0)
    HomePageFeaturedItem.objects.create(home_page=home_page, page=course, sort_order=1)
    return {
        "home": home_page,
        "news_index": news_index,
        "resource_index": resource_index,
        "course_index": course_index,
        "news": news,
        "resource": resource,
        "course": course,
        "self_paced": self_paced,
        "standard": standard,
        "image": image,
        "document": document,
    }


def get_html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    html = response.content.decode()
    assert_clean_html(html, url)
    return html


def test_every_public_page_is_csp_ready_with_landmarks(client, site_content):
    urls = [site_content[key].url for key in site_content if key not in {"image", "document"}]
    urls += ["/en/search/", "/en/search/?q=schools", "/en/search/?q=zzzznothing", "/en/search/?q=" + "x" * 201]
    for url in urls:
        status = 400 if url.endswith("x" * 201) else 200
        get_html(client, url, status)


def test_base_layout(client, site_content):
    html = get_html(client, site_content["news"].url)
    assert "<title>Schools share what works | European School Education Portal</title>" in html
    assert '<meta name="description" content="Teachers from twelve countries' in html
    # main navigation: the in-menu children of the home page
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    for title in ("News", "Resources", "Courses", "About the portal"):
        assert f">{title}</a>" in nav
    assert 'class="main-nav__link is-active" href="/en/news/"' in nav
    # search box
    assert 'action="/en/search/"' in html
    assert 'for="site-search-q"' in html and 'id="site-search-q" name="q"' in html
    # breadcrumbs: Home > News > current
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert re.search(
        r'href="/en/">Home</a>.*href="/en/news/">News</a>.*aria-current="page">Schools share', crumbs, re.S
    )
    assert "<footer" in html


def test_news_page_shows_every_field(client, site_content):
    news = site_content["news"]
    html = get_html(client, news.url)
    for text in (
        "Schools share what works",
        'datetime="2026-03-09"',
        "Maria Rossi",
        news.summary,
        'alt="Pupils measure the schoolyard with a tape"',
        "Twelve countries met in Lisbon.",
        "Primary education",
        "Lower secondary education",
        "Inclusion",
    ):
        assert text in html, text


def test_resource_page_shows_every_field(client, site_content):
    resource = site_content["resource"]
    html = get_html(client, resource.url)
    for text in (
        "Outdoor mathematics toolkit",
        "Toolkit",
        resource.summary,
        'alt="Pupils measure the schoolyard with a tape"',
        "Fractions under the trees.",
        "Teacher guide",
        "Worksheets",
        site_content["document"].url,
        "PDF, 2.0\xa0KB",
        "DOCX",
        'href="https://example.org/outdoor-maths"',
        'datetime="2025-11-20"',
        '<a href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license">CC BY-SA 4.0</a>',
        "School staff",
        "Primary education",
        "STEM",
    ):
        assert text in html, text


def test_resource_licence_without_url_is_plain_text(client, resource_index):
    resource = ResourcePageFactory(parent=resource_index, licence=Licence.ALL_RIGHTS_RESERVED)
    html = get_html(client, resource.url)
    assert "All rights reserved" in html
    assert 'rel="license"' not in html


def test_course_page_shows_every_field(client, site_content):
    html = get_html(client, site_content["course"].url)
    for text in (
        "Digital assessment",
        "Scheduled online",
        'datetime="2027-02-01"',
        'datetime="2027-03-15"',
        'datetime="2027-01-25"',
        "Enrolment open",
        "14 hours",
        "Yes, on completion",
        "Upper secondary education",
        "Assessment",
        "Feedback that moves learning forward.",
        "Why assess",
        "Purposes",
        "<p>M1</p>",
        "Tools",
        "Quizzes",
    ):
        assert text in html, text
    assert html.index("Why assess") < html.index("Tools")


def test_self_paced_course(client, site_content):
    html = get_html(client, site_content["self_paced"].url)
    assert "Self-paced" in html
    assert "Certificate" in html and ">No<" in html


def test_standard_page_renders_every_block(client, site_content):
    html = get_html(client, site_content["standard"].url)
    for text in (
        "Who runs the portal.",
        '<h2 class="block-heading">Why take learning outside</h2>',
        "<b>connect</b>",
        'alt="Children measuring a tree"',
        "The schoolyard became our classroom.",
        "A primary teacher",
        "Join the community",
        f'href="{site_content["news"].url}"',
        "Handouts",
        site_content["document"].url,
        "<summary>Who can use it?</summary>",
        "<caption>Schools taking part</caption>",
        '<th scope="col">Country</th>',
        "<td>Estonia</td>",
    ):
        assert text in html, text
    assert "w-block-" not in html  # blocks render without StreamField's wrapper divs


def test_home_page(client, site_content):
    html = get_html(client, site_content["home"].url)
    assert "Learn from each other, across Europe" in html
    assert "Practice, research and courses" in html
    assert re.search(r'<img[^>]*alt=""[^>]*class="hero__image"|<img[^>]*class="hero__image"[^>]*alt=""', html)
    for section in ("Featured", "Latest news", "New resources", "Upcoming courses"):
        assert section in html, section
    for link in ('href="/en/news/">All news', 'href="/en/resources/">All resources', 'href="/en/courses/">All courses'):
        assert link in html, link
    featured = html[html.index('id="featured-title"') : html.index('id="news-title"')]
    assert featured.index("Outdoor mathematics toolkit") < featured.index("Digital assessment")


@pytest.mark.parametrize("key", ["news_index", "resource_index", "course_index"])
def test_listing_pages_show_cards(client, site_content, key):
    index = site_content[key]
    html = get_html(client, index.url)
    assert f"Everything in {index.title.lower()}." in html
    assert 'class="result-count"' in html
    assert '<article class="card' in html
    assert re.search(r'<img[^>]*alt=""[^>]*class="card__image"', html)
    assert "Primary education" in html or "Upper secondary education" in html


def test_course_card_shows_start_date_or_self_paced(client, site_content):
    html = get_html(client, site_content["course_index"].url)
    assert "Starts" in html and "Self-paced" in html


def test_resource_card_shows_resource_type(client, site_content):
    html = get_html(client, site_content["resource_index"].url)
    assert '<p class="card__type">Toolkit</p>' in html


def test_pagination_keeps_other_parameters(client, news_index, settings):
    settings.PORTAL_PAGE_SIZE = 2
    for _ in range(5):
        NewsPageFactory(parent=news_index, levels=levels("primary"))
    html = get_html(client, news_index.url + "?level=primary&page=2&utm=x")
    pagination = re.search(r'<nav class="pagination" aria-label="Pagination">.*?</nav>', html, re.S).group(0)
    assert re.search(r'href="\?level=primary&amp;page=2&amp;utm=x" aria-current="page"', pagination)
    assert 'href="?level=primary&amp;page=1&amp;utm=x" rel="prev"' in pagination
    assert 'href="?level=primary&amp;page=3&amp;utm=x" rel="next"' in pagination
    assert re.search(r"<p[^>]*data-result-count[^>]*>\s*5 results\s*</p>", html)
    assert html.count('<article class="card card--news">') == 2


def test_card_rendition_is_the_prefetched_one():
    card = (Path(settings.BASE_DIR) / "portal/templates/components/card.html").read_text()
    assert re.findall(r"\{% image item\.main_image (\S+)", card) == [CARD_RENDITION]


def test_listing_and_home_queries_do_not_grow_with_items(client, site_content):
    image = site_content["image"]

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    urls = [site_content[key].url for key in ("home", "news_index", "resource_index", "course_index")]
    client.get(site_content["home"].url)  # warm caches (site root paths, renditions)
    before = {url: count(url) for url in urls}
    for _ in range(2):
        NewsPageFactory(parent=site_content["news_index"], main_image=image, levels=levels("primary"))
        ResourcePageFactory(parent=site_content["resource_index"], main_image=image, topics=topics("stem"))
        CoursePageFactory(parent=site_content["course_index"], main_image=image, levels=levels("ivet"))
    for url in urls:
        count(url)  # renditions of the new pages already exist; warm once anyway
    after = {url: count(url) for url in urls}
    assert after == before


def test_search_results_and_messages(client, site_content):
    html = get_html(client, "/en/search/?q=toolkit")
    assert re.search(r"<p[^>]*data-result-count[^>]*>\s*\d+ results?\s*</p>", html)
    assert "<title>Search results for “toolkit”" in html
    assert "Outdoor mathematics toolkit" in html
    assert 'name="q" value="toolkit"' in html
    html = get_html(client, "/en/search/?q=zzzznothing")
    assert re.search(r"<p[^>]*data-result-count[^>]*>\s*0 results\s*</p>", html)
    assert "No results for “zzzznothing”." in html
    assert '<article class="card' not in html
    html = get_html(client, "/en/search/?q=" + "x" * 201, status=400)
    assert 'role="alert"' in html and "Your search is too long" in html
    assert '<article class="card' not in html
    html = get_html(client, "/en/search/")
    assert "Search results for" not in html and 'role="alert"' not in html


def test_404_uses_the_base_layout(client, home_page):
    html = get_html(client, "/en/this-page-does-not-exist/", status=404)
    assert "Page not found" in html
    assert 'class="site-header"' in html and "<footer" in html


def test_500_renders_without_context_or_database():
    html = get_template("500.html").render()
    assert_clean_html(html, "500.html")
    assert "Something went wrong" in html


@pytest.mark.parametrize("path", [p for d in TEMPLATE_DIRS if d.exists() for p in sorted(d.rglob("*.html"))], ids=str)
def test_template_sources_are_csp_ready(path):
    source = path.read_text()
    assert not INLINE_SCRIPT.search(source), path
    assert not STYLE_ATTRIBUTE.search(source), path
    assert not EVENT_HANDLER.search(source), path
    assert "wagtail_userbar" not in source, path
