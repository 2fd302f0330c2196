"""Reports unlike the seeds: other provinces, levels (county, department, subdistrict),
layouts and years. Each fixture is written the way such reports are printed."""
import pytest

from baogao.index.analysis import to_simplified
from baogao.index.cleaning import clean_line
from baogao.index.reports import parse_report

COUNTY_CITY = """诸暨市人民政府关于2022年度法治政府建设情况的报告
诸政发〔2023〕8号
绍兴市人民政府：
2022年，诸暨市坚持以习近平法治思想为指导，深入践行新时代“枫桥经验”，现将有关情况报告如下：
一、2022年度推进法治政府建设的主要举措和成效
（一）坚持和发展新时代“枫桥经验”。枫桥镇等22个镇乡（街道）全面建成矛盾纠纷调处化解中心。
（二）深化“放管服”改革。全面推行“一件事”集成改革。
二、存在的不足和原因
一是基层执法力量仍显薄弱；二是法治宣传的针对性有待增强。
三、2023年工作打算
（一）持续深化法治政府建设。
诸暨市人民政府
二〇二三年二月十日
"""

DEPARTMENT = """广州市司法局2023年法治政府建设年度报告
发布日期：2024-01-26
2023年，广州市司法局在市委、市政府的坚强领导下，认真履行法治政府建设职责。
一、主要举措和成效
1、强化法治督察。开展法治督察12次。
2、深化公共法律服务。全市建成公共法律服务站点3000余个。
二、党政主要负责人履行推进法治建设第一责任人职责情况
局党组书记、局长严格履行第一责任人职责。
三、存在的问题
基层法治力量不足。
四、2024年工作计划
持续推进法治广州建设。
"""

SUBDISTRICT = """中共广州市天河区石牌街道工作委员会
广州市天河区石牌街道办事处
关于石牌街道2021年法治政府建设工作情况的报告
区委、区政府：
一、2021年法治政府建设工作开展情况
（一）加强组织领导。街道党工委把法治建设纳入重要议事日程。
二、党政主要负责人履行推进法治建设第一责任人职责情况
街道主要负责人带头学法。
三、存在的困难和不足
法治宣传形式单一。
四、下一步工作打算
（一）强化法治宣传。
中共广州市天河区石牌街道工作委员会
2022年1月18日
"""

COUNTY_WITHOUT_TITLE = """2020年，麻城市人民政府严格落实法治政府建设要求，现将情况报告如下：
一、2020年法治政府建设主要举措及成效
（一）健全依法决策机制。
二、存在的不足和原因
执法队伍专业化水平不高。
三、2021年工作思路
继续推进依法行政。
"""

TRADITIONAL_WEB_COPY = """臺灣不在此例
關於2024年度法治政府建設情況的報告
發布時間：2025-02-03
2024年，江蘇省南京市玄武區堅持以習近平法治思想為指導。
一、2024年推進法治政府建設的主要舉措和成效
（一）堅持黨的領導。區委常委會專題研究法治建設。
二、2024年推進法治政府建設存在的不足和原因
基層法治力量薄弱。
三、2025年推進法治政府建設的主要安排
深化“八五”普法。
"""


def test_county_level_city_with_chinese_numeral_date():
    r = parse_report(COUNTY_CITY)
    assert r.title == "诸暨市人民政府关于2022年度法治政府建设情况的报告" and r.issuers == []
    assert (r.province, r.city, r.county, r.town) == ("浙江省", "绍兴市", "诸暨市", None)
    assert (r.year, r.published.isoformat(), r.doc_number) == (2022, "2023-02-10", "诸政发〔2023〕8号")
    assert r.addressee == "绍兴市人民政府："
    assert r.sections[0].heading == "一、2022年度推进法治政府建设的主要举措和成效"
    assert [s.categories for s in r.sections] == [["measures"], ["shortcomings"], ["plans"]]


def test_city_department():
    r = parse_report(DEPARTMENT)
    assert r.title == "广州市司法局2023年法治政府建设年度报告"
    assert (r.province, r.city, r.county, r.town) == ("广东省", "广州市", None, None)
    assert (r.year, r.published.isoformat()) == (2023, "2024-01-26")
    assert [s.heading for s in r.sections] == ["一、主要举措和成效", "二、党政主要负责人履行推进法治建设第一责任人职责情况",
                                               "三、存在的问题", "四、2024年工作计划"]
    assert [s.categories for s in r.sections] == [["measures"], ["leadership"], ["shortcomings"], ["plans"]]
    # 1、2、 items inside a section are paragraphs, not sections.
    assert len(r.sections[0].paragraphs) == 2


def test_subdistrict():
    r = parse_report(SUBDISTRICT)
    assert r.issuers == ["中共广州市天河区石牌街道工作委员会", "广州市天河区石牌街道办事处"]
    assert (r.province, r.city, r.county, r.town) == ("广东省", "广州市", "天河区", "石牌街道")
    assert (r.year, r.published.isoformat()) == (2021, "2022-01-18")
    assert [s.categories for s in r.sections] == [["measures"], ["leadership"], ["shortcomings"], ["plans"]]


def test_county_report_without_title():
    r = parse_report(COUNTY_WITHOUT_TITLE)
    assert r.title is None and r.year == 2020
    assert (r.province, r.city, r.county) == ("湖北省", "黄冈市", "麻城市")
    assert "麻城市" in r.display_title and "2020" in r.display_title
    assert r.sections[0].heading == "一、2020年法治政府建设主要举措及成效"


def test_traditional_web_copy_with_publication_line():
    r = parse_report(TRADITIONAL_WEB_COPY)
    assert r.title == "關於2024年度法治政府建設情況的報告"
    assert (r.province, r.city, r.county) == ("江苏省", "南京市", "玄武区")
    assert (r.year, r.published.isoformat()) == (2024, "2025-02-03")
    assert [s.categories for s in r.sections] == [["measures"], ["shortcomings"], ["plans"]]


UNNUMBERED_GONGZUO = """2025年某某市政府工作报告
——2025年1月20日在某某市第十四届人民代表大会第四次会议上
某某市人民政府市长 张三
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
2024年工作回顾
过去一年，全市经济稳中有进。
（一）经济运行回升向好。地区生产总值增长6%。
2025年工作安排建议
今年是“十四五”规划收官之年。
（一）着力扩大有效需求。
加强政府自身建设
新征程上，我们要坚持依法行政。
"""


def test_unnumbered_top_level_headings_of_a_work_report_are_its_sections():
    """The Sichuan style: 2024年工作回顾 on a line of its own, parts numbered （一）, no 一、."""
    report = parse_report(UNNUMBERED_GONGZUO, "web/unnumbered.txt")
    assert report.kind == "gongzuo"
    assert [(s.heading, s.categories) for s in report.sections] == [
        ("2024年工作回顾", ["review"]), ("2025年工作安排建议", ["plans"]), ("加强政府自身建设", ["self"])]
    assert report.sections[0].subsections == ["经济运行回升向好"]
    assert [p.text for p in report.preamble] == ["现在，我代表市人民政府，向大会报告工作，请予审议。"]


def test_numbered_parts_under_unnumbered_top_level_headings_are_subsections():
    """2024年工作回顾 on a line of its own right after the address, its parts numbered 一、:
    the unnumbered lines are the sections (the review keeps its category), the numbered
    lines their subsections; numbering that starts again under the plans stays theirs."""
    text = UNNUMBERED_GONGZUO.replace("（一）经济运行回升向好", "一、经济运行回升向好").replace(
        "（一）着力扩大有效需求", "一、着力扩大有效需求")
    report = parse_report(text, "web/numbered.txt")
    assert [(s.heading, s.categories, s.subsections) for s in report.sections] == [
        ("2024年工作回顾", ["review"], ["经济运行回升向好"]), ("2025年工作安排建议", ["plans"], ["着力扩大有效需求"]),
        ("加强政府自身建设", ["self"], [])]
    assert [p.text for p in report.preamble] == ["现在，我代表市人民政府，向大会报告工作，请予审议。"]


def test_an_address_without_its_now_still_opens_the_first_section():
    """我代表覃巴镇人民政府向大会作政府工作报告 (no 现在，) / 2016年工作回顾 / 一、…"""
    text = UNNUMBERED_GONGZUO.replace("现在，我代表", "我代表").replace("（一）经济运行回升向好", "一、经济运行回升向好")
    report = parse_report(text, "web/no-xianzai.txt")
    assert report.sections[0].heading == "2024年工作回顾"


def test_a_line_above_numbered_sections_but_not_after_the_address_stays_a_paragraph():
    """Only the line right after the address's opening is read as a heading over the
    numbered sections: a sentence or a line further down is the preamble's."""
    text = UNNUMBERED_GONGZUO.replace("2024年工作回顾\n", "").replace(
        "（一）经济运行回升向好", "一、经济运行回升向好").replace("（一）着力扩大有效需求", "二、着力扩大有效需求")
    report = parse_report(text, "web/numbered2.txt")
    assert [s.heading for s in report.sections] == ["一、经济运行回升向好。", "二、着力扩大有效需求。"]
    assert "过去一年，全市经济稳中有进。" in [p.text for p in report.preamble]


def test_title_printed_on_the_delivery_line():
    """政府工作报告——2006年2月20日在…会议上: one line holds the title and the delivery."""
    text = ("县政府工作报告\n栏目:工作报告发布:2006-08-23浏览:3023\n"
            "政府工作报告——2006年2月20日在阿鲁科尔沁旗第十四届人民代表大会第三次会议上\n旗长 张三\n各位代表：\n"
            "现在，我代表旗人民政府向大会作工作报告，请予审议。\n一、2005年工作回顾\n过去一年，全旗经济平稳增长。\n")
    report = parse_report(text, "web/titled-delivery.txt")
    assert (report.kind, report.published.isoformat(), report.meeting, report.speaker, report.year) == (
        "gongzuo", "2006-02-20", "第十四届人民代表大会第三次会议", "张三", 2006)
    assert (report.province, report.city, report.county) == ("内蒙古自治区", "赤峰市", "阿鲁科尔沁旗")


def test_undated_provincial_report_takes_its_place_from_the_speaker_line():
    """No delivery line, only 甘肃省代省长 任振鹤: the office names the province."""
    text = ("政府工作报告\n时间:2021-02-01 来源:中国甘肃网 作者:\n甘肃省代省长 任振鹤\n各位代表：\n"
            "我代表省人民政府，向大会报告工作，请予审议。\n一、“十三五”时期工作回顾\n过去五年，全省经济稳步发展。\n")
    report = parse_report(text, "web/speaker-place.txt")
    assert report.speaker == "任振鹤"
    assert (report.province, report.city, report.county) == ("甘肃省", None, None)


def test_untitled_report_that_reports_with_a_dropped_character_is_a_fazhi_report():
    """现将我县推进法治政府建设情况报如下 (报告 printed without 告) still opens a 法治 report."""
    text = ("2022年，我县认真学习贯彻党的二十大精神，坚持以习近平法治思想为指导，紧扣省委、省政府各项任务目标，"
            "贯彻落实市委、市政府的决策部署，努力推进严格执法、公正司法、全民守法。现将我县推进法治政府建设情况报如下：\n"
            "一、主要举措和成效亮点\n（一）加强组织领导。将法治政府建设纳入全县发展总体规划。\n"
            "二、存在的不足\n基层执法力量薄弱。\n")
    assert parse_report(text, "web/bao-ru-xia.txt").kind == "fazhi"


@pytest.mark.parametrize("delivery, published, meeting, place", [
    # A dash a site lost left ?? before the date.
    ("??2017年1月5日在广州市第十五届人民代表大会第一次会议上\n市长 温国辉",
     "2017-01-05", "第十五届人民代表大会第一次会议", ("广东省", "广州市", None)),
    # The title with a note, then -- and the delivery, on one line.
    ("政府工作报告(摘要)--1999年2月25日在济南市第十二届人民代表大会第二次会议上\n济南市市长谢玉堂",
     "1999-02-25", "第十二届人民代表大会第二次会议", ("山东省", "济南市", None)),
    # Broken after 第十五届, its second line letter-spaced.
    ("——2020年5月13日在正镶白旗第十五届\n人 民 代 表 大 会 第 三 次 会 议 上\n政府旗长苏 鹏",
     "2020-05-13", "第十五届人民代表大会第三次会议", ("内蒙古自治区", "锡林郭勒盟", "正镶白旗")),
    # A congress between terms, after two districts merged: no 届.
    ("——2011年1月12日在北京市西城区人民代表大会(临时)第二次会议上\n西城区人民政府区长 王五",
     "2011-01-12", "人民代表大会(临时)第二次会议", ("北京市", None, "西城区")),
    # The meeting alone on its line, the date on a line of its own under the speaker.
    ("在石渠县第十四届人民代表大会第一次会议上\n县人民政府县长 刘泽\n2021年12月15日",
     "2021-12-15", "第十四届人民代表大会第一次会议", ("四川省", "甘孜藏族自治州", "石渠县")),
    # Only the month: a December delivery, counted for the next year.
    ("——2018年12月在山南市第一届人民代表大会第四次会议上\n山南市人民政府",
     None, "第一届人民代表大会第四次会议", ("西藏自治区", "山南市", None)),
    # Undated, its date in brackets under the speaker; the meeting printed without its 次.
    ("——在东乌珠穆沁旗第十六届人民代表大会第一会议上\n东乌旗人民政府代旗长 周玉龙\n（2022年1月5日）",
     "2022-01-05", "第十六届人民代表大会第一会议", ("内蒙古自治区", "锡林郭勒盟", "东乌珠穆沁旗")),
])
def test_delivery_lines_as_web_copies_print_them(delivery, published, meeting, place):
    report = parse_report(f"政府工作报告\n{delivery}\n各位代表：\n现在，我代表人民政府向大会报告工作。\n"
                          "一、2018年工作回顾\n过去一年，经济平稳增长。\n", "web/delivery.txt")
    assert (report.kind, report.published and report.published.isoformat(), report.meeting) == ("gongzuo", published, meeting)
    assert report.year == (int(published[:4]) + (published[5:7] == "12") if published else 2019)
    assert (report.province, report.city, report.county) == place


@pytest.mark.parametrize("speaker_line, speaker", [
    ("省委副書記、省長劉國中", "劉國中"),  # offices joined by 、, in traditional characters
    ("王建国", "王建国"),  # a name alone between the delivery line and 各位代表
    ("和縣人民政府縣長??劉凌晨", "劉凌晨"),  # a lost space left ?? between office and name
    ("沙沟镇镇长 刘彦成", "刘彦成"),  # a town's head
])
def test_speaker_lines_as_web_copies_print_them(speaker_line, speaker):
    report = parse_report(f"政府工作报告\n——2017年1月5日在市十六届人大一次会议上\n{speaker_line}\n各位代表:\n"
                          "现在，我代表市人民政府向大会报告工作。\n一、本届政府工作回顾\n经济平稳增长。\n", "web/speaker.txt")
    assert report.speaker == speaker
    assert report.title == "政府工作报告" and speaker_line in [p.text for p in report.front]  # still printed


def test_a_short_line_above_the_address_is_no_speaker_without_a_delivery_line():
    report = parse_report("政府工作报告\n王建国\n各位代表:\n现在，我代表市人民政府向大会报告工作。\n"
                          "一、本届政府工作回顾\n经济平稳增长。\n", "web/no-delivery.txt")
    assert report.speaker is None
    report = parse_report("政府工作报告\n——2017年1月5日在市十六届人大一次会议上\n摘要\n各位代表:\n"
                          "现在，我代表市人民政府向大会报告工作。\n一、本届政府工作回顾\n经济平稳增长。\n", "web/summary.txt")
    assert report.speaker is None  # 摘要 is no name


def test_an_ambiguous_district_is_settled_by_the_province_the_report_names_elsewhere():
    """宝山区 is a district of 上海市 and of 双鸭山市: the title alone leaves it open, the
    plan the report follows (《上海市法治政府建设“十三五”规划》) settles it."""
    report = parse_report("寶山區羅店鎮2020年度法治政府建設情況報告\n"
                          "2020年，羅店鎮全面落實《上海市法治政府建設“十三五”規劃》，推動基層法治建設。\n"
                          "一、主要舉措和成效\n依法行政水平不斷提高。\n", "web/baoshan.txt")
    assert (report.province, report.city, report.county, report.town) == ("上海市", None, "宝山区", "罗店镇")


@pytest.mark.parametrize("short, city, county", [
    ("科左后旗", "通辽市", "科尔沁左翼后旗"),
    ("东乌旗", "锡林郭勒盟", "东乌珠穆沁旗"),
    ("阿左旗", "阿拉善盟", "阿拉善左旗"),
    ("乌前旗", "巴彦淖尔市", "乌拉特前旗"),
])
def test_a_banner_named_as_it_is_usually_printed(short, city, county):
    report = parse_report(f"2020年{short}人民政府工作报告\n——2020年4月22日在{short}第十六届人民代表大会第四次会议上\n"
                          "各位代表:\n现在，我代表旗人民政府向大会报告工作。\n一、2019年工作回顾\n经济平稳增长。\n",
                          "web/banner.txt")
    assert (report.province, report.city, report.county) == ("内蒙古自治区", city, county)


def test_a_title_run_into_its_delivery_line_is_the_title_and_the_line_stays_one_block():
    line = "政府工作报告 ——二○二二年一月二十一日在海南省第六届人民代表大会第五次会议上 海南省省长 李明 作者: 浏览量:"
    report = parse_report(f"{line}\n各位代表:\n现在，我代表省人民政府向大会报告工作。\n一、2021年工作回顾\n经济平稳增长。\n",
                          "web/title-on-delivery.txt")
    assert (report.title, report.published.isoformat(), report.year, report.province) == (
        "政府工作报告", "2022-01-21", 2022, "海南省")
    blocks = [(kind, text) for _, kind, text, _, _ in report.blocks()]
    assert blocks[0] == ("title", line)  # the printed line, once: a phrase across it is still found
    assert sum(line in text for _, text in blocks) == 1


def test_a_page_flattened_into_one_line_still_gives_its_delivery_and_speaker():
    """A document viewer ran title, delivery line, speaker, 各位代表 and the text together."""
    line = ("政 府 工 作 报 告 2016-12-14 2016年12月6日在武汉市汉阳区第十五届人民代表大会第一次会议上 区人民政府区长 王建国 "
            "各位代表: 现在，我代表区人民政府向大会报告工作，请予审议。 一、本届政府工作回顾 五年来，全区经济平稳较快发展。")
    report = parse_report(line + "\n", "web/flattened.txt")
    assert (report.kind, report.published.isoformat(), report.meeting, report.speaker, report.year) == (
        "gongzuo", "2016-12-06", "第十五届人民代表大会第一次会议", "王建国", 2017)  # December: next year's
    assert (report.province, report.city, report.county) == ("湖北省", "武汉市", "汉阳区")
    assert [text for _, _, text, _, _ in report.blocks()] == [clean_line(line)]  # not cut into pieces
    assert report.title == "政 府 工 作 报 告"  # without the site's posting date
    report = parse_report("1" + line.replace(" 2016-12-14", "——") + "\n", "web/flattened-page-number.txt")
    assert report.title == "政 府 工 作 报 告"  # without the document viewer's page number


def test_a_date_in_brackets_under_the_speaker_dates_an_undated_delivery_line():
    report = parse_report("——在大理市第九届人民代表大会第五次会议上\n大理市人民政府代理市长 李四\n（2020年5月28日）\n"
                          "各位代表:\n现在，我代表市人民政府向大会报告工作。\n一、2019年工作回顾\n经济平稳增长。\n",
                          "web/date-below.txt")
    assert (report.published.isoformat(), report.year, report.speaker, report.county) == (
        "2020-05-28", 2020, "李四", "大理市")


def test_the_delivery_date_dates_a_report_whose_headline_names_the_year_reviewed():
    report = parse_report("2016年杨浦区政府工作报告\n——2017年1月9日在上海市杨浦区第十六届人民代表大会第一次会议上\n"
                          "区长 张三\n各位代表:\n现在，我代表区人民政府向大会报告工作。\n一、2016年工作回顾\n经济平稳增长。\n",
                          "web/headline-year.txt")
    assert (report.year, report.provenance["year"]) == (2017, "delivery line")


def test_a_meeting_printed_as_a_plenary_session():
    report = parse_report("政府工作报告\n——2023年1月6日在三沙市第二届人民代表大会第二次全体会议上\n市长 张三\n各位代表:\n"
                          "现在，我代表市人民政府向大会报告工作。\n一、2022年工作回顾\n经济平稳增长。\n", "web/plenary.txt")
    assert (report.meeting, report.published.isoformat()) == ("第二届人民代表大会第二次全体会议", "2023-01-06")


def test_a_title_broken_after_its_guanyu_is_one_title_not_an_issuer():
    report = parse_report("当前位置: 首页 > 政务 > 通知公告\n长春市人民政府关于\n2023年度法治政府建设情况的报告\n"
                          "2023年，市政府坚持以习近平法治思想为指导，深入推进法治政府建设。\n一、主要举措和成效\n依法行政水平提高。\n",
                          "web/guanyu.txt")
    assert (report.title, report.issuers, report.province, report.city) == (
        "长春市人民政府关于2023年度法治政府建设情况的报告", [], "吉林省", "长春市")


def test_a_title_with_its_date_and_speaker_in_brackets_and_an_unnumbered_review_heading():
    report = parse_report("西藏自治区政府工作报告 (2016年1月27日 王五)\n——2016年1月27日在西藏自治区第十届人民代表大会第四次会议上\n"
                          "自治区主席 王五\n各位代表:\n现在，我代表自治区人民政府向大会报告工作。\n"
                          "“十二五”时期国民经济和社会发展回顾\n过去的五年，全区经济持续发展。\n", "web/note.txt")
    assert report.title == "西藏自治区政府工作报告 (2016年1月27日 王五)"
    assert [s.heading for s in report.sections] == ["“十二五”时期国民经济和社会发展回顾"]
    assert report.sections[0].categories == ["review"]


def test_an_untitled_copy_that_reports_its_measures_on_rule_of_law_government_is_a_fazhi_report():
    """The opening never says 法治政府建设; its first section, 主要举措和成效, does at once."""
    report = parse_report("2023年，西城区坚持以习近平法治思想为指导，持续推进法治中国首善之区建设。现将有关情况报告如下。\n"
                          "一、2023年主要举措和成效\n（一）进一步完善法治政府建设顶层设计。完成中期评估。\n二、存在的不足\n基层力量薄弱。\n",
                          "web/xicheng.txt")
    assert (report.kind, report.year, report.province, report.county) == ("fazhi", 2023, "北京市", "西城区")


def test_untitled_copies_of_fazhi_reports_cut_at_other_places():
    """A copy that starts at its first section (一、2023年度法治政府建设的主要举措和成效); an
    opening on 法治政府建设 that sums up (现将…工作情况总结如下) over a first section that does
    not name it; an opening on it over the template's first part (依法全面履行政府职能,
    加强组织领导). A work summary of another office that never names 法治政府建设 stays other."""
    report = parse_report("一、2023年度法治政府建设的主要举措和成效\n（一）加强组织领导。调整领导小组成员。\n", "web/cut.txt")
    assert (report.kind, report.year) == ("fazhi", 2023)
    report = parse_report("人民街街道办事处坚持以习近平法治思想为根本遵循，系统推进法治政府建设，切实将法治优势转化为治理效能。"
                          "现将2025年工作情况总结如下:\n一、全年工作完成情况\n（一）组织保障体系更加健全。\n", "web/summary.txt")
    assert (report.kind, report.year, report.town) == ("fazhi", 2025, "人民街街道")
    for first in ("一、全面履行政府职能", "一、切实加强组织领导。一是全面加强党的领导。"):
        report = parse_report("2016年，在省委、省政府和南通市委的正确领导下，南通市政府深入贯彻落实《法治政府建设实施纲要(2015-2020年)》，"
                              f"加快建设法治政府。\n{first}\n一是深化行政审批制度改革。\n", "web/nantong.txt")
        assert (report.kind, report.year, report.city) == ("fazhi", 2016, "南通市")
    report = parse_report("2016年，南通市统计局认真履行职责，各项工作取得新进展。现将工作情况总结如下:\n一、全年工作完成情况\n加强统计执法。\n",
                          "web/stats.txt")
    assert report.kind == "other"


def test_a_sumu_is_a_township():
    """苏木, Inner Mongolia's township, as the issue lists it beside 街道, 乡 and 镇."""
    report = parse_report("——2023年3月24日在白音他拉苏木第十九届人民代表大会第三次会议上\n白笑宇\n各位代表:\n"
                          "现在,我代表白音他拉苏木人民政府向大会报告工作。\n一、2022年工作回顾\n经济平稳增长。\n", "web/sumu.txt")
    assert (report.kind, report.town, report.year) == ("gongzuo", "白音他拉苏木", 2023)


def test_township_names_read_as_printed():
    """沅江路街道 is no 沅江市's; 開發區(黃梅街道) in traditional characters after 2022年以來;
    a Guangzhou street that calls itself 石门街 (石门街道), in its opening or its title; a
    pedestrian street (步行街) is none."""
    def town(text):
        report = parse_report(text + "\n一、主要举措\n加强培训。\n", "web/town.txt")
        return report.town, report.county
    assert town("沅江路街道2024法治政府建设年度报告\n2024年，沅江路街道推进法治政府建设。") == ("沅江路街道", None)
    assert town("2022年以來,開發區(黃梅街道)堅持推進法治政府建設。現報告如下:") == ("黄梅街道", None)
    assert town("2020年，石门街以习近平新时代中国特色社会主义思想为指导，推进法治政府建设。现将情况报告如下:") == ("石门街道", None)
    assert town("海滨街 2020 年法治政府建设情况报告\n2020 年，在区委的领导下，海滨街严格依法行政。") == ("海滨街道", None)
    assert town("2020年，步行街管理办公室推进法治政府建设。现将情况报告如下:") == (None, None)


