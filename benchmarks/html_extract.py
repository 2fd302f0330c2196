"""Main-content extraction from saved government web pages: our html_to_text against trafilatura.

The pages are built at run time: the report's text (the five seeds, and ~20 real
政府工作报告 from ../shared/corpora/gongzuo when present; their text is never copied into the
repository) is wrapped in one of five government CMS layouts (modern <div>s, an old <table>
layout, <br>-separated paragraphs under pinyin class names, HTML5 with <div> paragraphs, a
body pasted from Word) with a breadcrumb, a metadata table (索引号 / 发文机关 / 成文日期 /
标 题), a 字号 大 中 小 / 打印 / 关闭 toolbar, share links, navigation menus, a photo caption
and a 版权所有 / ICP备 footer; the first layout also has a table inside the article. The one
HTML page of the tests (tests/test_sources.py; tests/data/web holds pasted text, no HTML) is
measured too. For every extractor and page:

- recall: the share of the article's own lines (headline + report text, whitespace removed,
  NFKC) found inside one extracted line; "kept apart": the share that is an extracted line
  of its own (paragraphs run together are found, but not kept apart);
- chrome: how many of the page's chrome items (each known by a marker word) survive in
  extracted lines that are not the article's; measured on the extractor's output ("raw")
  and after the parser's line rules (index/cleaning.py), in the report's blocks ("parsed");
- fields: title, kind, year, province/city/county/town, first section heading and published
  of `parse_report(extracted, source)` against those of the original plain text (of the
  page's headline above it when the report has no title of its own); the page's own date is
  a right `published` for a report whose text states none;
- time: milliseconds per page for the extraction alone.

    python -m benchmarks.html_extract [--reports 20] [--corpora ../shared/corpora] [--show NAME]
"""
from __future__ import annotations

import argparse
import html
import re
import statistics
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from baogao.index.html_text import html_to_text
from baogao.index.reports import parse_report
from baogao.index.sources import read_text

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPORA = ROOT.parent / "shared" / "corpora"
FIELDS = ("kind", "title", "year", "province", "city", "county", "town", "first_heading", "published")
_SECTION = re.compile(r"^\s*[一二三四五六七八九十]+、")


@dataclass
class Page:
    """One saved page: its HTML, the article it carries, what its parse should give."""

    name: str
    layout: str
    html: str
    article: list[str]  # the headline and the report's own non-empty lines
    expected_text: str  # the text whose parse the extracted text's parse must match
    source: str  # the file name the parser is given
    date: str  # the page's 发布时间 / 成文日期


# ---------------------------------------------------------------- the pages

def _site(place: str) -> str:
    """The site's owner: 三亚 → 三亚人民政府."""
    return place if place.endswith("政府") else f"{place}人民政府"


# The chrome items every layout carries, each by a marker word; a marker counts only in an
# extracted line that is not the article's, so a report that says 打印 or 关闭 costs nothing.
CHROME = {
    "nav: 政务服务": "政务服务", "nav: 互动交流": "互动交流", "nav: 无障碍": "无障碍",
    "breadcrumb": "位置", "index number": "索引号", "issuer row": "发文机关",
    "date row": "成文日期", "title row": "标题", "toolbar: 大 中 小": "大中小", "toolbar: 打印": "打印",
    "toolbar: 关闭": "关闭", "share": "分享", "caption": "图为", "footer: 版权所有": "版权所有",
    "footer: ICP": "ICP备", "related links": "相关链接", "posted line": "浏览次数",
}


def _paragraphs(lines: list[str], tag: str = "p", bold_headings: bool = True, caption: str = "") -> str:
    """One element per line, section headings in bold, the photo after the fourth line."""
    out = []
    for i, line in enumerate(lines):
        text = html.escape(line)
        if bold_headings and _SECTION.match(line):
            text = f"<strong>{text}</strong>"
        out.append(f'<{tag} style="text-indent:2em">{text}</{tag}>')
        if i == 3 and caption:
            out.append(caption)
    return "\n".join(out)


