"""Load a real `baogao serve` from loopback: concurrent clients for a fixed time, with an
optional slowloris attack beside them.

    python -m benchmarks.load                          # 32 connections for 30 s, the seeds
    python -m benchmarks.load --index DIR --connections 32 --seconds 30
    python -m benchmarks.load --slowloris 100          # normal requests during a slowloris

Prints requests/s, p50/p95/p99 latency, errors and the server's memory before and after as
a table, and a `summary:` line. Bounded in time; traffic goes to 127.0.0.1 only.
"""
from __future__ import annotations

import argparse
import http.client
import shutil
import socket
import statistics
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote, urlsplit

from .server import percentile, rss_mb, run_threads, serving

QUERIES = ['"枫桥经验"', "矛盾纠纷 调解", "法治 year:2024", '"法律顾问" section:shortcomings', "普法 宣传 教育",
           "法治 -宣传", '"依法行政"', "法律 NEAR 宣传"]
PATHS = ["/api/search?q={q}", "/search?q={q}", "/api/search?q={q}&group=report", "/search?q={q}&year=2024"]


def client_loop(host: str, port: int, stop: float, latencies: list, errors: list, seed: int):
    """One keep-alive connection sending requests until `stop`."""
    connection = http.client.HTTPConnection(host, port, timeout=30)
    i = seed
    while time.time() < stop:
        path = PATHS[i % len(PATHS)].format(q=quote(QUERIES[i % len(QUERIES)]))
        i += 1
        begin = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status >= 500:
                errors.append(response.status)
        except (OSError, http.client.HTTPException) as exc:
            errors.append(type(exc).__name__)
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
            continue
        latencies.append(time.perf_counter() - begin)
    connection.close()


def slowloris(host: str, port: int, count: int, stop: float):
    """`count` connections that trickle one header line every 5 s and never finish."""
    sockets = []
    for _ in range(count):
        try:
            s = socket.create_connection((host, port), timeout=5)
            s.sendall(b"GET /search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            sockets.append(s)
        except OSError:
            break
    while time.time() < stop:
        time.sleep(5)
        for s in list(sockets):
            try:
                s.sendall(b"X-Slow: 1\r\n")
            except OSError:
                sockets.remove(s)
    for s in sockets:
        s.close()
    return len(sockets)


def run(url: str, pid: int, connections: int, seconds: float, attackers: int) -> dict:
    parts = urlsplit(url)
    latencies: list[float] = []
    errors: list = []
    before = rss_mb(pid)
    stop = time.time() + seconds
    attack = threading.Thread(target=slowloris, args=(parts.hostname, parts.port, attackers, stop + 1), daemon=True)
    if attackers:
        attack.start()
        time.sleep(1)
    threads = [threading.Thread(target=client_loop, args=(parts.hostname, parts.port, stop, latencies, errors, i))
               for i in range(connections)]
    elapsed = run_threads(threads)
    kinds = Counter(str(e) for e in errors)
    return {"requests": len(latencies), "error_kinds": ",".join(f"{k}:{n}" for k, n in kinds.items()) or "-",
            "rps": len(latencies) / elapsed, "p50_ms": percentile(latencies, .5) * 1000,
            "p95_ms": percentile(latencies, .95) * 1000, "p99_ms": percentile(latencies, .99) * 1000,
            "mean_ms": statistics.fmean(latencies) * 1000 if latencies else float("nan"),
            "errors": len(errors), "rss_before_mb": before, "rss_after_mb": rss_mb(pid)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, help="an existing index (default: the seeds, built in a temp dir)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--slowloris", type=int, default=0, help="slow connections held open beside the load")
    parser.add_argument("--serve-args", default="", help="extra arguments for baogao serve, e.g. '--threads 8'")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="baogao-load-"))
    try:
        with serving(args.index or workdir / "ix", args.serve_args.split()) as (url, process):
            result = run(url, process.pid, args.connections, args.seconds, args.slowloris)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"| measure ({args.connections} connections, {args.seconds:.0f} s, slowloris {args.slowloris}) | value |")
    print("|---|---|")
    for key, value in result.items():
        print(f"| {key} | {value:.1f} |" if isinstance(value, float) else f"| {key} | {value} |")
    print("summary: " + " ".join(f"{k}={v:.1f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
