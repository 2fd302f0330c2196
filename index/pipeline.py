"""Files -> analysed Whoosh documents, on worker processes, in order, with bounded memory.

Reading a file, hashing it, parsing the report and the jieba and bigram analysis are
independent per file, so worker processes do them while the build's main process feeds
the Whoosh writer. At most a few files per worker are in flight at any time: results
come back in file order, and no more are started than the writer has taken, so memory
stays bounded whatever the size of the corpus.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from .processes import die_with_parent
from .sources import ReportFile, SourceError, read_bytes

IN_FLIGHT_PER_WORKER = 4
# Below this many files a pool costs more to start than it saves.
MIN_FILES_FOR_WORKERS = 32


@dataclass
class Prepared:
    """What became of one file: `error` (a message), `unchanged`, or `docs` to index."""

    file: ReportFile
    path: str  # absolute: the report's identity across builds
    error: str | None = None
    unchanged: bool = False
    docs: list[dict] | None = None


def prepare(file: ReportFile, known: tuple[str, str] | None, report_id: str,
            analyse: Callable[[ReportFile, bytes, str, str], tuple[list[dict] | None, str | None]]) -> Prepared:
    """Read one file (once: the hash and the text come from the same bytes); skip it when
    its hash equals the indexed one (`known` = (report id, sha256)); else analyse it."""
    path = str(file.path.resolve())
    try:
        data = read_bytes(file.path)
    except SourceError as exc:
        return Prepared(file, path, error=str(exc))
    sha = hashlib.sha256(data).hexdigest()
    if known and known[1] == sha:
        return Prepared(file, path, unchanged=True)
    docs, error = analyse(file, data, sha, report_id)
    if error:
        return Prepared(file, path, error=f"{file.path}: {error}")
    return Prepared(file, path, docs=docs)


def _worker_setup(parent: int):
    """Workers leave Ctrl-C to the build, which shuts them down, and die with it if it is
    killed (else they would live on, holding the index's locks)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent)


def prepared_files(tasks: list[tuple[ReportFile, tuple[str, str] | None, str]], analyse,
                   workers: int) -> Iterator[Prepared]:
    """`prepare` for each (file, known, report id) task, in order: in this process when
    `workers` is 1 or the tasks are few, else on `workers` processes."""
    if workers <= 1 or len(tasks) < MIN_FILES_FOR_WORKERS:
        for file, known, report_id in tasks:
            yield prepare(file, known, report_id, analyse)
        return
    # fork: workers inherit the loaded jieba dictionary instead of loading it each.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_setup, initargs=(os.getpid(),))
    try:
        pending = deque()
        queued = iter(tasks)
        for task in queued:
            pending.append(pool.submit(prepare, *task, analyse))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                break
        while pending:
            result = pending.popleft().result()
            for task in queued:  # top the window up by one before handing a result on
                pending.append(pool.submit(prepare, *task, analyse))
                break
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
