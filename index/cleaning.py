"""Line-level clean-up: conversion debris, page numbers and odd spaces never reach a report."""
from __future__ import annotations

import html
import re
from collections import Counter

from .analysis import to_simplified
from .gongzuo import DELIVERY_START
from .places import gazetteer

# Word-to-text converters leave bookmarks and field codes; web copies leave wiki markers.
# HTML tags left in a text (a CMS's stored markup pasted as text), of the elements that hold text
# A line break saved as its tag (周村区城北路街道办事处<br/>2017年度…报告): the line breaks there
_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
_MARKUP = re.compile(r"</?(?:p|span|font|strong|b|i|u|em|br|div|h[1-6]|td|tr|table|center|a|img|section)\b[^<>]{0,400}/?>", re.I)
# A line of nothing but tags, whatever their names (a hijacked page's <delect id="…"></delect>), with
# a list's number or bullet before them
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,11}\b[^<>]{0,200}/?>")
_TAGS_ONLY = re.compile(rf"^\s*(?:\d{{1,2}}\.\s*|[•·]\s*)?(?:{_ANY_TAG.pattern}\s*)+$")
_DEBRIS = re.compile(r"\[bookmark:[^\]]*\]|\[(?:图片|image|img)[^\]]*\]|\{\\[^}]*\}", re.I)
# Mirror sites that convert a page to traditional characters annotate some with pinyin:
# 政府工作報(bào)告, 區(qū) 長. Only a syllable with a tone mark, right after a Chinese character.
PINYIN_ANNOTATION = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
_ONE_CELL = re.compile(r"^[|｜]\s*([^|｜]+?)\s*[|｜]$")
# (one ? before Chinese text at a line's start is a character the site lost: ?中共渠县县委、…:)
_LOST_INDENT = re.compile(r"^[?？]{2,}(?=\S)|^[?？](?=[\u4e00-\u9fff])")
_LOST_MARK = re.compile(r"(?<=\S)\s+\?$")
# Empty cells of a table copied as text, after a line or as all of it: | |||
_TRAILING_PIPES = re.compile(r"(?:^|\s)[|｜](?:\s*[|｜])*\s*$")
_PAGE_NUMBER = re.compile(r"^(?:[-—–－_~]\s*\d{1,4}\s*[-—–－_~]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|"
                          r"\d{1,4}\s*/\s*\d{1,4}|\d{1,3}|[\[\]［］])$")
# Layout spaces that are never part of the text: en/em/ideographic, no-break, zero-width.
_ODD_SPACES = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_AFTER_TEXT = r"(?<=[\u4e00-\u9fff：:，。）)])"  # a site's mark follows the text of a line
_WATERMARK = re.compile(_AFTER_TEXT + r"([A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*)(?= {2,}|\s*$)", re.M)
WATERMARK_MIN = 4
_SPAM_TAIL = re.compile(_AFTER_TEXT + r"([A-Za-z0-9]{2,}[A-Za-z][^\s]{0,30}?|[A-Za-z][A-Za-z0-9]+[^\s]{1,30}?)[ \t]*$", re.M)
_BULLET = re.compile(r"^\s*[•●◆■▪□]\s*")
# An ordinary space between a number and a Chinese character is typesetting (2025 年).
_NUMBER_SPACE = re.compile(r"(?<=\d) +(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) +(?=\d)")


def clean_line(line: str) -> str:
    """Remove debris, layout spaces and a list bullet (• 一、…: a web page's list item);
    ordinary spaces stay as printed, collapsed to one."""
    line = _BULLET.sub("", _ODD_SPACES.sub("", _DEBRIS.sub("", line)))
    line = re.sub(r" {2,}", " ", line)
    return _NUMBER_SPACE.sub("", line).strip()


def split_debris(text: str) -> tuple[list[str], list[dict]]:
    """(the non-empty cleaned lines of `text`, what was dropped and why).

    Only debris is dropped: page numbers (- 4 -, 第3页, 3/12, a bare number), lone wiki
    brackets, converter markup ([bookmark: _GoBack]), HTML tags left in a text (<p>…</p>, its
    entities read: &ldquo; is “; a <br/> breaks the line), a mirror site's pinyin (報(bào)告), a
    web table's empty cells (… | |||), an indentation a site turned into ?? (??一、…), and a
    ? a site left before or after a line (?中共渠县县委、…, … 郑小清 ?);
    each is listed as
    {"text": …, "reason": …} so a user can see it.
    """
    lines, dropped = [], []
    text, watermarks = _split_at_watermarks(text)
    dropped += [{"text": mark, "reason": "web watermark"} for mark in watermarks]
    if "<" in text:
        dropped += [{"text": tag, "reason": "html markup"} for tag in _BREAK_TAG.findall(text)]
        text = _BREAK_TAG.sub("\n", text)
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "<" in raw and _TAGS_ONLY.match(raw):  # <mark id="h4sia"><del id="h4sia"></del></mark>: a hijacked page's junk
            dropped += [{"text": tag, "reason": "html markup"} for tag in _ANY_TAG.findall(raw)]
            left = _ANY_TAG.sub("", raw).strip()
            if left:  # the list's number or bullet the tags stood in
                dropped.append({"text": left, "reason": "html markup"})
            continue
        if "<" in raw and _MARKUP.search(raw):  # <p style="…">各位代表:</p>: a page's HTML saved as text
            dropped += [{"text": tag, "reason": "html markup"} for tag in _MARKUP.findall(raw)]
            raw = html.unescape(_MARKUP.sub("", raw))  # (&ldquo;十一五&rdquo; is “十一五”)
        for debris in _DEBRIS.findall(raw):
            dropped.append({"text": debris, "reason": "conversion debris"})
        for annotation in PINYIN_ANNOTATION.findall(raw):
            dropped.append({"text": annotation, "reason": "pinyin annotation"})
        line = clean_line(PINYIN_ANNOTATION.sub("", raw))
        if "?" in line or "？" in line or "|" in line or "｜" in line:  # (most lines have none)
            line = _strip_site_marks(line, dropped)
        glued = _GLUED_PAGE_NUMBER.match(line) if line[:1] in "—－-" else None
        if glued:  # —1—政府工作报告—2024年1月8日在…: a PDF's page number run into the text
            dropped.append({"text": glued.group(0), "reason": "page number or lone bracket"})
            line = line[glued.end():]
        if line:
            lines.append(line)
    kept = []
    for line in _join_number_wraps(lines) if _NUMBER_WRAP.search(text) else lines:
        if _PAGE_NUMBER.match(line):
            dropped.append({"text": line, "reason": "page number or lone bracket"})
        else:
            kept.append(line)
    return kept, dropped