def test_delivery_lines_a_site_mangled_and_heads_printed_in_other_orders():
    """A date line above an undated delivery line; a delivery line that lost its 在, the bare
    name and the date under it; a year that lost its 年 (20141月4日); a speaker after a colon."""
    address = "各位代表:\n现在,我代表镇人民政府向大会报告工作。\n一、2024年工作回顾\n经济平稳增长。\n"
    report = parse_report("2024年湖镇镇政府工作报告\n2025年1月17日\n——在湖镇镇第十五届人民代表大会第七次会议上\n湖镇镇镇长 钟罗谊\n"
                          + address, "web/date-above.txt")
    assert (report.year, report.published.isoformat(), report.speaker) == (2025, "2025-01-17", "钟罗谊")
    report = parse_report("2021年政府工作报告\n——浬浦镇第十九届人民代表大会第一次会议上的报告\n戴梦喆\n2022年01月18日\n" + address,
                          "web/no-zai.txt")
    assert (report.year, report.published.isoformat(), report.meeting, report.speaker) == (
        2022, "2022-01-18", "第十九届人民代表大会第一次会议", "戴梦喆")
    report = parse_report("政 府 工 作 报 告\n——20141月4日在金乡县第十六届人民代表大会第三次会议上\n县长董 冰\n" + address, "web/no-nian.txt")
    assert (report.year, report.published.isoformat(), report.speaker) == (2014, "2014-01-04", "董冰")
    report = parse_report("2021年洪湖市政府工作报告\n——2021年1月7日在洪湖市第八届人民代表大会第五次会议上\n洪湖市人民政府市长:沈先武\n"
                          + address, "web/colon.txt")
    assert (report.speaker, report.speaker_office, report.county) == ("沈先武", "市长", "洪湖市")


def test_a_township_report_titled_with_its_plan_and_a_contents_list_over_the_title():
    report = parse_report("魏庄镇2018年政府工作报告和2019年工作计划\n政 府 工 作 报 告\n2019年2月26日在镇第十四届人民代表大会第三次会议\n"
                          "魏庄镇人民政府镇长 杨杰\n各位代表:\n现在,我代表魏庄镇人民政府向大会作政府工作报告。\n一、2018年工作回顾\n经济平稳。\n",
                          "web/plan-title.txt")
    assert (report.title, report.year, report.town) == ("魏庄镇2018年政府工作报告和2019年工作计划", 2019, "魏庄镇")
    contents = "一、坚持迎难而上\n二、坚持大抓招商\n一、聚焦以港强市\n二、聚焦需求提振\n"
    report = parse_report(contents + "2026年如皋市政府工作报告\n各位代表:\n现在,我代表市人民政府向大会作工作报告。\n"
                          "2025年和“十四五”工作回顾\n过去一年,我们坚持稳中求进。\n一、坚持迎难而上\n经济平稳。\n", "web/contents.txt")
    assert (report.kind, report.title, report.year, report.county) == ("gongzuo", "2026年如皋市政府工作报告", 2026, "如皋市")
    assert report.sections[0].heading == "2025年和“十四五”工作回顾"
    assert [p.text for p in report.front][:2] == ["一、坚持迎难而上", "二、坚持大抓招商"]  # (still printed, still found)


def test_a_flattened_report_below_a_reposting_sites_teaser_and_a_breadcrumb_drawn_with_slashes():
    teaser = "会员登录 新用户注册\n公文搜网\n您现在的位置是: 首页 > 专题材料 > 政府报告\n政府报告\n2017年黄梅县人民政府工作报告\n公文搜 2021-07-23\n"
    line = ("2017年黄梅县人民政府工作报告 政 府 工 作 报 告 2016年12月16日在黄梅县第十六届人民代表大会第一次会议上 县长 屈凯军 "
            "各位代表: 现在,我代表县人民政府向大会报告工作。 一、过去五年工作回顾 本届政府的五年,经济平稳增长。")
    report = parse_report(teaser + "2017年黄梅县人民政府工作报告 政 府 工 作 报 告 2016年12月16日在黄梅县第十六届人民代表大会第一次会\n" + line + "\n",
                          "web/teaser.txt")
    assert (report.published.isoformat(), report.speaker, report.year) == ("2016-12-16", "屈凯军", 2017)
    report = parse_report("体育直播 / 信息公开 / 重点公开领域 / 重点工作 / 政府工作报告\n政府工作报告\n"
                          "——2020年1月16日在淀山湖镇第十九届人民代表大会第七次会议上\n镇长 朱叶华\n各位代表:\n现在,我代表镇人民政府向大会报告工作。\n"
                          "一、2019年工作回顾\n经济平稳。\n", "web/slashes.txt")
    assert report.title == "政府工作报告"
    assert {d["reason"] for d in report.dropped} == {"web breadcrumb"}


def test_untitled_township_copies_named_by_the_template_and_the_plans_they_follow():
    """The template's first part (2020年度推进法治政府建设的主要举措和成效) makes an untitled copy
    a fazhi report; so does 主要举措和成效 over paragraphs on 法治政府建设; a district's plan
    named without 《》 gives a street its county; 依据《…》 is a circumstance, not the subject."""
    report = parse_report("2020年余杭街道深入贯彻落实区委区政府各项决策部署,一步一个脚印、深入推进法治建设。\n"
                          "一、2020年度推进法治政府建设的主要举措和成效\n(一)三个保障到位。\n", "web/template.txt")
    assert (report.kind, report.year, report.town) == ("fazhi", 2020, "余杭街道")
    report = parse_report("2025年,庙行镇在区委、区政府领导下,深入学习贯彻习近平法治思想,推进“法治庙行”建设。\n一、主要举措和成效\n"
                          "(一)强化组织保障\n1.将法治政府建设纳入镇党委总体工作布局。\n", "web/measures.txt")
    assert (report.kind, report.town) == ("fazhi", "庙行镇")
    report = parse_report("塘沽街道2024年度法治政府建设情况报告\n2024年,塘沽街道紧紧围绕《天津市法治政府建设实施纲要(2021-2025年)》"
                          "和2024年滨海新区法治政府建设年度工作要点,推动法治政府建设取得新进展。\n一、主要举措和成效\n加强培训。\n", "web/plan.txt")
    assert (report.province, report.county, report.town) == ("天津市", "滨海新区", "塘沽街道")
    report = parse_report("依据《法治政府建设与责任落实督察工作规定》的相关要求,现将北京市石景山区人民政府2023年法治政府建设年度情况报告如下。\n"
                          "一、主要举措和成效\n加强培训。\n", "web/yiju.txt")
    assert (report.kind, report.year, report.province, report.county) == ("fazhi", 2023, "北京市", "石景山区")


def test_a_township_work_report_named_like_a_county_and_one_under_its_countys_committee():
    """三河镇's delivery line names no 三河市; 在台山市委市政府的正确领导下 gives 大江镇 its county."""
    report = parse_report("政府工作报告\n——2021年3月30日在三河镇第十七届人民代表大会第十次会议上\n三河镇镇长 卫涌波\n各位代表:\n"
                          "现在,我代表镇人民政府,向大会作工作报告。\n一、2020年工作回顾\n全镇经济平稳增长。\n", "web/sanhe.txt")
    assert (report.province, report.city, report.county, report.town) == (None, None, None, "三河镇")
    report = parse_report("政 府 工 作 报 告\n——2020年5月9日在大江镇第十七届人民代表大会第十次会议上\n各位代表:\n"
                          "现在,我代表大江镇人民政府向大会报告工作。\n2019年工作回顾\n2019年,大江镇在台山市委市政府的正确领导下,经济平稳增长。\n",
                          "web/dajiang.txt")
    assert (report.province, report.city, report.county, report.town) == ("广东省", "江门市", "台山市", "大江镇")


def test_township_heads_with_the_speaker_and_date_in_other_places():
    """A speaker after the delivery line on its line; a date and name above a bracketed
    meeting; a nominee's office (镇长提名人选); a news lead after the title in 《》; a reposting
    site's title with the day in brackets; a title's year in brackets; a title over its
    delivery line after a site's menu."""
    address = "各位代表:\n现在,我代表镇人民政府向大会报告工作。\n一、2019年工作回顾\n经济平稳增长。\n"
    report = parse_report("——2020年7月7日在孚玉镇第七届人民代表大会第二次会议上 夏幼华\n" + address, "web/trailing.txt")
    assert (report.published.isoformat(), report.speaker, report.town) == ("2020-07-07", "夏幼华", "孚玉镇")
    report = parse_report("政府工作报告\n2016年11月2日  王四平\n(长湖乡第六届人民代表大会第一次会议上)\n" + address, "web/above.txt")
    assert (report.published.isoformat(), report.meeting, report.speaker) == ("2016-11-02", "第六届人民代表大会第一次会议", "王四平")
    report = parse_report("政 府 工 作 报 告\n2021年10月25日\n在巴中市恩阳区双胜镇第二十届人民代表大会第一次会议上\n"
                          "巴中市恩阳区双胜镇党委副书记、镇长提名人选 卜先\n" + address, "web/nominee.txt")
    assert (report.speaker, report.county, report.town) == ("卜先", "恩阳区", "双胜镇")
    report = parse_report("2023年南康区政府工作报告(全文)\n《2023年南康区政府工作报告》2023年2月8日,区长李赣兴在赣州市南康区第三届人民代表大会"
                          "第三次会议上,代表南康区人民政府向大会作政府工作,政府工作报告全文如下。\n" + address, "web/lead.txt")
    assert (report.published.isoformat(), report.speaker, report.county) == ("2023-02-08", "李赣兴", "南康区")
    report = parse_report("(重庆市)重庆市渝中区人民政府工作报告(2024年1月15日)\n过去一年,我们坚持把政治建设摆在首位。\n", "web/noted.txt")
    assert (report.kind, report.published.isoformat(), report.year) == ("gongzuo", "2024-01-15", 2024)
    report = parse_report("洪山镇政府工作报告(2021)\n各位代表、同志们:\n现在,我代表镇人民政府向大会报告工作。\n一、过去五年工作回顾\n经济平稳增长。\n",
                          "web/bracket-year.txt")
    assert (report.year, report.town) == (2021, "洪山镇")
    menu = "移动端应用\n政务微信\n政务微博\n智能问答\n登录个人中心\n"
    report = parse_report(menu + "政府工作报告\n--2017年1月2日在社渚镇第三届人民代表大会第一次会议上\n镇长 赵 波\n" + address, "web/menu.txt")
    assert (report.title, report.published.isoformat()) == ("政府工作报告", "2017-01-02")


def test_a_flattened_page_names_its_place_in_the_speaker_line_it_runs_together():
    line = ("2019年新县政府工作报告 ——2019年2月16日在县十四届人大三次会议上 新县人民政府县长 王六 各位代表: "
            "现在，我代表县人民政府向大会报告工作，请予审议。 一、新时代新答卷 2018年，全县经济平稳增长。")
    report = parse_report(line + "\n", "web/flattened-county.txt")
    assert (report.kind, report.published.isoformat(), report.speaker) == ("gongzuo", "2019-02-16", "王六")
    assert report.title == "2019年新县政府工作报告"  # the line, one block, is the title's
    assert (report.province, report.city, report.county) == ("河南省", "信阳市", "新县")


def test_a_delivery_line_whose_dash_became_semicolons_and_a_title_naming_the_government():
    report = parse_report("政府工作报告\n;;;;二〇一九年一月十日在西藏自治区第十一届人民代表大会第二次会议上\n自治区主席 张三\n"
                          "各位代表:\n现在，我代表自治区人民政府向大会报告工作。\n一、2018年工作回顾\n经济平稳增长。\n",
                          "web/semicolons.txt")
    assert (report.published.isoformat(), report.meeting, report.speaker) == (
        "2019-01-10", "第十一届人民代表大会第二次会议", "张三")
    report = parse_report("泉州人民政府2011年工作报告\n——2012年1月5日在泉州市第十五届\n人民代表大会第一次会议上\n"
                          "泉州市人民政府代市长 李四\n各位代表:\n现在，我代表泉州市人民政府向大会作工作报告。\n"
                          "一、过去五年政府工作回顾\n经济平稳增长。\n", "web/quanzhou.txt")
    assert (report.kind, report.year, report.published.isoformat(), report.city) == (
        "gongzuo", 2012, "2012-01-05", "泉州市")


def test_a_speaker_whose_office_and_name_are_printed_on_two_lines():
    report = parse_report("政府工作报告\n——2011年1月21日在辽宁省第十一届人民代表大会第四次会议上\n省长\n王五\n各位代表:\n"
                          "现在，我代表省政府向大会报告工作。\n一、“十一五”时期回顾\n经济平稳增长。\n", "web/two-lines.txt")
    assert (report.speaker, report.speaker_office, report.province) == ("王五", "省长", "辽宁省")
    assert [p.text for p in report.front][-3:] == ["省长", "王五", "各位代表:"]  # still printed, as printed


def test_a_township_report_names_its_town_and_is_dated_by_the_line_under_the_speaker():
    """An undated delivery line naming the town, the speaker's name alone, the date on its own line."""
    report = parse_report("政府工作报告\n——在青湖镇第六届人民代表大会第七次会议上\n李四\n2020年6月19日\n各位代表:\n"
                          "现在，我代表青湖镇人民政府，向大会报告工作，请予审议。\n一、以服务重点项目为抓手，发展镇村经济\n"
                          "2019年，全镇经济平稳增长。\n", "web/town-gongzuo.txt")
    assert (report.kind, report.town, report.published.isoformat(), report.year, report.speaker) == (
        "gongzuo", "青湖镇", "2020-06-19", 2020, "李四")
    assert (report.province, report.county, report.provenance["place"]) == (None, None, "delivery line")


def test_a_flattened_page_that_starts_with_its_title_has_that_title_and_stays_one_block():
    line = ("2024年疏附县政府工作报告 2023年1月5日在疏附县第十七届人民代表大会第三次会议上 疏附县人民政府县长 王六 各位代表: "
            "现在，我代表县人民政府向大会报告工作，请予审议。 2022年工作回顾 过去一年，全县经济平稳增长。")
    report = parse_report(line + "\n", "web/flattened-titled.txt")
    assert (report.title, report.year, report.county, report.speaker) == ("2024年疏附县政府工作报告", 2023, "疏附县", "王六")
    assert [(kind, text) for _, kind, text, _, _ in report.blocks()] == [("title", clean_line(line))]


def test_a_flattened_page_whose_title_runs_into_its_first_part():
    line = ("2022年东光县政府工作报告 一、2021年工作回顾 2021年是建党100周年,全县上下在市委、市政府和县委的坚强领导下,"
            "圆满完成年初任务目标。 二、2022年工作安排 今年经济社会发展的主要预期目标是:生产总值增长6.5%。")
    report = parse_report(line + "\n", "web/flattened-part.txt")
    assert (report.kind, report.title, report.year, report.city, report.county) == (
        "gongzuo", "2022年东光县政府工作报告", 2022, "沧州市", "东光县")
    # with no space between them
    report = parse_report(line.replace("报告 一、", "报告一、") + "\n", "web/flattened-part.txt")
    assert (report.title, report.county) == ("2022年东光县政府工作报告", "东光县")


def test_a_letter_spaced_title_run_into_its_delivery_line_and_an_office_printed_without_a_name():
    report = parse_report("政 府 工 作 报 告——2017年2月20日在西安市第十六届人民代表大会第一次会议上\n"
                          "——2017220日在西安市第十六届\n人民代表大会第一次会议上\n西安市市长  上官吉庆\n各位代表:\n"
                          "现在,我代表西安市人民政府,向大会报告政府工作,请予审议。\n一、本届政府工作回顾\n经济平稳增长。\n", "web/xian.txt")
    assert (report.title, report.published.isoformat(), report.speaker, report.city) == (
        "政 府 工 作 报 告", "2017-02-20", "上官吉庆", "西安市")
    # 市长 alone above the address: its name was left out, so there is no speaker
    report = parse_report("政 府 工 作 报 告\n——2015年2月3日在西安市第十五届\n人民代表大会第五次会议上\n市长\n各位代表:\n"
                          "现在,我代表市人民政府向大会作工作报告,请予审议。\n一、2014年工作回顾\n经济平稳增长。\n", "web/xian-2015.txt")
    assert (report.published.isoformat(), report.speaker) == ("2015-02-03", None)


def test_a_news_lead_that_names_the_speaker_before_the_meeting():
    lead = "1月16日,市长高建军在开封市第十五届人民代表大会第三次会议上作《政府工作报告》"
    body = "各位代表: 现在,我代表市人民政府,向大会报告工作,请予审议。 一、2019年工作回顾 刚刚过去的一年,全市经济平稳增长。"
    for text in (f"2020年开封市政府工作报告\n{lead}\n" + body.replace(" ", "\n"),  # on lines of their own
                 f"2020年开封市政府工作报告 {lead} {body}"):  # flattened into one line
        report = parse_report(text + "\n", "web/kaifeng.txt")
        assert (report.title, report.published.isoformat(), report.meeting, report.speaker, report.city) == (
            "2020年开封市政府工作报告", "2020-01-16", "第十五届人民代表大会第三次会议", "高建军", "开封市")


def test_a_title_over_two_lines_whose_first_ends_in_a_verb_of_sending():
    report = parse_report("兰州新区管理委员会关于报送\n《兰州新区2022年度法治政府建设情况》的报告\n省政府:\n"
                          "现将《兰州新区2022年度法治政府建设情况》随文呈报,请审阅。\n一、主要举措\n加强学习。\n", "web/lanzhou.txt")
    assert report.title == "兰州新区管理委员会关于报送《兰州新区2022年度法治政府建设情况》的报告"
    assert (report.year, report.city) == (2022, "兰州市")


def test_a_delivery_line_with_its_month_and_day_alone_and_an_address_that_gives_its_occasion_first():
    report = parse_report("政府工作报告\n1月23日在龙岗区第五届人民代表大会第二次会议上\n各位代表:\n"
                          "根据会议安排,我代表新区管委会向大会报告工作。\n2012年工作回顾\n一、经济平稳增长\n全年地区生产总值增长5.5%。\n"
                          "二、2013年工作安排\n加快发展。\n", "web/dapeng.txt")
    assert (report.year, report.published.isoformat(), report.meeting, report.county) == (
        2013, "2013-01-23", "第五届人民代表大会第二次会议", "龙岗区")
    assert report.sections[0].heading == "2012年工作回顾"  # the unnumbered heading above the numbered parts


def test_a_flattened_head_on_its_own_line_above_the_address():
    head = "政 府 工 作 报 告 2017年2月18日在临海市 第十六届人民代表大会第一次会议上 临海市人民政府代市长 梅式苗"
    report = parse_report(f"2017年政府工作报告\n{head}\n各位代表: 现在,我代表临海市人民政府,向大会作政府工作报告,请予审议。\n"
                          "一、过去五年工作回顾\n经济平稳增长。\n", "web/flattened-head.txt")
    assert (report.published.isoformat(), report.meeting, report.speaker, report.county) == (
        "2017-02-18", "第十六届人民代表大会第一次会议", "梅式苗", "临海市")
    # a delivery line alone above the address is no flattened head: its 的报告 is no speaker
    report = parse_report("2024年木棠镇人民政府工作报告\n木棠镇人民政府镇长 羊金万\n在木棠镇第十七届人民代表大会第五次会议上的报告\n"
                          "各位代表:\n现在,我代表木棠镇人民政府,向大会报告政府工作。\n一、2023年工作回顾\n全镇经济平稳增长。\n", "web/mutang.txt")
    assert report.speaker == "羊金万"


def test_an_autonomous_county_named_without_its_peoples_and_a_headline_above_the_reports_own_title():
    report = parse_report("2022年在县委、县政府的坚强领导下，镇宁自治县坚持以习近平法治思想为指导，高质量推进法治政府建设。\n"
                          "一、工作开展情况及成效\n（一）全面依法履行政府职能\n持续推进证明事项告知承诺制。\n", "web/zhenning.txt")
    assert (report.kind, report.year, report.city, report.county) == ("fazhi", 2022, "安顺市", "镇宁布依族苗族自治县")
    report = parse_report("政府工作報(bào)告\n西藏自治區(qū)政府工作報(bào)告\n自治區(qū)主席 王五\n各位代表:\n"
                          "現在，我代表自治區人民政府，向大會報告政府工作。\n2023年工作回顧\n全區經濟平穩增長。\n", "web/xizang.txt")
    assert (report.title, report.province, report.city, report.year) == ("政府工作報告", "西藏自治区", None, 2024)


def test_an_unnumbered_first_heading_worded_as_a_slogan_opens_the_first_section():
    """No section is numbered; the heading-like line right after 现在，我代表…向大会报告工作
    starts the first one, whatever its words; a sentence there does not."""
    head = ("2020年洪湖市政府工作报告\n——2019年12月29日在洪湖市第八届人民代表大会第四次会议上\n洪湖市人民政府市长 王五\n"
            "各位代表:\n现在,我代表市人民政府向大会报告工作,请予审议。\n")
    report = parse_report(head + "奋斗的2019年,“三个洪湖”高质量发展再上新台阶\n2019年,全市经济平稳增长。\n", "web/slogan.txt")
    assert [s.heading for s in report.sections] == ["奋斗的2019年,“三个洪湖”高质量发展再上新台阶"]
    report = parse_report(head + "2019年,我们在市委的坚强领导下,全市经济平稳增长。\n", "web/no-heading.txt")
    assert report.sections == []


def test_a_run_in_first_heading_ends_where_its_first_part_begins():
    report = parse_report("2023年，云南省坚持以习近平法治思想为指导，扎实推进依法行政。\n"
                          "一、主要举措和成效 (一)加强党的领导,健全完善法治政府建设推进机制。一是切实履行第一责任人职责。\n"
                          "二、存在的不足\n基层执法力量薄弱。\n", "web/run-in-part.txt")
    assert [s.heading for s in report.sections] == ["一、主要举措和成效", "二、存在的不足"]


def test_an_untitled_report_with_a_delivery_line_and_an_unnumbered_summary_heading():
    """2017年工作總結 under the address is the first section's heading, not a late title."""
    report = parse_report("—— 2017年12月23日在郎溪縣第十七屆人民代表大會第三次會議上\n郎溪縣人民政府縣長 李 斌\n各位代表:\n"
                          "現在,我代表縣人民政府,向大會報告政府工作,請予審議。\n2017年工作總結\n2017年,全縣經濟平穩增長。\n",
                          "web/untitled-delivery.txt")
    assert (report.kind, report.title, report.year, report.county) == ("gongzuo", None, 2018, "郎溪县")
    assert [s.heading for s in report.sections] == ["2017年工作總結"]


def test_an_opening_after_a_year_since_names_its_town():
    report = parse_report("2024年以来,在区委、区政府的坚强领导下,青石镇党委、政府坚持以习近平法治思想为指导,扎实推进法治政府建设。"
                          "现将青石镇2024年法治政府建设工作报告如下:\n一、2024年法治政府建设工作落实情况\n(一)强化组织领导\n",
                          "web/since.txt")
    assert (report.kind, report.town, report.year) == ("fazhi", "青石镇", 2024)


def test_an_opening_after_in_recent_years_names_its_town_and_its_countys_plans_place_it():
    report = parse_report("近年来,丁蜀镇在市政府的正确领导和市委全面依法治市委员会的精心指导下,认真贯彻《法治宜兴建设规划(2021—2025年)》、"
                          "《宜兴市法治社会建设实施方案(2021—2025年)》等文件规定,推进法治政府建设。\n"
                          "一、2023年推进法治政府建设的主要举措和成效\n(一)强化组织领导\n", "web/recent.txt")
    assert (report.kind, report.town, report.county, report.city) == ("fazhi", "丁蜀镇", "宜兴市", "无锡市")


def test_an_opening_sentence_that_only_says_what_the_year_was_is_passed_over():
    report = parse_report("2024年是全面贯彻落实党的二十大精神的关键之年,也是西兴街道高质量发展的重要之年。"
                          "西兴街道始终坚持以习近平法治思想为指导,扎实推进法治政府建设。现将有关情况报告如下:\n"
                          "一、主要举措和成效\n(一)强化组织领导\n", "web/framing.txt")
    assert (report.kind, report.town, report.year) == ("fazhi", "西兴街道", 2024)


def test_a_page_flattened_into_one_line_keeps_its_sections_headings_inside_the_line():
    """The headings stand where the lines once broke; the line stays one block, its sections
    have none of their own (a phrase across a break is still found)."""
    line = ("政府工作报告 ——2020年1月8日在某区第十届人民代表大会第四次会议上 区长 王五 各位代表: 现在，我代表区人民政府向大会报告工作，"
            "请予审议。 一、2019年工作回顾 2019年，面对复杂严峻的形势，全区经济平稳增长，" + "各项事业全面进步，" * 20
            + "人民生活持续改善。 二、2020年工作安排 2020年是全面建成小康社会之年。 三、加强政府自身建设 坚持依法行政。")
    report = parse_report(line + "\n", "web/flattened-sections.txt")
    assert [(s.heading, s.categories) for s in report.sections] == [
        ("一、2019年工作回顾", ["review"]), ("二、2020年工作安排", ["plans"]), ("三、加强政府自身建设", ["self"])]
    assert [text for _, _, text, _, _ in report.blocks()] == [clean_line(line)]
    assert all(s["inline"] and s["n"] == report.title_n for s in report.to_dict()["sections"])
    # a report whose lines are whole has no inline headings
    assert not any(s.inline for s in parse_report(line.replace(" 一、", "\n一、").replace(" 二、", "\n二、") + "\n",
                                                  "web/whole.txt").sections)


