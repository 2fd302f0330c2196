"""The block decoder returns exactly what Whoosh's own posting iterator returns."""
import numpy as np
import pytest
from whoosh import index as whoosh_index

from baogao.index.build import INDEX_NAME, build_index
from baogao.index.whoosh_ext import term_postings

from .conftest import SEEDS


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    root = tmp_path_factory.mktemp("ix")
    # Builds and a deletion: several segments, one with deleted and live documents.
    build_index([SEEDS / "000_03af5a072e12678a.txt", SEEDS / "001_e2fabbbe98248fdd.txt"], root / "ix")
    build_index([SEEDS], root / "ix")
    for name, seed in (("changed.txt", "002_4cb5d7ebd9b6d720.txt"), ("kept.txt", "003_d150b2aa907695eb.txt")):
        (root / name).write_text((SEEDS / seed).read_text(encoding="utf-8"), encoding="utf-8")
    build_index([root / "changed.txt", root / "kept.txt"], root / "ix")
    (root / "changed.txt").write_text("关于2024年法治政府建设情况的报告\n一、主要举措和成效\n法治宣传。\n",
                                      encoding="utf-8")
    build_index([root / "changed.txt"], root / "ix")
    ix = whoosh_index.open_dir(str(root / "ix"), indexname=INDEX_NAME)
    with ix.searcher() as searcher:
        yield searcher.reader()


@pytest.mark.parametrize("field", ["text", "kind", "year", "categories", "report_id"])
def test_block_decoder_matches_whoosh(reader, field):
    assert len(reader.leaf_readers()) > 1 and reader.has_deletions()
    for term in list(reader.lexicon(field))[:400]:
        term = term.decode("utf-8")
        ids, weights = term_postings(reader, field, term)
        expected = []
        for leaf, offset in reader.leaf_readers():
            if (field, term) not in leaf:
                continue
            # Whoosh's own matcher without its deleted-documents filter (which would skip
            # them): term_postings includes deleted documents.
            m = leaf._terms.matcher(field, leaf._text_to_bytes(field, term), leaf.schema[field].format)
            while m.is_active():
                expected.append((m.id() + offset, m.weight()))
                m.next()
        assert ids.tolist() == [e[0] for e in expected]
        assert np.allclose(weights, [e[1] for e in expected])


def test_live_frequency_counts_live_documents_whether_or_not_a_segment_has_deletions(reader):
    from baogao.index.whoosh_ext import live_frequency

    leaves = [leaf.has_deletions() for leaf, _ in reader.leaf_readers()]
    assert any(leaves) and not all(leaves)  # both ways of counting are exercised
    # and a segment with deletions still holds live documents, which count
    assert any(leaf.has_deletions() and leaf.doc_count() for leaf, _ in reader.leaf_readers())
    live = np.array([not reader.is_deleted(d) for d in range(reader.doc_count_all())])
    for term in list(reader.lexicon("text"))[:300]:
        term = term.decode("utf-8")
        ids = term_postings(reader, "text", term)[0]
        assert live_frequency(reader, "text", term, live) == int(np.count_nonzero(live[ids]))


def test_segment_sub_files_are_read_in_place_and_behave_like_a_file(reader):
    """Whoosh would copy every sub-file of a segment into memory, per reader."""
    import io
    import pickle

    from baogao.index.whoosh_ext import _ViewReader

    from whoosh.filedb.compound import CompoundStorage

    compound = reader.leaf_readers()[0][0]._storage.a  # the segment's compound file, under an overlay
    assert isinstance(compound, CompoundStorage)
    opened = compound.open_file(sorted(compound.list())[0])
    assert isinstance(opened.file, _ViewReader) and opened.read(4) == opened.get(0, 4)
    opened.close()

    data = b"first line\nsecond\n" + pickle.dumps({"a": [1, 2]}) + b"tail"
    ours, theirs = _ViewReader(memoryview(data)), io.BytesIO(data)
    for f in (ours, theirs):
        f.seek(0)
    assert [ours.readline(), ours.readline()] == [theirs.readline(), theirs.readline()]
    assert pickle.load(ours) == pickle.load(theirs) and ours.tell() == theirs.tell()
    assert ours.read(2) == theirs.read(2) and ours.read() == theirs.read() and ours.read(5) == b""
    ours.seek(-4, 2)
    theirs.seek(-4, 2)
    assert ours.read() == theirs.read() == b"tail"


