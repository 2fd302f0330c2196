"""Routes and API through Flask's test client, on the session's seed index."""
import json
import re
import shlex
import shutil

import pytest

from baogao.index.build import build_index
from baogao.web.app import create_app

from .conftest import SEEDS, ask


@pytest.fixture(scope="module")
def client(seed_index):
    app = create_app({"INDEX": str(seed_index), "TESTING": True})
    return app.test_client()


def test_api_search_answers_like_the_library(client, engine):
    for query in ('"枫桥经验"', "矛盾纠纷 year:2024", "法治 -宣传"):
        api = client.get("/api/search", query_string={"q": query, "per_page": 5}).get_json()
        assert api == ask(engine, query, per_page=5)


def test_api_and_cli_give_the_same_answers(client, runner, seed_index):
    from baogao.cli import main

    for query, options in (('"枫桥经验"', []), ("法治", ["--year", "2024", "--section", "plans"]),
                           ("矛盾纠纷 OR 法律顾问", ["--page", "2", "--limit", "3"])):
        cli = json.loads(runner.invoke(main, ["search", query, "--index", str(seed_index), "--json", *options]).stdout)
        params = {"q": query, **{options[i][2:]: options[i + 1] for i in range(0, len(options), 2)}}
        if "limit" in params:
            params["per_page"] = params.pop("limit")
        api = client.get("/api/search", query_string=params).get_json()
        assert api == cli  # the same object, from one function


def test_answers_never_show_server_paths(client, seed_index):
    answer = client.get("/api/search?q=法治&per_page=100").data.decode()
    report_id = json.loads(answer)["hits"][0]["report_id"]
    report = client.get(f"/api/reports/{report_id}").data.decode()
    page = client.get(f"/reports/{report_id}").data.decode()
    for text in (answer, report, page):
        assert str(seed_index.parent.parent) not in text and "/tmp/" not in text
    assert json.loads(report)["source"].startswith("corpus")  # relative to what was built


def test_api_filters_and_paging(client):
    first = client.get("/api/search?q=法治&section=不足和原因&year=2024&per_page=2").get_json()
    second = client.get("/api/search?q=法治&section=不足和原因&year=2024&per_page=2&page=2").get_json()
    assert first["total"] == second["total"] > 2
    assert all(h["year"] == 2024 and "shortcomings" in h["categories"] for h in first["hits"] + second["hits"])
    assert {(h["report_id"], h["paragraph"]) for h in first["hits"]}.isdisjoint({(h["report_id"], h["paragraph"]) for h in second["hits"]})


@pytest.mark.parametrize("url, status, message", [
    ("/api/search?q=%22unclosed", 400, "unclosed quotation mark"),
    ("/api/search?q=法治&per_page=101", 400, "per_page must be between 1 and 100"),
    ("/api/search?q=法治&page=0", 400, "page must be between"),
    ("/api/search?q=" + "法" * 501, 400, "too long"),
    ("/api/search?q=法治&sort=random", 400, "unknown sort"),
    ("/api/search", 400, "empty"),
    ("/api/reports/no-such-report", 404, "no report"),
    ("/api/nothing-here", 404, ""),
])
def test_api_errors_are_json(client, url, status, message):
    response = client.get(url)
    assert response.status_code == status and response.is_json
    assert message in response.get_json()["error"]


def test_api_report_and_openapi(client, engine):
    hit = ask(engine, '"枫桥经验"', per_page=1)["hits"][0]
    report = client.get(f"/api/reports/{hit['report_id']}").get_json()
    assert report["id"] == hit["report_id"] and report["sections"]
    paragraphs = {p["n"]: p["text"] for s in report["sections"] for p in s["paragraphs"]}
    assert paragraphs[hit["paragraph"]] == hit["text"]
    spec = client.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.") and {"/api/search", "/api/reports/{report_id}"} <= set(spec["paths"])


def test_search_page(client, engine):
    html = client.get("/search", query_string={"q": '"枫桥经验"', "group": "paragraph"}).get_data(as_text=True)
    assert 'value="&#34;枫桥经验&#34;"' in html or 'value="&quot;枫桥经验&quot;"' in html
    assert html.count('class="hit"') == 4 and "<mark>枫桥经验</mark>" in html
    assert "双龙镇" in html and "大进镇" in html and "主要举措和成效" in html
    assert "?q=%22%E6%9E%AB%E6%A1%A5%E7%BB%8F%E9%AA%8C%22&amp;group=paragraph#p" in html  # hits link to the paragraph
    grouped = client.get("/search", query_string={"q": '"枫桥经验"'}).get_data(as_text=True)  # the default view
    answer = ask(engine, '"枫桥经验"')
    assert f'在 <strong id="reports-total">{answer["reports_total"]}</strong> 份报告中找到 <strong id="total">4</strong> 处' in grouped
    assert grouped.count('class="report-hit"') == answer["reports_total"] and "本报告全部" in grouped


