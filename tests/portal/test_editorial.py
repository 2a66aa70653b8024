"""Editors' day: site settings in the footer (cached), robots.txt, dashboard panels, scheduled publishing,
automatic redirects when a slug changes."""

import datetime
import time

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

import pytest

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPage
from portal.models import SiteSettings
from tests.fixtures import make_superuser, soup

pytestmark = pytest.mark.django_db


def test_site_settings_show_in_the_footer_and_are_cached(client, home_page):
    site = Site.objects.get()
    settings_ = SiteSettings.for_site(site)
    settings_.organisation_name = "European Schoolnet"
    settings_.footer_text = "A portal for school education in Europe."
    settings_.contact_email = "info@example.eu"
    settings_.mastodon_url = "https://social.example.eu/@portal"
    settings_.save()
    footer = soup(client.get("/en/").content.decode()).select_one("footer")
    assert "Run by European Schoolnet" in footer.get_text(" ", strip=True)
    assert "A portal for school education in Europe." in footer.get_text(" ", strip=True)
    assert footer.select_one('a[href="mailto:info@example.eu"]')
    assert footer.select_one('a[href="https://social.example.eu/@portal"]').get_text() == "Mastodon"
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/")
    assert not [q for q in queries.captured_queries if "portal_sitesettings" in q["sql"]]  # from the cache
    settings_.organisation_name = "Ministry network"
    settings_.save()  # saving empties the cache
    assert "Run by Ministry network" in client.get("/en/").content.decode()


def test_settings_form_in_the_admin(client, home_page):
    client.force_login(make_superuser())
    url = reverse("wagtailsettings:edit", args=["portal", "sitesettings", Site.objects.get().pk])
    response = client.post(url, {"organisation_name": "Network", "contact_email": "not an address"})
    assert response.status_code == 200 and "contact_email" in response.context["form"].errors
    response = client.post(url, {"organisation_name": "Network", "contact_email": "team@example.eu"})
    assert response.status_code == 302
    assert SiteSettings.for_site(Site.objects.get()).contact_email == "team@example.eu"


def test_robots_txt(client, settings):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body and "Disallow: /fr/search/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_dashboard_shows_upcoming_courses_and_the_content_overview(client, home_page):
    index = CourseIndexPageFactory(parent=home_page, slug="courses")
    CoursePageFactory(
        parent=index,
        title="Leading learning in rural schools",
        start_date=timezone.localdate() + datetime.timedelta(days=10),
        end_date=timezone.localdate() + datetime.timedelta(days=40),
        enrolment_deadline=timezone.localdate() + datetime.timedelta(days=5),
    )
    client.force_login(make_superuser())
    page = soup(client.get(reverse("wagtailadmin_home")).content.decode())
    upcoming = page.select_one("#dashboard-upcoming-courses").find_parent("section")
    assert "Leading learning in rural schools" in upcoming.get_text()
    overview = page.select_one("#dashboard-content-overview").find_parent("section")
    cells = [row.get_text(" ", strip=True) for row in overview.select("tbody tr")]
    assert any(cell.startswith("Course 1") for cell in cells), cells


def test_scheduled_news_stays_hidden_until_publish_scheduled_runs(client, home_page):
    index = NewsIndexPageFactory(parent=home_page, slug="news")
    news = NewsPageFactory(parent=index, title="Results of the spring survey", slug="spring-survey", live=False)
    news.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    news.save_revision().publish()  # with a go-live date ahead this schedules instead of publishing
    assert not NewsPage.objects.get(pk=news.pk).live
    assert client.get("/en/news/spring-survey/").status_code == 404
    call_command("publish_scheduled")
    assert not NewsPage.objects.get(pk=news.pk).live  # not due yet
    time.sleep(2.2)  # real time: nothing is mocked
    call_command("publish_scheduled")
    assert NewsPage.objects.get(pk=news.pk).live
    assert client.get("/en/news/spring-survey/").status_code == 200


def test_changing_a_slug_creates_a_redirect(client, home_page, django_capture_on_commit_callbacks):
    index = NewsIndexPageFactory(parent=home_page, slug="news")
    news = NewsPageFactory(parent=index, title="Teacher exchange opens", slug="teacher-exchange")
    old_url = news.url
    news.slug = "teacher-exchange-2027"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail creates redirects after the commit
        news.save_revision().publish()
    assert Redirect.objects.filter(redirect_page=news).exists()
    response = client.get(old_url)
    assert response.status_code in (301, 302) and response["Location"].endswith("/teacher-exchange-2027/")