def test_a_local_chronicles_head_on_one_line_with_the_date_after_the_meeting():
    report = parse_report("政府工作报告 在济宁市第十六届人民代表大会第五次会议上(2016年2月16日) 代市长 傅明先\n"
                          "各位代表:现在,我代表济宁市人民政府向大会报告工作,请予审议。\n一、“十二五”时期工作回顾\n经济平稳增长。\n",
                          "web/chronicle.txt")
    assert (report.kind, report.title, report.published.isoformat(), report.year) == (
        "gongzuo", "政府工作报告", "2016-02-16", 2016)
    assert (report.meeting, report.speaker, report.city) == ("第十六届人民代表大会第五次会议", "傅明先", "济宁市")


def test_a_posting_time_above_the_delivery_line_is_not_its_date():
    report = parse_report("辽宁省政府工作报告(2023年1月12日 李乐成)\n2023年01月18日 10:52 来源:辽宁日报\n"
                          "——2023年1月12日在辽宁省第十四届人民代表大会第一次会议上\n省长 李乐成\n各位代表:\n"
                          "现在,我代表省人民政府向大会报告工作。\n一、2022年和过去五年工作\n经济平稳增长。\n", "web/posted.txt")
    assert (report.published.isoformat(), report.speaker) == ("2023-01-12", "李乐成")


def test_an_autonomous_prefecture_named_by_its_short_name_in_the_opening():
    report = parse_report("2023年,在省委、省政府的坚强领导下,红河州坚持以习近平法治思想为指导,不断纵深推进法治政府建设。\n"
                          "一、工作成效\n(一)党对法治政府建设的领导更加坚强。\n", "web/honghe.txt")
    assert (report.kind, report.province, report.city, report.county) == ("fazhi", "云南省", "红河哈尼族彝族自治州", None)


@pytest.mark.parametrize("opening, city", [
    # the one-character short names 博州, 巴州 and 克州 that no rule derives from the official name
    ("2023年以来,在自治区党委、政府坚强领导下,博州人民政府坚持以习近平新时代中国特色社会主义思想为指导,", "博尔塔拉蒙古自治州"),
    # the joint party committee and government acting, in traditional characters
    ("2023年,巴州黨委、政府堅持以習近平新時代中國特色社會主義思想為指導,", "巴音郭楞蒙古自治州"),
])
def test_a_prefecture_acting_by_its_one_character_short_name(opening, city):
    report = parse_report(f"{opening}全面推进法治政府建设。\n一、工作开展情况\n加强学习。\n", "web/xinjiang.txt")
    assert (report.kind, report.province, report.city, report.county) == ("fazhi", "新疆维吾尔自治区", city, None)


def test_an_untitled_report_whose_first_part_is_the_leaders_duty_to_push_it():
    report = parse_report("2021年,焦作市以习近平新时代中国特色社会主义思想为指导,深入贯彻习近平法治思想,严格落实省委、省政府关于全面依法治省的"
                          "决策部署,以创建全省法治政府建设示范市为抓手,深入推进法治政府建设,为焦作经济社会高质量发展提供了强有力的法治保障。\n"
                          "一、落实党政同责,扛牢政治责任。一是加强组织领导。焦作市委、市政府先后召开常委会议研究部署。\n", "web/jiaozuo.txt")
    assert (report.kind, report.year, report.city) == ("fazhi", 2021, "焦作市")


def test_a_flattened_body_whose_first_heading_follows_the_announcing_sentence_without_a_space():
    line = ("邢台市人民政府关于2020年度法治政府建设情况的报告河北省人民政府:2020年,邢台市政府在省委、省政府和市委的正确领导下,"
            "扎实推进依法行政," + "法治政府建设取得积极成效," * 20 + "现将我市2020年度法治政府建设情况报告如下:"
            "一、法治政府建设基本情况(一)强化政治引领,深入推进法治政府建设。一是加强学习。")
    report = parse_report("邢台市人民政府关于2020年度法治政府建设情况的报告\n发布部门:市政府办公室\n" + line + "\n", "web/xingtai.txt")
    assert (report.kind, report.city) == ("fazhi", "邢台市")
    assert [s.heading for s in report.sections][:1] == ["一、法治政府建设基本情况"]


def test_a_flattened_body_whose_first_heading_runs_into_its_text():
    body = ("2023年,兰州市司法局在市委市政府的坚强领导下,深入学习贯彻党的二十大精神,为全市经济高质量发展提供了有力法治保障。 "
            "一、强化思想引领,统筹推进法治政府建设。一是深入学习贯彻习近平法治思想。" + "制定印发工作方案，举办培训班。" * 15
            + " 二、存在的不足 基层法治力量薄弱。")
    report = parse_report("兰州市司法局关于2023年法治政府建设情况的报告 | |||\n| |||\n" + body + "\n", "web/lanzhou.txt")
    assert report.title == "兰州市司法局关于2023年法治政府建设情况的报告"
    assert [s.heading for s in report.sections] == ["一、强化思想引领,统筹推进法治政府建设。", "二、存在的不足"]
    assert [d["reason"] for d in report.dropped] == ["table pipes", "table pipes"]  # after the title, and a row of them


def test_a_byline_naming_the_speaker_before_the_meeting():
    report = parse_report("政府工作报告\n马伟在泗阳县第十七届人民代表大会第三次会议上的报告\n各位代表:\n"
                          "现在,我代表泗阳县人民政府,向大会报告工作。\n2018年工作回顾\n过去的一年,经济平稳增长。\n", "web/byline.txt")
    assert (report.speaker, report.meeting, report.county, report.year) == (
        "马伟", "第十七届人民代表大会第三次会议", "泗阳县", 2019)


def test_a_municipalitys_report_takes_no_district_from_the_documents_it_cites():
    """A superior document may give a township its county; 上海市's own report citing a
    district's document is not that district's."""
    report = parse_report("2018年上海市法治政府建设情况的报告\n2018年，上海市全面推进法治政府建设。现将有关情况报告如下:\n"
                          "一、进一步健全法治政府建设领导体制\n出台《关于浦东新区落实法治建设责任制的实施意见》。\n", "web/shanghai.txt")
    assert (report.province, report.city, report.county) == ("上海市", None, None)


def test_a_township_takes_its_county_from_a_cited_document_or_nothing():
    """《城口县…》 gives 明通镇 its county; 《武汉市…条例》 or 《山东省…办法》 is followed by every
    township of the city or province and gives none of its levels."""
    body = "2024年，{town}坚持以习近平法治思想为指引，认真落实《{doc}》，推进法治政府建设。现将有关情况报告如下。\n一、主要举措\n加强培训。\n"
    report = parse_report(body.format(town="明通镇", doc="城口县人民政府办公室关于印发法治政府建设工作要点的通知"), "web/mingtong.txt")
    assert (report.province, report.city, report.county, report.town) == ("重庆市", None, "城口县", "明通镇")
    report = parse_report(body.format(town="鹦鹉街道", doc="武汉市法治政府建设条例"), "web/yingwu.txt")
    assert (report.province, report.city, report.county, report.town) == (None, None, None, "鹦鹉街道")
    report = parse_report(body.format(town="皇城镇", doc="山东省行政调解办法"), "web/huangcheng.txt")
    assert (report.province, report.city, report.county, report.town) == (None, None, None, "皇城镇")


def test_a_township_takes_its_county_from_the_bodies_it_reports_to_or_works_under():
    """The addressee (慈溪市委、市政府:) and the committees named in the opening (在昆山市委、
    市政府和镇党委的正确领导下) are the township's superiors: they give its county; a city's
    committee alone (在湛江市委的领导下) gives nothing, and unnamed ones (区委、区政府) neither."""
    report = parse_report("慈溪市委、市政府:\n2021年,在市委、市政府的正确领导下,白沙路街道积极推进法治政府建设。现将工作推进情况报告如下:\n"
                          "一、加强党对法治建设的领导\n加强培训。\n", "web/addressee.txt")
    assert (report.province, report.city, report.county, report.town) == ("浙江省", "宁波市", "慈溪市", "白沙路街道")
    assert report.provenance["place"] == "superior body"
    for committee, county in (("昆山市委、市政府和镇党委", "昆山市"), ("湛江市委", None), ("区委、区政府", None)):
        report = parse_report("政府工作报告\n——2020年1月16日在淀山湖镇第十九届人民代表大会第七次会议上\n镇长 朱叶华\n各位代表:\n"
                              "现在,我代表镇人民政府向大会报告工作。\n一、2019年工作回顾\n"
                              f"过去的一年,我们在{committee}的正确领导下,经济平稳增长。\n", "web/committee.txt")
        assert (report.county, report.town) == (county, "淀山湖镇")


def test_a_body_named_by_its_level_takes_the_one_place_of_that_level_its_documents_name():
    """我县 citing 《兴国县…》 and 《赣州市…》: 兴国县 is the one county cited, its own. 我市 may
    be a county-level city, which cites its prefecture's documents too: a prefecture alone gives
    the city and no county, a county-level city inside it gives that; two counties cited, or
    none, give nothing."""
    def place(opening, cited):
        report = parse_report(f"2022年，{opening}，不断推进法治政府建设。现将有关工作情况报告如下。\n一、主要举措\n印发{cited}。\n",
                              "web/our-level.txt")
        return report.province, report.city, report.county
    assert place("我县坚持以习近平法治思想为指引", "《兴国县法治政府建设实施方案》和《赣州市法治政府建设规划》") == ("江西省", "赣州市", "兴国县")
    assert place("县司法局紧紧围绕县委、县政府中心工作", "《潼关县2022年法治政府建设工作要点》") == ("陕西省", "渭南市", "潼关县")
    assert place("我县坚持以习近平法治思想为指引", "《兴国县法治政府建设实施方案》和《于都县法治政府建设规划》") == (None, None, None)
    assert place("我市坚持以习近平法治思想为指引", "《盐城市法治政府建设实施方案》") == ("江苏省", "盐城市", None)
    assert place("我市坚持以习近平法治思想为指引", "《盐城市法治政府建设实施方案》和《东台市2022年依法行政工作要点》") == (
        "江苏省", "盐城市", "东台市")
    assert place("我市坚持以习近平法治思想为指引", "《盐城市法治政府建设实施方案》和《淮安市法治政府建设规划》") == (None, None, None)
    assert place("在省委、省政府的正确领导下，我市坚持以习近平法治思想为指引", "《景德镇市法治政府建设实施纲要》") == ("江西省", "景德镇市", None)


def test_a_bureau_that_says_only_wo_ju_is_placed_by_its_own_documents_or_its_districts():
    """我局 citing a document of its own, named with its place (《龙岩市永定区卫生健康局…方案》,
    永定区 also being 张家界市's); 我局 under 区委、区政府 citing one district's plan; 我局 under
    市委 citing only a city's plan gives that city and no county (it may be a county-level
    city's bureau)."""
    def place(opening, cited):
        report = parse_report(f"2025年，{opening}，我局坚持以习近平法治思想为指导推进法治政府建设。现将主要情况报告如下:\n"
                              f"一、主要举措和成效\n制定{cited}。\n", "web/bureau.txt")
        return report.province, report.city, report.county
    assert place("在区委、区政府的坚强领导下", "《龙岩市永定区卫生健康局参与全国法治政府建设示范创建活动实施方案》") == ("福建省", "龙岩市", "永定区")
    assert place("在市委、市政府的正确领导下", "《江门市交通运输局制定规范性文件工作规程》") == ("广东省", "江门市", None)
    assert place("在区委区政府的坚强领导下", "《洞头区法治政府示范区创建工作方案》") == ("浙江省", "温州市", "洞头区")
    assert place("在市委、市政府的正确领导下", "《安康市法治政府建设实施方案》") == ("陕西省", "安康市", None)


def test_titles_a_browser_or_a_line_break_split():
    report = parse_report("长沙市司法局_关于长沙市2020年法治政府建设情况的报告\n2020年，我市推进法治政府建设。\n一、主要举措\n加强培训。\n",
                          "web/browser.txt")
    assert report.title == "关于长沙市2020年法治政府建设情况的报告"
    assert [d["reason"] for d in report.dropped] == ["web site name"]
    report = parse_report("南京市人民政府关于2020年度\n法治政府建设情况的报告\n宁政发〔2021〕8号\n2020年，全市推进法治政府建设。\n"
                          "一、主要举措\n加强培训。\n", "web/two-lines.txt")
    assert (report.title, report.city) == ("南京市人民政府关于2020年度法治政府建设情况的报告", "南京市")


def test_an_opening_names_its_body_after_two_circumstances():
    report = parse_report("2021年,在市委、市政府的坚强领导下,省农业农村厅的正确指导下,六安市农业农村局全面贯彻落实法治政府建设各项工作要求。\n"
                          "一、2021年度推进法治政府建设的主要举措和成效\n加强培训。\n", "web/two-circumstances.txt")
    assert (report.province, report.city) == ("安徽省", "六安市")
    report = parse_report("2023年,郑庄镇在县委、县政府的坚强领导下,推进法治政府建设。现将有关情况报告如下:\n一、主要举措\n加强培训。\n",
                          "web/subject-first.txt")
    assert report.town == "郑庄镇"


def test_a_cited_document_settles_an_ambiguous_own_name_but_names_no_other_place():
    """河东区 is a district of 天津市 and of 临沂市: 《天津市…》 settles it; a document of a
    third place (《山东省…》 beside 和平区, which is 天津市's and 沈阳市's) gives nothing."""
    report = parse_report("河東區人民政府2022年法治政府建設情況報告\n2022年，河東區政府圍繞《天津市法治政府建設實施綱要》推進工作。\n"
                          "一、主要工作\n加強培訓。\n", "web/hedong.txt")
    assert (report.province, report.county) == ("天津市", "河东区")
    report = parse_report("和平区人民政府2022年法治政府建设情况报告\n2022年，和平区政府学习《山东省法治政府建设实施方案》。\n"
                          "一、主要工作\n加强培训。\n", "web/heping.txt")
    assert (report.province, report.city, report.county) == (None, None, None)


def test_a_place_the_opening_names_twice_is_found():
    report = parse_report("2020年，在中共江苏省委领导下，江苏省各级政府及其部门扎实推进依法行政。现将有关情况报告如下：\n"
                          "一、全面履行政府职能\n持续开展改革。\n", "web/twice.txt")
    assert report.province == "江苏省"


def test_a_lost_indentation_and_a_title_row_whose_label_lost_a_character():
    report = parse_report("??2020年,上海市政府坚持以习近平法治思想为指导,全面深入推进法治政府建设。现将有关情况报告如下:\n"
                          "??一、2020年法治政府建设主要工作举措及成效\n??(一)持续强化国家战略实施法治保障\n", "web/indent.txt")
    assert [s.heading for s in report.sections] == ["一、2020年法治政府建设主要工作举措及成效"]
    assert {d["reason"] for d in report.dropped} == {"lost indentation"}
    report = parse_report("• 发布机构: 皮山县教育局\n• 题: 皮山县教育系统2022年度法治政府建设工作报告\n"
                          "皮山县教育系统2022年度法治政府建设工作报告\n2022年,皮山县教育局认真推进法治政府建设。\n"
                          "一、主要举措和成效\n加强普法。\n", "web/ti.txt")
    assert report.title == "皮山县教育系统2022年度法治政府建设工作报告"


def test_a_news_lead_gives_the_meeting_the_speaker_and_a_date_in_the_reports_year():
    report = parse_report("2月24日,在运城市第四届人民代表大会第五次会议上,朱鹏作政府工作报告。\n运城市市长 朱 鹏\n各位代表:\n"
                          "现在,我代表市人民政府向大会报告工作。\n一、2018年工作回顾\n经济平稳增长。\n", "web/news-lead.txt")
    assert (report.year, report.published.isoformat(), report.meeting, report.speaker, report.city) == (
        2019, "2019-02-24", "第四届人民代表大会第五次会议", "朱鹏", "运城市")
    report = parse_report("12月24日,在运城市第四届人民代表大会第五次会议上,朱鹏作政府工作报告。\n各位代表:\n"
                          "现在,我代表市人民政府向大会报告工作。\n一、2018年工作回顾\n经济平稳增长。\n", "web/news-lead-late.txt")
    assert (report.year, report.published) == (2019, None)  # December of which year: not stated


def test_a_speaker_line_below_a_news_lead_names_the_place():
    report = parse_report("2月26日,在晋中市第五届人民代表大会第五次会议上, 刘星作政府工作报告。\n晋中市人民政府市长 刘星\n"
                          "各位代表:\n现在,我代表市人民政府,向大会报告工作。\n一、2024年工作回顾\n经济平稳增长。\n", "web/lead.txt")
    assert (report.kind, report.speaker, report.province, report.city, report.year) == (
        "gongzuo", "刘星", "山西省", "晋中市", 2025)


def test_a_page_flattened_without_spaces_still_gives_its_title_and_headings():
    """盘山县2023年政府工作报告各位代表:… — no space left where the lines broke: the title runs
    into 各位代表, a heading after a sentence's 。 ends at a word that ends headings."""
    line = ("盘山县2023年政府工作报告各位代表:现在,我代表盘山县人民政府向大会报告工作,请予审议。一、过去五年工作回顾本届政府任期内,"
            + "全县经济平稳增长，" * 30 + "人民生活持续改善。二、2023年工作安排2023年是全面贯彻党的二十大精神的开局之年。")
    report = parse_report(line + "\n", "web/no-spaces.txt")
    assert (report.kind, report.title, report.county) == ("gongzuo", "盘山县2023年政府工作报告", "盘山县")
    assert [s.heading for s in report.sections] == ["一、过去五年工作回顾", "二、2023年工作安排"]


def test_a_speaker_named_in_a_headlines_note_and_a_lost_character_after_a_line():
    report = parse_report("广东省政府工作报告(2023年1月12日 王伟中)\n各位代表:\n现在,我代表省人民政府向大会报告工作。\n"
                          "一、2022年工作回顾\n经济平稳增长。\n", "web/note-speaker.txt")
    assert (report.speaker, report.province) == ("王伟中", "广东省")
    report = parse_report("政府工作报告 ?\n2021 年 1 月 27 日在荣县第十八届人民代表大会第五次会议上 ?\n荣县人民政府县长 郑小清 ?\n"
                          "各位代表:\n现在,我代表荣县人民政府向大会报告工作。\n一、2020年工作回顾\n经济平稳增长。\n", "web/lost.txt")
    assert (report.title, report.speaker, report.published.isoformat()) == ("政府工作报告", "郑小清", "2021-01-27")
    assert {d["reason"] for d in report.dropped} == {"lost character"}


def test_a_row_of_table_cells_keeps_its_pipes():
    report = parse_report("成文日期: | 2022-02-11 | 体裁分类: | 报告 |\n镇海区农业农村局2021年度法治政府建设情况报告\n"
                          "2021年,镇海区农业农村局扎实推进法治政府建设。\n一、主要举措和成效\n加强普法。\n", "web/cells.txt")
    assert (report.title, report.year) == ("镇海区农业农村局2021年度法治政府建设情况报告", 2021)


def test_a_one_cell_table_a_box_before_the_speaker_and_a_headline_with_its_posting_time():
    report = parse_report("| 天津市滨海新区新村街道2025年度法治政府建设情况报告 |\n2025年,新村街道深入推进依法行政。现将情况报告如下:\n"
                          "一、主要举措和成效\n加强普法。\n", "web/cell.txt")
    assert (report.title, report.province, report.county, report.town) == (
        "天津市滨海新区新村街道2025年度法治政府建设情况报告", "天津市", "滨海新区", "新村街道")
    report = parse_report("(2019年1月12日在六盘水市第八届人民代表大会第四次会议上)\n□六盘水市人民政府市长 李 刚\n各位代表:\n"
                          "现在,我代表市人民政府向大会作工作报告。\n一、2018年政府工作回顾\n经济平稳增长。\n", "web/box.txt")
    assert (report.speaker, report.city, report.published.isoformat()) == ("李刚", "六盘水市", "2019-01-12")
    report = parse_report("2021年青海省《政府工作報告》(附全文) 發布時間:2021-02-22 10:16\n各位代表:\n現在,我代表省人民政府向大會報告工作。\n"
                          "一、2020年和“十三五”工作回顧\n經濟平穩增長。\n", "web/posted-headline.txt")
    assert (report.title, report.province) == ("2021年青海省《政府工作報告》(附全文)", "青海省")


def test_an_opening_that_frames_the_year_then_says_this_year():
    report = parse_report("2021年时间节点特殊,是“十四五”规划开局之年,也是“八五”普法启动年。这一年,唐山市委、市政府以习近平法治思想为指导,"
                          "全面推进法治政府建设。现将有关情况报告如下:\n一、主要举措和成效\n出台实施方案。\n", "web/tangshan.txt")
    assert (report.kind, report.province, report.city, report.year) == ("fazhi", "河北省", "唐山市", 2021)


def test_unnumbered_headings_of_a_page_flattened_without_spaces():
    line = ("政府工作报告各位代表:现在,我代表县人民政府向大会报告工作,并请县政协委员提出意见。2019年工作回顾2019年,是陇县发展进程中极其关键的一年。"
            + "全县经济平稳增长，" * 30 + "人民生活持续改善。2020年工作安排2020年是全面建成小康社会之年。")
    report = parse_report(line + "\n", "web/flat-unnumbered.txt")
    assert [(s.heading, s.categories) for s in report.sections] == [
        ("2019年工作回顾", ["review"]), ("2020年工作安排", ["plans"])]


def test_a_slogan_appended_to_every_line_and_a_countys_tag_before_the_title():
    tail = "c5s乡村百科--为乡村振兴助力"
    text = "\n".join(line + tail for line in [
        "(安吉县)2021年鄣吴镇人民政府工作报告(全文)", "二〇二一年一月二十二日在鄣吴镇第十七届人民代表大会第九次会议上", "刘欣欣",
        "各位代表:", "现在,我代表镇人民政府向大会作工作报告,请予以审议。", "一、2020年主要工作和“十三五”发展成就",
        "刚刚过去的2020年,是极不平凡的一年。"])
    report = parse_report(text + "\n", "web/slogan-tail.txt")
    assert (report.title, report.county, report.town, report.speaker) == (
        "(安吉县)2021年鄣吴镇人民政府工作报告(全文)", "安吉县", "鄣吴镇", "刘欣欣")
    assert report.sections[0].heading == "一、2020年主要工作和“十三五”发展成就"
    assert {d["text"] for d in report.dropped} == {tail}


def test_a_body_that_calls_itself_by_its_level_is_placed_by_the_one_place_of_that_level_it_names():
    """全省各级行政机关 … 考察青海重要讲话: the province; 我代表市人民政府 … 是德令哈经济社会发展…的一年:
    the county-level city. The level must match (全县 beside 湖南 says nothing of the county), one
    place only (全市 beside two cities), and 领导和县人大 is no 和县."""
    report = parse_report("2024年，在党中央、国务院的坚强领导下，全省各级行政机关深入贯彻习近平总书记考察青海重要讲话精神，"
                          "法治政府建设取得新成效。现将有关情况报告如下。\n一、主要工作\n压实责任。\n", "web/province.txt")
    assert (report.province, report.city, report.county) == ("青海省", None, None)
    report = parse_report("政府工作报告\n各位代表:\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、2019年工作回顾\n"
                          "过去一年，是德令哈经济社会发展极不平凡的一年。\n", "web/city.txt")
    assert (report.province, report.city, report.county) == ("青海省", "海西蒙古族藏族自治州", "德令哈市")
    report = parse_report("2022年，全县深入贯彻习近平总书记考察湖南重要讲话精神，推进法治政府建设。现将有关情况报告如下。\n"
                          "一、主要工作\n压实责任。\n", "web/county.txt")
    assert (report.province, report.city, report.county) == (None, None, None)
    report = parse_report("2022年，全市推进法治政府建设，与长沙市、株洲市携手共建。现将有关情况报告如下。\n一、主要工作\n压实责任。\n",
                          "web/two-cities.txt")
    assert (report.province, report.city, report.county) == (None, None, None)
    report = parse_report("政府工作报告\n各位代表:\n现在，我代表县人民政府向大会报告工作。\n一、2013年工作回顾\n"
                          "2013年，在县委的正确领导和县人大、县政协的监督支持下，县政府圆满完成各项任务。\n", "web/and.txt")
    assert (report.province, report.city, report.county) == (None, None, None)


@pytest.mark.parametrize("head, published", [
    ("——202133日在平阳县\n第十六届人民代表大会第五次会议上\n", "2021-03-03"),
    ("——20121026东山镇第二届人民代表大会第一次会议上\n", "2012-10-26"),
    ("——2014114日在沧县第十五届人民代表大会\n第三次会议上\n", None),  # January 14th or November 4th
    ("——2020 1 7 日在武汉市第十四届人民代表大会第五次\n会议上\n", "2020-01-07"),
])
def test_a_delivery_line_whose_site_lost_its_year_and_month_characters(head, published):
    report = parse_report(f"政府工作报告\n{head}各位代表:\n现在，我代表人民政府向大会报告工作。\n一、过去一年工作回顾\n"
                          "经济平稳增长。\n", "web/garbled.txt")
    assert report.kind == "gongzuo" and report.meeting.endswith("会议")
    assert (report.published.isoformat() if report.published else None) == published