def _with_table(lines: list[str]) -> str:
    """<p> paragraphs, with four lines from the middle (no headings) as a numbered table in the
    article, the way a report's table of targets or projects is published."""
    start = len(lines) // 2
    while start < len(lines) - 4 and any(_SECTION.match(line) for line in lines[start:start + 4]):
        start += 1
    rows = "".join(f"<tr><td>{k}</td><td>{html.escape(line)}</td></tr>"
                   for k, line in enumerate(lines[start:start + 4], 1))
    return (_paragraphs(lines[:start]) + f'\n<table class="MsoTableGrid" border="1"><tr><th>序号</th><th>内容</th></tr>'
            f"{rows}</table>\n" + _paragraphs(lines[start + 4:]))


def layout_div(headline: str, lines: list[str], site: str, date: str) -> str:
    """A modern TRS-style CMS page: English class names, <p> paragraphs, a table in the article."""
    caption = (f'<p style="text-align:center"><img src="/images/202402/p1.jpg" alt=""></p>\n'
               f'<p style="text-align:center">图为{html.escape(site)}政务服务中心（资料图片）</p>')
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>{headline}_{site}</title><script>var _hmt = _hmt || []; var pageViews = "浏览次数";</script>
<style>.article p {{ line-height: 2; }}</style></head><body>
<div class="header"><div class="top-bar"><a>无障碍</a> | <a>简体</a> | <a>繁體</a> | <a>长者模式</a></div>
<div class="logo"><img src="/images/logo.png" alt="{site}"></div></div>
<div class="nav-menu"><ul><li><a href="/">首页</a></li><li><a>政务公开</a></li><li><a>政务服务</a></li>
<li><a>互动交流</a></li><li><a>走进本地</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a>政务公开</a> &gt; <a>政府工作报告</a></div>
<div class="main"><div class="article">
<div class="xxgk-meta"><table><tr><td>索引号：</td><td>000014349/{date[:4]}-00031</td><td>发文机关：</td><td>{site}</td></tr>
<tr><td>标 题：</td><td colspan="3">{headline}</td></tr>
<tr><td>成文日期：</td><td>{date}</td><td>主题分类：</td><td>综合政务</td></tr></table></div>
<h1 class="article-title">{headline}</h1>
<div class="article-info">发布时间：{date} 来源：{site}办公室 浏览次数：2731</div>
<div class="toolbar">字号：<a>大</a> <a>中</a> <a>小</a> <a>打印</a> <a>关闭</a></div>
<div class="TRS_Editor">
{caption}
{_with_table(lines)}
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
</div><div class="sidebar"><h3>相关链接</h3><ul><li><a>中国政府网</a></li><li><a>国务院部门网站</a></li></ul></div></div>
<div class="footer"><p>版权所有：{site} 主办：{site}办公室</p><p>京ICP备05070218号-1 政府网站标识码：1100000088</p>
<p><a>网站地图</a> | <a>联系我们</a></p></div></body></html>"""


def layout_table(headline: str, lines: list[str], site: str, date: str) -> str:
    """An old table-layout page: nested tables, no class names that say chrome."""
    caption = (f'<p align="center"><img src="/UploadFiles/2024/p1.jpg" border="0"></p>'
               f'<p align="center">图为{html.escape(site)}常务会议现场（记者 王某 摄）</p>')
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{site}</title></head>
<body topmargin="0"><table width="1000" align="center" cellpadding="0" cellspacing="0">
<tr><td><img src="/images/banner.jpg" width="1000" height="160"></td></tr>
<tr><td class="dh" height="36"><a href="/">首页</a>　<a>政务公开</a>　<a>政务服务</a>　<a>互动交流</a>　<a>无障碍</a></td></tr></table>
<table width="1000" align="center"><tr><td height="30">您现在的位置：<a href="/">首页</a> &gt;&gt;
<a>政务公开</a> &gt;&gt; <a>政府工作报告</a></td></tr></table>
<table width="1000" align="center"><tr><td valign="top" width="220">
<table width="100%"><tr><td class="lm">相关链接</td></tr><tr><td><a>中国政府网</a><br><a>省政府网</a></td></tr></table></td>
<td valign="top" width="780">
<table width="100%" border="1" cellspacing="0" class="xxgk_table">
<tr><td width="90">索 引 号：</td><td>11000000/{date[:4]}-00012</td><td width="90">发文机关：</td><td>{site}</td></tr>
<tr><td>成文日期：</td><td>{date}</td><td>发布日期：</td><td>{date}</td></tr>
<tr><td>标　　题：</td><td colspan="3">{headline}</td></tr></table>
<table width="100%"><tr><td align="center" style="font-size:22px;font-weight:bold">{headline}</td></tr>
<tr><td align="center">发布时间：{date}　浏览次数：1520　【字号：<a>大</a> <a>中</a> <a>小</a>】　【<a>打印</a>】　【<a>关闭</a>】</td></tr>
<tr><td class="content" style="font-size:16px;line-height:30px">
{_paragraphs(lines, caption=caption, bold_headings=False)}
</td></tr>
<tr><td align="right">分享到：<a>微信</a> <a>微博</a></td></tr></table>
</td></tr></table>
<table width="1000" align="center"><tr><td align="center">版权所有：{site}　　京ICP备05001234号<br>
地址：人民路1号　电话：0000-12345678</td></tr></table></body></html>"""


