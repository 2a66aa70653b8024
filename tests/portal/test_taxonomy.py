"""The reference vocabularies: what the data migration seeds, how terms print, and their admin screens."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

import pytest

from portal import taxonomy
from portal.models import Audience, EducationalLevel, ResourceType, Topic
from tests.fixtures import make_superuser

pytestmark = pytest.mark.django_db

VOCABULARIES = [
    (EducationalLevel, taxonomy.EDUCATIONAL_LEVELS),
    (Topic, taxonomy.TOPICS),
    (ResourceType, taxonomy.RESOURCE_TYPES),
    (Audience, taxonomy.AUDIENCES),
]


def test_levels_are_seeded_in_educational_order():
    codes = list(EducationalLevel.objects.values_list("code", flat=True))
    assert codes == ["ecec", "primary", "lower-secondary", "upper-secondary", "ivet"]
    sort_orders = list(EducationalLevel.objects.values_list("sort_order", flat=True))
    assert sort_orders == sorted(sort_orders)
    assert len(set(sort_orders)) == 5, "every level needs its own sort_order"


def test_levels_carry_their_isced_level():
    isced = dict(EducationalLevel.objects.values_list("code", "isced"))
    assert isced["ecec"] == "0"
    assert isced["primary"] == "1"
    assert isced["ivet"] == "3-4"


@pytest.mark.parametrize(
    ("model", "expected_count"), [(EducationalLevel, 5), (Topic, 43), (ResourceType, 8), (Audience, 7)]
)
def test_vocabulary_sizes(model, expected_count):
    assert model.objects.count() == expected_count


@pytest.mark.parametrize(("model", "rows"), VOCABULARIES, ids=lambda v: getattr(v, "__name__", ""))
def test_seeded_terms_match_the_reference_lists_in_order(model, rows):
    seeded = list(model.objects.values_list("code", "label"))
    assert seeded == [(code, label) for code, label, *_ in rows]


@pytest.mark.parametrize("model", [m for m, _ in VOCABULARIES], ids=lambda m: m.__name__)
def test_codes_are_unique_and_slugs(model):
    codes = list(model.objects.values_list("code", flat=True))
    assert len(codes) == len(set(codes))
    assert all(code == code.lower() and " " not in code for code in codes)
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(code=codes[0], label="A duplicate")


def test_display_label_and_str_use_the_label():
    level = EducationalLevel.objects.get(code="primary")
    assert level.display_label == "Primary education"
    assert str(level) == "Primary education"


def test_display_label_falls_back_to_the_code():
    topic = Topic(code="outdoor-learning", label="")
    assert topic.display_label == "outdoor-learning"
    assert str(topic) == "outdoor-learning"


def test_display_label_follows_the_active_language():
    """Labels go through the interface catalogues; Django's own French catalogue translates "January"."""
    term = Topic(code="january", label="January")
    with translation.override("fr"):
        assert term.display_label == "janvier"
        assert str(term) == "janvier"
    with translation.override("en"):
        assert term.display_label == "January"


def test_new_terms_sort_by_sort_order_then_code():
    Topic.objects.create(code="aaa-first", label="First", sort_order=0)
    Topic.objects.create(code="zzz-last", label="Last", sort_order=32_000)  # PositiveSmallIntegerField: < 32768
    codes = list(Topic.objects.values_list("code", flat=True))
    assert codes[0] == "aaa-first"
    assert codes[-1] == "zzz-last"


# --- the Taxonomy snippets in the admin -------------------------------------------------------------------


@pytest.fixture
def admin_user_client(client):
    client.force_login(make_superuser())
    return client


def snippet_url(model, action="list", *args):
    return reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{action}", args=args)


def test_level_listing_shows_levels_in_educational_order(admin_user_client):
    response = admin_user_client.get(snippet_url(EducationalLevel))
    assert response.status_code == 200
    html = response.content.decode()
    labels = [label for _, label, _ in taxonomy.EDUCATIONAL_LEVELS]
    positions = [html.find(label) for label in labels]
    assert all(position > 0 for position in positions), positions
    assert positions == sorted(positions)


@pytest.mark.parametrize("model", [m for m, _ in VOCABULARIES], ids=lambda m: m.__name__)
def test_every_vocabulary_has_an_admin_listing(admin_user_client, model):
    response = admin_user_client.get(snippet_url(model))
    assert response.status_code == 200
    first = model.objects.first()
    assert first.label in response.content.decode()


def test_taxonomy_listing_needs_a_login(client):
    response = client.get(snippet_url(Topic))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("query", ["inclusion", "Inclus", "stem"])
def test_topic_search_in_the_admin_finds_seeded_topics(admin_user_client, query):
    """Editors search the 43 topics by label or code. The seeded topics must be findable (no 500, no empty list)."""
    response = admin_user_client.get(snippet_url(Topic), {"q": query})
    assert response.status_code == 200
    listed = list(response.context["object_list"])
    assert listed, f"searching topics for {query!r} found nothing"
    assert all(query.lower() in (t.label + " " + t.code).lower() for t in listed)
    assert Topic.objects.get(code="media-literacy") not in listed


def test_topic_search_finds_a_topic_added_in_the_admin(admin_user_client):
    Topic.objects.create(code="outdoor-learning", label="Outdoor learning", sort_order=999)
    response = admin_user_client.get(snippet_url(Topic), {"q": "outdoor"})
    assert response.status_code == 200
    assert [t.code for t in response.context["object_list"]] == ["outdoor-learning"]


def test_editing_a_label_in_the_admin(admin_user_client):
    topic = Topic.objects.get(code="stem")
    url = snippet_url(Topic, "edit", topic.pk)
    assert admin_user_client.get(url).status_code == 200
    response = admin_user_client.post(
        url, {"label": "Science, technology, engineering and mathematics", "code": "stem", "sort_order": "360"}
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.label == "Science, technology, engineering and mathematics"
    assert topic.code == "stem"
    assert topic.sort_order == 360


def test_editing_a_level_cannot_steal_another_code(admin_user_client):
    level = EducationalLevel.objects.get(code="primary")
    response = admin_user_client.post(
        snippet_url(EducationalLevel, "edit", level.pk),
        {"label": "Primary", "code": "ecec", "sort_order": "20", "isced": "1"},
    )
    assert response.status_code == 200
    assert "code" in response.context["form"].errors
    level.refresh_from_db()
    assert (level.code, level.label) == ("primary", "Primary education")
