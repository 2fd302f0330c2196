"""Which place a report is of: the reporting body's own names (title, issuers, signature,
document number, delivery line, the opening's subject, its own documents), completed upward
by the gazetteer. A place the body merely mentions is never the report's.
"""
from __future__ import annotations

import re

from .analysis import to_simplified
from .gongzuo import CJK_SPACES
from .places import COUNTY, CITY, PEOPLES, PROVINCE, Gazetteer, Place, gazetteer
from .report_model import Paragraph, Report

# (苏木: Inner Mongolia's township; an ethnic township may name two peoples: 浩口苗族仡佬族乡)
_TOWN = re.compile(rf"([\u4e00-\u9fff]{{2,6}}?(?:镇|乡|苏木|街道|街道办事处)|[\u4e00-\u9fff]{{2,4}}?(?:(?:{PEOPLES})族){{1,3}}乡)")
# A sub-district that calls itself X街 (石门街以…, 海滨街 2020 年…报告, 黄石街党工委、办事处), read only
# where the name acts, heads a title or names its own bodies: 步行街 and 商业街 are streets
_STREET_AS_CALLED = re.compile(r"([\u4e00-\u9fff]{2,3})街(?=以|坚持|在|深入|全面|严格|认真|始终|紧紧|紧密|法治|党工委|办事处"
                               r"|\s*(?:19|20)\d{2}|$)")
_NOT_TOWN_NAMES = re.compile(r"^(?:全|我|本|该|各|部门|乡|城[乡镇]|村|集|场|小[城集]?镇|重点|中心|建制|特色|每个|所有|辖区|相关|"
                             r"有关|其他|其它|部分|多个|[两三]个|[两三][镇乡]$|个|所在|全县|全区|全市|各乡|各个|结合)|.*[了的是把将对]")
_AUTONOMOUS_TOWN = re.compile(r"族乡$")
_YEAR_LEAD = r"(?:(?:19|20)\d{2}\s*年度?(?:以来)?\s*[，,]?\s*)?"  # 2024年， or 2022年以来 before an opening's subject
_URBAN_RURAL = re.compile(r"建设|规划|一体|统筹|发展|融合|居民|社区|环境")


_CITED = re.compile(r"《[^《》]*》")


def without_cited(text: str) -> str:
    """`text` without the names of the documents it cites, a notice that issues another
    (《黔江区人民政府办公室关于印发《…要点》的通知》) whole."""
    while True:
        shorter = _CITED.sub("", text)
        if shorter == text:
            return text
        text = shorter


def set_place(report: Report, text: str) -> bool:
    """Set the place levels from the place `text` names as its own (short names allowed);
    False when it names none, or only an ambiguous one."""
    gz = gazetteer()
    matches = gz.find(text, short=True) if text else []
    for level in (COUNTY, CITY, PROVINCE):
        candidates = {m.place for m in matches if m.place.level == level}
        if len(candidates) > 1:  # 吉林 (province or city): settle by the larger place named beside it
            others = [m.place for m in matches if m.place.level < level]
            candidates = {c for c in candidates if any(c.code.startswith(o.code[:2 * (o.level + 1)]) for o in others)}
        if len(candidates) == 1:
            return _assign_place(report, candidates.pop())
    return False


def _narrow_to_county(report: Report, body: str) -> None:
    """我代表区人民政府 with a city's name (黄山) only: the district of that name (黄山区)."""
    gz = gazetteer()
    stem = re.sub(r"(?:市|地区|盟)$", "", report.city)
    if body in "区县":
        body = stem + body
    matches = [p for p in gz.by_name.get(body, []) if p.level == COUNTY and gz.city_of(p)
               and gz.city_of(p).name == report.city]
    if len(matches) == 1:
        report.county = matches[0].name


def fill_gongzuo_places(report: Report, sources: list[tuple[str, str]], represented: list[str],
                        offices: list[str]) -> None:
    """Set the place of a 政府工作报告 from `sources`, its own names in order of authority
    ((source name, text): title, delivery line, congress cover, speaker line, issuers, the
    government it speaks for, file name), the governments it says it speaks for
    (`represented`: 我代表市人民政府 -> 市) and those its speaker lines name (`offices`); record
    which source gave it."""
    town = _find_town([to_simplified(text) for _, text in sources[:6]])
    for name, text in sources:
        if set_place(report, to_simplified(text).replace(town, "｜") if town else to_simplified(text)):  # (三河镇 is no 三河市)
            report.provenance["place"] = name
            break
    if "place" not in report.provenance and represented and represented[0] in _SCOPES:
        # 我代表市人民政府 … 过去一年，是德令哈经济社会发展极不平凡的一年
        review = " ".join(p.text for p in [*report.preamble, *(report.sections[0].paragraphs if report.sections else [])][:4])
        if _set_scoped_place(report, represented[0], review):
            report.provenance["place"] = "opening"
    committee = _own_party_committee(_opening_text(report)) if "place" not in report.provenance else []
    if committee and set_place(report, committee[0]):  # 在中共姑苏区委的正确领导下
        report.provenance["place"] = "opening"
    if "place" not in report.provenance:
        own = [(name, to_simplified(text), True) for name, text in sources] + [("opening", c, False) for c in committee]
        report.county, found_in = _ambiguous_county(own)
        if found_in:
            report.provenance["place"] = found_in
            _settle_by_body(report)
    # A township's report (在鹅湖镇第六届人民代表大会…): the gazetteer holds no townships
    report.town = town
    if report.town and "place" not in report.provenance:
        report.provenance["place"] = next(name for name, text in sources if report.town in to_simplified(text))
    if report.town and not (report.county or report.city or report.province):
        # a township's county from the committees it worked under (在昆山市委、市政府和镇党委的…领导下)
        county, _ = _pick(gazetteer(), [("superior body", t, False) for t in _superior_bodies(report)], COUNTY)
        if county and _assign_place(report, county):
            report.provenance["place"] = "superior body"
        elif _set_county_from_own_documents(report):
            report.provenance["place"] = "own documents"
    if report.city and not report.county and offices:
        # 在临沧市第五届人民代表大会…上 over 临沧市临翔区人民政府区长: the speaker's district, in that city
        gz = gazetteer()
        city = next((p for p in gz.by_name.get(report.city, []) if p.level == CITY), None)
        county, _ = _pick(gz, [("speaker line", to_simplified(" ".join(offices)), False)], COUNTY, within=city)
        report.county = county.name if county else None
    if report.city and not report.county and represented and represented[0][-1] in "区县":
        _narrow_to_county(report, represented[0])