def layout_br(headline: str, lines: list[str], site: str, date: str) -> str:
    """A page whose paragraphs are separated by <br> and whose class names are pinyin."""
    parts = []
    for i, line in enumerate(lines):
        parts.append("&nbsp;&nbsp;&nbsp;&nbsp;" + html.escape(line))
        if i == 3:
            parts.append(f'<img src="/uploadfiles/p1.jpg"><br>图为{html.escape(site)}重点项目建设现场')
    body = "<br>\n<br>\n".join(parts)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{headline}</title></head><body>
<div class="tb"><div class="tb_l"><a>无障碍</a> <a>繁体</a></div><div class="tb_r"><a>登录</a></div></div>
<div class="dh"><ul><li><a>首页</a></li><li><a>信息公开</a></li><li><a>政务服务</a></li><li><a>互动交流</a></li></ul></div>
<div class="dqwz">您所在的位置：<a>首页</a> &gt; <a>信息公开</a> &gt; <a>规划计划</a></div>
<div class="xxgk_box"><ul><li><b>索引号：</b>{date[:4]}-00125</li><li><b>发文机关：</b>{site}</li>
<li><b>主题分类：</b>综合政务</li><li><b>成文日期：</b>{date}</li><li><b>标题：</b>{headline}</li></ul></div>
<div class="wzy_bt">{headline}</div>
<div class="wzy_xx"><span>发布日期：{date}</span> <span>来源：{site}</span> <span>浏览次数：885</span>
<span>【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>
<div class="wzy_nr" id="zoom">{body}</div>
<div class="wzy_gn"><a>【打印本页】</a> <a>【关闭窗口】</a></div>
<div class="fxd">分享：<a>微信</a> <a>微博</a></div>
<div class="xglj">相关链接：<a>国务院</a> <a>省政府</a></div>
<div class="dbxx">主办单位：{site}办公室　版权所有<br>京ICP备12345678号　网站标识码：1300000001</div></body></html>"""


def layout_html5(headline: str, lines: list[str], site: str, date: str) -> str:
    """An HTML5 page: <header>, <nav>, <article>, <aside>, <footer>; paragraphs are <div>s."""
    caption = (f'<figure><img src="/p/1.jpg" alt=""><figcaption>图为{html.escape(site)}'
               f'全体会议现场</figcaption></figure>')
    return f"""<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>{headline}</title></head><body>
