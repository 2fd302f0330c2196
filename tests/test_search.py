"""Exact phrases against a substring scan, the query language, facets, ranking, snippets."""
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from baogao.index.analysis import normalise
from baogao.index.build import build_index, report_id_for
from baogao.index.reports import parse_report
from baogao.index.sources import iter_report_files, read_text
from baogao.cli import main
from baogao.search.engine import HIT_FIELDS, Engine
from baogao.search.matching import _most_frequent, top_values
from baogao.search.query import QueryError
from baogao.search.request import SearchRequest
from baogao.search.snippets import html_snippet, match_spans, terminal_snippet

from .conftest import CORPUS, ask, needs_corpora


def blocks_of(paths: list[Path]):
    """[(report_id, n, printed text)] of every searchable block, parsed independently."""
    files, _ = iter_report_files(paths)
    out = []
    for file in files:
        report = parse_report(read_text(file.path), file.source)
        out.extend((report_id_for(file.path), n, text) for n, _, text, _, _ in report.blocks())
    return out


def scan(blocks, phrase: str) -> set:
    """The brute-force answer: blocks whose normalised text contains the phrase."""
    needle = normalise(phrase)
    return {(rid, n) for rid, n, text in blocks if needle in normalise(text)}


def found(engine, query: str) -> set:
    return {(h["report_id"], h["paragraph"]) for h in ask(engine, query, per_page=None)["hits"]}


@pytest.fixture(scope="module")
def seed_blocks(seed_corpus):
    return blocks_of([seed_corpus])


def substrings(blocks):
    """A strategy: a random substring (1-12 characters) of a random block's printed text."""
    return st.integers(0, len(blocks) - 1).flatmap(
        lambda i: st.tuples(st.just(blocks[i][2]), st.integers(0, max(len(blocks[i][2]) - 1, 0)),
                            st.integers(1, 12))
    ).map(lambda t: t[0][t[1]:t[1] + t[2]])


def check_phrase(engine, blocks, phrase):
    assume(phrase and '"' not in phrase and "＂" not in phrase and normalise(phrase))
    assert found(engine, f'"{phrase}"') == scan(blocks, phrase)


