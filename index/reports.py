"""The report model and its parser: plain text -> `Report`.

A report is a header (issuing bodies, document number, title, addressee, and whatever else
is printed above the body), an optional preamble, numbered sections (一、二、… or a
mis-numbered 3、) with subsections （一）/(一), and a closing signature and date. Every
printed line is a block with a number `n` (1, 2, 3 … in reading order) that links use as
`#p<n>`; only debris (page numbers, converter markup) is dropped, and listed.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import re
from functools import lru_cache

from .analysis import to_simplified
from .cleaning import FILE_NAME_END, breadcrumb_parts, split_chrome, split_debris, unbulleted
from .gongzuo import (FLAT_HEAD, Delivery, congress_cover, delivery_title, find_delivery, find_flattened_delivery, flattened_title,
                      garbled_readings, speaker_body, speaker_line, trailing_date)
from .places import PROVINCE, gazetteer, short_names
from .report_model import Paragraph, Report, Section
from .report_places import (ANNOUNCED, fill_gongzuo_places, fill_places, leading_places_end, leading_town, set_place,
                            set_place_from_headline, set_place_from_publisher, without_cited)
from .sources import read_text

# Heading words that put a section into each category; one heading may hit two.
_CATEGORY_PATTERNS = {
    "measures": re.compile(r"主要(?:举措|措施)|(?:举措|措施)[和及与]成效|主要做法|主要成效|工作成效|取得的成效|主要工作|"
                           r"工作开展情况|工作情况|工作成绩|进展情况|主要成绩|成效显著|工作回顾"),
    "leadership": re.compile(r"第一责任人|主要负责人|履[行职].{0,12}职责|履职情况|带头"),
    "shortcomings": re.compile(r"不足|问题|差距|短板|困难|薄弱"),
    "plans": re.compile(r"下一步|工作思路|目标举措|工作安排|主要安排|工作打算|工作计划|今后|"
                        r"下一年|明年|工作设想|(?:\d{4}|下)年度?.{0,20}(?:安排|计划|打算|思路)"),
}

# A 政府工作报告's sections: the year reviewed, the plans, the government's own conduct.
_GONGZUO_CATEGORY_PATTERNS = {
    "review": re.compile(r"工作回顾|回顾|成就|成绩|过去[一五]年"),
    "plans": re.compile(r"工作安排|总体要求|目标任务|主要任务|重点工作|重点任务|工作任务|预期目标|主要目标|工作思路|工作建议|"
                        r"今后|下一步|十四五|十五五|做好\d{4}年"),
    "self": re.compile(r"自身建设|人民满意的?政府|政府建设|政府治理"),
}

# An unnumbered top-level heading of a 政府工作报告: a short line, no sentence, that names
# the year reviewed, the plans or the government's own conduct (“十三五”时期工作回顾,
# 2024年工作安排建议, 全面加强政府自身建设).
_UNNUMBERED_GONGZUO_HEADING = re.compile(
    r"^[^。，,；;：:！？!?（(]{0,24}(?:回顾(?:和总结)?|发展成就|工作安排(?:建议)?|总体要求和?.{0,10}|目标任务|政府自身建设)$"
    r"|^[^。，,]{0,6}做好[^。，,]{0,12}工作$|^回顾(?:19|20)\d{2}年$"
    r"|^(?:19|20)\d{2}年[^。，,；;：:！？!?]{0,14}(?:主要工作|重点工作|重点任务|主要任务|目标任务|工作建议)$")
_CN_NUM = "一二三四五六七八九十"
_SECTION_CN = re.compile(rf"^([{_CN_NUM}]{{1,3}})\s*[、.．]\s*(.*)$")
_SECTION_ARABIC = re.compile(r"^(\d{1,2})\s*[、．]\s*(.*)$")
_SECTION_PART = re.compile(rf"^第([{_CN_NUM}]{{1,3}})部分\s*(.*)$")
_SUBSECTION = re.compile(rf"^[（(]\s*([{_CN_NUM}]{{1,3}})\s*[)）]\s*(.*)$")
_HEADING_MAX = 70
_LONG_HEADING_MAX = 160
# The ends of the 法治 report template's long headings: …推动法治政府建设的举措和成效, …的情况
_LONG_HEADING = re.compile(r"(?:举措|成效|情况|问题|原因|打算|安排|思路|计划|措施|职责)$|举措和成效。$")

_TITLE_WORDS = re.compile(r"报告|总结|年报|情况的?通报|情况$")
# What a document that is no report calls itself at the end of its name, before a note such as
# (草案), (2016—2020年) or (2021年版) and a closing 》: …的决议, …实施方案
_DOC_NAME_END = r"(?:[（(][^（）()]{1,16}[)）])?》?$"
_DOCUMENT_TYPE = re.compile(r"(?:(?:的|之|》)(?:通知|决议|决定|意见|建议|批复|函|公告|通报|讲话|致辞)|》的说明"
                            r"|(?:实施)?(?:方案|办法|规定|条例|细则))" + _DOC_NAME_END)
# … and the names of other documents that are no report (…法治政府建设规划, …文件解读, …审查意见,
# …统计公报, …工作要点, …年度计划任务台账, …2021年度部门决算, …部门决算情况说明, …绩效自评报告),
# read only in a whole name: a site's column (政策解读, 工作要点) is no document's name
_OTHER_DOCUMENT = re.compile(r"(?:(?:审议|审查|初审)意见|规划|纲要|台账|指标体系|解读|公报|要点|计划|安排"
                             r"|[预决]算(?:公开)?(?:情况)?的?(?:说明|报告)?|绩效自评(?:报告|表))" + _DOC_NAME_END)
_PLAN_TYPE = re.compile(r"要点|计划|安排")
_OTHER_NAME_MIN = 8
_READING_OF = re.compile(r"^(?:【[^【】]{1,8}】)?(?:解读|图解|一图读懂)《")  # (an interpretation named before what it reads)
# (a report's second half is no plan: …工作情况及2016年工作打算, …政府工作报告和2019年工作计划)
_REPORT_AND_PLAN = re.compile(r"(?:报告|总结|情况|汇报)》?(?:和|及|暨|与)")
_NAME_SEARCH = 40  # lines of a page's navigation an untitled document's name may follow
_CLOCK = re.compile(r"\d{1,2}:\d{2}")  # a posting time: site chrome, never a title
# …报告（2016年1月27日洛桑江村）, …报告(全文), a site's tag: …报告【优秀范文】, a document site's
# file name: …报告(20230216).docx
_TITLE_NOTE = re.compile(FILE_NAME_END + r"|[（(][^（）()]{1,30}[)）]$|[—-]*全文$|【[^【】]{1,8}】$")
_COLUMN_NAME = re.compile(r"(?:工作|政府|情况|年度|(?:其他)?专题)?报告")
_TITLE_TAIL = re.compile(r"(?:建设|工作|情况|年度|的)*(?:报告|总结)")
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,16}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号$")
_ADDRESSEE = re.compile(r"^[\u4e00-\u9fff、，,（）()\s]{2,40}[：:]$")
_BODY_SUFFIX = re.compile(
    r"(?:委员会|人民政府|政府|办公室|办事处|党委|党组|局|委|厅|院|处|所|中心|工作组|领导小组|街道|[镇乡]党委|镇|乡)$")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DELEGATES = re.compile(r"^\s*各位代表\s*[：:]")  # a 政府工作报告's address to the congress
_ADDRESS_SEARCH = 80  # lines of a page's chrome the address may follow
_CONTENTS_LINES = 60  # lines of a table of contents above a title
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_PUBLISHED_LINE = re.compile(r"^(?:发布|发文|成文|印发)\s*(?:时\s*间|日\s*期)\s*[：:]")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_REPORTED_YEAR = re.compile(r"(?:现将|总结|报告)[^。，,]{0,12}?((?:19|20)\d{2})\s*年")  # 认真总结我局2024年…工作
_OPENING_YEAR = re.compile(r"(?:^|[，,。；;])\s*((?:19|20)\d{2})\s*年度?[，,]")


def heading_categories(heading: str, kind: str = "fazhi") -> list[str]:
    """The categories a section heading names: measures, leadership, shortcomings, plans for
    a 法治政府建设 report; review, plans, self for a 政府工作报告; none for other documents."""
    simple = to_simplified(heading)
    patterns = {"fazhi": _CATEGORY_PATTERNS, "gongzuo": _GONGZUO_CATEGORY_PATTERNS}.get(kind, {})
    return [name for name, pattern in patterns.items() if pattern.search(simple)]


def parse_file(path, source: str | None = None) -> Report:
    """Read and parse one report file (raises SourceError when it cannot be read);
    `source` is the name shown for it, by default the path as given."""
    return parse_report(read_text(path), str(path) if source is None else source)


def parse_report(text: str, source: str = "") -> Report:
    """Parse the text of one report into a `Report`; `source` is its file name, read for
    place and year only when the text states neither."""
    lines, dropped = split_debris(text)
    lines, chrome, web_meta = split_chrome(lines)
    dropped += chrome
    lines = _join_bare_numbers(lines)
    found = find_delivery(lines[:_delivery_window(lines) + 1])  # with 各位代表: a bare speaker name sits above it
    delivery_end = 0
    if found:
        delivery_end = found[1] + found[2].speaker_rows
    # A page flattened into one line that starts with its title: the line is the title's block
    flat = flattened_title(lines) if found is None or "各位代表" in lines[found[0]][:FLAT_HEAD] else None
    flat_end = flat[0] + 1 if flat else 0
    header, body, closing = _split_header_body_closing(lines, max(delivery_end, _contents_end(lines), flat_end))
    skip = set(range(found[0], delivery_end)) if found else set()
    meta = _parse_header(header, skip)
    # (a report with a delivery line prints its title above it, or none: 2017年工作总结 below
    # it is the first section's heading)
    late = None if meta["title"] or found else _late_title(body)
    if late is not None:  # a site's slogan or banner sentence came before the title
        late += 1 if late + 1 < len(body) and _ends_document_name(body[late + 1]) else 0  # (its name's end below it)
        header, body = header + body[:late + 1], body[late + 1:]
        meta = _parse_header(header, skip)
    repeat = _title_over_heading(header, meta["title"])
    if repeat is not None:  # the headline printed again, run into the first heading: the heading opens the body
        at, heading = repeat
        dropped.append({"text": header[at][:len(header[at]) - len(heading)], "reason": "web title row"})
        header, body = header[:at], [heading, *header[at + 1:], *body]
    run_in_title = delivery_title(lines[found[0]]) if found and not meta["title"] else None
    title_line = lines[found[0]] if run_in_title else None
    if run_in_title:  # the title runs into the delivery line: the line is the title's block
        meta["title"], meta["title_lines"] = run_in_title, (found[0], found[0] + 1)
    if flat and not meta["title"]:
        title_line, meta["title"], meta["title_lines"] = lines[flat[0]], flat[1], (flat[0], flat_end)
    published = (_published_date(closing) or meta["published"] or _published_date(header)
                 or _published_date([f"发布日期：{web_meta['published']}"] if web_meta["published"] else []))

    counter = iter(range(1, 10**9))
    front: list[Paragraph] = []
    title_n = None
    start, end = meta["title_lines"] or (None, None)
    for i, line in enumerate(header):
        if i == start:
            title_n = next(counter)  # a title printed over two lines is one block
        elif start is None or not start < i < end:
            front.append(Paragraph(next(counter), line))
    preamble: list[Paragraph] = []
    sections: list[Section] = []
    subsection: str | None = None
    joined = _join_wrapped_headings(body)
    for i, line in enumerate(joined):
        if _section_heading(line, len(sections) + 1, joined[i + 1] if i + 1 < len(joined) else ""):
            sections.append(Section(next(counter), line, []))
            subsection = None
            continue
        run_in = _run_in_heading(line, len(sections) + 1)
        if run_in:
            sections.append(Section(next(counter), run_in, [], line=line))
            subsection = None
            continue
        subsection = _file_paragraph(Paragraph(next(counter), line), sections, preamble, subsection)

    report = Report(
        source=source, title=meta["title"], title_n=title_n, kind="other", display_title="",
        issuers=meta["issuers"] or web_meta["issuers"],
        doc_number=meta["doc_number"] or web_meta["doc_number"], addressee=meta["addressee"],
        province=None, city=None, county=None, town=None,
        year=None, published=published, preamble=preamble, sections=sections, front=front,
        closing=[Paragraph(next(counter), line) for line in closing], dropped=dropped, title_line=title_line,
    )
    # A page flattened into long lines: its delivery is read from the first line's head
    # (a delivery found at the start of such a line was read from all that runs on after it).
    # (… or a dated delivery there, over an undated one read from a headline's (全文))
    delivery = found[2] if found else None
    flat_head = found is None or "各位代表" in lines[found[0]][:FLAT_HEAD]
    if flat_head or not delivery.published:
        flat_delivery = find_flattened_delivery(lines)
        if flat_delivery and (flat_head or flat_delivery.published):
            delivery = flat_delivery
    # (a line saying when a meeting adopted the text, as laws print it, says nothing of the kind)
    # (nor does a report to the standing committee: 2021年4月30日在市七届人大常委会第四十九次会议上)
    # (its meeting broken over two lines: …在汕尾市第七届人民代表 / 大会常务委员会第二十八次会议上)
    delivery_text = lines[found[0]][:FLAT_HEAD] if found else ""
    if found and "会议" not in delivery_text and found[0] + 1 < len(lines):
        delivery_text += lines[found[0] + 1]
    to_standing_committee = re.search("常委会|常务委员会", to_simplified(delivery_text))
    delivered = delivery is not None and not delivery.adopted and not to_standing_committee
    report.kind = _report_kind(report, delivered)
    if report.kind == "gongzuo" and _heading_under_title(report):
        report.preamble.insert(0, report.front.pop())
    if report.kind == "gongzuo" and not sections:
        report.preamble, report.sections = _unnumbered_sections(preamble)
        sections = report.sections
    elif report.kind == "gongzuo" and _headed_above_numbers(preamble, sections):
        report.preamble, report.sections = _unnumbered_sections(preamble + _flattened(sections), numbered_parts=True)
        sections = report.sections
    if not sections:
        report.sections = sections = _inline_sections(report)
        if sections and report.kind == "other" and _report_kind(report, delivered) == "fazhi":
            report.kind = "fazhi"  # a page flattened into one line: its parts, read inside it, say what it is
    if report.kind == "fazhi" and not sections:
        report.preamble, report.sections = _plain_heading_sections(preamble)
        sections = report.sections
    if report.kind == "fazhi" and not sections:
        report.preamble, report.sections = _part_sections(preamble)
        sections = report.sections
    for section in sections:
        section.categories = heading_categories(section.heading, report.kind)
    if report.kind == "gongzuo":
        _fill_gongzuo(report, delivery, web_meta, published)
    elif report.kind == "other":
        _fill_other(report, delivery)
    else:
        fill_places(report)
        report.year, year_source = _covered_year(report)
        if year_source:
            report.provenance["year"] = year_source
    placed = report.province or report.city or report.county or report.town
    if report.kind != "other" and not placed and web_meta["source"] and set_place_from_publisher(report, web_meta["source"]):
        report.provenance["place"] = "publisher"
    elif report.kind != "other" and not placed and set_place_from_headline(report):
        report.provenance["place"] = "headline"
    report.display_title = _display_title(report)
    return report


# ---------------------------------------------------------------- structure


_WRAP_END = ("和", "与", "及", "暨", "、")  # a heading cut off after one of these goes on below
_WRAP_LINE_MAX = 30


def _join_wrapped_headings(body: list[str]) -> list[str]:
    """`body` with each Chinese-numbered heading that a PDF's lines broke (一、“十三五”发展成就和 /
    2020年工作回顾; 一、“十三五”发展回顾 / 和2020年主要工作) joined to its rest."""
    out: list[str] = []
    for line in body:
        last = out[-1] if out else ""
        if (last and _SECTION_CN.match(last) and len(line) <= _WRAP_LINE_MAX and not _SENTENCE_MARKS.search(line)
                and not _SECTION_CN.match(line) and (last.endswith(_WRAP_END) or line.startswith(_WRAP_END[:4]))
                and len(last) + len(line) <= _HEADING_MAX):
            out[-1] = last + line
        else:
            out.append(line)
    return out


_BARE_NUMBER = re.compile(rf"^[{_CN_NUM}]{{1,3}}\s*[、.．]$")


def _join_bare_numbers(lines: list[str]) -> list[str]:
    """`lines` with a heading's number printed on a line of its own (一、 / 过去一年工作回顾)
    joined to the heading below it."""
    out: list[str] = []
    for line in lines:
        if (out and _BARE_NUMBER.match(out[-1]) and len(line) <= _WRAP_LINE_MAX and not _SENTENCE_MARKS.search(line)
                and not _SECTION_CN.match(line)):
            out[-1] += line
        else:
            out.append(line)
    return out


def _section_heading(line: str, expected: int, following: str = "") -> bool:
    """Whether `line` is the heading of a numbered section.

    Chinese-numbered headings (一、) are headings when short and not a sentence, or long and
    either ending as the 法治 template's do or never ending a clause, with its first part
    (`following`: 一是…, （一）…) below; an Arabic number (3、) only when it is the number the
    next section should have, since reports also number list items 1、2、3、 inside sections.
    """
    if len(line) > _LONG_HEADING_MAX or "。" in line[:-1] or not line or not (
            line[0] in _CN_NUM or line[0] == "第" or line[0].isdigit()):  # (before simplifying the line)
        return False
    unpunctuated = _UNPUNCTUATED.fullmatch(line) is not None and bool(_FIRST_PART.match(following))
    if len(line) > _HEADING_MAX and (line[0] not in _CN_NUM or not (_LONG_HEADING.search(to_simplified(line[-6:])) or unpunctuated)):
        return False  # (most long numbered lines are articles and list items: only their ends are read)
    line = to_simplified(line)
    bare = _BARE_NUMERAL_HEADING.match(line)
    if bare:  # 一主要举措和成效: the 、 lost, a part of the 法治 template by its words
        return _cn_number(bare.group(1)) == expected and bool(_LONG_HEADING.search(bare.group(2)))
    match = _SECTION_CN.match(line) or _SECTION_PART.match(line)
    review = _REVIEW_RUN_IN.match(line) if "回顾" in line else None
    if review and len(line) - review.end() >= 10:
        return False  # a review heading run into its text: see _run_in_heading
    if match and _COLON_RUN_IN.match(line):
        return False  # a heading run into its text after a colon: see _run_in_heading
    if match and len(line) > _HEADING_MAX:  # a long heading of the 法治 template (…的情况,…的举措和成效)
        # (or one that never ends a clause, the next section's by its number: 一、深入学习贯彻…，进一步增强…行动自觉)
        return ((_LONG_HEADING.search(line) is not None or (unpunctuated and _cn_number(match.group(1)) == expected))
                and not re.search(r"[；;：:]", line))
    if match:
        return bool(match.group(2)) and _cn_number(match.group(1)) is not None
    match = _SECTION_ARABIC.match(line)
    return bool(match and int(match.group(1)) == expected and match.group(2) and len(line) <= 40
                and not line.endswith("。"))


def _unnumbered_sections(paragraphs: list[Paragraph], numbered_parts: bool = False) -> tuple[list[Paragraph], list[Section]]:
    """(preamble, sections) of a 政府工作报告 whose top-level headings carry no number (the
    Sichuan style: 2024年工作回顾, 2025年工作安排建议, 加强政府自身建设, each a line of its own,
    its parts numbered （一）…): every such heading starts a section. With `numbered_parts`,
    the parts are numbered 一、 as well (2021年以来工作回顾 / 一、以经济建设为中心…): those lines
    are subsections."""
    two_lines = _two_line_opening(paragraphs)
    if two_lines is not None:  # 攻坚克难 开拓奋进 / 经济社会发展取得新成绩: one heading
        first, second = paragraphs[two_lines], paragraphs[two_lines + 1]
        paragraphs = [*paragraphs[:two_lines], Paragraph(first.n, f"{first.text.strip()} {second.text.strip()}"),
                      *paragraphs[two_lines + 2:]]
    starts = [i for i, p in enumerate(paragraphs)
              if _is_unnumbered_heading(p.text)
              and not (numbered_parts and _SECTION_CN.match(to_simplified(p.text)))]
    # (before the first such heading, the paragraph that opens the first section starts one too)
    opening = two_lines if two_lines is not None else next(
        (i for i in range(starts[0] if starts else len(paragraphs)) if _opens_first_section(paragraphs, i)), None)
    return _sections_at(paragraphs, {*starts, *([] if opening is None else [opening])}, numbered_parts)


def _two_line_opening(paragraphs: list[Paragraph]) -> int | None:
    """Where the first section's heading is printed over two short lines right after the
    address's opening paragraph, its text below them (回首2012: / 我们齐心协力、砥砺前行，圆满完成
    各项目标任务 / 2012年，在市委…): the index of the first line, else None."""
    for i in range(1, min(len(paragraphs) - 2, 6)):
        if not _ADDRESS_OPENING.search(to_simplified(paragraphs[i - 1].text)):
            continue
        first, second = paragraphs[i].text.strip(), paragraphs[i + 1].text.strip()
        return i if (len(first) <= 16 and len(second) <= 30 and len(paragraphs[i + 2].text.strip()) >= 40
                     and not _SENTENCE_MARKS.search(first.rstrip("：:")) and not _SENTENCE_MARKS.search(second)
                     and not _NUMBERED_LINE.match(to_simplified(first)) and not _NUMBERED_LINE.match(to_simplified(second))
                     and not _is_unnumbered_heading(second)) else None
    return None


_NUMBERED_LINE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}\s*[、.．])")


def _is_unnumbered_heading(text: str) -> bool:
    """Whether `text` is an unnumbered top-level heading of a 政府工作报告 (2024年工作回顾)."""
    return bool(_UNNUMBERED_GONGZUO_HEADING.search(re.sub(r"\s+", "", to_simplified(text))))


def _heading_under_title(report: Report) -> bool:
    """Whether the last line of a 政府工作报告's head, right above its first paragraph, is an
    unnumbered top-level heading the head took for a short title line (摘登 / 2023年 工作回顾 /
    刚刚过去的一年…)."""
    last = report.front[-1] if report.front else None
    return (last is not None and bool(report.preamble) and last.n + 1 == report.preamble[0].n
            and (report.title_n is None or last.n > report.title_n)
            and _is_unnumbered_heading(last.text))


def _headed_above_numbers(preamble: list[Paragraph], sections: list[Section]) -> bool:
    """Whether a 政府工作报告's numbered sections are the parts of an unnumbered top-level
    heading printed above them, right after the address's opening (本届政府工作回顾 /
    一、凝心聚力促发展…) or first on a page that starts at it (2025年目标要求和主要任务 / 一、…,
    a report's second page); not for a page flattened into long lines."""
    return (bool(sections) and not any(s.inline for s in sections)
            and (any(_opens_first_section(preamble, i) for i in range(len(preamble))) or _two_line_opening(preamble) is not None
                 or (bool(preamble) and _is_unnumbered_heading(preamble[0].text))))


def _flattened(sections: list[Section]) -> list[Paragraph]:
    """The paragraphs of `sections` with each heading as the paragraph it was printed as."""
    return [p for s in sections for p in (Paragraph(s.n, s.line or s.heading), *s.paragraphs)]


def _sections_at(paragraphs: list[Paragraph], starts: set[int], numbered_parts: bool = False,
                 run_in: dict[int, str] | None = None) -> tuple[list[Paragraph], list[Section]]:
    """(preamble, sections) of `paragraphs` when those at `starts` are the section headings;
    with `numbered_parts`, a 一、 line within a section opens a subsection; `run_in` gives the
    heading of a start whose heading runs into its text."""
    preamble: list[Paragraph] = []
    sections: list[Section] = []
    subsection: str | None = None
    run_in = run_in or {}
    for i, p in enumerate(paragraphs):
        part = numbered_parts and sections and _SECTION_CN.match(to_simplified(p.text))
        if i in run_in:
            sections.append(Section(p.n, run_in[i], [], line=p.text))
            subsection = None
        elif i in starts:
            sections.append(Section(p.n, p.text, []))
            subsection = None
        elif part:
            subsection = _subsection_title(part.group(2))
            sections[-1].subsections.append(subsection)
            p.subsection = subsection
            sections[-1].paragraphs.append(p)
        else:
            subsection = _file_paragraph(p, sections, preamble, subsection)
    return preamble, sections


# A heading line of a 法治 report that numbers none: a short phrase, no sentence
# (坚持高位推动 法治政府建设责任不断强化), above a paragraph
_PLAIN_HEADING = re.compile(r"^[\u4e00-\u9fff“”]{2,20}(?:\s[\u4e00-\u9fff“”]{2,20})?$")
_PLAIN_HEADINGS_MIN = 2  # one short line alone may be anything; two or more are the report's outline


def _plain_heading_sections(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[Section]]:
    """(preamble, sections) of a 法治 report whose top-level headings carry no number and no
    punctuation (党政主要负责人严格履行推进法治建设第一责任人职责), each followed by a longer
    paragraph; unchanged when fewer than two lines are such headings."""
    at = {i for i, p in enumerate(paragraphs[:-1])
          if 6 <= len(p.text.strip()) <= 32 and _PLAIN_HEADING.match(p.text.strip())
          and len(paragraphs[i + 1].text) > 2 * len(p.text)}
    return _sections_at(paragraphs, at if len(at) >= _PLAIN_HEADINGS_MIN else set())


def _part_sections(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], list[Section]]:
    """(preamble, sections) of a 法治 report whose top-level parts are numbered （一）、（二）…
    with no 一、 above them (（一）认真贯彻落实中央统计工作决策部署), each a heading line of its
    own or run into its text (（一）加强统筹协调，全力推进法治政府建设。一是…); unchanged unless
    （一） is such a line."""
    numbered, run_in = {}, {}
    for i, p in enumerate(paragraphs):
        part = _SUBSECTION.match(to_simplified(p.text))
        text = p.text.strip().rstrip("。")
        if part and len(text) <= _HEADING_MAX and not _SENTENCE_MARKS.search(text):
            numbered.setdefault(_cn_number(part.group(1)), i)
        elif part and _cn_number(part.group(1)) not in numbered and i and not _heading_like(paragraphs[i - 1].text):
            # (below the opening paragraph; a heading line above it, numbered or not, or one
            # in the page's head, is the part it belongs to)
            heading, _, rest = p.text.strip().partition("。")
            if len(heading) <= 40 and len(rest.strip()) >= 10 and not re.search(r"[：:；;]", heading):
                numbered[_cn_number(part.group(1))], run_in[i] = i, heading + "。"
    starts: list[int] = []  # （一）, （二）, … in order, up to the first one missing or out of place
    while (i := numbered.get(len(starts) + 1)) is not None and (not starts or i > starts[-1]):
        starts.append(i)
    run_in = {i: heading for i, heading in run_in.items() if i in starts}
    return _sections_at(paragraphs, set(starts), run_in=run_in) if starts else (paragraphs, [])


