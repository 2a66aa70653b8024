from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.models import Audience, EducationalLevel, ResourceType, Topic


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
