"""The faceted search in a browser: progressive enhancement, no-JS fallback, listings, axe and keyboard.

Every count below comes from the hand-made catalogue in ``tests.search.catalogue`` (9 items): with no query
there are 9 results, ``level=primary`` keeps 4 (2 news, 1 resource, 1 course), ``q=mathematics`` finds 5,
adding ``level=primary`` keeps 2 and adding ``type=resource`` keeps 1 (the outdoor mathematics toolkit).
"""

import datetime
import os
import re
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from home.models import HomePage
from portal.models import EducationalLevel, ResourceType
from resources.factories import ResourcePageFactory
from search.indexing import rebuild_database_index
from tests.e2e.axe_report import format_violations
from tests.search.catalogue import build_catalogue

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 812}
EXTRA_ITEMS = 15  # with PORTAL_PAGE_SIZE = 12: "worksheet" finds 15 items, on two pages


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture
def catalogue(db):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    pages = build_catalogue(home)
    rebuild_database_index()
    return pages


@pytest.fixture
def paged_catalogue(catalogue):
    """The catalogue plus 15 resources that all match "worksheet": two pages of results."""
    primary = EducationalLevel.objects.get(code="primary")
    toolkit = ResourceType.objects.get(code="toolkit")
    for n in range(EXTRA_ITEMS):
        ResourcePageFactory(
            parent=catalogue["resource_index"],
            title=f"Worksheet pack {n + 1:02d}",
            slug=f"worksheet-pack-{n + 1:02d}",
            summary="Printable worksheets for the classroom.",
            publication_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
            resource_type=toolkit,
            levels=[primary],
        )
    rebuild_database_index()
    return catalogue


# ---------- helpers ----------


def search_url(live_server, query=""):
    return f"{live_server.url}/en/search/{query}"


def params_of(url):
    return {key: sorted(values) for key, values in parse_qs(urlsplit(url).query).items()}


def result_count(page):
    return page.locator("[data-result-count]")


def card_titles(page):
    return [title.strip() for title in page.locator("[data-search-region] .card__title").all_inner_texts()]


def facet_count(page, facet, code):
    return page.locator(f"label[for='facet-{facet}-{code}'] .facet__count")


def set_marker(page):
    """A full page load would lose this; swaps in place keep it."""
    page.evaluate("() => { window.__marker = 1; }")


def assert_no_reload(page):
    assert page.evaluate("() => window.__marker") == 1, "the page was reloaded"


def active_element(page):
    return page.evaluate(
        "() => { const el = document.activeElement;"
        " return {id: el.id, tag: el.tagName.toLowerCase(), count: el.hasAttribute('data-result-count'),"
        " text: el.textContent.trim().slice(0, 60)}; }"
    )


def focus_is_visible(page):
    """The focused element matches :focus-visible and draws an outline (or a box shadow)."""
    return page.evaluate(
        "() => { const el = document.activeElement; const style = getComputedStyle(el);"
        " const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;"
        " return el.matches(':focus-visible') && (outline || style.boxShadow !== 'none'); }"
    )


def status_region(page):
    return page.locator("[data-search-status]")


def assert_axe_clean(axe, page):
    violations = axe.run(page).response["violations"]
    assert not violations, f"axe violations on {page.url}:\n{format_violations(violations)}"


def assert_no_horizontal_scroll(page):
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"{page.url} scrolls horizontally: {widths}"


# ---------- 1. progressive enhancement ----------


