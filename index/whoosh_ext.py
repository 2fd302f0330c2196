"""Whoosh's private internals for reading an index and for the codec, in one place (the
segment writers' use of Whoosh's writer internals is in index/writers.py).

whoosh-reloaded is pinned to 2.7.x in pyproject.toml for what this module touches:
- the W3 codec with larger posting blocks packed as bytes and stored fields pickled as
  tuples (`CompactCodec`), and `term_postings`, which reads a term's posting list straight
  from its extent in the postings file and decodes each block with numpy instead of one
  Python call per id (tests/test_whoosh_ext.py compares it with Whoosh's own iterator);
- `live_frequency`: a term's document frequency from the terms file where no document
  of the segment is deleted;
- `stored_schema`, which reads the schema pickled in an index's table of contents;
- `generation_segments` / `segments_searcher`: a searcher of one given generation;
- reading the sub-files of a segment's compound file in place: Whoosh copies each one it
  opens (the stored fields of a large segment: 100 MB) into a BytesIO, per reader.
"""
from __future__ import annotations

import bisect
import io
import pickle
import struct
import zlib

import numpy as np
from whoosh import formats
from whoosh.codec.whoosh3 import (
    STORED_COLUMN,
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3LeafMatcher,
    W3PerDocReader,
    W3PerDocWriter,
    W3PostingsWriter,
    W3TermsReader,
    _lenfield,
)
from whoosh.columns import PickleColumn
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.structfile import BufferFile
from whoosh.index import _CURRENT_TOC_VERSION, TOC, FileIndex
from whoosh.reading import SegmentReader, TermNotFound
from whoosh.searching import Searcher
from whoosh.system import pack_uint

from .block_column import BlockCompressedColumn

_NO_IDS = np.empty(0, dtype=np.int32)
_NO_WEIGHTS = np.empty(0, dtype=np.float32)


POSTING_BLOCK = 4096  # postings a block (see CompactCodec)


class CompactCodec(W3Codec):
    """The W3 codec with these changes:
    - posting blocks of 4096 ids instead of 128 (a block costs 30-40 µs to unpack whatever
      its size: decompressing, unpickling, a few numpy calls; with 1024, a common word
      took a dozen blocks a segment, and the 10,000-report bench's quoted phrases took
      1.2 × the time at p50, 1.3 × at p95), and each block's ids (as deltas) and weights
      packed as bytes of the smallest integer type that holds them instead of
      pickled tuples of Python numbers: `term_postings` turns a block into arrays with
      `np.frombuffer` (decoding the tuples cost about 0.2 µs a posting: 30 ms for a
      common word at 10,000 reports), and a term frequency takes a byte, not nine;
    - in a frequency field's blocks, no values: Whoosh stores each posting's frequency
      twice, as its weight and as four packed bytes, and the second copy was a third of
      a common word's postings and more than half of the time to decode them (readers
      rebuild the values from the weights);
    - a document's stored fields pickled as a tuple in schema order instead of a dict
      keyed by field name (the names were about a sixth of a paragraph's stored bytes),
      and compressed in blocks of documents instead of one by one (index/block_column.py).

    A segment keeps the codec it was written with (Whoosh pickles it in the table of
    contents), and the readers recognise each block's layout, so segments written by the
    plain W3 codec, or by this codec before postings were packed, stay readable.
    """

    def __init__(self, stored_names: list[str], blocklimit: int = POSTING_BLOCK, **kwargs):
        super().__init__(blocklimit=blocklimit, **kwargs)
        self.stored_names = tuple(stored_names)
        # Stored fields compressed in blocks of documents (index/block_column.py); segments
        # written before lack the attribute and compressed each document on its own.
        self.stored_in_blocks = True

    def postings_writer(self, dbfile, byteids=False):
        if byteids:  # term vectors (not used by Baogao's schema): Whoosh's own layout
            return super().postings_writer(dbfile, byteids=True)
        return _PackedPostingsWriter(dbfile, blocklimit=self._blocklimit, compression=self._compression,
                                     inlinelimit=self._inlinelimit)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return _PackedLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)

    def field_writer(self, storage, segment):
        return _FieldWriter(self, storage, segment)

    def per_document_writer(self, storage, segment):
        return _TuplePerDocWriter(self, storage, segment)

    def per_document_reader(self, storage, segment):
        return _TuplePerDocReader(storage, segment, self.stored_names, _stored_column(self))