<header><div class="logo">{site}</div><div class="tools"><a>无障碍</a><a>English</a></div></header>
<nav><ul><li><a>首页</a></li><li><a>政务公开</a></li><li><a>政务服务</a></li><li><a>互动交流</a></li></ul></nav>
<div class="position">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>政府工作报告</a></div>
<main><article>
<dl class="doc-info"><dt>索引号</dt><dd>{date[:4]}-000987</dd><dt>发文机关</dt><dd>{site}</dd>
<dt>成文日期</dt><dd>{date}</dd><dt>标　题</dt><dd>{headline}</dd></dl>
<h1>{headline}</h1>
<div class="info"><span>{date}</span><span>来源：{site}</span><span>浏览次数：316</span>
<span class="font">字号：<a>大</a><a>中</a><a>小</a></span><a class="print">打印</a><a class="close">关闭</a></div>
<div class="article-content">
{_paragraphs(lines, tag="div", caption=caption)}
</div>
<div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a><a>QQ空间</a></div>
</article>
<aside><h3>相关链接</h3><ul><li><a>中国政府网</a></li></ul></aside></main>
<footer><p>版权所有：{site}</p><p>京ICP备05070218号 政府网站标识码：1100000001</p></footer></body></html>"""


def layout_word(headline: str, lines: list[str], site: str, date: str) -> str:
    """A page whose body was pasted from Word: MsoNormal paragraphs with spans and fonts."""
    caption = (f'<p class="MsoNormal" align="center"><img src="/u/1.png"></p><p class="MsoNormal" align="center">'
               f'<span style="font-family:楷体_GB2312">图为{html.escape(site)}民生实事项目</span></p>')
    paras = []
    for i, line in enumerate(lines):
        text = html.escape(line)
        font = "黑体" if _SECTION.match(line) else "仿宋_GB2312"
        paras.append(f'<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt">'
                     f'<span style="font-size:16.0pt;font-family:{font}">{text}</span>'
                     f'<span lang="EN-US" style="font-size:16.0pt"><o:p></o:p></span></p>')
        if i == 3:
            paras.append(caption)
    return f"""<html><head><meta charset="utf-8"><title>{headline}-{site}</title></head><body>