def test_ticking_a_facet_refreshes_results_in_place(live_server, page, catalogue):
    page.goto(search_url(live_server))
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs-faceted\b"))
    expect(result_count(page)).to_have_text("9 results")
    expect(facet_count(page, "type", "news")).to_have_text("3")
    expect(page.get_by_role("button", name="Apply filters")).to_be_hidden()
    set_marker(page)

    page.get_by_role("checkbox", name=re.compile(r"^Primary education")).check()

    expect(page).to_have_url(re.compile(r"[?&]level=primary(&|$)"))
    expect(result_count(page)).to_have_text("4 results")
    expect(facet_count(page, "type", "news")).to_have_text("2")
    expect(facet_count(page, "type", "resource")).to_have_text("1")
    expect(facet_count(page, "type", "course")).to_have_text("1")
    expect(facet_count(page, "level", "primary")).to_have_text("4")  # a facet does not narrow its own counts
    expect(page.locator("#facet-level-primary")).to_be_checked()
    expect(page.locator("#facet-level-primary")).to_be_focused()
    expect(status_region(page)).to_have_attribute("aria-live", "polite")
    expect(status_region(page)).to_have_text("4 results")
    assert sorted(card_titles(page)) == [
        "Inclusion in primary schools",
        "Inclusive classrooms for newcomers",
        "Outdoor mathematics toolkit",
        "Outdoor mathematics week in Finland",
    ]
    expect(page.get_by_role("link", name="Remove filter Educational level: Primary education")).to_be_visible()
    assert_no_reload(page)

    page.go_back()
    expect(page).to_have_url(search_url(live_server))
    expect(result_count(page)).to_have_text("9 results")
    expect(facet_count(page, "type", "news")).to_have_text("3")
    expect(page.locator("#facet-level-primary")).not_to_be_checked()
    assert_no_reload(page)

    page.go_forward()
    expect(page).to_have_url(re.compile(r"[?&]level=primary(&|$)"))
    expect(result_count(page)).to_have_text("4 results")
    expect(page.locator("#facet-level-primary")).to_be_checked()
    assert_no_reload(page)


def test_removing_a_chip_and_clear_all_refresh_in_place(live_server, page, catalogue):
    page.goto(search_url(live_server, "?q=mathematics&level=primary&type=resource"))
    expect(result_count(page)).to_have_text(re.compile(r"^1 result\b"))
    set_marker(page)

    page.get_by_role("link", name="Remove filter Content type: Resource").click()
    expect(result_count(page)).to_have_text(re.compile(r"^2 results\b"))
    assert params_of(page.url) == {"level": ["primary"], "q": ["mathematics"]}
    expect(page.locator("#facet-type-resource")).not_to_be_checked()
    expect(page.locator("#facet-level-primary")).to_be_checked()
    expect(status_region(page)).to_have_text(re.compile(r"^2 results\b"))
    # The chip that had focus is gone: focus goes to the new result count, not back to the top of the page.
    assert active_element(page)["count"]
    assert_no_reload(page)

    page.get_by_role("link", name="Clear all").click()
    expect(result_count(page)).to_have_text(re.compile(r"^5 results\b"))
    assert params_of(page.url) == {"q": ["mathematics"]}
    assert not page.url.endswith("?")
    expect(page.locator("[data-search-facets] input:checked")).to_have_count(0)
    expect(page.locator(".chip")).to_have_count(0)
    expect(page.locator("#faceted-q")).to_have_value("mathematics")
    assert_no_reload(page)

    page.go_back()
    expect(result_count(page)).to_have_text(re.compile(r"^2 results\b"))
    expect(page.locator("#facet-level-primary")).to_be_checked()
    assert_no_reload(page)


def test_changing_the_sort_refreshes_in_place(live_server, page, catalogue):
    page.goto(search_url(live_server, "?q=mathematics"))
    expect(page.locator("#faceted-sort")).to_have_value("relevance")
    expect(page.get_by_role("button", name="Sort", exact=True)).to_be_hidden()
    set_marker(page)

    page.locator("#faceted-sort").focus()  # as a user choosing an option would have it
    page.locator("#faceted-sort").select_option("title")
    expect(page).to_have_url(re.compile(r"[?&]sort=title(&|$)"))
    expect(page.locator("#faceted-sort")).to_have_value("title")
    expected = [
        "Digital assessment guide",
        "Mathematics anxiety in secondary school",
        "Outdoor mathematics toolkit",
        "Outdoor mathematics week in Finland",
        "Teaching mathematics with digital tools",
    ]
    expect(page.locator("[data-search-region] .card__title")).to_have_text(expected)
    expect(page.locator("#faceted-sort")).to_be_focused()
    assert_no_reload(page)

    page.locator("#faceted-sort").select_option("oldest")
    expect(page.locator("[data-search-region] .card__title").first).to_have_text(
        "Mathematics anxiety in secondary school"
    )
    assert params_of(page.url)["sort"] == ["oldest"]
    assert_no_reload(page)


