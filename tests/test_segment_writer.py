"""The build's segment writer writes what Whoosh's own writer writes, byte for byte."""
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from baogao.index.build import INDEX_NAME, report_documents
from baogao.index.reports import parse_report
from baogao.index.schema import build_schema
from baogao.index.whoosh_ext import codec
from baogao.index.writers import ArrayPoolWriter

from .conftest import SEEDS


def _documents() -> list[dict]:
    """The seeds' documents, and a report long enough that its words and report-level
    fields fill several posting blocks (1,024 postings a block)."""
    docs = []
    for n, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        report = parse_report(path.read_text(encoding="utf-8"), path.name)
        docs += report_documents(report, f"seed-{n}", "0" * 64, str(path))
    long_text = "浙江省诸暨市枫桥镇人民政府关于2023年法治政府建设情况的报告\n一、主要举措\n" + "".join(
        f"{i}. 坚持发展“枫桥经验”，第{i % 7}次开展法治宣传，调解矛盾纠纷{i % 13}件。\n" for i in range(2600))
    docs += report_documents(parse_report(long_text, "long.txt"), "long", "1" * 64, "/long.txt")
    return docs


def _segment_files(ix) -> dict[str, bytes]:
    """The sub-files of the index's one segment, by name without the segment's id."""
    (segment,) = ix._segments()
    files = segment.open_compound_file(ix.storage)
    prefix = segment.segment_id()
    out = {}
    for name in files.list():
        with files.open_file(name) as stream:
            out[name.replace(prefix, "")] = stream.read()
    files.close()
    return out


def test_array_pool_writer_writes_whooshs_segment_byte_for_byte(tmp_path):
    """Terms, posting blocks (ids, weights, values, each block's statistics), field
    lengths and stored fields: what the build's writer (its own `add_document`, postings
    written a term at a time) writes equals Whoosh's SegmentWriter with the same codec."""
    docs = _documents()
    assert len(docs) > 2600
    written = {}
    for name, writer_class in (("whoosh", SegmentWriter), ("ours", ArrayPoolWriter)):
        (tmp_path / name).mkdir()
        ix = whoosh_index.create_in(str(tmp_path / name), build_schema(), indexname=INDEX_NAME)
        writer = writer_class(ix, codec=codec(ix.schema, blocklimit=1024))
        for doc in docs:
            writer.add_document(**doc)
        writer.commit(merge=False)
        written[name] = _segment_files(ix)
    assert set(written["ours"]) == set(written["whoosh"]) and ".pst" in written["ours"]
    for sub_file, data in written["whoosh"].items():
        assert written["ours"][sub_file] == data, sub_file
