"""Turn a report page saved from a government site into the article's text lines.

Government CMS pages wrap the article in navigation, toolbars (字号 大 中 小, 打印, 关闭),
share buttons and footers. We drop the elements that are never content, pick the element
that holds the most paragraph text, and drop the toolbar lines that survive inside it.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment

_NEVER_CONTENT = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside",
                  "form", "button", "select", "input", "iframe", "svg", "canvas", "object"]
_CHROME_NAME = re.compile(r"nav|menu|header|footer|breadcrumb|crumb|share|toolbar|sidebar|"
                          r"copyright|banner|topbar|bottom|related|search", re.I)
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "table", "td", "th", "blockquote", "pre", "dd", "dt", "center"}
# A short line carrying one of these words is site chrome, not the report.
_BOILERPLATE = re.compile(
    r"无障碍|简体|繁体|繁體|字号|字體|分享|打印|关闭|關閉|浏览次数|浏览量|阅读次数|访问量|扫一扫|"
    r"返回顶部|当前位置|您的位置|【\s*[大中小]|网站地图|版权所有|备案号|ICP备|上一篇|下一篇|责任编辑")
_BOILERPLATE_MAX_LEN = 40


def html_to_text(html: str) -> str:
    """Return the main article of an HTML page as text, one block per line."""
    soup = BeautifulSoup(html, "lxml")
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for tag in soup.find_all(_NEVER_CONTENT):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.attrs is None:  # already removed with an ancestor
            continue
        names = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
        if names.strip() and _CHROME_NAME.search(names) and tag.name not in ("body", "html"):
            tag.decompose()
    root = _main_content(soup)
    lines = [_trim_dateline(_squash(line)) for line in _block_lines(root)]
    return "\n".join(line for line in lines if line and not _is_boilerplate(line))


_DATELINE = re.compile(r"^((?:发布|发文)(?:时间|日期)\s*[：:]\s*[\d年月日/.\-: ]+)")


def _trim_dateline(line: str) -> str:
    """Keep the date of a 发布时间 line and drop the source / view counter beside it."""
    match = _DATELINE.match(line)
    return match.group(1).strip() if match else line


def _main_content(soup):
    """The smallest element holding most of the page's paragraph text."""
    body = soup.body or soup
    total = best_length = _text_len(body)
    best = body
    for tag in body.find_all(["div", "article", "section", "td", "main"]):
        length = _text_len(tag)
        if 0.6 * total <= length < best_length:
            best, best_length = tag, length
    # The article's title often sits just above the content element: keep the parent
    # when it adds a heading or a 发布时间 line.
    parent = best.parent
    if best is not body and parent is not None and _text_len(parent) <= best_length + 400:
        best = parent
    return best


def _text_len(tag) -> int:
    return len(re.sub(r"\s+", "", tag.get_text()))


def _block_lines(root) -> list[str]:
    """Text of `root` split at block-level elements, so paragraphs stay separate lines."""
    parts: list[str] = []

    def walk(node):
        for child in node.children:
            name = getattr(child, "name", None)
            if name is None:
                parts.append(str(child).replace("\n", " "))
            elif name == "br":
                parts.append("\n")
            else:
                block = name in _BLOCK_TAGS
                if block:
                    parts.append("\n")
                walk(child)
                if block:
                    parts.append("\n")

    walk(root)
    return "".join(parts).split("\n")


def _squash(line: str) -> str:
    return re.sub(r"[ \t\r\u00a0]+", " ", line).strip()


def _is_boilerplate(line: str) -> bool:
    return (len(line) <= _BOILERPLATE_MAX_LEN and "。" not in line
            and bool(_BOILERPLATE.search(line)) and not line.startswith(("关于", "发布时间", "发布日期")))
