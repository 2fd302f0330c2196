"""A Whoosh column whose values are compressed together, in blocks of about 16 KB.

Whoosh's stored-fields column compresses each document's values on their own, and zlib
gains little on a few hundred bytes: a block of a law stores its text, its report's title,
source and id, and its section heading, and on the real corpus the stored fields were
1.8 times the text. Compressed in blocks, the title and source that every block of a
report repeats, and the words reports share, are written about once per block: a third of
the size on the real corpus (measured in docs/benchmarks.md).

Layout of the column (positions relative to its start):

    block 0 | block 1 | … | block ends (uint64, one per block)
    | each document's block (uint32), start in it (uint32), length (uint32) | footer

The footer gives where the tables start and how many blocks and documents there are, so
opening reads 24 bytes and maps the tables; reading a value decompresses its block (the
last block read is kept, so reading documents in order decompresses each block once).
"""
from __future__ import annotations

import struct
import zlib

import numpy as np
from whoosh.columns import Column, ColumnReader, ColumnWriter

_FOOTER = struct.Struct("<QQQ")  # where the tables start, blocks, documents
_BLOCK_BYTES = 16 * 1024
_LEVEL = 6


class BlockCompressedColumn(Column):
    """Variable-length byte values, zlib-compressed in blocks of about 16 KB."""

    def writer(self, dbfile):
        return _Writer(dbfile)

    def reader(self, dbfile, basepos, length, doccount):
        return _Reader(dbfile, basepos, length, doccount)


class _Writer(ColumnWriter):
    def __init__(self, dbfile):
        super().__init__(dbfile)
        self._start = dbfile.tell()
        self._buffer = bytearray()
        self._ends: list[int] = []  # each written block's end, relative to the column's start
        self._block: list[int] = []
        self._offset: list[int] = []
        self._length: list[int] = []

    def add(self, docnum: int, value: bytes) -> None:
        self._skip_to(docnum)
        self._block.append(len(self._ends))
        self._offset.append(len(self._buffer))
        self._length.append(len(value))
        self._buffer += value
        self._count += 1
        if len(self._buffer) >= _BLOCK_BYTES:
            self._flush()

    def _skip_to(self, docnum: int) -> None:
        """Documents without a value read as empty bytes."""
        while self._count < docnum:
            self._block.append(len(self._ends))
            self._offset.append(len(self._buffer))
            self._length.append(0)
            self._count += 1

    def _flush(self) -> None:
        if self._buffer:
            self._dbfile.write(zlib.compress(bytes(self._buffer), _LEVEL))
            self._ends.append(self._dbfile.tell() - self._start)
            self._buffer = bytearray()

    def finish(self, doccount: int) -> None:
        self._skip_to(doccount)
        self._flush()
        tables = self._dbfile.tell() - self._start
        for values, dtype in ((self._ends, "<u8"), (self._block, "<u4"), (self._offset, "<u4"),
                              (self._length, "<u4")):
            self._dbfile.write(np.asarray(values, dtype=dtype).tobytes())
        self._dbfile.write(_FOOTER.pack(tables, len(self._ends), self._count))


class _Reader(ColumnReader):
    def __init__(self, dbfile, basepos, length, doccount):
        super().__init__(dbfile, basepos, length, doccount)
        tables, blocks, documents = _FOOTER.unpack(bytes(dbfile.get(basepos + length - _FOOTER.size,
                                                                    _FOOTER.size)))
        data = dbfile.get(basepos + tables, 8 * blocks + 12 * documents)  # a view when mapped
        self._ends = np.frombuffer(data, dtype="<u8", count=blocks)
        self._block, self._offset, self._length = (
            np.frombuffer(data, dtype="<u4", count=documents, offset=8 * blocks + 4 * documents * i)
            for i in range(3))
        self._documents = documents
        self._cached: tuple[int, bytes] = (-1, b"")

    def __getitem__(self, docnum: int) -> bytes:
        if docnum >= self._documents or not self._length[docnum]:
            return b""
        block = int(self._block[docnum])
        if self._cached[0] != block:
            start = int(self._ends[block - 1]) if block else 0
            raw = self._dbfile.get(self._basepos + start, int(self._ends[block]) - start)
            self._cached = (block, zlib.decompress(raw))
        offset = int(self._offset[docnum])
        return self._cached[1][offset:offset + int(self._length[docnum])]
