"""Where a sharded index's shards are searched: here, in local worker processes, or on a
Dask cluster (search/cluster.py). Each backend runs one `ShardEngine` method on several
shards and hands back their results; the `Engine` merges them.

`run(calls)` takes {shard number: (method, args)} and returns ({shard number: result},
[names of shards that could not answer]). A backend that cannot reach a shard after a
retry lists it as missing instead of raising, so the engine can say which part of the
answer is lacking; an error raised by the shard's own code (a malformed query) propagates.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from baogao.index.processes import die_with_parent

from .shard import ShardEngine


class ShardUnavailable(Exception):
    """A shard could not answer (its process or worker died, twice); the message names it."""


class InProcess:
    """Every shard opened in this process and searched in turn: the unsharded index's
    backend, where going through another process would only add a copy."""

    def __init__(self, dirs: list[Path], max_hit_text: int | None = None):
        self.names = [d.name for d in dirs]
        self.shards = [ShardEngine(d, max_hit_text) for d in dirs]

    def run(self, calls: dict[int, tuple[str, tuple]]) -> tuple[dict[int, object], list[str]]:
        return {i: getattr(self.shards[i], method)(*args) for i, (method, args) in calls.items()}, []

    def close(self):
        for shard in self.shards:
            shard.close()


# Shard engines opened by a worker process of `LocalProcesses`, by directory.
_OPENED: dict[str, ShardEngine] = {}


def _run_in_worker(directory: str, max_hit_text: int | None, method: str, args: tuple):
    engine = _OPENED.get(directory)
    if engine is None:
        engine = _OPENED[directory] = ShardEngine(directory, max_hit_text)
    return getattr(engine, method)(*args)


class LocalProcesses:
    """The shards searched in parallel by worker processes of this machine (one per core,
    at most one per shard), started on the first query. Any worker may answer for any
    shard: opening a shard maps its snapshot (O(1)), and the OS page cache is shared."""

    def __init__(self, dirs: list[Path], max_hit_text: int | None = None, processes: int | None = None):
        self.names = [d.name for d in dirs]
        self.dirs = [str(d) for d in dirs]
        self.max_hit_text = max_hit_text
        self.processes = max(1, min(len(dirs), processes or os.cpu_count() or 1))
        self._pool: ProcessPoolExecutor | None = None
        ShardEngine(dirs[0], max_hit_text).close()  # a missing or unreadable index fails here, not mid-query

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # Spawned, not forked: a threaded web server must not fork mid-request. Workers die
            # with this process, so a stopped server or CLI leaves none behind.
            self._pool = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=die_with_parent, initargs=(os.getpid(),))
        return self._pool

    def run(self, calls: dict[int, tuple[str, tuple]]) -> tuple[dict[int, object], list[str]]:
        for _ in range(2):  # a pool broken by a killed worker is replaced once
            pool = self._executor()
            try:
                futures = {i: pool.submit(_run_in_worker, self.dirs[i], self.max_hit_text, method, args)
                           for i, (method, args) in calls.items()}
                return {i: future.result() for i, future in futures.items()}, []
            except BrokenProcessPool:
                # A worker was killed (out of memory?): start a fresh pool and ask once more.
                self._pool = None
                pool.shutdown(wait=False, cancel_futures=True)
        return {}, [self.names[i] for i in calls]

    def close(self):
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