def _heading_like(text: str) -> bool:
    """Whether `text` reads as a heading line: short, no sentence, no full stop."""
    text = text.strip()
    return len(text) <= 40 and not _SENTENCE_MARKS.search(text)


def _inline_sections(report: Report) -> list[Section]:
    """The sections of a page flattened into long lines, from the headings printed inside
    them where a line once broke (…提出意见。 一、2025年工作回顾 2025年是…; in a 政府工作报告,
    unnumbered: … 2022年工作回顾 …), numbered in order; each points at the block that holds it."""
    blocks = [(report.title_n, report.title_line)] if report.title_line else []
    blocks += [(p.n, p.text) for p in (*report.front, *report.preamble)
               if len(p.text) >= _FLATTENED_MIN or _LINE_ENDING_HEADING.search(p.text)]
    sections: list[Section] = []
    first_at = None  # (block, offset) of the first numbered heading
    for b, (n, text) in enumerate(blocks):
        for match in _INLINE_HEADING.finditer(text):
            if _cn_number(next(number for number in match.groups() if number)) == len(sections) + 1:
                first_at = first_at or (b, match.start())
                sections.append(Section(n, match.group(0).strip(), [], inline=True))
    if report.kind != "gongzuo":
        return sections
    # A 政府工作报告's unnumbered headings; where one comes before the first numbered heading
    # (…提出意见。 2023年工作回顾 2023年，我们… 一、坚持发展为要…), the numbered ones are its parts
    unnumbered: list[Section] = []
    for b, (n, text) in enumerate(blocks):
        if first_at and b > first_at[0]:
            break
        at = 0
        for piece in re.split(r"(\s+)", text):
            if 4 <= len(piece) <= 30 and _UNNUMBERED_GONGZUO_HEADING.search(to_simplified(piece)) \
                    and (not first_at or (b, at) < first_at):
                unnumbered.append(Section(n, piece, [], inline=True))
            at += len(piece)
        if not unnumbered:  # no space left: …提出意见。2019年工作回顾2019年，是…
            unnumbered += [Section(n, m.group(0), [], inline=True) for m in _INLINE_REVIEW.finditer(text)
                           if not first_at or (b, m.start()) < first_at]
    return unnumbered or sections


