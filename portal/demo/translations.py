"""Demo translations, made the way a translator makes them: through wagtail-localize.

For each demo language with a phrase book (``translations/<lang>.json``: English segment → translation,
written by people for seed 1's first items), the home page, the section pages and the first few news
items, resources and courses become wagtail-localize translations whose segments are filled from the
book, then published. Segments without an entry keep the English text (as wagtail-localize shows
untranslated segments); pages with no entry at all are left untranslated, so another seed simply
translates fewer pages.
"""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from portal.locales import structural_pages

BOOKS = Path(__file__).resolve().parent / "translations"
DEMO_LANGUAGES = ("fr", "de", "es", "it", "pl", "ar")
ITEMS_PER_TYPE = {"resources.ResourcePage": 4, "news.NewsPage": 3, "courses.CoursePage": 2}


def phrase_book(code):
    path = BOOKS / f"{code}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def demo_pages():
    from django.apps import apps

    pages = [page.specific for page in structural_pages()]
    default = Locale.get_default()
    for label, count in ITEMS_PER_TYPE.items():
        model = apps.get_model(label)
        pages += list(model.objects.live().filter(locale=default).order_by("path")[:count])
    return pages


def translate_demo_content(languages=DEMO_LANGUAGES, user=None):
    """Translate and publish the demo pages in ``languages`` (those in settings.LANGUAGES). Returns the
    number of pages translated; running it again translates nothing new."""
    enabled = {code for code, _name in settings.LANGUAGES}
    locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=languages)}
    done = 0
    with transaction.atomic():
        for page in demo_pages():
            source, _created = TranslationSource.get_or_create_from_instance(page)
            segments = list(source.stringsegment_set.select_related("string", "context").order_by("order"))
            for code in languages:
                book = phrase_book(code)
                locale = locales.get(code)
                known = [segment for segment in segments if segment.string.data in book]
                if code not in enabled or locale is None or not known:
                    continue
                # Strings are shared between pages, so a page counts as done when its title (or, without a
                # title in the book, its first known segment) is translated: by an earlier run or a person.
                marker = next((segment for segment in known if segment.context.path == "title"), known[0])
                if StringTranslation.objects.filter(translation_of=marker.string, locale=locale).exists():
                    continue
                translation, _created = Translation.objects.update_or_create(
                    source=source, target_locale=locale, defaults={"enabled": True}
                )
                StringTranslation.objects.bulk_create(
                    [
                        StringTranslation(
                            translation_of=segment.string,
                            locale=locale,
                            context=segment.context,
                            data=book[segment.string.data],
                            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                            last_translated_by=user,
                        )
                        for segment in known
                    ],
                    ignore_conflicts=True,
                )
                translation.save_target(user=user, publish=False)
                translation.get_target_instance().get_latest_revision().publish(user=user)
                done += 1
    return done
