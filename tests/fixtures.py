"""Shared test data builders: images and documents made from real bytes, an admin user, page trees.

Import the helpers you need (``from tests.fixtures import make_image``); nothing here is collected by
pytest on its own, so importing it never adds fixtures behind a test's back.
"""

import datetime
import io
import json

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text, streamfield

from PIL import Image as PILImage

from home.models import HomePage
from portal.blocks import PARAGRAPH_FEATURES

# Keeping the search index up to date costs more than half of a page's creation time. Tests that do not
# search use this (as a class decorator or a context manager) to build their pages faster.
no_search_indexing = override_settings(
    WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}}
)


def png_bytes(size=(80, 60), color=(20, 110, 160)):
    """A real PNG, so Wagtail can read its dimensions and make renditions."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def make_image(title="Pupils in a schoolyard", description="", size=(80, 60)):
    return get_image_model().objects.create(
        title=title, description=description, file=ImageFile(io.BytesIO(png_bytes(size)), name="schoolyard.png")
    )


def make_document(
    title="Lesson plan", name="lesson-plan.txt", content=b"Fractions in the schoolyard: a lesson plan.\n"
):
    """A Wagtail document with real content and its file size recorded (as an upload through the admin has)."""
    document = get_document_model().objects.create(title=title, file=ContentFile(content, name=name))
    document.file_size = document.file.size
    document.save(update_fields=["file_size"])
    return document


def make_superuser(username="editor"):
    return get_user_model().objects.create_superuser(username, f"{username}@example.org", "not-a-real-password")


def get_home_page():
    """The English home page created by the home app's data migration."""
    return HomePage.objects.get(depth=2, locale__language_code="en")


def site_request(path="/en/", **params):
    """A GET request that Wagtail can resolve a site for (the migration's default site is ``localhost``)."""
    request = RequestFactory().get(path, params, HTTP_HOST="localhost")
    return request


def set_first_published(page, when):
    """Pin ``first_published_at`` so orderings that use it do not depend on the clock's resolution."""
    Page.objects.filter(pk=page.pk).update(first_published_at=when)
    page.first_published_at = when
    return page


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def soup(html):
    """Parse HTML so assertions do not depend on class names or whitespace."""
    return WagtailPageTestCase.get_soup(html)


# --- admin form data ----------------------------------------------------------------------------------------

TABLE_VALUE = {
    "data": [["Country", "Pupils per class"], ["Estonia", "17"], ["Portugal", "21"]],
    "cell": [],
    "mergeCells": [],
    "table_header_choice": "row",
    "table_caption": "",
}


def listblock(values):
    """ListBlock form data (use inside ``streamfield``/``nested_form_data``)."""
    data = {str(i): {"value": value, "deleted": "", "order": str(i)} for i, value in enumerate(values)}
    data["count"] = str(len(values))
    return data


def body_blocks(*, image, documents, page):
    """(block type, form value) pairs for a body using most of the shared block set, in this order."""
    return [
        ("heading", {"text": "What the pupils learnt", "level": "h2"}),
        ("paragraph", rich_text("<p>Fractions make sense <b>outside</b>.</p>", features=PARAGRAPH_FEATURES)),
        ("image", {"image": str(image.pk), "alt_text": "Pupils with a tape measure", "decorative": "", "caption": ""}),
        ("quote", {"quote": "They asked for more maths.", "attribution": "A primary teacher"}),
        (
            "call_to_action",
            {
                "title": "Try it",
                "text": "Lesson plans are free.",
                "page": str(page.pk),
                "url": "",
                "button_label": "Go",
            },
        ),
        (
            "accordion",
            {
                "title": "Questions",
                "items": listblock(
                    [
                        {"heading": "Which ages?", "body": rich_text("<p>Eight to twelve.</p>")},
                        {"heading": "How long?", "body": rich_text("<p>Two lessons.</p>")},
                    ]
                ),
            },
        ),
        ("table", {"caption": "Class sizes", "table": json.dumps(TABLE_VALUE)}),
        ("document_list", {"title": "Downloads", "documents": listblock([str(d.pk) for d in documents])}),
    ]


BODY_BLOCK_TYPES = ["heading", "paragraph", "image", "quote", "call_to_action", "accordion", "table", "document_list"]


def add_page_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


@no_search_indexing
class AdminPageTestCase(WagtailPageTestCase):
    """A superuser, the home page, an image and two documents, built once per class."""

    @classmethod
    def setUpTestData(cls):
        cls.user = make_superuser()
        cls.home = get_home_page()
        cls.image = make_image()
        cls.documents = [make_document("Lesson plan"), make_document("Worksheet")]

    def setUp(self):
        self.client.force_login(self.user)

    def body(self, page=None):
        return streamfield(body_blocks(image=self.image, documents=self.documents, page=page or self.home))

    def assertBodyWasSaved(self, page, cta_page=None):
        body = page.body
        self.assertEqual([child.block_type for child in body], BODY_BLOCK_TYPES)
        self.assertEqual(body[0].value["text"], "What the pupils learnt")
        self.assertIn("<b>outside</b>", body[1].value.source)
        self.assertEqual(body[2].value["image"], self.image)
        self.assertEqual(body[2].value["alt_text"], "Pupils with a tape measure")
        self.assertFalse(body[2].value["decorative"])
        self.assertEqual(body[4].value["page"].pk, (cta_page or self.home).pk)
        self.assertEqual([item["heading"] for item in body[5].value["items"]], ["Which ages?", "How long?"])
        self.assertEqual(body[6].value["table"]["data"][1], ["Estonia", "17"])
        self.assertTrue(body[6].value["table"]["first_row_is_table_header"])
        self.assertEqual(list(body[7].value["documents"]), self.documents)

    def assertCannotAdd(self, model, parent):
        """The admin refuses the add form: Wagtail turns PermissionDenied into a redirect with a message."""
        before = model.objects.count()
        response = self.client.get(add_page_url(model, parent), follow=True)
        self.assertEqual(response.status_code, 200)
        self.assertNotEqual(response.redirect_chain, [])
        messages = [str(m) for m in response.context["messages"]]
        self.assertTrue(any("permission" in m for m in messages), messages)
        self.assertEqual(model.objects.count(), before)

    def post_invalid(self, model, parent, data, *, error_field, block_error=None):
        """POST an invalid page: the form comes back (200) with an error on ``error_field``, nothing saved."""
        before = model.objects.count()
        data.setdefault("slug", "invalid-page")
        data["action-publish"] = "action-publish"
        response = self.client.post(add_page_url(model, parent), data)
        self.assertEqual(response.status_code, 200)
        form = response.context["form"]
        if error_field:
            self.assertIn(error_field, form.errors, form.errors)
        else:
            self.assertFalse(form.is_valid())
        if block_error:
            self.assertIn(block_error, response.content.decode())
        self.assertEqual(model.objects.count(), before)
        return response
