"""Section listings (news, resources, courses) use the same faceted search, fixed to their own type."""

from django.utils.cache import patch_vary_headers

from search.faceted import json_response, run_for_request, template_context, wants_json
from search.facets import FACETS


class FacetedListingMixin:
    """For a section index page: its children, filterable by the facets, newest first, as HTML or JSON."""

    listing_type = None  # a key of search.facets.CONTENT_TYPES
    listing_facets = ("level", "topic", "language")

    def faceted_outcome(self, request):
        facets = tuple(facet for facet in FACETS if facet.name in self.listing_facets)
        return run_for_request(request, types=(self.listing_type,), facets=facets, hydrate=not wants_json(request))

    def serve(self, request, *args, **kwargs):
        outcome = self.faceted_outcome(request)
        if wants_json(request):
            response = json_response(outcome)
        else:
            request._faceted_outcome = outcome
            response = super().serve(request, *args, **kwargs)
            response.status_code = outcome.status
        patch_vary_headers(response, ["Accept"])
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        outcome = getattr(request, "_faceted_outcome", None) or self.faceted_outcome(request)
        context.update(template_context(outcome))
        return context
