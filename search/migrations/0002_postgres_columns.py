"""PostgreSQL only: the columns and indexes the database engine's one-table queries use
(``search.engines.postgres``). On other databases this migration changes nothing.

- ``facet_tokens``: every facet value of the document as ``facet:code`` (GIN index);
- ``translation_languages``: the languages in which the same content (translation key) is indexed,
  so the language scope is a test on the row instead of an anti-join per request;
- ``searchdoc_newest``: the index of the default order;
- ``search_vector``: title (weight A) and searchable text (weight C), each analysed with the text-search
  configuration of the document's language (GIN index).

Rows indexed before this migration get their tokens and languages here, and a vector from the stored
title, summary and body; ``manage.py search_index rebuild`` adds the rest of the searchable text.
"""

from django.db import migrations

FORWARD = [
    """ALTER TABLE search_searchdocument
         ADD COLUMN facet_tokens text[] NOT NULL DEFAULT '{}',
         ADD COLUMN translation_languages text[] NOT NULL DEFAULT '{}',
         ADD COLUMN search_vector tsvector""",
    "CREATE INDEX searchdoc_tokens ON search_searchdocument USING gin (facet_tokens)",
    # Newest first with undated items last, as every engine sorts (SQLite cannot index NULLS LAST).
    "CREATE INDEX searchdoc_newest ON search_searchdocument (date DESC NULLS LAST, page_id DESC)",
    "CREATE INDEX searchdoc_vector ON search_searchdocument USING gin (search_vector)",
    """UPDATE search_searchdocument d SET
         facet_tokens = COALESCE((SELECT array_agg(v.facet || ':' || v.code ORDER BY v.facet, v.code)
                                  FROM search_searchfacetvalue v WHERE v.document_id = d.page_id), '{}'),
         translation_languages = (SELECT array_agg(DISTINCT t.language::text) FROM search_searchdocument t
                                  WHERE t.translation_key = d.translation_key),
         search_vector = setweight(to_tsvector('simple', d.title), 'A')
                      || setweight(to_tsvector('simple', d.summary || ' ' || d.text), 'C')""",
]
BACKWARD = [
    """ALTER TABLE search_searchdocument
         DROP COLUMN facet_tokens, DROP COLUMN translation_languages, DROP COLUMN search_vector""",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
    ]
