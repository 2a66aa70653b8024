"""``manage.py seed_demo``: a believable demo site for the default locale, fast at any size."""

import logging
import sys
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from portal.demo.seeder import DemoSeeder
from portal.demo.translations import DEMO_LANGUAGES, translate_demo_content
from portal.locales import sync_structure
from search import indexing as search_indexing


def positive_or_zero(value):
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


# Loggers that report every page save and background task at INFO: one line per page is noise here.
CHATTY_LOGGERS = ("wagtail", "django_tasks")


@contextmanager
def quiet_loggers(names, level=logging.WARNING):
    loggers = [logging.getLogger(name) for name in names]
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(level)
    try:
        yield
    finally:
        for logger, old_level in zip(loggers, previous, strict=True):
            logger.setLevel(old_level)


class Command(BaseCommand):
    help = (
        "Create demo content: section pages, an About page, generated images and documents, and N resources, "
        "news items and courses. Deterministic for a given --seed; running it again only adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--resources", type=positive_or_zero, default=60, help="Number of resources (60).")
        parser.add_argument("--news", type=positive_or_zero, default=30, help="Number of news items (30).")
        parser.add_argument("--courses", type=positive_or_zero, default=12, help="Number of courses (12).")
        parser.add_argument("--seed", type=int, default=1, help="Seed for the generated content (1).")
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if news, resources, courses or demo media exist."
        )
        parser.add_argument("--batch-size", type=int, default=1000, help="Pages per transaction (1000).")

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        if options["if_empty"] and DemoSeeder.has_demo_content():
            if verbosity:
                self.stdout.write("Demo content already exists; nothing to do (--if-empty).")
            return

        def progress_factory(kind, total):
            return tqdm(
                total=total,
                desc=f"{kind:>8}",
                unit=" pages",
                file=sys.stderr,
                disable=verbosity < 1,
                mininterval=0.5,
                dynamic_ncols=True,
            )

        seeder = DemoSeeder(
            options["seed"],
            batch_size=options["batch_size"],
            log=(lambda message: self.stdout.write(message)) if verbosity > 1 else None,
            progress_factory=progress_factory,
            after_batch=search_indexing.index_pages,
        )
        try:
            with quiet_loggers(CHATTY_LOGGERS if verbosity < 3 else ()):
                stats = seeder.run(resources=options["resources"], news=options["news"], courses=options["courses"])
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        structure_languages = getattr(settings, "PORTAL_DEMO_STRUCTURE_LANGUAGES", None)
        structure = sync_structure(languages=structure_languages)
        translated = translate_demo_content(
            [code for code in DEMO_LANGUAGES if structure_languages is None or code in structure_languages]
        )
        if verbosity:
            created = ", ".join(f"{stats[f'{kind}_created']} {kind}" for kind in ("resource", "news", "course"))
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content ready (seed {options['seed']}): created {created} pages, "
                    f"{stats['images_created']} images, {stats['documents_created']} documents "
                    f"in {stats['total_seconds']} s; {structure} structural page translations created, "
                    f"{translated} pages translated into {', '.join(DEMO_LANGUAGES)}."
                )
            )
