"""Reports copied from government web sites lose the site's chrome before parsing.

Each fixture in tests/data/web is a report pasted from a page, written for one trap:
a metadata table (标 题: …), bracketed metadata rows, a column name before the title
(【法治建设报告】), photo captions, breadcrumbs and toolbars, a place the body merely
mentions, a traditional-character title, short place names.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from baogao.index.cleaning import is_chrome, split_chrome
from baogao.index.reports import parse_file

WEB = Path(__file__).with_name("data") / "web"

EXPECTED = {
    "baogou-metadata.txt": dict(title="鲍沟镇2023年法治政府建设工作报告", issuers=["鲍沟镇人民政府"], town="鲍沟镇",
                                province=None, year=2023, published="2024-01-18",
                                first_heading="一、2023年法治政府建设主要举措和成效"),
    "zhuti-fenlei.txt": dict(title="奋斗镇2023年度法治政府建设情况报告", issuers=["奋斗镇人民政府"], town="奋斗镇",
                             province=None, year=2023, published="2024-02-05", first_heading="一、主要举措和成效"),
    "column-name.txt": dict(title="湖北省恩施州2023年法治政府建设情况报告", province="湖北省",
                            city="恩施土家族苗族自治州", county=None, year=2023, published="2024-03-01"),
    "jinlong-street.txt": dict(title="金龙街道2023年法治政府建设情况报告", town="金龙街道", year=2023),
    "yili-traditional.txt": dict(title="伊犁州2023年法治政府建設情況的報告", province="新疆维吾尔自治区",
                                 city="伊犁哈萨克自治州", year=2023, first_heading="一、主要舉措和成效"),
    "neimenggu.txt": dict(title="内蒙古自治区2023年法治政府建设情况报告", province="内蒙古自治区", city=None,
                          year=2023, published="2024-03-28"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_web_copy_fields(name):
    report = parse_file(WEB / name).to_dict()
    report["first_heading"] = report["sections"][0]["heading"]
    assert report["kind"] == "fazhi"
    assert {f: report[f] for f in EXPECTED[name]} == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_chrome_is_dropped_and_listed_and_nothing_else(name):
    report = parse_file(WEB / name)
    blocks = "\n".join(text for _, _, text, _, _ in report.blocks())
    for chrome in ("首页", "主题分类", "公文种类", "索 引 号", "阅读量", "瀏覽次數", "分享", "打印", "来源：",
                   "【法治建设报告】", "图为", "标 题", "大 中 小"):
        assert chrome not in blocks, chrome
    assert report.dropped and all(is_chrome(d) for d in report.dropped)


def test_chrome_rules_keep_sentences_that_start_like_chrome():
    lines = ["来源于群众的意见建议都得到了回应", "发布时间紧，任务重", "图书馆建设取得新进展。",
             "首页设计", "2023年，全市主要经济指标大中小企业全面增长"]
    kept, dropped, _ = split_chrome(lines)
    assert kept == lines and dropped == []


def test_chrome_rules_drop_each_trap():
    traps = {"- 标 题:鲍沟镇2023年法治政府建设工作报告": "web metadata label",
             "[ 主题分类 ] 公安、安全、司法": "web metadata", "• 公文种类:报告": "web metadata",
             "【法治建设报告】湖北省2023年法治政府建设情况报告": "web column name",
             "图为镇政府召开法治政府建设推进会": "photo caption", "您的位置：首页 > 政务公开": "web breadcrumb",
             "发布时间：2024-01-20 来源：司法局 阅读量：123": "web metadata", "字体：【大 中 小】": "web toolbar",
             "打印 关闭": "web toolbar", "索 引 号：11320324MB1234567X/2024-00012": "web metadata"}
    _, dropped, meta = split_chrome(list(traps))
    assert [d["reason"] for d in dropped] == list(traps.values())
    assert meta["published"] == "2024-01-20"


def test_a_township_the_body_merely_mentions_is_not_the_reporting_body():
    from baogao.index.reports import parse_report

    report = parse_report("关于2023年法治政府建设情况的报告\n"
                          "2023年，我们深入学习贯彻习近平法治思想，全面推进依法行政。\n"
                          "一、主要举措和成效\n学习奋斗镇经验，组织干部赴奋斗镇考察，推广奋斗镇做法，参与百县千镇示范创建。\n"
                          "二、存在的不足和原因\n法治宣传形式单一。\n")
    assert (report.town, report.province, report.city, report.county) == (None, None, None, None)
    assert report.display_title
