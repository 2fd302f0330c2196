"""The Whoosh schema: one document per printed block (title, heading, paragraph) carrying
its report's section-level fields, plus one `report` record per report."""
from __future__ import annotations

from whoosh import formats
from whoosh.fields import ID, KEYWORD, STORED, FieldType, Schema

from .analysis import WordTokenizer

# Document kinds: searchable blocks, and the per-report record that holds the parsed report.
BLOCK_KINDS = ("header", "title", "heading", "paragraph", "closing")
REPORT_KIND = "report"


class WORDS(FieldType):
    """jieba words with term frequencies (for BM25F); no positions: phrases use the
    snapshot's bigram postings (index/bigrams.py)."""

    def __init__(self, stored=False):
        self.analyzer = WordTokenizer()
        self.format = formats.Frequency()
        self.stored = stored
        self.scorable = True
        self.indexed = True


def build_schema() -> Schema:
    """The schema of a Baogao index."""
    # Only fields that queries filter on are indexed; the rest are stored: every indexed
    # value is one more posting for Whoosh to write per block.
    return Schema(
        pid=STORED,  # a report record's "<report_id>" (blocks of older indexes: "<report_id>/<n>")
        kind=ID(stored=True),  # the block's kind (BLOCK_KINDS), or REPORT_KIND for report records
        report_kind=ID(stored=True),  # what the document is: fazhi, gongzuo, other (REPORT_KINDS)
        report_id=ID(stored=True),
        source=STORED,  # the file as users name it (seeds/001.txt), relative to what was built
        path=STORED,  # the absolute path (report records only): identity and download; never shown
        sha256=STORED,
        title=STORED,  # the printed title, or the display title where none is printed
        printed_title=STORED,  # the printed title only (report records), for title: filters
        province=ID(stored=True),
        city=ID(stored=True),
        county=ID(stored=True),
        town=ID(stored=True),
        year=ID(stored=True),  # "2024", or "" when unknown; one term, ranges are a few terms
        categories=KEYWORD(stored=True, commas=True, scorable=False),
        section_heading=STORED,
        subsection=STORED,
        n=STORED,
        text=WORDS(stored=True),
        report=STORED,  # the parsed report as JSON (report records only)
    )
