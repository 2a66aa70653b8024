"""Database engine. On SQLite, Wagtail's search (FTS5) matches and ranks and facet counts are one grouped
SQL aggregate per facet over the facet index (``search.models``), in one UNION ALL statement. On
PostgreSQL the same contract is answered from the document table alone (``search.engines.postgres``)."""

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q

from wagtail.models import Page
from wagtail.search.query import And, Phrase, PlainText

from search.engines import postgres
from search.facets import FACETS, facet_values, in_vocabulary_order, shown_facets
from search.models import SearchDocument, SearchFacetValue
from search.query import Hit, SearchResult, clamp_page, make_snippet

# Undated items (self-paced courses) come last in both date orders, as in the search-engine sorts.
SORTS = {
    "newest": (F("date").desc(nulls_last=True), "-page_id"),
    "oldest": (F("date").asc(nulls_last=True), "page_id"),
    "title": ("sort_title", "page_id"),
}


def build_text_query(params):
    phrases, words = params.phrases_and_words
    parts = [Phrase(phrase) for phrase in phrases]
    if words:
        parts.append(PlainText(" ".join(words), operator="and"))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


class DatabaseEngine:
    name = "database"

    def matching_pages(self, params, order_by_relevance):
        """A lazy queryset of live pages matching the text, ranked when asked; None without text."""
        text_query = build_text_query(params)
        if text_query is None:
            return None
        results = Page.objects.live().search(text_query, order_by_relevance=order_by_relevance)
        return results.get_queryset()

    def scoped_documents(self, params, matched):
        """Documents in the visitor's language, plus those that exist only in another language."""
        language = params.language
        only_elsewhere = ~Exists(
            SearchDocument.objects.filter(translation_key=OuterRef("translation_key"), language=language)
        )
        documents = SearchDocument.objects.filter(Q(language=language) | only_elsewhere)
        if params.types:
            documents = documents.filter(content_type__in=params.types)
        if matched is not None:
            documents = documents.filter(page_id__in=matched.values("pk"))
        return documents

    @staticmethod
    def apply_filters(documents, params, skip=None):
        for facet in FACETS:
            codes = params.selected(facet.name)
            if codes and facet.name != skip:
                documents = documents.filter(
                    page_id__in=SearchFacetValue.objects.filter(facet=facet.name, code__in=codes).values("document_id")
                )
        return documents

    def facet_counts(self, scoped, params):
        """Every facet's counts in one round trip: a UNION ALL of one grouped aggregate per facet, each
        applying the other facets' selections but not its own."""
        facets = shown_facets(params)
        aggregates = [
            SearchFacetValue.objects.filter(
                facet=facet.name, document__in=self.apply_filters(scoped, params, facet.name)
            )
            .values_list("facet", "code")
            .annotate(n=Count("id"))
            .order_by()
            for facet in facets
        ]
        counts = {}
        for name, code, n in aggregates[0].union(*aggregates[1:], all=True):
            counts.setdefault(name, {})[code] = n
        return {facet.name: facet_values(facet, counts.get(facet.name, {}), params) for facet in facets}

    def search(self, params):
        if connection.vendor == "postgresql":
            return postgres.search(self, params)
        relevance = params.sort == "relevance" and params.has_text
        matched = self.matching_pages(params, order_by_relevance=relevance)
        scoped = self.scoped_documents(params, matched)
        filtered = self.apply_filters(scoped, params)

        total = filtered.count()
        page = clamp_page(params.page, total, params.per_page)
        offset = (page - 1) * params.per_page
        if relevance:
            ordered = matched.filter(pk__in=filtered.values("page_id")).values_list("pk", flat=True)
        else:
            ordered = filtered.order_by(*SORTS.get(params.sort, SORTS["newest"])).values_list("page_id", flat=True)
        ids = list(ordered[offset : offset + params.per_page]) if total else []

        return SearchResult(
            total=total,
            page=page,
            per_page=params.per_page,
            hits=self.hits(ids, params),
            facets=self.facet_counts(scoped, params),
            engine=self.name,
        )

    def hits(self, ids, params):
        if not ids:
            return []
        documents = {
            doc.page_id: doc for doc in SearchDocument.objects.filter(page_id__in=ids).prefetch_related("facet_values")
        }
        phrases, words = params.phrases_and_words
        hits = []
        for page_id in ids:
            doc = documents.get(page_id)
            if doc is None:
                continue
            facets = {}
            for value in doc.facet_values.all():
                facets.setdefault(value.facet, []).append(value.code)
            hits.append(
                Hit(
                    page_id=page_id,
                    title=doc.title,
                    url=None,  # filled in by the caller (search.faceted), which may load the pages anyway
                    summary=doc.summary,
                    snippet=make_snippet([doc.summary, doc.text], phrases, words),
                    type=doc.content_type,
                    levels=in_vocabulary_order("level", facets.get("level", [])),
                    topics=in_vocabulary_order("topic", facets.get("topic", [])),
                    resource_type=(facets.get("resource_type") or [None])[0],
                    language=doc.language,
                    date=doc.date,
                )
            )
        return hits
