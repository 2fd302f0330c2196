"""Line-level clean-up: conversion debris, page numbers and odd spaces never reach a report."""
from __future__ import annotations

import re

# Word-to-text converters leave bookmarks and field codes; web copies leave wiki markers.
_DEBRIS = re.compile(r"\[bookmark:[^\]]*\]|\[(?:图片|image|img)[^\]]*\]|\{\\[^}]*\}", re.I)
_PAGE_NUMBER = re.compile(r"^(?:[-—–－_~]\s*\d{1,4}\s*[-—–－_~]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|"
                          r"\d{1,4}\s*/\s*\d{1,4}|\d{1,3}|[\[\]［］])$")
# Layout spaces that are never part of the text: en/em/ideographic, no-break, zero-width.
_ODD_SPACES = re.compile(r"[\t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
# An ordinary space between a number and a Chinese character is typesetting (2025 年).
_NUMBER_SPACE = re.compile(r"(?<=\d) +(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) +(?=\d)")


def clean_line(line: str) -> str:
    """Remove debris and layout spaces; ordinary spaces stay as printed, collapsed to one."""
    line = _ODD_SPACES.sub("", _DEBRIS.sub("", line))
    line = re.sub(r" {2,}", " ", line)
    return _NUMBER_SPACE.sub("", line).strip()


def split_debris(text: str) -> tuple[list[str], list[dict]]:
    """(the non-empty cleaned lines of `text`, what was dropped and why).

    Only debris is dropped: page numbers (- 4 -, 第3页, 3/12, a bare number), lone wiki
    brackets and converter markup ([bookmark: _GoBack]); each is listed as
    {"text": …, "reason": …} so a user can see it.
    """
    lines, dropped = [], []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        for debris in _DEBRIS.findall(raw):
            dropped.append({"text": debris, "reason": "conversion debris"})
        line = clean_line(raw)
        if not line:
            continue
        if _PAGE_NUMBER.match(line):
            dropped.append({"text": line, "reason": "page number or lone bracket"})
        else:
            lines.append(line)
    return lines, dropped
