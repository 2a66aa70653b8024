"""The site search at /<lang>/search/: HTML and JSON from one URL, facets, chips, paging, bad input."""

import json
import uuid
from collections import Counter
from urllib.parse import parse_qsl, urlsplit

from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale

import pytest

from news.factories import NewsPageFactory
from portal.models import EducationalLevel, ResourceType, Topic
from resources.factories import ResourcePageFactory
from resources.models import ResourcePage
from search import indexing
from search.engines import registry
from search.forms import MAX_QUERY_LENGTH, MAX_VALUES_PER_FACET
from tests.fixtures import make_image, soup
from tests.search.catalogue import COURSES, NEWS, RESOURCES
from tests.search.conftest import TEST_SEARCH_URL, external_backend, reachable, reindex
from tests.services import service_missing

SEARCH_URL = "/en/search/"
LEVEL_ORDER = ["ecec", "primary", "lower-secondary", "upper-secondary", "ivet"]
FACET_NAMES = ["type", "level", "topic", "resource_type", "language"]
RESULT_KEYS = {
    "title",
    "url",
    "summary",
    "snippet",
    "type",
    "levels",
    "topics",
    "resource_type",
    "language",
    "date",
}


# --- the catalogue, described from its own data (not from the code under test) -----------------------------


def catalogue_items():
    """(key, title, type, levels, topics, resource type, date) of the nine catalogue items."""
    items = [(k, t, "news", lv, tp, None, d) for k, t, lv, tp, d, _s in NEWS]
    items += [(k, t, "resource", lv, tp, rt, d) for k, t, lv, tp, rt, d, _s in RESOURCES]
    items += [(k, t, "course", lv, tp, None, d) for k, t, lv, tp, _f, d, _s in COURSES]
    return items


def expected_counts(items):
    counts = {name: Counter() for name in FACET_NAMES}
    for _key, _title, kind, levels, topics, rtype, _date in items:
        counts["type"][kind] += 1
        counts["level"].update(levels)
        counts["topic"].update(topics)
        if rtype:
            counts["resource_type"][rtype] += 1
        counts["language"]["en"] += 1
    return counts


def newest_first(items):
    dated = sorted((i for i in items if i[6]), key=lambda i: i[6], reverse=True)
    return [i[1] for i in dated] + [i[1] for i in items if not i[6]]


# --- module data: the catalogue is built once and rolled back at the end ---------------------------------------


@pytest.fixture
def pages(catalogue, db):
    return catalogue


@pytest.fixture(scope="module")
def opensearch_alias(catalogue, django_db_blocker):
    """The catalogue in a throwaway OpenSearch alias, built once for the module (None without a server)."""
    alias = f"portal-test-{uuid.uuid4().hex[:10]}"
    backend = external_backend(alias)
    if not reachable(backend):
        yield None
        return
    with django_db_blocker.unblock():
        reindex(backend)
    yield alias
    for name in backend.current_indices():
        backend.client.indices.delete(index=name)


@pytest.fixture(params=["database", pytest.param("opensearch", marks=pytest.mark.opensearch)])
def engine_name(request, pages, settings):
    """Run the view against each engine; the OpenSearch one holds the same catalogue."""
    if request.param == "opensearch":
        alias = request.getfixturevalue("opensearch_alias")
        if alias is None:
            service_missing(f"no search engine answers at {TEST_SEARCH_URL} (run `make opensearch`)")
        settings.PORTAL_SEARCH_URL = TEST_SEARCH_URL
        settings.PORTAL_SEARCH_INDEX = alias
        settings.PORTAL_SEARCH_TIMEOUT = 10
    registry._engine_for.cache_clear()
    yield request.param
    registry._engine_for.cache_clear()


def get(client, status=200, **params):
    response = client.get(SEARCH_URL, params)
    assert response.status_code == status, response.content[:2000]
    return response


def get_json(client, status=200, **params):
    response = get(client, status=status, format="json", **params)
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def card_titles(html):
    return [link.get_text(strip=True) for link in soup(html).select("article.card .card__link")]


