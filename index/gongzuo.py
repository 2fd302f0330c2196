"""The parts of a 政府工作报告 that other reports lack: the delivery line and the speaker.

A 政府工作报告 is printed with a delivery line under its title, in many shapes:
——2025年1月18日在云南省第十四届人民代表大会第三次会议上 / （2024年1月31日在黔东南州…会议上）/
2025年1月15日龚正市长在上海市第十六届人民代表大会第三次会议的政府工作报告 /
二〇二四年一月十日在…会议上; the speaker stands on the next line (省长 王予波) or inside it.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import re
from dataclasses import dataclass

from .analysis import to_simplified

_CN = "〇零○O一二三四五六七八九十"
# (a site may lose the 年 after Arabic digits: ——20141月4日在金乡县…; and the 日 before 在 as well:
# 20125月16在温州市…)
_DATE = (rf"(\d{{4}}|[{_CN}]{{4}})\s*(?:年|(?<=\d))\s*(\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*(\d{{1,2}}|[{_CN}]{{1,3}})"
         rf"\s*(?:日|(?<=\d)(?=\s*在))")
_ANY_DATE = re.sub(r"\((?!\?)", "(?:", _DATE)  # the same, without groups (re.split returns groups)
# 第十五届人民代表大会第四次会议 (…第二次全体会议), or in short 十五届人大四次会议
# (and with its 次 dropped by a typo: 第十六届人民代表大会第一会议)
# A congress between terms (after two districts merged) has no 届: 人民代表大会(临时)第二次会议
# The State Council's report is delivered to the national one: 第十一届全国人民代表大会第四次会议
# A site may lose the numbers and keep 第: 在苏家垱乡第届人民代表大会第次会议上
_CONGRESS = r"(?:(?:第?\s*[一二三四五六七八九十\d]{1,4}|第)\s*届\s*(?:全国\s*)?(?:人民代表大会|人大)|人民代表大会\s*[（(]临时[)）])"
_MEETING = re.compile(_CONGRESS + r"\s*(?:第?\s*[一二三四五六七八九十\d]{1,3}\s*次?|第\s*次)\s*(?:全体)?会议")
_DASHES = "—\\-－–─━―‒"  # the dashes a delivery line starts with (――, U+2015, on some sites)
# before a delivery line's date: dashes, or the ?? or ;;;; a lost dash left (and a stray 在:
# ——在2005年1月8日在…会议上)
_LEAD = rf"[\s（({_DASHES}?？;；]*(?:在(?=\s*\d))?"
# Titles a speaker is printed with; the name follows (or, in 龚正市长在…, precedes) it.
# (主席团, a congress's presidium, is no chairman: …会议主席团公告第八号公布施行)
_OFFICE = r"(?:代理?|代理)?(?:总理|省长|市长|州长|盟长|区长|县长|旗长|镇长|乡长|主席(?!团)|专员)(?:提名人选|候选人)?"
# (between the date and 在 only the speaker: 2025年1月15日龚正市长在…; not a posting time and
# the real delivery line below it, 2023年01月18日10:52来源:辽宁日报 / ——2023年1月12日在…)
# (a news lead's source may come first: 中商情报网讯:2021年1月30日在青海省…会议上《青海省政府工作报告》…)
_DELIVERY = re.compile(rf"^(?:[^\s。，,：:]{{2,12}}[讯电]\s*[：:]\s*|《[^《》]{{2,40}}》\s*)?{_LEAD}{_DATE}\s*([^年{_DASHES}]{{0,30}}?)在\s*(.{{0,24}}?)\s*{_CONGRESS}")
# A delivery line that prints no date (—— 在上海市普陀区第十三届人民代表大会第五次会议上).
# A dated line without 在 that is nothing but the meeting (2021年1月8日灵璧县第十七届人民代表大会第五次会议).
_BARE_DELIVERY = re.compile(rf"^{_LEAD}{_DATE}\s*()([\u4e00-\u9fff]{{0,24}}?)\s*{_MEETING.pattern}\s*上?[)）]?\s*"
                            rf"(?!(?:审议)?通过)(?:[\u4e00-\u9fff]{{0,24}}?{_OFFICE}.{{1,12}})?$")  # (…会议大连市西岗区人民政府区长阎利军)
# (or only its month: ——2018年12月在山南市第一届人民代表大会第四次会议上)
_UNDATED_DELIVERY = re.compile(rf"^[\s（({_DASHES}]*[（({_DASHES}][\s{_DASHES}]*(?:\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*)?"
                               rf"(?:在|(?=[\u4e00-\u9fff]))\s*(.{{0,24}}?)\s*{_CONGRESS}.{{0,30}}会议上")  # (在 lost: ——浬浦镇…会议上的报告)
# A dash and the meeting alone, its 在 and 上 lost (——横山桥镇第三届人民代表大会第四次会议)
_DASHED_MEETING = re.compile(rf"^\s*[{_DASHES}]+\s*([\u4e00-\u9fff]{{0,24}}?)\s*{_MEETING.pattern}\s*$")
# A newspaper's line saying when the meeting adopted the report, not when it was delivered:
# (2017年2月26日菏泽市第十九届人民代表大会第一次会议通过)
_ADOPTED = re.compile(rf"^{_LEAD}{_DATE}\s*([\u4e00-\u9fff]{{0,24}}?)\s*{_MEETING.pattern}\s*(?:审议)?通过\s*[)）]?\s*$")
# A line that is the meeting alone, without dash or date: 在石渠县第十四届人民代表大会第一次会议上,
# or with its month and day alone (1月23日在龙岗区第五届人民代表大会第二次会议上)
_MEETING_LINE_DELIVERY = re.compile(rf"^\s*(?:(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日\s*)?在\s*(.{{0,24}}?)\s*{_CONGRESS}"
                                    rf".{{0,30}}?会议上\s*$")
# A head that names the session it is delivered to: 新巴尔虎左旗第十五届人民代表大会第二次会议政府工作报告
_SESSION_HEAD = re.compile(rf"^\s*([\u4e00-\u9fff]{{0,24}}?)\s*{_MEETING.pattern}\s*(?:上的)?(?:政府)?工作报告\s*$")
# (or the cover of the session's documents: 玄武区十八届人大四次会议文件之一)
_SESSION_COVER = re.compile(rf"^\s*([\u4e00-\u9fff]{{0,24}}?)\s*{_MEETING.pattern}\s*文件(?:之[一二三四五六七八九十]+)?\s*$")
# The meeting in a note after the title: 政府工作报告(第十七届人民代表大会第三次会议)
_TITLED_MEETING = re.compile(rf"^[^。，,]{{0,24}}?报告\s*[（(]\s*([\u4e00-\u9fff]{{0,24}}?)\s*{_MEETING.pattern}\s*[)）]\s*$")
# The date and the speaker in brackets, alone above 各位代表: (2005年5月10日 向巴平措)
_DATED_NAME_LINE = re.compile(rf"^\s*[（(]\s*{_DATE}\s*[)）]?\s*(?P<name>[\u4e00-\u9fff·]{{2,5}})\s*[)）]?\s*$")
# A congress whose 届 a site lost (湖光镇十一 / 人民代表大会第次会议): read only in a garbled delivery
# line, its meeting left unread
_TERM_WITHOUT_JIE = r"[一二三四五六七八九十]{1,3}\s*人民代表大会"
# A delivery line whose 年 and 月 a site lost (——2014114日在沧县…, 202133日在平阳县…,
# ——20121026东山镇…; ——2021年310日在…, its 月 alone): after a dash, or with its 日 (and
# perhaps its 届: ——2022330日在湛江市麻章区湖光镇十一 / 人民代表大会第次会议上)
_GARBLED_DELIVERY = re.compile(rf"^(?:{_LEAD}[{_DASHES}]\s*(?P<digits>(?:19|20)\d{{4,6}}|(?:19|20)\d\d\s+\d{{1,2}}\s+\d{{1,2}}|(?:19|20)\d\d年\d{{2,4}}(?=日))\s*日?"
                               rf"|\s*(?P<dated>(?:19|20)\d{{4,6}})(?:日|(?=\s*在)))"  # (2007112在…: the dash and 日 lost too)
                               rf"\s*在?\s*(.{{0,24}}?)\s*(?:{_CONGRESS}|{_TERM_WITHOUT_JIE}).{{0,30}}?会议(?!\s*(?:审议)?通过)")  # (…会议通过: not delivered then)
# A news-style lead: 2月24日,在运城市第四届人民代表大会第五次会议上,朱鹏作政府工作报告。 (no year)
_LEAD_DELIVERY = re.compile(rf"^\s*(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日\s*[，,]?\s*在\s*(.{{0,24}}?)\s*{_CONGRESS}.{{0,30}}?"
                            rf"会议上\s*[，,]\s*(?P<name>[\u4e00-\u9fff·]{{2,5}}?)作(?:了)?政府工作报告")
# … or with the speaker first: 1月16日,市长高建军在开封市第十五届人民代表大会第三次会议上作《政府工作报告》
_SPEAKER_LEAD_DELIVERY = re.compile(rf"^\s*(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日\s*[，,]?\s*(?:[\u4e00-\u9fff]{{0,10}}?{_OFFICE})?"
                                    rf"(?P<name>[\u4e00-\u9fff·]{{2,4}}?)在\s*(.{{0,24}}?)\s*{_CONGRESS}.{{0,30}}?会议上"
                                    rf"(?:作(?:了)?《?政府工作报告》?)?")
# … and a live report's lead on the session that opened to hear it: 2010年3月5日9时，十一届全国人民代表大会
# 第三次会议在人民大会堂举行开幕会，听取国务院总理温家宝作政府工作报告 (the year may be left out)
_OPENING_LEAD = re.compile(rf"^\s*(?:((?:19|20)\d{{2}})\s*年)?(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日[^，,。]{{0,10}}[，,]\s*"
                           rf"(.{{0,24}}?)\s*{_CONGRESS}.{{0,30}}?会议在[^，,。]{{0,16}}(?:开幕|开幕会)\s*[，,]\s*听取[^。]{{0,24}}?"
                           rf"作(?:了)?政府工作报告")
# A byline that names the speaker before the meeting: 马伟在泗阳县第十七届人民代表大会第三次会议上的报告
_BYLINE_DELIVERY = re.compile(rf"^(?P<name>[\u4e00-\u9fff·]{{2,5}}?)在\s*(.{{0,24}}?)\s*{_CONGRESS}.{{0,30}}?会议上的"
                              rf"(?:政府工作)?报告$")
# The title printed on the delivery line's own line (政府工作报告——2006年2月20日在…会议上);
# read on that line alone, since a title line joined to the next would look the same.
# (letter-spaced too: 政 府 工 作 报 告——2017年2月20日在…)
_TITLE_BEFORE = rf"^[^。，,]{{0,24}}?报\s?告(?:[（(][^（）()]{{1,6}}[)）])?\s*(?=[（({_DASHES}])"  # 报告(摘要)--…
_RUN_IN_TITLE = re.compile(rf"{_TITLE_BEFORE}|^[^。，,]{{0,24}}?报\s?告\s*(?=在)")  # … and 政府工作报告 在…会议上(…)
_TITLED_DELIVERY = re.compile(_TITLE_BEFORE + _DELIVERY.pattern[1:])
_TITLED_UNDATED_DELIVERY = re.compile(_TITLE_BEFORE + _UNDATED_DELIVERY.pattern[1:])
# A local chronicle's form, its date in brackets after the meeting, the title and the speaker
# on the same line: 政府工作报告 在济宁市第十六届人民代表大会第五次会议上(2016年2月16日) 代市长 傅明先
_DATED_AFTER = re.compile(rf"会议上\s*[（(]\s*{_DATE}\s*[)）]")
_DATED_AFTER_DELIVERY = re.compile(rf"^(?:[^。，,]{{0,24}}?报告\s*)?在\s*(.{{0,24}}?)\s*{_CONGRESS}.{{0,30}}?"
                                   rf"(?=会议上\s*[（(]\s*{_ANY_DATE}\s*[)）])")
_NAME = r"([\u4e00-\u9fff](?:[\s\u3000\u2003]*[\u4e00-\u9fff·•・]){1,9}?)"  # (牙生•司地克: any middle dot)
_GAP = r"[\s\u3000\u2003?？：:]*"  # between office and name: spaces, the ?? a lost space left, a colon
_SPEAKER_AFTER = re.compile(rf"{_OFFICE}{_GAP}{_NAME}(?:同志)?(?:[\s\u3000\u2003]*$|在|作|的)")
_SPEAKER_BEFORE = re.compile(rf"日\s*([\u4e00-\u9fff·]{{2,5}}?){_OFFICE}在")
_SPEAKER_LINE = re.compile(rf"^[\u4e00-\u9fff、]{{0,24}}?{_OFFICE}{_GAP}{_NAME}(?:同志)?(?<!报告)$")  # (not 区长政府工作报告)
_BARE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_OFFICE_LINE = re.compile(rf"^[\u4e00-\u9fff、]{{0,24}}?{_OFFICE}$")  # 省长, with the name on the next line
# short lines that are no speaker (详细内容, 基本信息: a wiki's section labels)
_NOT_NAMES = {"全文", "摘要", "草案", "讨论稿", "报告", "工作报告", "详细内容", "基本信息"}
# Where the lines of a flattened page's head broke: before a delivery line's dash or date,
# after its 会议上, before a date in brackets printed under the speaker.
FLAT_HEAD = 300  # characters of a flattened first line that may come before 各位代表
# The lines a flattened head may be among: after a site's chrome, a reposting site's teaser or
# a document viewer's list of its pages (…_第1页 / 第1页 / 共9页 / …)
_FLAT_LINES = 24
_FLAT_BREAKS = re.compile(rf"(?<![{_DASHES}])(?=[{_DASHES}]{{1,2}}\s*(?:{_ANY_DATE}|在))|"
                          rf"(?<![{_DASHES}\s])\s*(?={_ANY_DATE}\s*在)|(?<=会议上)|(?=[（(]\s*{_ANY_DATE}\s*[)）])|"
                          r"(?<=报告)\s+(?=[^\s（(])"  # 2020年玄武区人民政府工作报告 玄武区十八届人大四次会议文件之一
                          r"|(?<=报告)(?=\d{1,2}月\d{1,2}日)"  # 2020年开封市政府工作报告1月16日,市长高建军在…
                          r"|(?<=[\u4e00-\u9fff])\s*(?=\d{4}年\d{1,2}月\d{1,2}日\s*$)")  # …会议上 镇长张荣耀2017年1月19日
_FLAT_TITLE = re.compile(r"^[^。，,]{0,24}?报告(?:[（(][^（）()]{1,6}[)）])?$")
_TITLED_LINE_MAX = 160  # a title, its delivery line and a site's posting details
_DATE_NAME_ABOVE = re.compile(rf"^{_DATE}\s*(?P<name>[\u4e00-\u9fff·]{{2,4}})$")  # (read only over a delivery line)
_NAME_AFTER_MEETING = re.compile(r"会议上\s+([\u4e00-\u9fff·]{2,4})\s*$")
_DATE_LINE = re.compile(rf"^[（(]?\s*{_DATE}\s*[)）]?$")  # （2020年5月28日） or 2020年6月19日 alone
_TRAILING_DATE = re.compile(rf"[（(]\s*{_DATE}\s*[)）]\s*$")
_TRAILING_DATE_NOTE = re.compile(rf"[（(]\s*{_DATE}(?:\s+[\u4e00-\u9fff·]{{2,5}})?\s*[)）]\s*$")
# The start of a delivery line, for a cheap test elsewhere: its dash and year, or 在
DELIVERY_START = re.compile(rf"^{_LEAD}(?:(?:\d{{4}}|[{_CN}]{{4}})\s*年|在)")
CJK_SPACES = re.compile(r"(?<=[\u4e00-\u9fff])[\s\u3000]+(?=[\u4e00-\u9fff])")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}


@dataclass
class Delivery:
    """What the delivery line states: date, meeting, speaker and the place before 第…届."""

    published: dt.date | None
    meeting: str | None
    speaker: str | None
    office: str | None  # the speaker's title as printed (省长, 代市长 …)
    place_text: str
    speaker_line: str | None = None  # the line below the delivery line naming the speaker, as printed
    speaker_rows: int = 0  # the lines speaker_line was printed on (省长 / 陈政高: two)
    month_day: tuple[int, int] | None = None  # a news lead's date, printed without its year
    readings: tuple[dt.date, ...] = ()  # the dates a garbled date line may mean (2019123日: 1-23 or 12-3)
    adopted: dt.date | None = None  # the day the meeting adopted the report, when only that is printed


def find_delivery(lines: list[str]) -> tuple[int, int, Delivery] | None:
    """(first, end, delivery) for the delivery line among `lines`; a line broken before
    人民代表大会 is read together with the next one. A line in traditional characters is
    read in simplified ones; its meeting and speaker are returned as printed. An undated
    one gives way to a dated one below it (政府工作报告——在赣州市五届人大三次会议上, a site's
    headline, over ——2018年1月6日在赣州市第五届人民代表大会第三次会议上)."""
    found = _deliveries(lines)
    first = next(found, None)
    if first and not first[2].published:
        dated = next((later for later in itertools.islice(found, 2) if later[2].published), None)
        return dated or first
    return first


def _deliveries(lines: list[str]):
    """The delivery lines among `lines`, in order, as find_delivery reads each."""
    # Letter-spaced words are read closed up (人 民 代 表 大 会 on a line of its own).
    simple = [CJK_SPACES.sub("", to_simplified(line)) for line in lines]
    # A head naming the session is read only where no line has the delivery's own shape
    # (海沧区第十届人民代表大会第五次会议政府工作报告 is often the title above one).
    heads = [i for i, line in enumerate(simple) if "会议" in line and (_SESSION_HEAD.match(line) or _SESSION_COVER.match(line))]
    fallbacks = (i for first in (heads[:1], itertools.islice(_dated_names(simple), 1)) for i in first)
    for i, line, session_head in itertools.chain(((i, line, False) for i, line in enumerate(simple)),
                                                 ((i, simple[i], True) for i in fallbacks)):
        joined = line + (simple[i + 1] if i + 1 < len(simple) else "")
        match = None if session_head else (_DELIVERY.match(joined) or _TITLED_DELIVERY.match(line)
                                           or _BARE_DELIVERY.match(line) or _BARE_DELIVERY.match(joined))
        undated = (_SESSION_HEAD.match(line) or _SESSION_COVER.match(line) or _DATE_LINE.match(line.strip())
                   ) if session_head else None if match else (
            _UNDATED_DELIVERY.match(joined) or _TITLED_UNDATED_DELIVERY.match(line) or _DASHED_MEETING.match(line)
            or _DATED_AFTER_DELIVERY.match(line) or _BYLINE_DELIVERY.match(line)
            or _MEETING_LINE_DELIVERY.match(line) or _LEAD_DELIVERY.match(line) or _OPENING_LEAD.match(line)
            or _SPEAKER_LEAD_DELIVERY.match(line)
            or _GARBLED_DELIVERY.match(joined)
            or _TITLED_MEETING.match(line) or _DATED_NAME_LINE.match(line) or _ADOPTED.match(line))
        if not (match or undated):
            continue
        end = i + 1 if _MEETING.search(line) or not _MEETING.search(joined) else i + 2
        delivered, printed = "".join(simple[i:end]), "".join(lines[i:end])
        name, office = _speaker(delivered)
        if name is None and undated and "name" in undated.re.groupindex:
            name = undated.group("name")
        trailing_name = _NAME_AFTER_MEETING.search(lines[end - 1]) if name is None else None
        if trailing_name:  # ——2020年7月7日在孚玉镇…会议上 夏幼华
            name = trailing_name.group(1)
        # a date (and the speaker) above an undated delivery line: 2025年1月17日 / ——在…会议上,
        # 2016年11月2日  王四平 / (长湖乡第六届人民代表大会第一次会议上)
        above = simple[i - 1].strip() if i and undated and undated.re is _UNDATED_DELIVERY else ""
        date_above = _DATE_LINE.match(above) or _DATE_NAME_ABOVE.match(above)
        if name is None and date_above and "name" in date_above.re.groupindex:
            name = date_above.group("name")
        spoken_in, spoken_printed = delivered, printed
        below, rows = _speaker_below(lines, simple, end)
        # An undated line's date may stand between it and the speaker: （2024年3月12日） / 刘 海 涛,
        # or in one line with the name: (2016年2月24日) 林丽
        date_first = _DATE_LINE.match(simple[end].strip()) if not below and end < len(simple) else None
        dated_name = _DATED_NAME_LINE.match(simple[end]) if not below and end < len(simple) else None
        # … or after the speaker, on the speaker's line: 南宁市市长孙大光(2021年10月25日)
        date_after = _TRAILING_DATE.search(to_simplified(lines[end])) if not below and end < len(lines) else None
        spoken_before_date = speaker_line(lines[end][:date_after.start()]) if date_after else None
        if spoken_before_date:
            below, rows = spoken_before_date, 1
        else:
            date_after = None
        gap = 0
        if date_first:
            below, rows = _speaker_below(lines, simple, end + 1)
            gap = 1 if below else 0
        elif dated_name:
            below, rows = (dated_name.group("name"), None), 1
        if name is None and below:
            name, office = below
            spoken_in, spoken_printed = (" ".join(simple[end + gap:end + gap + rows]),
                                         " ".join(lines[end + gap:end + gap + rows]))
        meeting = _MEETING.search(delivered)
        if not meeting and heads and heads[0] < i:  # (2020年1月3日) 钱 维 under 玄武区十八届人大四次会议文件之一
            meeting = _MEETING.search(simple[heads[0]])
            delivered, printed = simple[heads[0]], lines[heads[0]]
        # An undated line may have its date under the speaker: （2020年5月28日）, 2020年6月19日
        after = end + gap + rows
        dated = match or (undated if undated.re in (_DATED_NAME_LINE, _DATE_LINE) else None) or (
            undated if undated.re is _OPENING_LEAD and undated.group(1) else None) or _DATED_AFTER.search(delivered) or (
            date_first if gap else dated_name) or date_after or (
            _DATE_LINE.match(simple[after].strip()) if after < len(simple) else None) or date_above
        garbled = undated.group("digits") or undated.group("dated") if undated and undated.re is _GARBLED_DELIVERY else None
        garbled = garbled.replace("年", "") if garbled else None  # (——2021年310日在…: only 月 lost)
        readings = garbled_readings(garbled) if garbled and not dated else ()
        yield i, end, Delivery(
            published=_date(*dated.group(1, 2, 3)) if dated else readings[0] if len(readings) == 1 else None,
            readings=readings,
            meeting=_as_printed(meeting.group(0), delivered, printed) if meeting else None,
            speaker=_as_printed(name, spoken_in, spoken_printed) if name else None, office=office,
            place_text=(match.group(5) or match.group(4)) if match else "" if undated.re in (_DATED_NAME_LINE, _DATE_LINE) else undated.group(
                3 if undated.re in (_LEAD_DELIVERY, _GARBLED_DELIVERY, _MEETING_LINE_DELIVERY)
                else 4 if undated.re in (_ADOPTED, _OPENING_LEAD, _SPEAKER_LEAD_DELIVERY) else 1),
            adopted=_date(*undated.group(1, 2, 3)) if undated and undated.re is _ADOPTED else None,
            month_day=(int(undated.group("month")), int(undated.group("day")))
            if undated and "month" in undated.re.groupindex and undated.group("month") else None,
            speaker_line=" ".join(lines[end + gap:end + gap + rows]) if rows and not dated_name else None,
            speaker_rows=rows + gap,
        )


def _dated_names(simple: list[str]):
    """Lines that are a date alone over the speaker's bare name (（2025年1月7日） / 张 志 超 /
    各位代表), read where no line has a delivery line's shape (lazily: most reports have one)."""
    for i, line in enumerate(simple[:-1]):
        if "日" in line and _DATE_LINE.match(line.strip()) and _bare_name(simple, i + 1):
            yield i


