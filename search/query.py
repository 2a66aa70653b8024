"""Engine-neutral search parameters and results: every engine takes a ``SearchParams`` and returns a
``SearchResult`` of the same shape, so the HTML view, the JSON API and the listings share one contract."""

import math
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

PHRASE_RE = re.compile(r'"([^"]*)"')
WORD_RE = re.compile(r"\w+", re.UNICODE)


def parse_query(text):
    """Split free text into (phrases, words). Quoted phrases match as phrases; nothing else is syntax."""
    phrases = []
    for raw in PHRASE_RE.findall(text):
        words = WORD_RE.findall(raw)
        if len(words) > 1:
            phrases.append(" ".join(words))
        elif words:
            phrases.append(words[0])
    rest = PHRASE_RE.sub(" ", text).replace('"', " ")
    return phrases, WORD_RE.findall(rest)


@dataclass
class SearchParams:
    q: str = ""
    filters: dict = field(default_factory=dict)  # facet name -> [codes], validated
    sort: str = "newest"
    page: int = 1
    per_page: int = 12
    language: str = "en"  # the visitor's language
    types: tuple = ()  # fixed content types (section listings); not a facet selection
    facet_names: tuple | None = None  # the facets to count; None for all of them

    @property
    def phrases_and_words(self):
        return parse_query(self.q)

    @property
    def has_text(self):
        phrases, words = self.phrases_and_words
        return bool(phrases or words)

    def selected(self, facet_name):
        return self.filters.get(facet_name, [])


@dataclass
class FacetValue:
    code: str
    label: str
    count: int
    selected: bool

    def as_dict(self):
        return {"code": self.code, "label": self.label, "count": self.count, "selected": self.selected}


@dataclass
class Hit:
    page_id: int
    title: str
    url: str | None
    summary: str
    snippet: str  # safe HTML: escaped text with <mark> around matches
    type: str
    levels: list
    topics: list
    resource_type: str | None
    language: str
    date: object

    def as_dict(self):
        return {
            "title": self.title,
            "url": self.url,
            "summary": self.summary,
            "snippet": str(self.snippet),
            "type": self.type,
            "levels": self.levels,
            "topics": self.topics,
            "resource_type": self.resource_type,
            "language": self.language,
            "date": self.date.isoformat() if self.date else None,
        }


@dataclass
class SearchResult:
    total: int
    page: int
    per_page: int
    hits: list
    facets: dict  # facet name -> [FacetValue]
    engine: str = "database"

    @property
    def pages(self):
        return max(1, math.ceil(self.total / self.per_page))

    def as_dict(self):
        return {
            "total": self.total,
            "page": self.page,
            "pages": self.pages,
            "results": [hit.as_dict() for hit in self.hits],
            "facets": {name: [value.as_dict() for value in values] for name, values in self.facets.items()},
        }


def clamp_page(page, total, per_page):
    last = max(1, math.ceil(total / per_page))
    return max(1, min(page, last))


SNIPPET_LENGTH = 220


def _term_pattern(phrases, words):
    """Match query words at word starts (so "inclusive" also marks "inclusion"), phrases exactly."""
    parts = [r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in phrases]
    for word in words:
        stem = word if len(word) <= 5 else word[: max(5, len(word) - 2)]
        parts.append(re.escape(stem) + r"\w*")
    if not parts:
        return None
    return re.compile(r"\b(?:" + "|".join(sorted(parts, key=len, reverse=True)) + r")", re.IGNORECASE | re.UNICODE)


def make_snippet(texts, phrases, words, length=SNIPPET_LENGTH):
    """An escaped excerpt around the first match in ``texts``, matches wrapped in <mark>."""
    pattern = _term_pattern(phrases, words)
    chosen, start = None, 0
    for text in texts:
        if not text:
            continue
        if chosen is None:
            chosen = text
        match = pattern.search(text) if pattern else None
        if match:
            chosen, start = text, max(0, match.start() - length // 3)
            break
    if not chosen:
        return mark_safe("")
    if start:
        space = chosen.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    excerpt = chosen[start : start + length]
    if start + length < len(chosen):
        cut = excerpt.rfind(" ")
        excerpt = (excerpt[:cut] if cut > length // 2 else excerpt) + "…"
    if start:
        excerpt = "…" + excerpt
    if not pattern:
        return mark_safe(escape(excerpt))
    out, last = [], 0
    for match in pattern.finditer(excerpt):
        out.append(escape(excerpt[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(excerpt[last:]))
    return mark_safe("".join(out))
