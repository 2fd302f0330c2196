"""Answer queries from an index: exact matching, ranking, facets, pages and snippets.

How a query is answered (see docs/query.md for the language):
- a quoted phrase: the blocks that hold all of its character bigrams are candidates
  (only the rarest two gram posting lists are read) and each candidate is verified against
  its normalised text, so the hits are exactly what a substring scan finds;
- an unquoted term matches blocks that contain it, or contain every jieba word of it;
- filters are Whoosh term and range queries; AND / OR / NOT are set operations.
Ranking is BM25F computed over the hits: word idf from the index's word field, term
frequencies counted in the normalised text, titles and headings weighted above paragraphs,
and the whole term as one more "word" so exact occurrences outrank scattered pieces.
"""
from __future__ import annotations

import json
import math
import re
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from whoosh.query import NumericRange, Or as WhooshOr, Term as WhooshTerm

from index.analysis import normalise, query_grams, words
from index.build import open_index
from index.reports import CATEGORY_LABELS
from index.schema import BLOCK_KINDS, REPORT_KIND

from .query import (And, Filter, Near, Node, Not, Or, QueryError, Term, make_filter, parse_query,
                    positive_terms)
from .snippets import make_snippet

MAX_PAGE_SIZE = 1000
FACET_FIELDS = ("year", "province", "city", "county", "town", "section")
KIND_WEIGHT = {"title": 2.0, "heading": 1.5, "paragraph": 1.0}
_K1, _B = 1.2, 0.75
_SENTENCE_END = re.compile(r"[。！？；!?;]")
# Reading one more posting list pays off only while the candidates outnumber this.
_VERIFY_DIRECTLY = 64


@dataclass(frozen=True)
class BlockMeta:
    """What ranking and facets need about one block, kept in memory per index snapshot."""

    report_id: str
    kind: str
    year: int | None
    province: str
    city: str
    county: str
    town: str
    categories: tuple[str, ...]


