"""Section index pages (news, resources, courses): the same faceted search, fixed to their own type."""

import json
from collections import Counter
from urllib.parse import parse_qsl

from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from news.factories import NewsPageFactory
from portal.models import EducationalLevel, ResourceType, Topic
from resources.factories import ResourcePageFactory
from search.forms import MAX_QUERY_LENGTH, MAX_VALUES_PER_FACET
from tests.fixtures import soup
from tests.search.catalogue import COURSES, NEWS, RESOURCES

LEVEL_ORDER = ["ecec", "primary", "lower-secondary", "upper-secondary", "ivet"]
INDEXES = {"news": "news_index", "resource": "resource_index", "course": "course_index"}
LISTING_FACETS = {
    "news": ["level", "topic", "language"],
    "resource": ["level", "topic", "resource_type", "language"],
    "course": ["level", "topic", "language"],
}
LEGENDS = {
    "level": "Educational level",
    "topic": "Topic",
    "resource_type": "Resource type",
    "language": "Language",
}


def items_of(kind):
    """(key, title, levels, topics, resource type, date) of the catalogue items of one type."""
    if kind == "news":
        return [(k, t, lv, tp, None, d) for k, t, lv, tp, d, _s in NEWS]
    if kind == "resource":
        return [(k, t, lv, tp, rt, d) for k, t, lv, tp, rt, d, _s in RESOURCES]
    return [(k, t, lv, tp, None, d) for k, t, lv, tp, _f, d, _s in COURSES]


def newest_first(items):
    dated = sorted((i for i in items if i[5]), key=lambda i: i[5], reverse=True)
    return [i[1] for i in dated] + [i[1] for i in items if not i[5]]


@pytest.fixture
def pages(catalogue, db):
    return catalogue


def listing(client, pages, kind, status=200, **params):
    response = client.get(pages[INDEXES[kind]].url, params)
    assert response.status_code == status, response.content[:1000]
    return response


def listing_json(client, pages, kind, status=200, **params):
    response = listing(client, pages, kind, status=status, format="json", **params)
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def card_titles(html):
    return [link.get_text(strip=True) for link in soup(html).select("article.card .card__link")]


def facet_values(html, name):
    page = soup(html)
    return [
        (
            box["value"],
            int(page.select_one(f'label[for="{box["id"]}"] .facet__count').get_text()),
            box.has_attr("checked"),
        )
        for box in page.select(f'input[type=checkbox][name="{name}"]')
    ]


@pytest.mark.parametrize("kind", ["news", "resource", "course"])
def test_index_page_lists_its_own_items_newest_first_with_its_facets(client, pages, kind):
    html = listing(client, pages, kind).content.decode()
    page = soup(html)
    assert card_titles(html) == newest_first(items_of(kind))
    form = page.select_one("form#faceted-form")
    assert form["method"] == "get" and form["action"] == pages[INDEXES[kind]].url
    legends = [legend.get_text(strip=True) for legend in page.select("fieldset.facet legend")]
    assert legends == [LEGENDS[name] for name in LISTING_FACETS[kind]]
    assert not page.select('input[name="type"]')  # the type is fixed, not a facet
    levels = Counter(code for item in items_of(kind) for code in item[2])
    assert [(code, count) for code, count, _s in facet_values(html, "level")] == [
        (code, levels[code]) for code in LEVEL_ORDER
    ]
    languages = facet_values(html, "language")
    assert languages[0] == ("en", len(items_of(kind)), False)
    others = {code for code, _name in django_settings.LANGUAGES} - {"en"}
    assert {code for code, count, _s in languages[1:] if count == 0} == others


@pytest.mark.parametrize("kind", ["news", "resource", "course"])
def test_index_page_json_has_only_its_facets(client, pages, kind):
    data = listing_json(client, pages, kind)
    assert data["total"] == len(items_of(kind))
    assert list(data["facets"]) == LISTING_FACETS[kind]
    assert [r["title"] for r in data["results"]] == newest_first(items_of(kind))
    assert {r["type"] for r in data["results"]} == {kind}
    assert all(r["url"].startswith(pages[INDEXES[kind]].url) for r in data["results"])


def test_resources_filtered_by_level_and_topic(client, pages):
    html = listing(client, pages, "resource", level="primary", topic="stem").content.decode()
    expected = [i for i in items_of("resource") if "primary" in i[2] and "stem" in i[3]]
    assert card_titles(html) == newest_first(expected) == ["Outdoor mathematics toolkit"]
    # disjunctive counts: the level group shows what each level would give with topic=stem
    stem = [i for i in items_of("resource") if "stem" in i[3]]
    stem_levels = Counter(code for i in stem for code in i[2])
    assert {c: n for c, n, _s in facet_values(html, "level")} == {code: stem_levels[code] for code in LEVEL_ORDER}
    assert [c for c, _n, checked in facet_values(html, "level") if checked] == ["primary"]
    assert [c for c, _n, checked in facet_values(html, "topic") if checked] == ["stem"]
    # every topic and resource type is listed, zero or not
    assert len(facet_values(html, "topic")) == Topic.objects.count()
    rtypes = {c: n for c, n, _s in facet_values(html, "resource_type")}
    assert set(rtypes) == set(ResourceType.objects.values_list("code", flat=True))
    primary = Counter(i[4] for i in items_of("resource") if "primary" in i[2] and "stem" in i[3])
    assert rtypes == {code: primary[code] for code in rtypes}