def test_stored_fields_as_tuples_read_back_and_merge_with_segments_of_the_plain_codec(tmp_path):
    """Segments written before the compact stored fields (plain W3 codec), before they were
    compressed in blocks, and now are read alike, and a merge of all keeps every value."""
    from whoosh.codec.whoosh3 import W3Codec
    from whoosh.writing import SegmentWriter

    from baogao.index.schema import build_schema
    from baogao.index.whoosh_ext import codec

    ix = whoosh_index.create_in(str(tmp_path), build_schema(), indexname=INDEX_NAME)
    old = dict(pid="a/1", kind="paragraph", report_id="a", n=1, text="枫桥 经验", _stored_text="“枫桥经验”",
               province="浙江省", year="2023")
    new = dict(pid="b/2", kind="heading", report_id="b", n=2, text="法治", _stored_text="一、法治",
               section_heading="一、法治", town="枫桥镇")
    # A CompactCodec of before the stored fields were compressed in blocks of documents.
    per_document = codec(ix.schema)
    del per_document.stored_in_blocks
    middle = dict(kind="title", report_id="c", n=0, text="报告", _stored_text="关于报告", city="杭州市")
    for fields, writer_codec in ((old, W3Codec(blocklimit=1024)), (middle, per_document), (new, codec(ix.schema))):
        writer = SegmentWriter(ix, codec=writer_codec)
        writer.add_document(**fields)
        writer.commit(merge=False)
    expected = [{("text" if k == "_stored_text" else k): v for k, v in fields.items() if k != "text"}
                for fields in (old, middle, new)]
    assert [type(s.codec()).__name__ for s in ix._segments()] == ["W3Codec", "CompactCodec", "CompactCodec"]
    with ix.searcher() as searcher:
        assert [searcher.stored_fields(d) for d in range(3)] == expected
    writer = SegmentWriter(ix, codec=codec(ix.schema))
    writer.commit(optimize=True)
    assert [type(s.codec()).__name__ for s in ix._segments()] == ["CompactCodec"]
    with ix.searcher() as searcher:
        assert [searcher.stored_fields(d) for d in range(3)] == expected


def test_packed_postings_read_back_and_merge_with_blocks_of_the_plain_codec(tmp_path):
    """Posting blocks packed as bytes (CompactCodec) and Whoosh's pickled tuples (plain W3
    codec) give the same documents and term frequencies, through `term_postings` and
    through Whoosh's own matcher, before and after a merge of both kinds of segment."""
    from whoosh.codec.whoosh3 import W3Codec
    from whoosh.writing import SegmentWriter

    from baogao.index.analysis import normalise, words
    from baogao.index.schema import build_schema
    from baogao.index.whoosh_ext import codec

    # Term frequencies over 255 (two-byte weights), gaps of 1 and of 1,000 documents
    # (one- and two-byte deltas), several 1,024-posting blocks per term.
    texts = [("法治，" * (300 + i % 7 if i % 97 == 0 else 1 + i % 3) if i % 5 else "建设。")
             + ("罕见事项。" if i % 1000 == 0 else "") for i in range(5000)]
    ix = whoosh_index.create_in(str(tmp_path), build_schema(), indexname=INDEX_NAME)
    for part, writer_codec in ((texts[:2500], W3Codec(blocklimit=1024)), (texts[2500:], codec(ix.schema, 1024))):
        writer = SegmentWriter(ix, codec=writer_codec)
        for text in part:
            writer.add_document(kind="paragraph", text=text)
        writer.commit(merge=False)
    assert [type(s.codec()).__name__ for s in ix._segments()] == ["W3Codec", "CompactCodec"]

    tokens = [words(normalise(t)) for t in texts]
    expected = {}
    for word in ("法治", "建设", "罕见"):
        counts = [found.count(word) for found in tokens]
        expected[word] = [d for d, n in enumerate(counts) if n], [n for n in counts if n]

    def check():
        with ix.searcher() as searcher:
            reader = searcher.reader()
            for word, (docs, tfs) in expected.items():
                ids, weights = term_postings(reader, "text", word)
                assert ids.tolist() == docs and weights.tolist() == tfs
                # Among some documents (for ranking a few hits), their postings are read:
                # in the first block, in a later one, across both segments, none, unsorted.
                for among in ([3], [1500, 4999], [0, 2499, 2500, 4001], [], [4001, 7, 2600]):
                    ids, weights = term_postings(reader, "text", word, np.array(among, dtype=np.int32))
                    got = dict(zip(ids.tolist(), weights.tolist()))
                    assert {d: got[d] for d in among if d in got} == {d: t for d, t in zip(docs, tfs) if d in among}
                whoosh_docs = [d + offset for leaf, offset in reader.leaf_readers()
                               for d in leaf.postings("text", word).all_ids()]
                assert whoosh_docs == docs

    check()
    writer = SegmentWriter(ix, codec=codec(ix.schema, 1024))
    writer.commit(optimize=True)
    assert [type(s.codec()).__name__ for s in ix._segments()] == ["CompactCodec"]
    check()


