"""Site search. A plain full-text search over live pages of the visitor's language.

The faceted search (levels, topics, types, engines) builds on this view and its URL.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from portal.models import prefetch_cards
from portal.pagination import paginate
from search.engines.database import build_text_query
from search.query import SearchParams

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()
    error = ""
    results = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Your search is too long: use at most %(max)d characters.") % {"max": MAX_QUERY_LENGTH}
    elif query:
        text_query = build_text_query(SearchParams(q=query))
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = paginate(request, pages.search(text_query) if text_query else pages.none(), settings.PORTAL_PAGE_SIZE)
        results.object_list = prefetch_cards(list(results.object_list))
    status = 400 if error else 200
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query[:MAX_QUERY_LENGTH], "search_error": error, "results": results},
        status=status,
    )