def garbled_readings(digits: str) -> tuple[dt.date, ...]:
    """The dates a delivery line that lost its 年 and 月 may mean: one (2021 + 33 ->
    2021-03-03, 2020 + " 1 7" -> 2020-01-07, 2012 + 1026 -> 2012-10-26) or two (2014 + 114:
    January 14th or November 4th; the page's posting date may settle it, see reports.py)."""
    year, rest = int(digits[:4]), digits[4:]
    spaced = rest.split()
    if len(spaced) == 2:  # 2020 1 7: the characters became spaces, the reading is plain
        with contextlib.suppress(ValueError):
            return (dt.date(year, int(spaced[0]), int(spaced[1])),)
        return ()
    readings = set()
    for cut in (1, 2):
        month, day = rest[:cut], rest[cut:]
        if 1 <= len(day) <= 2 and not day.startswith("0"):
            try:
                readings.add(dt.date(year, int(month), int(day)))
            except ValueError:
                continue
    return tuple(sorted(readings))


def find_flattened_delivery(lines: list[str]) -> Delivery | None:
    """The delivery of a page flattened into long lines (a document viewer runs the title,
    the delivery line, the speaker and 各位代表 together on one line), read from the part of
    a first line before 各位代表, cut where its lines once broke. Only the fields are read:
    the printed line stays one block, so a phrase across those breaks is still found."""
    for _, head in _flat_heads(lines):
        pieces = [piece.strip() for piece in _FLAT_BREAKS.split(head) if piece and piece.strip()]
        found = find_delivery([*pieces, "各位代表"])
        if found:
            return found[2]
    return None


