"""HTML pages: home, search results, report, query-language help."""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, current_app, render_template, request, send_file, url_for
from markupsafe import Markup

from index.reports import CATEGORY_LABELS
from search.engine import highlight_needles
from search.query import QueryError, parse_query, positive_terms
from search.snippets import highlight, match_spans

from .app import get_engine, search_params

bp = Blueprint("pages", __name__)

FACET_TITLES = {"year": "年份", "province": "省份", "county": "区县", "town": "乡镇（街道）", "section": "报告部分"}
FILTER_TITLES = {**FACET_TITLES, "city": "城市"}
EXAMPLES = ['"枫桥经验"', "矛盾纠纷 section:shortcomings", '"法律明白人" year:2024', "法律顾问 OR 公职律师"]


@bp.get("/")
def home():
    """The search box, examples and what the index holds."""
    return render_template("home.html", stats=get_engine().stats(), examples=EXAMPLES)


@bp.get("/search")
def search():
    """Ranked hits with snippets, facets, active filters and pages."""
    cfg = current_app.config
    args = request.args
    try:
        params = search_params(args, cfg["PER_PAGE"], cfg["MAX_PER_PAGE"], cfg["MAX_PAGE"])
        if not params["query"] and not params["filters"]:
            return render_template("search.html", params=params, answer=None, error=None,
                                   examples=EXAMPLES, **_helpers(args))
        answer = get_engine().search(params["query"], params["filters"], sort=params["sort"],
                                     offset=params["offset"], limit=params["limit"])
    except QueryError as exc:
        return render_template("search.html", params={"query": args.get("q", ""), "filters": {}},
                               answer=None, error=exc.zh, examples=EXAMPLES, **_helpers(args)), 400
    pages = max(1, -(-answer["total"] // params["per_page"]))
    return render_template("search.html", params=params, answer=answer, error=None, pages=pages,
                           examples=EXAMPLES, **_helpers(args))


@bp.get("/help")
def help_page():
    """The query language, in Chinese."""
    return render_template("help.html", labels=CATEGORY_LABELS)


@bp.get("/reports/<report_id>")
def report(report_id: str):
    """The full report: metadata, outline, numbered paragraphs, query occurrences marked."""
    data = get_engine().report(report_id)
    if data is None:
        abort(404, description="没有找到这份报告。")
    needles = []
    query = request.args.get("q", "").strip()
    if query:
        try:
            needles = highlight_needles(positive_terms(parse_query(query)))
        except QueryError:
            needles = []

    def marked(text: str) -> Markup:
        return Markup(highlight(text, match_spans(text, needles) if needles else []))

    return render_template("report.html", report=data, marked=marked, labels=CATEGORY_LABELS,
                           query=query, params={"query": query}, has_source=Path(data["source"]).is_file())


@bp.get("/reports/<report_id>/source")
def report_source(report_id: str):
    """Download the original file the report was read from."""
    data = get_engine().report(report_id)
    if data is None or not Path(data["source"]).is_file():
        abort(404, description="原始文件不存在。")
    return send_file(Path(data["source"]).resolve(), as_attachment=True,
                     download_name=Path(data["source"]).name)


def error_page(code: int, message: str):
    """An HTML error page (no traceback, ever)."""
    return render_template("error.html", code=code, message=message), code


def _helpers(args) -> dict:
    """URL builders for facet links, filter removal and pages, keeping the other parameters."""
    current = {k: v for k, v in args.items() if v and k != "page"}

    def with_filter(name: str, value: str) -> str:
        return url_for("pages.search", **{**current, name: value})

    def without(name: str) -> str:
        return url_for("pages.search", **{k: v for k, v in current.items() if k != name})

    def page_url(page: int) -> str:
        return url_for("pages.search", **current, page=page)

    def hit_url(hit: dict) -> str:
        query = args.get("q", "")
        base = url_for("pages.report", report_id=hit["report_id"], **({"q": query} if query else {}))
        return f"{base}#p{hit['paragraph']}"

    return {"with_filter": with_filter, "without": without, "page_url": page_url, "hit_url": hit_url,
            "facet_titles": FACET_TITLES, "filter_titles": FILTER_TITLES, "labels": CATEGORY_LABELS}
