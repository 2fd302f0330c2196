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


def telling_words(run, norm: str) -> list[str]:
    """The paragraph's words that can carry similarity, rarest first."""
    common = max(STOPWORD_SHARE * run.snap.block_count, COMMON_BLOCKS)
    kept = {}
    for word in words(norm):
        if len(word) < 2 or word.isdigit() or word in kept:
            continue
        frequency = len(run.word_postings(word)[0])
        if 2 <= frequency <= common:
            kept[word] = frequency
    return sorted(kept, key=kept.get)[:MAX_WORDS]


def similar_blocks(run, docnum: int, limit: int) -> tuple[list[str], list[tuple[int, float]]]:
    """(the words used, [(docnum, score)] of the most similar blocks in other reports), for
    one query run (its snapshot's columns, its word postings)."""
    snap = run.snap
    chosen = telling_words(run, snap.text(docnum))
    if not chosen:
        return chosen, []
    postings = [run.word_postings(w)[0] for w in chosen]
    candidates, shared = np.unique(np.concatenate(postings), return_counts=True)
    keep = (shared >= min(MIN_SHARED, len(chosen))) & snap.is_block[candidates] \
        & (snap.report_rank[candidates] != snap.report_rank[docnum])
    candidates = candidates[keep].astype(np.int32)
    if not len(candidates):
        return chosen, []
    scores = run.bm25(candidates, chosen)
    best = np.argsort(-scores, kind="stable")[:limit]
    return chosen, [(int(candidates[i]), float(scores[i])) for i in best]
