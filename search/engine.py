"""Answer queries from an index: exact matching, ranking, facets, pages and snippets.

How a query is answered (see docs/query.md for the language, docs/architecture.md for more):
- a quoted phrase: the posting list of its rarest character bigram gives candidate blocks,
  and each candidate's normalised text (memory-mapped from the snapshot files the build
  writes, index/snapshot.py) is checked, so the hits are exactly
  what a substring scan finds (a phrase that is one bigram needs no check; a phrase without
  a bigram, such as one character, checks every block);
- an unquoted term matches blocks that contain it, or contain every jieba word of it;
- filters are Whoosh term queries; AND / OR / NOT are operations on sorted docnum arrays.
Ranking is BM25F on the query's jieba words (term frequencies from the word field's
postings) over all hits, after the number of terms a hit contains exactly as typed; it is
computed with numpy, as are the facets; only the requested page gets stored fields and
snippets.
"""
from __future__ import annotations

import json
import math
import os
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from itertools import repeat
from pathlib import Path

import numpy as np

from baogao import settings
from baogao.index.analysis import normalise, query_grams, words
from baogao.index.build import open_index
from baogao.index.query_words import query_words
from baogao.index.reports import CATEGORY_LABELS, PLACE_FIELDS, REPORT_KINDS
from baogao.index.schema import BLOCK_KINDS, REPORT_KIND
from baogao.index.snapshot import CATEGORY_BITS, FACET_FIELDS, SnapshotFiles, has_snapshot, load_snapshot, write_snapshot
from baogao.index.whoosh_ext import generation_segments, segments_searcher, term_postings

from .compare import DIMENSIONS, MAX_TREND_QUERIES, compare_table, year_trend
from .query import (And, Filter, Hint, Near, Node, Not, Or, QueryError, Term, make_filter, parse,
                    positive_terms)
from .request import SearchRequest
from .similar import similar_blocks
from .snippets import match_spans

TOP_PER_REPORT = 3  # a grouped answer's best hits per report
_nullable = {"type": "string", "nullable": True}
# The fields of one hit, as JSON schema: the engine builds hits with exactly these keys,
# and /api/openapi.json describes them from here.
HIT_FIELDS = {
    "report_id": {"type": "string", "description": "the report's id, as in /api/reports/{report_id}"},
    "source": {"type": "string", "description": "the file, relative to the directory that was built"},
    "title": {"type": "string", "description": "printed title, else one built from place and year"},
    **{name: {**_nullable, "description": f"{name} of the reporting body"} for name in PLACE_FIELDS},
    "year": {"type": "integer", "nullable": True, "description": "the year the report covers"},
    "categories": {"type": "array", "items": {"type": "string"},
                   "description": f"section categories: {', '.join(CATEGORY_LABELS)}"},
    "section_heading": {**_nullable, "description": "heading of the section holding the block"},
    "subsection": {**_nullable, "description": "title of the subsection holding the block"},
    "kind": {"type": "string", "enum": list(REPORT_KINDS), "description": "what the report is: "
             + ", ".join(f"{key} ({label})" for key, label in REPORT_KINDS.items())},
    "block": {"type": "string", "enum": list(BLOCK_KINDS),
              "description": "header (a line above the body), title, heading, paragraph, or closing (signature, date)"},
    "paragraph": {"type": "integer", "description": "the block's number n (#p<n> on the report page)"},
    "text": {"type": "string", "description": "the block as printed (for a block longer than the "
             "max_hit_text setting, the stretch of it around the first match)"},
    "text_start": {"type": "integer", "description": "where `text` starts in the block (0 unless cut)"},
    "text_length": {"type": "integer", "description": "the length of the whole block as printed"},
    "spans": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
              "description": "[start, end) offsets into text of every match"},
    "score": {"type": "number"},
}
# The fields a grouped answer's report entries share with their hits.
REPORT_FIELDS = ("report_id", "source", "title", *PLACE_FIELDS, "year", "kind")
_K1, _B = 1.2, 0.75
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_EMPTY = np.empty(0, dtype=np.int32)


