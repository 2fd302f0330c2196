"""The query language: a query string -> a small tree the engine evaluates.

    枫桥经验 矛盾纠纷        words, all required (AND), ranked
    "小事不出村，大事不出镇"   an exact phrase under normalisation, within one block;
    “…” 「…」 『…』 ＂…＂      the same, as Chinese keyboards type it
    A OR B, -A, NOT A, ( )    boolean logic (full-width （ ） too); AND is implied
    A NEAR B                  A and B in the same sentence
    year:2024 year:2023-2025 province: city: county: town: kind: section: title:
    年份: 年度: 省: 市: 区县: 县: 乡镇: 镇: 类型: 部分: 章节: 标题:   the same fields in Chinese

A full-width colon works too (year：2024). Field values may be quoted (title:"法治政府").
`section:` takes a category key (measures, leadership, shortcomings, plans; review, self
for 政府工作报告) or its Chinese label (不足和原因, 工作回顾, 政府自身建设). An unknown field is an error; a likely slip (lower-case `or`,
a Chinese word before a colon that is no field) is searched as text with a `Hint`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from baogao import settings
from baogao.index.analysis import normalise
from baogao.index.report_fields import CATEGORY_LABELS, PLACE_FIELDS, REPORT_KINDS

FILTER_OPTIONS = ("year", *PLACE_FIELDS, "kind", "section")  # filters that are also CLI options / URL parameters
FIELDS = (*FILTER_OPTIONS, "title")  # every field:value a query may hold
FIELD_ALIASES = {"年份": "year", "年度": "year", "省": "province", "省份": "province", "市": "city",
                 "城市": "city", "区县": "county", "县": "county", "乡镇": "town", "镇": "town",
                 "类型": "kind", "部分": "section", "章节": "section", "标题": "title"}
_LABEL_TO_KIND = {label: key for key, label in REPORT_KINDS.items()} | {
    "法治政府建设": "fazhi", "法治": "fazhi", "工作报告": "gongzuo"}
# Phrase delimiters: each opener and the closers it accepts (ASCII and full-width " pair up).
PHRASE_QUOTES = {'"': '"＂', "＂": '"＂', "“": "”", "「": "」", "『": "』"}
_LABEL_TO_CATEGORY = {label: key for key, label in CATEGORY_LABELS.items()}
# Accept the full spec labels and short forms people type, too.
_LABEL_TO_CATEGORY.update({"主要举措": "measures", "举措和成效": "measures", "成效": "measures",
                           "第一责任人": "leadership", "履职": "leadership", "不足": "shortcomings",
                           "问题": "shortcomings", "存在的问题": "shortcomings", "下一步": "plans",
                           "工作安排": "plans", "计划": "plans", "回顾": "review", "自身建设": "self",
                           "目标任务": "plans", "总体要求": "plans"})
_YEAR_VALUE = re.compile(r"^(\d{4})(?:\s*-\s*(\d{4}))?$")


class QueryError(ValueError):
    """A malformed query; the message tells the user what to fix, `zh` says it in Chinese."""

    def __init__(self, message: str, zh: str | None = None):
        super().__init__(message)
        self.zh = zh or message

    def __reduce__(self):  # keeps `zh` when a shard's process sends the error back
        return type(self), (str(self), self.zh)


@dataclass(frozen=True)
class Hint:
    """A likely slip in a query that was answered anyway, and what was done about it."""

    message: str
    zh: str

    def as_dict(self) -> dict:
        """The hint as it appears in an answer's `hints` list."""
        return {"message": self.message, "zh": self.zh}


@dataclass(frozen=True)
class Term:
    """A word (unquoted) or an exact phrase (quoted)."""

    text: str
    quoted: bool

    @property
    def norm(self) -> str:
        return normalise(self.text)


@dataclass(frozen=True)
class Near:
    """Two terms in the same sentence."""

    left: Term
    right: Term


@dataclass(frozen=True)
class Filter:
    """field:value on a report or section field; year values are (first, last)."""

    field: str
    value: str | tuple[int, int]


