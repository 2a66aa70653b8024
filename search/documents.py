"""What is indexed for a page: the same document feeds the database facet index and OpenSearch."""

from dataclasses import dataclass, field

from django.utils.html import strip_tags

from wagtail.search import index

from search.facets import content_type_code

MAX_TEXT_LENGTH = 20_000


@dataclass
class Document:
    page_id: int
    content_type: str
    language: str
    translation_key: str
    title: str
    summary: str
    text: str
    date: object  # datetime.date or None
    url_path: str
    search_text: str = ""  # every searchable field but the title, as Wagtail's own index has it
    facets: dict = field(default_factory=dict)  # facet name -> [codes]
    available_languages: list = field(default_factory=list)  # languages this content is live in

    @property
    def sort_title(self):
        return self.title.casefold()[:255]


def body_text(page):
    body = getattr(page, "body", None)
    if body is None:
        return ""
    parts = page._meta.get_field("body").get_searchable_content(body)
    return strip_tags(" ".join(str(part) for part in parts if part))[:MAX_TEXT_LENGTH]


def _field_texts(obj, fields, top=True):
    for search_field in fields:
        if isinstance(search_field, index.SearchField):
            if top and search_field.field_name in ("title", "body"):
                continue  # the page's own title and body are indexed separately
            value = search_field.get_value(obj)
            if value:
                yield strip_tags(str(value))
        elif isinstance(search_field, index.RelatedFields):
            related = search_field.get_value(obj)
            if related is None:
                continue
            items = related.all() if hasattr(related, "all") else [related]
            for item in items:
                yield from _field_texts(item, search_field.fields, top=False)


def searchable_text(page, body):
    """The text Wagtail's own index holds for the page apart from its title: summary, body, topic
    labels, author, modules... so that every engine matches the same words."""
    return " ".join([*_field_texts(page, page.get_search_fields()), body])


def build_document(page, available_languages=None):
    """The document of a specific News/Resource/Course page (levels, topics prefetched ideally)."""
    type_code = content_type_code(page)
    language = page.locale.language_code
    facets = {
        "type": [type_code],
        "language": [language],
        "level": sorted(level.code for level in page.levels.all()),
        "topic": sorted(topic.code for topic in page.topics.all()),
        "resource_type": [page.resource_type.code] if getattr(page, "resource_type_id", None) else [],
    }
    text = body_text(page)
    return Document(
        page_id=page.pk,
        content_type=type_code,
        language=language,
        translation_key=str(page.translation_key),
        title=page.title,
        summary=getattr(page, "summary", "") or "",
        text=text,
        date=getattr(page, "listing_date", None),
        url_path=page.url_path,
        search_text=searchable_text(page, text),
        facets=facets,
        available_languages=sorted(available_languages or [language]),
    )