STORED_BLOCKS = PickleColumn(BlockCompressedColumn())


class _FieldWriter(W3FieldWriter):
    def add_term_groups(self, schema, lengths, groups) -> None:
        """What `add_postings` writes, from postings grouped by term: (fieldname, term
        bytes, documents, weights, values) with the documents sorted (index/posting_pool.py),
        in (fieldname, term) order. Each term's blocks are cut from array slices: Whoosh's
        `add_postings` makes a few Python calls per posting, which cost a writer as much
        as jieba costs the build on short paragraphs."""
        lastfn, field_lengths = None, None
        for fieldname, btext, ids, weights, values in groups:
            if fieldname != lastfn:
                if lastfn is not None:
                    self.finish_field()
                self.start_field(fieldname, schema[fieldname])
                field_lengths = _field_lengths(lengths, fieldname)
                lastfn = fieldname
            self.start_term(btext)
            self._postwriter.add_term_arrays(ids, weights, values,
                                             field_lengths[ids] if field_lengths is not None else None)
            self.finish_term()
        if lastfn is not None:
            self.finish_field()


def _field_lengths(lengths, fieldname: str) -> np.ndarray | None:
    """Every document's length in `fieldname` as the segment's column holds it (what
    Whoosh's `add_postings` reads per posting), or None for a field without lengths."""
    if not lengths or not lengths.has_column(_lenfield(fieldname)):
        return None
    # None for a document whose length is 0
    return np.array([lengths.doc_field_length(d, fieldname, 0) or 0 for d in range(lengths.doc_count_all())],
                    dtype=np.int64)


def _stored_column(codec: CompactCodec):
    """The stored-fields column type of segments written by `codec`."""
    return STORED_BLOCKS if getattr(codec, "stored_in_blocks", False) else STORED_COLUMN


class _TuplePerDocWriter(W3PerDocWriter):
    def _create_column(self, fieldname, column):
        # Whoosh creates the stored-fields column itself, of its own type.
        super()._create_column(fieldname, _stored_column(self._codec) if fieldname == "_stored" else column)

    def finish_doc(self):
        stored = self._storedfields
        if stored:
            values = [stored.get(name) for name in self._codec.stored_names]
            while values and values[-1] is None:
                values.pop()
            self.add_column_value("_stored", _stored_column(self._codec), tuple(values))
            stored.clear()
        self._indoc = False


class _TuplePerDocReader(W3PerDocReader):
    def __init__(self, storage, segment, stored_names: tuple[str, ...], column):
        super().__init__(storage, segment)
        self._stored_names = stored_names
        self._column = column

    def stored_fields(self, docnum):
        column = self._cached_reader("_stored", self._column)
        values = column[docnum] if column is not None else None
        if values is None:
            return {}
        return {name: value for name, value in zip(self._stored_names, values) if value is not None}


def _smallest_uint(largest: int):
    for dtype in (np.uint8, np.uint16, np.uint32):
        if largest <= np.iinfo(dtype).max:
            return dtype
    return np.uint64


_PACKED_TYPES = {1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}
_FEW = 8  # blocks this small stay pickled tuples: packing saves nothing on them


def _pack_ids(ids):
    """A block's sorted ids: bytes of their deltas, led by one byte giving the width of
    each (1, 2, 4 or 8); a block of a few ids as Whoosh's tuple of deltas."""
    if len(ids) < _FEW:  # numpy's overhead is most of the cost on a few ids
        return tuple(b - a for a, b in zip((0, *ids), ids))
    deltas = np.diff(np.asarray(ids, dtype=np.int64), prepend=0)
    dtype = _smallest_uint(int(deltas.max()))
    return bytes([np.dtype(dtype).itemsize]) + deltas.astype(dtype).tobytes()


def _pack_weights(weights):
    """A block's weights: None when all are 1, one float when all are equal (as Whoosh
    writes them); else whole numbers as bytes of the smallest unsigned integer type, led
    by its width, or (a few weights, or fractions) Whoosh's tuple."""
    if len(weights) < _FEW:  # as below, without numpy's overhead on a few weights
        values = list(weights)  # an array("f"), as Whoosh's postings writer keeps them
        if not values or all(v == values[0] for v in values):
            return None if not values or values[0] == 1.0 else values[0]
        return tuple(values)
    values = np.asarray(weights, dtype=np.float32)
    if (values == values[0]).all():
        return None if values[0] == 1.0 else float(values[0])
    if not ((values >= 0).all() and np.array_equal(values, np.floor(values))):
        return tuple(values.tolist())
    dtype = _smallest_uint(int(values.max()))
    return bytes([np.dtype(dtype).itemsize]) + values.astype(dtype).tobytes()


