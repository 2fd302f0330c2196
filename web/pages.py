"""HTML pages: home, search results, report, query-language help."""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request, send_file, url_for
from markupsafe import Markup

from baogao.index.reports import CATEGORY_LABELS, REPORT_KINDS
from baogao.search.query import FILTER_OPTIONS, QueryError
from baogao.search.snippets import html_marked, html_snippet

from .context import get_engine, search_request

bp = Blueprint("pages", __name__)

FILTER_TITLES = {"year": "年份", "province": "省份", "city": "城市", "county": "区县",
                 "town": "乡镇（街道）", "kind": "报告类型", "section": "报告部分"}
VALUE_LABELS = {"section": CATEGORY_LABELS, "kind": REPORT_KINDS}
FACET_TITLES = {name: FILTER_TITLES[name] for name in FILTER_OPTIONS if name != "city"}
EXAMPLES = ['"枫桥经验"', "矛盾纠纷 section:shortcomings", '"法律明白人" year:2024', "法律顾问 OR 公职律师"]


@bp.get("/")
def home():
    """The search box, examples and what the index holds."""
    return render_template("home.html", stats=get_engine().stats(), examples=EXAMPLES)


@bp.get("/search")
def search():
    """Ranked hits with snippets, facets, active filters and pages."""
    args = request.args
    try:
        search = search_request(args)
        if not search.query and not search.filters:
            return render_template("search.html", search=search, query=search.query, answer=None, error=None,
                                   examples=EXAMPLES, **_helpers(args))
        answer = get_engine().search(search)
    except QueryError as exc:
        return render_template("search.html", search=None, query=args.get("q", ""), answer=None,
                               error=exc.zh, examples=EXAMPLES, **_helpers(args)), 400
    pages = max(1, -(-answer["total"] // answer["per_page"]))
    return render_template("search.html", search=search, query=search.query, answer=answer, error=None, pages=pages,
                           examples=EXAMPLES, **_helpers(args))


@bp.get("/help")
def help_page():
    """The query language, in Chinese."""
    return render_template("help.html", labels=CATEGORY_LABELS)


@bp.get("/reports/<report_id>")
def report(report_id: str):
    """The full report: metadata, outline, numbered paragraphs, the query's hits marked."""
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

    return render_template("report.html", report=data, marked=marked, labels=CATEGORY_LABELS, kinds=REPORT_KINDS,
                           query=query, has_source=get_engine().source_file(report_id) is not None)


@bp.get("/reports/<report_id>/source")
def report_source(report_id: str):
    """Download the original file the report was read from."""
    path = get_engine().source_file(report_id)
    if path is None:
        abort(404, description="原始文件不存在。")
    return send_file(path, as_attachment=True, download_name=path.name)


def error_page(code: int, message: str):
    """An HTML error page (no traceback, ever)."""
    return render_template("error.html", code=code, message=message), code


def _helpers(args) -> dict:
    """URL builders for facet links, filter removal, pages and hits (keeping the other
    parameters), and the snippet renderer."""
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

    def snippet(hit: dict) -> Markup:
        return Markup(html_snippet(hit["text"], hit["spans"]))

    def label(name: str, value: str) -> str:
        return VALUE_LABELS.get(name, {}).get(value, value)

    return {"with_filter": with_filter, "without": without, "page_url": page_url, "hit_url": hit_url,
            "snippet": snippet, "label": label, "kinds": REPORT_KINDS, "facet_titles": FACET_TITLES, "filter_titles": FILTER_TITLES,
            "labels": CATEGORY_LABELS}
