"""Editors create news through the admin: the full form round trip, and the errors it must show."""

import datetime

from wagtail.test.utils.form_data import nested_form_data, streamfield

from news.factories import NewsIndexPageFactory
from news.models import NewsIndexPage, NewsPage
from portal.models import EducationalLevel, Topic
from tests.fixtures import AdminPageTestCase


class NewsAdminTests(AdminPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = NewsIndexPageFactory(parent=cls.home)
        cls.levels = list(EducationalLevel.objects.filter(code__in=["primary", "lower-secondary"]))
        cls.topics = list(Topic.objects.filter(code__in=["stem", "assessment", "inclusion"]))

    def news_data(self, **overrides):
        data = nested_form_data(
            {
                "title": "Schools take maths into the playground",
                "date": "2026-10-05",
                "author_name": "Editorial team",
                "summary": "Twelve primary schools tried outdoor maths for a term.",
                "main_image": str(self.image.pk),
                "body": self.body(page=self.index),
            }
        )
        data["levels"] = [str(level.pk) for level in self.levels]
        data["topics"] = [str(topic.pk) for topic in self.topics]
        data.update(overrides)
        return data

    def test_create_news_index_page(self):
        self.index.delete()
        self.assertCanCreate(
            self.home, NewsIndexPage, nested_form_data({"title": "News", "slug": "news", "intro": "What is new."})
        )
        index = NewsIndexPage.objects.child_of(self.home).get()
        self.assertEqual(index.intro, "What is new.")
        self.assertTrue(index.live)

    def test_second_news_index_cannot_be_added(self):
        self.assertFalse(NewsIndexPage.can_create_at(self.home))
        self.assertCannotAdd(NewsIndexPage, self.home)

    def test_create_news_page_with_every_kind_of_block(self):
        self.assertCanCreate(self.index, NewsPage, self.news_data())
        page = NewsPage.objects.get(slug="schools-take-maths-into-the-playground")
        self.assertTrue(page.live)
        self.assertEqual(page.get_parent().pk, self.index.pk)
        self.assertEqual(page.date, datetime.date(2026, 10, 5))
        self.assertEqual(page.author_name, "Editorial team")
        self.assertEqual(page.main_image, self.image)
        self.assertEqual(set(page.levels.all()), set(self.levels))
        self.assertEqual(set(page.topics.values_list("code", flat=True)), {"stem", "assessment", "inclusion"})
        self.assertBodyWasSaved(page, cta_page=self.index)
        # the published revision carries the same classification
        revision_page = page.get_latest_revision_as_object()
        self.assertEqual({level.code for level in revision_page.levels.all()}, {"primary", "lower-secondary"})

    def test_create_news_page_as_draft(self):
        self.assertCanCreate(self.index, NewsPage, self.news_data(slug="draft-news"), publish=False)
        page = NewsPage.objects.get(slug="draft-news")
        self.assertFalse(page.live)
        self.assertEqual(set(page.levels.all()), set(self.levels))

    def test_summary_is_required(self):
        self.post_invalid(NewsPage, self.index, self.news_data(summary=""), error_field="summary")

    def test_summary_over_600_characters_is_refused(self):
        self.post_invalid(NewsPage, self.index, self.news_data(summary="x" * 601), error_field="summary")

    def test_image_block_without_alt_text_is_refused(self):
        body = streamfield(
            [("image", {"image": str(self.image.pk), "alt_text": "", "decorative": "", "caption": "A caption"})]
        )
        data = self.news_data()
        data = {k: v for k, v in data.items() if not k.startswith("body-")}
        data.update(nested_form_data({"body": body}))
        self.post_invalid(
            NewsPage, self.index, data, error_field="body", block_error="Give alternative text, or mark the image"
        )

    def test_decorative_image_without_alt_text_is_accepted(self):
        body = streamfield(
            [("image", {"image": str(self.image.pk), "alt_text": "", "decorative": "on", "caption": ""})]
        )
        data = {k: v for k, v in self.news_data(slug="decorative").items() if not k.startswith("body-")}
        data.update(nested_form_data({"body": body}))
        self.assertCanCreate(self.index, NewsPage, data)
        self.assertTrue(NewsPage.objects.get(slug="decorative").body[0].value["decorative"])

    def _cta_body(self, page, url):
        return nested_form_data(
            {
                "body": streamfield(
                    [
                        (
                            "call_to_action",
                            {"title": "Read", "text": "", "page": page, "url": url, "button_label": "Read more"},
                        )
                    ]
                )
            }
        )

    def test_call_to_action_without_page_or_link_is_refused(self):
        data = {k: v for k, v in self.news_data().items() if not k.startswith("body-")}
        data.update(self._cta_body(page="", url=""))
        self.post_invalid(
            NewsPage, self.index, data, error_field="body", block_error="Choose either a page or an external link"
        )

    def test_call_to_action_with_page_and_link_is_refused(self):
        data = {k: v for k, v in self.news_data().items() if not k.startswith("body-")}
        data.update(self._cta_body(page=str(self.home.pk), url="https://example.org/"))
        self.post_invalid(
            NewsPage, self.index, data, error_field="body", block_error="Choose either a page or an external link"
        )

    def test_news_cannot_be_added_under_the_home_page(self):
        self.assertCannotAdd(NewsPage, self.home)

    def test_edit_form_shows_the_saved_page(self):
        data = self.news_data(slug="to-edit")
        self.assertCanCreate(self.index, NewsPage, dict(data))
        page = NewsPage.objects.get(slug="to-edit")
        self.assertPageIsEditable(page, post_data=data)
        self.assertPageIsPreviewable(page, post_data=data)
