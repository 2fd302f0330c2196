"""The JSON API: /api/search, /api/reports/<id>, /api/openapi.json."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from baogao.search.engine import HIT_FIELDS, REPORT_FIELDS
from baogao.search.query import FILTER_OPTIONS, QueryError
from baogao.search.request import GROUPS, SORTS

from .context import get_engine, limits, search_request

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search():
    """The `baogao search --json` answer for the same parameters."""
    try:
        answer = get_engine().search(search_request(request.args))
    except QueryError as exc:
        return jsonify(error=str(exc)), 400
    return jsonify(answer)


@bp.get("/reports/<report_id>")
def report(report_id: str):
    """One parsed report, as `baogao parse --json` prints it, plus its id; with `q`, the
    numbers of the blocks that match and their spans."""
    try:
        data = get_engine().report(report_id, request.args.get("q", ""))
    except QueryError as exc:
        return jsonify(error=str(exc)), 400
    if data is None:
        return jsonify(error=f"no report with id {report_id!r}"), 404
    return jsonify(data)


@bp.get("/openapi.json")
def openapi():
    """An OpenAPI 3.0 description of this API, its limits taken from the settings."""
    return jsonify(openapi_document(limits()))


def openapi_document(limits: dict) -> dict:
    """The OpenAPI document for the given settings."""
    string = {"type": "string"}
    error = {"description": "Error", "content": {"application/json": {"schema": {
        "type": "object", "properties": {"error": string}, "required": ["error"]}}}}
    integer = {"type": "integer"}
    hit = {"type": "object", "properties": HIT_FIELDS, "required": list(HIT_FIELDS)}
    report_entry = {"type": "object", "properties": {
        **{name: HIT_FIELDS[name] for name in REPORT_FIELDS}, "categories": HIT_FIELDS["categories"],
        "hits": {"type": "integer", "description": "hits in this report"},
        "top": {"type": "array", "items": hit, "description": "the report's best hits"}}}
    answer = {
        "type": "object", "required": ["query", "total", "reports_total", "facets", "hints", "partial"],
        "properties": {
            "query": string,
            "filters": {"type": "object", "additionalProperties": {"type": "array", "items": string}},
            "sort": {"type": "string", "enum": list(SORTS)}, "group": {"type": "string", "enum": list(GROUPS)},
            "page": integer, "per_page": integer, "offset": integer,
            "total": {"type": "integer", "description": "matching blocks (paragraphs, titles, headings, lines)"},
            "reports_total": {"type": "integer", "description": "distinct reports among them"},
            "hits": {"type": "array", "items": hit, "description": "group=paragraph"},
            "reports": {"type": "array", "items": report_entry, "description": "group=report"},
            "facets": {"type": "object", "additionalProperties": {
                "type": "object", "additionalProperties": integer}},
            "hints": {"type": "array", "description": "likely slips in the query and what was done about them",
                      "items": {"type": "object", "properties": {"message": string, "zh": string}}},
            "partial": {"type": "array", "items": string,
                        "description": "shards of a sharded index missing from this answer (their cluster "
                                       "worker died twice); empty when the answer is whole"},
        }}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Baogao API", "version": "1.0",
                 "description": "Full-text search over Chinese government reports."},
        "paths": {
            "/api/search": {"get": {
                "summary": "Search paragraphs, titles and headings",
                "parameters": [
                    {"name": "q", "in": "query",
                     "schema": {"type": "string", "maxLength": limits["max_query_length"]},
                     "description": "Query: words, \"phrases\", OR, -word, NEAR, year:/province:/… filters"},
                    *({"name": name, "in": "query", "schema": {"type": "array", "items": string},
                       "style": "form", "explode": True,
                       "description": "repeat for several values (OR); filters on different fields AND"}
                      for name in FILTER_OPTIONS),
                    {"name": "sort", "in": "query", "schema": {"type": "string", "enum": list(SORTS)}},
                    {"name": "group", "in": "query", "schema": {"type": "string", "enum": list(GROUPS),
                                                                "default": "paragraph"}},
                    {"name": "page", "in": "query",
                     "schema": {"type": "integer", "minimum": 1, "maximum": limits["max_page"]}},
                    {"name": "per_page", "in": "query",
                     "schema": {"type": "integer", "minimum": 1, "maximum": limits["max_per_page"],
                                "default": limits["per_page"]}},
                ],
                "responses": {
                    "200": {"description": "Hits, exact total and facets",
                            "content": {"application/json": {"schema": answer}}},
                    "400": error,
                },
            }},
            "/api/reports/{report_id}": {"get": {
                "summary": "A parsed report",
                "parameters": [{"name": "report_id", "in": "path", "required": True, "schema": string},
                               {"name": "q", "in": "query", "schema": string,
                                "description": "a query whose matching blocks are listed in hits/spans"}],
                "responses": {"200": {"description": "The report", "content": {"application/json": {
                    "schema": {"type": "object"}}}}, "400": error, "404": error},
            }},
            "/api/openapi.json": {"get": {"summary": "This description",
                                          "responses": {"200": {"description": "OpenAPI document"}}}},
        },
    }
