"""The Whoosh schema: one document per printed block (title, heading, paragraph) carrying
its report's section-level fields, plus one `report` record per report."""
from __future__ import annotations

from whoosh import formats
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, FieldType, Schema

from .analysis import GramTokenizer, WordTokenizer

SCHEMA_VERSION = 1
# Document kinds: searchable blocks, and the per-report record that holds the parsed report.
BLOCK_KINDS = ("title", "heading", "paragraph")
REPORT_KIND = "report"


class WORDS(FieldType):
    """jieba words with term frequencies (for BM25F); no positions, phrases use `grams`."""

    def __init__(self, stored=False):
        self.analyzer = WordTokenizer()
        self.format = formats.Frequency()
        self.stored = stored
        self.scorable = True
        self.indexed = True


class GRAMS(FieldType):
    """Distinct character unigrams and bigrams: which blocks contain a gram, nothing more."""

    def __init__(self):
        self.analyzer = GramTokenizer()
        self.format = formats.Existence()
        self.stored = False
        self.scorable = False
        self.indexed = True


def build_schema() -> Schema:
    """The schema of a Baogao index."""
    return Schema(
        pid=ID(unique=True, stored=True),  # "<report_id>" or "<report_id>/<n>"
        kind=ID(stored=True),
        report_id=ID(stored=True),
        source=ID(stored=True),
        sha256=STORED,
        title=STORED,  # the printed title, or the display title where none is printed
        printed_title=STORED,  # the printed title only (report records), for title: filters
        province=ID(stored=True),
        city=ID(stored=True),
        county=ID(stored=True),
        town=ID(stored=True),
        year=NUMERIC(int, bits=32, stored=True, signed=False),
        categories=KEYWORD(stored=True, commas=True, scorable=False),
        section_heading=STORED,
        subsection=STORED,
        n=NUMERIC(int, bits=32, stored=True, signed=False),
        text=WORDS(stored=True),
        grams=GRAMS(),
        report=STORED,  # the parsed report as JSON (report records only)
        schema_version=STORED,
    )
