from wagtail.models import Page

import pytest

from courses.factories import CourseIndexPageFactory
from home.models import HomePage
from news.factories import NewsIndexPageFactory
from resources.factories import ResourceIndexPageFactory
from tests.services import services_required

SERVICE_MARKERS = {"e2e", "postgres", "opensearch"}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under PORTAL_REQUIRE_SERVICES=1 a service-marked test must not skip, however it skips."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and services_required() and SERVICE_MARKERS & {m.name for m in item.iter_markers()}:
        report.outcome = "failed"
        report.longrepr = f"skipped although PORTAL_REQUIRE_SERVICES=1: {report.longrepr}"


@pytest.fixture
def home_page(db):
    """The English home page created by the home app's data migration."""
    return HomePage.objects.get(depth=2, locale__language_code="en")


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def resource_index(home_page):
    return ResourceIndexPageFactory(parent=home_page)


@pytest.fixture
def course_index(home_page):
    return CourseIndexPageFactory(parent=home_page)


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()
