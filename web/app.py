"""Flask front end: the search page, report pages and the JSON API.

The views call the same library functions as the CLI (`search.engine.Engine.search`,
`Engine.report`); they add nothing but parameters, HTML and JSON. Nothing here writes
to the index.
"""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

from index.build import IndexDirectoryError
from search.engine import Engine

DEFAULTS = {
    "INDEX_DIR": None,  # default: $BAOGAO_INDEX, else ./baogao-index
    "PER_PAGE": 10,
    "MAX_PER_PAGE": 100,
    "MAX_PAGE": 1000,
}
CHINESE_ERRORS = {
    400: "请求有误。",
    404: "页面不存在。",
    405: "不支持这种请求方式。",
    503: "检索服务暂时不可用。",
}
SECURITY_HEADERS = {
    # Every asset is served by us; no inline script, no third-party origin.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def create_app(config: dict | None = None) -> Flask:
    """The app factory: defaults, then BAOGAO_* environment, then `config`."""
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    if os.environ.get("BAOGAO_INDEX"):
        app.config["INDEX_DIR"] = os.environ["BAOGAO_INDEX"]
    if config:
        app.config.update(config)
    app.config["INDEX_DIR"] = str(Path(app.config["INDEX_DIR"] or "baogao-index"))
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    from . import api, pages

    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)

    @app.after_request
    def security_headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if request.path.startswith("/api/"):
            return jsonify(error=exc.description), exc.code
        # Werkzeug's stock descriptions are English; pages speak Chinese.
        stock = exc.description == type(exc).description
        return pages.error_page(exc.code, CHINESE_ERRORS.get(exc.code, "请求出错。") if stock else exc.description)

    @app.errorhandler(Exception)
    def unexpected_error(exc: Exception):
        # A request never shows a traceback; the log keeps it.
        app.logger.exception("unhandled error on %s", request.path)
        if request.path.startswith("/api/"):
            return jsonify(error="internal error"), 500
        return pages.error_page(500, "服务器内部错误，请稍后再试。")

    return app


def get_engine() -> Engine:
    """The app's engine, opened on first use and shared by all requests."""
    from flask import current_app

    engine = current_app.extensions.get("baogao_engine")
    if engine is None:
        try:
            engine = Engine(current_app.config["INDEX_DIR"])
        except IndexDirectoryError as exc:
            from werkzeug.exceptions import ServiceUnavailable

            raise ServiceUnavailable(f"索引无法打开 (the index cannot be opened): {exc}") from None
        current_app.extensions["baogao_engine"] = engine
    return engine


def search_params(args, per_page_default: int, max_per_page: int, max_page: int) -> dict:
    """Validate the query string shared by the page and the API into Engine.search args."""
    from search.query import QueryError

    def number(name, default, low, high):
        raw = args.get(name, "")
        if raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            raise QueryError(f"{name} must be a whole number, not {raw!r}",
                             f"参数 {name} 必须是整数") from None
        if not low <= value <= high:
            raise QueryError(f"{name} must be between {low} and {high}",
                             f"参数 {name} 必须在 {low} 到 {high} 之间")
        return value

    page = number("page", 1, 1, max_page)
    per_page = number("per_page", per_page_default, 1, max_per_page)
    sort = args.get("sort") or "relevance"
    filters = {name: args.get(name, "").strip() for name in
               ("year", "province", "city", "county", "town", "section")}
    return {"query": args.get("q", "").strip(), "filters": {k: v for k, v in filters.items() if v},
            "sort": sort, "offset": (page - 1) * per_page, "limit": per_page,
            "page": page, "per_page": per_page}


__all__ = ["create_app", "get_engine", "search_params"]
