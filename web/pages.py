"""HTML pages: home (browse the corpus), search results, report, query-language help."""
from __future__ import annotations

import re
from urllib.parse import urlencode

from flask import Blueprint, abort, render_template, request, send_file, url_for
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from baogao.index.report_fields import CATEGORY_LABELS, REPORT_KINDS
from baogao.search.export import citation, place_name
from baogao.search.query import FILTER_OPTIONS, QueryError
from baogao.search.snippets import html_marked, html_snippet

from .context import get_engine, search_request

bp = Blueprint("pages", __name__)

FILTER_TITLES = {"year": "年份", "province": "省份", "city": "城市", "county": "区县",
                 "town": "乡镇（街道）", "kind": "报告类型", "section": "报告部分"}
VALUE_LABELS = {"section": CATEGORY_LABELS, "kind": REPORT_KINDS}
SORT_LABELS = {"relevance": "相关度", "newest": "最新", "oldest": "最早"}
GROUP_LABELS = {"report": "按报告", "paragraph": "按段落"}
# Examples shown on the home, search and help pages; tests check each finds something in the seeds.
EXAMPLES = ['"枫桥经验"', "矛盾纠纷 section:plans", "“法律明白人” 年份:2024", "法律顾问 OR 公职律师"]
# Parameters that describe a search (kept by links that change one of them).
SEARCH_PARAMS = ("q", *FILTER_OPTIONS, "sort", "group", "per_page")


@bp.get("/")
def home():
    """The search box, examples, and the corpus to browse by place, year and kind."""
    return render_template("home.html", overview=get_engine().overview(), examples=EXAMPLES,
                           labels=REPORT_KINDS, autofocus=True)


