"""portal.pagination.paginate: which page a request gets, and when it is a 404."""

from django.http import Http404
from django.test import RequestFactory

import pytest

from portal.models import Topic
from portal.pagination import paginate

ITEMS = list(range(1, 31))  # 30 items: pages of 12, 12 and 6
PER_PAGE = 12


def page_for(query=None, items=ITEMS, param="page"):
    request = RequestFactory().get("/en/news/", query or {})
    return paginate(request, items, PER_PAGE, param=param)


def test_no_page_parameter_gives_the_first_page():
    page = page_for()
    assert page.number == 1
    assert list(page.object_list) == ITEMS[:12]
    assert page.paginator.num_pages == 3


@pytest.mark.parametrize("raw", ["", "   "])
def test_blank_page_parameter_gives_the_first_page(raw):
    assert page_for({"page": raw}).number == 1


@pytest.mark.parametrize(("raw", "expected_items"), [("2", ITEMS[12:24]), ("3", ITEMS[24:]), (" 2 ", ITEMS[12:24])])
def test_page_number_selects_the_page(raw, expected_items):
    assert list(page_for({"page": raw}).object_list) == expected_items


@pytest.mark.parametrize("raw", ["4", "999", "99999999999999999999"])
def test_page_past_the_end_gives_the_last_page(raw):
    page = page_for({"page": raw})
    assert page.number == 3
    assert list(page.object_list) == ITEMS[24:]


@pytest.mark.parametrize("raw", ["0", "-3", "-99999999999"])
def test_page_below_one_gives_the_first_page(raw):
    page = page_for({"page": raw})
    assert page.number == 1
    assert list(page.object_list) == ITEMS[:12]


@pytest.mark.parametrize("raw", ["abc", "1.5", "2e1", "1/2", "0x2", "NaN", "inf", "9" * 5000])
def test_anything_but_a_whole_number_is_a_404(raw):
    with pytest.raises(Http404):
        page_for({"page": raw})


def test_empty_list_gives_an_empty_first_page_at_any_number():
    for raw in ("1", "5", "-1"):
        page = page_for({"page": raw}, items=[])
        assert page.number == 1
        assert list(page.object_list) == []
        assert not page.has_next()


def test_exactly_one_full_page_has_no_second_page():
    page = page_for({"page": "2"}, items=ITEMS[:12])
    assert page.number == 1
    assert page.paginator.num_pages == 1


def test_custom_parameter_name_is_read_and_page_is_ignored():
    page = page_for({"p": "2", "page": "abc"}, param="p")
    assert page.number == 2


def test_works_with_a_queryset(db):
    page = paginate(RequestFactory().get("/", {"page": "4"}), Topic.objects.all(), PER_PAGE)
    assert page.paginator.count == 43
    assert page.number == 4
    assert len(page.object_list) == 43 - 36
