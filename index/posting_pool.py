"""The postings of a segment being written, held in arrays until the segment is flushed.

Whoosh's writer collects every posting as a tuple (field, term, document, weight, value)
in a `PostingPool`, which it counts as about 180 bytes each: past its `limitmb` it pickles
sorted runs to temporary files and merges them back with a heap. A batch of 2,000 real
reports makes millions of postings, so a build spent a fifth of its time pickling,
unpickling and merging them. `PostingArrays` keeps a posting in 24 bytes of arrays (the
term as a number, the document, the weight, the value as a number) and orders them once,
with numpy, when the segment is written: nothing goes to disk, and memory stays a small
fraction of what Whoosh's in-memory pool would hold. The segment is then written a term
at a time from array slices (`term_groups`), not a posting at a time.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterator

import numpy as np


class PostingArrays:
    """A drop-in for Whoosh's `PostingPool` in a writer that finishes its own segment
    (`add`, `fieldnames`, `cleanup`), which hands the postings back a term at a time
    (`term_groups`), sorted by field, term and document, as Whoosh's field writer needs
    them."""

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
        self.add_document_postings(docnum, [((fieldname, term), weight, value)])

    def add_document_postings(self, docnum: int, postings: list[tuple[tuple[str, bytes], float, bytes | None]]) -> None:
        """Add a document's postings, ((fieldname, term bytes), weight, value bytes) each."""
        term_numbers, value_numbers = self._term_numbers, self._value_numbers
        numbers = [term_numbers.get(key) for key, _, _ in postings]
        if None in numbers:  # new terms
            for i, (key, _, _) in enumerate(postings):
                if numbers[i] is None:
                    numbers[i] = term_numbers.setdefault(key, len(term_numbers))
                    self.fieldnames.add(key[0])
        values = [value_numbers.get(value) for _, _, value in postings]
        if None in values:  # values are few distinct byte strings (packed frequencies)
            values = [value_numbers.setdefault(value, len(value_numbers)) for _, _, value in postings]
        self._terms.extend(numbers)
        self._docs.extend([docnum] * len(postings))
        self._weights.extend([posting[1] for posting in postings])
        self._values.extend(values)

    def __len__(self) -> int:
        return len(self._docs)

    def term_groups(self) -> Iterator[tuple[str, bytes, np.ndarray, np.ndarray, list[bytes | None]]]:
        """(fieldname, term, documents, weights, values) of every term, in (fieldname,
        term) order, with its documents in order (int64), their weights (float64) and
        value bytes; spelling marks (document -1) are left out, as Whoosh's field writer
        leaves them."""
        keys = list(self._term_numbers)
        rank = np.empty(len(keys), dtype=np.int64)
        rank[sorted(range(len(keys)), key=keys.__getitem__)] = np.arange(len(keys))
        terms, docs = _view(self._terms, np.uint32), _view(self._docs, np.int64)
        weights, value_numbers = _view(self._weights, np.float64), _view(self._values, np.uint32)
        keep = docs >= 0
        if not keep.all():
            terms, docs, weights, value_numbers = terms[keep], docs[keep], weights[keep], value_numbers[keep]
        if not len(docs):
            return
        order = np.lexsort((docs, rank[terms]))
        terms, docs, weights, value_numbers = terms[order], docs[order], weights[order], value_numbers[order]
        first = np.ones(len(terms), dtype=bool)  # where each term's postings start
        first[1:] = terms[1:] != terms[:-1]
        starts = np.flatnonzero(first)
        ends = np.append(starts[1:], len(terms))
        values = list(self._value_numbers)
        for term, start, end in zip(terms[starts].tolist(), starts.tolist(), ends.tolist(), strict=True):
            fieldname, text = keys[term]
            yield (fieldname, text, docs[start:end], weights[start:end],
                   [values[v] for v in value_numbers[start:end].tolist()])

    def cleanup(self) -> None:
        """Free the postings (Whoosh calls this when the segment is closed)."""
        self.__init__()


def _view(values: array, dtype) -> np.ndarray:
    """An array's items as a numpy array (a copy: the array may grow again later)."""
    return np.frombuffer(values, dtype=dtype).copy() if len(values) else np.zeros(0, dtype=dtype)