def _flat_heads(lines: list[str]):
    """(line, head) for the first lines that may hold a flattened page's head: the part of a
    line before 各位代表, or a whole line that starts with the title and 各位代表 starts the
    next line after (政 府 工 作 报 告 2017年2月18日在临海市 第十六届…会议上 临海市人民政府代市长
    梅式苗 / 各位代表: …)."""
    for i, line in enumerate(lines[:_FLAT_LINES]):
        line = _NOTICE_BEFORE.sub("", line) if "此件" in line else line
        at = line.find("各位代表", 0, FLAT_HEAD)
        if at > 0:
            yield i, line[:at]
        elif at < 0 and len(line) <= FLAT_HEAD and lines[i + 1:i + 2] and lines[i + 1].lstrip().startswith("各位代表"):
            first = next((piece for piece in _FLAT_BREAKS.split(line) if piece and piece.strip()), "")
            if _FLAT_TITLE.match(re.sub(r"\s+", "", to_simplified(first))) and first.strip() != line.strip():
                yield i, line


# The end of a notice issuing the report, run into the report's head (临海市人民政府 2016年3月31日
# (此件公开发布) 政 府 工 作 报 告 2016年3月27日在临海市…)
_NOTICE_BEFORE = re.compile(r"^.{0,60}?[（(]此件[^（）()]{2,8}[)）]\s*")


