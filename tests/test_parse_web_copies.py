"""Reports copied from government web sites lose the site's chrome before parsing.

Each fixture in tests/data/web is a report pasted from a page, written for one trap:
a metadata table (标 题: …, 文件名称 | …), bracketed metadata rows, a column name before the
title (【法治建设报告】), photo captions, breadcrumbs and toolbars, a headline with its posting
date, a title broken by the page, a document number before the title, a place the body
merely mentions, a traditional-character title, short place names, a reposting site's line-break
codes, notices and resolutions that are no report, a copy that starts at its opening sentence,
a table flattened into lines, a banner sentence above the title, a table copied cell by cell,
a mirror site's pinyin after traditional characters, a document-sharing site's labels
(本文关键词：…), a breadcrumb drawn with -> arrows, a template site's column name, tag and
promo teaser, a portal's menu, a headline printed twice on one line.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from baogao.index.cleaning import is_chrome, split_chrome
from baogao.index.reports import parse_file, parse_report

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
    # a page clock, a bare column name (工作报告), a 您所在的位置 breadcrumb, a headline with its posting date
    "dated-headline.txt": dict(title="2024年度长江路街道法治政府建设工作情况报告", town="长江路街道", year=2024,
                               published="2025-02-28", first_heading="一、推进法治政府建设的主要举措和成效"),
    # a breadcrumb without spaces; a title broken by the page after 建设工作
    "split-title.txt": dict(title="兴隆县2023年度法治政府建设工作情况报告", province="河北省", city="承德市",
                            county="兴隆县", year=2023),
    # a document number in brackets before the title, behind a 标题 label
    "number-prefix.txt": dict(title="兴安县人民政府关于2024年法治政府建设情况的报告", doc_number="兴政发〔2025〕3号",
                              province="广西壮族自治区", county="兴安县", year=2024),
    # traditional characters, and a town whose name starts like 小城镇
    "traditional-town.txt": dict(title="小河鎮2024年法治政府建設情況報告", town="小河镇", year=2024),
    # no title: an addressee, then the opening sentence; a document's (2023—2027年) before
    # the year the report covers; 领导和县依法治县委员会 is no mention of 和县
    "untitled-opening.txt": dict(title=None, town="青石镇", province=None, county=None, year=2024,
                                 first_heading="一、完善制度体系，纵深推进法治政府建设"),
    # a metadata table flattened into lines, each cell's value followed by the next label
    "flattened-table.txt": dict(title="中共长河县教育局党组2024年度法治政府建设年度报告", county=None, year=2024,
                                published="2025-02-25", first_heading="一、推进法治政府建设的主要举措和成效"),
    # a site's banner sentence and a column name above the title
    "banner-before-title.txt": dict(title="沈阳市司法局关于2023年法治政府建设情况的报告", province="辽宁省",
                                    city="沈阳市", year=2023, first_heading="一、主要工作和成效"),
    # a metadata table copied cell by cell (labels and values apart by spaces, no colon), its
    # 标题 row's title printed again below over two lines: the printed one is the title
    "table-cells.txt": dict(title="关于2024年度法治政府建设情况的报告", issuers=["甘肃省人民政府"],
                            doc_number="甘政发〔2025〕12号", province="甘肃省", city=None, year=2024,
                            published="2025-03-20", first_heading="一、加强组织领导，统筹推进法治政府建设"),
    # no title; the opening names 法治政府建设 and the first section is the annual report's
    # first part, named with 措施 (主要措施和成效)
    "untitled-measures.txt": dict(title=None, province="云南省", city="曲靖市", county="会泽县", year=2024,
                                  first_heading="一、主要措施和成效"),
    # a breadcrumb drawn with -> arrows (首页 -> 政务公开 -> …) above the title
    "arrow-breadcrumb.txt": dict(title="营口市人民政府关于营口市2019年法治政府建设情况的报告", province="辽宁省",
                                 city="营口市", year=2019, first_heading="一、基本情况"),
}

# 政府工作报告 and documents that are no report, pasted from web pages.
EXPECTED_OTHER_KINDS = {
    # a reposting site ran the lines together with a code (Xk9) where each line break was
    "watermark.txt": dict(kind="gongzuo", title="2024年桦川县政府工作报告", year=2024, published="2024-01-10",
                          county="桦川县", meeting="第十八届人民代表大会第四次会议", speaker="王立新",
                          first_heading="一、2023年工作回顾"),
    # the meeting in short (十届人大二次会议), a speaker line naming an autonomous county, a spaced name
    "short-meeting.txt": dict(kind="gongzuo", year=2023, published="2023-02-20", province="贵州省", city="铜仁市",
                              county="印江土家族苗族自治县", meeting="十届人大二次会议", speaker="李明"),
    # the title only in the metadata table's 文件名称 row; the delivery line broken before 人民代表大会
    "file-name-table.txt": dict(kind="gongzuo", title="汉阴县2025年政府工作报告", year=2025, published="2025-03-01",
                                county="汉阴县", speaker="王强"),
    # a reposting site's headline behind a bracketed province, a delivery line drawn with ――
    "reposted-headline.txt": dict(kind="gongzuo", title="(内蒙古)2024年阿巴嘎旗人民政府工作报告(全文)", year=2024,
                                  published="2024-01-09", province="内蒙古自治区", city="锡林郭勒盟",
                                  county="阿巴嘎旗", meeting="第十七届人民代表大会第三次会议", speaker="巴图"),
    # a forum's chrome (more than 15 lines) above an undashed delivery line; 温县人民政府 is 温县's own body
    "forum-delivery.txt": dict(kind="gongzuo", title="[河南] 2024年温县政府工作报告", year=2024, published="2024-01-05",
                               province="河南省", city="焦作市", county="温县",
                               meeting="第十五届人民代表大会第五次会议", speaker="张伟"),
    # a delivery line that is only the date and the meeting, without 在 and 上
    "bare-delivery.txt": dict(kind="gongzuo", year=2022, published="2022-01-11", county="泗县",
                              meeting="第十八届人民代表大会第一次会议", speaker="王刚",
                              first_heading="一、过去五年工作回顾"),
    # a delivery line without a date
    "undated-delivery.txt": dict(kind="gongzuo", published=None, province="上海市", city=None, county="静安区",
                                 meeting="第十三届人民代表大会第五次会议", speaker="张建国"),
    # a table of contents above the title
    "contents-first.txt": dict(kind="gongzuo", title="2024年闻喜县政府工作报告", year=2024, province="山西省",
                               city="运城市", county="闻喜县", first_heading="一、2023年工作回顾"),
    # an untitled 法治 report whose opening reports 有关工作情况 and whose first section names 法治政府建设
    "untitled-reported.txt": dict(kind="fazhi", title=None, year=2023, province="四川省", city="广安市",
                                  county="邻水县", first_heading="一、2023年推进法治政府建设主要举措和成效"),
    # a notice that issues a 法治政府建设 work plan: no report, its place and year from its own name
    "notice-other.txt": dict(kind="other", year=2024, province="辽宁省", county="西丰县", categories=[]),
    # a mirror site's traditional characters with pinyin after some of them (報(bào)告): dropped as debris
    "pinyin-mirror.txt": dict(kind="gongzuo", title="政府工作報告", year=2023, published="2023-01-12",
                              county="会宁县", meeting="第十八屆人民代表大會第二次會議", speaker="王明",
                              first_heading="一、2022年工作回顧", categories=["plans", "review"]),
    # a document-sharing site: its headline with 本文关键词 / 本文简介 (a teaser) / 本文内容 labels, the
    # title in brackets, the office and the speaker's name on two lines
    "document-site.txt": dict(kind="gongzuo", title="辽宁省政府工作报告", year=2011, published="2011-01-21",
                              province="辽宁省", city=None, meeting="第十一届人民代表大会第四次会议", speaker="王五",
                              first_heading="一、“十一五”时期回顾和2010年工作"),
    # a template site: the column's name over a breadcrumb that ends in it, a headline with a
    # site tag (【优秀范文】), a promo teaser (下面是小编为大家整理的…供大家参考); no delivery line, the
    # speaker line above 各位代表
    "template-site.txt": dict(kind="gongzuo", title="锡林浩特市2018年政府工作报告【优秀范文】", year=2018,
                              published=None, province="内蒙古自治区", city="锡林郭勒盟", county="锡林浩特市",
                              speaker="王五", first_heading="一、过去五年工作回顾"),
    # a county portal's menu of column names above the report (its 年度报告 is no title)
    "portal-menu.txt": dict(kind="gongzuo", title="政 府 工 作 报 告", year=2016, published="2016-06-03",
                            province="江西省", city="萍乡市", county="莲花县", speaker="张运来",
                            first_heading="一、2015年工作回顾"),
    # a resolution on a 政府工作报告 is not the report
    "resolution-other.txt": dict(kind="other", title="临江市第九届人民代表大会第三次会议关于政府工作报告的决议", year=2024,
                                 county="临江市", categories=[]),
}


@pytest.mark.parametrize("name", sorted(EXPECTED_OTHER_KINDS))
def test_web_copies_of_other_kinds(name):
    report = parse_file(WEB / name).to_dict()
    report["first_heading"] = report["sections"][0]["heading"] if report["sections"] else None
    report["categories"] = sorted({c for s in report["sections"] for c in s["categories"]})
    assert {f: report[f] for f in EXPECTED_OTHER_KINDS[name]} == EXPECTED_OTHER_KINDS[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_web_copy_fields(name):
    report = parse_file(WEB / name).to_dict()
    report["first_heading"] = report["sections"][0]["heading"]
    assert report["kind"] == "fazhi"
    assert {f: report[f] for f in EXPECTED[name]} == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(set(EXPECTED) - {"untitled-opening.txt", "untitled-measures.txt"}))  # no chrome
def test_chrome_is_dropped_and_listed_and_nothing_else(name):
    report = parse_file(WEB / name)
    blocks = "\n".join(text for _, _, text, _, _ in report.blocks())
    for chrome in ("首页", "主题分类", "公文种类", "索 引 号", "阅读量", "瀏覽次數", "分享", "打印", "来源：",
                   "【法治建设报告】", "图为", "标 题", "大 中 小"):
        assert chrome not in blocks, chrome
    assert report.dropped and all(is_chrome(d) for d in report.dropped)


def test_chrome_rules_keep_sentences_that_start_like_chrome():
    lines = ["来源于群众的意见建议都得到了回应", "发布时间紧，任务重", "图书馆建设取得新进展。",
             "首页设计", "2023年，全市主要经济指标大中小企业全面增长", "推动政务网站适老化改造，兼容各类浏览器。"]
    kept, dropped, _ = split_chrome(lines)
    assert kept == lines and dropped == []


def test_chrome_rules_drop_each_trap():
    traps = {"- 标 题:鲍沟镇2023年法治政府建设工作报告": "web metadata label",
             "[ 主题分类 ] 公安、安全、司法": "web metadata", "• 公文种类:报告": "web metadata",
             "【法治建设报告】湖北省2023年法治政府建设情况报告": "web column name",
             "图为镇政府召开法治政府建设推进会": "photo caption", "您的位置：首页 > 政务公开": "web breadcrumb",
             "发布时间：2024-01-20 来源：司法局 阅读量：123": "web metadata", "字体：【大 中 小】": "web toolbar",
             "打印 关闭": "web toolbar", "索 引 号：11320324MB1234567X/2024-00012": "web metadata",
             "当前位置:首页>专题专栏>法治政府建设": "web breadcrumb", "市司法局>专题专栏>工作情况报告": "web breadcrumb",
             "点击查阅更多2023年地方政府工作报告": "web link", "成文日期 2024-01-20": "web metadata",
             "首页 -> 政务公开 -> 工作报告 -> 部门工作报告": "web breadcrumb",
             "下面是小编为大家整理的2024年政府工作报告，供大家参考。": "web promo",
             ">政府信息公开>法定主动公开内容>其他法定信息>政府工作报告": "web breadcrumb", "首页": "web breadcrumb",
             "/ 政务公开 / 政府工作报告": "web breadcrumb",
             "WAP手机版": "web toolbar", "分      类: 其他 ; 报告": "web metadata",
             "当前浏览器版本过低,可能会有安全风险且无法正常显示。建议您升级或使用其他浏览器。": "web notice",
             "更换或升级浏览器以获得最佳体验。": "web notice", "西安市人大网欢迎您!": "web notice", "当前时间为:": "web notice",
             "今天是:2019年10月31日 星期三 农历十月初七": "web notice", "内容摘要:政 府 工 作 报 告 ——2019年1月9日在…会议上 各位代表:现在,我代表区人民政府。": "web summary"}
    _, dropped, meta = split_chrome(list(traps))
    assert [d["reason"] for d in dropped] == list(traps.values())
    assert meta["published"] == "2024-01-20"


def test_chrome_rules_split_a_headline_from_its_date_and_a_title_from_its_number():
    kept, dropped, meta = split_chrome(["某镇2024年度法治政府建设工作报告 2025-02-28 10:30",
                                        "[某政发〔2025〕3号]某县人民政府关于2024年法治政府建设情况的报告"])
    assert kept == ["某镇2024年度法治政府建设工作报告", "某县人民政府关于2024年法治政府建设情况的报告"]
    assert [d["reason"] for d in dropped] == ["web posting date", "web document number"]
    assert all(is_chrome(d) for d in dropped)
    assert (meta["published"], meta["doc_number"]) == ("2025-02-28", "某政发〔2025〕3号")


def test_a_township_the_body_merely_mentions_is_not_the_reporting_body():

    report = parse_report("关于2023年法治政府建设情况的报告\n"
                          "2023年，我们深入学习贯彻习近平法治思想，全面推进依法行政。\n"
                          "一、主要举措和成效\n学习奋斗镇经验，组织干部赴奋斗镇考察，推广奋斗镇做法，参与百县千镇示范创建。\n"
                          "二、存在的不足和原因\n法治宣传形式单一。\n")
    assert (report.town, report.province, report.city, report.county) == (None, None, None, None)
    assert report.display_title


def test_town_names_that_start_like_a_count_and_a_delivery_line_drawn_with_box_rules():

    fazhi = parse_report("三都镇2025年法治政府建设年度报告\n2025年，我镇扎实推进依法行政。\n"
                         "一、主要举措和成效\n全镇三个社区完成规范化建设，两镇联合执法。\n")
    assert (fazhi.town, fazhi.year) == ("三都镇", 2025)
    gongzuo = parse_report("政府工作报告\n── 2023年1月8日在桦川县第十八届人民代表大会第二次会议上\n县长 李 明\n"
                           "各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、2022年工作回顾\n全县经济稳中有进。\n")
    assert (gongzuo.published.isoformat(), gongzuo.meeting, gongzuo.speaker, gongzuo.county) == (
        "2023-01-08", "第十八届人民代表大会第二次会议", "李明", "桦川县")


def test_an_untitled_opening_names_its_body_in_the_clause_that_acts_not_in_what_it_did():

    report = parse_report("2021年，在区委、区政府坚强领导下，虹桥街道深入学习贯彻习近平法治思想，扎实推进基层法治建设，"
                          "成功入选上海市第一批法治示范创建街镇。现将虹桥街道2021年度法治政府建设工作报告如下：\n"
                          "一、坚持党的领导，推进基层法治建设\n党工委定期研究法治建设工作。\n")
    assert (report.kind, report.year, report.town) == ("fazhi", 2021, "虹桥街道")
    assert (report.province, report.city, report.county) == (None, None, None)


def test_a_heading_that_runs_into_its_text_is_the_first_sentence_and_the_line_stays_one_block():

    line = "一、加强法治政府建设组织领导。一是切实履行第一责任人职责，主要负责人带头学法。"
    report = parse_report("关于2020年法治政府建设情况的报告\n2020年，全省各级政府深入推进依法行政。\n"
                          f"{line}\n二、依法全面履行政府职能。一是依法科学有序防控疫情，出台相关文件。\n")
    assert [s.heading for s in report.sections] == ["一、加强法治政府建设组织领导。", "二、依法全面履行政府职能。"]
    assert report.sections[0].categories == []  # from the heading: 第一责任人 is in the text after it
    assert line in [text for _, _, text, _, _ in report.blocks()]


def test_a_menu_is_chrome_but_a_table_of_contents_is_the_documents_own():
    menu = ["栏目导航", "信息公开目录", "信息公开指南", "年度报告", "依申请公开", "规范性文件"]
    contents = ["第一章 总 则", "第二章 种质资源保护", "第三章 育种创新", "第四章 品种管理", "第五章 生产经营", "第六章 附 则"]
    kept, dropped, _ = split_chrome(["北京市种子条例", *contents, "第一章 总 则", "第一条 为了保护种质资源，制定本条例。"])
    assert dropped == [] and kept[1:7] == contents
    kept, dropped, _ = split_chrome([*menu, "某县2023年法治政府建设情况报告", "2023年，我县扎实推进法治政府建设。"])
    assert kept == ["某县2023年法治政府建设情况报告", "2023年，我县扎实推进法治政府建设。"]
    assert [d["reason"] for d in dropped] == ["web navigation"] * 6 and all(is_chrome(d) for d in dropped)


def test_a_headline_printed_twice_and_a_column_name_above_its_breadcrumb():
    kept, dropped, _ = split_chrome(["柳市镇2024年法治政府建设年度报告 柳市镇2024年法治政府建设年度报告 |",
                                     "2024年柳市镇坚持以习近平法治思想为指导。"])
    assert kept[0] == "柳市镇2024年法治政府建设年度报告" and dropped[0]["reason"] == "web title row"
    # above the breadcrumb, the column's name; below it, the article's own headline stays
    kept, dropped, _ = split_chrome(["政府工作报告", "当前位置: 首页 >> 政务公开 >> 政府工作报告", "2019年甘肃省政府工作报告"])
    assert kept == ["2019年甘肃省政府工作报告"]
    assert [d["reason"] for d in dropped] == ["web breadcrumb", "web column name"]
    kept, dropped, _ = split_chrome(["当前位置:首页 > 要闻 > 2019年甘肃省政府工作报告", "2019年甘肃省政府工作报告"])
    assert kept == ["2019年甘肃省政府工作报告"] and [d["reason"] for d in dropped] == ["web breadcrumb"]


def test_a_column_name_below_its_breadcrumb_and_above_the_reports_title():
    report = parse_report("您现在的位置:首页 > 政务公开 > 法治政府建设 > 镇街法治政府建设报告\n镇街法治政府建设报告\n"
                          "广州市南沙区横沥镇人民政府2020年法治政府建设年度报告\n来源:横沥镇人民政府发布日期:2021-01-11\n"
                          "2020年,横沥镇党委、政府深入学习贯彻习近平法治思想。\n一、工作开展情况\n加强学习。\n", "web/hengli.txt")
    assert (report.title, report.county, report.town) == ("广州市南沙区横沥镇人民政府2020年法治政府建设年度报告", "南沙区", "横沥镇")
    # with no title after it, the last crumb printed below is the article's own headline
    report = parse_report("当前位置:首页 > 政务公开 > 2023年法治政府建设情况报告\n2023年法治政府建设情况报告\n"
                          "2023年,横沥镇坚持依法行政。\n一、工作开展情况\n加强学习。\n", "web/headline.txt")
    assert report.title == "2023年法治政府建设情况报告"


def test_an_issuer_row_gives_the_place_with_its_next_cell_or_its_value_on_the_next_line():
    """发布机构: 昆明市五华区人民政府 发布日期: …: the issuer is the cell's value only; a table
    copied cell by cell prints the value below its label (发 布 机 构 : / 天津市河东区司法局)."""
    report = parse_report("索引号: 015115177-202201-501651 主题分类: 政府工作报告\n"
                          "发布机构:  昆明市五华区人民政府 发布日期: 2022-01-28 10:41\n2022年政府工作报告\n各位代表:\n"
                          "我代表区人民政府向大会报告工作，请予审议。\n一、过去一年工作回顾\n经济平稳增长。\n", "web/row.txt")
    assert report.issuers == ["昆明市五华区人民政府"]
    assert (report.kind, report.province, report.city, report.county) == ("gongzuo", "云南省", "昆明市", "五华区")
    report = parse_report("名    称 :\n河东区人民政府2021年法治政府建设情况报告\n发 布 机 构 :\n天津市河东区司法局\n主    题 :\n"
                          "司法行政\n\n河东区人民政府2021年法治政府建设情况报告\n2021年，河东区政府推进法治政府建设。\n"
                          "一、主要工作\n加强培训。\n", "web/below.txt")
    assert report.issuers == ["天津市河东区司法局"]
    assert (report.province, report.city, report.county) == ("天津市", None, "河东区")


def test_a_document_sites_label_glued_to_the_delivery_line_and_a_wiki_infobox():
    """文档介绍:——2009年5月16日在…: the label is chrome, the line the report's delivery line; a
    wiki's infobox (中文名 / 汇报单位 / 报告时间) gives the title, issuer and delivery date."""
    report = parse_report("文档介绍:——2009年5月16日在昔阳县第十五届人民代表大会\n   第三次会议上\n代县长   丁雪钦\n各位代表:\n"
                          "现在,我代表县人民政府向大会作报告,请予审议。\n二00八年工作回顾\n2008年,经济平稳增长。\n", "web/doc.txt")
    assert (report.kind, report.published.isoformat(), report.meeting, report.county) == (
        "gongzuo", "2009-05-16", "第十五届人民代表大会第三次会议", "昔阳县")
    assert {"text": "文档介绍:", "reason": "web metadata label"} in report.dropped
    report = parse_report("基本介紹\n- 中文名:2004年法庫縣政府工作報告\n- 匯報單位:法庫縣人民政府\n- 報告類型:政府工作報告\n"
                          "- 報告時間:2003年12月25日\n二三年政府工作回顧\n即將過去的2003年,是我縣經濟取得長足進步的一年。\n"
                          "二四年工作安排\n繼續發展。\n", "web/wiki.txt")
    assert (report.title, report.issuers, report.published.isoformat(), report.year, report.county) == (
        "2004年法庫縣政府工作報告", ["法库县人民政府"], "2003-12-25", 2004, "法库县")
    assert all(is_chrome(d) for d in report.dropped if d["reason"].startswith("web"))