def fill_places(report: Report) -> None:
    """Set province, city, county and town from the reporting body's own names (title,
    issuers, signature, number, opening sentence), completed by the gazetteer; record which."""
    gz = gazetteer()
    subjects = [_opening_subject(p.text) for p in report.preamble[:2]]
    announced_only = all(_ANNOUNCING_SENTENCE.match(to_simplified(p.text)) for p in report.preamble[:2])
    first_part = report.sections[0].paragraphs[0] if report.sections and report.sections[0].paragraphs else None
    if announced_only and first_part and not first_part.subsection:
        # (现将市人力资源和社会保障局…报告如下： over 一、… and 2019年以来，郑州市人力资源…: the
        # first part's opening names the body too; a subsection's text is about one task)
        subjects.append(_opening_subject(first_part.text))
    opening = " ".join(subjects)
    body_text = _body_text(report)
    cited = _superior_documents(body_text)
    # Sources in order of authority; short names (伊犁州) only in the title and issuers.
    own = [("title", CJK_SPACES.sub("", to_simplified(report.title or "")), True),
           *(("issuers", CJK_SPACES.sub("", to_simplified(t)), True) for t in report.issuers),  # (青 海 省 卫 生 健 康 委)
           *(("signature", to_simplified(p.text), False) for p in report.closing),
           ("doc number", to_simplified(report.doc_number or ""), False),
           *(("delivery line", text, False) for text in _committee_head(report)),
           ("body", without_cited(to_simplified(opening)), False),  # a cited name is no own name
           ("body", _acting_name(subjects[0] if subjects else ""), True),  # 2021年，广东坚持…: a short name acting
           *(("body", text, False) for text in _self_mentions(report, cited)),
           *(("superior document", t, False) for t in cited),
           *(("superior body", t, False) for t in _superior_bodies(report))]
    town = _find_town([text for source, text, _ in own if source not in _SUPERIOR])
    if town:  # 沅江路街道 names no 沅江市: a township's name is read as nothing else
        own = [(source, text.replace(town, "｜"), short) for source, text, short in own]

    # A superior document is a superior government's: it may name the county of a township
    # that names itself but not its county (明通镇 follows 《城口县人民政府办公室…》), never
    # a level below the one a report names as its own (上海市's report cites 《关于浦东新区…》),
    # nor the place of a body that names none (我县, 我局: the county or city it cites may
    # not be its own).
    names = [source for source in own if source[0] not in _SUPERIOR]
    named = any(_pick(gz, names, level)[0] for level in (COUNTY, CITY, PROVINCE))
    ambiguous = {m.place.name for _, text, short in names for m in gz.find(text, short=short)}
    if named or not (ambiguous or town):
        own = names
    county, found_in = _pick(gz, own, COUNTY)
    city, city_in = _pick(gz, own, CITY, within=county)
    province, province_in = _pick(gz, own, PROVINCE, within=county or city)
    if not county and (city or province):
        # An ambiguous district (宝山区: in 上海市 and in 双鸭山市) is settled by the
        # province or city the report's other own names give.
        county, found_in = _pick(gz, own, COUNTY, within=city or province)
    if not county and {city_in, province_in} & set(_SUPERIOR) and not (city and gz.holds_towns_directly(city)):
        # A township's cited documents give its county or nothing: 《武汉市…条例》 is followed
        # by every township of 武汉市's thirteen districts (but by 中山市's towns alone: it has
        # no counties).
        city = province = None
    settled = county or city or province
    if ambiguous and not named and settled and settled.name not in ambiguous:
        # Cited documents only settle which of two places the report's own name (河东区:
        # 天津市's or 临沂市's) is; one naming a third place says nothing of the report.
        county = city = province = found_in = None
    if county:
        city = gz.city_of(county)
        province = gz.province_of(county)
    elif city:
        province = gz.province_of(city)
        city = gz.city_of(city)
        found_in = city_in
    else:
        found_in = province_in
    if province and gz.is_municipality(province):
        city = None
    report.province = province.name if province else None
    report.city = city.name if city else None
    report.county = county.name if county else None
    report.town = town
    if town and not found_in:
        found_in = next((source for source, text, _ in own if "｜" in text), "body")
    if not found_in:
        scope = _OPENING_SCOPE.match(to_simplified(opening).strip())
        paragraph = _first_paragraph(report)
        if scope and paragraph and _set_scoped_place(report, scope.group(1) or scope.group(2), paragraph.text):
            found_in = "opening"
    if not found_in and not report.town and _set_place_from_own_committee(report):
        found_in = "opening"
    if not found_in and not report.town and _set_place_from_own_documents(report, cited, subjects[0] if subjects else ""):
        found_in = "own documents"
    named_by = [report.title or "", *report.issuers, *subjects]  # (where a zone names itself)
    if not found_in and not report.town and _set_place_from_zone_name(report, named_by):
        found_in = "zone name"
    if not found_in and not report.town and _set_zone_from_own_documents(report, cited, subjects[0] if subjects else ""):
        found_in = "own documents"
    if not found_in and not report.town and _set_zone_from_superiors(report, cited, named_by):
        found_in = "superior document"
    if not found_in and not report.town:
        report.county, found_in = _ambiguous_county(names)
        if report.county:
            _settle_by_body(report)
    elif report.town and not (report.county or report.city or report.province):
        # 南山区西丽街道 (深圳市's or 鹤岗市's 南山区): the town's own county, settled as a county alone
        county, source = _ambiguous_county(names)
        if county and any(text.find(county + "｜") >= 0 for name, text, _ in names if name == source):
            report.county = county
            _settle_by_body(report)
    if found_in:
        report.provenance["place"] = found_in


# A development zone named after the place that holds it, acting as the reporting body: the
# title or issuer it heads (新荣经济技术开发区2024年…报告) or the opening's subject (2023年，涪陵
# 高新区管委会坚持…)
_ZONE_KINDS = "经济技术开发区|经济开发区|高新技术产业开发区|高新区|经开区|工业园区|综合保税区|综保区"
_ZONE_NAME = re.compile(rf"^{_YEAR_LEAD}(?:关于)?([\u4e00-\u9fff]{{2,4}}?)(?:国家级)?(?:{_ZONE_KINDS})")