_GLUED_PAGE_NUMBER = re.compile(r"^[—－-]\s*\d{1,3}\s*[—－-](?=[\u4e00-\u9fff])")
# A PDF's text that put each number on a line of its own (2021 / 年平湖市政府工作报告, 2021 / 年 /
# 2 / 月 / 25 / 日在…): a number alone, then the 年, 月 or 日 it belongs to
_NUMBER_WRAP = re.compile(r"\d[ \t]*\n\s*[年月日]")  # (whether a text has any: most have none)
_NUMBER_ALONE = re.compile(r"^(?:\d{4}年(?:\d{1,2}月)?)?\d{1,4}$")  # 2021, 2021年2, 2021年2月25
_DATE_PART = re.compile(r"^\d{4}年(?:\d{1,2}月)?$")  # 2021年, 2021年2月


def _join_number_wraps(lines: list[str]) -> list[str]:
    """`lines` with a number that a PDF's text put on a line of its own joined to the 年, 月
    or 日 after it, and such a date part joined to the number after it."""
    out: list[str] = []
    for line in lines:
        if out and len(out[-1]) <= 10 and (_NUMBER_ALONE.match(out[-1]) and line[0] in "年月日"
                                           or _DATE_PART.match(out[-1]) and line[0].isdigit()):
            out[-1] += line
        else:
            out.append(line)
    return out


def _strip_site_marks(line: str, dropped: list[dict]) -> str:
    """`line` without the marks a site left around it, each added to `dropped`: a ? after
    it, ?? for its indentation, the pipes of a table's cells."""
    lost = _LOST_MARK.search(line)
    if lost:  # 荣县人民政府县长 郑小清 ?: a character the site could not show, after a space
        dropped.append({"text": lost.group(0).strip(), "reason": "lost character"})
        line = line[:lost.start()].strip()
    indent = _LOST_INDENT.match(line)
    if indent:  # ??一、…: the full-width spaces a site lost became ??
        dropped.append({"text": indent.group(0), "reason": "lost indentation"})
        line = line[indent.end():].strip()
    cell = _ONE_CELL.match(line)
    if cell:  # | 天津市滨海新区新村街道2025年度法治政府建设情况报告 |: a table of one cell
        dropped.append({"text": "|", "reason": "table pipes"})
        line = cell.group(1)
    pipes = _TRAILING_PIPES.search(line)
    if pipes and "|" not in line[:pipes.start()] and "｜" not in line[:pipes.start()]:
        # 兰州市司法局关于…的报告 | |||: a web table's empty cells (a row of cells keeps its pipes)
        dropped.append({"text": pipes.group(0).strip(), "reason": "table pipes"})
        line = line[:pipes.start()].strip()
    return line


def _split_at_watermarks(text: str) -> tuple[str, list[str]]:
    """Some sites that repost reports print a code (C6m, GG6) where each line break was,
    and run the lines together: a code repeated at least WATERMARK_MIN times, each time
    after Chinese text and before spaces, is a line break again. Others append a slogan
    with its code to every line (…会议上c5s乡村百科--为乡村振兴助力): it is dropped."""
    marks = _repeated(_WATERMARK, text)
    for mark in marks:
        text = re.sub(rf"{_AFTER_TEXT}{re.escape(mark)}(?= {{2,}}|\s*$)", "\n", text, flags=re.M)
    spam = _repeated(_SPAM_TAIL, text)
    for tail in spam:
        text = re.sub(rf"{_AFTER_TEXT}{re.escape(tail)}[ \t]*$", "", text, flags=re.M)
    return text, marks + spam


def _repeated(pattern: re.Pattern, text: str) -> list[str]:
    """The texts `pattern` captures at least WATERMARK_MIN times in `text`."""
    counts = Counter(match.group(1) for match in pattern.finditer(text))
    return [found for found, count in counts.items() if count >= WATERMARK_MIN]


# ---------------------------------------------------------------- web chrome
# Pages saved from government sites, and text pasted from them, carry the site around the
# report: breadcrumbs, a toolbar, the CMS's metadata table, photo captions, column names.
# Each rule matches a whole short line (or a label before a value), never a sentence.
_CHROME_MAX = 80
_SPACED = r"\s*"  # metadata labels are often letter-spaced: 标 题：
_LABEL_PREFIX = r"^[\s•·●◆■□\-*]*[\[［【]?\s*"
# 来源于… is a sentence, 来源： a label; a table copied as text separates cells with |
_LABEL_SUFFIX = r"\s*(?:[\]］】]\s*[：:]?|[：:|｜])\s*"
# A table copied cell by cell separates a label from its value by spaces alone (标  题 …),
# and none is left before a number (索引号11620000/…: see clean_line)
_TABLE_SUFFIX = rf"(?:{_LABEL_SUFFIX}|\s+|(?=\d))"


def _label(*words: str) -> str:
    return "|".join(_SPACED.join(word) for word in words)


# The title row's value is kept as a line of its own: it is the report's title as printed.
# (题 or 称 alone: a row whose 标 or 名 the site lost, • 题: …, only with its colon)
_VALUE_LABELS = re.compile(_LABEL_PREFIX + f"(?:(?:{_label('标题', '文件标题', '文件名称', '信息名称', '名称', '中文名')})" + _TABLE_SUFFIX
                           + rf"|[题称]{_LABEL_SUFFIX}"
                           + r"|标\s*题(?=[\u4e00-\u9fff][^：:|｜\s]{3,80}(?:报告|总结)$))" + r"(?=\S)")  # (标题沁县林业局关于…的报告)
# A table flattened into lines: each cell's value, then the next cell's label (… - 名称：)
_TRAILING_LABEL = re.compile(r"\s+-\s*(?:" + _label("名称", "文号", "标题", "发文机关", "发文日期", "成文日期", "分类")
                             + r")\s*[：:]\s*$")
