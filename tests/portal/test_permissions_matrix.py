"""Who may do what in the admin: every role against every relevant action, through real admin HTTP
requests (a page that opens, or Wagtail's "permission denied" redirect / 403), not permission flags."""

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Site, Workflow

import pytest

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from portal.editorial import ADMINISTRATORS, CONTRIBUTORS, COURSE_TEAM, EDITORS, MODERATORS, sync_section_rights
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db

Y, N = True, False
SECTIONS = ["news", "resource", "course"]
ACTIONS = [
    *[f"create {section}" for section in SECTIONS],
    *[f"edit {section}" for section in SECTIONS],
    *[f"publish {section}" for section in SECTIONS],
    *[f"delete {section}" for section in SECTIONS],
    "approve resource",
    "approve course",
    "edit settings",
    "manage users",
    "edit taxonomy",
    "upload images",
    "upload documents",
]
# Deleting: in Wagtail the right to edit a page includes deleting it while it has no children, and a live
# page also needs the right to publish (to take it offline).
# fmt: off
MATRIX = {
    #                create    edit      publish   delete    approve
    #                n  r  c   n  r  c   n  r  c   n  r  c   r  c   sett users tax img doc
    CONTRIBUTORS:   [Y, Y, N,  N, N, N,  N, N, N,  N, N, N,  N, N,  N,   N,    N,  Y,  Y],
    EDITORS:        [Y, Y, Y,  Y, Y, Y,  Y, Y, Y,  Y, Y, Y,  N, N,  N,   N,    Y,  Y,  Y],
    MODERATORS:     [Y, Y, Y,  Y, Y, Y,  Y, Y, Y,  Y, Y, Y,  Y, N,  N,   N,    N,  Y,  Y],
    COURSE_TEAM:    [N, N, Y,  N, N, Y,  N, N, N,  N, N, N,  N, Y,  N,   N,    N,  Y,  Y],
    ADMINISTRATORS: [Y, Y, Y,  Y, Y, Y,  Y, Y, Y,  Y, Y, Y,  Y, Y,  Y,   Y,    Y,  Y,  Y],
}
# fmt: on


@pytest.fixture
def site(home_page, django_user_model):
    news_index = NewsIndexPageFactory(parent=home_page, slug="news")
    resource_index = ResourceIndexPageFactory(parent=home_page, slug="resources")
    course_index = CourseIndexPageFactory(parent=home_page, slug="courses")
    sync_section_rights()
    author = django_user_model.objects.create_user("author", password="pw-author-1")
    author.groups.add(Group.objects.get(name=CONTRIBUTORS))
    # one published page per section for editing, publishing and deleting; two more in moderation
    news = NewsPageFactory(parent=news_index, title="Schools in the news")
    plain_resource = ResourcePageFactory(parent=resource_index, title="A published toolkit")
    plain_course = CoursePageFactory(parent=course_index, title="A published course")
    resource = ResourcePageFactory(parent=resource_index, title="A toolkit awaiting review")
    course = CoursePageFactory(parent=course_index, title="A course awaiting approval")
    # Both items are submitted to their workflows, as their authors would
    resource_state = Workflow.objects.get(name="Editorial review").start(resource, author)
    course_state = Workflow.objects.get(name="Course approval").start(course, author)
    return {
        "news_index": news_index,
        "resource_index": resource_index,
        "course_index": course_index,
        "news": news,
        "plain_resource": plain_resource,
        "plain_course": plain_course,
        "resource": resource,
        "course": course,
        "resource_task": resource_state.current_task_state,
        "course_task": course_state.current_task_state,
    }


def urls(site):
    add = "wagtailadmin_pages:add"
    approve = "wagtailadmin_pages:workflow_action"
    return {
        "create news": reverse(add, args=["news", "newspage", site["news_index"].pk]),
        "create resource": reverse(add, args=["resources", "resourcepage", site["resource_index"].pk]),
        "create course": reverse(add, args=["courses", "coursepage", site["course_index"].pk]),
        **{
            f"{verb} {section}": reverse(view, args=[site[key].pk])
            for section, key in (("news", "news"), ("resource", "plain_resource"), ("course", "plain_course"))
            for verb, view in (
                ("edit", "wagtailadmin_pages:edit"),
                ("publish", "wagtailadmin_pages:edit"),
                ("delete", "wagtailadmin_pages:delete"),
            )
        },
        "approve resource": reverse(approve, args=[site["resource"].pk, "approve", site["resource_task"].pk]),
        "approve course": reverse(approve, args=[site["course"].pk, "approve", site["course_task"].pk]),
        "edit settings": reverse("wagtailsettings:edit", args=["portal", "sitesettings", Site.objects.get().pk]),
        "manage users": reverse("wagtailusers_users:index"),
        "edit taxonomy": reverse("wagtailsnippets_portal_topic:list"),
        "upload images": reverse("wagtailimages:add_multiple"),
        "upload documents": reverse("wagtaildocs:add_multiple"),
    }


def allowed(client, action, url):
    response = client.get(url)
    if action.startswith("publish "):
        # the edit form opens for several roles; only those who may publish get the publish action
        return response.status_code == 200 and b'name="action-publish"' in response.content
    if response.status_code == 200:
        return True
    assert response.status_code in (302, 403), (action, response.status_code)
    return False


@pytest.mark.parametrize("role", list(MATRIX))
def test_role_can_do_exactly_what_it_should(client, site, django_user_model, role, subtests):
    user = django_user_model.objects.create_user(role.lower().replace(" ", "-"), password="pw-role-1")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    targets = urls(site)
    for action, expected in zip(ACTIONS, MATRIX[role], strict=True):
        with subtests.test(action=action):
            assert allowed(client, action, targets[action]) is expected, f"{role} / {action}"


def test_a_contributor_edits_and_submits_their_own_page_but_cannot_publish(client, site, django_user_model):
    contributor = django_user_model.objects.get(username="author")
    own = ResourcePageFactory(parent=site["resource_index"], title="My draft", owner=contributor)
    client.force_login(contributor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[own.pk]))
    assert response.status_code == 200
    assert b'name="action-submit"' in response.content and b'name="action-publish"' not in response.content


def test_roles_exist_with_their_workflows():
    names = set(Group.objects.values_list("name", flat=True))
    assert {CONTRIBUTORS, EDITORS, MODERATORS, COURSE_TEAM, ADMINISTRATORS} <= names
    review = Workflow.objects.get(name="Editorial review")
    approval = Workflow.objects.get(name="Course approval")
    assert [task.name for task in review.tasks] == ["Moderator approval"]
    assert [task.name for task in approval.tasks] == ["Course team review", "Moderator approval"]
