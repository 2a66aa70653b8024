"""The site search: GET /<lang>/search/ answers HTML, or JSON with ?format=json or Accept: application/json."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from search.faceted import json_response, run_for_request, template_context, wants_json


@require_safe
@vary_on_headers("Accept")
def search(request):
    outcome = run_for_request(request, hydrate=not wants_json(request))
    if wants_json(request):
        return json_response(outcome)
    return TemplateResponse(request, "search/search.html", template_context(outcome), status=outcome.status)
