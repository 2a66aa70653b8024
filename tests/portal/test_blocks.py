"""The shared StreamField block set: validation rules and what each block renders."""

from django.template.loader import get_template

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

import pytest

from news.factories import NewsIndexPageFactory
from portal.blocks import (
    AccordionBlock,
    BodyBlock,
    CallToActionBlock,
    CaptionedTableBlock,
    DocumentListBlock,
    HeadingBlock,
    ImageBlock,
    QuoteBlock,
)
from tests.fixtures import get_home_page, make_document, make_image, soup

EXPECTED_BLOCKS = {
    "heading",
    "paragraph",
    "image",
    "quote",
    "call_to_action",
    "embed",
    "document_list",
    "accordion",
    "table",
}


def struct_value(block, **raw):
    """Build a StructValue the way it comes out of the database (ids for choosers)."""
    return block.to_python(raw)


# --- the block set ------------------------------------------------------------------------------------------


def test_body_block_offers_the_shared_set():
    assert set(BodyBlock().child_blocks) == EXPECTED_BLOCKS


@pytest.mark.parametrize("name", sorted(EXPECTED_BLOCKS))
def test_every_block_has_an_icon_and_an_existing_template(name):
    block = BodyBlock().child_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder", f"{name} has no icon"
    assert block.meta.template, f"{name} has no template"
    get_template(block.meta.template)  # raises TemplateDoesNotExist


# --- heading ------------------------------------------------------------------------------------------------


def test_heading_defaults_to_h2_and_renders_the_chosen_level():
    block = HeadingBlock()
    assert block.child_blocks["level"].get_default() == "h2"
    html = block.render(struct_value(block, text="Why assess?", level="h3"))
    assert soup(html).find("h3").get_text(strip=True) == "Why assess?"
    assert "<h2" not in html
    assert soup(block.render(struct_value(block, text="Plain", level="h2"))).find("h2") is not None


def test_heading_escapes_markup():
    block = HeadingBlock()
    html = block.render(struct_value(block, text="<script>alert(1)</script>", level="h2"))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_heading_rejects_text_over_200_characters():
    block = HeadingBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(struct_value(block, text="x" * 201, level="h2"))
    assert "text" in excinfo.value.block_errors


def test_heading_rejects_a_level_outside_h2_to_h4():
    block = HeadingBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(struct_value(block, text="Title", level="h1"))
    assert "level" in excinfo.value.block_errors


# --- image --------------------------------------------------------------------------------------------------


@pytest.fixture
def image(db):
    return make_image("Children measuring the playground")


@pytest.mark.parametrize("alt_text", ["", "   "])
def test_image_needs_alt_text_unless_decorative(image, alt_text):
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(struct_value(block, image=image.pk, alt_text=alt_text, decorative=False, caption=""))
    assert list(excinfo.value.block_errors) == ["alt_text"]


def test_image_with_alt_text_is_valid(image):
    block = ImageBlock()
    value = block.clean(
        struct_value(block, image=image.pk, alt_text="Pupils with a tape measure", decorative=False, caption="")
    )
    assert value["image"] == image
    assert value["alt_text"] == "Pupils with a tape measure"


def test_decorative_image_needs_no_alt_text(image):
    block = ImageBlock()
    value = block.clean(struct_value(block, image=image.pk, alt_text="", decorative=True, caption=""))
    assert value["decorative"] is True


def test_image_is_required(db):
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(struct_value(block, image=None, alt_text="Something", decorative=False, caption=""))
    assert "image" in excinfo.value.block_errors


def test_image_renders_its_alt_text_and_caption(image):
    block = ImageBlock()
    html = block.render(
        struct_value(block, image=image.pk, alt_text="Pupils & a tape measure", decorative=False, caption="Playground")
    )
    img = soup(html).find("img")
    assert img["alt"] == "Pupils & a tape measure"
    assert img["loading"] == "lazy"
    assert int(img["width"]) <= 960
    assert soup(html).find("figcaption").get_text(strip=True) == "Playground"


def test_decorative_image_renders_an_empty_alt(image):
    block = ImageBlock()
    html = block.render(struct_value(block, image=image.pk, alt_text="Ignored text", decorative=True, caption=""))
    assert soup(html).find("img")["alt"] == ""
    assert "Ignored text" not in html
    assert "<figcaption>" not in html


# --- call to action -----------------------------------------------------------------------------------------


@pytest.fixture
def home(db):
    return get_home_page()


def cta(block, **overrides):
    raw = {"title": "Join the course", "text": "", "page": None, "url": "", "button_label": "Enrol"}
    raw.update(overrides)
    return struct_value(block, **raw)


def test_call_to_action_needs_a_page_or_a_link(db):
    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(cta(block))
    assert "url" in excinfo.value.block_errors


def test_call_to_action_cannot_have_both_a_page_and_a_link(home):
    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(cta(block, page=home.pk, url="https://example.org/"))
    assert "url" in excinfo.value.block_errors


def test_call_to_action_with_a_page_renders_the_page_url(home):
    block = CallToActionBlock()
    value = block.clean(cta(block, page=home.pk))
    link = soup(block.render(value)).find("a")
    assert link["href"] == "/en/"
    assert link.get_text(strip=True) == "Enrol"


def test_call_to_action_with_a_link_renders_the_link(db):
    block = CallToActionBlock()
    value = block.clean(cta(block, url="https://example.org/enrol", text="Places are limited."))
    html = block.render(value)
    link = soup(html).find("a")
    assert link["href"] == "https://example.org/enrol"
    assert soup(html).find("p").get_text(strip=True) == "Places are limited."