def _set_place_from_zone_name(report: Report, texts: list[str]) -> bool:
    """Set the place of a zone's report from the place its name starts with (新荣 -> 新荣区):
    a zone is no division, so it is placed in that place's city, or at the district where a
    municipality has no city level (宁河经济开发区 -> 天津市宁河区); False when none is named."""
    gz = gazetteer()
    for clause in _leading_clauses(texts):
        zone = _ZONE_NAME.match(clause)
        if not zone:
            continue
        stem = zone.group(1)
        places = {p for name in (stem, stem + "区", stem + "县", stem + "市") for p in gz.by_name.get(name, [])}
        places |= {m.place for m in gz.find(stem, short=True) if m.end - m.start == len(stem)}
        if len(places) > 1:  # (宁河经济开发区: 宁河区, not the 宁河县 it was until 2015)
            places = {p for p in places if not gz.is_former(p)}
        if len(places) != 1:
            continue
        place = places.pop()
        if place.level == COUNTY and not gz.is_municipality(place):
            place = gz.city_of(place) or place
        return _assign_place(report, place)
    return False


def _leading_clauses(texts: list[str]):
    """The first two clauses of each text (title, issuer, opening subject), simplified and
    unspaced: where a zone names itself as the reporting body."""
    for text in texts:
        for clause in re.split(r"[，,]", to_simplified(text))[:2]:
            yield CJK_SPACES.sub("", clause).strip()


# A zone that calls itself by its kind alone (2022年，园区坚持…; 新区坚持…)
_ZONE_KIND = re.compile(rf"^{_YEAR_LEAD}(园区|新区|开发区|经开区|高新区)")


def _set_zone_from_own_documents(report: Report, cited: list[str], subject: str) -> bool:
    """Set the place of a zone that calls itself by its kind alone (园区) from the one zone of
    that kind its documents name (《苏州工业园区法治政府建设实施方案》); False otherwise."""
    kind = _ZONE_KIND.match(_acting_clause(subject))
    if not kind:
        return False
    gz = gazetteer()
    places = {m.place for title in cited for m in gz.find(title) if title[m.start:m.end].endswith(kind.group(1))}
    return len(places) == 1 and _assign_place(report, places.pop())


# A zone whose name is no place's, acting as the reporting body (柳东新区2022年…报告, 2023年，
# 临空经济区管委会坚持…)
_ANY_ZONE_NAME = re.compile(rf"^{_YEAR_LEAD}(?:关于)?[\u4e00-\u9fff]{{2,6}}?(?:新区|{_ZONE_KINDS})(?:管委会|管理委员会)?"
                            r"(?:(?:19|20)\d{2}|关于|坚持|始终|深入|全面|认真|$)")


def _set_zone_from_superiors(report: Report, cited: list[str], texts: list[str]) -> bool:
    """Set the place of a zone that no gazetteer place names from the one city whose
    documents it follows (《中共柳州市委员会关于印发…的通知》) or which it reports to: a zone is
    placed in its city (see _set_place_from_zone_name); False otherwise."""
    if not any(_ANY_ZONE_NAME.match(clause) for clause in _leading_clauses(texts)):
        return False
    gz = gazetteer()
    superiors = [to_simplified(report.addressee or ""), *cited]
    cities = {m.place for text in superiors for m in gz.find(text) if m.place.level == CITY}
    return len(cities) == 1 and _assign_place(report, cities.pop())


# A report delivered to a standing committee of a people's congress, as governments report on the
# rule of law (——2019年3月26日在省十三届人大常委会第九次会议上), and its speaker below the line
# (甘肃省人民政府副秘书长唐志峰, 甘肃省政府法制办主任、…办公室主任马占元): the committee is of
# the body's own place
_COMMITTEE_DELIVERY = re.compile(r"在([\u4e00-\u9fff]{0,16}?)第?[一二三四五六七八九十\d]{1,3}届人大常委会"
                                 r"第[一二三四五六七八九十\d]{1,3}次(?:全体)?会议上")
_COMMITTEE_SPEAKER = re.compile(r"^([\u4e00-\u9fff]{2,16}?政府)[\u4e00-\u9fff、，,]{0,40}?(?:长|主任)\s*[\u4e00-\u9fff·]{2,4}$")


def _committee_head(report: Report) -> list[str]:
    """The place names of a standing committee's delivery line (慈溪市) and of the speaker line
    below it (甘肃省人民政府), or [] when the report was delivered to no standing committee."""
    lines = [to_simplified(p.text).strip() for p in report.front]
    for i, line in enumerate(lines):
        delivery = _COMMITTEE_DELIVERY.search(line)
        if delivery:
            speakers = [m.group(1) for m in map(_COMMITTEE_SPEAKER.match, lines[i + 1:i + 3]) if m]
            return [delivery.group(1), *speakers]
    return []


# The subject clause up to its verb (2021年，广东坚持以…; 烟台人力资源和社会保障局坚持…; the joint
# 巴州党委、政府坚持…)
_ACTING_NAME = re.compile(rf"^{_YEAR_LEAD}([\u4e00-\u9fff][\u4e00-\u9fff、]{{1,15}}?)(?=坚持|始终|紧紧|深入|全面|持续|扎实|认真|以习近平)")


def _acting_clause(subject: str) -> str:
    """The clause of an opening's subject (see _opening_subject) that acts: its last
    (在省委…领导下，| 烟台人力资源和社会保障局坚持…)."""
    return re.split(r"[，,]", subject.strip("，, "))[-1].strip()


def _acting_name(subject: str) -> str:
    """The opening's subject clause up to its verb when it starts with a place's short name
    (广东, 烟台人力资源和社会保障局), cut before a place named further on (湖北堵河源…管理局),
    or "" (a township's own name is read apart: 南京东路街道)."""
    match = _ACTING_NAME.match(_acting_clause(subject)) or _ACTING_NAME.match(subject.strip())
    if not match:
        return ""
    name = match.group(1)
    end = 0
    for found in sorted(gazetteer().find(name, short=True), key=lambda m: m.start):
        if found.start > end:  # 湖北堵河源…管理局 is 湖北's, whatever 河源 is
            return name[:found.start] if end else ""
        end = max(end, found.end)
    return name if end else ""


# The verbs after which an opening names whose directions the body carries out
_CARRIES_OUT = re.compile(r"贯彻|落实|执行|按照|根据|依照")


