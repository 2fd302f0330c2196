"""The `baogao` command line: parse, build, search and serve.

A thin layer above the library: every command calls the same functions the web front end
uses and only formats their plain-data answers for a terminal or as JSON. Option defaults
and help come from the settings table (baogao/settings.py).
"""
from __future__ import annotations

import csv
import dataclasses
import ipaddress
import json
import os
import socket
import sys
from contextlib import contextmanager, nullcontext
from importlib import resources
from pathlib import Path

import click

from baogao import settings
from baogao.cluster import ClusterError
from baogao.index.errors import IndexDirectoryError
from baogao.index.opening import index_exists
from baogao.index.report_fields import CATEGORY_LABELS, PLACE_FIELDS, REPORT_KINDS
from baogao.index.shards import is_sharded
from baogao.index.sources import SourceError
from baogao.search.backends import ShardUnavailable
from baogao.search.compare import DIMENSIONS
from baogao.search.export import FORMATS, csv_chunks, export_rows, jsonl_chunks, write_xlsx
from baogao.search.query import FILTER_OPTIONS, QueryError
from baogao.search.request import GROUPS, SORT_ALIASES, SORTS, SearchRequest
from baogao.search.snippets import terminal_snippet


def seeds_dir() -> Path:
    """The five bundled seed reports, wherever the package is installed."""
    return Path(str(resources.files("baogao.seeds")))


def setting_option(name: str, *flags: str, **kwargs):
    """A click option whose default and help come from the settings table."""
    setting = settings.BY_NAME[name]
    kwargs.setdefault("type", click.IntRange(setting.minimum, setting.maximum)
                      if isinstance(setting.default, int) else str)
    return click.option(*flags, name, default=None, show_default=False,
                        help=f"{setting.help} [default: {setting.default or 'none'}; env {setting.env}]",
                        **kwargs)


index_option = setting_option("index", "--index", type=click.Path(path_type=Path))
cluster_option = setting_option("cluster", "--cluster")
# A user's mistake or an unreachable part of the system: a message, exit code 2.
USER_ERRORS = (QueryError, IndexDirectoryError, settings.SettingError, ClusterError, ShardUnavailable)


def fail(message: str, code: int = 2):
    """Print `error: message` on stderr and exit with `code`."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


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
@click.option("--json", "as_json", is_flag=True,
              help="Print the parsed report as one JSON value (an array for several files).")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Print one JSON object a line, one per file.")
def parse(files: tuple[Path, ...], as_json: bool, as_jsonl: bool):
    """Parse report FILES (.txt, .docx, .pdf, .html) and print their structure.

    The default output is a readable outline; --json prints kind, title, display_title,
    issuers, doc_number, province, city, county, town, year, published, source, the header
    lines (front), preamble, sections (heading, categories, subsections, numbered
    paragraphs), closing lines and the debris dropped. A file that cannot be read is
    reported on stderr and the exit code is 1; the other files go on.
    """
    # The parser and the build are imported by their commands only: a search starts
    # without their patterns, gazetteer and writers.
    from baogao.index.reports import parse_file

    failed, parsed = 0, []
    for path in files:
        try:
            report = parse_file(path)
        except SourceError as exc:
            click.echo(f"error: {exc}", err=True)
            failed += 1
            continue
        if as_jsonl:
            click.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        elif as_json:
            parsed.append(report.to_dict())
        else:
            click.echo(format_outline(report))
    if as_json and not as_jsonl:
        value = parsed[0] if len(files) == 1 and parsed else parsed
        click.echo(json.dumps(value, ensure_ascii=False, indent=2))
    sys.exit(1 if failed else 0)


def format_outline(report) -> str:
    """A report's metadata and section outline as readable text."""
    data = report.to_dict()
    place = " ".join(data[name] for name in PLACE_FIELDS if data[name])
    lines = [
        f"{data['display_title']}  [{REPORT_KINDS[data['kind']]}]",
        f"  source:     {data['source']}",
        f"  title:      {data['title'] or '(none printed)'}",
        f"  issuers:    {'；'.join(data['issuers']) or '-'}",
        f"  doc number: {data['doc_number'] or '-'}",
        f"  place:      {place or '-'}",
        f"  year:       {data['year'] or '-'}    published: {data['published'] or '-'}",
        *([f"  meeting:    {data['meeting']}"] if data["meeting"] else []),
        *([f"  speaker:    {data['speaker_office'] or ''} {data['speaker']}"] if data["speaker"] else []),
        f"  provenance: {', '.join(f'{k} from {v}' for k, v in data['provenance'].items()) or '-'}",
        f"  header:     {len(data['front'])} line(s) besides the title; "
        f"closing: {len(data['closing'])} line(s); dropped as debris: {len(data['dropped'])}",
        f"  preamble:   {len(data['preamble'])} paragraph(s)",
    ]
    for section in data["sections"]:
        labels = "、".join(CATEGORY_LABELS[c] for c in section["categories"]) or "未分类"
        lines.append(f"  [p{section['n']}] {section['heading']}  〔{labels}〕 "
                     f"{len(section['paragraphs'])} paragraph(s)")
        for sub in section["subsections"]:
            lines.append(f"      · {sub}")
    return "\n".join(lines)