def test_call_to_action_whose_page_was_deleted_renders_no_empty_link(home):
    target = NewsIndexPageFactory(parent=home)
    block = CallToActionBlock()
    stored = block.get_prep_value(block.clean(cta(block, page=target.pk)))
    target.delete()
    html = block.render(block.to_python(stored))
    assert all(a.get("href") for a in soup(html).find_all("a")), html


def test_call_to_action_rejects_a_javascript_url(db):
    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(cta(block, url="javascript:alert(1)"))
    assert "url" in excinfo.value.block_errors


# --- quote, table, accordion, document list, paragraph ------------------------------------------------------


def test_quote_escapes_markup_and_keeps_line_breaks():
    block = QuoteBlock()
    html = block.render(struct_value(block, quote="First line\n<b>second</b>", attribution="A teacher"))
    assert "First line<br>&lt;b&gt;second&lt;/b&gt;" in html
    assert soup(html).find("figcaption").get_text(strip=True) == "A teacher"


def test_quote_without_attribution_has_no_caption():
    block = QuoteBlock()
    html = block.render(struct_value(block, quote="Learning is social.", attribution=""))
    assert "<figcaption>" not in html


TABLE = {
    "data": [["Level", "Pupils"], ["Primary", "24"], ["<i>Lower</i> secondary", None]],
    "cell": [],
    "mergeCells": [],
    "table_header_choice": "row",
    "table_caption": "",
}


def test_table_renders_caption_and_header_row():
    block = CaptionedTableBlock()
    value = block.clean(struct_value(block, caption="Pupils per class", table=dict(TABLE)))
    html = block.render(value)
    table = soup(html).find("table")
    assert table.find("caption").get_text(strip=True) == "Pupils per class"
    assert [(th.get_text(), th.get("scope")) for th in table.select("thead th")] == [
        ("Level", "col"),
        ("Pupils", "col"),
    ]
    body_rows = [[td.get_text() for td in tr.find_all(["td", "th"])] for tr in table.select("tbody tr")]
    assert body_rows == [["Primary", "24"], ["<i>Lower</i> secondary", ""]]
    assert "&lt;i&gt;Lower&lt;/i&gt; secondary" in html
    assert "None" not in html


def test_table_needs_a_caption():
    block = CaptionedTableBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(struct_value(block, caption="", table=dict(TABLE)))
    assert "caption" in excinfo.value.block_errors


def test_accordion_renders_each_item_as_details():
    block = AccordionBlock()
    value = block.clean(
        struct_value(
            block,
            title="Frequently asked",
            items=[
                {"heading": "Who can join?", "body": "<p>Any teacher.</p>"},
                {"heading": "Is it free?", "body": "<p>Yes.</p>"},
            ],
        )
    )
    html = block.render(value)
    details = soup(html).find_all("details")
    assert [d.find("summary").get_text(strip=True) for d in details] == ["Who can join?", "Is it free?"]
    assert "<p>Any teacher.</p>" in html


def test_document_list_links_each_document(db):
    first, second = make_document("Lesson plan"), make_document("Worksheet")
    block = DocumentListBlock()
    value = block.clean(struct_value(block, title="Downloads", documents=[first.pk, second.pk]))
    html = block.render(value)
    links = soup(html).find_all("a")
    assert [(a["href"], a.get_text(strip=True)) for a in links] == [
        (first.url, "Lesson plan"),
        (second.url, "Worksheet"),
    ]
    assert "TXT" in html


def test_document_list_skips_a_deleted_document(db):
    """A document deleted after the page was published must not leave an empty link behind."""
    kept, deleted = make_document("Lesson plan"), make_document("Old worksheet")
    block = DocumentListBlock()
    value = block.to_python({"title": "", "documents": [deleted.pk, kept.pk]})
    deleted.delete()
    value = block.to_python(block.get_prep_value(value))
    links = soup(block.render(value)).find_all("a")
    assert [a.get_text(strip=True) for a in links] == ["Lesson plan"]
    assert all(a.get("href") for a in links)


def test_paragraph_drops_disallowed_markup_features():
    block = BodyBlock().child_blocks["paragraph"]
    assert isinstance(block, blocks.RichTextBlock)
    assert "h1" not in block.features
    assert "link" in block.features and "document-link" in block.features


# --- the stream as a whole ----------------------------------------------------------------------------------


def test_body_stream_round_trips_and_renders_in_order(image, home):
    stream = BodyBlock()
    value = stream.to_python(
        [
            {"type": "heading", "value": {"text": "Outdoor maths", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Take fractions outside.</p>"},
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "A chalk circle", "decorative": False, "caption": ""},
            },
            {
                "type": "call_to_action",
                "value": {"title": "More", "text": "", "page": home.pk, "url": "", "button_label": "Home"},
            },
        ]
    )
    cleaned = stream.clean(value)
    assert [child.block_type for child in cleaned] == ["heading", "paragraph", "image", "call_to_action"]
    html = stream.render(cleaned)
    positions = [html.index(s) for s in ("Outdoor maths", "Take fractions outside.", "A chalk circle", ">Home</a>")]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_every_block_has_a_preview_in_the_block_picker(client):
    """The block picker shows a description and a rendered preview of every block (Wagtail's block preview
    view, with the portal's stylesheet), using real library images and documents where a block needs them."""
    from django.urls import reverse

    from portal.blocks import BodyBlock
    from tests.fixtures import make_document, make_image, make_superuser

    make_image()
    make_document()
    client.force_login(make_superuser())
    for name, block in BodyBlock().child_blocks.items():
        assert block.meta.description, name
        response = client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
        assert response.status_code == 200, name
        html = response.content.decode()
        assert "css/portal" in html and f"block-{name}" in html, name
        if name not in ("embed",):  # an embed needs the provider's answer; the picker shows its description
            assert len(html.split("<main>", 1)[1]) > 200, name