def test_facet_links_combine_toggle_and_chips_remove(client):
    html = client.get("/search?q=法治&year=2024").get_data(as_text=True)
    assert "年份：2024" in html and "清除全部" in html
    assert "q=%E6%B3%95%E6%B2%BB&amp;year=2024&amp;section=shortcomings" in html  # AND across fields
    assert "q=%E6%B3%95%E6%B2%BB&amp;year=2024&amp;year=2023" in html  # OR within a field
    assert 'href="/search?q=%E6%B3%95%E6%B2%BB" title="移除此条件"' in html
    assert 'aria-checked="true"' in html  # the chosen value is marked


def test_empty_states_and_errors_help(client):
    none = client.get("/search?q=%22没有这样的短语啊%22").get_data(as_text=True)
    assert "没有找到匹配的内容" in none and "去掉引号" in none
    bad = client.get("/search?q=%22unclosed")
    assert bad.status_code == 400 and "引号没有闭合" in bad.get_data(as_text=True)
    missing = client.get("/no-such-page")
    assert missing.status_code == 404 and "页面不存在" in missing.get_data(as_text=True)
    assert "查询语法" in client.get("/help").get_data(as_text=True)
    assert client.get("/reports/nope").status_code == 404


def test_report_page_marks_the_query_and_anchors_paragraphs(client, engine):
    hit = ask(engine, '"枫桥经验" town:双龙镇', per_page=1)["hits"][0]
    response = client.get(f"/reports/{hit['report_id']}", query_string={"q": '"枫桥经验"'})
    html = response.get_data(as_text=True)
    assert f'id="p{hit["paragraph"]}"' in html and "<mark>枫桥经验</mark>" in html
    assert "目录" in html and "双龙委文〔2024〕9号" in html and "中共丰都县双龙镇委员会" in html
    download = client.get(f"/reports/{hit['report_id']}/source")
    assert download.status_code == 200 and "attachment" in download.headers["Content-Disposition"]
    assert "双龙委文〔2024〕9号" in download.get_data(as_text=True)
    download.close()


def test_security_headers_everywhere(client):
    for url in ("/", "/search?q=法治", "/api/search?q=法治", "/nope"):
        response = client.get(url)
        assert "default-src 'self'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_hostile_report_text_and_queries_are_escaped(tmp_path):
    root = tmp_path / "reports"
    root.mkdir()
    (root / "xss.txt").write_text(
        "关于2024年法治政府建设情况的报告\n一、主要举措和成效\n"
        "我们<script>alert(1)</script>开展<img src=x onerror=alert(2)>普法工作。\n", encoding="utf-8")
    build_index([root], tmp_path / "ix")
    client = create_app({"INDEX": str(tmp_path / "ix"), "TESTING": True}).test_client()
    html = client.get("/search?q=普法").get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    report_id = client.get("/api/search?q=普法").get_json()["hits"][0]["report_id"]
    page = client.get(f"/reports/{report_id}?q=%3Cscript%3E").get_data(as_text=True)
    assert "<script>" not in page and "<img src=x" not in page
    echoed = client.get("/search?q=%3Cscript%3Ealert(3)%3C/script%3E").get_data(as_text=True)
    assert "<script>alert(3)" not in echoed


def test_the_web_never_writes_to_the_index(tmp_path):
    root = tmp_path / "reports"
    shutil.copytree(SEEDS, root)
    build_index([root], tmp_path / "ix")
    before = sorted((p.name, p.stat().st_mtime_ns) for p in (tmp_path / "ix").iterdir())
    client = create_app({"INDEX": str(tmp_path / "ix"), "TESTING": True}).test_client()
    for url in ("/", "/search?q=法治", "/api/search?q=法治", "/api/reports/x"):
        client.get(url)
    assert client.post("/api/search?q=法治").status_code == 405
    assert sorted((p.name, p.stat().st_mtime_ns) for p in (tmp_path / "ix").iterdir()) == before


def test_missing_index_is_a_clear_error(tmp_path):
    client = create_app({"INDEX": str(tmp_path / "none"), "TESTING": True}).test_client()
    response = client.get("/api/search?q=法治")
    assert response.status_code == 503 and "baogao build" in response.get_json()["error"]


def test_hints_and_unknown_fields_on_the_page_and_the_api(client):
    page = client.get("/search?q=法治 or 宣传").data.decode()
    assert "提示：“or”被当作普通词检索" in page
    response = client.get("/search?q=foo:bar")
    assert response.status_code == 400 and "不支持的字段“foo:”" in response.data.decode()
    api = client.get("/api/search?q=foo:bar")
    assert api.status_code == 400 and "unknown field" in api.get_json()["error"]
    assert client.get("/api/search?city=重庆&q=法治").get_json()["hints"][0]["message"].startswith("重庆市")