# A flattened page's title run into its first part (武汉市2005年政府工作报告一、2004年工作回顾…)
_TITLE_BEFORE_PART = re.compile(r"^\s*([^。，,\s]{2,30}?报告)\s*(?=一、)")


def flattened_title(lines: list[str]) -> tuple[int, str] | None:
    """(line, title) when a page flattened into long lines starts with its title, before
    the delivery line it runs into (2024年疏附县政府工作报告 2023年1月5日在…会议上 …县长 … 各位代表: …)
    or right before 各位代表 or its first part (2022年东光县政府工作报告 一、2021年工作回顾 2021年是…)."""
    for i, line in enumerate(lines[:_FLAT_LINES]):
        part = _TITLE_BEFORE_PART.match(line)
        if part and _FLAT_TITLE.match(re.sub(r"\s+", "", to_simplified(part.group(1)))):
            return i, part.group(1)
    for i, head in _flat_heads(lines):
        pieces = [piece.strip() for piece in _FLAT_BREAKS.split(head) if piece and piece.strip()]
        # a document viewer's page number before it (1政府工作报告), a site's posting date after it
        title = re.sub(r"^\d{1,3}(?=[\u4e00-\u9fff])|\s*\d{4}-\d{1,2}-\d{1,2}$", "", pieces[0]) if pieces else ""
        titled = _FLAT_TITLE.match(re.sub(r"\s+", "", to_simplified(title)))
        # the title, then its delivery line, or straight 各位代表 (盘山县2023年政府工作报告各位代表:…)
        if titled and (len(pieces) == 1 or find_delivery([*pieces[1:], "各位代表"])):
            return i, title
        # … or a title in words of its own, over a dashed delivery line (坚持科学发展…美丽的西滨——2008年
        # 1月29日在第五届人民代表大会第二次会议上…)
        if _SLOGAN_TITLE.match(title) and len(pieces) > 1 and _DASH_LED.match(pieces[1]) \
                and find_delivery([*pieces[1:], "各位代表"]):
            return i, title
    return None


