"""Similar passages: the paragraphs of other reports that share a paragraph's telling words.

The measure is BM25 (the engine's own ranking) with the paragraph's jieba words as the
query, after dropping stop-words: one-character words, numbers and punctuation, words so
common that they say nothing (in more than STOPWORD_SHARE of all blocks, or COMMON_BLOCKS
in a small index), and words found in no other block (they cannot be shared). Of the rest,
the MAX_WORDS rarest are kept, so a long paragraph is represented by what is particular to
it. A candidate must share at least MIN_SHARED of those words, and comes from another report.
"""
from __future__ import annotations

import numpy as np

from baogao.index.analysis import words

STOPWORD_SHARE = 0.1
COMMON_BLOCKS = 10
MAX_WORDS = 24
MIN_SHARED = 2


def candidate_words(norm: str) -> list[str]:
    """A paragraph's distinct words that may carry similarity (not one character, not a
    number), in reading order."""
    return [w for w in dict.fromkeys(words(norm)) if len(w) >= 2 and not w.isdigit()]


def telling_words(frequencies: dict[str, int], blocks: int) -> list[str]:
    """Of candidate words and the number of blocks holding each (in the whole corpus),
    those that can tell paragraphs apart, rarest first."""
    common = max(STOPWORD_SHARE * blocks, COMMON_BLOCKS)
    kept = {word: n for word, n in frequencies.items() if 2 <= n <= common}
    return sorted(kept, key=kept.get)[:MAX_WORDS]


def similar_blocks(run, chosen: list[str], own: np.ndarray, limit: int) -> list[tuple[int, float]]:
    """[(docnum, score)] of the blocks outside `own` (the paragraph's report) sharing
    enough of the `chosen` words, best first: the `limit` best and any tied with the last."""
    snap = run.snap
    if not chosen:
        return []
    postings = [run.word_postings(w)[0] for w in chosen]
    candidates, shared = np.unique(np.concatenate(postings), return_counts=True)
    outside = np.ones(len(candidates), dtype=bool)
    outside[np.isin(candidates, own)] = False
    keep = (shared >= min(MIN_SHARED, len(chosen))) & snap.is_block[candidates] & outside
    candidates = candidates[keep].astype(np.int32)
    if not len(candidates):
        return []
    scores = run.bm25(candidates, chosen)
    best = np.argsort(-scores, kind="stable")
    if len(best) > limit:
        best = best[scores[best] >= scores[best[limit - 1]]]
    return [(int(candidates[i]), float(scores[i])) for i in best]
