"""Tests that need an outside service (PostgreSQL, a search engine, a browser) call
``service_missing`` when it is absent: a skip locally, a failure when CI sets
PORTAL_REQUIRE_SERVICES=1."""

import os

import pytest


def services_required():
    return os.environ.get("PORTAL_REQUIRE_SERVICES", "").strip().lower() in {"1", "true", "yes"}


def service_missing(reason):
    if services_required():
        pytest.fail(f"{reason} (PORTAL_REQUIRE_SERVICES is set, so this cannot be skipped)")
    pytest.skip(reason)