_SLOGAN_TITLE = re.compile(r"^[\u4e00-\u9fff“”、]{6,40}$")
_DASH_LED = re.compile(rf"^[{_DASHES}]")


def delivery_title(line: str) -> str | None:
    """The title printed at the start of a delivery line (政府工作报告(摘要)--1999年2月25日在…,
    政府工作报告 ——二○二二年…), as printed, or None when the line starts with its dash."""
    if len(line) > _TITLED_LINE_MAX or "。" in line:  # a page flattened into one line is no title
        return None
    if _SESSION_HEAD.match(CJK_SPACES.sub("", to_simplified(line))):  # …第二次会议政府工作报告: all of it
        return line.strip()
    match = _RUN_IN_TITLE.match(to_simplified(line))  # to_simplified keeps every offset
    return _BULLET.sub("", line[:match.end()].strip()) if match and match.end() else None


_BULLET = re.compile(r"^[-•·●◆■□*]\s+")  # a list's bullet before a line (- 政府工作报告——…)


def _speaker_below(lines: list[str], simple: list[str], at: int) -> tuple[tuple[str, str | None] | None, int]:
    """((name, office), the lines they take) for the speaker printed right below a delivery
    line ending at `at`: a speaker line (省长 王予波), a name alone, or an office line with the
    name on the next (省长 / 陈政高); (None, 0) when there is none."""
    if at >= len(lines):
        return None, 0
    found = speaker_line(lines[at]) or _bare_name(simple, at)
    if found:
        return found, 1
    if at + 1 < len(lines) and _OFFICE_LINE.match(simple[at].strip()) and _is_bare_name(simple[at + 1]):
        return speaker_line(f"{lines[at].strip()} {lines[at + 1].strip()}"), 2
    return None, 0


