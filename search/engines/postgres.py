"""The database engine on PostgreSQL: one table, three SQL statements per search.

Wagtail's PostgreSQL search backend analyses every page with one text-search configuration and ranks
through a join to its own index table; the portal's documents are in 32 languages and the facet counts
must stay fast at 100,000 items. So on PostgreSQL the engine answers from ``search_searchdocument``
alone, using the columns migration 0002 adds there (and ``write_columns`` below keeps current):

1. counts: the documents in scope that miss at most one selected facet are read once (a materialised
   CTE); the total and every facet's disjunctive counts are aggregates over that one pass;
2. the page of results: the same conditions, ordered (by ``ts_rank`` for relevance), LIMIT/OFFSET;
3. the documents of that page.

Text is matched with ``tsvector @@ tsquery``: each document's vector is built with its language's
configuration (``TS_CONFIGS``: French and German words match their other forms; languages PostgreSQL
has no configuration for, such as Polish, use ``simple``), and each query word is looked up in every
configuration in use, so a French visitor still finds an English-only resource.
"""

from contextlib import nullcontext
from functools import cache

from django.conf import settings
from django.db import connection, transaction

from search.facets import facet_values, shown_facets
from search.query import SearchResult, clamp_page

# Language -> PostgreSQL text-search configuration (those shipped with PostgreSQL 15).
TS_CONFIGS = {
    "ar": "arabic",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hu": "hungarian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "nl": "dutch",
    "pt": "portuguese",
    "ro": "romanian",
    "sr": "serbian",
    "sv": "swedish",
    "tr": "turkish",
}
FALLBACK_CONFIG = "simple"

ORDERINGS = {
    "newest": "d.date DESC NULLS LAST, d.page_id DESC",
    "oldest": "d.date ASC NULLS LAST, d.page_id",
    "title": "d.sort_title, d.page_id",
    # Ranked on the small title-and-summary vector: reading the full vector of every match costs ~10x.
    "relevance": "ts_rank(d.rank_vector, q.query) DESC, d.page_id",
}


@cache
def available_configs():
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        return frozenset(row[0] for row in cursor.fetchall())


def config_for(language):
    config = TS_CONFIGS.get(language, FALLBACK_CONFIG)
    return config if config in available_configs() else FALLBACK_CONFIG


def configs_in_use():
    """The configurations of the site's languages, plus ``simple`` (exact words), in a stable order."""
    return sorted({config_for(code) for code, _name in settings.LANGUAGES} | {FALLBACK_CONFIG})


def config_case_sql(column="d.language"):
    """SQL choosing a row's configuration from its language, and its parameters."""
    whens, params = [], []
    for code, _name in settings.LANGUAGES:
        config = config_for(code)
        if config != FALLBACK_CONFIG:
            whens.append("WHEN %s THEN %s::regconfig")
            params += [code, config]
    if not whens:
        return f"'{FALLBACK_CONFIG}'::regconfig", []
    return f"(CASE {column} {' '.join(whens)} ELSE '{FALLBACK_CONFIG}'::regconfig END)", params


PREFIX_MIN = 4  # letters a word keeps when it is matched by its start


def word_prefix(word):
    """The start of a word that its inflected forms share, roughly: "szkoły" → "szko", "nauczycieli" →
    "nauczycie". Used where PostgreSQL has no stemmer for the visitor's language."""
    return word if len(word) <= PREFIX_MIN else word[: max(PREFIX_MIN, len(word) - 2)]


