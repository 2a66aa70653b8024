"""Keeping the search indexes current: the database facet index always, the search engine when set."""

import logging

from django.db import transaction

from wagtail.models import Page

from search.documents import build_document
from search.engines import postgres
from search.engines.registry import get_external_engine
from search.facets import searchable_models
from search.models import SearchDocument, SearchFacetValue

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000


def searchable_queryset(model):
    """Live, public pages of a searchable model, with what a document needs."""
    queryset = model.objects.live().public().select_related("locale").prefetch_related("levels", "topics")
    field_names = {f.name for f in model._meta.get_fields()}
    if "resource_type" in field_names:
        queryset = queryset.select_related("resource_type")
    if "modules" in field_names:
        queryset = queryset.prefetch_related("modules")
    return queryset


def live_languages(pages):
    """{translation_key: {language codes}} of the live, public translations of these pages."""
    keys = {page.translation_key for page in pages}
    languages = {}
    rows = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .values_list("translation_key", "locale__language_code")
    )
    for key, language in rows:
        languages.setdefault(key, set()).add(language)
    return languages


def build_documents(pages):
    languages = live_languages(pages)
    return [build_document(page, languages.get(page.translation_key)) for page in pages]


def write_documents(documents):
    """Replace the database facet index rows of these documents."""
    documents = list(documents)
    if not documents:
        return
    ids = [doc.page_id for doc in documents]
    with transaction.atomic():
        SearchDocument.objects.filter(page_id__in=ids).delete()
        SearchDocument.objects.bulk_create(
            [
                SearchDocument(
                    page_id=doc.page_id,
                    content_type=doc.content_type,
                    language=doc.language,
                    translation_key=doc.translation_key,
                    title=doc.title[:255],
                    sort_title=doc.sort_title,
                    summary=doc.summary,
                    text=doc.text,
                    date=doc.date,
                )
                for doc in documents
            ],
            batch_size=BATCH_SIZE,
        )
        SearchFacetValue.objects.bulk_create(
            [
                SearchFacetValue(document_id=doc.page_id, facet=facet, code=code)
                for doc in documents
                for facet, codes in doc.facets.items()
                for code in codes
            ],
            batch_size=BATCH_SIZE,
        )
        postgres.write_columns(documents)


def delete_documents(page_ids):
    page_ids = list(page_ids)
    if not page_ids:
        return
    gone = SearchDocument.objects.filter(page_id__in=page_ids)
    keys = set(gone.values_list("translation_key", flat=True))
    gone.delete()
    postgres.refresh_translation_languages(keys)


def iter_documents(batch_size=BATCH_SIZE):
    """Documents of every searchable page, in batches (a list per batch)."""
    for model in searchable_models().values():
        queryset = searchable_queryset(model).order_by("pk")
        last_pk = 0
        while True:
            batch = list(queryset.filter(pk__gt=last_pk)[:batch_size])
            if not batch:
                break
            last_pk = batch[-1].pk
            yield build_documents(batch)


def count_searchable():
    return sum(searchable_queryset(model).count() for model in searchable_models().values())


def searchable_ids():
    ids = set()
    for model in searchable_models().values():
        ids.update(model.objects.live().public().values_list("pk", flat=True))
    return ids


def rebuild_database_index():
    SearchDocument.objects.all().delete()
    count = 0
    for documents in iter_documents():
        write_documents(documents)
        count += len(documents)
    return count


def index_pages(pages, sync=True):
    """(Re)index these pages: searchable live ones are written, the others removed. With ``sync`` the
    search engine (if any) is updated at once; signal handlers pass False and sync after the commit."""
    models = searchable_models()
    by_model = {}
    for page in pages:
        by_model.setdefault(page.specific_class, []).append(page.pk)
    documents, gone = [], []
    for model, ids in by_model.items():
        if model not in models.values():
            continue
        found = list(searchable_queryset(model).filter(pk__in=ids))
        documents += build_documents(found)
        gone += sorted(set(ids) - {page.pk for page in found})
    write_documents(documents)
    delete_documents(gone)
    if sync:
        sync_engine(documents, gone)
    return documents, gone


def sync_engine(documents, gone):
    """Mirror a change into the search engine, if one is configured. The engine being down must never
    break publishing: the failure is logged and `manage.py search_index rebuild` catches up later."""
    engine = get_external_engine()
    if engine is None:
        return
    try:
        engine.ensure_index()
        engine.index_documents(documents)
        engine.delete_documents(gone)
    except Exception:
        logger.exception("Could not update the %s index; run `manage.py search_index rebuild`", engine.name)
