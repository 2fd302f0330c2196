"""Answer queries from an index, sharded or not: the `Engine`.

An index is one or more shards (index/shards.py), each a complete index answered by a
`ShardEngine` (search/shard.py) in this process, in local worker processes or on a Dask
cluster (search/backends.py, search/cluster.py). A search goes in three steps, as
Elasticsearch's dfs_query_then_fetch does:
1. statistics: every shard reports its number of blocks, their total length, how many
   blocks hold each of the query's words, and its facet values (these only when its
   generation changed); place filters are resolved against all shards' values;
2. query: every shard matches exactly (search/matching.py), scores with the statistics of
   the whole index, counts its facets and returns the keys of its first hits;
3. fetch: the merged keys of the page are fetched in full (stored fields, snippets) from
   the shards that hold them.
Totals and facet counts are sums (a report lives in one shard), and hits sort on keys that
do not depend on the split, so an answer is the same whatever the number of shards.
"""
from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from baogao import settings
from baogao.index.analysis import words
from baogao.index.errors import IndexDirectoryError
from baogao.index.opening import index_exists
from baogao.index.query_words import query_words
from baogao.index.report_fields import CATEGORY_LABELS, PLACE_FIELDS, REPORT_KINDS
from baogao.index.schema import BLOCK_KINDS
from baogao.index.shards import ShardLayoutError, shard_dirs, shard_of

from .backends import InProcess, LocalProcesses, ShardUnavailable
from .compare import DIMENSIONS, MAX_TREND_QUERIES, compare_table, year_trend
from .matching import CorpusStats, term_words, top_values
from .query import And, Filter, Hint, Node, Not, Or, QueryError, Term, make_filter, parse, positive_terms
from .request import SearchRequest
from .similar import candidate_words, telling_words

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


EXPORT_CHUNK = 500  # hits fetched from the shards at a time while an export streams
# A page ending at most this far down comes with its hits in the query step (no fetch step):
# each shard then writes up to this many snippets, of which the page keeps `per_page`.
INLINE_HITS = 30


