"""Incremental, interruptible, single-writer builds."""
import shutil

import pytest
from filelock import FileLock

from baogao.index.build import LOCK_NAME, IndexBusy, build_index
from baogao.cli import main
from baogao.search.engine import Engine

from .conftest import SEEDS, ask


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "reports"
    root.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, root / p.name)
    return root


def urls(engine, query):
    return sorted((h["report_id"], h["paragraph"]) for h in ask(engine, query, per_page=None)["hits"])


def test_incremental_build_skips_replaces_and_prunes(tmp_path, corpus):
    index_dir = tmp_path / "ix"
    first = build_index([corpus], index_dir)
    assert (first.added, first.unchanged) == (5, 0)
    engine = Engine(index_dir)
    before = urls(engine, "法治")

    again = build_index([corpus], index_dir)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    assert urls(engine, "法治") == before  # ids and paragraph numbers are stable

    changed = corpus / "000_03af5a072e12678a.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("珠溪镇将努力创新", "珠溪镇将独特创新词"),
                       encoding="utf-8")
    update = build_index([corpus], index_dir)
    assert (update.updated, update.unchanged) == (1, 4)
    assert ask(engine, '"独特创新词"')["total"] == 1  # the open engine sees the new commit
    assert engine.stats()["reports"] == 5

    (corpus / "002_4cb5d7ebd9b6d720.txt").unlink()
    kept = build_index([corpus], index_dir)
    assert kept.removed == 0 and engine.stats()["reports"] == 5
    pruned = build_index([corpus], index_dir, prune=True)
    assert pruned.removed == 1 and engine.stats()["reports"] == 4
    assert ask(engine, "town:哲古镇")["total"] == 0
    engine.close()


def test_a_replaced_report_shows_its_new_year_and_place(tmp_path, corpus):
    """The replaced version's blocks stay in their old segment, deleted: facets, hits and
    year order follow the new version only."""
    index_dir = tmp_path / "ix"
    build_index([corpus], index_dir)
    changed = corpus / "000_03af5a072e12678a.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("2024", "2021").replace("珠溪镇", "龙水镇"),
                       encoding="utf-8")
    assert build_index([corpus], index_dir).updated == 1
    engine = Engine(index_dir)
    answer = ask(engine, '"龙水镇"', per_page=None)
    assert answer["total"] > 0 and {(h["year"], h["town"]) for h in answer["hits"]} == {(2021, "龙水镇")}
    assert answer["facets"]["year"] == {"2021": answer["total"]} and "珠溪镇" not in answer["facets"]["town"]
    oldest = ask(engine, "法治", sort="oldest", per_page=None)["hits"]
    assert oldest[0]["year"] == 2021 and oldest[0]["town"] == "龙水镇"
    engine.close()


def test_bad_files_fail_alone_and_nothing_indexed_is_lost(tmp_path, corpus):
    index_dir = tmp_path / "ix"
    build_index([corpus], index_dir)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x00garbage\x00")
    (corpus / "broken.docx").write_bytes(b"not a zip")
    summary = build_index([corpus, tmp_path / "missing"], index_dir)
    assert len(summary.failed) == 4 and summary.unchanged == 5
    assert any("empty.txt: the file is empty" in m for m in summary.failed)
    assert any("missing: no such file" in m for m in summary.failed)
    assert Engine(index_dir).stats()["reports"] == 5


def test_interrupted_build_keeps_the_last_good_index(tmp_path, corpus):
    index_dir = tmp_path / "ix"
    seen = []

    def interrupt_after_three(done, total, path):
        if path:
            seen.append(path)
        if len(seen) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_index([corpus], index_dir, progress=interrupt_after_three, batch_size=2, processes=2)
    engine = Engine(index_dir)
    assert engine.stats()["reports"] == 2  # the first batch was committed, the second cancelled
    assert ask(engine, "法治")["total"] > 0
    resumed = build_index([corpus], index_dir)
    assert (resumed.added, resumed.unchanged) == (3, 2)
    assert engine.stats()["reports"] == 5
    engine.close()


def test_a_second_concurrent_build_says_one_is_running(tmp_path, corpus, runner):
    index_dir = tmp_path / "ix"
    build_index([corpus], index_dir)
    with FileLock(str(index_dir / LOCK_NAME)):
        with pytest.raises(IndexBusy, match="another 'baogao build' is running"):
            build_index([corpus], index_dir)
        result = runner.invoke(main, ["build", str(corpus), "--index", str(index_dir)])
        assert result.exit_code == 2 and "another 'baogao build' is running" in result.stderr
        assert ask(Engine(index_dir), "法治")["total"] > 0  # searching still works


