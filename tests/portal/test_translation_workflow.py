"""Translating content with wagtail-localize, through the admin's real HTTP endpoints: submitting a page
for translation, machine translation, PO download and upload, publishing; translators' permissions;
taxonomy kept across languages; the "Translation status" report."""

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

import polib
import pytest

from portal.locales import sync_structure
from portal.models import EducationalLevel, Topic
from portal.translators import translator_group_name
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory
from resources.models import ResourcePage
from search.models import SearchDocument
from tests.fixtures import make_superuser

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_page, django_user_model):
    index = ResourceIndexPageFactory(parent=home_page, slug="resources")
    sync_structure(languages=["de", "fr"])
    resource = ResourcePageFactory(
        parent=index,
        title="Outdoor mathematics toolkit",
        slug="outdoor-maths",
        summary="Measuring the schoolyard with pupils.",
        levels=list(EducationalLevel.objects.filter(code__in=["primary", "lower-secondary"])),
        topics=list(Topic.objects.filter(code__in=["stem"])),
    )
    translator = django_user_model.objects.create_user("hanna", password="pw-translator-1")
    translator.groups.add(Group.objects.get(name=translator_group_name("de")))
    return {"resource": resource, "translator": translator, "editor": make_superuser("editor")}


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def locale(code):
    return Locale.objects.get(language_code=code)


def submit(client, page, *codes):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    return client.post(url, {"locales": [locale(code).pk for code in codes]})


def translation_of(page, code):
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    return Translation.objects.get(source=source, target_locale=locale(code))


def test_translator_group_per_language_with_rights_on_that_language_only(site):
    group = Group.objects.get(name=translator_group_name("de"))
    assert group.name == "Translators: Deutsch (de)"
    assert set(group.permissions.values_list("codename", flat=True)) == {"access_admin", "submit_translation"}
    pages = set(group.page_permissions.values_list("page__locale__language_code", "permission__codename"))
    assert pages == {("de", "add_page"), ("de", "change_page"), ("de", "publish_page")}
    assert Group.objects.filter(name=translator_group_name("fr")).exists()


def test_editor_submits_translator_machine_translates_and_publishes(client, site, on_commit):
    resource, translator = site["resource"], site["translator"]
    client.force_login(site["editor"])
    assert submit(client, resource, "de").status_code == 302
    german = resource.get_translation(locale("de")).specific
    assert not german.live  # a draft until the translator publishes it

    client.force_login(translator)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[german.pk])).status_code == 200
    translation = translation_of(resource, "de")
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code == 302
    with on_commit(execute=True):  # wagtail-localize publishes after the commit
        response = client.post(reverse("wagtailadmin_pages:edit", args=[german.pk]), {"action": "publish"})
    assert response.status_code in (200, 302)

    german = ResourcePage.objects.get(pk=german.pk)
    assert german.live and german.url.startswith("/de/resources/")
    assert german.title != resource.title  # the dummy machine translator rewrote it
    assert client.get(german.url).status_code == 200
    # Same taxonomy, so facets and search see the same codes in both languages
    assert set(german.levels.values_list("code", flat=True)) == {"primary", "lower-secondary"}
    assert set(german.topics.values_list("code", flat=True)) == {"stem"}
    assert german.resource_type_id == resource.resource_type_id
    document = SearchDocument.objects.get(page_id=german.pk)
    assert document.language == "de"
    assert set(document.facet_values.filter(facet="level").values_list("code", flat=True)) == {
        "primary",
        "lower-secondary",
    }


def test_po_download_edit_upload_round_trip(client, site, on_commit):
    resource, translator = site["resource"], site["translator"]
    client.force_login(site["editor"])
    submit(client, resource, "de")
    translation = translation_of(resource, "de")

    client.force_login(translator)
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/x-gettext-translation")
    po = polib.pofile(response.content.decode())
    titles = [entry for entry in po if entry.msgid == resource.title]
    assert titles, [entry.msgid for entry in po]
    titles[0].msgstr = "Mathe-Werkzeugkasten für draußen"
    upload = SimpleUploadedFile("de.po", str(po).encode(), content_type="text/x-gettext-translation")
    response = client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload})
    assert response.status_code == 302
    german = resource.get_translation(locale("de"))
    with on_commit(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[german.pk]), {"action": "publish"})
    german = Page.objects.get(pk=german.pk)
    assert german.live and german.title == "Mathe-Werkzeugkasten für draußen"


