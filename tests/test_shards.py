"""Sharded indexes: the same answers as one index, locally and on a Dask LocalCluster.

Random queries (phrases, words, boolean operators, NEAR, filters, sorts, pages, grouping)
are drawn from the corpus's own text and asked of an unsharded index, of the same reports
in 4 shards searched by local worker processes, and of those 4 shards on a LocalCluster of
2 worker processes: the answers (totals, facets, hits, order, scores, snippets) must be
equal, whole (no `partial`), over the seeds and over real documents.
"""
import json
import os
import random
import shutil
import signal
import threading

import pytest
from click.testing import CliRunner

from baogao.cli import main
from baogao.index.analysis import words
from baogao.index.build import IndexDirectoryError, build_index, index_exists
from baogao.index.shards import shard_dirs, shard_of
from baogao.index.whoosh_ext import read_toc
from baogao.search.engine import Engine
from baogao.search.backends import InProcess
from baogao.search.request import SearchRequest
from baogao.web.app import create_app

from .conftest import CORPORA, ROOT, needs_corpora

distributed = pytest.importorskip("distributed")

SORTS = ("relevance", "newest", "oldest")


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster of 2 single-threaded worker processes, for the module."""
    local = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    yield local
    local.close()


def random_queries(engine: Engine, corpus_lines: list[str], count: int, seed: int) -> list[SearchRequest]:
    """`count` random requests over text taken from `corpus_lines` and the index's facets."""
    rng = random.Random(seed)
    facets = engine.search(SearchRequest("", {"kind": ("fazhi", "gongzuo", "other")}, per_page=1))["facets"]

    def phrase() -> str:
        line = rng.choice(corpus_lines)
        start = rng.randrange(max(1, len(line) - 6))
        return line[start:start + rng.randint(1, 6)].replace('"', "")

    def word() -> str:
        found = [w for w in words(rng.choice(corpus_lines)) if len(w) > 1 and w.isalnum()]
        return rng.choice(found) if found else phrase()

    shapes = [
        lambda: f'"{phrase()}"',
        lambda: f"{word()} {word()}",
        lambda: f'"{phrase()}" OR {word()}',
        lambda: f'{word()} -"{phrase()}"',
        lambda: f"{word()} NEAR {word()}",
        lambda: word(),
    ]
    requests = []
    for _ in range(count):
        filters = {}
        for name in ("year", "province", "kind", "section"):
            if facets.get(name) and rng.random() < 0.2:
                filters[name] = tuple(rng.sample(sorted(facets[name]), k=min(2, len(facets[name]))))
        requests.append(SearchRequest(rng.choice(shapes)(), filters, sort=rng.choice(SORTS),
                                      page=rng.randint(1, 3), per_page=rng.choice((3, 10)),
                                      group=rng.choice(("paragraph", "paragraph", "report"))))
    return requests


def corpus_lines(directory) -> list[str]:
    return [line.strip() for path in sorted(directory.rglob("*.txt"))
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if len(line.strip()) > 8]


def assert_same_answers(requests, reference: Engine, *others: Engine):
    for request in requests:
        expected = reference.search(request)
        for other in others:
            assert other.search(request) == expected, request
    assert any(reference.search(r)["total"] for r in requests)  # the draw found something


@pytest.fixture(scope="module")
def seed_indexes(tmp_path_factory, seed_corpus):
    root = tmp_path_factory.mktemp("sharded")
    build_index([seed_corpus], root / "one")
    build_index([seed_corpus], root / "four", shards=4)
    return root / "one", root / "four"


def test_every_report_lives_in_exactly_one_shard_chosen_by_its_id(seed_indexes):
    one, four = seed_indexes
    whole = Engine(one).search(SearchRequest("", {"kind": ("fazhi", "gongzuo", "other")}, per_page=None,
                                             group="report"))
    placed = {}
    for number, shard in enumerate(shard_dirs(four)):
        answer = Engine(shard).search(SearchRequest("", {"kind": ("fazhi", "gongzuo", "other")}, per_page=None,
                                                    group="report"))
        for entry in answer["reports"]:
            assert entry["report_id"] not in placed
            assert shard_of(entry["report_id"], 4) == number
            placed[entry["report_id"]] = number
    assert sorted(placed) == sorted(r["report_id"] for r in whole["reports"])
    assert len(set(placed.values())) > 1  # the seeds really are spread over several shards


