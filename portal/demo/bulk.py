"""Write many pages under one parent without a save/revision round trip per page.

``BulkPageWriter(parent).write(pages)`` takes unsaved *specific* page instances (``ResourcePage(...)``),
with their ``ParentalManyToManyField`` values and child relations (``InlinePanel`` rows) set in memory
through modelcluster (``page.levels.set([...])``, ``page.modules = [CourseModule(...)]``), and stores them
as normal, published Wagtail pages. Per batch, inside one transaction:

1. tree fields: treebeard materialised paths (``steplen`` 4, base 36) continuing after the parent's
   current last child, ``depth``, ``numchild``, ``url_path``, plus ``draft_title``, ``content_type``,
   ``locale``, ``live`` and the publication timestamps;
2. ``wagtailcore_page`` rows with ``bulk_create`` (which returns the new ids on SQLite >= 3.35 and
   PostgreSQL), then the rows of every concrete subclass table with ``Model._base_manager._insert``:
   Django's own INSERT compiler, so values go through each field's ``get_db_prep_save`` on any backend
   (``bulk_create`` refuses multi-table inheritance);
3. child relation rows and many-to-many through rows with ``bulk_create``;
4. one ``Revision`` per page (``content = page.serializable_data()``, as ``save_revision`` stores it),
   then ``latest_revision``/``live_revision`` in one UPDATE, and the ``wagtail.create`` and
   ``wagtail.publish`` log entries the admin history shows;
5. the reference index (image and document usage) and the Wagtail search index (``add_bulk`` on every
   auto-updated backend, as ``update_index`` does);
6. the parent's ``numchild``, recounted.

No model signals are sent (``page_published`` and friends): pass ``after_batch`` to update anything else
that listens to them. Needs a database that returns ids from bulk inserts (not MySQL/MariaDB).
"""

import itertools
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import NotSupportedError, connections, router, transaction
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone

from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends
from wagtail.search.index import class_is_indexed

from treebeard.exceptions import PathOverflow

LOG_UUID_NAMESPACE = uuid.UUID("6c0c8d5e-4a8e-4f43-9d52-0b0c1f5e7a31")


def batched(iterable, size):
    iterator = iter(iterable)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


