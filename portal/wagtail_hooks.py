from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.dashboard import ContentOverviewPanel, UpcomingCoursesPanel
from portal.models import Audience, EducationalLevel, ResourceType, Topic
from portal.translation_status import TranslationStatusView
from portal.translators import SubmitPageTranslationView


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["label", "code", "sort_order"]
    ordering = ["sort_order", "code"]
    search_fields = ["label", "code"]
    search_backend_name = None  # a plain database search over label and code
    list_per_page = 50


class EducationalLevelViewSet(TaxonomyViewSet):
    model = EducationalLevel
    icon = "group"
    list_display = ["label", "code", "isced", "sort_order"]


class TopicViewSet(TaxonomyViewSet):
    model = Topic
    icon = "tag"


class ResourceTypeViewSet(TaxonomyViewSet):
    model = ResourceType
    icon = "folder-open-inverse"


class AudienceViewSet(TaxonomyViewSet):
    model = Audience
    icon = "user"


class TaxonomyGroup(SnippetViewSetGroup):
    items = (EducationalLevelViewSet, TopicViewSet, ResourceTypeViewSet, AudienceViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)


@hooks.register("register_admin_urls")
def translation_urls():
    """Registered before wagtail-localize's own (the portal app comes first), so this path answers with
    the language-restricted view; ``reverse("wagtail_localize:submit_page_translation")`` is unchanged."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            SubmitPageTranslationView.as_view(),
            name="portal_submit_page_translation",
        ),
        path("reports/translation-status/", TranslationStatusView.as_view(), name="portal_translation_status"),
    ]


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return MenuItem(_("Translation status"), reverse("portal_translation_status"), icon_name="site", order=700)


@hooks.register("construct_homepage_panels")
def dashboard_panels(request, panels):
    panels.append(UpcomingCoursesPanel())
    panels.append(ContentOverviewPanel())
