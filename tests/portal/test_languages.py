"""Every language: the list in settings, Locale rows, per-language structure, URLs, <html lang dir>,
the language switcher, hreflang links and the listings' fallback to items in other languages."""

import re

from django.conf import settings

from wagtail.models import Locale, Page

import pytest

from news.factories import NewsIndexPageFactory
from news.models import NewsIndexPage
from portal.locales import sync_locale_rows, sync_structure
from portal.settings.base import machine_translator
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from resources.models import ResourceIndexPage
from tests.fixtures import soup

EU_OFFICIAL = "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv".split()  # noqa: SIM905
OTHERS = "is nb mk sq sr tr uk ar".split()  # noqa: SIM905


def test_thirty_two_languages_from_one_list():
    codes = [code for code, _name in settings.LANGUAGES]
    assert sorted(codes) == sorted(EU_OFFICIAL + OTHERS) and len(codes) == 32
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES


@pytest.mark.django_db
def test_locale_rows_follow_the_settings(settings):
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {c for c, _n in settings.LANGUAGES}
    settings.LANGUAGES = [*settings.LANGUAGES, ("lb", "Lëtzebuergesch")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    assert sync_locale_rows() == ["lb"]
    assert sync_locale_rows() == []  # idempotent


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "expected"),
    [("fr-FR,fr;q=0.9,en;q=0.5", "/fr/"), ("de-AT", "/de/"), ("ja,zh;q=0.8", "/en/"), ("", "/en/"), ("ar", "/ar/")],
)
def test_root_redirects_to_the_best_language(client, home_page, accept, expected):
    response = client.get("/", headers={"Accept-Language": accept} if accept else {})
    assert response.status_code == 302 and response["Location"] == expected


@pytest.mark.django_db
def test_admin_sitemap_and_documents_stay_unprefixed(client, home_page):
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/en/admin/login/").status_code == 404
    health = client.get("/healthz")
    assert health.status_code == 200 and health.json() == {"status": "ok", "database": "ok"}
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "direction"), [("fr", "ltr"), ("ar", "rtl"), ("mt", "ltr"), ("uk", "ltr")])
def test_html_lang_and_dir_follow_the_language(client, home_page, language, direction):
    sync_structure(languages=[language])
    html = client.get(f"/{language}/").content.decode()
    assert re.search(rf'<html lang="{language}" dir="{direction}">', html)


@pytest.mark.django_db
def test_every_language_gets_its_home_and_sections(client, home_page):
    NewsIndexPageFactory(parent=home_page, slug="news")
    ResourceIndexPageFactory(parent=home_page, slug="resources")
    created = sync_structure(languages=["fr", "pl", "ar"])
    assert created == 9  # home, news, resources in three languages
    assert sync_structure(languages=["fr", "pl", "ar"]) == 0
    for language in ("fr", "pl", "ar"):
        response = client.get(f"/{language}/resources/")
        assert response.status_code == 200
        assert response.context["page"].locale.language_code == language
        assert isinstance(response.context["page"], ResourceIndexPage)


@pytest.mark.django_db
def test_publishing_a_new_section_creates_its_translations(settings, home_page):
    settings.PORTAL_SYNC_STRUCTURE_ON_PUBLISH = True
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("de", "Deutsch"), ("ar", "العربية")]
    NewsIndexPageFactory(parent=home_page, slug="news")  # published by the factory
    languages = set(NewsIndexPage.objects.live().values_list("locale__language_code", flat=True))
    assert languages == {"en", "de", "ar"}


@pytest.fixture
def translated_resource(home_page):
    index = ResourceIndexPageFactory(parent=home_page, slug="resources")
    sync_structure(languages=["fr"])
    resource = ResourcePageFactory(parent=index, title="Outdoor learning", slug="outdoor-learning")
    french = resource.copy_for_translation(Locale.objects.get(language_code="fr"), copy_parents=False)
    french.title = "Apprendre dehors"
    french.save_revision().publish()
    english_only = ResourcePageFactory(parent=index, title="Coding club", slug="coding-club")
    return resource, french, english_only


@pytest.mark.django_db
def test_switcher_lists_the_translations_then_the_other_homes(client, translated_resource):
    resource, french, _english_only = translated_resource
    page = soup(client.get(resource.url).content.decode())
    switcher = page.select_one("nav.language-switcher")
    lists = switcher.select("ul.language-switcher__list")
    available = {a["hreflang"]: a["href"] for a in lists[0].select("a")}
    assert available == {"en": resource.url, "fr": french.url}
    assert lists[0].select_one('a[aria-current="true"]')["hreflang"] == "en"
    others = {a["hreflang"]: a["href"] for a in lists[1].select("a")}
    assert set(others) == {c for c, _n in settings.LANGUAGES} - {"en", "fr"}
    assert others["de"] == "/de/"  # no German home yet: the language's root, which serves the default home
    assert lists[1].select_one('a[hreflang="ar"]')["dir"] == "rtl"
    assert all(a["lang"] == a["hreflang"] for a in switcher.select("a"))


@pytest.mark.django_db
def test_hreflang_alternates_and_canonical(client, translated_resource):
    resource, french, _english_only = translated_resource
    page = soup(client.get(french.url).content.decode())
    alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"]')}
    assert alternates == {"en": resource.full_url, "fr": french.full_url, "x-default": resource.full_url}
    assert page.select_one('link[rel="canonical"]')["href"] == french.full_url


@pytest.mark.django_db
def test_listing_prefers_the_visitor_language_and_marks_fallbacks(client, translated_resource):
    resource, french, english_only = translated_resource
    page = soup(client.get("/fr/resources/").content.decode())
    titles = [a.get_text(strip=True) for a in page.select(".card__title a")]
    assert sorted(titles) == ["Apprendre dehors", "Coding club"]  # the translated item once, in French
    badges = [badge.get_text(strip=True) for badge in page.select(".badge--language")]
    assert badges == ["English"]
    assert page.select_one(".badge--language")["lang"] == "en"


@pytest.mark.django_db
def test_home_page_falls_back_to_items_in_other_languages(client, translated_resource):
    resource, french, english_only = translated_resource
    response = client.get("/fr/")
    newest = [item.pk for item in response.context["newest_resources"]]
    assert set(newest) == {french.pk, english_only.pk}
    assert Page.objects.get(pk=newest[0]).locale.language_code in {"fr", "en"}


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "wagtail_localize.machine_translators.dummy.DummyTranslator"),
        ({"PORTAL_MACHINE_TRANSLATOR": "deepl", "DEEPL_AUTH_KEY": "k:fx"}, "deepl.DeepLTranslator"),
        (
            {"PORTAL_MACHINE_TRANSLATOR": "libretranslate", "LIBRETRANSLATE_URL": "http://127.0.0.1:5000"},
            "libretranslate.LibreTranslator",
        ),
        ({"PORTAL_MACHINE_TRANSLATOR": "off"}, None),
    ],
)
def test_machine_translator_from_the_environment(environ, expected):
    config = machine_translator(environ)
    if expected is None:
        assert config is None
    else:
        assert config["CLASS"].endswith(expected)


def test_unknown_machine_translator_is_refused():
    with pytest.raises(ValueError, match="PORTAL_MACHINE_TRANSLATOR"):
        machine_translator({"PORTAL_MACHINE_TRANSLATOR": "babelfish"})
