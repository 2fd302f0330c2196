"""The benchmark runs end to end (no timing is asserted: speed is measured in benchmarks/)."""
import json
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


def test_parse_accuracy_script_counts_right_fields_and_names_missing_pages(tmp_path):
    """benchmarks/parse_accuracy.py on two fixtures of tests/data/web, with one label wrong on purpose."""
    web = Path(__file__).with_name("data") / "web"
    labels = {"reports": [
        {"file": "short-meeting.txt", "kind": "gongzuo", "title": "政府工作报告", "year": 2023,
         "published": "2023-02-20", "province": "贵州省", "city": "铜仁市", "county": "印江土家族苗族自治县",
         "town": None, "first_heading": "一、2022年工作回顾", "meeting": "十届人大二次会议", "speaker": "李明"},
        {"file": "split-title.txt", "kind": "fazhi", "title": "兴隆县2023年度法治政府建设工作情况报告", "year": 2022,
         "published": None, "province": "河北省", "city": "承德市", "county": "兴隆县", "town": None,
         "first_heading": "一、2023年度推进法治政府建设的主要举措和成效", "meeting": None, "speaker": None}]}
    (tmp_path / "labels.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    command = [sys.executable, "-m", "benchmarks.parse_accuracy", "--labels", str(tmp_path / "labels.json")]
    result = subprocess.run([*command, "--pages", str(web)], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            check=True)
    assert "gongzuo  speaker        1/1 (100%)" in result.stdout
    assert "fazhi    year           0/1 (0%)" in result.stdout
    assert "miss: split-title.txt year 2023 2022" in result.stdout
    missing = subprocess.run([*command, "--pages", str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                             timeout=120)
    assert missing.returncode == 2 and "2 page(s) not saved" in missing.stderr


def test_parse_accuracy_script_tells_an_invented_field_of_an_other_document_from_an_empty_one(tmp_path):
    """An `other` document's year or place the parser gives against the label is an invention; one it
    leaves empty is only a miss. The notice's label (wrong on purpose) says its year is not its own;
    the decision names its county only in its body, which the parser never reads for a place."""
    web = Path(__file__).with_name("data") / "web"
    (tmp_path / "notice-other.txt").write_text((web / "notice-other.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "decision.txt").write_text(
        "关于召开县第十九届人民代表大会第二次会议的决定\n（2022年12月16日县十九届人民代表大会常务委员会第七次会议通过）\n"
        "经县第十九届人民代表大会常务委员会第七次会议决定，郧西县第十九届人民代表大会第二次会议于2023年1月在县城召开。\n",
        encoding="utf-8")
    labels = {"reports": [
        {"file": "decision.txt", "kind": "other", "doctype": "decision",
         "title": "关于召开县第十九届人民代表大会第二次会议的决定", "year": 2022,
         "province": "湖北省", "city": "十堰市", "county": "郧西县", "town": None},
        {"file": "notice-other.txt", "kind": "other", "doctype": "notice", "title": None, "year": None,
         "province": "辽宁省", "city": "铁岭市", "county": None, "town": None}]}
    (tmp_path / "labels.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "benchmarks.parse_accuracy", "--labels", str(tmp_path / "labels.json"),
                             "--pages", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    assert "miss: decision.txt place (None, None, None, None) ('湖北省', '十堰市', '郧西县', None)" in result.stdout
    assert "other documents given a year that is not their own: 1 (notice-other.txt)" in result.stdout
    assert "other documents given a place level that is not their own: 1 (notice-other.txt)" in result.stdout
    assert "other    kind           2/2 (100%)" in result.stdout
    assert "other    year           1/2 (50%)" in result.stdout
