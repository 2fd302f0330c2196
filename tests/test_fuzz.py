"""Hostile and random queries: a clear QueryError (CLI exit 2, HTTP 400) or an answer,
never a traceback or a 500, and never a query that runs unbounded."""
import subprocess
import sys
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from baogao.search.query import QueryError
from baogao.search.request import SearchRequest
from baogao.web.app import create_app

PIECES = ['"', "“", "”", "「", "」", "(", ")", "（", "）", "-", ":", "：", " ", "\u3000", "OR", "AND", "NOT",
          "NEAR", "or", "year:", "year:20x4", "year:2024-2023", "county:", "section:foo", "title:", "foo:",
          "年份:", "法治", "枫桥经验", "的", "a", "\u200b", "\u202e", "\x00", "\ud800", "%", "%ZZ", "\\", "*",
          "?", "\n", "😀", "丰都县", "2024"]
queries = st.lists(st.sampled_from(PIECES), max_size=40).map("".join) | st.text(max_size=60)


@pytest.fixture(scope="module")
def client(seed_index):
    return create_app({"INDEX": str(seed_index), "TESTING": True}).test_client()


def test_property_random_queries_answer_or_refuse_clearly(engine, client):
    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(queries, st.sampled_from(["paragraph", "report"]))
    def run(query, group):
        try:
            answer = engine.search(SearchRequest(query, group=group))
            assert answer["total"] >= 0
        except QueryError as exc:
            assert str(exc) and exc.zh
        raw = urlencode({"q": query.encode("utf-8", "surrogatepass"), "group": group})  # as a client sends it
        for path in ("/api/search", "/search"):
            response = client.get(f"{path}?{raw}")
            assert response.status_code in (200, 400), (query, response.status_code)

    run()


@pytest.mark.parametrize("query, message", [
    ("(" * 244 + "法治" + ")" * 244, "nested more than"),
    ("NOT " * 40 + "法治", "nested more than"),
    ("的 NEAR 法 " * 10, "NEAR"),
    ("法 " * 100, "terms"),
    ("\ud800法治", "not valid text"),
])
def test_expensive_or_broken_queries_are_refused_before_they_run(engine, query, message):
    with pytest.raises(QueryError, match=message):
        engine.search(SearchRequest(query))


def test_too_many_filter_values_are_refused(client):
    response = client.get("/api/search?q=法治&" + "&".join(f"year={y}" for y in range(1900, 2000)))
    assert response.status_code == 400 and "filter values" in response.get_json()["error"]


def test_invalid_utf8_on_the_command_line_is_a_clear_error(seed_index):
    result = subprocess.run([sys.executable, "-m", "baogao.cli", "search", b"\xff\xfe\xe6\xb3\x95",
                             "--index", str(seed_index)], capture_output=True, timeout=120)
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert b"not valid text" in result.stderr


def test_a_huge_paragraph_makes_a_bounded_answer_and_page(tmp_path):
    import json

    from baogao.index.build import build_index

    root = tmp_path / "docs"
    root.mkdir()
    paragraph = "法治" * 100 + "依法行政" + "建设" * 300_000 + "枫桥经验" + "。"
    (root / "huge.txt").write_text("关于2024年法治政府建设情况的报告\n一、主要举措和成效\n" + paragraph + "\n",
                                   encoding="utf-8")
    build_index([root], tmp_path / "ix")
    client = create_app({"INDEX": str(tmp_path / "ix"), "TESTING": True}).test_client()
    response = client.get("/api/search?q=%22枫桥经验%22")
    hit = response.get_json()["hits"][0]
    assert len(response.data) < 50_000 and hit["text_length"] == len(paragraph)
    s, e = hit["spans"][0]
    assert hit["text"][s:e] == "枫桥经验" and hit["text_start"] > 0
    assert len(client.get("/search?q=%22枫桥经验%22").data) < 100_000
    assert json.loads(client.get("/api/search?q=依法行政").data)["hits"][0]["text_start"] == 0


def test_a_huge_query_string_is_refused_not_copied_into_every_link(client):
    response = client.get("/search?q=法治&junk=" + "x" * 100_000)
    assert response.status_code == 414 and "请求地址太长" in response.get_data(as_text=True)


def test_a_file_name_with_a_newline_downloads(tmp_path):
    from baogao.index.build import build_index
    from baogao.search.engine import Engine

    root = tmp_path / "docs"
    root.mkdir()
    (root / "bad\nname.txt").write_text("关于2024年法治政府建设情况的报告\n一、主要举措和成效\n普法。\n", encoding="utf-8")
    build_index([root], tmp_path / "ix")
    report_id = Engine(tmp_path / "ix").search(SearchRequest("普法"))["hits"][0]["report_id"]
    client = create_app({"INDEX": str(tmp_path / "ix"), "TESTING": True}).test_client()
    response = client.get(f"/reports/{report_id}/source")
    assert response.status_code == 200 and "\n" not in response.headers["Content-Disposition"]
    response.close()