def _bare_name(simple: list[str], at: int) -> tuple[str, None] | None:
    """(name, None) when line `at`, right below a delivery line and right above 各位代表
    (or above a date line over it), is a name alone (王建国: some copies print the speaker
    without an office)."""
    follows = simple[at + 1:at + 3]
    if follows and _DATE_LINE.match(follows[0].strip()):
        follows = follows[1:]
    if _is_bare_name(simple[at]) and follows and follows[0].startswith("各位代表"):
        return simple[at].strip(), None
    return None


def _is_bare_name(line: str) -> bool:
    # (an office alone, 市长 with its name left out, names no one)
    return bool(_BARE_NAME.match(line.strip())) and line.strip() not in _NOT_NAMES and not _OFFICE_LINE.match(line.strip())


def _as_printed(found: str, simple: str, printed: str) -> str:
    """`found` (read in `simple`, the simplified form of `printed`) as `printed` prints it,
    without spaces; to_simplified keeps every character in place, so offsets carry over."""
    simple, printed = re.sub(r"\s+", "", simple), re.sub(r"\s+", "", printed)
    found = re.sub(r"\s+", "", found)
    at = simple.find(found)
    return printed[at:at + len(found)] if at >= 0 and len(simple) == len(printed) else found


def speaker_line(line: str) -> tuple[str, str] | None:
    """(name, office) when `line` is a speaker line such as 省长 王予波 (or, letter-spaced,
    县 长 桑 周); the name as printed (尚朝陽 in a traditional copy)."""
    printed = line.strip()
    if len(printed) <= 20:
        printed = re.sub(r"\s+", "", printed)
    line = to_simplified(printed)
    if not _SPEAKER_LINE.match(line):
        return None
    name, office = _speaker(line)
    return (_as_printed(name, line, printed), office) if name else (name, office)


