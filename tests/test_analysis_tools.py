"""Compare, trend, export and similar passages, checked against brute force over the
parsed reports and by reading the exported files back."""
import csv
import io
import json
from collections import defaultdict

import pytest
from openpyxl import load_workbook

from baogao.cli import main
from baogao.index.analysis import normalise
from baogao.index.reports import parse_report
from baogao.index.sources import iter_report_files, read_text
from baogao.search.request import SearchRequest
from baogao.web.app import create_app

from .conftest import ask


@pytest.fixture(scope="module")
def parsed(seed_corpus):
    files, _ = iter_report_files([seed_corpus])
    return [parse_report(read_text(f.path), f.source) for f in files]


def brute_force(reports, phrase, rows, cols):
    """{(row, col): [reports, blocks, population]} counted report by report."""
    needle = normalise(phrase)
    table = defaultdict(lambda: [0, 0, 0])

    def labels(report, dim, section):
        if dim == "section":
            return section.categories if section else []
        value = report.kind if dim == "kind" else getattr(report, dim)
        return [str(value)] if value else []

    for report in reports:
        present, counted = set(), set()
        for _, _, text, section, _ in report.blocks():
            for r in labels(report, rows, section):
                for c in labels(report, cols, section):
                    present.add((r, c))
                    if needle in normalise(text):
                        table[(r, c)][1] += 1
                        counted.add((r, c))
        for cell in present:
            table[cell][2] += 1
        for cell in counted:
            table[cell][0] += 1
    return {cell: tuple(v) for cell, v in table.items()}


@pytest.mark.parametrize("phrase, rows, cols", [
    ("法治", "county", "year"), ("矛盾纠纷", "province", "section"), ("法律顾问", "section", "kind"),
    ("枫桥经验", "town", "year"),
])
def test_compare_cells_equal_a_brute_force_count(engine, parsed, phrase, rows, cols):
    table = engine.compare(f'"{phrase}"', rows, cols)
    got = {(c["row"], c["col"]): (c["reports"], c["paragraphs"], c["population"]) for c in table["cells"]}
    assert got == brute_force(parsed, phrase, rows, cols)
    everything = ask(engine, f'"{phrase}"', per_page=None)
    assert table["total"]["reports"] == everything["reports_total"]
    assert table["total"]["population"] == len(parsed)


def test_trend_equals_a_brute_force_count(engine, parsed):
    trend = engine.trend(['"枫桥经验"', '"法律顾问"'])
    for series in trend["series"]:
        needle = normalise(series["query"].strip('"'))
        for point in series["points"]:
            of_year = [r for r in parsed if r.year == point["year"]]
            matching = [r for r in of_year if any(needle in normalise(t) for _, _, t, _, _ in r.blocks())]
            assert (point["reports"], point["population"]) == (len(matching), len(of_year))
            assert point["share"] == round(len(matching) / len(of_year), 4)


def test_exports_hold_every_hit_with_citations(runner, seed_index, engine, tmp_path):
    everything = ask(engine, '"法律"', per_page=None)["hits"]
    assert len(everything) > 10  # more than a page
    csv_out = runner.invoke(main, ["export", '"法律"', "--index", str(seed_index), "--format", "csv"])
    assert csv_out.exit_code == 0 and csv_out.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(csv_out.stdout.removeprefix("\ufeff"))))
    assert [(r["段落编号"], r["原文"]) for r in rows] == [(str(h["paragraph"]), h["text"]) for h in everything]
    first = everything[0]
    assert rows[0]["引用"].startswith(f"《{first['title']}》（") and rows[0]["引用"].endswith(f"第{first['paragraph']}段")
    assert rows[0]["链接"] == f"/reports/{first['report_id']}#p{first['paragraph']}"
    xlsx = tmp_path / "hits.xlsx"
    assert runner.invoke(main, ["export", '"法律"', "--index", str(seed_index), "--format", "xlsx",
                                "-o", str(xlsx), "--base-url", "http://example.org"]).exit_code == 0
    workbook = load_workbook(xlsx, read_only=True)
    values = list(workbook.active.values)
    workbook.close()
    assert values[0][0] == "报告标题" and len(values) == len(everything) + 1
    assert [v[10] for v in values[1:]] == [h["text"] for h in everything]
    assert values[1][11].startswith("http://example.org/reports/")
    lines = runner.invoke(main, ["export", '"法律"', "--index", str(seed_index), "--format", "jsonl"]).stdout
    assert [json.loads(line)["text"] for line in lines.splitlines()] == [h["text"] for h in everything]


