"""Character-bigram postings of one segment, built with numpy and read from a memory map.

For exact phrases a query needs, for a bigram, the blocks whose normalised text contains
it (`analysis.grams`: two adjacent characters, neither punctuation). Whoosh's writer spent
more than half of a build on these postings, one Python call per posting; here a whole
segment's postings come out of a few numpy sorts, and are stored as three arrays:
the distinct bigram keys (sorted), where each key's documents start, and the documents.
"""
from __future__ import annotations

import numpy as np

from .analysis import is_punctuation

_CHAR_BITS = 21  # every Unicode code point fits in 21 bits
_DOC_BITS = 21  # local document numbers in one segment (2 million)


def bigram_key(gram: str) -> int:
    """The integer key of a two-character string."""
    return (ord(gram[0]) << _CHAR_BITS) | ord(gram[1])


def build_postings(texts: list[str], docnums: list[int], doc_count: int) -> dict[str, np.ndarray]:
    """{"keys", "starts", "docs"}: for the sorted distinct bigram keys of `texts` (the
    normalised texts of documents `docnums` of a segment of `doc_count` documents), the
    sorted documents holding each: docs[starts[i]:starts[i + 1]] hold keys[i]."""
    if doc_count >= 1 << _DOC_BITS:
        raise ValueError(f"a segment of {doc_count} documents is too large for bigram postings")
    doc_type = np.uint16 if doc_count <= 1 << 16 else np.uint32
    # One string, texts separated by a line break, which like punctuation ends a bigram.
    codes = np.frombuffer("\n".join(texts).encode("utf-32-le"), dtype=np.uint32)
    owner = np.repeat(np.asarray(docnums, dtype=np.int64), [len(t) + 1 for t in texts])[:len(codes)]
    distinct, inverse = np.unique(codes, return_inverse=True)
    breaks = np.array([is_punctuation(chr(c)) for c in distinct.tolist()], dtype=bool)[inverse]
    pair = ~breaks[:-1] & ~breaks[1:]
    keys = (codes[:-1][pair].astype(np.int64) << _CHAR_BITS) | codes[1:][pair]
    combined = np.unique((keys << _DOC_BITS) | owner[:-1][pair])  # distinct (bigram, doc), sorted
    keys, docs = combined >> _DOC_BITS, combined & ((1 << _DOC_BITS) - 1)
    distinct_keys, starts = np.unique(keys, return_index=True)
    return {"keys": distinct_keys.astype(np.int64),
            "starts": np.append(starts, len(keys)).astype(np.int64),
            "docs": docs.astype(doc_type)}


class BigramPostings:
    """One segment's bigram postings (arrays as `build_postings` returns them, typically
    views of a memory map)."""

    def __init__(self, arrays: dict[str, np.ndarray]):
        self.keys, self.starts, self.docs = arrays["keys"], arrays["starts"], arrays["docs"]

    def _position(self, gram: str) -> int | None:
        key = bigram_key(gram)
        at = int(np.searchsorted(self.keys, key))
        return at if at < len(self.keys) and int(self.keys[at]) == key else None

    def frequency(self, gram: str) -> int:
        """How many documents (deleted ones included) hold `gram`."""
        at = self._position(gram)
        return 0 if at is None else int(self.starts[at + 1] - self.starts[at])

    def documents(self, gram: str) -> np.ndarray:
        """The sorted local document numbers holding `gram`."""
        at = self._position(gram)
        if at is None:
            return np.empty(0, dtype=np.int32)
        return self.docs[int(self.starts[at]):int(self.starts[at + 1])].astype(np.int32)