def test_a_head_that_names_the_session_gives_the_meeting_where_no_delivery_line_does():
    """新巴尔虎左旗第十五届人民代表大会第二次会议政府工作报告 under a headline, the speaker and the
    date below it; printed alone, it is the title too; above a real delivery line, only the title."""
    report = parse_report("(内蒙古)2018年新巴尔虎左旗人民政府工作报告(全文)\n新巴尔虎左旗第十五届人民代表大会第二次会议政府工作报告\n"
                          "海青\n(2018年2月3日)\n各位代表:\n现在，我代表旗人民政府向大会作工作报告。\n一、2017年工作回顾\n经济平稳增长。\n",
                          "web/session.txt")
    assert (report.title, report.meeting, report.speaker, report.published.isoformat()) == (
        "(内蒙古)2018年新巴尔虎左旗人民政府工作报告(全文)", "第十五届人民代表大会第二次会议", "海青", "2018-02-03")
    report = parse_report("海沧区第十届人民代表大会第五次会议政府工作报告\n区长 李毅\n各位代表:\n现在，我代表区人民政府向大会报告工作。\n"
                          "一、2010年工作回顾\n经济平稳增长。\n", "web/session-title.txt")
    assert (report.title, report.meeting, report.speaker, report.county) == (
        "海沧区第十届人民代表大会第五次会议政府工作报告", "第十届人民代表大会第五次会议", "李毅", "海沧区")
    report = parse_report("阿坝州十三届人大一次会议政府工作报告\n——2022年1月8日在阿坝州第十三届人民代表大会第一次会议上\n"
                          "州长 杨克宁\n各位代表:\n现在，我代表州人民政府向大会报告工作。\n一、过去五年工作回顾\n经济平稳增长。\n",
                          "web/session-above.txt")
    assert (report.title, report.published.isoformat(), report.meeting) == (
        "阿坝州十三届人大一次会议政府工作报告", "2022-01-08", "第十三届人民代表大会第一次会议")


@pytest.mark.parametrize("opening, year", [
    ("一、“十三五”时期工作回顾\n过去五年，经济平稳增长。\n", 2021),
    ("“十五”时期工作回顾\n过去五年，经济平稳增长。\n", 2006),  # “十五” is the 10th plan, 2001–2005
    ("一、过去五年工作回顾\n五年来，经济平稳增长。\n", None),
])
def test_an_undated_report_that_reviews_a_five_year_plan_is_the_next_plans_first(opening, year):
    report = parse_report(f"政府工作报告\n各位代表:\n现在，我代表省人民政府向大会报告工作。\n{opening}", "web/plan.txt")
    assert report.year == year


def test_an_undated_report_submitted_with_a_five_year_plans_outline_is_that_plans_first():
    report = parse_report("政府工作报告\n各位代表:\n我代表省人民政府，向大会报告工作，请连同《甘肃省国民经济和社会发展第十四个五年规划和"
                          "二〇三五年远景目标纲要(草案)》一并审议。\n过去五年工作回顾\n经济平稳增长。\n", "web/outline.txt")
    assert report.year == 2021


def test_a_meeting_in_the_titles_note_and_a_speaker_in_the_sites_author_row():
    report = parse_report("政府工作报告\n政府工作报告(第十七届人民代表大会第三次会议)\n各位代表:\n现在,我代表闽清县人民政府,向大会报告政府工作。\n"
                          "一、2018年工作回顾\n经济平稳增长。\n", "web/note.txt")
    assert (report.title, report.meeting, report.county) == ("政府工作报告", "第十七届人民代表大会第三次会议", "闽清县")
    report = parse_report("政 府 工 作 报 告\n——2016年1月26日在海南省第五届人民代表大会第四次会议上\n"
                          "作者 :海南省省长 刘赐贵 编辑 : 来源 :海南省人大常委会 发布时间 :2016年01月27日\n各位代表:\n"
                          "现在,我代表省人民政府向大会作工作报告。\n一、2015年工作回顾\n经济平稳增长。\n", "web/author.txt")
    assert (report.speaker, report.speaker_office, report.published.isoformat()) == ("刘赐贵", "省长", "2016-01-26")


def test_a_district_several_places_share_is_kept_without_the_levels_above_it():
    """朝阳区 is 北京市's and 长春市's: the county is certain, its city and province are not."""
    report = parse_report("政 府 工 作 报 告\n——2021年1月12日在朝阳区第十六届人民代表大会\n第七次会议上\n朝阳区人民政府区长 文 献\n"
                          "各位代表:\n现在,我代表朝阳区人民政府,向大会报告工作。\n一、2020年工作回顾\n经济平稳增长。\n", "web/chaoyang.txt")
    assert (report.province, report.city, report.county) == (None, None, "朝阳区")
    report = parse_report("市中区人力资源和社会保障局2021年度法治政府建设情况报告\n2021年以来,区人社局在区委、区政府正确领导下推进法治建设。\n"
                          "一、主要举措\n加强培训。\n", "web/shizhong.txt")
    assert (report.province, report.city, report.county) == (None, None, "市中区")


def test_a_shared_district_is_completed_when_the_body_names_the_city_or_province_of_one_of_them():
    """龙华区 is 深圳市's and 海口市's: a body that speaks of 海南 (and not of 广东 or 深圳) settles
    it; one that names the provinces of both (北京 and 吉林, for 朝阳区) does not."""
    head = "2025年龙华区政府工作报告\n各位代表:\n现在,我代表区人民政府向大会报告工作。\n一、2024年工作回顾\n"
    report = parse_report(head + "我们牢记嘱托,全力服务海南自由贸易港建设。\n", "web/longhua.txt")
    assert (report.province, report.city, report.county) == ("海南省", "海口市", "龙华区")
    report = parse_report(head + "我们学习深圳先进经验。\n", "web/longhua2.txt")
    assert (report.province, report.city, report.county) == ("广东省", "深圳市", "龙华区")
    report = parse_report("政 府 工 作 报 告\n——2021年1月12日在朝阳区第十六届人民代表大会\n第七次会议上\n朝阳区人民政府区长 文 献\n"
                          "各位代表:\n现在,我代表朝阳区人民政府,向大会报告工作。\n一、2020年工作回顾\n"
                          "我们赴北京学习,在吉林省率先完成改革。\n", "web/chaoyang2.txt")
    assert (report.province, report.city, report.county) == (None, None, "朝阳区")


def test_a_fazhi_report_whose_headings_carry_no_number_nor_punctuation():
    body = ("坚持高位推动 法治政府建设责任不断强化\n加强统筹谋划。县委、县政府高度重视法治建设，县委常委会、县政府常务会多次研究法治政府建设工作，制定下发年度工作要点。\n"
            "深化宣传教育 全民法治意识不断增强\n发挥“关键少数”学法用法示范带动作用，县政府常务会议会前学法12次，组织国家工作人员参加学法考试。\n")
    report = parse_report("2022年，全县法治政府建设取得新成效。现将有关情况报告如下。\n" + body, "web/plain.txt")
    assert [s.heading for s in report.sections] == ["坚持高位推动 法治政府建设责任不断强化", "深化宣传教育 全民法治意识不断增强"]
    assert [p.text for p in report.sections[0].paragraphs] == ["加强统筹谋划。县委、县政府高度重视法治建设，县委常委会、县政府常务会多次研究法治政府建设工作，制定下发年度工作要点。"]
    report = parse_report("2022年，全县法治政府建设取得新成效。现将有关情况报告如下。\n" + body.split("深化")[0], "web/one.txt")
    assert report.sections == []  # one short line alone may be anything


def test_openings_that_frame_the_year_or_run_from_it_still_name_the_body():
    report = parse_report("2025年是法治政府建设五年纲要的收官之年,五华区审计局在区委、区政府的正确领导下,全面履行审计监督职责。"
                          "现将有关情况报告如下:\n一、基本情况\n完成审计项目。\n", "web/framing.txt")
    assert (report.city, report.county) == ("昆明市", "五华区")
    report = parse_report("2025年至今,在区委、区政府的正确领导下,龙岗区教育局以习近平法治思想为指导推进法治政府建设。现将有关情况报告如下:\n"
                          "一、主要举措\n加强培训。\n", "web/since.txt")
    assert (report.city, report.county) == ("深圳市", "龙岗区")
    report = parse_report("区人民政府:\n根据《区人民政府办公室关于印发钟山区2021年法治政府建设工作要点的通知》(钟府办发﹝2021﹞7号)文件要求,"
                          "现将荷泉街道2021年度法治政府建设工作报告如下:\n一、工作开展情况\n(一)健全组织保障和落实机制\n"
                          "一是深入学习贯彻习近平法治思想。组织干部职工在例会、党工委会议中学习。\n", "web/xianjiang.txt")
    assert report.town == "荷泉街道"


def test_a_date_and_speaker_in_brackets_a_traditional_province_tag_and_a_title_year_without_its_character():
    report = parse_report("(內蒙古)2025年包頭市青山區人民政府政府工作報告\n2025年政府工作報告\n(2025年1月21日 白云喜)\n各位代表:\n"
                          "現在,我代表區人民政府向大會報告工作。\n一、2024年工作總結\n經濟平穩增長。\n", "web/brackets.txt")
    assert (report.title, report.published.isoformat(), report.speaker) == (
        "(內蒙古)2025年包頭市青山區人民政府政府工作報告", "2025-01-21", "白云喜")
    report = parse_report("2008两会内蒙古自治区政府工作报告\n各位代表:\n现在,我代表自治区人民政府向大会报告工作。\n"
                          "一、过去五年工作的回顾\n经济平稳增长。\n", "web/lianghui.txt")
    assert (report.year, report.province) == (2008, "内蒙古自治区")


def test_a_long_heading_of_the_fazhi_template_is_a_heading_and_a_long_numbered_sentence_is_not():
    heading = ("一、全面贯彻党的二十大精神,深入学习贯彻习近平法治思想和习近平总书记对广东、深圳系列重要讲话和重要指示精神的情况,"
               "紧密围绕区委、区政府有关部署推动法治政府建设的举措和成效")
    report = parse_report(f"关于2025年法治政府建设情况的报告\n2025年,我局推进法治政府建设。现将有关情况报告如下:\n{heading}\n"
                          "(一)加强学习。组织学法12次。\n", "web/long.txt")
    assert [s.heading for s in report.sections] == [heading]
    listed = ("一、加强组织领导,健全工作机制,明确责任分工,细化任务清单,层层压实责任,把法治政府建设纳入年度目标考核,"
              "定期听取工作汇报,研究解决重大问题,确保各项工作落到实处")
    report = parse_report(f"关于2025年法治政府建设情况的报告\n2025年,我局推进法治政府建设。现将有关情况报告如下:\n{listed}\n", "web/listed.txt")
    assert report.sections == []


def test_a_news_lead_with_its_source_and_the_full_date_is_the_delivery():
    report = parse_report("2021年青海省政府工作报告(全文)\n中商情報網訊:2021年1月30日在青海省第十三屆人民代表大會第六次會議上《青海省政府工作報告》。\n"
                          "各位代表:\n現在,我代表省人民政府向大會報告工作。\n一、2020年工作回顧\n經濟平穩增長。\n", "web/lead.txt")
    assert (report.published.isoformat(), report.meeting, report.province) == (
        "2021-01-30", "第十三屆人民代表大會第六次會議", "青海省")


def test_a_county_named_without_its_suffix_in_the_review_sentence_that_names_the_body():
    report = parse_report("政 府 工 作 报 告\n── 2023年1月8日在县第十八届人民代表大会第二次会议上\n县长 李水泉\n各位代表:\n"
                          "现在,我代表县政府向大会报告工作,请予审议。\n一、2022年工作回顾\n"
                          "2022年,是党和国家历史上具有里程碑意义的一年,也是桦川振兴发展进程中极不寻常的一年。\n", "web/stem.txt")
    assert (report.province, report.city, report.county) == ("黑龙江省", "佳木斯市", "桦川县")
    report = parse_report("政府工作报告\n各位代表:\n现在,我代表县政府向大会报告工作。\n一、2022年工作回顾\n"
                          "2022年,全县新兴产业发展迅速。\n", "web/word.txt")
    assert report.county is None  # 新兴 (新兴县) is also a word


def test_u_set_traps_toolbar_middle_dot_garbled_tag_congress_cover_and_a_long_title_note():
    """无障碍辅助浏览工具条 is chrome (joined to the column word 工作报告 it had made a title); 牙生•司地克
    with a bullet for its middle dot; (海南?。?024年…: a province tag a gateway garbled; 武汉市硚口区第十四届
    人民代表大会 printed as the cover above a delivery line that names only 区; a title note of 21 characters."""
    report = parse_report("无障碍辅助浏览工具条\n首页 > 政务公开 > 法定主动公开内容 > 工作报告\n工作报告\n2020年沈阳市沈河区政府工作报告\n"
                          "政府工作报告\n——2020年1月9日在沈河区第十八届人民代表大会第三次会议上\n沈河区人民政府区长 林宇航\n各位代表:\n"
                          "现在,我代表沈河区人民政府向大会报告工作。\n一、2019年工作回顾\n经济平稳增长。\n", "web/toolbar.txt")
    assert (report.kind, report.title, report.county, report.speaker) == ("gongzuo", "2020年沈阳市沈河区政府工作报告", "沈河区", "林宇航")
    report = parse_report("政府工作报告\n——2021年1月6日在乌鲁木齐市第十六届人民代表大会第五次会议上\n市长 牙生•司地克\n各位代表:\n"
                          "现在,我代表市人民政府向大会报告工作。\n一、2020年工作回顾\n经济平稳增长。\n", "web/dot.txt")
    assert report.speaker == "牙生•司地克"
    report = parse_report("(海南?。?024年海口市秀英區人民政府工作報告\n2024年秀英區政府工作報告\n各位代表:\n現在,我代表區人民政府向大會報告工作。\n"
                          "一、2023年工作回顧\n經濟平穩增長。\n", "web/garbled-tag.txt")
    assert report.title == "(海南?。?024年海口市秀英區人民政府工作報告"
    report = parse_report("政 府 工 作 报 告\n武汉市硚口区第十四届人民代表大会\n政 府 工 作 报 告\n──2015年1月6日在区第十四届人民代表大会第四次会议上\n"
                          "区长  景新华\n各位代表:\n现在,我代表区人民政府,向大会报告工作。\n二○一四年工作回顾\n经济平稳增长。\n", "web/cover.txt")
    assert (report.city, report.county) == ("武汉市", "硚口区")
    report = parse_report("2020年政府工作报告(2019年工作完成情况及2020年工作安排)\n——2020年1月3日在哈尔滨市平房区第十六届人民代表大会第四次会议上\n"
                          "区长 宋博岩\n各位代表:\n现在,我代表区人民政府向大会报告工作。\n一、2019年工作简要回顾\n经济平稳增长。\n", "web/note.txt")
    assert report.title == "2020年政府工作报告(2019年工作完成情况及2020年工作安排)"


@pytest.mark.parametrize("title, place", [
    ("2017年株洲县人民政府工作报告", ("湖南省", "株洲市", "株洲县")),      # 渌口区 since 2018
    ("2009年梅县人民政府工作报告", ("广东省", "梅州市", "梅县")),          # 梅县区 since 2013
    ("(重慶市)2024年重慶市江北區人民政府工作報告", ("重庆市", None, "江北区")),  # not 宁波's 江北区
    ("政府工作报告 (重庆市渝北区人民政府、2017年)", ("重庆市", None, "渝北区")),
    ("2020年崇川区人民政府工作报告", ("江苏省", "南通市", "崇川区")),      # renumbered, one place
])
def test_places_under_the_names_of_their_year(title, place):
    report = parse_report(f"{title}\n各位代表:\n现在,我代表人民政府向大会报告工作。\n一、过去一年工作回顾\n经济平稳增长。\n", "web/former.txt")
    assert (report.province, report.city, report.county) == place


@pytest.mark.parametrize("title, place", [
    ("高新区(新市区)人民政府2024年法治政府建设工作报告", ("新疆维吾尔自治区", "乌鲁木齐市", "新市区")),
    ("金山区2023年法治政府建设情况报告", ("上海市", None, "金山区")),
    ("2022年泰山区人民政府工作报告", ("山东省", "泰安市", "泰山区")),
])
def test_districts_that_share_a_name_only_with_taiwan_or_hong_kong_are_the_mainland_ones(title, place):
    """Taiwan's 新市区 and 金山区 or Hong Kong's 东区 publish no report to a people's congress."""
    report = parse_report(f"{title}\n一、主要工作\n经济平稳增长。\n", "web/taiwan-names.txt")
    assert (report.province, report.city, report.county) == place


def test_the_notice_that_issues_a_report_is_its_title_and_the_report_below_gives_the_delivery():
    report = parse_report("重庆市渝北区人民政府关于印发2021年政府工作报告的通知\n各镇人民政府,区政府各部门:\n"
                          "《政府工作报告》已经区第十八届人民代表大会第五次会议审议通过,现印发给你们,请认真组织实施。\n重庆市渝北区人民政府\n"
                          "(此件公开发布)\n重庆市渝北区人民政府工作报告\n——2021年3月10日在重庆市渝北区第十八届人民代表大会第五次会议上\n"
                          "重庆市渝北区人民政府区长 谭 庆\n各位代表:\n现在,我代表区人民政府,向大会报告政府工作。\n"
                          "一、“十三五”时期及2020年工作回顾\n经济平稳增长。\n", "web/notice.txt")
    assert (report.kind, report.title, report.published.isoformat(), report.speaker, report.county) == (
        "gongzuo", "重庆市渝北区人民政府关于印发2021年政府工作报告的通知", "2021-03-10", "谭庆", "渝北区")


@pytest.mark.parametrize("head, published, meeting, speaker", [
    # the date between the delivery line and the name
    ("政 府 工 作 报 告\n——在科右前旗第十八届人民代表大会第三次会议上\n(2024年3月12日)\n刘 海 涛\n", "2024-03-12",
     "第十八届人民代表大会第三次会议", "刘海涛"),
    # a dated line without 在 and 上, over two lines
    ("2012年换届政府工作报告\n2012年11月20日长沙市芙蓉区第四届\n人民代表大会第一次会议\n代区长 于新凡\n", "2012-11-20",
     "第四届人民代表大会第一次会议", "于新凡"),
    # a flattened head: title, the cover of the session's documents, (date) name
    ("2020年玄武区人民政府工作报告 玄武区十八届人大四次会议文件之一 (2020年1月3日) 钱 维 ", "2020-01-03",
     "十八届人大四次会议", "钱维"),
    # a flattened head below a document site's chrome, its dash lost as ;;;;
    ("会员登录 新用户注册 退出\n公文搜网 - 蓝秘书公文之家\n您现在的位置是: 首页 > 专题材料 > 政府报告\n政府报告\n"
     "(陕西省)2015年西安市雁塔区人民政府工作报告(全文)\n公文搜 2021-07-22 14:31:00 政府报告\n"
     "(陕西省)2015年西安市雁塔区人民政府工作报告(全文) ;;;;2016年2月17日在西安市雁塔区第十六届 人民代表大会第六次会议上 区长 赵小林 ",
     "2016-02-17", "第十六届人民代表大会第六次会议", "赵小林"),
])
def test_delivery_heads_of_sets_w_and_x(head, published, meeting, speaker):
    report = parse_report(f"{head}各位代表:\n现在,我代表人民政府向大会报告工作。\n一、过去一年工作回顾\n经济平稳增长。\n", "web/head.txt")
    assert (report.kind, report.published.isoformat(), report.meeting, report.speaker) == ("gongzuo", published, meeting, speaker)


@pytest.mark.parametrize("posted, published", [
    ("发布时间:2019-01-28 18:06", "2019-01-23"),  # 2019123日: January 23rd, before the page was posted
    ("", None),                                     # or December 3rd: nothing settles it
])
def test_a_garbled_date_that_reads_two_ways_is_settled_by_the_pages_posting_date(posted, published):
    report = parse_report(f"政府工作报告\n{posted}\n——2019123日在武汉市武昌区第十五届人民代表大会\n第四次会议上\n武昌区人民政府区长  余 松\n"
                          "各位代表:\n现在,我代表区人民政府向大会报告工作。\n过去一年工作回顾\n经济平稳增长。\n", "web/posted.txt")
    assert (report.published.isoformat() if report.published else None) == published
    assert report.meeting == "第十五届人民代表大会第四次会议"


def test_a_date_alone_over_the_speakers_name_and_a_fazhi_work_summary():
    report = parse_report("(江苏省)南京市玄武区人民政府工作报告(2025年1月7日)\n2025年玄武区人民政府工作报告\n(2025年1月7日)\n张 志 超\n"
                          "各位代表:\n现在,我代表玄武区人民政府,向大会报告工作。\n一、2024年工作回顾\n经济平稳增长。\n", "web/date-name.txt")
    assert (report.published.isoformat(), report.speaker, report.meeting) == ("2025-01-07", "张志超", None)
    report = parse_report("2022年,东丽区市场监管局深入学习贯彻习近平法治思想,认真落实区委、区政府和市场监管委的决策部署,全面开展法治市场监管建设,"
                          "成效明显。现将法治建设工作总结如下:\n一、2022年推进法治建设的主要举措和成效\n(一)深入学习宣传贯彻习近平法治思想\n"
                          "将习近平法治思想作为领导干部学习重点内容。\n", "web/summary.txt")
    assert (report.kind, report.year, report.county) == ("fazhi", 2022, "东丽区")


def test_a_pdfs_text_with_numbers_and_headings_on_lines_of_their_own():
    """2021 / 年平湖市政府工作报告, 2021 / 年 / 2 / 月 / 25 / 日在… (the 2 and 25 had been dropped as
    page numbers), 一、“十三五”发展成就和 / 2020 / 年工作回顾."""
    report = parse_report("2021\n年平湖市政府工作报告\n2021\n年\n2\n月\n25\n日在平湖市第十五届人民代表大会第五次会议上\n平湖市人民政府市长\n仲旭东\n"
                          "各位代表:\n现在,我代表市人民政府向大会作工作报告。\n一、“十三五”发展成就和\n2020\n年工作回顾\n"
                          "“十三五”时期是平湖发展极不平凡的五年。\n", "web/pdf-wraps.txt")
    assert (report.title, report.published.isoformat(), report.speaker) == ("2021年平湖市政府工作报告", "2021-02-25", "仲旭东")
    assert report.sections[0].heading == "一、“十三五”发展成就和2020年工作回顾"
    report = parse_report("政府工作报告\n——2021年2月23日在瑞安市第十六届人民代表大会第五次会议上\n市长 秦肖\n各位代表:\n"
                          "现在,我代表市人民政府向大会作工作报告。\n一、“十三五”发展回顾\n和2020年主要工作\n过去五年,经济平稳增长。\n"
                          "二、“十四五”时期的目标任务\n加快发展。\n", "web/heading-wrap.txt")
    assert [s.heading for s in report.sections] == ["一、“十三五”发展回顾和2020年主要工作", "二、“十四五”时期的目标任务"]


def test_a_speaker_line_with_the_date_after_the_name():
    report = parse_report("政府工作报告\n在南宁市第十五届人民代表大会第一次会议上\n南宁市市长孙大光(2021年10月25日)\n各位代表:\n"
                          "现在,我代表南宁市第十四届人民政府,向大会报告政府工作。\n一、过去五年工作回顾\n经济平稳增长。\n", "web/date-after.txt")
    assert (report.speaker, report.published.isoformat(), report.year, report.city) == ("孙大光", "2021-10-25", 2021, "南宁市")


def test_a_review_heading_run_into_the_reviews_first_words():
    text = "一、2018年工作回顾过去一年,是呼和浩特改革发展进程中充满挑战、又富有成效的一年。"
    report = parse_report(f"政府工作报告\n——2019年1月4日在呼和浩特市第十五届人民代表大会第二次会议上\n市长 冯玉臻\n各位代表:\n"
                          f"现在,我代表市人民政府向大会报告工作。\n{text}\n经济平稳增长。\n", "web/review-run-in.txt")
    assert [(s.heading, s.line) for s in report.sections] == [("一、2018年工作回顾", text)]
    flat = ("2019年1月4日在呼和浩特市第十五届人民代表大会第二次会议上呼和浩特市人民政府市长冯玉臻各位代表:现在,我代表市人民政府向大会报告工作,"
            "请予审议,并请各位政协委员提出意见。 " + text + "一年来,我们坚持稳中求进工作总基调,经济平稳增长," * 8)
    report = parse_report(f"2019年呼和浩特市政府工作报告\n{flat}\n", "web/review-flat.txt")
    assert [s.heading for s in report.sections] == ["一、2018年工作回顾"]
    report = parse_report("政府工作报告\n各位代表:\n现在,我代表区人民政府向大会报告工作。\n"
                          "一、回顧2023年:我們堅持實干興區,交出一份合格答卷\n經濟平穩增長。\n", "web/review-first.txt")
    assert report.sections[0].heading == "一、回顧2023年:我們堅持實干興區,交出一份合格答卷"


