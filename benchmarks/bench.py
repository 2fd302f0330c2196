"""Measure build and query speed against a substring scan and the naive jieba+Whoosh build.

    python -m benchmarks.bench --reports 10000      # the documented run
    python -m benchmarks.bench --quick              # a smoke test (tiny corpus, one repetition)

Every figure comes from this run on this machine; ratios compare measurements of the same
run. The last line is a summary for scripts:
summary: phrase_p50_ratio=… phrase_p95_ratio=… build_ratio=… index_ratio=… recall=… naive_recall=…
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .corpus import generate

PHRASES = ["三重一大", "小事不出村", "法律明白人", "公职律师", "枫桥经验", "八五普法", "矛盾纠纷",
           "依法行政", "第一责任人", "法治政府", "建设", "法治"]  # rare ... very common, 2-8 chars
WORD_QUERIES = ["矛盾纠纷 调解", "普法 宣传 教育", "法律顾问"]
FILTERED = ['"矛盾纠纷" year:2023', '"法律顾问" section:shortcomings', '法治 province:重庆市']


def peak_rss_mb() -> float:
    """This process's own peak resident memory (VmHWM; ru_maxrss survives exec on Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


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


def query_phase(index_dir: str, repeats: int) -> dict:
    """Run in a fresh process: our answers, the in-memory scan, recall, peak RSS."""
    from baogao.index.analysis import normalise
    from baogao.search.engine import Engine, QueryRun
    from baogao.search.query import parse_query
    from baogao.search.request import SearchRequest

    start = time.perf_counter()
    engine = Engine(index_dir)
    snap = engine.snapshot()
    load = time.perf_counter() - start
    engine.search(SearchRequest("法治 宣传", per_page=1))  # load jieba's dictionary before timing, as serve does
    texts = [snap.text(d) for d in snap.blocks.tolist()]  # the scan's paragraphs, held in memory
    ours, scan, recall_hits, recall_total, precision_bad = [], [], 0, 0, 0
    blocks = snap.blocks
    for phrase in PHRASES:
        needle = normalise(phrase)
        for _ in range(repeats):
            t0 = time.perf_counter()
            engine.search(SearchRequest(f'"{phrase}"'))
            ours.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            expected = [i for i, t in enumerate(texts) if needle in t]
            scan.append(time.perf_counter() - t0)
        with snap.searcher() as searcher:
            found = set(QueryRun(snap, searcher).evaluate(parse_query(f'"{phrase}"')).tolist())
        wanted = set(blocks[expected].tolist())
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
    return {
        "load": load, "ours": ours, "scan": scan, "other": other,
        "recall": recall_hits / recall_total if recall_total else 1.0, "mismatch": precision_bad,
        "rss_mb": peak_rss_mb(),
        "blocks": len(texts),
    }


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
    for path in sorted(corpus.glob("*.txt")):
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=10000)
    parser.add_argument("--quick", action="store_true", help="tiny corpus, one repetition (CI smoke test)")
    parser.add_argument("--data", type=Path, default=Path("bench-data"), help="work directory")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    count, repeats = (40, 1) if args.quick else (args.reports, args.repeats)

    from baogao.index.build import build_index

    corpus = args.data / f"corpus-{count}"
    if not (corpus / f"report-{count - 1:05d}.txt").exists():
        generate(count, corpus)
    text_bytes = directory_bytes(corpus)
    ours_dir, naive_dir = args.data / f"index-{count}", args.data / f"naive-{count}"
    for d in (ours_dir, naive_dir):
        shutil.rmtree(d, ignore_errors=True)

    start = time.perf_counter()
    summary = build_index([corpus], ours_dir, processes=2)
    build_seconds = time.perf_counter() - start
    assert not summary.failed, summary.failed
    build_rate = text_bytes / 1e6 / build_seconds
    index_bytes = directory_bytes(ours_dir)

    from baogao.index.analysis import normalise

    sample = [normalise(p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.txt"))[:300]]
    segment_rate = jieba_rate(sample)

    # A fresh process, so its memory is the search process's own.
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        q = pool.submit(query_phase, str(ours_dir), repeats).result()
    naive = naive_phase(corpus, naive_dir, repeats)
    build_peak = peak_rss_mb()

    ours_p50, ours_p95 = statistics.median(q["ours"]), percentile(q["ours"], 0.95)
    scan_p50, scan_p95 = statistics.median(q["scan"]), percentile(q["scan"], 0.95)
    ms = lambda s: f"{s * 1000:.1f} ms"  # noqa: E731
    rows = [
        ("reports / blocks / text", f"{count} / {q['blocks']} / {text_bytes / 1e6:.1f} MB"),
        ("build (ours, 2 processes)", f"{build_seconds:.1f} s, {build_rate:.2f} MB/s"),
        ("jieba precise mode, 1 core", f"{segment_rate:.2f} MB/s"),
        ("build ratio (ours ÷ jieba)", f"{build_rate / segment_rate:.2f}"),
        ("index size ÷ text size", f"{index_bytes / text_bytes:.2f}"),
        ("peak RSS: build process / search process", f"{build_peak:.0f} MB / {q['rss_mb']:.0f} MB"),
        ("search process start (open + load snapshot)", f"{q['load']:.2f} s"),
        ("quoted phrase p50 / p95 (ours, full answer)", f"{ms(ours_p50)} / {ms(ours_p95)}"),
        ("quoted phrase p50 / p95 (in-memory scan)", f"{ms(scan_p50)} / {ms(scan_p95)}"),
        ("quoted phrase p50 / p95 (naive jieba+Whoosh)", f"{ms(naive['p50'])} / {ms(naive['p95'])}"),
        ("phrase ratio p50 / p95 (ours ÷ scan)", f"{ours_p50 / scan_p50:.2f} / {ours_p95 / scan_p95:.2f}"),
        ("phrase recall: ours / naive", f"{q['recall']:.3f} / {naive['recall']:.3f}"),
        ("ours: blocks found or missed wrongly vs scan", str(q["mismatch"])),
        ("naive build", f"{naive['build']:.1f} s"),
        *((f"query {query}", ms(t)) for query, t in q["other"].items()),
    ]
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    print(f"summary: phrase_p50_ratio={ours_p50 / scan_p50:.3f} phrase_p95_ratio={ours_p95 / scan_p95:.3f} "
          f"build_ratio={build_rate / segment_rate:.3f} index_ratio={index_bytes / text_bytes:.3f} "
          f"recall={q['recall']:.4f} naive_recall={naive['recall']:.4f}")


if __name__ == "__main__":
    main()
