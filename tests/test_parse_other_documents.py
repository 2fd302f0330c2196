"""Documents that are no 法治政府建设 report and no 政府工作报告 (`kind: other`): plans, notices,
interpretations, resolutions, other bodies' reports to the congress. Each trap below is a page
shape met in sets JY-KB of benchmarks/data/web-reports: the parser must call it `other`, give
it its own name as its title and only the year and place it states as its own."""
from __future__ import annotations

import pytest

from baogao.index.reports import parse_report


def _fields(text: str) -> tuple:
    report = parse_report(text, "web/page.txt")
    return (report.kind, report.title, report.year, report.province, report.city, report.county,
            any(s.categories for s in report.sections))


@pytest.mark.parametrize("text, fields", [
    # a procuratorate's report delivered to the congress, untitled: its delivery line dates and places it
    ("——2026年1月27日在广东省第十四届人民代表大会第五次会议上\n广东省人民检察院检察长 冯 键\n各位代表：\n"
     "现在，我代表广东省人民检察院，向大会报告工作，请予审议。\n2025年主要工作\n2025年是“十四五”规划收官之年。\n"
     "一、坚持服务大局\n全省检察机关依法履职。\n",
     ("other", None, 2026, "广东省", None, None, False)),
    # a standing committee's report, delivered in December: the year of its delivery, no congress's next year
    ("——2023年12月25日在武汉市武昌区第十六届人民代表大会第三次会议上\n武昌区人大常委会主任 胡太荣\n各位代表：\n"
     "我受武昌区十六届人大常委会委托，向大会报告工作，请予审议。\n2023年主要工作\n区人大常委会依法履职。\n",
     ("other", None, 2023, "湖北省", "武汉市", "武昌区", False)),
    # a court's report opening at 各位代表, with no delivery line: no year, and no place from the body
    ("各位代表：\n我代表珠海市中级人民法院向大会报告工作，请予审议，并请列席人员提出宝贵意见。\n"
     "2015年，全市法院认真贯彻落实党的十八届三中、四中、五中全会精神，各项工作取得新的成效。\n一、立足审判职能，服务发展大局\n",
     ("other", None, None, None, None, None, False)),
])
def test_another_bodys_report_to_the_congress_is_no_government_work_report(text, fields):
    assert _fields(text) == fields


@pytest.mark.parametrize("text, fields", [
    # a plan of 法治政府建设: its name is its title, and its span's first year its year
    ("鄂州市法治政府建设规划(2016—2020年)\n为深入推进依法行政，加快建设法治政府，现结合我市实际，制定本规划。\n"
     "一、总体要求\n（一）指导思想\n",
     ("other", "鄂州市法治政府建设规划(2016—2020年)", 2016, "湖北省", "鄂州市", None, False)),
    # a site's headline naming an interpretation of a report, not the report (placed by no name it starts with)
    ("【政策解读】关于《清水县人民政府关于清水县2023年度法治政府建设工作总结的报告》的政策解读\n"
     "清水县人民政府 2024年01月08日\n按照省市法治政府建设工作要求，我县总结2023年全县法治政府建设工作。\n"
     "一、起草背景\n",
     ("other", "关于《清水县人民政府关于清水县2023年度法治政府建设工作总结的报告》的政策解读", 2023, None, None, None,
      False)),
    # an untitled notice issuing a work plan: the plan it issues is no report
    ("各乡镇人民政府、海城街道办，政府各部门：\n现将《海原县法治政府建设2023年工作要点》印发给你们，请认真贯彻落实。\n"
     "海原县人民政府办公室\n2023年3月9日\n一、深入学习贯彻习近平法治思想\n",
     ("other", None, None, None, None, None, False)),
    # a plan that says what it is for, untitled
    ("为深入贯彻落实《法治政府建设实施纲要(2021—2025年)》精神，全面建设法治政府，结合自治区实际，制定本方案。\n"
     "一、健全政府机构职能体系\n（一）推进政府机构职能优化协同高效\n",
     ("other", None, None, None, None, None, False)),
])
def test_plans_notices_and_interpretations_of_fazhi_are_no_reports(text, fields):
    assert _fields(text) == fields