def test_resource_type_facet_filters_resources(client, pages):
    data = listing_json(client, pages, "resource", resource_type=["research-report", "practice"])
    assert sorted(r["title"] for r in data["results"]) == sorted(
        i[1] for i in items_of("resource") if i[4] in {"research-report", "practice"}
    )
    assert {v["code"] for v in data["facets"]["resource_type"] if v["selected"]} == {"practice", "research-report"}
    # counts ignore the resource type's own selection
    assert {v["code"]: v["count"] for v in data["facets"]["resource_type"] if v["count"]} == dict(
        Counter(i[4] for i in items_of("resource"))
    )


def test_resource_type_parameter_means_nothing_outside_resources(client, pages):
    plain = listing_json(client, pages, "news")
    assert listing_json(client, pages, "news", resource_type="toolkit") == plain
    html = listing(client, pages, "news", resource_type="toolkit").content.decode()
    assert not soup(html).select('input[name="resource_type"]')
    assert not soup(html).select("a.chip:not(.chip--clear)")


def test_type_parameter_cannot_widen_a_listing(client, pages):
    data = listing_json(client, pages, "resource", type=["news", "course"])
    assert data["total"] == len(items_of("resource"))
    assert {r["type"] for r in data["results"]} == {"resource"}
    assert "type" not in data["facets"]


def test_text_search_inside_a_listing(client, pages):
    data = listing_json(client, pages, "resource", q="mathematics", sort="title")
    expected = [
        i[1] for i in items_of("resource") if "mathematics" in (i[1] + {k: s for k, *_r, s in RESOURCES}[i[0]]).lower()
    ]
    assert [r["title"] for r in data["results"]] == sorted(expected, key=str.casefold)
    assert all("<mark>" in r["snippet"] for r in data["results"])
    html = listing(client, pages, "resource", q="mathematics").content.decode()
    assert soup(html).select_one('input[name="q"]')["value"] == "mathematics"
    assert soup(html).select_one("[data-result-count]").get_text(strip=True) == f"{len(expected)} results"