# [天政发〔2026〕7号]天水市人民政府关于…: the document number a site prints before the title
_NUMBER_PREFIX = re.compile(r"^[\[［【]\s*([^\]］】]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*号)\s*[\]］】]\s*(?=\S)")
# … or glued to a report's title without brackets (长政发〔2021〕1号长海县2020年度…报告)
_GLUED_NUMBER = r"[\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\s*\d{1,4}\s*号"
_GLUED_NUMBER_PREFIX = re.compile(rf"^({_GLUED_NUMBER})(?=[\u4e00-\u9fff][^。]{{4,80}}(?:报告|总结)$)")
# A row's value: all the rest after a colon; after spaces alone, up to the next cell
# (发布机构 西藏自治区…办公室 发布日期 2018-05-31)
_CELL_VALUE = rf"(?:{_LABEL_SUFFIX}(?P<value>\S[^。]*)|\s+(?P<cell>\S[^。\s]*)(?:\s[^。]*)?)$"
# The labels of a row naming the issuer (汇报单位: a wiki infobox's)
_ISSUER_LABELS = _label("发文机关", "发文机构", "发布机构", "发文单位", "发布单位", "汇报单位")
_HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
# Rows whose value may stand in for what the body lacks: its issuer, number and date.
_META_VALUES = {
    # (also a row's later cell: 主题分类: 其他 发文单位: 咸宁市水利和湖泊局)
    "issuers": re.compile(rf"(?:{_LABEL_PREFIX}|(?<=\s))(?:{_ISSUER_LABELS})" + _CELL_VALUE),
    "doc_number": re.compile(_LABEL_PREFIX + rf"(?:{_label('发文字号', '文号')})" + _CELL_VALUE),
    # anywhere in the row: 来源：司法厅 发布时间：2024-03-28
    "published": re.compile(rf"(?:{_label('成文日期', '发布日期', '发文日期', '发布时间')})"
                            + rf"(?:{_LABEL_SUFFIX}|\s+)" + r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*日)?)"),
    # 来源：洪江市退役军人事务局, 来源:泰宁县政府网: the body that published the page (anywhere in the row)
    "source": re.compile(rf"(?:{_label('信息来源', '来源')})" + _LABEL_SUFFIX + r"([\u4e00-\u9fff]{2,30})"),
    # 作者：海南省省长 刘赐贵 编辑：…: the speaker of a 政府工作报告, when the value is a speaker line
    # (a wiki infobox's 报告人：江苏省省长罗志军, its next row run on: …报告时间：2010年1月16日)
    "author": re.compile(_LABEL_PREFIX + rf"(?:{_label('作者', '报告人')})" + _LABEL_SUFFIX + r"(?P<value>\S[^。]*?)(?:报告时间.*)?$"),
    # a wiki infobox's 报告时间: the day the report was delivered, not posted (anywhere in the row)
    "delivered": re.compile(rf"(?:{_label('报告时间')})" + _LABEL_SUFFIX
                            + r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?:\s*日)?)"),
}
# The next cell of a row (昆明市五华区人民政府 发布日期: 2022-01-28), cut off an issuer's value
_NEXT_CELL = re.compile(r"\s+(?:" + _label("发布日期", "发布时间", "发文日期", "成文日期", "编辑", "责任编辑", "来源", "作者",
                                         "浏览次数", "阅读", "字号", "时间", "日期", "生成日期") + r")\s*[：:].*$")
# … or at the next cell's bracketed label ([ 发布机构 ] | 巴南区木洞镇 | [ 有效性 ] | |)
_NEXT_BRACKETED_CELL = re.compile(r"\s*[|｜]?\s*[\[［【]\s*[\u4e00-\u9fff][^\]］】]{0,8}[\]］】].*$")
# An issuer's label whose value is the next line, and a value that is a body's name
_ISSUER_BELOW = re.compile(_LABEL_PREFIX + rf"(?:{_ISSUER_LABELS})\s*[：:]?\s*")
_BODY_NAME = re.compile(r"[\u4e00-\u9fff（）()]{4,30}")
# A government's or a department's name printed alone at the top of its site, above the breadcrumb
_SITE_BANNER = re.compile(r"[\u4e00-\u9fff]{2,20}(?:人民政府|政府|局|委员会|办公室|街道办事处)")
# Metadata rows that say nothing about the report itself: dropped whole.
# (号: cxs039-/2023-0407001: an index number's row whose 索引 the site lost)
_META_ROW = re.compile(_LABEL_PREFIX + rf"(?:{_label('主题分类', '公文种类', '索引号', '信息索引', '信息分类', '信息提供日期', '体裁分类', '主题词', '组配分类', '有效性', '信息来源', '来源', '作者', '责任编辑', '编辑', '阅读量', '阅读次数', '浏览次数', '点击数', '访问量', '字体', '字号', '报告类型', '报告人', '所属地区')}"
                       r"|号(?=\s*[：:]\s*[0-9A-Za-z-]*/))"
                       + _TABLE_SUFFIX + r"[^。]*$")
# A breadcrumb's separator: > » › →, or an arrow typed as -> (首页 -> 政务公开 -> …)
_CRUMB = r"(?:-?[>＞»›]|→)"
# (a breadcrumb broken over lines: 首页 / >政府信息公开>…>政府工作报告; or the column alone: 当前栏目:政府工作报告)
_BREADCRUMB = re.compile(rf"^您?(?:现在|当前|目前)?(?:所在)?的?位置(?:是)?\s*[：:]|^(?:当前|所在)栏目\s*[：:]|^首页\s*(?:{_CRUMB}|/|$)|^\s*[>＞»›]\s*\S|\s{_CRUMB}\s*\S+\s*{_CRUMB}|"
                         r"^[^>＞»›→]{1,20}[>＞»›→][^>＞»›→]{1,20}[>＞»›→][^>＞»›→]{1,30}$"
                         r"|^[^/]{1,40}(?:\s/\s[^/]{1,20}){3,}$"  # 首页 / 信息公开 / 重点工作 / 政府工作报告
                         r"|^\s*/\s*[^/]{1,20}(?:\s*/\s*[^/]{1,20})+$"  # (当前位置:首页) / 政务公开 / 政府工作报告
                         r"|^首页(?:\s+[\u4e00-\u9fff]{2,12}){2,}$")  # 首页 政务公开 法治政府建设 法治政府建设年度报告
_PROMO_WORDS = re.compile(r"小[编編]|供大家|[欢歡]迎|会员分享|會員分享")  # a cheap test before simplifying the line
# A headline printed twice on one line, the second time as a table cell (… |)
_HEADLINE_TWICE = re.compile(r"([^。|｜]{6,80}?)\s+\1\s*[|｜]?")
# A template site's promo sentence: …下面是小编为大家整理的…，供大家参考。
_PROMO = re.compile(r"小编(?:为大家|给大家|精心)?(?:整理|收集|准备)|(?:仅)?供大家(?:参考|借鉴|阅读)|欢迎(?:大家)?(?:阅读|借鉴|参考)"
                    r"|^欢迎(?:来到|访问|光临)"  # 欢迎来到专业的…网平台! 工作总结 工作计划 …: a site's banner
                    r"|^《[^《》]{2,80}》由会员分享")  # (a document site's note on the file: …可在线阅读…)
