"""Baogao (报告): full-text search for Chinese government reports.

The public API, for use from Python:

    from baogao import Engine, SearchRequest, build_index, parse_file
    build_index(["reports/"], "baogao-index")
    answer = Engine("baogao-index").search(SearchRequest('"枫桥经验"'))

Names are imported on first use, so `import baogao` (and `baogao --help`) stays fast.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "Engine": "baogao.search.engine",
    "SearchRequest": "baogao.search.request",
    "QueryError": "baogao.search.query",
    "build_index": "baogao.index.build",
    "BuildSummary": "baogao.index.build",
    "IndexDirectoryError": "baogao.index.build",
    "IndexBusy": "baogao.index.build",
    "IndexFormatError": "baogao.index.build",
    "parse_file": "baogao.index.reports",
    "parse_report": "baogao.index.reports",
    "Report": "baogao.index.reports",
    "SourceError": "baogao.index.sources",
    "SettingError": "baogao.settings",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'baogao' has no attribute {name!r}")