class Snapshot:
    """One committed generation of the index: its memory-mapped columns and texts
    (index/snapshot.py), and Whoosh searchers of exactly that generation, lent to one
    query at a time (a Whoosh searcher is not safe to share between threads).

    A snapshot is immutable; everything a query computes lives in its `QueryRun`."""

    def __init__(self, ix, files: SnapshotFiles):
        self.ix = ix
        self.files = files
        self.generation = files.generation
        columns = files.columns
        self.is_block = columns["is_block"]
        self.weight = columns["weight"]
        self.lengths = columns["length"]
        self.categories = columns["categories"]
        self.report_rank = columns["report_rank"]
        self.block_number = columns["n"]
        self.year_number = columns["year_number"]
        self.facet_codes = {name: columns[name] for name in FACET_FIELDS}
        self.facet_values = {name: [None, *files.header["values"][name]] for name in FACET_FIELDS}
        self.block_count = files.header["blocks"]
        self.report_count = files.header["reports"]
        self.avg_length = files.header["avg_length"]
        self._starts, self._ends = columns["start"], columns["end"]
        self._idle: list = []
        self._lock = threading.Lock()
        self._closed = False
        self._blocks: np.ndarray | None = None
        self._titles: dict[str, str] | None = None
        # Read the generation's segment list once: a later commit deletes its table of
        # contents, and more searchers may be needed after that.
        self._segments = generation_segments(ix, self.generation)
        self.give_back(self._open_searcher())  # fails now, not mid-query, if the files are gone

    def _open_searcher(self):
        return segments_searcher(self.ix, self._segments, self.generation)

    @contextmanager
    def searcher(self):
        """A Whoosh searcher of this generation, for the caller alone until it exits."""
        searcher = self.borrow()
        try:
            yield searcher
        finally:
            self.give_back(searcher)

    def borrow(self):
        """An idle searcher of this generation, or a new one (FileNotFoundError when a
        later commit has merged this generation's segments away); see `give_back`."""
        with self._lock:
            searcher = self._idle.pop() if self._idle else None
        return searcher if searcher is not None else self._open_searcher()

    def give_back(self, searcher):
        """Return a borrowed searcher (closed if the snapshot was closed meanwhile)."""
        with self._lock:
            if not self._closed:
                self._idle.append(searcher)
                return
        searcher.close()

    def close(self):
        """Close the idle searchers; ones lent out close when they come back."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for searcher in idle:
            searcher.close()

    @property
    def blocks(self) -> np.ndarray:
        """Every live block's docnum, sorted (computed on first use: NOT and one-character
        queries need it)."""
        if self._blocks is None:
            self._blocks = np.flatnonzero(self.is_block).astype(np.int32)
        return self._blocks

    def report_titles(self) -> dict[str, str]:
        """{report id: normalised printed title}, read on the first title: filter."""
        if self._titles is None:
            self._titles = self.files.titles()
        return self._titles

    def containing(self, docs: np.ndarray, needle: str) -> np.ndarray:
        """For each of the sorted `docs`, whether its normalised text contains `needle`.

        The texts are searched where they lie in the mapped files (UTF-8 is
        self-synchronising, so a byte match of a whole needle is a character match)."""
        found = np.zeros(len(docs), dtype=bool)
        if not len(docs):
            return found
        data = needle.encode("utf-8")
        starts, ends = self._starts[docs].tolist(), self._ends[docs].tolist()
        bounds = np.searchsorted(docs, self.files.offsets).tolist() + [len(docs)]
        for segment, text in enumerate(self.files.texts):
            first, last = bounds[segment], bounds[segment + 1]
            if first < last:
                positions = map(text.find, repeat(data), starts[first:last], ends[first:last])
                found[first:last] = np.fromiter(positions, dtype=np.int64, count=last - first) >= 0
        return found

    def bigram_frequency(self, gram: str) -> int:
        """How many blocks (deleted ones included) hold the bigram `gram`."""
        return sum(postings.frequency(gram) for postings in self.files.bigrams)

    def bigram_docs(self, gram: str) -> np.ndarray:
        """The sorted live blocks holding the bigram `gram`."""
        found = [postings.documents(gram) + offset
                 for postings, offset in zip(self.files.bigrams, self.files.offsets.tolist(), strict=True)]
        docs = np.concatenate(found) if found else _EMPTY
        return docs[self.is_block[docs]]

    def text(self, docnum: int) -> str:
        """One block's normalised text."""
        segment = int(np.searchsorted(self.files.offsets, docnum, side="right")) - 1
        return self.files.texts[segment][int(self._starts[docnum]):int(self._ends[docnum])].decode("utf-8")

    def idf(self, doc_frequency: int) -> float:
        n = max(self.block_count, 1)
        return math.log(1 + (n - doc_frequency + 0.5) / (doc_frequency + 0.5))

    def facets(self, hits: np.ndarray, limit: int) -> dict:
        """Counts per year, place and section over all hits, most frequent first (at most
        `limit` values per field; a block in a two-category section counts in both)."""
        out = {}
        for name, values in self.facet_values.items():
            counts = np.bincount(self.facet_codes[name][hits], minlength=len(values))
            counts[0] = 0  # blocks without a value
            present = np.flatnonzero(counts)
            # Most frequent first, ties in value order (codes are in value order); only
            # the first `limit` values.
            order = present[np.lexsort((present, -counts[present]))][:limit]
            out[name] = {values[i]: int(counts[i]) for i in order.tolist()}
        bits = self.categories[hits]
        section = {name: n for name, bit in CATEGORY_BITS.items() if (n := int(np.count_nonzero(bits & bit)))}
        out["section"] = dict(sorted(section.items(), key=lambda kv: (-kv[1], kv[0])))
        return out