@dataclass(frozen=True)
class And:
    items: tuple


@dataclass(frozen=True)
class Or:
    items: tuple


@dataclass(frozen=True)
class Not:
    item: object


Node = Term | Near | Filter | And | Or | Not


@dataclass(frozen=True)
class ParsedQuery:
    """A query's tree and the hints its parse produced."""

    node: Node
    hints: tuple[Hint, ...]


def parse_query(text: str) -> Node:
    """Parse a query string; raise QueryError with a helpful message when it is malformed."""
    return parse(text).node


def parse(text: str) -> ParsedQuery:
    """Parse a query string into its tree and hints; raise QueryError when it is malformed."""
    if text is None or not text.strip():
        raise QueryError("the query is empty: type a word or a \"quoted phrase\"",
                         "查询为空：请输入关键词，或用引号括起的短语")
    limit = settings.get("max_query_length")
    if len(text) > limit:
        raise QueryError(f"the query is too long ({len(text)} characters; at most {limit})",
                         f"查询太长（{len(text)} 个字符，最多 {limit} 个）")
    if _SURROGATE.search(text):
        raise QueryError("the query holds bytes that are not valid text (check its encoding)",
                         "查询中含有无法识别的字符（请检查编码）")
    tokens, hints = _tokens(text)
    _check_cost(tokens)
    parser = _Parser(tokens)
    node = parser.parse_or()
    if parser.peek() is not None:
        kind, value = parser.peek()
        raise QueryError(f"unexpected '{value}': a ')' without its '('?" if kind == ")" else
                         f"unexpected '{value}'", f"多余的“{value}”：括号不成对？")
    return ParsedQuery(node, tuple(hints))


def make_filter(field: str, value: str) -> Filter:
    """Validate one filter, as typed in a query (year:2024) or given as an option."""
    value = value.strip()
    if not value:
        raise QueryError(f"{field}: needs a value", f"{field}: 后面需要填写值")
    if field == "year":
        match = _YEAR_VALUE.match(value)
        if not match:
            raise QueryError(f"year:{value} is not a year or a range like 2023-2025",
                             f"year:{value} 不是年份，请写成 year:2024 或 year:2023-2025")
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        if first > last:
            raise QueryError(f"year:{value}: the range is reversed (write {last}-{first})",
                             f"year:{value} 的年份顺序颠倒了，请写成 {last}-{first}")
        return Filter("year", (first, last))
    if field == "section":
        key = value if value in CATEGORY_LABELS else _LABEL_TO_CATEGORY.get(value)
        if key is None:
            choices = ", ".join(f"{k} ({v})" for k, v in CATEGORY_LABELS.items())
            raise QueryError(f"section:{value} is not a section; use one of {choices}",
                             f"section:{value} 不是报告部分，可选：{'、'.join(CATEGORY_LABELS.values())}")
        return Filter("section", key)
    if field == "kind":
        key = value.lower() if value.lower() in REPORT_KINDS else _LABEL_TO_KIND.get(value)
        if key is None:
            choices = ", ".join(f"{k} ({v})" for k, v in REPORT_KINDS.items())
            raise QueryError(f"kind:{value} is not a kind of report; use one of {choices}",
                             f"kind:{value} 不是报告类型，可选：{'、'.join(REPORT_KINDS.values())}")
        return Filter("kind", key)
    if field in PLACE_FIELDS or field == "title":
        return Filter(field, value)
    raise unknown_field(field)


def unknown_field(field: str) -> QueryError:
    """The error for a field name that is not a filter, listing the known ones."""
    names = ", ".join(f + ":" for f in FIELDS)
    aliases = "、".join(f"{alias}:" for alias in FIELD_ALIASES)
    return QueryError(f"unknown field '{field}:'; the fields are {names} (in Chinese: {aliases})",
                      f"不支持的字段“{field}:”；可用的字段：{names}（中文：{aliases}）")