# (a lost character may stand before it as ?: …提出意见。 ?2014年工作回顾2014年是…;
# or the five years' review of a term's last report: …提出意见。过去五年回顾和2002年工作情况省九届…;
# or a plan period's review: …提出意见。“十五”发展回顾从2001年到2005年…)
_INLINE_REVIEW = re.compile(r"(?:(?<=。)|(?<=。\s)|(?<=。\s[?？])|(?<=。[?？]))(?:(?:19|20)\d{2}年(?:和[^。，,]{1,10})?(?:工作回顾|工作安排(?:建议)?)"
                            r"|过去五年(?:工作)?回顾和(?:19|20)\d{2}年工作(?:情况|回顾)"
                            r"|“(?:九|十[一二三四五]?)五”(?:时期)?(?:工作|发展)回顾)")
_FLATTENED_MIN = 300  # characters of a line that holds a page's head and its first section
# A numbered heading that ends a line after a sentence, where a line break was lost above it
# (…并请各位政协委员和其他列席人员提出意见。一、过去五年工作回顾)
_LINE_ENDING_HEADING = re.compile(r"(?<=。)([一二三四五六七八九十]{1,3})、[^\s。；;：:！？!?，,]{2,30}$")
# A numbered heading where the flattened lines once broke: after a space, a review heading up
# to the review's first words (一、2018年工作回顾过去一年,是…), or up to the next
# space (… 一、2025年工作回顾 2025年是…; clean_line closed the space before a year up) or run
# into its text up to its first 。 (一、强化思想引领,统筹推进法治政府建设。一是…); or, where no
# space was left, after a sentence's 。 up to a word that ends headings (…提出意见。一、过去五年
# 工作回顾本届政府任期…; or up to a quoted name its text opens with again: 一、成就辉煌的“十一五”“十一五”
# 时期，是…), or after the announcing sentence's 如下: up to its first subsection
_INLINE_HEADING = re.compile(
    r"(?:(?<=\s)|(?<=^))([一二三四五六七八九十]{1,3})、(?:[^\s。；;：:！？!?，,]{2,24}?回顾(?=过去|一年来|刚刚|五年来|(?:19|20)\d{2}年)"
    r"|[^\s。；;：:！？!?，,]{2,30}?(?=\s|(?:19|20)\d{2}\s*年)"
    r"|[^\s。；;：:！？!?]{2,40}?(?=\s*(?:19|20)\d{2}\s*年)"  # 一、奋斗2022,我们聚力攻坚,… 2022年是…
    r"|[^\s。；;：:！？!?]{2,40}?(?=[（(]一[)）]|1[.．、](?!\d))"  # up to its first part: …稳步提升1.区域转型…
    r"|[^\s。；;：:！？!?]{2,40}。)"
    r"|(?<=。)([一二三四五六七八九十]{1,3})、[^\s。；;：:！？!?，,]{2,30}?(?:回顾|工作安排(?:建议)?|目标任务|自身建设|成效|”(?=“)"
    r"|(?=(?:19|20)\d{2}年是))"  # (…提出意见。一、有为运作、持续发展的开局之年2007年是本届政府的届首之年)
    # (right after the announcing sentence, up to its first subsection: …报告如下:一、法治政府建设基本情况(一)强化…)
    r"|(?<=如下[：:])([一二三四五六七八九十]{1,3})、[^\s。；;：:！？!?，,（(]{2,30}?(?=[（(]一[)）])"
    r"|" + _LINE_ENDING_HEADING.pattern)


def _opens_first_section(paragraphs: list[Paragraph], i: int) -> bool:
    """Whether paragraph `i` is a heading-like line right after the address's opening
    paragraph (现在，我代表市人民政府向大会报告工作…): there the first section starts, however
    its heading is worded (奋斗的2019年，“三个洪湖”高质量发展再上新台阶)."""
    text = paragraphs[i].text.strip()
    # (a short heading may have a colon inside: 回眸:成效显著的开局之年)
    unmarked = _INNER_COLON.sub("", text) if len(text) <= 24 else text
    return (0 < i < 6 and len(text) <= 40 and not _SENTENCE_MARKS.search(unmarked)
            and bool(_ADDRESS_OPENING.search(to_simplified(paragraphs[i - 1].text))))


_INNER_COLON = re.compile(r"(?<=^[\u4e00-\u9fff]{2})[：:](?=[\u4e00-\u9fff]{4})")


_SENTENCE_MARKS = re.compile(r"[。；;：:！？!?]|[，,、]$")
# (a sentence may come first: 本届政府于2007年12月组成，任期即将结束。现在，我代表区政府向大会…)
# (…现在，我代表…; 根据会议安排，我代表新区管委会向大会报告工作; 根据大会安排,现在我代表…)
_ADDRESS_OPENING = re.compile(r"^\s*(?:各位代表\s*[：:]\s*)?(?:[^。]{0,40}[。，,])?(?:现在\s*[，,]?\s*)?由?我代表.{0,24}向大会")


def _file_paragraph(paragraph: Paragraph, sections: list[Section], preamble: list[Paragraph],
                    subsection: str | None) -> str | None:
    """Add `paragraph` to the last section (under `subsection`, or the subsection it opens:
    （一）…) or, before the first section, to the preamble; the subsection it is under."""
    if not sections:
        preamble.append(paragraph)
        return subsection
    sub = _SUBSECTION.match(to_simplified(paragraph.text))
    if sub:
        subsection = _subsection_title(paragraph.text[sub.start(2):])
        sections[-1].subsections.append(subsection)
    paragraph.subsection = subsection
    sections[-1].paragraphs.append(paragraph)
    return subsection


