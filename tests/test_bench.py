"""The benchmark runs end to end (no timing is asserted: speed is measured in benchmarks/)."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_prints_a_table_and_a_summary(tmp_path):
    result = subprocess.run([sys.executable, "-m", "benchmarks.bench", "--quick", "--data", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "| measure | value |"
    summary = lines[-1]
    assert re.fullmatch(r"summary: phrase_p50_ratio=[\d.]+ phrase_p95_ratio=[\d.]+ build_ratio=[\d.]+ "
                        r"index_ratio=[\d.]+ recall=[\d.]+ naive_recall=[\d.]+ open_s=[\d.]+ cli_s=[\d.]+ "
                        r"rss_mb=\d+ qps_ratio_2w=[\d.]+ p99_ms=[\d.]+", summary), summary
    assert "failed requests while a build commits (2 workers) | 0 of" in result.stdout
    assert "recall=1.0000" in summary  # exact phrases: nothing missed on the synthetic corpus


def run_module(*args: str) -> dict:
    """Run a benchmark module; its `summary:` line as a dict."""
    result = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("summary: "), result.stdout
    return dict(pair.split("=", 1) for pair in summary.removeprefix("summary: ").split())


def test_load_script_drives_a_real_server_without_errors():
    summary = run_module("benchmarks.load", "--connections", "8", "--seconds", "3")
    assert int(summary["requests"]) > 0 and summary["errors"] == "0"


def test_normal_requests_keep_answering_during_a_slowloris():
    """100 connections that trickle headers must not lock out everyone else (before the fix,
    waitress's limit of 100 connections left normal requests waiting for the whole attack)."""
    summary = run_module("benchmarks.load", "--connections", "2", "--seconds", "6", "--slowloris", "100")
    assert int(summary["requests"]) >= 10 and summary["errors"] == "0"


def test_fuzz_script_finds_no_server_errors():
    summary = run_module("benchmarks.fuzz", "--queries", "300", "--seconds", "120")
    assert summary["requests"] == "300" and summary["errors_5xx"] == "0"


def test_html_extraction_benchmark_prints_its_table(tmp_path):
    """benchmarks/html_extract.py on the seeds alone (no corpora in tmp_path), our extractor only:
    the pages are built and measured, and ours keeps every line of them."""
    result = subprocess.run([sys.executable, "-m", "benchmarks.html_extract", "--corpora", str(tmp_path),
                             "--only", "ours"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "only the seeds were measured" in result.stdout and "6 pages" in result.stdout
    row = next(line for line in result.stdout.splitlines() if line.startswith("| ours (html_to_text) |"))
    assert row.split(" | ")[1] == "1.000 / 1.000", row  # recall