@pytest.mark.parametrize("head, field, value", [
    ("2005年北京市丰台区人民政府工作报告\n——在2005年1月8日在北京市丰台区第十三届人民代表大会第二次会议上\n丰台区区长 张大力\n",
     "published", "2005-01-08"),  # a stray 在 before the date
    ("政府工作报告\n——2016年1月6日大连市西岗区第十七届人民代表大会第四次会议大连市西岗区人民政府区长阎利军\n", "speaker", "阎利军"),
    ("索引号 SY-310115-2022-71013\n信息名称 政 府 工 作 报 告\n公开类别 主动公开 发布时间 2018-03-28\n政 府 工 作 报 告\n"
     "——2018年1月14日在浦东新区第六届人民代表大会第三次会议上\n", "title", "政 府 工 作 报 告"),  # 信息名称 is a title row
    ("北京市海淀区人民政府印发2017年政府工作报告的通知\n——2017年1月5日在海淀区第十六届人民代表大会第一次会议上\n区长 戴彬彬\n",
     "title", "北京市海淀区人民政府印发2017年政府工作报告的通知"),
    ("(通政发〔2020〕1号)北京市通州区人民政府关于印发赵磊同志在区六届人大六次会议上作的《政府工作报告》的通知\n"
     "——2020年1月8日在北京市通州区第六届人民代表大会第六次会议上\n区长 赵磊\n", "title",
     "(通政发〔2020〕1号)北京市通州区人民政府关于印发赵磊同志在区六届人大六次会议上作的《政府工作报告》的通知"),
])
def test_heads_of_set_ac(head, field, value):
    report = parse_report(f"{head}各位代表:\n现在,我代表区人民政府向大会报告工作。\n一、过去一年工作回顾\n经济平稳增长。\n", "web/ac.txt")
    got = getattr(report, field)
    assert (got.isoformat() if hasattr(got, "isoformat") else got) == value
    assert report.kind == "gongzuo"


def test_a_pdfs_page_number_run_into_a_flattened_head_and_a_heading_with_commas_before_the_year():
    report = parse_report("—1—政府工作报告—2024年1月8日在区第十八届人民代表大会第四次会议上沙依巴克区人民政府区长海赛尔·沙比提各位代表:"
                          "现在,我代表区人民政府向大会报告工作,请予审议。2023年工作回顾2023年是全区上下奋力推进高质量发展的重要一年。" * 2,
                          "web/glued-page.txt")
    assert (report.title, report.speaker, report.county) == ("政府工作报告", "海赛尔·沙比提", "沙依巴克区")
    assert {"text": "—1—", "reason": "page number or lone bracket"} in report.dropped
    flat = ("2023年青岛市市南区政府工作报告 ——2023年1月7日在市南区第十九届人民代表大会第二次会议上 市南区人民政府区长 刘存东 各位代表: "
            "现在,我代表区人民政府向大会报告工作,请予审议。 一、奋斗2022,我们聚力攻坚,在砥砺奋进中收获信心 2022年是党的二十大胜利召开之年。"
            + "全区上下坚持稳中求进,经济平稳增长。" * 10)
    report = parse_report(flat + "\n", "web/comma-heading.txt")
    assert report.sections[0].heading == "一、奋斗2022,我们聚力攻坚,在砥砺奋进中收获信心"


def test_an_undated_delivery_in_a_headline_gives_way_to_the_dated_one_below():
    report = parse_report("政府工作报告——在赣州市五届人大三次会议上\n访问量:\n政府工作报告\n——2018年1月6日在赣州市第五届人民代表大会第三次会议上\n"
                          "市长曾文明\n各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、过去五年工作回顾\n经济平稳增长。\n", "web/two-heads.txt")
    assert (report.published.isoformat(), report.meeting, report.speaker, report.city) == (
        "2018-01-06", "第五届人民代表大会第三次会议", "曾文明", "赣州市")


def test_an_untitled_copy_opening_with_the_first_part_on_the_first_responsibles_duty_is_a_fazhi_report():
    report = parse_report("相政呈〔2025〕12號\n蘇州市人民政府:\n2024年,相城區始終堅持以習近平新時代中國特色社會主義思想為指導,"
                          "深入踐行習近平法治思想。\n一、主要負責人履行推進法治建設第一責任人職責情況\n(一)加強法治建設統籌謀劃。\n",
                          "web/untitled.txt")
    assert (report.kind, report.year, report.province, report.city, report.county) == ("fazhi", 2024, "江苏省", "苏州市", "相城区")
    # the heading alone, over an opening on something else, is not enough
    report = parse_report("2024年,公司始终坚持稳健经营。\n一、主要负责人履行推进法治建设第一责任人职责情况\n加强学习。\n", "web/other.txt")
    assert report.kind == "other"


def test_a_province_or_city_named_short_as_the_one_who_acts_in_the_opening():
    report = parse_report("2021年,广东坚持以习近平新时代中国特色社会主义思想为指导,扎实推动法治政府建设取得新成效。\n"
                          "一、坚持以习近平法治思想为统领,党对法治政府建设的领导更加坚强有力。省委、省政府主要负责同志带头学习。\n",
                          "web/short.txt")
    assert (report.kind, report.year, report.province, report.city) == ("fazhi", 2021, "广东省", None)
    # a short name later in the sentence is something the body did, not the body
    report = parse_report("2021年,我局坚持以习近平法治思想为指导,助力法治广东建设。现将2021年法治政府建设情况报告如下:\n"
                          "一、主要举措和成效\n加强学习。\n", "web/later.txt")
    assert report.province is None


@pytest.mark.parametrize("zone, province, city", [
    ("大鹏新区", "广东省", "深圳市"),
    ("西咸新区", "陕西省", "西安市"),
    ("贵安新区", "贵州省", None),  # (across two cities: its province alone)
])
def test_a_new_area_that_is_no_division_is_placed_in_the_city_that_holds_it(zone, province, city):
    report = parse_report(f"2022年,在市委、市政府的正确领导下,{zone}坚持以习近平新时代中国特色社会主义思想为指导,深入推进依法行政。"
                          "现将有关情况报告如下:\n一、2022年法治政府建设工作概况\n加强学习。\n", "web/zone.txt")
    assert (report.kind, report.province, report.city, report.county) == ("fazhi", province, city, None)


def test_a_new_areas_name_does_not_hide_a_district_of_another_city():
    report = parse_report("重庆市江北区2022年法治政府建设情况报告\n2022年,江北区坚持依法行政。\n一、主要举措\n加强学习。\n", "web/jiangbei.txt")
    assert (report.province, report.county) == ("重庆市", "江北区")
    report = parse_report("江北新区2022年法治政府建设情况报告\n2022年,江北新区坚持依法行政。\n一、主要举措\n加强学习。\n", "web/jiangbei-new.txt")
    assert (report.province, report.city, report.county) == ("江苏省", "南京市", None)


def test_a_place_named_further_on_in_the_acting_bodys_name_is_not_its_place():
    report = parse_report("县委、县政府:\n2025年,在县委、县政府的正确领导下,湖北堵河源国家级自然保护区管理局坚持以习近平新时代中国特色社会主义思想为引领,"
                          "深入推进依法行政。现将2025年度法治政府建设情况报告如下:\n一、主要做法和成效\n加强学习。\n", "web/duheyuan.txt")
    assert (report.kind, report.province, report.city) == ("fazhi", "湖北省", None)  # not 广东省's 河源市


@pytest.mark.parametrize("opening, cited, place", [
    # a city's bureau by its level and trade, placed by its own rules (a county-level city's too)
    ("2024年,在市委市政府的正确领导下,市应急局坚持依法行政。", "《宁国市应急管理局行政执法案件查处分离制度》",
     ("安徽省", "宣城市", "宁国市")),
    ("2022年,市政务服务数据管理局深入学习贯彻习近平法治思想。", "《广州市政务服务数据管理局重大行政决策程序规定》",
     ("广东省", "广州市", None)),
    # 我局 and its own work plan, the year first
    ("一年来,在市委、市政府的坚强领导下,我局以习近平法治思想为根本遵循。", "《2025年益阳市人力资源和社会保障局法治建设工作要点》",
     ("湖南省", "益阳市", None)),
    # a province's department: 我厅, 省统计局, by the one province its documents name
    ("2019年,在省委、省政府坚强领导下,我厅认真贯彻落实法治政府建设实施纲要。", "《四川省人民政府2019年度法治政府建设重点工作安排》",
     ("四川省", None, None)),
    ("2020年,省统计局深入贯彻法治政府建设实施纲要。", "《河南省法治政府建设实施方案(2016-2020年)》", ("河南省", None, None)),
    # a municipality's bureau, whose 市 can be no county-level city
    ("2018年,市科技局在市委、市政府的正确领导下推进法治政府建设。", "《天津市政府工作部门权责清单动态管理办法》", ("天津市", None, None)),
    # a short place name as the one who acts
    ("2022年以来,烟台人力资源和社会保障局坚持以习近平法治思想为指导。", "《中华人民共和国民法典》", ("山东省", "烟台市", None)),
])
def test_a_body_that_does_not_print_its_place_is_placed_by_its_own_documents(opening, cited, place):
    report = parse_report(f"{opening}对照{cited}推进法治政府建设。现将有关情况报告如下:\n一、主要举措和成效\n加强学习。\n", "web/own.txt")
    assert (report.kind, (report.province, report.city, report.county)) == ("fazhi", place)


@pytest.mark.parametrize("opening, cited", [
    # a 市's bureau citing two cities that lie apart
    ("2024年,在市委市政府的正确领导下,市应急局坚持依法行政。", "《宣城市应急管理局关于开展安全生产检查的通知》和《淮安市安全生产条例》"),
    # a county's bureau citing its city bureau's rules: the levels differ
    ("2024年,县应急局坚持依法行政。", "《宣城市应急管理局行政执法案件查处分离制度》"),
    # a department citing two provinces' documents
    ("2019年,我厅认真贯彻落实法治政府建设实施纲要。", "《四川省道路运输条例》和《重庆市道路运输管理条例》"),
])
def test_documents_that_do_not_settle_the_bodys_own_place_give_none(opening, cited):
    report = parse_report(f"{opening}对照{cited}推进法治政府建设。现将有关情况报告如下:\n一、主要举措和成效\n加强学习。\n", "web/none.txt")
    assert (report.province, report.city, report.county) == (None, None, None)


def test_set_b_traps_urban_rural_bureau_listed_issuer_bulleted_delivery_and_contents_of_second_level_parts():
    report = parse_report("- 发布单位:\n- 温岭市住房和城乡建设局\n温岭市住房和城乡建设局2021年度法治政府建设工作报告\n"
                          "2021年,市住房和城乡建设局推进法治政府建设。\n一、主要举措和成效\n加强学习。\n", "web/bureau.txt")
    assert (report.issuers, report.county, report.town) == (["温岭市住房和城乡建设局"], "温岭市", None)
    report = parse_report("- 政府工作报告——2024年1月15日在江西省南昌市第十六届人民代表大会第四次会议上\n各位代表:\n"
                          "现在,我代表市人民政府向大会报告工作,请予审议。\n一、2023年工作回顾\n稳中求进。\n", "web/bullet.txt")
    assert (report.title, report.city, report.year) == ("政府工作报告", "南昌市", 2024)
    report = parse_report("(一)坚持扩增量、提质量\n(二)坚持抓改革、强服务\n(一)聚焦“三力”蓄能\n2026年道里区政府工作报告\n各位代表:\n"
                          "现在,我代表区人民政府向大会作工作报告,请予审议。\n“十四五”时期和2025年工作简要回顾\n极不平凡的五年。\n", "web/contents.txt")
    assert (report.kind, report.title, report.year, report.county) == ("gongzuo", "2026年道里区政府工作报告", 2026, "道里区")
    assert report.sections[0].heading == "“十四五”时期和2025年工作简要回顾"


def test_an_untitled_copy_whose_first_part_is_the_templates_on_法治建设_is_a_fazhi_report():
    report = parse_report("2022年,官埠桥镇在区委、区政府的正确领导下,贯彻落实习近平法治思想,有力推进依法行政工作深入开展。\n"
                          "一、2022年推进法治建设的主要举措和成效\n(一)强化党建引领\n严格贯彻落实。\n", "web/town.txt")
    assert (report.kind, report.year, report.town) == ("fazhi", 2022, "官埠桥镇")


def test_a_line_saying_when_the_meeting_adopted_the_report_gives_its_year_and_meeting_not_its_delivery_date():
    report = parse_report("政府工作报告\n(2017年2月26日菏泽市第十九届人民代表大会第一次会议通过)\n菏泽市市长 解维俊\n各位代表:\n"
                          "现在,我代表菏泽市人民政府,向大会报告工作,请予审议。\n过去五年工作回顾\n砥砺前行的五年。\n", "web/adopted.txt")
    assert (report.kind, report.year, report.published, report.meeting, report.speaker, report.city) == (
        "gongzuo", 2017, None, "第十九届人民代表大会第一次会议", "解维俊", "菏泽市")
    # a law prints the same line under its title: it stays a law, with no year or meeting of a report's
    report = parse_report("上海市人民代表大会议事规则\n(1990年4月25日上海市第九届人民代表大会第三次会议通过)\n"
                          "第一章 总则\n第一条 为了保障市人民代表大会依法行使职权,制定本规则。\n", "laws/rules.txt")
    assert (report.kind, report.year, report.meeting) == ("other", None, None)
    # a garbled adoption date (2011115: 1-15 or 11-5) is no delivery date either
    report = parse_report("沾化县政府报告\n沾化县政府工作报告\n——2011115县十六届人大四次会议通过\n县长 张宝亮\n各位代表:\n"
                          "现在,我代表县人民政府,向大会作政府工作报告,请予审议。\n一、“十一五”工作回顾\n五年来成绩显著。\n", "web/garbled.txt")
    assert (report.kind, report.title, report.published) == ("gongzuo", "沾化县政府报告", None)


def test_the_short_name_acting_after_the_circumstances_of_the_opening():
    report = parse_report("2022年,在省委、省政府的正确领导下,烟台人力资源和社会保障局坚持以习近平法治思想为指导,推进法治政府建设。"
                          "现将有关情况报告如下:\n一、主要举措和成效\n加强学习。\n", "web/after.txt")
    assert (report.province, report.city) == ("山东省", "烟台市")


@pytest.mark.parametrize("opening, town", [
    ("2025年,全镇坚持依法行政。现将宝城镇2025年度法治政府建设情况报告如下:", "宝城镇"),  # the announcing sentence
    ("2022年,我街道依法履职。结合荷城街道实际,现就2022年法治政府建设工作开展情况报告如下:", "荷城街道"),
    ("2024年,我镇统筹推进法治政府建设,出台《水口镇2024年依法治镇工作要点》。现将有关情况报告如下:", "水口镇"),  # its own plan
])
def test_a_township_named_where_the_opening_speaks_of_itself(opening, town):
    report = parse_report(f"{opening}\n一、主要举措和成效\n加强学习。\n", "web/self.txt")
    assert (report.kind, report.town, report.county) == ("fazhi", town, None)


def test_a_street_that_calls_itself_our_street_named_by_its_own_document():
    report = parse_report("2022年,在区委、区政府的正确领导下,我街认真贯彻落实习近平法治思想。现将我街2022年度推进法治政府建设工作情况报告如下。\n"
                          "一、2022年推进法治政府建设的主要举措和成效\n(一)加强领导。制定《珠吉街理论学习中心组2022年学习计划》。\n",
                          "web/zhuji.txt")
    assert (report.kind, report.town, report.county) == ("fazhi", "珠吉街道", None)
    # a street's own plan names nothing when the body does not call itself 我街
    report = parse_report("2022年,我局认真贯彻落实习近平法治思想。现将2022年度法治政府建设工作情况报告如下。\n"
                          "一、主要举措和成效\n(一)加强领导。落实《步行街管理规定》。\n", "web/walk.txt")
    assert report.town is None


def test_the_countryside_in_a_cited_plan_is_no_township():
    report = parse_report("2022年度法治政府建设年度报告\n2022年以来,州政务局深入贯彻习近平法治思想,有力推进法治恩施建设。\n"
                          "一、工作完成情况\n(一)深入拓展改革。梳理公布《恩施州县乡村三级依申请及公共服务事项清单》,在全省率先推行。\n",
                          "web/enshi.txt")
    assert (report.kind, report.town) == ("fazhi", None)  # not 恩施州县乡


def test_a_township_the_opening_merely_mentions_is_not_the_reporting_body():
    report = parse_report("2024年,我镇推进法治政府建设,与奋斗镇开展结对共建,结合全镇实际完善制度。现将有关情况报告如下:\n"
                          "一、主要举措和成效\n加强学习。\n", "web/mention.txt")
    assert (report.kind, report.town) == ("fazhi", None)


def test_set_bm_to_br_traps_a_delivery_that_lost_dash_and_day_an_untitled_review_and_a_source_row():
    report = parse_report("政府工作报告(2007年)\n来源:长乐市人民政府 2007-01-12 16:50 浏览量:\n"
                          "  2007112在长乐市第十五届人民代表大会第一次会议上)\n  代市长  林文芳\n各位代表:\n"
                          "  现在,我代表市第十四届人民政府向大会作政府工作报告,请予审议。\n  大步跨越的三年\n开局之年。\n", "web/lost.txt")
    assert (report.kind, report.year, report.meeting, report.county) == ("gongzuo", 2007, "第十五届人民代表大会第一次会议", "长乐市")
    assert report.published is None  # 2007-01-12 or 2007-11-02: nothing settles it
    report = parse_report("一、2017年政府工作回顾\n2017年是实干攻坚的一年。一年来,我们在市委、市政府和区委的坚强领导下完成目标任务。\n"
                          "二、2018年工作安排\n稳中求进。\n", "web/review.txt")
    assert (report.kind, report.year) == ("gongzuo", 2018)
    report = parse_report("莲花街道办事处2025年法治政府建设年度报告\n信息提供日期 : 2026-02-03 17:09来源 : 深圳市福田区莲花街道办事处 信息索引号 : /2026-12630492\n"
                          "  2025年,莲花街道在区委、区政府坚强领导下推进法治政府建设。\n一、2025年法治政府建设工作成效\n加强学习。\n", "web/source.txt")
    assert (report.town, report.county) == ("莲花街道", None)  # a 来源 row is the publisher's, never the body's own
    assert {"text": "信息提供日期 : 2026-02-03 17:09来源 : 深圳市福田区莲花街道办事处 信息索引号 : /2026-12630492",
            "reason": "web metadata"} in report.dropped


def test_a_review_heading_under_a_newspapers_headline_opens_the_first_section():
    """摘登 in a newspaper: 2023年 工作回顾 right under the headline is the first section, and
    the year reviewed gives the year delivered."""
    report = parse_report("“两会”进行时\n刘媛在廊坊市八届人大六次会议上的政府工作报告(摘登)\n2024年01月29日 评论(0) 来源: 《廊坊日报》\n"
                          "2023年 工作回顾\n刚刚过去的一年,极不平凡。我们在省委、省政府和市委坚强领导下,较好地完成了目标任务。\n", "web/digest.txt")
    assert (report.kind, report.year, report.city) == ("gongzuo", 2024, "廊坊市")
    assert [s.heading for s in report.sections] == ["2023年 工作回顾"]


def test_an_untitled_copy_opening_at_the_terms_review_is_a_government_work_report():
    report = parse_report("本屆政府工作回顧\n縣十五屆人大一次會議以來,在中共東海縣委的堅強領導下,全體政府組成人員順利實現了任期目標。\n"
                          "地區生產總值分別是\n2007\n年的\n2.2\n倍。\n", "web/term.txt")
    assert (report.kind, [s.heading for s in report.sections]) == ("gongzuo", ["本屆政府工作回顧"])
    assert report.year is None  # (2007年的 / 2.2 / 倍: a figure broken over lines, not the year reviewed)


def test_a_township_work_report_titled_with_a_subtitle():
    report = parse_report("大塘埠镇2021年政府工作报告——2020年工作及“十三五”时期发展回顾和2021工作计划\n访问量:\n"
                          "2020年工作及“十三五”时期发展回顾\n一年来,大塘埠镇在县委、县政府的坚强领导下,经济社会发展继续保持良好势头。\n",
                          "web/subtitle.txt")
    assert (report.kind, report.title, report.year, report.town) == (
        "gongzuo", "大塘埠镇2021年政府工作报告——2020年工作及“十三五”时期发展回顾和2021工作计划", 2021, "大塘埠镇")
    assert [s.heading for s in report.sections] == ["2020年工作及“十三五”时期发展回顾"]


@pytest.mark.parametrize("opening, place", [
    ("根据《中共重庆市武隆区委全面依法治区委员会2022年工作要点的通知》,以及《2022年武隆区法治政府建设工作要点的通知》要求,"
     "我局结合工作实际,现将2022年法治政府建设工作情况报告如下:", ("重庆市", None, "武隆区")),
    # 示范县 names no 范县: 泸西县 lies in 云南省
    ("根据《泸西县创建云南省法治政府建设示范县指标任务分解及佐证材料明细表》,我局认真总结2021年度推进法治政府建设的主要举措和成效,"
     "现将工作情况报告如下:", ("云南省", "红河哈尼族彝族自治州", "泸西县")),
])
def test_a_bureau_that_names_no_level_is_placed_by_the_lowest_place_its_documents_name(opening, place):
    report = parse_report(f"{opening}\n一、工作开展情况\n(一)加强领导\n", "web/bureau-chain.txt")
    assert (report.kind, (report.province, report.city, report.county)) == ("fazhi", place)


def test_a_bureau_whose_documents_name_places_that_lie_apart_is_not_placed():
    report = parse_report("根据《武隆区法治政府建设工作要点》和《泸西县依法行政工作方案》要求,我局结合工作实际,"
                          "现将2022年法治政府建设工作情况报告如下:\n一、工作开展情况\n(一)加强领导\n", "web/bureau-apart.txt")
    assert (report.province, report.city, report.county) == (None, None, None)


def test_the_body_named_under_a_title_is_its_issuer():
    report = parse_report("2024年法治政府建设情况报告\n发布时间:2025-03-06 15:53 信息来源:新晃县退役军人事务局\n2024年法治政府建设情况报告\n"
                          "新晃县退役军人事务局\n(2025年2月20日)\n2024年,在县委、县政府的正确领导下,我局推进法治政府建设。"
                          "现将我局2024年法治政府建设情况报告如下:\n一、工作开展情况\n加强学习。\n", "web/issuer-below.txt")
    assert report.issuers == ["新晃县退役军人事务局"]
    assert (report.province, report.city, report.county) == ("湖南省", "怀化市", "新晃侗族自治县")


def test_a_headings_number_on_a_line_of_its_own_is_joined_to_the_heading():
    report = parse_report("政 府 工 作 报 告\n——2023年2月23日 在阿荣旗第十六届人民代表大会第二次会议上\n阿荣旗人民政府旗长 宗 哲\n"
                          "一、\n过去一年工作回顾\n2022年是新一届政府履职元年。一年来,我们坚持稳中求进。\n", "web/bare-number.txt")
    assert [s.heading for s in report.sections] == ["一、过去一年工作回顾"]


def test_an_untitled_opening_on_the_rule_of_law_whose_first_part_leads_the_government_is_fazhi():
    report = parse_report("2021年,在台州市委、市政府的正确领导下,玉环市坚持以习近平法治思想为指导,有效落实《2021年法治台州建设重点工作清单》。\n"
                          "一、2021年主要举措和成效\n(一)凝心聚力,全面加强党对法治政府的领导。\n1.笃学践行习近平法治思想。\n", "web/leads.txt")
    assert (report.kind, report.year, report.county) == ("fazhi", 2021, "玉环市")


def test_a_letter_spaced_issuer_line_names_its_province():
    report = parse_report("青 海 省 卫 生 健 康 委\n2023年法治政府建设工作总结\n一年来,在省委省政府的坚强领导下,我委深入推进法治政府建设。"
                          "现将有关情况报告如下。\n一、工作完成情况\n(一)严格落实法定职责。\n", "web/spaced-issuer.txt")
    assert (report.kind, report.title, report.province) == ("fazhi", "2023年法治政府建设工作总结", "青海省")


def test_a_fazhi_report_whose_parts_are_numbered_only_with_brackets():
    report = parse_report("上海市统计局2019年度法治政府建设情况报告\n2019年,我局认真贯彻落实《法治政府建设实施纲要(2015-2020年)》。\n"
                          "(一)认真贯彻落实中央统计工作决策部署\n1.深入学习贯彻习近平法治思想\n局领导班子积极学习。\n"
                          "(二)完善统计法规制度\n制定统计执法检查办法。\n", "web/bracket-parts.txt")
    assert [s.heading for s in report.sections] == ["(一)认真贯彻落实中央统计工作决策部署", "(二)完善统计法规制度"]


def test_a_menu_line_with_a_pipe_is_no_issuer():
    report = parse_report("中国政府网 | 重庆市人民政府网 部门街镇\n中共重庆市大渡口区委重庆市大渡口区人民政府2023年法治政府建设情况报告\n"
                          "2023年以来,大渡口区推进法治政府建设。现将有关情况报告如下:\n一、主要举措和成效\n加强学习。\n", "web/menu-pipe.txt")
    assert (report.issuers, report.county, report.town) == ([], "大渡口区", None)


def test_a_district_report_delivered_to_its_citys_named_congress_is_the_districts():
    """The delivery line names 临沧市's congress; the speaker line names the district in it."""
    report = parse_report("政府工作报告\n——2025年2月19日在临沧市第五届人民代表大会第四次会议上\n临沧市临翔区人民政府区长 刘明武\n"
                          "各位代表:\n现在,我代表区人民政府,向大会报告工作。\n一、2024年工作回顾\n经济平稳增长。\n", "web/city-congress.txt")
    assert (report.province, report.city, report.county) == ("云南省", "临沧市", "临翔区")


