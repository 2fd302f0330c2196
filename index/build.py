"""Build and update an index: files -> reports -> Whoosh documents.

Builds are incremental (a file whose bytes are unchanged is skipped; a changed one replaces
its report; with `prune`, reports whose file is gone are removed), parallel (worker
processes read, parse and analyse files (index/pipeline.py) while the main process feeds
Whoosh sub-writers that write postings, one per process),
and safe to interrupt: reports are committed in batches, each commit is atomic, and an
interrupted batch is cancelled, so readers always see the last committed index. Batches
commit without merging segments; a build's last commit merges only small segments.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from concurrent.futures.process import BrokenProcessPool

from filelock import FileLock, Timeout
from whoosh import index as whoosh_index
from whoosh.index import LockError

from baogao import settings

from .analysis import segmenter, words
from .errors import IndexBusy, IndexDirectoryError
from .opening import INDEX_NAME, checked_index, index_exists
from .pipeline import MIN_FILES_FOR_WORKERS, prepared_files
from .printed import normalised_and_patch
from .query_words import dictionary_exists, is_dictionary_file, write_dictionary
from .report_fields import PLACE_FIELDS, paragraphs_of
from .report_model import Report
from .reports import parse_report
from .schema import REPORT_KIND, build_schema
from .shards import MANIFEST, ShardLayoutError, is_sharded, shard_dirs, shard_of, write_manifest
from .snapshot import has_snapshot, is_snapshot_file, write_snapshot
from .sources import ReportFile, SourceError, iter_report_files, text_from_bytes
from .whoosh_ext import codec
from .writers import ArrayPoolWriter, WriterDied, merge_small_segments, new_writer

LOCK_NAME = "build.lock"


@dataclass
class BuildSummary:
    """What a build did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[str] = field(default_factory=list)  # one message per file

    def add(self, other: BuildSummary) -> None:
        """Count another shard's build in this one."""
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.removed += other.removed
        self.failed.extend(other.failed)

    def as_dict(self) -> dict:
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "removed": self.removed, "failed": len(self.failed)}


def report_id_for(path: Path) -> str:
    """A stable id for the report read from `path`: readable stem + hash of the full path."""
    resolved = os.fsencode(Path(path).resolve())  # the bytes: a name need not be UTF-8
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(path).stem).strip("-")[:40] or "report"
    return f"{stem}-{hashlib.sha1(resolved).hexdigest()[:8]}"


def _open_or_create(index_dir: Path):
    index_dir.mkdir(parents=True, exist_ok=True)
    if index_exists(index_dir):
        return checked_index(index_dir)
    if any(p.name != LOCK_NAME for p in index_dir.iterdir()):
        raise IndexDirectoryError(f"{index_dir} is not empty and holds no Baogao index; "
                          "choose an empty or new directory")
    return whoosh_index.create_in(str(index_dir), build_schema(), indexname=INDEX_NAME)


def report_documents(report: Report, report_id: str, sha256: str, path: str) -> list[dict]:
    """The Whoosh documents of one report: its record and one per title/heading/paragraph.

    Words are computed here (not in the writer) so that worker processes can do the
    expensive analysis; bigrams are indexed from the snapshot's texts (index/bigrams.py).
    """
    place = {k: getattr(report, k) or "" for k in PLACE_FIELDS}
    # Every block carries what a hit shows (source, title): a hit reads one document.
    shared = dict(report_id=report_id, source=report.source, title=report.title or report.display_title)
    # Indexed on every block for filters; stored with the record only (a hit reads them
    # from the snapshot's columns, which the build fills from these fields' postings).
    report_level = dict(year=str(report.year or ""), report_kind=report.kind, **place)
    docs = [dict(pid=report_id, kind=REPORT_KIND, sha256=sha256, path=path,
                 printed_title=report.title or "",
                 report=json.dumps(_without_texts(report.to_dict()), ensure_ascii=False),
                 **shared, **report_level)]
    unstored = {f"_stored_{name}": None for name in (*report_level, "categories")}
    for n, kind, text, section, subsection in report.blocks():
        # The writer files the normalised text in the segment's snapshot (`_norm`, which
        # Whoosh ignores); the stored text is the edits back to the printed one.
        norm, patch = normalised_and_patch(text)
        docs.append(dict(
            kind=kind, n=n,
            categories=",".join(section.categories) if section else "",
            section_heading=section.heading if section else "",
            subsection=subsection or "",
            text=words(norm), _stored_text=patch, _norm=norm,
            **shared, **report_level, **unstored,
        ))
    return docs