class BulkPageWriter:
    """Append published pages under ``parent``, ``batch_size`` pages per transaction."""

    def __init__(self, parent, *, batch_size=1000, search=True, references=True, log_entries=True, after_batch=None):
        self.parent = parent
        self.batch_size = batch_size
        self.search = search
        self.references = references
        self.log_entries = log_entries
        self.after_batch = after_batch
        self.using = router.db_for_write(Page)
        self.connection = connections[self.using]
        self.page_content_type = ContentType.objects.db_manager(self.using).get_for_model(Page)
        if not self.connection.features.can_return_rows_from_bulk_insert:
            raise NotSupportedError("BulkPageWriter needs a database that returns ids from bulk inserts.")

    def write(self, pages, progress=None):
        """Store ``pages`` (an iterable, consumed batch by batch); returns how many were written."""
        written = 0
        for batch in batched(pages, self.batch_size):
            with transaction.atomic(using=self.using):
                self._write_batch(batch)
            written += len(batch)
            if progress:
                progress(len(batch))
        return written

    # --- one batch ---
    def _write_batch(self, pages):
        parent = Page.objects.using(self.using).select_for_update().get(pk=self.parent.pk)
        self._pin_relations(pages)
        self._set_tree_fields(parent, pages)
        self._insert_pages(pages)
        self._insert_children(pages)
        self._insert_revisions(pages)
        if self.log_entries:
            self._insert_log_entries(pages)
        if self.references:
            self._insert_references(pages)
        if self.search:
            self._index(pages)
        children = Page.objects.using(self.using).filter(path__startswith=parent.path, depth=parent.depth + 1)
        parent.numchild = children.count()
        Page.objects.using(self.using).filter(pk=parent.pk).update(numchild=parent.numchild)
        self.parent.numchild = parent.numchild
        if self.after_batch:
            self.after_batch(pages)

    def _pin_relations(self, pages):
        """Hold child relations and parental M2M values in memory, so later reads never query."""
        for page in pages:
            if page.pk is not None:
                raise ValueError(f"{page!r} is already saved")
            for relation in get_all_child_relations(page):
                name = relation.get_accessor_name()
                setattr(page, name, list(getattr(page, name).all()))
            for field in get_all_child_m2m_relations(page):
                getattr(page, field.name).set(list(getattr(page, field.name).all()))

    def _set_tree_fields(self, parent, pages):
        steplen = Page.steplen
        siblings = Page.objects.using(self.using).filter(path__startswith=parent.path, depth=parent.depth + 1)
        last_path = siblings.order_by("-path").values_list("path", flat=True).first()
        position = Page._str2int(last_path[-steplen:]) if last_path else 0
        if position + len(pages) >= len(Page.alphabet) ** steplen:
            raise PathOverflow(f"{parent} cannot hold {len(pages)} more children.")
        slugs = [page.slug for page in pages]
        taken = set(siblings.filter(slug__in=slugs).values_list("slug", flat=True))
        if taken or len(set(slugs)) != len(slugs):
            raise ValidationError(f"Duplicate slugs under {parent}: {sorted(taken) or 'within the batch'}")
        now = timezone.now()
        for page in pages:
            position += 1
            page.path = Page._get_path(parent.path, parent.depth + 1, position)
            page.depth = parent.depth + 1
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.locale_id = page.locale_id or parent.locale_id
            page.content_type_id = self._content_type(type(page)).pk
            page.draft_title = page.title
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.first_published_at or now
            page.last_published_at = page.last_published_at or page.first_published_at
            page.latest_revision_created_at = page.last_published_at
            page.latest_revision_id = page.live_revision_id = None

    def _content_type(self, model):
        return ContentType.objects.db_manager(self.using).get_for_model(model)

    def _insert_pages(self, pages):
        fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
        rows = [Page(**{field.attname: getattr(page, field.attname) for field in fields}) for page in pages]
        Page.objects.using(self.using).bulk_create(rows)
        for page, row in zip(pages, rows, strict=True):
            page.id = row.id
        # Each concrete subclass table, from the one nearest Page down to the page's own model.
        for model, group in self._group_by_model(pages):
            for table_model in [*reversed(model._meta.get_parent_list()), model]:
                if table_model is Page:
                    continue
                for link in table_model._meta.parents.values():
                    for page in group:
                        setattr(page, link.attname, page.id)
                self._insert_rows(table_model, group, table_model._meta.local_concrete_fields)
        for page in pages:
            page._state.adding = False
            page._state.db = self.using

    def _insert_rows(self, model, objs, fields):
        size = max(1, self.connection.ops.bulk_batch_size(fields, objs))
        for start in range(0, len(objs), size):
            model._base_manager.using(self.using)._insert(objs[start : start + size], fields=fields, using=self.using)

    @staticmethod
    def _group_by_model(pages):
        groups = {}
        for page in pages:
            groups.setdefault(type(page), []).append(page)
        return groups.items()

    def _insert_children(self, pages):
        for model, group in self._group_by_model(pages):
            for relation in get_all_child_relations(model):
                name, parent_key = relation.get_accessor_name(), relation.field
                sort_field = getattr(relation.related_model, "sort_order_field", None)
                children = []
                for page in group:
                    for order, child in enumerate(getattr(page, name).all()):
                        setattr(child, parent_key.attname, page.pk)
                        if sort_field and getattr(child, sort_field) is None:
                            setattr(child, sort_field, order)
                        children.append(child)
                if children:
                    relation.related_model._base_manager.using(self.using).bulk_create(children)
            for field in get_all_child_m2m_relations(model):
                through = field.remote_field.through
                source = through._meta.get_field(field.m2m_field_name()).attname
                target = through._meta.get_field(field.m2m_reverse_field_name()).attname
                rows = [
                    through(**{source: page.pk, target: value.pk})
                    for page in group
                    for value in getattr(page, field.name).all()
                ]
                through._base_manager.using(self.using).bulk_create(rows)

    def _insert_revisions(self, pages):
        revisions = [
            Revision(
                content_type_id=page.content_type_id,
                base_content_type_id=self.page_content_type.pk,
                object_id=str(page.pk),
                created_at=page.latest_revision_created_at,
                content=page.serializable_data(),
                object_str=str(page),
            )
            for page in pages
        ]
        Revision.objects.using(self.using).bulk_create(revisions)
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision_id = page.live_revision_id = revision.pk
        latest = (
            Revision.objects.using(self.using)
            .filter(base_content_type_id=self.page_content_type.pk, object_id=Cast(OuterRef("pk"), CharField()))
            .order_by("-pk")
            .values("pk")[:1]
        )
        # The batch's paths are consecutive siblings: a range filter instead of thousands of ids.
        batch = Page.objects.using(self.using).filter(
            depth=pages[0].depth, path__gte=pages[0].path, path__lte=pages[-1].path
        )
        batch.update(latest_revision=Subquery(latest))
        batch.update(live_revision=F("latest_revision"))

    def _insert_log_entries(self, pages):
        entries = []
        for page in pages:
            log_uuid = uuid.uuid5(LOG_UUID_NAMESPACE, str(page.translation_key))
            for action in ("wagtail.create", "wagtail.publish"):
                entries.append(
                    PageLogEntry(
                        content_type_id=page.content_type_id,
                        label=str(page),
                        action=action,
                        data={},
                        timestamp=page.first_published_at,
                        uuid=log_uuid,
                        revision_id=page.latest_revision_id,
                        content_changed=True,
                        page_id=page.pk,
                    )
                )
        PageLogEntry.objects.using(self.using).bulk_create(entries)

    def _insert_references(self, pages):
        rows = []
        for page in pages:
            if not ReferenceIndex.is_indexed(type(page)):
                continue
            for to_content_type_id, to_object_id, model_path, content_path in set(
                ReferenceIndex._extract_references_from_object(page)
            ):
                rows.append(
                    ReferenceIndex(
                        content_type_id=page.content_type_id,
                        base_content_type_id=self.page_content_type.pk,
                        object_id=str(page.pk),
                        to_content_type_id=to_content_type_id,
                        to_object_id=to_object_id,
                        model_path=model_path,
                        content_path=content_path,
                        content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                    )
                )
        ignore = self.connection.features.supports_ignore_conflicts
        ReferenceIndex.objects.using(self.using).bulk_create(rows, ignore_conflicts=ignore)

    def _index(self, pages):
        for model, group in self._group_by_model(pages):
            if not class_is_indexed(model):
                continue
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, group)
