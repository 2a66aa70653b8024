"""A translation end to end in the admin: an editor submits an English resource for translation into German,
a German translator fills it with machine translation in wagtail-localize's editor and publishes it, and
the page is live at /de/... with the source's taxonomy."""

import re

from django.contrib.auth.models import Group

from wagtail.models import Locale

import pytest

from portal.locales import sync_structure
from portal.translators import translator_group_name
from resources.models import ResourcePage
from tests.fixtures import make_superuser

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery-7"


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label(re.compile("username", re.I)).fill(username)
    page.get_by_label(re.compile("password", re.I)).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_editor_submits_translator_translates_and_publishes_in_german(
    live_server, browser, demo_site, django_user_model
):
    sync_structure(languages=["de"])
    editor = make_superuser("editor")
    editor.set_password(PASSWORD)
    editor.save()
    translator = django_user_model.objects.create_user("hanna", password=PASSWORD)
    translator.groups.add(Group.objects.get(name=translator_group_name("de")))
    resource = demo_site["resources"][0]
    levels = set(resource.levels.values_list("code", flat=True))

    editor_page = browser.new_context().new_page()
    log_in(editor_page, live_server.url, "editor")
    editor_page.goto(f"{live_server.url}/admin/localize/submit/page/{resource.pk}/?select_locale=de")
    editor_page.get_by_role("button", name=re.compile("submit", re.I)).click()
    editor_page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    german = ResourcePage.objects.get(translation_key=resource.translation_key, locale__language_code="de")
    assert not german.live

    page = browser.new_context().new_page()
    log_in(page, live_server.url, "hanna")
    page.goto(f"{live_server.url}/admin/pages/{german.pk}/edit/")
    page.get_by_role("button", name=re.compile("Translate with", re.I)).click()
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name=re.compile("Publish in", re.I)).click()
    page.wait_for_load_state("networkidle")

    german = ResourcePage.objects.get(pk=german.pk)
    assert german.live
    assert german.title != resource.title  # machine-translated (wagtail-localize's dummy translator)
    assert set(german.levels.values_list("code", flat=True)) == levels
    assert german.locale == Locale.objects.get(language_code="de")
    page.goto(live_server.url + german.url)
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").inner_text() == german.title
    # the translator cannot open the English source
    page.goto(f"{live_server.url}/admin/pages/{resource.pk}/edit/")
    assert f"/admin/pages/{resource.pk}/edit/" not in page.url