def _run_in_heading(line: str, expected: int) -> str | None:
    """The heading of section `expected` when it runs into the section's text on one line
    (一、加强法治政府建设组织领导。一是切实履行…): its first sentence, else None; a review
    heading needs no full stop (一、2018年工作回顾过去一年,是…的一年)."""
    if not line or line[0] not in _CN_NUM:  # (before simplifying the whole line)
        return None
    match = _SECTION_CN.match(to_simplified(line))
    if not match or _cn_number(match.group(1)) != expected:
        return None
    review = _REVIEW_RUN_IN.match(to_simplified(line)) if "回" in line else None
    if review and len(line) - review.end() >= 10:
        return line[:review.end()]
    colon = _COLON_RUN_IN.match(line)
    if colon:  # 一、2015年主要工作情况: 一年来，…: a heading and its colon, the text after a space
        return colon.group(1)
    if "。" not in line:
        return None
    part = _RUN_IN_PART.search(line, 2)
    if part:  # 一、主要举措和成效 （一）加强党的领导…。: the heading ends where its first part begins (or its 一是)
        return line[:part.start()].strip() if len(line[:part.start()].strip()) <= 40 else None
    heading, rest = line.split("。", 1)
    if len(heading) > 40 or len(rest.strip()) < 10 or re.search(r"[：:；;]", heading):
        return None
    return heading + "。"


# The first part under a heading: 一是…, （一）…, 1.…
_FIRST_PART = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]{1,3}[)）]|一是|1\s*[.．、])")
# A line that never ends a clause (no 。；：！？, no comma at its end)
_UNPUNCTUATED = re.compile(r"[^。；;：:！？!?]+(?<![，,、])")
# A top-level heading whose 、 a site lost (一主要举措和成效), a line of its own; not 一是…, 一年来…
_BARE_NUMERAL_HEADING = re.compile(rf"^([{_CN_NUM}])(?![是年些切直般方个批系定来步])([\u4e00-\u9fff]{{4,18}})$")
# A heading, its colon, then its text after a space (一、2015年主要工作情况: 一年来，…)
_COLON_RUN_IN = re.compile(r"^([一二三四五六七八九十]{1,3}、[^。，,；;：:]{2,28})[：:]\s+(?=\S.{9})")
_RUN_IN_PART = re.compile(r"\s*(?:[（(][一二三四五六七八九十]{1,3}[)）]|(?<![统唯之])一是)")  # (…夯实工作责任一是加强…)
# 一、2018年工作回顾 run into the review's first words (过去一年, 一年来, 2018年…)
_REVIEW_RUN_IN = re.compile(r"^[一二三四五六七八九十]{1,3}、[^，,。]{2,24}?回顾(?=过去|一年来|刚刚|五年来|(?:19|20)\d{2}年)")


def _cn_number(numeral: str) -> int | None:
    values = {c: i + 1 for i, c in enumerate(_CN_NUM)}
    if not all(c in values for c in numeral):
        return None
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + values[numeral[1]]
    if len(numeral) == 2 and numeral[1] == "十":
        return values[numeral[0]] * 10
    if len(numeral) == 3 and numeral[1] == "十":
        return values[numeral[0]] * 10 + values[numeral[2]]
    return values[numeral] if len(numeral) == 1 else None


def _subsection_title(rest: str) -> str:
    """A subsection's title: its line up to the first 。 (or the whole line)."""
    title = rest.split("。", 1)[0].strip()
    return title.rstrip("：:;；")


def _first_body_index(lines: list[str]) -> int:
    """Index of the first line that belongs to the report body (a section heading or a
    sentence-like paragraph)."""
    for i, line in enumerate(lines):
        if _section_heading(line, 1) or _SUBSECTION.match(to_simplified(line)):
            return i
        sentence_like = len(line) > 60 or "。" in line or ("，" in line and len(line) > 30) or ANNOUNCED.search(to_simplified(line))
        if sentence_like and not _is_title_line(line):
            return i
    return len(lines)


def _title_over_heading(header: list[str], title: str | None) -> tuple[int, str] | None:
    """Where a header line is the report's title printed again with the first section's
    heading run into it (2014年天津市河西区政府工作报告2013年主要工作回顾, as a site
    flattened its headline and the text): (its index, the heading), else None."""
    if not title:
        return None
    for at, line in enumerate(header):
        if line.startswith(title) and len(line) > len(title):
            heading = line[len(title):].strip()
            simplified = to_simplified(heading)
            if _UNNUMBERED_GONGZUO_HEADING.match(simplified) or (_SECTION_CN.match(simplified) and _heading_like(heading)):
                return at, heading
    return None


def _split_header_body_closing(lines: list[str], header_end: int = 0) -> tuple[list[str], list[str], list[str]]:
    """(header, body, closing); the first `header_end` lines (a delivery line) are header."""
    start = header_end + _first_body_index(lines[header_end:15])
    if start == len(lines[:15]) and header_end < 15:
        # No sentence-like line near the top: only a title line (if any) is header.
        start = next((i + 1 for i, line in enumerate(lines[:15]) if _is_title_line(line)), header_end)
    header, rest = lines[:start], lines[start:]
    closing: list[str] = []
    while rest and _is_closing_line(rest[-1]):
        closing.insert(0, rest.pop())
    return header, rest, closing


_CONTENTS_PART = re.compile(r"^\s*[（(][一二三四五六七八九十]{1,3}[)）]\S{2,30}$")  # (一)坚持扩增量、提质量


def _contents_end(lines: list[str]) -> int:
    """The end of a table of contents printed above the title (一、… 二、… or (一)… then the title,
    then the report, whose first heading repeats the contents' first line): the index after
    the title, or 0 when the page has none."""
    first = next((i for i, line in enumerate(lines[:15]) if _section_heading(line, 1) or _CONTENTS_PART.match(line)), None)
    if first is None:
        return 0
    heading = re.sub(r"\s+", "", lines[first])
    for i in range(first + 1, min(len(lines), first + _CONTENTS_LINES)):
        if _is_title_line(lines[i]):
            repeated = any(re.sub(r"\s+", "", line) == heading for line in lines[i + 1:i + 12])
            # (or the title is over the address: a contents list of the parts, the title, 各位代表)
            addressed = any(_DELEGATES.match(line) for line in lines[i + 1:i + 3])
            return i + 1 if repeated or addressed else 0
    return 0


def _delivery_window(lines: list[str]) -> int:
    """How many of the first lines may hold a delivery line: those above 各位代表, however
    much of a forum page's chrome comes first, or else the first 15."""
    for i, line in enumerate(lines[:_ADDRESS_SEARCH]):
        if _DELEGATES.match(line):
            return i
    return 15


def _is_closing_line(line: str) -> bool:
    """A signature body name, a date, or an attachment note at the end of the report."""
    if len(line) > 40 or "。" in line:
        return False
    return bool(_DATE.fullmatch(line.strip()) or _ISO_DATE.fullmatch(line.strip()) or _CN_DATE.match(line.strip())
                or _PUBLISHED_LINE.match(to_simplified(line)) or _is_body_name(line)
                or re.match(r"^[（(]?此件.{0,20}[)）]?$", line))


def _is_body_name(line: str) -> bool:
    line = to_simplified(line.strip())
    return (2 <= len(line) <= 40 and not re.search(r"[，。：:；;,、！？|｜]", line)  # (中国政府网 | 重庆市人民政府网 部门街镇: a menu)
            and bool(_BODY_SUFFIX.search(line)) and not _TITLE_WORDS.search(line))


_PLACE_TAG = re.compile(r"^[（(\[【]\s*([\u4e00-\u9fff]{2,10})\s*[)）\]】]\s*")


@lru_cache(maxsize=1)
def _province_tag() -> re.Pattern:
    """A province in brackets before a reposted headline: (内蒙古)2022年…政府工作报告(全文), also
    with its bracket garbled by a gateway ((海南?。?024年…: 省)2 lost)."""
    names = {n for p in gazetteer().by_code.values() if p.level == PROVINCE for n in (p.name, *short_names(p))}
    return re.compile(r"^[（(\[【]\s*(?:" + "|".join(sorted(names, key=len, reverse=True)) + r")\s*(?:[)）\]】]|[?？。]{1,3})\s*")


# The notice a government issues its 政府工作报告 with, printed over the report: its headline
# (北京市海淀区人民政府印发2017年政府工作报告的通知; (通政发〔2020〕1号)…关于印发赵磊同志在…作的《政府工作报告》的通知)
_ISSUING_NOTICE = re.compile(r"^[^。，,]{0,40}(?:关于)?印发[^。，,]{0,50}政府工作报告》?的通知$")


def _is_title_line(line: str) -> bool:
    """The line that names the report: 关于…报告, …年度报告, …工作总结, …工作情况汇报, or the notice that
    issues a 政府工作报告 (重庆市渝北区人民政府关于印发2021年政府工作报告的通知)."""
    if line[:1] in "（(【[":  # (the cheap test first: most lines are no title)
        line = _province_tag().sub("", to_simplified(line))  # (內蒙古) is (内蒙古)
        tag = _PLACE_TAG.match(line)  # (安吉县)2021年鄣吴镇人民政府工作报告(全文): a county's tag
        if tag and any(m.end - m.start == len(tag.group(1)) for m in gazetteer().find(tag.group(1))):
            line = line[tag.end():]
    notice = "印发" in line and _ISSUING_NOTICE.match(re.sub(r"\s+", "", to_simplified(line)))
    if notice:  # ((通政发〔2020〕1号)…的通知, too)
        return True
    if len(line) > 80 or "。" in line or line.startswith(("（", "(", "—", "-", "，", ",", "、", "；")) or _CLOCK.search(line):
        return False  # (——在中国共产党北京市第十三次代表大会上的报告: a delivery line; ，1945年中共七大報告: a sentence's end)
    line = re.sub(r"\s+", "", to_simplified(line))  # 政 府 工 作 报 告, letter-spaced
    if line.startswith("关于") and _TITLE_WORDS.search(line):
        return True
    line = _TITLE_NOTE.sub("", line)  # …年度报告（2024年度）
    # (2021年青海省《政府工作报告》(附全文): the name in 《》)
    # (…政府工作报告和2019年工作计划: the report with the year's plan)
    # (…2015年推进依法行政工作情况及2016年工作打算: the year's account with the next year's plans)
    # (…依法行政工作情况汇报: a report made to a superior body)
    # (…2023年工作总结和2024年工作思路: the year's account with the next year's plans)
    return (bool(re.search(r"(?:报告|年报|工作总结)》?$|(?:情况|工作)汇报$|法治政府.{0,8}建设.{0,4}情况$|(?:报告|总结)(?:和|及|暨)[^。，,]{2,14}(?:计划|安排|思路)$"
                           r"|工作情况(?:及|和|暨)[^。，,]{2,20}(?:打算|计划|安排|思路)$", line)
                 or _SUBTITLED.search(line))
            and not _ADDRESSEE.match(line))


# A title with a subtitle after its dash, which is no delivery line (大塘埠镇2021年政府工作报告——2020年
# 工作及“十三五”时期发展回顾和2021工作计划; not ——在…会议上, nor a site's name after a hyphen)
_SUBTITLED = re.compile(r"工作报告(?:——|－－|--)(?!\s*(?:在|\d{4}\s*年\s*\d|\d{6}|[〇零○一二三四五六七八九]{4}\s*年))[^。，,]{4,40}$")


def _late_title(body: list[str]) -> int | None:
    """The index of a title line among the first lines of the body, before any section
    (沈阳市司法局关于2023年法治政府建设情况的报告 after a site's banner sentence), or None."""
    for i, line in enumerate(body[:6]):
        if _section_heading(line, 1):
            return None
        if _is_title_line(line) and not _is_column_name(line):
            return i
    return None


def _is_column_name(line: str) -> bool:
    """A bare 工作报告, 政府报告 or 其他专题报告: the name of the site's column above a report's title."""
    return bool(_COLUMN_NAME.fullmatch(re.sub(r"\s+", "", to_simplified(line))))