def test_a_report_citing_a_notice_that_issued_a_plan_is_still_the_report():
    """The notice a report follows (《…关于印发…工作安排的通知》) is cited, not the page's own name."""
    text = ("2020年，省统计局认真贯彻落实《河南省法治政府建设领导小组关于印发河南省2020年度法治政府建设工作安排的通知》要求，"
            "全面推进依法行政，法治政府建设取得新成效。现将有关情况报告如下：\n"
            "一、2020年推进法治政府建设的主要举措和成效\n（一）加强组织领导\n")
    assert parse_report(text, "web/page.txt").kind == "fazhi"


def test_a_government_work_reports_subtitle_ending_in_its_plans_keeps_it_a_report():
    text = ("大塘埠镇2021年政府工作报告——2020年工作及“十三五”时期发展回顾和2021工作计划\n各位代表：\n"
            "现在，我代表镇人民政府向大会报告工作，请予审议。\n一、2020年工作及“十三五”时期发展回顾\n")
    assert parse_report(text, "web/page.txt").kind == "gongzuo"


def test_a_headline_calling_the_report_an_interpretation_over_the_governments_address_is_the_report():
    text = ("湖南省衡阳市两会政府工作报告精神解读(一)\n各位代表：\n"
            "现在，我代表市人民政府，向大会作政府工作报告，请予审查。\n一、过去五年工作回顾\n")
    assert parse_report(text, "web/page.txt").kind == "gongzuo"


def test_a_resolution_is_dated_and_placed_by_its_adoption_line():
    text = ("（2022年4月27日许昌市第七届人民代表大会第九次会议第二次大会通过）\n"
            "许昌市第七届人民代表大会第九次会议审查了市人民政府提出的《关于许昌市2021年财政预算执行情况和2022年财政预算草案的报告》。\n")
    assert _fields(text) == ("other", None, 2022, "河南省", "许昌市", None, False)


def test_an_untitled_document_gets_no_year_from_its_first_sentence():
    """The opening's years are often other years' (a budget resolution naming the year it reviews)."""
    text = ("株洲市第十六届人民代表大会第二次会议审查了市人民政府提出的《关于株洲市2022年财政预算执行情况及2023年市本级财政预算草案的报告》，"
            "同意市人大财政经济委员会的审查结果报告。\n会议决定，批准这个报告。\n")
    report = parse_report(text, "web/page.txt")
    assert (report.kind, report.year) == ("other", None)


def test_a_laws_name_is_its_title_and_a_bodys_name_over_a_text_is_none():
    law = parse_report("驻马店市山体保护条例\n2019年4月10日 驻马店市第四届人民代表大会常务委员会第十七次会议通过\n"
                       "第一章 总则\n第一条 为了保护山体，制定本条例。\n", "laws/x.txt")
    assert (law.kind, law.title, law.year, law.city) == ("other", "驻马店市山体保护条例", None, "驻马店市")
    assert law.display_title == "驻马店市山体保护条例"
    headed = parse_report("建德市人民政府\n2020年，建德市人民政府以习近平法治思想为指导，推进依法行政，办好群众关心的实事。\n", "web/x.txt")
    assert (headed.kind, headed.title) == ("other", None)


