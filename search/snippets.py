"""Snippets: a block's printed text, HTML-escaped, with every occurrence of the query's
normalised terms wrapped in <mark>. Matching happens on the normalised text; the offset
map of `normalise_with_offsets` carries each match back to the printed characters."""
from __future__ import annotations

from html import escape

from index.analysis import normalise_with_offsets

SNIPPET_CONTEXT = 60  # printed characters kept on each side of a match
SNIPPET_WHOLE = 200  # blocks up to this length are shown whole


def match_spans(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Merged [start, end) spans of `text` whose normalised form is one of `needles`."""
    norm, origin = normalise_with_offsets(text)
    spans = []
    for needle in needles:
        start = norm.find(needle)
        while start != -1:
            end = start + len(needle)
            spans.append((origin[start], origin[end - 1] + 1))
            start = norm.find(needle, start + 1)
    spans.sort()
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def highlight(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    """HTML for text[start:end] with the given spans marked."""
    end = len(text) if end is None else end
    out, pos = [], start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[pos:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    out.append(escape(text[pos:end]))
    return "".join(out)


def make_snippet(text: str, needles: list[str]) -> str:
    """The block's text as safe HTML: whole when short, else windows around the matches."""
    spans = match_spans(text, needles) if needles else []
    if len(text) <= SNIPPET_WHOLE or not spans:
        if len(text) <= SNIPPET_WHOLE:
            return highlight(text, spans)
        return escape(text[:SNIPPET_WHOLE]) + "…"
    windows: list[list[int]] = []
    for s, e in spans:
        lo, hi = max(0, s - SNIPPET_CONTEXT), min(len(text), e + SNIPPET_CONTEXT)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    parts = [highlight(text, spans, lo, hi) for lo, hi in windows]
    prefix = "…" if windows[0][0] > 0 else ""
    suffix = "…" if windows[-1][1] < len(text) else ""
    return prefix + "…".join(parts) + suffix
