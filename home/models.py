from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from courses.models import CoursePage, upcoming_courses
from news.models import NewsPage
from portal.models import BasePage, BodyMixin, card_image_prefetch, language_scoped, page_tabs, prefetch_cards
from resources.models import ResourcePage

HOME_LATEST_NEWS = 3
HOME_NEWEST_RESOURCES = 6
HOME_UPCOMING_COURSES = 3


class HomePage(BasePage):
    hero_heading = models.CharField(
        _("hero heading"), max_length=200, help_text=_("The main heading of the home page.")
    )
    hero_intro = models.TextField(
        _("hero introduction"), blank=True, help_text=_("A sentence or two under the heading.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide picture behind the heading; treated as decorative."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.NewsIndexPage",
        "resources.ResourceIndexPage",
        "courses.CourseIndexPage",
        "home.StandardPage",
    ]

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_intro"), FieldPanel("hero_image")], heading=_("Hero")
        ),
        InlinePanel(
            "featured_items",
            heading=_("Featured items"),
            label=_("Featured item"),
            max_num=6,
            help_text=_("News, resources or courses to highlight, in this order."),
        ),
    ]
    edit_handler = page_tabs(content_panels)
    search_fields = BasePage.search_fields + [index.SearchField("hero_intro")]

    class Meta:
        verbose_name = _("home page")

    def _section_items(self, model):
        """This site's items in this language, and those that exist only in another language (shown with a
        badge): items under any translation of this home page."""
        if not hasattr(self, "_site_paths"):
            self._site_paths = list(
                Page.objects.filter(translation_key=self.translation_key).values_list("path", flat=True)
            )
        under_site = Q()
        for path in self._site_paths:
            under_site |= Q(path__startswith=path)
        return (
            language_scoped(model.objects.live().public().filter(under_site, depth__gt=self.depth), self.locale)
            .select_related("locale")
            .prefetch_related("levels", "topics", card_image_prefetch())
        )

    def get_featured_pages(self):
        """The editor-picked pages, live ones only, in the editor's order, as their specific types."""
        ids = [item.page_id for item in self.featured_items.all() if item.page_id]
        if not ids:
            return []
        chosen = Page.objects.filter(pk__in=ids).values_list("pk", "translation_key")
        keys = dict(chosen)
        # Each pick in this page's language when it has been translated into it, else as picked.
        candidates = Page.objects.filter(translation_key__in=keys.values()).live().public().specific()
        by_key = {}
        for page in candidates:
            if page.pk in keys or page.locale_id == self.locale_id:
                current = by_key.get(page.translation_key)
                if current is None or page.locale_id == self.locale_id:
                    by_key[page.translation_key] = page
        pages = [by_key[keys[pk]] for pk in ids if pk in keys and keys[pk] in by_key]
        prefetch_cards(pages)
        return pages

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_pages"] = self.get_featured_pages()
        context["latest_news"] = self._section_items(NewsPage).order_by("-date", "-pk")[:HOME_LATEST_NEWS]
        context["newest_resources"] = (
            self._section_items(ResourcePage)
            .select_related("resource_type")
            .order_by("-publication_date", "-pk")[:HOME_NEWEST_RESOURCES]
        )
        context["upcoming_courses"] = upcoming_courses(self._section_items(CoursePage))[:HOME_UPCOMING_COURSES]
        return context


class HomePageFeaturedItem(Orderable):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A news item, resource or course to feature on the home page."),
    )

    panels = [PageChooserPanel("page", page_type=["news.NewsPage", "resources.ResourcePage", "courses.CoursePage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("featured item")
        verbose_name_plural = _("featured items")


class StandardPage(BodyMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short lead paragraph."))

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    edit_handler = page_tabs(content_panels)
    search_fields = BasePage.search_fields + BodyMixin.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