def _values_are_weights(values: list[bytes], weights) -> bool:
    """Whether each of a block's values is its weight packed as Whoosh's Frequency format
    packs a frequency (a big-endian unsigned 32-bit number)."""
    numbers = np.asarray(weights, dtype=np.float64)
    if len(values) != len(numbers) or not len(numbers):
        return False
    if not ((numbers >= 0).all() and (numbers < 2 ** 32).all() and np.array_equal(numbers, np.floor(numbers))):
        return False
    return b"".join(values) == numbers.astype(">u4").tobytes()


def _unpacked(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=_PACKED_TYPES[data[0]], offset=1)


def _block_ids(data) -> np.ndarray:
    """A block's ids (int64) from their packed or tuple (plain W3) form."""
    if isinstance(data, bytes):
        return np.cumsum(_unpacked(data), dtype=np.int64)
    return np.cumsum(np.asarray(data, dtype=np.int64))


def _block_weights(data, count: int) -> np.ndarray:
    """A block's `count` weights (float32) from any form Whoosh or `_pack_weights` wrote."""
    if data is None or isinstance(data, (int, float)):
        return np.full(count, 1.0 if data is None else data, dtype=np.float32)
    if isinstance(data, bytes):
        return _unpacked(data).astype(np.float32)
    return np.asarray(data, dtype=np.float32)


class _PackedPostingsWriter(W3PostingsWriter):
    """Whoosh 3 posting blocks with ids and weights packed as bytes (see CompactCodec)."""

    def add_term_arrays(self, ids: np.ndarray, weights: np.ndarray, values: list[bytes | None],
                        lengths: np.ndarray | None) -> None:
        """Every posting of the current term at once (ids sorted; `lengths`: each
        document's field length, or None), into the blocks `add_posting` would fill one
        posting at a time, with the same Python types in them (so the blocks' pickled
        info and the term's statistics come out as Whoosh writes them). The last block
        stays buffered: `finish_postings` writes it, marked as the last."""
        limit = self._blocklimit
        for start in range(0, len(ids), limit):
            if start:
                self._write_block()  # the block before, full; it starts a new one
            end = start + limit
            self._ids.frombytes(ids[start:end].astype(np.uint32).tobytes())
            self._weights.frombytes(weights[start:end].astype(np.float32).tobytes())
            self._maxweight = max(0, float(weights[start:end].max()))  # Whoosh's: before float32
            self._values = [value for value in values[start:end] if value]
            if lengths is not None:
                block_lengths = lengths[start:end]
                present = block_lengths[block_lengths > 0]  # Whoosh skips a length of 0
                self._minlength = int(present.min()) if len(present) else None
                self._maxlength = max(0, int(block_lengths.max()))

    def _mini_ids(self):
        return _pack_ids(self._ids)

    def _mini_values(self):
        # A frequency field's values repeat its weights (each the posting's frequency,
        # packed; no boosts): left out, and rebuilt by _PackedLeafMatcher.
        if type(self._format) is formats.Frequency and _values_are_weights(self._values, self._weights):
            return None
        return super()._mini_values()

    def _mini_weights(self):
        return _pack_weights(self._weights)


class _PackedLeafMatcher(W3LeafMatcher):
    """Whoosh's block matcher, reading packed blocks as well as Whoosh's own."""

    def _read_values(self):
        if self._data is None:
            self._read_data()
        if self._data[2] is None and self._fixedsize and type(self.format) is formats.Frequency:
            # Left out by _PackedPostingsWriter: each value is its posting's weight, packed.
            if self._weights is None:
                self._read_weights()
            self._values = tuple(pack_uint(int(weight)) for weight in self._weights)
        else:
            super()._read_values()

    def _read_ids(self):
        if self._data is None:
            self._read_data()
        self._ids = tuple(_block_ids(self._data[0]).tolist())

    def _read_weights(self):
        if self._data is None:
            self._read_data()
        self._weights = tuple(_block_weights(self._data[1], self._blocklength).tolist())


