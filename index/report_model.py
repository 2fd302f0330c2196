"""The report model: a parsed report, its sections and paragraphs, each printed line a
numbered block (what the parser returns, the index stores and the pages show)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Paragraph:
    """One printed paragraph, with its number in the report and its subsection title."""

    n: int
    text: str
    subsection: str | None = None


@dataclass
class Section:
    """A numbered section: its heading (numbered `n`), categories and paragraphs."""

    n: int
    heading: str
    categories: list[str]
    subsections: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    # The printed line, when the heading runs into the section's text on it (一、加强组织领导。
    # 一是…): the line stays one block, as printed; `heading` is its first sentence.
    line: str | None = None
    # A heading printed inside block `n`, a page flattened into one long line (…提出意见。
    # 一、2025年工作回顾 2025年是…): the section has no block of its own, the line stays whole.
    inline: bool = False


@dataclass
class Report:
    """A parsed report: metadata, the printed header lines, preamble, sections, closing."""

    source: str
    title: str | None
    title_n: int | None  # the title's block number (header lines may come before it)
    kind: str  # a key of report_fields.REPORT_KINDS
    display_title: str
    issuers: list[str]
    doc_number: str | None
    addressee: str | None
    province: str | None
    city: str | None
    county: str | None
    town: str | None
    year: int | None
    published: dt.date | None
    preamble: list[Paragraph]
    sections: list[Section]
    front: list[Paragraph] = field(default_factory=list)  # header lines other than the title
    closing: list[Paragraph] = field(default_factory=list)  # signature, date, notes at the end
    dropped: list[dict] = field(default_factory=list)  # debris not indexed: {"text", "reason"}
    meeting: str | None = None  # 政府工作报告: 第十六届人民代表大会第四次会议
    speaker: str | None = None  # 政府工作报告: the person who delivered it (龚正)
    speaker_office: str | None = None  # … and the office printed with the name (市长)
    provenance: dict = field(default_factory=dict)  # which text gave place and year
    # The printed line, when the title runs into the delivery line on it (政府工作报告——2022年
    # 1月21日在…会议上): the line stays one block, as printed; `title` is its start.
    title_line: str | None = None

    def blocks(self):
        """Every searchable block in reading order: (n, kind, text, section, subsection)."""
        head = [(p.n, "header", p.text) for p in self.front]
        if self.title:
            head.append((self.title_n, "title", self.title_line or self.title))
        for n, kind, text in sorted(head):
            yield n, kind, text, None, None
        for p in self.preamble:
            yield p.n, "paragraph", p.text, None, None
        for s in self.sections:
            if not s.inline:
                yield s.n, "heading", s.line or s.heading, s, None
            for p in s.paragraphs:
                yield p.n, "paragraph", p.text, s, p.subsection
        for p in self.closing:
            yield p.n, "closing", p.text, None, None

    def to_dict(self) -> dict:
        """The report as plain JSON-ready data (the `baogao parse --json` format)."""
        return {
            "kind": self.kind,
            "title": self.title,
            "title_n": self.title_n,
            **({"title_line": self.title_line} if self.title_line else {}),
            "display_title": self.display_title,
            "issuers": self.issuers,
            "doc_number": self.doc_number,
            "addressee": self.addressee,
            "province": self.province,
            "city": self.city,
            "county": self.county,
            "town": self.town,
            "year": self.year,
            "published": self.published.isoformat() if self.published else None,
            "meeting": self.meeting,
            "speaker": self.speaker,
            "speaker_office": self.speaker_office,
            "provenance": self.provenance,
            "source": self.source,
            "front": [{"n": p.n, "text": p.text} for p in self.front],
            "preamble": [{"n": p.n, "text": p.text} for p in self.preamble],
            "sections": [
                {
                    "n": s.n,
                    "heading": s.heading,
                    **({"line": s.line} if s.line else {}),
                    **({"inline": True} if s.inline else {}),
                    "categories": s.categories,
                    "subsections": s.subsections,
                    "paragraphs": [{"n": p.n, "text": p.text, "subsection": p.subsection}
                                   for p in s.paragraphs],
                }
                for s in self.sections
            ],
            "closing": [{"n": p.n, "text": p.text} for p in self.closing],
            "dropped": self.dropped,
        }
