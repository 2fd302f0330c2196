"""The on-disk snapshot: per-block columns and normalised texts, written at each commit.

A search needs, for every block, its normalised text (to verify phrase candidates), its
length, kind weight, facet codes and report rank, and for a bigram the blocks holding it. Reading them out of Whoosh's stored
fields took seconds per process at 10,000 reports; instead the build writes them next to
the index, and readers map them into memory, so opening costs the same at any size and
the pages are shared by every process through the OS page cache.

Files, in the index directory:
- `seg_<segment id>.texts`: the segment's normalised block texts, UTF-16 (older segments:
  UTF-8, as their JSON says), back to back;
- `seg_<segment id>.npy`: the segment's block columns (byte range of each text, length,
  weight, categories, report); `seg_<segment id>.grams`: its character bigram postings
  (index/bigrams.py); `seg_<segment id>.json`: each report's facet codes (local to the
  segment: every block of a report shares its place, year and kind, so they are kept once
  per report) and the values they stand for, the normalised printed title of each report
  record, the bigram arrays' layout. Segments written before keep a facet code per block
  in their columns.
  Whoosh segments never change (only their deletion sets do), so these files are written
  once per segment, when a commit first lists it;
- `snapshot_<generation>.cols` / `.json`: the columns of one Whoosh generation, each column
  contiguous: per block, with deleted documents masked out, and per report (by its rank
  among the generation's report ids), the global facet codes; the JSON holds the facet
  values, the column layout and the counts. Snapshots written before hold the facet codes
  per block (no "per_report" in their JSON).

Every file is written under a temporary name, flushed to disk and renamed, and the
generation's JSON is renamed last: a reader that finds `snapshot_<g>.json` finds all the
files it names. A snapshot is named by the generation of the Whoosh table of contents it
describes, so it can never be used with another.
"""
from __future__ import annotations

import json
import mmap
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .analysis import normalise
from .bigrams import BigramPostings, build_postings
from .errors import REBUILD_HINT, IndexDamaged
from .report_fields import CATEGORY_LABELS, PLACE_FIELDS
from .schema import REPORT_KIND
from .whoosh_ext import read_toc, segment_reader, term_postings

# Facet fields, and the stored field each is read from.
FACET_FIELDS = {"year": "year", **{name: name for name in PLACE_FIELDS}, "kind": "report_kind"}
CATEGORY_BITS = {name: 1 << i for i, name in enumerate(CATEGORY_LABELS)}
# The normalised texts' encoding: two bytes for a Chinese character where UTF-8 takes three
# (the texts are 30% smaller); segments written before keep UTF-8, named in their JSON.
TEXT_ENCODING = "utf-16-le"
KIND_WEIGHT = {"title": 2.0, "heading": 1.5, "paragraph": 1.0}
SEGMENT_DTYPE = np.dtype([("start", "<i8"), ("end", "<i8"), ("length", "<f4"), ("weight", "<f4"), ("n", "<i4"),
                          ("is_block", "?"), ("categories", "u1"), ("report", "<i4")])
# A generation's block columns, each stored contiguously (a query touches only the columns
# it reads, and only the pages of the documents it reads them for), then its report columns.
SNAPSHOT_COLUMNS = [("start", "<i8"), ("end", "<i8"), ("length", "<f4"), ("weight", "<f4"), ("n", "<i4"),
                    ("is_block", "?"), ("categories", "u1"), ("report_rank", "<i4")]
_SNAPSHOT_NAME = re.compile(r"^snapshot_(\d+)\.(json|cols)$")
_SEGMENT_NAME = re.compile(r"^seg_(\w+)\.(texts|npy|grams|json)$")


def _padded(size: int) -> int:
    """`size` rounded up to a multiple of 8 bytes, so every column starts aligned."""
    return (size + 7) // 8 * 8


