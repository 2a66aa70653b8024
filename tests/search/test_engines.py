"""The same assertions against every engine (database; OpenSearch when it runs)."""

import logging

from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from news.factories import NewsPageFactory
from search import service
from search.engines import registry
from search.engines.database import DatabaseEngine
from search.faceted import fill_urls
from search.facets import FACETS_BY_NAME
from search.query import SearchParams
from tests.search.catalogue import build_catalogue
from tests.search.conftest import reindex


@pytest.fixture
def catalogue(home_page, engine):
    pages = build_catalogue(home_page)
    reindex(engine)
    return pages


def counts(result, facet):
    return {value.code: value.count for value in result.facets[facet]}


def titles(result):
    return [hit.title for hit in result.hits]


def test_no_filters_counts_everything_and_lists_every_value(engine, catalogue):
    result = engine.search(SearchParams())
    assert result.total == 9
    assert counts(result, "type") == {"news": 3, "resource": 4, "course": 2}
    assert counts(result, "level") == {
        "ecec": 1,
        "primary": 4,
        "lower-secondary": 4,
        "upper-secondary": 2,
        "ivet": 2,
    }
    # levels keep educational order, whatever their counts
    assert [v.code for v in result.facets["level"]] == ["ecec", "primary", "lower-secondary", "upper-secondary", "ivet"]
    # every topic and resource type is listed, zeros included, most frequent first
    assert len(result.facets["topic"]) == len(FACETS_BY_NAME["topic"].choices()) == 43
    assert result.facets["topic"][0].code == "stem" and result.facets["topic"][0].count == 4
    assert counts(result, "topic")["arts"] == 0
    rtypes = counts(result, "resource_type")
    assert len(rtypes) == 8 and rtypes["toolkit"] == 1 and rtypes["video"] == 0
    languages = counts(result, "language")  # every site language is listed, those without items at 0
    assert set(languages) == {code for code, _name in django_settings.LANGUAGES}
    assert languages["en"] == 9 and sum(languages.values()) == 9
    assert not any(v.selected for values in result.facets.values() for v in values)


def test_facets_are_disjunctive(engine, catalogue):
    primary = engine.search(SearchParams(filters={"level": ["primary"]}))
    assert primary.total == 4
    # the level facet ignores its own selection...
    assert counts(primary, "level") == counts(engine.search(SearchParams()), "level")
    assert {v.code for v in primary.facets["level"] if v.selected} == {"primary"}
    # ...while the other facets apply it
    assert counts(primary, "type") == {"news": 2, "resource": 1, "course": 1}
    # ticking a second level widens the results by the number shown beside it
    ecec = counts(primary, "level")["ecec"]
    both = engine.search(SearchParams(filters={"level": ["primary", "ecec"]}))
    assert both.total == primary.total + ecec == 5


def test_facets_combine_across_groups(engine, catalogue):
    result = engine.search(
        SearchParams(filters={"level": ["lower-secondary"], "topic": ["stem"], "type": ["resource"]})
    )
    assert titles(result) == ["Mathematics anxiety in secondary school"]
    assert counts(result, "type") == {"news": 1, "resource": 1, "course": 1}
    assert counts(result, "topic")["stem"] == 1 and counts(result, "topic")["well-being"] == 1


def test_text_search_with_facets(engine, catalogue):
    text = engine.search(SearchParams(q="mathematics", sort="relevance"))
    assert text.total == 5
    assert counts(text, "type") == {"news": 1, "resource": 3, "course": 1}
    narrowed = engine.search(
        SearchParams(
            q="mathematics",
            sort="relevance",
            filters={"type": ["resource"], "level": ["upper-secondary"], "topic": ["stem"]},
        )
    )
    assert titles(narrowed) == ["Mathematics anxiety in secondary school"]
    assert counts(narrowed, "level")["upper-secondary"] == 1


def test_all_words_must_match(engine, catalogue):
    assert engine.search(SearchParams(q="mathematics geometry")).total == 1
    assert engine.search(SearchParams(q="mathematics nonexistentword")).total == 0


def test_quoted_phrase_matches_as_phrase(engine, catalogue):
    phrase = engine.search(SearchParams(q='"outdoor mathematics"', sort="newest"))
    assert titles(phrase) == ["Outdoor mathematics week in Finland", "Outdoor mathematics toolkit"]
    # the guide has both words, but not together
    words = engine.search(SearchParams(q="outdoor mathematics"))
    assert "Digital assessment guide" in titles(words)


def test_query_syntax_is_not_interpreted(engine, catalogue):
    for q in ["mathematics*", "-mathematics", "(mathematics", "mathematics)", "+mathematics~", "'mathematics'"]:
        result = engine.search(SearchParams(q=q))
        assert result.total == 5, q
    # no field syntax either: "title" is just a word that no item contains
    assert engine.search(SearchParams(q="title:mathematics")).total == 0


def test_snippet_highlights_matches_and_escapes(engine, catalogue):
    result = engine.search(SearchParams(q="geometry"))
    assert titles(result) == ["Outdoor mathematics toolkit"]
    assert "<mark>geometry</mark>" in str(result.hits[0].snippet)


def test_sorts(engine, catalogue):
    def order(sort):
        return titles(engine.search(SearchParams(filters={"type": ["resource"]}, sort=sort)))

    assert order("newest") == [
        "Digital assessment guide",
        "Outdoor mathematics toolkit",
        "Mathematics anxiety in secondary school",
        "Play-based learning in early childhood",
    ]
    assert order("oldest") == list(reversed(order("newest")))
    assert order("title") == sorted(order("newest"))
    # undated (self-paced) courses come last either way
    for sort in ("newest", "oldest"):
        courses = titles(engine.search(SearchParams(filters={"type": ["course"]}, sort=sort)))
        assert courses[-1] == "Inclusive classrooms for newcomers"