# A kind's bare name (法治政府建设年度报告): a column's, when a report's own title follows it
_KIND_COLUMN = re.compile(r"(?:法治政府建设|依法行政)(?:工作)?(?:年度|情况)*报告")


def _column_over_title(header: list[str], i: int, skip: set[int]) -> bool:
    """Whether header line `i` is a kind's bare name over a title of its own on the next line
    (法治政府建设年度报告 / 江海区政务服务和数据管理局关于2025年度法治政府建设情况的报告)."""
    after = header[i + 1] if i + 1 < len(header) and i + 1 not in skip else ""
    return (bool(_KIND_COLUMN.fullmatch(re.sub(r"\s+", "", to_simplified(header[i]))))
            and _is_title_line(after) and len(re.sub(r"\s+", "", after)) > len(re.sub(r"\s+", "", header[i])))


def _is_title_tail(line: str, before: str) -> bool:
    """Whether `line` (情况报告, 工作情况报告) ends a title begun on the line `before`
    (…2023年度法治政府建设工作): a web page breaks a long title where it likes."""
    before = to_simplified(before)
    return (bool(_TITLE_TAIL.fullmatch(re.sub(r"\s+", "", to_simplified(line))))
            and len(before) <= 40 and not re.search(r"[，。：:；;,、！？]", before)
            and not (_BODY_SUFFIX.search(before) and not before.endswith("法治政府"))
            and not _is_title_line(before))


def _parse_header(header: list[str], skip: set[int] = frozenset()) -> dict:
    """Title (and the header lines it spans), issuers, document number, addressee and a
    发布时间 date from the lines above the body; lines in `skip` (a delivery line) are none."""
    meta = {"title": None, "title_lines": None, "issuers": [], "doc_number": None, "addressee": None,
            "published": None}
    title_at = None
    for i, line in enumerate(header):
        if i in skip:
            continue
        if _is_title_line(line) and not _is_column_name(line) and not _column_over_title(header, i, skip):
            title_at = i
            meta["title"], meta["title_lines"] = line, (i, i + 1)
            after = header[i + 1] if i + 1 < len(header) and i + 1 not in skip else ""
            if _ends_document_name(after):  # 关于印发2022年《政府工作报告》 / 重点任务责任落实分工的通知
                title_at = i + 1
                meta["title"], meta["title_lines"] = line + after, (i, i + 2)
            break
        # A title printed over two lines: 关于…建设 / 情况的报告, …法治政府建设工作 / 情况报告,
        # 长春市人民政府关于 / 2023年度…的报告, 南京市人民政府关于2020年度 / 法治政府建设情况的报告
        simple = to_simplified(line).strip()
        if i + 1 < len(header) and i + 1 not in skip and _is_title_line(header[i + 1]) and (
                (simple.startswith("关于") and not to_simplified(header[i + 1]).startswith("关于"))
                # …关于2020年度 / 法治…的报告, …管理委员会关于报送 / 《…法治政府建设情况》的报告
                or (re.search(r"关于(?:报送|呈报|上报)?\s*(?:(?:19|20)\d{2}\s*年度?)?$", simple) and len(simple) <= 40)
                or (re.search(r"(?:19|20)\d{2}\s*年度?$", simple) and len(simple) <= 40  # …人民政府2024年 / 法治…年度报告
                    and not re.search(r"[，。：:；;,、！？]", simple))
                # 南开区2023年预算执行情况和 / 2024年预算草案的报告
                or (simple.endswith(_WRAP_END[:4]) and len(simple) <= 40 and not re.search(r"[，。：:；;,、！？]", simple))
                or _is_title_tail(header[i + 1], line)):
            title_at = i + 1
            meta["title"], meta["title_lines"] = line + header[i + 1], (i, i + 2)
            break
    below_title = _below_title(header, meta["title_lines"][1], meta["title"]) if title_at is not None else None
    for i, line in enumerate(header):
        if i in skip:
            continue
        if _PUBLISHED_LINE.match(to_simplified(line)):
            meta["published"] = _published_date([line])
            continue
        if title_at is not None and i <= title_at:
            if i < title_at and _is_body_name(line) and not (meta["title"] or "").startswith(line):
                meta["issuers"].append(unbulleted(line))
            continue
        if title_at is not None and _is_body_name(line) and i + 1 < len(header) and (
                re.sub(r"\s+", "", header[i + 1]) == re.sub(r"\s+", "", meta["title"])):
            meta["issuers"].append(unbulleted(line))  # the headline printed again below the chrome, its issuer above it
            continue
        if i == below_title and _is_body_name(line):
            meta["issuers"].append(unbulleted(line))  # 2024年法治政府建设情况报告 / 新晃县退役军人事务局 / (2025年2月20日)
            continue
        if _DOC_NUMBER.match(to_simplified(line)):
            meta["doc_number"] = re.sub(r"\s+", "", line)
        elif _ADDRESSEE.match(line):
            meta["addressee"] = line
        elif title_at is None and _is_body_name(line):
            meta["issuers"].append(unbulleted(line))
    return meta


def _ends_document_name(line: str) -> bool:
    """Whether `line` is the end of a document's name broken after its first line (…重点任务责任落实
    分工的通知, 的決議(草案) below 关于《金雞鎮政府工作報告》): the title line above names a report the
    document is about, not the document."""
    line = re.sub(r"\s+", "", to_simplified(line))
    return (0 < len(line) <= 30 and "关于" not in line and not re.search(r"[，。：:；;,！？]", line)  # (关于: a name of its own)
            and bool(_DOCUMENT_TYPE.search(line) or _DOCUMENT_TYPE.fullmatch("的" + line)))  # (决议, its 的 on the line above)


def _below_title(header: list[str], end: int, title: str) -> int:
    """The index of the first header line below the title (at `end`) that does not print it again."""
    while end < len(header) and re.sub(r"\s+", "", header[end]) == re.sub(r"\s+", "", title):
        end += 1
    return end


_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "O": "0", "○": "0"}
_CN_DATE = re.compile(r"^([〇零○O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")


def _arabic_date(line: str) -> str:
    """二〇二四年一月十五日 -> 2024年1月15日 (other lines unchanged)."""
    match = _CN_DATE.match(line)
    if not match:
        return line
    year = "".join(_CN_DIGITS[c] for c in match.group(1))
    month, day = _cn_number(match.group(2)), _cn_number(match.group(3))
    return f"{year}年{month}月{day}日" if month and day else line


def _published_date(lines: list[str]) -> dt.date | None:
    """The last date printed on its own line (the signature date) or on a 发布时间 line."""
    for line in reversed(lines):
        stripped = _arabic_date(to_simplified(line.strip()))
        match = _DATE.fullmatch(stripped) or _ISO_DATE.fullmatch(stripped)
        if not match and _PUBLISHED_LINE.match(stripped):
            match = _DATE.search(stripped) or _ISO_DATE.search(stripped)
        if match:
            try:
                return dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                continue
    return None


# ---------------------------------------------------------------- kind


# The first heading of a 政府工作报告's review, naming the government (一、2017年政府工作回顾,
# 本届政府工作回顾, 过去五年政府工作回顾)
_GOVERNMENT_REVIEW = re.compile(r"^(?:[一1][、.．]?)?(?:(?:19|20)\d{2}年度?|本届|过去五年)政府工作回顾$")


def _report_kind(report: Report, delivered: bool = False) -> str:
    """fazhi when the title (or, untitled, the opening) names 法治政府建设 or the sections are
    the annual report's; gongzuo for a 政府工作报告 (by its title, a delivery line to a
    people's congress, or an untitled opening 各位代表 … 向大会报告工作); other for anything else."""
    names = [re.sub(r"\s+", "", to_simplified(report.title))] if report.title else _name_lines(report)  # (的決議: 的决议)
    if report.title and _ISSUING_NOTICE.search(to_simplified(report.title)) and (
            delivered or any(_ADDRESS_OPENING.search(to_simplified(p.text)) for p in report.preamble[:_ADDRESS_SEARCH])):
        return "gongzuo"  # …关于印发2021年政府工作报告的通知 over the report it issues (its delivery line, or its address)
    if any(_is_document_name(name) for name in names) and not any(  # (大会/大會 first: a law's articles are many)
            ("大会" in p.text or "大會" in p.text) and _GOVERNMENT_ADDRESS.search(to_simplified(p.text))
            for p in report.preamble[:_ADDRESS_SEARCH]):
        # a notice that issues a work plan, a resolution on a report, a plan: no report (but a
        # site's headline …政府工作报告精神解读 over 各位代表：现在，我代表市人民政府… is the report)
        return "other"
    # (untitled, its opening; a report it cites, 《政府工作报告》中确定的2021年各项工作任务, is not its name)
    named = re.sub(r"\s+", "", to_simplified(report.title or re.sub(
        r"《[^《》]*》", "", " ".join(p.text[:60] for p in (*report.front, *report.preamble[:1])))))
    beginning = re.sub(r"\s+", "", to_simplified(" ".join(p.text[:600] for p in (*report.front, *report.preamble[:2]))))
    if not report.title and (_OWN_PLAN.search(beginning) or _issues_no_report(beginning) or _SPEECH.match(beginning)):
        return "other"  # 为…，制定本方案 / 现将《海原县法治政府建设2023年工作要点》印发给你们 / …会议上的讲话同志们：
    if re.search(r"法治政府.{0,4}(?:建设|报告|工作总结)|法治建设.{0,12}(?:报告|情况|总结)|依法行政.{0,8}(?:报告|情况)", named):
        return "fazhi"
    if "政府工作报告" not in named and _OTHER_BODY_ADDRESS.search(beginning):
        return "other"  # 我代表珠海市中级人民法院向大会报告工作: a court's work report to the congress
    opening = to_simplified(" ".join(p.text[:80] for p in (*report.front, *report.preamble[:2])))
    # 泉州人民政府2011年工作报告 over a delivery line names it too
    if re.search("(?:政府|行署)工作报告", named) or (not report.title or re.search(r"政府.{0,12}(?:工作)?报告$", named)) and (  # (沾化县政府报告)
            delivered or re.search(r"位代表.{0,30}向大会(?:报告|作).{0,4}工作", opening)):
        return "gongzuo"
    # a title in words of its own (坚持科学发展…美丽的西滨) over a government's delivered address (on a
    # flattened page, in the title's line)
    address = opening or to_simplified((report.title_line or "")[:FLAT_HEAD + 100])
    if delivered and "报告" not in named and re.search(r"位代表.{0,30}政府.{0,12}向大会(?:报告|作).{0,4}工作", address):
        return "gongzuo"
    first_line = report.sections[0].heading if report.sections else report.front[0].text if report.front else ""
    if not report.title and _GOVERNMENT_REVIEW.search(re.sub(r"\s+", "", to_simplified(first_line))):
        return "gongzuo"  # an untitled copy that opens at 一、2017年政府工作回顾: a 政府工作报告's review
    if not report.title and "政府工作报告" in report.source.replace("\\", "/").rsplit("/", 1)[-1]:
        return "gongzuo"  # an untitled copy that opens at its first section: its file name says what it is
    categories = {c for s in report.sections for c in heading_categories(s.heading)}
    if not report.title and ({"measures", "leadership"} <= categories or _fazhi_opening(report)):
        return "fazhi"
    return "other"


