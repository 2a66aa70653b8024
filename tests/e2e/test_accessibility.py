"""Axe (WCAG 2.x A/AA and best practices) on every public template, keyboard access and small screens."""

import os
import shutil

from wagtail.models import Collection, Locale, Site

import pytest
from axe_playwright_python.sync_playwright import Axe

from home.models import HomePage
from news.factories import NewsIndexPageFactory
from portal.locales import sync_structure
from portal.models import Topic
from tests.e2e.axe_report import format_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

MOBILE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def axe():
    return Axe()


def assert_no_violations(axe, page, url, *, status=200):
    response = page.goto(url)
    assert response is not None and response.status == status, url
    results = axe.run(page)
    violations = results.response["violations"]
    assert not violations, f"axe violations on {url}:\n{format_violations(violations)}"


@pytest.mark.parametrize("run", [1, 2])
def test_data_migrations_are_restored_between_browser_tests(live_server, page, run):
    """serialized_rollback brings back the migration-made rows before every browser test."""
    assert HomePage.objects.filter(depth=2, locale__language_code="en").count() == 1
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert Collection.get_first_root_node() is not None
    assert Topic.objects.count() > 40
    page.goto(live_server.url + "/en/")
    assert page.locator("h1").inner_text() == "Learn from each other, across Europe"
    NewsIndexPageFactory(
        parent=HomePage.objects.get(depth=2, locale__language_code="en"), slug=f"news-{run}"
    )  # flushed after the test


@pytest.mark.parametrize(
    "target",
    ["home", "news_index", "resource_index", "course_index", "news", "resource", "course", "about"],
)
def test_pages_have_no_axe_violations(live_server, page, axe, demo_site, target):
    pages = {
        **demo_site,
        "news": demo_site["news"][0],
        "resource": demo_site["resources"][0],
        "course": demo_site["courses"][0],
    }
    assert_no_violations(axe, page, live_server.url + pages[target].url)
    if target in {"resource", "course", "about"}:
        # The page really has what we meant to check: attachments, modules, every block type.
        body = page.content()
        expected = {
            "resource": ["Pupil worksheets", "Teacher guide"],
            "course": ["Why we assess", "Tools that help"],
            "about": ["<blockquote>", "<details", "<table>", "block-cta", "document-list", "Teachers at a workshop"],
        }[target]
        for text in expected:
            assert text in body, text


@pytest.mark.parametrize("query", ["inclusive", "zzqxnothing", ""])
def test_search_page_has_no_axe_violations(live_server, page, axe, demo_site, query):
    assert_no_violations(axe, page, f"{live_server.url}/en/search/?q={query}")
    if query == "inclusive":
        assert page.locator(".card").count() >= 1
    if query == "zzqxnothing":
        assert "No results" in page.content()


def test_search_error_has_no_axe_violations(live_server, page, axe, demo_site):
    assert_no_violations(axe, page, f"{live_server.url}/en/search/?q={'x' * 201}", status=400)
    assert page.get_by_role("alert").is_visible()


def test_404_page_has_no_axe_violations(live_server, page, axe, demo_site):
    assert_no_violations(axe, page, f"{live_server.url}/en/no-such-page/", status=404)


def test_skip_link_is_first_and_moves_focus_to_main(live_server, page, demo_site):
    page.goto(live_server.url + demo_site["resources"][0].url)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.getAttribute('href')]")
    assert focused == ["skip-link", "#main"]
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('main').contains(document.activeElement)")


@pytest.mark.parametrize("target", ["home", "resource_index", "resource", "course", "about"])
def test_no_horizontal_scroll_at_360px(live_server, browser, demo_site, target, tmp_path):
    context = browser.new_context(viewport=MOBILE)
    try:
        page = context.new_page()
        obj = {**demo_site, "resource": demo_site["resources"][0], "course": demo_site["courses"][0]}[target]
        page.goto(live_server.url + obj.url)
        page.screenshot(path=str(tmp_path / f"{target}-360.png"), full_page=True)
        widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"{target} scrolls horizontally at 360px: {widths}"
    finally:
        context.close()


def test_screenshots(live_server, browser, demo_site, tmp_path):
    """Full-page screenshots at desktop and mobile widths; set PORTAL_SCREENSHOT_DIR to keep them."""
    targets = {
        "home": demo_site["home"].url,
        "resource-index": demo_site["resource_index"].url,
        "resource": demo_site["resources"][0].url,
        "course": demo_site["courses"][0].url,
        "about": demo_site["about"].url,
        "search": "/en/search/?q=school",
        "not-found": "/en/no-such-page/",
    }
    for label, viewport in {"desktop": {"width": 1280, "height": 800}, "mobile": {"width": 375, "height": 812}}.items():
        context = browser.new_context(viewport=viewport)
        try:
            page = context.new_page()
            for name, url in targets.items():
                page.goto(live_server.url + url)
                # Card images load lazily: load them all so the full-page capture shows them.
                page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(tmp_path / f"{name}-{label}.png"), full_page=True)
        finally:
            context.close()
    keep = os.environ.get("PORTAL_SCREENSHOT_DIR")
    if keep:
        shutil.copytree(tmp_path, keep, dirs_exist_ok=True)
    assert len(list(tmp_path.glob("*.png"))) == 2 * len(targets)


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_translated_and_right_to_left_pages_have_no_axe_violations(live_server, page, axe, demo_site, language):
    """The interface in another language, right to left for Arabic, with the language switcher open."""
    sync_structure(languages=[language])
    resource = demo_site["resources"][0]
    translated = resource.copy_for_translation(Locale.objects.get(language_code=language))
    translated.title = {"ar": "التعلم في الهواء الطلق", "fr": "Apprendre dehors"}[language]
    translated.save_revision().publish()
    for path in (f"/{language}/", f"/{language}/resources/", translated.url, f"/{language}/search/?q=school"):
        assert_no_violations(axe, page, live_server.url + path)
        html = page.locator("html")
        assert html.get_attribute("lang") == language
        assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    page.goto(live_server.url + translated.url)
    page.locator("summary.language-switcher__toggle").click()
    assert page.locator(".language-switcher__panel").is_visible()
    results = axe.run(page)
    assert not results.response["violations"], format_violations(results.response["violations"])
    page.locator('.language-switcher__panel a[hreflang="en"]').click()
    assert page.url.rstrip("/").endswith(resource.url.rstrip("/"))
