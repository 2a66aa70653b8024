"""Scheduled publishing in the browser: an editor schedules a news item for later; it stays invisible to
visitors until `publish_scheduled` runs after its time (real time: nothing is mocked)."""

import datetime
import re
import time

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

import pytest

from news.models import NewsPage
from portal.editorial import EDITORS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery-8"
TITLE = "Teacher exchange applications open in spring"


def test_editor_schedules_a_news_item(live_server, browser, demo_site, django_user_model):
    editor = django_user_model.objects.create_user("edith", password=PASSWORD)
    editor.groups.add(Group.objects.get(name=EDITORS))
    index = demo_site["news_index"]

    page = browser.new_context(timezone_id="Europe/Brussels").new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label(re.compile("username", re.I)).fill("edith")
    page.get_by_label(re.compile("password", re.I)).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("sign in", re.I)).click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(f"{live_server.url}/admin/pages/add/news/newspage/{index.pk}/")
    page.get_by_label(re.compile(r"^Title")).first.fill(TITLE)
    page.get_by_label(re.compile(r"^Summary")).fill("Schools can apply for the exchange from March.")
    # Schedule it for the start of the next minute at least 15 s away (the dialog takes minutes), in the
    # admin's own scheduling dialog
    soon = timezone.localtime() + datetime.timedelta(seconds=75)
    go_live = soon.replace(second=0, microsecond=0)
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name=re.compile("Set schedule", re.I)).click()
    field = page.get_by_label("Go live date/time")
    field.fill(go_live.strftime("%Y-%m-%d %H:%M"))
    field.press("Tab")
    page.get_by_role("button", name="Save schedule").click()
    footer = page.get_by_role("navigation", name="Actions (footer)")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name=re.compile("^\\s*Schedule to publish\\s*$|^\\s*Publish\\s*$")).first.click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))

    news = NewsPage.objects.get(title=TITLE)
    assert not news.live and news.get_latest_revision().approved_go_live_at is not None
    visitor = browser.new_context().new_page()
    url = f"{live_server.url}/en/news/{news.slug}/"
    assert visitor.goto(url).status == 404
    call_command("publish_scheduled")  # not due yet
    assert not NewsPage.objects.get(pk=news.pk).live
    time.sleep(max(0.0, (go_live - timezone.localtime()).total_seconds()) + 1)
    call_command("publish_scheduled")
    assert NewsPage.objects.get(pk=news.pk).live
    assert visitor.goto(url).status == 200
