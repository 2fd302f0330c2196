"""The on-disk snapshot: written per commit, matched to its generation, shared by threads."""
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor

from whoosh import index as whoosh_index

from baogao.index.build import INDEX_NAME, build_index
from baogao.index.snapshot import has_snapshot, is_snapshot_file
from baogao.search.engine import Engine

from .conftest import SEEDS, ask

QUERIES = ['"枫桥经验"', "法治", "矛盾纠纷 调解", '"法律顾问" section:shortcomings', "法治 year:2024",
           "法治 -宣传", "法律 NEAR 宣传", "title:法治政府", "治"]


def answers(engine, queries=QUERIES):
    """Every query's total and the (report, paragraph) of all its hits in rank order."""
    return {q: [(h["report_id"], h["paragraph"]) for h in ask(engine, q, per_page=None)["hits"]] for q in queries}


def copy_seeds(target, names=None):
    target.mkdir(exist_ok=True)
    for p in sorted(SEEDS.glob("*.txt")):
        if names is None or p.name in names:
            shutil.copy(p, target / p.name)
    return target


def latest_generation(index_dir):
    return whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME).latest_generation()


def test_each_commit_writes_the_snapshot_of_its_generation_and_drops_older_ones(tmp_path):
    index_dir = tmp_path / "ix"
    build_index([copy_seeds(tmp_path / "a")], index_dir, batch_size=2)
    generation = latest_generation(index_dir)
    assert has_snapshot(index_dir, generation)
    snapshots = sorted(p.name for p in index_dir.glob("snapshot_*"))
    assert snapshots == [f"snapshot_{generation}.cols", f"snapshot_{generation}.json"]
    assert not list(index_dir.glob(".tmp-*"))


def test_answers_are_the_same_from_one_batch_or_many_and_across_commits(tmp_path):
    corpus = copy_seeds(tmp_path / "a")
    one = tmp_path / "one"
    build_index([corpus], one)
    expected = answers(Engine(one))
    assert all(expected[q] for q in ('"枫桥经验"', "法治", "title:法治政府"))

    many = tmp_path / "many"
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    build_index([copy_seeds(tmp_path / "b", names[:2])], many, batch_size=1)
    engine = Engine(many)
    first = engine.backend.shards[0].snapshot().generation
    build_index([copy_seeds(tmp_path / "b")], many, batch_size=1)  # three more commits
    assert engine.backend.shards[0].snapshot().generation == latest_generation(many) > first  # the open engine moved on
    got = answers(engine)
    # Report ids hash the file's path, so compare paragraph numbers per report name.
    strip = lambda a: {q: sorted((rid.rsplit("-", 1)[0], n) for rid, n in hits) for q, hits in a.items()}  # noqa: E731
    assert strip(got) == strip(expected)


def test_a_commit_without_a_snapshot_is_never_read_through_an_older_one(tmp_path):
    """A generation committed by something else than our build (or a build killed between
    its commit and the snapshot) has no snapshot: a running engine keeps answering from
    the generation it has, and a new engine writes the missing snapshot itself."""
    index_dir = tmp_path / "ix"
    corpus = copy_seeds(tmp_path / "a")
    build_index([corpus], index_dir)
    engine = Engine(index_dir)
    before = answers(engine)
    old_generation = engine.backend.shards[0].snapshot().generation

    ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    writer = ix.writer()
    writer.delete_by_term("town", "双龙镇")  # a bare Whoosh commit: no snapshot written
    writer.commit()
    assert not has_snapshot(index_dir, ix.latest_generation())

    assert answers(engine) == before and engine.backend.shards[0].snapshot().generation == old_generation
    fresh = Engine(index_dir)  # writes the snapshot of the new generation
    assert has_snapshot(index_dir, ix.latest_generation())
    assert ask(fresh, "town:双龙镇")["total"] == 0
    assert 0 < len(answers(fresh)['"枫桥经验"']) < len(before['"枫桥经验"'])
    assert ask(engine, "town:双龙镇")["total"] == 0  # and the running engine now moves to it


def test_snapshot_files_are_rewritten_when_deleted(tmp_path):
    """An index built before snapshots existed (no snapshot files) still answers."""
    index_dir = tmp_path / "ix"
    build_index([copy_seeds(tmp_path / "a")], index_dir)
    expected = answers(Engine(index_dir))
    for path in index_dir.iterdir():
        if is_snapshot_file(path.name):
            path.unlink()
    assert answers(Engine(index_dir)) == expected