def run_build(paths: list[Path], index_dir: Path, prune: bool = False, rebuild: bool = False,
              shards: int | None = None, cluster: str | None = None):
    """Build with a progress bar on a terminal; print failures and a summary to stderr."""
    from tqdm import tqdm

    from baogao.index.build import build_index

    bar = None

    def progress(done: int, total: int, path: str):
        nonlocal bar
        if not sys.stderr.isatty():
            return
        if bar is None:
            bar = tqdm(total=total, unit="file", desc="indexing", file=sys.stderr, leave=False)
        bar.n = done
        bar.refresh()

    try:
        summary = build_index(paths, index_dir, prune=prune, progress=progress, rebuild=rebuild, shards=shards,
                              cluster=cluster)
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
@click.option("--rebuild", is_flag=True,
              help="Empty the index first and index every file again (after an upgrade that "
                   "changed the index format, or to change --shards).")
@click.option("--shards", type=click.IntRange(1, 256), default=None,
              help="Split a new index into this many shards (docs/cluster.md) [default: 1; an "
                   "existing index keeps its own].")
@cluster_option
def build(paths: tuple[Path, ...], index: Path | None, prune: bool, rebuild: bool, shards: int | None,
          cluster: str | None):
    """Index report files and directories (default: the bundled seed reports).

    Incremental: unchanged files are skipped, changed files replace their report. Reports
    are committed in batches, so Ctrl-C or a crash keeps the last good index; searches keep
    working while a build runs. Exit code 1 when any file failed, 2 on an index error.
    """
    index_dir = Path(settings.get("index", index))
    try:
        summary = run_build(list(paths) or [seeds_dir()], index_dir, prune=prune, rebuild=rebuild, shards=shards,
                            cluster=settings.get("cluster", cluster) or None)
    except (IndexDirectoryError, settings.SettingError) as exc:
        fail(str(exc))
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
  kind:gongzuo (政府工作报告; also fazhi, other)
  section:shortcomings (or 不足和原因; also measures, leadership, plans)
  title:法治政府

