"""Answer queries from an index: exact matching, ranking, facets, pages and snippets.

How a query is answered (see docs/query.md for the language, docs/architecture.md for more):
- a quoted phrase: the posting lists of its rarest character bigrams give candidate blocks,
  and each candidate's normalised text is checked (and its occurrences counted), so the
  hits are exactly what a substring scan finds. When even the rarest bigram is in a large
  share of all blocks, reading its postings would cost more than scanning the texts held in
  memory, so the texts are scanned instead;
- an unquoted term matches blocks that contain it, or contain every jieba word of it;
- filters are Whoosh term queries; AND / OR / NOT are operations on sorted docnum arrays.
Ranking is BM25F computed with numpy over all hits; facets are counted with numpy; only the
requested page is turned into stored fields and snippets.
"""
from __future__ import annotations

import json
import math
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh.query import Or as WhooshOr, Term as WhooshTerm

from index.analysis import normalise, query_grams, words
from index.build import open_index
from index.reports import CATEGORY_LABELS
from index.schema import REPORT_KIND

from .query import (And, Filter, Near, Node, Not, Or, QueryError, Term, make_filter, parse_query,
                    positive_terms)
from .snippets import make_snippet

MAX_PAGE_SIZE = 1000
PLACE_FIELDS = ("province", "city", "county", "town")
FACET_FIELDS = ("year", *PLACE_FIELDS, "section")
CATEGORY_BITS = {name: 1 << i for i, name in enumerate(CATEGORY_LABELS)}
KIND_WEIGHT = {"title": 2.0, "heading": 1.5, "paragraph": 1.0}
_K1, _B = 1.2, 0.75
_SENTENCE_END = re.compile(r"[。！？；!?;]")
# Reading a posting list costs about twice as much per entry as scanning one text held in
# memory (measured in benchmarks/), so postings pay off only for the rarer grams.
SCAN_SHARE = 0.4
# Intersecting with one more posting list pays off only while candidates outnumber this.
_VERIFY_DIRECTLY = 64
_EMPTY = np.empty(0, dtype=np.int32)


@dataclass(frozen=True)
class Matches:
    """Blocks (sorted docnums) that contain a string, with how often each contains it."""

    docs: np.ndarray
    counts: np.ndarray

    def counts_for(self, docs: np.ndarray) -> np.ndarray:
        """Occurrence counts aligned with `docs` (0 where a doc is not among the matches)."""
        if not len(self.docs):
            return np.zeros(len(docs), dtype=np.float32)
        at = np.minimum(np.searchsorted(self.docs, docs), len(self.docs) - 1)
        return np.where(self.docs[at] == docs, self.counts[at], 0).astype(np.float32)


class _Codes:
    """Interns the values of one facet field as small integers (0 = no value)."""

    def __init__(self):
        self.values: list[str | None] = [None]
        self._index: dict[str, int] = {}

    def code(self, value: str) -> int:
        if not value:
            return 0
        if value not in self._index:
            self._index[value] = len(self.values)
            self.values.append(value)
        return self._index[value]