def test_an_export_over_the_cap_is_refused_clearly(engine):
    with pytest.raises(Exception, match="more than an export may hold"):
        engine.export_hits(SearchRequest("法治"), limit=5)


def test_similar_passages_come_from_other_reports(engine, runner, seed_index):
    hit = ask(engine, '"枫桥经验" town:双龙镇')["hits"][0]
    answer = engine.similar(hit["report_id"], hit["paragraph"], limit=5)
    assert answer["similar"] and all(h["report_id"] != hit["report_id"] for h in answer["similar"])
    assert [h["score"] for h in answer["similar"]] == sorted((h["score"] for h in answer["similar"]), reverse=True)
    assert engine.similar(hit["report_id"], 9999) is None
    result = runner.invoke(main, ["similar", hit["report_id"], str(hit["paragraph"]), "--index", str(seed_index), "--json"])
    assert json.loads(result.stdout)["similar"] == answer["similar"]


@pytest.fixture(scope="module")
def client(seed_index):
    return create_app({"INDEX": str(seed_index), "TESTING": True}).test_client()


def test_compare_page_cells_link_to_searches_with_the_same_counts(client):
    import re
    from html import unescape

    html = client.get("/compare?q=法治&rows=county&cols=year").get_data(as_text=True)
    assert 'id="compare-table"' in html and "丰都县" in html and "合计" in html
    links = re.findall(r'<a href="([^"]+)" class="hit-cell"><strong>(\d+)</strong> / (\d+)', html)
    assert len(links) >= 5
    for link, reports, _ in links:
        page = client.get(unescape(link)).get_data(as_text=True)
        assert f'<strong id="reports-total">{reports}</strong>' in page, link
    api = client.get("/api/compare?q=法治&rows=county&cols=year").get_json()
    assert api["rows"] == "county" and api["cells"]


def test_trend_chart_is_an_svg_with_chinese_labels_and_no_outside_requests(client):
    response = client.get("/trend.svg?q=枫桥经验&t=法律顾问")
    svg = response.get_data(as_text=True)
    assert response.mimetype == "image/svg+xml" and "<svg" in svg
    assert "枫桥经验" in svg and "法律顾问" in svg and "年份" in svg
    # pygal inlines its config as a script; no script is fetched, and none runs: an <img>
    # never runs scripts, and the SVG's own policy allows none
    assert "<script" not in svg.replace('<script type="text/javascript">window.pygal', "")
    assert "kozea.github.io" not in svg and 'src="http' not in svg
    assert response.headers["Content-Security-Policy"] == "default-src 'none'; style-src 'unsafe-inline'"
    data = client.get("/api/trend?q=枫桥经验&format=csv").get_data(as_text=True)
    first = client.get("/api/trend?q=枫桥经验").get_json()["series"][0]["points"][0]
    assert data.startswith("\ufeffquery,year,reports,population,share")
    assert f"枫桥经验,{first['year']},{first['reports']},{first['population']},{first['share']}" in data
    assert client.get("/api/trend").status_code == 400


def test_web_export_streams_every_hit(client, engine):
    everything = ask(engine, "法治", per_page=None)["hits"]
    response = client.get("/export?q=法治&format=csv")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).removeprefix("\ufeff"))))
    assert len(rows) == len(everything) + 1 and rows[1][11].startswith("http://localhost/reports/")
    xlsx = client.get("/export?q=法治&format=xlsx")
    workbook = load_workbook(io.BytesIO(xlsx.data), read_only=True)
    assert len(list(workbook.active.values)) == len(everything) + 1
    workbook.close()
    xlsx.close()
    assert client.get("/export?q=法治&format=doc").status_code == 400


def test_similar_page_and_api(client, engine):
    hit = ask(engine, '"枫桥经验" town:双龙镇')["hits"][0]
    page = client.get(f"/reports/{hit['report_id']}/similar/{hit['paragraph']}").get_data(as_text=True)
    assert "其他报告中的类似段落" in page and page.count('class="hit"') >= 1
    report_page = client.get(f"/reports/{hit['report_id']}").get_data(as_text=True)
    assert f"/reports/{hit['report_id']}/similar/{hit['paragraph']}" in report_page
    assert client.get(f"/api/similar?report={hit['report_id']}&p={hit['paragraph']}").get_json()["similar"]
    assert client.get("/api/similar?report=nope&p=1").status_code == 404
