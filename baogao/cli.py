"""The `baogao` command line: parse, build, search and serve.

A thin layer above the library: every command calls the same functions the web front end
uses and only formats their plain-data answers for a terminal or as JSON. Option defaults
and help come from the settings table (baogao/settings.py).
"""
from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import click

from baogao import settings
from baogao.index.build import IndexDirectoryError, build_index, index_exists
from baogao.index.reports import CATEGORY_LABELS, PLACE_FIELDS, REPORT_KINDS, parse_file
from baogao.index.sources import SourceError
from baogao.search.query import FILTER_OPTIONS, QueryError
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
@click.option("--json", "as_json", is_flag=True, help="Print the parsed report as JSON.")
def parse(files: tuple[Path, ...], as_json: bool):
    """Parse report FILES (.txt, .docx, .pdf, .html) and print their structure.

    The default output is a readable outline; --json prints title, display_title, issuers,
    doc_number, province, city, county, town, kind, year, published, source, preamble and
    sections (heading, categories, subsections, numbered paragraphs). A file that cannot
    be read is reported on stderr and the exit code is 1; the other files go on.
    """
    failed = 0
    for path in files:
        try:
            report = parse_file(path)
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


def run_build(paths: list[Path], index_dir: Path, prune: bool = False, rebuild: bool = False):
    """Build with a progress bar on a terminal; print failures and a summary to stderr."""
    from tqdm import tqdm

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
        summary = build_index(paths, index_dir, prune=prune, progress=progress, rebuild=rebuild)
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
                   "changed the index format).")
def build(paths: tuple[Path, ...], index: Path | None, prune: bool, rebuild: bool):
    """Index report files and directories (default: the bundled seed reports).

    Incremental: unchanged files are skipped, changed files replace their report. Reports
    are committed in batches, so Ctrl-C or a crash keeps the last good index; searches keep
    working while a build runs. Exit code 1 when any file failed, 2 on an index error.
    """
    index_dir = Path(settings.get("index", index))
    try:
        summary = run_build(list(paths) or [seeds_dir()], index_dir, prune=prune, rebuild=rebuild)
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
    """One option per filter of the query language (--year, --province, …)."""
    for name in reversed(FILTER_OPTIONS):
        command = click.option(f"--{name}", name, help=FILTER_HELP[name])(command)
    return command


@main.command(help=SEARCH_HELP)
@click.argument("query", required=False, default="")
@index_option
@filter_options
@click.option("--sort", type=click.Choice(["relevance", "year"]), default="relevance", show_default=True)
@setting_option("per_page", "--per-page", "--limit")
@click.option("--page", type=click.IntRange(1, None), default=1, show_default=True, help="Page of hits to show.")
@click.option("--all", "show_all", is_flag=True, help="Show every hit.")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON (the /api/search object).")
def search(query, index, sort, per_page, page, show_all, as_json, **filters):
    from baogao.search.engine import Engine
    from baogao.search.request import SearchRequest

    index_dir = Path(settings.get("index", index))
    try:
        params = {"q": query, "sort": sort, "page": page, "per_page": per_page, **filters}
        request = SearchRequest.from_params(params)
        if show_all:
            request = SearchRequest(request.query, request.filters, request.sort, page=1, per_page=None)
        answer = Engine(index_dir).search(request)
    except (QueryError, IndexDirectoryError, settings.SettingError) as exc:
        fail(str(exc))
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
    else:
        click.echo(format_answer(answer, color=sys.stdout.isatty()))


def format_answer(answer: dict, color: bool) -> str:
    """Hits and facets as readable text: file and paragraph number, then the snippet with
    matches in bold (on a terminal) or [brackets]."""
    lines = [f"hint: {hint['message']}" for hint in answer["hints"]]
    lines.append(f"{answer['total']} hit(s) for {answer['query']!r}")
    for i, hit in enumerate(answer["hits"], start=answer["offset"] + 1):
        place = "".join(p for p in (hit["county"], hit["town"]) if p) or hit["province"] or ""
        section = "、".join(CATEGORY_LABELS[c] for c in hit["categories"])
        lines.append(f"\n{i}. {hit['title']}  {place} {hit['year'] or ''}  {REPORT_KINDS[hit['kind']]}  {section}")
        lines.append(f"   {hit['source']} ¶{hit['paragraph']}  (score {hit['score']})")
        lines.append("   " + terminal_snippet(hit["text"], hit["spans"], color))
    shown = len(answer["hits"])
    if shown < answer["total"] - answer["offset"]:
        lines.append(f"\n… {answer['total'] - answer['offset'] - shown} more (use --page, --per-page N or --all)")
    facets = answer["facets"]
    for name in FILTER_OPTIONS:
        if facets.get(name):
            labels = {"section": CATEGORY_LABELS, "kind": REPORT_KINDS}.get(name, {})
            values = "  ".join(f"{labels.get(k, k)} {v}" for k, v in facets[name].items())
            lines.append(f"{name}: {values}")
    return "\n".join(lines)


@main.command()
@index_option
@setting_option("host", "--host")
@setting_option("port", "--port")
@setting_option("threads", "--threads")
def serve(index, host, port, threads):
    """Serve the web UI and JSON API with waitress (a production WSGI server).

    If the index does not exist yet it is first built from the bundled seed reports.
    """
    from waitress import serve as waitress_serve

    from baogao.index.analysis import segmenter
    from baogao.web.app import create_app
    from baogao.web.context import get_engine

    index_dir = Path(settings.get("index", index))
    host, port, threads = settings.get("host", host), settings.get("port", port), settings.get("threads", threads)
    try:
        if not index_exists(index_dir):
            click.echo(f"no index at {index_dir}: building it from the bundled seeds first", err=True)
            run_build([seeds_dir()], index_dir)
        app = create_app({"INDEX": str(index_dir)})
        with app.app_context():
            stats = get_engine().stats()  # open and warm the index before the first request
        segmenter()  # and jieba's dictionary, which unquoted queries need
    except (IndexDirectoryError, settings.SettingError) as exc:
        fail(str(exc))
    click.echo(f"serving {stats['reports']} reports from {index_dir} at http://{host}:{port}/ "
               "(Ctrl-C to stop)", err=True)
    try:
        waitress_serve(app, host=host, port=port, threads=threads, ident="baogao")
    except OSError as exc:
        fail(f"cannot listen on {host}:{port} ({exc.strerror or exc})")


if __name__ == "__main__":
    main()