def test_a_metadata_date_written_with_year_month_and_day_characters():
    report = parse_report("成文日期：2024年01月18日\n关于2023年法治政府建设情况的报告\n2023年，我镇推进法治政府建设。\n"
                          "一、主要工作\n加强培训。\n", "web/date.txt")
    assert report.published.isoformat() == "2024-01-18"


def test_a_metadata_table_printed_as_its_values_and_a_title_row_whose_issuer_ran_into_another_row():
    report = parse_report("• 755156513/2014-00003\n  • 新郑市人民政府\n  • 政府工作报告\n  • 2014-02-13\n  • 2014-02-13\n"
                          "新郑市人民政府2014年政府工作报告\n——2014年2月13日在新郑市第四届人民代表大会第三次会议上\n代市长 刘建武\n"
                          "各位代表:\n现在,我代表市人民政府,向大会作工作报告。\n一、2013年工作回顾\n经济平稳增长。\n", "web/values.txt")
    assert (report.title, report.county, report.speaker) == ("新郑市人民政府2014年政府工作报告", "新郑市", "刘建武")
    assert [d["text"] for d in report.dropped if d["reason"] == "web metadata list"] == [
        "755156513/2014-00003", "新郑市人民政府", "政府工作报告", "2014-02-13", "2014-02-13"]
    assert all(is_chrome(d) for d in report.dropped if d["reason"].startswith("web"))
    report = parse_report("标题:琼海市人民政府 关于2023年度法治政府建设情况的报告\n索引号:00820758-3/2024-00034 分 类:综合政务 "
                          "发文机关:琼海市人民政府 成文日期:2024年03月21日 文 号:海府〔2024〕37号 主题词:法治政府琼 海 市 人 民 政 府\n关于2023年度法治政府建设情况的报告\n2023年,琼海市推进法治政府建设。\n"
                          "一、主要举措\n加强培训。\n", "web/row-run-in.txt")
    assert report.title == "关于2023年度法治政府建设情况的报告"


