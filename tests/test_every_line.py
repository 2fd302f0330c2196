"""Nothing printed goes unfound: every printed line is searchable by its own text, and a
quoted phrase, typed with any quotation marks, finds exactly the reports whose printed
lines contain it. The reference is the file's own lines (read, then split at line breaks),
not the parser's blocks, so a line the parser loses is caught."""
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from baogao.index.analysis import normalise
from baogao.index.build import report_id_for
from baogao.index.cleaning import is_chrome
from baogao.index.reports import parse_report
from baogao.index.sources import iter_report_files, read_text
from baogao.search.engine import Engine
from baogao.search.request import SearchRequest

from .conftest import ask

QUOTES = [('"', '"'), ("“", "”"), ("「", "」"), ("『", "』"), ("＂", "＂")]
PHRASE_WINDOW = 60  # characters of a long line used as its query (its opening)


def printed_lines(root):
    """{report_id: [normalised printed line]} for every file under `root`, debris excluded.

    A line counts as debris only when the parser lists it as dropped, and what it drops
    must look like debris: short (a page number, a pinyin syllable), converter markup, or
    web-site chrome that the chrome rules themselves recognise (a label such as 标 题： is
    cut from its line)."""
    out = {}
    files, _ = iter_report_files([root])
    for file in files:
        text = read_text(file.path)
        dropped = parse_report(text, file.source).dropped
        assert all(len(d["text"]) <= 12 or d["text"].startswith("[bookmark") or is_chrome(d)
                   for d in dropped), dropped
        debris = {d["text"] for d in dropped}
        labels = [d["text"] for d in dropped if d["reason"] in ("web metadata label", "web column name")]
        # debris cut out of a line rather than dropped whole: markup, pinyin after a character,
        # a web table's empty cells after a line, ?? where a site lost a line's indentation
        inline = {d["text"] for d in dropped
                  if d["text"].startswith("[") or d["reason"] in ("pinyin annotation", "table pipes", "lost character")}
        indents = {d["text"] for d in dropped if d["reason"] == "lost indentation"}
        lines = []
        for raw in text.splitlines():
            line = raw.strip()
            for indent in indents:
                line = line[len(indent):] if line.startswith(indent) else line
            for d in inline:
                line = line.replace(d, "")
            for label in labels:
                line = line[len(label):] if line.startswith(label) else line
            if line and re.sub(r"\s", "", line) not in {re.sub(r"\s", "", d) for d in debris}:
                lines.append(normalise(line))
        out[report_id_for(file.path)] = [line for line in lines if line]
    return out


def reports_with(engine, phrase: str, quotes=('"', '"')) -> set:
    # Grouped by report: the same reports, without rendering every hit of a common line.
    answer = engine.search(SearchRequest(f"{quotes[0]}{phrase}{quotes[1]}", per_page=None, group="report"))
    assert answer["reports_total"] == len(answer["reports"])
    return {report["report_id"] for report in answer["reports"]}


def scan(lines_by_report, phrase: str) -> set:
    needle = normalise(phrase)
    return {rid for rid, lines in lines_by_report.items() if any(needle in line for line in lines)}


def missed_lines(engine, lines_by_report, minimum=6):
    """Lines of at least `minimum` characters that their own quoted text does not find."""
    missed = []
    for rid, lines in lines_by_report.items():
        for line in lines:
            if len(line) >= minimum and rid not in reports_with(engine, line[:PHRASE_WINDOW]):
                missed.append((rid, line[:60]))
    return missed


@pytest.fixture(scope="module")
def seed_lines(seed_corpus):
    return printed_lines(seed_corpus)


@pytest.fixture(scope="module")
def real(real_index, real_corpus):
    engine = Engine(real_index)
    yield engine, printed_lines(real_corpus)
    engine.close()


def test_every_printed_line_of_the_seeds_is_found_by_its_own_text(engine, seed_lines):
    assert sum(len(lines) for lines in seed_lines.values()) > 100
    assert missed_lines(engine, seed_lines) == []


def test_every_printed_line_of_real_documents_is_found_by_its_own_text(real):
    engine, lines = real
    assert len(lines) > 100 and sum(len(v) for v in lines.values()) > 5000
    assert missed_lines(engine, lines) == []


def test_header_and_signature_lines_are_found(engine):
    answer = ask(engine, '"大足区珠溪镇人民政府"', per_page=None)
    kinds = sorted(h["block"] for h in answer["hits"])
    assert kinds == ["closing", "header"]  # the issuer above the title and the signature
    assert ask(engine, '"双龙委文〔2024〕9号"')["hits"][0]["block"] == "header"


def test_lines_before_the_title_are_indexed(tmp_path):
    """A resolution header printed above the title line stays searchable."""
    from baogao.index.build import build_index

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "resolution.txt").write_text(
        "第十二届全国人民代表大会第五次会议关于政府工作报告的决议\n"
        "（2017年3月15日第十二届全国人民代表大会第五次会议通过）\n"
        "关于2016年法治政府建设情况的报告\n"
        "第十二届全国人民代表大会第五次会议听取和审议了国务院总理所作的政府工作报告。会议充分肯定国务院过去一年的工作。\n",
        encoding="utf-8")
    build_index([tmp_path / "docs"], tmp_path / "ix")
    engine = Engine(tmp_path / "ix")
    for phrase in ("关于政府工作报告的决议", "第五次会议通过", "听取和审议了"):
        assert ask(engine, f'"{phrase}"')["total"] >= 1, phrase
    engine.close()


def substrings_of(lines_by_report):
    lines = [line for lines in lines_by_report.values() for line in lines]
    return st.integers(0, len(lines) - 1).flatmap(
        lambda i: st.tuples(st.just(lines[i]), st.integers(0, max(len(lines[i]) - 1, 0)), st.integers(1, 12))
    ).map(lambda t: t[0][t[1]:t[1] + t[2]])


def test_property_every_delimiter_finds_exactly_the_reports_of_a_scan_over_printed_lines(engine, seed_lines):
    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(substrings_of(seed_lines), st.sampled_from(QUOTES))
    def run(phrase, quotes):
        assume(phrase and not set(phrase) & set('"＂“”「」『』') and normalise(phrase))
        expected = scan(seed_lines, phrase)
        assert reports_with(engine, phrase, quotes) == expected
        assert reports_with(engine, phrase) == expected

    run()


def test_property_real_documents_match_a_scan_over_printed_lines(real):
    engine, lines = real

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(substrings_of(lines), st.sampled_from(QUOTES))
    def run(phrase, quotes):
        assume(phrase and not set(phrase) & set('"＂“”「」『』') and normalise(phrase))
        assert reports_with(engine, phrase, quotes) == scan(lines, phrase)

    run()


@pytest.mark.parametrize("typed", ["“依法行政工作”", "「依法行政工作」", "『依法行政工作』", "＂依法行政工作＂"])
def test_phrases_typed_with_chinese_quotation_marks(engine, typed):
    expected = ask(engine, '"依法行政工作"', per_page=None)
    answer = ask(engine, typed, per_page=None)
    assert answer["total"] == expected["total"] >= 1
    assert [(h["report_id"], h["paragraph"]) for h in answer["hits"]] == \
        [(h["report_id"], h["paragraph"]) for h in expected["hits"]]