def tsquery_sql(phrases, words, language):
    """A tsquery: every phrase and word must match, each in any configuration in use. A word that the
    visitor's language treats as a stop word ("being" in "well-being") is left out, as the search
    engine's analyzer does; PostgreSQL drops an empty operand of ``&&``. Where the visitor's language has
    no configuration (Polish, Czech, ...), a word also matches by its start, so "szkoły" finds "szkoła"."""
    configs = configs_in_use()
    own = config_for(language)
    terms, params = [], []
    for function, values in (("phraseto_tsquery", phrases), ("plainto_tsquery", words)):
        for value in values:
            alternatives = [f"{function}(%s::regconfig, %s)" for _ in configs]
            values_params = [item for config in configs for item in (config, value)]
            if own == FALLBACK_CONFIG and function == "plainto_tsquery" and len(value) > PREFIX_MIN:
                alternatives.append("to_tsquery('simple', %s)")
                values_params.append(f"{word_prefix(value.lower())}:*")  # \w+ only: no tsquery syntax
            terms.append(
                f"(CASE WHEN numnode({function}(%s::regconfig, %s)) = 0 THEN ''::tsquery "
                f"ELSE {' || '.join(alternatives)} END)"
            )
            params += [own, value, *values_params]
    return " && ".join(terms), params


def write_columns(documents):
    """Fill the PostgreSQL-only columns of freshly written documents, then refresh the translation
    languages of every document sharing a translation key with them."""
    if connection.vendor != "postgresql" or not documents:
        return
    case_sql, case_params = config_case_sql()
    ids = [doc.page_id for doc in documents]
    tokens = [" ".join(f"{facet}:{code}" for facet, codes in doc.facets.items() for code in codes) for doc in documents]
    texts = [doc.search_text for doc in documents]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""UPDATE search_searchdocument d SET
                  facet_tokens = string_to_array(v.tokens, ' '),
                  search_vector = setweight(to_tsvector({case_sql}, d.title), 'A')
                               || setweight(to_tsvector({case_sql}, v.search_text), 'C'),
                  rank_vector = setweight(to_tsvector({case_sql}, d.title), 'A')
                             || setweight(to_tsvector({case_sql}, d.summary), 'B')
                FROM unnest(%s::int[], %s::text[], %s::text[]) AS v(id, tokens, search_text)
                WHERE d.page_id = v.id""",
            [*case_params, *case_params, *case_params, *case_params, ids, tokens, texts],
        )
    refresh_translation_languages({doc.translation_key for doc in documents})


def refresh_translation_languages(translation_keys=None):
    """Recompute ``translation_languages`` for these translation keys (all documents when None)."""
    if connection.vendor != "postgresql":
        return
    where, params = "", []
    if translation_keys is not None:
        if not translation_keys:
            return
        where, params = "WHERE d.translation_key = ANY(%s::uuid[])", [[str(key) for key in translation_keys]]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""UPDATE search_searchdocument d SET translation_languages = ARRAY(
                  SELECT DISTINCT t.language::text FROM search_searchdocument t
                  WHERE t.translation_key = d.translation_key ORDER BY 1)
                {where}""",
            params,
        )