def test_an_issuer_in_a_rows_later_cell_names_the_reporting_body():
    report = parse_report("2020年度法治政府建设工作报告\n主题分类: 其他 发文单位: 咸宁市水利和湖泊局\n市委依法治市办:\n"
                          "2020年，我局深入学习领会习近平法治思想。现将有关情况报告如下:\n一、主要举措\n加强培训。\n", "web/later-cell.txt")
    assert (report.issuers, report.province, report.city) == (["咸宁市水利和湖泊局"], "湖北省", "咸宁市")
    assert report.provenance["place"] == "issuers"


def test_a_pages_html_saved_as_text_is_read_without_its_tags():
    report = parse_report('当前位置:  首页 >  市政府 >  工作报告\n<p style="font-size: 36px; text-align: center">政 府 工 作 报 告</font></strong></p>\n'
                          '<p style="font-size: 28px">2007年2月12日在长春市第十二届人民代表大会第五次会议上</p>\n<p style="font-size: 28px">市长 祝业精</p>\n'
                          '<p style="text-indent: 23pt">&nbsp;</p>\n<p>各位代表:</p>\n<p>  我代表市人民政府向大会作工作报告,请予审议。</p>\n'
                          '<p>  一、2006年工作简要回顾</p>\n<p>  2006年实现了&ldquo;十一五&rdquo;时期的良好开局。</p>\n', "web/markup.txt")
    assert (report.kind, report.title, report.published.isoformat(), report.speaker, report.city) == (
        "gongzuo", "政 府 工 作 报 告", "2007-02-12", "祝业精", "长春市")
    assert report.sections[0].heading == "一、2006年工作简要回顾"
    assert report.sections[0].paragraphs[0].text == "2006年实现了“十一五”时期的良好开局。"
    assert {d["reason"] for d in report.dropped} >= {"html markup"}


