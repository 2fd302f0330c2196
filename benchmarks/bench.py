"""Measure builds, opening, queries, memory and the server against baselines of the same run.

    python -m benchmarks.bench --reports 10000      # synthetic reports (benchmarks/corpus.py)
    python -m benchmarks.bench --corpus DIR         # real files (e.g. the laws and 政府工作报告)
    python -m benchmarks.bench --quick              # a smoke test (tiny corpus, one repetition)
    python -m benchmarks.bench --reuse-index ...    # query side again on the index of an earlier run
    python -m benchmarks.bench --shards 4 [--cluster local|ADDRESS] --reports 30000
                                                    # a sharded index against the unsharded one

Measured: build MB/s against jieba's single-core rate; index size; the time a fresh process
takes to open the index; one `baogao search` process end to end; a search process's memory
after 100 queries; quoted-phrase latency against an in-memory substring scan (and the naive
jieba+Whoosh build unless --skip-naive); `baogao serve` throughput with 1 and 2 workers
under 16 concurrent clients, its p99, and failed requests while a build commits.
Every figure comes from this run on this machine; ratios compare measurements of the same
run. The last line is a summary for scripts:
summary: phrase_p50_ratio=… phrase_p95_ratio=… build_ratio=… index_ratio=… recall=… naive_recall=…
open_s=… cli_s=… rss_mb=… qps_ratio_2w=… p99_ms=…  (one line)
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .corpus import generate
from .server import free_port, percentile, run_threads

PHRASES = ["三重一大", "小事不出村", "法律明白人", "公职律师", "枫桥经验", "八五普法", "矛盾纠纷",
           "依法行政", "第一责任人", "法治政府", "建设", "法治"]  # rare ... very common, 2-8 chars
REAL_PHRASES = ["人民代表大会", "国务院", "行政许可", "高质量发展", "依法"]  # added for --corpus
WORD_QUERIES = ["矛盾纠纷 调解", "普法 宣传 教育", "法律顾问"]
FILTERED = ['"矛盾纠纷" year:2023', '"法律顾问" section:shortcomings', '法治 province:重庆市']
SERVE_TURNS = 4  # turns each server takes the load (serve_phase)


def peak_rss_mb() -> float:
    """This process's own peak resident memory (VmHWM; ru_maxrss survives exec on Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory_mb() -> dict[str, float]:
    """This process's resident memory now: its own (anonymous) pages, mapped file pages
    (shared page cache: the index), and the total."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "RssAnon", "RssFile", "RssShmem"):
            fields[name] = int(value.split()[0]) / 1024
    return fields


def directory_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def jieba_rate(texts: list[str]) -> float:
    """jieba precise-mode MB/s on one core, over normalised text."""
    from baogao.index.analysis import segmenter

    tokenizer = segmenter()
    size = sum(len(t.encode("utf-8")) for t in texts)
    start = time.perf_counter()
    for t in texts:
        tokenizer.lcut(t)
    return size / 1e6 / (time.perf_counter() - start)


def query_phase(index_dir: str, repeats: int, phrases: list[str], cluster: str | None = None) -> dict:
    """Run in a fresh process: open time, our answers, the in-memory scan, recall."""
    from baogao.index.analysis import normalise
    from baogao.index.shards import shard_dirs
    from baogao.search.engine import Engine
    from baogao.search.matching import QueryRun
    from baogao.search.query import parse_query
    from baogao.search.request import SearchRequest
    from baogao.search.shard import ShardEngine

    start = time.perf_counter()
    engine = Engine(index_dir, cluster=cluster)
    load = time.perf_counter() - start
    engine.search(SearchRequest("法治 宣传", per_page=1))  # load jieba's dictionary before timing, as serve does
    # The scan's paragraphs, held in memory, shard by shard (to check each shard's matches).
    snaps = [ShardEngine(d).snapshot() for d in shard_dirs(index_dir)]
    texts = [[snap.text(d) for d in snap.blocks.tolist()] for snap in snaps]
    ours, scan, recall_hits, recall_total, precision_bad = [], [], 0, 0, 0
    for phrase in phrases:
        needle = normalise(phrase)
        for _ in range(repeats):
            t0 = time.perf_counter()
            engine.search(SearchRequest(f'"{phrase}"'))
            ours.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            expected = [[i for i, t in enumerate(shard) if needle in t] for shard in texts]
            scan.append(time.perf_counter() - t0)
        for snap, positions in zip(snaps, expected, strict=True):
            with snap.searcher() as searcher:
                found = set(QueryRun(snap, searcher).evaluate(parse_query(f'"{phrase}"')).tolist())
            wanted = set(snap.blocks[positions].tolist())
            recall_hits += len(found & wanted)
            recall_total += len(wanted)
            precision_bad += len(found ^ wanted)
    other = {}
    for query in WORD_QUERIES + FILTERED:
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            engine.search(SearchRequest(query))
            times.append(time.perf_counter() - t0)
        other[query] = statistics.median(times)
    engine.close()
    return {
        "load": load, "ours": ours, "scan": scan, "other": other,
        "recall": recall_hits / recall_total if recall_total else 1.0, "mismatch": precision_bad,
        "blocks": sum(map(len, texts)),
    }


def memory_phase(index_dir: str, phrases: list[str]) -> dict:
    """Run in a fresh process: open the index, answer 100 queries (no scan baseline held),
    report resident memory."""
    from baogao.search.engine import Engine
    from baogao.search.request import SearchRequest

    engine = Engine(index_dir)
    queries = [f'"{p}"' for p in phrases] + WORD_QUERIES + FILTERED
    for i in range(100):
        engine.search(SearchRequest(queries[i % len(queries)]))
    return {**memory_mb(), "peak": peak_rss_mb()}


def cli_seconds(index_dir: Path, query: str, runs: int = 3) -> float:
    """Median wall time of one `baogao search` process, start to exit."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "baogao.cli", "search", query, "--index", str(index_dir)],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


