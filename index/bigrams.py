"""Character-bigram postings of one segment, built with numpy and read from a memory map.

For exact phrases a query needs, for a bigram, the blocks whose normalised text contains
it (`analysis.grams`: two adjacent characters, neither punctuation). Whoosh's writer spent
more than half of a build on these postings, one Python call per posting; here a whole
segment's postings come out of a few numpy sorts, and are stored as arrays: the distinct
first characters, where each one's bigrams start, their second characters, where each
bigram's documents start, and the documents: each bigram's first document, then the gaps
between the next ones as variable-length numbers (LEB128: 7 bits a byte; on the real
corpus half the gaps are under 24 and a quarter over 266, so a gap takes 1.3 bytes where a
fixed width per bigram took 2). Segments written before hold the gaps of each bigram in 1,
2 or 4 bytes each, as its widest gap needed ("gaps" instead of "varints").
"""
from __future__ import annotations

import numpy as np

from .analysis import is_punctuation

_CHAR_BITS = 21  # every Unicode code point fits in 21 bits
_DOC_BITS = 21  # local document numbers in one segment (2 million)
_PIECE_CHARACTERS = 1 << 20
_FEW_GRAMS = 12  # up to this many, looked up one by one (BigramPostings.frequencies)


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
    # Each step below takes tens of bytes a character; in pieces of about a million
    # characters a large merged segment does not need gigabytes. Pieces hold different
    # documents, so their (bigram, document) pairs never repeat across pieces.
    pieces, piece, size = [], ([], []), 0
    for text, docnum in zip(texts, docnums, strict=True):
        piece[0].append(text)
        piece[1].append(docnum)
        size += len(text)
        if size >= _PIECE_CHARACTERS:
            pieces.append(_pairs(*piece))
            piece, size = ([], []), 0
    pieces.append(_pairs(*piece))
    keys = np.sort(np.concatenate(pieces))  # distinct (bigram, doc), sorted
    del pieces
    docs = (keys & ((1 << _DOC_BITS) - 1)).astype(np.int32)
    np.right_shift(keys, _DOC_BITS, out=keys)  # in place: a segment holds millions of pairs
    starts = np.flatnonzero(np.diff(keys, prepend=-1))  # where each bigram's documents begin
    distinct_keys = keys[starts]
    # A bigram is stored as its second character, in the run of its first character's
    # bigrams: 2 bytes a bigram instead of an 8-byte key (a real segment holds 120,000).
    firsts, first_starts = np.unique(distinct_keys >> _CHAR_BITS, return_index=True)
    seconds = distinct_keys & ((1 << _CHAR_BITS) - 1)
    return {"firsts": firsts.astype(np.uint32),
            "first_starts": np.append(first_starts, len(distinct_keys)).astype(np.uint32),
            "seconds": seconds.astype(np.uint16 if len(seconds) and seconds.max() <= 0xFFFF else np.uint32),
            "starts": np.append(starts, len(keys)).astype(np.uint32),
            **_packed_documents(docs, starts, doc_type)}


def _pairs(texts: list[str], docnums: list[int]) -> np.ndarray:
    """The sorted distinct (bigram key << _DOC_BITS | document) of some documents."""
    if not texts:
        return np.zeros(0, dtype=np.int64)
    # One string, texts separated by a line break, which like punctuation ends a bigram.
    codes = np.frombuffer("\n".join(texts).encode("utf-32-le"), dtype=np.uint32)
    owner = np.repeat(np.asarray(docnums, dtype=np.int64), [len(t) + 1 for t in texts])[:len(codes)]
    distinct, inverse = np.unique(codes, return_inverse=True)
    breaks = np.array([is_punctuation(chr(c)) for c in distinct.tolist()], dtype=bool)[inverse]
    pair = ~breaks[:-1] & ~breaks[1:]
    keys = (codes[:-1][pair].astype(np.int64) << _CHAR_BITS) | codes[1:][pair]
    return np.unique((keys << _DOC_BITS) | owner[:-1][pair])


