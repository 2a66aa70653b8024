"""Keeping the indexes current: publish, unpublish, move, delete and view restrictions update the database
facet index at once and the search engine after the commit; the engine being down breaks neither searching
nor publishing; `manage.py search_index` rebuilds and checks both."""

import datetime
import logging
from io import StringIO

from django.core.management import CommandError, call_command
from django.db.models.signals import post_delete

from wagtail.models import Locale, Page, PageViewRestriction

import pytest

from courses.factories import CoursePageFactory
from courses.models import CourseModule
from home.factories import StandardPageFactory
from news.factories import NewsPageFactory
from portal.models import EducationalLevel, Topic
from resources.factories import ResourcePageFactory
from search import indexing
from search.engines import registry
from search.engines.database import DatabaseEngine
from search.models import SearchDocument, SearchFacetValue
from search.query import SearchParams
from tests.search.conftest import external_backend, reindex


def search(engine, **params):
    """{page id: title} of everything the engine finds (after making recent writes visible)."""
    if not isinstance(engine, DatabaseEngine):
        engine.refresh()
    result = engine.search(SearchParams(per_page=100, **params))
    return {hit.page_id: hit.title for hit in result.hits}


def in_database_index(page):
    return SearchDocument.objects.filter(page_id=page.pk).exists()


def levels(*codes):
    return list(EducationalLevel.objects.filter(code__in=codes))


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run the on-commit hooks (the engine sync) of what happens inside, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def news(engine, news_index, on_commit):
    """Two published news items, indexed the way publishing does it."""
    with on_commit():
        first = NewsPageFactory(
            parent=news_index,
            title="Marimba ensembles in Lisbon schools",
            summary="Pupils build their own instruments.",
            levels=levels("primary"),
            topics=list(Topic.objects.filter(code="arts")),
        )
        second = NewsPageFactory(
            parent=news_index, title="Chess clubs after school", summary="Strategy games.", levels=levels("ivet")
        )
    return first, second


# --- publish / draft / unpublish -------------------------------------------------------------------------------


def test_publishing_indexes_with_facets(engine, news):
    first, second = news
    assert search(engine, q="marimba") == {first.pk: first.title}
    assert search(engine, filters={"level": ["ivet"]}) == {second.pk: second.title}
    result = engine.search(SearchParams(filters={"topic": ["arts"]}))
    assert {v.code: v.count for v in result.facets["level"] if v.count} == {"primary": 1}
    document = SearchDocument.objects.get(page_id=first.pk)
    assert (document.title, document.content_type, document.language) == (first.title, "news", "en")
    assert sorted(SearchFacetValue.objects.filter(document=document).values_list("facet", "code")) == [
        ("language", "en"),
        ("level", "primary"),
        ("topic", "arts"),
        ("type", "news"),
    ]


def test_a_draft_changes_nothing_until_it_is_published(engine, news, on_commit):
    first, _second = news
    first.title = "Xylophone ensembles in Lisbon schools"
    first.levels.set(levels("ecec"))
    with on_commit():
        revision = first.save_revision()
    assert search(engine, q="xylophone") == {}
    assert search(engine, q="marimba") == {first.pk: "Marimba ensembles in Lisbon schools"}
    assert search(engine, filters={"level": ["primary"]}) == {first.pk: "Marimba ensembles in Lisbon schools"}
    with on_commit():
        revision.publish()
    assert search(engine, q="xylophone") == {first.pk: "Xylophone ensembles in Lisbon schools"}
    assert search(engine, q="marimba") == {}
    assert search(engine, filters={"level": ["ecec"]}) == {first.pk: "Xylophone ensembles in Lisbon schools"}
    assert search(engine, filters={"level": ["primary"]}) == {}


def test_unpublishing_removes_and_republishing_restores(engine, news, on_commit):
    first, second = news
    with on_commit():
        first.unpublish()
    assert search(engine) == {second.pk: second.title}
    assert not in_database_index(first)
    with on_commit():
        first.get_latest_revision().publish()
    assert set(search(engine)) == {first.pk, second.pk}
    assert in_database_index(first)