@pytest.mark.parametrize("text, fields", [
    # a notice on a 政府工作报告's tasks, its name broken after the report it is about
    ("盐城市人民政府办公室\n关于分解落实2019年市政府工作报告\n主要目标任务的通知\n各县（市、区）人民政府，市各委、办、局：\n"
     "2019年是新中国成立70周年，是决胜全面建成小康社会的关键之年。\n",
     ("other", "关于分解落实2019年市政府工作报告主要目标任务的通知", 2019, "江苏省", "盐城市", None, False)),
    # an untitled notice citing the report it breaks into tasks
    ("各镇（街道）人民政府（办事处），区政府各部门：\n为深入贯彻落实盘锦市大洼区第十八届人民代表大会第四次会议精神，"
     "全面完成好《政府工作报告》中确定的2021年各项工作任务，现将《<政府工作报告>任务分解表》印发给你们。\n",
     ("other", None, None, None, None, None, False)),
    # a town congress's resolution, its name broken before 决议
    ("东凤镇第十七届人民代表大会第六次会议\n关于《东凤镇人民政府工作报告》\n决议\n"
     "（2024年1月30日中山市东凤镇第十七届人民代表大会第六次会议通过）\n"
     "东凤镇第十七届人民代表大会第六次会议听取和审议了《东凤镇人民政府工作报告》。\n",
     ("other", "关于《东凤镇人民政府工作报告》决议", 2024, "广东省", "中山市", None, False)),
    # the same in traditional characters, with 的 before 決議
    ("金雞鎮第十七屆人民代表大會第二次會議\n關于《金雞鎮政府工作報告》\n的決議(草案)\n(2017年2月10日金雞鎮十七屆人大二次會議)\n"
     "金雞鎮第十七屆人民代表大會第二次會議聽取和審議了周健強同志代表金雞鎮人民政府所作的工作報告。\n",
     ("other", "關于《金雞鎮政府工作報告》的決議(草案)", 2017, None, None, None, False)),
    # an interpretation named before the report it reads
    ("解读《三台山德昂族乡2023年政府工作报告》\n近日，中共三台山乡委员会印发了《三台山德昂族乡2023年政府工作报告》，"
     "现将文件解读如下：\n一、出台背景\n",
     ("other", "解读《三台山德昂族乡2023年政府工作报告》", 2023, None, None, None, False)),
    # a 法治 report made to the standing committee is no 政府工作报告
    ("2021年4月30日在市七届人大常委会第四十九次会议上\n三亚市人民政府\n"
     "2020年，我市以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神，"
     "认真落实《法治政府建设实施纲要（2015—2020年）》，加快建设法治政府，取得积极成效。\n"
     "一、2020年法治政府建设情况\n（一）依法全面履行政府职责。\n",
     ("fazhi", None, 2020, "海南省", "三亚市", None, False)),
])
def test_papers_around_a_government_work_report_are_no_report(text, fields):
    assert _fields(text) == fields


@pytest.mark.parametrize("text, fields", [
    # a political consultative conference's report, placed after its number, dated by its session
    ("中国人民政治协商会议第七届磐安县委员会常务委员会工作报告\n——2011年2月23日在政协第七届磐安县委员会第五次会议上\n"
     "各位委员：\n我受政协第七届磐安县委员会常务委员会委托，向大会报告工作，请予审议。\n",
     ("other", "中国人民政治协商会议第七届磐安县委员会常务委员会工作报告", 2011, "浙江省", "金华市", "磐安县", False)),
    # a party committee's proposals: 二〇三五年 is the goal's year, not its own
    ("中共温州市鹿城区委关于制定鹿城区国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议\n"
     "中国共产党温州市鹿城区第十一届委员会第十三次全体会议，深入分析了国际国内形势。\n",
     ("other", "中共温州市鹿城区委关于制定鹿城区国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议", None,
      "浙江省", "温州市", "鹿城区", False)),
    # an announcement's number before its name is not its year
    ("2019年第43号(总第221号)郑州市关于2018年度市级预算执行和其他财政收支的审计工作报告\n"
     "根据审计法的规定，市审计局对2018年度市级预算执行和其他财政收支情况进行了审计。\n",
     ("other", "2019年第43号(总第221号)郑州市关于2018年度市级预算执行和其他财政收支的审计工作报告", 2018, None, None,
      None, False)),
])
def test_party_and_consultative_conference_documents_state_their_own_place_and_year(text, fields):
    assert _fields(text) == fields


