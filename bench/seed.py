"""Time ``manage.py seed_demo`` at several sizes, each on a fresh database, and print a table.

    .venv/bin/python bench/seed.py                       # SQLite, 1000 / 5000 / 20000 resources
    .venv/bin/python bench/seed.py --sizes 200 2000
    .venv/bin/python bench/seed.py --postgres postgres://portal:portal@127.0.0.1:54329/seedbench

Each size gets a new database (a temporary SQLite file, or the PostgreSQL database dropped and
re-created) and a temporary MEDIA_ROOT; ``migrate`` is not timed. Peak memory is the seed process's
maximum resident set size. A second ``seed_demo`` run on the full database shows the idempotent no-op.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def recreate_postgres(url):
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def run(args, env):
    """Run a manage.py command; returns (wall seconds, peak RSS in MB of that child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the maximum over all waited-for children: report it only when it grew.
    return elapsed, (peak / 1024 if peak > before else float("nan"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000], help="--resources values")
    parser.add_argument("--news", type=int, default=30)
    parser.add_argument("--courses", type=int, default=12)
    parser.add_argument("--postgres", help="PostgreSQL URL of a scratch database (dropped and re-created)")
    options = parser.parse_args()

    rows = []
    for size in options.sizes:
        with tempfile.TemporaryDirectory(prefix="seedbench-") as scratch:
            if options.postgres:
                recreate_postgres(options.postgres)
                database_url = options.postgres
            else:
                database_url = f"sqlite:///{scratch}/db.sqlite3"
            env = {
                **os.environ,
                "DATABASE_URL": database_url,
                "MEDIA_ROOT": f"{scratch}/media",
                "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            }
            run(["migrate", "--noinput", "-v0"], env)
            seed_args = ["seed_demo", f"--resources={size}", f"--news={options.news}", f"--courses={options.courses}"]
            seconds, peak_mb = run([*seed_args, "-v0"], env)
            again, _ = run([*seed_args, "-v0"], env)
            pages = size + options.news + options.courses
            rows.append((size, pages, seconds, pages / seconds, again, peak_mb))
            print(f"  {size} resources: {seconds:.1f} s", file=sys.stderr)
        if options.postgres:
            recreate_postgres(options.postgres)

    engine = "PostgreSQL" if options.postgres else "SQLite"
    print(f"\nseed_demo on {engine} (fresh database per row; migrate not included)\n")
    columns = [("resources", 9), ("pages", 6), ("seconds", 8), ("pages/s", 7), ("re-run s", 8), ("peak RSS MB", 11)]
    header = " | ".join(f"{name:>{width}}" for name, width in columns)
    print(header)
    print("-" * len(header))
    for size, pages, seconds, rate, again, peak_mb in rows:
        print(f"{size:>9} | {pages:>6} | {seconds:>8.1f} | {rate:>7.0f} | {again:>8.1f} | {peak_mb:>11.0f}")


if __name__ == "__main__":
    main()
