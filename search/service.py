"""The one entry point for searching: picks the engine from PORTAL_SEARCH_URL and falls back to the
database engine (logging why) when the search engine is down, slow or erroring."""

import logging

from search.engines.database import DatabaseEngine
from search.engines.registry import get_external_engine

logger = logging.getLogger(__name__)

database_engine = DatabaseEngine()


def run_search(params):
    engine = get_external_engine()
    if engine is not None:
        try:
            return engine.search(params)
        except engine.unavailable_errors as exc:
            logger.warning("Search engine %s failed (%s); answering from the database.", engine.name, exc)
    return database_engine.search(params)
