"""Build and update an index: files -> reports -> Whoosh documents.

Builds are incremental (a file whose bytes are unchanged is skipped; a changed one replaces
its report; with `prune`, reports whose file is gone are removed), parallel (the main
process parses and analyses files while one Whoosh sub-writer per core writes postings),
and safe to interrupt: reports are committed in batches, each commit is atomic, and an
interrupted batch is cancelled, so readers always see the last committed index. Batches
commit without merging segments; a build's last commit merges only small segments.
"""
from __future__ import annotations

import hashlib
import json
import os
import queue
import re
import signal
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.multiproc import MpWriter
from whoosh.writing import SegmentWriter

from .analysis import grams, normalise, words
from .reports import Report, parse_report
from .schema import REPORT_KIND, build_schema
from .sources import SourceError, iter_report_files, read_text

INDEX_NAME = "baogao"
LOCK_NAME = "build.lock"
DEFAULT_BATCH = 2000  # reports per commit: what Ctrl-C can lose, and one segment per sub-writer


class IndexDirectoryError(Exception):
    """A problem with the index directory that the user must resolve; the message says how."""


class IndexBusy(IndexDirectoryError):
    """Another build holds the index's build lock."""


@dataclass
class BuildSummary:
    """What a build did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[str] = field(default_factory=list)  # one message per file

    def as_dict(self) -> dict:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "removed": self.removed, "failed": len(self.failed)}


def report_id_for(path: Path) -> str:
    """A stable id for the report read from `path`: readable stem + hash of the full path."""
    resolved = str(Path(path).resolve())
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(path).stem).strip("-")[:40] or "report"
    return f"{stem}-{hashlib.sha1(resolved.encode('utf-8')).hexdigest()[:8]}"


def index_exists(index_dir: Path | str) -> bool:
    """Whether `index_dir` holds a Baogao index."""
    return whoosh_index.exists_in(str(index_dir), indexname=INDEX_NAME)


def open_index(index_dir: Path | str):
    """Open an existing index for reading, with a clear error when there is none."""
    index_dir = Path(index_dir)
    if not index_exists(index_dir):
        raise IndexDirectoryError(f"no index at {index_dir}: run 'baogao build --index {index_dir}' first")
    return _checked(whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME), index_dir)


def _checked(ix, index_dir: Path):
    """Refuse an index whose schema this version cannot read."""
    if ix.schema != build_schema():
        raise IndexDirectoryError(f"{index_dir} was built by another version of Baogao: "
                          "delete it and run 'baogao build' again")
    return ix


def _open_or_create(index_dir: Path):
    index_dir.mkdir(parents=True, exist_ok=True)
    if index_exists(index_dir):
        return _checked(whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME), index_dir)
    if any(p.name != LOCK_NAME for p in index_dir.iterdir()):
        raise IndexDirectoryError(f"{index_dir} is not empty and holds no Baogao index; "
                          "choose an empty or new directory")
    return whoosh_index.create_in(str(index_dir), build_schema(), indexname=INDEX_NAME)


def report_documents(report: Report, report_id: str, sha256: str) -> list[dict]:
    """The Whoosh documents of one report: its record and one per title/heading/paragraph.

    Words and grams are computed here (not in the writer) so that worker processes can do
    the expensive analysis.
    """
    place = {k: getattr(report, k) or "" for k in ("province", "city", "county", "town")}
    shared = dict(report_id=report_id, source=report.source, title=report.title or report.display_title,
                  year=str(report.year or ""), **place)
    docs = [dict(pid=report_id, kind=REPORT_KIND, sha256=sha256,
                 printed_title=report.title or "",
                 report=json.dumps(report.to_dict(), ensure_ascii=False), **shared)]
    for n, kind, text, section, subsection in report.blocks():
        norm = normalise(text)
        docs.append(dict(
            pid=f"{report_id}/{n}", kind=kind, n=n,
            categories=",".join(section.categories) if section else "",
            section_heading=section.heading if section else "",
            subsection=subsection or "",
            text=words(norm), _stored_text=text,
            grams=sorted(grams(norm)),
            **shared,
        ))
    return docs


def _analyse_file(path: str, sha256: str, report_id: str) -> tuple[list[dict] | None, str | None]:
    """Read, parse and analyse one file: (documents, None) or (None, reason)."""
    try:
        report = parse_report(read_text(path), path)
    except SourceError as exc:
        return None, exc.reason
    except Exception as exc:  # a parser bug must not stop the batch; it is reported per file
        return None, f"could not parse the report ({type(exc).__name__}: {exc})"
    if not report.sections and not report.preamble:
        return None, "no report text found"
    return report_documents(report, report_id, sha256), None


class _ParallelWriter(MpWriter):
    """Whoosh's multi-process writer (one sub-writer per core builds its own segment),
    made safe to interrupt: sub-writers ignore Ctrl-C, which the build handles, and
    `cancel` stops and joins them instead of leaving them waiting for work."""

    def _new_task(self):
        if threading.current_thread() is not threading.main_thread():
            return super()._new_task()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            return super()._new_task()
        finally:
            signal.signal(signal.SIGINT, previous)

    def cancel(self):
        for _ in self.tasks:
            self.jobqueue.put(None)
        for task in self.tasks:
            try:
                self.resultqueue.get(timeout=120)  # drain, so the task can exit
            except queue.Empty:
                pass
            task.join()
        SegmentWriter.cancel(self)


MAX_SEGMENTS = 20


def merge_small_segments(writer, segments):
    """Whoosh merge policy for a build's last commit.

    Segments under a tenth of the largest (what incremental builds leave) are folded into
    the new segment once four have gathered; past MAX_SEGMENTS, all but the largest are.
    Large segments are otherwise left alone: Whoosh's default policy re-merges most of a
    large index at each commit, which makes a 10,000-report build quadratic.
    """
    from whoosh.reading import SegmentReader

    largest = max(segments, key=lambda s: s.doc_count_all(), default=None)
    small = [s for s in segments if s.doc_count_all() * 10 < largest.doc_count_all()] if largest else []
    if len(small) < 4:
        small = [s for s in segments if s is not largest] if len(segments) > MAX_SEGMENTS else []
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in small]


def _codec() -> W3Codec:
    # Posting blocks of 1024 ids instead of 128: the search side decodes a block per numpy
    # call (search/postings.py), so fewer, larger blocks read faster.
    return W3Codec(blocklimit=1024)


def _new_writer(ix, processes: int):
    if processes > 1:
        # Sub-writers receive pre-analysed documents in job files of `batchsize` blocks and
        # each adds its own segment at commit (multisegment: no extra merge pass).
        return _ParallelWriter(ix, procs=processes, batchsize=256, multisegment=True, limitmb=128,
                               codec=_codec())
    return SegmentWriter(ix, limitmb=256, codec=_codec())


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def indexed_reports(ix) -> dict[str, tuple[str, str]]:
    """{source path: (report_id, sha256)} for every report in the index."""
    with ix.searcher() as searcher:
        return {fields["source"]: (fields["report_id"], fields.get("sha256", ""))
                for fields in searcher.documents(kind=REPORT_KIND)}


def build_index(paths: Iterable[Path], index_dir: Path, prune: bool = False,
                progress: Callable[[int, int, str], None] | None = None,
                processes: int | None = None, batch_size: int = DEFAULT_BATCH) -> BuildSummary:
    """Add, update (and with `prune` remove) reports in the index at `index_dir`.

    `progress(done, total, path)` is called after each file; `processes` Whoosh sub-writers
    write postings (default: one per core, at most 2). Raises IndexBusy when another build
    is running, and IndexDirectoryError for a directory that is not an index.
    """
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise IndexBusy(f"another 'baogao build' is running on {index_dir}; "
                        "wait for it to finish and try again") from None
    try:
        processes = processes if processes is not None else min(2, os.cpu_count() or 1)
        return _build_locked(list(paths), index_dir, prune, progress, processes, batch_size)
    finally:
        lock.release()


def _build_locked(paths, index_dir, prune, progress, processes, batch_size) -> BuildSummary:
    ix = _open_or_create(index_dir)
    summary = BuildSummary()
    files, errors = iter_report_files(paths)
    summary.failed.extend(str(e) for e in errors)
    known = indexed_reports(ix)

    jobs = []
    for path in files:
        source = str(path.resolve())  # absolute, so links and downloads work from any directory
        try:
            sha = _file_sha256(path)
        except OSError as exc:
            summary.failed.append(f"{path}: cannot read the file ({exc.strerror or exc})")
            continue
        previous = known.get(source)
        if previous and previous[1] == sha:
            summary.unchanged += 1
            continue
        jobs.append((source, sha, previous[0] if previous else report_id_for(path)))

    done = summary.unchanged
    total = len(files)
    if progress:
        progress(done, total, "")
    writer = None
    pending = 0
    try:
        for path, sha, report_id in jobs:
            docs, error = _analyse_file(path, sha, report_id)
            done += 1
            if error:
                summary.failed.append(f"{path}: {error}")
            else:
                if writer is None:
                    writer = _new_writer(ix, processes)
                writer.delete_by_term("report_id", report_id)
                for doc in docs:
                    writer.add_document(**doc)
                if path in known:
                    summary.updated += 1
                else:
                    summary.added += 1
                pending += 1
                if pending >= batch_size:
                    writer.commit(merge=False)
                    writer, pending = None, 0
            if progress:
                progress(done, total, path)
        if prune:
            gone = [(source, rid) for source, (rid, _) in known.items() if not Path(source).exists()]
            if gone:
                writer = writer or SegmentWriter(ix, limitmb=256, codec=_codec())  # deletions only
                for _, rid in gone:
                    writer.delete_by_term("report_id", rid)
                summary.removed = len(gone)
        if writer is not None:
            writer.commit(mergetype=merge_small_segments)
            writer = None
    except BaseException:
        if writer is not None:
            writer.cancel()
        raise
    return summary