# A plan or rules that say what they are for (为…，制定本方案): no report
_OWN_PLAN = re.compile(r"制定本(?:方案|办法|规划|要点|意见|计划|规定|细则|纲要)")
# The document a notice issues: 关于印发…工作计划的通知, 现将《…工作要点》印发给你们
# (the notice's own name opens the text; a notice the text cites, 《…关于印发…工作安排的通知》, is no name)
_ISSUED = re.compile(r"^[^。，,《》]{0,30}?印发《?([^。，,《》]{2,60}?)》?的通知|《([^《》]{2,60})》[^。《》]{0,24}(?:印发给你们|予以印发)")
# A speech whose name the page ran into its text (市长在全市法治政府建设工作会议上的讲话同志们：…)
_SPEECH = re.compile(r"^[^。，,]{0,30}在[^。，,]{2,50}(?:会议|大会|座谈会|仪式)上的(?:讲话|致辞|发言)")
# The government's own address to the congress (我代表市人民政府，向大会作政府工作报告)
_GOVERNMENT_ADDRESS = re.compile(r"我代表[^。，,]{0,20}政府[，,\s]*向大会")
# Another body's work report to the congress: 我代表…人民法院, 我受…人大常委会委托, 我受镇人大主席团委托
_OTHER_BODY_ADDRESS = re.compile(r"我代表[^，,。政府]{0,20}(?:法院|检察院|常务委员会|常委会)|我受[^，,。政府]{0,20}(?:常务委员会|常委会|主席团)委托")


def _is_document_name(name: str) -> bool:
    """Whether `name` is the name of a document that is no report (…的决议, …实施方案, a plan,
    解读《…政府工作报告》)."""
    if _DOCUMENT_TYPE.search(name) or _READING_OF.match(name):
        return True
    other = _OTHER_DOCUMENT.search(name) if len(name) >= _OTHER_NAME_MIN else None
    if not other or _REPORT_AND_PLAN.search(name):
        return False
    # (a report's subtitle may end in its plans: …政府工作报告——2020年工作…回顾和2021工作计划)
    return not (_PLAN_TYPE.match(other.group()) and "报告" in name)


def _issues_no_report(text: str) -> bool:
    """Whether `text` is a notice issuing a document that is no report (a plan, rules), not
    the notice over a report it issues (…情况报告》印发给你们)."""
    return any(_is_document_name(match.group(1) or match.group(2)) for match in _ISSUED.finditer(text))


def _fazhi_opening(report: Report) -> bool:
    """An untitled copy that opens with the report's first sentences: 2023年，…扎实推进法治政府
    建设… 现将2023年度法治政府建设工作情况报告如下; or an opening on 法治政府建设 whose first
    section is on it too (一、坚持高位推动，不断健全依法行政工作体系); or an opening that reports
    (现将有关工作情况报告如下) whose first section is on 法治政府建设 by name; or an opening on
    法治政府建设 whose first section is the annual report's first part (一、主要举措和成效)."""
    opening = re.sub(r"\s+", "", to_simplified(" ".join(p.text[:600] for p in report.preamble[:2])))
    if _OWN_PLAN.search(opening):
        return False  # 为加快建设法治政府…，制定本方案: a plan
    if re.search(r"法治(?:政府)?(?:建设|工作)[^。]{0,30}(?:报告?|总结)如下", opening):  # (…法治建设工作总结如下)
        return True
    first = to_simplified(report.sections[0].heading) if report.sections else ""
    if re.search(r"法治(?:政府)?建设.{0,6}(?:举措|成效|情况)", first):
        return True  # the template's first part: 一、2020年度推进法治政府建设的主要举措和成效 (法治建设 too)
    if re.search(r"履行推进法治建设第一责任人职责", first) and "法治" in opening:
        return True  # …贯彻习近平法治思想… / 一、主要负责人履行推进法治建设第一责任人职责情况
    if re.search(r"报告?如下", opening) and re.search(r"法治政府建设|建设法治政府", first):
        return True
    if "法治政府" in opening and re.search(r"法治政府建设|建设法治政府", first):
        return True  # …坚持法治新疆、法治政府、法治社会一体建设… / 一、…系统谋划统筹推进法治政府建设
    first_is_measures = bool(report.sections) and "measures" in heading_categories(report.sections[0].heading)
    template_part = re.search(r"举措和成效", first)  # (the annual report's first part, by the 督察工作规定)
    if (re.search(r"报告?如下", opening) or template_part) and first_is_measures and report.sections[0].paragraphs:
        # 现将有关情况报告如下 / 一、2023年主要举措和成效 / (一)进一步完善法治政府建设顶层设计
        # ((一)凝心聚力，全面加强党对法治政府的领导)
        if re.search(r"法治政府", to_simplified(" ".join(p.text[:200] for p in report.sections[0].paragraphs[:3]))):
            return True
    if template_part and re.search(r"报告?如下", opening) and len(re.findall("法治", opening)) >= 2:
        return True  # …贯彻落实习近平法治思想…提供坚实法治保障。现将有关情况报告如下 / 一、主要举措和成效
    # (建设交通运输法治政府部门: the transport departments' own name for it)
    on_fazhi = bool(re.search(r"法治政府建设|建设法治政府|法治政府部门", opening))
    if on_fazhi and re.search(r"(?:报告|总结|汇报)如下", opening):
        return True  # …系统推进法治政府建设… 现将2025年工作情况总结如下
    if re.search(r"法治建设|法治政府", opening) and re.search(r"报告?如下", opening) and first_is_measures:
        # …圆满完成年度法治建设任务。现将2025年相关工作情况报告如下 / 一、主要做法和成效 (…法治罗源、
        # 法治政府、法治社会一体建设取得新进展… / 一、工作举措及成效)
        return True
    # (the first parts of the 法治政府建设 template: 依法全面履行政府职能, 加快政府职能转变, 加强组织领导,
    # 落实党政同责 of the leaders' duty to push it)
    return on_fazhi and bool(re.search(r"法治|依法行政|依法全面履行|政府职能|组织领导|党政同责|第一责任人", first)
                             or first_is_measures)


# ---------------------------------------------------------------- year


# The last crumb of a site's year column for its reports (…> 法治政府建设年度报告 > 2021年度)
_YEAR_CRUMB = re.compile(r"((?:19|20)\d{2})\s*年度?")


def _covered_year(report: Report) -> tuple[int | None, str | None]:
    """(the year a report covers, its source): the title's year, else the year its measures
    or shortcomings headings name, else its plans heading's year minus one, else the year
    the opening sentence starts with, else the year of the site's column the page is filed
    under, else the year before publication."""
    if report.title:
        years = _years(report.title)
        if years:
            return years[0], "title"
    plans_years = []
    for section in report.sections:
        years = _years(section.heading)
        if not years:
            continue
        if "plans" in section.categories and len(section.categories) == 1:
            plans_years.append(years[0] - 1)
        else:
            return years[0], "body"
    if plans_years:
        return plans_years[0], "body"
    for p in report.preamble[:2]:
        # 2023年，清波街道以…: the year a clause starts with, outside the names of documents
        # and their (2023—2027年) spans.
        opening = re.sub(r"[（(][^（）()]*[)）]", "", without_cited(to_simplified(p.text[:300])))
        years = _OPENING_YEAR.findall(opening) or _years(opening[:30]) or _REPORTED_YEAR.findall(opening)
        if years:
            return int(years[0]), "body"
    for crumbs in (breadcrumb_parts(d["text"]) for d in report.dropped if d["reason"] == "web breadcrumb"):
        # 首页 > … > 法治政府建设年度报告 > 2021年度: a site files its reports by the year covered
        if len(crumbs) > 1 and "报告" in crumbs[-2] and (column := _YEAR_CRUMB.fullmatch(crumbs[-1])):
            return int(column.group(1)), "column"
    if report.published:
        return (report.published.year - 1 if report.published.month <= 6 else report.published.year), "published"
    return None, None



def _years(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(text)]


# ---------------------------------------------------------------- other documents


def _name_rows(report: Report) -> list[tuple[Paragraph, str]]:
    """The paragraphs that may name an untitled document, each with its line simplified and
    without spaces or |: the header's, and short lines that open the body (the header may be
    all chrome)."""
    rows = []
    for paragraph in (*report.front, *report.preamble[:_NAME_SEARCH]):
        line = re.sub(r"\.(?:docx?|pdf|wps)$", "", re.sub(r"[\s|｜]+", "", to_simplified(paragraph.text)))  # (…的讲话.pdf)
        if re.search(r"[。；;！？]", line):
            break  # the text has begun
        if len(line) <= 60:
            rows.append((paragraph, line))
    return rows


def _name_lines(report: Report) -> list[str]:
    """The lines of `_name_rows`."""
    return [line for _, line in _name_rows(report)]


def _own_name(report: Report) -> list[Paragraph]:
    """The paragraphs printing an untitled document's own name: the header lines that end with
    what it is (…工作安排的通知), with the issuer and the lines of the name printed above it;
    else its first line when that is a name (驻马店市山体保护条例), not a sentence, a date or
    a number; else none."""
    rows = _name_rows(report)
    front = [line for _, line in rows]
    for end, line in enumerate(front):
        if _broken_name(front, end):
            return [paragraph for paragraph, _ in rows[end - 1:end + 1]]
        if not _is_document_name(line) or _DELIVERED_SUBTITLE.match(line):
            continue  # (——在全市经济工作会议上的讲话 says where the name above it was delivered)
        start = end
        # A name broken over lines: back to its 关于, then the issuer printed above it.
        while start > max(0, end - 2) and "关于" not in "".join(front[start:end + 1]) \
                and "关于" in front[start - 1]:
            start -= 1
        above = front[start - 1] if start > 0 else ""
        if front[start].startswith("关于") and 0 < len(above) <= 40 and not _DOC_NUMBER.match(above) \
                and not re.search(r"[，。：:；;,！？]", above) and not (_ISO_DATE.search(above) or _DATE.search(above)):
            start -= 1  # the issuer: 鹤岗市人民政府 鹤岗市中级人民法院印发
        elif front[start].startswith("常务委员会") and above.endswith("人民代表大会") and len(above) <= 40:
            start -= 1  # a congress's name broken before its committee: 阿坝…人民代表大会 / 常务委员会…办法
        return [paragraph for paragraph, _ in rows[start:end + 1]]
    subtitle = next((i for i, line in enumerate(front[:_SUBTITLED_NAME_ROWS + 1]) if _DELIVERED_SUBTITLE.match(line)), 0)
    if subtitle and all(len(line) <= 30 and not re.search(r"[。：:；;！？|]", line) and not _DATE.search(line)
                        for line in front[:subtitle]):
        return [paragraph for paragraph, _ in rows[:subtitle]]  # its name above where it was delivered
    first = next(iter((*report.front, *report.preamble)), None)
    if first is None:
        return []
    line = re.sub(r"\s+", "", to_simplified(first.text))
    plain = 4 <= len(line) <= _OWN_NAME_MAX and not re.search(r"[，,。：:；;！？|｜]", line)
    return [first] if plain and _OWN_NAME_END.search(line) and not (_DATE.search(line) or _ISO_DATE.search(line)) else []


_NAME_TAIL_MAX = 8


def _broken_name(front: list[str], end: int) -> bool:
    """Whether name row `end` is a short tail (统计公报, 绩效自评报告) that names a document only
    with the row above it (2019年贵州省长顺县国民经济和社会发展 / 统计公报)."""
    if end == 0 or len(front[end]) > _NAME_TAIL_MAX or _is_document_name(front[end]):
        return False
    above = front[end - 1]
    return (len(above) <= 40 and not re.search(r"[，,。：:；;！？、>|]", above) and not _DATE.search(above)
            and not _DOC_NUMBER.match(above) and not _is_document_name(above) and _is_document_name(above + front[end]))