def test_accept_header_and_vary_on_listings(client, pages):
    url = pages["resource_index"].url
    as_json = client.get(url, {"level": "primary"}, HTTP_ACCEPT="application/json")
    assert as_json["Content-Type"].startswith("application/json")
    assert json.loads(as_json.content) == listing_json(client, pages, "resource", level="primary")
    as_html = client.get(url, {"level": "primary"}, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert as_html["Content-Type"].startswith("text/html")
    # one URL, two representations: caches must key on Accept
    for response in (as_json, as_html):
        assert "accept" in response.get("Vary", "").lower()


def test_chips_on_a_listing_stay_on_the_listing(client, pages):
    html = listing(client, pages, "course", q="inclusive", level=["primary", "ecec"], topic="inclusion").content
    page = soup(html.decode())
    found = {a.select_one("[aria-hidden]").get_text(strip=True): a["href"] for a in page.select("a.chip")[:-1]}
    assert set(found) == {"Primary education ✕", "Early childhood education and care ✕", "Inclusion ✕"}
    assert sorted(parse_qsl(found["Inclusion ✕"][1:])) == sorted(
        [("q", "inclusive"), ("level", "primary"), ("level", "ecec")]
    )
    assert page.select_one("a.chip--clear")["href"] == "?q=inclusive"
    followed = client.get(pages["course_index"].url + found["Inclusion ✕"])
    assert followed.status_code == 200
    assert card_titles(followed.content.decode()) == ["Inclusive classrooms for newcomers"]


def test_language_facet_on_a_listing(client, pages, settings):
    settings.LANGUAGES = [("en", "English"), ("fr", "French")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    french = Locale.objects.get_or_create(language_code="fr")[0]
    french_index = pages["resource_index"].copy_for_translation(french, copy_parents=True)
    french_index.save_revision().publish()
    ResourcePageFactory(parent=french_index, title="Jeux mathématiques", slug="jeux", summary="Des jeux en classe.")
    translated = pages["r1"].copy_for_translation(french)
    translated.title = "Boîte à outils de mathématiques en plein air"
    translated.save_revision().publish()

    english = listing_json(client, pages, "resource")
    assert {v["code"]: v["count"] for v in english["facets"]["language"]} == {"en": 4, "fr": 1}
    assert english["total"] == 5
    only_french = listing_json(client, pages, "resource", language="fr")
    assert [(r["title"], r["language"]) for r in only_french["results"]] == [("Jeux mathématiques", "fr")]
    html = listing(client, pages, "resource", language="fr").content.decode()
    badge = soup(html).select_one("article.card .badge--language")
    assert badge is not None and badge["lang"] == "fr"

    in_french = json.loads(client.get(french_index.url, {"format": "json"}).content)
    titles = [r["title"] for r in in_french["results"]]
    assert "Boîte à outils de mathématiques en plein air" in titles and "Outdoor mathematics toolkit" not in titles
    assert {v["code"]: v["count"] for v in in_french["facets"]["language"]} == {"en": 3, "fr": 2}
    assert {v["code"]: v["label"] for v in in_french["facets"]["language"]} == {"en": "Anglais", "fr": "Français"}


# --- bad input ---------------------------------------------------------------------------------------------------


def test_unknown_codes_are_ignored_on_listings(client, pages):
    clean = listing_json(client, pages, "news", level="primary")
    assert listing_json(client, pages, "news", level=["primary", "bogus"], topic="<b>", language="xx") == clean
    assert clean["total"] == 2


def test_too_many_values_on_a_listing_is_a_400(client, pages):
    too_many = [f"level-{n}" for n in range(MAX_VALUES_PER_FACET + 1)]
    data = listing_json(client, pages, "resource", status=400, q="maths", level=too_many)
    assert set(data) == {"error", "errors"} and list(data["errors"]) == ["level"]
    assert str(MAX_VALUES_PER_FACET) in data["error"]
    page = soup(listing(client, pages, "resource", status=400, q="maths", level=too_many).content.decode())
    assert str(MAX_VALUES_PER_FACET) in page.select_one('[role="alert"]').get_text()
    assert page.select_one('input[name="q"]')["value"] == "maths"
    assert not page.select("article.card")
    assert page.select_one("h1").get_text(strip=True) == "Resources"  # still the section page


def test_too_long_query_on_a_listing_is_a_400(client, pages):
    long_query = "<script>alert(1)</script>" + "x" * MAX_QUERY_LENGTH
    data = listing_json(client, pages, "news", status=400, q=long_query)
    assert list(data["errors"]) == ["q"] and "too long" in data["error"]
    html = listing(client, pages, "news", status=400, q=long_query).content.decode()
    assert "<script>alert" not in html
    assert soup(html).select_one('input[name="q"]')["value"] == long_query


def test_paging_on_listings(client, pages, settings):
    settings.PORTAL_PAGE_SIZE = 3
    html = listing(client, pages, "resource", page="2", topic="stem").content.decode()
    stem = newest_first([i for i in items_of("resource") if "stem" in i[3]])
    assert len(stem) == 2  # a single page, so page 2 is clamped to it
    assert card_titles(html) == stem
    beyond = listing(client, pages, "resource", page="9").content.decode()
    assert card_titles(beyond) == newest_first(items_of("resource"))[3:]
    next_link = soup(listing(client, pages, "resource", q="", level="ecec", sort="title").content.decode())
    assert next_link.select_one("nav.pagination") is None
    first = soup(listing(client, pages, "resource", sort="title").content.decode())
    assert sorted(parse_qsl(first.select_one('nav.pagination a[rel="next"]')["href"][1:])) == [
        ("page", "2"),
        ("sort", "title"),
    ]
    for raw in ("abc", "2.0", "1e2"):
        assert client.get(pages["resource_index"].url, {"page": raw}).status_code == 404
        assert client.get(pages["resource_index"].url, {"page": raw, "format": "json"}).status_code == 404


def test_unknown_sort_on_a_listing_is_the_default(client, pages):
    assert listing_json(client, pages, "course", sort="price") == listing_json(client, pages, "course")
    assert [r["title"] for r in listing_json(client, pages, "course", sort="title")["results"]] == sorted(
        (i[1] for i in items_of("course")), key=str.casefold
    )


def test_listing_queries_do_not_grow_with_items(client, pages, django_assert_max_num_queries):
    url = pages["news_index"].url

    def count():
        client.get(url, {"level": "primary"})
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, {"level": "primary"})
        assert response.status_code == 200
        return len(queries), len(soup(response.content.decode()).select("article.card"))

    primary = list(EducationalLevel.objects.filter(code="primary"))
    few = count()
    for n in range(10):
        NewsPageFactory(parent=pages["news_index"], title=f"More news {n}", levels=primary)
    many = count()
    assert (few[1], many[1]) == (2, 12)
    assert few[0] == many[0]
    with django_assert_max_num_queries(24):  # the language switcher and hreflang links take 2-3
        client.get(url, {"level": "primary", "q": "news"})
