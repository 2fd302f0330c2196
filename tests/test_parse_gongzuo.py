"""Real 政府工作报告 (../shared/corpora/gongzuo): the parser against hand-checked fields.

tests/data/gongzuo-expected.json is the tuned set; tests/data/gongzuo-heldout.json holds
reports set aside before tuning and checked by hand afterwards (see docs/decisions.md).
Each field must be right for at least 95% of the reports of each set.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from baogao.index.reports import parse_file

from .conftest import CORPORA, needs_corpora

DATA = Path(__file__).with_name("data")
GONGZUO = CORPORA / "gongzuo"
FIELDS = ("kind", "title", "year", "published", "place", "first_heading", "meeting", "speaker")
REQUIRED = 0.95


def _first_heading(report: dict) -> str | None:
    """The first section heading (numbered, or in a report without numbered headings the
    first unnumbered one, as 2024年工作回顾 in the Sichuan style)."""
    return report["sections"][0]["heading"] if report["sections"] else None


def field_values(report: dict) -> dict:
    """The compared fields of a parse (or of an expected entry)."""
    return {
        "kind": report["kind"],
        "title": report["title"],
        "year": report["year"],
        "published": report["published"],
        "place": (report["province"], report["city"], report["county"]),
        # compared without spaces: the parser closes up typesetting spaces (2024 年)
        "first_heading": re.sub(r"\s+", "", report["first_heading"] or "") or None,
        "meeting": report["meeting"],
        "speaker": report["speaker"],
    }


def accuracy(name: str) -> tuple[dict, dict]:
    """(per-field share of right values, per-field list of misses) over one expected file."""
    entries = json.loads((DATA / name).read_text(encoding="utf-8"))["reports"]
    right = {f: 0 for f in FIELDS}
    misses: dict[str, list] = {f: [] for f in FIELDS}
    for entry in entries:
        got = parse_file(GONGZUO / entry["file"], source=entry["file"]).to_dict()
        got["first_heading"] = _first_heading(got)
        got_values, want = field_values(got), field_values(entry)
        for f in FIELDS:
            if got_values[f] == want[f]:
                right[f] += 1
            else:
                misses[f].append((entry["file"], got_values[f], want[f]))
    return {f: right[f] / len(entries) for f in FIELDS}, misses


@pytest.mark.parametrize("name", ["gongzuo-expected.json", "gongzuo-heldout.json"])
def test_fields_right_for_95_percent(name):
    needs_corpora(GONGZUO)
    if not (DATA / name).exists():
        pytest.skip(f"{name} absent")
    shares, misses = accuracy(name)
    print(name, {f: f"{s:.1%}" for f, s in shares.items()})
    failing = {f: misses[f] for f, s in shares.items() if s < REQUIRED}
    assert not failing, failing


if __name__ == "__main__":  # python -m tests.test_parse_gongzuo [file]: print the misses
    import sys

    shares, misses = accuracy(sys.argv[1] if len(sys.argv) > 1 else "gongzuo-expected.json")
    for f in FIELDS:
        print(f"{f:14} {shares[f]:.1%}")
        for miss in misses[f]:
            print("     ", miss)


def test_delivery_line_in_chinese_numerals_without_dash_and_speaker_line():
    from baogao.index.reports import parse_report

    report = parse_report("政 府 工 作 报 告\n二〇二六年一月二十七日在伊犁州第十六届人民代表大会第四次会议上\n"
                          "州长 阿 力 木\n各位代表：\n现在，我代表州人民政府，向大会报告工作，请予审议。\n"
                          "一、2025年工作回顾\n过去一年，全州经济稳中有进。\n二、2026年工作安排\n三、加强政府自身建设\n",
                          "gongzuo/2026伊犁政府工作报告.txt")
    assert (report.kind, report.title, report.year, report.published.isoformat()) == \
        ("gongzuo", "政 府 工 作 报 告", 2026, "2026-01-27")
    assert (report.meeting, report.speaker, report.speaker_office) == ("第十六届人民代表大会第四次会议", "阿力木", "州长")
    assert (report.province, report.city) == ("新疆维吾尔自治区", "伊犁哈萨克自治州")
    assert report.provenance == {"place": "delivery line", "year": "delivery line"}
    assert [s.categories for s in report.sections] == [["review"], ["plans"], ["self"]]


def test_untitled_report_takes_place_from_the_file_name_and_year_from_the_body():
    from baogao.index.reports import parse_report

    report = parse_report("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n"
                          "过去一年，全市经济回升向好。\n", "cities-2024/2024三亚政府工作报告.txt")
    assert (report.kind, report.title, report.year, report.published) == ("gongzuo", None, 2024, None)
    assert (report.province, report.city, report.county) == ("海南省", "三亚市", None)
    assert report.provenance == {"place": "file name", "year": "body"}
    assert report.display_title
