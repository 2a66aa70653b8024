"""Faceted search for a request: validate the query string, run the engine, shape the answer.

The site search (``search.views``) and the section listings (``search.listing``) both go through
``run_for_request``, so there is one implementation of facets, sorting, paging and errors.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.utils.http import urlencode
from django.utils.translation import get_language

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from portal.models import prefetch_cards
from search.facets import FACETS, FACETS_BY_NAME
from search.forms import SORT_LABELS, SORTS, SearchForm
from search.service import run_search


@dataclass
class Chip:
    facet: str
    code: str
    label: str
    remove_url: str


@dataclass
class FacetedOutcome:
    form: SearchForm
    result: object = None  # SearchResult, or None when the parameters were refused
    errors: list = field(default_factory=list)
    params: object = None
    page_obj: object = None  # a Django paginator page whose object_list is the hits
    chips: list = field(default_factory=list)
    clear_url: str = "?"
    promoted: list = field(default_factory=list)  # editors' picks for this query (first page only)

    @property
    def status(self):
        return 400 if self.errors else 200

    def as_json(self):
        if self.errors:
            return {"error": " ".join(self.errors), "errors": self.form.errors.get_json_data()}
        return self.result.as_dict()


class _Count:
    """Lets Django's paginator page a result set it does not hold."""

    def __init__(self, total):
        self.total = total

    def count(self):
        return self.total

    def __len__(self):
        return self.total


def wants_json(request):
    if request.GET.get("format") == "json":
        return True
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def run_for_request(request, *, types=(), facets=FACETS, hydrate=True):
    data = request.GET.copy()
    data.pop("format", None)
    form = SearchForm(data, facets=facets)
    outcome = FacetedOutcome(form=form)
    if not form.is_valid():
        outcome.errors = form.error_messages_list()
        return outcome
    params = form.to_params(language=get_language(), per_page=settings.PORTAL_PAGE_SIZE, types=types)
    result = run_search(params)
    if hydrate:
        attach_pages(result.hits, request)
    else:
        fill_urls(result.hits, request)
    outcome.params, outcome.result = params, result
    outcome.page_obj = PaginatorPage(result.hits, result.page, Paginator(_Count(result.total), result.per_page))
    outcome.chips, outcome.clear_url = chips_for(request, params, result)
    if params.has_text and result.page == 1 and not types:
        outcome.promoted = promotions(params)
    return outcome


def promotions(params):
    """Editors' picks (Settings → Promoted search results) for this query: live pages in the visitor's
    language when translated, else as picked; external links as they are. Two queries, none when no
    pick exists."""
    query = Query.objects.filter(query_string=normalise_query_string(params.q)).first()
    if query is None:
        return []
    picks = list(query.editors_picks.select_related("page").order_by("sort_order"))
    keys = [pick.page.translation_key for pick in picks if pick.page_id]
    localized = {
        page.translation_key: page
        for page in Page.objects.live().public().filter(translation_key__in=keys, locale__language_code=params.language)
    }
    promoted = []
    for pick in picks:
        if pick.page_id:
            page = localized.get(pick.page.translation_key) or (pick.page if pick.page.live else None)
            if page is not None:
                promoted.append({"title": page.title, "url": page.url, "description": pick.description})
        elif pick.external_link_url:
            promoted.append(
                {
                    "title": pick.external_link_text or pick.external_link_url,
                    "url": pick.external_link_url,
                    "description": pick.description,
                }
            )
    return promoted


def attach_pages(hits, request=None):
    """Give each hit its specific page (with what a card shows) so cards look the same everywhere."""
    pages = {page.pk: page for page in Page.objects.filter(pk__in=[hit.page_id for hit in hits]).specific()}
    prefetch_cards(pages.values())
    for hit in hits:
        hit.page = pages.get(hit.page_id)
        hit.url = hit.page.get_url(request) if hit.page else None


def fill_urls(hits, request=None):
    """URLs for hits in one query (the JSON answer needs no page objects)."""
    pages = Page.objects.filter(pk__in=[hit.page_id for hit in hits]).only("pk", "url_path")
    urls = {page.pk: page.get_url(request) for page in pages}
    for hit in hits:
        hit.url = urls.get(hit.page_id)


def chips_for(request, params, result):
    labels = {name: {value.code: value.label for value in values} for name, values in result.facets.items()}
    base = [(key, value) for key, value in request.GET.lists() for value in value if key not in ("page", "format")]
    chips = []
    for name, codes in params.filters.items():
        if name not in labels:
            continue
        for code in codes:
            remaining = [(k, v) for k, v in base if not (k == name and v == code)]
            chips.append(
                Chip(
                    facet=str(FACETS_BY_NAME[name].label),
                    code=code,
                    label=labels[name].get(code, code),
                    remove_url="?" + urlencode(remaining),
                )
            )
    kept = [(k, v) for k, v in base if k in ("q", "sort")]
    return chips, "?" + urlencode(kept)


VISIBLE_VALUES = 8  # longer facets show the rest behind "n more"


def facet_groups(result):
    groups = []
    for name, values in result.facets.items() if result else []:
        cut = len(values) if FACETS_BY_NAME[name].order == "vocabulary" else VISIBLE_VALUES
        groups.append(
            {
                "name": name,
                "label": FACETS_BY_NAME[name].label,
                "visible": values[:cut],
                "more": values[cut:],
                "more_selected": any(value.selected for value in values[cut:]),
            }
        )
    return groups


def template_context(outcome):
    form = outcome.form
    return {
        "search_form": form,
        "search_query": form.data.get("q", ""),
        "facet_groups": facet_groups(outcome.result),
        "search_errors": outcome.errors,
        "search_result": outcome.result,
        "search_params": outcome.params,
        "items": outcome.page_obj,
        "chips": outcome.chips,
        "clear_url": outcome.clear_url,
        "sort_options": [(code, SORT_LABELS[code]) for code in SORTS],
        "promoted": outcome.promoted,
    }


def json_response(outcome):
    return JsonResponse(outcome.as_json(), status=outcome.status, json_dumps_params={"ensure_ascii": False})