def snapshot_path(index_dir: Path, generation: int, suffix: str) -> Path:
    """The file of generation `generation`'s snapshot with `suffix` (json or cols)."""
    return Path(index_dir) / f"snapshot_{generation}.{suffix}"


def segment_path(index_dir: Path, segment_id: str, suffix: str) -> Path:
    """The file of one segment's snapshot with `suffix` (texts, npy, grams or json)."""
    return Path(index_dir) / f"seg_{segment_id}.{suffix}"


def is_snapshot_file(name: str) -> bool:
    """Whether a file name in the index directory belongs to a snapshot."""
    return bool(_SNAPSHOT_NAME.match(name) or _SEGMENT_NAME.match(name))


def write_atomically(path: Path, write) -> None:
    """Call write(file) on a temporary file next to `path`, fsync it, rename it to `path`."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        os.fchmod(fd, 0o644)  # mkstemp's 0600 would hide the index from a server run as another user
        with os.fdopen(fd, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _write_arrays(path: Path, arrays: dict[str, np.ndarray]) -> dict[str, list]:
    """Write `arrays` back to back (8-byte aligned) to `path`; return their layout
    {name: [dtype, offset, count]} for `_mapped_arrays`."""
    layout, position = {}, 0
    for name, array in arrays.items():
        layout[name] = [array.dtype.str, position, len(array)]
        position += _padded(array.nbytes)

    def write(out):
        for array in arrays.values():
            data = array.tobytes()
            out.write(data + bytes(_padded(len(data)) - len(data)))

    write_atomically(path, write)
    return layout


def _mapped_arrays(path: Path, layout: dict[str, list]) -> dict[str, np.ndarray]:
    """The arrays written by `_write_arrays`, as read-only views of a memory map."""
    mapped = _map(path)
    return {name: np.frombuffer(mapped, dtype=np.dtype(dtype), count=count, offset=offset) if count
            else np.zeros(0, dtype=np.dtype(dtype))
            for name, (dtype, offset, count) in layout.items()}


def write_segment_files(index_dir: Path, storage, schema, segment, norms: dict[int, str]) -> None:
    """Write the snapshot files of a segment a writer has just finished, whose blocks'
    normalised texts are `norms` (by document number)."""
    reader = segment_reader(storage, schema, segment)
    try:
        _write_segment(index_dir, reader, segment.segment_id(), norms)
    finally:
        reader.close()


def segment_texts(index_dir: Path, reader, segment_id: str) -> list[str | None]:
    """The normalised text of each document of a committed segment (None for report
    records), for a writer merging it into a new one: from its snapshot files, or, for a
    segment written before the writers wrote those, from its stored printed texts."""
    meta_path = segment_path(index_dir, segment_id, "json")
    if meta_path.exists():
        encoding = json.loads(meta_path.read_text(encoding="utf-8")).get("encoding", "utf-8")
        columns = np.load(segment_path(index_dir, segment_id, "npy"))
        data = _map(segment_path(index_dir, segment_id, "texts"))
        return [data[start:end].decode(encoding) if is_block else None
                for start, end, is_block in zip(columns["start"].tolist(), columns["end"].tolist(),
                                                columns["is_block"].tolist())]
    return [None if fields.get("kind") == REPORT_KIND else normalise(_stored_printed(fields, index_dir, segment_id))
            for fields in map(reader.stored_fields, range(reader.doc_count_all()))]


def _stored_printed(fields: dict, index_dir: Path, segment_id: str) -> str:
    """A block's stored printed text (segments written before writers wrote the snapshot
    files); later segments store only edits, and their texts are in those files alone."""
    text = fields.get("text", "")
    if not isinstance(text, str):
        raise IndexDamaged(f"{index_dir}: the texts of segment {segment_id} "
                           f"({segment_path(index_dir, segment_id, 'texts').name}) are gone; {REBUILD_HINT}")
    return text


def _write_segment(index_dir: Path, reader, segment_id: str, norms: dict[int, str] | None = None) -> None:
    """Write one segment's texts, columns and values from its stored fields (deleted
    documents included: deletions belong to a generation, not to the segment) and the
    normalised texts `norms` of its blocks (by document number); a block not in `norms`
    must have its printed text stored (segments written before writers wrote these files)."""
    count = reader.doc_count_all()
    columns = np.zeros(count, dtype=SEGMENT_DTYPE)
    facet_codes, values, categories = _indexed_columns(reader, count)
    reports = {"": 0}
    report_codes: dict[str, list[int]] = {name: [0] for name in FACET_FIELDS}
    titles: dict[str, str] = {}
    chunks: list[bytes] = []
    block_norms: list[str] = []
    docnums: list[int] = []
    position = 0
    for docnum in range(count):
        fields = reader.stored_fields(docnum)
        report_id = fields.get("report_id", "")
        if fields.get("kind") == REPORT_KIND:
            titles[report_id] = normalise(fields.get("printed_title", ""))
            columns[docnum]["start"] = columns[docnum]["end"] = position
            continue
        norm = (norms or {}).get(docnum)
        if norm is None:
            norm = normalise(_stored_printed(fields, index_dir, segment_id))
        block_norms.append(norm)
        docnums.append(docnum)
        data = norm.encode(TEXT_ENCODING)
        chunks.append(data)
        row = columns[docnum]
        row["start"], row["end"] = position, position + len(data)
        position += len(data)
        row["length"] = len(norm)
        row["weight"] = KIND_WEIGHT.get(fields.get("kind"), 1.0)
        row["n"] = fields.get("n") or 0
        row["is_block"] = True
        row["categories"] = categories[docnum]
        if report_id not in reports:
            reports[report_id] = len(reports)
            for name in FACET_FIELDS:
                report_codes[name].append(int(facet_codes[name][docnum]))
        row["report"] = reports[report_id]
    # The texts, columns and bigrams first, the JSON last: its presence marks a complete segment.
    write_atomically(segment_path(index_dir, segment_id, "texts"), lambda f: f.writelines(chunks))
    columns = columns.astype(_narrowed(columns.dtype, int(columns["end"].max(initial=0))))
    write_atomically(segment_path(index_dir, segment_id, "npy"), lambda f: np.save(f, columns))
    bigrams = _write_arrays(segment_path(index_dir, segment_id, "grams"), build_postings(block_norms, docnums, count))
    meta = {"values": {**values, "report": list(reports)}, "report_codes": report_codes, "titles": titles,
            "bigrams": bigrams, "encoding": TEXT_ENCODING}
    write_atomically(segment_path(index_dir, segment_id, "json"),
                      lambda f: f.write(json.dumps(meta, ensure_ascii=False).encode("utf-8")))


def _offset_type(largest: int) -> str:
    """4-byte text offsets where a segment's texts are under 4 GB (they nearly always are:
    4 bytes a block less for each of start and end), else 8-byte ones."""
    return "<u4" if largest < 1 << 32 else "<i8"


def _narrowed(dtype: np.dtype, largest_offset: int) -> np.dtype:
    """`dtype` with the text offsets of `_offset_type`."""
    return np.dtype([(name, _offset_type(largest_offset) if name in ("start", "end") else dtype.fields[name][0])
                     for name in dtype.names])


def _report_codes(local: np.ndarray, meta: dict) -> dict[str, np.ndarray]:
    """{facet field: the code of each of a segment's reports (local ones)}, from its JSON, or
    from the per-block codes of segments written before reports had their own."""
    if "report_codes" in meta:
        return {name: np.asarray(codes, dtype=np.int64) for name, codes in meta["report_codes"].items()}
    blocks = local["is_block"]
    codes = {}
    for name in FACET_FIELDS:
        codes[name] = np.zeros(len(meta["values"]["report"]), dtype=np.int64)
        codes[name][local["report"][blocks]] = local[name][blocks]
    return codes


def _indexed_columns(reader, count: int) -> tuple[dict[str, np.ndarray], dict[str, list[str]], np.ndarray]:
    """(each facet field's code per document, the values the codes stand for, each
    document's section-category bits) of one segment, read from the fields' postings:
    blocks do not store their report's place, year, kind or categories (the report
    record does), and these fields have a few terms each."""
    codes, values = {}, {}
    for name, field in FACET_FIELDS.items():
        column, names = np.zeros(count, dtype=np.int32), [""]
        for term in reader.lexicon(field):
            value = term.decode("utf-8")
            if value:
                names.append(value)
                column[term_postings(reader, field, value)[0]] = len(names) - 1
        codes[name], values[name] = column, names
    categories = np.zeros(count, dtype=np.uint8)
    for label, bit in CATEGORY_BITS.items():
        categories[term_postings(reader, "categories", label)[0]] |= bit
    return codes, values, categories


def write_snapshot(index_dir: Path, storage, indexname: str, schema) -> int:
    """Write the snapshot of the index's latest generation (and the files of any segment
    that has none yet); remove the snapshots of other generations. Returns the generation.

    Safe to run from several processes at once: each file is complete when it appears,
    and two writers write the same bytes.
    """
    index_dir = Path(index_dir)
    toc = read_toc(storage, indexname, schema)
    segment_ids = [s.segment_id() for s in toc.segments]
    for segment in toc.segments:
        if not segment_path(index_dir, segment.segment_id(), "json").exists():
            reader = segment_reader(storage, schema, segment)
            try:
                _write_segment(index_dir, reader, segment.segment_id())
            finally:
                reader.close()
    parts, metas, offsets = [], [], []
    offset = 0
    for segment in toc.segments:
        local = np.load(segment_path(index_dir, segment.segment_id(), "npy"))
        live = np.ones(len(local), dtype=bool)
        deleted = list(segment.deleted_docs()) if segment.has_deletions() else []
        live[deleted] = False
        parts.append((local, live))
        metas.append(json.loads(segment_path(index_dir, segment.segment_id(), "json").read_text(encoding="utf-8")))
        offsets.append(offset)
        offset += len(local)
    columns = {name: np.zeros(offset, dtype=dtype) for name, dtype in SNAPSHOT_COLUMNS}
    values = {name: sorted({v for m in metas for v in m["values"][name] if v}) for name in FACET_FIELDS}
    # Ties between hits are broken by report id: the rank of each report id among all.
    report_ids = sorted({v for m in metas for v in m["values"]["report"] if v})
    report_rank = {rid: i + 1 for i, rid in enumerate(report_ids)}
    by_report = {name: np.zeros(len(report_ids) + 1, dtype=np.int32) for name in FACET_FIELDS}
    reports = 0
    for (local, live), meta, start in zip(parts, metas, offsets, strict=True):
        rows = slice(start, start + len(local))
        for name in ("start", "end", "length", "weight", "n", "categories"):
            columns[name][rows] = local[name]
        columns["is_block"][rows] = local["is_block"] & live
        ranks = np.array([report_rank.get(v, 0) for v in meta["values"]["report"]], dtype=np.int32)
        columns["report_rank"][rows] = ranks[local["report"]]
        # A report's codes come from the segment holding its live blocks (a replaced
        # report's old version, in another segment, may have another place or year).
        holding = np.unique(local["report"][columns["is_block"][rows]])
        for name, codes in _report_codes(local, meta).items():
            code = {v: i + 1 for i, v in enumerate(values[name])}
            remap = np.array([code.get(v, 0) for v in meta["values"][name]], dtype=np.int32)
            by_report[name][ranks[holding]] = remap[codes[holding]]
        reports += int(np.count_nonzero(live & ~local["is_block"]))
    offset_type = _offset_type(int(columns["end"].max(initial=0)))
    columns["start"], columns["end"] = columns["start"].astype(offset_type), columns["end"].astype(offset_type)
    blocks = columns["is_block"]
    layout = _write_arrays(snapshot_path(index_dir, toc.generation, "cols"), {**columns, **by_report})
    header = {"generation": toc.generation, "segments": segment_ids, "offsets": offsets, "size": offset,
              "columns": layout, "per_report": list(by_report), "bigrams": [meta["bigrams"] for meta in metas],
              "encodings": [meta.get("encoding", "utf-8") for meta in metas],
              "values": values, "reports": reports, "blocks": int(np.count_nonzero(blocks)),
              "avg_length": float(columns["length"][blocks].mean()) if blocks.any() else 1.0,
              # exact, so that shards' totals add up to the unsharded index's
              "total_length": int(columns["length"][blocks].sum(dtype=np.float64))}
    write_atomically(snapshot_path(index_dir, toc.generation, "json"),
                      lambda f: f.write(json.dumps(header, ensure_ascii=False).encode("utf-8")))
    _remove_stale(index_dir, toc.generation, set(segment_ids))
    return toc.generation


def _remove_stale(index_dir: Path, generation: int, segment_ids: set[str]) -> None:
    """Delete snapshot files of older generations and of segments no longer listed.
    Processes that mapped them keep reading them until they close them (POSIX)."""
    for path in index_dir.iterdir():
        match = _SNAPSHOT_NAME.match(path.name)
        if match and int(match.group(1)) < generation:
            path.unlink(missing_ok=True)
        match = _SEGMENT_NAME.match(path.name)
        if match and match.group(1) not in segment_ids:
            path.unlink(missing_ok=True)


@dataclass
class SnapshotFiles:
    """One generation's snapshot, memory-mapped: `columns` (name -> array by docnum),
    `texts` and `bigrams` (one per segment), `offsets` (first docnum of each segment) and the
    header (facet values, counts)."""

    generation: int
    columns: dict[str, np.ndarray]
    texts: list
    encodings: list[str]  # each segment's texts' encoding
    bigrams: list[BigramPostings]
    offsets: np.ndarray
    header: dict
    index_dir: Path

    def titles(self) -> dict[str, str]:
        """{report id: normalised printed title} over all segments, read from disk on
        demand (deleted reports included; callers keep live blocks only)."""
        out: dict[str, str] = {}
        for segment_id in self.header["segments"]:  # later segments hold the newer versions
            meta = json.loads(segment_path(self.index_dir, segment_id, "json").read_text(encoding="utf-8"))
            out.update(meta["titles"])
        return out


def _map(path: Path):
    """A read-only memory map of `path` (an empty file maps to b'')."""
    with open(path, "rb") as f:
        if os.fstat(f.fileno()).st_size == 0:
            return b""
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


def load_snapshot(index_dir: Path, generation: int) -> SnapshotFiles:
    """Map generation `generation`'s snapshot: O(1), nothing is read but the header.
    Raises FileNotFoundError when it is not (or no longer) on disk."""
    index_dir = Path(index_dir)
    header = json.loads(snapshot_path(index_dir, generation, "json").read_text(encoding="utf-8"))
    columns = _mapped_arrays(snapshot_path(index_dir, generation, "cols"), header["columns"])
    bigrams = [BigramPostings(_mapped_arrays(segment_path(index_dir, segment_id, "grams"), layout))
               for segment_id, layout in zip(header["segments"], header["bigrams"], strict=True)]
    texts = [_map(segment_path(index_dir, s, "texts")) for s in header["segments"]]
    encodings = header.get("encodings", ["utf-8"] * len(texts))  # snapshots written before UTF-16
    return SnapshotFiles(generation, columns, texts, encodings, bigrams,
                         np.array(header["offsets"], dtype=np.int64), header, index_dir)


def has_snapshot(index_dir: Path, generation: int) -> bool:
    """Whether generation `generation`'s snapshot is complete on disk."""
    return snapshot_path(index_dir, generation, "json").exists()
