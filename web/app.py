"""Flask front end: the app factory, security headers and error pages.

The views (web/pages.py, web/api.py) call the same library functions as the CLI
(`Engine.search`, `Engine.report`); they add nothing but parameters, HTML and JSON.
Nothing here writes to the index.
"""
from __future__ import annotations

from flask import Flask, abort, jsonify, request
from werkzeug.exceptions import HTTPException

from baogao import settings
from baogao.search.backends import ShardUnavailable

from . import analysis, api, pages

CHINESE_ERRORS = {
    400: "请求有误。",
    404: "页面不存在。",
    405: "不支持这种请求方式。",
    414: "请求地址太长。",
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
    """The app factory: every setting (its default, then its BAOGAO_* environment
    variable) as an upper-case config key (INDEX, PER_PAGE, …), then `config`."""
    app = Flask(__name__)
    app.config.update({name.upper(): value for name, value in settings.resolved().items()})
    if config:
        app.config.update(config)
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(analysis.bp)

    @app.before_request
    def bounded_request():
        # Every link repeats the page's parameters: a huge query string would make a huge page.
        if len(request.query_string) > app.config["MAX_URL_LENGTH"]:
            abort(414, description="请求地址太长。")

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

    @app.errorhandler(ShardUnavailable)
    def shard_unavailable(exc: ShardUnavailable):
        # A cluster worker died twice: say so instead of answering from part of the index.
        app.logger.warning("%s", exc)
        if request.path.startswith("/api/"):
            return jsonify(error=str(exc)), 503
        return pages.error_page(503, "部分索引分片暂时无法响应，请稍后再试。")

    @app.errorhandler(Exception)
    def unexpected_error(exc: Exception):
        # A request never shows a traceback; the log keeps it.
        app.logger.exception("unhandled error on %s", request.path)
        if request.path.startswith("/api/"):
            return jsonify(error="internal error"), 500
        return pages.error_page(500, "服务器内部错误，请稍后再试。")

    return app