def _opening_subject(text: str) -> str:
    """The clause of the opening sentence that names who acts, with the clause before it
    (2021年，在区委、区政府坚强领导下，虹桥街道深入学习…: 虹桥街道…; a purpose may run over
    several clauses, 为深入贯彻…，全面推进依法行政，桃源县民政局…): a place named later in
    the sentence (成功入选上海市第一批…) is something the body did, not the body. A first
    sentence that only says what the year was (2024年是…之年，也是西兴街道…之年。) is passed over.
    Read in simplified characters (2022年以來 is 2022年以来)."""
    text = to_simplified(text)
    framing = _framing_end(text)
    if framing and text[framing:].strip():
        text = text[framing:]
    clauses = re.split(r"(?<=[，,])", text[:160])
    for i, clause in enumerate(clauses):
        bare = clause.strip("，, ")
        dated = _YEAR_ONLY.match(bare)  # 2022年在县委、县政府的坚强领导下: a circumstance too
        # (…在市委、市政府的坚强领导下，省农业农村厅的正确指导下，: the second 在 left out)
        circumstance = bare[dated.end() if dated else 0:].startswith(_CIRCUMSTANCE) or (
            "在" not in bare and _UNDER_GUIDANCE.search(bare)) or (
            i > 0 and clauses[i - 1].lstrip().startswith("为") and bare.startswith(_PURPOSE_GOES_ON))
        if bare and not _YEAR_ONLY.fullmatch(bare) and not circumstance:
            # (…博美镇人民政府深入贯彻落实…省、汕尾市文件要求: the places it carries out the
            # directions of come after the verb)
            carried_out = _CARRIES_OUT.search(clause)
            if carried_out and carried_out.start() > 0:
                clause = clause[:carried_out.start()]
            return clause[:80] if i == 0 else clauses[i - 1] + clause
    return text[:80]


_YEAR_FRAMING = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年(?:度)?|今年)[^。，,]{0,8}[，,]?\s*是")
# … and what it says of the year's work: 做好法治政府建设工作意义十分重大。
_SIGNIFICANCE = re.compile(r"意义(?:十分|特别|尤为|非常|更加|极其)?重大$")
_CLAUSE = re.compile(r"[^，,。]*[，,。]?")


def _framing_end(text: str) -> int:
    """Where the clauses that only say what the year was end (2025年是…收官之年，| 五华区审计局在…;
    2021年时间节点特殊，是…周年，是…开局之年，也是…启动年。|; 今年是…第一年，做好法治政府建设
    工作意义十分重大。|), or 0."""
    if not _YEAR_FRAMING.match(text):
        return 0
    end = 0
    for i, clause in enumerate(m.group(0) for m in _CLAUSE.finditer(text)):
        bare = clause.rstrip("，,。").strip()
        lead = i == 0 and "是" not in bare  # 2021年时间节点特殊
        if not bare or not (lead or "是" in bare and bare.endswith("年") or _SIGNIFICANCE.search(bare)):
            break
        end += len(clause)
        if clause.endswith("。"):
            break
    return end
_YEAR_ONLY = re.compile(r"(?:(?:19|20)\d{2}\s*年(?:度|以来|至今)?|过去的一年|一年来|今年以来|近年来|这一年)")
_CIRCUMSTANCE = ("在", "根据", "依据", "按照", "为", "围绕", "以及")
# A purpose's next verb (为深入贯彻落实习近平法治思想，全面推进依法行政，桃源县民政局…)
_PURPOSE_GOES_ON = ("全面", "深入", "进一步", "持续", "加快", "不断", "切实", "扎实", "大力", "着力", "推动", "推进", "加强",
                    "坚持", "落实", "贯彻", "提升", "促进", "助力", "服务")
_UNDER_GUIDANCE = re.compile(r"的?(?:坚强|正确|有力|精心)?(?:领导|指导|监督|支持)下$")  # …省农业农村厅的正确指导下，

# The level a body names itself by without its name: 全市各区、各部门…, 我县…, 县政府…, 我区坚持…
_OPENING_SCOPE = re.compile(r"^(?:(?:19|20)\d{2}年度?[，,]?)?(?:[^，,]{0,30}[，,])?\s*(?:(?:全|我|本)?(省|市|县|区|州|旗|盟)"
                            r"(?:人民政府|政府|各级|各区|各部门|上下|法治|司法|$|[^\u4e00-\u9fff])"
                            r"|[我本](省|市|县|区|州|旗|盟)(?=坚持|始终|紧紧|深入|全面|持续|扎实|认真|以习近平))")
# Which gazetteer places each level word may name (全市: 上海市, 长沙市 or 德令哈市)
_SCOPES = {"省": lambda p: p.level == PROVINCE and p.name.endswith("省"),
           "市": lambda p: p.name.endswith("市"),
           "州": lambda p: p.level == CITY and p.name.endswith("州"),
           "盟": lambda p: p.level == CITY and p.name.endswith("盟"),
           "县": lambda p: p.level == COUNTY and p.name.endswith("县"),
           "旗": lambda p: p.level == COUNTY and p.name.endswith("旗"),
           "区": lambda p: p.name.endswith("区")}


# The committees a body says it worked under, then the level it calls itself by: 在宜春市委、
# 市政府和丰城市委的领导下，我市…
_COMMITTEES_THEN_SELF = re.compile(r"在([^。；;]{4,40}?)的?(?:坚强|正确|有力)?领导下[，,]\s*(?:我|全)(市|县|区|旗)")


def _set_place_from_own_committee(report: Report) -> bool:
    """Set the place when the opening names two or more committees of places it worked under
    and then calls itself by its level (在宜春市委、市政府和丰城市委的领导下，我市): the last one,
    of that level, is the body's own (its superiors come first)."""
    paragraph = _first_paragraph(report)
    match = _COMMITTEES_THEN_SELF.search(to_simplified(paragraph.text[:400])) if paragraph else None
    if not match:
        return False
    # (a committee's name starts after the words before it: 市政府和丰城市委 is 丰城市's)
    committees = list(dict.fromkeys(re.sub(r".*(?:和|及|政府)", "", m.group(1))
                                    for m in _LEADING_COMMITTEE.finditer(match.group(1) + "的") if m.group(1)))
    if len(committees) < 2 or not committees[-1].endswith(match.group(2)):
        return False
    gz = gazetteer()
    own = [p for p in gz.by_name.get(committees[-1], []) if p.level in (CITY, COUNTY)]
    return len(own) == 1 and set_place(report, own[0].name)


