"""Site settings editors change in the admin (Settings → Site settings), one set per site, cached."""

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

CACHE_KEY = "portal:site-settings:{}"
CACHE_SECONDS = 60 * 60


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("organisation name"),
        max_length=255,
        blank=True,
        help_text=_("Who runs the portal; shown in the footer."),
    )
    footer_text = models.TextField(
        _("footer text"), blank=True, help_text=_("A sentence or two about the portal, shown in the footer.")
    )
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("Where visitors can write to; shown in the footer.")
    )
    mastodon_url = models.URLField(_("Mastodon"), blank=True, help_text=_("Address of the portal's Mastodon profile."))
    linkedin_url = models.URLField(_("LinkedIn"), blank=True, help_text=_("Address of the portal's LinkedIn page."))
    youtube_url = models.URLField(_("YouTube"), blank=True, help_text=_("Address of the portal's YouTube channel."))
    facebook_url = models.URLField(_("Facebook"), blank=True, help_text=_("Address of the portal's Facebook page."))

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("footer_text"), FieldPanel("contact_email")],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mastodon_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("youtube_url"),
                FieldPanel("facebook_url"),
            ],
            heading=_("Social media"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        links = [
            ("Mastodon", self.mastodon_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
            ("Facebook", self.facebook_url),
        ]
        return [(name, url) for name, url in links if url]

    @classmethod
    def cached_for_site(cls, site):
        """The site's settings from the cache (one query when cold; saving them empties it)."""
        key = CACHE_KEY.format(site.pk)
        instance = cache.get(key)
        if instance is None:
            instance = cls.for_site(site)
            cache.set(key, instance, CACHE_SECONDS)
        return instance


def forget_site_settings(sender, instance, **kwargs):
    cache.delete(CACHE_KEY.format(instance.site_id))


post_save.connect(forget_site_settings, sender=SiteSettings, dispatch_uid="portal-site-settings-saved")
post_delete.connect(forget_site_settings, sender=SiteSettings, dispatch_uid="portal-site-settings-deleted")