<div id="top"><a>无障碍</a> <a>简体</a> <a>繁體</a></div>
<div id="menu"><a>首页</a> <a>政务公开</a> <a>政务服务</a> <a>互动交流</a></div>
<div class="location">您的位置：<a>首页</a> » <a>政务公开</a> » <a>政府工作报告</a></div>
<div class="con">
<table class="info-table"><tr><th>索引号：</th><td>{date[:4]}-0042</td><th>发文机关：</th><td>{site}</td></tr>
<tr><th>标 题：</th><td colspan="3">{headline}</td></tr><tr><th>成文日期：</th><td>{date}</td></tr></table>
<div class="title">{headline}</div>
<div class="property">发布时间：{date}　浏览次数：4410　字号：<a>大</a> <a>中</a> <a>小</a></div>
<div class="Custom_UnionStyle">{"".join(paras)}</div>
<div class="func"><a>打印</a> <a>关闭</a> 分享到：<a>微信</a> <a>微博</a></div>
<div class="links">相关链接：<a>中国政府网</a></div>
</div>
<div id="foot">版权所有：{site}　京ICP备10000001号　网站标识码：5000000001</div></body></html>"""


LAYOUTS = {"div": layout_div, "table": layout_table, "br": layout_br, "html5": layout_html5, "word": layout_word}


def _article(text: str, fallback_headline: str) -> tuple[str, list[str], str]:
    """(the page's headline, the body lines, the text the fields are expected from).

    A line among the first four that names the report is the headline, and stays in the
    body too, as on a CMS page whose body is the pasted document; the fields are then those
    of the original text. A report without one gets `fallback_headline`, as its page would,
    and the fields are those of the headline above the original text."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:4]:
        if len(line) <= 40 and "。" not in line and "报告" in line:
            return line, lines, text
    return fallback_headline, lines, f"{fallback_headline}\n{text}"


def layout_tests(headline: str, lines: list[str], site: str, date: str) -> str:
    """The page of tests/test_sources.py (test_html_page_with_site_boilerplate): no headline."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return f"""<html><head><meta charset="gb2312"><title>双龙镇 - {site}</title>
    <script>var tracker = "浏览次数";</script><style>p {{color: red}}</style></head><body>
    <div class="top-nav"><a href="/">首页</a> <a>政务公开</a> <a>无障碍</a> <a>简体</a> <a>繁体</a></div>
    <div id="content"><div class="toolbar">字号：【大 中 小】 打印 关闭 分享到：</div>
    <div class="info">发布时间：{date} 来源：双龙镇 浏览次数：128</div>
    <div class="TRS_Editor">{paragraphs}</div></div>
    <div class="footer">版权所有：{site} 渝ICP备0000号</div></body></html>"""


def build_pages(reports: int, corpora: Path) -> tuple[list[Page], str | None]:
    """The pages to measure, and a note when the real corpus is absent."""
    texts: list[tuple[str, str, str, str]] = []  # (name, text, place, date)
    for path in sorted(SEEDS.glob("*.txt")):
        texts.append((path.stem, read_text(path), "", "2025-01-20"))
    gongzuo = corpora / "gongzuo"
    note = None
    if gongzuo.is_dir():
        files = []
        for folder in sorted(p for p in gongzuo.iterdir() if p.is_dir()):
            # a copy flattened into one line is no web page's text
            found = [f for f in sorted(folder.glob("*.txt")) if len(read_text(f).splitlines()) >= 20]
            step = max(1, len(found) // max(1, reports // 2))
            files += found[::step][:reports // 2]
        for path in files:
            match = re.match(r"(\d{4})年?", path.stem)
            year = match.group(1) if match else "2024"
            place = path.stem[match.end() if match else 0:].removesuffix("政府工作报告")
            texts.append((path.stem, read_text(path), place, f"{year}-02-0{len(texts) % 9 + 1}"))
    else:
        note = f"{gongzuo} is absent: only the seeds were measured"
    pages = []
    for i, (name, text, place, date) in enumerate(texts):
        layout = list(LAYOUTS)[i % len(LAYOUTS)]
        fallback = f"{date[:4]}年{place}政府工作报告" if place else "2024年法治政府建设情况报告"
        headline, body, expected = _article(text, fallback)
        site = _site(place or "镇")
        page_html = LAYOUTS[layout](html.escape(headline), body, html.escape(site), date)
        pages.append(Page(name, layout, page_html, [headline, *body], expected, name + ".html", date))
    # the one HTML page the tests hold (tests/data/web has pasted text only), with its seed
    text = read_text(SEEDS / "001_e2fabbbe98248fdd.txt")
    _, body, _ = _article(text, "")
    pages.append(Page("001 as in test_sources", "tests", layout_tests("", body, "丰都县人民政府", "2024-02-05"),
                      body, text, "report.html", "2024-02-05"))
    return pages, note


# ---------------------------------------------------------------- the extractors

def _trafilatura(**options):
    """trafilatura.extract as plain text, with `options` (imported when first used, so
    `--only ours` runs without the bench extra)."""

    def extract(page: str) -> str:
        import trafilatura

        return trafilatura.extract(page, output_format="txt", include_comments=False, **options) or ""
    return extract


def _trafilatura_titled(**options):
    """trafilatura's text with the title it found above it (its text has no headline) unless
    the text starts with it: the glue a switch would need."""

    def extract(page: str) -> str:
        import trafilatura

        document = trafilatura.bare_extraction(page, include_comments=False, with_metadata=True, **options)
        if document is None:
            return ""
        text, title = document.text or "", (document.title or "").strip()
        return text if not title or title in text[:200] else f"{title}\n{text}"
    return extract


def _baseline(page: str) -> str:
    """trafilatura's fast fallback extractor."""
    import trafilatura

    return trafilatura.baseline(page)[1]


def _html2txt(page: str) -> str:
    """All the page's text (trafilatura's last resort)."""
    import trafilatura

    return trafilatura.html2txt(page)


EXTRACTORS = {
    "ours (html_to_text)": html_to_text,
    "trafilatura": _trafilatura(),
    "trafilatura, no tables": _trafilatura(include_tables=False),
    "trafilatura, favor_recall": _trafilatura(favor_recall=True),
    "trafilatura, favor_precision": _trafilatura(favor_precision=True),
    "trafilatura + its title": _trafilatura_titled(),
    "trafilatura + its title, favor_recall": _trafilatura_titled(favor_recall=True),
    "trafilatura + its title, no tables": _trafilatura_titled(include_tables=False),
    "trafilatura + its title, no tables, favor_recall": _trafilatura_titled(include_tables=False, favor_recall=True),
    "trafilatura.baseline": _baseline,
    "trafilatura.html2txt": _html2txt,
}


# ---------------------------------------------------------------- the measures

def norm(text: str) -> str:
    """NFKC without whitespace: what "the same line" means here."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def fields(text: str, source: str) -> tuple[dict, object]:
    """(the compared fields of a parse, the parsed report)."""
    report = parse_report(text, source)
    first = report.sections[0].heading if report.sections else None
    values = {name: getattr(report, name, None) for name in FIELDS if name != "first_heading"}
    values["first_heading"] = norm(first) if first else None
    values["published"] = report.published.isoformat() if report.published else None
    return values, report


@dataclass
class Result:
    """One extractor on one page."""

    recall: float
    apart: float  # the share of the article's lines that are an extracted line of their own
    raw_chrome: list[str]
    parsed_chrome: list[str]
    wrong_fields: list[str]
    seconds: float
    empty: bool


def chrome_left(lines: list[str], article_text: str, chrome: dict[str, str]) -> list[str]:
    """The chrome items whose marker is in a line that is not part of the article."""
    extra = " ".join(norm(line) for line in lines if norm(line) and norm(line) not in article_text)
    return [item for item, marker in chrome.items() if norm(marker) in extra]


def measure(page: Page, extract, expected: dict, repeat: int = 3) -> Result:
    """Extract `page` `repeat` times (the fastest run counts) and compare with the article."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        text = extract(page.html)
        best = min(best, time.perf_counter() - start)
    lines = [norm(line) for line in text.splitlines() if norm(line)]
    wanted = [norm(line) for line in page.article if norm(line)]
    found = sum(1 for w in wanted if any(w in line for line in lines))
    # trafilatura writes table cells as "| a | b |" and list items as "- a": each cell counts
    bare = {re.sub(r"^-", "", cell) for line in lines for cell in line.split("|")}
    apart = sum(1 for w in wanted if w in bare)
    article_text = "\n".join(wanted)
    got, report = fields(text, page.source)
    blocks = [t for _, _, t, _, _ in report.blocks()]
    # a report that states no date may take the page's: that is right, not a miss
    wrong = [name for name in FIELDS if got[name] != expected[name]
             and not (name == "published" and expected[name] is None and got[name] == page.date)]
    return Result(found / len(wanted), apart / len(wanted), chrome_left(text.splitlines(), article_text, CHROME),
                  chrome_left(blocks, article_text, CHROME), wrong, best, not text.strip())


def run(pages: list[Page], extractors: dict) -> dict[str, list[Result]]:
    """Every extractor on every page."""
    results: dict[str, list[Result]] = {name: [] for name in extractors}
    for page in pages:
        expected, _ = fields(page.expected_text, page.source)
        for name, extract in extractors.items():
            results[name].append(measure(page, extract, expected))
    return results


def table(results: dict[str, list[Result]]) -> str:
    """The markdown table of the measures, one row per extractor."""
    rows = ["| extractor | recall (mean / min) | pages with all lines | lines kept apart | chrome raw (mean / max) "
            "| chrome parsed (mean / max) | all fields right | wrong fields (count) | ms per page (median) | empty |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for name, rs in results.items():
        wrong: dict[str, int] = {}
        for r in rs:
            for f in r.wrong_fields:
                wrong[f] = wrong.get(f, 0) + 1
        rows.append(
            f"| {name} | {statistics.mean(r.recall for r in rs):.3f} / {min(r.recall for r in rs):.3f} "
            f"| {sum(r.recall == 1 for r in rs)}/{len(rs)} | {statistics.mean(r.apart for r in rs):.3f} "
            f"| {statistics.mean(len(r.raw_chrome) for r in rs):.1f} / {max(len(r.raw_chrome) for r in rs)} "
            f"| {statistics.mean(len(r.parsed_chrome) for r in rs):.1f} / {max(len(r.parsed_chrome) for r in rs)} "
            f"| {sum(not r.wrong_fields for r in rs)}/{len(rs)} "
            f"| {', '.join(f'{k} {v}' for k, v in sorted(wrong.items())) or '-'} "
            f"| {statistics.median(r.seconds for r in rs) * 1000:.1f} | {sum(r.empty for r in rs)} |")
    return "\n".join(rows)


def by_layout(pages: list[Page], results: dict[str, list[Result]]) -> str:
    """Mean recall, pages with all fields right and mean parsed chrome, per layout."""
    layouts = list(dict.fromkeys(p.layout for p in pages))
    rows = ["| extractor | " + " | ".join(f"{lay} ({sum(p.layout == lay for p in pages)})" for lay in layouts) + " |",
            "|---|" + "---|" * len(layouts)]
    for name, rs in results.items():
        cells = []
        for lay in layouts:
            mine = [r for p, r in zip(pages, rs, strict=True) if p.layout == lay]
            cells.append(f"{statistics.mean(r.recall for r in mine):.2f} · {sum(not r.wrong_fields for r in mine)}"
                         f" · {statistics.mean(len(r.parsed_chrome) for r in mine):.1f}")
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    """Build the pages, run every extractor, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=20, help="real 政府工作报告 to wrap (half per folder)")
    parser.add_argument("--corpora", type=Path, default=CORPORA, help="the shared corpora folder")
    parser.add_argument("--show", help="print each extractor's text of the page with this name")
    parser.add_argument("--only", help="measure only extractors whose name contains this")
    args = parser.parse_args(argv)
    pages, note = build_pages(args.reports, args.corpora)
    extractors = {k: v for k, v in EXTRACTORS.items() if not args.only or args.only in k}
    try:
        import trafilatura  # noqa: F401
    except ImportError as error:  # the `bench` extra is not installed: measure ours alone
        print(f"trafilatura is not importable ({error}); pip install -e '.[bench]' to compare")
        extractors = {k: v for k, v in extractors.items() if not k.startswith("trafilatura")}
    if args.show:
        page = next((p for p in pages if p.name == args.show), None)
        if page is None:
            parser.error(f"no page {args.show!r}; the pages: {', '.join(f'{p.name} ({p.layout})' for p in pages)}")
        for name, extract in extractors.items():
            print(f"===== {name} ({page.layout})\n{extract(page.html)}\n")
        return
    if note:
        print(note)
    results = run(pages, extractors)
    counts = ", ".join(f"{lay} {sum(p.layout == lay for p in pages)}" for lay in [*LAYOUTS, "tests"])
    print(f"{len(pages)} pages ({counts}); "
          f"{len(CHROME)} chrome items per page\n")
    print(table(results))
    print("\nper layout: mean recall · pages with all fields right · mean chrome items left after parsing\n")
    print(by_layout(pages, results))
    print("\nleaked chrome items after parsing (pages):")
    for name, rs in results.items():
        counts: dict[str, int] = {}
        for r in rs:
            for item in r.parsed_chrome:
                counts[item] = counts.get(item, 0) + 1
        print(f"  {name}: {', '.join(f'{k} {v}' for k, v in sorted(counts.items(), key=lambda kv: -kv[1])) or '-'}")


if __name__ == "__main__":
    main()