def test_new_words_in_the_search_box_refresh_in_place(live_server, page, catalogue):
    page.goto(search_url(live_server, "?level=primary"))
    set_marker(page)
    page.locator("#faceted-q").fill("mathematics")
    page.locator("#faceted-q").press("Enter")
    expect(result_count(page)).to_have_text(re.compile(r"^2 results\b"))
    assert params_of(page.url)["q"] == ["mathematics"]
    assert params_of(page.url)["level"] == ["primary"]
    expect(page.locator("#faceted-q")).to_be_focused()
    expect(page).to_have_title(re.compile("mathematics"))
    assert_no_reload(page)


def test_pagination_swaps_results_in_place(live_server, page, paged_catalogue):
    page.goto(search_url(live_server, "?q=worksheet"))
    expect(result_count(page)).to_have_text(re.compile(r"^15 results\b"))
    expect(page.locator("[data-search-region] .card")).to_have_count(12)
    set_marker(page)

    page.get_by_role("navigation", name="Pagination").get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"[?&]page=2(&|$)"))
    expect(page.locator("[data-search-region] .card")).to_have_count(EXTRA_ITEMS - 12)
    expect(page.locator(".pagination [aria-current=page]")).to_have_text(re.compile(r"2$"))
    assert params_of(page.url)["q"] == ["worksheet"]
    # Focus moves to the top of the new results, so keyboard and screen reader users start reading there.
    assert active_element(page)["count"]
    assert_no_reload(page)

    page.go_back()
    expect(page.locator("[data-search-region] .card")).to_have_count(12)
    assert "page" not in params_of(page.url)
    assert_no_reload(page)

    # A facet change goes back to the first page.
    page.goto(search_url(live_server, "?q=worksheet&page=2"))
    set_marker(page)
    page.locator("#facet-level-primary").check()
    expect(result_count(page)).to_have_text(re.compile(r"^15 results\b"))
    expect(page.locator("[data-search-region] .card")).to_have_count(12)
    assert "page" not in params_of(page.url)
    assert_no_reload(page)


def test_a_fragment_link_does_not_refetch_the_results(live_server, page, catalogue):
    """The skip link changes the URL fragment (a popstate in Chromium); that is no reason to reload results."""
    page.goto(search_url(live_server, "?q=mathematics"))
    requests = []
    page.on("request", lambda request: requests.append(request.url) if "/search/" in request.url else None)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("#main")).to_be_focused()
    page.wait_for_timeout(300)
    assert requests == []
    expect(status_region(page)).to_have_text("")


# ---------- 2. without JavaScript ----------


def test_without_javascript_the_form_submits_and_urls_are_shareable(live_server, browser, catalogue):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(search_url(live_server, "?q=mathematics"))
        expect(page.locator("html")).not_to_have_class(re.compile(r"\bjs-faceted\b"))
        expect(result_count(page)).to_have_text(re.compile(r"^5 results\b"))
        apply = page.get_by_role("button", name="Apply filters")
        expect(apply).to_be_visible()

        page.locator("#facet-level-primary").check()
        expect(result_count(page)).to_have_text(re.compile(r"^5 results\b"))  # nothing happens until submitted
        with page.expect_navigation():
            apply.click()
        assert params_of(page.url)["level"] == ["primary"]
        expect(result_count(page)).to_have_text(re.compile(r"^2 results\b"))

        page.locator("#facet-type-resource").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Apply filters").click()
        params = params_of(page.url)
        assert params["q"] == ["mathematics"] and params["level"] == ["primary"] and params["type"] == ["resource"]
        expect(result_count(page)).to_have_text(re.compile(r"^1 result\b"))
        by_clicks = card_titles(page)
        assert by_clicks == ["Outdoor mathematics toolkit"]

        # Sorting without JavaScript has its own button.
        page.locator("#faceted-sort").select_option("title")
        with page.expect_navigation():
            page.get_by_role("button", name="Sort", exact=True).click()
        assert params_of(page.url)["sort"] == ["title"]

        # Chips are plain links.
        with page.expect_navigation():
            page.get_by_role("link", name="Remove filter Content type: Resource").click()
        expect(result_count(page)).to_have_text(re.compile(r"^2 results\b"))

        # The shared URL shows the same thing.
        shared = search_url(live_server, "?q=mathematics&level=primary&type=resource")
        page.goto(shared)
        expect(result_count(page)).to_have_text(re.compile(r"^1 result\b"))
        assert card_titles(page) == by_clicks
        expect(page.locator("#facet-level-primary")).to_be_checked()
        expect(page.locator("#facet-type-resource")).to_be_checked()
        expect(page.locator("#faceted-q")).to_have_value("mathematics")
    finally:
        context.close()