class Server:
    """`baogao serve` in a subprocess, for the duration of a `with` block."""

    def __init__(self, index_dir: Path, workers: int):
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "baogao.cli", "serve", "--index", str(index_dir), "--port", str(self.port),
             "--workers", str(workers), "--threads", "4"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def __enter__(self):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def load_test(port: int, queries: list[str], seconds: float, clients: int = 16,
              max_requests: int = 200_000, until: threading.Event | None = None) -> dict:
    """`clients` threads send searches for `seconds` (at most `max_requests` in all, and
    only until `until` is set): requests per second, p99 latency, failures."""
    until = until or threading.Event()
    latencies, failures, count = [], [0], [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(offset: int):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = offset
        while time.monotonic() < stop_at and not until.is_set():
            with lock:
                if count[0] >= max_requests:
                    return
                count[0] += 1
            path = "/api/search?q=" + urllib.parse.quote(queries[i % len(queries)])
            i += 1
            t0 = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                ok = response.status == 200 and "total" in json.loads(body)
            except (OSError, http.client.HTTPException, ValueError):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            elapsed = time.perf_counter() - t0
            with lock:
                latencies.append(elapsed)
                failures[0] += not ok
        connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    wall = run_threads(threads)
    return {"qps": len(latencies) / wall, "p99": percentile(latencies, 0.99) if latencies else 0.0,
            "requests": len(latencies), "failures": failures[0], "latencies": latencies, "wall": wall}


def _combined(results: list[dict]) -> dict:
    """Several `load_test` results as one: requests over the summed wall time, p99 over
    every latency."""
    latencies = [t for r in results for t in r["latencies"]]
    wall = sum(r["wall"] for r in results)
    return {"qps": len(latencies) / wall if wall else 0.0, "p99": percentile(latencies, 0.99) if latencies else 0.0,
            "requests": len(latencies), "failures": sum(r["failures"] for r in results)}


def tree_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by process `pid` and its descendants
    (Linux: /proc), to see how many cores a server keeps busy."""
    parents, times = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        child = int(stat.parent.name)
        parents[child] = int(fields[1])
        times[child] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    tree, grew = {pid}, True
    while grew:
        more = {child for child, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(times.get(p, 0.0) for p in tree)


def serve_phase(index_dir: Path, phrases: list[str], seconds: float, extra: Path) -> dict:
    """Throughput with 1 and 2 workers; then failures while a build commits into the
    served index (the files in `extra`, a few reports per commit)."""
    from baogao.index.build import build_index

    queries = [f'"{p}"' for p in phrases] + WORD_QUERIES + FILTERED
    # Both servers run at once and take the load in turns, a quarter of the time each
    # turn: this machine's speed drifts by up to two to one from minute to minute, and one
    # window per server compared different speeds (2 ÷ 1 workers: 1.01 and 1.37 in two
    # runs at 30k; 1.5-1.8 in shorter windows measured by hand).
    turns: dict[int, list[dict]] = {1: [], 2: []}
    with Server(index_dir, 1) as one, Server(index_dir, 2) as two:
        servers = {1: one, 2: two}
        for server in servers.values():
            load_test(server.port, queries, min(2.0, seconds))  # warm up
        busy = {1: 0.0, 2: 0.0}  # CPU seconds each server used during its turns
        for _ in range(SERVE_TURNS):
            for workers, server in servers.items():
                before = tree_cpu_seconds(server.process.pid)
                turns[workers].append(load_test(server.port, queries, seconds / SERVE_TURNS))
                busy[workers] += tree_cpu_seconds(server.process.pid) - before
    out = {workers: _combined(results) for workers, results in turns.items()}
    for workers, results in turns.items():
        # One worker's threads overlap where numpy, zlib and file reads release the GIL,
        # so "1 worker" may already use more than one core.
        out[workers]["cores"] = busy[workers] / sum(r["wall"] for r in results)
    with Server(index_dir, 2) as server:
        done = threading.Event()
        result = {}
        clients = threading.Thread(target=lambda: result.update(
            load_test(server.port, queries, seconds=1800, until=done)))
        clients.start()
        try:
            summary = build_index([extra], index_dir, batch_size=5)
        finally:
            done.set()
            clients.join()
        out["during_build"] = {**result, "commits": -(-summary.added // 5)}
    return out


def naive_phase(corpus: Path, index_dir: Path, repeats: int) -> dict:
    """jieba's ChineseAnalyzer in Whoosh, quoted phrases through QueryParser."""
    import jieba
    from jieba.analyse import ChineseAnalyzer
    from whoosh import index as whoosh_index
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.qparser import QueryParser

    from baogao.index.analysis import normalise
    from baogao.index.reports import parse_report
    from baogao.index.sources import read_text

    jieba.setLogLevel(60)
    blocks = []
    for path in sorted(corpus.rglob("*.txt")):
        report = parse_report(read_text(path), str(path))
        blocks.extend(text for _, _, text, _, _ in report.blocks())
    schema = Schema(id=ID(stored=True), text=TEXT(analyzer=ChineseAnalyzer()))
    index_dir.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(str(index_dir), schema)
    start = time.perf_counter()
    writer = ix.writer(limitmb=256)
    for i, text in enumerate(blocks):
        writer.add_document(id=str(i), text=text)
    writer.commit()
    build = time.perf_counter() - start
    norms = [normalise(t) for t in blocks]
    times, hits, total = [], 0, 0
    with ix.searcher() as searcher:
        parser = QueryParser("text", ix.schema)
        for phrase in PHRASES:
            query = parser.parse(f'"{phrase}"')
            for _ in range(repeats):
                t0 = time.perf_counter()
                found = {int(searcher.stored_fields(d)["id"]) for d in searcher.docs_for_query(query)}
                times.append(time.perf_counter() - t0)
            expected = {i for i, t in enumerate(norms) if normalise(phrase) in t}
            hits += len(found & expected)
            total += len(expected)
    return {"build": build, "p50": statistics.median(times), "p95": percentile(times, 0.95),
            "recall": hits / total if total else 1.0}


def shard_comparison(corpus: Path, files: list[Path], text_bytes: int, data: Path, name: str, shards: int,
                     cluster: str | None, repeats: int, phrases: list[str], reuse: bool) -> None:
    """Build the corpus unsharded and in `shards` shards (on `cluster` if given) and compare
    build rates and quoted-phrase latency; print a table and a `summary:` line."""
    from baogao.index.build import build_index

    spawn = multiprocessing.get_context("spawn")
    figures = {}
    for label, count, where in (("unsharded", 1, None), (f"{shards} shards", shards, cluster)):
        index_dir = data / f"index-{name}-shards{count}"
        if not (reuse and index_dir.is_dir()):
            shutil.rmtree(index_dir, ignore_errors=True)
            start = time.perf_counter()
            build_index([corpus], index_dir, shards=count, cluster=where)
            seconds = time.perf_counter() - start
        else:
            seconds = float("nan")
        with ProcessPoolExecutor(1, mp_context=spawn) as pool:
            q = pool.submit(query_phase, str(index_dir), repeats, phrases, where).result()
        figures[label] = {"build": seconds, "rate": text_bytes / 1e6 / seconds, "load": q["load"],
                          "p50": statistics.median(q["ours"]), "p95": percentile(q["ours"], 0.95),
                          "scan_p50": statistics.median(q["scan"]), "scan_p95": percentile(q["scan"], 0.95),
                          "recall": q["recall"], "mismatch": q["mismatch"], "blocks": q["blocks"]}
    one, many = figures["unsharded"], figures[f"{shards} shards"]
    ms = lambda s: f"{s * 1000:.1f} ms"  # noqa: E731
    where = f" on cluster {cluster}" if cluster else " (local processes)"
    print(f"| measure | unsharded | {shards} shards{where} |\n|---|---|---|")
    rows = [("reports / blocks / text", f"{len(files)} / {one['blocks']} / {text_bytes / 1e6:.1f} MB", f"{many['blocks']} blocks"),
            ("build", f"{one['build']:.1f} s, {one['rate']:.2f} MB/s", f"{many['build']:.1f} s, {many['rate']:.2f} MB/s"),
            ("open (fresh process)", f"{one['load']:.3f} s", f"{many['load']:.3f} s"),
            ("quoted phrase p50 / p95", f"{ms(one['p50'])} / {ms(one['p95'])}", f"{ms(many['p50'])} / {ms(many['p95'])}"),
            ("in-memory scan p50 / p95", f"{ms(one['scan_p50'])} / {ms(one['scan_p95'])}",
             f"{ms(many['scan_p50'])} / {ms(many['scan_p95'])}"),
            ("phrase recall / blocks found or missed wrongly", f"{one['recall']:.3f} / {one['mismatch']}",
             f"{many['recall']:.3f} / {many['mismatch']}")]
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"summary: shards={shards} cluster={cluster or 'none'} shard_build_ratio={many['rate'] / one['rate']:.3f} "
          f"shard_p50_ratio={many['p50'] / one['p50']:.3f} shard_p95_ratio={many['p95'] / one['p95']:.3f} "
          f"recall={many['recall']:.4f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=10000, help="synthetic reports to generate and index")
    parser.add_argument("--corpus", type=Path, help="index the report files under this directory instead")
    parser.add_argument("--quick", action="store_true", help="tiny corpus, one repetition (CI smoke test)")
    parser.add_argument("--data", type=Path, default=Path("bench-data"), help="work directory")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--serve-seconds", type=float, default=20.0, help="length of each throughput test")
    parser.add_argument("--skip-naive", action="store_true", help="do not build the naive jieba+Whoosh index")
    parser.add_argument("--shards", type=int, help="compare an index of this many shards with the unsharded one "
                        "(build MB/s, phrase p50/p95) instead of the full benchmark")
    parser.add_argument("--cluster", help="with --shards: build and search the shards on this Dask cluster "
                        "('local': a LocalCluster on this machine)")
    parser.add_argument("--reuse-index", action="store_true",
                        help="keep an index left by an earlier run (query-side figures only; no build measured)")
    args = parser.parse_args()
    count, repeats = (40, 1) if args.quick else (args.reports, args.repeats)
    serve_seconds = 2.0 if args.quick else args.serve_seconds

    from baogao.index.analysis import normalise
    from baogao.index.build import build_index
    from baogao.index.sources import iter_report_files, read_text

    if args.corpus:
        corpus, phrases, name = args.corpus, PHRASES + REAL_PHRASES, args.corpus.name
    else:
        corpus, phrases, name = args.data / f"corpus-{count}", PHRASES, str(count)
        if not (corpus / f"report-{count - 1:05d}.txt").exists():
            generate(count, corpus)
    files = [f.path for f in iter_report_files([corpus])[0]]
    text_bytes = sum(p.stat().st_size for p in files)
    extra = args.data / "extra-20"  # reports added while the server answers (new names each run)
    shutil.rmtree(extra, ignore_errors=True)
    generate(20, extra, seed=7)
    stamp = time.strftime("%Y%m%d%H%M%S")
    for p in extra.iterdir():
        p.rename(p.with_name(f"extra-{stamp}-{p.name}"))
    ours_dir, naive_dir = args.data / f"index-{name}", args.data / f"naive-{name}"
    reuse = args.reuse_index and ours_dir.is_dir()
    for d in (naive_dir,) if reuse else (ours_dir, naive_dir):
        shutil.rmtree(d, ignore_errors=True)

    processes = os.cpu_count() or 1
    if args.shards:
        shard_comparison(corpus, files, text_bytes, args.data, name, args.shards, args.cluster, repeats, phrases,
                         args.reuse_index)
        return
    # jieba's rate is measured before and after the build, and the two are pooled: the
    # machine's speed drifts by two to one within minutes, and one measurement after a
    # build of several minutes compared the build with a different machine.
    sample = [normalise(read_text(p)) for p in files[:: max(1, len(files) // 300)][:300]]
    jieba_before = jieba_rate(sample) if not reuse else float("nan")
    if reuse:  # query-side figures only: the build is not measured
        build_seconds = build_rate = float("nan")
    else:
        start = time.perf_counter()
        summary = build_index([corpus], ours_dir, processes=processes)
        build_seconds = time.perf_counter() - start
        assert args.corpus or not summary.failed, summary.failed
        build_rate = text_bytes / 1e6 / build_seconds
    index_bytes = directory_bytes(ours_dir)
    build_peak = peak_rss_mb()

    jieba_after = jieba_rate(sample)
    # the rate over both measurements together (same sample: the harmonic mean of the two)
    segment_rate = jieba_after if reuse else 2 / (1 / jieba_before + 1 / jieba_after)

    # Fresh processes, so their memory is a search process's own.
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=spawn) as pool:
        q = pool.submit(query_phase, str(ours_dir), repeats, phrases).result()
    with ProcessPoolExecutor(1, mp_context=spawn) as pool:
        memory = pool.submit(memory_phase, str(ours_dir), phrases).result()
    cli = cli_seconds(ours_dir, '"枫桥经验"')
    cli_words = cli_seconds(ours_dir, "矛盾纠纷 调解")
    served = serve_phase(ours_dir, phrases, serve_seconds, extra)
    naive = None if args.skip_naive else naive_phase(corpus, naive_dir, repeats)

    ours_p50, ours_p95 = statistics.median(q["ours"]), percentile(q["ours"], 0.95)
    scan_p50, scan_p95 = statistics.median(q["scan"]), percentile(q["scan"], 0.95)
    one, two, during = served[1], served[2], served["during_build"]
    qps_ratio = two["qps"] / one["qps"] if one["qps"] else 0.0
    ms = lambda s: f"{s * 1000:.1f} ms"  # noqa: E731
    rows = [
        ("reports / blocks / text", f"{len(files)} / {q['blocks']} / {text_bytes / 1e6:.1f} MB"),
        (f"build (ours, {processes} processes)", f"{build_seconds:.1f} s, {build_rate:.2f} MB/s"),
        ("jieba precise mode, 1 core: before / after the build, pooled",
         f"{jieba_before:.2f} / {jieba_after:.2f}, {segment_rate:.2f} MB/s"),
        ("build ratio (ours ÷ jieba)", f"{build_rate / segment_rate:.2f}"),
        ("index size ÷ text size", f"{index_bytes / text_bytes:.2f}"),
        ("peak RSS of the build process", f"{build_peak:.0f} MB"),
        ("open the index (fresh process)", f"{q['load']:.3f} s"),
        ("one CLI search process, end to end: \"枫桥经验\" / 矛盾纠纷 调解", f"{cli:.2f} s / {cli_words:.2f} s"),
        ("search process after 100 queries: own (anon) / mapped index pages / RSS",
         f"{memory['RssAnon']:.0f} MB / {memory['RssFile'] + memory.get('RssShmem', 0):.0f} MB / {memory['VmRSS']:.0f} MB"),
        ("quoted phrase p50 / p95 (ours, full answer)", f"{ms(ours_p50)} / {ms(ours_p95)}"),
        ("quoted phrase p50 / p95 (in-memory scan)", f"{ms(scan_p50)} / {ms(scan_p95)}"),
        ("phrase ratio p50 / p95 (ours ÷ scan)", f"{ours_p50 / scan_p50:.2f} / {ours_p95 / scan_p95:.2f}"),
        ("phrase recall / blocks found or missed wrongly vs scan", f"{q['recall']:.3f} / {q['mismatch']}"),
        ("serve, 1 worker: requests/s, p99 (16 clients)", f"{one['qps']:.1f}/s, {ms(one['p99'])}"),
        ("serve, 2 workers: requests/s, p99 (16 clients)", f"{two['qps']:.1f}/s, {ms(two['p99'])}"),
        ("serve throughput ratio (2 workers ÷ 1)", f"{qps_ratio:.2f}"),
        ("serve: cores the server kept busy, 1 / 2 workers", f"{one['cores']:.2f} / {two['cores']:.2f}"),
        ("failed requests (1 worker / 2 workers)", f"{one['failures']} of {one['requests']} / "
                                                   f"{two['failures']} of {two['requests']}"),
        ("failed requests while a build commits (2 workers)",
         f"{during.get('failures', 0)} of {during.get('requests', 0)} ({during['commits']} commits)"),
        *((f"query {query}", ms(t)) for query, t in q["other"].items()),
    ]
    if naive:
        rows[11:11] = [("quoted phrase p50 / p95 (naive jieba+Whoosh)", f"{ms(naive['p50'])} / {ms(naive['p95'])}"),
                       ("phrase recall (naive)", f"{naive['recall']:.3f}"),
                       ("naive build", f"{naive['build']:.1f} s")]
    print("| measure | value |\n|---|---|")
    for label, value in rows:
        print(f"| {label} | {value} |")
    naive_recall = f"{naive['recall']:.4f}" if naive else "nan"
    print(f"summary: phrase_p50_ratio={ours_p50 / scan_p50:.3f} phrase_p95_ratio={ours_p95 / scan_p95:.3f} "
          f"build_ratio={build_rate / segment_rate:.3f} index_ratio={index_bytes / text_bytes:.3f} "
          f"recall={q['recall']:.4f} naive_recall={naive_recall} open_s={q['load']:.3f} cli_s={cli:.2f} "
          f"rss_mb={memory['RssAnon']:.0f} qps_ratio_2w={qps_ratio:.2f} p99_ms={two['p99'] * 1000:.1f}")


if __name__ == "__main__":
    main()