def test_sharded_answers_equal_the_unsharded_ones_locally_and_on_a_cluster(seed_indexes, seed_corpus, cluster):
    one, four = seed_indexes
    reference, local = Engine(one), Engine(four)
    on_cluster = Engine(four, cluster=cluster.scheduler_address)
    try:
        requests = random_queries(reference, corpus_lines(seed_corpus), 60, seed=15)
        assert_same_answers(requests, reference, local, on_cluster)
        for engine in (local, on_cluster):
            assert engine.compare("枫桥经验", "province", "year") == reference.compare("枫桥经验", "province", "year")
            assert engine.trend(["法律顾问", '"枫桥经验"']) == reference.trend(["法律顾问", '"枫桥经验"'])
            assert engine.overview() == reference.overview()
            assert engine.stats() == reference.stats()
            hit = reference.search(SearchRequest('"枫桥经验"'))["hits"][0]
            assert engine.similar(hit["report_id"], hit["paragraph"]) == reference.similar(hit["report_id"], hit["paragraph"])
            assert engine.report(hit["report_id"], "枫桥经验") == reference.report(hit["report_id"], "枫桥经验")
            total, rows = engine.export_hits(SearchRequest("法治"), 10_000)
            expected_total, expected = reference.export_hits(SearchRequest("法治"), 10_000)
            assert (total, list(rows)) == (expected_total, list(expected))
    finally:
        on_cluster.close()
        local.close()


def test_facets_cut_by_one_index_equal_the_shards_counts_summed_then_cut(seed_indexes, seed_corpus):
    """An unsharded index cuts each facet to its `facet_limit` values itself; the answer
    must be the one shards give, whose full counts are summed before the cut."""
    one, four = seed_indexes
    requests = random_queries(Engine(one), corpus_lines(seed_corpus), 30, seed=23)
    assert any(len(values) > 2 for r in requests for values in Engine(one).search(r)["facets"].values())
    assert_same_answers(requests, Engine(one, facet_limit=2), Engine(four, facet_limit=2, processes=1))


def test_real_documents_answer_the_same_in_shards(real_corpus, real_index, tmp_path, cluster):
    four = tmp_path / "four"
    build_index([real_corpus], four, shards=4)
    reference, local = Engine(real_index), Engine(four)
    on_cluster = Engine(four, cluster=cluster.scheduler_address)
    try:
        requests = random_queries(reference, corpus_lines(real_corpus), 40, seed=2026)
        assert_same_answers(requests, reference, local, on_cluster)
    finally:
        on_cluster.close()
        local.close()


def test_a_cluster_build_writes_the_same_index(seed_corpus, seed_indexes, tmp_path, cluster):
    one, _ = seed_indexes
    summary = build_index([seed_corpus], tmp_path / "built-on-cluster", shards=3, cluster=cluster.scheduler_address)
    assert summary.added == Engine(one).stats()["reports"] and not summary.failed
    requests = random_queries(Engine(one), corpus_lines(seed_corpus), 20, seed=7)
    assert_same_answers(requests, Engine(one), Engine(tmp_path / "built-on-cluster", processes=1))


def generations(index_dir) -> list[int]:
    from baogao.index.opening import checked_index

    return [read_toc(checked_index(d).storage, "baogao", checked_index(d).schema).generation for d in shard_dirs(index_dir)]


