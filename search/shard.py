"""One index directory answering its part of a query: a shard of a sharded index, or the
whole of an unsharded one.

Every method takes and returns plain picklable data, so a `ShardEngine` can live in this
process, in a local worker process or on a Dask worker (search/backends.py), and the
`Engine` (search/engine.py) merges the parts. A part never depends on the other shards
except through what it is given: the corpus statistics to score with (`CorpusStats`) and
a query tree whose place filters were resolved against every shard's values.

Hits cross the boundary as keys: (sort key, report id, block number, score). The sort key
orders hits the same in every shard and in the merge (report ids and block numbers, not
document numbers, break ties), so the merged order is the order of one unsharded index.
Only the hits of the page are then fetched in full (`fetch`), by report id and number.
"""
from __future__ import annotations

import json
import os
import threading
from collections import Counter
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import numpy as np

from baogao import settings
from baogao.index.opening import open_index
from baogao.index.printed import printed_text
from baogao.index.query_words import query_words
from baogao.index.report_fields import PLACE_FIELDS, paragraphs_of
from baogao.index.snapshot import CATEGORY_BITS, has_snapshot, load_snapshot, write_snapshot

from .compare import compare_counts, trend_counts
from .matching import CorpusStats, QueryRun, Snapshot
from .query import Node, Term
from .similar import similar_blocks
from .snippets import stored_match_spans

TOP_PER_REPORT = 3  # a grouped answer's best hits per report
_LAST_YEAR = np.iinfo(np.int32).max


def sort_key(sort: str, year: int, tier: int, score: float, report_id: str, n: int) -> tuple:
    """The key hits sort on, in every shard and in the merge: for relevance, more terms held
    exactly first, then BM25F, then report id and reading order; `newest`/`oldest` put the
    year first (reports of unknown year last)."""
    rest = (-tier, -score, report_id, n)
    if sort == "newest":
        return (-year, *rest)
    if sort == "oldest":
        return (year or _LAST_YEAR, *rest)
    return rest


