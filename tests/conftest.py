"""Shared fixtures: the seeds, the spec, a small real index built once per session."""
from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from baogao.index.build import build_index
from baogao.index.reports import parse_report
from baogao.index.sources import read_text
from baogao.search.request import SearchRequest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SPEC = json.loads((Path(__file__).with_name("seeds-expected.json")).read_text(encoding="utf-8"))
# The real corpora beside the project (read-only, never copied in; see its README):
# tests that need them skip when they are absent.
CORPORA = ROOT.parent / "shared" / "corpora"
CORPUS = CORPORA / "cpc-congress-reports.jsonl"  # 16 long political reports, some traditional


def needs_corpora(path: Path) -> Path:
    """`path` inside ../shared/corpora, or skip the test when the corpora are absent."""
    if not path.exists():
        pytest.skip(f"{path} is absent (the real corpora live in ../shared/corpora)")
    return path


def free_port() -> int:
    """A free TCP port on 127.0.0.1, for a server a test starts."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ask(engine, query: str = "", filters: dict | None = None, sort: str = "relevance",
        page: int = 1, per_page: int | None = 10) -> dict:
    """engine.search for a query string (per_page=None: every hit)."""
    return engine.search(SearchRequest(query, filters or {}, sort, page, per_page))


def seed_text(name: str) -> str:
    """The text of one bundled seed report."""
    return read_text(SEEDS / name)


def law_files(step: int, limit: int | None = None) -> list[tuple[str, bytes]]:
    """[(file name, bytes)] of every `step`-th law of ../shared/corpora/laws.tar.xz in name
    order (at most `limit`), or skip when the corpora are absent.

    The archive is read front to back twice (its names, then the chosen files): a
    compressed tar read in any other order decompresses from the start again for each
    file, which took 98 s for 171 laws."""
    import tarfile

    path = needs_corpora(CORPORA / "laws.tar.xz")
    with tarfile.open(path) as archive:
        names = sorted(m.name for m in archive.getmembers() if m.isfile() and m.name.endswith(".txt"))
    wanted = set(names[::step][:limit])
    found = {}
    with tarfile.open(path, "r|*") as stream:
        for member in stream:
            if member.name in wanted:
                found[member.name] = stream.extractfile(member).read()
    return [(name.rsplit("/", 1)[-1], found[name]) for name in sorted(found)]


@pytest.fixture(scope="session")
def seed_reports():
    """{file name: Report} for the five seeds."""
    return {p.name: parse_report(read_text(p), str(p)) for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_corpus(tmp_path_factory) -> Path:
    """A directory of the five seeds plus trap fixtures."""
    root = tmp_path_factory.mktemp("corpus")
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, root / p.name)
    (root / "trap_fengqiao.txt").write_text(
        "关于枫桥镇2024年法治政府建设情况的报告\n"
        "一、2024年推进法治政府建设的主要举措和成效\n"
        "枫桥镇总结经验，推广枫桥镇的经验做法。\n"
        "我们学习了枫桥 经验。\n", encoding="utf-8")
    (root / "trap_traditional.txt").write_text(
        "關於2023年法治政府建設情況的報告\n"
        "一、2023年推進法治政府建設的主要舉措和成效\n"
        "堅持發展新時代「楓橋經驗」，做到小事不出村，大事不出鎮。宣傳日為１２.４。\n", encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory, seed_corpus) -> Path:
    """An index of `seed_corpus`, built once and shared read-only."""
    index_dir = tmp_path_factory.mktemp("index") / "ix"
    summary = build_index([seed_corpus], index_dir)
    assert summary.failed == [] and summary.added == 7
    return index_dir


@pytest.fixture(scope="session")
def real_corpus(tmp_path_factory) -> Path:
    """Real documents from ../shared/corpora (skipped when absent): the 31 provincial
    政府工作报告, 30 city ones, and 80 laws (every 40th of the archive, in name order)."""
    gongzuo = needs_corpora(CORPORA / "gongzuo")
    laws = law_files(40, 80)
    root = tmp_path_factory.mktemp("real")
    shutil.copytree(gongzuo / "provinces-2025", root / "provinces-2025")
    (root / "cities-2024").mkdir()
    for path in sorted((gongzuo / "cities-2024").glob("*.txt"))[::4][:30]:
        shutil.copy(path, root / "cities-2024" / path.name)
    (root / "laws").mkdir()
    for name, data in laws:
        (root / "laws" / name).write_bytes(data)
    return root


@pytest.fixture(scope="session")
def real_index(tmp_path_factory, real_corpus) -> Path:
    """An index of `real_corpus`, built once and shared read-only."""
    index_dir = tmp_path_factory.mktemp("realix") / "ix"
    summary = build_index([real_corpus], index_dir)
    assert summary.failed == [], summary.failed
    return index_dir


@pytest.fixture(scope="session")
def engine(seed_index):
    from baogao.search.engine import Engine

    eng = Engine(seed_index)
    yield eng
    eng.close()


@pytest.fixture
def runner():
    return CliRunner()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item (the browser tests screenshot failures)."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report