Matching ignores full/half width, traditional/simplified characters, spaces and
quotation marks: "楓橋經驗" finds 枫桥经验, 八五普法 finds “八五”普法.
Each hit shows its file and paragraph number (seeds/001.txt ¶5). See docs/query.md.
"""
FILTER_HELP = {
    "year": "A year (2024) or a range (2023-2025).",
    "province": "Province, e.g. 重庆市.",
    "city": "Prefecture-level city.",
    "county": "County or district, e.g. 丰都县.",
    "town": "Town, township or subdistrict, e.g. 双龙镇.",
    "kind": "fazhi (法治政府建设报告), gongzuo (政府工作报告) or other.",
    "section": "measures, leadership, shortcomings, plans (or a Chinese label).",
}


def filter_options(command):
    """One option per filter of the query language (--year, --province, …); repeat one to
    accept several values (OR within a field, AND across fields)."""
    for name in reversed(FILTER_OPTIONS):
        command = click.option(f"--{name}", name, multiple=True,
                               help=FILTER_HELP[name] + " Repeat for several.")(command)
    return command


@main.command(help=SEARCH_HELP)
@click.argument("query", required=False, default="")
@index_option
@cluster_option
@filter_options
@click.option("--sort", type=click.Choice([*SORTS, *SORT_ALIASES]), default=None,
              help="relevance, newest or oldest first (year = newest); default: relevance, or newest "
                   "for a search with filters only.")
@click.option("--group", type=click.Choice(GROUPS), default="paragraph", show_default=True,
              help="List paragraphs, or reports with their best paragraphs.")
@setting_option("per_page", "--per-page", "--limit")
@click.option("--page", type=click.IntRange(1, None), default=1, show_default=True, help="Page of hits to show.")
@click.option("--all", "show_all", is_flag=True, help="Show every hit.")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON (the /api/search object).")
def search(query, index, cluster, sort, group, per_page, page, show_all, as_json, **filters):
    try:
        params = {"q": query, "sort": sort, "group": group, "page": page, "per_page": per_page, **filters}
        request = SearchRequest.from_params(params)
        if show_all:
            request = dataclasses.replace(request, page=1, per_page=None)
    except USER_ERRORS as exc:
        fail(str(exc))
    with engine_for(index, cluster) as engine:
        answer = engine.search(request)
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
    else:
        click.echo(format_answer(answer, color=sys.stdout.isatty()))


def format_answer(answer: dict, color: bool) -> str:
    """Hits and facets as readable text: file and paragraph number, then the snippet with
    matches in bold (on a terminal) or [brackets]."""
    lines = [f"hint: {hint['message']}" for hint in answer["hints"]]
    lines.append(f"{answer['total']} hit(s) in {answer['reports_total']} report(s) for {answer['query']!r}")
    grouped = answer["group"] == "report"
    for i, entry in enumerate(answer["reports"] if grouped else answer["hits"], start=answer["offset"] + 1):
        lines.append(f"\n{i}. {_heading(entry)}")
        for hit in entry["top"] if grouped else [entry]:
            lines.append(f"   {hit['source']} ¶{hit['paragraph']}  (score {hit['score']})")
            lines.append("   " + terminal_snippet(hit["text"], hit["spans"], color))
        if grouped and entry["hits"] > len(entry["top"]):
            lines.append(f"   … {entry['hits']} hits in this report in all")
    shown = len(answer["reports"] if grouped else answer["hits"])
    left = (answer["reports_total"] if grouped else answer["total"]) - answer["offset"] - shown
    if left > 0:
        lines.append(f"\n… {left} more (use --page, --per-page N or --all)")
    facets = answer["facets"]
    for name in FILTER_OPTIONS:
        if facets.get(name):
            labels = {"section": CATEGORY_LABELS, "kind": REPORT_KINDS}.get(name, {})
            values = "  ".join(f"{labels.get(k, k)} {v}" for k, v in facets[name].items())
            lines.append(f"{name}: {values}")
    return "\n".join(lines)


@contextmanager
def engine_for(index: Path | None, cluster: str | None):
    """The engine of the chosen index (on the chosen cluster), closed afterwards; a user's
    error inside exits 2 with the reason."""
    from baogao.search.engine import Engine

    engine = None
    try:
        # One command answers one query: starting worker processes for the shards (≈0.8 s)
        # would cost more than searching them here one after another.
        engine = Engine(Path(settings.get("index", index)), cluster=settings.get("cluster", cluster) or None,
                        processes=1)
        yield engine
    except USER_ERRORS as exc:
        fail(str(exc))
    finally:
        if engine is not None:
            engine.close()


def _filters(filters: dict) -> dict:
    return {name: values for name, values in filters.items() if values}


@main.command()
@click.argument("query")
@index_option
@cluster_option
@filter_options
@click.option("--rows", type=click.Choice(DIMENSIONS), default="province", show_default=True, help="Table rows.")
@click.option("--cols", type=click.Choice(DIMENSIONS), default="year", show_default=True, help="Table columns.")
@click.option("--json", "as_json", is_flag=True, help="Print the /api/compare object.")
@click.option("--csv", "as_csv", is_flag=True, help="Print one CSV row per cell.")
def compare(query, index, cluster, rows, cols, as_json, as_csv, **filters):
    """How many reports match QUERY, by ROWS × COLS (province, city, county, town, year,
    kind, section): each cell shows matching reports of all reports in that cell, and
    the matching paragraphs; rows and columns have totals."""
    with engine_for(index, cluster) as engine:
        table = engine.compare(query, rows, cols, _filters(filters))
    if as_json:
        click.echo(json.dumps(table, ensure_ascii=False, indent=2))
    elif as_csv:
        out = csv.writer(sys.stdout)
        out.writerow([rows, cols, "reports", "paragraphs", "population", "share"])
        for cell in table["cells"]:
            out.writerow([cell["row"], cell["col"], cell["reports"], cell["paragraphs"], cell["population"], cell["share"]])
    else:
        click.echo(format_table(table))


def format_table(table: dict) -> str:
    """The compare table as text: 'reports/population' per cell, totals at the edges."""
    columns = list(table["col_totals"])
    cells = {(c["row"], c["col"]): c for c in table["cells"]}

    def show(entry: dict | None) -> str:
        return f"{entry['reports']}/{entry['population']}" if entry else "-"

    width = max([len(r) for r in table["row_totals"]] + [4]) + 2
    lines = [f"{table['query']!r}: matching reports / reports, by {table['rows']} × {table['cols']}",
             " " * width + "".join(f"{c:>10}" for c in columns) + f"{'all':>10}"]
    for row, total in table["row_totals"].items():
        lines.append(f"{row:<{width}}" + "".join(f"{show(cells.get((row, c))):>10}" for c in columns)
                     + f"{show(total):>10}")
    lines.append(f"{'all':<{width}}" + "".join(f"{show(table['col_totals'][c]):>10}" for c in columns)
                 + f"{show(table['total']):>10}")
    return "\n".join(lines)


@main.command()
@click.argument("queries", nargs=-1, required=True)
@index_option
@cluster_option
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print the /api/trend object.")
@click.option("--csv", "as_csv", is_flag=True, help="Print one CSV row per query and year.")
def trend(queries, index, cluster, as_json, as_csv, **filters):
    """The share of reports per year that match each of QUERIES (at most 5)."""
    with engine_for(index, cluster) as engine:
        answer = engine.trend(list(queries), _filters(filters))
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    out = csv.writer(sys.stdout) if as_csv else None
    if out:
        out.writerow(["query", "year", "reports", "population", "share"])
    for series in answer["series"]:
        for point in series["points"]:
            if out:
                out.writerow([series["query"], point["year"], point["reports"], point["population"], point["share"]])
            else:
                share = f"{point['share']:.0%}" if point["share"] is not None else "-"
                click.echo(f"{series['query']}  {point['year']}  {point['reports']}/{point['population']}  {share}")


@main.command()
@click.argument("query", required=False, default="")
@index_option
@cluster_option
@filter_options
@click.option("--sort", type=click.Choice([*SORTS, *SORT_ALIASES]), default=None, help="Row order (as for search).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
              help="csv (UTF-8 with BOM, opens in Excel), jsonl, or xlsx.")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="File to write (default: standard output; xlsx needs a file).")
@click.option("--base-url", default="", help="Prefix of the permalinks, e.g. http://127.0.0.1:8000.")
def export(query, index, cluster, sort, fmt, output, base_url, **filters):
    """Every hit of QUERY and the filters (not just a page) as rows with citations."""
    with engine_for(index, cluster) as engine:
        request = SearchRequest.from_params({"q": query, "sort": sort, **filters})
        total, hits = engine.export_hits(request, settings.get("export_limit"))
        rows = export_rows(hits, base_url)
        if fmt == "xlsx":
            if output is None:
                fail("--format xlsx needs --output FILE")
            write_xlsx(rows, output)
        else:
            chunks = csv_chunks(rows) if fmt == "csv" else jsonl_chunks(rows)
            with (open(output, "w", encoding="utf-8", newline="") if output else nullcontext(sys.stdout)) as out:
                for chunk in chunks:
                    out.write(chunk)
    click.echo(f"{total} row(s) exported" + (f" to {output}" if output else ""), err=True)


@main.command()
@click.argument("report_id")
@click.argument("paragraph", type=int)
@index_option
@cluster_option
@click.option("--limit", type=click.IntRange(1, 50), default=5, show_default=True, help="How many to show.")
@click.option("--json", "as_json", is_flag=True, help="Print the /api/similar object.")
def similar(report_id, paragraph, index, cluster, limit, as_json):
    """Paragraphs of other reports most like PARAGRAPH (its ¶ number) of REPORT_ID."""
    with engine_for(index, cluster) as engine:
        answer = engine.similar(report_id, paragraph, limit)
    if answer is None:
        fail(f"no paragraph {paragraph} in a report with id {report_id!r}")
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    click.echo(f"like ¶{paragraph}: {answer['text'][:80]}…")
    for i, hit in enumerate(answer["similar"], start=1):
        click.echo(f"\n{i}. {_heading(hit)}\n   {hit['source']} ¶{hit['paragraph']}  (score {hit['score']})\n   "
                   + terminal_snippet(hit["text"], hit["spans"], sys.stdout.isatty()))


def _heading(entry: dict) -> str:
    """A hit's or a report's title line: title, place, year, kind, section tags."""
    place = "".join(p for p in (entry["county"], entry["town"]) if p) or entry["city"] or entry["province"] or ""
    section = "、".join(CATEGORY_LABELS[c] for c in entry["categories"])
    return f"{entry['title']}  {place} {entry['year'] or ''}  {REPORT_KINDS[entry['kind']]}  {section}".rstrip()


@main.command()
@index_option
@setting_option("host", "--host")
@setting_option("port", "--port")
@setting_option("threads", "--threads")
@setting_option("workers", "--workers")
@cluster_option
def serve(index, host, port, threads, workers, cluster):
    """Serve the web UI and JSON API with waitress (a production WSGI server).

    --workers N runs N processes on the one port (default: one per core), each with
    --threads threads; they share the index's snapshot through the OS page cache.
    If the index does not exist yet it is first built from the bundled seed reports.
    """
    from baogao.index.analysis import segmenter
    from baogao.search.engine import Engine
    from baogao.web.app import create_app
    from baogao.web.context import get_engine
    from baogao.web.server import listening_socket
    from baogao.web.server import serve as serve_workers

    index_dir = Path(settings.get("index", index))
    host, port, threads = settings.get("host", host), settings.get("port", port), settings.get("threads", threads)
    workers = settings.get("workers", workers) or os.cpu_count() or 1
    cluster = settings.get("cluster", cluster) or None
    if cluster:  # the shards' engines live on the cluster: one process here holds its client
        workers = 1
    try:  # claim the port first: a busy port is the one message, before anything else
        sock = listening_socket(host, port)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port} ({os.strerror(exc.errno) if exc.errno else exc})")
    try:
        if not (index_exists(index_dir) or is_sharded(index_dir)):
            click.echo(f"no index at {index_dir}: building it from the bundled seeds first", err=True)
            run_build([seeds_dir()], index_dir)
        config = {"INDEX": str(index_dir), "CLUSTER": cluster or ""}
        app = create_app(config)
        if workers == 1:
            with app.app_context():
                stats = get_engine().stats()  # open the index (and write a missing snapshot) once, here
        else:  # open it here without starting worker processes: the forked workers start their own
            engine = Engine(index_dir, processes=1)
            stats = engine.stats()
            engine.close()
        segmenter()  # jieba's dictionary, which unquoted queries need; forked workers share it
    except USER_ERRORS as exc:
        fail(str(exc))
    if not ipaddress.ip_address(socket.gethostbyname(host)).is_loopback:
        click.echo(f"warning: listening on {host}, so other machines can search this index and download "
                   "the original files of its reports", err=True)
    click.echo(f"serving {stats['reports']} reports from {index_dir} at http://{host}:{port}/ "
               f"with {workers} worker process(es) (Ctrl-C to stop)", err=True)
    # Waiting for a slow client costs waitress a connection, not a thread; a high connection
    # limit keeps a trickle of slow clients (slowloris) from locking everyone else out.
    options = {"connection_limit": settings.get("connection_limit"), "channel_timeout": settings.get("channel_timeout")}
    if workers == 1:
        serve_workers(lambda: app, sock, threads, workers, **options)
    else:  # each worker opens the index itself after the fork
        serve_workers(lambda: create_app(config), sock, threads, workers, **options)


if __name__ == "__main__":
    main()