def _set_scoped_place(report: Report, scope: str, text: str) -> bool:
    """Set the place from `text` when the body calls itself by its level only (全省, 我代表市
    人民政府) and `text` names exactly one place of that level (考察青海重要讲话, 是海西经济
    社会发展…的一年); the names of cited documents (《…》) do not count."""
    gz = gazetteer()
    text = without_cited(to_simplified(text))
    # (a two-character county or city, 和县, is too often two words: 领导和县人大)
    places = {m.place for m in gz.find(text, short=True)
              if _SCOPES[scope](m.place) and (m.end - m.start > 2 or text[m.end - 1] not in "县区市")}
    if not places and scope in "县区旗":
        # A county's name without its 县 (新兴 is also a word) only in the phrases that name
        # the body itself: 以建设法治高台…为目标, 是桦川振兴发展进程中…的一年
        stems = {m.group(1) or m.group(2) for m in _STEM_PHRASE.finditer(text)}
        places = {p for stem in stems for p in gz.by_name.get(stem + scope, []) if p.level == COUNTY}
    return len(places) == 1 and set_place(report, places.pop().name)


_STEM_PHRASE = re.compile(r"法治([\u4e00-\u9fff]{2,3}?)(?:建设|、|[，,])|是([\u4e00-\u9fff]{2,3}?)(?:经济社会|经济|振兴|改革|高质量)发展")


def _pick(gz: Gazetteer, texts: list[tuple[str, str, bool]], level: int,
          within: Place | None = None) -> tuple[Place | None, str | None]:
    """(the first place of `level` named in `texts` (and related to `within`), the name of
    the text it was in); an ambiguous name is resolved by `within` or by the other places
    named beside it, and dropped when they do not settle it. `texts` are (source name,
    text, whether short names count)."""
    for source, text, short in texts:
        matches = gz.find(text, short=short)
        for m in matches:
            if m.place.level != level or not _related(m.place, within):
                continue
            candidates = list({c.place: None for c in matches
                               if c.place.name == m.place.name and _related(c.place, within)})
            if len(candidates) == 1:
                return m.place, source
            context = [c.place for c in matches if c.place.name != m.place.name]
            settled = [c for c in candidates
                       if any(c.code.startswith(o.code[:2 * (o.level + 1)]) for o in context)]
            if len(settled) == 1:
                return settled[0], source
    return None, None


def _ambiguous_county(texts: list[tuple[str, str, bool]]) -> tuple[str | None, str | None]:
    """(the county-level name, the source it is in) when the first of `texts` to name a
    county names one that several places share and nothing settles (朝阳区: 北京市's or
    长春市's): the county is certain, the levels above it are not."""
    gz = gazetteer()
    for source, text, short in texts:
        shared = {m.place.name for m in gz.find(text, short=short)
                  if len(gz.by_name.get(m.place.name, [])) > 1 and all(p.level == COUNTY for p in gz.by_name[m.place.name])}
        if shared:
            return (shared.pop(), source) if len(shared) == 1 else (None, None)
    return None, None


# A body that names itself by its level only: 我县, 我区, 本市, or a bureau of it (2022年，县司法局…)
_SELF_BY_LEVEL = re.compile(r"(?:我|本)(县|区|旗|市)(?![委级直属内域])|^(?:(?:19|20)\d{2}年度?[，,]?\s*)?(县|区|旗)[\u4e00-\u9fff]{1,8}?局")
# A bureau that says only 我局, the level it works under (在区委、区政府的坚强领导下), and its own
# documents, named with its place (《龙岩市永定区卫生健康局…方案》)
_SELF_BUREAU = re.compile(r"(?:我|本)局")
_LEVEL_LEADERSHIP = re.compile(r"在(县|区|旗|市)委[、，,和]?(?:县|区|旗|市)?(?:人民)?政府")
_BUREAU_DOCUMENT = re.compile(r"^(?:(?:19|20)\d{2}年度?)?(?:中共)?(?P<issuer>[\u4e00-\u9fff]{2,14}?(?:局|委员会))"
                              r"(?=党组|关于|[\u4e00-\u9fff]{0,24}(?:规程|方案|办法|制度|计划|规定|报告|清单|要点|细则|规则))")
# A body named by its level and its trade, acting in the opening (市应急局坚持…, 区政务服务数据管理局, 区政府办)
_LEVEL_BUREAU = re.compile(rf"^{_YEAR_LEAD}(?P<level>市|县|区|旗)(?:[\u4e00-\u9fff]{{1,14}}?(?:局|委员会|办公室|委)|政府办)")
# A government named by its level alone, acting in the opening (在市委的坚强领导下，市政府坚定以…)
_LEVEL_GOVERNMENT = re.compile(rf"^{_YEAR_LEAD}(?P<level>市|县|区|旗)(?:人民)?政府(?!办|工作部门|各部门|常务)")
# The government a bureau's report is addressed to, its own (杭州市人民政府：, 中共X县委、X县人民政府：)
_ADDRESSED_GOVERNMENT = re.compile(r"(?:中共[\u4e00-\u9fff]{2,12}?委员?会?[、，,])?([\u4e00-\u9fff]{2,12}?)(?:人民)?政府[：:]")
# A department of a province: 我厅, 省统计局, 省交通运输厅, 司法厅 (a 厅 is a province's alone, but
# for the 办公厅 of a municipality's government)
_PROVINCIAL_BODY = re.compile(rf"(?:我|本)厅|^{_YEAR_LEAD}(?:(?:我|本)?省[\u4e00-\u9fff]{{1,14}}?(?:局|厅|委员会)"
                              rf"|[\u4e00-\u9fff]{{1,12}}?(?<!办公)厅)")


