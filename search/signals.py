"""Index on publish, unpublish, move and delete (never on draft saves).

The database facet index is written in the same transaction as the change, so it can never disagree
with the pages; the search engine is told after the commit, and its failures never break publishing.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.search.index import insert_or_update_object
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import indexing
from search.facets import TAXONOMY_MODELS, forget_vocabulary


def reindex(page_ids):
    """Reindex these pages and their translations (whose language fallback depends on which
    translations are live)."""
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    pages = list(Page.objects.filter(translation_key__in=keys))
    documents, gone = indexing.index_pages(pages, sync=False)
    transaction.on_commit(lambda: indexing.sync_engine(documents, gone))


def on_publish(sender, instance, **kwargs):
    # Wagtail indexes a page's text when the page row is saved, which is before its inline children
    # (course modules) are; index it again now that the whole page is published.
    insert_or_update_object(instance.specific)
    reindex([instance.pk])


def on_unpublish(sender, instance, **kwargs):
    reindex([instance.pk])


def on_move(sender, instance, **kwargs):
    # Moving can change the visibility (privacy) and the URLs of the whole subtree.
    reindex(list(Page.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True)))


def on_privacy_change(sender, instance, **kwargs):
    # A view restriction hides or reveals the page and everything below it.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        reindex(list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)))


def on_delete(sender, instance, **kwargs):
    # The database rows go with the page (cascade); the engine forgets it after the commit.
    page_id = instance.pk
    transaction.on_commit(lambda: indexing.sync_engine([], [page_id]))


def connect():
    page_published.connect(on_publish, dispatch_uid="portal-search-published")
    page_unpublished.connect(on_unpublish, dispatch_uid="portal-search-unpublished")
    post_page_move.connect(on_move, dispatch_uid="portal-search-moved")
    post_delete.connect(on_delete, sender=Page, dispatch_uid="portal-search-deleted")
    post_save.connect(on_privacy_change, sender=PageViewRestriction, dispatch_uid="portal-search-restricted")
    post_delete.connect(on_privacy_change, sender=PageViewRestriction, dispatch_uid="portal-search-unrestricted")
    for model in TAXONOMY_MODELS:
        post_save.connect(forget_vocabulary, sender=model, dispatch_uid=f"portal-vocab-save-{model.__name__}")
        post_delete.connect(forget_vocabulary, sender=model, dispatch_uid=f"portal-vocab-delete-{model.__name__}")