# --- move / view restrictions / delete ---------------------------------------------------------------------------


def test_moving_into_a_private_section_and_back(engine, news, home_page, news_index, on_commit):
    first, second = news
    with on_commit():
        staff_room = StandardPageFactory(parent=home_page, title="Staff room", slug="staff-room")
        PageViewRestriction.objects.create(page=staff_room, restriction_type=PageViewRestriction.LOGIN)
    with on_commit():
        Page.objects.get(pk=first.pk).move(staff_room, pos="last-child")
    assert search(engine) == {second.pk: second.title}
    assert not in_database_index(first)
    with on_commit():
        Page.objects.get(pk=first.pk).move(news_index, pos="last-child")
    assert set(search(engine)) == {first.pk, second.pk}
    assert in_database_index(first)


def test_moving_a_whole_section_reindexes_its_subtree(engine, news, home_page, news_index, on_commit):
    with on_commit():
        staff_room = StandardPageFactory(parent=home_page, title="Staff room", slug="staff-room")
        PageViewRestriction.objects.create(page=staff_room, restriction_type=PageViewRestriction.PASSWORD, password="x")
        Page.objects.get(pk=news_index.pk).move(staff_room, pos="last-child")
    assert search(engine) == {}
    assert not SearchDocument.objects.exists()


def test_view_restriction_hides_a_section_and_lifting_it_shows_it_again(engine, news, news_index, on_commit):
    first, second = news
    with on_commit():
        restriction = PageViewRestriction.objects.create(page=news_index, restriction_type=PageViewRestriction.LOGIN)
    assert search(engine) == {}
    assert not SearchDocument.objects.filter(page_id__in=[first.pk, second.pk]).exists()
    with on_commit():
        restriction.delete()
    assert set(search(engine)) == {first.pk, second.pk}


def test_restricting_one_page_leaves_the_others(engine, news, on_commit):
    first, second = news
    with on_commit():
        PageViewRestriction.objects.create(page=first, restriction_type=PageViewRestriction.LOGIN)
    assert search(engine) == {second.pk: second.title}
    assert search(engine, q="marimba") == {}


def test_deleting_pages_removes_them(engine, news, news_index, on_commit):
    first, second = news
    with on_commit():
        Page.objects.get(pk=first.pk).specific.delete()
    assert search(engine) == {second.pk: second.title}
    assert not in_database_index(first)
    with on_commit():
        Page.objects.get(pk=news_index.pk).delete()  # a whole section, with what is below it
    assert search(engine) == {}
    assert not SearchDocument.objects.exists() and not SearchFacetValue.objects.exists()


def test_deleting_a_private_page_leaves_no_document_behind(engine, news, on_commit):
    first, second = news
    with on_commit():
        PageViewRestriction.objects.create(page=first, restriction_type=PageViewRestriction.LOGIN)
    deleted = []
    post_delete.connect(lambda sender, instance, **kw: deleted.append(instance.pk), sender=Page, weak=False)
    try:
        with on_commit():
            Page.objects.get(pk=first.pk).delete()
    finally:
        post_delete.disconnect(sender=Page)
    assert first.pk in deleted
    assert not Page.objects.filter(pk=first.pk).exists()
    assert not SearchDocument.objects.filter(page_id=first.pk).exists()
    assert search(engine) == {second.pk: second.title}


# --- translations: the language fallback follows what is live ------------------------------------------------------