def _packed_documents(docs: np.ndarray, starts: np.ndarray, doc_type) -> dict[str, np.ndarray]:
    """{"bases", "gap_offsets", "varints"}: each run's first document (runs begin at
    `starts` in the sorted `docs`), and the gaps to its next documents as LEB128 numbers,
    varints[gap_offsets[i]:gap_offsets[i + 1]] for run i."""
    is_gap = np.ones(len(docs), dtype=bool)
    is_gap[starts] = False  # a run's first document is its base, not a gap
    values = np.diff(docs, prepend=0)[is_gap]
    del is_gap
    sizes = (values >= 1 << 7).astype(np.uint8)  # bytes per gap: gaps are under 2**21
    sizes += values >= 1 << 14
    sizes += 1
    first_byte = np.cumsum(sizes, dtype=np.int64)
    packed = np.zeros(int(first_byte[-1]) if len(first_byte) else 0, dtype=np.uint8)
    first_byte -= sizes
    for byte in range(3):
        has = np.flatnonzero(sizes > byte)
        more = (sizes[has] > byte + 1).astype(np.uint8) << 7  # the continuation bit
        packed[first_byte[has] + byte] = ((values[has] >> (7 * byte)) & 0x7F).astype(np.uint8) | more
    # Run i's gaps are values starts[i] - i onwards (each earlier run has one fewer gap
    # than documents), so its bytes begin where that value's do.
    value_starts = np.append(first_byte, packed.size)[starts - np.arange(len(starts))]
    offsets = np.append(value_starts, packed.size)
    offset_type = np.uint32 if packed.size < 1 << 32 else np.uint64
    return {"bases": docs[starts].astype(doc_type), "gap_offsets": offsets.astype(offset_type), "varints": packed}


def _varint_values(data: np.ndarray, count: int) -> np.ndarray:
    """The `count` LEB128 numbers in bytes `data` (each of one to three bytes)."""
    if len(data) == count:  # every number in one byte: the usual case for common bigrams
        return data
    low = (data & 0x7F).astype(np.int32)
    last = np.flatnonzero(data < 0x80)  # each number's last byte
    first = np.empty_like(last)
    first[0], first[1:] = 0, last[:-1] + 1
    values = low[first]
    for byte in (1, 2):
        longer = np.flatnonzero(last - first >= byte)
        values[longer] |= low[first[longer] + byte] << (7 * byte)
    return values