class PostgresQuery:
    """The SQL of one search: the shared WHERE clause and the per-facet selection tests."""

    def __init__(self, params):
        self.params = params
        phrases, words = params.phrases_and_words
        self.text_sql, self.text_params = tsquery_sql(phrases, words, params.language)
        self.has_text = bool(self.text_sql)
        # Selected facets, each with its test on the row: [(name, sql, params)]
        self.selections = [
            (name, "d.facet_tokens && %s::text[]", [[f"{name}:{code}" for code in codes]])
            for name, codes in params.filters.items()
            if codes
        ]

    def query_cte(self):
        """``q``: the tsquery, computed once per statement."""
        if self.has_text:
            return f"q AS (SELECT {self.text_sql} AS query)", list(self.text_params)
        return "q AS (SELECT NULL::tsquery AS query)", []

    def base_where(self):
        """Language scope, fixed content types, text: what every statement applies."""
        clauses = ["(d.language = %s OR NOT d.translation_languages @> ARRAY[%s]::text[])"]
        values = [self.params.language, self.params.language]
        if self.params.types:
            clauses.append("d.content_type = ANY(%s::text[])")
            values.append(list(self.params.types))
        if self.has_text:
            clauses.append("d.search_vector @@ q.query")
        return " AND ".join(clauses), values

    def _all_of(self, indices):
        """SQL and parameters: the selections at ``indices`` all hold (TRUE for none)."""
        parts = [self.selections[i] for i in indices]
        if not parts:
            return "TRUE", []
        return " AND ".join(f"({sql})" for _name, sql, _p in parts), [v for _n, _s, p in parts for v in p]

    def counts(self):
        """(total, {facet: {code: count}}) in one pass over the documents in scope that miss at most one
        selection. Each facet value counts where every selection but its own facet's holds; the extra
        token ``*`` counts the documents that match them all (the total). One plain aggregate, so
        PostgreSQL can run it with parallel workers."""
        cte_sql, cte_params = self.query_cte()
        where, params = self.base_where()
        indices = list(range(len(self.selections)))
        if indices:
            where += " AND (" + " + ".join(f"(NOT ({sql}))::int" for _n, sql, _p in self.selections) + ") <= 1"
            params += [value for _n, _s, values in self.selections for value in values]
        cases, case_params = [], []
        for i, (name, _sql, _p) in enumerate(self.selections):
            others, others_params = self._all_of([j for j in indices if j != i])
            cases.append(f"WHEN %s THEN {others}")
            case_params += [name, *others_params]
        everything, everything_params = self._all_of(indices)
        condition = f"(CASE split_part(t, ':', 1) {' '.join(cases)} ELSE {everything} END)" if cases else "TRUE"
        shown = [facet.name for facet in shown_facets(self.params)]
        sql = f"""
            WITH {cte_sql}
            SELECT t, count(*)
            FROM search_searchdocument d CROSS JOIN q CROSS JOIN LATERAL unnest(d.facet_tokens || '{{*}}'::text[]) AS t
            WHERE {where} AND {condition} AND (t = '*' OR split_part(t, ':', 1) = ANY(%s::text[]))
            GROUP BY t"""
        counts, total = {}, 0
        with connection.cursor() as cursor:
            cursor.execute(sql, [*cte_params, *params, *case_params, *everything_params, shown])
            for token, n in cursor.fetchall():
                if token == "*":
                    total = n
                else:
                    name, _, code = token.partition(":")
                    counts.setdefault(name, {})[code] = n
        return total, counts

    def page_ids(self, sort, offset, limit):
        cte_sql, cte_params = self.query_cte()
        where, where_params = self.base_where()
        for _name, sql, values in self.selections:
            where += f" AND {sql}"
            where_params += values
        order = ORDERINGS["relevance" if sort == "relevance" and self.has_text else sort]
        sql = f"""
            WITH {cte_sql}
            SELECT d.page_id FROM search_searchdocument d, q
            WHERE {where}
            ORDER BY {order}
            LIMIT %s OFFSET %s"""
        with connection.cursor() as cursor:
            cursor.execute(sql, [*cte_params, *where_params, limit, offset])
            return [row[0] for row in cursor.fetchall()]


def search(engine, params):
    """The PostgreSQL path of ``DatabaseEngine.search``."""
    query = PostgresQuery(params)
    sort = params.sort if params.sort in ORDERINGS else "newest"
    if sort == "relevance" and not query.has_text:
        sort = "newest"
    with transaction.atomic() if query.has_text else nullcontext():
        if query.has_text:
            # Text goes through the GIN index. When a word is common the planner prefers reading the
            # whole table, which here means fetching every document's out-of-line text vector to test
            # it: 5-10x slower than the index, which answers exactly without reading the vectors.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
        total, counts = query.counts()
        page = clamp_page(params.page, total, params.per_page)
        ids = query.page_ids(sort, (page - 1) * params.per_page, params.per_page) if total else []
    facets = {facet.name: facet_values(facet, counts.get(facet.name, {}), params) for facet in shown_facets(params)}
    return SearchResult(
        total=total,
        page=page,
        per_page=params.per_page,
        hits=engine.hits(ids, params),
        facets=facets,
        engine=engine.name,
    )
