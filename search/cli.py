"""The `baogao` command line: parse, build, search and serve.

A thin layer over the library: every command calls the same functions the web front end
uses and only formats their plain-data answers for a terminal or as JSON.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from index.build import IndexDirectoryError, build_index, index_exists
from index.reports import CATEGORY_LABELS, parse_report
from index.sources import SourceError, read_text

from .query import QueryError

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
INDEX_ENV = "BAOGAO_INDEX"


def default_index() -> Path:
    """$BAOGAO_INDEX, else ./baogao-index."""
    return Path(os.environ.get(INDEX_ENV) or "baogao-index")


index_option = click.option(
    "--index", "index_dir", type=click.Path(path_type=Path), default=None,
    help=f"Index directory (default: ${INDEX_ENV}, else ./baogao-index).")


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


def run_build(paths: list[Path], index_dir: Path, prune: bool = False, quiet: bool = False):
    """Build with a progress bar on a terminal; print failures and a summary to stderr."""
    from tqdm import tqdm

    bar = None
    show_bar = sys.stderr.isatty() and not quiet

    def progress(done: int, total: int, path: str):
        nonlocal bar
        if not show_bar:
            return
        if bar is None:
            bar = tqdm(total=total, unit="file", desc="indexing", file=sys.stderr, leave=False)
        bar.n = done
        bar.refresh()

    try:
        summary = build_index(paths, index_dir, prune=prune, progress=progress)
    finally:
        if bar is not None:
            bar.close()
    for message in summary.failed:
        click.echo(f"error: {message}", err=True)
    counts = summary.as_dict()
    click.echo(f"{index_dir}: {counts['added']} added, {counts['updated']} updated, "
               f"{counts['unchanged']} unchanged, {counts['removed']} removed, "
               f"{counts['failed']} failed", err=True)
    return summary


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@index_option
@click.option("--prune", is_flag=True, help="Remove reports whose files no longer exist.")
def build(paths: tuple[Path, ...], index_dir: Path | None, prune: bool):
    """Index report files and directories (default: the bundled seed reports).

    Incremental: unchanged files are skipped, changed files replace their report. Reports
    are committed in batches, so Ctrl-C or a crash keeps the last good index; searches keep
    working while a build runs. Exit code 1 when any file failed, 2 on an index error.
    """
    index_dir = index_dir or default_index()
    try:
        summary = run_build(list(paths) or [SEEDS_DIR], index_dir, prune=prune)
    except IndexDirectoryError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("interrupted: the index keeps every batch committed before Ctrl-C", err=True)
        sys.exit(130)
    sys.exit(1 if summary.failed else 0)


SEARCH_HELP = """Search the index. QUERY uses the query language:

\b
  枫桥经验 矛盾纠纷            all words (AND), ranked by relevance
  "小事不出村，大事不出镇"      exact phrase (quotes; never across a paragraph)
  A OR B    -A    NOT A    ( )  boolean logic
  A NEAR B                     A and B in the same sentence
  year:2024  year:2023-2025  province:重庆市  city:  county:丰都县  town:双龙镇
  section:shortcomings (or 不足和原因; also measures, leadership, plans)
  title:法治政府

Matching ignores full/half width, traditional/simplified characters, spaces and
quotation marks: "楓橋經驗" finds 枫桥经验, 八五普法 finds “八五”普法.
See docs/query.md for details.
"""


@main.command(help=SEARCH_HELP)
@click.argument("query", required=False, default="")
@index_option
@click.option("--year", help="A year (2024) or a range (2023-2025).")
@click.option("--province", help="Province, e.g. 重庆市.")
@click.option("--city", help="Prefecture-level city.")
@click.option("--county", help="County or district, e.g. 丰都县.")
@click.option("--town", help="Town, township or subdistrict, e.g. 双龙镇.")
@click.option("--section", help="measures, leadership, shortcomings, plans (or a Chinese label).")
@click.option("--sort", type=click.Choice(["relevance", "year"]), default="relevance", show_default=True)
@click.option("--limit", type=click.IntRange(0, 1000), default=10, show_default=True, help="Hits per page.")
@click.option("--page", type=click.IntRange(1, None), default=1, show_default=True, help="Page of hits to show.")
@click.option("--all", "show_all", is_flag=True, help="Show every hit.")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
def search(query, index_dir, year, province, city, county, town, section, sort, limit, page, show_all, as_json):
    from search.engine import Engine

    index_dir = index_dir or default_index()
    filters = {"year": year, "province": province, "city": city, "county": county,
               "town": town, "section": section}
    try:
        engine = Engine(index_dir)
        answer = engine.search(query, filters, sort=sort, offset=0 if show_all else (page - 1) * limit,
                               limit=None if show_all else limit)
    except (QueryError, IndexDirectoryError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
    else:
        click.echo(format_answer(answer))


@main.command()
@index_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port.")
@click.option("--threads", type=click.IntRange(1, 64), default=4, show_default=True, help="Worker threads.")
def serve(index_dir, host, port, threads):
    """Serve the web UI and JSON API with waitress (a production WSGI server).

    If the index does not exist yet it is first built from the bundled seed reports.
    """
    from waitress import serve as waitress_serve

    from web.app import create_app

    index_dir = index_dir or default_index()
    try:
        if not index_exists(index_dir):
            click.echo(f"no index at {index_dir}: building it from the bundled seeds first", err=True)
            run_build([SEEDS_DIR], index_dir)
        app = create_app({"INDEX_DIR": str(index_dir)})
        with app.app_context():
            from web.app import get_engine

            from index.analysis import segmenter

            stats = get_engine().stats()  # open and warm the index before the first request
            segmenter()  # and jieba's dictionary, which unquoted queries need
    except IndexDirectoryError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    click.echo(f"serving {stats['reports']} reports from {index_dir} at http://{host}:{port}/ "
               "(Ctrl-C to stop)", err=True)
    try:
        waitress_serve(app, host=host, port=port, threads=threads, ident="baogao")
    except OSError as exc:
        click.echo(f"error: cannot listen on {host}:{port} ({exc.strerror or exc})", err=True)
        sys.exit(2)


def format_answer(answer: dict) -> str:
    """Hits and facets as readable text, matches in [brackets] (or bold on a terminal)."""
    from html import unescape

    bold = sys.stdout.isatty()
    mark_open, mark_close = ("\033[1;33m", "\033[0m") if bold else ("[", "]")
    lines = [f"{answer['total']} hit(s) for {answer['query']!r}"]
    for i, hit in enumerate(answer["hits"], start=answer["offset"] + 1):
        place = "".join(p for p in (hit["county"], hit["town"]) if p) or hit["province"] or ""
        section = "、".join(CATEGORY_LABELS[c] for c in hit["categories"])
        lines.append(f"\n{i}. {hit['title']}  {place} {hit['year'] or ''}  {section}")
        lines.append(f"   {hit['url']}  (score {hit['score']})")
        snippet = hit["snippet"].replace("<mark>", mark_open).replace("</mark>", mark_close)
        lines.append("   " + unescape(snippet))
    shown = len(answer["hits"])
    if shown < answer["total"] - answer["offset"]:
        lines.append(f"\n… {answer['total'] - answer['offset'] - shown} more (use --page, --limit N or --all)")
    facets = answer["facets"]
    for name in ("year", "province", "county", "town", "section"):
        if facets.get(name):
            values = "  ".join(f"{CATEGORY_LABELS.get(k, k) if name == 'section' else k} {v}"
                               for k, v in facets[name].items())
            lines.append(f"{name}: {values}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
