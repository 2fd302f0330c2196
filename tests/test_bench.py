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
