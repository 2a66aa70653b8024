"""Faceted-search latency at several sizes, on one growing database, and print a table.

    .venv/bin/python bench/search.py --sizes 1000,10000,100000                 # database engine, temp SQLite
    .venv/bin/python bench/search.py --sizes 1000,10000 --engine opensearch    # PORTAL_SEARCH_URL below
    .venv/bin/python bench/search.py --engine database,opensearch              # both, on the same pages
    .venv/bin/python bench/search.py --database-url postgres://portal:portal@127.0.0.1:54329/searchbench
    .venv/bin/python bench/search.py --from-json a.json b.json                 # reprint saved runs together

For each size, ascending, on one database:

1. ``seed_demo --resources N`` grows the database (seed_demo is idempotent: only the difference is added);
   timed separately, in its own process, without PORTAL_SEARCH_URL;
2. ``search_index rebuild --no-progress`` is timed per engine: the database facet index, or with
   PORTAL_SEARCH_URL/PORTAL_SEARCH_INDEX set a fresh OpenSearch index behind the alias (plus the facet
   index, which that command always rewrites);
3. a worker process (``django.setup()`` on the bench database) sends a fixed, seeded mix of queries
   through the real view, ``GET /en/search/?format=json&...`` with Django's test Client: four kinds in
   equal parts, interleaved in a seeded order, after a few warm-up requests:

   - ``text``:    1-2 words from the demo vocabulary (portal/demo/text.py), default (relevance) sort;
   - ``facets``:  1-3 facet values, no text (newest first);
   - ``text+3f``: 1-2 words plus one level, one topic and one resource type;
   - ``deep``:    one facet value, no text, one of the last four pages (an untimed request finds the
                  page count first), i.e. page 50+ whenever the result has that many pages.

   The worker runs with ``portal.settings.production`` (DEBUG off, persistent connections), the measured
   process alone. Per request: wall time (``time.perf_counter`` around ``client.get``), the number of SQL
   queries (``CaptureQueriesContext``), the worker's CPU time, and with OpenSearch the number of
   search-engine requests. A request that the search engine did not answer (fallback to the database)
   stops the run. Two caps keep a pathological case from eating the run: a request whose SQL runs past
   ``--request-timeout`` is abandoned (PostgreSQL statement_timeout, SQLite interrupt) and counted at
   that time; once a kind has used ``--kind-budget`` seconds at a size, its remaining requests are
   skipped. Both are listed under the table ("Incomplete cells").

A PostgreSQL ``--database-url`` must name a scratch database: it is created when missing, and with
``--fresh`` dropped and re-created first; ``--drop`` drops it at the end. Without ``--database-url`` a
temporary SQLite file is used and removed at the end (``--keep`` keeps it, with its media). OpenSearch
indices behind the bench alias are deleted at the end unless ``--keep``.

``--lock FILE`` lets several runs share a machine: seeding holds a shared lock, index builds and
measurements an exclusive one, so no measurement runs while any run is seeding or measuring.

``--details PREFIX`` writes, per engine and size, the per-kind statistics (CPU, timeouts, median total
and page), the load average around the measurement, a hash of search/*.py, and the SQL (with times) of
the slowest request of each kind: the starting point for EXPLAIN ANALYZE.

This is a measuring script, not a test: nothing here asserts on time.
"""

import argparse
import fcntl
import json
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
KINDS = ("text", "facets", "text+3f", "deep")
ENGINES = ("database", "opensearch")
STOPWORDS = {"the", "and", "for", "with", "from", "that", "what", "into", "your", "their", "about", "a", "an"}


# ------------------------------------------------------------------------------------------------
# Orchestration (no Django in this process)
# ------------------------------------------------------------------------------------------------
def is_postgres(url):
    return urlsplit(url).scheme.startswith(("postgres", "postgresql", "pgsql"))


def database_label(url):
    return "PostgreSQL" if is_postgres(url) else "SQLite"


def prepare_postgres(url, fresh):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        if fresh:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def drop_postgres(url):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres", scheme="postgresql"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')


