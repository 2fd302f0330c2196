"""Every field of spec/seeds-expected.json comes out of the parser."""
import pytest

from baogao.index.analysis import normalise
from baogao.index.reports import heading_categories

from .conftest import SPEC

SEEDS = {r["file"]: r for r in SPEC["reports"]}
FIELDS = ["title", "issuers", "province", "city", "county", "town", "year", "doc_number"]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_metadata(seed_reports, name):
    got = seed_reports[name].to_dict()
    want = SEEDS[name]
    assert {f: got[f] for f in FIELDS} == {f: want[f] for f in FIELDS}
    assert got["published"] == want["published"]
    assert got["display_title"]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_sections(seed_reports, name):
    got = [(s["heading"], s["categories"], s["subsections"]) for s in seed_reports[name].to_dict()["sections"]]
    want = [(s["heading"], s["categories"], s["subsections"]) for s in SEEDS[name]["sections"]]
    assert got == want


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_located_fragments_sit_in_the_right_section(seed_reports, name):
    report = seed_reports[name]
    for fragment, categories in SEEDS[name]["located"]:
        holders = [s.categories for s in report.sections for p in [*s.paragraphs]
                   if normalise(fragment) in normalise(p.text)]
        holders += [s.categories for s in report.sections if normalise(fragment) in normalise(s.heading)]
        assert categories in holders, fragment


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_debris_never_survives(seed_reports, name):
    report = seed_reports[name]
    texts = [t for _, _, t, _, _ in report.blocks()] + report.issuers
    for debris in SEEDS[name]["absent"] + ["[bookmark", "\u2002", "\u3000"]:
        assert not any(debris in t for t in texts), debris


def test_numbers_are_unique_and_in_reading_order(seed_reports):
    for report in seed_reports.values():
        numbers = [n for n, *_ in report.blocks()]
        assert numbers == list(range(1, len(numbers) + 1))


def test_every_paragraph_knows_its_subsection(seed_reports):
    report = seed_reports["000_03af5a072e12678a.txt"]
    first = report.sections[0]
    assert [p.subsection for p in first.paragraphs] == first.subsections
    assert report.sections[2].paragraphs[0].subsection is None


def test_header_lines_are_blocks_in_reading_order_and_out_of_the_body(seed_reports):
    report = seed_reports["001_e2fabbbe98248fdd.txt"]
    assert report.addressee == "县委、县政府："
    blocks = [(n, kind, text) for n, kind, text, _, _ in report.blocks()]
    assert blocks[:5] == [(1, "header", "中共丰都县双龙镇委员会"), (2, "header", "丰都县双龙镇人民政府"),
                          (3, "title", "关于双龙镇2023年法治政府建设情况的报告"),
                          (4, "header", "双龙委文〔2024〕9号"), (5, "header", "县委、县政府：")]
    assert [n for n, _, _ in blocks] == list(range(1, len(blocks) + 1))
    body = [p.text for p in report.preamble] + [p.text for s in report.sections for p in s.paragraphs]
    assert "县委、县政府：" not in body


def test_signature_and_date_lines_are_closing_blocks(seed_reports):
    report = seed_reports["000_03af5a072e12678a.txt"]
    closing = [text for _, kind, text, _, _ in report.blocks() if kind == "closing"]
    assert "重庆市大足区珠溪镇人民政府" in closing and any("2025" in t for t in closing)


def test_report_without_title_gets_a_display_title(seed_reports):
    report = seed_reports["004_1d0618469a5ad25b.txt"]
    assert report.title is None
    assert "明通镇" in report.display_title and "2024" in report.display_title


@pytest.mark.parametrize("heading, categories", [
    ("一、2023年工作开展情况", ["measures"]),
    ("三、存在的困难和不足", ["shortcomings"]),
    ("四、下一步工作打算", ["plans"]),
    ("二、党政主要负责人履行推进法治建设第一责任人职责情况", ["leadership"]),
    ("三、存在的问题及2025年工作安排", ["shortcomings", "plans"]),
])
def test_heading_categories(heading, categories):
    assert heading_categories(heading) == categories
