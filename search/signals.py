"""Index on publish, unpublish, move and delete (never on draft saves)."""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import indexing
from search.facets import TAXONOMY_MODELS, forget_vocabulary

logger = logging.getLogger(__name__)


def _reindex_on_commit(page_ids):
    """After the commit, reindex these pages and their translations (whose language fallback depends
    on which translations are live)."""

    def run():
        keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
        pages = list(Page.objects.filter(translation_key__in=keys).select_related("content_type"))
        indexing.index_pages(pages)
        gone = set(page_ids) - {page.pk for page in pages}
        indexing.delete_documents(gone)
        indexing.sync_engine([], gone)

    transaction.on_commit(run)


def on_publish_or_unpublish(sender, instance, **kwargs):
    _reindex_on_commit([instance.pk])


def on_move(sender, instance, **kwargs):
    # Moving can change visibility (privacy) and URLs of the whole subtree.
    ids = list(Page.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True))
    _reindex_on_commit(ids)


def on_delete(sender, instance, **kwargs):
    page_id = instance.pk
    transaction.on_commit(lambda: indexing.sync_engine([], [page_id]))


def connect():
    page_published.connect(on_publish_or_unpublish, dispatch_uid="portal-search-published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="portal-search-unpublished")
    post_page_move.connect(on_move, dispatch_uid="portal-search-moved")
    post_delete.connect(on_delete, sender=Page, dispatch_uid="portal-search-deleted")
    for model in TAXONOMY_MODELS:
        post_save.connect(forget_vocabulary, sender=model, dispatch_uid=f"portal-vocab-save-{model.__name__}")
        post_delete.connect(forget_vocabulary, sender=model, dispatch_uid=f"portal-vocab-delete-{model.__name__}")
