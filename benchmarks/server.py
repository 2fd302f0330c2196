"""What the benchmarks that drive a server share: `baogao serve` on loopback, started and
stopped; a free port; the server's memory; running client threads; percentiles."""
from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    """The q-quantile of `values` (nearest rank; NaN when there are none)."""
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else float("nan")


def run_threads(threads: list) -> float:
    """Start every thread, wait for all; the wall time in seconds."""
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - started


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the server's workers), in MB."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total / 1024


@contextlib.contextmanager
def serving(index_dir: Path, extra_args: list[str] = ()):
    """(base URL, process) of `baogao serve` on a free loopback port; stopped on exit."""
    port = free_port()
    # The server's log goes to a file: waitress warns about its queue under load, and an
    # unread pipe would fill up and stall the server.
    log = tempfile.TemporaryFile(mode="w+")
    process = subprocess.Popen([sys.executable, "-m", "baogao.cli", "serve", "--index", str(index_dir),
                                "--port", str(port), *extra_args],
                               stdout=subprocess.DEVNULL, stderr=log, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                urllib.request.urlopen(url + "/api/search?q=%E6%B3%95", timeout=2).read()
                break
            except OSError:
                if process.poll() is not None:
                    log.seek(0)
                    raise RuntimeError("baogao serve exited: " + log.read()) from None
                time.sleep(0.2)
        else:
            raise RuntimeError("baogao serve did not answer within 120 s")
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
