"""jieba words of short texts (queries) without loading jieba's whole dictionary.

Loading jieba's prefix dictionary (about 500,000 entries) takes 0.3-1 s, most of a
`baogao search` process. A query is a few characters, and jieba's segmentation of a text
depends only on the dictionary entries that are substrings of it. So the dictionary, with
the domain and user dictionaries applied, is written once as a sorted file (in the index
directory, named by a key of the dictionaries' files); a query looks up only its own
substrings by binary search in the mapped file, and jieba segments it with that small
dictionary: the same words as `analysis.words`, which tests/test_analysis.py checks.
"""
from __future__ import annotations

import hashlib
import json
import mmap
import os
import re
import sys
import threading
import time
from functools import lru_cache
from pathlib import Path

import numpy as np

from baogao import settings

from .analysis import DOMAIN_DICTIONARY, import_jieba, is_punctuation, segmenter
from .snapshot import write_atomically

_FILE_NAME = re.compile(r"^jieba-[0-9a-f]{16}\.(dict|json)$")


def is_dictionary_file(name: str) -> bool:
    """Whether a file name in the index directory is a query dictionary."""
    return bool(_FILE_NAME.match(name))


def dictionary_key() -> str:
    """A key of the dictionaries `segmenter()` loads: their paths, sizes and mtimes."""
    jieba = import_jieba()

    sources = [Path(jieba.__file__).with_name("dict.txt"), DOMAIN_DICTIONARY,
               *(Path(p) for p in filter(None, str(settings.get("user_dict")).split(os.pathsep)))]
    parts = []
    for path in sources:
        try:
            stat = path.stat()
            parts.append(f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}:missing")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def dictionary_exists(directory: Path) -> bool:
    """Whether `directory` holds the dictionary file of the current dictionaries."""
    return (Path(directory) / f"jieba-{dictionary_key()}.json").exists()


def write_dictionary(directory: Path) -> None:
    """Write the loaded segmenter's dictionary as a sorted file in `directory` (atomically;
    the JSON, written last, marks it complete)."""
    tokenizer = segmenter()
    key = dictionary_key()
    # jieba also holds every prefix of a word, with frequency 0; the file leaves them out
    # (2.4 MB of 8), and `entries_within` finds a prefix by where it would sort instead.
    entries = sorted((word.encode("utf-8"), freq) for word, freq in tokenizer.FREQ.items() if freq)
    blob = b"".join(word for word, _ in entries)
    ends = np.cumsum([len(word) for word, _ in entries], dtype=np.int64)
    freqs = np.array([freq for _, freq in entries], dtype=np.int64)
    # 4 bytes an entry where they suffice (they do for jieba's dictionary: 4 MB less).
    ends, freqs = (array.astype(_smallest_type(array)) for array in (ends, freqs))
    header = {"entries": len(entries), "total": tokenizer.total, "blob": len(blob),
              "ends": ends.dtype.str, "frequencies": freqs.dtype.str}
    for suffix, data in (("dict", ends.tobytes() + freqs.tobytes() + blob),
                         ("json", json.dumps(header).encode("utf-8"))):
        write_atomically(Path(directory) / f"jieba-{key}.{suffix}", lambda out, data=data: out.write(data))


def _smallest_type(array: np.ndarray) -> np.dtype:
    return np.dtype("<u4") if not len(array) or int(array.max()) < 1 << 32 else np.dtype("<i8")


_KNOWN_LIMIT = 1 << 17  # looked-up pieces a process keeps (a few MB)