def test_a_towns_shared_county_name_is_kept_and_settled_by_the_page():
    """南山区 is 深圳市's and 鹤岗市's: the site's 深圳市南山区 settles it."""
    report = parse_report("深圳市南山区人民政府网站\n南山区西丽街道2025年法治政府建设年度报告\n时间:2026-01-12来源:西丽街道办事处\n"
                          "2025年,西丽街道在区委、区政府领导下推进法治政府建设。现将有关情况报告如下:\n一、主要举措\n加强学习。\n", "web/town-county.txt")
    assert (report.province, report.city, report.county, report.town) == ("广东省", "深圳市", "南山区", "西丽街道")
    report = parse_report("南山区西丽街道2025年法治政府建设年度报告\n2025年,西丽街道在区委、区政府领导下推进法治政府建设。"
                          "现将有关情况报告如下:\n一、主要举措\n加强学习。\n", "web/town-county2.txt")
    assert (report.province, report.city, report.county, report.town) == (None, None, "南山区", "西丽街道")


def test_a_title_broken_after_its_year():
    report = parse_report("某某网站\n清远市清城区人民政府2024年\n法治政府建设年度报告\n2024年,清城区深入推进法治政府建设。\n"
                          "一、2024年推进法治政府建设的主要成效\n加强学习。\n", "web/title-after-year.txt")
    assert (report.title, report.city, report.county) == ("清远市清城区人民政府2024年法治政府建设年度报告", "清远市", "清城区")


def test_a_cover_letter_above_a_summary_whose_title_is_broken_over_two_lines():
    report = parse_report("中共湖州市委、湖州市人民政府:\n根据市委依法治市办要求,现将我局《2024年度交通运输法治政府建设工作总结》随文上报。\n"
                          "特此报告。\n湖州市交通运输局\n2025年1月15日\n2024年度交通运输法治政府建设\n工作总结\n"
                          "2024年湖州市交通运输局笃学践行习近平法治思想,交通依法行政水平持续提升。\n一、主要举措\n加强学习。\n", "web/cover-letter.txt")
    assert (report.kind, report.title, report.year) == ("fazhi", "2024年度交通运输法治政府建设工作总结", 2024)


def test_townships_in_general_in_a_cited_rule_are_no_town():
    report = parse_report("2023年,在市委、市政府和区委的坚强领导下,谯城区人民政府深入推进法治政府建设。现将有关情况报告如下。\n"
                          "一、基本情况\n(一)忠实践行习近平法治思想。制定《司法所长列席乡镇(街道)党委(扩大)会议规定(试行)》。\n",
                          "web/township-rule.txt")
    assert (report.city, report.county, report.town) == ("亳州市", "谯城区", None)


def test_a_headline_naming_the_year_its_report_reviews():
    """2020年阜新县政府工作报告 over 一、…2020年工作回顾: a report reviews the year before it is delivered."""
    report = parse_report("2020年阜新县政府工作报告\n日期: 2021-01-12 浏览量:2965\n——在阜新蒙古族自治县第十六届人民代表大会第四次会议上\n"
                          "县长 吴青林\n各位代表:\n现在,我代表县政府向大会报告工作,请予审议。\n一、“十三五”取得成就及2020年工作回顾\n"
                          "过去五年,我县发展历程充满挑战。\n", "web/reviewed-year.txt")
    assert (report.kind, report.year) == ("gongzuo", 2021)
    report = parse_report("2021年阜新县政府工作报告\n各位代表:\n现在,我代表县政府向大会报告工作,请予审议。\n一、2020年工作回顾\n"
                          "过去一年,我县经济平稳增长。\n", "web/reviewed-year2.txt")
    assert report.year == 2021


def test_a_pages_first_unnumbered_heading_heads_the_numbered_parts_below_it():
    """The second page of a report split by a reposting site starts at its plans heading."""
    report = parse_report("(山东省)武城县人民政府工作报告(2025年1月9日)\n2025年目标要求和主要任务\n"
                          "2025年是“十四五”规划收官之年,做好今年工作意义重要。\n围绕实现上述目标,重点做好五个方面的工作:\n"
                          "一、坚持项目带动、深挖潜力,在激发经济活力上攻坚突破。\n全力以赴抓项目。\n"
                          "二、坚持创新驱动,在加快动能转换上攻坚突破。\n培育新动能。\n", "web/second-page.txt")
    assert [(s.heading, s.categories) for s in report.sections] == [("2025年目标要求和主要任务", ["plans"])]
    assert report.sections[0].subsections[:1] == ["坚持项目带动、深挖潜力,在激发经济活力上攻坚突破"]


def test_a_top_level_heading_whose_comma_the_site_lost():
    report = parse_report("渠县有庆镇人民政府关于2024年度法治政府建设工作情况的报告\n2024年,有庆镇推进法治政府建设。\n"
                          "一主要举措和成效\n(一)强化组织领导,健全法治建设机制。深入贯彻落实法治政府建设相关要求。\n"
                          "二存在的问题\n普法形式单一。\n", "web/lost-comma.txt")
    assert [s.heading for s in report.sections] == ["一主要举措和成效", "二存在的问题"]
    report = parse_report("渠县有庆镇人民政府关于2024年度法治政府建设工作情况的报告\n2024年,有庆镇推进法治政府建设。\n"
                          "一是强化组织领导和工作措施\n加强学习。\n", "web/yishi.txt")
    assert report.sections == []


@pytest.mark.parametrize("opening, kind", [
    # an opening on 法治政府 (not by the words 法治政府建设) and a first part on 法治政府建设
    ("2023年,新疆维吾尔自治区人民政府坚持法治新疆、法治政府、法治社会一体建设,抓好重点任务落实落地。", "fazhi"),
    # a plan that says what it is for is no report
    ("为加快建设法治政府、法治社会,结合自治区实际,制定本方案。", "other"),
])
def test_an_untitled_report_on_the_rule_of_law_by_its_first_part(opening, kind):
    report = parse_report(f"{opening}\n一、深入学习贯彻习近平法治思想,系统谋划统筹推进法治政府建设\n坚持和加强党的领导。\n",
                          "web/untitled-fazhi.txt")
    assert report.kind == kind


def test_a_purpose_over_several_clauses_before_the_body_that_acts():
    report = parse_report("为深入贯彻落实习近平法治思想,全面推进依法行政,桃源县民政局在市民政局和县委、县政府的正确领导下,立足民政职能,"
                          "聚焦法治政府建设重点任务。现将2024年度法治政府建设工作情况报告如下:\n一、主要工作举措及成效\n加强学习。\n",
                          "web/purpose.txt")
    assert (report.kind, report.city, report.county) == ("fazhi", "常德市", "桃源县")


def test_a_street_named_after_a_district_elsewhere():
    """中山市 has no counties: its 东区街道 is not 攀枝花市's 东区."""
    report = parse_report("东区街道2024年法治政府建设年度报告\n发布机构: 中山市人民政府东区街道办事处 成文日期: 2025-02-17\n"
                          "2024年,东区街道坚持以习近平法治思想为指导,扎实推动法治政府建设。\n一、主要举措\n加强学习。\n", "web/east-street.txt")
    assert (report.province, report.city, report.county, report.town) == ("广东省", "中山市", None, "东区街道")


@pytest.mark.parametrize("subject, place", [
    ("市政府坚定以习近平新时代中国特色社会主义思想为指导", ("四川省", "宜宾市", None)),
    ("区政府办深入贯彻习近平法治思想", ("四川省", "宜宾市", "翠屏区")),
])
def test_a_government_or_its_office_named_by_its_level_is_placed_by_its_own_documents(subject, place):
    documents = "《宜宾市2023年法治政府建设重点工作安排》" if subject.startswith("市") else "《宜宾市翠屏区2023年法治政府建设工作要点》"
    report = parse_report(f"2023年,在市委的坚强领导下,{subject},全面落实{documents},扎实推进依法行政。\n"
                          "一、党政主要负责人履行推进法治建设第一责任人职责情况\n加强学习。\n", "web/level-government.txt")
    assert (report.province, report.city, report.county) == place


def test_an_untitled_report_whose_first_part_is_the_governments_functions():
    report = parse_report("2017年,我市深入推进依法行政,加快建设法治政府,全市各级各部门依法行政意识进一步增强。\n"
                          "一、深入推进行政审批制度改革,加快政府职能转变\n全面清理行政审批事项。\n", "web/functions.txt")
    assert report.kind == "fazhi"


def test_a_headline_naming_the_reviewed_year_over_an_unnumbered_review_after_a_sentence():
    """本届政府于2007年12月组成，任期即将结束。现在，我代表…: the review heading below it opens the report."""
    report = parse_report("旅顺口区2012年政府工作报告(全文)\n各位代表:\n本届政府于2007年12月组成,任期即将结束。现在,我代表区政府向大会报告工作,请予审议。\n"
                          "2012年及过去五年政府工作回顾\n2012年是本届政府任期的最后一年。\n一、着力推进产业转型发展\n产业体系建设取得新成效。\n",
                          "web/term-review.txt")
    assert [s.heading for s in report.sections] == ["2012年及过去五年政府工作回顾"]
    assert report.year == 2013


@pytest.mark.parametrize("head, published", [
    # a site's note of the day and the speaker after the headline
    ("宿州市政府工作报告(2025年1月12日 王启荣)", "2025-01-12"),
    # the day printed under the speaker line, no delivery line; a posting time above it is no date of delivery
    ("成都市2007年政府工作报告\n2007年04月14日 14时39分\n市长 葛红林\n2007年3月26日", "2007-03-26"),
    ("四川省人民政府工作报告(2010年)\n2010年02月04日 14时39分\n在四川省第十一届人民代表大会第三次会议上\n四川省人民政府省长 蒋巨峰\n2010年1月26日",
     "2010-01-26"),
])
def test_a_delivery_day_printed_without_a_delivery_line(head, published):
    report = parse_report(f"{head}\n各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、2024年工作回顾\n经济增长。\n", "web/day.txt")
    assert report.published.isoformat() == published


def test_a_years_account_with_the_next_years_plans_is_a_title():
    report = parse_report("厦门市海沧区政府2015年推进依法行政工作情况及2016年工作打算\n"
                          "2015年,是海沧区全面推进法治政府建设的一年。\n一、2015年主要工作情况: 一年来,我区依法行政工作成效主要体现在十一个方面。\n",
                          "web/account-and-plans.txt")
    assert (report.kind, report.title, report.county) == ("fazhi", "厦门市海沧区政府2015年推进依法行政工作情况及2016年工作打算", "海沧区")
    assert [s.heading for s in report.sections] == ["一、2015年主要工作情况"]


def test_a_long_first_heading_that_never_ends_a_clause():
    heading = ("一、深入学习贯彻习近平总书记重要讲话重要指示精神,深入贯彻落实党的二十大和二十届二中、三中全会精神,"
               "进一步增强法治建设的思想自觉、政治自觉、行动自觉")
    report = parse_report(f"东区街道2024年法治政府建设年度报告\n2024年,东区街道扎实推动法治政府建设。\n{heading}\n"
                          "一是深入学习党的创新理论。严格落实“第一议题”制度。\n", "web/long-heading.txt")
    assert [s.heading for s in report.sections] == [heading]
    # a long numbered line that ends a clause, or has no first part below it, is a list item
    for item in (f"{heading}。\n一是深入学习党的创新理论。", f"{heading}\n加强学习。"):
        report = parse_report(f"东区街道2024年法治政府建设年度报告\n2024年,东区街道扎实推动法治政府建设。\n{item}\n", "web/long-item.txt")
        assert report.sections == []


def test_a_bureau_named_by_its_level_in_the_title_only_is_placed_by_its_own_documents():
    report = parse_report("区卫生健康委2020年度法治政府建设工作报告\n一、工作总体情况\n(一)党政主要负责人履行法治建设第一责任人职责情况\n"
                          "党政主要负责人高度重视。制定《九龙坡区卫生应急体系建设工作方案》,组织学习《传染病防治法》。\n",
                          "web/title-bureau.txt")
    assert (report.province, report.city, report.county) == ("重庆市", None, "九龙坡区")


@pytest.mark.parametrize("head, year, place", [
    # the announcing sentence names the body, and is the report's first line
    ("依据《法治政府建设与责任落实督察工作规定》的相关要求,现将北京市石景山区人民政府2021年法治政府建设年度情况报告如下:\n"
     "一、2021年度推进法治政府建设的主要举措和成效\n(一)深入学习贯彻习近平法治思想。把习近平法治思想纳入学习内容。\n",
     2021, ("北京市", None, "石景山区")),
    # it names the body by its level only; the first part's opening names it in full
    ("现将市人力资源和社会保障局2019年度法治政府建设工作报告如下:\n一、2019年度法治政府建设主要举措和成效\n"
     "2019年以来,郑州市人力资源和社会保障局全面贯彻落实《法治政府建设实施纲要(2015—2020年)》的部署和要求。\n",
     2019, ("河南省", "郑州市", None)),
])
def test_an_announcing_sentence_that_opens_an_untitled_report(head, year, place):
    report = parse_report(head, "web/announced.txt")
    assert (report.kind, report.year) == ("fazhi", year)
    assert (report.province, report.city, report.county) == place
    assert report.sections[0].heading.startswith("一、")


def test_a_congress_cover_that_numbers_the_document():
    report = parse_report("温州市鹿城区藤桥镇第十五届人民代表大会第三次会议文件之十三\n政府工作报告\n"
                          "——2009年3月25日在藤桥镇第十五届人民代表大会第三次会议上\n鲍 成 发\n各位代表:\n"
                          "现在,我代表镇人民政府向大会报告工作,请予审议。\n一、2008年工作回顾\n过去的一年,全镇上下稳中求进。\n",
                          "web/cover-number.txt")
    assert (report.province, report.city, report.county, report.town) == ("浙江省", "温州市", "鹿城区", "藤桥镇")


def test_a_provincial_department_that_names_only_its_trade():
    report = parse_report("2021年,司法厅坚持以习近平新时代中国特色社会主义思想为指导,着力推进法治政府建设各项工作。\n"
                          "一、坚持党的领导,统筹推进法治政府建设\n起草《四川省法治政府建设实施方案》,印发《四川省2021年法治政府建设工作要点》。\n",
                          "web/department.txt")
    assert (report.province, report.city, report.county) == ("四川省", None, None)
    # 办公厅 is also a municipality's: its documents name the province it lies in, not its own place
    report = parse_report("2021年,办公厅坚持以习近平新时代中国特色社会主义思想为指导,着力推进法治政府建设各项工作。\n"
                          "一、坚持党的领导,统筹推进法治政府建设\n落实《四川省法治政府建设实施方案》。\n", "web/office.txt")
    assert report.province is None


@pytest.mark.parametrize("opening, county", [
    ("今年以来,在市委、市政府的正确领导下,我镇党委、政府结合实际情况深入推进法治政府建设工作,严格落实《法治政府建设实施纲要"
     "(2021-2025年)》等文件精神及省、汕尾和陆丰市法治政府建设各项部署,大力推进依法行政,开创湖东镇法治政府建设工作的新局面。", "陆丰市"),
    # a cited plan whose closing 》 the page lost
    ("为深入贯彻党的十九大精神,全面落实《法治政府建设实施纲要<2015-2020年>》和《陆丰市人民政府2019年法治政府建设工作要点文件要求,"
     "根据市委市政府的部署安排,湖东镇在2019年积极开展法治政府建设工作。", "陆丰市"),
    # the directions of the province and the party only: the town stands alone
    ("今年以来,我镇严格落实党中央、国务院和省委、省政府法治政府建设各项部署,开创湖东镇法治政府建设工作的新局面。", None),
])
def test_a_townships_county_from_the_directions_and_plans_it_follows(opening, county):
    report = parse_report(f"湖东镇人民政府2021年法治政府建设年度报告\n{opening}\n一、学习贯彻习近平法治思想\n加强学习。\n",
                          "web/directions.txt")
    assert (report.town, report.county) == ("湖东镇", county)
    assert report.city == ("汕尾市" if county else None)


def test_a_bureau_placed_by_the_government_its_report_is_addressed_to():
    report = parse_report("杭人社〔2019〕15号\n杭州市人民政府:\n根据《法治政府建设与责任落实督察工作规定》规定,"
                          "现将我局2019年法治政府建设工作开展情况报告如下。\n一、法治政府建设的主要举措和成效\n"
                          "2019年以来,市人力社保局坚持以全面依法治国战略为指引。\n", "web/addressed.txt")
    assert (report.province, report.city, report.county) == ("浙江省", "杭州市", None)
    # a 县's bureau addressed to its city's government is not placed by it
    report = parse_report("杭州市人民政府:\n2019年,县人力社保局坚持以全面依法治国战略为指引,现将我局工作报告如下。\n"
                          "一、法治政府建设的主要举措和成效\n加强学习。\n", "web/addressed-county.txt")
    assert report.city is None


@pytest.mark.parametrize("head, place", [
    ("2012年12月25日在慈溪市十六届人大常委会第七次会议上\n市人民政府\n", ("浙江省", "宁波市", "慈溪市")),
    ("省人民政府关于2018年依法行政工作报告\n——2019年3月26日在省十三届人大常委会第九次会议上\n甘肃省人民政府副秘书长唐志峰\n",
     ("甘肃省", None, None)),
    ("省人民政府关于2017年依法行政工作的报告\n——2018年3月28日在省十三届人大常委会第二次会议上\n"
     "甘肃省政府法制办主任、省依法行政工作领导小组办公室主任马占元\n", ("甘肃省", None, None)),
])
def test_a_report_delivered_to_a_standing_committee_is_placed_by_its_head(head, place):
    report = parse_report(f"{head}主任、各位副主任、各位委员:\n现向人大常委会报告依法行政情况,请予审议。\n"
                          "2018年,在党委的领导下,政府深入推进依法行政。\n一、依法行政工作开展情况和主要成效\n加强学习。\n",
                          "web/standing-committee.txt")
    assert (report.kind, report.meeting) == ("fazhi", None)
    assert (report.province, report.city, report.county) == place


def test_an_autonomous_regions_government_that_says_only_our_region():
    report = parse_report("2022年,我區堅持以習近平新時代中國特色社會主義思想為指導,推動法治政府建設取得新進展。現將有關情況報告如下:\n"
                          "一、深入學習貫徹習近平法治思想\n自治區人民政府制定《內蒙古自治區貫徹〈法治政府建設實施綱要〉實施方案》。\n",
                          "web/region.txt")
    assert (report.province, report.city) == ("内蒙古自治区", None)
    # a district's own documents name it, not its region's
    report = parse_report("2022年,我区坚持以习近平新时代中国特色社会主义思想为指导,推动法治政府建设取得新进展。\n"
                          "一、深入学习贯彻习近平法治思想\n落实《内蒙古自治区法治政府建设实施方案》,制定《赛罕区法治政府建设工作要点》。\n",
                          "web/region-district.txt")
    assert (report.province, report.city, report.county) == ("内蒙古自治区", "呼和浩特市", "赛罕区")


def test_a_flattened_address_whose_first_part_reviews_a_plan_period():
    report = parse_report("宁波市2006年政府工作报告各位代表:现在,我代表宁波市人民政府,向大会报告政府工作,请予审议,"
                          "并请各位政协委员和其它列席人员提出意见。“十五”发展回顾从2001年到2005年的第十个五年计划时期,"
                          "是宁波经济社会发展跃上新台阶的重要历史时期。五年来,在中共宁波市委的领导下,全市人民开拓进取。"
                          + "经济实力显著增强,城乡面貌明显改善,人民生活水平不断提高。" * 6 + "\n", "web/plan-review.txt")
    assert [s.heading for s in report.sections] == ["“十五”发展回顾"]


@pytest.mark.parametrize("head", [
    "政府工作报告\n——2011年3月5日在第十一届全国人民代表大会第四次会议上\n国务院总理 温家宝\n",
    "政府工作報告\n——2011年3月5日在第十一屆全國人民代表大會第四次會議上\n國務院總理 溫家寶\n",
])
def test_the_state_councils_report_delivered_to_the_national_peoples_congress(head):
    report = parse_report(f"{head}各位代表:\n现在,我代表国务院,向大会作政府工作报告,请各位代表审议。\n"
                          "一、“十一五”时期国民经济和社会发展的回顾\n过去五年,我国发展取得举世瞩目的伟大成就。\n", "web/state-council.txt")
    assert (report.kind, report.year, report.published.isoformat()) == ("gongzuo", 2011, "2011-03-05")
    assert to_simplified(report.meeting) == "第十一届全国人民代表大会第四次会议"
    assert (to_simplified(report.speaker), report.speaker_office) == ("温家宝", "总理")
    assert (report.province, report.city, report.county) == (None, None, None)


def test_a_law_promulgated_by_the_congresss_presidium_is_no_government_work_report():
    report = parse_report("中华人民共和国宪法修正案(1988年)\n\n1988年4月12日 第七届全国人民代表大会第一次会议通过\n\n"
                          "1988年4月12日 第七届全国人民代表大会第一次会议主席团公告第八号公布施行\n\n"
                          "第一条 宪法第十一条增加规定:“国家允许私营经济在法律规定的范围内存在和发展。”\n", "laws/amendment.txt")
    assert (report.kind, report.published, report.speaker) == ("other", None, None)


def test_a_page_flattened_into_one_line_is_a_report_by_the_parts_inside_it():
    report = parse_report("2025年,在区委、区政府的坚强领导下,闵行区坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻落实党的二十大和"
                          "二十届二中、三中、四中全会精神,紧密结合区委、区政府工作重点,深入推进法治政府建设各项工作,"
                          "取得积极成效。 一、法治政府建设主要措施和成效 (一)持续深入学习宣传贯彻习近平法治思想 一是深入学习宣传贯彻习近平法治思想。"
                          + "将学习宣传贯彻习近平法治思想纳入全区年度普法责任制清单,组织召开集体学习会。" * 8 + "\n", "web/flattened-fazhi.txt")
    assert (report.kind, report.year) == ("fazhi", 2025)
    assert (report.province, report.county) == ("上海市", "闵行区")
    assert [s.heading for s in report.sections] == ["一、法治政府建设主要措施和成效"]


def test_a_street_named_by_its_party_committee_and_office():
    report = parse_report("2022年,在区委、区政府的正确领导下,黄石街党工委、办事处高举习近平法治思想旗帜,全面推进法治政府建设工作。"
                          "现将2022年法治政府建设工作报告如下:\n一、2022年推进法治政府建设的主要举措和成效\n加强学习。\n", "web/street-bodies.txt")
    assert (report.town, report.county) == ("黄石街道", None)


def test_a_bureau_named_by_its_level_in_the_announcing_sentence_is_placed_by_its_own_documents():
    report = parse_report("为贯彻落实《香格里拉市创建省级法治政府建设示范市实施方案》(香治市办发〔2022〕5号)和《中共香格里拉市委全面依法治市委员会"
                          "2023年工作要点的通知》文件要求。现将市信访局2023年度法治政府建设工作相关情况报告如下:\n"
                          "一、2023年法治政府建设工作情况\n(一)深入学习贯彻党的二十大精神。局党组第一时间召开专题会议传达学习。\n",
                          "web/announced-bureau.txt")
    assert (report.province, report.city, report.county) == ("云南省", "迪庆藏族自治州", "香格里拉市")


def test_a_first_sentence_on_what_this_year_is_and_why_the_work_matters():
    report = parse_report("今年是中国共产党成立100周年,是全面建成小康社会后迈向全面建设社会主义现代化国家新征程的第一年,"
                          "做好法治政府建设工作意义十分重大。2021年,闵行区在市委、市政府和区委、区政府的领导下,积极争创全国法治政府建设示范区,"
                          "建设更高水平的法治政府。\n一、2021年推进法治政府建设的主要举措和成效\n加强学习。\n", "web/this-year.txt")
    assert (report.province, report.county) == ("上海市", "闵行区")
    # a first sentence whose last clause is the body acting is read as before
    report = parse_report("今年是中国共产党成立100周年,闵行区积极争创全国法治政府建设示范区。\n"
                          "一、2021年推进法治政府建设的主要举措和成效\n加强学习。\n", "web/this-year-acting.txt")
    assert report.county == "闵行区"


@pytest.mark.parametrize("lead, published", [
    ("2010年3月5日9时,十一届全国人民代表大会第三次会议在人民大会堂举行开幕会,听取国务院总理温家宝作政府工作报告,审查年度计划报告和预算报告。",
     "2010-03-05"),
    # without its year: the year the report is known by, from its first part's review of 2009
    ("3月5日上午9时,第十一届全国人民代表大会第三次会议在人民大会堂开幕,听取国务院总理温家宝作政府工作报告,审查计划报告和预算报告。",
     "2010-03-05"),
])
def test_a_live_reports_lead_on_the_session_that_opened_to_hear_the_report(lead, published):
    report = parse_report(f"{lead}\n温家宝:各位代表:现在,我代表国务院向大会作政府工作报告,请予审议。\n"
                          "一、2009年工作回顾\n2009年是新世纪以来我国经济发展最为困难的一年。\n", "web/live.txt")
    assert (report.kind, report.year, report.published.isoformat()) == ("gongzuo", 2010, published)
    assert (report.speaker, report.speaker_office) == ("温家宝", "总理")
    assert "全国人民代表大会第三次会议" in report.meeting


