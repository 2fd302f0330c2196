"""Documents that are no report (laws, regulations) get no invented fields.

Every 20th law of ../shared/corpora/laws.tar.xz (in name order) must parse as kind other,
with no year (but a resolution's or decision's, from the adoption line under its name), no
section category and no town; a place only when the document's own name
starts with it (三门峡市城市环境卫生管理条例 is 三门峡市's own regulation: see
docs/decisions.md), never one its body mentions.
"""
from __future__ import annotations

import pytest

from baogao.index.reports import parse_report

from .conftest import law_files


@pytest.fixture(scope="module")
def laws():
    """[(name, text)] for every 20th law of the archive."""
    return [(name, data.decode("utf-8")) for name, data in law_files(20)]


def test_laws_get_no_invented_fields(laws):
    assert len(laws) > 150
    wrong = []
    for name, text in laws:
        report = parse_report(text, name)
        own_name = text.strip().splitlines()[0].strip()
        places = [p for p in (report.province, report.city, report.county) if p]
        # a resolution's or a decision's year is the one its adoption line under its name states
        adoption = " ".join(text.strip().splitlines()[1:4]) if own_name.endswith(("决定", "决议")) else ""
        problems = {
            "kind": report.kind != "other",
            "year": report.year is not None and f"{report.year}年" not in adoption,
            "categories": any(s.categories for s in report.sections),
            "town": report.town is not None,
            # the most local place named must open the document's own name (short names allowed)
            "place": bool(places) and not own_name.startswith(places[-1][:2]),
        }
        if any(problems.values()):
            wrong.append((name, [k for k, v in problems.items() if v], places, report.year))
    assert wrong == []


def test_a_local_regulation_is_placed_by_its_own_name_only(laws):
    text = ("三门峡市城市环境卫生管理条例\n2016年8月18日 三门峡市第六届人民代表大会常务委员会第三十三次会议通过\n"
            "第一章  总则\n第一条 为了加强城市环境卫生管理，根据国务院《城市市容和环境卫生管理条例》，结合本市实际，制定本条例。\n")
    report = parse_report(text, "三门峡市城市环境卫生管理条例(2019-01-15).txt")
    assert (report.kind, report.province, report.city, report.year) == ("other", "河南省", "三门峡市", None)
    national = parse_report("国务院关于鼓励投资开发海南岛的规定\n第一条 为了加快海南岛的开发建设，制定本规定。\n", "x.txt")
    assert (national.province, national.city, national.year) == (None, None, None)