# How the name of a law, a regulation or another document ends (…保护条例, …民法典, …的解释,
# …(2021年版)): a first line ending otherwise is a site's menu or a body's name, no document's name
_OWN_NAME_MAX = 100  # (…关于办理利用互联网、移动通讯终端、声讯台制作…刑事案件具体应用法律若干问题的解释)
_OWN_NAME_END = re.compile(r"(?:法|法典|条例|规定|办法|解释|解答|规则|细则|决定|决议|修正案|安排|守则|批复|通知|规范|章程|意见"
                           r"|公告|通告|方案|规划|纲要|要点|计划|公报|报告|标准|准则|目录|清单)(?:[（(][^（）()]{1,20}[)）])?$")


# A subtitle saying where the name above it was delivered (决胜全面建成小康社会 / 为夺取… /
# ——在中国共产党第十九次全国代表大会上的报告), over the lines of that name at most
_DELIVERED_SUBTITLE = re.compile(r"^[—－-]{1,2}在(.{2,60}?)上的(报告|讲话|发言|致辞)$")
_SUBTITLED_NAME_ROWS = 3


def _fill_other(report: Report, delivery: Delivery | None) -> None:
    """A document that is no report: its own name is its title when no title line was read
    (the name's lines become the title's block), and gives the place and year it states as its
    own; so does the line dating a congress's document, a report delivered to it or a
    resolution it adopted (——2026年1月27日在广东省第十四届人民代表大会第五次会议上). The body
    never does (a year in its first sentence is often some other year's)."""
    if not report.title:
        printed = _own_name(report)
        if printed:
            report.title = "".join(p.text.strip() for p in printed)
            report.title_n = printed[0].n
            report.front = [p for p in report.front if p not in printed]
            report.preamble = [p for p in report.preamble if p not in printed]
    name = to_simplified(report.title or "")
    # (the issuer printed above a name that starts with 关于 is the name's start: 盐城市人民政府办公室 /
    # 关于分解落实2019年市政府工作报告主要目标任务的通知)
    issuer = report.issuers[0] if report.issuers and name.startswith("关于") else ""
    _fill_own_name_place(report, to_simplified(issuer) + name)
    # (a town's own summary: 东柳街道2023年工作总结…, 2018年建新镇政府信息公开工作年度报告)
    report.town = leading_town(_LEADING_YEAR.sub("", name)) if name else None
    years = _name_years(name)
    report.year = years[0] if years else None
    if report.year:
        report.provenance["year"] = "title"
    if name and not (_CONGRESS_DOCUMENT.search(name) or _delivered(report)):
        return  # (a law's adoption line dates a text amended since: its name alone states its year)
    # (or an untitled one: ——2026年1月27日在广东省…会议上, (2022年4月27日许昌市…会议通过) over its text)
    if delivery and (delivery.published or delivery.adopted):
        year, place = (delivery.published or delivery.adopted).year, delivery.place_text
    else:
        year, place = _adoption(report)
    if year and not report.year:
        report.year = year
        report.provenance["year"] = "delivery line"
    placed = report.province or report.city or report.county
    if place and not placed and set_place(report, to_simplified(place)):
        report.provenance["place"] = "delivery line"


# The line under a resolution's name saying when and where it was adopted (or a report delivered):
# (2025年2月28日舟山市普陀区第十八届人民代表大会第四次会议第三次全体会议通过)
_ADOPTION = re.compile(r"^[—-]*[（(]?(\d{4})年\d{1,2}月\d{1,2}日(?:在)?([^（）()。]{0,60}?)(?:通过|会议上)(?:的报告)?[)）]?$")


def _opening_rows(report: Report) -> list[str]:
    """The first lines under a document's name, simplified and without spaces."""
    return [re.sub(r"\s+", "", to_simplified(p.text)) for p in (*report.front, *report.preamble)[:6]]


def _delivered(report: Report) -> bool:
    """Whether a subtitle under the name says where it was delivered (——在…上的报告, …上的讲话)."""
    return any(_DELIVERED_SUBTITLE.match(row) for row in _opening_rows(report))


def _adoption(report: Report) -> tuple[int | None, str | None]:
    """(year, the place before its congress's number) of the adoption line among the first
    lines under a congress document's name, else (None, None). The date under a subtitle saying
    where a text was delivered (——在中国共产党第十九次全国代表大会上的报告 / （2017年10月18日）,
    ——在全市经济工作会议上的讲话 / …) is its own date too; only a congress's name gives a place."""
    rows = _opening_rows(report)
    for i, row in enumerate(rows):
        match = _ADOPTION.match(row)
        subtitle = None if match else _DELIVERED_SUBTITLE.match(row)
        # (the date on a line of its own under it: （2017年10月18日）)
        dated = _DATE.fullmatch(rows[i + 1].strip("（()）")) if subtitle and i + 1 < len(rows) else None
        if not (match or dated):
            continue
        year, meeting = (int(match.group(1)), match.group(2)) if match else (int(dated.group(1)), subtitle.group(1))
        # (a congress's, a party congress's or a political consultative conference's; a court's
        # committee adopts its interpretations too)
        if re.search("代表大会|人大|政协|政治协商会议", meeting):
            meeting = re.sub(r"^(?:中国共产党|中国人民政治协商会议|政协)", "", meeting)
            return year, re.split(r"第?[一二三四五六七八九十\d]+(?:届|次)", meeting)[0]
        if dated:
            return year, None
    return None, None


# A congress's document: a report delivered to it (in writing: …的综合报告(书面)), a resolution or a
# decision it adopted
_CONGRESS_DOCUMENT = re.compile(r"(?:报告|决议|决定)(?:[（(](?:草案|书面)[)）])?》?$")
_LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}\s*年度?")


# A year in a name, in figures or in words (二〇二三年), or a span's first year (规划(2016—2020年)); not
# a goal's (…第十四个五年规划和二〇三五年远景目标的建议)
_NAME_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2}|[一二][〇零○九][〇零○一二三四五六七八九]{2})\s*"
                        r"(?:年(?!远景|第\d)|[—–\-－~至到]\s*(?:19|20)?\d{2}\s*年)")  # (an announcement's 2019年第43号)


def _name_years(name: str) -> list[int]:
    """The years a document's name states, in order."""
    return [int("".join(_CN_DIGITS.get(c, c) for c in year)) for year in _NAME_YEAR.findall(name)]


def _fill_own_name_place(report: Report, name: str) -> None:
    """The place of a document that is no report (a law, a notice): only a place its own
    name starts with, as a local regulation's does (三门峡市城市环境卫生管理条例 is
    三门峡市's own law); a place named later in the name (国务院关于…海南岛的规定) is a
    subject, not the issuer, and the body is never read."""
    name = re.sub(r"^[\u4e00-\u9fff]{1,16}\s*[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号\s*《?", "", to_simplified(name))
    # (a party committee's or a political consultative conference's: 中共温州市鹿城区委关于…,
    # 中国人民政治协商会议第七届磐安县委员会…, 政协武汉市蔡甸区第七届委员会…)
    name = re.sub(r"^(?:中共|中国共产党|中国人民政治协商会议|政协)(?:第[一二三四五六七八九十]{1,3}届)?", "", name)
    # (2019年交城县国民经济和社会发展统计公报, [内蒙古]2021年杭锦后旗…: a region's tag and the year, then its place)
    name = _LEADING_YEAR.sub("", re.sub(r"^[\[［【(（][\u4e00-\u9fff]{2,8}[\]］】)）]", "", name))
    end = leading_places_end(name)  # (after its number too: 冀政办字〔2015〕64号《河北省人民政府办公厅关于…》)
    if end and set_place(report, name[:end]):
        report.provenance["place"] = "title"


# ---------------------------------------------------------------- 政府工作报告


_TITLE_LIKE = re.compile(r"^[^。，,]{2,30}工作报告$")
_DATED_NAME_NOTE = re.compile(r"工作报告\s*[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s+([\u4e00-\u9fff·]{2,5})\s*[)）]$")


_POSTED_WITHIN = 120  # days between a delivery and the page that prints it, at most


def _posted_after(readings, posted: dt.date) -> list[dt.date]:
    """The readings of a garbled date that a page posted on `posted` may print: on that day or
    up to _POSTED_WITHIN days before it."""
    return [d for d in readings if dt.timedelta(0) <= posted - d <= dt.timedelta(days=_POSTED_WITHIN)]


def _fill_gongzuo(report: Report, delivery: Delivery | None, web_meta: dict, report_posted: dt.date | None) -> None:
    """Delivery date, meeting, speaker, place and year of a 政府工作报告.

    The date is only ever the delivery line's (or a wiki infobox's 报告时间, in `web_meta`):
    a date in the body is some other event's. The page's posting date (`report_posted`) only
    chooses between the readings of a delivery date a site garbled.
    """
    noted = _MEETING_NOTE.match(report.title or "")
    if noted:  # 2011年政府工作报告(市第三届人民代表大会第一次会议上): the title is what comes before the note
        report.title_line, report.title = report.title_line or report.title, noted.group(1)
    if delivery:
        report.published = delivery.published
        report.meeting, report.speaker, report.speaker_office = delivery.meeting, delivery.speaker, delivery.office
        if delivery.readings and report.published and report.published.month <= 10 and \
                _reviewed_year(report) == report.published.year:
            # ——2022416在龙泉镇… over 2022年工作回顾: a garbled date no report can have (none reviews
            # the year it is delivered in); the site mistyped more than the characters it lost
            report.published = delivery.published = None
    else:
        report.published = None
    if not report.speaker:  # a speaker line without a delivery line (市长  马  军), above 各位代表
        above = _above_address(report)
        at = next((i for i, p in enumerate(above) if speaker_line(p.text)), None)
        report.speaker, report.speaker_office = speaker_line(above[at].text) if at is not None else (None, None)
        if at is not None and at + 1 < len(above) and not report.published and _DATE_ALONE.match(above[at + 1].text):
            # 市长 葛红林 / 2007年3月26日 / 各位代表: the day it was delivered, under the speaker
            report.published = _published_date([above[at + 1].text.strip("（）() ")])
    if not report.published:  # 行署工作报告 / (2011年4月28日) / 各位代表: a speech's day, in brackets under its head
        report.published = _bracketed_day(_above_address(report), report_posted)
    if not report.speaker:  # 广东省政府工作报告(2023年1月12日 王伟中): the date and name after a title
        noted = next(filter(None, (_DATED_NAME_NOTE.search(to_simplified(t))
                                   for t in [report.title or "", *(p.text for p in report.front)])), None)
        report.speaker = _as_printed_name(noted, report) if noted else None
    file_name = re.sub(r"\.[^.]+$", "", report.source.replace("\\", "/").rsplit("/", 1)[-1])
    opening = " ".join(p.text for p in (*report.front, *report.preamble[:3]))
    represented = _REPRESENTED.findall(to_simplified(opening))
    if not represented:  # the address may come after a notice that issues the report: 我代表海淀区人民政府…
        address = next((p for p in report.preamble[3:_ADDRESS_SEARCH] if _ADDRESS_OPENING.search(to_simplified(p.text))), None)
        represented = _REPRESENTED.findall(to_simplified(address.text)) if address else []
    # 解放区人民政府区长 千怀贵, 甘肃省代省长 任振鹤: the speaker's office names the government
    # (on a flattened page, the speaker line is only in the delivery's reading of it)
    speaker_lines = ([p.text for p in _above_address(report)]
                     + ([delivery.speaker_line] if delivery and delivery.speaker_line else []))
    offices = [body for body in map(speaker_body, speaker_lines) if body is not None]
    # A page may print the report's own title under a site headline (政府工作报告 / 西藏自治区政府工作报告)
    titles = [report.title or "", *(p.text for p in report.front if _TITLE_LIKE.search(to_simplified(p.text)))]
    # the cover of the congress's documents, above the head: 武汉市硚口区第十四届人民代表大会
    covers = [place for place in map(congress_cover, (to_simplified(p.text) for p in report.front)) if place]
    sources = [("title", " ".join(titles)), ("delivery line", delivery.place_text if delivery else ""),
               ("congress cover", " ".join(covers)),
               ("speaker line", " ".join(offices)), ("issuers", " ".join(report.issuers)),
               ("body", " ".join(represented)), ("file name", file_name if report.source else "")]
    fill_gongzuo_places(report, sources, represented, offices)
    if delivery and not report.published and len(delivery.readings) > 1 and report_posted:
        # 2019123日 is January 23rd or December 3rd: the page posted on 2019-01-28 settles it
        before = _posted_after(delivery.readings, report_posted)
        if len(before) == 1:
            report.published = delivery.published = before[0]
    reviewed = _reviewed_year(report) if delivery and not report.published and len(delivery.readings) > 1 else None
    if reviewed:
        # 2015113日 over 2014年工作回顾: January 13th (a report delivered by October reviews the
        # year before; one delivered in November or December, the year it is delivered in)
        fits = [d for d in delivery.readings if reviewed == (d.year - 1 if d.month <= 10 else d.year)]
        if len(fits) == 1:
            report.published = delivery.published = fits[0]
    if not report.published and web_meta["delivered"]:  # 报告时间：2003年12月25日 in a wiki's infobox
        report.published = _published_date([f"发布日期：{web_meta['delivered']}"])
    if report.title and not report.published:  # (重庆市)重庆市渝中区人民政府工作报告(2024年1月15日): a site's note of the day
        report.published = trailing_date(report.title)
    report.year, report.provenance["year"] = _delivered_year(report, delivery, file_name)
    if delivery and delivery.month_day and report.year and delivery.month_day[0] <= 10:
        # 2月24日 in a news lead: the year the report is known by (a January-to-October
        # delivery falls in it; a late-year one is the year before, too uncertain to state)
        month, day = delivery.month_day
        with contextlib.suppress(ValueError):
            report.published = dt.date(report.year, month, day)
    spoken = speaker_line(web_meta["author"]) if not report.speaker and web_meta["author"] else None
    if spoken:  # 作者：海南省省长 刘赐贵
        report.speaker, report.speaker_office = spoken