class Snapshot:
    """One committed state of the index and the in-memory views built from it: every
    block's normalised text, length, kind weight, facet codes and report rank."""

    def __init__(self, ix):
        self.searcher = ix.searcher()
        self.reader = self.searcher.reader()
        size = self.reader.doc_count_all()
        self.norms: list[str] = [""] * size
        self.is_block = np.zeros(size, dtype=bool)
        self.weight = np.zeros(size, dtype=np.float32)
        self.categories = np.zeros(size, dtype=np.uint8)
        codes = {name: _Codes() for name in ("year", *PLACE_FIELDS, "report")}
        columns = {name: np.zeros(size, dtype=np.int32) for name in codes}
        self.report_titles: dict[str, str] = {}
        self.report_docs: dict[str, list[int]] = {}
        for docnum, fields in self.reader.iter_docs():
            report_id = fields["report_id"]
            if fields.get("kind") == REPORT_KIND:
                self.report_titles[report_id] = normalise(fields.get("printed_title", ""))
                continue
            self.norms[docnum] = normalise(fields.get("text", ""))
            self.is_block[docnum] = True
            self.weight[docnum] = KIND_WEIGHT.get(fields.get("kind"), 1.0)
            for name in ("year", *PLACE_FIELDS):
                columns[name][docnum] = codes[name].code(fields.get(name, ""))
            columns["report"][docnum] = codes["report"].code(report_id)
            self.categories[docnum] = sum(CATEGORY_BITS.get(c, 0) for c in fields.get("categories", "").split(","))
            self.report_docs.setdefault(report_id, []).append(docnum)
        self.facet_values = {name: codes[name].values for name in ("year", *PLACE_FIELDS)}
        self.facet_codes = {name: columns[name] for name in ("year", *PLACE_FIELDS)}
        # Ties are broken by report id, then reading order: rank the report ids once.
        report_ids = codes["report"].values
        order = sorted(range(1, len(report_ids)), key=lambda i: report_ids[i])
        rank = np.zeros(len(report_ids), dtype=np.int32)
        rank[order] = np.arange(1, len(order) + 1, dtype=np.int32)
        self.report_rank = rank[columns["report"]]
        self.year_number = np.array([int(v) if v else 0 for v in codes["year"].values], dtype=np.int32)[columns["year"]]
        self.blocks = np.flatnonzero(self.is_block).astype(np.int32)
        self.lengths = np.array([len(t) for t in self.norms], dtype=np.float32)
        self.avg_length = float(self.lengths[self.blocks].mean()) if len(self.blocks) else 1.0
        self._block_texts = [(int(d), self.norms[d]) for d in self.blocks]
        self._exact_cache: dict[str, Matches] = {}

    def close(self):
        self.searcher.close()

    def docs(self, query) -> np.ndarray:
        """Sorted block docnums matching a Whoosh query."""
        found = np.fromiter(self.searcher.docs_for_query(query), dtype=np.int32)
        found = np.unique(found)
        return found[self.is_block[found]] if len(found) else _EMPTY

    # ------------------------------------------------------------ matching

    def exact(self, needle: str) -> Matches:
        """Blocks whose normalised text contains `needle`, and how often."""
        cached = self._exact_cache.get(needle)
        if cached is not None:
            return cached
        ranked = sorted((self.reader.doc_frequency("grams", g), g) for g in query_grams(needle))
        norms = self.norms
        if ranked and ranked[0][0] <= SCAN_SHARE * len(self.blocks):
            candidates = self.docs(WhooshTerm("grams", ranked[0][1])) if ranked[0][0] else _EMPTY
            for _, gram in ranked[1:3]:
                if len(candidates) <= _VERIFY_DIRECTLY:
                    break
                candidates = np.intersect1d(candidates, self.docs(WhooshTerm("grams", gram)), assume_unique=True)
            pairs = [(d, c) for d in candidates.tolist() if (c := norms[d].count(needle))]
        else:  # no bigram to look up, or a bigram in most blocks: scan the texts
            pairs = [(d, c) for d, text in self._block_texts if (c := text.count(needle))]
        found = Matches(np.array([d for d, _ in pairs], dtype=np.int32),
                        np.array([c for _, c in pairs], dtype=np.int32))
        if len(self._exact_cache) > 256:
            self._exact_cache.clear()
        self._exact_cache[needle] = found
        return found

    def term_matches(self, term: Term) -> np.ndarray:
        """A quoted phrase: exact. An unquoted term: exact, or all of its words."""
        found = self.exact(term.norm).docs
        pieces = term_words(term)
        if term.quoted or len(pieces) < 2:
            return found
        scattered = self.exact(pieces[0]).docs
        for piece in pieces[1:]:
            scattered = np.intersect1d(scattered, self.exact(piece).docs, assume_unique=True)
        return np.union1d(found, scattered)

    def near(self, node: Near) -> np.ndarray:
        left, right = node.left.norm, node.right.norm
        both = np.intersect1d(self.exact(left).docs, self.exact(right).docs, assume_unique=True)
        kept = [d for d in both.tolist()
                if any(left in s and right in s for s in _SENTENCE_END.split(self.norms[d]))]
        return np.array(kept, dtype=np.int32)

    def filter_docs(self, node: Filter) -> np.ndarray:
        if node.field == "year":
            first, last = node.value
            years = [y for y in self.facet_values["year"][1:] if first <= int(y) <= last]
            return self.docs(WhooshOr([WhooshTerm("year", y) for y in years])) if years else _EMPTY
        if node.field == "section":
            return self.docs(WhooshTerm("categories", node.value))
        if node.field == "title":
            wanted = normalise(node.value)
            docs = [d for rid, title in self.report_titles.items() if wanted in title
                    for d in self.report_docs.get(rid, [])]
            return np.unique(np.array(docs, dtype=np.int32))
        values = [v for v in self.facet_values[node.field][1:] if v.startswith(node.value)]
        return self.docs(WhooshOr([WhooshTerm(node.field, v) for v in values])) if values else _EMPTY

    def evaluate(self, node: Node) -> np.ndarray:
        """The sorted block docnums matching a query tree."""
        if isinstance(node, Term):
            return self.term_matches(node)
        if isinstance(node, Near):
            return self.near(node)
        if isinstance(node, Filter):
            return self.filter_docs(node)
        if isinstance(node, Not):
            return np.setdiff1d(self.blocks, self.evaluate(node.item), assume_unique=True)
        if isinstance(node, Or):
            result = _EMPTY
            for item in node.items:
                result = np.union1d(result, self.evaluate(item))
            return result
        if isinstance(node, And):
            positives = sorted((i for i in node.items if not isinstance(i, Not)), key=_cost)
            negatives = [i.item for i in node.items if isinstance(i, Not)]
            result = self.blocks if not positives else None
            for item in positives:
                found = self.evaluate(item)
                result = found if result is None else np.intersect1d(result, found, assume_unique=True)
                if not len(result):
                    return _EMPTY
            for item in negatives:
                result = np.setdiff1d(result, self.evaluate(item), assume_unique=True)
            return result
        raise TypeError(f"unknown query node {node!r}")

    # ------------------------------------------------------------ ranking and facets

    def idf(self, doc_frequency: int) -> float:
        n = max(len(self.blocks), 1)
        return math.log(1 + (n - doc_frequency + 0.5) / (doc_frequency + 0.5))

    def scores(self, hits: np.ndarray, terms: list[Term]) -> tuple[np.ndarray, np.ndarray]:
        """(exact terms, BM25F score) for each hit.

        Hits sort on the pair: a block holding more of the terms exactly as typed comes
        before one holding only their scattered words, then BM25F decides.
        """
        tiers = np.zeros(len(hits), dtype=np.int32)
        total = np.zeros(len(hits), dtype=np.float32)
        length_norm = _K1 * (1 - _B + _B * self.lengths[hits] / self.avg_length)
        for term in terms:
            whole = self.exact(term.norm)
            units = [(whole, self.idf(len(self.term_matches(term))), True)]
            pieces = term_words(term)
            if len(pieces) > 1:
                units += [(self.exact(w), self.idf(self.reader.doc_frequency("text", w)), False) for w in pieces]
            for matches, idf, is_whole in units:
                tf = matches.counts_for(hits)
                total += idf * tf * (_K1 + 1) / (tf + length_norm)
                if is_whole:
                    tiers += tf > 0
        return tiers, total * self.weight[hits]

    def facets(self, hits: np.ndarray) -> dict:
        """Counts per year, place and section over all hits (a block in a section with two
        categories counts in both)."""
        out = {}
        for name, values in self.facet_values.items():
            counts = np.bincount(self.facet_codes[name][hits], minlength=len(values))
            out[name] = {values[i]: int(counts[i]) for i in np.flatnonzero(counts) if i}
        bits = self.categories[hits]
        out["section"] = {name: n for name, bit in CATEGORY_BITS.items()
                          if (n := int(np.count_nonzero(bits & bit)))}
        return {name: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for name, c in out.items()}

    def order(self, hits: np.ndarray, terms: list[Term], sort: str, stop: int | None):
        """The first `stop` hits (all when None) in rank order, with their scores."""
        tiers, scores = self.scores(hits, terms)
        keys = [hits, self.report_rank[hits], -scores, -tiers]
        if sort == "year":
            keys.append(-self.year_number[hits])
        if stop is not None and stop < len(hits) and sort == "relevance":
            # Only the top `stop` need a full sort; keep every hit tied with the last one.
            combined = tiers.astype(np.float64) * (float(scores.max()) + 1.0) + scores
            threshold = np.partition(-combined, stop - 1)[stop - 1]
            keep = np.flatnonzero(-combined <= threshold)
            keys = [k[keep] for k in keys]
            hits, tiers, scores = hits[keep], tiers[keep], scores[keep]
        ranked = np.lexsort(keys)[:stop]
        return hits[ranked], tiers[ranked], scores[ranked]