class QueryRun:
    """One query's evaluation against one snapshot: the searcher lent to it and what it
    has computed (exact matches and word postings are reused within the query only)."""

    def __init__(self, snap: Snapshot, searcher, split: Callable[[str], list[str]] | None = None):
        self.snap = snap
        self.split = split or words  # jieba words of a query text
        self.searcher = searcher
        self.reader = searcher.reader()
        self.memo: dict[str, np.ndarray] = {}
        self.word_memo: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def term_docs(self, field: str, values) -> np.ndarray:
        """Sorted live block docnums whose `field` holds any of `values`."""
        found = _EMPTY
        for value in values:
            docs = term_postings(self.reader, field, value)[0]
            found = _union(found, docs)
        return found[self.snap.is_block[found]] if len(found) else _EMPTY

    # ------------------------------------------------------------ matching

    def exact(self, needle: str) -> np.ndarray:
        """Sorted blocks whose normalised text contains `needle`."""
        found = self.memo.get(needle)
        if found is not None:
            return found
        grams = query_grams(needle)
        if not grams:  # one character, or characters split by punctuation: check every block
            candidates = self.snap.blocks
        else:  # every block containing the needle contains each of its bigrams
            rarest = min(grams, key=self.snap.bigram_frequency)
            candidates = self.snap.bigram_docs(rarest)
        if grams != [needle]:  # a needle that is its own single bigram needs no check
            # Blocks holding the needle as a jieba token contain it (tokens are substrings of
            # the normalised text); only the other candidates need their text checked.
            sure = self.word_postings(needle)[0]
            unsure = candidates[~_member(candidates, sure)]
            holds = self.snap.containing(unsure, needle)
            candidates = _union(sure[self.snap.is_block[sure]], unsure[holds])
        self.memo[needle] = candidates
        return candidates

    def word_postings(self, word: str) -> tuple[np.ndarray, np.ndarray]:
        """(docnums, frequencies) of a jieba word in the word field, read once per query."""
        found = self.word_memo.get(word)
        if found is None:
            found = self.word_memo[word] = term_postings(self.reader, "text", word)
        return found

    def term_matches(self, term: Term) -> np.ndarray:
        """A quoted phrase: exact. An unquoted term: exact, or all of its words."""
        found = self.exact(term.norm)
        pieces = term_words(term, self.split)
        if term.quoted or len(pieces) < 2:
            return found
        scattered = self.exact(pieces[0])
        for piece in pieces[1:]:
            scattered = np.intersect1d(scattered, self.exact(piece), assume_unique=True)
        return _union(found, scattered)

    def near(self, node: Near) -> np.ndarray:
        left, right = node.left.norm, node.right.norm
        both = np.intersect1d(self.exact(left), self.exact(right), assume_unique=True)
        kept = [d for d in both.tolist()
                if any(left in s and right in s for s in _SENTENCE_END.split(self.snap.text(d)))]
        return np.array(kept, dtype=np.int32)

    def filter_docs(self, node: Filter) -> np.ndarray:
        if node.field == "year":
            first, last = node.value
            return self.term_docs("year", [y for y in self.snap.facet_values["year"][1:] if first <= int(y) <= last])
        if node.field == "section":
            return self.term_docs("categories", [node.value])
        if node.field == "kind":
            return self.term_docs("report_kind", [node.value])
        if node.field == "title":
            wanted = normalise(node.value)
            return self.term_docs("report_id", [rid for rid, title in self.snap.report_titles().items()
                                                if wanted in title])
        return self.term_docs(node.field, [v for v in self.snap.facet_values[node.field][1:] if v.startswith(node.value)])

    def evaluate(self, node: Node) -> np.ndarray:
        """The sorted block docnums matching a query tree."""
        if isinstance(node, Term):
            return self.term_matches(node)
        if isinstance(node, Near):
            return self.near(node)
        if isinstance(node, Filter):
            return self.filter_docs(node)
        if isinstance(node, Not):
            return _difference(self.snap.blocks, self.evaluate(node.item))
        if isinstance(node, Or):
            result = _EMPTY
            for item in node.items:
                result = _union(result, self.evaluate(item))
            return result
        if isinstance(node, And):
            positives = sorted((i for i in node.items if not isinstance(i, Not)), key=_cost)
            negatives = [i.item for i in node.items if isinstance(i, Not)]
            result = self.snap.blocks if not positives else None
            for item in positives:
                found = self.evaluate(item)
                result = found if result is None else np.intersect1d(result, found, assume_unique=True)
                if not len(result):
                    return _EMPTY
            for item in negatives:
                result = _difference(result, self.evaluate(item))
            return result
        raise TypeError(f"unknown query node {node!r}")

    # ------------------------------------------------------------ ranking and facets

    def scores(self, hits: np.ndarray, terms: list[Term]) -> tuple[np.ndarray, np.ndarray]:
        """(terms held exactly, BM25F score) for each hit.

        Hits sort on the pair: a block holding more of the terms exactly as typed comes
        before one holding only their scattered words; then BM25F on the terms' jieba words
        decides, with block length in characters and titles and headings weighted up.
        """
        tiers = np.zeros(len(hits), dtype=np.int32)
        for term in terms:
            tiers += _member(hits, self.exact(term.norm))
        query_words = list(dict.fromkeys(w for term in terms for w in self.split(term.norm)))
        return tiers, self.bm25(hits, query_words)

    def bm25(self, hits: np.ndarray, query_words: list[str]) -> np.ndarray:
        """BM25F of each hit for the given jieba words: term frequencies from the word
        field, block length in characters, titles and headings weighted up."""
        total = np.zeros(len(hits), dtype=np.float32)
        length_norm = _K1 * (1 - _B + _B * self.snap.lengths[hits] / self.snap.avg_length)
        for word in query_words:
            ids, frequencies = self.word_postings(word)
            tf = _aligned(hits, ids, frequencies)
            live = int(np.count_nonzero(self.snap.is_block[ids])) if len(ids) else 0  # postings keep deleted docs
            total += self.snap.idf(live) * tf * (_K1 + 1) / (tf + length_norm)
        return total * self.snap.weight[hits]

    def order(self, hits: np.ndarray, terms: list[Term], sort: str, stop: int | None):
        """The first `stop` hits (all when None) in rank order, with their scores."""
        tiers, scores = self.scores(hits, terms)
        # Ties go by report, then reading order (the block number: how a build happened to
        # split reports among segments must not change an answer), then docnum.
        keys = [hits, self.snap.block_number[hits], self.snap.report_rank[hits], -scores, -tiers]
        if sort == "newest":
            keys.append(-self.snap.year_number[hits])
        elif sort == "oldest":  # reports of unknown year last
            years = self.snap.year_number[hits]
            keys.append(np.where(years == 0, np.iinfo(np.int32).max, years))
        if stop is not None and stop < len(hits) and sort == "relevance":
            # Only the top `stop` need a full sort; keep every hit tied with the last one.
            combined = tiers.astype(np.float64) * (float(scores.max()) + 1.0) + scores
            threshold = np.partition(-combined, stop - 1)[stop - 1]
            keep = np.flatnonzero(-combined <= threshold)
            keys = [k[keep] for k in keys]
            hits, tiers, scores = hits[keep], tiers[keep], scores[keep]
        ranked = np.lexsort(keys)[:stop]
        return hits[ranked], tiers[ranked], scores[ranked]