def test_property_quoted_substrings_match_a_substring_scan_on_seeds(engine, seed_blocks):
    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(substrings(seed_blocks))
    def run(phrase):
        check_phrase(engine, seed_blocks, phrase)

    run()


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory):
    """The long real reports of the shared corpora, one .txt each (traditional, up to 33k characters)."""
    root = tmp_path_factory.mktemp("cpc")
    for i, line in enumerate(needs_corpora(CORPUS).read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        (root / f"cpc_{i:02d}.txt").write_text(record["title"] + "\n" + record["content"], encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("cpcix") / "ix"
    summary = build_index([root], index_dir)
    assert not summary.failed
    engine = Engine(index_dir)
    yield engine, blocks_of([root])
    engine.close()


def test_property_quoted_substrings_match_a_substring_scan_on_long_real_reports(corpus_index):
    engine, blocks = corpus_index

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(substrings(blocks))
    def run(phrase):
        check_phrase(engine, blocks, phrase)

    run()


def test_traditional_corpus_text_is_found_by_simplified_queries(corpus_index):
    engine, blocks = corpus_index
    traditional = [t for _, _, t in blocks if "報告" in t or "聯合" in t]
    assert traditional, "the corpus holds reports in traditional characters"
    assert found(engine, '"报告"') == scan(blocks, "報告") and found(engine, '"报告"')


@pytest.mark.parametrize("query, must_contain", [
    ('"枫桥经验"', ["枫桥经验"]),
    ('"楓橋經驗"', ["枫桥经验"]),
    ('"八五普法"', ["八五普法"]),
    ('"１２.４"', ["12.4"]),
    ('"小事不出村，大事不出镇"', ["小事不出村,大事不出镇"]),
])
def test_traps_match_the_normalised_scan(engine, seed_blocks, query, must_contain):
    phrase = query.strip('"')
    hits = ask(engine, query, per_page=None)["hits"]
    assert {(h["report_id"], h["paragraph"]) for h in hits} == scan(seed_blocks, phrase)
    assert hits and all(all(m in normalise(h["text"]) for m in must_contain) for h in hits)


def test_fengqiao_town_and_experience_is_not_fengqiao_experience(engine):
    texts = [h["text"] for h in ask(engine, '"枫桥经验"', per_page=None)["hits"]]
    assert "我们学习了枫桥 经验。" in texts  # a stray space breaks nothing
    assert not any("枫桥镇总结经验" in t for t in texts)
    assert any("楓橋經驗" in t for t in texts)  # the traditional report
    assert sum("枫桥经验" in t for t in texts) == 2  # both towns' paragraphs


def test_unquoted_words_are_anded_and_exact_occurrences_rank_first(engine):
    answer = ask(engine, "学法用法", per_page=None)  # jieba: 学法 / 用法
    texts = [normalise(h["text"]) for h in answer["hits"]]
    exact = [i for i, t in enumerate(texts) if "学法用法" in t]
    scattered = [i for i, t in enumerate(texts) if "学法用法" not in t]
    assert exact and scattered, "the seeds hold both kinds"
    assert max(exact) < min(scattered)
    assert all("学法" in t and "用法" in t for t in texts)


def test_boolean_operators_and_near(engine, seed_blocks):
    both = found(engine, '"法律顾问" "公职律师"')
    either = found(engine, '"法律顾问" OR "公职律师"')
    assert both == scan(seed_blocks, "法律顾问") & scan(seed_blocks, "公职律师")
    assert either == scan(seed_blocks, "法律顾问") | scan(seed_blocks, "公职律师")
    assert found(engine, '"法律顾问" -"公职律师"') == scan(seed_blocks, "法律顾问") - scan(seed_blocks, "公职律师")
    assert found(engine, '"法律顾问" NOT "公职律师"') == found(engine, '"法律顾问" -"公职律师"')
    assert found(engine, '("法律顾问" OR "公职律师") "村"') == either & scan(seed_blocks, "村")
    near = ask(engine, "法律 NEAR 宣传", per_page=None)["hits"]
    assert near
    for hit in near:
        sentences = re.split(r"[。！？；!?;]", normalise(hit["text"]))
        assert any("法律" in s and "宣传" in s for s in sentences)


def test_filters_combine_and_match_brute_force(engine):
    everything = ask(engine, '"法治"', per_page=None)["hits"]
    answer = ask(engine, '"法治" year:2024 section:shortcomings', per_page=None)
    expected = [h for h in everything if h["year"] == 2024 and "shortcomings" in h["categories"]]
    assert answer["total"] == len(expected) > 0
    labelled = ask(engine, '"法治"', {"year": "2023-2024", "section": "不足和原因", "county": "丰都县"}, per_page=None)
    assert labelled["total"] == sum(1 for h in everything if h["year"] in (2023, 2024)
                                    and "shortcomings" in h["categories"] and h["county"] == "丰都县") > 0
    assert ask(engine, "town:双龙镇", per_page=None)["total"] == sum(1 for h in everything if h["town"] == "双龙镇") \
        + sum(1 for h in ask(engine, "town:双龙镇 -法治", per_page=None)["hits"])
    assert {h["province"] for h in ask(engine, "法治 province:西藏自治区", per_page=None)["hits"]} == {"西藏自治区"}


def test_title_filter_matches_printed_titles_only(engine):
    hits = ask(engine, 'title:措美县', per_page=None)["hits"]
    assert hits and {h["town"] for h in hits} == {"哲古镇"}
    # 明通镇's report has no printed title; its display title is not matched.
    assert ask(engine, 'title:明通镇', per_page=None)["total"] == 0


def test_facets_count_all_matches_not_the_page(engine):
    answer = ask(engine, "法治", per_page=3)
    hits = ask(engine, "法治", per_page=None)["hits"]
    assert len(answer["hits"]) == 3 and answer["total"] == len(hits)
    assert answer["facets"]["year"] == dict(Counter(str(h["year"]) for h in hits if h["year"]))
    assert answer["facets"]["town"] == dict(Counter(h["town"] for h in hits if h["town"]))
    assert answer["facets"]["section"] == dict(Counter(c for h in hits for c in h["categories"]))


def test_paging_and_sort_by_year(engine):
    all_hits = ask(engine, "法治", per_page=None)["hits"]
    page2 = ask(engine, "法治", per_page=5)  # first page
    assert [(h["report_id"], h["paragraph"]) for h in page2["hits"]] == [(h["report_id"], h["paragraph"]) for h in all_hits[:5]]
    by_year = ask(engine, "法治", sort="year", per_page=None)["hits"]
    years = [h["year"] or 0 for h in by_year]
    assert years == sorted(years, reverse=True)


def test_titles_and_headings_are_hits_with_their_own_numbers(engine):
    hits = ask(engine, '"主要举措"', per_page=None)["hits"]
    assert any(h["block"] == "heading" and h["text"].startswith("一、") for h in hits)
    title = ask(engine, '"关于双龙镇2023年"', per_page=None)["hits"]
    assert [(h["block"], h["paragraph"]) for h in title] == [("title", 3)]  # two issuer lines come first


def test_spans_mark_every_occurrence_in_the_printed_text(engine):
    hit = ask(engine, '"矛盾纠纷"', per_page=1)["hits"][0]
    assert [normalise(hit["text"][s:e]) for s, e in hit["spans"]] == ["矛盾纠纷"] * normalise(hit["text"]).count("矛盾纠纷")
    hit = ask(engine, '"八五普法"', per_page=1)["hits"][0]
    assert [hit["text"][s:e] for s, e in hit["spans"]][0] == "八五”普法"  # the printed characters, quote inside


def test_a_report_page_marks_the_spans_its_hits_mark(engine):
    # The report page and the hit list find spans the same way, on the same printed text.
    for hit in ask(engine, '"八五普法"', per_page=None)["hits"]:
        report = engine.report(hit["report_id"], '"八五普法"')
        start, end = hit["text_start"], hit["text_start"] + len(hit["text"])  # a long block is cut
        shown = [[s - start, e - start] for s, e in report["spans"][str(hit["paragraph"])] if start <= s and e <= end]
        assert shown == hit["spans"] != []


def test_snippets_render_spans_as_escaped_html_and_for_terminals():
    text = "<b>法治</b>" + "，" * 300 + "法治"
    spans = match_spans(text, ["法治"])
    html = html_snippet(text, spans)
    assert html.startswith("&lt;b&gt;<mark>法治</mark>&lt;/b&gt;") and html.count("<mark>") == 2 and "…" in html
    assert "<b>" not in html
    assert terminal_snippet(text, spans, color=False).count("[法治]") == 2
    assert "\033[1;33m法治\033[0m" in terminal_snippet(text, spans, color=True)


def test_json_shape(runner, seed_index):
    result = runner.invoke(main, ["search", '"枫桥经验"', "--index", str(seed_index), "--json", "--limit", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"query", "total", "hits", "facets"}
    assert data["total"] == 4 and len(data["hits"]) == 1
    assert list(data["hits"][0]) == list(HIT_FIELDS)
    assert not data["hits"][0]["source"].startswith("/")  # no server paths
    assert set(data["facets"]) >= {"year", "province", "county", "town", "section"}


@pytest.mark.parametrize("query, message", [
    ('"枫桥经验', "unclosed quotation mark"),
    ("(法治", "never closed"),
    ("法治)", "without its '('"),
    ("法治 OR", "OR needs a term"),
    ("year:20x4", "not a year"),
    ("year:2025-2023", "reversed"),
    ("section:foo", "is not a section"),
    ('""', "empty phrase"),
    ("   ", "empty"),
    ("NEAR 法治", "NEAR"),
    ("法" * 600, "too long"),
])
def test_malformed_queries_get_clear_messages(engine, runner, seed_index, query, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        ask(engine, query)
    result = runner.invoke(main, ["search", query, "--index", str(seed_index)])
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output


def test_cli_readable_output(runner, seed_index):
    result = runner.invoke(main, ["search", "枫桥经验", "--index", str(seed_index), "--county", "丰都县"])
    assert result.exit_code == 0
    assert "1 hit(s)" in result.stdout and "[枫桥经验]" in result.stdout
    assert re.search(r"corpus\d*/001_e2fabbbe98248fdd\.txt ¶\d+", result.stdout)  # file and paragraph


def test_search_help_documents_the_language(runner):
    result = runner.invoke(main, ["search", "--help"])
    for word in ("NEAR", "OR", "year:2023-2025", "section:", "title:", "--sort", "--all", "--json"):
        assert word in result.output


@pytest.mark.parametrize("chinese, english", [
    ("年份:2024 法治", "year:2024 法治"),
    ("年度：2023 法治", "year:2023 法治"),
    ("省:重庆市 法治", "province:重庆市 法治"),
    ("区县:丰都县 法治", "county:丰都县 法治"),
    ("镇：双龙 法治", "town:双龙 法治"),
    ("部分:不足和原因 法治", "section:shortcomings 法治"),
    ("标题:措美县", "title:措美县"),
    ("（法律顾问 OR 公职律师） 年份：2024", "(法律顾问 OR 公职律师) year:2024"),
])
def test_chinese_field_names_full_width_colons_and_parentheses(engine, chinese, english):
    expected = ask(engine, english, per_page=None)
    assert expected["total"] > 0
    assert ask(engine, chinese, per_page=None)["hits"] == expected["hits"]


def test_unknown_fields_are_errors_that_list_the_known_ones(engine, runner, seed_index):
    with pytest.raises(QueryError, match="unknown field 'foo:'.*year:"):
        ask(engine, "foo:bar")
    result = runner.invoke(main, ["search", "foo:bar", "--index", str(seed_index)])
    assert result.exit_code == 2 and "年份:" in result.stderr


@pytest.mark.parametrize("query", ["“依法行政", "依法行政”", '"依法行政', "「依法行政"])
def test_quotation_marks_that_do_not_pair_are_errors(engine, query):
    with pytest.raises(QueryError, match="quotation mark"):
        ask(engine, query)


def test_likely_slips_get_hints_not_silent_empty_answers(engine, runner, seed_index):
    answer = ask(engine, "法治 or 宣传")
    assert answer["total"] == 0 and "write OR in capitals" in answer["hints"][0]["message"]
    answer = ask(engine, "年分:2024")
    assert "'年分:' is not a field" in answer["hints"][0]["message"]
    wrong_level = ask(engine, "city:重庆 法治", per_page=None)
    right_level = ask(engine, "province:重庆市 法治", per_page=None)
    assert wrong_level["total"] == right_level["total"] > 0
    assert "重庆市 is a province-level place" in wrong_level["hints"][0]["message"]
    assert "重庆市" in wrong_level["hints"][0]["zh"] and "省级" in wrong_level["hints"][0]["zh"]
    assert ask(engine, "county:不存在县 法治")["hints"][0]["message"] == "no report's county starts with '不存在县'"
    result = runner.invoke(main, ["search", "法治 or 宣传", "--index", str(seed_index)])
    assert result.exit_code == 0 and result.stdout.startswith("hint: 'or' was searched as a word")


def test_kind_filter_facet_and_hits(engine, runner, seed_index):
    everything = ask(engine, "法治", per_page=None)
    assert everything["facets"]["kind"]["fazhi"] == everything["total"] - everything["facets"]["kind"].get("other", 0)
    fazhi = ask(engine, "法治 kind:fazhi", per_page=None)
    assert fazhi["total"] == everything["facets"]["kind"]["fazhi"] and {h["kind"] for h in fazhi["hits"]} == {"fazhi"}
    assert ask(engine, "法治 类型:法治政府建设报告", per_page=None)["hits"] == fazhi["hits"]
    assert ask(engine, "法治 kind:gongzuo")["total"] == 0
    with pytest.raises(QueryError, match="not a kind of report"):
        ask(engine, "kind:novel")
    result = runner.invoke(main, ["search", "法治", "--kind", "fazhi", "--index", str(seed_index)])
    assert result.exit_code == 0 and "法治政府建设报告" in result.stdout


def test_seeds_are_fazhi_reports(seed_reports):
    assert {r.kind for r in seed_reports.values()} == {"fazhi"}


def test_grouped_answers_count_reports_and_show_their_best_hits(engine):
    paragraphs = ask(engine, "法治", per_page=None)
    by_report = Counter(h["report_id"] for h in paragraphs["hits"])
    grouped = engine.search(SearchRequest("法治", per_page=None, group="report"))
    assert grouped["total"] == paragraphs["total"] and grouped["reports_total"] == len(by_report)
    assert paragraphs["reports_total"] == len(by_report)  # both counts in every answer
    assert {r["report_id"]: r["hits"] for r in grouped["reports"]} == dict(by_report)
    for entry in grouped["reports"]:
        mine = [h for h in paragraphs["hits"] if h["report_id"] == entry["report_id"]]
        assert [h["paragraph"] for h in entry["top"]] == [h["paragraph"] for h in mine[:3]]  # best first
    # reports come in the order of their best hit, and page by report
    firsts = list(dict.fromkeys(h["report_id"] for h in paragraphs["hits"]))
    assert [r["report_id"] for r in grouped["reports"]] == firsts
    page2 = engine.search(SearchRequest("法治", page=2, per_page=2, group="report"))
    assert [r["report_id"] for r in page2["reports"]] == firsts[2:4] and page2["offset"] == 2


def test_multi_select_filters_or_within_and_across_fields_with_disjunctive_facets(engine):
    everything = ask(engine, "法治", per_page=None)
    both = engine.search(SearchRequest("法治", {"year": ("2023", "2024")}, per_page=None))
    assert both["total"] == everything["facets"]["year"]["2023"] + everything["facets"]["year"]["2024"]
    assert both["facets"]["year"] == everything["facets"]["year"]  # other years stay visible, counted as if unfiltered
    narrowed = engine.search(SearchRequest("法治", {"year": ("2023", "2024"), "section": ("plans",)}, per_page=None))
    assert {h["year"] for h in narrowed["hits"]} <= {2023, 2024}
    assert all("plans" in h["categories"] for h in narrowed["hits"])
    # facets of one field are the answer without that field's own filter, with the others kept
    plans_only = engine.search(SearchRequest("法治", {"section": ("plans",)}, per_page=None))
    assert narrowed["facets"]["year"] == plans_only["facets"]["year"]
    assert narrowed["facets"]["section"] == both["facets"]["section"]
    assert narrowed["filters"] == {"year": ["2023", "2024"], "section": ["plans"]}


def test_sorts_newest_and_oldest_and_filter_only_searches(engine):
    newest = [h["year"] for h in ask(engine, "法治", sort="newest", per_page=None)["hits"]]
    oldest = [h["year"] for h in ask(engine, "法治", sort="oldest", per_page=None)["hits"]]
    assert newest == sorted(newest, reverse=True) and oldest == sorted(oldest)
    assert ask(engine, "法治", sort="year", per_page=None)["sort"] == "newest"  # the old name still works
    browse = SearchRequest.from_params({"province": "重庆市", "group": "report"})
    assert browse.sort == "newest"
    years = [r["year"] for r in engine.search(browse)["reports"]]
    assert years == sorted(years, reverse=True) and len(years) == 4


def test_cli_repeated_filters_and_grouping(runner, seed_index):
    result = runner.invoke(main, ["search", "法治", "--year", "2023", "--year", "2025", "--group", "report",
                                  "--index", str(seed_index), "--json"])
    data = json.loads(result.stdout)
    assert data["filters"] == {"year": ["2023", "2025"]} and {r["year"] for r in data["reports"]} == {2023, 2025}
    text = runner.invoke(main, ["search", "法治", "--group", "report", "--index", str(seed_index)]).stdout
    assert re.search(r"\d+ hit\(s\) in \d+ report\(s\)", text) and "hits in this report in all" in text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(1, 4), min_size=1, max_size=30), st.integers(1, 8))
def test_a_facet_cut_keeps_the_values_top_values_keeps(counts, limit):
    # One index cuts its facets with a partition; the order of top_values (most frequent,
    # ties in value order) decides, as it does for shards' summed counts.
    values = [f"v{i:02d}" for i in range(len(counts))]
    codes = np.arange(len(counts))
    kept = _most_frequent(codes, np.array(counts), limit) if len(counts) > limit else codes
    assert [values[i] for i in kept] == sorted(top_values(dict(zip(values, counts)), limit))