def test_url_built_by_clicks_with_javascript_matches_the_shared_url(live_server, page, catalogue):
    page.goto(search_url(live_server, "?q=mathematics"))
    page.locator("#facet-level-primary").check()
    expect(result_count(page)).to_have_text(re.compile(r"^2 results\b"))
    page.locator("#facet-type-resource").check()
    expect(result_count(page)).to_have_text(re.compile(r"^1 result\b"))
    by_clicks, url = card_titles(page), page.url
    assert {k: v for k, v in params_of(url).items() if k != "sort"} == {
        "level": ["primary"],
        "q": ["mathematics"],
        "type": ["resource"],
    }
    page.goto(search_url(live_server, "?q=mathematics&level=primary&type=resource"))
    assert card_titles(page) == by_clicks == ["Outdoor mathematics toolkit"]
    page.goto(url)  # the pushed URL itself is shareable too
    assert card_titles(page) == by_clicks


# ---------- 3. section listings ----------


def test_section_listing_facets_refresh_in_place(live_server, page, catalogue):
    listing = live_server.url + catalogue["resource_index"].url
    page.goto(listing)
    expect(result_count(page)).to_have_text("4 results")
    expect(page.locator("#facet-type-resource")).to_have_count(0)  # the section fixes the type
    expect(page.locator("#faceted-q")).to_be_visible()
    set_marker(page)

    page.locator("#facet-level-primary").check()
    expect(page).to_have_url(re.compile(r"/en/resources/\?(.*&)?level=primary(&|$)"))
    expect(result_count(page)).to_have_text("1 result")
    expect(facet_count(page, "topic", "stem")).to_have_text("1")
    expect(page.locator("#facet-level-primary")).to_be_focused()
    expect(status_region(page)).to_have_text("1 result")
    assert card_titles(page) == ["Outdoor mathematics toolkit"]
    assert_no_reload(page)

    page.locator("#facet-level-primary").uncheck()
    expect(result_count(page)).to_have_text("4 results")
    expect(facet_count(page, "topic", "stem")).to_have_text("2")
    assert_no_reload(page)

    page.go_back()
    expect(result_count(page)).to_have_text("1 result")
    assert_no_reload(page)

    page.goto(listing + "?level=primary")
    expect(result_count(page)).to_have_text("1 result")
    expect(page.locator("#facet-level-primary")).to_be_checked()


# ---------- 4. axe and small screens ----------


def test_axe_search_with_query_and_facets(live_server, page, axe, catalogue):
    response = page.goto(search_url(live_server, "?q=mathematics&level=primary&type=resource"))
    assert response.status == 200
    expect(page.locator(".chip")).to_have_count(3)
    assert_axe_clean(axe, page)
    # The same page after swaps in place (open "more", tick a facet): still clean.
    page.locator(".facet__more summary").first.click()
    page.locator("#facet-level-lower-secondary").check()
    expect(page).to_have_url(re.compile(r"level=lower-secondary"))
    expect(page.locator("[data-search-region]")).not_to_have_attribute("aria-busy", "true")
    assert_axe_clean(axe, page)


def test_axe_search_error_state(live_server, page, axe, catalogue):
    response = page.goto(search_url(live_server, f"?q={'x' * 201}"))
    assert response.status == 400
    expect(page.get_by_role("alert")).to_be_visible()
    assert_axe_clean(axe, page)


def test_axe_section_listing_with_facets(live_server, page, axe, catalogue):
    response = page.goto(live_server.url + catalogue["resource_index"].url + "?level=primary&topic=stem")
    assert response.status == 200
    expect(result_count(page)).to_have_text("1 result")
    assert_axe_clean(axe, page)


