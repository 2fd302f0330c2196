"""What the pages and the API share: the app's engine and the search a request asks for."""
from __future__ import annotations

from flask import current_app
from werkzeug.exceptions import ServiceUnavailable

from baogao import settings
from baogao.cluster import ClusterError
from baogao.index.errors import IndexDirectoryError
from baogao.search.engine import Engine
from baogao.search.query import FILTER_OPTIONS
from baogao.search.request import SearchRequest


def get_engine() -> Engine:
    """The app's engine, opened on first use and shared by all requests."""
    engine = current_app.extensions.get("baogao_engine")
    if engine is None:
        try:
            engine = Engine(current_app.config["INDEX"], facet_limit=current_app.config["FACET_LIMIT"],
                            cluster=current_app.config["CLUSTER"] or None)
        except (IndexDirectoryError, ClusterError) as exc:
            raise ServiceUnavailable(f"索引无法打开 (the index cannot be opened): {exc}") from None
        current_app.extensions["baogao_engine"] = engine
    return engine


def limits() -> dict:
    """The app's settings by their table names (per_page, max_page, …)."""
    return {s.name: current_app.config[s.name.upper()] for s in settings.SETTINGS}


def search_request(args, group: str = "paragraph") -> SearchRequest:
    """The SearchRequest of a query string (q, repeatable filters, sort, group, page,
    per_page; `group` is the default grouping); raises QueryError with a message for the
    user."""
    params = {name: args.getlist(name) if name in FILTER_OPTIONS else args.get(name) for name in args}
    params.setdefault("group", group)
    return SearchRequest.from_params(params, limits())
