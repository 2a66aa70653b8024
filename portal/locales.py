"""Keeping every site language in step with ``settings.LANGUAGES``.

- ``sync_locale_rows``: one Wagtail ``Locale`` per language (after every ``migrate``);
- ``sync_structure``: the home page and the section index pages exist, live, in every language, as
  wagtail-localize translations of the default language's pages, so ``/xx/`` answers in every language
  before anything is translated and translators later translate them like any page. It runs from
  ``seed_demo``, ``manage.py sync_locales`` and whenever a structural page is published in the default
  language (``portal.apps``); each language with a home page also gets its translator group
  (``portal.translators``).
"""

import logging

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale, Page

from portal.editorial import sync_section_rights
from portal.translators import ensure_translator_groups

logger = logging.getLogger(__name__)


def sync_locale_rows(**kwargs):
    """Create the Locale rows the settings name (rows no longer listed are kept: pages may use them)."""
    existing = set(Locale.objects.values_list("language_code", flat=True))
    missing = [code for code, _name in settings.LANGUAGES if code not in existing]
    Locale.objects.bulk_create([Locale(language_code=code) for code in missing])
    return missing


def structural_models():
    from courses.models import CourseIndexPage
    from home.models import HomePage
    from news.models import NewsIndexPage
    from resources.models import ResourceIndexPage

    return (HomePage, NewsIndexPage, ResourceIndexPage, CourseIndexPage)


def structural_pages():
    """The default language's live home pages and their live section index pages, parents first."""
    home_model, *section_models = structural_models()
    default = Locale.get_default()
    pages = []
    for home in home_model.objects.live().filter(locale=default).order_by("path"):
        pages.append(home)
        for model in section_models:
            pages += list(model.objects.live().child_of(home).order_by("path"))
    return pages


def translate_page(page, locales, user=None, publish=True):
    """Make ``page`` a wagtail-localize translation source and create its missing translations in
    ``locales`` (untranslated text shows the source's until a translator translates it). Returns the
    number of translations created."""
    from wagtail_localize.models import Translation, TranslationSource

    page = page.specific
    existing = set(Page.objects.filter(translation_key=page.translation_key).values_list("locale_id", flat=True))
    targets = [locale for locale in locales if locale.pk not in existing and locale.pk != page.locale_id]
    if not targets:
        return 0
    source, _created = TranslationSource.get_or_create_from_instance(page)
    for locale in targets:
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        # Save a draft, then publish it here: wagtail-localize would publish in a transaction.on_commit
        # callback, which never runs when this is called inside a larger transaction (seed_demo).
        translation.save_target(user=user, publish=False)
        if publish:
            target = translation.get_target_instance()
            target.get_latest_revision().publish(user=user)
    return len(targets)


def sync_structure(languages=None, user=None):
    """Create the missing home and section pages in every site language (or in ``languages``)."""
    sync_locale_rows()
    codes = languages or [code for code, _name in settings.LANGUAGES]
    locales = list(Locale.objects.filter(language_code__in=codes))
    created = 0
    with transaction.atomic():
        for page in structural_pages():
            created += translate_page(page, locales, user=user)
        ensure_translator_groups(codes)
        sync_section_rights()
    if created:
        logger.info("Created %s structural page translations", created)
    return created