@pytest.mark.parametrize("text, place", [
    # a county's zone: its city, as for any zone
    ("新荣经济技术开发区2024年法治政府建设年度报告\n2024年,新荣经开区坚持依法行政。\n", ("山西省", "大同市", None)),
    # a municipality has no city level: the district
    ("2023年,涪陵高新区管委会坚持以习近平法治思想为指导,推进依法行政。现将有关情况报告如下:\n", ("重庆市", None, "涪陵区")),
    ("经济开发区2024年度法治政府建设情况报告\n2024年宁河经济开发区在区委、区政府的正确领导下,推进依法行政。\n",
     ("天津市", None, "宁河区")),
])
def test_a_zone_named_after_a_place_is_placed_by_that_name(text, place):
    report = parse_report(text + "一、主要举措和成效\n加强学习。\n", "web/zone-name.txt")
    assert (report.province, report.city, report.county) == place


def test_a_zone_merely_named_in_the_body_places_nothing():
    report = parse_report("2024年法治政府建设情况报告\n2024年,我们坚持依法行政,支持新荣经济技术开发区发展。\n"
                          "一、主要举措和成效\n加强学习。\n", "web/zone-mention.txt")
    assert (report.province, report.city, report.county) == (None, None, None)


def test_a_mayors_title_before_his_name_is_no_place():
    # 市长葛慧君: 长葛 is 长葛市's short name, but here the 长 ends the office 市长
    report = parse_report("市长葛慧君作政府工作报告(提纲)\n一、2006年工作回顾\n过去的一年,是我市实施“十一五”规划的第一年。\n",
                          "web/mayor.txt")
    assert (report.kind, report.province, report.city, report.county) == ("gongzuo", None, None, None)


def test_a_township_follows_a_notice_that_issues_its_countys_plan():
    opening = ("2024年,城东街道法治政府建设在区委、区政府的正确领导下,坚持以习近平法治思想为指导,按照《重庆市黔江区"
               "人民政府办公室关于印发《2024年全区法治政府建设工作要点》的通知》明确的各项任务,扎实开展法治建设工作。")
    report = parse_report(f"关于2024年度法治政府建设情况的报告\n{opening}现将我街2024年度法治政府建设工作情况报告如下:\n"
                          "一、主要举措和成效\n加强学习。\n", "web/notice-in-notice.txt")
    assert (report.province, report.county, report.town) == ("重庆市", "黔江区", "城东街道")


def test_the_notice_that_issues_a_cited_document_is_no_own_name():
    # the township follows its county's plan; the place of the notice is no name of its own
    report = parse_report("关于2024年度法治政府建设情况的报告\n2024年,城东街道按照《重庆市黔江区人民政府办公室关于印发"
                          "《2024年全区法治政府建设工作要点》的通知》,扎实开展法治建设工作。现将我街2024年度法治政府建设"
                          "工作情况报告如下:\n一、主要举措和成效\n加强学习。\n", "web/notice-in-notice.txt")
    assert report.provenance["place"] == "superior document"


def test_a_report_made_as_a_briefing_is_titled_by_it():
    report = parse_report("兰州市2014年依法行政工作情况汇报\n11.03.2015  17:50\n一、2014年主要工作\n"
                          "去年以来,我市依法行政工作不断推进。\n", "web/briefing.txt")
    assert (report.title, report.year, report.city) == ("兰州市2014年依法行政工作情况汇报", 2014, "兰州市")


def test_a_zone_that_calls_itself_by_its_kind_is_placed_by_its_own_documents():
    report = parse_report("2022年,园区坚持以习近平新时代中国特色社会主义思想为指导,全力推进依法行政。现将2022年法治政府建设"
                          "工作情况报告如下:\n一、学深悟透把握实质\n(一)党政主要负责人切实履行第一责任人职责。印发《苏州工业园区"
                          "法治政府建设实施方案(2022—2025年)》,明确任务。\n", "web/park.txt")
    assert (report.province, report.city, report.county) == ("江苏省", "苏州市", "苏州工业园区")


def test_a_countys_report_to_its_city_on_the_rule_of_law_as_a_whole_is_a_fazhi_report():
    report = parse_report("福州市人民政府:\n2025年,罗源县坚持以习近平新时代中国特色社会主义思想为指导,统筹推进全面依法治县各项工作,"
                          "法治罗源、法治政府、法治社会一体建设取得新进展。现将工作情况报告如下:\n一、工作举措及成效\n"
                          "(一)铸魂强基筑根本,统筹引领聚合力\n始终将党的领导贯穿法治罗源建设全过程。\n", "web/luoyuan.txt")
    assert (report.kind, report.year, report.county) == ("fazhi", 2025, "罗源县")


def test_a_town_of_a_city_without_counties_is_placed_by_that_citys_documents():
    text = ("2020年,东区街道坚持以习近平法治思想为指导,全面落实《中山市2020年依法行政工作要点》。现将有关情况报告如下:\n"
            "一、2020年度推进法治政府建设的主要举措和成效\n加强学习。\n")
    report = parse_report(text, "web/zhongshan.txt")
    assert (report.kind, report.province, report.city, report.county, report.town) == (
        "fazhi", "广东省", "中山市", None, "东区街道")
    # a city with counties: its documents are followed by the towns of every county, and place none
    report = parse_report(text.replace("中山市", "武汉市"), "web/wuhan.txt")
    assert (report.kind, report.province, report.city, report.town) == ("fazhi", None, None, "东区街道")


def test_a_prefectures_office_work_report_is_its_government_work_report():
    # a 地区 has a 行政公署 (行署), not a people's government; its report goes to the 人大工委
    text = ("2011年行署工作报告\n\n行 署 工 作 报 告\n\n(2011年4月28日)\n\n地区人大工委主任、各位副主任,各位委员:\n\n"
            "现在,我代表塔城地区行署,向地区人大工委2011年第一次会议作工作报告,请予审议。\n\n一、过去一年工作回顾\n\n"
            "2010年,塔城地区行署在上级党委、政府和地委的坚强领导下,抢抓机遇。\n")
    report = parse_report(text, "web/xingshu.txt")
    assert (report.kind, report.year, str(report.published)) == ("gongzuo", 2011, "2011-04-28")
    assert (report.province, report.city) == ("新疆维吾尔自治区", "塔城地区")


def test_a_headline_naming_the_year_the_report_reviews_is_not_its_year():
    # a repost site titled the report by the year it reviews (2019年，是…的一年): it was delivered in 2020
    text = ("2019年梨树县政府工作报告\n——在梨树县第十八届人民代表大会第四次会议上\n县长 郭志勇\n各位代表:\n"
            "现在,我代表县人民政府,向大会报告工作。\n一、勠力奋战,克难攻坚,过去一年政府工作成效显著\n"
            "2019年,是我县经济社会发展非同寻常的一年。\n")
    assert parse_report(text, "web/review-year.txt").year == 2020
    # … but a report that opens on its own year's plans is that year's
    planned = text.replace("一、勠力奋战,克难攻坚,过去一年政府工作成效显著", "一、2019年工作安排")
    assert parse_report(planned, "web/plan-year.txt").year == 2019


def test_an_ethnic_township_naming_two_peoples_is_the_reporting_town():
    text = ("重庆市武隆区浩口苗族仡佬族乡人民政府关于2020年度法治政府建设情况的报告\n区政府:\n"
            "2020年,我乡法治政府建设工作在区委、区政府领导下扎实推进。\n一、工作开展情况\n加强学习。\n")
    report = parse_report(text, "web/ethnic-township.txt")
    assert (report.province, report.county, report.town) == ("重庆市", "武隆区", "浩口苗族仡佬族乡")


def test_a_superior_whose_directions_a_town_carries_out_gives_its_county_or_nothing():
    opening = "2021年,大江镇认真贯彻中央、省委、江门市委、台山市委关于全面依法治国的决策部署,促进社会经济稳步发展。\n"
    report = parse_report("大江镇2021年法治建设工作情况报告\n" + opening + "一、深入学习贯彻习近平法治思想\n加强学习。\n",
                          "web/town-directions.txt")
    assert (report.city, report.county, report.town) == ("江门市", "台山市", "大江镇")
    # the prefecture named as a superior is not the town's county: the town stands alone
    opening = "2025年,博美镇人民政府深入贯彻落实省、汕尾市文件要求和市委市政府工作安排,扎实推进各项工作。现将2025年度法治政府建设工作情况报告如下:\n"
    report = parse_report(opening + "一、推进法治政府建设的主要举措和成效\n加强学习。\n", "web/town-prefecture.txt")
    assert (report.province, report.city, report.county, report.town) == (None, None, None, "博美镇")


def test_a_zone_no_place_names_is_placed_in_the_city_whose_documents_it_follows():
    text = ("柳东新区2022年法治政府建设年度报告\n根据《中共柳州市委员会关于印发〈法治柳州建设规划(2021-2025)〉的通知》要求,"
            "柳东新区管委会积极开展法治政府建设工作。现将本年度法治政府建设工作情况报告如下:\n"
            "一、2022年度柳东新区法治政府建设工作主要成效\n加强学习。\n")
    report = parse_report(text, "web/zone-superior.txt")
    assert (report.province, report.city, report.county) == ("广西壮族自治区", "柳州市", None)
    assert report.provenance["place"] == "superior document"


def test_parts_run_into_their_text_are_the_top_level_when_nothing_is_numbered_above_them():
    text = ("2019年格尔木市法治政府建设年度报告\n2019年度,在市委、市政府的正确领导下,法治政府建设取得新成效。\n"
            "(一)加强统筹协调,全力推进法治政府建设。一是认真贯彻落实第一责任人职责规定,市政府主要负责同志认真履职。\n"
            "(二)深化行政审批制度改革,优化营商环境。一是精简审批事项,压缩审批时限。\n")
    report = parse_report(text, "web/run-in-parts.txt")
    assert [s.heading for s in report.sections] == ["(一)加强统筹协调,全力推进法治政府建设。", "(二)深化行政审批制度改革,优化营商环境。"]
    # under a heading line of its own, such parts are that heading's, not the top level
    headed = text.replace("(一)加强", "以强化组织领导为抓手,着力营造法治氛围\n(一)加强")
    assert parse_report(headed, "web/headed-parts.txt").sections == []
    # … and so are parts with no opening paragraph above them, only the page's head
    unopened = text.replace("2019年度,在市委、市政府的正确领导下,法治政府建设取得新成效。\n", "一,、法治建设第一责任人履职情况\n")
    assert parse_report(unopened, "web/unopened-parts.txt").sections == []


def test_a_body_that_calls_itself_by_its_level_after_framing_its_year_is_placed_by_it():
    text = ("2021年是临潼区法治政府建设加速推进之年,我区坚持以习近平新时代中国特色社会主义思想为指导,全区依法行政水平不断提升。"
            "现将我区2021年度法治政府建设情况报告如下。\n一、主要举措和成效\n加强学习。\n")
    report = parse_report(text, "web/framed-level.txt")
    assert (report.province, report.city, report.county, report.provenance["place"]) == ("陕西省", "西安市", "临潼区", "opening")


def test_a_provincial_department_building_a_rule_of_law_department_is_placed_by_its_own_rules():
    # untitled; 建设交通运输法治政府部门 is the transport departments' name for 法治政府建设, and
    # 我厅 is placed by the one province its own rules name by its short name (《广西…办法》)
    text = ("2019年,我厅按照自治区党委、政府,交通运输部的统一部署,以建设交通运输法治政府部门为目标,全面推进依法行政。\n"
            "一、依法全面履行交通运输主管部门职能\n(一)深化“放管服”改革,优化营商环境。\n"
            "1.出台《广西道路旅客运输站经营许可告知承诺办法》,简化审批。\n")
    report = parse_report(text, "web/provincial-department.txt")
    assert (report.kind, report.year, report.province, report.city) == ("fazhi", 2019, "广西壮族自治区", None)


def test_the_year_a_work_reports_review_names_outweighs_a_headlines_year():
    # a document site's headline says 2011; the report reviews 2009, so it is the 2010 report
    text = ("2011年武汉市政府工作报告\n市长:阮成发\n各位代表:\n现在,我代表市人民政府向大会报告工作。\n一、2009年工作回顾\n"
            "2009年是新世纪以来武汉经济发展最为困难的一年。\n")
    assert parse_report(text, "web/headline-year.txt").year == 2010
    # a headline naming the last year of the five-year plan the report reviews: the next year's
    text = ("2015年政府工作报告\n长沙市岳麓区人民政府代区长  刘  汇\n各位代表:\n现在,我代表区人民政府向大会报告工作。\n"
            "一、“十二五”工作回顾\n“十二五”时期,我们较好地完成了规划的主要目标任务。\n")
    assert parse_report(text, "web/plan-year.txt").year == 2016


def test_an_untitled_report_on_the_rule_of_law_in_the_annual_reports_parts_is_a_fazhi_report():
    text = ("2024年,房山区坚持以习近平新时代中国特色社会主义思想为指导,贯彻落实习近平法治思想,为区域经济社会高质量发展"
            "提供坚实法治保障。现将有关情况报告如下:\n一、主要举措和成效\n(一)加强组织领导\n一是深化落实习近平法治思想。\n")
    report = parse_report(text, "web/untitled-fazhi.txt")
    assert (report.kind, report.year, report.province, report.county) == ("fazhi", 2024, "北京市", "房山区")


def test_a_flattened_term_reports_five_years_review_is_its_first_section():
    text = ("2003年河北省政府工作报告——2003年1月10日在河北省第十届人民代表大会第一次会议上代省长季允石各位代表:现在,我代表"
            "河北省人民政府向大会作工作报告,请予审议。并请省政协各位委员和列席会议的同志提出意见。过去五年回顾和2002年工作情况"
            "省九届人大一次会议以来的五年,是跨世纪发展的重要时期。" + "经过全省人民的共同努力,较好地完成了主要任务。" * 12 + "\n")
    report = parse_report(text, "web/flat-term.txt")
    assert [s.heading for s in report.sections][:1] == ["过去五年回顾和2002年工作情况"]


def test_a_township_named_for_its_government_in_a_bracketed_column_is_placed_by_it():
    # 法治政府工作报告 is a 法治 report, not a 政府工作报告; the bracketed column in front of the
    # headline names the town's government, county included
    text = ("【晋江市金井镇人民政府】金井镇2023年法治政府工作报告\n时间:2024-03-30 15:38 浏览量:\n"
            "2023年,金井镇在市委市政府的正确领导下,深入学习贯彻党的二十大精神。现将2023年法治政府建设有关情况报告如下:\n"
            "一、法治政府建设的主要举措和成效\n(一)加强组织领导。\n")
    report = parse_report(text, "web/column-government.txt")
    assert (report.kind, report.title, report.year) == ("fazhi", "金井镇2023年法治政府工作报告", 2023)
    assert (report.province, report.city, report.county, report.town) == ("福建省", "泉州市", "晋江市", "金井镇")


def test_a_heading_run_into_its_first_point_ends_where_the_point_begins():
    text = ("郧西县2019年法治政府建设情况报告\n2019年,我县认真贯彻落实法治政府建设实施纲要。现将有关情况报告如下:\n"
            "一、强化组织领导,夯实工作责任一是加强组织领导。为了确保法治政府建设工作顺利推进,我县制定了实施方案。\n"
            "二、规范行政决策,提升决策水平一是严格落实重大行政决策程序。二是推行法律顾问制度,审查重大合同。\n")
    report = parse_report(text, "web/run-in-point.txt")
    assert [s.heading for s in report.sections] == ["一、强化组织领导,夯实工作责任", "二、规范行政决策,提升决策水平"]


def test_the_day_a_congress_approved_a_work_report_is_not_its_delivery_date():
    text = ("政府工作报告\n2018年1月19日经江干区第十五届人民代表大会第二次会议审议通过\n江干区人民政府区长楼建忠\n各位代表:\n"
            "现在,我代表区人民政府向大会报告工作,请予审议。\n一、2017年政府工作回顾\n2017年是本届政府履职的第一年。\n")
    report = parse_report(text, "web/approved.txt")
    assert (report.published, report.year, report.meeting) == (None, 2018, "第十五届人民代表大会第二次会议")
    assert (report.speaker, report.county) == ("楼建忠", "江干区")


def test_a_delivery_line_that_lost_its_month_and_the_meetings_number_is_read():
    text = ("麻章区2021年政府工作报告\n──2021年310日在湛江市麻章区第九届\n人民代表大会第次会议上\n麻章区区长  陈思远\n各位代表:\n"
            "现在,我代表区人民政府向大会作政府工作报告,请予审议。\n一、2020年及“十三五”时期工作回顾\n2020年是极不平凡的一年。\n")
    report = parse_report(text, "web/lost-month.txt")
    assert (str(report.published), report.meeting, report.speaker) == ("2021-03-10", "第九届人民代表大会第次会议", "陈思远")


def test_an_undated_work_reports_estimate_for_the_year_just_ended_gives_its_year():
    text = ("政府工作报告\n在简阳市第十八届人民代表大会第一次会议上\n简阳市人民政府市长 苏呈祥\n各位代表:\n"
            "现在,我代表市人民政府向大会报告工作,请予审议。\n过去五年工作回顾\n过去五年,是简阳全面融入成都的第一个五年。\n"
            "一、五年来,我们实干创业绩,城市能级持续跃升\n(一)综合竞争力全面提高。经济总量迈上新台阶,预计2021年实现地区生产总值480亿元。\n")
    report = parse_report(text, "web/estimated.txt")
    assert (report.year, report.provenance["year"]) == (2022, "body")


@pytest.mark.parametrize("text, place", [
    # counties renamed since (蓟县 became 蓟州区 in 2016, 沾化县 沾化区 in 2014): their own
    # reports are placed under the name they print
    ("蓟县人民政府工作报告\n——2015年1月20日在蓟县第十六届人民代表大会第四次会议上\n县长 赵春风\n各位代表:\n"
     "现在,我代表县人民政府向大会报告工作。\n一、2014年工作回顾\n2014年,全县经济平稳发展。\n",
     ("天津市", None, "蓟县")),
    ("沾化县2011年政府工作报告\n——2011年1月15日在沾化县第十六届人民代表大会第四次会议上\n各位代表:\n"
     "现在,我代表县人民政府向大会报告工作。\n一、2010年工作回顾\n2010年,全县经济平稳发展。\n",
     ("山东省", "滨州市", "沾化县")),
    # a former county-level city is found only by its full name: 双城 is also the 双城经济圈's
    ("各位代表:\n我代表市人民政府,向大会报告工作。\n一、过去五年工作回顾\n过去五年,是宜宾经济社会发展实现跨越提升的五年。"
     "我们抢抓成渝地区双城经济圈建设机遇,全力推动高质量发展。\n",
     ("四川省", "宜宾市", None)),
])
def test_a_report_of_a_county_since_renamed_is_placed_by_the_name_it_prints(text, place):
    report = parse_report(text, "web/renamed.txt")
    assert (report.province, report.city, report.county) == place


def test_a_column_line_and_a_posting_row_with_its_time_are_chrome():
    # 当前栏目: names the site's column, not the report; the 来源 of a row that prints the
    # posting time (日期:… 11:03 来源:…) places a report that speaks as that body
    text = ("当前栏目:政府工作报告\n2007年政府工作报告\n日期:2010-11-27 11:03 来源:黄石市人民政府\n各位代表:\n"
            "现在,我代表市人民政府向大会作政府工作报告,请予审议。\n一、过去四年工作的回顾\n过去的四年,本届政府扎实工作。\n")
    report = parse_report(text, "web/column-line.txt")
    assert (report.title, report.province, report.city) == ("2007年政府工作报告", "湖北省", "黄石市")
    assert report.provenance["place"] == "publisher"


def test_a_metadata_list_with_more_labels_above_their_values_is_chrome():
    title = "金华市婺城区人民政府关于上报金华市婺城区2022年度法治政府建设工作情况的报告"
    text = ("• 信息索引号:\n11330702056851584G/2023-44341\n• 主题分类:\n政务公开\n• 体裁分类:\n报告\n• 服务对象:\n"
            f"事业单位,政府机关\n• 文件名称:\n{title}\n• 发布机构:\n婺城区人民政府\n"
            f"• 文件字号:\n-\n• 成文日期:\n2023-02-16\n• 公开方式:\n主动公开\n{title}\n"
            "2022年,婺城区深入学习贯彻党的二十大精神,以习近平法治思想为指导,稳步提升依法行政水平。\n"
            "一、2022年主要工作\n(一)坚持党的领导。\n")
    report = parse_report(text, "web/metadata-list.txt")
    assert report.title == title
    assert (report.kind, report.year, report.county) == ("fazhi", 2022, "婺城区")


def test_a_flattened_heading_ends_where_its_text_repeats_its_quoted_name():
    text = ("政府工作报告——2011年8月28日在临汾市第三届人民代表大会第一次会议上临汾市人民政府市长罗清宇各位代表:现在,我代表市人民"
            "政府,向大会作政府工作报告,请予审议。一、成就辉煌的“十一五”“十一五”时期,是我市发展历程中极不寻常的五年。"
            + "五年来,市政府紧紧依靠全市人民,胜利完成了各项目标任务。" * 10 + "\n")
    report = parse_report(text, "web/quoted-heading.txt")
    assert [s.heading for s in report.sections][:1] == ["一、成就辉煌的“十一五”"]


def test_an_office_before_the_words_of_a_title_is_no_speaker_line():
    # 区人民政府区长政府工作报告 (a reposting site's headline) names no speaker 政府工; the year
    # comes from the review's estimate (预计，2016年…达到…)
    text = ("区人民政府区长政府工作报告\n各位代表:\n现在,我代表西城区人民政府向大会报告工作,请予审议。\n一、过去五年工作回顾\n"
            "过去的五年,是西城区发展进程中很不平凡的五年。预计,2016年全区地区生产总值达到3480亿元。\n")
    report = parse_report(text, "web/office-title.txt")
    assert (report.speaker, report.year, report.county) == (None, 2017, "西城区")


def test_a_value_list_whose_index_number_has_lowercase_letters_is_chrome():
    # kss622/2022-00020 / 综合政务报告 / 昆山市人民政府 / 2022-03-15: a metadata table's values
    # without their labels; 综合政务报告 is its theme and genre, not the report's title
    text = ("首页 / 信息公开 / 市政府信息公开目录 / 政府信息公开目录 / 市政府及办公室文件\nkss622/2022-00020\n综合政务报告\n昆山市人民政府\n"
            "2022-03-15\n昆山市2021年法治政府建设年度报告\n昆政呈〔2022〕6号\n有效\n昆山市2021年法治政府建设年度报告\n"
            "2021年,昆山市坚持以习近平新时代中国特色社会主义思想为指导,深化法治政府建设。\n"
            "一、坚持党的领导,加强法治政府建设的统筹部署。一是推动习近平法治思想入脑入心。市委常委会带头学习。\n")
    report = parse_report(text, "web/value-list.txt")
    assert (report.kind, report.title, report.year, report.county) == ("fazhi", "昆山市2021年法治政府建设年度报告", 2021, "昆山市")


def test_a_document_sites_file_name_headline_is_the_title_and_its_note_is_chrome():
    name = "长安镇2023年政府工作报告(20230216).docx"
    text = (f"{name}\n《{name}》由会员分享,可在线阅读,更多相关《{name}(19页珍藏版)》请在课桌文档上搜索。\n"
            "1、长安镇2023年政府工作报告各位代表:现在,我代表长安镇人民政府,向大会报告政府工作,请各位代表予以审议。\n"
            "2022年工作回顾\n刚刚过去的2022年,是党的二十大胜利召开之年。\n")
    report = parse_report(text, "web/file-name.txt")
    assert (report.kind, report.title, report.year, report.town) == ("gongzuo", name, 2023, "长安镇")
    assert any(d["reason"] == "web promo" and "由会员分享" in d["text"] for d in report.dropped)


def test_a_garbled_delivery_line_that_also_lost_its_jie_still_gives_the_day_and_the_place():
    text = ("2022年湖光镇政府工作报告\n──2022330日在湛江市麻章区湖光镇十一\n人民代表大会第次会议上\n湖光镇人民政府镇长 陈文辉\n"
            "各位代表:\n现在,我代表人民政府向大会作政府工作报告,请予审议。\n一、2021工作回顾\n2021年是中国共产党成立100周年。\n")
    report = parse_report(text, "web/lost-jie.txt")
    assert (str(report.published), report.meeting) == ("2022-03-30", None)
    assert (report.city, report.county, report.town) == ("湛江市", "麻章区", "湖光镇")


def test_a_title_label_in_traditional_characters_is_chrome():
    text = ("標題:蘇州市政府工作報告 | ||\n蘇州市政府工作報告\n各位代表:\n現在,我代表蘇州市人民政府,向大會報告工作,請予審議。\n"
            "一、2011年工作回顧\n過去一年里,市政府在中共蘇州市委的正確領導下,較好地完成了市十四屆人大四次會議確定的目標任務。\n")
    report = parse_report(text, "web/traditional-label.txt")
    assert (report.title, report.city) == ("蘇州市政府工作報告", "苏州市")
    assert any(d["reason"] == "web metadata label" and d["text"].startswith("標題") for d in report.dropped)


def test_a_numbered_heading_at_the_end_of_the_address_line_opens_the_first_section():
    text = ("2012年杨浦区政府工作报告\n各位代表:\n现在,我代表杨浦区人民政府,向大会作政府工作报告,请予审议,并请各位政协委员提出意见。"
            "一、过去五年工作回顾\n区第十四届人民代表大会第一次会议以来的五年,是杨浦发展极其重要的五年。\n"
            "(一)实现国家创新型试点城区建设良好开局,城区创新能力不断增强。\n")
    report = parse_report(text, "web/heading-at-line-end.txt")
    assert [s.heading for s in report.sections][:1] == ["一、过去五年工作回顾"]