def _set_place_from_own_documents(report: Report, cited: list[str], subject: str) -> bool:
    """Set the place of a body that does not name its own place from the documents it cites:
    a bureau (我局, 市应急局) from its own documents, named with its place (《宁国市应急管理局
    …制度》); a provincial department (我厅, 省统计局) from the one province they name; a
    body that calls itself only 我县, 我区, 县司法局 or 市政府 from the one place of that level among
    them (《蒸湘区2021年依法治区工作要点》); for 我市 (or 我局 under 市委), the lowest of the 市
    named, when they lie one in the other: a county-level city cites its prefecture's documents
    as well, so a prefecture alone gives the city and no county. Places that lie apart, or
    none, give nothing. `subject` is the opening's subject (see _opening_subject)."""
    first = (report.preamble[0].text if report.preamble else
             report.sections[0].paragraphs[0].text if report.sections and report.sections[0].paragraphs else "")
    opening = to_simplified(" ".join(p.text[:200] for p in report.preamble[:2]) or first[:200])
    subject = _acting_clause(subject)  # (在市委…领导下，| 市应急局坚持…)
    # (or a title that names the body so, 区卫生健康委2020年度法治政府建设工作报告, or the sentence
    # that announces the report, 为贯彻落实《…》文件要求。现将市信访局2023年度…报告如下)
    announced = ANNOUNCED.search(to_simplified(report.preamble[0].text)) if report.preamble else None
    self_named = (_LEVEL_BUREAU.match(CJK_SPACES.sub("", to_simplified(report.title or "")))
                  or (_LEVEL_BUREAU.match(announced.group(1)) if announced else None))
    gz = gazetteer()
    bureau = _SELF_BUREAU.search(opening) or _LEVEL_BUREAU.match(subject) or self_named
    if bureau:  # 我局 citing its own documents: 《江门市交通运输局制定规范性文件工作规程》
        # (现将我局…报告如下 above 县人力社保局坚持…: the level the bureau names itself by)
        level = next((m.group("level") for m in (_LEVEL_BUREAU.match(subject), self_named) if m), None)
        addressed = _ADDRESSED_GOVERNMENT.fullmatch(CJK_SPACES.sub("", to_simplified(report.addressee or "")))
        place = addressed and _lowest_place(gz, addressed.group(1))
        if place and (not level or _SCOPES[level](place)):  # 我局 reporting to 杭州市人民政府：
            return _assign_place(report, place)
        # (a 市's bureau may be a county-level city's, which also follows its prefecture
        # bureau's notices, 《宣城市应急管理局关于…的通知》: only its own rules count)
        issuers = {m.group("issuer") for m in map(_BUREAU_DOCUMENT.match, cited)
                   if m and not (level == "市" and m.string[m.end():].startswith("关于"))}
        places = {_lowest_place(gz, issuer) for issuer in issuers} - {None}
        places = {p for p in places if not level or _SCOPES[level](p)}  # 市应急局: a 市's bureau
        if places:
            return len(places) == 1 and _assign_place(report, places.pop())
    if _PROVINCIAL_BODY.search(subject):  # 我厅 following 《四川省人民政府2019年度…安排》 (or its own 《广西…办法》)
        places = {m.place for title in cited for m in gz.find(title, short=True) if m.place.level == PROVINCE}
        return len(places) == 1 and _assign_place(report, places.pop())
    own = (_SELF_BY_LEVEL.search(opening) or (_SELF_BUREAU.search(opening) and _LEVEL_LEADERSHIP.search(opening))
           or _LEVEL_BUREAU.match(subject) or _LEVEL_GOVERNMENT.match(subject) or self_named)
    if not own and bureau:
        # 我局 that names no level of its own: the lowest of the places its documents name,
        # when they lie one in the other (《中共重庆市武隆区委…》, 《2022年武隆区…工作要点》: 武隆区)
        lowest = _lowest_of_chain({m.place for title in cited for m in gz.find(title)})
        return bool(lowest) and _assign_place(report, lowest)
    if not own:
        return False
    level = next(group for group in own.groups() if group)
    wanted = (lambda p: p.name.endswith("市")) if level == "市" else (lambda p: p.level == COUNTY and p.name.endswith(level))
    places = {m.place for title in cited for m in gz.find(title) if wanted(m.place)}
    if not places and level == "区":  # 我区 is an autonomous region's too (《内蒙古自治区贯彻…方案》)
        places = {m.place for title in cited for m in gz.find(title)
                  if m.place.level == PROVINCE and m.place.name.endswith("自治区")}
    if level == "市":
        # A county-level city cites its prefecture's documents as well: places that lie one in
        # the other give the lowest (《华蓥市…通知》 and 《广安市…方案》: 华蓥市), and a prefecture
        # alone gives the city without the county, never another one's
        lowest = _lowest_of_chain(places)
        return bool(lowest) and _assign_place(report, lowest)
    return len(places) == 1 and _assign_place(report, places.pop())


# What follows a government's place in its site's 来源 row (泰宁县政府网, 永泰县)
_GOVERNMENT_SITE = re.compile(r"(?:人民政府|政府)?(?:门户网站|网站|网|办公室|办)?")
_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,16}(?:局|委员会|办公室)")
# The level a government speaks as (我代表县人民政府, 我县, 全县); 在市委、市政府领导下 is its superior
_SPOKEN_GOVERNMENT = re.compile(r"我代表(县|区|市|旗)(?:人民)?政府|(?:我|本|全)(县|区|市|旗)(?![委级直属内域])")


def set_place_from_publisher(report: Report, source: str) -> bool:
    """Place a report that names no place of its own by the body its page's 来源 row names,
    when the report speaks as that body: a government that says only 县人民政府 on its own
    site (来源：泰宁县政府网), or a department that says only 我局 or its name without its place
    (2023年度退役军人事务局…报告, 来源：洪江市退役军人事务局). A row naming anyone else (a
    newspaper, a township on its county's site) places nothing."""
    gz = gazetteer()
    matches = gz.find(source)
    first = min(matches, key=lambda m: m.start, default=None)
    if not first or first.start != 0 or len({m.place for m in matches if m.place.name == first.place.name}) > 1:
        return False
    rest = source[first.end:]
    texts = [report.title or "", *(p.text[:200] for p in (*report.front, *report.preamble[:3]))]
    opening = to_simplified(" ".join(texts))
    if _GOVERNMENT_SITE.fullmatch(rest):
        spoken = _speaks_at_level_of(first.place, opening)
    else:
        spoken = bool(_DEPARTMENT.fullmatch(rest)) and (rest in opening or bool(_SELF_BUREAU.search(opening)))
    return spoken and _assign_place(report, first.place)


def set_place_from_headline(report: Report) -> bool:
    """Place a report that names no place of its own by a news-style headline printed above
    it (合肥市2014年度依法行政工作取得显著成效, 湖南省衡阳市两会政府工作报告精神解读(一)): the
    page's first line, short and no sentence, naming places of one chain, when the report
    speaks at the level of the lowest (我市, 我代表市人民政府)."""
    headline = to_simplified(report.front[0].text).strip() if report.front else ""
    if not headline or len(headline) > 50 or re.search(r"[。，,：:；;]", headline):
        return False
    place = _lowest_of_chain({m.place for m in gazetteer().find(headline)})
    opening = to_simplified(" ".join(p.text[:200] for p in (*report.front, *report.preamble[:3])))
    return bool(place) and _speaks_at_level_of(place, opening) and _assign_place(report, place)


def _speaks_at_level_of(place: Place, opening: str) -> bool:
    """Whether `opening` speaks as a government of `place`'s level (我代表县人民政府, 我县, 全市
    for 泰宁县, 合肥市)."""
    levels = {"".join(groups) for groups in _SPOKEN_GOVERNMENT.findall(opening)}
    return any(place.name.endswith(level) for level in levels)