def test_cli_build_summary_and_default_index(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert "5 added, 0 updated, 0 unchanged, 0 removed, 0 failed" in result.stderr
    assert (tmp_path / "baogao-index").is_dir()
    monkeypatch.setenv("BAOGAO_INDEX", str(tmp_path / "elsewhere"))
    assert runner.invoke(main, ["build"]).exit_code == 0
    assert (tmp_path / "elsewhere").is_dir()


def test_building_into_a_non_index_directory_is_refused(tmp_path, corpus, runner):
    target = tmp_path / "docs"
    target.mkdir()
    (target / "thesis.txt").write_text("mine")
    result = runner.invoke(main, ["build", str(corpus), "--index", str(target)])
    assert result.exit_code == 2 and "holds no Baogao index" in result.stderr
    assert (target / "thesis.txt").read_text() == "mine"


def test_an_index_of_an_older_layout_asks_for_a_rebuild(tmp_path, corpus, runner, monkeypatch):
    """Whoosh pickles the schema's field types by module path; an index written when those
    modules had other names (index.schema before baogao.index.schema) must not give a
    ModuleNotFoundError traceback, but say how to rebuild, and --rebuild must work."""
    import sys

    from whoosh import fields, index as whoosh_index

    from baogao.index.build import INDEX_NAME

    old = tmp_path / "old_layout"
    old.mkdir()
    (old / "oldschema.py").write_text("from whoosh.fields import TEXT\nclass WORDS(TEXT):\n    pass\n")
    monkeypatch.syspath_prepend(str(old))
    import oldschema

    index_dir = tmp_path / "ix"
    index_dir.mkdir()
    whoosh_index.create_in(str(index_dir), fields.Schema(text=oldschema.WORDS()), indexname=INDEX_NAME)
    monkeypatch.delitem(sys.modules, "oldschema")
    (old / "oldschema.py").unlink()  # the module is gone, as index.schema is after the move

    result = runner.invoke(main, ["search", "法治", "--index", str(index_dir)])
    assert result.exit_code == 2 and "index format changed" in result.stderr and "baogao build --rebuild" in result.stderr
    assert "Traceback" not in result.output
    result = runner.invoke(main, ["build", str(corpus), "--index", str(index_dir)])
    assert result.exit_code == 2 and "--rebuild" in result.stderr
    result = runner.invoke(main, ["build", str(corpus), "--index", str(index_dir), "--rebuild"])
    assert result.exit_code == 0, result.output
    assert ask(Engine(index_dir), '"枫桥经验"')["total"] == 2


def test_rebuild_never_deletes_files_that_are_not_an_index(tmp_path, corpus, runner):
    target = tmp_path / "docs"
    target.mkdir()
    (target / "thesis.txt").write_text("mine")
    result = runner.invoke(main, ["build", str(corpus), "--index", str(target), "--rebuild"])
    assert result.exit_code == 2 and "thesis.txt" in result.stderr
    assert (target / "thesis.txt").read_text() == "mine"


def test_incremental_builds_keep_the_segment_count_bounded(tmp_path, corpus):
    from whoosh import index as whoosh_index

    from baogao.index.build import INDEX_NAME
    from baogao.index.writers import MAX_SEGMENTS

    index_dir = tmp_path / "ix"
    build_index([corpus], index_dir)
    source = (corpus / "001_e2fabbbe98248fdd.txt").read_text(encoding="utf-8")
    counts = []
    for i in range(MAX_SEGMENTS + 3):  # one small report per build
        (corpus / f"extra_{i:02d}.txt").write_text(source.replace("双龙镇", f"新{i:02d}镇"), encoding="utf-8")
        build_index([corpus], index_dir)
        counts.append(len(whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)._segments()))
    assert max(counts) <= MAX_SEGMENTS + 1
    engine = Engine(index_dir)
    assert engine.stats()["reports"] == 5 + MAX_SEGMENTS + 3
    assert ask(engine, '"枫桥经验"')["total"] == 2 + MAX_SEGMENTS + 3  # nothing lost in merges
    engine.close()


def test_searches_keep_working_while_a_build_runs(tmp_path, corpus):
    import threading

    index_dir = tmp_path / "ix"
    build_index([corpus / "000_03af5a072e12678a.txt"], index_dir)
    engine = Engine(index_dir)
    before = ask(engine, "法治")["total"]
    more = tmp_path / "more"
    more.mkdir()
    for i in range(12):  # enough work to search during it
        for p in sorted(SEEDS.glob("*.txt")):
            (more / f"{i:02d}_{p.name}").write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    errors, totals = [], []
    builder = threading.Thread(target=lambda: errors.append(build_index([more], index_dir, batch_size=10)))
    builder.start()
    while builder.is_alive():
        totals.append(ask(engine, "法治")["total"])
    builder.join()
    totals.append(ask(engine, "法治")["total"])
    assert not errors[0].failed
    assert totals[0] >= before and totals == sorted(totals)  # every answer is a committed state
    assert totals[-1] > before and len(totals) > 1
    engine.close()


def test_worker_processes_build_the_same_index_as_one_process(tmp_path):
    from baogao.index.pipeline import MIN_FILES_FOR_WORKERS

    corpus = tmp_path / "many"
    corpus.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(MIN_FILES_FOR_WORKERS + 3):  # enough files for the worker pool
        source = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (corpus / f"{i:02d}.txt").write_text(source.replace("法治", f"法治{i:02d}", 1), encoding="utf-8")
    (corpus / "broken.docx").write_bytes(b"not a zip")  # failures are reported from workers too
    serial = build_index([corpus], tmp_path / "one", processes=1)
    parallel = build_index([corpus], tmp_path / "two", processes=2, batch_size=10)
    assert serial.as_dict() == parallel.as_dict() and len(parallel.failed) == 1
    one, two = Engine(tmp_path / "one"), Engine(tmp_path / "two")
    for query in ['"枫桥经验"', "法治", "法治07", "矛盾纠纷 调解 year:2024", "title:法治政府"]:
        assert ask(one, query, per_page=None) == ask(two, query, per_page=None)
    assert build_index([corpus], tmp_path / "two", processes=2).unchanged == MIN_FILES_FOR_WORKERS + 3