def _without_texts(data: dict) -> dict:
    """The parsed report without its paragraphs' texts: every one is stored with its block,
    and keeping a second copy in the record made the index about half the text larger."""
    for paragraph in paragraphs_of(data):
        del paragraph["text"]
    return data


def _analyse_file(file: ReportFile, data: bytes, sha256: str, report_id: str) -> tuple[list[dict] | None, str | None]:
    """Parse and analyse one file read as `data`: (documents, None) or (None, reason)."""
    try:
        report = parse_report(text_from_bytes(file.path, data), file.source)
    except SourceError as exc:
        return None, exc.reason
    except Exception as exc:  # a parser bug must not stop the batch; it is reported per file
        return None, f"could not parse the report ({type(exc).__name__}: {exc})"
    if not report.sections and not report.preamble:
        return None, "no report text found"
    return report_documents(report, report_id, sha256, str(file.path.resolve())), None


def indexed_reports(ix) -> dict[str, tuple[str, str]]:
    """{absolute file path: (report_id, sha256)} for every report in the index."""
    with ix.searcher() as searcher:
        return {fields["path"]: (fields["report_id"], fields.get("sha256", ""))
                for fields in searcher.documents(kind=REPORT_KIND)}


def build_index(paths: Iterable[Path], index_dir: Path, prune: bool = False,
                progress: Callable[[int, int, str], None] | None = None,
                processes: int | None = None, batch_size: int | None = None,
                rebuild: bool = False, shards: int | None = None, cluster: str | None = None) -> BuildSummary:
    """Add, update (and with `prune` remove) reports in the index at `index_dir`.

    `progress(done, total, path)` is called after each file; `processes` worker processes
    analyse files and as many Whoosh sub-writers write postings (default: the
    build_processes setting); `batch_size` reports are
    committed at a time (default: the build_batch setting). `rebuild` first empties an
    existing index (one written by another version, say). `shards` > 1 makes a new index
    sharded (index/shards.py; an existing index keeps its number of shards); `cluster`
    (a Dask scheduler's address, or "local") builds the shards as tasks on its workers.
    Raises IndexBusy when another build is running, and IndexDirectoryError for a
    directory that is not an index.
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
        processes = processes or settings.get("build_processes") or os.cpu_count() or 1
        batch_size = batch_size or settings.get("build_batch")
        if rebuild:
            _empty_index_directory(index_dir)
        dirs = _shard_layout(index_dir, shards)
        return _build_shards(list(paths), index_dir, dirs, prune, progress, processes, batch_size, cluster)
    except ShardLayoutError as exc:
        raise IndexDirectoryError(str(exc)) from None
    finally:
        lock.release()


def _shard_layout(index_dir: Path, shards: int | None) -> list[Path]:
    """The shard directories to build into: the index's own, or a new layout of `shards`."""
    if is_sharded(index_dir) or index_exists(index_dir):
        dirs = shard_dirs(index_dir)
        if shards and shards != len(dirs):
            raise IndexDirectoryError(f"{index_dir} has {len(dirs)} shard(s), not {shards}: to change that, "
                                      f"build with --rebuild --shards {shards}")
        return dirs
    if shards and shards > 1:
        if any(p.name != LOCK_NAME for p in index_dir.iterdir()):
            raise IndexDirectoryError(f"{index_dir} is not empty and holds no Baogao index; "
                                      "choose an empty or new directory")
        return write_manifest(index_dir, shards)
    return [index_dir]