def postgres_server_version(url):
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(scheme="postgresql"))) as connection:
        return connection.execute("SHOW server_version").fetchone()[0].split()[0]


@contextmanager
def locked(path, exclusive):
    if not path:
        yield
        return
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def manage(args, env, capture=False):
    """Run a manage.py command; returns (wall seconds, stdout or None)."""
    started = time.perf_counter()
    completed = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        text=True,
    )
    return time.perf_counter() - started, completed.stdout


def engine_env(base_env, engine, options):
    env = dict(base_env)
    if engine == "opensearch":
        env["PORTAL_SEARCH_URL"] = options.search_url
        env["PORTAL_SEARCH_INDEX"] = options.search_index
    else:
        env.pop("PORTAL_SEARCH_URL", None)
    return env


def worker_env(env):
    """The measured process runs with production settings (DEBUG off, persistent connections, no
    WhiteNoise autorefresh), over plain HTTP from the test client."""
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": env.get("SECRET_KEY") or "searchbench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
    }


def run_worker(env, engine, size, options):
    args = [
        PYTHON,
        str(Path(__file__).resolve()),
        "--worker",
        f"--engine={engine}",
        f"--queries={options.queries}",
        f"--seed={options.seed}",
        f"--warmup={options.warmup}",
        f"--kind-budget={options.kind_budget}",
        f"--request-timeout={options.request_timeout}",
    ]
    if options.details:
        args.append(f"--details={options.details}.{engine}.{size}.json")
    completed = subprocess.run(args, cwd=ROOT, env=worker_env(env), check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def delete_search_indices(options):
    """Delete every index named after the bench alias (and so the alias with them)."""
    import urllib.request

    scheme, _sep, rest = options.search_url.partition("://")
    endpoint = f"{'https' if scheme.endswith('+https') else 'http'}://{rest.strip('/')}"
    try:
        with urllib.request.urlopen(f"{endpoint}/_cat/indices/{options.search_index}-*?h=index", timeout=30) as answer:
            names = answer.read().decode().split()
        for name in names:
            urllib.request.urlopen(urllib.request.Request(f"{endpoint}/{name}", method="DELETE"), timeout=30).read()
        print(f"  deleted OpenSearch indices: {', '.join(names) or 'none'}", file=sys.stderr)
    except Exception as exc:
        print(f"  could not delete {options.search_index}-* indices: {exc}", file=sys.stderr)


def orchestrate(options):
    sizes = sorted({int(size) for size in options.sizes.split(",") if size.strip()})
    engines = [engine.strip() for engine in options.engine.split(",") if engine.strip()]
    for engine in engines:
        if engine not in ENGINES:
            raise SystemExit(f"unknown engine {engine!r}: use {', '.join(ENGINES)}")

    scratch = tempfile.mkdtemp(prefix="searchbench-")
    if options.database_url:
        database_url = options.database_url
        if is_postgres(database_url):
            prepare_postgres(database_url, options.fresh)
            label = f"PostgreSQL {postgres_server_version(database_url)}"
        else:
            label = "SQLite"
    else:
        database_url = f"sqlite:///{scratch}/db.sqlite3"
        label = "SQLite"
    base_env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": options.media_root or f"{scratch}/media",
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    base_env.pop("PORTAL_SEARCH_URL", None)
    print(f"searchbench: {label}, {database_url}, engines {', '.join(engines)}", file=sys.stderr)

    rows = []
    try:
        with locked(options.lock, exclusive=False):
            manage(["migrate", "--noinput", "-v0"], base_env)
        for size in sizes:
            seed_args = ["seed_demo", f"--resources={size}", f"--news={options.news}", f"--courses={options.courses}"]
            with locked(options.lock, exclusive=False):
                seed_seconds, _ = manage([*seed_args, f"--seed={options.seed}", "-v0"], base_env)
            print(f"  {size} resources: seeded in {seed_seconds:.1f} s", file=sys.stderr)
            with locked(options.lock, exclusive=True):
                for engine in engines:
                    env = engine_env(base_env, engine, options)
                    index_seconds, _ = manage(["search_index", "rebuild", "--no-progress"], env)
                    print(f"  {size} resources: {engine} index built in {index_seconds:.1f} s", file=sys.stderr)
                    measured = run_worker(env, engine, size, options)
                    rows.append(
                        {
                            "engine": engine,
                            "database": label,
                            "size": size,
                            "documents": measured["documents"],
                            "seed_seconds": round(seed_seconds, 1),
                            "index_seconds": round(index_seconds, 1),
                            "kinds": measured["kinds"],
                        }
                    )
                    summary = ", ".join(
                        f"{kind} p95 {stats['p95']:.0f} ms" for kind, stats in measured["kinds"].items()
                    )
                    print(f"  {size} resources: {engine}: {summary}", file=sys.stderr)
            if options.json:
                Path(options.json).write_text(json.dumps(rows, indent=1))
    finally:
        if options.keep:
            print(f"  kept {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
        if "opensearch" in engines and not options.keep:
            delete_search_indices(options)
        if options.database_url and is_postgres(database_url) and options.drop:
            try:
                drop_postgres(database_url)
            except Exception as exc:
                print(f"  could not drop {database_url}: {exc}", file=sys.stderr)
    print_tables(rows, options.queries)


# ------------------------------------------------------------------------------------------------
# Output
# ------------------------------------------------------------------------------------------------
def print_tables(rows, queries=None):
    per_kind = f", {queries // len(KINDS)} requests per kind" if queries else ""
    print(f"\nFaceted search through GET /en/search/?format=json (ms per request{per_kind})\n")
    left = [("engine", 10), ("database", 16), ("size", 7), ("docs", 7), ("seed s", 7), ("index s", 7)]
    kind_cols = [("p50", 6), ("p95", 6), ("sql", 3)]
    head1 = " | ".join(" " * width for _name, width in left)
    kind_width = sum(width for _name, width in kind_cols) + 3 * (len(kind_cols) - 1)
    head1 += " | " + " | ".join(f"{kind:^{kind_width}}" for kind in KINDS)
    head2 = " | ".join(f"{name:>{width}}" for name, width in left)
    head2 += " | " + " | ".join(" | ".join(f"{name:>{width}}" for name, width in kind_cols) for _kind in KINDS)
    print(head1)
    print(head2)
    print("-" * len(head2))
    for row in rows:
        cells = [
            f"{row['engine']:>10}",
            f"{row['database']:>16}",
            f"{row['size']:>7}",
            f"{row['documents']:>7}",
            f"{row['seed_seconds']:>7.1f}",
            f"{row['index_seconds']:>7.1f}",
        ]
        for kind in KINDS:
            stats = row["kinds"][kind]
            cells.append(f"{stats['p50']:>6.1f} | {stats['p95']:>6.1f} | {stats['sql']:>3g}")
        print(" | ".join(cells))
    if any(row["engine"] == "opensearch" for row in rows):
        print("\nsql = median SQL queries per request; OpenSearch rows also made a median of", end=" ")
        print(
            ", ".join(
                sorted(
                    {
                        f"{row['kinds'][k]['engine_requests']:g}"
                        for row in rows
                        if row["engine"] == "opensearch"
                        for k in KINDS
                    }
                )
            ),
            "search-engine request(s) per request.",
        )
    else:
        print("\nsql = median SQL queries per request.")
    short = []
    for row in rows:
        for kind in KINDS:
            stats = row["kinds"][kind]
            planned = queries // len(KINDS) if queries else stats["n"]
            notes = []
            if stats["n"] < planned:
                notes.append(f"{stats['n']} of {planned} requests measured (the rest skipped: time budget)")
            if stats.get("timeouts"):
                notes.append(f"{stats['timeouts']} abandoned by the database (request timeout), counted as they took")
            if notes:
                short.append(f"  {row['engine']} / {row['database']} / {row['size']} / {kind}: {'; '.join(notes)}")
    if short:
        print("Incomplete cells:")
        print("\n".join(short))

    growth = []
    for row in rows:
        for other in rows:
            if (other["engine"], other["database"]) == (row["engine"], row["database"]) and other["size"] == 10 * row[
                "size"
            ]:
                growth.append((row, other))
    if growth:
        print("\np95 growth factor for 10x the resources\n")
        header = f"{'engine':>10} | {'database':>16} | {'sizes':>14} | " + " | ".join(f"{kind:>7}" for kind in KINDS)
        print(header)
        print("-" * len(header))
        for small, large in growth:
            factors = []
            for kind in KINDS:
                before, after = small["kinds"][kind]["p95"], large["kinds"][kind]["p95"]
                factors.append(f"{after / before:>6.1f}x" if before else f"{'n/a':>7}")
            sizes = f"{small['size']}→{large['size']}"
            print(f"{small['engine']:>10} | {small['database']:>16} | {sizes:>14} | " + " | ".join(factors))


# ------------------------------------------------------------------------------------------------
# Worker (django.setup()-ed, on the bench database)
# ------------------------------------------------------------------------------------------------
def vocabulary_words():
    """Words and word pairs a visitor would type, from the phrase banks the demo titles are made of."""
    from portal.demo import text

    phrases = [phrase for subjects in text.TOPIC_SUBJECTS.values() for phrase in subjects]
    phrases += list(text.ROLES) + list(text.ADJECTIVES)
    phrases += [city for _country, _adjective, cities in text.PLACES for city in cities]
    singles, pairs = set(), set()
    for phrase in phrases:
        words = [word for word in phrase.replace("-", " ").split() if len(word) > 3 and word.lower() not in STOPWORDS]
        words = [word.strip("'’,.:").lower() for word in words]
        singles.update(words)
        pairs.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    # Title words that are not topic subjects.
    singles.update(["toolkit", "guide", "lessons", "policy", "research", "video", "tutorial", "practice", "schools"])
    return sorted(singles), sorted(pairs)


def facet_codes():
    from search.facets import FACETS_BY_NAME

    return {name: sorted(code for code, _label in FACETS_BY_NAME[name].choices()) for name in FACETS_BY_NAME}


def build_mix(rng, count, singles, pairs, codes):
    """[(kind, params)] for ``count`` requests, kinds in equal parts, in a seeded order."""

    def words():
        return rng.choice(pairs) if rng.random() < 0.5 else rng.choice(singles)

    def facet_value(name):
        return (name, rng.choice(codes[name]))

    def some_facets():
        names = ["type", "level", "topic", "topic", "resource_type", "level"]
        return [facet_value(rng.choice(names)) for _ in range(rng.randint(1, 3))]

    per_kind = count // len(KINDS)
    mix = []
    for _ in range(per_kind):
        mix.append(("text", [("q", words())]))
        mix.append(("facets", some_facets()))
        mix.append(
            ("text+3f", [("q", words()), facet_value("level"), facet_value("topic"), facet_value("resource_type")])
        )
        mix.append(("deep", [facet_value(rng.choice(["type", "level", "resource_type"]))]))
    rng.shuffle(mix)
    return mix


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def worker(options):
    sys.path.insert(0, str(ROOT))
    import hashlib
    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")  # WhiteNoise: no collectstatic for JSON

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    django.setup()

    import threading

    from django.db import DatabaseError, connection
    from django.db.backends.signals import connection_created
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.utils.http import urlencode

    import search.faceted
    from search.engines.registry import get_external_engine
    from search.models import SearchDocument

    setup_test_environment(debug=False)  # DEBUG off, as in production; 'testserver' allowed

    engine = get_external_engine()
    if (options.engine == "opensearch") != (engine is not None):
        raise SystemExit(
            f"engine {options.engine!r} asked for, PORTAL_SEARCH_URL is {os.environ.get('PORTAL_SEARCH_URL')!r}"
        )

    # Instrumentation only: which engine answered, and how many search-engine round trips.
    answered = []
    real_run_search = search.faceted.run_search

    def run_search(params):
        result = real_run_search(params)
        answered.append(result.engine)
        return result

    search.faceted.run_search = run_search
    engine_requests = [0]
    if engine is not None:
        real_engine_search = engine._search

        def counted_search(*args, **kwargs):
            engine_requests[0] += 1
            return real_engine_search(*args, **kwargs)

        engine._search = counted_search

    # A per-request cap, so that one pathological query cannot eat the run: PostgreSQL cancels the
    # statement (statement_timeout), SQLite is interrupted from a timer thread.
    timeout = options.request_timeout

    def set_statement_timeout(sender, connection, **kwargs):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET statement_timeout = {int(timeout * 1000)}")

    connection_created.connect(set_statement_timeout)
    if connection.connection is not None:
        set_statement_timeout(None, connection)

    client = Client()

    def get(params):
        """(response or None when the database gave up after the timeout)."""
        timer = None
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            timer = threading.Timer(timeout, connection.connection.interrupt)
            timer.start()
        try:
            return client.get("/en/search/?" + urlencode([("format", "json"), *params]))
        except Exception as exc:  # the 500 page itself may fail (no static manifest): look down the chain
            cause = exc
            while cause is not None and not isinstance(cause, DatabaseError):
                cause = cause.__context__
            if cause is None:
                raise
            # A fresh connection next time: an interrupted SQLite statement can leave the interrupt
            # pending for the following statements of the same connection.
            connection.close()
            return None
        finally:
            if timer is not None:
                timer.cancel()

    rng = random.Random(options.seed)
    singles, pairs = vocabulary_words()
    codes = facet_codes()
    mix = build_mix(rng, options.queries, singles, pairs, codes)

    # Deep pages: find the page count (untimed), then ask for one of the last four pages.
    page_counts = {}

    def page_count(params):
        key = tuple(params)
        if key not in page_counts:
            try:  # the database engine's count alone: no facet aggregates, so fast at any size
                from django.conf import settings

                from search.engines.database import DatabaseEngine
                from search.query import SearchParams

                engine_ = DatabaseEngine()
                filters = {}
                for name, code in params:
                    filters.setdefault(name, []).append(code)
                search_params = SearchParams(filters=filters, language="en")
                total = engine_.apply_filters(engine_.scoped_documents(search_params, None), search_params).count()
                page_counts[key] = max(1, math.ceil(total / settings.PORTAL_PAGE_SIZE))
            except Exception:
                response = get(params)
                page_counts[key] = response.json()["pages"] if response is not None else 1
        return page_counts[key]

    page_rng = random.Random(options.seed + 1)
    for position, (kind, params) in enumerate(mix):
        if kind == "deep":
            pages = page_count(params)
            mix[position] = (kind, [*params, ("page", str(max(1, pages - page_rng.randint(0, 3))))])

    warm_rng = random.Random(options.seed + 2)
    for _kind, params in build_mix(warm_rng, max(len(KINDS), options.warmup), singles, pairs, codes)[: options.warmup]:
        get(params)

    load_before = os.getloadavg()[0]
    samples = {kind: [] for kind in KINDS}
    slowest = {}
    spent = dict.fromkeys(KINDS, 0.0)
    for kind, params in mix:
        if spent[kind] > options.kind_budget:
            continue  # this kind has used its time: the rest of its (shuffled) requests are skipped
        answered.clear()
        engine_requests[0] = 0
        with CaptureQueriesContext(connection) as captured:
            cpu_started = time.process_time()
            started = time.perf_counter()
            response = get(params)
            elapsed = (time.perf_counter() - started) * 1000
            cpu = (time.process_time() - cpu_started) * 1000
        spent[kind] += elapsed / 1000
        if response is None:
            samples[kind].append((elapsed, len(captured.captured_queries), engine_requests[0], None, None, cpu))
            continue
        if response.status_code != 200:
            raise SystemExit(f"{params}: HTTP {response.status_code} {response.content[:300]!r}")
        if answered != [options.engine]:
            raise SystemExit(f"{params}: answered by {answered}, not {options.engine} (search engine down?)")
        body = response.json()
        samples[kind].append(
            (elapsed, len(captured.captured_queries), engine_requests[0], body["total"], body["page"], cpu)
        )
        if elapsed > slowest.get(kind, {}).get("ms", -1):
            slowest[kind] = {
                "ms": round(elapsed, 1),
                "params": params,
                "total": body["total"],
                "queries": [
                    {"ms": round(float(query["time"]) * 1000, 1), "sql": query["sql"]}
                    for query in captured.captured_queries
                ],
            }

    kinds = {}
    for kind, rows in samples.items():
        times = [row[0] for row in rows]
        kinds[kind] = {
            "n": len(rows),
            "p50": round(statistics.median(times), 1),
            "p95": round(percentile(times, 0.95), 1),
            "max": round(max(times), 1),
            "sql": statistics.median(row[1] for row in rows),
            "engine_requests": statistics.median(row[2] for row in rows),
            "timeouts": sum(row[3] is None for row in rows),
            "median_total": statistics.median([row[3] for row in rows if row[3] is not None] or [0]),
            "median_page": statistics.median([row[4] for row in rows if row[4] is not None] or [0]),
            "cpu_p50": round(statistics.median(row[5] for row in rows), 1),  # this process's CPU ms
        }
    if options.details:
        # Which code was measured: the tree may be edited between runs.
        code = hashlib.sha1(b"".join(path.read_bytes() for path in sorted((ROOT / "search").rglob("*.py"))))
        details = {
            "search_code_sha1": code.hexdigest()[:12],
            "loadavg_1min": [load_before, os.getloadavg()[0]],
            "kinds": kinds,
            "slowest": slowest,
        }
        Path(options.details).write_text(json.dumps(details, indent=1))
    print(json.dumps({"documents": SearchDocument.objects.count(), "kinds": kinds}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated --resources values")
    parser.add_argument("--engine", default="database", help="database, opensearch, or both comma-separated")
    parser.add_argument("--database-url", help="scratch database (default: a temporary SQLite file)")
    parser.add_argument("--queries", type=int, default=200, help="measured requests per size and engine (200)")
    parser.add_argument("--seed", type=int, default=1, help="seed of seed_demo and of the query mix (1)")
    parser.add_argument(
        "--kind-budget",
        type=float,
        default=60,
        help="seconds of measured requests per kind and size; later requests of a kind that exceeded it are "
        "skipped and the table shows how many were measured (60)",
    )
    parser.add_argument(
        "--request-timeout",
        type=float,
        default=30,
        help="seconds before the database abandons a request's query; counted as a timeout (30)",
    )
    parser.add_argument("--warmup", type=int, default=6, help="unmeasured requests first (6)")
    parser.add_argument("--news", type=int, default=30, help="seed_demo --news, the same at every size (30)")
    parser.add_argument("--courses", type=int, default=12, help="seed_demo --courses, the same at every size (12)")
    parser.add_argument("--search-url", default=os.environ.get("PORTAL_SEARCH_URL") or "opensearch://127.0.0.1:9200")
    parser.add_argument("--search-index", default="searchbench", help="alias for the OpenSearch runs (searchbench)")
    parser.add_argument("--media-root", help="MEDIA_ROOT for seeding (default: in the scratch directory)")
    parser.add_argument("--fresh", action="store_true", help="drop and re-create the PostgreSQL database first")
    parser.add_argument("--drop", action="store_true", help="drop the PostgreSQL database at the end")
    parser.add_argument("--keep", action="store_true", help="keep the SQLite file, media and OpenSearch indices")
    parser.add_argument("--lock", help="lock file shared by concurrent bench runs (see above)")
    parser.add_argument("--json", help="also write the rows to this JSON file (after every size)")
    parser.add_argument(
        "--details", help="per size and engine, write the slowest request's SQL to DETAILS.<engine>.<size>.json"
    )
    parser.add_argument("--from-json", nargs="+", help="print the tables of saved --json files and exit")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        worker(options)
    elif options.from_json:
        rows = [row for path in options.from_json for row in json.loads(Path(path).read_text())]
        print_tables(rows, options.queries)
    else:
        orchestrate(options)


if __name__ == "__main__":
    main()