class Snapshot:
    """One committed state of the index and the in-memory views built from it."""

    def __init__(self, ix):
        self.searcher = ix.searcher()
        self.reader = self.searcher.reader()
        self.norm: dict[int, str] = {}
        self.meta: dict[int, BlockMeta] = {}
        self.reports: dict[str, dict] = {}  # report_id -> {"title", "docnums"}
        for docnum, fields in self.reader.iter_docs():
            kind = fields.get("kind")
            if kind == REPORT_KIND:
                record = self.reports.setdefault(fields["report_id"], {"docnums": []})
                record["title"] = normalise(fields.get("printed_title", ""))
                continue
            self.norm[docnum] = normalise(fields.get("text", ""))
            self.meta[docnum] = BlockMeta(
                report_id=fields["report_id"], kind=kind, year=fields.get("year") or None,
                province=fields.get("province", ""), city=fields.get("city", ""),
                county=fields.get("county", ""), town=fields.get("town", ""),
                categories=tuple(c for c in fields.get("categories", "").split(",") if c),
            )
            self.reports.setdefault(fields["report_id"], {"docnums": []})["docnums"].append(docnum)
        self.universe = frozenset(self.norm)
        self.avg_length = (sum(map(len, self.norm.values())) / len(self.norm)) if self.norm else 1.0
        self._exact_cache: dict[str, frozenset[int]] = {}

    def close(self):
        self.searcher.close()

    def docs(self, query) -> set[int]:
        return set(self.searcher.docs_for_query(query))

    # ------------------------------------------------------------ matching

    def exact(self, norm: str) -> frozenset[int]:
        """Blocks whose normalised text contains `norm`."""
        cached = self._exact_cache.get(norm)
        if cached is not None:
            return cached
        needed = query_grams(norm)
        if not needed:  # only punctuation: nothing narrows the scan
            candidates = self.universe
        else:
            ranked = sorted((self.reader.doc_frequency("grams", g), g) for g in needed)
            if ranked[0][0] == 0:
                candidates = set()
            else:
                candidates = self.docs(WhooshTerm("grams", ranked[0][1]))
                for _, gram in ranked[1:3]:
                    if len(candidates) <= _VERIFY_DIRECTLY:
                        break
                    candidates &= self.docs(WhooshTerm("grams", gram))
        norms = self.norm
        found = frozenset(d for d in candidates if norm in norms.get(d, ""))
        if len(self._exact_cache) > 256:
            self._exact_cache.clear()
        self._exact_cache[norm] = found
        return found

    def term_matches(self, term: Term) -> frozenset[int]:
        """A quoted phrase: exact. An unquoted term: exact, or all of its words."""
        norm = term.norm
        found = self.exact(norm)
        pieces = term_words(term)
        if term.quoted or len(pieces) < 2:
            return found
        scattered = set(self.exact(pieces[0]))
        for piece in pieces[1:]:
            scattered &= self.exact(piece)
        return found | scattered

    def near(self, node: Near) -> set[int]:
        left, right = node.left.norm, node.right.norm
        both = self.exact(left) & self.exact(right)
        return {d for d in both
                if any(left in s and right in s for s in _SENTENCE_END.split(self.norm[d]))}

    def filter_docs(self, node: Filter) -> set[int]:
        if node.field == "year":
            first, last = node.value
            return self.docs(NumericRange("year", first, last)) & self.universe
        if node.field == "section":
            return self.docs(WhooshTerm("categories", node.value)) & self.universe
        if node.field == "title":
            wanted = normalise(node.value)
            return {d for report in self.reports.values() if wanted in report.get("title", "")
                    for d in report["docnums"]}
        values = [node.value] + [v for v in self.reader.expand_prefix(node.field, node.value)
                                 if v != node.value]
        return self.docs(WhooshOr([WhooshTerm(node.field, v) for v in values])) & self.universe

    def evaluate(self, node: Node) -> set[int]:
        """The set of block docnums matching a query tree."""
        if isinstance(node, Term):
            return set(self.term_matches(node))
        if isinstance(node, Near):
            return self.near(node)
        if isinstance(node, Filter):
            return self.filter_docs(node)
        if isinstance(node, Not):
            return set(self.universe - self.evaluate(node.item))
        if isinstance(node, Or):
            result: set[int] = set()
            for item in node.items:
                result |= self.evaluate(item)
            return result
        if isinstance(node, And):
            positives = [i for i in node.items if not isinstance(i, Not)]
            negatives = [i.item for i in node.items if isinstance(i, Not)]
            result = set(self.universe) if not positives else None
            for item in sorted(positives, key=_cost):
                found = self.evaluate(item)
                result = found if result is None else result & found
                if not result:
                    return set()
            for item in negatives:
                result -= self.evaluate(item)
            return result
        raise TypeError(f"unknown query node {node!r}")

    # ------------------------------------------------------------ ranking

    def idf(self, doc_frequency: int) -> float:
        n = max(len(self.universe), 1)
        return math.log(1 + (n - doc_frequency + 0.5) / (doc_frequency + 0.5))

    def scorer(self, terms: list[Term]):
        """A function docnum -> (exact terms, BM25F score) for the query's positive terms.

        Hits sort on the pair: a block holding more of the terms exactly as typed comes
        before one holding only their scattered words, then BM25F decides.
        """
        units = []  # (normalised string, idf, is the whole term)
        for term in terms:
            units.append((term.norm, self.idf(len(self.term_matches(term))), True))
            pieces = term_words(term)
            if len(pieces) > 1:
                units.extend((w, self.idf(self.reader.doc_frequency("text", w)), False) for w in pieces)
        norms, meta, avg = self.norm, self.meta, self.avg_length

        def score(docnum: int) -> tuple[int, float]:
            text = norms[docnum]
            length_norm = _K1 * (1 - _B + _B * len(text) / avg)
            total, exact = 0.0, 0
            for unit, idf, whole in units:
                tf = text.count(unit)
                if tf:
                    total += idf * tf * (_K1 + 1) / (tf + length_norm)
                    exact += whole
            return exact, total * KIND_WEIGHT.get(meta[docnum].kind, 1.0)

        return score


def term_words(term: Term) -> list[str]:
    """The distinct jieba words of an unquoted term (scattered matching and ranking)."""
    if term.quoted:
        return []
    seen = []
    for w in words(term.norm):
        if w not in seen:
            seen.append(w)
    return seen


def _cost(node: Node) -> int:
    """Evaluate cheap, selective parts of an AND first."""
    return 0 if isinstance(node, Filter) else 1 if isinstance(node, (Term, Near)) else 2


