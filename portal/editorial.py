"""Editorial roles, collections and moderation workflows, built from Wagtail's own pieces.

Groups (created by migration ``portal.0003_editorial_roles``; page rights are given on the section pages
as they appear, by ``sync_section_rights``):

- **Contributors**: use the admin; add pages under every news and resources section and edit the pages
  they created (Wagtail's *add* right); submit them to moderation; no publishing; add and choose images
  and documents in the News and Resources collections.
- **Editors**: add, edit and publish pages anywhere (no settings, no users); manage the taxonomy
  snippets; manage images and documents in every collection. (In Wagtail the right to edit a page
  includes deleting it when it has no children (and, if live, the right to publish); deleting a whole
  section takes *Site administrators*.)
- **Moderators**: Wagtail's moderators (add, edit, publish, lock pages); approve or reject in both
  workflows (the last step of *Course approval*); manage images and documents.
- **Course team**: add and edit pages under the courses sections; the first step of *Course approval*.
- **Site administrators**: every permission, every page, every collection (settings, users, deleting).

Workflows: *Editorial review* (one step: a moderator approves) on the whole tree; *Course approval*
(the course team, then a moderator) on every courses section, which takes precedence below it.
"""

CONTRIBUTORS = "Contributors"
EDITORS = "Editors"
MODERATORS = "Moderators"
COURSE_TEAM = "Course team"
ADMINISTRATORS = "Site administrators"
ROLES = (CONTRIBUTORS, EDITORS, MODERATORS, COURSE_TEAM, ADMINISTRATORS)

EDITORIAL_REVIEW = "Editorial review"
COURSE_APPROVAL = "Course approval"

SECTION_COLLECTIONS = ("Courses", "News", "Resources")  # in name order: Wagtail keeps collections sorted
TAXONOMY_MODELS = ("educationallevel", "topic", "resourcetype", "audience")

MEDIA = {
    "image": ("wagtailimages", ["add_image", "change_image", "delete_image", "choose_image"]),
    "document": ("wagtaildocs", ["add_document", "change_document", "delete_document", "choose_document"]),
}


def _permissions(Permission, app_label, codenames):
    return list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def setup_roles(apps):
    """Groups, their model permissions, section collections, workflows (idempotent). ``apps`` is the
    migration's app registry or ``django.apps.apps``."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    access_admin = _permissions(Permission, "wagtailadmin", ["access_admin"])
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    for name in (CONTRIBUTORS, EDITORS, MODERATORS, COURSE_TEAM):
        groups[name].permissions.add(*access_admin)
    taxonomy = Permission.objects.filter(
        content_type__app_label="portal", content_type__model__in=TAXONOMY_MODELS
    ).exclude(codename__startswith="view_")
    groups[EDITORS].permissions.add(*taxonomy)
    groups[ADMINISTRATORS].permissions.add(*Permission.objects.all())

    root_collection = Collection.objects.filter(depth=1).first()
    sections = {}
    for name in SECTION_COLLECTIONS:
        existing = Collection.objects.filter(depth=2, name=name).first()
        if existing is None and root_collection is not None:
            existing = _add_collection(Collection, root_collection, name)
        sections[name] = existing

    def grant(group, collection, kinds, codenames=None):
        for kind in kinds:
            app_label, all_codenames = MEDIA[kind]
            for permission in _permissions(Permission, app_label, codenames or all_codenames):
                if permission.codename.split("_")[1] != kind:
                    continue
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )

    if root_collection is not None:
        grant(groups[EDITORS], root_collection, ["image", "document"])
        grant(groups[ADMINISTRATORS], root_collection, ["image", "document"])
        grant(groups[MODERATORS], root_collection, ["image", "document"], ["choose_image", "choose_document"])
        grant(groups[COURSE_TEAM], root_collection, ["image", "document"], ["choose_image", "choose_document"])
        grant(groups[CONTRIBUTORS], root_collection, ["image", "document"], ["choose_image", "choose_document"])
    for name in ("News", "Resources"):
        if sections.get(name) is not None:
            grant(groups[CONTRIBUTORS], sections[name], ["image", "document"], ["add_image", "add_document"])
    if sections.get("Courses") is not None:
        grant(groups[COURSE_TEAM], sections["Courses"], ["image", "document"], ["add_image", "add_document"])

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        page_rights = {
            EDITORS: ["add_page", "change_page", "publish_page"],
            ADMINISTRATORS: ["add_page", "change_page", "publish_page", "delete_page", "lock_page", "unlock_page"],
        }
        for name, codenames in page_rights.items():
            for permission in _permissions(Permission, "wagtailcore", codenames):
                GroupPagePermission.objects.get_or_create(group=groups[name], page=root, permission=permission)
    _setup_workflows(apps, groups, root)
    return groups


def _add_collection(Collection, parent, name):
    """A child collection, with treebeard's path arithmetic done by hand (historical models lack it)."""
    last = Collection.objects.filter(depth=parent.depth + 1, path__startswith=parent.path).order_by("-path").first()
    step = 4
    number = int(last.path[-step:], 36) + 1 if last else 1
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    encoded = ""
    while number:
        number, remainder = divmod(number, 36)
        encoded = digits[remainder] + encoded
    collection = Collection.objects.create(
        name=name, path=parent.path + encoded.rjust(step, "0"), depth=parent.depth + 1, numchild=0
    )
    Collection.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    parent.numchild += 1
    return collection