def _union(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Union of two sorted arrays of distinct docnums, sorted (np.union1d's hashing unique
    is far slower on large arrays)."""
    if not len(a) or not len(b):
        return a if len(a) else b
    merged = np.sort(np.concatenate((a, b)))
    return merged[np.concatenate(([True], merged[1:] != merged[:-1]))]


def _difference(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The docnums of sorted array `a` that are not in sorted array `b`."""
    return a[~_member(a, b)]


def _member(docs: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """For each of `docs`, whether it is in the array `sorted_set`."""
    if not len(sorted_set) or not len(docs):
        return np.zeros(len(docs), dtype=bool)
    # A dense mask over document numbers: linear, and faster than searchsorted even for
    # hundreds of thousands of documents.
    mask = np.zeros(max(int(docs.max()), int(sorted_set.max())) + 1, dtype=bool)
    mask[sorted_set] = True
    return mask[docs]


def _aligned(docs: np.ndarray, ids: np.ndarray, values: np.ndarray) -> np.ndarray:
    """values[i] where ids[i] == doc, for each of `docs` (0 where a doc has no posting)."""
    if not len(ids) or not len(docs):
        return np.zeros(len(docs), dtype=np.float32)
    dense = np.zeros(max(int(docs.max()), int(ids.max())) + 1, dtype=np.float32)
    dense[ids] = values
    return dense[docs]


def term_words(term: Term, split: Callable[[str], list[str]] = words) -> list[str]:
    """The distinct jieba words of an unquoted term (scattered matching and ranking)."""
    return [] if term.quoted else list(dict.fromkeys(split(term.norm)))


def _cost(node: Node) -> int:
    """Evaluate cheap, selective parts of an AND first."""
    return 0 if isinstance(node, Filter) else 1 if isinstance(node, (Term, Near)) else 2


class Engine:
    """Searches one index directory; moves to a new snapshot when a build commits.

    Queries run concurrently: a query takes the current snapshot (a reference read) and
    computes everything in its own `QueryRun`. When a newer generation's snapshot is on
    disk, the first query to notice opens it (mapping files: O(1)) and swaps it in while
    queries already running finish on the old one; no lock is held across a query.
    """

    def __init__(self, index_dir: Path | str, facet_limit: int | None = None):
        self.index_dir = Path(index_dir)
        self.ix = open_index(self.index_dir)
        self.facet_limit = facet_limit or settings.get("facet_limit")
        self.max_hit_text = settings.get("max_hit_text")
        self._snapshot: Snapshot | None = None
        self._swap = threading.Lock()  # one thread opens the next snapshot; the rest go on
        self._checked = None  # the directory's mtime when the snapshot was last found current
        # Query words from the index's copy of the dictionary (no 0.3-1 s dictionary load).
        self.split = partial(query_words, directory=self.index_dir)
        self.snapshot()

    def snapshot(self) -> Snapshot:
        """The snapshot of the latest committed generation whose snapshot files are on
        disk (the first call writes them when an index has none, as after an upgrade)."""
        current = self._snapshot
        if current is not None:
            # A commit renames files into the directory, which changes its mtime: one stat
            # per query instead of listing the directory.
            changed = os.stat(self.index_dir).st_mtime_ns
            if changed == self._checked:
                return current
            latest = self.ix.latest_generation()
            if latest == current.generation:
                self._checked = changed
                return current
            if not has_snapshot(self.index_dir, latest):
                return current  # the build is still writing it: look again next time
            if not self._swap.acquire(blocking=False):
                return current  # another thread is opening it
        else:
            self._swap.acquire()
        try:
            if self._snapshot is current:
                self._snapshot = self._open_latest()
                if current is not None:
                    current.close()
            return self._snapshot
        finally:
            self._swap.release()

    def _open_latest(self) -> Snapshot:
        """Open the latest generation; a build may commit and remove it meanwhile, so try
        again with the newer one."""
        for attempt in range(10):
            generation = self.ix.latest_generation()
            try:
                if not has_snapshot(self.index_dir, generation):
                    write_snapshot(self.index_dir, self.ix.storage, self.ix.indexname, self.ix.schema)
                return Snapshot(self.ix, load_snapshot(self.index_dir, generation))
            except FileNotFoundError:
                if attempt == 9:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        """Release the index's files."""
        with self._swap:
            if self._snapshot is not None:
                self._snapshot.close()
                self._snapshot = None

    @contextmanager
    def _query(self):
        """A QueryRun on the current snapshot, with a searcher of its own."""
        snap = self.snapshot()
        try:
            searcher = snap.borrow()
        except FileNotFoundError:
            # A commit merged this generation's segments away before a searcher was free:
            # move to the latest generation, which every query will use next anyway.
            snap = self._replace(snap)
            searcher = snap.borrow()
        try:
            yield QueryRun(snap, searcher, self.split)
        finally:
            snap.give_back(searcher)

    def _replace(self, stale: Snapshot) -> Snapshot:
        """The latest snapshot, opened now if `stale` is still the current one."""
        with self._swap:
            if self._snapshot is stale:
                self._snapshot = self._open_latest()
                stale.close()
            return self._snapshot

    def search(self, request: SearchRequest) -> dict:
        """Answer a search as plain data, the object `baogao search --json` and
        /api/search print: {"query", "filters", "sort", "group", "page", "per_page",
        "total" (blocks), "reports_total", "offset", "facets", "hints"} and either "hits"
        (group=paragraph; each hit has the keys of HIT_FIELDS) or "reports" (group=report;
        each with its number of hits and its best three).

        Facets are disjunctive: a filtered field's counts are those of the answer without
        that field's own filter, so its other values stay visible and countable.
        Raises QueryError for a malformed query or filter.
        """
        node, filters, hints = _query_parts(request.query, request.filters)
        with self._query() as run:
            snap = run.snap
            resolved, place_hints = resolve_places(_conjunction(node, filters.values()), snap.facet_values)
            hits = run.evaluate(resolved)
            terms = positive_terms(resolved)
            facets = snap.facets(hits, self.facet_limit)
            for name in filters:
                others = _conjunction(node, [f for key, f in filters.items() if key != name])
                unfiltered = run.evaluate(resolve_places(others, snap.facet_values)[0]) if others else snap.blocks
                facets[name] = snap.facets(unfiltered, self.facet_limit)[name]
            answer = {
                "query": request.query,
                "filters": {name: [_filter_text(f) for f in _leaves(node_)] for name, node_ in filters.items()},
                "sort": request.sort,
                "group": request.group,
                "page": request.page,
                "per_page": request.per_page,
                "total": int(len(hits)),
                "reports_total": int(len(np.unique(snap.report_rank[hits]))),
                "offset": request.offset,
                "facets": facets,
                "hints": [h.as_dict() for h in (*hints, *place_hints)],
            }
            needles = highlight_needles(terms, run.split)
            if request.group == "report":
                answer["reports"] = self._reports_page(run, hits, terms, request, needles)
            else:
                stop = None if request.per_page is None else request.offset + request.per_page
                docs, _, scores = run.order(hits, terms, request.sort, stop)
                answer["hits"] = [self._hit(run.searcher, int(d), float(s), needles) for d, s in
                                  zip(docs[request.offset:].tolist(), scores[request.offset:].tolist(), strict=True)]
            return answer

    def _reports_page(self, run: QueryRun, hits: np.ndarray, terms: list[Term], request: SearchRequest,
                      needles: list[str]) -> list[dict]:
        """The page of reports, in the order of each report's best hit: the report's
        fields, its number of hits and its best TOP_PER_REPORT hits."""
        docs, _, scores = run.order(hits, terms, request.sort, None)
        reports = run.snap.report_rank[docs]
        _, first = np.unique(reports, return_index=True)
        in_order = reports[np.sort(first)]
        stop = None if request.per_page is None else request.offset + request.per_page
        page = []
        for report in in_order[request.offset:stop].tolist():
            mine = np.flatnonzero(reports == report)
            top = [self._hit(run.searcher, int(docs[i]), float(scores[i]), needles) for i in mine[:TOP_PER_REPORT]]
            categories = dict.fromkeys(c for i in mine.tolist()
                                       for c in _category_names(int(run.snap.categories[docs[i]])))
            page.append({
                **{name: top[0][name] for name in REPORT_FIELDS},
                "categories": list(categories),
                "hits": int(len(mine)),
                "top": top,
            })
        return page

    def _hit(self, searcher, docnum: int, score: float, needles: list[str]) -> dict:
        fields = searcher.stored_fields(docnum)
        whole = fields.get("text", "")
        spans = match_spans(whole, needles)
        text, start, spans = _cut(whole, spans, self.max_hit_text)
        return {
            "report_id": fields["report_id"],
            "source": fields.get("source", ""),
            "title": fields.get("title", ""),
            **{name: fields.get(name) or None for name in PLACE_FIELDS},
            "year": int(fields["year"]) if fields.get("year") else None,
            "categories": [c for c in fields.get("categories", "").split(",") if c],
            "section_heading": fields.get("section_heading") or None,
            "subsection": fields.get("subsection") or None,
            "kind": fields.get("report_kind") or "other",
            "block": fields.get("kind"),
            "paragraph": fields.get("n"),
            "text": text,
            "text_start": start,
            "text_length": len(whole),
            "spans": [list(span) for span in spans],
            "score": round(score, 4),
        }

    def report(self, report_id: str, query: str = "") -> dict | None:
        """The parsed report (as `baogao parse --json` prints it) plus its id, or None.

        With a query, "hits" lists the numbers of the blocks that match it, in reading
        order, and "spans" maps each of those numbers to its matched spans: the search's own
        matching, restricted to this report. Raises QueryError for a malformed query.
        """
        tree = _query_tree(query, {}) if query.strip() else None
        with self._query() as run:
            fields = run.searcher.document(report_id=report_id, kind=REPORT_KIND)
            if not fields:
                return None
            data = json.loads(fields["report"])
            data["id"] = report_id
            if tree is None:
                return data
            tree = resolve_places(tree, run.snap.facet_values)[0]
            own = run.term_docs("report_id", [report_id])
            matched = np.intersect1d(run.evaluate(tree), own, assume_unique=True)
            needles = highlight_needles(positive_terms(tree), run.split)
            spans = {}
            for docnum in matched.tolist():
                block = run.searcher.stored_fields(docnum)
                spans[block["n"]] = [list(span) for span in match_spans(block.get("text", ""), needles)]
        data["hits"] = sorted(spans)
        data["spans"] = {str(n): spans[n] for n in data["hits"]}
        return data

    def compare(self, query: str, rows: str, cols: str, filters: dict | None = None) -> dict:
        """How many reports (and blocks) match, by `rows` × `cols` (two of DIMENSIONS),
        with each cell's population of reports whatever the query, row and column totals:
        {"query", "filters", "rows", "cols", "cells": [{"row", "col", "reports",
        "paragraphs", "population", "share"}], "row_totals", "col_totals", "total"}."""
        for dim in (rows, cols):
            if dim not in DIMENSIONS:
                raise QueryError(f"cannot compare by {dim!r}: use two of {', '.join(DIMENSIONS)}",
                                 f"不能按“{dim}”比较，可选：{'、'.join(DIMENSIONS)}")
        if rows == cols:
            raise QueryError("rows and cols must differ", "行和列不能是同一个字段")
        with self._query() as run:
            hits, _ = self._matching(run, query, filters or {})
            table = compare_table(run.snap, hits, rows, cols)
        return {"query": query, "filters": {k: list(v) for k, v in (filters or {}).items()}, **table}

    def trend(self, queries: list[str], filters: dict | None = None) -> dict:
        """For each query (at most MAX_TREND_QUERIES), the reports that match per year and
        their share of that year's reports: {"filters", "series": [{"query", "points":
        [{"year", "reports", "population", "share"}]}]}."""
        queries = [q for q in queries if q and q.strip()]
        if not 1 <= len(queries) <= MAX_TREND_QUERIES:
            raise QueryError(f"a trend takes 1 to {MAX_TREND_QUERIES} queries",
                             f"趋势图可比较 1 到 {MAX_TREND_QUERIES} 个查询")
        series = []
        with self._query() as run:
            for query in queries:
                run.memo.clear()
                hits, _ = self._matching(run, query, filters or {})
                series.append({"query": query, "points": year_trend(run.snap, hits)})
        return {"filters": {k: list(v) for k, v in (filters or {}).items()}, "series": series}

    def similar(self, report_id: str, n: int, limit: int = 5) -> dict | None:
        """The blocks of other reports most like block `n` of a report (None when there is
        no such block): {"report_id", "paragraph", "text", "words", "similar": [hits]}."""
        with self._query() as run:
            docnum = next((d for d in run.term_docs("report_id", [report_id]).tolist()
                           if run.searcher.stored_fields(d).get("n") == n), None)
            if docnum is None:
                return None
            chosen, found = similar_blocks(run, docnum, limit)
            return {"report_id": report_id, "paragraph": n,
                    "text": run.searcher.stored_fields(docnum).get("text", ""), "words": chosen,
                    "similar": [self._hit(run.searcher, d, score, chosen) for d, score in found]}

    def export_hits(self, request: SearchRequest, limit: int) -> tuple[int, Iterator[dict]]:
        """(the number of hits, an iterator over all of them in rank order), for exports.

        Raises QueryError when there are more than `limit` hits. The iterator keeps the
        snapshot and a searcher of its own until it is exhausted or closed, so a build that
        commits meanwhile changes nothing in the export.
        """
        with self._query() as run:
            hits, terms = self._matching(run, request.query, request.filters)
            if len(hits) > limit:
                raise QueryError(f"{len(hits)} hits are more than an export may hold ({limit}): "
                                 "narrow the search with filters",
                                 f"共 {len(hits)} 条结果，超过导出上限 {limit} 条：请加筛选条件缩小范围")
            docs, _, scores = run.order(hits, terms, request.sort, None)
            needles = highlight_needles(terms, run.split)

        def rows() -> Iterator[dict]:
            with self._query() as reader:
                if reader.snap is not run.snap:
                    raise QueryError("the index changed during the export: export again",
                                     "导出期间索引已更新，请重新导出")
                for d, score in zip(docs.tolist(), scores.tolist(), strict=True):
                    yield self._hit(reader.searcher, d, score, needles)

        return int(len(hits)), rows()

    def _matching(self, run: QueryRun, query: str, filters: dict) -> tuple[np.ndarray, list[Term]]:
        """The blocks a query and filters match, and the positive terms."""
        node, nodes, _ = _query_parts(query, filters)
        tree = resolve_places(_conjunction(node, nodes.values()), run.snap.facet_values)[0]
        return run.evaluate(tree), positive_terms(tree)

    def overview(self) -> dict:
        """The corpus at a glance, for browsing without a query: {"reports", "blocks",
        "years": {year: reports}, "kinds": {kind: reports}, "places": [place tree]}, where
        each place is {"field", "name", "reports", "children"} (province, then city, county
        and town; a level a report lacks is skipped)."""
        snap = self.snapshot()
        blocks = snap.blocks
        _, first = np.unique(snap.report_rank[blocks], return_index=True)
        firsts = blocks[first]
        rows = [{name: snap.facet_values[name][code] for name, code in zip(
                 FACET_FIELDS, (int(snap.facet_codes[name][d]) for name in FACET_FIELDS), strict=True)}
                for d in firsts.tolist()]
        tree: dict = {}
        for row in rows:
            level = tree
            for field in PLACE_FIELDS:
                if row[field]:
                    node = level.setdefault((field, row[field]), {"reports": 0, "children": {}})
                    node["reports"] += 1
                    level = node["children"]

        def listed(level: dict) -> list[dict]:
            return [{"field": field, "name": name, "reports": node["reports"], "children": listed(node["children"])}
                    for (field, name), node in sorted(level.items(), key=lambda kv: kv[0][1])]

        return {
            "reports": len(rows), "blocks": int(len(blocks)),
            "years": dict(sorted(Counter(r["year"] for r in rows if r["year"]).items(), reverse=True)),
            "kinds": dict(Counter(r["kind"] for r in rows if r["kind"]).most_common()),
            "places": listed(tree),
        }

    def source_file(self, report_id: str) -> Path | None:
        """The file a report was read from, when it still exists (for downloads only:
        answers never show server paths)."""
        with self._query() as run:
            fields = run.searcher.document(report_id=report_id, kind=REPORT_KIND)
        path = Path(fields["path"]) if fields and fields.get("path") else None
        return path if path is not None and path.is_file() else None

    def stats(self) -> dict:
        """Counts of reports and searchable blocks."""
        snap = self.snapshot()
        return {"reports": snap.report_count, "blocks": snap.block_count}


def _cut(text: str, spans: list, limit: int) -> tuple[str, int, list]:
    """(text, where it starts, spans in it): a block longer than `limit` characters is cut
    to `limit` characters starting a little before its first match, so one huge paragraph
    never makes a huge answer."""
    if len(text) <= limit:
        return text, 0, spans
    start = max(0, min(spans[0][0] - limit // 10 if spans else 0, len(text) - limit))
    end = start + limit
    return text[start:end], start, [(max(s, start) - start, min(e, end) - start) for s, e in spans if e > start and s < end]


def _query_parts(query: str, filters: dict[str, tuple[str, ...]]) -> tuple[Node | None, dict[str, Node], tuple[Hint, ...]]:
    """The query string's tree, each filtered field's node (its values ORed), and the
    parse's hints."""
    parsed = parse(query) if query and query.strip() else None
    nodes = {}
    for name, values in filters.items():
        leaves = tuple(make_filter(name, str(v)) for v in values if str(v).strip())
        if leaves:
            nodes[name] = leaves[0] if len(leaves) == 1 else Or(leaves)
    if parsed is None and not nodes:
        raise QueryError("the query is empty: type a word or a \"quoted phrase\"",
                         "查询为空：请输入关键词，或用引号括起的短语")
    return (parsed.node if parsed else None), nodes, (parsed.hints if parsed else ())


def _query_tree(query: str, filters: dict[str, tuple[str, ...]]) -> Node:
    """The query string and the filters as one tree."""
    node, nodes, _ = _query_parts(query, filters)
    return _conjunction(node, nodes.values())


def _conjunction(node: Node | None, filters) -> Node | None:
    """`node` AND every filter (None when there is nothing)."""
    items = ([node] if node is not None else []) + list(filters)
    return None if not items else items[0] if len(items) == 1 else And(tuple(items))


def _leaves(node: Node) -> list[Filter]:
    """The filters of one field's node (a Filter, or an Or of them)."""
    return list(node.items) if isinstance(node, Or) else [node]


def _category_names(bits: int) -> list[str]:
    return [name for name, bit in CATEGORY_BITS.items() if bits & bit]


PLACE_LABELS = {"province": "省级", "city": "市级", "county": "县级", "town": "乡镇级"}


def resolve_places(node: Node, values: dict[str, list]) -> tuple[Node, list[Hint]]:
    """Place filters whose value names no place at their level, but does at one other
    level (city:重庆, where 重庆市 is province-level), are moved to that level; one that
    names no place at all gets a hint instead of a silent empty answer."""
    hints: list[Hint] = []

    def visit(item: Node) -> Node:
        if isinstance(item, (And, Or)):
            return type(item)(tuple(visit(i) for i in item.items))
        if isinstance(item, Not):
            return Not(visit(item.item))
        if not (isinstance(item, Filter) and item.field in PLACE_FIELDS):
            return item
        if any(v and v.startswith(item.value) for v in values[item.field]):
            return item
        elsewhere = {f: [v for v in values[f] if v and v.startswith(item.value)] for f in PLACE_FIELDS}
        levels = [f for f, names in elsewhere.items() if names]
        if len(levels) == 1:
            other, names = levels[0], "、".join(elsewhere[levels[0]][:3])
            hints.append(Hint(f"{names} is a {other}-level place: showing {other}:{item.value} "
                              f"instead of {item.field}:{item.value}",
                              f"{names} 是{PLACE_LABELS[other]}地区：已按 {other}:{item.value} 显示"))
            return Filter(other, item.value)
        hints.append(Hint(f"no report's {item.field} starts with {item.value!r}",
                          f"没有报告的{PLACE_LABELS[item.field]}地区以“{item.value}”开头"))
        return item

    return visit(node), hints


def highlight_needles(terms: list[Term], split: Callable[[str], list[str]] = words) -> list[str]:
    """Normalised strings to mark in snippets: each term, and an unquoted term's words."""
    needles = []
    for term in terms:
        needles.append(term.norm)
        needles.extend(term_words(term, split))
    return [n for n in dict.fromkeys(needles) if n]


def _filter_text(f: Filter) -> str:
    if f.field == "year":
        first, last = f.value
        return str(first) if first == last else f"{first}-{last}"
    return str(f.value)