def test_lines_of_nothing_but_tags_from_a_hijacked_page_are_dropped():
    junk = '<legend id="h4sia"></legend><samp id="h4sia"></samp>\n  • <input id="h4sia"><address id="h4sia"></address>\n' \
           '    1. <blockquote id="h4sia"><rt id="h4sia"></rt></blockquote>\n<delect id="h4sia"></delect>\n'
    report = parse_report(junk + "2023年政府工作报告\n——2023年1月5日在台州市第六届人民代表大会第二次会议上\n"
                          "各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、2022年工作回顾\n经济平稳增长。\n", "web/tags.txt")
    assert (report.title, report.city) == ("2023年政府工作报告", "台州市")
    assert [p.text for p in report.front] == ["——2023年1月5日在台州市第六届人民代表大会第二次会议上", "各位代表:"]
    assert {d["reason"] for d in report.dropped} == {"html markup"}


def test_set_ad_traps_a_table_rows_issuer_cell_an_issuer_over_the_repeated_headline_and_a_long_heading_with_its_stop():
    report = parse_report("| 索引号 | 620721125/2026-00002 | 发文字号 | 肃林草发〔2026〕6号 |\n|---|---|---|---|\n"
                          "| 关键词 | 发布机构 | 肃南县林草局 | |\n2025年,我局法治政府建设坚持以习近平法治思想为指导。现将有关情况报告如下:\n"
                          "一、主要举措和成效\n加强学习。\n", "web/table-row.txt")
    assert (report.issuers, report.county) == (["肃南县林草局"], "肃南裕固族自治县")  # 肃南县: the county as its bodies print it
    report = parse_report("当前位置: 政府机构 >> 公义镇 >> 信息公开 >> 政策文件 >> 正文\n2021年法治政府建设工作情况报告\n  • 发文字号:\n"
                          "  • 发文机构:gyz1\n  • 名 称:2021年法治政府建设工作情况报告\n  • 公文时效:\n眉山市彭山区公义镇人民政府\n"
                          "2021年法治政府建设工作情况报告\n2021年,公义镇推进法治政府建设。现将有关情况报告如下:\n一、主要举措\n加强学习。\n",
                          "web/repeat.txt")
    assert (report.issuers, report.county, report.town) == (["眉山市彭山区公义镇人民政府"], "彭山区", "公义镇")
    assert all(is_chrome(d) for d in report.dropped if d["reason"].startswith("web"))
    heading = ("一、全面贯彻党的二十大精神,深入学习贯彻习近平法治思想和习近平总书记对广东系列重要讲话、重要指示精神的情况,"
               "紧密围绕省委“1310”具体部署和市委工作安排,推动法治政府建设的举措和成效。")
    report = parse_report(f"内湖镇2025年法治政府建设年度报告\n2025年内湖镇人民政府推进法治政府建设。\n{heading}\n(一)强化政治引领。\n",
                          "web/long-stop.txt")
    assert report.sections[0].heading == heading


