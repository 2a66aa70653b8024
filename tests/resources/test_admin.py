"""Editors create resources through the admin: classification, attachments in order, licence."""

import datetime

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from portal.models import Audience, EducationalLevel, ResourceType, Topic
from portal.taxonomy import Licence
from resources.factories import ResourceIndexPageFactory
from resources.models import ResourceIndexPage, ResourcePage
from tests.fixtures import AdminPageTestCase, make_document


class ResourceAdminTests(AdminPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = ResourceIndexPageFactory(parent=cls.home)
        cls.toolkit = ResourceType.objects.get(code="toolkit")
        cls.extra_document = make_document("Teacher guide")

    def resource_data(self, **overrides):
        data = nested_form_data(
            {
                "title": "Outdoor mathematics toolkit",
                "summary": "Lesson plans that take fractions and geometry into the schoolyard.",
                "main_image": str(self.image.pk),
                "body": self.body(),
                "attachments": inline_formset(
                    [
                        {"document": str(self.documents[1].pk), "title": ""},
                        {"document": str(self.extra_document.pk), "title": "Guide for teachers"},
                        {"document": str(self.documents[0].pk), "title": ""},
                    ]
                ),
                "external_url": "https://example.org/toolkit",
                "publication_date": "2025-09-01",
                "licence": Licence.CC_BY_SA.value,
                "resource_type": str(self.toolkit.pk),
            }
        )
        data["levels"] = [
            str(pk) for pk in EducationalLevel.objects.filter(code="primary").values_list("pk", flat=True)
        ]
        data["topics"] = [str(pk) for pk in Topic.objects.filter(code="stem").values_list("pk", flat=True)]
        data["audiences"] = [
            str(pk) for pk in Audience.objects.filter(code__in=["school-staff", "parents"]).values_list("pk", flat=True)
        ]
        data.update(overrides)
        return data

    def test_create_resource_index_page(self):
        self.index.delete()
        self.assertCanCreate(self.home, ResourceIndexPage, nested_form_data({"title": "Resources", "intro": ""}))
        self.assertEqual(ResourceIndexPage.objects.child_of(self.home).get().slug, "resources")

    def test_second_resource_index_cannot_be_added(self):
        self.assertCannotAdd(ResourceIndexPage, self.home)

    def test_create_resource_page(self):
        self.assertCanCreate(self.index, ResourcePage, self.resource_data())
        page = ResourcePage.objects.get(slug="outdoor-mathematics-toolkit")
        self.assertTrue(page.live)
        self.assertEqual(page.resource_type, self.toolkit)
        self.assertEqual(page.licence, Licence.CC_BY_SA)
        self.assertEqual(page.licence_url, "https://creativecommons.org/licenses/by-sa/4.0/")
        self.assertEqual(page.publication_date, datetime.date(2025, 9, 1))
        self.assertEqual(page.external_url, "https://example.org/toolkit")
        self.assertEqual([level.code for level in page.levels.all()], ["primary"])
        self.assertEqual([topic.code for topic in page.topics.all()], ["stem"])
        self.assertEqual(sorted(a.code for a in page.audiences.all()), ["parents", "school-staff"])
        self.assertBodyWasSaved(page)
        attachments = list(page.attachments.all())
        self.assertEqual([a.display_title for a in attachments], ["Worksheet", "Guide for teachers", "Lesson plan"])
        self.assertEqual([a.sort_order for a in attachments], [0, 1, 2])

    def test_attachment_order_follows_the_editor(self):
        data = self.resource_data(slug="reordered")
        # the editor dragged the last attachment to the top
        data.update({"attachments-0-ORDER": "2", "attachments-1-ORDER": "3", "attachments-2-ORDER": "1"})
        self.assertCanCreate(self.index, ResourcePage, data)
        page = ResourcePage.objects.get(slug="reordered")
        self.assertEqual(
            [a.display_title for a in page.attachments.all()], ["Lesson plan", "Worksheet", "Guide for teachers"]
        )

    def test_deleted_attachment_row_is_not_saved(self):
        data = self.resource_data(slug="one-deleted")
        data["attachments-1-DELETE"] = "1"
        self.assertCanCreate(self.index, ResourcePage, data)
        page = ResourcePage.objects.get(slug="one-deleted")
        self.assertEqual([a.display_title for a in page.attachments.all()], ["Worksheet", "Lesson plan"])

    def test_resource_type_is_required(self):
        self.post_invalid(ResourcePage, self.index, self.resource_data(resource_type=""), error_field="resource_type")

    def test_unknown_licence_is_refused(self):
        self.post_invalid(ResourcePage, self.index, self.resource_data(licence="wtfpl"), error_field="licence")

    def test_attachment_needs_a_document(self):
        data = self.resource_data()
        data["attachments-0-document"] = ""
        response = self.post_invalid(ResourcePage, self.index, data, error_field=None)
        formset = response.context["form"].formsets["attachments"]
        self.assertIn("document", formset.forms[0].errors)

    def test_edit_and_preview(self):
        data = self.resource_data(slug="editable")
        self.assertCanCreate(self.index, ResourcePage, dict(data))
        page = ResourcePage.objects.get(slug="editable")
        edit_data = dict(data)
        edit_data.update(
            {"attachments-INITIAL_FORMS": "3"}
            | {f"attachments-{i}-id": str(a.pk) for i, a in enumerate(page.attachments.all())}
        )
        self.assertPageIsEditable(page, post_data=edit_data)
        self.assertPageIsPreviewable(page, post_data=data)
        page.refresh_from_db()
        self.assertEqual(page.attachments.count(), 3)
