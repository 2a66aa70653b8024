from django.db import connection

import pytest

from tests.services import service_missing


@pytest.mark.postgres
def test_postgres_leg_really_runs_on_postgresql(db):
    """`make test-postgres` runs the whole suite with DATABASE_URL=postgres://...; this proves it did."""
    if connection.vendor != "postgresql":
        service_missing("DATABASE_URL does not point at PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        assert int(cursor.fetchone()[0]) >= 130000
