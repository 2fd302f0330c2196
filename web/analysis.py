"""Beyond a ranked list: the compare table, trend charts, exports with citations, and
similar passages, as pages and as JSON (/api/compare, /api/trend, /api/similar)."""
from __future__ import annotations

import csv
import io
import tempfile
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request, send_file, url_for
from markupsafe import Markup

from baogao.index.report_fields import CATEGORY_LABELS, REPORT_KINDS
from baogao.search.compare import MAX_TREND_QUERIES
from baogao.search.export import FORMATS, MEDIA_TYPES, csv_chunks, export_rows, jsonl_chunks, write_xlsx
from baogao.search.query import FILTER_OPTIONS, QueryError
from baogao.search.snippets import html_snippet

from .charts import SVG_POLICY, trend_svg
from .context import get_engine, search_request

bp = Blueprint("analysis", __name__)

DIMENSION_TITLES = {"province": "省份", "city": "城市", "county": "区县", "town": "乡镇（街道）",
                    "year": "年份", "kind": "报告类型", "section": "报告部分"}
VALUE_LABELS = {"section": CATEGORY_LABELS, "kind": REPORT_KINDS}


def _filters(args) -> dict:
    return {name: tuple(args.getlist(name)) for name in FILTER_OPTIONS if args.getlist(name)}


def _trend_queries(args) -> list[str]:
    """The query and the extra series (t=…) of a trend, at most MAX_TREND_QUERIES."""
    queries = [q.strip() for q in [args.get("q", ""), *args.getlist("t")] if q.strip()]
    return list(dict.fromkeys(queries))[:MAX_TREND_QUERIES]


@bp.get("/compare")
def compare_page():
    """The rows × columns table of a query, each cell linking to its search, and the trend."""
    args = request.args
    rows, cols = args.get("rows", "province"), args.get("cols", "year")
    query = args.get("q", "").strip()
    context = {"query": query, "rows": rows, "cols": cols, "dimensions": DIMENSION_TITLES,
               "extra": args.getlist("t"), "table": None, "trend": None, "error": None}
    if query:
        try:
            context["table"] = get_engine().compare(query, rows, cols, _filters(args))
            context["trend"] = get_engine().trend(_trend_queries(args), _filters(args))
        except QueryError as exc:
            context["error"] = exc.zh
    filters = [(k, v) for k, v in args.items(multi=True) if k in FILTER_OPTIONS]

    def cell_url(row: str | None, col: str | None) -> str:
        pairs = [("q", query), *filters] + [(d, v) for d, v in ((rows, row), (cols, col)) if v is not None]
        return url_for("pages.search") + "?" + urlencode(pairs)

    def label(dim: str, value: str) -> str:
        return VALUE_LABELS.get(dim, {}).get(value, value)

    trend_params = urlencode([("q", query), *[("t", t) for t in args.getlist("t")], *filters])
    status = 400 if context["error"] else 200
    return render_template("compare.html", cell_url=cell_url, label=label, trend_params=trend_params,
                           filters=filters, **context), status


@bp.get("/trend.svg")
def trend_chart():
    """The trend of q (and each t) as an SVG line chart."""
    try:
        trend = get_engine().trend(_trend_queries(request.args), _filters(request.args))
    except QueryError as exc:
        abort(400, description=exc.zh)
    response = Response(trend_svg(trend), mimetype="image/svg+xml")
    response.headers["Content-Security-Policy"] = SVG_POLICY
    return response


@bp.get("/export")
def export():
    """Every hit of the search (not just the page) as CSV, JSON lines or XLSX."""
    fmt = request.args.get("format", "csv")
    if fmt not in FORMATS:
        abort(400, description=f"导出格式只能是 {'、'.join(FORMATS)}")
    try:
        total, hits = get_engine().export_hits(search_request(request.args), current_app.config["EXPORT_LIMIT"])
    except QueryError as exc:
        abort(400, description=exc.zh)
    rows = export_rows(hits, request.url_root)
    name = f"baogao-export.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "X-Total-Hits": str(total)}
    if fmt == "xlsx":
        spool = tempfile.SpooledTemporaryFile(max_size=8 << 20)
        write_xlsx(rows, spool)
        spool.seek(0)
        return send_file(spool, mimetype=MEDIA_TYPES[fmt], as_attachment=True, download_name=name)
    chunks = csv_chunks(rows) if fmt == "csv" else jsonl_chunks(rows)
    return Response(chunks, mimetype=MEDIA_TYPES[fmt], headers=headers)


@bp.get("/reports/<report_id>/similar/<int:n>")
def similar_page(report_id: str, n: int):
    """其他报告中的类似段落: the paragraphs of other reports most like block n."""
    answer = get_engine().similar(report_id, n, limit=10)
    if answer is None:
        abort(404, description="没有找到这个段落。")
    report = get_engine().report(report_id)

    def snippet(hit: dict) -> Markup:
        return Markup(html_snippet(hit["text"], hit["spans"]))

    return render_template("similar.html", answer=answer, report=report, snippet=snippet, kinds=REPORT_KINDS)


@bp.get("/api/compare")
def api_compare():
    """`baogao compare --json`: the table of q by rows × cols."""
    args = request.args
    try:
        return jsonify(get_engine().compare(args.get("q", ""), args.get("rows", "province"),
                                            args.get("cols", "year"), _filters(args)))
    except QueryError as exc:
        return jsonify(error=str(exc)), 400


@bp.get("/api/trend")
def api_trend():
    """`baogao trend --json`: the share of reports per year matching q (and each t);
    format=csv gives the numbers as CSV."""
    try:
        trend = get_engine().trend(_trend_queries(request.args), _filters(request.args))
    except QueryError as exc:
        return jsonify(error=str(exc)), 400
    if request.args.get("format") == "csv":
        out = io.StringIO()
        out.write("\ufeff")  # Excel reads UTF-8 with a byte-order mark
        writer = csv.writer(out)
        writer.writerow(["query", "year", "reports", "population", "share"])
        writer.writerows([s["query"], p["year"], p["reports"], p["population"], p["share"]]
                         for s in trend["series"] for p in s["points"])
        return Response(out.getvalue(), mimetype=MEDIA_TYPES["csv"],
                        headers={"Content-Disposition": 'attachment; filename="baogao-trend.csv"'})
    return jsonify(trend)


@bp.get("/api/similar")
def api_similar():
    """`baogao similar --json`: paragraphs of other reports like paragraph p of report."""
    try:
        n = int(request.args.get("p", ""))
    except ValueError:
        return jsonify(error="p must be a paragraph number"), 400
    answer = get_engine().similar(request.args.get("report", ""), n, limit=10)
    if answer is None:
        return jsonify(error="no such report or paragraph"), 404
    return jsonify(answer)