def _setup_workflows(apps, groups, root):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    task_type = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")[0]

    def task(name, group):
        existing = GroupApprovalTask.objects.filter(name=name).first()
        if existing is None:
            existing = GroupApprovalTask.objects.create(name=name, content_type=task_type, active=True)
        existing.groups.add(group, groups[ADMINISTRATORS])  # administrators can step in at every step
        return existing

    # Wagtail's first migration made a "Moderators approval" workflow on the root: it becomes ours.
    default = Workflow.objects.filter(name="Moderators approval").first()
    if default is not None and not Workflow.objects.filter(name=EDITORIAL_REVIEW).exists():
        default.name = EDITORIAL_REVIEW
        default.save(update_fields=["name"])
        GroupApprovalTask.objects.filter(name="Moderators approval").update(name="Moderator approval")
    moderator_approval = task("Moderator approval", groups[MODERATORS])
    course_team_review = task("Course team review", groups[COURSE_TEAM])
    for name, steps in (
        (EDITORIAL_REVIEW, [moderator_approval]),
        (COURSE_APPROVAL, [course_team_review, moderator_approval]),
    ):
        workflow = Workflow.objects.get_or_create(name=name, defaults={"active": True})[0]
        if not WorkflowTask.objects.filter(workflow=workflow).exists():
            for order, step in enumerate(steps):
                WorkflowTask.objects.create(workflow=workflow, task_id=step.pk, sort_order=order)
    if root is not None:
        WorkflowPage.objects.update_or_create(
            page=root, defaults={"workflow": Workflow.objects.get(name=EDITORIAL_REVIEW)}
        )


def sync_section_rights():
    """Page rights and workflows that hang on section pages (in every language): contributors add under
    news and resources, the course team under courses, and courses go through *Course approval*."""
    from django.apps import apps
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

    from courses.models import CourseIndexPage
    from news.models import NewsIndexPage
    from resources.models import ResourceIndexPage

    if not Group.objects.filter(name=CONTRIBUTORS).exists():
        setup_roles(apps)
    add, change = (
        Permission.objects.get(content_type__app_label="wagtailcore", codename=c) for c in ("add_page", "change_page")
    )
    contributors, course_team = Group.objects.get(name=CONTRIBUTORS), Group.objects.get(name=COURSE_TEAM)
    for page in [*NewsIndexPage.objects.all(), *ResourceIndexPage.objects.all()]:
        GroupPagePermission.objects.get_or_create(group=contributors, page=page, permission=add)
    approval = Workflow.objects.get(name=COURSE_APPROVAL)
    for page in CourseIndexPage.objects.all():
        for permission in (add, change):
            GroupPagePermission.objects.get_or_create(group=course_team, page=page, permission=permission)
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": approval})