def _lowest_of_chain(places: set[Place]) -> Place | None:
    """The lowest of `places` when each lies in the next (宜兴市 in 无锡市), else None."""
    ordered = sorted(places, key=lambda p: -p.level)
    if ordered and all(_related(higher, ordered[0]) for higher in ordered[1:]) and len({p.level for p in ordered}) == len(ordered):
        return ordered[0]
    return None


def _assign_place(report: Report, place: Place) -> bool:
    """Set the report's province, city and county from `place` and the levels above it."""
    gz = gazetteer()
    province, city = gz.province_of(place), gz.city_of(place)
    report.province = province.name if province else None
    report.city = city.name if city and not gz.is_municipality(place) else None
    report.county = place.name if place.level == COUNTY else None
    return True


def _lowest_place(gz: Gazetteer, text: str) -> Place | None:
    """The most local place `text` names (龙岩市永定区卫生健康局: 永定区), or None."""
    return next(filter(None, (_pick(gz, [("name", text, False)], level)[0] for level in (COUNTY, CITY, PROVINCE))), None)


def _settle_by_body(report: Report) -> None:
    """Complete an ambiguous district (龙华区: 深圳市's or 海口市's) upward when the body names
    the city or province of exactly one of the places of that name (对广东、深圳系列重要讲话)
    and of no other: a report of 长春市's 朝阳区 that also names 北京 stays undecided."""
    gz = gazetteer()
    body = _body_text(report)
    candidates = [p for p in gz.by_name.get(report.county, []) if p.level == COUNTY]
    named = {m.place.code for m in gz.find(body, short=True) if m.place.level < COUNTY}
    supported = [c for c in candidates if c.province_code in named or c.city_code in named]
    if len(supported) == 1:
        _assign_place(report, supported[0])


def _first_paragraph(report: Report) -> Paragraph | None:
    """The report's first paragraph below its head (its first section's, when it has no preamble)."""
    return (report.preamble or (report.sections[0].paragraphs if report.sections else []) or [None])[0]


def _body_text(report: Report) -> str:
    """Every searchable block of the report in simplified characters, one per line."""
    return to_simplified("\n".join(t for _, _, t, _, _ in report.blocks()))


def _set_county_from_own_documents(report: Report) -> bool:
    """Set a township's county from a document it cites under its full name (《闵行区七宝镇
    国民经济和社会发展第十四个五年规划…》: 闵行区 right before 七宝镇), or its city where the
    city has no counties (《中山市大涌镇产业转型升级发展规划纲要》)."""
    gz = gazetteer()
    body = _body_text(report)
    for title in _superior_documents(body):
        at = title.find(report.town)
        head = _lowest_place(gz, title[:at]) if at > 0 else None
        holds_town = head and (head.level == COUNTY or (head.level == CITY and gz.holds_towns_directly(head)))
        if holds_town and title[:at].endswith(head.name):
            return _assign_place(report, head)
    return False


def _related(place: Place, within: Place | None) -> bool:
    """Whether `place` lies in `within` or contains it (always, when `within` is None)."""
    return within is None or (within.code.startswith(place.code[:2 * (place.level + 1)])
                              or place.code.startswith(within.code[:2 * (within.level + 1)]))


_SUPERIOR = ("superior document", "superior body")
# A superior party committee named with its place in the opening: 在昆山市委、市政府和镇党委的正确领导下
_LEADING_COMMITTEE = re.compile(r"([\u4e00-\u9fff]{2,6}?[市县区旗])委(?=[、，,和及]|的|会|[市县区旗]?(?:人民)?政府)"
                                # … or the district named alone before the township's own committee:
                                # 在武进区、经开区和镇党委的坚强领导下
                                r"|(?<=在)([\u4e00-\u9fff]{2,6}?[市县区旗])[、，,和及][^。；;，,]{0,12}?(?:镇|乡|街道)党(?:工)?委")


# … and a superior's plan it follows, named without 《》: 2024年滨海新区法治政府建设年度工作要点
_SUPERIOR_PLAN = re.compile(r"(?:19|20)\d{2}年度?([\u4e00-\u9fff]{2,6}?[市县区旗])[\u4e00-\u9fff]{0,14}?(?:工作要点|实施方案|实施纲要)")
# … and the superiors whose directions it carries out: 落实天津市依法治市办和武清区依法治区办的工作部署,
# 贯彻中央、省委、江门市委、台山市委关于…决策部署, 贯彻落实…省、汕尾市文件要求
_SUPERIOR_DIRECTION = re.compile(r"(?:落实|贯彻|执行)([^。；;]{2,60}?)(?:部署|要求)")


def _superior_bodies(report: Report) -> list[str]:
    """The superior governments a report names as such: the addressee it reports to (慈溪市委、
    市政府:), the party committees it says it worked under (在湛江市委、廉江市委…领导下), the
    plans and the directions it follows (落实省、汕尾和陆丰市法治政府建设各项部署)."""
    texts = [to_simplified(p.text[:300]) for p in _opening_paragraphs(report)]
    committees = [m.group(1) or m.group(2) for t in texts for m in _LEADING_COMMITTEE.finditer(t)]
    plans = [m.group(1) for t in texts for m in _SUPERIOR_PLAN.finditer(t)]
    directions = [m.group(1) for t in texts for m in _SUPERIOR_DIRECTION.finditer(without_cited(t))]
    return ([to_simplified(report.addressee)] if report.addressee else []) + committees + plans + directions


# Where an opening names the body itself: the sentence that announces the report (现将宝城镇
# 2025年度法治政府建设情况报告如下) and the circumstance of its own work (结合荷城街道实际)
ANNOUNCED = re.compile(r"现[将就把]([^。；;：:]{2,40}?)(?:情况|工作)[^。；;]{0,12}?(?:报告|汇报|总结)如下")
_OWN_CIRCUMSTANCE = re.compile(r"结合([\u4e00-\u9fff]{2,16}?)的?(?:工作)?(?:实际|特点)")
# A paragraph that only announces the report (按照…要求，现将2025年度…报告如下。), no body acting before it
_ANNOUNCING_SENTENCE = re.compile(r"^(?:(?:依据|根据|按照)[^。]*?[，,])?\s*现[将就把][^。]*如下[：:。]?$")