_LINK = re.compile(r"^(?:点击|请点击)(?:查阅|查看|进入|阅读|下载)|^(?:查看|阅读)更多|^更多\s*[>＞»]")
_TOOLBAR = re.compile(r"^(?:[【\[]?\s*(?:字体|字号|大|中|小|分享到?|打印(?:本页|此页)?|关闭(?:窗口|本页)?|收藏|"
                      r"返回顶部|返回|微信|微博|QQ空间|扫一扫|默认|WAP手机版|手机版|无障碍(?:辅助)?(?:浏览)?(?:工具条)?|朗读|[：:])\s*[】\]]?\s*)+$")
# A site's notices: on the reader's browser (当前浏览器版本过低…建议您升级或使用其他浏览器。), whole sentences,
_SITE_NOTICE = re.compile(r"浏览器.{0,30}(?:升级|版本过?低|极速模式|兼容模式|最佳体验|最佳效果)|(?:升级|更换|切换)[^。]{0,8}浏览器"
                             # … and its greeting and clock (西安市人大网欢迎您!, 当前时间为:, 今天是:2019年10月31日 星期三)
                             r"|^[\u4e00-\u9fff]{2,20}欢迎您[!！]?$|^(?:当前时间|今天是)[为是]?\s*[：:]")
_CLOCK_STARTS = ("当前时间", "當前時間", "今天是")
_POSTED = re.compile(r"^(?:(?:发布|发表|更新|来源|时间|日期|作者|浏览|阅读)[^：:]{0,4}[：:]\s*\S+(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*){2,}$")
_CAPTION = re.compile(r"^[▲△↑（(]?\s*(?:图为|图片为|图：|图片来源|摄影|供图)[^。]{0,70}$")
# (in square brackets too, [权威发布]; but [江西] before a reposted headline is the headline's own)
_COLUMN = re.compile(r"^(?:【([^【】]{2,12})】|[\[［](?P<square>[^\[\]［］]{2,8})[\]］])(?=\S)")
# A bracketed column named for a government, in front of its own report's headline: its issuer
_GOVERNMENT_COLUMN = re.compile(r"[\u4e00-\u9fff]{2,}(?:人民政府|街道办事处)")
# A wiki infobox's label of the meeting a report was delivered at (报告背景：2010年1月16日江苏省第十一届
# 人民代表大会第三次会议): the value is the delivery line
_BACKGROUND_LABEL = re.compile(r"^\s*报告背景\s*[：:]\s*(?=(?:19|20)\d{2}\s*年)")
# A document-sharing site's label glued to the text's first line (文档介绍:——2009年5月16日在…)
_TEASER_LABEL = re.compile(r"^\s*(?:文档介绍|文档简介|内容简介)\s*[：:]\s*(?=\S)")
_POSTING_DATE = r"\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
# A posting time alone (2010年02月04日 14时39分, 2024-03-28 09:18): no report prints a clock time
_TIMESTAMP = re.compile(r"^\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?\s*\d{1,2}\s*[时:：]\s*\d{2}\s*分?(?:\s*[:：]?\s*\d{2}\s*秒?)?$")
_BRACKETED_DATE = re.compile(rf"^[（(]\s*({_POSTING_DATE})\s*[)）]$")  # （2024-03-01） below a headline
# (…报告 发布时间：2025-02-28, or with the publisher: …情况报告 上海市统计局 2020-06-08)
_POSTED_BY = r"(?:发布时间\s*[：:]\s*|[\u4e00-\u9fff]{2,20}\s*)?"
_POSTED_BEFORE_HEADING = re.compile(rf"^\s*(?:发布|发表|更新)(?:时间|日期)\s*[：:]\s*({_POSTING_DATE})\s*(?=[一二三四五六七八九十]{{1,2}}、)")
_DATED_TITLE = re.compile(rf"^([^。]{{4,78}}?(?:报告|总结|[)）]))\s*{_POSTED_BY}({_POSTING_DATE})$")
# A cell's value followed by the next cell's date (双牌县教育局 发文日期：2025-02-25 15:58), and
# a label whose value is on the next line (发文机关：)
_MID_ROW_DATE = re.compile(r"\s(?:" + _label("发文日期", "发布日期", "成文日期") + r")\s*[：:]\s*\d{4}[-/.年]")
# A document-sharing site's labels after its headline: …报告 本文关键词:…, 本文简介:…, 本文内容:
_SUMMARY = re.compile(r"^\s*(?:内容摘要|内容概述|内容提要)\s*[：:]")
# A title row's next cell (信息名称 …报告 内容概述 …报告), labelled with or without a colon
_TITLE_NEXT_CELL = re.compile(r"\s+(?:内容概述|内容摘要|内容提要|关键词|主题词)\s*[：:]?\s.*$")
_SEO_TAIL = re.compile(r"\s*本文(?:关键词|简介|内容|摘要)\s*[：:].*$")
_CLASS_ROW = re.compile(r"分\s*类\s*[：:]")  # 分      类: 其他 ; 报告 (a bare 分类 only with its colon)
_BARE_LABEL = re.compile(r"(?:" + _label("发文机关", "发文机构", "发布机构", "名称", "发文字号", "文号", "标题", "分类", "索引号",
                                          "公文时效") + r")\s*[：:]")
# A browser title: the site's name, an underscore, the page's title (长沙市司法局_关于…的报告)
_BROWSER_TITLE = re.compile(r"^([\u4e00-\u9fff]{2,20})[_＿](?=[^_＿]{4,80}(?:报告|報告|总结|總結)$)")
CHROME_REASONS = ("web breadcrumb", "web site name", "web metadata table", "web toolbar", "web metadata", "web metadata label", "photo caption",
                  "web column name", "web posting date", "web document number", "web link", "web title row",
                  "web promo", "web navigation", "web summary", "web metadata list", "web notice")
_DASH_LED = re.compile(r"^(?:——|－－|--|—)")  # a subtitle or delivery line under a title
_REPEAT_WINDOW = 15  # lines below a 标题 row in which the page prints the title itself