@pytest.mark.parametrize("query", ["?q=mathematics&level=ecec", "?q=zzqxnothing", "?level=ecec&type=course"])
def test_axe_no_results(live_server, page, axe, catalogue, query):
    response = page.goto(search_url(live_server, query))
    assert response.status == 200
    expect(result_count(page)).to_have_text(re.compile(r"^0 results\b"))
    expect(page.locator("[data-search-region] .message")).to_contain_text("No results")
    assert_axe_clean(axe, page)


def test_no_horizontal_scroll_at_375px(live_server, browser, catalogue):
    context = browser.new_context(viewport=MOBILE)
    try:
        page = context.new_page()
        for query in ["?q=mathematics&level=primary&type=resource&topic=stem", "", f"?q={'x' * 201}"]:
            page.goto(search_url(live_server, query))
            assert_no_horizontal_scroll(page)
            open_filters(page)
            for summary in page.locator(".facet__more summary").all():
                summary.click()
            assert_no_horizontal_scroll(page)
        page.goto(live_server.url + catalogue["resource_index"].url + "?level=primary")
        open_filters(page)
        assert_no_horizontal_scroll(page)
    finally:
        context.close()


def open_filters(page):
    """On a narrow screen the filters are folded away behind the "Filters" button (when there are any)."""
    toggle = page.locator("[data-facets-toggle]")
    if toggle.is_visible():
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")