def facet_values(html, name):
    """[(code, count, checked)] of one facet group as rendered, in page order."""
    out = []
    for box in soup(html).select(f'input[type=checkbox][name="{name}"]'):
        label = soup(html).select_one(f'label[for="{box["id"]}"]')
        out.append((box["value"], int(label.select_one(".facet__count").get_text()), box.has_attr("checked")))
    return out


def json_counts(data, name):
    return {value["code"]: value["count"] for value in data["facets"][name]}


# --- HTML ------------------------------------------------------------------------------------------------------


def test_search_url_is_language_prefixed():
    assert reverse("search") == SEARCH_URL


def test_page_without_query_lists_everything_newest_first(client, pages):
    html = get(client).content.decode()
    page = soup(html)
    form = page.select_one("form#faceted-form")
    assert form["method"] == "get" and form["action"] == SEARCH_URL
    assert form.select_one('input[name="q"]')["value"] == ""
    assert page.select_one("[data-result-count]").get_text(strip=True) == "9 results"
    assert card_titles(html) == newest_first(catalogue_items())
    # without words there is nothing to rank by: "newest" is the chosen sort and "relevance" is not offered
    options = {o["value"]: o.has_attr("selected") for o in page.select('select[name="sort"] option')}
    assert options == {"newest": True, "oldest": False, "title": False}


def test_result_card_shows_title_snippet_type_levels_and_date(client, pages):
    html = get(client, q="anxiety").content.decode()
    page = soup(html)
    assert page.select_one("[data-result-count]").get_text(strip=True) == "1 result"
    (card,) = page.select("article.card")
    link = card.select_one(".card__link")
    assert link.get_text(strip=True) == "Mathematics anxiety in secondary school"
    assert link["href"] == pages["r2"].url
    snippet = card.select_one(".card__snippet")
    assert [mark.get_text() for mark in snippet.select("mark")] == ["anxiety"]
    assert card.select_one(".card__type").get_text(strip=True) == "Research report"
    assert [badge.get_text(strip=True) for badge in card.select(".card__badges .badge")] == [
        "Lower secondary education",
        "Upper secondary education",
    ]
    assert card.select_one("time")["datetime"] == "2024-09-15"
    assert not card.select(".badge--language")  # the visitor reads English, so no language badge
    # the query stays in the box, and "relevance" becomes the default sort
    assert page.select_one('input[name="q"]')["value"] == "anxiety"
    assert page.select_one('select[name="sort"] option[selected]')["value"] == "relevance"


def test_facet_groups_list_every_value_with_its_count(client, pages):
    html = get(client).content.decode()
    legends = [legend.get_text(strip=True) for legend in soup(html).select("fieldset.facet legend")]
    assert legends == ["Content type", "Educational level", "Topic", "Resource type", "Language"]
    expected = expected_counts(catalogue_items())
    # levels keep the educational order, whatever their counts
    assert [(code, count) for code, count, _checked in facet_values(html, "level")] == [
        (code, expected["level"][code]) for code in LEVEL_ORDER
    ]
    # every topic and resource type is there, zeros included, most frequent first
    topics = facet_values(html, "topic")
    assert {code for code, _c, _s in topics} == set(Topic.objects.values_list("code", flat=True))
    assert {code: count for code, count, _s in topics} == {
        code: expected["topic"][code] for code in Topic.objects.values_list("code", flat=True)
    }
    assert [count for _code, count, _s in topics] == sorted((count for _code, count, _s in topics), reverse=True)
    rtypes = facet_values(html, "resource_type")
    assert {code for code, _c, _s in rtypes} == set(ResourceType.objects.values_list("code", flat=True))
    assert {code: count for code, count, _s in rtypes}["video"] == 0
    types = facet_values(html, "type")
    assert [code for code, _c, _s in types] == ["resource", "news", "course"]  # 4, 3, 2
    languages = facet_values(html, "language")
    assert languages[0] == ("en", 9, False) and len(languages) == len(django_settings.LANGUAGES)
    assert all(count == 0 for _code, count, _s in languages[1:])
    assert not any(checked for name in FACET_NAMES for _code, _count, checked in facet_values(html, name))
    # values with nothing to show are marked as empty, and the rest of a long facet hides behind "n more"
    page = soup(html)
    assert page.select_one('label[for="facet-topic-arts"]')["class"] == ["facet__label", "facet__label--empty"]
    assert "facet__label--empty" not in page.select_one('label[for="facet-topic-stem"]')["class"]
    assert page.select_one("details.facet__more #facet-topic-arts") is not None
    assert page.select_one("details.facet__more #facet-topic-stem") is None


