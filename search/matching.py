"""Matching and ranking inside one index: its snapshot, and one query's run over it.

A quoted phrase: the posting list of its rarest character bigram gives candidate blocks,
and each candidate's normalised text (memory-mapped from the snapshot files the build
writes, index/snapshot.py) is checked, so the hits are exactly what a substring scan finds
(a phrase that is one bigram needs no check; a phrase without a bigram, such as one
character, checks every block). An unquoted term matches blocks that contain it, or
contain every jieba word of it. Filters are Whoosh term queries; AND / OR / NOT are
operations on sorted docnum arrays. Ranking is BM25F on the query's jieba words with the
corpus statistics of `CorpusStats` (with shards: of all shards, gathered before scoring).
"""
from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat

import numpy as np

from baogao.index.analysis import normalise, query_grams, words
from baogao.index.bigrams import run_documents
from baogao.index.snapshot import CATEGORY_BITS, FACET_FIELDS, SnapshotFiles
from baogao.index.whoosh_ext import generation_segments, live_frequency, segments_searcher, term_postings

from .query import And, Filter, Near, Node, Not, Or, Term

_K1, _B = 1.2, 0.75
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_EMPTY = np.empty(0, dtype=np.int32)
# Rough costs on this machine (a 10,000-report index): decoding a bigram's postings, per
# block holding it, and checking a candidate's text for a phrase, per character.
_DECODE_NS_PER_BLOCK = 25
_CHECK_NS_PER_CHARACTER = 3
# For each section-category bit, the category bytes (0-255) that have it set.
_HOLDING = {bit: np.flatnonzero(np.arange(256) & bit) for bit in CATEGORY_BITS.values()}


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
        self.facet_values = {name: [None, *files.header["values"][name]] for name in FACET_FIELDS}
        self.block_count = files.header["blocks"]
        self.report_count = files.header["reports"]
        # Older snapshots lack the exact total; lengths are whole characters.
        self.total_length = files.header.get("total_length", round(files.header["avg_length"] * self.block_count))
        self._starts, self._ends = columns["start"], columns["end"]
        self._idle: list = []
        self._lock = threading.Lock()
        self._closed = False
        self._blocks: np.ndarray | None = None
        # facet field -> code of each report rank (snapshots written before per_report
        # hold a code per block, turned into these on first use)
        self._report_codes: dict[str, np.ndarray] = (
            {name: columns[name] for name in FACET_FIELDS} if "per_report" in files.header else {})
        self._year_numbers: np.ndarray | None = None
        self._rank_limit: int | None = len(columns["year"]) if self._report_codes else None
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

    def reports_among(self, hits: np.ndarray) -> np.ndarray:
        """How many of `hits` each report rank holds (index: rank)."""
        return np.bincount(self.report_rank[hits], minlength=self.report_rank_limit)

    @property
    def report_rank_limit(self) -> int:
        """One more than the largest report rank (computed on first use)."""
        if self._rank_limit is None:
            self._rank_limit = int(self.report_rank.max(initial=0)) + 1
        return self._rank_limit

    def report_codes(self, name: str) -> np.ndarray:
        """The code of facet field `name` (a code of `facet_values[name]`) of each report
        rank: every block of a report has its report's place, year and kind."""
        codes = self._report_codes.get(name)
        if codes is None:
            codes = np.zeros(self.report_rank_limit, dtype=np.int32)
            blocks = self.blocks
            codes[self.report_rank[blocks]] = self.files.columns[name][blocks]
            self._report_codes[name] = codes
        return codes

    def codes(self, name: str, docs) -> np.ndarray:
        """The code of facet field `name` of each of the blocks `docs` (an array, or one docnum)."""
        return self.report_codes(name)[self.report_rank[docs]]

    def years(self, docs: np.ndarray) -> np.ndarray:
        """The year of each of the blocks `docs` as a number (0: unknown)."""
        if self._year_numbers is None:
            table = np.array([0, *(int(y) for y in self.facet_values["year"][1:])], dtype=np.int32)
            self._year_numbers = table[self.report_codes("year")]
        return self._year_numbers[self.report_rank[docs]]

    def report_titles(self) -> dict[str, str]:
        """{report id: normalised printed title}, read on the first title: filter."""
        if self._titles is None:
            self._titles = self.files.titles()
        return self._titles

    def containing(self, docs: np.ndarray, needle: str) -> np.ndarray:
        """For each of the sorted `docs`, whether its normalised text contains `needle`.

        The texts are searched where they lie in the mapped files. In UTF-8 (older
        segments) a byte match of a whole needle is a character match; in UTF-16 a match
        must also start on a character, at an even distance from the text's start."""
        found = np.zeros(len(docs), dtype=bool)
        if not len(docs):
            return found
        starts, ends = self._starts[docs].tolist(), self._ends[docs].tolist()
        bounds = np.searchsorted(docs, self.files.offsets).tolist() + [len(docs)]
        for segment, text in enumerate(self.files.texts):
            first, last = bounds[segment], bounds[segment + 1]
            if first >= last:
                continue
            data = needle.encode(self.files.encodings[segment])
            positions = np.fromiter(map(text.find, repeat(data), starts[first:last], ends[first:last]),
                                    dtype=np.int64, count=last - first)
            if self.files.encodings[segment] != "utf-8":
                starts_here = np.asarray(starts[first:last], dtype=np.int64)
                for i in np.flatnonzero((positions >= 0) & ((positions - starts_here) % 2 == 1)).tolist():
                    positions[i] = _aligned_find(text, data, int(positions[i]) + 1, starts[first + i],
                                                 ends[first + i])
            found[first:last] = positions >= 0
        return found

    def bigram_lookup(self, grams: list[str]) -> BigramLookup:
        """Where each of the bigrams `grams` is in each segment, and how many blocks
        (deleted ones included) hold it."""
        positions = [postings.positions(grams) for postings in self.files.bigrams]
        frequencies = np.zeros(len(grams), dtype=np.int64)
        for postings, found in zip(self.files.bigrams, positions, strict=True):
            frequencies += postings.counts(found)
        return BigramLookup(grams, frequencies, positions)

    def bigram_docs(self, gram: str, lookup: BigramLookup | None = None) -> np.ndarray:
        """The sorted live blocks holding the bigram `gram` (looked up in `lookup` when given)."""
        lookup = lookup or self.bigram_lookup([gram])
        places = lookup.positions_of(gram)
        offsets = self.files.offsets.tolist()
        found = [(postings, offset, at) for postings, offset, at in zip(self.files.bigrams, offsets, places, strict=True)
                 if at >= 0]
        runs = [postings.run(at) for postings, _, at in found]
        if not found:
            docs = _EMPTY
        elif all(run is not None for run in runs):
            docs = run_documents([(first + offset, count, gaps)
                                  for (_, offset, _), (first, count, gaps) in zip(found, runs, strict=True)])
        else:  # a segment written before the gaps were LEB128 numbers
            docs = np.concatenate([postings.documents_at(at) + offset for postings, offset, at in found])
        return docs[self.is_block[docs]]

    def text(self, docnum: int) -> str:
        """One block's normalised text."""
        segment = int(np.searchsorted(self.files.offsets, docnum, side="right")) - 1
        data = self.files.texts[segment][int(self._starts[docnum]):int(self._ends[docnum])]
        return data.decode(self.files.encodings[segment])

    def stats(self) -> CorpusStats:
        """This snapshot's own corpus statistics (word frequencies are read on demand)."""
        return CorpusStats(self.block_count, self.total_length)

    def facets(self, hits: np.ndarray, names=None, limit: int | None = None,
               per_report: np.ndarray | None = None) -> dict[str, dict[str, int]]:
        """Counts per value of each facet field (`names`, default all) and per section
        category over all hits, in value order (a block in a two-category section counts in
        both); `top_values` orders and cuts them. With `limit`, a field keeps only the
        values `top_values` would keep (the answer of a single index: with shards, every
        count is needed to sum them exactly). `per_report`: `reports_among(hits)`, when the
        caller has it."""
        out = {}
        for name in names or (*self.facet_values, "section"):
            if name == "section":
                combinations = np.bincount(self.categories[hits], minlength=256)
                out[name] = {label: n for label, bit in CATEGORY_BITS.items()
                             if (n := int(combinations[_HOLDING[bit]].sum()))}
                continue
            values = self.facet_values[name]
            if per_report is None:
                per_report = self.reports_among(hits)
            # Counted per report, then by the report's value: a pass over the reports
            # instead of over every hit for each field.
            counts = np.bincount(self.report_codes(name), weights=per_report,
                                 minlength=len(values)).astype(np.int64)
            counts[0] = 0  # blocks without a value
            present = np.flatnonzero(counts)
            if limit is not None and len(present) > limit:
                present = _most_frequent(present, counts[present], limit)
            out[name] = dict(zip([values[i] for i in present.tolist()], counts[present].tolist()))
        return out