class ShardEngine:
    """Searches one index directory and moves to a new snapshot when a build commits.

    Queries run concurrently: a query takes the current snapshot (a reference read) and
    computes everything in its own `QueryRun`. When a newer generation's snapshot is on
    disk, the first query to notice opens it (mapping files: O(1)) and swaps it in while
    queries already running finish on the old one; no lock is held across a query.
    """

    def __init__(self, index_dir: Path | str, max_hit_text: int | None = None):
        self.index_dir = Path(index_dir)
        self.ix = open_index(self.index_dir)
        self.max_hit_text = max_hit_text or settings.get("max_hit_text")
        self._snapshot: Snapshot | None = None
        self._swap = threading.Lock()  # one thread opens the next snapshot; the rest go on
        self._checked = None  # the directory's mtime when the snapshot was last found current
        # Query words from the index's copy of the dictionary (no 0.3-1 s dictionary load).
        self.split = partial(query_words, directory=self.index_dir)
        self.snapshot()

    # ------------------------------------------------------------ snapshots

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
    def _query(self, stats: CorpusStats | None = None):
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
            yield QueryRun(snap, searcher, self.split, stats)
        finally:
            snap.give_back(searcher)

    def _replace(self, stale: Snapshot) -> Snapshot:
        """The latest snapshot, opened now if `stale` is still the current one."""
        with self._swap:
            if self._snapshot is stale:
                self._snapshot = self._open_latest()
                stale.close()
            return self._snapshot

    # ------------------------------------------------------------ the parts of an answer

    def describe(self, words: list[str], known_generation: int | None = None) -> dict:
        """This shard's statistics for scoring `words`: {"generation", "stats", "reports"},
        and "values" (each facet field's values) unless `known_generation` is current."""
        with self._query() as run:
            snap = run.snap
            stats = CorpusStats(snap.block_count, snap.total_length, {w: run.frequency(w) for w in words})
            out = {"generation": snap.generation, "stats": stats, "reports": snap.report_count}
            if known_generation != snap.generation:
                out["values"] = {name: values[1:] for name, values in snap.facet_values.items()}
            return out

    def search_part(self, tree: Node, facet_trees: dict[str, Node | None], terms: list[Term], sort: str,
                    stop: int | None, group: str, stats: CorpusStats, needles: list[str] | None = None,
                    facet_limit: int | None = None) -> dict:
        """This shard's part of a search: {"total", "reports", "facets" (every value's
        count, or the `facet_limit` most frequent; a filtered field's counts without its
        own filter, from `facet_trees`), and "hits" (the first `stop` hit keys) or "groups"
        (the first `stop` reports)}. With `needles`, each key carries its full hit too,
        which saves the fetch step on a first page."""
        with self._query(stats) as run:
            snap = run.snap
            hits = run.evaluate(tree)
            per_report = snap.reports_among(hits)
            facets = snap.facets(hits, limit=facet_limit, per_report=per_report)
            for name, others in facet_trees.items():
                unfiltered = run.evaluate(others) if others is not None else snap.blocks
                facets[name] = snap.facets(unfiltered, [name], facet_limit)[name]
            out = {"total": int(len(hits)), "reports": int(np.count_nonzero(per_report)), "facets": facets}
            if group == "report":
                out["groups"] = self._groups(run, hits, terms, sort, stop, needles)
            else:
                out["hits"] = self._keyed(run, *run.order(hits, terms, sort, stop), sort, needles)
            return out

    def _keyed(self, run: QueryRun, docs: np.ndarray, tiers: np.ndarray, scores: np.ndarray, sort: str,
               needles: list[str] | None = None) -> list[tuple]:
        """(sort key, report id, block number, score) of ranked hits, and the full hit
        when `needles` are given."""
        out = []
        for d, tier, score, year, n in zip(docs.tolist(), tiers.tolist(), scores.tolist(),
                                           run.snap.years(docs).tolist(), run.snap.block_number[docs].tolist(),
                                           strict=True):
            # A shown hit reads the block's stored fields anyway: take its report id from it.
            hit = self._hit(run, d, score, needles) if needles is not None else None
            report_id = hit["report_id"] if hit else run.searcher.stored_fields(d)["report_id"]
            entry = (sort_key(sort, year, tier, score, report_id, n), report_id, n, score)
            out.append(entry if hit is None else (*entry, hit))
        return out

    def _groups(self, run: QueryRun, hits: np.ndarray, terms: list[Term], sort: str, stop: int | None,
                needles: list[str] | None) -> list[dict]:
        """The first `stop` reports in the order of each one's best hit: its best hits'
        keys, its number of hits and its categories."""
        docs, tiers, scores = run.order(hits, terms, sort, None)
        reports = run.snap.report_rank[docs]
        _, first = np.unique(reports, return_index=True)
        groups = []
        for report in reports[np.sort(first)][:stop].tolist():
            mine = np.flatnonzero(reports == report)
            top = mine[:TOP_PER_REPORT]
            categories = dict.fromkeys(c for i in mine.tolist()
                                       for c in _category_names(int(run.snap.categories[docs[i]])))
            groups.append({"top": self._keyed(run, docs[top], tiers[top], scores[top], sort, needles),
                           "hits": int(len(mine)), "categories": list(categories)})
        return groups

    def fetch(self, wanted: list[tuple[str, int, float]], needles: list[str]) -> list[dict | None]:
        """The full hits of (report id, block number, score) triples, with spans of
        `needles`; None for a block that is no longer in the index."""
        out = []
        with self._query() as run:
            by_report: dict[str, np.ndarray] = {}
            for report_id, n, score in wanted:
                docs = by_report.get(report_id)
                if docs is None:
                    docs = by_report[report_id] = run.term_docs("report_id", [report_id])
                found = docs[run.snap.block_number[docs] == n]
                out.append(self._hit(run, int(found[0]), score, needles) if len(found) else None)
        return out

    def _hit(self, run: QueryRun, docnum: int, score: float, needles: list[str]) -> dict:
        """The hit shown for block `docnum` (its report's place, year, kind and its
        section's categories from the snapshot's columns)."""
        fields = run.searcher.stored_fields(docnum)
        norm, stored = run.snap.text(docnum), fields.get("text", "")
        whole = printed_text(norm, stored)
        spans = stored_match_spans(norm, stored, needles)
        text, start, spans = _cut(whole, spans, self.max_hit_text)
        snap = run.snap
        facet = {name: snap.facet_values[name][int(snap.codes(name, docnum))] for name in snap.facet_values}
        return {
            "report_id": fields["report_id"],
            "source": fields.get("source", ""),
            "title": fields.get("title", ""),
            **{name: facet[name] for name in PLACE_FIELDS},
            "year": int(facet["year"]) if facet["year"] else None,
            "categories": _category_names(int(snap.categories[docnum])),
            "section_heading": fields.get("section_heading") or None,
            "subsection": fields.get("subsection") or None,
            "kind": facet["kind"] or "other",
            "block": fields.get("kind"),
            "paragraph": fields.get("n"),
            "text": text,
            "text_start": start,
            "text_length": len(whole),
            "spans": [list(span) for span in spans],
            "score": round(score, 4),
        }

    def report(self, report_id: str, tree: Node | None, needles: list[str]) -> dict | None:
        """The parsed report (as `baogao parse --json` prints it) plus its id, or None; with
        a query tree, "hits" (numbers of the matching blocks, in reading order) and "spans"
        (each one's matched spans)."""
        with self._query() as run:
            fields = run.record(report_id)
            if not fields:
                return None
            data = json.loads(fields["report"])
            data["id"] = report_id
            own = run.term_docs("report_id", [report_id])
            texts, stored = {}, {}
            for docnum in own.tolist():
                block = run.searcher.stored_fields(docnum)
                stored[docnum] = run.snap.text(docnum), block.get("text", "")
                texts[block.get("n")] = printed_text(*stored[docnum])
            _fill_texts(data, texts)
            if tree is None:
                return data
            matched = np.intersect1d(run.evaluate(tree), own, assume_unique=True)
            spans = {int(run.snap.block_number[docnum]): [list(s) for s in stored_match_spans(*stored[docnum], needles)]
                     for docnum in matched.tolist()}
        data["hits"] = sorted(spans)
        data["spans"] = {str(n): spans[n] for n in data["hits"]}
        return data

    def compare_part(self, tree: Node | None, rows: str, cols: str) -> dict:
        """Counts of the blocks matching `tree` and of all blocks, by rows × cols
        (search/compare.py sums the shards' parts)."""
        with self._query() as run:
            hits = run.evaluate(tree) if tree is not None else run.snap.blocks
            return compare_counts(run.snap, hits, rows, cols)

    def trend_part(self, trees: list[Node | None]) -> list[dict]:
        """Per query tree, the reports matching per year, and every year's reports."""
        parts = []
        with self._query() as run:
            for tree in trees:
                run.memo.clear()
                hits = run.evaluate(tree) if tree is not None else run.snap.blocks
                parts.append(trend_counts(run.snap, hits))
        return parts

    def block_text(self, report_id: str, n: int) -> tuple[str, str] | None:
        """Block `n` of a report, normalised and as printed (None when there is no such block)."""
        with self._query() as run:
            docs = run.term_docs("report_id", [report_id])
            found = docs[run.snap.block_number[docs] == n]
            if not len(found):
                return None
            docnum = int(found[0])
            norm = run.snap.text(docnum)
            return norm, printed_text(norm, run.searcher.stored_fields(docnum).get("text", ""))

    def similar_part(self, chosen: list[str], report_id: str, limit: int, stats: CorpusStats) -> list[tuple]:
        """The `limit` blocks of this shard, outside report `report_id`, most like a block
        whose telling words are `chosen`, as keys (search/similar.py)."""
        with self._query(stats) as run:
            found = similar_blocks(run, chosen, run.term_docs("report_id", [report_id]), limit)
            docs = np.array([d for d, _ in found], dtype=np.int32)
            scores = np.array([s for _, s in found], dtype=np.float32)
            keyed = self._keyed(run, docs, np.zeros(len(docs), dtype=np.int32), scores, "relevance")
        return sorted(keyed)[:limit]

    def export_part(self, tree: Node, terms: list[Term], sort: str, stats: CorpusStats, limit: int) -> dict:
        """{"total", "hits": every hit's key in rank order (None when more than `limit`)}."""
        with self._query(stats) as run:
            hits = run.evaluate(tree)
            if len(hits) > limit:
                return {"total": int(len(hits)), "hits": None}
            return {"total": int(len(hits)), "hits": self._keyed(run, *run.order(hits, terms, sort, None), sort)}

    def overview_part(self) -> dict:
        """{"blocks", "reports": Counter of (province, city, county, town, year, kind) of
        each report}."""
        snap = self.snapshot()
        blocks = snap.blocks
        _, first = np.unique(snap.report_rank[blocks], return_index=True)
        firsts = blocks[first]
        columns = [[snap.facet_values[name][code] for code in snap.codes(name, firsts).tolist()]
                   for name in (*PLACE_FIELDS, "year", "kind")]
        return {"blocks": int(len(blocks)), "reports": Counter(zip(*columns, strict=True))}

    def source_path(self, report_id: str) -> str | None:
        """The path of the file a report was read from, as recorded at build time."""
        with self._query() as run:
            fields = run.record(report_id)
        return fields.get("path") if fields else None

    def counts(self) -> dict:
        """{"reports", "blocks"} of this shard."""
        snap = self.snapshot()
        return {"reports": snap.report_count, "blocks": snap.block_count}


def _fill_texts(data: dict, texts: dict[int, str]) -> None:
    """Put each paragraph's printed text (stored with its block) back into a parsed report."""
    for paragraph in paragraphs_of(data):
        paragraph["text"] = texts.get(paragraph["n"], "")


def _cut(text: str, spans: list, limit: int) -> tuple[str, int, list]:
    """(text, where it starts, spans in it): a block longer than `limit` characters is cut
    to `limit` characters starting a little before its first match, so one huge paragraph
    never makes a huge answer."""
    if len(text) <= limit:
        return text, 0, spans
    start = max(0, min(spans[0][0] - limit // 10 if spans else 0, len(text) - limit))
    end = start + limit
    return text[start:end], start, [(max(s, start) - start, min(e, end) - start) for s, e in spans if e > start and s < end]


def _category_names(bits: int) -> list[str]:
    return [name for name, bit in CATEGORY_BITS.items() if bits & bit]