def split_chrome(lines: list[str]) -> tuple[list[str], list[dict], dict]:
    """(the lines without web-site chrome, what was dropped and why, the metadata values).

    Whole chrome lines are dropped; a title label (标 题：) or a column name
    (【法治建设报告】) before a value is dropped and the value kept as the line. The
    metadata table's issuer, number and date are returned as {"issuers": [...],
    "doc_number": …, "published": "2024-01-18", "delivered": …} for the parser to use when the
    body lacks them ("delivered": a wiki infobox's 报告时间, the day a report was delivered;
    "author": a 作者 row's value, which may name a 政府工作报告's speaker; "source": a 来源 row's
    value, the body that published the page).
    """
    kept, dropped, meta = [], [], {"issuers": [], "doc_number": None, "published": None, "delivered": None, "author": None,
                                   "source": None}
    title_rows = []  # where a 标题 row's value was kept
    crumbs = {}  # line index -> the last crumb of the breadcrumb on that line: the page's column
    origin = []  # the index in `lines` of each kept line
    top = _first_sentence(lines)
    menus = set(_navigation_runs(lines, top))
    crumb_lines, crumb_headlines = _crumbs_over_lines(lines, top)
    value_lists = set(_value_list_runs(lines))
    label_lists = _label_list_runs(lines, top)
    issuer_below = False  # the line above was an issuer's label alone
    label_above = None  # the line above, when it was a metadata label alone before the first sentence
    for i, line in enumerate(lines):
        if i in menus:
            dropped.append({"text": line, "reason": "web navigation"})
            continue
        if i in crumb_lines:
            dropped.append({"text": line, "reason": "web breadcrumb"})
            continue
        if i in crumb_headlines:  # 计划总结 山西省…的情况报告: the last crumb, run into the headline
            dropped.append({"text": line[:len(line) - len(crumb_headlines[i])].strip(), "reason": "web breadcrumb"})
            line = crumb_headlines[i]
        if i in value_lists or i in label_lists:
            dropped.append({"text": line, "reason": "web metadata list"})
            if label_lists.get(i):  # - 发文机构 / - 隆阳区金鸡乡人民政府: the value under its label
                _read_meta_values(f"{label_lists[i]}：{unbulleted(line).strip()}", meta)
            continue
        if _SUMMARY.match(line):  # 内容摘要:政 府 工 作 报 告 ——2019年…: a site's teaser, the report below
            dropped.append({"text": line, "reason": "web summary"})
            continue
        seo = _SEO_TAIL.search(line) if "本文" in line else None
        if seo and 0 < seo.start() <= _CHROME_MAX:
            dropped.append({"text": seo.group(0).strip(), "reason": "web metadata label"})
            line = line[:seo.start()].strip()
            if kept and re.sub(r"\s+", "", line) == re.sub(r"\s+", "", kept[-1]):
                dropped.append({"text": line, "reason": "web title row"})  # the headline again
                continue
        short = len(line) <= _CHROME_MAX * 2 and "。" not in line  # (the rules below are for short lines)
        twice = _HEADLINE_TWICE.fullmatch(line) if short else None
        if twice:  # 柳市镇2024年法治政府建设年度报告 柳市镇2024年法治政府建设年度报告 |: a headline and its copy
            dropped.append({"text": line[twice.end(1):].strip(), "reason": "web title row"})
            line = twice.group(1)
        browser = _BROWSER_TITLE.match(line) if short and ("_" in line or "＿" in line) else None
        if browser:  # 长沙市司法局_关于长沙市2020年…的报告: a browser title, the site's name first
            dropped.append({"text": browser.group(1), "reason": "web site name"})
            line = line[browser.end(1) + 1:]
        # (lines come stripped; a copied table may lose its first bar: 中文名 | …报告 | 发布单位 | …)
        row = table_row(line) if i < top and (line[:1] in "|｜" or _UNBARRED_ROW.match(line)) else None
        if row is not None:  # | 关键词 | 发布机构 | 肃南县林草局 | |: the metadata table, cell by cell
            dropped.append({"text": line, "reason": "web metadata table"})
            for cell in row:
                title = _VALUE_LABELS.match(cell)
                if title:  # | 标 题: | 厦门市…的报告 |: the title row's value, kept as the title is
                    title_rows.append(len(kept))
                    kept.append(cell[title.end():].strip())
                    origin.append(i)
                else:
                    _read_meta_values(cell, meta)
            continue
        reason = chrome_reason(line) or ("web promo" if _PROMO_WORDS.search(line) and _PROMO.search(to_simplified(line))
                                         else None)
        if reason:
            dropped.append({"text": line, "reason": reason})
            if reason == "web breadcrumb":
                crumbs[i] = _last_crumb(line)
            if reason in ("web breadcrumb", "web toolbar") and len(kept) == 1 and _SITE_BANNER.fullmatch(kept[0]):
                # 禄丰市人民政府 / 首页 >> …, 莒南县人民政府 / 朗读: the site's name above its breadcrumb or toolbar
                dropped.append({"text": kept.pop(), "reason": "web site name"})
                origin.pop()
            issuer_below = bool(_ISSUER_BELOW.fullmatch(line))  # 发 布 机 构 : / 天津市河东区司法局
            label_above = line if i < top and _label_alone(line) else None
            _read_meta_values(line, meta)
            continue
        if label_above and _LIST_VALUE.match(line) and _label_alone(lines[i + 1] if i + 1 < len(lines) else ""):
            # • 成文日期: / • 2021-04-08 / • 公开方式:: a value between two labels (a label's value
            # may be empty, and the title below it: • 有效性: / 湖塘街道…报告 / 发布时间:…)
            _read_meta_values(unbulleted(label_above) + unbulleted(line), meta)
            label_above, issuer_below = None, False
            dropped.append({"text": line, "reason": "web metadata list"})
            continue
        label_above = None
        if issuer_below:
            issuer_below = False
            value = unbulleted(line).strip()  # (- 温岭市住房和城乡建设局: a list's item)
            if value and _BODY_NAME.fullmatch(value):
                meta["issuers"].append(value)
        trailing = _TRAILING_LABEL.search(line)
        if trailing and len(line) <= _CHROME_MAX * 2:
            dropped.append({"text": trailing.group(0).strip(), "reason": "web metadata label"})
            line = line[:trailing.start()].strip()
            reason = chrome_reason(line)  # what is left may be a row of the table itself
            if reason:
                dropped.append({"text": line, "reason": reason})
                continue
        bracketed = _BRACKETED_DATE.match(line)
        if bracketed:
            dropped.append({"text": line, "reason": "web posting date"})
            meta["published"] = meta["published"] or re.sub(r"\s.*", "", bracketed.group(1))
            continue
        dated = _DATED_TITLE.match(to_simplified(line)) if short else None  # (發布時間 is 发布时间; offsets kept)
        if dated:  # 2024年度…工作报告 2025-02-28: a headline with its posting date
            dropped.append({"text": line[dated.end(1):].strip(), "reason": "web posting date"})
            meta["published"] = meta["published"] or re.sub(r"\s.*", "", dated.group(2))
            line = line[:dated.end(1)]
        posted = _POSTED_BEFORE_HEADING.match(line)
        if posted:  # 发表时间 : 2019-05-07 16:46:57一、2016年度主要工作: the first heading run into the row
            dropped.append({"text": posted.group(0).strip(), "reason": "web posting date"})
            meta["published"] = meta["published"] or re.sub(r"\s.*", "", posted.group(1))
            line = line[posted.end():]
        simplified = to_simplified(line)  # (same length: a match's offsets hold in `line`)
        for pattern, why in ((_VALUE_LABELS, "web metadata label"), (_COLUMN, "web column name"),
                             (_TEASER_LABEL, "web metadata label"), (_BACKGROUND_LABEL, "web metadata label")):
            match = pattern.match(simplified)  # (標題: is 标题:, 報告背景: is 报告背景:)
            if match and pattern is _COLUMN and match.group("square") and _names_a_place(match.group("square")):
                continue
            if match and len(line) <= _CHROME_MAX * 2:
                dropped.append({"text": line[:match.end()], "reason": why})  # (as printed: 報告背景:)
                if pattern is _COLUMN and match.group(1) and _GOVERNMENT_COLUMN.fullmatch(match.group(1)):
                    meta["issuers"].append(line[match.start(1):match.end(1)])  # 【晋江市金井镇人民政府】金井镇2023年…报告
                line = line[match.end():].strip(" |｜")  # (标 题: | 阳城县…报告 | ||: a table row)
                simplified = to_simplified(line)
                if pattern is _VALUE_LABELS:
                    title_rows.append(len(kept))
                    cell = _TITLE_NEXT_CELL.search(line)
                    if cell:  # 信息名称 …报告 内容概述 …报告: the row's next cell is no part of the title
                        dropped.append({"text": cell.group(0).strip(), "reason": "web metadata label"})
                        line = line[:cell.start()]
        numbered = _NUMBER_PREFIX.match(line) or _GLUED_NUMBER_PREFIX.match(line)
        if numbered:
            dropped.append({"text": numbered.group(0).strip(), "reason": "web document number"})
            meta["doc_number"] = meta["doc_number"] or re.sub(r"\s+", "", numbered.group(1))
            line = line[numbered.end():]
        kept.append(line)
        origin.append(i)
    for at in reversed(title_rows):
        if _printed_below(kept, at):
            dropped.append({"text": kept.pop(at), "reason": "web title row"})
            origin.pop(at)
            # the row's value went on to a line of its own, printed below as well (名称: 政府工作报告 /
            # ——在小胜镇第十六届人民代表大会第一次会议上的报告)
            if at < len(kept) and _DASH_LED.match(kept[at]) and _printed_below(kept, at):
                dropped.append({"text": kept.pop(at), "reason": "web title row"})
                origin.pop(at)
    # The column's name printed alone right above the breadcrumb that ends in it (政府工作报告 /
    # 当前位置: 首页 >> 政务公开 >> 政府工作报告) is the page's heading, not the report's title; below
    # it, the line a breadcrumb ends in is the article's own headline, unless a report's title
    # follows it (… > 镇街法治政府建设报告 / 镇街法治政府建设报告 / 广州市南沙区横沥镇人民政府…年度报告)
    for at in reversed(range(len(kept))):
        if kept[at] == crumbs.get(origin[at] + 1) or (
                kept[at] == crumbs.get(origin[at] - 1) and at + 1 < len(kept)
                and kept[at + 1] != kept[at] and _REPORT_TITLE.match(kept[at + 1])):
            dropped.append({"text": kept.pop(at), "reason": "web column name"})
    file_name = _FILE_NAME_HEADLINE.match(kept[0]) if kept else None
    if file_name and len(kept) > 1 and kept[1] == file_name.group(1):
        # 唐山市古冶区政府工作报告.docx over 唐山市古冶区政府工作报告: a document site's headline
        # is its file's name; the document's own title line is below it
        dropped.append({"text": kept.pop(0), "reason": "web title row"})
    return kept, dropped, meta


