"""Which languages a page exists in, for the language switcher and the hreflang links.

One lookup per request (cached on it): the live translations of the current page, and the live
localized home pages for the languages it does not exist in.
"""

from functools import cache

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from wagtail.models import Locale, Page


@cache
def locale_codes():
    """{locale id: language code}; ``forget_locale_codes`` empties it when a Locale row changes."""
    return dict(Locale.objects.values_list("pk", "language_code"))


def forget_locale_codes(**kwargs):
    locale_codes.cache_clear()


def language_name(code):
    """The language's own name (as in settings.LANGUAGES): what a reader of that language looks for."""
    return dict(settings.LANGUAGES).get(code) or get_language_info(code)["name_local"]


def _live_translations(page, request=None):
    """{language: live page} for the translations of ``page`` (itself included), once per request."""
    if page is None or not getattr(page, "pk", None):
        return {}
    cache_key = f"_portal_translations_{page.translation_key}"
    cached = getattr(request, cache_key, None)
    if cached is None:
        rows = Page.objects.live().filter(translation_key=page.translation_key).select_related("locale")
        cached = {row.locale.language_code: row for row in rows}
        if request is not None:
            setattr(request, cache_key, cached)
    return cached


def page_languages(request, page=None, home=None):
    """[{code, name, url, current, available}] for every site language: ``available`` when the page
    exists in it (url = that translation), otherwise the url is that language's home page (or, outside
    the page tree, the same path in that language)."""
    current = get_language()
    cache_key = f"_portal_languages_{current}_{getattr(page, 'pk', None)}"
    cached = getattr(request, cache_key, None) if request is not None else None
    if cached is not None:
        return cached
    translations = _live_translations(page, request)
    homes = _live_translations(home, request) if page is not None else {}
    entries = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if page is None:
            url = translate_url(request.get_full_path(), code) if request is not None else f"/{code}/"
            available = True
        elif target is not None:
            url, available = target.get_url(request), True
        else:
            fallback = homes.get(code)
            url, available = (fallback.get_url(request) if fallback else f"/{code}/"), False
        entries.append(
            {
                "code": code,
                "name": language_name(code),
                "url": url,
                "current": code == current,
                "available": available,
                "bidi": get_language_info(code)["bidi"],
            }
        )
    if request is not None:
        setattr(request, cache_key, entries)
    return entries


def alternates(request, page):
    """[(hreflang, absolute url)] of the page's live translations, plus x-default (the default
    language's version, or the page itself)."""
    translations = _live_translations(page, request)
    if not translations:
        return []
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_full_url(request)
            if url:
                links.append((code, url))
    default = translations.get(settings.LANGUAGE_CODE) or page
    default_url = default.get_full_url(request)
    if default_url:
        links.append(("x-default", default_url))
    return links