class DictionaryFile:
    """A dictionary file written by `write_dictionary`, memory-mapped."""

    def __init__(self, path: Path, header: dict):
        with open(path, "rb") as f:
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        n = header["entries"]
        # Files written before the types were named hold 8-byte ends and frequencies.
        ends_type, freq_type = (np.dtype(header.get(name, "<i8")) for name in ("ends", "frequencies"))
        # Each lookup reads about 40 ends one by one: a memoryview gives Python ints 3 times
        # faster than numpy, where the file's little-endian order is the machine's.
        if sys.byteorder == "little":
            self._ends = memoryview(self._map)[:ends_type.itemsize * n].cast(ends_type.char)
        else:
            self._ends = np.frombuffer(self._map, dtype=ends_type, count=n)
        self._freqs = np.frombuffer(self._map, dtype=freq_type, count=n, offset=ends_type.itemsize * n)
        self._blob_start = (ends_type.itemsize + freq_type.itemsize) * n
        self.count = n
        self.total = header["total"]
        # Looked-up pieces, kept for the process: queries share most of theirs (characters,
        # common words), and each lookup is a binary search of 20 steps in Python.
        self._known: dict[str, int | None] = {}

    def _word(self, i: int) -> bytes:
        start = int(self._ends[i - 1]) if i else 0
        return self._map[self._blob_start + start:self._blob_start + int(self._ends[i])]

    def frequency(self, word: str) -> int | None:
        """The word's frequency; 0 for a prefix of a longer word; None when it is neither."""
        if word in self._known:
            return self._known[word]
        if len(self._known) >= _KNOWN_LIMIT:
            self._known.clear()
        found = self._known[word] = self._lookup(word)
        return found

    def _lookup(self, word: str) -> int | None:
        target = word.encode("utf-8")
        low, high = 0, self.count
        while low < high:
            middle = (low + high) // 2
            if self._word(middle) < target:
                low = middle + 1
            else:
                high = middle
        if low == self.count:
            return None
        found = self._word(low)  # the first entry at or after `word`: it starts with any word it extends
        if found == target:
            return int(self._freqs[low])
        return 0 if found.startswith(target) else None

    def entries_within(self, text: str) -> dict[str, int]:
        """Every entry that is a substring of `text`, with its frequency, and every
        substring that begins an entry, with 0: the dictionary jieba builds, cut down to
        `text`. A substring that begins no entry cannot be extended into one, so extending
        stops at the first miss, as jieba's own DAG building does."""
        found: dict[str, int] = {}
        for start in range(len(text)):
            for end in range(start + 1, len(text) + 1):
                piece = text[start:end]
                frequency = found.get(piece)
                if frequency is None:
                    frequency = self.frequency(piece)
                    if frequency is None:
                        break
                    found[piece] = frequency
        return found


@lru_cache(maxsize=8)
def _open(directory: str, key: str) -> DictionaryFile | None:
    path = Path(directory) / f"jieba-{key}.json"
    if not path.exists():
        return None
    return DictionaryFile(path.with_suffix(".dict"), json.loads(path.read_text(encoding="utf-8")))


_LOCK = threading.Lock()


_KEY_SECONDS = 2.0  # how long a computed dictionary key is trusted (its files are stat'ed)
_key_memo: tuple[float, str] = (float("-inf"), "")


def _current_key() -> str:
    """`dictionary_key()`, recomputed at most every _KEY_SECONDS: one query splits its
    text several times (ranking, statistics, highlighting), and the key stats three files."""
    global _key_memo
    now = time.monotonic()
    at, key = _key_memo
    if now - at > _KEY_SECONDS:
        key = dictionary_key()
        _key_memo = (now, key)
    return key


def query_words(norm: str, directory: Path) -> list[str]:
    """jieba words (precise mode, punctuation dropped) of a short normalised text: exactly
    `analysis.words(norm)`, from the dictionary file in `directory` when there is one (else
    from the full dictionary, writing the file for next time if the directory allows)."""
    return list(_words(norm, str(directory), _current_key()))


@lru_cache(maxsize=4096)
def _words(norm: str, directory: str, key: str) -> tuple[str, ...]:
    """query_words of `norm` with the dictionaries of `key` (a new key: new entries)."""
    jieba = import_jieba()

    dictionary = _open(directory, key)
    if dictionary is None:
        with _LOCK:
            try:
                write_dictionary(Path(directory))
                _open.cache_clear()
            except OSError:
                pass  # a read-only index: the full dictionary answers
        dictionary = _open(directory, key)
    if dictionary is None:
        tokenizer = segmenter()
    else:
        tokenizer = jieba.Tokenizer()
        tokenizer.FREQ, tokenizer.total = dictionary.entries_within(norm), dictionary.total
        tokenizer.initialized = True
    return tuple(w for w in tokenizer.lcut(norm, HMM=True) if not all(is_punctuation(c) for c in w))