def test_a_metadata_table_printed_cell_by_cell_gives_its_values_and_none_of_its_labels():
    # The 发布机构 cell's value was lost in the copy: the next cell is the label 文 号, not an issuer
    report = parse_report("| 索 引 号 | XM00128-30-01-2026-005 | 主题分类 | 文件通知 |\n"
                          "| 发布机构 | 文 号 | 厦政外综〔2026〕18号 | |\n"
                          "| 标 题: | 厦门市人民政府外事办公室关于2025年法治政府建设工作情况的报告 | ||\n"
                          "市委、市政府:\n2025年,市外办深入学习贯彻习近平法治思想。现将有关情况报告如下:\n"
                          "一、主要举措和成效\n加强学习。\n", "web/cells.txt")
    assert report.issuers == [] and report.doc_number == "厦政外综〔2026〕18号"
    assert (report.title, report.year, report.province, report.city) == (
        "厦门市人民政府外事办公室关于2025年法治政府建设工作情况的报告", 2025, "福建省", "厦门市")
    assert [d["reason"] for d in report.dropped if d["reason"].startswith("web")] == ["web metadata table"] * 3
    assert all(is_chrome(d) for d in report.dropped if d["reason"].startswith("web"))
    # a label and its value in one cell; a traditional title kept as printed
    report = parse_report("| 发文机关:黎侯镇人民政府 | 主题词: |\n| 標 題: | 黎侯鎮2025年度法治政府建設情況報告 | ||\n"
                          "2025年,我镇推进法治政府建设。现将有关情况报告如下:\n一、主要举措\n加强学习。\n", "web/cells2.txt")
    assert (report.issuers, report.title, report.town) == (["黎侯镇人民政府"], "黎侯鎮2025年度法治政府建設情況報告", "黎侯镇")
    # a table in the body is the report's own text, kept whole
    report = parse_report("关于2025年法治政府建设情况的报告\n2025年,我县推进法治政府建设。现将有关情况报告如下:\n"
                          "| 发布机构 | 案件数 |\n| 县司法局 | 12 |\n", "web/body-table.txt")
    assert not [d for d in report.dropped if d["reason"] == "web metadata table"]


def test_a_metadata_row_that_lost_its_labels_first_character_and_a_title_cell_after_a_colon():
    report = parse_report("号: cxszfbgs-/2022-0130001 信息分类: 政府文件\n发布机构: 楚雄市人民政府办公室 生成日期: 2022-01-27\n"
                          "称: 楚雄市人民政府关于印发2022年政府工作报告的通知\n楚雄市人民政府关于印发2022年政府工作报告的通知\n"
                          "各乡镇人民政府,市属各部门:\n2022年《政府工作报告》已经审议通过,现予印发。\n", "web/lost-label.txt")
    assert (report.title, report.issuers) == ("楚雄市人民政府关于印发2022年政府工作报告的通知", ["楚雄市人民政府办公室"])
    report = parse_report("标 题: | 阳城县科学技术局2020年度法治政府建设报告 | ||\n2020年,县科技局推进法治政府建设。现将有关情况报告如下:\n"
                          "一、主要举措和成效\n加强学习。\n", "web/title-cell.txt")
    assert (report.title, report.county) == ("阳城县科学技术局2020年度法治政府建设报告", "阳城县")


def test_a_metadata_list_with_each_value_below_its_label_gives_no_title():
    """• 组配分类: / • 政府工作报告 is a category, not the title; a label whose value is empty
    (• 有效性:) leaves the title below it alone."""
    report = parse_report("• 索引号:\n• 11330383MB1D78880M/2021-02417\n• 组配分类:\n• 政府工作报告\n• 发布机构:\n"
                          "• 中共龙港市委市政府办公室\n• 成文日期:\n• 2021-04-08\n• 公开方式:\n• 主动公开\n"
                          "2021年度政府工作报告\n2021年2月24日在龙港市第一届人民代表大会第二次会议上\n龙港市人民政府市长 何宗静\n"
                          "各位代表:\n现在,我代表龙港市人民政府向大会报告工作,请予审议。\n一、2020年主要工作回顾\n经济平稳增长。\n",
                          "web/value-below.txt")
    assert (report.title, report.issuers, report.county) == ("2021年度政府工作报告", ["中共龙港市委市政府办公室"], "龙港市")
    assert all(is_chrome(d) for d in report.dropped if d["reason"].startswith("web"))
    report = parse_report("• 发布机构:\n• 湖塘街道\n• 有效性:\n绍兴市柯桥区湖塘街道办事处2024年法治政府建设年度报告\n发布时间:2025-02-10 13:44\n"
                          "2024年,湖塘街道深入推进法治政府建设。现将有关情况报告如下:\n一、主要举措和成效\n加强学习。\n", "web/empty-value.txt")
    assert (report.title, report.town) == ("绍兴市柯桥区湖塘街道办事处2024年法治政府建设年度报告", "湖塘街道")


def test_a_sites_welcome_banner_is_no_title():
    report = parse_report("欢迎来到专业的唐家秘书网平台! 工作总结 工作计划 心得体会 述职报告 自查报告\n当前位置:首页 > 工作总结 > 正文\n"
                          "【法制总结】2009年温州法治政府建设工作总结\n时间:2023-05-17 18:55:12 来源:网友投稿\n"
                          "2009年,我市各级行政机关以提高依法行政能力为主线,推进法治政府建设。\n", "web/banner.txt")
    assert (report.kind, report.title, report.year, report.city) == ("fazhi", "2009年温州法治政府建设工作总结", 2009, "温州市")


