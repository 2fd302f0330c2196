"""Searching the shards on a Dask cluster: one shard engine per shard, kept on the workers
as a Dask actor, and every query scattered to them and gathered (search/backends.py has
the local backends; baogao/cluster.py connects).

Dask does not restart an actor whose worker died, so a call that fails is retried once on
a new actor, which the scheduler places on a live worker (the shards sit on a file system
every worker can read). A shard that fails again is reported as missing: the engine then
says so in the answer's `partial` field, or refuses to answer where a part would mislead.
"""
from __future__ import annotations

from pathlib import Path

from baogao.cluster import close, connect

from .shard import ShardEngine

CALL_TIMEOUT = 120  # seconds a shard may take to answer one step of a query


class ShardActor:
    """A `ShardEngine` living on a Dask worker."""

    def __init__(self, directory: str, max_hit_text: int | None):
        self.engine = ShardEngine(directory, max_hit_text)

    def run(self, method: str, args: tuple):
        return getattr(self.engine, method)(*args)


class DaskShards:
    """The shards of an index as actors on the workers of the cluster at `address`."""

    def __init__(self, dirs: list[Path], address: str, max_hit_text: int | None = None):
        self.names = [d.name for d in dirs]
        self.dirs = [str(Path(d).resolve()) for d in dirs]  # every worker must reach the same path
        self.max_hit_text = max_hit_text
        self.client = connect(address)
        try:
            futures = [self._new_actor(i) for i in range(len(dirs))]
            self.actors = [future.result() for future in futures]
        except BaseException:
            close(self.client)
            raise

    def _new_actor(self, shard: int):
        return self.client.submit(ShardActor, self.dirs[shard], self.max_hit_text, actor=True, pure=False)

    def run(self, calls: dict[int, tuple[str, tuple]]) -> tuple[dict[int, object], list[str]]:
        pending = {i: self.actors[i].run(method, args) for i, (method, args) in calls.items()}
        results, missing = {}, []
        for i, future in pending.items():
            try:
                results[i] = future.result(timeout=CALL_TIMEOUT)
            except Exception as exc:  # noqa: BLE001 - any failure of the worker, not of the query
                if not _worker_failure(exc):
                    raise
                try:  # the worker holding the actor died: a new actor on a live worker, once
                    self.actors[i] = self._new_actor(i).result(timeout=CALL_TIMEOUT)
                    method, args = calls[i]
                    results[i] = self.actors[i].run(method, args).result(timeout=CALL_TIMEOUT)
                except Exception as again:  # noqa: BLE001
                    if not _worker_failure(again):
                        raise
                    missing.append(self.names[i])
        return results, missing

    def close(self):
        close(self.client)


def _worker_failure(exc: BaseException) -> bool:
    """Whether an actor call failed for want of its worker (not because of the query)."""
    from distributed.comm.core import CommClosedError

    return isinstance(exc, (OSError, TimeoutError, CommClosedError)) or type(exc).__name__ in {
        "KilledWorker", "CancelledError", "FutureCancelledError"}