def test_a_towns_own_summary_names_its_town_and_a_law_on_towns_in_general_none():
    summary = parse_report("东柳街道2023年工作总结和2024年工作思路\n2023年，东柳街道坚持以习近平新时代中国特色社会主义思想为指导，"
                           "各项工作取得新成效。\n一、2023年工作总结\n", "web/x.txt")
    assert (summary.kind, summary.title, summary.year, summary.town) == (
        "other", "东柳街道2023年工作总结和2024年工作思路", 2023, "东柳街道")
    law = parse_report("民族乡行政工作条例\n第一条 为了保障民族乡的行政工作，制定本条例。\n", "laws/x.txt")
    assert (law.title, law.town) == ("民族乡行政工作条例", None)


@pytest.mark.parametrize("text, title", [
    # a speech at a 法治政府建设 conference, its name run into its text
    ("市委副书记市长在全市法治政府建设工作会议上的讲话同志们：今天，我们召开全市法治政府建设工作会议，主要任务是深入贯彻习近平法治思想。\n"
     "一、坚持党的领导，推进法治政府建设\n", None),
    # the same as a document site's file name
    ("在全市法治政府建设暨强化行政执法监督工作会议上的讲话.pdf\n想预览更多内容，点击预览全文\n"
     "同志们：今天召开全市法治政府建设暨强化行政执法监督工作会议。\n一、提高站位，推进法治政府建设\n",
     "在全市法治政府建设暨强化行政执法监督工作会议上的讲话.pdf"),
    # a government's explanation of a draft resolution on 普法
    ("荆州市人民政府对《关于开展第八个五年法治宣传教育的决议(草案)》的说明\n日期：2022-04-08\n"
     "市人大常委会：\n现就《决议(草案)》作如下说明。\n", "荆州市人民政府对《关于开展第八个五年法治宣传教育的决议(草案)》的说明"),
])
def test_speeches_and_explanations_on_fazhi_are_no_reports(text, title):
    report = parse_report(text, "web/page.txt")
    assert (report.kind, report.title, any(s.categories for s in report.sections)) == ("other", title, False)


def test_a_phrase_ending_in_a_town_word_is_no_town():
    report = parse_report("镇党委书记在镇经济工作会议上的讲话\n同志们：今天，我们隆重召开全镇经济工作会。\n", "web/x.txt")
    assert (report.kind, report.town) == ("other", None)


@pytest.mark.parametrize("text, fields", [
    # a city's party congress report: its name over where it was delivered, dated under that;
    # the congress's name places it
    ("奋力谱写广州高质量发展新篇章\n——在中国共产党广州市第十二次代表大会上的报告\n（2021年12月28日）\n张硕辅\n同志们：\n"
     "现在，我代表中国共产党广州市第十一届委员会向大会作报告。\n一、过去五年的工作\n五年来，我们做了很多工作。\n",
     ("other", "奋力谱写广州高质量发展新篇章", 2021, "广东省", "广州市", None, False)),
    # a speech at a meeting: its date is its own, but a meeting of the whole city names no place
    ("坚定信心 奋发有为\n——在全市经济工作会议上的讲话\n（2023年12月20日）\n同志们：\n这次会议的主要任务是总结今年经济工作。\n"
     "一、今年经济工作回顾\n今年以来，全市经济回升向好。\n",
     ("other", "坚定信心 奋发有为", 2023, None, None, None, False)),
    # the subtitle alone is no name, and a date under nothing dates nothing
    ("——在全市经济工作会议上的讲话\n同志们：\n2019年，全市经济回升向好。\n",
     ("other", None, None, None, None, None, False)),
])
def test_a_name_over_where_it_was_delivered(text, fields):
    assert _fields(text) == fields