def test_a_title_row_whose_label_runs_into_its_value():
    report = parse_report("索引号000014349/2025-04796\n发文机关沁县林业局 主题词\n标题沁县林业局关于2024年法治政府建设情况的报告\n"
                          "主题分类其它 发布日期2025-02-26\n2024年,在县委、县政府的正确领导下,沁县林业局推进法治政府建设。现将有关情况报告如下:\n"
                          "一、主要举措和成效\n加强学习。\n", "web/glued-label.txt")
    assert (report.title, report.county) == ("沁县林业局关于2024年法治政府建设情况的报告", "沁县")
    assert all(is_chrome(d) for d in report.dropped if d["reason"].startswith("web"))


def test_a_document_viewers_list_of_pages_above_a_flattened_report():
    pages = "".join(f"2021年赣州市政府工作报告(全文)_第{n}页\n第{n}页 / 共9页\n" for n in range(1, 6))
    report = parse_report("2021年赣州市政府工作报告(全文)\n上传人:荣*** 文档编号:172993162 上传时间:2021-03-11 格式:DOC 页数:9\n"
                          f"返回 下载 相关 举报\n{pages}点击查看更多>>\n资源描述\n"
                          "《2021年赣州市政府工作报告(全文)》由会员分享,可在线阅读,更多相关《2021年赣州市政府工作报告(全文)(9页珍藏版)》请在金锄头文库上搜索。\n"
                          "1、2021年赣州市政府工作报告(全文) 政府工作报告 2021年2月19日在赣州市第五届人民代表大会第六次会议上 代市长许南吉 "
                          "各位代表: 现在,我代表市人民政府,向大会报告工作,请予审议。一、2020年工作回顾 经济平稳增长。\n", "web/viewer.txt")
    assert (report.published.isoformat(), report.speaker, report.meeting) == ("2021-02-19", "许南吉", "第五届人民代表大会第六次会议")


@pytest.mark.parametrize("page, place", [
    # a county's report on its own site, which says only 县人民政府
    ("2022年政府工作报告\n来源:泰宁县政府网 时间:2022-01-04 14:52\n各位代表:\n现在,我代表县人民政府向大会工作报告,请予审议。\n"
     "一、2021年工作回顾\n经济平稳增长。\n", ("福建省", "三明市", "泰宁县")),
    # a bureau that prints its name without its place, the site's row with it
    ("2023年度退役军人事务局法治政府建设工作报告\n发布时间:2024-02-05 09:19 信息来源:洪江市退役军人事务局\n"
     "2023年,我局紧紧围绕市委、市政府中心工作推进法治建设。现将我局2023年法治政府建设工作情况报告如下。\n一、工作开展情况\n加强学习。\n",
     ("湖南省", "怀化市", "洪江市")),
    # a newspaper, a township's page on its county's site, a county's row over a city's report: nothing
    ("2022年政府工作报告\n来源:长治日报 时间:2022-01-04\n各位代表:\n现在,我代表县人民政府向大会报告工作。\n一、2021年工作回顾\n经济平稳增长。\n",
     (None, None, None)),
    ("2022年政府工作报告\n来源:泰宁县政府网\n各位代表:\n现在,我代表镇人民政府向大会报告工作。\n一、2021年工作回顾\n经济平稳增长。\n",
     (None, None, None)),
    ("2022年政府工作报告\n来源:泰宁县\n各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、2021年工作回顾\n经济平稳增长。\n",
     (None, None, None)),
    # a county's report reposted by its city's site: its superior's 市政府 is not who speaks
    ("2022年政府工作报告\n来源:三明市人民政府网\n各位代表:\n现在,我代表县人民政府向大会报告工作。\n一、2021年工作回顾\n"
     "在市委、市政府的坚强领导下,全县经济平稳增长。\n", (None, None, None)),
])
def test_a_body_that_names_no_place_is_placed_by_its_sites_source_row_when_it_speaks_as_that_body(page, place):
    report = parse_report(page, "web/source-row.txt")
    assert (report.province, report.city, report.county) == place
    assert report.provenance.get("place") == ("publisher" if place[0] else None)


def test_a_headline_followed_by_its_publisher_and_posting_date():
    report = parse_report("上海市统计局2019年度法治政府建设情况报告 上海市统计局 2020-06-08\n"
                          "2019年,我局认真贯彻落实法治政府建设实施纲要。\n一、主要举措\n加强学习。\n", "web/publisher-date.txt")
    assert (report.title, report.province) == ("上海市统计局2019年度法治政府建设情况报告", "上海市")
    assert all(is_chrome(d) for d in report.dropped if d["reason"].startswith("web"))


def test_a_line_break_saved_as_its_tag_breaks_the_headline():
    report = parse_report("周村区城北路街道办事处<br/>2017年度法治政府建设情况报告\n发布日期:2018-03-30\n"
                          "现将城北路街道办事处2017年度法治政府建设情况报告如下:\n一、强化组织领导\n加强学习。\n", "web/br-tag.txt")
    assert (report.title, report.issuers, report.town) == ("2017年度法治政府建设情况报告", ["周村区城北路街道办事处"], "城北路街道")


def test_a_character_lost_before_the_addressee_line():
    """?中共渠县县委、…: the ? a site left; the addressee then names the town's county."""
    report = parse_report("?中共渠县县委、渠县人民政府:\n2024年,在县委、县政府的坚强领导下,三汇镇坚持以习近平法治思想为指导,扎实推进法治政府建设工作,"
                          "现将2024年法治政府建设工作情况汇报如下:\n一、法治政府建设主要举措及成效\n加强学习。\n", "web/lost-mark.txt")
    assert (report.addressee, report.county, report.town) == ("中共渠县县委、渠县人民政府:", "渠县", "三汇镇")


def test_a_title_rows_value_that_goes_on_to_its_delivery_line():
    """名称: 政府工作报告 / ——在小胜镇…会议上的报告: both lines are printed again below."""
    report = parse_report("索引号: 114414230072218181/2021-00055 分类:\n名称: 政府工作报告\n——在小胜镇第十六届人民代表大会第一次会议上的报告\n"
                          "文号: 发布日期: 2021-12-07\n政府工作报告\n——在小胜镇第十六届人民代表大会第一次会议上的报告\n彭剑峰\n(2021年9月28日)\n"
                          "各位代表、同志们:\n现在,我代表镇人民政府向大会作工作报告,请予审议。\n过去五年工作回顾\n过去五年,本届政府砥砺前行。\n",
                          "web/wrapped-row.txt")
    assert (report.kind, report.title, report.town, report.speaker) == ("gongzuo", "政府工作报告", "小胜镇", "彭剑峰")
    assert (report.published.isoformat(), report.meeting) == ("2021-09-28", "第十六届人民代表大会第一次会议")


