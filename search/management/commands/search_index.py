import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from tqdm import tqdm

from search import indexing
from search.engines.registry import get_external_engine
from search.models import SearchDocument


class Command(BaseCommand):
    help = (
        "Maintain the search indexes. `rebuild` rewrites the database facet index and, when "
        "PORTAL_SEARCH_URL is set, builds a fresh engine index behind the alias and swaps it in atomically. "
        "`status` compares the indexes with the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status"])
        parser.add_argument("--no-progress", action="store_true", help="Do not draw a progress bar.")

    def handle(self, *args, action, no_progress, **options):
        if action == "rebuild":
            self.rebuild(progress=not no_progress)
        else:
            ok = self.status()
            if not ok:
                raise CommandError("The search index is out of step with the database.")

    def rebuild(self, progress):
        total = indexing.count_searchable()
        engine = get_external_engine()
        new_index = None
        if engine is not None:
            new_index = engine.new_index_name()
            engine.create_index(new_index)
        bar = tqdm(total=total, unit="page", disable=not progress, file=sys.stderr, desc="Indexing")
        # One transaction: searches keep seeing the old facet index until the new one is complete.
        with transaction.atomic():
            SearchDocument.objects.all().delete()
            for documents in indexing.iter_documents():
                indexing.write_documents(documents)
                if engine is not None:
                    engine.index_documents(documents, index=new_index)
                bar.update(len(documents))
        bar.close()
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            # The rewrite leaves two dead row versions per document behind (the old row, and the inserted
            # one that the search columns then updated); a facet pass would scan them all. Compact the
            # table (an exclusive lock for a few seconds: ~15 s at 100,000 documents) and refresh the
            # planner's statistics.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM FULL ANALYZE search_searchdocument")
                cursor.execute("VACUUM ANALYZE search_searchfacetvalue")
        message = f"Indexed {total} pages in the database facet index"
        if engine is not None:
            engine.refresh(new_index)
            old = engine.swap_alias(new_index)
            message += f"; {engine.name} alias '{engine.alias}' now points at {new_index}"
            if old:
                message += f" (dropped {', '.join(old)})"
        self.stdout.write(self.style.SUCCESS(message + "."))

    def status(self):
        expected = indexing.searchable_ids()
        in_database = set(SearchDocument.objects.values_list("page_id", flat=True))
        ok = self.report("database facet index", expected, in_database)
        engine = get_external_engine()
        if engine is not None:
            indices = engine.current_indices()
            if not indices:
                self.stdout.write(self.style.ERROR(f"{engine.name}: no index behind alias '{engine.alias}'"))
                return False
            self.stdout.write(f"{engine.name} alias '{engine.alias}' → {', '.join(indices)}")
            ok = self.report(f"{engine.name} index", expected, engine.indexed_ids()) and ok
        return ok

    def report(self, name, expected, actual):
        missing, extra = expected - actual, actual - expected
        line = f"{name}: {len(actual)} documents for {len(expected)} searchable pages"
        if not missing and not extra:
            self.stdout.write(self.style.SUCCESS(line + ", in step."))
            return True
        detail = f", {len(missing)} missing, {len(extra)} stale"
        sample = sorted(missing)[:10] or sorted(extra)[:10]
        self.stdout.write(self.style.WARNING(f"{line}{detail} (e.g. page ids {sample})."))
        return False
