from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class TaxonomyTerm(index.Indexed, models.Model):
    """A term of a managed vocabulary: a stable code, an explicit order and a translatable label."""

    code = models.SlugField(
        _("code"),
        max_length=64,
        unique=True,
        help_text=_("Stable identifier used in URLs, filters and search. Do not change it once in use."),
    )
    label = models.CharField(
        _("label"),
        max_length=128,
        help_text=_("English label; the interface catalogues translate it into every portal language."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("sort order"), default=0, db_index=True, help_text=_("Lower numbers are listed first.")
    )

    panels = [FieldPanel("label"), FieldPanel("code"), FieldPanel("sort_order")]
    search_fields = [
        index.SearchField("label"),
        index.AutocompleteField("label"),
        index.FilterField("code"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.display_label

    @property
    def display_label(self):
        """The label in the active language."""
        return gettext(self.label) if self.label else self.code


class EducationalLevel(TaxonomyTerm):
    isced = models.CharField(_("ISCED 2011 level"), max_length=16, blank=True)

    panels = TaxonomyTerm.panels + [FieldPanel("isced")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("educational level")
        verbose_name_plural = _("educational levels")


class Topic(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class ResourceType(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("resource type")
        verbose_name_plural = _("resource types")


class Audience(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
