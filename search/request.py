"""One search as a front end asks it: query, option filters, sort and page.

The CLI options and the web's query-string parameters share these names (q, year,
province, city, county, town, section, sort, page, per_page), so both build their
`SearchRequest` with `from_params` and get the same validation and the same messages.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from baogao import settings

from .query import FILTER_OPTIONS, QueryError

SORTS = ("relevance", "newest", "oldest")
SORT_ALIASES = {"year": "newest"}  # the name of `newest` before there were two directions
GROUPS = ("paragraph", "report")


@dataclass(frozen=True)
class SearchRequest:
    """A validated search. `filters` maps a field to the values it may take (OR within a
    field, AND across fields); `group="report"` pages through reports, each with its best
    hits; `per_page=None` asks for everything on one page."""

    query: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int | None = 10
    group: str = "paragraph"

    def __post_init__(self):
        object.__setattr__(self, "sort", SORT_ALIASES.get(self.sort, self.sort))
        object.__setattr__(self, "filters", {name: (values,) if isinstance(values, str) else tuple(values)
                                             for name, values in self.filters.items() if values})
        if self.sort not in SORTS:
            raise QueryError(f"unknown sort '{self.sort}': use {', '.join(SORTS)}",
                             "排序方式只能是相关度、最新或最早")
        if self.group not in GROUPS:
            raise QueryError(f"unknown group '{self.group}': use {' or '.join(GROUPS)}",
                             "分组方式只能是按段落或按报告")
        unknown = set(self.filters) - set(FILTER_OPTIONS)
        if unknown:
            raise QueryError(f"unknown filter {sorted(unknown)[0]!r}: filters are {', '.join(FILTER_OPTIONS)}",
                             f"不支持的筛选“{sorted(unknown)[0]}”")
        values = sum(len(v) for v in self.filters.values())
        if values > settings.get("max_query_terms"):
            raise QueryError(f"{values} filter values are more than one search takes ({settings.get('max_query_terms')})",
                             f"筛选值太多（{values} 个）")
        if self.page < 1 or (self.per_page is not None and self.per_page < 1):
            raise QueryError("page and per_page start at 1", "页码和每页条数从 1 开始")

    @property
    def offset(self) -> int:
        """How many hits come before this page."""
        return 0 if self.per_page is None else (self.page - 1) * self.per_page

    @classmethod
    def from_params(cls, params: Mapping[str, object], limits: Mapping[str, object] | None = None) -> SearchRequest:
        """Validate raw parameters (a URL query string, CLI options) into a request.

        A filter's value may be one string or several (a repeated URL parameter, a
        repeated CLI option). `limits` holds the settings per_page, max_per_page, max_page
        and max_query_length (default: their values from the environment). Raises
        QueryError with a message a user can act on.
        """
        limits = limits or settings.resolved()
        query = str(params.get("q") or "").strip()
        if len(query) > int(limits["max_query_length"]):
            raise QueryError(f"the query is too long ({len(query)} characters; at most {limits['max_query_length']})",
                             f"查询太长（{len(query)} 个字符，最多 {limits['max_query_length']} 个）")
        page = _number(params, "page", 1, int(limits["max_page"]))
        per_page = _number(params, "per_page", int(limits["per_page"]), int(limits["max_per_page"]))
        filters = {}
        for name in FILTER_OPTIONS:
            raw = params.get(name)
            values = [raw] if isinstance(raw, str) else list(raw or ())
            values = list(dict.fromkeys(str(v).strip() for v in values if v is not None and str(v).strip()))
            if values:
                filters[name] = tuple(values)
        # Without a query there is no relevance: a filter-only search lists the newest first.
        sort = str(params.get("sort") or ("relevance" if query else "newest"))
        return cls(query=query, filters=filters, sort=sort,
                   page=page, per_page=per_page, group=str(params.get("group") or "paragraph"))


def _number(params: Mapping[str, object], name: str, default: int, high: int) -> int:
    raw = params.get(name)
    if isinstance(raw, (list, tuple)):
        raw = raw[-1] if raw else None
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise QueryError(f"{name} must be a whole number, not {raw!r}", f"参数 {name} 必须是整数") from None
    if not 1 <= value <= high:
        raise QueryError(f"{name} must be between 1 and {high}", f"参数 {name} 必须在 1 到 {high} 之间")
    return value