@pytest.mark.parametrize("headline, title", [
    ("[权威发布]福建省2017年法治政府建设情况报告", "福建省2017年法治政府建设情况报告"),  # a column's name
    ("[江西]南昌市2017年法治政府建设情况报告", "[江西]南昌市2017年法治政府建设情况报告"),  # a region's: the headline's own
])
def test_a_name_in_square_brackets_before_a_headline(headline, title):
    report = parse_report(f"{headline}\n2017年以来,各级政府深入推进法治政府建设。\n一、主要举措\n加强学习。\n", "web/square.txt")
    assert report.title == title
    assert all(is_chrome(d) for d in report.dropped if d["reason"].startswith("web"))


@pytest.mark.parametrize("row", [
    "  • 文件标题 关于2020年法治政府建设情况的报告",  # a bulleted row labelled 文件标题, no colon
    "信息名称 关于2020年法治政府建设情况的报告 内容概述 关于2020年法治政府建设情况的报告",  # the row's next cell
])
def test_a_title_row_above_the_printed_title(row):
    report = parse_report(f"  • 索引号 1150011400914350X1/2021-00017\n{row}\n  • 发布机构 黔江区邻鄂镇\n\n"
                          "关于2020年法治政府建设情况的报告\n\n黔江区邻鄂镇人民政府\n\n"
                          "我镇严格按照《法治政府建设实施纲要》要求推进依法行政。\n一、主要举措和成效\n加强学习。\n", "web/title-row.txt")
    assert (report.title, report.town, report.county) == ("关于2020年法治政府建设情况的报告", "邻鄂镇", "黔江区")
    assert all(is_chrome(d) for d in report.dropped if d["reason"].startswith("web"))


def test_a_sites_name_above_its_breadcrumb_is_no_issuer():
    """禄丰市人民政府 / 首页 >> 乡镇信息公开 >> 中村乡: a township's page on its county's site."""
    report = parse_report("禄丰市人民政府\n首页 >> 乡镇信息公开 >> 中村乡\n\n中村乡2020年度法治政府建设情况报告\n\n"
                          "2020年,中村乡深入推进依法行政,力争把政府工作全面纳入法治轨道。\n一、主要举措和成效\n加强学习。\n",
                          "web/site-banner.txt")
    assert (report.issuers, report.town, report.county) == ([], "中村乡", None)
    assert {"text": "禄丰市人民政府", "reason": "web site name"} in report.dropped
    assert all(is_chrome(d) for d in report.dropped if d["reason"].startswith("web"))


def test_an_untitled_report_takes_its_year_from_the_year_column_it_is_filed_under():
    text = ("您当前的位置: 首页> 政务公开> 政府信息公开目录> 法治政府建设年度报告 > 2021年度\n"
            "一、新区推进法治政府建设主要举措和成效\n(一)深学笃用习近平法治思想,统筹谋划推进法治政府建设\n"
            "1.深入学习贯彻习近平法治思想。坚持将习近平法治思想纳入新区党工委理论学习中心组重要内容。\n")
    report = parse_report(text, "web/year-column.txt")
    assert (report.kind, report.year, report.provenance["year"]) == ("fazhi", 2021, "column")


def test_a_breadcrumb_without_separators_is_no_title():
    text = ("首页 政务公开 政府信息公开 法治政府建设 法治政府建设年度报告\n"
            "中共淄博市公安局交通警察支队淄川大队总支部委员会关于2023年法治政府建设工作情况的报告\n"
            "区委、区政府:\n现将2023年度法治政府建设情况报告如下:\n一、推进法治政府建设的主要举措和成效\n加强学习。\n")
    report = parse_report(text, "web/crumbs.txt")
    assert report.title.startswith("中共淄博市公安局")
    assert "首页 政务公开 政府信息公开 法治政府建设 法治政府建设年度报告" in [d["text"] for d in report.dropped]


def test_a_special_reports_column_above_the_title_is_no_title():
    text = ("其他专题报告\n\n2016年义乌市法治政府建设情况的报告\n\n公开日期:2017年03月10日\n\n"
            "2016年以来,义乌深入贯彻落实中央、省、金华市关于法治政府建设各项具体要求。\n一、主要工作\n加强学习。\n")
    report = parse_report(text, "web/column.txt")
    assert (report.kind, report.title, report.county) == ("fazhi", "2016年义乌市法治政府建设情况的报告", "义乌市")


def test_a_delivery_date_that_lost_its_year_and_day_characters_is_read():
    text = ("2012年政府工作报告\n\n政府工作报告\n\n20125月16在温州市鹿城区藤桥镇\n\n第十六届人民代表大会第二次会议上\n\n"
            "张 维 凯\n\n各位代表:\n\n现在,我向大会作政府工作报告,请予审议。\n\n一、2011年工作回顾\n\n一年来,我们较好地完成了各项任务。\n")
    report = parse_report(text, "web/garbled-date.txt")
    assert (str(report.published), report.town, report.county) == ("2012-05-16", "藤桥镇", "鹿城区")


def test_a_first_heading_run_into_the_posting_time_row_is_the_first_section():
    text = ("厦门市2016年法治政府建设情况报告\n发表时间 : 2019-05-07 16:46:57一、2016年度主要工作\n"
            "2016年,厦门市人民政府在省委、省政府的领导下,全市依法行政和法治政府建设工作取得新成效。\n")
    report = parse_report(text, "web/posted-heading.txt")
    assert [s.heading for s in report.sections] == ["一、2016年度主要工作"]
    assert {"text": "发表时间 : 2019-05-07 16:46:57", "reason": "web posting date"} in report.dropped


def test_a_report_that_names_no_place_is_placed_by_the_news_headline_above_it():
    body = ("2014年,在市委、市政府的正确领导下,我市深入推进依法行政,加快法治政府建设。\n"
            "一、统筹推进,进一步夯实依法行政工作基础\n一是加强组织领导。\n")
    report = parse_report("合肥市2014年度依法行政工作取得显著成效\n" + body, "web/headline.txt")
    assert (report.province, report.city, report.provenance["place"]) == ("安徽省", "合肥市", "headline")
    # a headline naming a place of another level than the one the report speaks as places nothing
    report = parse_report("安徽省2014年度依法行政工作取得显著成效\n" + body, "web/headline-province.txt")
    assert (report.province, report.city) == (None, None)


def test_an_index_row_that_lost_its_label_is_no_title():
    # the site lost 索引 of 索引号 and 名 of 名称; the row holds 政府工作报告 but is chrome
    text = ("号: cxs039-/2023-0407001 信息分类: 政府工作报告\n发文日期: 2023-04-07\n\n政府工作报告\n\n"
            "——在东华镇第十二届人民代表大会第三次会议上\n\n东华镇人民政府镇长  刘文明\n\n2023329日)\n\n各位代表:\n\n"
            "我代表东华镇人民政府,向大会报告工作,请予审议。\n\n2022年工作回顾\n\n2022年,全镇上下坚持稳中求进。\n")
    report = parse_report(text, "web/lost-label.txt")
    assert (report.title, report.town) == ("政府工作报告", "东华镇")
    # the day under the speaker, its 年, 月 and opening bracket lost: only March 29th fits
    assert str(report.published) == "2023-03-29"