def test_facets_are_disjunctive_and_selected_values_ticked(client, pages):
    unfiltered = get(client).content.decode()
    html = get(client, level="primary").content.decode()
    assert soup(html).select_one("[data-result-count]").get_text(strip=True) == "4 results"
    # the level group ignores its own selection; the other groups apply it
    levels = facet_values(html, "level")
    assert [(c, n) for c, n, _s in levels] == [(c, n) for c, n, _s in facet_values(unfiltered, "level")]
    assert [code for code, _n, checked in levels if checked] == ["primary"]
    primary_items = [item for item in catalogue_items() if "primary" in item[3]]
    assert (
        {c: n for c, n, _s in facet_values(html, "type")}
        == {
            "news": 2,
            "resource": 1,
            "course": 1,
        }
        == dict(expected_counts(primary_items)["type"])
    )
    # ticking a second level adds as many results as its count promised
    ecec = {c: n for c, n, _s in levels}["ecec"]
    both = get(client, level=["primary", "ecec"]).content.decode()
    assert soup(both).select_one("[data-result-count]").get_text(strip=True) == f"{4 + ecec} results"


def chips(html):
    return [
        (chip.select_one("[aria-hidden]").get_text(strip=True), chip["href"])
        for chip in soup(html).select("a.chip:not(.chip--clear)")
    ]


def query_of(href):
    assert href.startswith("?")
    return sorted(parse_qsl(urlsplit(href).query))


def test_active_filters_are_removable_chips_and_clear_all_keeps_the_words(client, pages):
    html = get(client, q="mathematics", level=["primary", "lower-secondary"], topic="stem", sort="title").content
    html = html.decode()
    found = chips(html)
    assert [label for label, _href in found] == [
        "Primary education ✕",
        "Lower secondary education ✕",
        "STEM ✕",
    ]
    by_label = dict(found)
    assert query_of(by_label["Primary education ✕"]) == sorted(
        [("q", "mathematics"), ("level", "lower-secondary"), ("topic", "stem"), ("sort", "title")]
    )
    assert query_of(by_label["STEM ✕"]) == sorted(
        [("q", "mathematics"), ("level", "primary"), ("level", "lower-secondary"), ("sort", "title")]
    )
    clear = soup(html).select_one("a.chip--clear")
    assert clear.get_text(strip=True) == "Clear all"
    assert query_of(clear["href"]) == [("q", "mathematics"), ("sort", "title")]
    # following a chip gives the same answer as asking without that filter
    followed = client.get(SEARCH_URL + by_label["STEM ✕"]).content.decode()
    direct = get(client, q="mathematics", level=["primary", "lower-secondary"], sort="title").content.decode()
    assert card_titles(followed) == card_titles(direct) != []
    assert not chips(get(client, q="mathematics").content.decode())
    assert soup(get(client, q="mathematics").content.decode()).select_one("a.chip--clear") is None


