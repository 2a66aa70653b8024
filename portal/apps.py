from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import Locale
        from wagtail.signals import page_published

        from portal.languages import forget_locale_codes

        post_save.connect(forget_locale_codes, sender=Locale, dispatch_uid="portal-locale-codes-save")
        post_delete.connect(forget_locale_codes, sender=Locale, dispatch_uid="portal-locale-codes-delete")
        post_migrate.connect(_sync_locale_rows, sender=self, dispatch_uid="portal-locale-rows")
        page_published.connect(_structural_page_published, dispatch_uid="portal-structure-sync")


def _sync_locale_rows(sender, using="default", **kwargs):
    from portal.locales import sync_locale_rows

    sync_locale_rows()


def _structural_page_published(sender, instance, **kwargs):
    """A home or section index page published in the default language gets its translations in every
    site language at once (a new section shows up everywhere; translators translate it later)."""
    from django.conf import settings

    from wagtail.models import Locale

    from portal.locales import structural_models, sync_structure

    if not getattr(settings, "PORTAL_SYNC_STRUCTURE_ON_PUBLISH", True):
        return
    if not isinstance(instance, structural_models()) or instance.locale_id != Locale.get_default().pk:
        return
    sync_structure(user=kwargs.get("revision").user if kwargs.get("revision") else None)