def test_posting_arrays_give_whoosh_the_postings_in_its_order():
    """The build's posting pool returns what Whoosh's would, grouped by term: every
    posting, sorted by field, term and document, values kept, Whoosh's spelling marks
    (document -1) left out as Whoosh's field writer leaves them."""
    import random

    from baogao.index.posting_pool import PostingArrays

    rng = random.Random(7)
    items = {(rng.choice(["text", "pid", "year"]), rng.choice(["法治", "建设", "a", "枫桥经验", ""]).encode() + bytes([rng.randrange(3)]),
              rng.randrange(-1, 70000), float(rng.randrange(1, 300)), rng.choice([None, b"\x00\x01", b"\x02"]))
             for _ in range(5000)}
    items = list({(f, t, d): (f, t, d, w, v) for f, t, d, w, v in items}.values())  # one posting per term and document
    rng.shuffle(items)
    pool = PostingArrays()
    for item in items[:2500]:
        pool.add(item)
    for item in items[2500:]:  # a document's postings of a field at once
        fieldname, term, docnum, weight, value = item
        pool.add_document_postings(docnum, [((fieldname, term), weight, value)])
    got = [(fieldname, term, docnum, weight, value)
           for fieldname, term, docs, weights, values in pool.term_groups()
           for docnum, weight, value in zip(docs.tolist(), weights.tolist(), values, strict=True)]
    assert got == sorted((p for p in items if p[2] != -1), key=lambda p: p[:3])
    assert pool.fieldnames == {p[0] for p in items}
    pool.cleanup()
    assert list(pool.term_groups()) == [] and len(pool) == 0


def test_frequency_values_are_left_out_of_blocks_and_rebuilt_for_whoosh(reader):
    """A word's blocks hold its frequencies once (as weights), not again as packed values;
    Whoosh's own matcher still reads each posting's value as its frequency."""
    import io
    import pickle
    import zlib

    from baogao.index.whoosh_ext import _BLOCK_LENGTH, WHOOSH3_HEADER_MAGIC

    checked = 0
    for leaf, _ in reader.leaf_readers():
        for word in ("法治", "建设", "政府"):
            if ("text", word) not in leaf:
                continue
            info = leaf._terms.term_info("text", word.encode())
            start = info.extent()[0] + len(WHOOSH3_HEADER_MAGIC)
            (length,) = _BLOCK_LENGTH.unpack(bytes(leaf._terms._postfile.get(start, _BLOCK_LENGTH.size)))
            block = io.BytesIO(bytes(leaf._terms._postfile.get(start + _BLOCK_LENGTH.size, abs(length))))
            compression = pickle.load(block)[3]
            payload = block.read()
            assert pickle.loads(zlib.decompress(payload) if compression else payload)[2] is None
            matcher = leaf.postings("text", word)
            while matcher.is_active():
                assert matcher.value_as("frequency") == matcher.weight() >= 1
                matcher.next()
            checked += 1
    assert checked >= 3
