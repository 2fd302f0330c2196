"""Normalisation and tokenizers, shared by the index and the query side so they never disagree.

Normalisation maps each character on its own, in this order: Unicode NFKC (full width ->
half width), OpenCC t2s (traditional -> simplified), then drops whitespace and the
quotation marks “”‘’「」『』"'. Mapping character by character keeps an exact map from
normalised offsets back to the printed text (for highlighting), and makes the normalised
form of a substring a substring of the normalised whole.

Two analyses of the normalised text feed the index:
- words: jieba precise mode with the domain dictionary, for ranking and scattered matches;
- grams: character bigrams that never cross punctuation, for exact phrases (a query with
  no bigram, such as one character, is answered by scanning the normalised texts).
"""
from __future__ import annotations

import logging
import os
import re
import sys
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

from whoosh.analysis import Token, Tokenizer

from baogao import settings

DROPPED = set("“”‘’「」『』\"'") | {"\u2018", "\u2019", "\u201c", "\u201d"}
DOMAIN_DICTIONARY = Path(__file__).with_name("data") / "domain_words.txt"


class _CharTable(dict):
    """str.translate table that computes each character's normalised form on first use."""

    def __missing__(self, code: int):
        ch = chr(code)
        out = []
        for c in unicodedata.normalize("NFKC", ch):
            if c.isspace() or c in DROPPED or unicodedata.category(c) in ("Cc", "Cf"):
                continue
            out.append(_t2s(c))
        value = "".join(out) or None
        if value is None or len(value) != 1:
            _NOT_ONE_TO_ONE.add(ch)
        if value != ch:
            _CHANGED.add(ch)
        self[code] = value
        return value


_OPENCC = None
_OPENCC_LOCK = threading.Lock()


def _t2s(ch: str) -> str:
    global _OPENCC
    if _OPENCC is None:
        with _OPENCC_LOCK:
            if _OPENCC is None:
                import opencc

                _OPENCC = opencc.OpenCC("t2s")
    return _OPENCC.convert(ch)


_TABLE = _CharTable()
_NOT_ONE_TO_ONE: set[str] = set()  # characters the table drops or expands, seen so far
_CHANGED: set[str] = set()  # characters the table maps to anything but themselves, seen so far


class _SimplifiedTable(dict):
    """str.translate table: each character to its simplified form when that is one character."""

    def __missing__(self, code: int):
        converted = _t2s(chr(code))
        value = converted if len(converted) == 1 else chr(code)
        self[code] = value
        return value


_SIMPLIFIED = _SimplifiedTable()


def to_simplified(text: str) -> str:
    """`text` in simplified characters, same length and punctuation (for the parser's patterns)."""
    return text.translate(_SIMPLIFIED)


def normalise(text: str) -> str:
    """The searchable form of `text` (NFKC, simplified characters, no spaces or quotes)."""
    return text.translate(_TABLE)


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """`normalise(text)` and, for every normalised character, its index in `text`."""
    norm = text.translate(_TABLE)  # also fills the table for every character of `text`
    if _NOT_ONE_TO_ONE.isdisjoint(text):  # every character maps to one: the usual case
        return norm, list(range(len(text)))
    # Runs of one-to-one characters between the few that are dropped or expanded (quotes,
    # spaces, ㈠), found by a regular expression instead of a Python step per character
    # (this runs for every hit shown).
    offsets: list[int] = []
    done = 0
    for match in _special_characters().finditer(text):
        at = match.start()
        offsets.extend(range(done, at))
        offsets.extend([at] * len(_TABLE[ord(match.group())] or ""))
        done = at + 1
    offsets.extend(range(done, len(text)))
    return norm, offsets


_patterns: dict[tuple[int, str], tuple[int, re.Pattern]] = {}


def _pattern_of(characters: set[str], repeat: str = "") -> re.Pattern:
    """A pattern matching one of `characters` (`repeat` "+": a run of them), a set the
    table fills as it meets characters (so the pattern is rebuilt when the set grows)."""
    size, pattern = _patterns.get((id(characters), repeat), (-1, None))
    if size != len(characters):
        ordered = sorted(characters)
        characters_class = "[" + "".join(re.escape(c) for c in ordered) + "]"
        pattern = re.compile(f"({characters_class}{repeat})" if ordered else "(?!)")
        _patterns[(id(characters), repeat)] = (len(ordered), pattern)
    return pattern


