"""A block's printed text, stored as the few edits that turn its normalised text back into it.

The snapshot keeps every block's normalised text uncompressed for phrase checks
(index/snapshot.py), and Whoosh's stored fields used to keep the printed text beside it:
on the real corpus that second copy was 30 of the index's 200 MB. Normalisation maps each
character on its own (index/analysis.py), so the printed text is the normalised text with
the runs of characters that normalisation changed put back: in Chinese prose mostly
full-width punctuation (，→ ,), spaces and quotation marks. A block stores only those
runs, as `(edits, runs)`: for each run, three unsigned LEB128 numbers in `edits` (the
unchanged characters before it, the length of its normalised form, its own length), and
the runs themselves, one after another, in `runs`. A block that normalisation leaves as it
is stores `()`. Segments written before stored the printed text itself, a str.
"""
from __future__ import annotations

from itertools import chain

from .analysis import changed_runs, is_one_to_one, normalise, normalise_with_offsets


def normalised_and_patch(printed: str) -> tuple[str, tuple]:
    """`normalise(printed)`, and what `printed_text` needs besides it to give back `printed`."""
    norm = normalise(printed)
    pieces = changed_runs().split(printed)  # unchanged, run, unchanged, run, ..., unchanged
    if len(pieces) == 1:
        return norm, ()
    runs = pieces[1::2]
    lengths = list(map(len, runs))
    # A run's normalised form is as long as the run unless the run holds a character that
    # normalisation drops or expands (a space, a quotation mark, ㈠).
    normalised = lengths if is_one_to_one(printed) else [len(normalise(run)) for run in runs]
    numbers = list(chain.from_iterable(zip(map(len, pieces[0::2]), normalised, lengths)))
    if max(numbers) < 0x80:  # the usual case: every number fits in one byte
        edits = bytes(numbers)
    else:
        edits = bytearray()
        for number in numbers:
            _append_number(edits, number)
    return norm, (bytes(edits), "".join(runs))


def printed_text(norm: str, stored) -> str:
    """The printed text of a block whose normalised text is `norm` and whose stored text
    field is `stored` (a `printed_patch`, or the printed text itself)."""
    if isinstance(stored, str):
        return stored
    if not stored:
        return norm
    edits, runs = stored
    numbers = _numbers(edits)
    out: list[str] = []
    at = taken = 0  # positions in `norm` and in `runs`
    for i in range(0, len(numbers), 3):
        unchanged, normalised, length = numbers[i:i + 3]
        out.append(norm[at:at + unchanged])
        out.append(runs[taken:taken + length])
        at += unchanged + normalised
        taken += length
    out.append(norm[at:])
    return "".join(out)


def printed_positions(norm: str, stored: tuple, positions: list[int]) -> list[int]:
    """For each of `positions` in `norm`, the position in `printed_text(norm, stored)` of
    the character that normalises to it (what `normalise_with_offsets` of the printed
    text gives), found from the stored edits without normalising the printed text again
    (`stored`: a `printed_patch`, not a printed str)."""
    if not stored:
        return list(positions)
    edits, runs = stored
    numbers = _numbers(edits)
    wanted = sorted(range(len(positions)), key=positions.__getitem__)
    out = [0] * len(positions)
    at = printed = taken = 0  # where the current piece starts in `norm`, the printed text, `runs`
    i = 0
    for k in range(0, len(numbers) + 3, 3):
        # An unchanged stretch, then a changed run (none after the last edit).
        unchanged, normalised, length = numbers[k:k + 3] if k < len(numbers) else (len(norm) - at, 0, 0)
        while i < len(wanted) and positions[wanted[i]] < at + unchanged:
            out[wanted[i]] = printed + positions[wanted[i]] - at
            i += 1
        at, printed = at + unchanged, printed + unchanged
        run = runs[taken:taken + length]
        while i < len(wanted) and positions[wanted[i]] < at + normalised:
            offset = positions[wanted[i]] - at
            normalise(run)  # is_one_to_one knows the characters normalisation has met
            # A run holding characters normalisation drops or expands (quotation marks,
            # spaces, ㈠) maps character by character; any other like unchanged text.
            out[wanted[i]] = printed + (offset if is_one_to_one(run) else normalise_with_offsets(run)[1][offset])
            i += 1
        if i == len(wanted):
            break
        at, printed, taken = at + normalised, printed + length, taken + length
    return out


def _append_number(out: bytearray, number: int) -> None:
    while number >= 0x80:
        out.append(number & 0x7F | 0x80)
        number >>= 7
    out.append(number)


def _numbers(data: bytes) -> list[int]:
    if not data or max(data) < 0x80:  # the usual case: every number in one byte
        return list(data)
    numbers: list[int] = []
    value = shift = 0
    for byte in data:
        value |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
        else:
            numbers.append(value)
            value = shift = 0
    return numbers
