"""The JSON API: /api/search, /api/reports/<id>, /api/openapi.json."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from search.query import QueryError

from .app import get_engine, search_params

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search():
    """The `baogao search --json` answer for the same parameters."""
    cfg = current_app.config
    try:
        params = search_params(request.args, cfg["PER_PAGE"], cfg["MAX_PER_PAGE"], cfg["MAX_PAGE"])
        answer = get_engine().search(params["query"], params["filters"], sort=params["sort"],
                                     offset=params["offset"], limit=params["limit"])
    except QueryError as exc:
        return jsonify(error=str(exc)), 400
    answer["page"], answer["per_page"] = params["page"], params["per_page"]
    return jsonify(answer)


@bp.get("/reports/<report_id>")
def report(report_id: str):
    """One parsed report, as `baogao parse --json` prints it, plus its id."""
    data = get_engine().report(report_id)
    if data is None:
        return jsonify(error=f"no report with id {report_id!r}"), 404
    return jsonify(data)


@bp.get("/openapi.json")
def openapi():
    """An OpenAPI 3.0 description of this API."""
    return jsonify(OPENAPI)


_string = {"type": "string"}
_nullable_string = {"type": "string", "nullable": True}
_error = {"description": "Error", "content": {"application/json": {"schema": {
    "type": "object", "properties": {"error": _string}, "required": ["error"]}}}}
OPENAPI = {
    "openapi": "3.0.3",
    "info": {"title": "Baogao API", "version": "1.0",
             "description": "Full-text search over Chinese government reports."},
    "paths": {
        "/api/search": {"get": {
            "summary": "Search paragraphs, titles and headings",
            "parameters": [
                {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 500},
                 "description": "Query: words, \"phrases\", OR, -word, NEAR, year:/province:/… filters"},
                *({"name": n, "in": "query", "schema": _string} for n in
                  ("year", "province", "city", "county", "town", "section")),
                {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "year"]}},
                {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}},
                {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
            ],
            "responses": {
                "200": {"description": "Hits, exact total and facets", "content": {"application/json": {"schema": {
                    "type": "object", "required": ["query", "total", "hits", "facets"],
                    "properties": {
                        "query": _string, "total": {"type": "integer"}, "offset": {"type": "integer"},
                        "page": {"type": "integer"}, "per_page": {"type": "integer"},
                        "filters": {"type": "object", "additionalProperties": _string},
                        "hits": {"type": "array", "items": {"type": "object", "properties": {
                            "report_id": _string, "source": _string, "title": _string,
                            "province": _nullable_string, "city": _nullable_string,
                            "county": _nullable_string, "town": _nullable_string,
                            "year": {"type": "integer", "nullable": True},
                            "categories": {"type": "array", "items": _string},
                            "section_heading": _nullable_string, "subsection": _nullable_string,
                            "kind": _string, "paragraph": {"type": "integer"}, "text": _string,
                            "snippet": _string, "url": _string, "score": {"type": "number"}}}},
                        "facets": {"type": "object", "additionalProperties": {
                            "type": "object", "additionalProperties": {"type": "integer"}}},
                    }}}}},
                "400": _error,
            },
        }},
        "/api/reports/{report_id}": {"get": {
            "summary": "A parsed report",
            "parameters": [{"name": "report_id", "in": "path", "required": True, "schema": _string}],
            "responses": {"200": {"description": "The report", "content": {"application/json": {
                "schema": {"type": "object"}}}}, "404": _error},
        }},
        "/api/openapi.json": {"get": {"summary": "This description",
                                      "responses": {"200": {"description": "OpenAPI document"}}}},
    },
}