def _special_characters() -> re.Pattern:
    """A pattern of the characters the table drops or expands."""
    return _pattern_of(_NOT_ONE_TO_ONE)


def is_one_to_one(text: str) -> bool:
    """Whether normalisation maps every character of `text` to exactly one character
    (valid once `normalise(text)` has run: the table knows the characters it has met)."""
    return _NOT_ONE_TO_ONE.isdisjoint(text)


def changed_runs() -> re.Pattern:
    """A pattern whose one group matches a run of characters that normalisation changes
    (valid for a text once `normalise(text)` has run)."""
    return _pattern_of(_CHANGED, "+")


def is_punctuation(ch: str) -> bool:
    """Characters that end an n-gram: punctuation and symbols (，。、.%《》…)."""
    return unicodedata.category(ch)[0] in "PSZC"


def runs(norm: str) -> list[str]:
    """Maximal stretches of a normalised text without punctuation."""
    out, current = [], []
    for ch in norm:
        if is_punctuation(ch):
            if current:
                out.append("".join(current))
                current = []
        else:
            current.append(ch)
    if current:
        out.append("".join(current))
    return out


def grams(norm: str) -> set[str]:
    """The distinct character bigrams of a normalised text, none crossing punctuation."""
    found: set[str] = set()
    for run in runs(norm):
        found.update(run[i:i + 2] for i in range(len(run) - 1))
    return found


def query_grams(norm: str) -> list[str]:
    """The bigrams that every text containing `norm` must contain. Empty for a text with
    no two adjacent non-punctuation characters: such queries scan the texts instead."""
    return sorted(grams(norm))


def import_jieba():
    """The jieba module, imported without setuptools' pkg_resources.

    jieba imports pkg_resources only to open its own dictionary file, and falls back to
    opening it by path when it cannot; pkg_resources took 0.36 of the 0.40 s that importing
    jieba costs, which every `baogao search` process pays. So it is hidden while jieba is
    imported, and nothing else is changed (a later import of it works as before)."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # an import of it raises ImportError
    try:
        import jieba
    finally:
        if hidden:
            del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=1)
def segmenter():
    """A jieba tokenizer loaded with the domain dictionary and any user dictionary."""
    jieba = import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for path in [DOMAIN_DICTIONARY, *filter(None, str(settings.get("user_dict")).split(os.pathsep))]:
        try:
            with open(path, "rb") as dictionary:  # jieba leaves files it opens itself unclosed
                tokenizer.load_userdict(dictionary)
        except OSError as exc:
            raise settings.SettingError(f"{settings.BY_NAME['user_dict'].env}: cannot read the "
                                        f"dictionary {path} ({exc.strerror or exc})") from None
    return tokenizer


def words(norm: str) -> list[str]:
    """jieba words (precise mode) of a normalised text, punctuation dropped."""
    # Most words start with a letter or digit, which settles them in one call.
    return [w for w in segmenter().lcut(norm, HMM=True) if w[:1].isalnum() or not _all_punctuation(w)]


def _all_punctuation(word: str) -> bool:
    return all(is_punctuation(c) for c in word)


class _NormalisedTokenizer(Tokenizer):
    """A Whoosh tokenizer that normalises its text and yields `pieces(norm)` as tokens.

    Builds hand Whoosh token lists computed once (index/build.py), which Whoosh indexes
    without calling the tokenizer; the tokenizer analyses any text given as a string.
    """

    def pieces(self, norm: str):
        raise NotImplementedError

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, piece in enumerate(self.pieces(normalise(value)) if tokenize else [value]):
            token.text = piece
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + pos
            yield token


class WordTokenizer(_NormalisedTokenizer):
    """jieba words with consecutive positions."""

    def pieces(self, norm: str):
        return words(norm)