def test_every_example_on_the_home_and_help_pages_finds_something(client):
    from html import unescape

    links = set()
    for page in ("/", "/help", "/search"):
        html = client.get(page).get_data(as_text=True)
        links |= {unescape(h) for h in re.findall(r'class="example(?:-link)?" href="([^"]+)"', html)}
    assert len(links) >= 15
    for link in links:
        html = client.get(link).get_data(as_text=True)
        found = re.search(r'找到 <strong id="total">(\d+)</strong> 处', html)
        assert found and int(found.group(1)) > 0, link


def test_readme_search_examples_find_something(runner, seed_index):
    from baogao.cli import main

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"^baogao search (.+?)(?:\s+#.*)?$", readme, re.M)
    assert len(examples) >= 3
    for example in examples:
        args = shlex.split(example)
        result = runner.invoke(main, ["search", *args, "--index", str(seed_index), "--json"])
        assert result.exit_code == 0, (example, result.output)
        answer = json.loads(result.stdout)
        assert answer["total"] > 0 and answer.get("hits", answer.get("reports")), example


def test_a_page_past_the_end_says_so(client):
    html = client.get("/search?q=法治&page=99").get_data(as_text=True)
    assert "第 99 页超出了结果范围" in html and "转到最后一页" in html
    assert "第 99 / " not in html


def test_browse_the_corpus_without_a_query(client):
    home = client.get("/").get_data(as_text=True)
    for place in ("重庆市", "丰都县", "双龙镇", "西藏自治区", "山南市"):
        assert place in home
    assert "按年份" in home and "2024年" in home and "法治政府建设报告" in home
    listing = client.get("/search?province=重庆市&sort=newest").get_data(as_text=True)
    years = [int(y) for y in re.findall(r"<span>(\d{4})年</span>", listing)]
    assert len(years) == 4 and years == sorted(years, reverse=True)


def test_editing_the_query_keeps_the_filters_unless_asked_not_to(client):
    kept = client.get("/search?q=宣传&year=2024&from_box=1&keep=1").get_data(as_text=True)
    assert "年份：2024" in kept
    dropped = client.get("/search?q=宣传&year=2024&from_box=1").get_data(as_text=True)
    assert "年份：2024" not in dropped
    form = client.get("/search?q=法治&year=2024").get_data(as_text=True)
    assert '<input type="hidden" name="year" value="2024">' in form and "在结果中检索" in form


def test_year_range_form_and_report_page_navigation(client, engine):
    html = client.get("/search?q=法治&year_from=2023&year_to=2024").get_data(as_text=True)
    assert "年份：2023-2024" in html
    hit = ask(engine, "法治 town:双龙镇")["hits"][0]
    page = client.get(f"/reports/{hit['report_id']}?q=法治&year=2023&page=2").get_data(as_text=True)
    report = engine.report(hit["report_id"], "法治")
    assert f'共 <strong id="hit-count">{len(report["hits"])}</strong> 处' in page
    assert page.count("hit-block") == len(report["hits"]) > 1
    assert 'href="/search?q=%E6%B3%95%E6%B2%BB&amp;year=2023&amp;page=2"' in page  # back to the same results
    assert "复制引用" in page and "》（重庆市丰都县双龙镇，2023）第" in page


def test_serve_on_a_busy_port_says_so_first_and_only(runner, tmp_path):
    import socket

    from baogao.cli import main

    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = runner.invoke(main, ["serve", "--port", str(port), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error: cannot listen on 127.0.0.1:{port} (Address already in use)"]
    assert not (tmp_path / "ix").exists()  # nothing was built before the port was known to be free


def test_a_flattened_pages_outline_points_into_its_one_line(tmp_path):
    root = tmp_path / "reports"
    root.mkdir()
    line = ("政府工作报告 ——2020年1月8日在某区第十届人民代表大会第四次会议上 区长 王五 各位代表: 现在，我代表区人民政府向大会报告工作，"
            "请予审议。 一、2019年工作回顾 2019年，全区经济平稳增长，" + "各项事业全面进步，" * 30 + "人民生活持续改善。 "
            "二、2020年工作安排 2020年是全面建成小康社会之年。")
    (root / "flattened.txt").write_text(line + "\n", encoding="utf-8")
    build_index([root], tmp_path / "ix")
    client = create_app({"INDEX": str(tmp_path / "ix"), "TESTING": True}).test_client()
    report_id = client.get("/api/search?q=%22全区经济平稳增长%22").get_json()["hits"][0]["report_id"]
    page = client.get(f"/reports/{report_id}").get_data(as_text=True)
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    outline = article.split('<nav class="outline"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'<a href="#p(\d+)">([^<]+)</a>', outline) == [("1", "一、2019年工作回顾"), ("1", "二、2020年工作安排")]
    # the line, once, as the title's block that the links point to: no heading blocks of their own
    assert article.count("全区经济平稳增长") == 1 and article.count('id="p1"') == 1
