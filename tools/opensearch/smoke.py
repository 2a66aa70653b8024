#!/usr/bin/env python3
"""Smoke test for the local OpenSearch started by `make opensearch` (uses opensearch-py).

Checks the real REST API: version, language analyzers (incl. polish), index with analyzers,
bool/multi_match/match_phrase queries, terms + filter aggregations, post_filter, highlighting,
and an atomic alias swap through _aliases. Cleans up after itself. Exit 0 on success.

    OPENSEARCH_PORT=9200 .venv/bin/python tools/opensearch/smoke.py
"""

from __future__ import annotations

import os
import sys
import time

from opensearchpy import OpenSearch

LANGUAGE_ANALYZERS = [
    "arabic",
    "armenian",
    "basque",
    "bengali",
    "brazilian",
    "bulgarian",
    "catalan",
    "cjk",
    "czech",
    "danish",
    "dutch",
    "english",
    "estonian",
    "finnish",
    "french",
    "galician",
    "german",
    "greek",
    "hindi",
    "hungarian",
    "indonesian",
    "irish",
    "italian",
    "latvian",
    "lithuanian",
    "norwegian",
    "persian",
    "polish",
    "portuguese",
    "romanian",
    "russian",
    "sorani",
    "spanish",
    "swedish",
    "thai",
    "turkish",
    "ukrainian",
]
REQUIRED = ["english", "french", "german", "spanish", "italian", "polish"]


def check(cond: bool, what: str) -> None:
    if not cond:
        print(f"FAIL: {what}")
        sys.exit(1)
    print(f"ok   {what}")


def tokens(client: OpenSearch, analyzer: str, text: str) -> list[str]:
    return [t["token"] for t in client.indices.analyze(body={"analyzer": analyzer, "text": text})["tokens"]]