def _most_frequent(codes: np.ndarray, counts: np.ndarray, limit: int) -> np.ndarray:
    """The `limit` codes (sorted, as `codes` are: codes follow the sorted values) with the
    highest counts, ties in value order, as `top_values` keeps them; a partition, where
    sorting every value of a field such as town (thousands) cost a millisecond a query."""
    threshold = np.partition(counts, len(counts) - limit)[len(counts) - limit]
    above = codes[counts > threshold]
    tied = codes[counts == threshold][:limit - len(above)]
    return np.sort(np.concatenate((above, tied)))


def top_values(counts: dict[str, int], limit: int) -> dict[str, int]:
    """The `limit` most frequent values of a facet's counts, ties in value order."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])


@dataclass
class CorpusStats:
    """What BM25 needs of the whole corpus: the number of blocks, their total length in
    characters, and (for the query's words) how many blocks hold each. With shards these
    are gathered from every shard before any shard scores (dfs_query_then_fetch), so a
    score does not depend on how the reports were split."""

    blocks: int
    total_length: int
    frequencies: dict[str, int] = field(default_factory=dict)

    @property
    def avg_length(self) -> float:
        return self.total_length / self.blocks if self.blocks else 1.0

    def idf(self, doc_frequency: int) -> float:
        n = max(self.blocks, 1)
        return math.log(1 + (n - doc_frequency + 0.5) / (doc_frequency + 0.5))

    @staticmethod
    def combined(parts: list[CorpusStats]) -> CorpusStats:
        """The statistics of several shards together."""
        frequencies: dict[str, int] = {}
        for part in parts:
            for word, n in part.frequencies.items():
                frequencies[word] = frequencies.get(word, 0) + n
        return CorpusStats(sum(p.blocks for p in parts), sum(p.total_length for p in parts), frequencies)


@dataclass
class BigramLookup:
    """Some bigrams looked up in every segment of a snapshot: their frequencies (blocks
    holding each, deleted ones included) and, per segment, each one's position (-1:
    absent), so decoding a bigram's blocks does not search for it again."""

    grams: list[str]
    frequencies: np.ndarray
    positions: list[np.ndarray]

    def positions_of(self, gram: str) -> list[int]:
        """The position of `gram` in each segment."""
        i = self.grams.index(gram)
        return [int(found[i]) for found in self.positions]