def test_sorts_and_unknown_sort_falls_back_to_the_default(client, pages):
    titles = sorted(item[1] for item in catalogue_items())
    assert card_titles(get(client, sort="title").content.decode()) == sorted(titles, key=str.casefold)
    newest = newest_first(catalogue_items())
    assert card_titles(get(client, sort="bogus").content.decode()) == newest
    oldest = card_titles(get(client, sort="oldest").content.decode())
    undated = [item[1] for item in catalogue_items() if not item[6]]
    assert oldest == [t for t in reversed(newest) if t not in undated] + undated
    # with words, an unknown sort means relevance: the same order as asking for it
    relevance = card_titles(get(client, q="mathematics", sort="relevance").content.decode())
    assert card_titles(get(client, q="mathematics", sort="<b>x</b>").content.decode()) == relevance
    html = get(client, q="mathematics", sort="<b>x</b>").content.decode()
    assert "<b>x</b>" not in html and "&lt;b&gt;x" not in html


def test_pagination_keeps_the_query_and_clamps_to_the_last_page(client, pages, settings):
    settings.PORTAL_PAGE_SIZE = 4
    html = get(client, level=["primary", "lower-secondary", "ecec"], page="2").content.decode()
    matching = [i for i in catalogue_items() if {"primary", "lower-secondary", "ecec"} & set(i[3])]
    assert len(matching) == 7
    assert card_titles(html) == newest_first(matching)[4:8]
    nav = soup(html).select_one("nav.pagination")
    current = nav.select_one('[aria-current="page"]')
    assert current.get_text(strip=True).endswith("2")
    previous = nav.select_one('a[rel="prev"]')["href"]
    assert query_of(previous) == sorted(
        [("level", "primary"), ("level", "lower-secondary"), ("level", "ecec"), ("page", "1")]
    )
    # beyond the end: the last page, not an error
    beyond = get(client, page="99").content.decode()
    assert card_titles(beyond) == newest_first(catalogue_items())[8:]
    assert soup(beyond).select_one('nav.pagination [aria-current="page"]').get_text(strip=True).endswith("3")
    for low in ("0", "-4"):
        assert card_titles(get(client, page=low).content.decode()) == newest_first(catalogue_items())[:4]


@pytest.mark.parametrize("page", ["abc", "1.5", "2x", "1e3", "½"])
def test_page_that_is_not_a_whole_number_is_a_404(client, pages, page):
    assert client.get(SEARCH_URL, {"page": page}).status_code == 404
    assert client.get(SEARCH_URL, {"page": page, "format": "json"}).status_code == 404


