"""The postings of a segment being written, held in arrays until the segment is flushed.

Whoosh's writer collects every posting as a tuple (field, term, document, weight, value)
in a `PostingPool`, which it counts as about 180 bytes each: past its `limitmb` it pickles
sorted runs to temporary files and merges them back with a heap. A batch of 2,000 real
reports makes millions of postings, so a build spent a fifth of its time pickling,
unpickling and merging them. `PostingArrays` keeps a posting in 24 bytes of arrays (the
term as a number, the document, the weight, the value as a number) and orders them once,
with numpy, when the segment is written: nothing goes to disk, and memory stays a small
fraction of what Whoosh's in-memory pool would hold.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterator

import numpy as np


_CHUNK = 1 << 16


class PostingArrays:
    """A drop-in for Whoosh's `PostingPool` in a writer that finishes its own segment
    (`add`, `iter_postings`, `fieldnames`, `cleanup`): postings come out sorted by field,
    term and document, as Whoosh's field writer needs them."""

    def __init__(self):
        self.fieldnames: set[str] = set()
        self._term_numbers: dict[tuple[str, bytes], int] = {}
        self._value_numbers: dict[bytes | None, int] = {None: 0}
        self._terms = array("I")
        self._docs = array("q")  # Whoosh marks words for its spelling graph with document -1
        self._weights = array("d")
        self._values = array("I")

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """Add one posting (fieldname, term bytes, document number, weight, value bytes)."""
        fieldname, term, docnum, weight, value = item
        key = (fieldname, term)
        number = self._term_numbers.get(key)
        if number is None:
            number = self._term_numbers[key] = len(self._term_numbers)
            self.fieldnames.add(fieldname)
        value_number = self._value_numbers.get(value)
        if value_number is None:  # values are few distinct byte strings (packed frequencies)
            value_number = self._value_numbers[value] = len(self._value_numbers)
        self._terms.append(number)
        self._docs.append(docnum)
        self._weights.append(weight)
        self._values.append(value_number)

    def __len__(self) -> int:
        return len(self._docs)

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes | None]]:
        """Every posting, in (fieldname, term, document) order."""
        keys = list(self._term_numbers)
        rank = np.empty(len(keys), dtype=np.int64)
        rank[sorted(range(len(keys)), key=keys.__getitem__)] = np.arange(len(keys))
        terms, docs = _view(self._terms, np.uint32), _view(self._docs, np.int64)
        weights, value_numbers = _view(self._weights, np.float64), _view(self._values, np.uint32)
        order = np.lexsort((docs, rank[terms]))
        values = list(self._value_numbers)
        for start in range(0, len(order), _CHUNK):  # Python objects for a chunk at a time
            chunk = order[start:start + _CHUNK]
            for term, docnum, weight, value in zip(terms[chunk].tolist(), docs[chunk].tolist(),
                                                   weights[chunk].tolist(), value_numbers[chunk].tolist(), strict=True):
                fieldname, text = keys[term]
                yield fieldname, text, docnum, weight, values[value]

    def cleanup(self) -> None:
        """Free the postings (Whoosh calls this when the segment is closed)."""
        self.__init__()


def _view(values: array, dtype) -> np.ndarray:
    """An array's items as a numpy array (a copy: the array may grow again later)."""
    return np.frombuffer(values, dtype=dtype).copy() if len(values) else np.zeros(0, dtype=dtype)
