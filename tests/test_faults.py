"""Crash safety, proven by killing `baogao build` with SIGKILL: the whole process group,
the main process alone, or one worker alone, at several points of a build over real files.
After each kill no process is left behind, searches answer from the last commit, a stale
lock never blocks the next build, a build whose worker died never reports success, and the
resumed build ends with exactly the answers of a clean build."""
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from baogao.index.build import index_exists
from baogao.search.engine import Engine

from .conftest import CORPORA, ask, needs_corpora

QUERIES = ['"人民代表大会"', "法治 政府", '"第三十"', "发展 year:2025", '"适用"', "安全 -经济"]
ENV = {**os.environ, "BAOGAO_BUILD_BATCH": "15", "BAOGAO_BUILD_PROCESSES": "2"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, real_corpus):
    """About 80 real files: the 31 provincial 政府工作报告 and 50 laws."""
    root = tmp_path_factory.mktemp("faults") / "docs"
    shutil.copytree(real_corpus / "provinces-2025", root / "provinces-2025")
    (root / "laws").mkdir()
    for path in sorted((real_corpus / "laws").glob("*.txt"))[:50]:
        shutil.copy(path, root / "laws" / path.name)
    return root


def build(corpus: Path, index_dir: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "baogao.cli", "build", str(corpus), "--index", str(index_dir)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
                            start_new_session=True)  # its own process group, to kill as a whole


def answers(index_dir: Path) -> dict:
    engine = Engine(index_dir)
    try:
        return {q: (a["total"], [(h["report_id"], h["paragraph"]) for h in a["hits"]])
                for q in QUERIES for a in [ask(engine, q, per_page=20)]}
    finally:
        engine.close()


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def processes_of(session: int) -> list[int]:
    """Live processes of a session (the build and anything it started)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getsid(int(entry.name)) == session and "zombie" not in (entry / "status").read_text().lower():
                    found.append(int(entry.name))
            except (OSError, ProcessLookupError):
                pass
    return found


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory):
    """The answers of an uninterrupted build, and how many commits it made."""
    index_dir = tmp_path_factory.mktemp("clean") / "ix"
    process = build(corpus, index_dir)
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    return answers(index_dir), committed(index_dir)


def committed(index_dir: Path) -> int:
    """The latest generation committed to the index (its table of contents), 0 for none."""
    return max((int(toc.stem.rsplit("_", 1)[1]) for toc in index_dir.glob("_baogao_*.toc")), default=0)


# When to kill: a little after the build's k-th commit (the files are read in batches of
# 15, so there are several), in the middle of the next batch. Fractions of the clean
# build's time went stale: under parallel tests the clean build could run slower than
# this one, which then finished before the kill.
@pytest.mark.parametrize("victim, commit, delay", [
    ("group", 1, 0.0), ("group", 3, 0.5), ("main", 2, 0.2), ("worker", 1, 0.3), ("worker", 3, 0.0),
])
def test_a_killed_build_leaves_a_searchable_index_and_resumes_to_the_same_answers(
        corpus, clean, tmp_path, victim, commit, delay):
    needs_corpora(CORPORA)
    expected, commits = clean
    assert commits > 3, "the corpus must make enough commits to kill the build between them"
    index_dir = tmp_path / "ix"
    process = build(corpus, index_dir)
    while committed(index_dir) < commit and process.poll() is None:
        time.sleep(0.02)
    time.sleep(delay)
    assert process.poll() is None, "the build finished before the kill"
    if victim == "group":
        os.killpg(process.pid, signal.SIGKILL)
    elif victim == "main":
        os.kill(process.pid, signal.SIGKILL)
    else:
        workers = children(process.pid)
        if not workers:
            process.communicate(timeout=600)
            pytest.skip("no worker process at that moment")
        os.kill(workers[-1], signal.SIGKILL)
    try:
        _, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()  # close the pipes
        pytest.fail("the build hung after one of its processes was killed")
    if victim == "worker":
        # A build whose worker died with work in hand never reports success; a worker killed
        # when its part was done (the pool winding down) loses nothing, so success must
        # mean a complete index.
        if process.returncode == 0:
            assert answers(index_dir) == expected
        else:
            assert "worker process of the build died" in err and "Traceback" not in err
    deadline = time.time() + 10
    while processes_of(process.pid) and time.time() < deadline:  # workers die with the build
        time.sleep(0.2)
    assert processes_of(process.pid) == []
    if index_exists(index_dir):
        partial = answers(index_dir)  # the last commit answers, never a traceback
        assert all(total <= expected[q][0] for q, (total, _) in partial.items())
    resumed = build(corpus, index_dir)
    _, err = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, err  # no stale lock
    assert answers(index_dir) == expected
