"""Editors create the home page (with featured items) and standard pages through the admin."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage
from news.factories import NewsIndexPageFactory, NewsPageFactory
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from tests.fixtures import AdminPageTestCase


class HomeAdminTests(AdminPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.root = Page.get_first_root_node()
        cls.news = NewsPageFactory(parent=NewsIndexPageFactory(parent=cls.home))
        cls.resource = ResourcePageFactory(parent=ResourceIndexPageFactory(parent=cls.home))
        cls.course = CoursePageFactory(parent=CourseIndexPageFactory(parent=cls.home))

    def test_create_home_page_with_featured_items(self):
        data = nested_form_data(
            {
                "title": "Second portal home",
                "slug": "second-home",
                "hero_heading": "Learn from each other",
                "hero_intro": "Resources, courses and news for school education.",
                "hero_image": str(self.image.pk),
                "featured_items": inline_formset(
                    [{"page": str(self.course.pk)}, {"page": str(self.news.pk)}, {"page": str(self.resource.pk)}]
                ),
            }
        )
        self.assertCanCreate(self.root, HomePage, data)
        home = HomePage.objects.get(slug="second-home")
        self.assertEqual(home.hero_heading, "Learn from each other")
        self.assertEqual(home.hero_image, self.image)
        self.assertEqual(
            [item.page_id for item in home.featured_items.all()], [self.course.pk, self.news.pk, self.resource.pk]
        )
        self.assertEqual(home.get_featured_pages(), [self.course, self.news, self.resource])

    def test_hero_heading_is_required(self):
        data = nested_form_data(
            {"title": "Home without heading", "hero_heading": "", "featured_items": inline_formset([])}
        )
        self.post_invalid(HomePage, self.root, data, error_field="hero_heading")

    def test_more_than_six_featured_items_are_refused(self):
        items = [{"page": str(self.news.pk)} for _ in range(7)]
        data = nested_form_data(
            {"title": "Crowded home", "hero_heading": "Too much", "featured_items": inline_formset(items)}
        )
        self.post_invalid(HomePage, self.root, data, error_field=None)

    def test_create_standard_page_with_body(self):
        data = nested_form_data({"title": "About the portal", "intro": "Who runs the portal.", "body": self.body()})
        self.assertCanCreate(self.home, StandardPage, data)
        page = StandardPage.objects.get(slug="about-the-portal")
        self.assertEqual(page.intro, "Who runs the portal.")
        self.assertBodyWasSaved(page)

    def test_create_standard_page_under_a_standard_page(self):
        parent = StandardPageFactory(parent=self.home)
        self.assertCanCreate(parent, StandardPage, nested_form_data({"title": "Privacy", "body": self.body()}))
        self.assertEqual(StandardPage.objects.get(slug="privacy").get_parent().pk, parent.pk)

    def test_image_without_alt_text_is_refused_in_a_standard_page(self):
        body = nested_form_data(
            {
                "body": {
                    "count": "1",
                    "0": {
                        "type": "image",
                        "order": "0",
                        "deleted": "",
                        "value": {"image": str(self.image.pk), "alt_text": " ", "decorative": "", "caption": ""},
                    },
                }
            }
        )
        self.post_invalid(
            StandardPage,
            self.home,
            {"title": "Gallery", **body},
            error_field="body",
            block_error="Give alternative text, or mark the image as decorative.",
        )

    def test_standard_page_cannot_be_added_under_news(self):
        self.assertCannotAdd(StandardPage, self.news.get_parent())

    def test_home_page_edit_form(self):
        data = nested_form_data(
            {
                "title": self.home.title,
                "slug": self.home.slug,
                "hero_heading": "A new heading",
                "hero_intro": "",
                "featured_items": inline_formset([{"page": str(self.resource.pk)}]),
            }
        )
        self.assertPageIsEditable(self.home, post_data=dict(data))
        # a real save through the edit view keeps the new values in a draft revision
        self.client.force_login(self.user)
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[self.home.pk]), data)
        self.assertEqual(response.status_code, 302)
        draft = HomePage.objects.get(pk=self.home.pk).get_latest_revision_as_object()
        self.assertEqual(draft.hero_heading, "A new heading")
        self.assertEqual([item.page_id for item in draft.featured_items.all()], [self.resource.pk])