# A document file's name ending a headline, its note before it: …报告(20230216).docx
FILE_NAME_END = r"(?:[（(][^（）()]{1,30}[)）])?\.(?:docx?|pdf|wps)$"
_FILE_NAME_HEADLINE = re.compile(rf"^(.{{4,80}}?)\s*{FILE_NAME_END}")


_UNBARRED_ROW = re.compile(r"^[^|｜\s]{2,8}\s*[|｜]\s*\S[^|｜]*[|｜]")  # (its first cell a label, checked by table_row)
_REPORT_TITLE = re.compile(r"^[^。，,]{6,80}(?:报告|報告|总结|總結)$")


def _names_a_place(text: str) -> bool:
    """Whether `text` is a place's name, full or short (江西, 内蒙古, 安吉县)."""
    simple = to_simplified(text)
    return any(m.start == 0 and m.end == len(simple) for m in gazetteer().find(simple, short=True))


def _label_alone(line: str) -> bool:
    """Whether `line` is a metadata label alone with its colon (• 组配分类:)."""
    return bool(_LABEL_ABOVE_VALUE.fullmatch(unbulleted(to_simplified(line)).strip()))


def unbulleted(line: str) -> str:
    """A line without a list's bullet (- 温岭市住房和城乡建设局)."""
    return re.sub(r"^[\s•·●◆■□\-*]+", "", line)


def _read_meta_values(line: str, meta: dict) -> None:
    """Add to `meta` the issuer, number, date or author a metadata line (or a table's cell
    read as one, 发布机构：市市场监管局) gives."""
    for name, pattern in _META_VALUES.items():
        match = pattern.search(to_simplified(line))
        value = match and next(v for v in match.groups() if v)
        if match and name == "issuers":
            issuer = _NEXT_BRACKETED_CELL.sub("", _NEXT_CELL.sub("", value)).strip(" |｜")
            if _HAS_CJK.search(issuer) and not _ISSUER_BELOW.fullmatch(line) and issuer not in meta["issuers"]:
                meta["issuers"].append(issuer)
        elif match and name == "author":  # (as printed: 報告人：江蘇省省長羅志軍)
            meta[name] = meta[name] or _NEXT_CELL.sub("", line[match.start("value"):match.end("value")]).strip()
        elif match and not meta[name]:
            meta[name] = re.sub(r"\s+", "", value)


# The labels of a site's metadata table, printed as a table's cells (| [ 发布机构 ] | 市市场监管局 |)
_TABLE_LABEL_WORDS = ("标题", "文件标题", "文件名称", "信息名称", "发文机关", "发文机构", "发布机构", "发文单位", "发布单位", "发文字号", "文号",
                      "成文日期", "发布日期", "发文日期", "发布时间", "发文时间", "生成日期", "索引号", "主题分类", "公文种类",
                      "体裁分类", "组配分类", "主题词", "关键词", "有效性", "是否有效", "公开形式", "公开目录", "公开方式",
                      "责任部门", "信息来源", "来源", "浏览量", "浏览次数", "信息索引号", "文件编号", "文件字号", "所属主题",
                      "公开对象", "服务对象", "公开部门", "时效", "公文时效", "发文类型", "文件登记号", "统一登记号", "中文名")
