"""Engine fixtures: every engine-facing test runs once per engine with the same assertions.

The OpenSearch leg uses the server named by PORTAL_TEST_SEARCH_URL (default opensearch://127.0.0.1:9200,
what `make opensearch` starts) and a throwaway alias per test; it skips when no server answers, which
fails the run under PORTAL_REQUIRE_SERVICES=1.
"""

import os
import uuid

from django.db import transaction

import pytest

from search import indexing
from search.engines import registry
from search.engines.database import DatabaseEngine
from search.engines.opensearch import SearchEngineBackend
from tests.fixtures import get_home_page
from tests.search.catalogue import build_catalogue
from tests.services import service_missing

TEST_SEARCH_URL = os.environ.get("PORTAL_TEST_SEARCH_URL", "opensearch://127.0.0.1:9200")


def external_backend(alias, url=TEST_SEARCH_URL, timeout=10):
    kind, endpoint = registry.parse_search_url(url)
    return SearchEngineBackend(kind=kind, endpoint=endpoint, index_name=alias, timeout=timeout)


def reachable(backend):
    try:
        return backend.ping()
    except backend.unavailable_errors:
        return False


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    """The hand-made catalogue, built and indexed once per module and rolled back at its end.
    (test_engines.py builds its own per test, once per engine.)"""
    with django_db_blocker.unblock(), transaction.atomic():
        pages = build_catalogue(get_home_page())
        reindex()
        yield pages
        transaction.set_rollback(True)


@pytest.fixture
def search_engine_url(settings):
    """Point the portal at a real OpenSearch with a fresh alias; drop its indices afterwards."""
    alias = f"portal-test-{uuid.uuid4().hex[:10]}"
    backend = external_backend(alias)
    if not reachable(backend):
        service_missing(f"no search engine answers at {TEST_SEARCH_URL} (run `make opensearch`)")
    settings.PORTAL_SEARCH_URL = TEST_SEARCH_URL
    settings.PORTAL_SEARCH_INDEX = alias
    settings.PORTAL_SEARCH_TIMEOUT = 10
    registry._engine_for.cache_clear()
    yield TEST_SEARCH_URL
    registry._engine_for.cache_clear()
    for name in backend.current_indices():
        backend.client.indices.delete(index=name)
    if backend.client.indices.exists(index=f"{alias}-*"):
        backend.client.indices.delete(index=f"{alias}-*")


@pytest.fixture(params=["database", pytest.param("opensearch", marks=pytest.mark.opensearch)])
def engine_name(request):
    return request.param


@pytest.fixture
def engine(engine_name, request, db):
    """An engine object with `.search(params)`; call `reindex()` (below) after building pages."""
    if engine_name == "database":
        return DatabaseEngine()
    request.getfixturevalue("search_engine_url")
    return registry.get_external_engine()


def reindex(engine=None):
    """Rebuild the database facet index and, for an external engine, a fresh index behind its alias."""
    indexing.rebuild_database_index()
    if engine is None or isinstance(engine, DatabaseEngine):
        return
    name = engine.new_index_name()
    engine.create_index(name)
    for documents in indexing.iter_documents():
        engine.index_documents(documents, index=name)
    engine.refresh(name)
    engine.swap_alias(name)