class Engine:
    """Searches one index directory; reopens its snapshot when a build commits."""

    def __init__(self, index_dir: Path | str):
        self.index_dir = Path(index_dir)
        self.ix = open_index(self.index_dir)
        self._snapshot: Snapshot | None = None
        self._lock = threading.RLock()

    def snapshot(self) -> Snapshot:
        """The current snapshot, reloaded when the index has changed on disk."""
        with self._lock:
            if self._snapshot is None or not self._snapshot.searcher.up_to_date():
                if self._snapshot is not None:
                    self._snapshot.close()
                self._snapshot = Snapshot(self.ix)
            return self._snapshot

    def close(self):
        with self._lock:
            if self._snapshot is not None:
                self._snapshot.close()
                self._snapshot = None

    def search(self, query: str, filters: dict | None = None, sort: str = "relevance",
               offset: int = 0, limit: int | None = 10) -> dict:
        """Answer `query` (plus option filters such as {"year": "2024"}) as plain data:
        {"query", "total", "offset", "hits": [...], "facets": {...}}.

        `limit=None` returns every hit. Raises QueryError for a malformed query or option.
        """
        node = parse_query(query) if query and query.strip() else None
        extra = [make_filter(field, str(value)) for field, value in (filters or {}).items()
                 if value not in (None, "")]
        if node is None and not extra:
            raise QueryError("the query is empty: type a word or a \"quoted phrase\"")
        tree = And(tuple(([node] if node else []) + extra)) if extra else node
        if sort not in ("relevance", "year"):
            raise QueryError(f"unknown sort '{sort}': use relevance or year")
        if offset < 0 or (limit is not None and not 0 <= limit <= MAX_PAGE_SIZE):
            raise QueryError(f"page size must be between 0 and {MAX_PAGE_SIZE}")

        with self._lock:
            snap = self.snapshot()
            hits = snap.evaluate(tree)
            terms = positive_terms(tree)
            score = snap.scorer(terms)
            scored = [(score(d), d) for d in hits]
            meta = snap.meta
            if sort == "year":
                scored.sort(key=lambda sd: (-(meta[sd[1]].year or 0), -sd[0][0], -sd[0][1],
                                            meta[sd[1]].report_id, sd[1]))
            else:
                scored.sort(key=lambda sd: (-sd[0][0], -sd[0][1], meta[sd[1]].report_id, sd[1]))
            page = scored[offset:] if limit is None else scored[offset:offset + limit]
            needles = highlight_needles(terms)
            return {
                "query": query,
                "filters": {f.field: _filter_text(f) for f in extra},
                "total": len(hits),
                "offset": offset,
                "hits": [self._hit(snap, docnum, s, needles) for s, docnum in page],
                "facets": facet_counts(meta[d] for d in hits),
            }

    def _hit(self, snap: Snapshot, docnum: int, score: tuple[int, float], needles: list[str]) -> dict:
        fields = snap.searcher.stored_fields(docnum)
        categories = [c for c in fields.get("categories", "").split(",") if c]
        text = fields.get("text", "")
        return {
            "report_id": fields["report_id"],
            "source": fields.get("source", ""),
            "title": fields.get("title", ""),
            "province": fields.get("province") or None,
            "city": fields.get("city") or None,
            "county": fields.get("county") or None,
            "town": fields.get("town") or None,
            "year": fields.get("year") or None,
            "categories": categories,
            "section_heading": fields.get("section_heading") or None,
            "subsection": fields.get("subsection") or None,
            "kind": fields.get("kind"),
            "paragraph": fields.get("n"),
            "text": text,
            "snippet": make_snippet(text, needles),
            "url": f"/reports/{fields['report_id']}#p{fields.get('n')}",
            "score": round(score[1], 4),
        }

    def report(self, report_id: str) -> dict | None:
        """The parsed report (as `baogao parse --json` prints it) plus its id, or None."""
        with self._lock:
            snap = self.snapshot()
            fields = snap.searcher.document(pid=report_id, kind=REPORT_KIND)
        if not fields:
            return None
        data = json.loads(fields["report"])
        data["id"] = report_id
        return data

    def stats(self) -> dict:
        """Counts of reports and searchable blocks."""
        with self._lock:
            snap = self.snapshot()
            return {"reports": len(snap.reports), "blocks": len(snap.universe)}


def highlight_needles(terms: list[Term]) -> list[str]:
    """Normalised strings to mark in snippets: each term, and an unquoted term's words."""
    needles = []
    for term in terms:
        needles.append(term.norm)
        needles.extend(term_words(term))
    return [n for n in dict.fromkeys(needles) if n]


def facet_counts(metas) -> dict:
    """Counts per year, place and section over all hits (a block with two sections counts
    in both)."""
    counters = {name: Counter() for name in FACET_FIELDS}
    for m in metas:
        if m.year:
            counters["year"][str(m.year)] += 1
        for name in ("province", "city", "county", "town"):
            value = getattr(m, name)
            if value:
                counters[name][value] += 1
        for c in m.categories:
            counters["section"][c] += 1
    return {name: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
            for name, c in counters.items()}


def _filter_text(f: Filter) -> str:
    if f.field == "year":
        first, last = f.value
        return str(first) if first == last else f"{first}-{last}"
    return str(f.value)


__all__ = ["Engine", "QueryError", "CATEGORY_LABELS", "FACET_FIELDS"]
