"""Character-bigram postings of one segment, built with numpy and read from a memory map.

For exact phrases a query needs, for a bigram, the blocks whose normalised text contains
it (`analysis.grams`: two adjacent characters, neither punctuation). Whoosh's writer spent
more than half of a build on these postings, one Python call per posting; here a whole
segment's postings come out of a few numpy sorts, and are stored as arrays: the distinct
first characters, where each one's bigrams start, their second characters, where each
bigram's documents start, and the documents: each bigram's first document, then the gaps
between the next ones, 1, 2 or 4 bytes each, as the bigram's widest gap needs (on the
real corpus 57% of the bytes of 4-byte document numbers, first documents and offsets
included).
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
    """The postings of `texts` (the normalised texts of documents `docnums` of a segment of
    `doc_count` documents): the sorted distinct bigrams, as first characters (`firsts`,
    their bigrams beginning at `first_starts`) and second characters (`seconds`), and for
    bigram i the sorted documents holding it, starts[i + 1] - starts[i] of them, packed by
    `_packed_documents`."""
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
    # A bigram is stored as its second character, in the run of its first character's
    # bigrams: 2 bytes a bigram instead of an 8-byte key (a real segment holds 120,000).
    firsts, first_starts = np.unique(distinct_keys >> _CHAR_BITS, return_index=True)
    seconds = distinct_keys & ((1 << _CHAR_BITS) - 1)
    return {"firsts": firsts.astype(np.uint32),
            "first_starts": np.append(first_starts, len(distinct_keys)).astype(np.uint32),
            "seconds": seconds.astype(np.uint16 if len(seconds) and seconds.max() <= 0xFFFF else np.uint32),
            "starts": np.append(starts, len(keys)).astype(np.uint32),
            **_packed_documents(docs, starts, doc_type)}


def _packed_documents(docs: np.ndarray, starts: np.ndarray, doc_type) -> dict[str, np.ndarray]:
    """{"bases", "gap_offsets", "gaps"}: each run's first document (runs begin at `starts`
    in the sorted `docs`), and the gaps to its next documents as little-endian bytes,
    gaps[gap_offsets[i]:gap_offsets[i + 1]], all of run i's gaps as wide as its widest."""
    gaps = np.diff(docs, prepend=0)
    gaps[starts] = 0  # a run's first document is its base, not a gap
    widest = np.maximum.reduceat(gaps, starts) if len(docs) else np.zeros(0, dtype=np.int64)
    width = np.where(widest < 1 << 8, 1, np.where(widest < 1 << 16, 2, 4))
    counts = np.diff(np.append(starts, len(docs)))
    ends = np.cumsum(width * (counts - 1))
    offsets = np.append(0, ends)
    # Every gap's byte position: its run's offset plus its place in the run times the width.
    run = np.repeat(np.arange(len(starts)), counts)
    place = np.arange(len(docs)) - starts[run] - 1
    is_gap = place >= 0
    run, place, values = run[is_gap], place[is_gap], gaps[is_gap]
    position = offsets[run] + width[run] * place
    packed = np.zeros(int(offsets[-1]), dtype=np.uint8)
    for byte in range(4):
        wide_enough = width[run] > byte
        packed[position[wide_enough] + byte] = (values[wide_enough] >> (8 * byte)) & 0xFF
    offset_type = np.uint32 if offsets[-1] < 1 << 32 else np.uint64
    return {"bases": docs[starts].astype(doc_type), "gap_offsets": offsets.astype(offset_type), "gaps": packed}


class BigramPostings:
    """One segment's bigram postings (arrays as `build_postings` returns them, typically
    views of a memory map; segments written before the bigrams were split by character
    have one array of 8-byte keys instead, and segments written before the documents were
    packed as gaps have one array of them, "docs")."""

    def __init__(self, arrays: dict[str, np.ndarray]):
        self.starts, self.docs = arrays["starts"], arrays.get("docs")
        if self.docs is None:
            self.bases, self.gap_offsets, self.gaps = arrays["bases"], arrays["gap_offsets"], arrays["gaps"]
        self.keys = arrays.get("keys")
        if self.keys is None:
            self.firsts, self.first_starts, self.seconds = arrays["firsts"], arrays["first_starts"], arrays["seconds"]

    def _position(self, gram: str) -> int | None:
        if self.keys is not None:
            key = bigram_key(gram)
            at = int(np.searchsorted(self.keys, key))
            return at if at < len(self.keys) and int(self.keys[at]) == key else None
        first, second = ord(gram[0]), ord(gram[1])
        run = int(np.searchsorted(self.firsts, first))
        if run >= len(self.firsts) or int(self.firsts[run]) != first:
            return None
        low, high = int(self.first_starts[run]), int(self.first_starts[run + 1])
        at = low + int(np.searchsorted(self.seconds[low:high], second))
        return at if at < high and int(self.seconds[at]) == second else None

    def frequency(self, gram: str) -> int:
        """How many documents (deleted ones included) hold `gram`."""
        at = self._position(gram)
        return 0 if at is None else int(self.starts[at + 1] - self.starts[at])

    def documents(self, gram: str) -> np.ndarray:
        """The sorted local document numbers holding `gram`."""
        at = self._position(gram)
        if at is None:
            return np.empty(0, dtype=np.int32)
        if self.docs is not None:
            return self.docs[int(self.starts[at]):int(self.starts[at + 1])].astype(np.int32)
        count = int(self.starts[at + 1] - self.starts[at])
        docs = np.empty(count, dtype=np.int32)
        docs[0] = self.bases[at]
        if count > 1:
            low, high = int(self.gap_offsets[at]), int(self.gap_offsets[at + 1])
            width = (high - low) // (count - 1)
            gaps = self.gaps[low:high].view(f"<u{width}")
            np.cumsum(gaps, dtype=np.int32, out=docs[1:])
            docs[1:] += docs[0]
        return docs
