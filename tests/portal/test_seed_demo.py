"""``manage.py seed_demo``: tree, counts, determinism, idempotency, taxonomy coverage and admin editing."""

import re
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from courses.models import CourseIndexPage, CourseModule, CoursePage
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from portal.demo.bulk import BulkPageWriter
from portal.demo.documents import document_files
from portal.demo.seeder import COLLECTION_NAME
from portal.models import Audience, EducationalLevel, ResourceType, Topic
from portal.taxonomy import CourseFormat, Licence
from resources.models import ResourceIndexPage, ResourcePage, ResourcePageAttachment

SMALL = {"resources": 12, "news": 6, "courses": 4}
ITEM_MODELS = (ResourcePage, NewsPage, CoursePage)


def seed(**options):
    call_command("seed_demo", verbosity=0, **{**SMALL, **options})


class Rollback(Exception):
    pass


@contextmanager
def rolled_back():
    """Run the block in a savepoint that is always rolled back: a fresh database state afterwards."""
    try:
        with transaction.atomic():
            yield
            raise Rollback
    except Rollback:
        pass


@pytest.fixture(scope="class")
def seeded(django_db_setup, django_db_blocker):
    """The small demo site, built once for the class and rolled back at its end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            seed()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def snapshot():
    """What must be identical for the same seed: slugs, titles, taxonomy, types and dates."""
    rows = []
    for model in ITEM_MODELS:
        pages = model.objects.filter(locale__language_code="en").order_by("path").prefetch_related("levels", "topics")
        for page in pages:
            rows.append(
                (
                    page.slug,
                    page.title,
                    sorted(level.code for level in page.levels.all()),
                    sorted(topic.code for topic in page.topics.all()),
                    getattr(page, "resource_type_id", None) and page.resource_type.code,
                    getattr(page, "licence", None),
                    getattr(page, "format", None),
                    getattr(page, "publication_date", None),
                    getattr(page, "date", None),
                    getattr(page, "start_date", None),
                    getattr(page, "end_date", None),
                    getattr(page, "enrolment_deadline", None),
                    str(page.translation_key),
                )
            )
    return rows


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "modules": CourseModule.objects.count(),
        "attachments": ResourcePageAttachment.objects.count(),
        **{model.__name__: model.objects.filter(locale__language_code="en").count() for model in ITEM_MODELS},
    }


@pytest.mark.usefixtures("seeded", "db")
class TestSeededSite:
    """Read-mostly checks on one small seeded site (seed 1)."""

    def test_builds_the_tree_and_counts(self):
        home = HomePage.objects.get(depth=2, locale__language_code="en")
        sections = {
            model: model.objects.child_of(home).get() for model in (NewsIndexPage, ResourceIndexPage, CourseIndexPage)
        }
        assert [page.slug for page in sections.values()] == ["news", "resources", "courses"]
        about = StandardPage.objects.child_of(home).get(slug="about")
        assert about.title == "About the portal"
        assert all(page.show_in_menus and page.live for page in [*sections.values(), about])
        assert all(page.intro for page in sections.values())
        assert {block.block_type for block in about.body} >= {
            "heading", "paragraph", "image", "quote", "call_to_action", "document_list", "accordion", "table",
        }  # fmt: skip
        assert ResourcePage.objects.child_of(sections[ResourceIndexPage]).count() == 12
        assert NewsPage.objects.child_of(sections[NewsIndexPage]).count() == 6
        assert CoursePage.objects.child_of(sections[CourseIndexPage]).count() == 4
        english = {"locale__language_code": "en"}  # the demo translations are counted separately
        assert ResourcePage.objects.filter(**english).count() == 12 and NewsPage.objects.filter(**english).count() == 6
        assert CoursePage.objects.filter(**english).count() == 4

        images = get_image_model().objects.filter(collection__name=COLLECTION_NAME)
        assert images.count() == 16
        assert all(image.width == 1600 and image.height == 900 and len(image.description) > 30 for image in images)
        assert len({image.file_hash for image in images}) == 16
        assert get_document_model().objects.filter(collection__name=COLLECTION_NAME).count() == 12

        for course in CoursePage.objects.all():
            modules = list(course.modules.all())
            assert 3 <= len(modules) <= 6
            assert [module.sort_order for module in modules] == list(range(len(modules)))
            assert modules[0].title.startswith("Module 1: ")
            assert len(course.latest_revision.content["modules"]) == len(modules)
        assert CourseModule.objects.count() == sum(course.modules.count() for course in CoursePage.objects.all())
        for resource in ResourcePage.objects.all():
            attachments = list(resource.attachments.all())
            assert len(attachments) <= 3
            assert [item.sort_order for item in attachments] == list(range(len(attachments)))
            assert len(resource.latest_revision.content["attachments"]) == len(attachments)

        home = home.specific
        featured = [item.page.specific for item in home.featured_items.all()]
        assert 3 <= len(featured) <= 6
        assert all(isinstance(page, ITEM_MODELS) and page.live for page in featured)
        assert home.hero_image is not None and home.hero_heading and home.hero_intro
        assert home.title == "Welcome to the European School Education Portal"

    def test_items_are_classified_and_complete(self):
        for model in ITEM_MODELS:
            for page in model.objects.prefetch_related("levels", "topics"):
                assert 1 <= page.levels.count() <= 3
                assert 1 <= page.topics.count() <= 4
                assert page.summary and len(page.summary) <= 600
                assert len(page.body) >= 3
                assert re.fullmatch(r"(resource|news|course)-\d{5}-[a-z0-9-]+", page.slug)
        assert all(1 <= page.audiences.count() <= 3 for page in ResourcePage.objects.all())
        assert all(page.author_name for page in NewsPage.objects.all())

    def test_bulk_pages_are_normal_published_pages(self):
        for page in ResourcePage.objects.filter(locale__language_code="en"):
            assert page.live and not page.has_unpublished_changes
            assert page.draft_title == page.title
            assert page.latest_revision_id == page.live_revision_id
            assert page.latest_revision.content["title"] == page.title
            assert page.latest_revision.object_id == str(page.pk)
            assert page.first_published_at <= page.last_published_at == page.latest_revision_created_at
            actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
            assert actions == {"wagtail.create", "wagtail.publish"}
        # Image usage (reference index) counts the bulk-created pages.
        page = ResourcePage.objects.exclude(main_image=None).first()
        assert ReferenceIndex.get_references_to(page.main_image).filter(object_id=str(page.pk)).exists()

    def test_every_language_has_its_home_and_sections(self, client):
        """The structure exists, live, in every site language, as wagtail-localize translations."""
        from wagtail_localize.models import Translation

        for model in (HomePage, NewsIndexPage, ResourceIndexPage, CourseIndexPage):
            languages = set(model.objects.live().values_list("locale__language_code", flat=True))
            assert languages == set(settings.PORTAL_DEMO_STRUCTURE_LANGUAGES), model  # all languages outside tests
        structural = [page.translation_key for page in HomePage.objects.filter(locale__language_code="en")]
        structural += [page.translation_key for page in ResourceIndexPage.objects.filter(locale__language_code="en")]
        arabic = Translation.objects.filter(target_locale__language_code="ar", source__object_id__in=structural)
        assert arabic.count() == 2
        response = client.get("/pl/resources/")
        assert response.status_code == 200
        assert response.context["page"].locale.language_code == "pl"

    def test_part_of_the_content_is_translated_through_wagtail_localize(self, client):
        from wagtail_localize.models import StringTranslation, Translation

        from portal.demo.translations import phrase_book

        source = ResourcePage.objects.filter(locale__language_code="en").order_by("path").first()
        french = ResourcePage.objects.get(translation_key=source.translation_key, locale__language_code="fr")
        assert french.live and french.title == phrase_book("fr")[source.title] != source.title
        assert set(french.levels.all()) == set(source.levels.all()) and french.main_image_id == source.main_image_id
        assert Translation.objects.filter(source__object_id=source.translation_key, target_locale=french.locale)
        assert StringTranslation.objects.filter(locale=french.locale).count() > 50
        arabic = client.get("/ar/resources/")
        assert french.title not in arabic.content.decode()
        assert phrase_book("ar")[source.title] in arabic.content.decode()

    def test_tree_integrity(self):
        assert all(problems == [] for problems in Page.find_problems())
        for index in (NewsIndexPage, ResourceIndexPage, CourseIndexPage):
            for page in index.objects.all():
                assert page.numchild == page.get_children().count()
        resource = ResourcePage.objects.filter(locale__language_code="en").order_by("path").last()
        assert resource.url_path == f"/home/resources/{resource.slug}/"
        assert resource.get_parent().specific_class is ResourceIndexPage

    def test_bulk_page_urls_resolve(self, client):
        for model in ITEM_MODELS:
            page = model.objects.order_by("path").first()
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert response.context["page"].pk == page.pk

    def test_search_finds_a_seeded_resource(self):
        resource = ResourcePage.objects.order_by("path").first()
        word = max(re.findall(r"[A-Za-z]+", resource.title), key=len)
        assert resource in list(ResourcePage.objects.live().search(word))

    def test_admin_edits_and_publishes_a_bulk_page(self, admin_client):
        page = ResourcePage.objects.order_by("path").first()
        url = f"/admin/pages/{page.pk}/edit/"
        assert admin_client.get(url).status_code == 200
        data = nested_form_data(
            {
                "title": "An edited demo resource",
                "slug": page.slug,
                "summary": page.summary,
                "body": streamfield(
                    [
                        ("heading", {"text": "Edited", "level": "h2"}),
                        ("paragraph", rich_text("<p>Edited in the admin.</p>")),
                    ]
                ),
                "attachments": inline_formset([]),
                "comments": inline_formset([]),
                "external_url": page.external_url,
                "publication_date": page.publication_date.isoformat(),
                "licence": page.licence,
                "resource_type": page.resource_type_id,
                "levels": [level.pk for level in page.levels.all()],
                "topics": [topic.pk for topic in page.topics.all()],
                "audiences": [audience.pk for audience in page.audiences.all()],
                "seo_title": "",
                "search_description": "",
                "action-publish": "publish",
            }
        )
        response = admin_client.post(url, data)
        assert response.status_code == 302, response.context and response.context["form"].errors
        page.refresh_from_db()
        assert page.title == "An edited demo resource"
        assert page.live_revision_id == page.latest_revision_id
        assert page.revisions.count() == 2
        assert all(problems == [] for problems in Page.find_problems())

    def test_course_dates_are_consistent(self):
        for course in CoursePage.objects.all():
            assert course.workload_hours
            if course.format == CourseFormat.SELF_PACED:
                assert course.start_date is course.end_date is course.enrolment_deadline is None
            else:
                assert course.start_date and course.end_date and course.enrolment_deadline
                assert course.end_date >= course.start_date
                assert course.enrolment_deadline <= course.start_date
            course.full_clean()

    def test_idempotent_and_grows_by_the_difference(self):
        before, first_rows = counts(), snapshot()
        seed()
        assert counts() == before
        with rolled_back():
            seed(resources=15, courses=5)
            after = counts()
            assert after["ResourcePage"] == 15 and after["CoursePage"] == 5 and after["NewsPage"] == 6
            assert after["images"] == before["images"] and after["documents"] == before["documents"]
            assert after["pages"] == before["pages"] + 4
            rows = snapshot()
            assert [row for row in rows if row in first_rows] == first_rows  # existing items untouched
            assert {row[0][:14] for row in rows} >= {"resource-00013", "resource-00014", "resource-00015"}
            assert all(problems == [] for problems in Page.find_problems())
            assert ResourceIndexPage.objects.get(locale__language_code="en").numchild == 15

    def test_if_empty_does_nothing_when_content_exists(self):
        before = counts()
        call_command("seed_demo", "--if-empty", resources=30, verbosity=0)
        assert counts() == before


def test_deterministic_for_a_seed(db):
    runs = []
    for seed_value in (1, 1, 2):
        with rolled_back():
            call_command("seed_demo", "--if-empty", seed=seed_value, verbosity=0, **SMALL)
            runs.append(snapshot())
    assert runs[0] == runs[1]
    assert len(runs[0]) == 22
    assert [row[:2] for row in runs[0]] != [row[:2] for row in runs[2]]
    assert len({row[0] for row in runs[0]}) == 22


def test_every_taxonomy_value_is_used(db):
    with rolled_back():
        call_command("seed_demo", resources=40, news=5, courses=6, verbosity=0)
        resources = ResourcePage.objects.all()
        used_levels = set(
            EducationalLevel.objects.filter(resources_resourcepage_pages__in=resources).values_list("code", flat=True)
        )
        used_topics = set(
            Topic.objects.filter(resources_resourcepage_pages__in=resources).values_list("code", flat=True)
        )
        assert used_levels == set(EducationalLevel.objects.values_list("code", flat=True))
        assert used_topics == set(Topic.objects.values_list("code", flat=True))
        assert set(resources.values_list("resource_type__code", flat=True)) == set(
            ResourceType.objects.values_list("code", flat=True)
        )
        assert set(Audience.objects.filter(resources__in=resources).values_list("code", flat=True)) == set(
            Audience.objects.values_list("code", flat=True)
        )
        assert set(resources.values_list("licence", flat=True)) == set(Licence.values)
        assert set(CoursePage.objects.values_list("format", flat=True)) == set(CourseFormat.values)
        courses = CoursePage.objects.exclude(start_date=None)
        today = timezone.localdate()
        assert courses.filter(start_date__gte=today).exists() and courses.filter(start_date__lt=today).exists()
        assert ResourcePage.objects.exclude(external_url="").exists()
        assert ResourcePageAttachment.objects.exists()


def test_demo_pdfs_have_a_valid_cross_reference_table():
    for filename, _title, data in document_files():
        if not filename.endswith(".pdf"):
            continue
        assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
        xref = int(re.search(rb"startxref\n(\d+)", data).group(1))
        assert data[xref : xref + 4] == b"xref"
        offsets = [int(offset) for offset in re.findall(rb"(\d{10}) 00000 n ", data)]
        assert [data[offset:].split(b" ", 1)[0] for offset in offsets] == [
            str(number).encode() for number in range(1, len(offsets) + 1)
        ]


def test_bulk_writer_refuses_duplicate_slugs(resource_index):
    resource_type = ResourceType.objects.first()

    def page(slug):
        return ResourcePage(title="A resource", slug=slug, summary="Summary.", resource_type=resource_type)

    writer = BulkPageWriter(resource_index)
    assert writer.write([page("one"), page("two")]) == 2
    with pytest.raises(ValidationError):
        writer.write([page("two")])
    with pytest.raises(ValidationError):
        writer.write([page("three"), page("three")])
    resource_index.refresh_from_db()
    assert resource_index.numchild == 2
    assert [child.slug for child in resource_index.get_children()] == ["one", "two"]
    assert all(problems == [] for problems in Page.find_problems())