@bp.get("/search")
def search():
    """Reports (or paragraphs) with snippets, multi-select facets, active filters, pages."""
    args = _search_args(request.args)
    try:
        search = search_request(args, group="report")
        if not search.query and not search.filters:
            return render_template("search.html", search=search, query="", answer=None, error=None,
                                   examples=EXAMPLES, autofocus=True, **_helpers(args))
        answer = get_engine().search(search)
    except QueryError as exc:
        return render_template("search.html", search=None, query=args.get("q", ""), answer=None,
                               error=exc.zh, examples=EXAMPLES, **_helpers(args)), 400
    listed = answer["reports_total"] if answer["group"] == "report" else answer["total"]
    pages = max(1, -(-listed // answer["per_page"]))
    return render_template("search.html", search=search, query=search.query, answer=answer, error=None,
                           pages=pages, listed=listed, examples=EXAMPLES, **_helpers(args))


@bp.get("/help")
def help_page():
    """The query language, in Chinese."""
    return render_template("help.html", labels=CATEGORY_LABELS, examples=EXAMPLES)


@bp.get("/reports/<report_id>")
def report(report_id: str):
    """The full report: metadata, outline, numbered blocks, the query's hits marked and
    navigable, a citation per block, and the way back to the results."""
    query = request.args.get("q", "").strip()
    try:
        data = get_engine().report(report_id, query)
    except QueryError:
        query, data = "", get_engine().report(report_id)
    if data is None:
        abort(404, description="没有找到这份报告。")
    spans = data.get("spans", {})

    def marked(text: str, n: int) -> Markup:
        return Markup(html_marked(text, spans.get(str(n), [])))

    title = data["title"] or data["display_title"]
    permalink = request.url_root.rstrip("/") + url_for("pages.report", report_id=report_id)

    def cite(n: int) -> str:
        return f"{citation(title, place_name(data), data['year'], n)} {permalink}#p{n}"

    back = [(k, v) for k, v in request.args.items(multi=True) if k in (*SEARCH_PARAMS, "page")]
    return render_template("report.html", report=data, marked=marked, labels=CATEGORY_LABELS, kinds=REPORT_KINDS,
                           query=query, citation=cite, hits=data.get("hits", []),
                           back_url=url_for("pages.search") + "?" + urlencode(back) if back else None,
                           has_source=get_engine().source_file(report_id) is not None)


@bp.get("/reports/<report_id>/source")
def report_source(report_id: str):
    """Download the original file the report was read from."""
    path = get_engine().source_file(report_id)
    if path is None:
        abort(404, description="原始文件不存在。")
    # A file name may hold any byte but "/": control characters would break the header.
    return send_file(path, as_attachment=True, download_name=re.sub(r"[\x00-\x1f\x7f]", "_", path.name))


def error_page(code: int, message: str):
    """An HTML error page (no traceback, ever)."""
    return render_template("error.html", code=code, message=message), code


def _search_args(args) -> MultiDict:
    """The page's parameters, with the two form-only ones folded in: a year range typed as
    year_from/year_to becomes one year filter, and a search box submitted with "在结果中检索"
    unticked drops the filters it carried."""
    pairs = [(k, v) for k, v in args.items(multi=True) if k in (*SEARCH_PARAMS, "page") and v.strip()]
    first, last = args.get("year_from", "").strip(), args.get("year_to", "").strip()
    if first or last:
        pairs = [(k, v) for k, v in pairs if k != "year"] + [("year", f"{first or last}-{last or first}")]
    if args.get("from_box") and not args.get("keep"):
        pairs = [(k, v) for k, v in pairs if k not in FILTER_OPTIONS]
    return MultiDict(pairs)


def _helpers(args: MultiDict) -> dict:
    """URL builders that keep the other parameters (filter toggles, chips, pages, sort,
    grouping, hits) and the renderers the template needs."""
    current = [(k, v) for k, v in args.items(multi=True) if k != "page"]

    def url(pairs) -> str:
        return url_for("pages.search") + ("?" + urlencode(pairs) if pairs else "")

    def toggle(name: str, value: str) -> str:
        if (name, value) in current:
            return url([p for p in current if p != (name, value)])
        return url(current + [(name, value)])

    def without(name: str, value: str | None = None) -> str:
        return url([(k, v) for k, v in current if k != name or (value is not None and v != value)])

    def replace(name: str, value: str) -> str:
        return url([(k, v) for k, v in current if k != name] + [(name, value)])

    def clear_all() -> str:
        return url([(k, v) for k, v in current if k not in FILTER_OPTIONS])

    def page_url(page: int) -> str:
        return url(current + [("page", str(page))])

    def hit_url(hit: dict) -> str:
        pairs = [(k, v) for k, v in args.items(multi=True)]
        base = url_for("pages.report", report_id=hit["report_id"])
        return f"{base}?{urlencode(pairs)}#p{hit['paragraph']}" if pairs else f"{base}#p{hit['paragraph']}"

    def export_url(fmt: str) -> str:
        return url_for("analysis.export") + "?" + urlencode(current + [("format", fmt)])

    def compare_url() -> str:
        pairs = [(k, v) for k, v in current if k == "q" or k in FILTER_OPTIONS]
        return url_for("analysis.compare_page") + "?" + urlencode(pairs)

    def trend_url() -> str:
        pairs = [(k, v) for k, v in current if k == "q" or k in FILTER_OPTIONS]
        return url_for("analysis.trend_chart") + "?" + urlencode(pairs)

    def selected(name: str, value: str) -> bool:
        return (name, value) in current

    def snippet(hit: dict) -> Markup:
        return Markup(html_snippet(hit["text"], hit["spans"]))

    def label(name: str, value: str) -> str:
        return VALUE_LABELS.get(name, {}).get(value, value)

    return {"toggle": toggle, "without": without, "replace": replace, "clear_all": clear_all,
            "page_url": page_url, "hit_url": hit_url, "selected": selected, "export_url": export_url,
            "compare_url": compare_url, "trend_url": trend_url, "snippet": snippet,
            "label": label, "kinds": REPORT_KINDS, "labels": CATEGORY_LABELS, "filter_titles": FILTER_TITLES,
            "sort_labels": SORT_LABELS, "group_labels": GROUP_LABELS, "active": MultiDict(current)}