def test_translator_cannot_edit_the_english_source(client, site):
    client.force_login(site["translator"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[site["resource"].pk]))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"].startswith("/admin/")
    response = client.post(reverse("wagtailadmin_pages:edit", args=[site["resource"].pk]), {"title": "Hacked"})
    assert Page.objects.get(pk=site["resource"].pk).title == "Outdoor mathematics toolkit"


def test_translator_can_only_translate_into_their_language(client, site):
    resource = site["resource"]
    client.force_login(site["translator"])
    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[resource.pk]))
    assert response.status_code == 200
    offered = {choice.data["value"].instance.language_code for choice in response.context["form"]["locales"]}
    assert offered == {"de"}
    response = submit(client, resource, "fr")
    assert response.status_code == 200 and response.context["form"].errors  # refused, with a message
    assert not Page.objects.filter(translation_key=resource.translation_key, locale=locale("fr")).exists()
    assert submit(client, resource, "de").status_code == 302
    assert Page.objects.filter(translation_key=resource.translation_key, locale=locale("de")).exists()


def test_users_who_write_in_no_language_cannot_submit(client, site, django_user_model):
    clerk = django_user_model.objects.create_user("clerk", password="pw-clerk-1")
    clerk.groups.add(*Group.objects.filter(name=translator_group_name("de")))
    Group.objects.get(name=translator_group_name("de")).page_permissions.all().delete()
    client.force_login(clerk)
    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[site["resource"].pk]))
    assert response.status_code in (302, 403)


def test_taxonomy_follows_the_source_when_translations_are_synced(client, site, on_commit):
    resource = site["resource"]
    client.force_login(site["editor"])
    submit(client, resource, "de")
    german = resource.get_translation(locale("de"))
    resource.levels.set(EducationalLevel.objects.filter(code="ivet"))
    resource.save_revision().publish()
    source = TranslationSource.objects.get(object_id=resource.translation_key, locale=resource.locale)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    with on_commit(execute=True):  # wagtail-localize publishes after the commit
        response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    german = ResourcePage.objects.get(pk=german.pk)
    assert set(german.levels.values_list("code", flat=True)) == {"ivet"}


def test_translation_status_report(client, site, on_commit):
    resource = site["resource"]
    client.force_login(site["editor"])
    submit(client, resource, "de")
    german = resource.get_translation(locale("de"))
    with on_commit(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[german.pk]), {"action": "publish"})
    # the source changes after the translation: German is out of date, French is missing everything
    resource.title = "Outdoor mathematics toolkit (2nd edition)"
    resource.save_revision().publish()

    response = client.get(reverse("portal_translation_status"))
    assert response.status_code == 200
    rows = {row["locale"].language_code: row for row in response.context["rows"]}
    total = response.context["total"]  # home, resources index, the resource
    assert total == 3
    assert (rows["de"]["translated"], rows["de"]["out_of_date"], rows["de"]["missing"]) == (2, 1, 0)
    assert (rows["fr"]["translated"], rows["fr"]["out_of_date"], rows["fr"]["missing"]) == (2, 0, 1)
    assert "ar" in rows and rows["ar"]["missing"] == total

    missing = client.get(reverse("portal_translation_status"), {"language": "fr", "show": "missing"})
    items = list(missing.context["detail"]["page_obj"])
    assert [item["page"].pk for item in items] == [resource.pk]
    assert items[0]["translate_url"].endswith(f"/{resource.pk}/?select_locale=fr")
    stale = client.get(reverse("portal_translation_status"), {"language": "de", "show": "out_of_date"})
    assert [item["page"].pk for item in stale.context["detail"]["page_obj"]] == [german.pk]


def test_translators_see_only_their_languages_in_the_report(client, site):
    client.force_login(site["translator"])
    response = client.get(reverse("portal_translation_status"))
    assert [row["locale"].language_code for row in response.context["rows"]] == ["de"]
    refused = client.get(reverse("portal_translation_status"), {"language": "fr"})
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's "permission denied"