@pytest.mark.parametrize(
    "model_label", ["home.StandardPage", "news.NewsPage", "resources.ResourcePage", "courses.CoursePage"]
)
def test_previews_run_wagtails_accessibility_checker_public_pages_do_not(client, home_page, model_label):
    from django.apps import apps

    from courses.factories import CourseIndexPageFactory as CourseIndex
    from resources.factories import ResourceIndexPageFactory, ResourcePageFactory

    parents = {
        "home.StandardPage": lambda: home_page,
        "news.NewsPage": lambda: NewsIndexPageFactory(parent=home_page, slug="news"),
        "resources.ResourcePage": lambda: ResourceIndexPageFactory(parent=home_page, slug="resources"),
        "courses.CoursePage": lambda: CourseIndex(parent=home_page, slug="courses"),
    }
    factories = {
        "home.StandardPage": None,
        "news.NewsPage": NewsPageFactory,
        "resources.ResourcePage": ResourcePageFactory,
        "courses.CoursePage": CoursePageFactory,
    }
    parent = parents[model_label]()
    model = apps.get_model(model_label)
    if factories[model_label] is None:
        page = parent.add_child(instance=model(title="About us", slug="about-us"))
        page.save_revision().publish()
    else:
        page = factories[model_label](parent=parent)
    client.force_login(make_superuser())
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert preview.status_code == 200
    assert "wagtail-userbar" in preview.content.decode()  # the userbar, with its accessibility checker
    public = client.get(page.url)
    assert public.status_code == 200 and "wagtail-userbar" not in public.content.decode()


PAGE_MODELS = [
    "home.HomePage",
    "home.StandardPage",
    "news.NewsIndexPage",
    "news.NewsPage",
    "resources.ResourceIndexPage",
    "resources.ResourcePage",
    "courses.CourseIndexPage",
    "courses.CoursePage",
]
WAGTAIL_OWN = {"go_live_at", "expire_at"}  # Wagtail's scheduling fields, explained in its own dialog


def panel_fields(handler):
    from wagtail.admin.panels import FieldPanel, InlinePanel

    for child in getattr(handler, "children", []):
        if isinstance(child, FieldPanel):
            yield child.model, child.field_name
        if isinstance(child, InlinePanel):
            related = child.db_field.related_model
            for panel in related.panels:
                yield related, panel.field_name
        yield from panel_fields(child)


@pytest.mark.parametrize("model_label", PAGE_MODELS)
def test_every_field_an_editor_sees_has_help_text(model_label):
    from django.apps import apps
    from django.core.exceptions import FieldDoesNotExist

    model = apps.get_model(model_label)
    missing = []
    for owner, name in panel_fields(model.get_edit_handler()):
        try:
            field = owner._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if name not in WAGTAIL_OWN and not field.help_text:
            missing.append(f"{owner.__name__}.{name}")
    assert not missing


@pytest.mark.parametrize("model_label", [label for label in PAGE_MODELS if "Index" not in label])
def test_preview_of_a_new_empty_page_does_not_fail(client, home_page, model_label):
    """Preview while adding a page, before anything is filled in: Wagtail answers with its preview (or its
    "fix the errors" notice for a required field), never an error."""
    from django.apps import apps

    from courses.factories import CourseIndexPageFactory as CourseIndex
    from resources.factories import ResourceIndexPageFactory

    parents = {
        "home": lambda: home_page,
        "news": lambda: NewsIndexPageFactory(parent=home_page, slug="news"),
        "resources": lambda: ResourceIndexPageFactory(parent=home_page, slug="resources"),
        "courses": lambda: CourseIndex(parent=home_page, slug="courses"),
    }
    app_label, model_name = model_label.split(".")
    model = apps.get_model(model_label)
    parent = home_page.get_parent() if model_label == "home.HomePage" else parents[app_label]()
    client.force_login(make_superuser())
    url = reverse("wagtailadmin_pages:preview_on_add", args=[app_label, model._meta.model_name, parent.pk])
    response = client.post(url, {})
    assert response.status_code == 200 and response.json()["is_available"] in (True, False)
    preview = client.get(url)
    assert preview.status_code == 200
