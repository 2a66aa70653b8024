from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from portal.blocks import PARAGRAPH_FEATURES
from portal.models import BasePage, BodyMixin, ClassificationMixin, ListingIndexPage, SummaryMixin, page_tabs
from portal.taxonomy import CourseFormat
from search.listing import FacetedListingMixin


class CoursePage(ClassificationMixin, SummaryMixin, BodyMixin, BasePage):
    format = models.CharField(
        _("format"),
        max_length=32,
        choices=CourseFormat.choices,
        default=CourseFormat.SELF_PACED,
        help_text=_("How participants take the course."),
    )
    start_date = models.DateField(
        _("start date"), null=True, blank=True, help_text=_("Required unless the course is self-paced.")
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Last day of the course; not before the start date.")
    )
    enrolment_deadline = models.DateField(
        _("enrolment deadline"), null=True, blank=True, help_text=_("Last day participants can enrol.")
    )
    workload_hours = models.PositiveSmallIntegerField(
        _("workload in hours"), null=True, blank=True, help_text=_("Expected total effort for a participant.")
    )
    certificate = models.BooleanField(
        _("certificate offered"), default=False, help_text=_("Participants who complete it receive a certificate.")
    )

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("main_image"),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("enrolment_deadline"),
                FieldRowPanel([FieldPanel("workload_hours"), FieldPanel("certificate")]),
            ],
            heading=_("Practical information"),
        ),
        FieldPanel("body"),
        InlinePanel("modules", heading=_("Modules"), label=_("Module")),
    ]
    edit_handler = page_tabs(content_panels, ClassificationMixin.classification_panels)
    search_fields = (
        BasePage.search_fields
        + SummaryMixin.search_fields
        + BodyMixin.search_fields
        + ClassificationMixin.search_fields
        + [
            index.FilterField("format"),
            index.FilterField("start_date"),
            index.RelatedFields("modules", [index.SearchField("title"), index.SearchField("summary")]),
        ]
    )

    class Meta:
        verbose_name = _("course page")
        verbose_name_plural = _("course pages")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="course_end_after_start",
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.format != CourseFormat.SELF_PACED and not self.start_date:
            errors["start_date"] = _("Scheduled and on-site courses need a start date.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The course cannot end before it starts.")
        if self.enrolment_deadline and self.end_date and self.enrolment_deadline > self.end_date:
            errors["enrolment_deadline"] = _("Enrolment must close before the course ends.")
        if errors:
            raise ValidationError(errors)

    @property
    def listing_date(self):
        return self.start_date

    def is_enrolment_open(self, today=None):
        today = today or timezone.localdate()
        if self.enrolment_deadline:
            return today <= self.enrolment_deadline
        if self.end_date:
            return today <= self.end_date
        return True


class CourseModule(Orderable):
    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="modules")
    title = models.CharField(_("title"), max_length=255, help_text=_("The module's name, as the course page lists it."))
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences on what the module covers."))
    body = RichTextField(
        _("body"),
        blank=True,
        features=PARAGRAPH_FEATURES,
        help_text=_("What participants do and learn in this module."),
    )

    panels = [FieldPanel("title"), FieldPanel("summary"), FieldPanel("body")]

    class Meta(Orderable.Meta):
        verbose_name = _("module")
        verbose_name_plural = _("modules")


def upcoming_courses(queryset, today=None):
    """Courses still to come, soonest first, then self-paced courses open for enrolment.

    A self-paced course is open while its enrolment deadline (or, without one, its end date) has not
    passed; one with neither stays open.
    """
    today = today or timezone.localdate()
    to_come = Q(start_date__gte=today)
    still_open = (
        Q(enrolment_deadline__gte=today)
        | Q(enrolment_deadline__isnull=True, end_date__gte=today)
        | Q(enrolment_deadline__isnull=True, end_date__isnull=True)
    )
    open_self_paced = (
        Q(format=CourseFormat.SELF_PACED) & (Q(start_date__isnull=True) | Q(start_date__lt=today)) & still_open
    )
    return (
        queryset.filter(to_come | open_self_paced)
        .annotate(_later=Case(When(to_come, then=Value(0)), default=Value(1)))
        .order_by("_later", Case(When(to_come, then=F("start_date"))).asc(nulls_last=True), "-first_published_at")
    )


class CourseIndexPage(FacetedListingMixin, ListingIndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    listing_type = "course"

    edit_handler = page_tabs(ListingIndexPage.content_panels)

    class Meta:
        verbose_name = _("course index page")
