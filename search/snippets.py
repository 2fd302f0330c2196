"""Matched spans in printed text, and their two renderings: HTML and the terminal.

Matching happens on the normalised text; the offset map of `normalise_with_offsets`
carries each match back to printed characters, so a span is [start, end) in the text as
printed. The engine returns spans as data; the web renders them with `html_snippet` /
`html_marked` and the CLI with `terminal_snippet`, over the same windows.
"""
from __future__ import annotations

from html import escape

from baogao.index.analysis import normalise_with_offsets
from baogao.index.printed import printed_positions

SNIPPET_CONTEXT = 60  # printed characters kept on each side of a match
SNIPPET_WHOLE = 200  # blocks up to this length are shown whole

Span = tuple[int, int]


def match_spans(text: str, needles: list[str]) -> list[Span]:
    """Merged [start, end) spans of `text` whose normalised form is one of `needles`."""
    if not needles:
        return []
    norm, origin = normalise_with_offsets(text)
    return _spans(norm, needles, lambda positions: [origin[p] for p in positions])


def stored_match_spans(norm: str, stored, needles: list[str]) -> list[Span]:
    """`match_spans` of a block's printed text, given as its normalised text `norm` and
    its stored text field (index/printed.py): the needles are found in `norm` and only
    the matches are carried to printed positions, where normalising the printed text
    again cost about 0.1 ms a shown hit."""
    if isinstance(stored, str):  # a segment written before: the printed text itself
        return match_spans(stored, needles)
    return _spans(norm, needles, lambda positions: printed_positions(norm, stored, positions))


def _spans(norm: str, needles: list[str], origin) -> list[Span]:
    """Merged spans of the matches of `needles` in `norm`, carried to printed positions
    by `origin` (normalised positions -> the printed positions they come from)."""
    matches = []
    for needle in needles:
        start = norm.find(needle)
        while start != -1:
            matches.append((start, start + len(needle) - 1))
            start = norm.find(needle, start + 1)
    if not matches:
        return []
    printed = origin([p for match in matches for p in match])
    spans = sorted(zip(printed[0::2], (last + 1 for last in printed[1::2])))
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def snippet_windows(text: str, spans: list[Span]) -> list[Span]:
    """The parts of `text` a snippet shows: all of a short text, else windows of
    SNIPPET_CONTEXT characters around the matches (the opening when nothing matched)."""
    if len(text) <= SNIPPET_WHOLE:
        return [(0, len(text))]
    if not spans:
        return [(0, SNIPPET_WHOLE)]
    windows: list[list[int]] = []
    for s, e in spans:
        lo, hi = max(0, s - SNIPPET_CONTEXT), min(len(text), e + SNIPPET_CONTEXT)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    return [(lo, hi) for lo, hi in windows]


def _render(text: str, spans: list[Span], plain, marked, whole: bool) -> str:
    """text (or its snippet windows) with `plain` applied to unmatched and `marked` to
    matched pieces; windows are joined and bounded by an ellipsis."""
    windows = [(0, len(text))] if whole else snippet_windows(text, spans)
    parts = []
    for lo, hi in windows:
        out, pos = [], lo
        for s, e in spans:
            if e <= lo or s >= hi:
                continue
            s, e = max(s, lo), min(e, hi)
            out.append(plain(text[pos:s]))
            out.append(marked(text[s:e]))
            pos = e
        out.append(plain(text[pos:hi]))
        parts.append("".join(out))
    prefix = "…" if windows[0][0] > 0 else ""
    suffix = "…" if windows[-1][1] < len(text) else ""
    return prefix + "…".join(parts) + suffix


def html_snippet(text: str, spans: list[Span]) -> str:
    """Escaped HTML of the snippet windows, matches in <mark>."""
    return _render(text, spans, escape, lambda s: f"<mark>{escape(s)}</mark>", whole=False)


def html_marked(text: str, spans: list[Span]) -> str:
    """Escaped HTML of the whole text, matches in <mark>."""
    return _render(text, spans, escape, lambda s: f"<mark>{escape(s)}</mark>", whole=True)


def terminal_snippet(text: str, spans: list[Span], color: bool) -> str:
    """The snippet windows for a terminal: matches in bold yellow, or [brackets] when
    the output is not a terminal."""
    opening, closing = ("\033[1;33m", "\033[0m") if color else ("[", "]")
    return _render(text, spans, str, lambda s: f"{opening}{s}{closing}", whole=False)