def test_a_document_number_glued_to_the_title_is_no_part_of_it():
    text = ("长政发〔2021〕1号长海县2020年度法治政府建设情况报告\n\n政府办文书科\n\n2021-01-05\n\n"
            "2020年,我县坚持以习近平新时代中国特色社会主义思想为指导,推进依法行政。\n一、主要举措和成效\n加强学习。\n")
    report = parse_report(text, "web/glued-number.txt")
    assert (report.title, report.doc_number, report.county) == ("长海县2020年度法治政府建设情况报告", "长政发〔2021〕1号", "长海县")


def test_a_county_sites_name_above_its_toolbar_is_no_issuer_of_a_towns_report():
    text = ("莒南县人民政府\n朗读\n\n石莲子镇2023年政府工作报告\n\n来源:石莲子镇 打印\n\n各位代表、同志们:\n\n"
            "现在,我代表镇人民政府向大会报告工作,请予审议。\n\n一、2023年工作回顾\n\n2023年,全镇经济社会实现了又好又快发展。\n")
    report = parse_report(text, "web/banner-toolbar.txt")
    assert (report.issuers, report.county, report.town) == ([], None, "石莲子镇")
    assert {"text": "莒南县人民政府", "reason": "web site name"} in report.dropped
    assert all(is_chrome(d) for d in report.dropped)


def test_a_headlines_note_of_the_meeting_is_no_part_of_the_title():
    text = ("2011年政府工作报告(市第三届人民代表大会第一次会议上)\n\n--2011年9月27日在宜春市第三届人民代表大会第一次会议上\n"
            "宜春市人民政府代市长  蒋 斌\n\n各位代表:\n\n现在,我代表市人民政府向大会报告政府工作。\n\n一、过去五年工作回顾\n\n五年来,我们砥砺奋进。\n")
    report = parse_report(text, "web/meeting-note.txt")
    assert (report.title, str(report.published), report.city) == ("2011年政府工作报告", "2011-09-27", "宜春市")
    # the line stays whole as the title's block, so its every word is still found
    assert report.title_line == "2011年政府工作报告(市第三届人民代表大会第一次会议上)"


def test_a_wiki_infobox_with_run_on_rows_gives_the_speaker_the_day_and_the_meeting():
    text = ("基本信息\n報告人:江蘇省省長羅志軍報告時間:2010年1月16日\n報告背景:2010年1月16日江蘇省第十一屆人民代表大會第三次會議\n"
            "詳細內容\n各位代表:現在,我代表省人民政府向大會作工作報告,請予審議。\n一、2009年工作回顧\n過去的一年,是我省經濟發展最為困難的一年。\n")
    report = parse_report(text, "web/infobox.txt")
    assert (report.kind, report.year, str(report.published), report.province) == ("gongzuo", 2010, "2010-01-16", "江苏省")
    # as printed, and not the wiki's section label 詳細內容 under the meeting
    assert (report.meeting, report.speaker) == ("第十一屆人民代表大會第三次會議", "羅志軍")
    assert {"text": "報告背景:", "reason": "web metadata label"} in report.dropped
    assert all(is_chrome(d) for d in report.dropped)


def test_a_delivery_line_that_lost_its_numbers_is_still_read():
    text = ("共青城市苏家垱乡人民政府2025年政府工作报告\n\n——2025429日在苏家垱乡第届人民代表大会第次会议上\n\n苏家垱乡人民政府乡长  廖常伟\n\n"
            "各位代表:\n\n现在,我代表苏家垱乡人民政府向大会报告工作,请予审议。\n\n一、2024年工作回顾\n\n2024年,全乡上下攻坚克难。\n")
    report = parse_report(text, "web/lost-numbers.txt")
    assert (str(report.published), report.meeting, report.speaker) == ("2025-04-29", "第届人民代表大会第次会议", "廖常伟")


def test_a_garbled_delivery_date_in_the_year_the_report_reviews_is_no_date():
    # 2022416 reads as 2022-04-16 only, but the report reviews 2022: the site mistyped the year too
    text = ("2023年龙泉镇人民政府工作报告\n\n——2022416在龙泉镇\n\n第二十届人民代表大会第次会议上\n\n薛  奇\n\n各位代表:\n\n"
            "现在,我代表龙泉镇人民政府向大会报告政府工作,请予审议。\n\n2022年工作回顾\n\n2022年,是龙泉发展历程中极不平凡的一年。\n")
    report = parse_report(text, "web/garbled-year.txt")
    assert (report.published, report.year, report.speaker) == (None, 2023, "薛奇")
    # a township's mid-year report reviews the half year it is delivered in: its date stands
    text = ("2025年上半年政府工作报告\n\n——2025813日在大江镇第十八届人民代表大会第三次会议上\n\n大江镇镇长    陈敏辉\n\n各位代表:\n\n"
            "现在,我代表大江镇人民政府向大会报告工作,请予审议。\n\n2025年上半年工作回顾\n\n今年是实现“十四五”规划目标任务的收官之年。\n")
    report = parse_report(text, "web/mid-year.txt")
    assert (str(report.published), report.year) == ("2025-08-13", 2025)


def test_a_kinds_bare_name_over_the_reports_own_title_is_the_columns():
    report = parse_report("微信\n手机版\n政务服务和数据管理局\n法治政府建设年度报告\n"
                          "江海区政务服务和数据管理局关于2025年度法治政府建设情况的报告\n文章来源:本网 更新时间:2025-11-20\n"
                          "2025年,江海区政务和数据局坚持依法行政。现就有关工作报告如下:\n"
                          "一、2025年推进法治政府建设的主要举措及成效\n加强学习。\n", "web/jianghai.txt")
    assert (report.kind, report.title, report.year, report.county) == (
        "fazhi", "江海区政务服务和数据管理局关于2025年度法治政府建设情况的报告", 2025, "江海区")
    # with nothing after it, the bare name is the title
    report = parse_report("法治政府建设年度报告\n2025年,某局坚持依法行政。\n一、主要举措\n加强学习。\n", "web/bare.txt")
    assert report.title == "法治政府建设年度报告"


def test_a_breadcrumb_continued_on_the_next_line_after_a_slash_is_no_title():
    report = parse_report("当前位置:首页\n/ 政务公开 / 政府工作报告\n2017年政府工作报告\n字号:\n"
                          "2017年2月8日在镇海区第十五届人民代表大会第一次会议上\n镇海区区长 魏祖民\n各位代表:\n"
                          "现在,我代表区人民政府向大会报告工作,请予审议。\n一、过去五年工作回顾\n五年来成绩显著。\n", "web/zhenhai.txt")
    assert (report.title, report.year, report.county) == ("2017年政府工作报告", 2017, "镇海区")
    # a sentence with slashes in it stays the text's
    kept, dropped, _ = split_chrome(["全年完成投资/产值/税收三项指标,较上年增长。"])
    assert kept and not dropped
