"""An editorial day in the browser: a contributor writes a resource with levels and topics and submits it,
a moderator approves it, and it appears in the resources listing and in search."""

import re

from django.contrib.auth.models import Group

import pytest

from portal.editorial import CONTRIBUTORS, MODERATORS, sync_section_rights
from resources.models import ResourcePage
from search.models import SearchDocument

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery-9"
TITLE = "Pond dipping: a field-work guide for primary science"


def person(django_user_model, username, role):
    user = django_user_model.objects.create_user(username, password=PASSWORD)
    user.groups.add(Group.objects.get(name=role))
    return user


def log_in(page, base_url, username):
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label(re.compile("username", re.I)).fill(username)
    page.get_by_label(re.compile("password", re.I)).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    page.wait_for_url(re.compile(r"/admin/$"))


def test_contributor_submits_moderator_approves_visitors_find_it(live_server, browser, demo_site, django_user_model):
    sync_section_rights()
    person(django_user_model, "carla", CONTRIBUTORS)
    person(django_user_model, "mo", MODERATORS)
    index = demo_site["resource_index"]

    page = browser.new_context().new_page()
    log_in(page, live_server.url, "carla")
    page.goto(f"{live_server.url}/admin/pages/add/resources/resourcepage/{index.pk}/")
    page.get_by_label(re.compile(r"^Title")).first.fill(TITLE)
    page.get_by_label(re.compile(r"^Summary")).fill("Pupils sample a school pond and sort what they find.")
    page.get_by_role("tab", name=re.compile("Classification", re.I)).click()
    page.get_by_role("button", name=re.compile("Choose (a )?resource type", re.I)).click()  # a snippet chooser
    page.locator(".modal").get_by_role("link", name="Teaching material").click()
    page.locator(".modal").wait_for(state="hidden")
    page.get_by_label("Primary education").check()
    page.get_by_label("STEM").check()
    page.get_by_label("Sustainability").check()
    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name=re.compile("Submit to Editorial review", re.I)).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    resource = ResourcePage.objects.get(title=TITLE)
    assert not resource.live
    assert resource.current_workflow_state.workflow.name == "Editorial review"
    assert set(resource.get_latest_revision_as_object().levels.values_list("code", flat=True)) == {"primary"}

    moderator = browser.new_context().new_page()
    log_in(moderator, live_server.url, "mo")
    moderator.goto(f"{live_server.url}/admin/pages/{resource.pk}/edit/")
    footer = moderator.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name=re.compile(r"^\s*Approve and Publish\s*$")).click()
    moderator.wait_for_load_state("networkidle")

    resource = ResourcePage.objects.get(pk=resource.pk)
    assert resource.live
    assert set(resource.levels.values_list("code", flat=True)) == {"primary"}
    assert set(resource.topics.values_list("code", flat=True)) == {"stem", "sustainability"}
    assert SearchDocument.objects.filter(page_id=resource.pk).exists()

    visitor = browser.new_context().new_page()
    visitor.goto(f"{live_server.url}/en/resources/?level=primary&topic=stem")
    assert visitor.get_by_role("link", name=TITLE).count() == 1
    visitor.goto(f"{live_server.url}/en/search/?q=pond+dipping")
    assert visitor.get_by_role("link", name=TITLE).count() == 1
