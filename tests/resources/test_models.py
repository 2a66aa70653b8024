"""Resource pages: tree rules, licence links, attachments and the resource type."""

from django.db.models import ProtectedError
from django.test import TestCase

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseIndexPage
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage
from portal.models import Audience, ResourceType
from portal.taxonomy import LICENCE_URLS, Licence
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from resources.models import ResourceIndexPage, ResourcePage, ResourcePageAttachment
from tests.fixtures import get_home_page, make_document


class ResourceTreeTests(WagtailPageTestCase):
    def test_resource_index_lives_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(ResourceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ResourceIndexPage, {ResourcePage})
        for parent in (Page, StandardPage, NewsIndexPage, CourseIndexPage, ResourcePage):
            self.assertCanNotCreateAt(parent, ResourceIndexPage)

    def test_resource_page_is_a_leaf_under_the_resource_index(self):
        self.assertAllowedParentPageTypes(ResourcePage, {ResourceIndexPage})
        self.assertAllowedSubpageTypes(ResourcePage, set())
        self.assertCanCreateAt(ResourceIndexPage, ResourcePage)
        for parent in (Page, HomePage, StandardPage, NewsIndexPage, CourseIndexPage):
            self.assertCanNotCreateAt(parent, ResourcePage)

    def test_one_resource_index_per_home_page(self):
        home = get_home_page()
        ResourceIndexPageFactory(parent=home)
        self.assertFalse(ResourceIndexPage.can_create_at(home))


class ResourcePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = ResourceIndexPageFactory(parent=get_home_page())
        cls.page = ResourcePageFactory(parent=cls.index)

    def test_licence_defaults_to_cc_by(self):
        self.assertEqual(self.page.licence, Licence.CC_BY)
        self.assertEqual(self.page.licence_url, "https://creativecommons.org/licenses/by/4.0/")

    def test_every_open_licence_links_to_creative_commons(self):
        for licence in Licence:
            with self.subTest(licence=licence):
                self.page.licence = licence
                if licence == Licence.ALL_RIGHTS_RESERVED:
                    self.assertEqual(self.page.licence_url, "")
                else:
                    self.assertTrue(self.page.licence_url.startswith("https://creativecommons.org/"))
                    self.assertIn(licence.value.split("-")[-1].replace(".0", ""), self.page.licence_url)

    def test_licence_url_per_licence(self):
        expected = {
            "cc-by-nc-sa-4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
            "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
        }
        for value, url in expected.items():
            self.page.licence = value
            self.assertEqual(self.page.licence_url, url)
        self.assertEqual(set(LICENCE_URLS), set(Licence) - {Licence.ALL_RIGHTS_RESERVED})

    def test_unknown_licence_has_no_url(self):
        self.page.licence = "something-else"
        self.assertEqual(self.page.licence_url, "")

    def test_attachment_display_title(self):
        document = make_document("Teacher guide")
        untitled = ResourcePageAttachment(page=self.page, document=document, title="")
        titled = ResourcePageAttachment(page=self.page, document=document, title="Guide (PDF, 2 pages)")
        self.assertEqual(untitled.display_title, "Teacher guide")
        self.assertEqual(titled.display_title, "Guide (PDF, 2 pages)")

    def test_attachments_keep_their_order_and_go_with_the_page(self):
        documents = [make_document(f"Part {n}") for n in range(3)]
        page = ResourcePageFactory(parent=self.index)
        for order, document in zip([2, 0, 1], documents, strict=True):
            ResourcePageAttachment.objects.create(page=page, document=document, sort_order=order)
        self.assertEqual([a.display_title for a in page.attachments.all()], ["Part 1", "Part 2", "Part 0"])
        documents[1].delete()
        self.assertEqual([a.display_title for a in page.attachments.all()], ["Part 2", "Part 0"])
        page.delete()
        self.assertFalse(ResourcePageAttachment.objects.filter(document__in=[documents[0], documents[2]]).exists())

    def test_resource_type_in_use_cannot_be_deleted(self):
        with self.assertRaises(ProtectedError):
            ResourceType.objects.get(code="toolkit").delete()

    def test_audiences_and_listing_date(self):
        self.page.audiences.set(Audience.objects.filter(code="researchers"))
        self.page.save()
        self.assertEqual([a.code for a in ResourcePage.objects.get(pk=self.page.pk).audiences.all()], ["researchers"])
        self.assertEqual(self.page.listing_date, self.page.publication_date)