def test_result_in_another_language_carries_a_language_badge(client, pages, settings):
    settings.LANGUAGES = [("en", "English"), ("fr", "French")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    french = Locale.objects.get_or_create(language_code="fr")[0]
    french_index = pages["news_index"].copy_for_translation(french, copy_parents=True)
    french_index.save_revision().publish()
    NewsPageFactory(parent=french_index, title="Une école en forêt", slug="foret", summary="Apprendre en forêt.")
    html = get(client, q="forêt").content.decode()
    (card,) = soup(html).select("article.card")
    badge = card.select_one(".badge--language")
    assert badge.get_text(strip=True) == "français" and badge["lang"] == "fr"
    # the same item seen from /fr/ is in the visitor's language: no badge
    html = client.get("/fr/search/", {"q": "forêt"}).content.decode()
    assert [c.select_one(".card__link").get_text(strip=True) for c in soup(html).select("article.card")] == [
        "Une école en forêt"
    ]
    assert not soup(html).select(".badge--language")


# --- JSON ------------------------------------------------------------------------------------------------------


def test_json_answer_shape(client, pages):
    data = get_json(client, q="anxiety")
    assert set(data) == {"total", "page", "pages", "results", "facets"}
    assert (data["total"], data["page"], data["pages"]) == (1, 1, 1)
    (result,) = data["results"]
    assert set(result) == RESULT_KEYS
    assert result["title"] == "Mathematics anxiety in secondary school"
    assert result["url"] == pages["r2"].url
    assert result["summary"] == pages["r2"].summary
    assert "<mark>anxiety</mark>" in result["snippet"]
    assert result["type"] == "resource"
    assert result["levels"] == ["lower-secondary", "upper-secondary"]
    assert sorted(result["topics"]) == ["stem", "well-being"]
    assert result["resource_type"] == "research-report"
    assert result["language"] == "en"
    assert result["date"] == "2024-09-15"
    assert list(data["facets"]) == FACET_NAMES
    for values in data["facets"].values():
        for value in values:
            assert set(value) == {"code", "label", "count", "selected"}
    levels = data["facets"]["level"]
    assert [v["code"] for v in levels] == LEVEL_ORDER
    assert levels[1]["label"] == "Primary education"
    labels = {v["code"]: v["label"] for v in data["facets"]["language"]}
    assert set(labels) == {code for code, _name in django_settings.LANGUAGES}
    assert (labels["en"], labels["fr"], labels["de"], labels["mt"]) == ("English", "French", "German", "Maltese")


def test_json_lists_every_value_even_at_zero_and_marks_the_selection(client, pages):
    data = get_json(client, level="ivet", topic=["sustainability", "nonsense"])
    assert data["total"] == 1 and data["results"][0]["title"] == "Vocational schools and green skills"
    assert len(data["facets"]["topic"]) == Topic.objects.count()
    assert len(data["facets"]["resource_type"]) == ResourceType.objects.count()
    assert len(data["facets"]["level"]) == EducationalLevel.objects.count()
    selected = {name: [v["code"] for v in values if v["selected"]] for name, values in data["facets"].items()}
    assert selected == {"type": [], "level": ["ivet"], "topic": ["sustainability"], "resource_type": [], "language": []}
    # disjunctive: the level counts are those of the topic selection alone
    ivet_items = [i for i in catalogue_items() if "sustainability" in i[4]]
    assert {c: n for c, n in json_counts(data, "level").items() if n} == dict(expected_counts(ivet_items)["level"])
    assert json_counts(data, "level")["primary"] == 0


def test_null_date_is_null_and_dates_are_iso(client, pages):
    data = get_json(client, type="course", sort="newest")
    assert [(r["title"], r["date"]) for r in data["results"]] == [
        ("Teaching mathematics with digital tools", "2027-02-01"),
        ("Inclusive classrooms for newcomers", None),
    ]


@pytest.mark.parametrize(
    "accept, is_json",
    [
        ("application/json", True),
        ("application/json, */*;q=0.1", True),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", False),
        ("text/html, application/json", False),
        ("*/*", False),
    ],
)
def test_accept_header_chooses_json(client, pages, accept, is_json):
    response = client.get(SEARCH_URL, {"q": "mathematics"}, HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json" if is_json else "text/html")
    assert "Accept" in response.get("Vary", "")
    if is_json:
        assert json.loads(response.content) == get_json(client, q="mathematics")


def test_json_labels_follow_the_request_language(client, pages, settings):
    settings.LANGUAGES = [("en", "English"), ("fr", "French")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    Locale.objects.get_or_create(language_code="fr")
    english = client.get(SEARCH_URL, {"format": "json"}).json()
    french = client.get("/fr/search/", {"format": "json"}).json()
    assert {v["code"]: v["label"] for v in english["facets"]["language"]} == {"en": "English", "fr": "French"}
    assert {v["code"]: v["label"] for v in french["facets"]["language"]} == {"en": "Anglais", "fr": "Français"}


def summaries():
    return {k: s for k, *_rest, s in NEWS + RESOURCES + COURSES}


def containing(text):
    """Catalogue items whose title or summary contains ``text`` (case-insensitive)."""
    return [i for i in catalogue_items() if text in (i[1] + " " + summaries()[i[0]]).lower()]


def test_the_view_answers_alike_from_every_engine(client, engine_name):
    everything = get_json(client)
    assert everything["total"] == 9
    assert [r["title"] for r in everything["results"]] == newest_first(catalogue_items())
    expected = expected_counts(catalogue_items())
    for name in FACET_NAMES:
        assert json_counts(everything, name) == {code: expected[name][code] for code in json_counts(everything, name)}

    words = get_json(client, q="mathematics", level=["primary", "upper-secondary"], sort="title")
    matching = [i for i in containing("mathematics") if {"primary", "upper-secondary"} & set(i[3])]
    assert [r["title"] for r in words["results"]] == sorted((i[1] for i in matching), key=str.casefold)
    assert all("<mark>" in r["snippet"] for r in words["results"])
    assert (
        json_counts(words, "type")
        == {
            "news": 1,
            "resource": 3,
            "course": 0,
        }
        == {k: expected_counts(matching)["type"][k] for k in ("news", "resource", "course")}
    )

    phrase = get_json(client, q='"outdoor mathematics"', sort="newest")
    assert [r["title"] for r in phrase["results"]] == newest_first(containing("outdoor mathematics"))

    html = get(client, q="mathematics", level=["primary", "upper-secondary"], sort="title").content.decode()
    assert card_titles(html) == [r["title"] for r in words["results"]]
    assert all(card.select("mark") for card in soup(html).select(".card__snippet"))


# --- bad input -------------------------------------------------------------------------------------------------


def test_unknown_codes_are_ignored(client, pages):
    clean = get_json(client, level="primary", type="news")
    noisy = get_json(
        client, level=["primary", "nonsense", "PRIMARY", ""], type=["news", "video"], topic="no-such-topic"
    )
    assert noisy == clean
    assert clean["total"] == 2
    html = get(client, level=["primary", "nonsense"], topic="no-such-topic").content.decode()
    assert [label for label, _href in chips(html)] == ["Primary education ✕"]
    assert "nonsense" not in html.replace("level=nonsense", "")


def test_the_maximum_number_of_values_is_accepted(client, pages):
    codes = LEVEL_ORDER + [f"unknown-{n}" for n in range(MAX_VALUES_PER_FACET - len(LEVEL_ORDER))]
    assert len(codes) == MAX_VALUES_PER_FACET
    assert get_json(client, level=codes)["total"] == 9


def test_too_many_values_for_one_facet_is_a_400(client, pages):
    too_many = [f"topic-{n}" for n in range(MAX_VALUES_PER_FACET + 1)]
    data = get_json(client, status=400, q="mathematics", topic=too_many)
    assert set(data) == {"error", "errors"}
    assert str(MAX_VALUES_PER_FACET) in data["error"] and "Topic" in data["error"]
    assert list(data["errors"]) == ["topic"]
    assert data["errors"]["topic"][0]["code"] == "too_many_values"

    response = get(client, status=400, q="mathematics", topic=too_many)
    page = soup(response.content.decode())
    alert = page.select_one('[role="alert"]')
    assert str(MAX_VALUES_PER_FACET) in alert.get_text()
    assert page.select_one('input[name="q"]')["value"] == "mathematics"  # the words stay in the box
    assert not page.select("article.card") and page.select_one("[data-result-count]") is None


def test_query_of_the_maximum_length_is_accepted(client, pages):
    assert get_json(client, q="mathematics " + "a" * (MAX_QUERY_LENGTH - len("mathematics ")))["total"] == 0
    assert get_json(client, q="  mathematics  ")["total"] == 5


def test_too_long_query_is_a_400_with_a_clear_message(client, pages):
    long_query = "mathematics " + "a" * MAX_QUERY_LENGTH
    data = get_json(client, status=400, q=long_query)
    assert "too long" in data["error"] and str(MAX_QUERY_LENGTH) in data["error"]
    assert list(data["errors"]) == ["q"]

    page = soup(get(client, status=400, q=long_query, level="primary").content.decode())
    alert = page.select_one('[role="alert"]')
    assert "too long" in alert.get_text() and str(MAX_QUERY_LENGTH) in alert.get_text()
    assert page.select_one('input[name="q"]')["value"] == long_query
    assert not page.select("article.card")


def test_markup_in_the_query_is_never_reflected(client, pages):
    payload = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    for status, query in ((200, payload), (400, payload + "x" * MAX_QUERY_LENGTH)):
        response = client.get(
            SEARCH_URL,
            {"q": query, "level": ["primary", payload], "sort": payload, "page": "1", payload: payload},
        )
        assert response.status_code == status
        html = response.content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert soup(html).select_one('input[name="q"]')["value"] == query  # kept, but escaped
    # the JSON answer is JSON, not HTML: nothing there is rendered as markup
    response = client.get(SEARCH_URL, {"q": payload, "format": "json"})
    assert response["Content-Type"].startswith("application/json")


def test_chip_and_pagination_links_encode_foreign_parameters(client, pages, settings):
    settings.PORTAL_PAGE_SIZE = 2
    hostile = '"><b>x</b>'
    html = client.get(SEARCH_URL, {"level": "primary", "utm": hostile}).content.decode()
    assert "<b>x</b>" not in html
    (chip,) = chips(html)
    assert query_of(chip[1]) == [("utm", hostile)]
    next_url = soup(html).select_one('nav.pagination a[rel="next"]')["href"]
    assert ("utm", hostile) in query_of(next_url) and ("level", "primary") in query_of(next_url)


def test_content_markup_is_escaped_in_cards_and_snippets(client, pages, engine_name):
    page = NewsPageFactory(
        parent=pages["news_index"],
        title="Kaleidoscope <script>alert(1)</script> & friends",
        summary='Kaleidoscope <img src=x onerror="alert(1)"> lessons for <b>everyone</b>.',
    )
    indexing.index_pages([page])  # on-commit hooks never run inside the test's transaction
    engine = registry.get_external_engine()
    if engine is not None:
        engine.refresh()
    try:
        html = get(client, q="kaleidoscope").content.decode()
        data = get_json(client, q="kaleidoscope")
    finally:
        if engine is not None:
            engine.delete_documents([page.pk])
            engine.refresh()
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>everyone" not in html
    (card,) = soup(html).select("article.card")
    assert card.select_one(".card__link").get_text() == "Kaleidoscope <script>alert(1)</script> & friends"
    snippet = card.select_one(".card__snippet")
    assert [mark.get_text() for mark in snippet.select("mark")] == ["Kaleidoscope"]
    (result,) = data["results"]
    assert result["title"] == page.title
    assert "<img" not in result["snippet"] and "<b>" not in result["snippet"]
    assert "<mark>Kaleidoscope</mark>" in result["snippet"]


@pytest.mark.parametrize("q, key", [("geometry", "r1"), ("apprentices", "n3"), ("welcoming", "c2")])
def test_snippet_is_an_excerpt_of_the_item_itself(client, pages, engine_name, q, key):
    """Whatever the engine, the snippet quotes the item's summary or body, with the words marked; it does
    not run the summary into other indexed text (topic labels, author, module titles)."""
    (result,) = get_json(client, q=q)["results"]
    snippet = soup(result["snippet"])
    assert [mark.get_text().lower() for mark in snippet.select("mark")] == [q]
    text = snippet.get_text().strip("…")
    assert text in pages[key].summary or text in str(pages[key].body), (text, pages[key].summary)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        '"unbalanced',
        "(",
        ")",
        "*",
        "-",
        "AND",
        "OR NOT",
        "a:b",
        "école",
        "100%",
        "'; --",
        "\\",
        "🙂",
        "\u202e",
    ],
)
def test_search_syntax_never_causes_a_500(client, pages, query):
    assert client.get(SEARCH_URL, {"q": query}).status_code == 200
    assert client.get(SEARCH_URL, {"q": query, "format": "json"}).status_code == 200


def test_null_character_is_refused_politely(client, pages):
    data = get_json(client, status=400, q="mathe\x00matics")
    assert list(data["errors"]) == ["q"]
    assert get(client, status=400, q="mathe\x00matics").content.count(b'role="alert"') == 1


def test_only_get_and_head_are_allowed(client, pages):
    assert client.post(SEARCH_URL, {"q": "mathematics"}).status_code == 405
    assert client.head(SEARCH_URL, {"q": "mathematics"}).status_code == 200


def test_no_match_on_a_later_page_is_page_one_of_one(client, pages):
    assert get_json(client, q="xylophone", page="5") == {
        "total": 0,
        "page": 1,
        "pages": 1,
        "results": [],
        "facets": get_json(client, q="xylophone")["facets"],
    }
    page = soup(get(client, q="xylophone").content.decode())
    assert page.select_one("[data-result-count]").get_text(strip=True) == "0 results"
    assert "xylophone" in page.select_one(".faceted__results .message").get_text()
    assert page.select_one("nav.pagination") is None


# --- query count -------------------------------------------------------------------------------------------------


def add_marimba_items(pages, count, start):
    levels = list(EducationalLevel.objects.filter(code__in=["primary", "ivet"]))
    topics = list(Topic.objects.filter(code__in=["arts"]))
    for n in range(start, start + count):
        kwargs = {"title": f"Marimba workshop number {n}", "slug": f"marimba-{n}", "levels": levels, "topics": topics}
        kwargs["main_image"] = make_image(f"Marimba {n}")
        if n % 2:
            NewsPageFactory(parent=pages["news_index"], summary="Marimba music in class.", **kwargs)
        else:
            ResourcePageFactory(parent=pages["resource_index"], summary="Marimba scores.", **kwargs)


def test_search_queries_do_not_grow_with_results(client, pages, django_assert_max_num_queries):
    def count(params):
        client.get(SEARCH_URL, params)  # warm caches and create renditions
        with CaptureQueriesContext(connection) as queries:
            response = client.get(SEARCH_URL, params)
        assert response.status_code == 200
        return len(queries), len(soup(response.content.decode()).select("article.card"))

    # the same mix of page types each time (cards cost one round of queries per page type, not per card)
    params = [
        {"q": "marimba"},
        {"q": "marimba", "level": "primary", "topic": "arts", "sort": "title"},
        {"topic": "arts", "type": ["news", "resource"], "language": "en"},
    ]
    add_marimba_items(pages, 3, 0)
    few = [count(p) for p in params]
    add_marimba_items(pages, 12, 3)
    many = [count(p) for p in params]
    assert [cards for _n, cards in few] == [3, 3, 3] and [cards for _n, cards in many] == [12, 12, 12]
    assert [n for n, _cards in few] == [n for n, _cards in many]
    # engine (count, ids, hits, facet values, all facet counts in one UNION), pages, per page type: levels,
    # topics, images, renditions (+ resource types), and the site/menu of the base layout
    for p in params:
        with django_assert_max_num_queries(24):
            client.get(SEARCH_URL, p)


def test_editors_picks_lead_the_first_page_of_results(client, pages):
    """Search promotions (Wagtail's contrib app): the picks for a query come first on page 1, in the
    visitor's language; nothing is written per search."""
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    resource = ResourcePage.objects.filter(locale__language_code="en").order_by("pk").first()
    query = Query.get("Outdoor maths")
    SearchPromotion.objects.create(query=query, page=resource, description="Start here.", sort_order=0)
    SearchPromotion.objects.create(
        query=query, external_link_url="https://example.org/maths", external_link_text="Maths hub", sort_order=1
    )
    queries_before = Query.objects.count()
    page = soup(client.get("/en/search/", {"q": "outdoor MATHS"}).content.decode())
    picks = [(a.get_text(), a["href"]) for a in page.select(".promoted a")]
    assert picks == [(resource.title, resource.url), ("Maths hub", "https://example.org/maths")]
    assert "Start here." in page.select_one(".promoted").get_text()
    assert Query.objects.count() == queries_before
    assert not soup(client.get("/en/search/", {"q": "geometry"}).content.decode()).select(".promoted")
    data = client.get("/en/search/", {"q": "outdoor maths", "format": "json"}).json()
    assert set(data) == {"total", "page", "pages", "results", "facets"}  # the JSON contract is unchanged