def test_filters_fold_away_on_small_screens(live_server, browser, axe, catalogue):
    context = browser.new_context(viewport=MOBILE)
    try:
        page = context.new_page()
        page.goto(search_url(live_server, "?q=mathematics&level=primary"))
        toggle = page.get_by_role("button", name=re.compile(r"^Filters"))
        expect(toggle).to_be_visible()
        expect(toggle).to_have_text("Filters (1)")
        expect(toggle).to_have_attribute("aria-expanded", "false")
        expect(page.locator("[data-search-facets]")).to_be_hidden()
        # The results are right below the button, not under a screenful of checkboxes.
        top = page.locator("[data-result-count]").bounding_box()["y"]
        assert top < MOBILE["height"], f"the result count starts at {top}px"
        assert_axe_clean(axe, page)

        toggle.focus()
        page.keyboard.press("Enter")
        expect(toggle).to_have_attribute("aria-expanded", "true")
        expect(page.locator("[data-search-facets]")).to_be_visible()
        set_marker(page)
        page.locator("#facet-type-resource").check()
        expect(result_count(page)).to_have_text(re.compile(r"^1 result\b"))
        expect(toggle).to_have_text("Filters (2)")
        expect(page.locator("[data-search-facets]")).to_be_visible()  # stays open across the swap
        expect(page.locator("#facet-type-resource")).to_be_focused()
        assert_axe_clean(axe, page)
        assert_no_horizontal_scroll(page)
        assert_no_reload(page)

        page.get_by_role("link", name="Clear all").click()
        expect(toggle).to_have_text("Filters")
        toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "false")
        expect(page.locator("[data-search-facets]")).to_be_hidden()
    finally:
        context.close()

    # On a wide screen, and without JavaScript, the filters are always there and the button is not.
    context = browser.new_context(viewport=MOBILE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(search_url(live_server, "?q=mathematics"))
        expect(page.locator("[data-facets-toggle]")).to_be_hidden()
        expect(page.locator("[data-search-facets]")).to_be_visible()
    finally:
        context.close()
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(search_url(live_server, "?q=mathematics"))
        expect(page.locator("[data-facets-toggle]")).to_be_hidden()
        expect(page.locator("[data-search-facets]")).to_be_visible()
    finally:
        context.close()


# ---------- 5. keyboard ----------


def tab_until(page, predicate_js, limit=60):
    """Press Tab until the focused element satisfies ``predicate_js`` (an arrow function of the element)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => ({predicate_js})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element matching {predicate_js}")


def test_keyboard_reaches_and_operates_facets(live_server, page, catalogue):
    page.goto(search_url(live_server))
    set_marker(page)
    page.locator("#faceted-q").focus()

    tab_until(page, "el => el.id === 'facet-level-primary'")
    assert focus_is_visible(page)
    page.keyboard.press("Space")
    expect(result_count(page)).to_have_text("4 results")
    expect(page.locator("#facet-level-primary")).to_be_checked()
    expect(page.locator("#facet-level-primary")).to_be_focused()
    assert focus_is_visible(page), "focus is no longer visible after the swap"

    # The next Tab goes on from the ticked checkbox, not from the top of the page.
    page.keyboard.press("Tab")
    assert active_element(page)["id"] == "facet-level-lower-secondary"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    expect(result_count(page)).to_have_text("9 results")
    expect(page.locator("#facet-level-primary")).not_to_be_checked()
    expect(page.locator("#facet-level-primary")).to_be_focused()

    # The topic facet has more than eight values: the rest are behind "n more".
    more = page.locator("fieldset", has=page.locator("#facet-topic-stem")).locator("details.facet__more")
    expect(more).not_to_have_attribute("open", "")
    tab_until(
        page,
        "el => el.matches('summary') && el.closest('fieldset').querySelector('#facet-topic-stem') !== null",
    )
    assert focus_is_visible(page)
    expect(page.locator("summary:focus")).to_have_text(re.compile(r"^\d+ more$"))
    page.keyboard.press("Enter")
    expect(more).to_have_attribute("open", "")
    page.keyboard.press("Tab")
    inside = active_element(page)
    assert inside["tag"] == "input" and inside["id"].startswith("facet-topic-")
    assert page.evaluate("() => document.activeElement.closest('details') !== null")
    page.keyboard.press("Space")
    expect(page.locator(f"#{inside['id']}")).to_be_checked()
    expect(page).to_have_url(re.compile(r"[?&]topic="))
    expect(page.locator(f"#{inside['id']}")).to_be_focused()
    expect(more).to_have_attribute("open", "")

    # Unticking a value in the disclosure keeps it open (and the focus where it was).
    page.keyboard.press("Space")
    expect(page).not_to_have_url(re.compile(r"[?&]topic="))
    expect(more).to_have_attribute("open", "")
    expect(page.locator(f"#{inside['id']}")).to_be_focused()
    expect(page.locator(f"#{inside['id']}")).not_to_be_checked()

    # Space on the summary closes it again.
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Space")
    expect(more).not_to_have_attribute("open", "")
    assert_no_reload(page)


def test_keyboard_reaches_chips_and_sort(live_server, page, catalogue):
    page.goto(search_url(live_server, "?q=mathematics&level=primary"))
    set_marker(page)
    page.locator("#faceted-q").focus()
    tab_until(page, "el => el.id === 'faceted-sort'")
    assert focus_is_visible(page)
    tab_until(page, "el => el.classList.contains('chip') && !el.classList.contains('chip--clear')", limit=5)
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(result_count(page)).to_have_text(re.compile(r"^5 results\b"))
    assert active_element(page)["count"]
    assert_no_reload(page)


# ---------- screenshots ----------


def test_screenshots_of_the_faceted_search(live_server, browser, catalogue, tmp_path):
    """Desktop and mobile captures; set PORTAL_SCREENSHOT_DIR to keep them."""
    for label, viewport in {"desktop": DESKTOP, "mobile": MOBILE}.items():
        context = browser.new_context(viewport=viewport)
        try:
            page = context.new_page()
            for name, url in {
                "search": search_url(live_server, "?q=mathematics&level=primary&level=lower-secondary"),
                "search-empty": search_url(live_server, "?q=mathematics&level=ecec"),
                "listing": live_server.url + catalogue["resource_index"].url + "?topic=stem",
            }.items():
                page.goto(url)
                if label == "mobile":
                    page.screenshot(path=str(tmp_path / f"{name}-{label}-folded.png"))
                open_filters(page)
                for summary in page.locator(".facet__more summary").all()[:1]:
                    summary.click()
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(tmp_path / f"{name}-{label}.png"), full_page=True)
        finally:
            context.close()
    keep = os.environ.get("PORTAL_SCREENSHOT_DIR")
    if keep:
        shutil.copytree(tmp_path, keep, dirs_exist_ok=True)
    assert len(list(tmp_path.glob("*.png"))) == 9