def term_words(term: Term) -> list[str]:
    """The distinct jieba words of an unquoted term (scattered matching and ranking)."""
    return [] if term.quoted else list(dict.fromkeys(words(term.norm)))


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
        {"query", "filters", "total", "offset", "hits": [...], "facets": {...}}.

        `limit=None` returns every hit. Raises QueryError for a malformed query or option.
        """
        node = parse_query(query) if query and query.strip() else None
        extra = [make_filter(field, str(value)) for field, value in (filters or {}).items()
                 if value not in (None, "")]
        if node is None and not extra:
            raise QueryError("the query is empty: type a word or a \"quoted phrase\"",
                             "查询为空：请输入关键词，或用引号括起的短语")
        tree = And(tuple(([node] if node else []) + extra)) if extra else node
        if sort not in ("relevance", "year"):
            raise QueryError(f"unknown sort '{sort}': use relevance or year", "排序方式只能是相关度或年份")
        if offset < 0 or (limit is not None and not 0 <= limit <= MAX_PAGE_SIZE):
            raise QueryError(f"page size must be between 0 and {MAX_PAGE_SIZE}",
                             f"每页条数必须在 0 到 {MAX_PAGE_SIZE} 之间")

        with self._lock:
            snap = self.snapshot()
            hits = snap.evaluate(tree)
            terms = positive_terms(tree)
            stop = None if limit is None else offset + limit
            docs, _, scores = snap.order(hits, terms, sort, stop)
            needles = highlight_needles(terms)
            return {
                "query": query,
                "filters": {f.field: _filter_text(f) for f in extra},
                "total": int(len(hits)),
                "offset": offset,
                "hits": [self._hit(snap, int(d), float(s), needles)
                         for d, s in zip(docs[offset:].tolist(), scores[offset:].tolist())],
                "facets": snap.facets(hits),
            }

    def _hit(self, snap: Snapshot, docnum: int, score: float, needles: list[str]) -> dict:
        fields = snap.searcher.stored_fields(docnum)
        text = fields.get("text", "")
        return {
            "report_id": fields["report_id"],
            "source": fields.get("source", ""),
            "title": fields.get("title", ""),
            **{name: fields.get(name) or None for name in PLACE_FIELDS},
            "year": int(fields["year"]) if fields.get("year") else None,
            "categories": [c for c in fields.get("categories", "").split(",") if c],
            "section_heading": fields.get("section_heading") or None,
            "subsection": fields.get("subsection") or None,
            "kind": fields.get("kind"),
            "paragraph": fields.get("n"),
            "text": text,
            "snippet": make_snippet(text, needles),
            "url": f"/reports/{fields['report_id']}#p{fields.get('n')}",
            "score": round(score, 4),
        }

    def report(self, report_id: str) -> dict | None:
        """The parsed report (as `baogao parse --json` prints it) plus its id, or None."""
        with self._lock:
            fields = self.snapshot().searcher.document(report_id=report_id, kind=REPORT_KIND)
        if not fields:
            return None
        data = json.loads(fields["report"])
        data["id"] = report_id
        return data

    def stats(self) -> dict:
        """Counts of reports and searchable blocks."""
        with self._lock:
            snap = self.snapshot()
            return {"reports": len(snap.report_titles), "blocks": int(len(snap.blocks))}


def highlight_needles(terms: list[Term]) -> list[str]:
    """Normalised strings to mark in snippets: each term, and an unquoted term's words."""
    needles = []
    for term in terms:
        needles.append(term.norm)
        needles.extend(term_words(term))
    return [n for n in dict.fromkeys(needles) if n]


def _filter_text(f: Filter) -> str:
    if f.field == "year":
        first, last = f.value
        return str(first) if first == last else f"{first}-{last}"
    return str(f.value)
