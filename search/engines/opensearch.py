"""OpenSearch / Elasticsearch engine.

Queries are built with elasticsearch-dsl's ``FacetedSearch`` (post_filter for the selection plus one
filtered terms aggregation per facet, so counts are disjunctive) and sent with the client that fits the
server: opensearch-py for OpenSearch, elasticsearch-py for Elasticsearch (which refuses OpenSearch).
One index (behind an alias) holds one document per live page and language; each language's text goes to
fields analysed with that language's analyzer.
"""

import datetime
import logging
import time

from django.conf import settings

import elasticsearch
import opensearchpy
from elasticsearch import helpers as elasticsearch_helpers
from elasticsearch_dsl import FacetedSearch, Q, TermsFacet
from opensearchpy import helpers as opensearch_helpers

from search.facets import FACETS, facet_values, in_vocabulary_order, shown_facets
from search.query import Hit, SearchResult, clamp_page, make_snippet

logger = logging.getLogger(__name__)

# Language analyzers built into OpenSearch/Elasticsearch (Polish needs the analysis-stempel plugin);
# languages without one use the standard analyzer with ASCII folding.
LANGUAGE_ANALYZERS = {
    "ar": "arabic",
    "bg": "bulgarian",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "et": "estonian",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hu": "hungarian",
    "it": "italian",
    "lt": "lithuanian",
    "lv": "latvian",
    "nb": "norwegian",
    "nl": "dutch",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "sv": "swedish",
    "tr": "turkish",
}
FALLBACK_ANALYZER = "folded"
TEXT_FIELDS = ("title", "summary", "body")
MAX_RESULT_WINDOW = 500_000
FACET_BUCKETS = 500  # more than any vocabulary, so no value is ever cut off

SORTS = {
    "relevance": ["_score", {"page_id": "desc"}],
    "newest": [{"date": {"order": "desc", "missing": "_last"}}, {"page_id": "desc"}],
    "oldest": [{"date": {"order": "asc", "missing": "_last"}}, {"page_id": "asc"}],
    "title": [{"title_sort": "asc"}, {"page_id": "asc"}],
}


def analyzer_for(language):
    return LANGUAGE_ANALYZERS.get(language, FALLBACK_ANALYZER)