class BigramPostings:
    """One segment's bigram postings (arrays as `build_postings` returns them, typically
    views of a memory map; segments written before the bigrams were split by character
    have one array of 8-byte keys instead, segments written before the documents were
    packed as gaps have one array of them, "docs", and segments written before the gaps
    were LEB128 numbers have them in fixed widths, "gaps")."""

    def __init__(self, arrays: dict[str, np.ndarray]):
        self.starts, self.docs = arrays["starts"], arrays.get("docs")
        if self.docs is None:
            self.bases, self.gap_offsets = arrays["bases"], arrays["gap_offsets"]
            self.varints, self.gaps = arrays.get("varints"), arrays.get("gaps")
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

    def positions(self, grams: list[str]) -> np.ndarray:
        """Where each of `grams` is in this segment's list of bigrams (-1: not here). They
        are looked up together when there are many: a long quoted line has dozens of
        bigrams, and one numpy search for all of them costs what one for each did (a fifth
        of the time of a query for a line of a real report). A few are looked up one by
        one, which costs less than the rounds of a search for all of them."""
        found = np.full(len(grams), -1, dtype=np.int64)
        if not grams or len(self.starts) < 2:  # no bigram at all in this segment
            return found
        if len(grams) <= _FEW_GRAMS:
            for i, gram in enumerate(grams):
                at = self._position(gram)
                if at is not None:
                    found[i] = at
            return found
        if self.keys is not None:
            keys = np.array([bigram_key(g) for g in grams], dtype=self.keys.dtype)
            at = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
            hit = self.keys[at] == keys
        else:
            firsts = np.array([ord(g[0]) for g in grams], dtype=np.int64)
            seconds = np.array([ord(g[1]) for g in grams], dtype=np.int64)
            run = np.minimum(np.searchsorted(self.firsts, firsts), len(self.firsts) - 1)
            has_first = self.firsts[run] == firsts
            low, high = self.first_starts[run].astype(np.int64), self.first_starts[run + 1].astype(np.int64)
            end = high.copy()
            # A binary search of each gram's run of second characters, all runs at once.
            while (open_ := low < high).any():
                middle = np.where(open_, (low + high) // 2, 0)
                below = open_ & (self.seconds[middle] < seconds)
                low = np.where(below, middle + 1, low)
                high = np.where(open_ & ~below, middle, high)
            at = np.minimum(low, len(self.seconds) - 1)
            hit = has_first & (low < end) & (self.seconds[at] == seconds)
        found[hit] = at[hit]
        return found

    def counts(self, positions: np.ndarray) -> np.ndarray:
        """How many documents (deleted ones included) hold each bigram at `positions`
        (as `positions` gives them; -1 counts 0)."""
        found = np.zeros(len(positions), dtype=np.int64)
        hit = positions >= 0
        found[hit] = self.starts[positions[hit] + 1].astype(np.int64) - self.starts[positions[hit]]
        return found

    def run(self, at: int) -> tuple[int, int, np.ndarray] | None:
        """The bigram at position `at` as (first document, number of documents, the LEB128
        gaps to the others), or None for segments written before the gaps were LEB128."""
        if self.docs is not None or self.varints is None:
            return None
        low, high = int(self.gap_offsets[at]), int(self.gap_offsets[at + 1])
        return int(self.bases[at]), int(self.starts[at + 1] - self.starts[at]), self.varints[low:high]

    def documents(self, gram: str) -> np.ndarray:
        """The sorted local document numbers holding `gram`."""
        at = self._position(gram)
        return np.empty(0, dtype=np.int32) if at is None else self.documents_at(at)

    def documents_at(self, at: int) -> np.ndarray:
        """The sorted local document numbers holding the bigram at position `at`."""
        if self.docs is not None:
            return self.docs[int(self.starts[at]):int(self.starts[at + 1])].astype(np.int32)
        run = self.run(at)
        if run is not None:
            return run_documents([run])
        # Gaps of one width for all of the bigram's gaps (segments written before LEB128).
        count = int(self.starts[at + 1] - self.starts[at])
        docs = np.empty(count, dtype=np.int32)
        docs[0] = self.bases[at]
        if count > 1:
            low, high = int(self.gap_offsets[at]), int(self.gap_offsets[at + 1])
            gaps = self.gaps[low:high].view(f"<u{(high - low) // (count - 1)}")
            np.cumsum(gaps, dtype=np.int32, out=docs[1:])
            docs[1:] += docs[0]
        return docs


def run_documents(runs: list[tuple[int, int, np.ndarray]]) -> np.ndarray:
    """The documents of several bigram runs (as `BigramPostings.run` gives them, first
    documents already moved to the caller's numbering), one run after another, decoded
    together: a common phrase's bigram has a run in every segment, and decoding each on
    its own cost a dozen numpy calls a segment, more than the decoding itself for a
    bigram of a few thousand documents."""
    counts = np.array([count for _, count, _ in runs], dtype=np.int64)
    total = int(counts.sum())
    heads = np.cumsum(counts) - counts  # where each run's first document goes
    steps = np.zeros(total, dtype=np.int64)
    is_gap = np.ones(total, dtype=bool)
    is_gap[heads] = False
    data = np.concatenate([gaps for _, _, gaps in runs])
    steps[is_gap] = _varint_values(data, total - len(runs))
    sums = np.cumsum(steps)
    # Each run restarts at its first document: add what the runs before it summed to.
    firsts = np.array([first for first, _, _ in runs], dtype=np.int64)
    sums += np.repeat(firsts - sums[heads], counts)
    return sums.astype(np.int32)
