"""Admin report "Translation status": per language, how many pages of the default language are translated,
missing or out of date, with the pages and links to act on them (one language's lists at a time).

A translation is *out of date* when its source page was published after wagtail-localize last took the
source in (the translator should sync it), or when the translation was not saved since that sync.
"""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from portal.languages import language_name
from portal.translators import writable_locales

PER_PAGE = 50


def source_pages():
    """Live pages of the default language that should exist in every language (the root excluded)."""
    return Page.objects.live().filter(locale=Locale.get_default(), depth__gt=1)


def translations(locale):
    """This locale's pages that translate a live default-language page, with their sync dates."""
    default = Locale.get_default()
    sources = Page.objects.filter(translation_key=OuterRef("translation_key"), locale=default)
    synced = TranslationSource.objects.filter(object_id=OuterRef("translation_key"), locale=default)
    queryset = Page.objects.filter(translation_key__in=source_pages().values("translation_key"))
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    # alias(), not annotate(): grouped counts must not group by these
    return queryset.alias(
        source_published=Subquery(sources.values("last_published_at")[:1]),
        synced_at=Subquery(synced.values("last_updated_at")[:1]),
    )


def synced_source_ids():
    synced = TranslationSource.objects.filter(object_id=OuterRef("translation_key"), locale=Locale.get_default())
    return synced.values("pk")[:1]


STALE = Q(source_published__gt=F("synced_at")) | Q(latest_revision_created_at__lt=F("synced_at"))


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Translation status")
    header_icon = "site"
    template_name = "portal/admin/translation_status.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def locales(self):
        default = Locale.get_default()
        return list(writable_locales(self.request.user).exclude(pk=default.pk).order_by("language_code"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        locales = self.locales()
        total = source_pages().count()
        counts = {
            row["locale_id"]: row
            for row in translations(None)
            .filter(locale__in=locales)
            .order_by()  # Page orders by path, which would otherwise join the GROUP BY
            .values("locale_id")
            .annotate(present=Count("pk"), stale=Count("pk", filter=STALE))
        }
        rows = []
        for locale in locales:
            row = counts.get(locale.pk, {"present": 0, "stale": 0})
            rows.append(
                {
                    "locale": locale,
                    "name": language_name(locale.language_code),
                    "translated": row["present"] - row["stale"],
                    "out_of_date": row["stale"],
                    "missing": total - row["present"],
                    "url": reverse("portal_translation_status") + f"?language={locale.language_code}",
                }
            )
        context.update(rows=rows, total=total, detail=self.detail(locales))
        return context

    def detail(self, locales):
        code = self.request.GET.get("language")
        if not code:
            return None
        locale = next((locale for locale in locales if locale.language_code == code), None)
        if locale is None:
            raise PermissionDenied(_("No such language, or not one you translate."))
        show = self.request.GET.get("show", "missing")
        if show == "out_of_date":
            items = [
                {
                    "page": page,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    "sync_url": reverse("wagtail_localize:update_translations", args=[page.translation_source_id])
                    if page.translation_source_id
                    else None,
                }
                for page in translations(locale)
                .filter(STALE)
                .annotate(translation_source_id=Subquery(synced_source_ids()))
                .order_by("path")
            ]
        else:
            show = "missing"
            here = Page.objects.filter(locale=locale, translation_key=OuterRef("translation_key"))
            missing = source_pages().filter(~Exists(here)).order_by("path")
            items = missing
        paginator = Paginator(items, PER_PAGE)
        page_obj = paginator.get_page(self.request.GET.get("p"))
        if show == "missing":
            page_obj.object_list = [
                {
                    "page": page,
                    "translate_url": reverse("wagtail_localize:submit_page_translation", args=[page.pk])
                    + f"?select_locale={locale.language_code}",
                }
                for page in page_obj.object_list
            ]
        return {"locale": locale, "name": language_name(locale.language_code), "show": show, "page_obj": page_obj}