class QueryRun:
    """One query's evaluation against one snapshot: the searcher lent to it and what it
    has computed (exact matches and word postings are reused within the query only).
    `stats` are the corpus statistics to score with (default: the snapshot's own)."""

    def __init__(self, snap: Snapshot, searcher, split: Callable[[str], list[str]] | None = None,
                 stats: CorpusStats | None = None):
        self.snap = snap
        self.split = split or words  # jieba words of a query text
        self.stats = stats or snap.stats()
        self.searcher = searcher
        self.reader = searcher.reader()
        self.memo: dict[str, np.ndarray] = {}
        self.word_memo: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def record(self, report_id: str) -> dict | None:
        """The stored fields of a report's record (its one live document that is no block),
        or None; read through the postings, since Whoosh's `document(report_id=…,
        kind=…)` intersects with every record of the index (15 ms at 10,000 reports)."""
        ids = term_postings(self.reader, "report_id", report_id)[0]
        for docnum in ids.tolist():
            if not self.snap.is_block[docnum] and not self.reader.is_deleted(docnum):
                return self.searcher.stored_fields(docnum)
        return None

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
        lookup = self.snap.bigram_lookup(grams) if grams else None
        by_frequency = np.argsort(lookup.frequencies, kind="stable").tolist() if grams else []
        # Every block containing the needle contains each of its bigrams; a needle with none
        # (one character, or characters split by punctuation) checks every block.
        candidates = self.snap.bigram_docs(grams[by_frequency[0]], lookup) if grams else self.snap.blocks
        if grams != [needle]:  # a needle that is its own single bigram needs no check
            # Blocks holding the needle as a jieba token contain it (tokens are substrings of
            # the normalised text); only the other candidates need their text checked, after
            # a few more of the needle's bigrams have narrowed them where that pays.
            sure = self.word_postings(needle)[0]
            unsure = candidates[~_member(candidates, sure)]
            for i in by_frequency[1:4]:
                if not self._worth_narrowing(unsure, int(lookup.frequencies[i])):
                    break  # the bigrams left are commoner still
                unsure = unsure[_member(unsure, self.snap.bigram_docs(grams[i], lookup))]
            holds = self.snap.containing(unsure, needle)
            candidates = _union(sure[self.snap.is_block[sure]], unsure[holds])
        self.memo[needle] = candidates
        return candidates

    def _worth_narrowing(self, unsure: np.ndarray, frequency: int) -> bool:
        """Whether decoding a bigram held by `frequency` blocks costs less than checking the
        texts of the `unsure` candidates it would rule out (if it were independent of
        the needle's other bigrams; one as common as 法治 beside 治政 rules out almost
        none, and decoding it cost more than checking every candidate)."""
        if len(unsure) < 64:
            return False
        ruled_out = max(0.0, 1.0 - frequency / max(self.snap.block_count, 1))
        checking = float(self.snap.lengths[unsure].sum()) * _CHECK_NS_PER_CHARACTER
        return frequency * _DECODE_NS_PER_BLOCK < checking * ruled_out

    def word_postings(self, word: str) -> tuple[np.ndarray, np.ndarray]:
        """(docnums, frequencies) of a jieba word in the word field, read once per query."""
        found = self.word_memo.get(word)
        if found is None:
            found = self.word_memo[word] = term_postings(self.reader, "text", word)
        return found

    def frequency(self, word: str) -> int:
        """How many blocks of the corpus hold `word` (from `stats` when it knows)."""
        known = self.stats.frequencies.get(word)
        if known is None:
            known = live_frequency(self.reader, "text", word, self.snap.is_block)
        return known

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
            held = self.exact(term.norm)
            # A query of one phrase: its hits are the phrase's blocks, every one holds it.
            tiers += 1 if held is hits else _member(hits, held)
        query_words = list(dict.fromkeys(w for term in terms for w in self.split(term.norm)))
        return tiers, self.bm25(hits, query_words)

    def bm25(self, hits: np.ndarray, query_words: list[str]) -> np.ndarray:
        """BM25F of each hit for the given jieba words: term frequencies from the word
        field, block length in characters, titles and headings weighted up."""
        total = np.zeros(len(hits), dtype=np.float32)
        length_norm = _K1 * (1 - _B + _B * self.snap.lengths[hits] / self.stats.avg_length)
        for word in query_words:
            # Postings read for matching serve; else only the blocks of postings that hold hits.
            found = self.word_memo.get(word)
            ids, frequencies = found if found is not None else term_postings(self.reader, "text", word, hits)
            tf = _aligned(hits, ids, frequencies)
            total += self.stats.idf(self.frequency(word)) * tf * (_K1 + 1) / (tf + length_norm)
        return total * self.snap.weight[hits]

    def order(self, hits: np.ndarray, terms: list[Term], sort: str, stop: int | None):
        """The first `stop` hits (all when None) in rank order, with their scores."""
        tiers, scores = self.scores(hits, terms)
        if stop is not None and stop < len(hits) and sort == "relevance":
            # Only the top `stop` need a full sort; keep every hit tied with the last one.
            combined = tiers.astype(np.float64) * (float(scores.max()) + 1.0) + scores
            threshold = np.partition(combined, len(combined) - stop)[len(combined) - stop]
            keep = np.flatnonzero(combined >= threshold)
            hits, tiers, scores = hits[keep], tiers[keep], scores[keep]
        # Ties go by report, then reading order (the block number: how a build happened to
        # split reports among segments must not change an answer), then docnum.
        keys = [hits, self.snap.block_number[hits], self.snap.report_rank[hits], -scores, -tiers]
        if sort == "newest":
            keys.append(-self.snap.years(hits))
        elif sort == "oldest":  # reports of unknown year last
            years = self.snap.years(hits)
            keys.append(np.where(years == 0, np.iinfo(np.int32).max, years))
        ranked = np.lexsort(keys)[:stop]
        return hits[ranked], tiers[ranked], scores[ranked]


def _aligned_find(text, data: bytes, position: int, start: int, end: int) -> int:
    """The first match of `data` in text[position:end] at an even distance from `start`
    (a UTF-16 character boundary), or -1."""
    while position >= 0:
        position = text.find(data, position, end)
        if position < 0 or (position - start) % 2 == 0:
            return position
        position += 1
    return -1


def _union(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Union of two sorted arrays of distinct docnums, sorted (np.union1d's hashing unique
    is far slower on large arrays)."""
    if not len(a) or not len(b):
        return a if len(a) else b
    size = max(int(a[-1]), int(b[-1])) + 1
    if (len(a) + len(b)) * 32 >= size:
        # Many docnums: a mask over all of them is linear, where sorting is not.
        mask = np.zeros(size, dtype=bool)
        mask[a] = True
        mask[b] = True
        return np.flatnonzero(mask).astype(np.int32)
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