# The cover of a congress's documents (武汉市硚口区第十四届人民代表大会, …第一次会议文件)
_CONGRESS_COVER = re.compile(r"^\s*([\u4e00-\u9fff]{2,20}?)\s*第[一二三四五六七八九十\d]{1,4}届人民代表大会(?:第[一二三四五六七八九十\d]{1,3}次会议)?(?:文件)?\s*$")


def congress_cover(line: str) -> str | None:
    """The place named on a cover of a congress's documents, or None (武汉市硚口区第十四届人民代表大会;
    温州市鹿城区藤桥镇第十五届人民代表大会第三次会议文件之十三, a session's numbered document)."""
    match = _CONGRESS_COVER.match(line) or _SESSION_COVER.match(line)
    return match.group(1) if match and match.group(1) else None


def speaker_body(line: str) -> str | None:
    """The government a speaker line names before the office (解放区人民政府区长 千怀贵 ->
    解放区, 甘肃省代省长 任振鹤 -> 甘肃省), or None when `line` is no speaker line."""
    if not speaker_line(line):
        return None
    return re.split(rf"人民政府|{_OFFICE}", to_simplified(line))[0]


def _speaker(text: str) -> tuple[str | None, str | None]:
    """(name, office) of the speaker named in a delivery or speaker line."""
    text = text.replace("人民政府", "")
    match = _SPEAKER_AFTER.search(text)
    if match:
        office = re.search(_OFFICE, match.group(0)).group(0)
        return re.sub(r"[\s\u3000\u2003]+", "", match.group(1)), office
    match = _SPEAKER_BEFORE.search(text)
    if match:
        return match.group(1), re.search(_OFFICE, match.group(0)).group(0)
    return None, None


def _number(text: str) -> int:
    """12 or 十二 or 二〇二五 as an int."""
    if text.isdigit():
        return int(text)
    if all(c in _CN_DIGITS for c in text) and len(text) == 4:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS.get(text, 0)


def trailing_date(text: str) -> dt.date | None:
    """The date in brackets at the end of `text` ((重庆市)…政府工作报告(2024年1月15日), with the
    speaker's name after it: 宿州市政府工作报告(2025年1月12日 王启荣)), or None."""
    dated = _TRAILING_DATE_NOTE.search(to_simplified(text))
    return _date(*dated.group(1, 2, 3)) if dated else None


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(_number(year), _number(month), _number(day))
    except ValueError:
        return None
