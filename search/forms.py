"""Validation of search parameters: allow-listed facet codes and sorts, length limits, page numbers."""

from django import forms
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from search.facets import FACETS
from search.query import SearchParams

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 20
SORTS = ("relevance", "newest", "oldest", "title")
SORT_LABELS = {
    "relevance": _("Relevance"),
    "newest": _("Newest first"),
    "oldest": _("Oldest first"),
    "title": _("Title (A–Z)"),
}


class FacetCodesField(forms.MultipleChoiceField):
    """Several codes of one facet. Unknown codes are dropped, not errors; too many values are an error."""

    widget = forms.CheckboxSelectMultiple

    def validate(self, value):
        if len(value) > MAX_VALUES_PER_FACET:
            raise forms.ValidationError(
                _("Choose at most %(max)d values for %(facet)s."),
                code="too_many_values",
                params={"max": MAX_VALUES_PER_FACET, "facet": self.label},
            )

    def clean(self, value):
        value = self.to_python(value)
        self.validate(value)
        known = {str(code) for code, _label in self.choices}
        return list(dict.fromkeys(code for code in value if code in known))


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Your search is too long: use at most %(limit_value)d characters.")},
    )
    sort = forms.CharField(required=False)

    def __init__(self, data=None, *, facets=FACETS, **kwargs):
        super().__init__(data, **kwargs)
        self.facets = facets
        for facet in facets:
            self.fields[facet.name] = FacetCodesField(label=facet.label, required=False, choices=facet.choices())

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean_sort(self):
        sort = self.cleaned_data["sort"]
        return sort if sort in SORTS else ""

    def error_messages_list(self):
        return [str(message) for errors in self.errors.values() for message in errors]

    def to_params(self, *, language, per_page, types=()):
        data = self.cleaned_data
        q = data.get("q", "")
        sort = data.get("sort") or ("relevance" if q else "newest")
        if sort == "relevance" and not q:
            sort = "newest"
        filters = {facet.name: data[facet.name] for facet in self.facets if data.get(facet.name)}
        return SearchParams(
            q=q,
            filters=filters,
            sort=sort,
            page=parse_page(self.data.get("page")),
            per_page=per_page,
            language=language,
            types=tuple(types),
            facet_names=tuple(facet.name for facet in self.facets),
        )


def parse_page(raw):
    """A page number from the query string: 1 when absent, 404 when not a whole number."""
    raw = (raw or "").strip()
    if not raw:
        return 1
    try:
        return max(1, int(raw))
    except ValueError as exc:
        raise Http404("Page number is not a whole number") from exc
