"""The on-disk snapshot: written per commit, matched to its generation, shared by threads."""
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from baogao.index.analysis import normalise
from baogao.index.build import INDEX_NAME, IndexDirectoryError, build_index
from baogao.index.report_fields import paragraphs_of
from baogao.index.reports import parse_report
from baogao.index.snapshot import has_snapshot, is_snapshot_file
from baogao.search.engine import Engine

from .conftest import SEEDS, ask, seed_text

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


def hit_texts(engine, queries=QUERIES):
    """Every query's hits as printed, in rank order."""
    return {q: [h["text"] for h in ask(engine, q, per_page=None)["hits"]] for q in queries}


def test_an_index_built_before_snapshots_existed_still_answers(tmp_path, monkeypatch):
    """Segments written before writers wrote snapshot files stored each block's printed
    text and had no snapshot files: their snapshot is written from the stored texts."""
    import baogao.index.build as build

    index_dir = tmp_path / "ix"
    build_index([copy_seeds(tmp_path / "a")], index_dir)
    expected, expected_texts = answers(Engine(index_dir)), hit_texts(Engine(index_dir))
    older = tmp_path / "older"
    monkeypatch.setattr(build, "normalised_and_patch", lambda text: (normalise(text), text))  # the printed text stored
    build_index([copy_seeds(tmp_path / "a")], older)
    for path in older.iterdir():
        if is_snapshot_file(path.name):
            path.unlink()
    engine = Engine(older)
    assert answers(engine) == expected  # the same files: the same report ids
    assert hit_texts(engine) == expected_texts


def test_an_index_whose_texts_are_deleted_says_so(tmp_path):
    """Since a block's stored fields hold only the edits back to its printed text, the
    snapshot's texts are part of the index: without them, a clear error, not wrong hits."""
    index_dir = tmp_path / "ix"
    build_index([copy_seeds(tmp_path / "a")], index_dir)
    for path in index_dir.iterdir():
        if is_snapshot_file(path.name):
            path.unlink()
    with pytest.raises(IndexDirectoryError, match="are gone; run 'baogao build --rebuild'"):
        ask(Engine(index_dir), '"枫桥经验"')


@pytest.mark.parametrize("second_build", ["prune", "add with 2 processes"])
def test_merged_segments_keep_every_block_as_printed(tmp_path, monkeypatch, second_build):
    """A build's last commit merges segments past MAX_SEGMENTS (here 2), in the writer
    that deletes pruned reports or in the parent of the parallel writers: every block of
    every report reads back as the parser printed it, its normalised text taken from the
    snapshot files of the segment it was merged from."""
    import baogao.index.writers as writers

    corpus = copy_seeds(tmp_path / "a")
    (corpus / "extra.txt").write_text(seed_text("001_e2fabbbe98248fdd.txt").replace("双龙镇", "新镇"), encoding="utf-8")
    index_dir = tmp_path / "ix"
    build_index([corpus], index_dir, batch_size=1)  # a segment per report
    monkeypatch.setattr(writers, "MAX_SEGMENTS", 2)
    if second_build == "prune":
        (corpus / "extra.txt").unlink()
        build_index([corpus], index_dir, prune=True)
    else:
        (corpus / "extra.txt").write_text(seed_text("001_e2fabbbe98248fdd.txt").replace("双龙镇", "旧镇"), encoding="utf-8")
        build_index([corpus], index_dir, processes=2)
    engine = Engine(index_dir)
    assert len(engine.backend.shards[0].snapshot().files.header["segments"]) <= 3  # six, merged
    report_ids = sorted({h["report_id"] for h in ask(engine, "法治", per_page=None)["hits"]})
    assert len(report_ids) == (5 if second_build == "prune" else 6)
    for report_id in report_ids:
        report = engine.report(report_id)
        path = corpus / Path(report["source"]).name
        parsed = parse_report(path.read_text(encoding="utf-8"), report["source"]).to_dict()
        assert [p["text"] for p in paragraphs_of(report)] == [p["text"] for p in paragraphs_of(parsed)]


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


