"""The facet index of the database engine.

Wagtail's search (SQLite FTS5, PostgreSQL full-text search) matches and ranks text. It cannot count
multi-select, many-to-many facets, so every searchable page also gets one ``SearchDocument`` (what a
result card shows, plus sort keys) and one ``SearchFacetValue`` row per facet value (type, level, topic,
resource type, language). A facet's counts are then one grouped SQL aggregate over those rows.

On PostgreSQL the documents also carry columns the ORM does not manage (migration 0002): the facet
values as an array, the languages of the document's translations and a ``tsvector``, so that
``search.engines.postgres`` answers from this one table.
"""

from django.db import models


class SearchDocument(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    content_type = models.CharField(max_length=16)
    language = models.CharField(max_length=12)
    translation_key = models.UUIDField(db_index=True)
    title = models.CharField(max_length=255)
    sort_title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    text = models.TextField(blank=True, help_text="Plain text of the body, for snippets.")
    date = models.DateField(null=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["language", "translation_key"], name="searchdoc_lang_key"),
            models.Index(fields=["-date", "-page"], name="searchdoc_date"),
            models.Index(fields=["sort_title"], name="searchdoc_title"),
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"


class SearchFacetValue(models.Model):
    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=32)
    code = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["facet", "code", "document"], name="searchfacet_unique"),
        ]
        indexes = [models.Index(fields=["document", "facet"], name="searchfacet_doc")]

    def __str__(self):
        return f"{self.facet}={self.code}"