def test_hits_carry_the_card_fields(engine, catalogue):
    result = engine.search(SearchParams(q="anxiety"))
    fill_urls(result.hits)
    (hit,) = result.hits
    assert hit.url == catalogue["r2"].url
    assert hit.type == "resource" and hit.resource_type == "research-report"
    assert hit.levels == ["lower-secondary", "upper-secondary"]
    assert sorted(hit.topics) == ["stem", "well-being"]
    assert hit.language == "en"
    assert hit.date.isoformat() == "2024-09-15"
    assert hit.summary.startswith("A study of how mathematics anxiety")


def test_pages_clamp_to_the_last(engine, catalogue):
    page3 = engine.search(SearchParams(per_page=4, page=3))
    assert (page3.total, page3.page, page3.pages, len(page3.hits)) == (9, 3, 3, 1)
    beyond = engine.search(SearchParams(per_page=4, page=99))
    assert beyond.page == 3 and titles(beyond) == titles(page3)
    seen = [t for p in (1, 2, 3) for t in titles(engine.search(SearchParams(per_page=4, page=p)))]
    assert len(seen) == len(set(seen)) == 9


def test_fixed_type_scope_hides_the_type_facet(engine, catalogue):
    result = engine.search(SearchParams(types=("resource",), filters={"level": ["primary"]}))
    assert titles(result) == ["Outdoor mathematics toolkit"]
    assert "type" not in result.facets
    assert counts(result, "level")["upper-secondary"] == 2


@pytest.fixture
def french(settings):
    settings.LANGUAGES = [("en", "English"), ("fr", "French")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    return Locale.objects.get_or_create(language_code="fr")[0]


def test_language_scope_and_fallback(engine, home_page, french):
    pages = build_catalogue(home_page)
    translated = pages["n1"].copy_for_translation(french, copy_parents=True)
    translated.title = "L'inclusion dans les écoles primaires"
    translated.save_revision().publish()
    french_index = pages["news_index"].get_translation(french)
    NewsPageFactory(parent=french_index, title="Une école en forêt", slug="foret", summary="Apprendre dehors.")
    reindex(engine)

    english = engine.search(SearchParams(language="en"))
    assert english.total == 10  # nine English items plus the French-only one
    assert counts(english, "language") == {"en": 9, "fr": 1}
    assert "L'inclusion dans les écoles primaires" not in titles(
        engine.search(SearchParams(language="en", per_page=20))
    )

    in_french = engine.search(SearchParams(language="fr", per_page=20))
    assert in_french.total == 10  # both French items plus the eight English-only ones
    assert counts(in_french, "language") == {"en": 8, "fr": 2}
    assert "Inclusion in primary schools" not in titles(in_french)
    assert "L'inclusion dans les écoles primaires" in titles(in_french)

    only_french = engine.search(SearchParams(language="en", filters={"language": ["fr"]}))
    assert titles(only_french) == ["Une école en forêt"]
    assert only_french.hits[0].language == "fr"


def test_database_engine_query_count_does_not_grow(home_page):
    engine = DatabaseEngine()
    pages = build_catalogue(home_page)
    reindex()

    def queries(params):
        engine.search(params)  # warm the vocabulary cache
        with CaptureQueriesContext(connection) as ctx:
            engine.search(params)
        return len(ctx.captured_queries)

    small = [queries(SearchParams()), queries(SearchParams(q="mathematics", filters={"level": ["primary"]}))]
    for n in range(15):
        NewsPageFactory(parent=pages["news_index"], title=f"More mathematics news {n}", summary="Mathematics again.")
    reindex()
    large = [queries(SearchParams()), queries(SearchParams(q="mathematics", filters={"level": ["primary"]}))]
    assert small == large
    assert max(large) <= 12


def test_engine_down_falls_back_to_database(home_page, settings, caplog):
    build_catalogue(home_page)
    reindex()
    settings.PORTAL_SEARCH_URL = "opensearch://127.0.0.1:9"  # nothing listens on the discard port
    settings.PORTAL_SEARCH_TIMEOUT = 0.5
    registry._engine_for.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="search.service"):
            result = service.run_search(SearchParams(q="mathematics"))
        assert result.engine == "database" and result.total == 5
        assert "answering from the database" in caplog.text
    finally:
        registry._engine_for.cache_clear()


@pytest.mark.parametrize(
    ("language", "title", "query"),
    [
        ("fr", "Les enseignants innovent en classe", "enseignant"),
        ("de", "Schulen in ganz Europa", "Schule"),
        ("pl", "Nauczyciele uczą w lesie", "nauczycieli"),
    ],
)
def test_inflected_words_match_their_other_forms(engine, home_page, settings, language, title, query):
    """French and German through stemmers (PostgreSQL configurations, OpenSearch analyzers); Polish
    through OpenSearch's Stempel analyzer or, on PostgreSQL, which has no Polish stemmer, word starts."""
    if engine.name == "database" and connection.vendor == "sqlite":
        pytest.skip("SQLite's FTS5 index matches exact words only: no stemmer for these languages")
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), (language, language)]
    locale = Locale.objects.get_or_create(language_code=language)[0]
    pages = build_catalogue(home_page)
    index = pages["news_index"].copy_for_translation(locale, copy_parents=True)
    index.save_revision().publish()
    page = NewsPageFactory(parent=index, title=title, slug="inflected", summary=title)
    reindex(engine)
    result = engine.search(SearchParams(language=language, q=query, sort="relevance"))
    assert page.pk in {hit.page_id for hit in result.hits}
