"""A flat admin listing of resources with the filters editors look for: level, topic, type (and
Wagtail's own: status, date updated, owner, locale...)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

import django_filters

from portal.models import EducationalLevel, ResourceType, Topic
from resources.models import ResourcePage


class ResourceFilterSet(PageFilterSet):
    levels = django_filters.ModelMultipleChoiceFilter(
        field_name="levels__code",
        label=_("Educational level"),
        queryset=EducationalLevel.objects.order_by("sort_order"),
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
    )
    topics = django_filters.ModelMultipleChoiceFilter(
        field_name="topics__code", label=_("Topic"), queryset=Topic.objects.order_by("label"), to_field_name="code"
    )
    resource_type = django_filters.ModelChoiceFilter(
        field_name="resource_type",
        label=_("Resource type"),
        queryset=ResourceType.objects.order_by("sort_order"),
        to_field_name="code",
    )

    class Meta:
        model = ResourcePage
        fields = []


class ResourceListingViewSet(PageListingViewSet):
    model = ResourcePage
    icon = "doc-full-inverse"
    menu_label = _("Resources")
    add_to_admin_menu = True
    menu_order = 150
    filterset_class = ResourceFilterSet


resource_listing = ResourceListingViewSet("resource_listing")