def _self_mentions(report: Report, cited: list[str]) -> list[str]:
    """The texts in which the opening names the reporting body itself (the announcing
    sentence, 结合X实际), and the township names its own documents start with (《水口镇2024年
    依法治镇工作要点》: a township cites no other township's plans; a street that calls itself
    我街, its 《珠吉街…》)."""
    opening = _opening_text(report)
    found = [m.group(1) for pattern in (ANNOUNCED, _OWN_CIRCUMSTANCE) for m in pattern.finditer(opening)]
    found += _own_party_committee(opening)
    gz = gazetteer()
    calls_itself_street = "我街" in opening  # (as Guangzhou's streets do: 我街…, 《珠吉街理论学习中心组…》)
    for title in cited:
        head = re.sub(r"^(?:19|20)\d{2}年度?", "", title)
        town = next(_town_candidates(head[:10], gz), None)
        if town and head.startswith(town):
            found.append(town)
        street = _OWN_STREET_DOCUMENT.match(head) if calls_itself_street and not town else None
        if street:
            found.append(street.group(1) + "街道")
    return found


_OWN_STREET_DOCUMENT = re.compile(r"^([\u4e00-\u9fff]{2,3})街(?!道|办)")

# The one party committee a government says it worked under, named in full (在中共通州区委的
# 正确领导下, 在中共X县委、县政府的坚强领导下) …
_PARTY_COMMITTEE = re.compile(r"在中共([\u4e00-\u9fff]{2,6}?([市县区旗]))委(?:员会)?(?:[、和](?:[市县区旗])?(?:人民)?政府)?"
                              r"的?(?:正确|坚强|有力)?领导下")
# … and the level the government speaks for: 我代表区人民政府, or else the first 全区/全县 it leads
_SPEAKS_FOR = re.compile(r"我代表(?:[\u4e00-\u9fff]{0,6}?)(市|县|区|旗)(?:人民)?政府")
_LEADS_ALL = re.compile(r"全(市|县|区|旗|镇|乡|街道)(?:人民|上下|广大|干部|各族)")


def _own_party_committee(opening: str) -> list[str]:
    """The place of the party committee a government names as its own leadership (在中共姑苏
    区委的正确领导下) when it is of the level the government speaks for (我代表区人民政府, 全区
    广大干部群众): a district is led by its own district committee, never by another's."""
    committee = _PARTY_COMMITTEE.search(opening)
    if not committee:
        return []
    level = _SPEAKS_FOR.search(opening) or _LEADS_ALL.search(opening)
    return [committee.group(1)] if level and level.group(1) == committee.group(2) else []


def _opening_paragraphs(report: Report) -> list[Paragraph]:
    """The paragraphs where a report names itself and its superiors: its first three below
    the head and its first section's first."""
    return [*report.preamble[:3], *(report.sections[0].paragraphs[:1] if report.sections else [])]


def _opening_text(report: Report) -> str:
    """The opening paragraphs, simplified, without the documents they cite."""
    return without_cited(to_simplified(" ".join(p.text[:400] for p in _opening_paragraphs(report))))


def _superior_documents(text: str) -> list[str]:
    """Titles of documents the report follows (《城口县人民政府办公室关于印发…》): they name
    the superior government; one whose 》 the page lost ends at its clause (《滨海新区人民政府2019年
    法治政府建设工作要点文件要求，), one that issues another at the inner title (《黔江区人民政府
    办公室关于印发《…要点》的通知》)."""
    return re.findall(r"《([^《》]{4,80})(?:》|(?=[，,。；;《]))", text)


# A township's name as a document's name starts with it: two to four characters before 镇, 乡, 街道
# or 苏木 (or a minority peoples' 乡), not beginning with one of them
_SHORT_TOWN = re.compile(rf"(?![镇乡街])[\u4e00-\u9fff]{{2,4}}(?:镇|乡|街道|苏木)|[\u4e00-\u9fff]{{2,4}}?(?:(?:{PEOPLES})族){{1,3}}乡")


def leading_places_end(name: str) -> int:
    """Where the places a name starts with end, one after the other (济南市市中区…: 6), or 0."""
    matches = gazetteer().find(name)
    end = 0
    while any(m.start == end for m in matches):
        end = max(m.end for m in matches if m.start == end)
    return end


def leading_town(name: str) -> str | None:
    """The township a document's own name starts with (东柳街道2023年工作总结…), after the
    places above it (长沙县星沙街道…), else None."""
    candidate = next(_town_candidates(name, gazetteer()), None)
    if not candidate or candidate == "民族乡":  # (民族乡行政工作条例: townships of minority peoples, in general)
        return None
    if not _SHORT_TOWN.fullmatch(candidate):
        return None  # (镇党委书记在镇经济工作会议上的讲话: a phrase, no name)
    return candidate if name[leading_places_end(name):].startswith(candidate) else None


def _find_town(own: list[str]) -> str | None:
    """The township (镇/乡/街道) of the reporting body, from its own names only: a township
    the body merely mentions (百县千镇, a neighbour's 奋斗镇) is not the reporting body."""
    gz = gazetteer()
    for text in own:
        for candidate in _town_candidates(text, gz):
            return candidate
    return None


def _town_candidates(text: str, gz: Gazetteer):
    """Township names in `text`, read after a gazetteer place or at a clause start."""
    for segment in re.split(r"[，,。；;：:、\s《》“”\"（）()]|关于|中共|人民政府|现将|\d+年度?|\d+", text):
        # (中山市's 东区街道 is a street named 东区, not 攀枝花市's 东区)
        names = {segment[m.start:m.end] for m in gz.find(segment)  # (as printed: 恩施州, not its full name)
                 if not (m.place.name.endswith("区") and segment[m.end:m.end + 2] == "街道")}
        for name in sorted(names, key=len, reverse=True):  # (高新区 before 新区)
            segment = segment.replace(name, "|")
        for piece in segment.split("|"):
            match = _TOWN.match(piece)
            street = None if match else _STREET_AS_CALLED.match(piece)
            if street:  # 石门街以…: 石门街道, as Guangzhou's streets call themselves
                yield street.group(1) + "街道"
            if not match:
                continue
            name = match.group(1)
            if name.endswith("街道办事处"):
                name = name[: -len("办事处")]
            if _NOT_TOWN_NAMES.match(name) and not _AUTONOMOUS_TOWN.search(name):
                continue
            if name.endswith("城乡") and _URBAN_RURAL.match(piece[match.end():]):
                continue  # 住房和城乡建设局: town and country, not a township
            if piece[match.end():match.end() + 1] in ("镇", "乡", "街") and name[-1] in "乡镇":
                continue  # 《司法所长列席乡镇(街道)党委…规定》: 乡镇 and 镇街 are townships in general
            if name[-1] == "乡" and piece[match.end():match.end() + 1] == "村":
                continue  # 《恩施州县乡村三级…清单》: 乡村 is the countryside
            yield name