def main() -> int:
    port = int(os.environ.get("OPENSEARCH_PORT", "9200"))
    client = OpenSearch(hosts=[{"host": "127.0.0.1", "port": port}], use_ssl=False, timeout=30)

    info = client.info()
    print(
        f"OpenSearch {info['version']['number']} (Lucene {info['version']['lucene_version']}) "
        f"at 127.0.0.1:{port}, cluster {info['cluster_name']}"
    )
    # NB: opensearch-py takes `timeout` (kwarg or params) as the HTTP client timeout in seconds,
    # so the API's own timeout cannot be passed this way; the server default (30s) applies.
    health = client.cluster.health(wait_for_status="yellow")
    check(health["status"] in ("green", "yellow"), f"cluster health {health['status']}")

    available, missing = [], []
    for name in LANGUAGE_ANALYZERS:
        try:
            client.indices.analyze(body={"analyzer": name, "text": "test"})
            available.append(name)
        except Exception:  # an unknown analyzer is a 400
            missing.append(name)
    print(f"     analyzers available: {' '.join(available)}")
    print(f"     analyzers missing:   {' '.join(missing) or '-'}")
    check(all(a in available for a in REQUIRED), f"required analyzers {REQUIRED}")
    toks = tokens(client, "english", "Teachers running courses")
    check(toks == ["teacher", "run", "cours"], f"english stemming {toks}")
    toks = tokens(client, "polish", "Nauczyciele prowadzą kursy w szkołach")
    check(len(toks) == 4 and "w" not in toks, f"polish stemming/stopwords {toks}")

    prefix = f"smoke-{int(time.time())}"
    v1, v2, alias = f"{prefix}-v1", f"{prefix}-v2", f"{prefix}-pages"
    body = {
        "settings": {
            "number_of_shards": 1,
            "analysis": {
                "analyzer": {
                    "folded_en": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "asciifolding", "english_possessive_stemmer", "porter_stem"],
                    },
                },
                "filter": {"english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"}},
            },
        },
        "mappings": {
            "properties": {
                "title": {
                    "type": "text",
                    "analyzer": "english",
                    "fields": {
                        "fr": {"type": "text", "analyzer": "french"},
                        "de": {"type": "text", "analyzer": "german"},
                        "pl": {"type": "text", "analyzer": "polish"},
                    },
                },
                "body": {"type": "text", "analyzer": "folded_en"},
                "category": {"type": "keyword"},
                "level": {"type": "keyword"},
                "published": {"type": "date"},
            }
        },
    }
    try:
        client.indices.create(index=v1, body=body)
        docs = [
            ("1", "Teaching mathematics in primary schools", "Fractions and geometry for pupils.", "maths", "primary"),
            (
                "2",
                "Mathematics teachers' conference",
                "A conference for secondary mathematics teachers.",
                "maths",
                "secondary",
            ),
            ("3", "Reading clubs in libraries", "Libraries run reading clubs for pupils.", "literacy", "primary"),
            ("4", "Geometry puzzles", "Geometry puzzles for secondary school pupils.", "maths", "secondary"),
            ("5", "Science fair", "Pupils present experiments; teachers judge.", "science", "secondary"),
        ]
        for i, title, text, cat, level in docs:
            client.index(
                index=v1,
                id=i,
                body={"title": title, "body": text, "category": cat, "level": level, "published": f"2024-0{i}-01"},
            )
        client.indices.refresh(index=v1)
        check(client.count(index=v1)["count"] == 5, "indexed 5 documents")

        client.indices.put_alias(index=v1, name=alias)
        query = {
            "query": {
                "bool": {
                    "must": [{"multi_match": {"query": "teacher mathematic", "fields": ["title^3", "body"]}}],
                    "filter": [{"range": {"published": {"gte": "2024-01-01"}}}],
                }
            },
            "post_filter": {"term": {"level": "secondary"}},
            "aggs": {
                "categories": {"terms": {"field": "category", "size": 10}},
                "levels": {"terms": {"field": "level"}},
                "secondary_only": {
                    "filter": {"term": {"level": "secondary"}},
                    "aggs": {"cats": {"terms": {"field": "category"}}},
                },
            },
            "highlight": {"fields": {"title": {}, "body": {}}, "pre_tags": ["<mark>"], "post_tags": ["</mark>"]},
        }
        res = client.search(index=alias, body=query)
        ids = sorted(h["_id"] for h in res["hits"]["hits"])
        check(ids == ["2", "5"], f"bool+multi_match+post_filter hits {ids}")
        cats = {b["key"]: b["doc_count"] for b in res["aggregations"]["categories"]["buckets"]}
        check(cats == {"maths": 2, "science": 1}, f"terms aggregation ignores post_filter {cats}")
        sec = {b["key"]: b["doc_count"] for b in res["aggregations"]["secondary_only"]["cats"]["buckets"]}
        check(sec == {"maths": 1, "science": 1}, f"filter aggregation {sec}")
        hl = res["hits"]["hits"][0].get("highlight", {})
        check(any("<mark>" in frag for frags in hl.values() for frag in frags), f"highlight {hl}")

        res = client.search(index=alias, body={"query": {"match_phrase": {"body": "reading clubs"}}})
        check([h["_id"] for h in res["hits"]["hits"]] == ["3"], "match_phrase")
        res = client.search(index=alias, body={"query": {"match": {"title.fr": "conférences"}}})
        check(len(res["hits"]["hits"]) == 1, "french subfield match")

        try:
            from elasticsearch_dsl import A, Q, Search  # built client-side, executed by opensearch-py
        except ImportError:
            print("skip elasticsearch-dsl query building (not installed)")
        else:
            s = (
                Search()
                .query(Q("multi_match", query="geometry", fields=["title", "body"]))
                .post_filter("term", level="primary")
                .highlight("body")
            )
            s.aggs.bucket("categories", A("terms", field="category"))
            res = client.search(index=alias, body=s.to_dict())
            check(
                [h["_id"] for h in res["hits"]["hits"]] == ["1"]
                and res["aggregations"]["categories"]["buckets"][0]["doc_count"] == 2,
                "elasticsearch-dsl built query",
            )

        client.indices.create(index=v2, body=body)
        client.index(
            index=v2,
            id="9",
            body={"title": "Rebuilt index", "body": "Only one doc.", "category": "misc", "level": "primary"},
            refresh=True,
        )
        client.indices.update_aliases(
            body={
                "actions": [
                    {"remove": {"index": v1, "alias": alias}},
                    {"add": {"index": v2, "alias": alias}},
                ]
            }
        )
        check(list(client.indices.get_alias(name=alias)) == [v2], "atomic alias swap via _aliases")
        check(client.count(index=alias)["count"] == 1, "alias now searches the new index")
    finally:
        client.indices.delete(index=f"{prefix}-*", ignore=[404])
    print("smoke: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