def codec(schema, blocklimit: int = POSTING_BLOCK) -> CompactCodec:
    """The codec every Baogao writer uses (tests ask for smaller posting blocks, to cover
    terms of several blocks on a small index)."""
    return CompactCodec(schema.stored_names(), blocklimit=blocklimit)


def stored_schema(ix):
    """The schema pickled in the index's latest table of contents, or None when this
    version cannot read it (an index written when our field types had other module
    paths). Whoosh's own TOC reader leaves the file open when unpickling fails."""
    stream = ix.storage.open_file(TOC._filename(ix.indexname, ix.latest_generation()))
    try:
        for _ in range(3):  # sizes of int, long and float
            stream.read_varint()
        stream.read_int()  # byte-order mark
        if stream.read_int() != _CURRENT_TOC_VERSION:
            return None
        for _ in range(3):  # the Whoosh release
            stream.read_varint()
        return pickle.loads(stream.read_string())
    except (ImportError, AttributeError, pickle.UnpicklingError, EOFError):
        return None
    finally:
        stream.close()


def term_postings(reader, fieldname: str, text: str, among: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(sorted document numbers, weights) of a term's postings, deleted documents included;
    with `among` (sorted document numbers), at least the postings of those documents.

    The weight is the term's frequency in the document for fields with frequencies, 1.0
    else. Whoosh 3 posting lists are read straight from the term's extent, block by block
    (`_extent_blocks`), and numpy decodes each block's ids and weights in a step or two;
    anything else (inlined postings, another codec) goes through the public API. Callers
    keep only the live documents of their snapshot. With `among`, a segment holding none
    of those documents is not looked at, and a block of postings is decoded only when its
    range of documents holds one of them (ranking the few blocks an exact phrase finds
    read every posting of each of its words: 54 ms a query for a line of a real report).
    """
    if among is not None and len(among) > 1 and (np.diff(among) < 0).any():
        among = np.sort(among)
    ids, weights = [], []
    leaves = reader.leaf_readers()
    if among is not None:  # where each segment's documents begin and end in `among`
        bounds = np.searchsorted(among, [offset for _, offset in leaves] + [reader.doc_count_all()]).tolist()
    for i, (leaf, offset) in enumerate(leaves):
        wanted = None
        if among is not None:
            low, high = bounds[i], bounds[i + 1]
            if low == high:
                continue
            if (high - low) * _DENSE < leaf.doc_count_all():  # else nearly every block holds one
                wanted = (among[low:high] - offset).tolist()
        terms = getattr(leaf, "_terms", None)
        if isinstance(terms, W3TermsReader) and fieldname in leaf.schema:
            try:
                info = terms.term_info(fieldname, leaf._text_to_bytes(fieldname, text))
            except TermNotFound:
                continue
            if not info.is_inlined():
                start = info.extent()[0] + len(WHOOSH3_HEADER_MAGIC)
                for count, block_ids, block_weights in _extent_blocks(terms._postfile, start, wanted):
                    ids.append(_block_ids(block_ids) + offset)
                    weights.append(_block_weights(block_weights, count))
                continue
        try:
            matcher = leaf.postings(fieldname, text)
        except TermNotFound:
            continue
        matcher = getattr(matcher, "child", matcher)  # unwrap the deleted-documents filter
        pairs = []
        while matcher.is_active():
            pairs.append((matcher.id() + offset, matcher.weight()))
            matcher.next()
        ids.append(np.array([p[0] for p in pairs], dtype=np.int64))
        weights.append(np.array([p[1] for p in pairs], dtype=np.float32))
    if not ids:
        return _NO_IDS, _NO_WEIGHTS
    return np.concatenate(ids).astype(np.int32), np.concatenate(weights)


def live_frequency(reader, fieldname: str, text: str, live: np.ndarray) -> int:
    """How many documents marked in `live` (a mask over the reader's document numbers)
    hold the term: the terms file's document frequency for segments without deletions,
    a count over the decoded postings for the others."""
    total = 0
    for leaf, offset in reader.leaf_readers():
        if leaf.has_deletions():
            ids = term_postings(leaf, fieldname, text)[0] + offset
            total += int(np.count_nonzero(live[ids]))
        else:
            total += leaf.doc_frequency(fieldname, text)  # 0 for a term the segment lacks
    return total


_BLOCK_LENGTH = struct.Struct("!i")  # Whoosh's StructFile.write_int


_INFO_BYTES = 64  # a block's pickled info (six numbers) fits in far less
_DENSE = 64  # documents wanted from a segment past 1 in _DENSE: decode all its blocks


def _extent_blocks(postfile, position: int, wanted: list[int] | None = None):
    """(postings, ids, weights) of each block of the W3 posting list whose first block
    starts at `position` of `postfile`: each block is read in one piece and cut up here,
    where Whoosh's matcher makes a dozen small reads per block through its file object.
    With `wanted` (sorted document numbers), only the blocks whose documents (after the
    last one of the block before, up to their own last one, which the block's info gives)
    include one of them, and none after the last wanted document."""
    last, previous = False, -1
    while not last:
        (length,) = _BLOCK_LENGTH.unpack(bytes(postfile.get(position, _BLOCK_LENGTH.size)))
        last = length < 0  # Whoosh marks the last block with a negative length
        position += _BLOCK_LENGTH.size
        size = abs(length)
        if wanted is not None:
            if previous >= wanted[-1]:
                return
            last_id = pickle.load(io.BytesIO(bytes(postfile.get(position, min(size, _INFO_BYTES)))))[1]
            at = bisect.bisect_right(wanted, previous)  # the first wanted document past the last block
            previous = last_id
            if wanted[at] > last_id:  # no wanted document in this block
                position += size
                continue
        block = io.BytesIO(bytes(postfile.get(position, size)))
        count, _, _, compression, _, _ = pickle.load(block)  # the block's info
        payload = block.read()
        data = pickle.loads(zlib.decompress(payload) if compression else payload)
        yield count, data[0], data[1]
        position += size


def read_toc(storage, indexname: str, schema, generation: int | None = None) -> TOC:
    """The table of contents of one generation (default: the latest), read with our
    schema so Whoosh never unpickles the stored one."""
    return TOC.read(storage, indexname, gen=generation, schema=schema)


def segment_reader(storage, schema, segment) -> SegmentReader:
    """A reader of one segment alone (its stored fields, deleted documents included)."""
    return SegmentReader(storage, schema, segment)


def generation_segments(ix, generation: int) -> list:
    """The segments of generation `generation` of `ix` (OSError when its table of
    contents is gone: a later commit replaced it)."""
    return list(read_toc(ix.storage, ix.indexname, ix.schema, generation).segments)


def segments_searcher(ix, segments: list, generation: int):
    """A searcher of exactly these segments (one generation, whatever is latest now), so
    that it matches the snapshot written for that generation. Raises OSError when a
    segment's files are gone (merged away by a later commit)."""
    return Searcher(FileIndex._reader(ix.storage, ix.schema, list(segments), generation), fromindex=ix)


class _ViewReader:
    """A read-only file over a memoryview: reads copy only what they return."""

    def __init__(self, view: memoryview):
        self._view = view
        self._position = 0

    def read(self, size: int | None = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else min(len(self._view), self._position + size)
        data = self._view[self._position:end].tobytes()
        self._position = max(self._position, end)
        return data

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        rest = self._view[self._position:]
        end = bytes(rest[:size] if size is not None and size >= 0 else rest).find(b"\n")
        return self.read(end + 1 if end >= 0 else size)

    def seek(self, offset: int, whence: int = 0) -> int:
        base = (0, self._position, len(self._view))[whence]
        self._position = base + offset
        return self._position

    def tell(self) -> int:
        return self._position

    def close(self) -> None:
        pass


class _InPlaceBufferFile(BufferFile):
    """Whoosh's BufferFile without the copy of the whole buffer into a BytesIO."""

    def __init__(self, buf, name=None, onclose=None):
        super().__init__(b"", name=name, onclose=onclose)
        self._buf = buf
        self.file = _ViewReader(memoryview(buf))


def _open_in_place(self, name, *args, **kwargs):
    """CompoundStorage.open_file, reading a memory-mapped segment in place."""
    if self._source and not self.is_closed:
        offset, length = self.range(name)
        return _InPlaceBufferFile(memoryview(self._source)[offset:offset + length], name=name)
    return _open_copying(self, name, *args, **kwargs)


_open_copying = CompoundStorage.open_file
CompoundStorage.open_file = _open_in_place
