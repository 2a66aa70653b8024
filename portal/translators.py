"""Translators: one group per language, allowed to translate and publish in that language only.

A language's pages live under its own home page (``portal.locales``), so Wagtail's tree permissions
(add, change, publish on that home page) confine a translator to that language: the English source and
the other languages stay out of reach. wagtail-localize lets anyone with its ``submit_translation``
permission start a translation into any language; ``SubmitPageTranslationView`` below offers only the
languages the user may write in.
"""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page
from wagtail_localize.views import submit_translations

from portal.languages import language_name

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
COLLECTION_PERMISSIONS = (("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document"))


def translator_group_name(code):
    return f"Translators: {language_name(code)} ({code})"


def ensure_translator_groups(codes=None):
    """Create or complete the translator group of each language that has a home page (idempotent)."""
    from home.models import HomePage

    locales = Locale.objects.all() if codes is None else Locale.objects.filter(language_code__in=codes)
    admin_permissions = list(
        Permission.objects.filter(
            Q(content_type__app_label="wagtailadmin", codename="access_admin")
            | Q(content_type__app_label="wagtail_localize", codename="submit_translation")
        )
    )
    page_permissions = list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS)
    )
    collection_permissions = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in COLLECTION_PERMISSIONS
    ]
    root_collection = Collection.get_first_root_node()
    groups = {}
    for locale in locales:
        homes = list(HomePage.objects.filter(locale=locale, depth=2))
        if not homes:
            continue
        group, _created = Group.objects.get_or_create(name=translator_group_name(locale.language_code))
        group.permissions.add(*admin_permissions)
        for home in homes:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)
        if root_collection is not None:
            for permission in collection_permissions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
        groups[locale.language_code] = group
    return groups


def writable_locales(user):
    """The locales ``user`` may create pages in: all of them with rights on the root (editors), else the
    locales of the pages their groups may add under (translators)."""
    if not user.is_active:
        return Locale.objects.none()
    if user.is_superuser:
        return Locale.objects.all()
    granted = GroupPagePermission.objects.filter(group__user=user, permission__codename="add_page")
    if granted.filter(page__depth=1).exists():
        return Locale.objects.all()
    return Locale.objects.filter(pk__in=Page.objects.filter(group_permissions__in=granted).values("locale_id"))


class SubmitPageTranslationView(submit_translations.SubmitPageTranslationView):
    """wagtail-localize's "Translate page", limited to the languages the user may write in."""

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(pk__in=writable_locales(self.request.user).values("pk"))
        return form

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not writable_locales(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