_TABLE_LABEL = re.compile(rf"^[\[［【]?\s*(?:{_label(*_TABLE_LABEL_WORDS)})\s*[\]］】]?\s*[：:]?$")
# A label alone with its colon, its value on the next line (• 组配分类: / • 政府工作报告); a title's
# label (标题:) is read by _VALUE_LABELS and its value kept
_LABEL_ABOVE_VALUE = re.compile(rf"^[\[［【]?\s*(?:{_label(*(w for w in _TABLE_LABEL_WORDS if w not in ('标题', '文件标题', '文件名称', '信息名称', '中文名')))})"
                                r"\s*[\]］】]?\s*[：:]$")
_TABLE_LABEL_VALUE = re.compile(rf"^[\[［【]?\s*(?:{_label(*_TABLE_LABEL_WORDS)})\s*[\]］】]?\s*[：:]\s*\S")


def table_row(line: str) -> list[str] | None:
    """A metadata table's row (| 索引号 | 123/2026-5 | 发布机构 | 市司法局 |) read as its
    labelled values, one "label：value" string each (a label whose value the copy lost,
    | 关键词 | 发布机构 | …, gives none); None when no cell is a metadata label."""
    cells = [cell.strip() for cell in re.split(r"[|｜]", line)]
    labels = [cell.strip() for cell in re.split(r"[|｜]", to_simplified(line))]  # (a value stays as printed)
    if len(labels) != len(cells) or not any(_TABLE_LABEL.match(label) or _TABLE_LABEL_VALUE.match(label) for label in labels):
        return None
    values = []
    for at, label in enumerate(labels):
        value, value_label = (cells[at + 1], labels[at + 1]) if at + 1 < len(cells) else ("", "")
        if _TABLE_LABEL_VALUE.match(label):
            values.append(label.split("：" if "：" in label else ":", 1)[0] + "：" + re.split("[：:]", cells[at], 1)[1].strip())
        elif _TABLE_LABEL.match(label) and value and not _TABLE_LABEL.match(value_label):
            values.append(f"{label.rstrip('：: ')}：{value}")
    return values


def _first_sentence(lines: list[str]) -> int:
    """The index of the first line with a sentence (or 各位代表): the site's chrome is above it."""
    return next((i for i, line in enumerate(lines) if "。" in line or line.startswith("各位代表")), len(lines))


def _navigation_runs(lines: list[str], top: int) -> list[int]:
    """The indexes of a site's menus above the report: runs of at least NAVIGATION_RUN short
    lines with no punctuation (外埠看莲花 / 信息公开目录 / 年度报告 / …), before the first
    sentence or 各位代表 (a table in the body is the report's own text)."""
    found, run = [], []
    for i, line in enumerate([*lines[:top], "。"]):
        if _is_menu_item(line):
            run.append(i)
            continue
        if run and lines[run[-1]].rstrip().endswith("报告") and DELIVERY_START.match(line):
            run.pop()  # the title over its delivery line (政府工作报告 / --2017年1月2日在…) ends no menu
        if len(run) >= NAVIGATION_RUN:
            found += run
        run = []
    # a collapsed menu's item over its expander, however short the menu (政府信息公开年报 / +)
    found += [at for i in range(1, top) if _EXPANDER.match(lines[i]) and _is_menu_item(lines[i - 1]) for at in (i - 1, i)]
    return found


NAVIGATION_RUN = 6


def _crumbs_over_lines(lines: list[str], top: int) -> tuple[set[int], dict[int, str]]:
    """A breadcrumb printed a crumb a line, with its separators alone between them (首页 / > /
    信息公开 / > / 计划总结 山西省…的情况报告), above the first sentence: (the indexes of its crumbs
    and separators, {index: the headline} where the last crumb runs into the headline). A
    crumb line whose headline the next line prints again is dropped whole."""
    crumbs, headlines = set(), {}
    for i in range(1, min(top, len(lines) - 1)):
        if not _CRUMB_ALONE.match(lines[i]) or not _is_menu_item(lines[i - 1]):
            continue
        crumbs |= {i - 1, i}
        after = lines[i + 1].strip()
        last, _, headline = after.partition(" ")
        headline = headline.strip()
        printed_again = i + 2 < len(lines) and headline == lines[i + 2].strip()
        if _is_menu_item(after) or (headline and printed_again):
            crumbs.add(i + 1)
        elif headline and _is_menu_item(last) and _REPORT_TITLE.match(headline):
            headlines[i + 1] = headline
    return crumbs, headlines


_CRUMB_ALONE = re.compile(rf"^\s*(?:{_CRUMB}{{1,2}}|/)\s*$")
_EXPANDER = re.compile(r"^\s*[+＋]\s*$")
# A metadata table printed as a list of its values, without labels (755156513/2014-00003 /
# 新郑市人民政府 / 政府工作报告 / 2014-02-13, once bullet points; kss622/2022-00020 / 综合政务报告 / …):
# from the index number down to the last date, short lines only
_LIST_VALUE = re.compile(r"^\s*[^\s。：:，,][^。：:，,]{0,29}$")
_INDEX_NUMBER = re.compile(r"^\s*[\dA-Za-z]{6,}(?:-[\dA-Za-z]+)?/\d{4}-\d+\s*$")
_DATE_VALUE = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}\s*$")


def _value_list_runs(lines: list[str]) -> list[int]:
    """The indexes of the lines of a metadata value list above the first sentence."""
    top = next((i for i, line in enumerate(lines) if "。" in line), len(lines))
    for i, line in enumerate(lines[:top]):
        if not _INDEX_NUMBER.match(line):
            continue
        run = i + 1
        while run < top and run - i <= 8 and _LIST_VALUE.match(lines[run]):
            run += 1
        dates = [j for j in range(i + 1, run) if _DATE_VALUE.match(lines[j])]
        if dates:
            return list(range(i, dates[-1] + 1))
    return []


def _label_list_runs(lines: list[str], top: int) -> dict[int, str | None]:
    """A metadata table printed as a list, each label on its own line without a colon and its
    value, if any, on the next (- 索引号 / - 01525762-6-/2021-0415002 / - 发文机构 / - 隆阳区金鸡乡
    人民政府 / - 文 号 / - 浏览量 / …), above the first sentence: {index: the label above it, for
    a value; None for a label}, for runs of at least three labels."""
    found: dict[int, str | None] = {}
    run: dict[int, str | None] = {}
    label = None
    for i, line in enumerate([*lines[:top], "。"]):
        bare = unbulleted(line).strip() if len(line) <= _LIST_LINE_MAX else ""
        item, has_bullet = to_simplified(bare), bare != line.strip()
        # (labels with their colons, • 成文日期: / • 2021-04-08, are read where split_chrome meets them)
        if (_TABLE_LABEL.fullmatch(item) and not item.endswith((":", "："))) or _LIST_ONLY_LABEL.fullmatch(item):
            run[i], label, bulleted = None, item, has_bullet
            continue
        # (a value is bulleted as its label is, and names no year: • 服务对象 / 鲁山县人民政府关于2024年…
        # 的报告 is the title under the list)
        if label and _LIST_VALUE.match(item) and has_bullet == bulleted and not _YEAR_WORD.search(item):
            run[i], label = label, None
            continue
        if sum(1 for value in run.values() if value is None) >= 3:
            found |= run
        run, label = {}, None
    return found


