"""Hostile and unlucky input to a build: each file gets a clear message or is handled, the
rest of the build goes on, nothing indexed is lost, and memory stays bounded."""
import io
import os
import zipfile

import pytest

from baogao.cli import main
from baogao.index.build import build_index
from baogao.index.sources import SourceError, iter_report_files, read_text
from baogao.search.engine import Engine

from .conftest import SEEDS, ask

REPORT = "关于2024年法治政府建设情况的报告\n一、主要举措和成效\n{}\n"


def write(path, text, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def test_a_file_name_that_is_not_utf8_is_indexed_and_shown(tmp_path, runner):
    root = tmp_path / "docs"
    root.mkdir()
    name = os.fsdecode(b"\xb1\xa8\xb8\xe6.txt")  # GBK bytes for 报告: not UTF-8
    write(root / name, REPORT.format("独一无二的测试短语。"))
    result = runner.invoke(main, ["build", str(root), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 0, result.output
    hit = ask(Engine(tmp_path / "ix"), '"独一无二的测试短语"')["hits"][0]
    assert hit["source"] == "docs/\ufffd\ufffd\ufffd\ufffd.txt"


def test_prune_with_a_missing_path_removes_nothing(tmp_path, runner):
    root = tmp_path / "docs"
    write(root / "a.txt", REPORT.format("普法宣传。"))
    build_index([root], tmp_path / "ix")
    result = runner.invoke(main, ["build", str(tmp_path / "unmounted"), "--prune", "--index", str(tmp_path / "ix")])
    assert result.exit_code == 1 and "not pruning" in result.stderr
    assert ask(Engine(tmp_path / "ix"), "普法")["total"] == 1


def test_oversized_files_and_zip_bombs_are_refused_before_they_are_read(tmp_path, monkeypatch):
    monkeypatch.setenv("BAOGAO_MAX_FILE_MB", "1")
    big = write(tmp_path / "big.txt", REPORT.format("法" * 600_000))
    with pytest.raises(SourceError, match="more than the 1 MB"):
        read_text(big)
    bomb = tmp_path / "bomb.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * 5_000_000)
    bomb.write_bytes(buffer.getvalue())
    assert bomb.stat().st_size < 100_000
    with pytest.raises(SourceError, match="unpacks to 5 MB"):
        read_text(bomb)
    write(tmp_path / "ok.txt", REPORT.format("依法行政。"))
    summary = build_index([tmp_path], tmp_path / "ix")
    assert summary.added == 1 and len(summary.failed) == 2  # the rest of the build goes on


def test_utf16_without_a_byte_order_mark_is_read(tmp_path):
    for encoding in ("utf-16-le", "utf-16-be"):
        path = write(tmp_path / f"{encoding}.txt", REPORT.format("推进依法行政，建设法治政府。"), encoding)
        assert "推进依法行政" in read_text(path)
    with pytest.raises(SourceError, match="binary"):
        read_text(write(tmp_path / "bin.txt", "\x00\x01\x02\x03" * 100, "latin-1"))


def test_symbolic_links_are_not_followed(tmp_path):
    secret = write(tmp_path / "outside" / "secret.txt", REPORT.format("不该被索引的内容。"))
    root = tmp_path / "docs"
    write(root / "real.txt", REPORT.format("普法。"))
    (root / "link.txt").symlink_to(secret)
    (root / "loop").symlink_to(root, target_is_directory=True)
    files, errors = iter_report_files([root])
    assert [f.path.name for f in files] == ["real.txt"]
    assert any("symbolic link" in str(e) for e in errors)
    build_index([root], tmp_path / "ix")
    assert ask(Engine(tmp_path / "ix"), '"不该被索引的内容"')["total"] == 0


def test_control_zero_width_and_rtl_characters_and_markup(tmp_path):
    from baogao.web.app import create_app

    root = tmp_path / "docs"
    write(root / "odd.txt", REPORT.format("依法\u200b行政\u202e<script>alert(1)</script>\x00普法。"))
    build_index([root], tmp_path / "ix")
    assert ask(Engine(tmp_path / "ix"), '"依法行政"')["total"] == 1  # zero-width space ignored
    client = create_app({"INDEX": str(tmp_path / "ix"), "TESTING": True}).test_client()
    html = client.get("/search?q=普法").get_data(as_text=True)
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html


def test_a_report_of_100000_paragraphs(tmp_path):
    root = tmp_path / "docs"
    body = "\n".join(f"第{i}条 推进依法行政第{i}项。" for i in range(100_000))
    write(root / "long.txt", REPORT.format(body))
    summary = build_index([root], tmp_path / "ix")
    assert summary.added == 1 and not summary.failed
    engine = Engine(tmp_path / "ix")
    assert ask(engine, '"推进依法行政第99999项"')["total"] == 1
    assert ask(engine, "依法行政")["total"] == 100_000  # every paragraph


def test_a_seed_copy_keeps_working_after_bad_files_beside_it(tmp_path):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "seed.txt").write_bytes((SEEDS / "001_e2fabbbe98248fdd.txt").read_bytes())
    (root / "empty.txt").write_bytes(b"")
    (root / "bad.docx").write_bytes(b"PK\x03\x04 not really")
    (root / "bad.pdf").write_bytes(b"%PDF-1.4 truncated")
    summary = build_index([root], tmp_path / "ix")
    assert summary.added == 1 and len(summary.failed) == 3
    assert ask(Engine(tmp_path / "ix"), '"枫桥经验"')["total"] == 1