def _build_shards(paths: list[Path], index_dir: Path, dirs: list[Path], prune: bool, progress, processes: int,
                  batch_size: int, cluster: str | None) -> BuildSummary:
    """Send each file to its report's shard and build the shards: here one after another
    (each on every core), or on the cluster's workers side by side."""
    summary = BuildSummary()
    files, errors = iter_report_files(paths)
    summary.failed.extend(str(e) for e in errors)
    missing = [str(p) for p in paths if not Path(p).exists()]
    prune_now = prune and not missing  # an unmounted disk must not empty the index
    parts: dict[int, list[ReportFile]] = {i: [] for i in range(len(dirs))}
    for file in files:
        parts[shard_of(report_id_for(file.path), len(dirs)) if len(dirs) > 1 else 0].append(file)
    total = len(files)
    if progress:
        progress(0, total, "")
    if cluster:
        _build_on_cluster(parts, dirs, prune_now, batch_size, cluster, progress, total, summary)
    else:
        done_before = 0
        for number, shard_dir in enumerate(dirs):
            def shard_progress(done: int, _total: int, path: str, before: int = done_before):
                if progress and done:
                    progress(before + done, total, path)

            summary.add(build_shard(parts[number], shard_dir, prune_now, shard_progress, processes, batch_size,
                                    lock=shard_dir != index_dir))
            done_before += len(parts[number])
    if prune and missing:
        summary.failed.append(f"not pruning: {', '.join(missing)} does not exist, and every report "
                              "from it would be removed; check the path (or the disk) and build again")
    return summary


def _build_on_cluster(parts: dict[int, list[ReportFile]], dirs: list[Path], prune: bool, batch_size: int,
                      address: str, progress, total: int, summary: BuildSummary) -> None:
    """Build every shard as one task on the cluster (reading, parsing, analysis and
    writing); the shards must sit where every worker can reach them by the same path."""
    from baogao.cluster import ClusterError, close, connect

    try:
        client = connect(address)
    except ClusterError as exc:
        raise IndexDirectoryError(str(exc)) from None
    try:
        from distributed import as_completed

        futures = {client.submit(build_shard, [ReportFile(f.path.resolve(), f.source) for f in parts[i]],
                                 shard_dir.resolve(), prune, None, 1, batch_size, pure=False): i
                   for i, shard_dir in enumerate(dirs)}
        done = 0
        for future in as_completed(futures):
            number = futures[future]
            try:
                summary.add(future.result())
            except IndexDirectoryError:
                raise
            except Exception as exc:  # noqa: BLE001 - a worker lost, the cluster gone
                raise IndexDirectoryError(f"shard {dirs[number].name} could not be built on the cluster "
                                          f"({type(exc).__name__}: {exc}); every shard keeps its last commit: "
                                          "run the build again") from None
            done += len(parts[number])
            if progress:
                progress(done, total, dirs[number].name)
    finally:
        close(client)


def build_shard(files: list[ReportFile], shard_dir: Path, prune: bool = False,
                progress: Callable[[int, int, str], None] | None = None, processes: int = 1,
                batch_size: int | None = None, lock: bool = True) -> BuildSummary:
    """Build one index (a shard, or an unsharded index) from `files`, which all belong to
    it; with `prune`, remove its reports whose file is gone. Runs in the build's process
    or as a task on a cluster worker; takes the directory's build lock unless the caller
    holds it."""
    shard_dir = Path(shard_dir)
    batch_size = batch_size or settings.get("build_batch")
    held = FileLock(str(shard_dir / LOCK_NAME)) if lock else None
    try:
        if held is not None:
            shard_dir.mkdir(parents=True, exist_ok=True)
            held.acquire(timeout=0)
        return _build_locked(files, shard_dir, prune, progress, processes, batch_size)
    except Timeout:
        raise IndexBusy(f"another 'baogao build' is writing {shard_dir}; wait for it to finish and try again") from None
    except (BrokenProcessPool, WriterDied):
        raise IndexDirectoryError("a worker process of the build died (killed, or out of memory?); nothing "
                                  "after the last commit was kept: run the build again") from None
    except LockError:
        raise IndexBusy(f"the index at {shard_dir} is locked by another writer; if no build is running, "
                        "its processes were killed: run the build again in a moment") from None
    except OSError as exc:  # a read-only or full disk, a folder taken away: the last commit stands
        raise IndexDirectoryError(f"{shard_dir}: cannot write the index ({exc.strerror or exc}); "
                                  "the index keeps its last complete commit") from None
    finally:
        if held is not None and held.is_locked:
            held.release()


