"""Read a term's posting list as numpy arrays, a whole block at a time.

Whoosh's public iterator (`Matcher.all_ids`) yields one id per Python call, about 0.45 µs
each, which for common bigrams costs more than scanning the texts. A Whoosh 3 posting
block stores its ids as a pickled tuple of deltas and its weights as None (all 1), one
float, or a tuple, so numpy decodes a block in a step or two. Anything that is not a plain
Whoosh 3 block matcher (another codec) goes through the public API. Deleted documents are
not removed here: callers keep only the live blocks of their snapshot.
"""
from __future__ import annotations

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.reading import TermNotFound

_NO_IDS = np.empty(0, dtype=np.int32)
_NO_WEIGHTS = np.empty(0, dtype=np.float32)


def term_postings(reader, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    """(sorted document numbers, weights) of a term's postings, deleted documents included.

    The weight is the term's frequency in the document for fields with frequencies, 1.0 else.
    """
    ids, weights = [], []
    for leaf, offset in reader.leaf_readers():
        try:
            matcher = leaf.postings(fieldname, text)
        except TermNotFound:
            continue
        matcher = getattr(matcher, "child", matcher)  # unwrap the deleted-documents filter
        if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:
            while matcher.is_active():
                if matcher._data is None:
                    matcher._read_data()
                block_ids, block_weights = matcher._data[0], matcher._data[1]
                ids.append(np.cumsum(np.asarray(block_ids, dtype=np.int64)) + offset)
                weights.append(np.full(len(block_ids), 1.0 if block_weights is None else block_weights,
                                       dtype=np.float32) if not isinstance(block_weights, tuple)
                               else np.asarray(block_weights, dtype=np.float32))
                matcher._next_block()
        else:
            pairs = []
            while matcher.is_active():
                pairs.append((matcher.id() + offset, matcher.weight()))
                matcher.next()
            ids.append(np.array([p[0] for p in pairs], dtype=np.int64))
            weights.append(np.array([p[1] for p in pairs], dtype=np.float32))
    if not ids:
        return _NO_IDS, _NO_WEIGHTS
    return np.concatenate(ids).astype(np.int32), np.concatenate(weights)


def term_docnums(reader, fieldname: str, text: str) -> np.ndarray:
    """Sorted document numbers (deleted ones included) whose field holds the term."""
    return term_postings(reader, fieldname, text)[0]
