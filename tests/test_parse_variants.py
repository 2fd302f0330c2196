"""Reports unlike the seeds: other provinces, levels (county, department, subdistrict),
layouts and years. Each fixture is written the way such reports are printed."""
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