_LIST_LINE_MAX = 40  # characters of a label or value line, bullet and spaces included
_YEAR_WORD = re.compile(r"(?:19|20)\d{2}\s*年")
_LIST_ONLY_LABEL = re.compile(r"日\s*期|时\s*间")  # (labels too plain to read as such in a table's cells)


def _is_menu_item(line: str) -> bool:
    """A short line with no punctuation and no number of a part (第一章 总则 in a table of
    contents is the document's own)."""
    return (len(re.sub(r"\s+", "", line)) <= 8 and not re.search(r"[。，,：:；;！？!?、]", line)
            and not _NUMBERED_PART.match(line))


_NUMBERED_PART = re.compile(r"^\s*(?:第\s*[一二三四五六七八九十百\d]+\s*[章节编条部篇]|[一二三四五六七八九十\d]+\s*[、.．]|"
                            r"[（(]\s*[一二三四五六七八九十\d]+\s*[)）])")


def breadcrumb_parts(line: str) -> list[str]:
    """The parts of a breadcrumb line, in order (当前位置：首页 > 政务公开 > 工作报告: 当前位置,
    首页, 政务公开, 工作报告; 首页 政务公开 工作报告, whose parts only spaces part, too)."""
    parts = [part.strip() for part in re.split(rf"{_CRUMB}|[：:/]", line)]
    return parts if len(parts) > 1 else line.split()


def _last_crumb(line: str) -> str:
    """The last part of a breadcrumb (首页 >> 政务公开 >> 政府工作报告: 政府工作报告)."""
    return (breadcrumb_parts(line) or [""])[-1]


def _printed_below(lines: list[str], at: int) -> bool:
    """Whether the title in line `at` (a 标题 row's value) is printed again a little below,
    on one line or over two (河南省人民政府 / 关于2023年度…的报告; the first of them may carry a
    row the site ran into it, 主题词:法治政府琼 海 市 人 民 政 府): the printed one is the title;
    or a report's title of its own over the address (中文名:2008年安徽省政府工作報告 … 2008年
    政府工作報告 / 各位代表:)."""
    value = re.sub(r"\s+", "", lines[at])
    below = [re.sub(r"\s+", "", line) for line in lines[at + 1:at + 1 + _REPEAT_WINDOW]]
    return bool(value) and any(
        line == value or line + following == value
        or (following and following != value and value.endswith(following) and line.endswith(value[:-len(following)]))
        or (to_simplified(following).startswith("各位代表") and _REPORT_TITLE.match(to_simplified(line)))
        for line, following in zip(below, [*below[1:], ""]))


def chrome_reason(line: str) -> str | None:
    """Why a whole line is site chrome, or None when it may be the report's."""
    if len(line) > _CHROME_MAX:
        return None
    if ("览器" in line or "覽器" in line or "迎您" in line or line.startswith(_CLOCK_STARTS)) \
            and _SITE_NOTICE.search(to_simplified(line)):  # (cheap tests first: most lines are none of these)
        return "web notice"
    if "。" in line:
        return None
    line = to_simplified(line)  # 瀏覽次數 is 浏览次数
    for pattern, reason in ((_BREADCRUMB, "web breadcrumb"), (_TOOLBAR, "web toolbar"), (_LINK, "web link"), (_POSTED, "web metadata"),
                            (_META_ROW, "web metadata"), (_CAPTION, "photo caption"), (_TIMESTAMP, "web posting date")):
        if pattern.search(line):
            return reason
    bare = re.sub(r"^[\s•·●◆■□\-*]+", "", line)
    if any(pattern.match(bare) for pattern in _META_VALUES.values()):  # 成文日期：2024-01-18
        return "web metadata"
    if _MID_ROW_DATE.search(bare) or _BARE_LABEL.fullmatch(bare) or _CLASS_ROW.match(bare):  # 双牌县教育局 发文日期：2025-02-25
        return "web metadata"
    if _LABEL_ABOVE_VALUE.fullmatch(bare):  # • 组配分类: (its value on the line below)
        return "web metadata"
    return None


def is_chrome(dropped: dict) -> bool:
    """Whether a `dropped` entry is web chrome that these rules drop (a test's check that
    nothing else is ever dropped as chrome)."""
    text, reason = dropped["text"], dropped["reason"]
    if reason == "web document number":
        return bool(_NUMBER_PREFIX.match(text + "题") or re.fullmatch(_GLUED_NUMBER, text))
    if reason == "web posting date":
        return bool(re.fullmatch(rf"{_POSTED_BY}{_POSTING_DATE}", to_simplified(text))
                    or _BRACKETED_DATE.match(text) or _TIMESTAMP.match(text))
    if reason == "web title row":  # a title, printed again below it (see _printed_below)
        return len(text) <= _CHROME_MAX * 2 and "。" not in text
    if reason == "web metadata table":
        return text[:1] in "|｜" and table_row(text) is not None
    if reason == "web summary":
        return bool(_SUMMARY.match(text))
    if reason == "web site name":
        return bool(_BROWSER_TITLE.match(text + "_关于某某报告"))
    if reason == "web navigation":
        return _is_menu_item(text)
    if reason == "web metadata list":
        return bool(_LIST_VALUE.match(text))
    if reason == "web promo":
        return bool(_PROMO.search(to_simplified(text)))
    if reason == "web column name" and not text.startswith("【"):  # a breadcrumb's last crumb
        return len(text) <= 20 and "。" not in text
    if reason in ("web metadata label", "web column name"):
        value = "某县某局关于某年工作的报告"  # a label needs its value
        label = (_VALUE_LABELS.match(text + value) or _COLUMN.match(text + value) or _TEASER_LABEL.match(text + value)
                 or _BACKGROUND_LABEL.match(to_simplified(text) + "2010年"))  # (its value is a delivery line)
        return (bool(label) and label.end() == len(text) or bool(_TRAILING_LABEL.fullmatch(" " + text))
                or bool(_SEO_TAIL.fullmatch(text)) or bool(_TITLE_NEXT_CELL.fullmatch(" " + text)))
    return reason in CHROME_REASONS and chrome_reason(text) == reason
