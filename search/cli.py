"""The `baogao` command line: parse, build, search and serve.

A thin layer over the library: every command calls the same functions the web front end
uses and only formats their plain-data answers for a terminal or as JSON.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from index.reports import CATEGORY_LABELS, parse_report
from index.sources import SourceError, read_text


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="baogao")
def main():
    """Baogao (报告): full-text search for Chinese government reports.

    \b
    Typical use:
      baogao build                 index the bundled seed reports
      baogao search '"枫桥经验"'     find an exact phrase in every report
      baogao serve                 open the web UI at http://127.0.0.1:8000
    """


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the parsed report as JSON.")
def parse(files: tuple[Path, ...], as_json: bool):
    """Parse report FILES (.txt, .docx, .pdf, .html) and print their structure.

    The default output is a readable outline; --json prints title, display_title, issuers,
    doc_number, province, city, county, town, year, published, source, preamble and
    sections (heading, categories, subsections, numbered paragraphs). A file that cannot
    be read is reported on stderr and the exit code is 1; the other files go on.
    """
    failed = 0
    for path in files:
        try:
            report = parse_report(read_text(path), str(path))
        except SourceError as exc:
            click.echo(f"error: {exc}", err=True)
            failed += 1
            continue
        if as_json:
            click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        else:
            click.echo(format_outline(report))
    sys.exit(1 if failed else 0)


def format_outline(report) -> str:
    """A report's metadata and section outline as readable text."""
    data = report.to_dict()
    place = " ".join(p for p in (data["province"], data["city"], data["county"], data["town"]) if p)
    lines = [
        f"{data['display_title']}",
        f"  source:     {data['source']}",
        f"  title:      {data['title'] or '(none printed)'}",
        f"  issuers:    {'；'.join(data['issuers']) or '-'}",
        f"  doc number: {data['doc_number'] or '-'}",
        f"  place:      {place or '-'}",
        f"  year:       {data['year'] or '-'}    published: {data['published'] or '-'}",
        f"  preamble:   {len(data['preamble'])} paragraph(s)",
    ]
    for section in data["sections"]:
        labels = "、".join(CATEGORY_LABELS[c] for c in section["categories"]) or "未分类"
        lines.append(f"  [p{section['n']}] {section['heading']}  〔{labels}〕 "
                     f"{len(section['paragraphs'])} paragraph(s)")
        for sub in section["subsections"]:
            lines.append(f"      · {sub}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