@pytest.mark.parametrize("text, fields", [
    # a report to the standing committee whose meeting the page broke over two lines is no 政府工作报告
    ("——2019年9月2日在汕尾市第七届人民代表\n大会常务委员会第二十八次会议上\n汕尾市财政局\n主任、各位副主任、秘书长、各位委员:\n"
     "受市人民政府委托,我向本次常委会会议报告汕尾市2018年市级决算草案,请予审议。\n一、2018年市级决算草案\n全市财政收入稳定。\n",
     ("other", None, 2019, "广东省", "汕尾市", None, False)),
    # … nor are a standing committee's rules, under a garbled revision line broken the same way
    ("阿坝藏族羌族自治州人民代表大会\n常务委员会机关公文处理办法\n2017822日阿坝藏族羌族自治州第十二届人民代表大会\n"
     "常务委员会第六次主任会议修订\n第一章\n第一条为实现州人大常委会机关公文处理工作的规范化,制定本办法。\n",
     ("other", "阿坝藏族羌族自治州人民代表大会常务委员会机关公文处理办法", None, "四川省", "阿坝藏族羌族自治州", None, False)),
    # a report to it in writing (…(书面)) is dated by its name and placed by its delivery line
    ("当前位置: 首页 >> 常委会工作 >> 监督工作 >> 内容\n关于2024年度国有资产管理情况的综合报告(书面)\n"
     "——2025年9月22日在上海市嘉定区第七届人民代表大会\n常务委员会第三十次会议上\n嘉定区财政局\n主任、各位副主任,各位委员:\n"
     "现将我区2024年度国有资产管理情况报告如下。\n一、国有资产总体情况\n",
     ("other", "关于2024年度国有资产管理情况的综合报告(书面)", 2024, "上海市", None, "嘉定区", False)),
])
def test_a_report_to_the_standing_committee_is_no_government_work_report(text, fields):
    assert _fields(text) == fields


@pytest.mark.parametrize("text, fields", [
    # the year its name starts with, then its place
    ("2019年交城县国民经济和社会发展统计公报\n2019年,交城县委、县政府团结带领全县人民,经济运行稳中向好。\n一、综 合\n"
     "初步核算,全年全县生产总值增长。\n",
     ("other", "2019年交城县国民经济和社会发展统计公报", 2019, "山西省", "吕梁市", "交城县", False)),
    # … after a forum's bracketed region tag
    ("[内蒙古]2021年杭锦后旗国民经济和社会发展统计公报\n2021年,全旗经济稳中有进。\n一、综合\n",
     ("other", "[内蒙古]2021年杭锦后旗国民经济和社会发展统计公报", 2021, "内蒙古自治区", "巴彦淖尔市", "杭锦后旗", False)),
    # a name the page broke before its kind (统计公报 alone names nothing)
    ("选择区域:>>\n2019年贵州省长顺县国民经济和社会发展\n统计公报\n长顺县统计局\n(2020年7月10日)\n"
     "2019年,全县上下坚持稳中求进工作总基调。\n",
     ("other", "2019年贵州省长顺县国民经济和社会发展统计公报", 2019, "贵州省", "黔南布依族苗族自治州", "长顺县", False)),
    # a department's final accounts, and their explanation
    ("索引号: 330803-032/2022-72338\n发布机构: 区农业农村局 发文日期: 2022-08-25\n衢州市衢江区农业农村局2021年度部门决算\n"
     "时间:2022-08-25 17:10 来源:区农业农村局\n一、概况\n",
     ("other", "衢州市衢江区农业农村局2021年度部门决算", 2021, "浙江省", "衢州市", "衢江区", False)),
    ("巫溪县2022年预算执行及2023年预算公开的说明\n一、2022年预算执行情况\n全县一般公共预算收入完成预算。\n",
     ("other", "巫溪县2022年预算执行及2023年预算公开的说明", 2022, "重庆市", None, "巫溪县", False)),
])
def test_a_documents_year_and_place_after_the_year_its_name_starts_with(text, fields):
    assert _fields(text) == fields


def test_a_towns_paper_named_after_its_year():
    report = parse_report("2018年建新镇政府信息公开工作年度报告\n作者:本站原创 | 来源:本站原创 | 时间:2019-01-18\n"
                          "建新镇根据《中华人民共和国政府信息公开条例》规定,特向社会公开2018年度建新镇政府信息公开年度报告。\n一、总体情况\n",
                          "web/page.txt")
    assert (report.kind, report.year, report.town) == ("other", 2018, "建新镇")