def test_incremental_builds_and_prune_touch_only_the_shards_concerned(tmp_path):
    corpus = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", corpus, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    index_dir = tmp_path / "ix"
    build_index([corpus], index_dir, shards=4)
    before = generations(index_dir)
    changed = sorted(corpus.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n新增一段：枫桥经验再深化。\n", encoding="utf-8")
    summary = build_index([corpus], index_dir)  # the index keeps its 4 shards
    after = generations(index_dir)
    touched = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert summary.updated == 1 and len(touched) == 1
    assert Engine(index_dir).search(SearchRequest('"枫桥经验再深化"'))["total"] == 1

    gone = sorted(corpus.glob("*.txt"))[-1]
    gone.unlink()
    summary = build_index([corpus], index_dir, prune=True)
    again = generations(index_dir)
    assert summary.removed == 1 and sum(a != b for a, b in zip(after, again, strict=True)) == 1
    assert Engine(index_dir).stats()["reports"] == 4


def test_the_cli_builds_and_searches_a_sharded_index(tmp_path):
    runner = CliRunner()
    index_dir = tmp_path / "ix"
    built = runner.invoke(main, ["build", "--index", str(index_dir), "--shards", "3"])
    assert built.exit_code == 0, built.output
    assert (index_dir / "shards.json").is_file()
    answer = json.loads(runner.invoke(main, ["search", '"枫桥经验"', "--index", str(index_dir), "--json"]).output)
    assert answer["total"] > 0 and answer["partial"] == []
    other = runner.invoke(main, ["build", "--index", str(index_dir), "--shards", "2"])
    assert other.exit_code == 2 and "has 3 shard(s), not 2" in other.output and "--rebuild --shards 2" in other.output
    rebuilt = runner.invoke(main, ["build", "--index", str(index_dir), "--shards", "2", "--rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert len(shard_dirs(index_dir)) == 2 and not (index_dir / "shard-02").exists()
    again = json.loads(runner.invoke(main, ["search", '"枫桥经验"', "--index", str(index_dir), "--json"]).output)
    assert again == answer


def test_a_worker_that_dies_during_queries_is_replaced_and_the_answer_stays_whole(seed_indexes, cluster):
    one, four = seed_indexes
    reference = Engine(one).search(SearchRequest('"枫桥经验"', per_page=None))
    engine = Engine(four, cluster=cluster.scheduler_address)
    try:
        client = engine.backend.client
        lost = engine.backend.actors[0]
        victim = lost._address  # the worker holding shard 0's engine
        os.kill(client.run(os.getpid, workers=[victim])[victim], signal.SIGKILL)
        answer = engine.search(SearchRequest('"枫桥经验"', per_page=None))
        assert answer == reference and answer["partial"] == []
        assert engine.backend.actors[0] is not lost  # shard 0 was asked again, of a new actor
    finally:
        engine.close()


def test_an_unreachable_cluster_is_a_clear_error(seed_indexes, tmp_path):
    _, four = seed_indexes
    result = CliRunner().invoke(main, ["search", "法治", "--index", str(four), "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output


def test_a_worker_killed_during_a_cluster_build_leaves_shards_searchable_and_a_rerun_finishes(tmp_path, cluster):
    corpus = needs_corpora(CORPORA / "gongzuo" / "provinces-2025")
    reference = tmp_path / "reference"
    build_index([corpus], reference)
    index_dir = tmp_path / "ix"
    with distributed.Client(cluster) as client:
        pids = list(client.run(os.getpid).values())
    killer = threading.Timer(2.0, os.kill, (pids[0], signal.SIGKILL))  # mid-build: jieba loaded, batches committing
    killer.start()
    try:
        build_index([corpus], index_dir, shards=2, batch_size=2, cluster=cluster.scheduler_address)
    except IndexDirectoryError as exc:  # Dask may also have finished the task on the other worker
        assert "run the build again" in str(exc)
    finally:
        killer.cancel()
    for shard in shard_dirs(index_dir):
        if index_exists(shard):  # a shard whose first commit was never made does not exist yet
            Engine(shard).search(SearchRequest('"高质量发展"'))  # what was committed answers
    summary = build_index([corpus], index_dir, cluster=cluster.scheduler_address)
    assert not summary.failed
    requests = random_queries(Engine(reference), corpus_lines(corpus), 15, seed=31)
    assert_same_answers(requests, Engine(reference), Engine(index_dir, processes=1))


class LosesOneShard(InProcess):
    """Shards in this process, except that one never answers: what the Dask backend reports
    when the worker holding it died and its replacement died too (which a test cannot
    bring about in seconds)."""

    def __init__(self, dirs, lost: int):
        super().__init__(dirs)
        self.lost = lost

    def run(self, calls):
        results, _ = super().run({i: call for i, call in calls.items() if i != self.lost})
        return results, [self.names[self.lost]] if self.lost in calls else []


def test_an_answer_without_a_shard_says_so_and_the_page_warns(seed_indexes):
    one, four = seed_indexes
    query = SearchRequest('"枫桥经验"', per_page=None)
    # Report ids hash the files' paths, so which shard holds hits differs from run to run.
    lost = next(i for i, d in enumerate(shard_dirs(four)) if Engine(d).search(query)["total"])
    app = create_app({"INDEX": str(four), "TESTING": True})
    engine = Engine(four, processes=1)
    engine.backend = LosesOneShard(shard_dirs(four), lost)
    app.extensions["baogao_engine"] = engine
    client = app.test_client()
    whole = Engine(one).search(query)
    answer = client.get("/api/search", query_string={"q": '"枫桥经验"', "per_page": 100}).get_json()
    name = shard_dirs(four)[lost].name
    assert answer["partial"] == [name] and answer["total"] < whole["total"]
    page = client.get("/search", query_string={"q": '"枫桥经验"'}).get_data(as_text=True)
    assert f"分片 {name} 暂时无法响应，以下结果不完整" in page
    refused = client.get("/api/compare", query_string={"q": "枫桥经验", "rows": "province", "cols": "year"})
    assert refused.status_code == 503 and name in refused.get_json()["error"]