class Engine:
    """Searches one index, sharded or not; follows the builds that commit to it.

    `cluster` (a Dask scheduler's address, or "local" for a LocalCluster on this machine)
    keeps the shards' engines on the cluster's workers; without it a sharded index is
    searched by `processes` local worker processes (default: one per core; 1: in this
    process, one shard after another), and an unsharded one in this process.
    Raises IndexDirectoryError when there is no index to open.
    """

    def __init__(self, index_dir: Path | str, facet_limit: int | None = None, cluster: str | None = None,
                 processes: int | None = None):
        self.index_dir = Path(index_dir)
        try:
            dirs = shard_dirs(self.index_dir)
        except ShardLayoutError as exc:
            raise IndexDirectoryError(str(exc)) from None
        missing = [d for d in dirs if not index_exists(d)]
        if missing:
            raise IndexDirectoryError(f"no index at {missing[0]}: run 'baogao build --index {self.index_dir}' first")
        self.facet_limit = facet_limit or settings.get("facet_limit")
        max_hit_text = settings.get("max_hit_text")
        self.shard_count = len(dirs)
        self.names = [d.name for d in dirs]
        # Query words from the index's copy of the dictionary (no 0.3-1 s dictionary load).
        self.split = partial(query_words, directory=dirs[0])
        if cluster:
            from .cluster import DaskShards  # dask is an optional extra

            self.backend = DaskShards(dirs, cluster, max_hit_text)
        elif len(dirs) == 1 or processes == 1:
            self.backend = InProcess(dirs, max_hit_text)
        else:
            self.backend = LocalProcesses(dirs, max_hit_text, processes)
        self._values: dict[int, tuple[int, dict]] = {}  # shard -> (generation, its facet values)
        self._merged: tuple[tuple, dict] | None = None  # (generations, every shard's values together)
        self._lock = threading.Lock()

    def close(self):
        """Release the index's files (and the cluster's actors)."""
        self.backend.close()

    # ------------------------------------------------------------ talking to the shards

    def _all(self, method: str, *args, strict: bool = True) -> tuple[list, list[str]]:
        """Run a ShardEngine method with the same arguments on every shard: (results of
        the shards that answered, names of those that did not). `strict` raises
        ShardUnavailable instead of answering without a shard."""
        return self._each({i: (method, args) for i in range(self.shard_count)}, strict)

    def _each(self, calls: dict[int, tuple[str, tuple]], strict: bool = True) -> tuple[list, list[str]]:
        results, missing = self.backend.run(calls)
        if missing and strict:
            raise ShardUnavailable(f"shard(s) {', '.join(missing)} of {self.index_dir} could not answer "
                                   "(their worker died twice): try again, or check the cluster")
        return [results[i] for i in sorted(results)], missing

    def _owner(self, report_id: str) -> int:
        return shard_of(report_id, self.shard_count) if self.shard_count > 1 else 0

    def _gather(self, query_words: list[str], strict: bool = True) -> tuple[CorpusStats, dict, list[str]]:
        """Step 1: (the whole index's statistics for `query_words`, every facet field's
        values over all shards, the shards that did not answer)."""
        known = {i: self._values.get(i, (None,))[0] for i in range(self.shard_count)}
        calls = {i: ("describe", (query_words, known[i])) for i in range(self.shard_count)}
        results, missing = self.backend.run(calls)
        if missing and strict:
            raise ShardUnavailable(f"shard(s) {', '.join(missing)} could not answer: try again")
        for i, part in results.items():
            if "values" in part:
                self._values[i] = (part["generation"], part["values"])
        stats = CorpusStats.combined([part["stats"] for part in results.values()])
        return stats, self._facet_values(sorted(results)), missing

    def _facet_values(self, shards: list[int]) -> dict[str, list]:
        """Every facet field's values over the given shards, sorted, after a None (the
        shape resolve_places expects); merged once per set of generations."""
        generations = tuple((i, self._values[i][0]) for i in shards)
        with self._lock:
            if self._merged is None or self._merged[0] != generations:
                fields = self._values[shards[0]][1] if shards else {}
                values = {name: [None, *sorted({v for i in shards for v in self._values[i][1][name]})]
                          for name in fields}
                self._merged = (generations, values)
            return self._merged[1]

    def _fetch(self, keyed: list[tuple[int, tuple]], needles: list[str]) -> list[dict | None]:
        """Step 3: the full hits of (shard, key entry) pairs, in the order given (an entry
        that carries its hit needs no fetching)."""
        out: list[dict | None] = [entry[4] if len(entry) > 4 else None for _, entry in keyed]
        wanted: dict[int, list[int]] = {}
        for position, (shard, entry) in enumerate(keyed):
            if len(entry) == 4:
                wanted.setdefault(shard, []).append(position)
        if not wanted:
            return out
        calls = {shard: ("fetch", ([keyed[p][1][1:4] for p in positions], needles))
                 for shard, positions in wanted.items()}
        results, _ = self._each(calls)
        for shard, positions in sorted(wanted.items()):
            for position, hit in zip(positions, results[sorted(wanted).index(shard)], strict=True):
                out[position] = hit
        return out

    # ------------------------------------------------------------ answers

    def search(self, request: SearchRequest) -> dict:
        """Answer a search as plain data, the object `baogao search --json` and
        /api/search print: {"query", "filters", "sort", "group", "page", "per_page",
        "total" (blocks), "reports_total", "offset", "facets", "hints", "partial"} and
        either "hits" (group=paragraph; each hit has the keys of HIT_FIELDS) or "reports"
        (group=report; each with its number of hits and its best three). "partial" names
        the shards missing from the answer (a cluster worker died): empty when it is whole.

        Facets are disjunctive: a filtered field's counts are those of the answer without
        that field's own filter, so its other values stay visible and countable.
        Raises QueryError for a malformed query or filter.
        """
        node, filters, hints = _query_parts(request.query, request.filters)
        tree = _conjunction(node, filters.values())
        terms = positive_terms(tree)
        stats, values, missing = self._gather(_query_words(terms, self.split), strict=False)
        resolved, place_hints = resolve_places(tree, values)
        facet_trees = {}
        for name in filters:
            others = _conjunction(node, [f for key, f in filters.items() if key != name])
            facet_trees[name] = resolve_places(others, values)[0] if others is not None else None
        stop = None if request.per_page is None else request.offset + request.per_page
        needles = highlight_needles(terms, self.split)
        inline = needles if stop is not None and stop <= INLINE_HITS else None
        # One index can cut its facets to the shown values; shards' counts must be summed first.
        facet_limit = self.facet_limit if self.shard_count == 1 else None
        args = (resolved, facet_trees, terms, request.sort, stop, request.group, stats, inline, facet_limit)
        calls = {i: ("search_part", args) for i in range(self.shard_count) if self.names[i] not in missing}
        results, lost = self.backend.run(calls)
        parts = [(i, results[i]) for i in sorted(results)]
        facets = _merged_facets([part["facets"] for _, part in parts], self.facet_limit)
        answer = {
            "query": request.query,
            "filters": {name: [_filter_text(f) for f in _leaves(node_)] for name, node_ in filters.items()},
            "sort": request.sort,
            "group": request.group,
            "page": request.page,
            "per_page": request.per_page,
            "total": sum(part["total"] for _, part in parts),
            "reports_total": sum(part["reports"] for _, part in parts),
            "offset": request.offset,
            "facets": facets,
            "hints": [h.as_dict() for h in (*hints, *place_hints)],
            "partial": [*missing, *lost],
        }
        if request.group == "report":
            answer["reports"] = self._reports_page(parts, request.offset, stop, needles)
        else:
            ranked = sorted(((i, key) for i, part in parts for key in part["hits"]), key=lambda item: item[1][0])
            page = ranked[request.offset:stop]
            answer["hits"] = [hit for hit in self._fetch(page, needles) if hit is not None]
        return answer

    def _reports_page(self, parts: list[tuple[int, dict]], offset: int, stop: int | None,
                      needles: list[str]) -> list[dict]:
        """The page of reports, in the order of each report's best hit: the report's
        fields, its number of hits and its best TOP_PER_REPORT hits."""
        groups = sorted(((i, group) for i, part in parts for group in part["groups"]),
                        key=lambda item: item[1]["top"][0][0])[offset:stop]
        keyed = [(i, key) for i, group in groups for key in group["top"]]
        hits = iter(self._fetch(keyed, needles))
        page = []
        for _, group in groups:
            top = [hit for hit in (next(hits) for _ in group["top"]) if hit is not None]
            if top:
                page.append({**{name: top[0][name] for name in REPORT_FIELDS},
                             "categories": group["categories"], "hits": group["hits"], "top": top})
        return page

    def report(self, report_id: str, query: str = "") -> dict | None:
        """The parsed report (as `baogao parse --json` prints it) plus its id, or None.

        With a query, "hits" lists the numbers of the blocks that match it, in reading
        order, and "spans" maps each of those numbers to its matched spans: the search's own
        matching, restricted to this report. Raises QueryError for a malformed query.
        """
        tree = needles = None
        if query.strip():
            tree = self._resolved([query], {})[0]
            needles = highlight_needles(positive_terms(tree), self.split)
        (found,), _ = self._each({self._owner(report_id): ("report", (report_id, tree, needles or []))})
        return found

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
        (tree,) = self._resolved([query], filters or {})
        parts, _ = self._all("compare_part", tree, rows, cols)
        return {"query": query, "filters": {k: list(v) for k, v in (filters or {}).items()},
                **compare_table(parts, rows, cols)}

    def trend(self, queries: list[str], filters: dict | None = None) -> dict:
        """For each query (at most MAX_TREND_QUERIES), the reports that match per year and
        their share of that year's reports: {"filters", "series": [{"query", "points":
        [{"year", "reports", "population", "share"}]}]}."""
        queries = [q for q in queries if q and q.strip()]
        if not 1 <= len(queries) <= MAX_TREND_QUERIES:
            raise QueryError(f"a trend takes 1 to {MAX_TREND_QUERIES} queries",
                             f"趋势图可比较 1 到 {MAX_TREND_QUERIES} 个查询")
        trees = self._resolved(queries, filters or {})
        parts, _ = self._all("trend_part", trees)
        series = [{"query": query, "points": year_trend([shard[i] for shard in parts])}
                  for i, query in enumerate(queries)]
        return {"filters": {k: list(v) for k, v in (filters or {}).items()}, "series": series}

    def _resolved(self, queries: list[str], filters: dict) -> list[Node]:
        """Each query with the filters as one tree, place filters resolved against every
        shard's values (gathered once for all of them)."""
        values = self._gather([])[1]
        return [resolve_places(_query_tree(query, filters), values)[0] for query in queries]

    def similar(self, report_id: str, n: int, limit: int = 5) -> dict | None:
        """The blocks of other reports most like block `n` of a report (None when there is
        no such block): {"report_id", "paragraph", "text", "words", "similar": [hits]}."""
        (block,), _ = self._each({self._owner(report_id): ("block_text", (report_id, n))})
        if block is None:
            return None
        norm, printed = block
        candidates = candidate_words(norm)
        stats = self._gather(candidates)[0]
        chosen = telling_words({w: stats.frequencies[w] for w in candidates}, stats.blocks)
        found = []
        if chosen:
            parts, _ = self._all("similar_part", chosen, report_id, limit, stats)
            found = sorted(((i, key) for i, part in enumerate(parts) for key in part), key=lambda item: item[1][0])
        hits = [hit for hit in self._fetch(found[:limit], chosen) if hit is not None]
        return {"report_id": report_id, "paragraph": n, "text": printed, "words": chosen, "similar": hits}

    def export_hits(self, request: SearchRequest, limit: int) -> tuple[int, Iterator[dict]]:
        """(the number of hits, an iterator over all of them in rank order), for exports.

        Raises QueryError when there are more than `limit` hits. The hits are fetched
        while the iterator is read; if a build removes one of them meanwhile, it raises
        QueryError (export again) rather than export a mixture.
        """
        tree = _query_tree(request.query, request.filters)
        terms = positive_terms(tree)
        stats, values, _ = self._gather(_query_words(terms, self.split))
        parts, _ = self._all("export_part", resolve_places(tree, values)[0], terms, request.sort, stats, limit)
        total = sum(part["total"] for part in parts)
        if total > limit:
            raise QueryError(f"{total} hits are more than an export may hold ({limit}): "
                             "narrow the search with filters",
                             f"共 {total} 条结果，超过导出上限 {limit} 条：请加筛选条件缩小范围")
        ranked = sorted(((i, key) for i, part in enumerate(parts) for key in part["hits"]),
                        key=lambda item: item[1][0])
        needles = highlight_needles(terms, self.split)

        def rows() -> Iterator[dict]:
            for start in range(0, len(ranked), EXPORT_CHUNK):
                for hit in self._fetch(ranked[start:start + EXPORT_CHUNK], needles):
                    if hit is None:
                        raise QueryError("the index changed during the export: export again",
                                         "导出期间索引已更新，请重新导出")
                    yield hit

        return total, rows()

    def overview(self) -> dict:
        """The corpus at a glance, for browsing without a query: {"reports", "blocks",
        "years": {year: reports}, "kinds": {kind: reports}, "places": [place tree]}, where
        each place is {"field", "name", "reports", "children"} (province, then city, county
        and town; a level a report lacks is skipped)."""
        parts, _ = self._all("overview_part")
        reports: Counter = Counter()
        for part in parts:
            reports.update(part["reports"])
        tree: dict = {}
        years: Counter = Counter()
        kinds: Counter = Counter()
        for row, count in reports.items():
            *place, year, kind = row
            years[year] += count if year else 0
            kinds[kind] += count if kind else 0
            level = tree
            for field, value in zip(PLACE_FIELDS, place, strict=True):
                if value:
                    node = level.setdefault((field, value), {"reports": 0, "children": {}})
                    node["reports"] += count
                    level = node["children"]

        def listed(level: dict) -> list[dict]:
            return [{"field": field, "name": name, "reports": node["reports"], "children": listed(node["children"])}
                    for (field, name), node in sorted(level.items(), key=lambda kv: kv[0][1])]

        return {
            "reports": sum(reports.values()), "blocks": sum(part["blocks"] for part in parts),
            "years": {y: n for y, n in sorted(years.items(), reverse=True) if n},
            "kinds": {k: n for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])) if n},
            "places": listed(tree),
        }

    def source_file(self, report_id: str) -> Path | None:
        """The file a report was read from, when it still exists (for downloads only:
        answers never show server paths)."""
        (path,), _ = self._each({self._owner(report_id): ("source_path", (report_id,))})
        return Path(path) if path and Path(path).is_file() else None

    def stats(self) -> dict:
        """Counts of reports and searchable blocks."""
        parts, _ = self._all("counts")
        return {"reports": sum(p["reports"] for p in parts), "blocks": sum(p["blocks"] for p in parts)}


def _query_words(terms: list[Term], split: Callable[[str], list[str]]) -> list[str]:
    """The jieba words the ranking scores a query's terms by."""
    return list(dict.fromkeys(w for term in terms for w in split(term.norm)))


def _merged_facets(parts: list[dict[str, dict[str, int]]], limit: int) -> dict[str, dict[str, int]]:
    """The shards' facet counts summed, each field's `limit` most frequent values first."""
    out: dict[str, dict[str, int]] = {}
    for part in parts:
        for name, counts in part.items():
            merged = out.setdefault(name, {})
            for value, n in counts.items():
                merged[value] = merged.get(value, 0) + n
    return {name: top_values(counts, limit) for name, counts in out.items()}


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