def test_concurrent_queries_give_the_serial_answers(tmp_path):
    index_dir = tmp_path / "ix"
    build_index([copy_seeds(tmp_path / "a")], index_dir)
    engine = Engine(index_dir)
    serial = {q: ask(engine, q, per_page=None) for q in QUERIES}
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda q: (q, ask(engine, q, per_page=None)), QUERIES * 12))
    assert all(answer == serial[q] for q, answer in results)
    assert len(engine.backend.shards[0].snapshot()._idle) > 1  # the threads really overlapped, each with its own searcher


def test_threads_searching_while_a_build_commits_never_fail_and_never_go_back(tmp_path):
    index_dir = tmp_path / "ix"
    build_index([copy_seeds(tmp_path / "a", ["000_03af5a072e12678a.txt"])], index_dir)
    engine = Engine(index_dir)
    more = tmp_path / "more"
    more.mkdir()
    for i in range(8):
        for p in sorted(SEEDS.glob("*.txt")):
            (more / f"{i}_{p.name}").write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    done = threading.Event()
    seen, errors = [[] for _ in range(6)], []

    def client(totals):
        while not done.is_set():
            try:
                totals.append(ask(engine, '"法治"')["total"])
            except Exception as exc:  # noqa: BLE001 - every failure is the test's finding
                errors.append(repr(exc))

    threads = [threading.Thread(target=client, args=(totals,)) for totals in seen]
    for t in threads:
        t.start()
    try:
        build_index([more], index_dir, batch_size=3, processes=2)
    finally:
        done.set()
        for t in threads:
            t.join()
    assert errors == []
    assert all(totals == sorted(totals) for totals in seen)  # each thread only moves forward
    assert ask(engine, '"法治"')["total"] > min(totals[0] for totals in seen if totals)


def test_a_byte_match_across_two_characters_of_the_utf16_texts_is_no_match(tmp_path):
    """In UTF-16 the bytes of 乀 (40 4E) also occur across 䀁乎 (01 40 | 4E 4E): only a match
    that starts on a character counts, as a substring scan would say."""
    from baogao.search.request import SearchRequest

    (tmp_path / "r.txt").write_text("关于2024年法治政府建设情况的报告\n一、主要举措\n䀁乎相邻。\n二、乀字另起。\n",
                                    encoding="utf-8")
    build_index([tmp_path / "r.txt"], tmp_path / "ix")
    engine = Engine(tmp_path / "ix")
    for query, expected in (('"乀"', ["二、乀字另起。"]), ('"䀁乎"', ["䀁乎相邻。"]), ('"乎相"', ["䀁乎相邻。"])):
        answer = engine.search(SearchRequest(query, per_page=None))
        assert [hit["text"] for hit in answer["hits"]] == expected, query


def test_segments_written_in_utf8_before_and_in_utf16_now_answer_together(tmp_path, monkeypatch):
    """An index built before the texts were UTF-16 keeps its UTF-8 segments; one more build
    adds a UTF-16 segment, and phrases are found in both."""
    import json

    from baogao.index import snapshot
    from baogao.search.request import SearchRequest

    seeds = sorted(SEEDS.glob("*.txt"))
    monkeypatch.setattr(snapshot, "TEXT_ENCODING", "utf-8")
    build_index(seeds[:2], tmp_path / "ix")
    monkeypatch.setattr(snapshot, "TEXT_ENCODING", "utf-16-le")
    build_index(seeds[2:], tmp_path / "ix")
    encodings = {json.loads(p.read_text(encoding="utf-8")).get("encoding") for p in (tmp_path / "ix").glob("seg_*.json")}
    assert encodings == {"utf-8", "utf-16-le"}
    engine = Engine(tmp_path / "ix")
    for phrase in ("府建设", "治政府", "政执法"):  # no jieba word: each candidate's text is checked
        hits = engine.search(SearchRequest(f'"{phrase}"', per_page=None))["hits"]
        expected = sum(phrase in line for path in seeds for line in path.read_text(encoding="utf-8").splitlines())
        assert len(hits) == expected and {h["source"] for h in hits} & {p.name for p in seeds[:2]}, phrase