@pytest.fixture
def french(db, settings):
    settings.LANGUAGES = [("en", "English"), ("fr", "French")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    return Locale.objects.get_or_create(language_code="fr")[0]


def test_translation_replaces_the_original_for_its_language_only(french, engine, news, on_commit):
    """(``french`` comes first: the engine index is created with the languages of the settings.)"""
    first, second = news
    with on_commit():
        translated = first.copy_for_translation(french, copy_parents=True)
        translated.title = "Des marimbas dans les écoles de Lisbonne"
        translated.save_revision().publish()
    assert search(engine, language="fr") == {translated.pk: translated.title, second.pk: second.title}
    assert search(engine, language="en") == {first.pk: first.title, second.pk: second.title}
    # the English document now knows it has a French sibling
    (document,) = indexing.build_documents(indexing.searchable_queryset(type(first)).filter(pk=first.pk))
    assert document.available_languages == ["en", "fr"]
    with on_commit():
        Page.objects.get(pk=translated.pk).specific.unpublish()
    assert search(engine, language="fr") == {first.pk: first.title, second.pk: second.title}
    (document,) = indexing.build_documents(indexing.searchable_queryset(type(first)).filter(pk=first.pk))
    assert document.available_languages == ["en"]


@pytest.fixture
def course_and_resource(course_index, resource_index, on_commit):
    with on_commit():
        course = CoursePageFactory(
            parent=course_index,
            title="Assessment for learning",
            summary="Feedback that moves learning forward.",
            start_date=None,
            end_date=None,
            enrolment_deadline=None,
            format="self-paced",
            topics=list(Topic.objects.filter(code="well-being")),
        )
        course.modules.add(CourseModule(title="Quizzing with kazoos", summary="Short polls in class."))
        course.save_revision().publish()
        resource = ResourcePageFactory(
            parent=resource_index,
            title="Singing games",
            summary="Songs for the first weeks.",
            body=[("paragraph", "<p>The <b>ocarina</b> corner.</p>")],
            publication_date=datetime.date(2024, 5, 6),
        )
    return course, resource


def document_of(page):
    (document,) = indexing.build_documents([indexing.searchable_queryset(type(page)).get(pk=page.pk)])
    return document


def test_document_contents(db, course_and_resource):
    course, resource = course_and_resource
    document = document_of(course)
    assert document.date is None and document.facets["type"] == ["course"]
    assert document.facets["topic"] == ["well-being"] and document.available_languages == ["en"]
    # the searchable text holds what Wagtail's own index holds besides the page title: summary, topic
    # labels, and the course modules' titles and summaries
    assert "Feedback that moves" in document.search_text and "Well-being" in document.search_text
    assert "Short polls" in document.search_text
    assert "kazoos" in document.search_text
    document = document_of(resource)
    assert "ocarina" in document.text and "<b>" not in document.text
    assert document.date == datetime.date(2024, 5, 6) and document.facets["resource_type"] == ["toolkit"]


@pytest.mark.parametrize("q", ["kazoos", "polls", "well-being", "ocarina"])
def test_every_engine_matches_the_same_indexed_text(engine, course_and_resource, q):
    """Module titles and summaries, topic labels and body text are found by every engine, right after the
    publish that added them (the fixture publishes the course, then adds a module and publishes again, as an
    editor does)."""
    course, resource = course_and_resource
    expected = resource if q == "ocarina" else course
    assert search(engine, q=q) == {expected.pk: expected.title}


# --- the search engine being down --------------------------------------------------------------------------------


@pytest.fixture
def engine_down(settings):
    settings.PORTAL_SEARCH_URL = "opensearch://127.0.0.1:9"  # nothing listens on the discard port
    settings.PORTAL_SEARCH_INDEX = "portal-test-down"
    settings.PORTAL_SEARCH_TIMEOUT = 0.5
    registry._engine_for.cache_clear()
    yield
    registry._engine_for.cache_clear()


def test_publishing_succeeds_and_searching_answers_while_the_engine_is_down(
    client, news_index, engine_down, on_commit, caplog
):
    with caplog.at_level(logging.WARNING), on_commit() as callbacks:
        page = NewsPageFactory(parent=news_index, title="Marimba ensembles in Lisbon schools")
    assert callbacks, "the engine update should wait for the commit"
    assert Page.objects.get(pk=page.pk).live
    assert in_database_index(page)
    assert "Could not update the opensearch index" in caplog.text

    caplog.clear()
    with caplog.at_level(logging.WARNING):
        response = client.get("/en/search/", {"q": "marimba", "format": "json"})
    assert response.status_code == 200
    assert [r["title"] for r in response.json()["results"]] == [page.title]
    assert "answering from the database" in caplog.text
    html = client.get("/en/search/", {"q": "marimba"})
    assert html.status_code == 200 and page.title in html.content.decode()
    listing = client.get(news_index.url, {"format": "json"})
    assert listing.status_code == 200 and listing.json()["total"] == 1

    with caplog.at_level(logging.WARNING), on_commit():
        page.unpublish()
    assert not in_database_index(page)
    assert client.get("/en/search/", {"q": "marimba", "format": "json"}).json()["total"] == 0


# --- manage.py search_index ----------------------------------------------------------------------------------------


def run(*args):
    out = StringIO()
    call_command("search_index", *args, "--no-progress", stdout=out)
    return out.getvalue()


def test_rebuild_and_status_of_the_database_index(news_index):
    first, second = [NewsPageFactory(parent=news_index, title=f"News {n}") for n in range(2)]
    draft = NewsPageFactory(parent=news_index, title="Draft news", live=False)
    assert "in step" in run("status")
    SearchDocument.objects.filter(page_id=first.pk).delete()
    with pytest.raises(CommandError):
        run("status")
    # a document for a page that is no longer searchable is stale (changed behind the signals' back)
    Page.objects.filter(pk=first.pk).update(live=False)
    Page.objects.filter(pk=draft.pk).update(live=True)
    with pytest.raises(CommandError):
        run("status")
    output = run("rebuild")
    assert "Indexed 2 pages" in output
    assert set(SearchDocument.objects.values_list("page_id", flat=True)) == {second.pk, draft.pk}
    assert "in step" in run("status")


@pytest.mark.opensearch
def test_rebuild_swaps_a_fresh_engine_index_behind_the_alias(search_engine_url, settings, news_index):
    pages = [
        NewsPageFactory(parent=news_index, title=f"Marimba news {n}", levels=levels("primary")) for n in range(3)
    ]  # on-commit hooks do not run here: the engine has not heard of these pages
    backend = external_backend(settings.PORTAL_SEARCH_INDEX)
    assert backend.current_indices() == []
    with pytest.raises(CommandError):
        run("status")

    output = run("rebuild")
    (first_index,) = backend.current_indices()
    assert first_index in output and "Indexed 3 pages" in output
    assert backend.indexed_ids() == {page.pk for page in pages}
    assert "in step" in run("status")
    engine = registry.get_external_engine()
    assert set(search(engine, q="marimba", filters={"level": ["primary"]})) == {page.pk for page in pages}

    # a second rebuild builds a new index, points the alias at it and drops the old one
    Page.objects.filter(pk=pages[0].pk).update(live=False)
    output = run("rebuild")
    (second_index,) = backend.current_indices()
    assert second_index != first_index and f"dropped {first_index}" in output
    assert not backend.client.indices.exists(index=first_index)
    assert backend.indexed_ids() == {pages[1].pk, pages[2].pk}
    assert set(search(engine, q="marimba")) == {pages[1].pk, pages[2].pk}

    # the engine missing a page is reported, even when the database index is fine
    backend.delete_documents([pages[1].pk])
    backend.refresh()
    with pytest.raises(CommandError):
        run("status")


def test_status_with_the_database_index_in_step_and_no_pages(db):
    assert "0 documents for 0 searchable pages, in step" in run("status")
    assert "Indexed 0 pages" in run("rebuild")


def test_engine_index_built_by_reindex_matches_the_database(engine, news):
    """The conftest helper and the signal path produce the same documents."""
    before = search(engine)
    reindex(engine)
    assert search(engine) == before
    assert len(before) == 2
