"""Counting what matched by place, year, kind and section: the compare table and trends.

Counts are exact: every matching block is counted (not a sample, not the page), and a
report counts once per cell however many of its blocks match. A block in a section with
two categories counts under both. Each cell also carries its population: the reports of
that row and column whatever the query, so 3 of 40 is not read as 3 of 4.
"""
from __future__ import annotations

import numpy as np

from baogao.index.report_fields import CATEGORY_LABELS, PLACE_FIELDS

DIMENSIONS = (*PLACE_FIELDS, "year", "kind", "section")
MAX_TREND_QUERIES = 5


def _expand(snap, dim: str, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray, list]:
    """(positions into `docs`, label codes, label values) of `docs` along `dim`; blocks
    without a value are left out, a block in two sections appears twice."""
    if dim == "section":
        bits = snap.categories[docs]
        positions, codes = [], []
        for code in range(len(CATEGORY_LABELS)):
            held = np.flatnonzero(bits & (1 << code))
            positions.append(held)
            codes.append(np.full(len(held), code, dtype=np.int64))
        return np.concatenate(positions), np.concatenate(codes), list(CATEGORY_LABELS)
    codes = snap.codes(dim, docs)
    held = np.flatnonzero(codes)
    return held, codes[held].astype(np.int64), snap.facet_values[dim]


def count_by(snap, docs: np.ndarray, dims: list[str]) -> dict[tuple, tuple[int, int]]:
    """{(label, …): (reports, blocks)} of `docs` along 0, 1 or 2 dimensions."""
    if not dims:
        return {(): (int(np.count_nonzero(snap.reports_among(docs))), len(docs))} if len(docs) else {}
    labels: list[np.ndarray] = []
    values: list[list] = []
    for dim in dims:
        positions, codes, names = _expand(snap, dim, docs)
        docs = docs[positions]
        labels = [column[positions] for column in labels] + [codes]
        values.append(names)
    if not len(docs):
        return {}
    keys = np.stack([*labels, snap.report_rank[docs].astype(np.int64)], axis=1)
    cells, blocks = np.unique(keys[:, :-1], axis=0, return_counts=True)
    report_cells, reports = np.unique(np.unique(keys, axis=0)[:, :-1], axis=0, return_counts=True)
    by_cell = dict(zip(map(tuple, report_cells.tolist()), reports.tolist(), strict=True))
    return {tuple(values[i][code] for i, code in enumerate(cell)): (by_cell[tuple(cell)], n)
            for cell, n in zip(cells.tolist(), blocks.tolist(), strict=True)}


def compare_counts(snap, hits: np.ndarray, rows: str, cols: str) -> dict:
    """One index's (or shard's) counts for a compare table: of the hits ("found") and of
    every block ("population"), by rows × cols, by rows, by cols and overall. A report
    lives in one shard only, so the parts of several shards add up."""
    groupings = {"cells": [rows, cols], "rows": [rows], "cols": [cols], "total": []}
    found = {name: count_by(snap, hits, dims) for name, dims in groupings.items()}
    population = {name: count_by(snap, snap.blocks, dims) for name, dims in groupings.items() if name != "total"}
    population["total"] = {(): (snap.report_count, 0)}
    return {"found": found, "population": population}


def _summed(parts: list[dict]) -> dict[tuple, tuple[int, int]]:
    out: dict[tuple, tuple[int, int]] = {}
    for part in parts:
        for key, (reports, blocks) in part.items():
            before = out.get(key, (0, 0))
            out[key] = (before[0] + reports, before[1] + blocks)
    return out


def compare_table(parts: list[dict], rows: str, cols: str) -> dict:
    """Cells, row totals, column totals and the grand total of a compare table, from the
    `compare_counts` of every shard."""
    found = {name: _summed([p["found"][name] for p in parts]) for name in parts[0]["found"]}
    population = {name: _summed([p["population"][name] for p in parts]) for name in parts[0]["population"]}

    def entry(counts: tuple[int, int], base: int) -> dict:
        reports, blocks = counts
        return {"reports": reports, "paragraphs": blocks, "population": base,
                "share": round(reports / base, 4) if base else None}

    cells = [{"row": str(row), "col": str(col), **entry(found["cells"].get((row, col), (0, 0)), base)}
             for (row, col), (base, _) in sorted(population["cells"].items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1])))]
    totals = {}
    for dim, name in (("rows", "row_totals"), ("cols", "col_totals")):
        totals[name] = {str(label[0]): entry(found[dim].get(label, (0, 0)), base)
                        for label, (base, _) in sorted(population[dim].items(), key=lambda kv: str(kv[0][0]))}
    totals["total"] = entry(found["total"].get((), (0, 0)), population["total"][()][0])
    return {"rows": rows, "cols": cols, "cells": cells, **totals}


def trend_counts(snap, hits: np.ndarray) -> dict:
    """One index's (or shard's) reports per year: of the hits and of all blocks."""
    return {"found": count_by(snap, hits, ["year"]), "population": count_by(snap, snap.blocks, ["year"])}


def year_trend(parts: list[dict]) -> list[dict]:
    """Per year: reports matching, reports of that year, and the share, from the
    `trend_counts` of every shard."""
    found = _summed([p["found"] for p in parts])
    population = _summed([p["population"] for p in parts])
    return [{"year": int(year), "reports": found.get((year,), (0, 0))[0], "population": base,
             "share": round(found.get((year,), (0, 0))[0] / base, 4) if base else None}
            for (year,), (base, _) in sorted(population.items())]