def index_definition(languages):
    text_properties = {
        name: {"properties": {language: {"type": "text", "analyzer": analyzer_for(language)} for language in languages}}
        for name in TEXT_FIELDS
    }
    keyword = {"type": "keyword"}
    return {
        "settings": {
            "index": {"number_of_shards": 1, "number_of_replicas": 0, "max_result_window": MAX_RESULT_WINDOW},
            "analysis": {
                "analyzer": {FALLBACK_ANALYZER: {"tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}},
                "normalizer": {"sortable": {"type": "custom", "filter": ["lowercase", "asciifolding"]}},
            },
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "page_id": {"type": "long"},
                "type": keyword,
                "language": keyword,
                "available_languages": keyword,
                "translation_key": keyword,
                "level": keyword,
                "topic": keyword,
                "resource_type": keyword,
                "date": {"type": "date"},
                "title_sort": {"type": "keyword", "normalizer": "sortable"},
                "title_text": {"type": "keyword", "index": False},
                "summary_text": {"type": "keyword", "index": False},
                "snippet_text": {"type": "text", "index": False},
                **text_properties,
            },
        },
    }


def document_source(doc):
    return {
        "page_id": doc.page_id,
        "type": doc.content_type,
        "language": doc.language,
        "available_languages": doc.available_languages,
        "translation_key": doc.translation_key,
        "level": doc.facets.get("level", []),
        "topic": doc.facets.get("topic", []),
        "resource_type": doc.facets.get("resource_type", []),
        "date": doc.date.isoformat() if doc.date else None,
        "title_sort": doc.sort_title,
        "title_text": doc.title,
        "summary_text": doc.summary[:8000],
        "snippet_text": doc.text,
        "title": {doc.language: doc.title},
        "summary": {doc.language: doc.summary},
        "body": {doc.language: doc.search_text},
    }


class PortalFacetedSearch(FacetedSearch):
    facets = {
        facet.name: TermsFacet(field=facet.name, size=FACET_BUCKETS, min_doc_count=0)
        for facet in FACETS
        if facet.name != "type"
    } | {"type": TermsFacet(field="type", size=FACET_BUCKETS, min_doc_count=0)}
    fields = ["title.*^3", "summary.*^2", "body.*"]

    def __init__(self, params, index):
        self.params = params
        self.index = index
        sort = SORTS["relevance" if params.sort == "relevance" and params.has_text else params.sort]
        super().__init__(query=params.q or None, filters=params.filters, sort=sort)

    def search(self):
        language = self.params.language
        in_scope = Q("term", language=language) | ~Q("term", available_languages=language)
        search = super().search().filter(in_scope)
        if self.params.types:
            search = search.filter("terms", type=list(self.params.types))
        return search.extra(track_total_hits=True)

    def query(self, search, query):
        phrases, words = self.params.phrases_and_words
        must = [Q("multi_match", query=phrase, type="phrase", fields=self.fields) for phrase in phrases]
        if words:
            # Every word somewhere in the document (title, summary or body), like the database engine.
            must.append(
                Q("multi_match", query=" ".join(words), type="cross_fields", operator="and", fields=self.fields)
            )
        return search.query(Q("bool", must=must)) if must else search

    def highlight(self, search):
        # Snippets are cut from the stored summary and body text by search.query.make_snippet, exactly as
        # for the database engine, so both engines show the same excerpt.
        return search


class SearchEngineBackend:
    """Talks to one OpenSearch or Elasticsearch server; reads and writes go through the alias."""

    def __init__(self, *, kind, endpoint, index_name, timeout):
        self.kind = kind
        self.name = kind
        self.endpoint = endpoint
        self.alias = index_name
        self.timeout = timeout
        if kind == "opensearch":
            self.client = opensearchpy.OpenSearch(
                hosts=[endpoint], timeout=timeout, max_retries=0, retry_on_timeout=False
            )
            self.unavailable_errors = (opensearchpy.exceptions.OpenSearchException, OSError)
        else:
            self.client = elasticsearch.Elasticsearch(endpoint, request_timeout=timeout, max_retries=0)
            self.unavailable_errors = (elasticsearch.ApiError, elasticsearch.TransportError, OSError)

    # -- reading -----------------------------------------------------------------------------------
    def search(self, params):
        faceted = PortalFacetedSearch(params, self.alias)
        body = faceted._s.to_dict()
        offset = (params.page - 1) * params.per_page
        if offset + params.per_page > MAX_RESULT_WINDOW:
            # Past the result window the engine refuses the request: count first, then fetch the last page.
            response = self._search(body, 0, 0)
        else:
            response = self._search(body, offset, params.per_page)
        total = response["hits"]["total"]["value"]
        page = clamp_page(params.page, total, params.per_page)
        if page != params.page or not response["hits"]["hits"] and total:
            response = self._search(body, (page - 1) * params.per_page, params.per_page)
        return SearchResult(
            total=total,
            page=page,
            per_page=params.per_page,
            hits=self.hits(response["hits"]["hits"], params),
            facets=self.facets(response.get("aggregations", {}), params),
            engine=self.name,
        )

    def _search(self, body, offset, size):
        body = {**body, "from": offset, "size": size}
        if self.kind == "opensearch":
            return self.client.search(index=self.alias, body=body)
        return self.client.search(index=self.alias, **body).body

    def facets(self, aggregations, params):
        facets = {}
        for facet in shown_facets(params):
            buckets = aggregations.get(f"_filter_{facet.name}", {}).get(facet.name, {}).get("buckets", [])
            counts = {bucket["key"]: bucket["doc_count"] for bucket in buckets}
            facets[facet.name] = facet_values(facet, counts, params)
        return facets

    def hits(self, raw_hits, params):
        phrases, words = params.phrases_and_words
        hits = []
        for raw in raw_hits:
            source = raw["_source"]
            snippet = make_snippet([source["summary_text"], source["snippet_text"]], phrases, words)
            hits.append(
                Hit(
                    page_id=source["page_id"],
                    title=source["title_text"],
                    url=None,  # filled in by the caller (search.faceted)
                    summary=source["summary_text"],
                    snippet=snippet,
                    type=source["type"],
                    levels=in_vocabulary_order("level", source["level"]),
                    topics=in_vocabulary_order("topic", source["topic"]),
                    resource_type=(source["resource_type"] or [None])[0],
                    language=source["language"],
                    date=parse_date(source.get("date")),
                )
            )
        return hits

    # -- writing -----------------------------------------------------------------------------------
    def languages(self):
        return [code for code, _name in settings.LANGUAGES]

    def current_indices(self):
        if not self.client.indices.exists_alias(name=self.alias):
            return []
        response = self.client.indices.get_alias(name=self.alias)
        return sorted(response.keys() if isinstance(response, dict) else response.body.keys())

    def create_index(self, name):
        definition = index_definition(self.languages())
        if self.kind == "opensearch":
            self.client.indices.create(index=name, body=definition)
        else:
            self.client.indices.create(index=name, **definition)

    def ensure_index(self):
        """Create the index and alias when there is none yet (first start)."""
        if not self.current_indices():
            name = self.new_index_name()
            self.create_index(name)
            self.client.indices.put_alias(index=name, name=self.alias)

    def new_index_name(self):
        return f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 1_000_000:06d}"

    def bulk(self, actions, index=None):
        index = index or self.alias
        actions = [{**action, "_index": index} for action in actions]
        if not actions:
            return
        if self.kind == "opensearch":
            opensearch_helpers.bulk(self.client, actions, refresh=False, request_timeout=60)
        else:
            elasticsearch_helpers.bulk(self.client, actions, refresh=False)

    def index_documents(self, documents, index=None):
        self.bulk(
            [{"_op_type": "index", "_id": str(doc.page_id), "_source": document_source(doc)} for doc in documents],
            index=index,
        )

    def delete_documents(self, page_ids):
        actions = [{"_op_type": "delete", "_id": str(page_id)} for page_id in page_ids]
        if not actions:
            return
        if self.kind == "opensearch":
            opensearch_helpers.bulk(self.client, [{**a, "_index": self.alias} for a in actions], raise_on_error=False)
        else:
            elasticsearch_helpers.bulk(
                self.client, [{**a, "_index": self.alias} for a in actions], raise_on_error=False
            )

    def refresh(self, index=None):
        self.client.indices.refresh(index=index or self.alias)

    def swap_alias(self, new_index):
        """Point the alias at ``new_index`` in one atomic step, then drop the old indices."""
        old = self.current_indices()
        actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        if self.kind == "opensearch":
            self.client.indices.update_aliases(body={"actions": actions})
        else:
            self.client.indices.update_aliases(actions=actions)
        for name in old:
            self.client.indices.delete(index=name)
        return old

    def indexed_ids(self):
        """Every page id in the index (for status)."""
        query = {"query": {"match_all": {}}, "_source": False}
        if self.kind == "opensearch":
            scan = opensearch_helpers.scan(self.client, index=self.alias, query=query, size=2000)
        else:
            scan = elasticsearch_helpers.scan(self.client, index=self.alias, query=query, size=2000)
        return {int(hit["_id"]) for hit in scan}

    def ping(self):
        return bool(self.client.ping())


def parse_date(value):
    return datetime.date.fromisoformat(value[:10]) if value else None