# The government an address speaks for: 我代表市人民政府 -> 市
_REPRESENTED = re.compile(r"我(?:代表|受)(.{1,20}?)(?:(?:人民)?政府|行署)")  # (我受朱仙庄镇人民政府委托)
# A headline's note of the meeting a report was delivered at, undated (…报告(市第三届人民代表大会第一次会议上))
_MEETING_NOTE = re.compile(r"^(\S.{1,40}?报告)\s*[（(][^（）()]{0,30}?(?:人民代表大会|人大)[^（）()]{0,20}?会议上?[)）]$")
# A day printed alone, in brackets or not (2007年3月26日, （二〇〇七年三月二十六日）)
_DAY = r"(?:\d{4}|[〇零○O一二三四五六七八九]{4})\s*年[^年，,。]{2,10}日"
_DATE_ALONE = re.compile(rf"^\s*[（(]?\s*{_DAY}\s*[)）]?\s*$")
_BRACKETED_DAY = re.compile(rf"^\s*[（(]\s*{_DAY}\s*[)）]\s*$")
# … and one whose 年, 月 and opening bracket a site lost (2023329日)): read when only one day fits
_GARBLED_BRACKETED_DAY = re.compile(r"^\s*[（(]?\s*((?:19|20)\d\d年?\d{2,4})日\s*[)）]\s*$")  # (2020年117日)


def _bracketed_day(lines: list[Paragraph], posted: dt.date | None = None) -> dt.date | None:
    """The day printed in brackets on a line of its own among `lines` (the last such), or None;
    a garbled one read two ways ((2020年117日): January 17th or November 7th) is settled by
    the day the page was `posted`."""
    for p in reversed(lines):
        day = _published_date([p.text.strip("（）() ")]) if _BRACKETED_DAY.match(p.text) else None
        if day:
            return day
        garbled = _GARBLED_BRACKETED_DAY.match(p.text)
        readings = garbled_readings(garbled.group(1).replace("年", "")) if garbled else ()
        if len(readings) > 1 and posted:
            readings = _posted_after(readings, posted)
        if len(readings) == 1:
            return readings[0]
    return None


def _above_address(report: Report) -> list[Paragraph]:
    """The header lines, and the body's first lines down to the address 各位代表 (a page
    may print its head twice, the header ending at the first copy)."""
    lines = list(report.front)
    for p in report.preamble[:8]:
        if _DELEGATES.match(p.text):
            return lines
        lines.append(p)
    return list(report.front)


def _as_printed_name(noted: re.Match, report: Report) -> str:
    """The name a title note gives (read in simplified characters) as printed."""
    name = noted.group(1)
    for text in [report.title or "", *(p.text for p in report.front)]:
        at = to_simplified(text).find(name)
        if at >= 0:
            return text[at:at + len(name)]
    return name


def _delivered_year(report: Report, delivery: Delivery | None, file_name: str) -> tuple[int | None, str | None]:
    """(year, its source): the year a 政府工作报告 is delivered and known by — the delivery
    date's (a report delivered in November or December is next year's), the title's (the next
    year when the first section reviews the title's year), the year after the one its review
    section names, the year its plans section names, or the file name's. The date comes
    first: a site's headline may name the year reviewed (2016年政府工作报告 over a report
    delivered on 2017-01-09)."""
    if report.published:  # (the delivery line's date, or an infobox's 报告时间)
        date = report.published
        return date.year + (1 if date.month >= 11 else 0), "delivery line" if delivery and delivery.published else "metadata"
    if delivery and delivery.adopted:  # (…会议通过): adopted days after it was delivered, at the same meeting
        return delivery.adopted.year + (1 if delivery.adopted.month >= 11 else 0), "delivery line"
    titled = _TITLE_YEAR.search(to_simplified(report.title)) if report.title else None
    if titled:
        year = int(titled.group(1) or titled.group(2))
        opening = [p.text for p in report.sections[0].paragraphs[:2]] if report.sections else []
        reviewed = _reviewed_year(report)
        if reviewed and reviewed + 1 != year:
            # a site's headline naming another year than the one after the year the report
            # reviews (2020年阜新县政府工作报告 over 一、“十三五”取得成就及2020年工作回顾,
            # 2011年武汉市政府工作报告 over 一、2009年工作回顾): no report reviews the year it is
            # delivered in, and the review is the report's own
            return reviewed + 1, "body"
        if _plan_year(report) == year + 1 or (
                opening and report.sections[0].categories != ["plans"]
                and any(re.match(rf"^\s*(?:刚刚)?(?:过去的)?{year}年度?(?=\s*[，,是])", text) for text in opening)):
            # … over 一、…过去一年… / 2019年，是…的一年, or 2015年政府工作报告 over 一、“十二五”
            # 工作回顾, the plan that ended in 2015
            return year + 1, "body"
        return year, "title"
    plan = _plan_year(report)
    if plan:
        return plan, "body"
    first = next((s for s in report.sections if _years(s.heading)), None)
    if first and first is report.sections[0]:
        # The first section reviews the past year (一、2023年主要工作) unless it is the plans.
        year = _years(first.heading)[0]
        return (year, "body") if first.categories == ["plans"] else (year + 1, "body")
    for p in [*report.preamble, *(report.sections[0].paragraphs if report.sections else [])][:6]:
        if re.match(r"^(?:刚刚)?(?:过去的)?(?:19|20)\d{2}年度?(?=\s*[，,是])", p.text):  # 2023年，是…: the year reviewed
            return _years(p.text)[0] + 1, "body"
    review = report.sections[0].paragraphs[:12] if report.sections and "plans" not in report.sections[0].categories else []
    estimated = next(filter(None, (_ESTIMATED_YEAR.search(p.text) for p in review)), None)
    if estimated:  # 过去五年… 预计2021年实现地区生产总值480亿元: the year just ended, its figures not yet final
        return int(estimated.group(1) or estimated.group(2)) + 1, "body"
    years = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", file_name) if report.source else []
    return (int(years[0]), "file name") if years else (None, None)


# A review's estimate for the year it ends with (预计2021年实现地区生产总值…, 预计，2016年全区…达到…,
# 预计2011年，实现增加值…, 2021年预计完成…)
_ESTIMATED_YEAR = re.compile(r"预计[，,]?\s*((?:19|20)\d{2})年[，,]?[^，,。；;]{0,12}?(?:实现|完成|达到|增长)"
                             r"|(?<!\d)((?:19|20)\d{2})年[^，,。；;]{0,12}?预计(?:实现|完成|达到|增长)")


def _reviewed_year(report: Report) -> int | None:
    """The year a 政府工作报告's first section reviews whole by its heading (一、2009年工作回顾), or
    None (also for a township's mid-year report: 2025年上半年工作回顾)."""
    first = to_simplified(report.sections[0].heading) if report.sections else ""
    reviewed = re.search(r"(?<!\d)((?:19|20)\d{2})年度?(?!以来|上半年|前三季度)[^，,。]{0,12}回顾", first)
    return int(reviewed.group(1)) if reviewed else None


# A year in a 政府工作报告's title, also without its 年: 2008两会内蒙古自治区政府工作报告, 2019政府工作报告
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*(?:年|两会|[\u4e00-\u9fff]{0,12}政府工作报告))"
                         r"|(?<=工作报告[（(])((?:19|20)\d{2})(?=[)）]$)")  # 洪山镇政府工作报告(2021)
# A five-year plan: “十三五” (the 13th, 2016–2020), 第十四个五年规划; “十五” is the 10th, 十五五 the 15th
_PLAN = r"(?:“|\"|第)?(九|十[一二三四五]?)(?:个)?五(?:”|\"|年规划|规划|时期)"
_PLAN_REVIEW = re.compile(rf"^[一二三四五六七八九十、.\s]*{_PLAN}[^。，,]{{0,12}}回顾")  # 一、“十三五”时期工作回顾
_PLAN_SUBMITTED = re.compile(rf"连同《[^《》]*?{_PLAN}[^《》]*纲要[^《》]*》")  # …连同《…第十四个五年规划…纲要(草案)》一并审议


def _plan_start(numeral: str) -> int:
    """The first year of the five-year plan numbered `numeral` (十三 -> 2016)."""
    number = 9 if numeral == "九" else 10 + ("一二三四五".index(numeral[1]) + 1 if len(numeral) > 1 else 0)
    return 1996 + 5 * (number - 9)  # the 9th ran 1996–2000


def _plan_year(report: Report) -> int | None:
    """The year a 政府工作报告 that states no date is delivered in, from the five-year plan it
    reviews as its first section (“十三五”时期工作回顾: 2021) or submits with itself (连同《…第十四个
    五年规划…纲要(草案)》一并审议: 2021): each is done at the congress that opens the next plan."""
    if report.sections:
        review = _PLAN_REVIEW.match(to_simplified(report.sections[0].heading))
        if review:
            return _plan_start(review.group(1)) + 5
    for p in [*report.front, *report.preamble][:6]:
        submitted = _PLAN_SUBMITTED.search(to_simplified(p.text))
        if submitted:
            return _plan_start(submitted.group(1))
    return None


# ---------------------------------------------------------------- display


def _display_title(report: Report) -> str:
    """A title for display: the printed one, else one built from place and year."""
    if report.title:
        return report.title
    place = "".join(p for p in (report.county, report.town) if p) or report.city or report.province
    if report.kind == "gongzuo":  # 三亚市2024年政府工作报告, as such reports are known
        return f"{place or ''}{f'{report.year}年' if report.year else ''}政府工作报告"
    if place or report.year:
        return f"{place or ''}{report.year or ''}{'年度' if report.year else ''}报告"
    stem = re.sub(r"\.[^.]+$", "", report.source.replace("\\", "/").rsplit("/", 1)[-1])
    return stem or "未命名报告"
