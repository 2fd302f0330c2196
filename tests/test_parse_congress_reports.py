"""The 16 reports to the party's national congresses (../shared/corpora/cpc-congress-reports.jsonl,
1921-2022): political reports, no government's. None is a 法治 report or a 政府工作报告, none
has a place, and none may be given a year or a title it does not print."""
from __future__ import annotations

import json

import pytest

from baogao.index.reports import parse_report

from .conftest import CORPUS, needs_corpora


@pytest.fixture(scope="module")
def congress_reports() -> dict[int, object]:
    """Each report's parse, by the number of its congress (the first has two reports: the last kept)."""
    parsed = {}
    for line in needs_corpora(CORPUS).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        parsed[record["congress"]] = (record, parse_report(record["content"], ""))
    return parsed


def test_no_congress_report_is_a_government_report_or_has_a_place(congress_reports):
    for record, report in congress_reports.values():
        assert report.kind == "other", record["title"]
        assert (report.province, report.city, report.county, report.town) == (None, None, None, None), record["title"]
        assert not any(section.categories for section in report.sections), record["title"]


def test_a_title_printed_over_its_delivery_subtitle_and_the_date_under_it_are_read(congress_reports):
    """十九大 and 二十大 print their name over ——在中国共产党第…次全国代表大会上的报告 and the date
    under it; the earlier ones open at 同志们 and print neither."""
    assert congress_reports[19][1].title == "决胜全面建成小康社会为夺取新时代中国特色社会主义伟大胜利"
    assert congress_reports[19][1].year == 2017
    assert congress_reports[20][1].title == "高举中国特色社会主义伟大旗帜为全面建设社会主义现代化国家而团结奋斗"
    assert congress_reports[20][1].year == 2022
    for number in (9, 10, 11, 12, 13, 14, 15, 16, 17, 18):
        assert (congress_reports[number][1].title, congress_reports[number][1].year) == (None, None), number


def test_a_sentences_end_is_no_title(congress_reports):
    """七大's page lists the text's versions (論聯合政府 (1945年) / ，1945年中共七大報告): the second
    line ends like a report's name but is the end of a sentence."""
    record, report = congress_reports[7]
    assert report.title is None and report.year is None, record["content"][:80]
