"""Values written to the block-compressed column read back exactly, in any order."""
import io
import random

from whoosh.columns import PickleColumn
from whoosh.filedb.structfile import BufferFile, StructFile

from baogao.index.block_column import BlockCompressedColumn


def _written(column, values: dict[int, object], doccount: int) -> bytes:
    stream = io.BytesIO()
    out = StructFile(stream)
    out.write(b"HEAD")  # a column need not start at the beginning of its file
    writer = column.writer(out)
    for docnum in sorted(values):
        writer.add(docnum, values[docnum])
    writer.finish(doccount)
    return stream.getvalue()


def test_values_gaps_and_large_values_read_back_in_any_order():
    rng = random.Random(5)
    words = ["法治政府建设", "关于2024年法治政府建设情况的报告", "seeds/001.txt", "一、主要举措和成效", "枫桥经验"]
    values = {}
    for docnum in range(3000):
        if rng.random() < 0.1:
            continue  # a document with no value
        values[docnum] = "，".join(rng.choice(words) for _ in range(rng.randint(0, 40))).encode("utf-8")
    values[1500] = "很长的段落。".encode("utf-8") * 20000  # larger than a block
    data = _written(BlockCompressedColumn(), values, 3100)
    reader = BlockCompressedColumn().reader(BufferFile(data), 4, len(data) - 4, 3100)
    order = list(range(3100))
    rng.shuffle(order)
    for docnum in order:
        assert reader[docnum] == values.get(docnum, b"")
    assert list(reader) == [values.get(d, b"") for d in range(3100)]
    assert len(data) < sum(map(len, values.values())) / 5  # compressed together, repeats cost little


def test_stored_tuples_through_the_pickle_wrapper():
    column = PickleColumn(BlockCompressedColumn())
    values = {0: ("a", 1, None), 2: ("枫桥经验", 2), 3: None}
    data = _written(column, values, 5)
    reader = column.reader(BufferFile(data), 4, len(data) - 4, 5)
    assert [reader[d] for d in range(5)] == [("a", 1, None), None, ("枫桥经验", 2), None, None]


def test_an_empty_column():
    data = _written(BlockCompressedColumn(), {}, 0)
    reader = BlockCompressedColumn().reader(BufferFile(data), 4, len(data) - 4, 0)
    assert list(reader) == [] and reader[0] == b""
