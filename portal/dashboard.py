"""Admin dashboard panels: upcoming courses and a content overview (live items per content type and
educational level). Wagtail's own panels already show "Your pages in a workflow" (my submissions),
"Awaiting your review" and "Your most recent edits" (my drafts)."""

import datetime

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component

from search.facets import CONTENT_TYPES, FACETS_BY_NAME
from search.models import SearchDocument, SearchFacetValue

UPCOMING_COURSES = 8


class UpcomingCoursesPanel(Component):
    name = "upcoming_courses"
    order = 150
    template_name = "portal/dashboard/upcoming_courses.html"

    def get_context_data(self, parent_context):
        from courses.models import CoursePage

        today = timezone.localdate()
        courses = (
            CoursePage.objects.live()
            .filter(start_date__gte=today)
            .select_related("locale")
            .order_by("start_date", "pk")[:UPCOMING_COURSES]
        )
        return {"courses": courses, "title": _("Upcoming courses"), "soon": today + datetime.timedelta(days=14)}


class ContentOverviewPanel(Component):
    name = "content_overview"
    order = 160
    template_name = "portal/dashboard/content_overview.html"

    def get_context_data(self, parent_context):
        totals = dict(SearchDocument.objects.values_list("content_type").annotate(n=Count("pk")).order_by())
        by_level = {}
        rows = (
            SearchFacetValue.objects.filter(facet="level")
            .values_list("document__content_type", "code")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for content_type, code, n in rows:
            by_level.setdefault(content_type, {})[code] = n
        levels = FACETS_BY_NAME["level"].choices()
        table = [
            {
                "label": label,
                "total": totals.get(code, 0),
                "levels": [by_level.get(code, {}).get(level, 0) for level, _label in levels],
            }
            for code, (_model, label) in CONTENT_TYPES.items()
        ]
        return {"title": _("Content overview"), "levels": levels, "rows": table}
