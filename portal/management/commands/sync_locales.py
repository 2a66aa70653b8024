from django.core.management.base import BaseCommand

from portal.locales import sync_locale_rows, sync_structure


class Command(BaseCommand):
    help = (
        "Create the Locale rows of settings.LANGUAGES and the home and section pages in every language "
        "(as wagtail-localize translations of the default language's pages). Safe to run again."
    )

    def handle(self, *args, **options):
        added = sync_locale_rows()
        created = sync_structure()
        self.stdout.write(
            self.style.SUCCESS(f"{len(added)} locale(s) added, {created} structural page translation(s) created.")
        )