def _empty_index_directory(index_dir: Path) -> None:
    """Delete an index's files (keeping the lock) and, if it is sharded, its shards and
    manifest, refusing a directory that holds anything but an index, so a mistyped
    --index never deletes a user's files."""
    shards = [p for p in index_dir.iterdir() if p.is_dir() and _SHARD_DIR.match(p.name)] \
        if (index_dir / MANIFEST).exists() else []
    doomed = {index_dir: _index_files(index_dir, allowed={MANIFEST, *(p.name for p in shards)})}
    for shard in shards:
        doomed[shard] = _index_files(shard)
    doomed_names = {p.name for p in shards}
    for directory, files in reversed(doomed.items()):  # the shards first, the manifest last
        for p in files:
            if p.parent == index_dir and p.name in doomed_names:
                continue  # a shard directory, removed above
            p.unlink()
        if directory != index_dir:
            (directory / LOCK_NAME).unlink(missing_ok=True)
            directory.rmdir()


_SHARD_DIR = re.compile(r"^shard-\d+$")
_WHOOSH_FILE = re.compile(rf"^(_{INDEX_NAME}_\d+\.toc|{INDEX_NAME}_\w+\.(seg|trm|pst|vps|dcz|fvz|lns|lok)|"
                          rf"{INDEX_NAME}_WRITELOCK)$")


def _index_files(directory: Path, allowed: set[str] = frozenset()) -> list[Path]:
    """The files of the index in `directory` (not its lock), or IndexDirectoryError if it
    holds anything else but the `allowed` names."""
    files = [p for p in directory.iterdir() if p.name != LOCK_NAME]
    strangers = [p.name for p in files
                 if not (p.name in allowed or p.is_file() and (
                     _WHOOSH_FILE.match(p.name) or is_snapshot_file(p.name)
                     or is_dictionary_file(p.name) or p.name.startswith(".tmp-")))]
    if strangers:
        raise IndexDirectoryError(f"{directory} holds files that are not part of an index "
                                  f"({', '.join(sorted(strangers)[:3])}); --rebuild will not delete them")
    return files


def _write_snapshot(ix, index_dir: Path) -> None:
    """Write the snapshot of the generation just committed (index/snapshot.py)."""
    write_snapshot(index_dir, ix.storage, INDEX_NAME, ix.schema)


def _build_locked(files: list[ReportFile], index_dir: Path, prune: bool, progress, processes: int,
                  batch_size: int) -> BuildSummary:
    ix = _open_or_create(index_dir)
    summary = BuildSummary()
    known = indexed_reports(ix)

    total = len(files)
    if progress:
        progress(0, total, "")
    tasks = []
    for file in files:
        previous = known.get(str(file.path.resolve()))
        tasks.append((file, previous, previous[0] if previous else report_id_for(file.path)))
    if processes > 1 and total >= MIN_FILES_FOR_WORKERS:
        segmenter()  # loaded once here; forked workers inherit it
    writer = None
    pending = 0
    try:
        for done, prepared in enumerate(prepared_files(tasks, _analyse_file, processes), start=1):
            previous = known.get(prepared.path)
            if prepared.error:
                summary.failed.append(prepared.error)
            elif prepared.unchanged:
                summary.unchanged += 1
            else:
                if writer is None:
                    writer = new_writer(ix, processes)
                writer.delete_by_term("report_id", prepared.docs[0]["report_id"])
                for doc in prepared.docs:
                    writer.add_document(**doc)
                if previous:
                    summary.updated += 1
                else:
                    summary.added += 1
                pending += 1
                if pending >= batch_size:
                    writer.commit(merge=False)
                    writer, pending = None, 0
                    _write_snapshot(ix, index_dir)
            if progress:
                progress(done, total, str(prepared.file.path))
        if prune:
            gone = [(path, rid) for path, (rid, _) in known.items() if not Path(path).exists()]
            if gone:
                writer = writer or ArrayPoolWriter(ix, codec=codec(ix.schema))  # deletions only
                for _, rid in gone:
                    writer.delete_by_term("report_id", rid)
                summary.removed = len(gone)
        if writer is not None:
            writer.commit(mergetype=merge_small_segments)
            writer = None
        if not has_snapshot(index_dir, ix.latest_generation()):  # also after an interrupted build
            _write_snapshot(ix, index_dir)
        if not dictionary_exists(index_dir):  # queries segment with it (index/query_words.py)
            write_dictionary(index_dir)
    except BaseException:
        if writer is not None:
            writer.cancel()
        raise
    return summary