def test_the_headline_printed_again_over_its_first_heading_is_chrome_and_the_heading_opens_the_body():
    # a site's region row (所属地区:天津, the site's filing of the page) names no reporting body
    text = ("【河西区招商引资】2014年天津市河西区政府工作报告\n所属地区:天津\n发布日期:2025年08月06日\n"
            "2014年天津市河西区政府工作报告2013年主要工作回顾\n"
            "过去的一年,在市委、市政府和区委的正确领导下,区政府圆满完成全年目标任务,各项工作取得显著成绩。"
            "一、调整优化产业结构,综合实力再上新台阶坚持“保住现量、整合存量”的经济工作思路,经济发展的质量和效益显著提升。\n")
    report = parse_report(text, "web/title-over-heading.txt")
    assert (report.title, report.kind, report.county) == ("2014年天津市河西区政府工作报告", "gongzuo", "河西区")
    assert [s.heading for s in report.sections][:1] == ["2013年主要工作回顾"]
    assert {"text": "所属地区:天津", "reason": "web metadata"} in report.dropped


def test_a_dash_and_the_meeting_alone_with_the_speaker_and_the_date_below_is_the_delivery():
    text = ("政 府 工 作 报 告\n——横山桥镇第三届人民代表大会第四次会议\n乔 强\n2018年7月21日\n各位代表、同志们:\n"
            "现在,我代表横山桥镇人民政府向大会报告工作,请予审议。\n"
            "今年以来,全镇各级在武进区、经开区和镇党委的坚强领导下,认真贯彻落实党的十九大精神,全镇经济社会发展迈出新步伐。\n"
            "一、经济活力进一步增强\n1、产业转型不断加快。完成规上工业产值179.6亿元。\n")
    report = parse_report(text, "web/dash-meeting.txt")
    assert (report.kind, report.year, str(report.published)) == ("gongzuo", 2018, "2018-07-21")
    assert (report.meeting, report.speaker) == ("第三届人民代表大会第四次会议", "乔强")
    # the district named before the town's own committee is the town's county
    assert (report.city, report.county, report.town) == ("常州市", "武进区", "横山桥镇")


def test_a_flattened_review_heading_before_the_numbered_parts_is_the_top_level_heading():
    text = ("七宝镇人民政府工作报告 ——2024年1月10日七宝镇第二十届 人民代表大会第五次会议上 镇长 吴昌飞\n"
            "各位代表: 现在,我代表七宝镇人民政府,向大会报告工作,请代表们予以审议。 2023年工作回顾 2023年,我们坚持以习近平新时代"
            "中国特色社会主义思想为指导,经济社会各领域取得新发展,较好完成了年初人代会确定的各项目标任务。" + "一年来,主要做了以下工作。" * 12
            + " 一、坚持发展为要,经济规模稳步提升 1.区域转型更重实效。制定转型方案,推动区域更新。\n")
    report = parse_report(text, "web/flattened-review.txt")
    assert [s.heading for s in report.sections][:1] == ["2023年工作回顾"]


def test_a_flattened_numbered_heading_ends_where_its_first_part_begins():
    text = ("2023年齐都镇政府工作报告\n各位代表:现在,我代表齐都镇人民政府,向大会报告工作,请予审议。" + "过去一年,全镇上下团结奋斗。" * 20
            + " 一、坚持发展为要,经济规模稳步提升 1.区域转型更重实效。制定转型方案,推动区域更新。\n")
    report = parse_report(text, "web/flattened-part.txt")
    assert [s.heading for s in report.sections][:1] == ["一、坚持发展为要,经济规模稳步提升"]


def test_the_last_of_the_committees_a_city_worked_under_before_it_says_we_is_its_own():
    text = ("为全面建设法治政府,奋力谱写现代化篇章,在宜春市委、市政府和丰城市委的领导下,我市继续全面推进法治政府建设,"
            "依法全面履行政府职能,取得了显著成效。现将有关情况报告如下:\n一、持续深化改革,依法全面履行政府职能\n"
            "(一)深化审批制度改革。今年,我市持续推动“赣服通”迭代升级。\n")
    report = parse_report(text, "web/own-committee.txt")
    assert (report.kind, report.province, report.city, report.county) == ("fazhi", "江西省", "宜春市", "丰城市")
    # one committee only says whose leadership the body worked under, not which body it is
    alone = parse_report(text.replace("宜春市委、市政府和丰城市委", "宜春市委、市政府"), "web/superior-committee.txt")
    assert (alone.city, alone.county) == (None, None)


def test_a_townships_county_from_its_own_plan_named_in_full():
    text = ("2021七宝镇上半年政府工作报告\n来源:上海市闵行区七宝镇人民政府  发布时间:2021年9月14日\n2021上半年主要工作回顾\n"
            "上半年,镇政府在区委、区政府和镇党委的坚强领导下,为十四五开局打下坚实基础。\n"
            "一、聚焦经济发展质量和增速,提升产业发展能级\n"
            "1、经济运行稳中有进。编制完成《闵行区七宝镇国民经济和社会发展第十四个五年规划和2035年远景目标纲要》。\n")
    report = parse_report(text, "web/own-plan.txt")
    assert (report.kind, report.province, report.city, report.county, report.town) == ("gongzuo", "上海市", None, "闵行区", "七宝镇")
    assert report.provenance["place"] == "own documents"


def test_a_notice_that_issues_a_work_report_over_its_address_is_the_work_report():
    text = ("首页>>公开>>政府工作报告\n关于印发2012年政府工作报告的通知\n2012年03月12日 海淀区人民政府办公室 打印本页\n"
            "各镇政府、街道(地区)办事处,各委、办、局,区属各单位:\n"
            "2012年《政府工作报告》已经海淀区第十五届人民代表大会第一次会议审议通过,现予印发,请认真学习,贯彻落实。\n特此通知。\n"
            "北京市海淀区人民政府\n二O一二年一月十一日\n各位代表:\n我代表海淀区人民政府,向大会报告工作,请予审议。\n五年工作回顾\n"
            "五年来,区政府在市委市政府和区委的正确领导下,坚持以邓小平理论和“三个代表”重要思想为指导,深入贯彻落实科学发展观。\n")
    report = parse_report(text, "web/issuing-notice.txt")
    assert (report.kind, report.year, report.province, report.county) == ("gongzuo", 2012, "北京市", "海淀区")
    assert [s.heading for s in report.sections][:1] == ["五年工作回顾"]


def test_a_garbled_delivery_date_is_settled_by_the_year_the_report_reviews():
    # 2015113日: January 13th or November 3rd; a report delivered in November would review 2015
    text = ("东城区2015年政府工作报告\n政府工作报告\n——2015113日在北京市东城区第十五届\n人民代表大会第五次会议上\n北京市东城区人民政府区长\n"
            "各位代表:\n现在,我代表东城区人民政府,向大会报告政府工作,请予审议。\n2014年工作回顾\n"
            "过去的一年,在市委、市政府和区委的坚强领导下,我们圆满完成了区十五届人大四次会议确定的目标任务。\n")
    report = parse_report(text, "web/garbled-settled.txt")
    assert (str(report.published), report.year) == ("2015-01-13", 2015)
    reviewing_2015 = parse_report(text.replace("2014年工作回顾", "2015年工作回顾"), "web/garbled-november.txt")
    assert str(reviewing_2015.published) == "2015-11-03"


def test_a_document_sites_file_name_over_the_documents_own_title_line_is_chrome():
    name = "唐山市古冶区政府工作报告"
    text = (f"{name}.docx\n《{name}.docx》由会员分享,可在线阅读,更多相关《{name}.docx(14页珍藏版)》请在冰豆网上搜索。\n"
            f"{name}\n唐山市古冶区2009年政府工作报告\n各位代表:\n现在,我代表古冶区人民政府向大会作工作报告,请予审议。\n"
            "一、2008年工作回顾\n2008年是全面贯彻落实党的十七大精神的第一年。\n")
    report = parse_report(text, "web/file-name-over-title.txt")
    assert (report.title, report.year, report.county) == (name, 2009, "古冶区")
    assert {"text": f"{name}.docx", "reason": "web title row"} in report.dropped


def test_an_infobox_name_gives_way_to_the_reports_own_title_over_its_address():
    text = ("《2008年安徽省政府工作報告》是安徽省人民政府2008年1月25日發表的一份報告。\n基本介紹\n- 中文名:2008年安徽省政府工作報告\n"
            "- 省級單位:安徽省\n2008年政府工作報告\n各位代表:\n現在,我代表省人民政府,向大會作政府工作報告,請予審議。\n"
            "一、搶抓機遇,開拓奮進的五年\n省十屆人大一次會議以來的五年,全省各族人民在中共安徽省委的領導下奮力崛起。\n")
    report = parse_report(text, "web/infobox-name.txt")
    assert (report.title, report.year, report.province) == ("2008年政府工作報告", 2008, "安徽省")


def test_a_short_first_heading_with_a_colon_inside_opens_the_first_section():
    text = ("政 府 工 作 报 告\n—2008年12月29日在岳阳市云溪区第三届人民代表大会第二次会议上\n区人民政府区长 陈志莲\n各位代表:\n"
            "现在,我代表区人民政府,向大会作政府工作报告,请予审议。\n回眸:成效显著的开局之年\n"
            "即将过去的2008年是本届政府的开局之年,也是云溪发展进程中极不平凡的一年。\n")
    report = parse_report(text, "web/colon-heading.txt")
    assert [s.heading for s in report.sections][:1] == ["回眸:成效显著的开局之年"]
    assert (report.year, report.county) == (2009, "云溪区")


@pytest.mark.parametrize("first, second, heading", [
    ("攻坚克难 开拓奋进", "经济社会发展取得新成绩", "攻坚克难 开拓奋进 经济社会发展取得新成绩"),
    ("回首2012:", "我们齐心协力、砥砺前行,圆满完成各项目标任务", "回首2012: 我们齐心协力、砥砺前行,圆满完成各项目标任务"),
])
def test_a_first_heading_printed_over_two_short_lines_is_one_heading(first, second, heading):
    text = ("政 府 工 作 报 告\n——2009年1月11日在双流县第十六届人民代表大会第四次会议上\n双流县人民政府县长 森 林\n各位代表:\n"
            f"现在,我代表县人民政府向大会报告工作,请予审议,并请县政协委员提出意见。\n{first}\n{second}\n"
            "2008年,是我县发展史上极不寻常、很不平凡的一年。一年来,县人民政府在市委、市政府和县委的正确领导下紧紧团结依靠全县人民。\n"
            "一、全力保增长\n全年实现地区生产总值280亿元。\n")
    report = parse_report(text, "web/two-line-heading.txt")
    assert [s.heading for s in report.sections][:1] == [heading]
    # both printed lines stay searchable
    blocks = " ".join(text for _, _, text, _, _ in report.blocks())
    assert first in blocks and second in blocks


def test_a_copied_infobox_table_that_lost_its_first_bar_is_read_as_a_table():
    # a mirror's pinyin (發(fā)布) is dropped first; the row's values name the report and its issuer
    text = ("中文名 | 福田區(qū)政府工作報告(2020) | 發(fā)布單位 | 福田區(qū)人民政府 |\n---|\n"
            "(一)主動服務(wù)大局,重大平臺建設(shè)實現(xiàn)新突破。我們搶抓粵港澳大灣區(qū)建設(shè)重大戰(zhàn)略機遇,加快推進深港科技創(chuàng)新合作區(qū)建設(shè)。\n")
    report = parse_report(text, "web/unbarred-table.txt")
    assert (report.kind, report.title, report.year) == ("gongzuo", "福田區政府工作報告(2020)", 2020)
    assert (report.province, report.city, report.county) == ("广东省", "深圳市", "福田区")
    assert any(d["reason"] == "web metadata table" for d in report.dropped)


def test_a_county_renamed_a_district_is_read_under_its_former_name():
    # 大洼县 became 盘锦市's 大洼区 in 2016; the older table also lists a 大洼县 of 营口 (before 1984)
    text = ("2013年 大洼县政府工作报告\n——2013年12月24日在大洼县第十七届人民代表大会第二次会议上\n代县长 陈林松\n各位代表:\n"
            "现在,我代表县政府向大会报告工作,请予审议。\n一、2013年工作回顾\n一年来,在市委、市政府和县委的正确领导下,县政府团结带领全县人民完成了各项目标任务。\n")
    report = parse_report(text, "web/former-county.txt")
    assert (report.province, report.city, report.county, report.year) == ("辽宁省", "盘锦市", "大洼县", 2014)


@pytest.mark.parametrize("opening, place", [
    # a district that speaks for 区人民政府 and names its own committee; 南通 settles which 通州区
    ("各位代表:\n现在,我代表区人民政府向大会作工作报告,请予审议,并请各位政协委员和其他列席人员提出意见。\n"
     "2010年工作总结及“十一五”回顾\n过去的一年,在中共通州区委的正确领导下,我们紧紧依靠全区人民,南通家纺城销售额增长20%。\n",
     ("江苏省", "南通市", "通州区")),
    # no address: 全区 gives the level
    ("政府工作报告\n一、2013年工作回顾\n2013年是姑苏区政府成立后的起步之年。在中共姑苏区委的正确领导下,"
     "我们团结带领全区广大干部群众,推动各项建设取得了新的进展。\n",
     ("江苏省", "苏州市", "姑苏区")),
])
def test_a_government_is_placed_by_the_party_committee_of_its_own_level(opening, place):
    report = parse_report(opening, "web/own-committee.txt")
    assert (report.province, report.city, report.county) == place


def test_a_superiors_committee_does_not_place_a_district():
    text = ("各位代表:\n现在,我代表区人民政府向大会作工作报告,请予审议,并请各位政协委员和其他列席人员提出意见。\n"
            "2010年工作总结及“十一五”回顾\n过去的一年,在中共南通市委的正确领导下,我们紧紧依靠全区人民,完成了各项目标任务。\n")
    report = parse_report(text, "web/superior-committee.txt")
    assert (report.city, report.county) == (None, None)


def test_a_dated_delivery_in_a_flattened_head_wins_over_an_undated_reading_of_a_headline():
    head = "(广东省)2016年梅州市梅县区人民政府工作报告(全文) 政 府 工 作 报 告 2016年2月17日在梅县区第十四届人民代表大会第六次会议上 梅县区区长 钟光灵"
    text = (f"{head}\n{head} 各位代表: 我代表梅县区人民政府向大会作报告,请予审议。 十二五主要成就和2015年工作回顾 "
            "十二五时期,是我区发展变化最大的五年。\n")
    report = parse_report(text, "web/flattened-dated.txt")
    assert (str(report.published), report.meeting, report.speaker) == ("2016-02-17", "第十四届人民代表大会第六次会议", "钟光灵")


def test_a_delivery_run_into_the_notice_that_issues_the_report_is_read():
    text = ("2016年政府工作报告\n临海市人民政府 关于印发《政府工作报告》的通知\n"
            "各镇人民政府、街道办事处,市政府直属各单位: 蒋冰风市长在临海市第十五届人民代表大会第五次会议上代表市政府所作的《政府工作报告》已经大会审议通过,现印发给你们。\n"
            "临海市人民政府 2016年3月31日 (此件公开发布) 政 府 工 作 报 告 2016年3月27日在临海市 第十五届人民代表大会第五次会议上 临海市人民政府市长 蒋冰风\n"
            "各位代表: 现在,我代表临海市人民政府,向大会报告政府工作,请予审议。 一、2015年和“十二五”工作回顾 2015年,面对错综复杂的经济形势,市政府认真贯彻落实党的十八大精神。\n")
    report = parse_report(text, "web/notice-run-in.txt")
    assert (report.title, str(report.published), report.speaker) == ("2016年政府工作报告", "2016-03-27", "蒋冰风")
    assert report.county == "临海市"


def test_a_review_heading_after_a_lost_character_in_a_flattened_line_opens_the_first_section():
    text = ("2015年蕉岭县政府工作报告\n各位代表:现在,我代表县人民政府向大会作政府工作报告,请予审议。请政协委员参议,请其他列席人员提出意见。"
            " ?2014年工作回顾2014年是我县深化改革创新、积蓄发展后劲、促进振兴发展的重要一年。一年来,县政府紧紧抓住原中央苏区和"
            "省促进粤东西北地区振兴发展两大机遇,聚焦产业和项目建设,深化城乡各项改革,全县经济稳中有进,各项工作卓有成效。"
            "一、内生动力越来越强。初步统计,全县生产总值58.3亿元,增长11.3%;公共财政预算收入5.83亿元,增长28.7%。"
            "工业集聚区的聚集效应逐步增强,规划建设总面积10平方公里的工业集聚区,建成4.8平方公里,落户企业49家;"
            "累计完成固定资产投资44亿元,实现工业总产值27亿元,实现税收1.5亿元。\n")
    report = parse_report(text, "web/lost-character-heading.txt")
    assert [s.heading for s in report.sections][:1] == ["2014年工作回顾"]


def test_a_township_that_reports_on_its_governments_behalf_is_placed_by_that_government():
    text = ("政 府 工 作 报 告\n——2020年1月15日在第十一届人民代表大会第四次会议上\n各位代表、同志们:\n"
            "现在,我受朱仙庄镇人民政府委托,向大会报告政府工作,请予审议,并请列席同志提出意见。\n"
            "一、过去五年工作回顾\n五年来,全镇上下团结一心,各项事业取得新进展。\n")
    report = parse_report(text, "web/on-behalf.txt")
    assert (report.kind, report.town, report.year) == ("gongzuo", "朱仙庄镇", 2020)


def test_a_township_of_a_city_without_counties_is_placed_in_that_city_by_its_own_plan():
    text = ("——2014年2月27日在大涌镇第十五届人民代表大会第四次会议上\n各位代表:\n现在,我代表镇人民政府向大会报告工作,请予审议。\n"
            "2013年工作回顾\n过去一年,我们编制完成《中山市大涌镇产业转型升级发展规划纲要》,全镇经济平稳增长。\n")
    report = parse_report(text, "web/zhongshan-town.txt")
    assert (report.province, report.city, report.county, report.town) == ("广东省", "中山市", None, "大涌镇")


def test_a_collapsed_menus_items_over_their_expanders_are_chrome():
    text = ("法定主动公开内容\n+\n政府信息公开年报\n+\n大源镇第十七届人民代表大会第五次会议政府工作报告\n"
            "——2019年1月31日在大源镇第十七届人民代表大会第五次会议上\n大源镇人民政府镇长 吕君丹\n各位代表:\n"
            "现在,我代表大源镇人民政府向大会作政府工作报告,请予审议。\n2018年工作回顾\n2018年是改革开放40周年。\n")
    report = parse_report(text, "web/expanders.txt")
    assert (report.kind, report.title, report.year) == ("gongzuo", "大源镇第十七届人民代表大会第五次会议政府工作报告", 2019)
    assert {"text": "政府信息公开年报", "reason": "web navigation"} in report.dropped


@pytest.mark.parametrize("posted, published", [("2020-01-18", "2020-01-17"), ("2020-11-20", "2020-11-07")])
def test_a_garbled_bracketed_day_is_settled_by_the_day_the_page_was_posted(posted, published):
    text = (f"2020年溪龙乡政府工作报告\n发布日期:{posted} 11:52:44\n在溪龙乡第十七届人代会第次会议上\n孙传国\n(2020年117日)\n各位代表:\n"
            "现在,我代表溪龙乡人民政府向大会作政府工作报告,请予审议。\n一、2019年工作回顾\n2019年是中华人民共和国成立70周年。\n")
    report = parse_report(text, "web/garbled-bracketed.txt")
    assert str(report.published) == published


def test_an_unnumbered_heading_after_an_address_without_a_comma_after_now_is_the_top_level_one():
    text = ("——2025年8月7日在北陡镇第十七届人民代表大会第九次会议上\n北陡镇人民政府镇长 甄威权\n各位代表:\n"
            "根据大会安排,现在我代表北陡镇人民政府向大会作工作报告,请予审议。\n上半年工作回顾\n"
            "2025年以来,镇政府坚持以习近平新时代中国特色社会主义思想为指导,奋力推动镇域经济社会高质量发展。\n"
            "一、全力以赴拼经济稳增长,经济发展稳的态势承压奋进\n(一)经济运行总体平稳。\n")
    report = parse_report(text, "web/address-without-comma.txt")
    assert [s.heading for s in report.sections][:1] == ["上半年工作回顾"]


def test_a_flattened_report_titled_in_words_of_its_own_over_a_dashed_delivery():
    text = ("1坚持科学发展注重社会和谐着力建设更加富裕和谐美丽的西滨——2008年1月29日在第五届人民代表大会第二次会议上西滨镇副镇长庄金治"
            "各位代表:现在,我受镇人民政府的委托向大会作工作报告,请各位代表审议,并请各位列席同志提出意见。一、有为运作、持续发展的开局之年"
            "2007年是本届政府的届首之年。一年来在上级和镇党委的正确领导下,镇政府紧紧依靠全镇人民,取得了良好的开局。2007年全镇实现地区生产总值4.65亿元,"
            "完成年计划的105.6%,比增25.8%;实现工业总产值14.51亿元,完成年计划的109.92%,比增31.91%。财政总收入5110万元,比增46.7%。\n")
    report = parse_report(text, "web/slogan-title.txt")
    assert (report.kind, report.title) == ("gongzuo", "坚持科学发展注重社会和谐着力建设更加富裕和谐美丽的西滨")
    assert (str(report.published), report.town, report.year) == ("2008-01-29", "西滨镇", 2008)
    assert [s.heading for s in report.sections][:1] == ["一、有为运作、持续发展的开局之年"]


@pytest.mark.parametrize("headline_again", [True, False])
def test_a_breadcrumb_printed_a_crumb_a_line_is_chrome_and_its_last_crumb_is_no_title(headline_again):
    title = "山西省人民政府法制办公室关于2013年全省推进依法行政工作的情况报告"
    text = (f"首页\n>\n信息公开\n>\n计划总结 {title}\n" + (f"{title}\n" if headline_again else "")
            + "省人民政府:\n2013年,在省政府的正确领导下,全省各级政府和部门认真贯彻落实《全面推进依法行政实施纲要》。现将有关情况报告如下:\n"
            "一、加强组织领导,依法行政工作稳步推进\n各级政府把依法行政摆上重要位置。\n")
    report = parse_report(text, "web/crumb-lines.txt")
    assert (report.title, report.kind, report.year, report.province) == (title, "fazhi", 2013, "山西省")
    assert {"text": "信息公开", "reason": "web breadcrumb"} in report.dropped
    assert not any(p.text.strip() in (">", "信息公开") for p in report.front)


LABEL_LIST = ("金鸡乡2020年度政府工作报告\n- 索引号\n- 01525762-6-/2021-0415002\n- 发文机构\n- 隆阳区金鸡乡人民政府\n- 公开目录\n"
              "- 政府工作报告\n- 文 号\n- 浏览量\n- 日期\n- 2021-04-15\n金鸡乡政府工作报告\n一、2020年和“十三五”工作回顾\n"
              "2020年,在区委、区政府和乡党委的坚强领导下,全乡上下万众一心,经济社会发展稳中向好。\n")


@pytest.mark.parametrize("text", [LABEL_LIST, LABEL_LIST.replace("发文机构", "發文機構").replace("政府工作报告\n一", "政府工作報告\n一")
                                  .replace("金鸡乡政府", "金雞鄉政府")])
def test_a_metadata_table_printed_as_a_list_of_labels_and_values_is_chrome_and_gives_the_issuer(text):
    report = parse_report(text, "web/label-list.txt")
    assert report.issuers == ["隆阳区金鸡乡人民政府"]
    assert (report.county, report.town) == ("隆阳区", "金鸡乡")
    assert len(report.front) == 1 and to_simplified(report.front[0].text) == "金鸡乡政府工作报告"


def test_a_title_under_a_bulleted_label_list_is_no_value_of_it():
    title = "鲁山县人民政府关于2024年法治政府建设情况的报告"
    text = (f"• 文号\n• 索引号\n• lsx31/2025-00001\n• 关键词\n• 主题分类\n• 法治政府建设\n• 体裁分类\n• 服务对象\n{title}\n"
            "2024年,在市委、市政府和县委的坚强领导下,鲁山县人民政府坚持以习近平法治思想为指导,法治政府建设工作取得明显成效。\n"
            "一、2024年法治政府建设主要举措和成效\n(一)深化改革,持续优化营商环境。\n")
    report = parse_report(text, "web/title-under-list.txt")
    assert (report.title, report.county) == (title, "鲁山县")


def test_a_delivery_date_after_the_speaker_in_a_flattened_head_is_read():
    text = ("2017年大庙镇政府工作报告\n在大庙镇第十七届人民代表大会第一次会议上 镇长张荣耀 2017年1月19日 各位代表: "
            "现在,我代表大庙镇人民政府向大会报告工作,请予审议,请列席会议的同志提出意见。\n"
            "一、过去五年工作回顾 2012年以来,在县委、县政府的坚强领导下,大庙镇全面贯彻落实党的十八大精神。\n")
    report = parse_report(text, "web/date-after-speaker.txt")
    assert (str(report.published), report.speaker, report.meeting) == ("2017-01-19", "张荣耀", "第十七届人民代表大会第一次会议")
