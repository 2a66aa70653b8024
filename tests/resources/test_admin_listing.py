"""The admin's flat listing of resources, filtered by level, topic and type. (Its query count grows by two
per row: wagtail-localize's "Translate" buttons look up each page's translations; see the README notes.)"""

from django.urls import reverse

import pytest

from portal.models import EducationalLevel, ResourceType, Topic
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from tests.fixtures import make_superuser

pytestmark = pytest.mark.django_db


@pytest.fixture
def resources(home_page):
    index = ResourceIndexPageFactory(parent=home_page, slug="resources")
    level = EducationalLevel.objects.get
    topic = Topic.objects.get
    kind = ResourceType.objects.get
    return {
        "pond": ResourcePageFactory(
            parent=index,
            title="Pond dipping guide",
            levels=[level(code="primary")],
            topics=[topic(code="stem")],
            resource_type=kind(code="toolkit"),
        ),
        "debate": ResourcePageFactory(
            parent=index,
            title="Classroom debate toolkit",
            levels=[level(code="upper-secondary")],
            topics=[topic(code="citizenship")],
            resource_type=kind(code="toolkit"),
        ),
        "video": ResourcePageFactory(
            parent=index,
            title="Coding in primary: a video",
            levels=[level(code="primary")],
            topics=[topic(code="digital-competence")],
            resource_type=kind(code="video"),
        ),
    }


def listed(client, **params):
    response = client.get(reverse("resource_listing:index"), params)
    assert response.status_code == 200
    return {page.title for page in response.context["object_list"]}


def test_resources_listing_filters_by_level_topic_and_type(client, resources):
    client.force_login(make_superuser())
    assert listed(client) == {"Pond dipping guide", "Classroom debate toolkit", "Coding in primary: a video"}
    assert listed(client, levels="primary") == {"Pond dipping guide", "Coding in primary: a video"}
    assert listed(client, levels="primary", resource_type="toolkit") == {"Pond dipping guide"}
    assert listed(client, topics="citizenship") == {"Classroom debate toolkit"}
    # a code that does not exist is a form error, not a 500
    response = client.get(reverse("resource_listing:index"), {"levels": "university"})
    assert response.status_code == 200