def positive_terms(node: Node) -> list[Term]:
    """The terms a hit is expected to contain (not under NOT), for ranking and highlighting."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Near):
        return [node.left, node.right]
    if isinstance(node, (And, Or)):
        return [t for item in node.items for t in positive_terms(item)]
    return []


# ---------------------------------------------------------------- lexer and parser

_SPACE = re.compile(r"[\s\u3000]+")
_OPEN, _CLOSE = "(（", ")）"
_FIELD_PREFIX = re.compile(
    rf"^({'|'.join(sorted(FIELD_ALIASES, key=len, reverse=True))}|[A-Za-z]+)[:：](?!//)", re.I)
_CJK_COLON = re.compile(r"^([\u4e00-\u9fff]{1,6})[:：]")
_OPERATORS = {"OR", "AND", "NOT", "NEAR"}
_STRAY_CLOSERS = "”」』"
_WORD_END = _OPEN + _CLOSE + "".join(PHRASE_QUOTES) + _STRAY_CLOSERS


def _tokens(text: str) -> tuple[list[tuple[str, object]], list[Hint]]:
    """Split a query into (kind, value) tokens: ( ) OR AND NOT NEAR phrase word filter,
    and the hints for likely slips."""
    tokens: list[tuple[str, object]] = []
    hints: list[Hint] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if _SPACE.match(ch):
            i += 1
        elif ch in _OPEN or ch in _CLOSE:
            tokens.append(("(", "(") if ch in _OPEN else (")", ")"))
            i += 1
        elif ch in PHRASE_QUOTES:
            end = _closing_quote(text, i)
            tokens.append(("phrase", text[i + 1:end]))
            i = end + 1
        elif ch in _STRAY_CLOSERS:
            raise QueryError(f"a closing {ch} without its opening quotation mark: add it before the phrase, "
                             "or remove the stray one", f"多了一个“{ch}”：请补上前面的引号，或删去它")
        elif ch == "-" and i + 1 < n and not _SPACE.match(text[i + 1]) and (not tokens or text[i - 1] in " \t(（\u3000"):
            tokens.append(("NOT", "-"))
            i += 1
        elif match := _FIELD_PREFIX.match(text[i:]):
            name = match.group(1)
            field = FIELD_ALIASES.get(name, name.lower())
            if field not in FIELDS:
                raise unknown_field(name)
            i += match.end()
            if i < n and text[i] in PHRASE_QUOTES:
                end = _closing_quote(text, i)
                value, i = text[i + 1:end], end + 1
            else:
                j = i
                while j < n and not _SPACE.match(text[j]) and text[j] not in _OPEN + _CLOSE:
                    j += 1
                value, i = text[i:j], j
            tokens.append(("filter", (field, value)))
        else:
            j = i
            while j < n and not _SPACE.match(text[j]) and text[j] not in _WORD_END:
                j += 1
            word, i = text[i:j], j
            if word in _OPERATORS:
                tokens.append((word, word))
                continue
            tokens.append(("word", word))
            hints.extend(_word_hints(word))
    return tokens, hints


def _word_hints(word: str) -> list[Hint]:
    """Hints for a word that looks like a slip: a lower-case operator, a non-field before a colon."""
    if word.upper() in _OPERATORS and word != word.upper():
        upper = word.upper()
        return [Hint(f"'{word}' was searched as a word; to combine terms write {upper} in capitals",
                     f"“{word}”被当作普通词检索；如要表示逻辑关系，请写大写的 {upper}")]
    match = _CJK_COLON.match(word)
    if match:
        return [Hint(f"'{match.group(1)}:' is not a field, so it was searched as text; "
                     f"the fields are {', '.join(f + ':' for f in FIELDS)}",
                     f"“{match.group(1)}:”不是筛选字段，已按普通文字检索；可用的字段："
                     f"{'、'.join(a + ':' for a in FIELD_ALIASES)}")]
    return []


def _closing_quote(text: str, start: int) -> int:
    """The position of the quotation mark that closes the one at `start`."""
    closers = PHRASE_QUOTES[text[start]]
    for j in range(start + 1, len(text)):
        if text[j] in closers:
            return j
    raise QueryError(f"unclosed quotation mark in {text[start:start + 20]!r}…: add the closing {closers[0]}",
                     f"引号没有闭合：请在短语后补上 {closers[0]}")


_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_DEPTH = 32  # nested parentheses and NOTs
MAX_NEAR = 4  # NEAR checks sentences one block at a time, so its cost is bounded per query


def _check_cost(tokens: list[tuple[str, object]]) -> None:
    """Refuse a query too expensive to answer quickly, before running it."""
    terms = sum(1 for kind, _ in tokens if kind in ("word", "phrase", "filter"))
    limit = settings.get("max_query_terms")
    if terms > limit:
        raise QueryError(f"the query has {terms} terms; at most {limit} are answered",
                         f"查询中有 {terms} 个词，最多支持 {limit} 个")
    near = sum(1 for kind, _ in tokens if kind == "NEAR")
    if near > MAX_NEAR:
        raise QueryError(f"the query uses NEAR {near} times; at most {MAX_NEAR}",
                         f"查询中用了 {near} 次 NEAR，最多 {MAX_NEAR} 次")


class _Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    def deeper(self):
        """Count one more level of nesting; refuse what would exhaust the stack."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QueryError(f"the query is nested more than {MAX_DEPTH} levels deep",
                             f"查询的括号或 NOT 嵌套超过 {MAX_DEPTH} 层")

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self):
        token = self.peek()
        self.pos += 1
        return token

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while self.peek() and self.peek()[0] == "OR":
            self.take()
            if self.peek() is None or self.peek()[0] in (")", "OR", "AND"):
                raise QueryError("OR needs a term on both sides", "OR 的两边都需要有词")
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Node:
        items = [self.parse_unary()]
        while self.peek() and self.peek()[0] not in (")", "OR"):
            if self.peek()[0] == "AND":
                self.take()
                if self.peek() is None or self.peek()[0] in (")", "OR", "AND"):
                    raise QueryError("AND needs a term on both sides", "AND 的两边都需要有词")
            items.append(self.parse_unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_unary(self) -> Node:
        token = self.peek()
        if token is None:
            raise QueryError("the query ends too early: a term is missing", "查询不完整：缺少一个词")
        if token[0] == "NOT":
            self.take()
            self.deeper()
            if self.peek() is None or self.peek()[0] in (")", "OR", "AND"):
                raise QueryError(f"'{token[1]}' must be followed by the term to exclude",
                                 f"“{token[1]}”后面需要写要排除的词")
            node = Not(self.parse_unary())
            self.depth -= 1
            return node
        node = self.parse_primary()
        if self.peek() and self.peek()[0] == "NEAR":
            self.take()
            right = self.parse_primary() if self.peek() else None
            if not isinstance(node, Term) or not isinstance(right, Term):
                raise QueryError("NEAR joins two words or phrases: 枫桥 NEAR 经验",
                                 "NEAR 用来连接两个词或短语，如：枫桥 NEAR 经验")
            node = Near(node, right)
        return node

    def parse_primary(self) -> Node:
        kind, value = self.take()
        if kind == "(":
            self.deeper()
            if self.peek() and self.peek()[0] == ")":
                raise QueryError("empty parentheses '()'", "括号里是空的")
            node = self.parse_or()
            if not self.peek() or self.peek()[0] != ")":
                raise QueryError("a '(' is never closed: add the ')'", "括号没有闭合：请补上“)”")
            self.take()
            self.depth -= 1
            return node
        if kind == ")":
            raise QueryError("a ')' without its '('", "多了一个“)”")
        if kind in ("OR", "AND", "NEAR"):
            raise QueryError(f"{kind} needs a term on both sides", f"{kind} 的两边都需要有词")
        if kind == "filter":
            return make_filter(*value)
        term = Term(value, quoted=(kind == "phrase"))
        if not term.norm:
            if term.quoted:
                raise QueryError("an empty phrase \"\" matches nothing: put words between the quotes",
                                 "引号中间是空的：请在引号里写上要查找的短语")
            raise QueryError(f"'{value}' has nothing searchable in it", f"“{value}”中没有可检索的文字")
        return term