def _written_before(index_dir):
    """Rewrite a new index's snapshot files as the previous release wrote them: bigram
    documents in one array ("docs"), 8-byte text offsets and a facet code per block in the
    segments' columns and in the generation's columns (no "per_report")."""
    import json

    import numpy as np

    from baogao.index import snapshot
    from baogao.index.bigrams import BigramPostings

    def downgraded(local_codes, report_of_block):
        return {name: np.asarray(codes, dtype=np.int32)[report_of_block] for name, codes in local_codes.items()}

    for meta_path in index_dir.glob("seg_*.json"):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        local = np.load(meta_path.with_suffix(".npy"))
        codes = downgraded(meta.pop("report_codes"), local["report"])
        old = np.zeros(len(local), dtype=[(n, "<i8" if n in ("start", "end") else local.dtype[n].str)
                                          for n in local.dtype.names] + [(n, "<i4") for n in codes])
        for name in local.dtype.names:
            old[name] = local[name]
        for name, column in codes.items():
            old[name] = np.where(local["is_block"], column, 0)
        np.save(meta_path.with_suffix(".npy"), old)
        grams_path = meta_path.with_suffix(".grams")
        arrays = {k: np.array(v) for k, v in snapshot._mapped_arrays(grams_path, meta["bigrams"]).items()}
        postings = BigramPostings(arrays)
        count = len(arrays["starts"]) - 1
        docs = [postings.documents(chr(f) + chr(s)) for f, (low, high) in
                zip(arrays["firsts"].tolist(), zip(arrays["first_starts"][:-1].tolist(),
                                                   arrays["first_starts"][1:].tolist())) for s in
                arrays["seconds"][low:high].tolist()]
        assert len(docs) == count
        for name in ("bases", "gap_offsets", "varints"):
            del arrays[name]
        arrays["docs"] = np.concatenate(docs).astype(np.uint32) if docs else np.zeros(0, dtype=np.uint32)
        meta["bigrams"] = snapshot._write_arrays(grams_path, arrays)
        meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    for header_path in index_dir.glob("snapshot_*.json"):
        header = json.loads(header_path.read_text(encoding="utf-8"))
        columns = {k: np.array(v) for k, v in snapshot._mapped_arrays(header_path.with_suffix(".cols"),
                                                                       header["columns"]).items()}
        by_report = {name: columns.pop(name) for name in header.pop("per_report")}
        columns.update(downgraded(by_report, columns["report_rank"]))
        years = np.array([0, *(int(y) for y in header["values"]["year"])], dtype=np.int32)
        columns["year_number"] = years[columns["year"]]
        columns["start"], columns["end"] = columns["start"].astype("<i8"), columns["end"].astype("<i8")
        header["columns"] = snapshot._write_arrays(header_path.with_suffix(".cols"), columns)
        header["bigrams"] = [json.loads((index_dir / f"seg_{s}.json").read_text(encoding="utf-8"))["bigrams"]
                             for s in header["segments"]]
        header_path.write_text(json.dumps(header, ensure_ascii=False), encoding="utf-8")


def test_snapshots_written_before_answer_as_new_ones(tmp_path):
    """Indexes written before facet codes were kept per report and bigram documents as
    gaps answer as before, and keep doing so after a build adds a segment of the new
    layout: hits, totals, facets, comparisons and year order."""
    from baogao.search.request import SearchRequest

    seeds = sorted(SEEDS.glob("*.txt"))
    build_index(seeds[:3], tmp_path / "new")
    requests = [SearchRequest(q, {}, sort, 1, None) for q in QUERIES for sort in ("relevance", "newest", "oldest")]
    expected = [Engine(tmp_path / "new").search(r) for r in requests]
    shutil.copytree(tmp_path / "new", tmp_path / "old")
    _written_before(tmp_path / "old")
    assert [Engine(tmp_path / "old").search(r) for r in requests] == expected
    compared = Engine(tmp_path / "new").compare("法治", "province", "year")
    assert Engine(tmp_path / "old").compare("法治", "province", "year") == compared
    for name in ("new", "old"):
        build_index(seeds[3:], tmp_path / name)
    assert [Engine(tmp_path / "old").search(r) for r in requests] == [Engine(tmp_path / "new").search(r)
                                                                      for r in requests]
