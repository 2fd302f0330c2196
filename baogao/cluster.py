"""Connecting to a Dask cluster (the optional `cluster` extra: pip install 'baogao[cluster]').

`--cluster ADDRESS` names a running scheduler (tcp://host:8786); `--cluster local` starts a
LocalCluster of worker processes on this machine, for trying it out and for the tests.
Builds send one task per shard to the workers (index/build.py); searches keep one shard
engine per shard on the workers as Dask actors (search/cluster.py).
"""
from __future__ import annotations

import os

CONNECT_TIMEOUT = "20s"


class ClusterError(Exception):
    """The cluster cannot be used: Dask is not installed, or the scheduler is unreachable."""


def connect(address: str):
    """A Dask `Client` of the scheduler at `address` ("local": a new LocalCluster with one
    single-threaded worker process per core). Raises ClusterError with what to do."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--cluster needs Dask: pip install 'baogao[cluster]'") from None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                   dashboard_address=":0")
            return Client(cluster)
        return Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({exc}); start one with "
                           "'dask scheduler' and workers with 'dask worker ADDRESS' (docs/cluster.md)") from None


def close(client) -> None:
    """Close a client, and the LocalCluster it started, if any."""
    cluster = client.cluster
    client.close()
    if cluster is not None:
        cluster.close()
