"""A block's printed text comes back exactly from its normalised text and the stored edits."""
import subprocess
import sys

from hypothesis import given, settings, strategies as st

from baogao.index.analysis import normalise
from baogao.index.printed import normalised_and_patch, printed_text
from baogao.search.snippets import match_spans, stored_match_spans

from .conftest import SEEDS

# Characters normalisation keeps, changes one to one (full width, traditional), drops
# (spaces, quotation marks) or expands (㈠ -> (一)).
TRICKY = "法治政府建设枫桥经验，。；：（）“”‘’「」 \u3000\t１２３ＡＢ國權發㈠㈡⑴abc,.-\u200b"


def round_trip(printed: str) -> str:
    norm, patch = normalised_and_patch(printed)
    assert norm == normalise(printed)
    return printed_text(norm, patch)


def test_every_line_of_the_seeds_comes_back_as_printed():
    lines = [line for path in sorted(SEEDS.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 100
    assert all(round_trip(line) == line for line in lines)


def test_traps_come_back_as_printed():
    for printed in ["", "法治", "“枫桥经验”", "  ㈠ 法治　政府 ", "國家權力，依法行政。", "ＡＢＣ１２３" * 50,
                    "法" * 300 + "，" + "治" * 20000 + "“”"]:  # gaps past one byte
        assert round_trip(printed) == printed


def test_a_text_normalisation_leaves_alone_stores_nothing():
    assert normalised_and_patch("法治政府建设。、")[1] == ()


def test_older_segments_stored_text_is_the_printed_text():
    assert printed_text("法治,政府", "法治，政府") == "法治，政府"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=60))
def test_any_text_comes_back_as_printed(printed):
    assert round_trip(printed) == printed


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(TRICKY), max_size=60),
       st.lists(st.text(alphabet=st.sampled_from(TRICKY), min_size=1, max_size=3), min_size=1, max_size=3))
def test_matches_carried_from_the_normalised_text_land_where_the_printed_text_has_them(printed, typed):
    # A hit's spans are found in the snapshot's normalised text and carried to the printed
    # text through the stored edits; they must be the spans of matching the printed text.
    norm, patch = normalised_and_patch(printed)
    needles = [n for n in dict.fromkeys(normalise(t) for t in typed) if n]
    assert stored_match_spans(norm, patch, needles) == match_spans(printed, needles)


def test_spans_of_a_quoted_phrase_cover_its_printed_quotation_marks():
    printed = "坚持和发展新时代“枫桥经验”，深化“枫桥 经验”。"
    norm, patch = normalised_and_patch(printed)
    spans = stored_match_spans(norm, patch, ["枫桥经验"])
    assert [printed[s:e] for s, e in spans] == ["枫桥经验", "枫桥 经验"]


def test_spans_come_out_right_in_a_process_that_never_normalised_the_printed_text():
    # A search process reads the edits a build wrote: normalisation has not yet met the
    # printed characters (⒀ expands, the quotation marks drop), and must not take them
    # for characters that map one to one.
    printed = "落实⒀项“八五普法”任务"
    norm, patch = normalised_and_patch(printed)
    script = ("import sys; from baogao.search.snippets import stored_match_spans; "
              f"print(stored_match_spans({norm!r}, {patch!r}, ['八五普法', '13']))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == str(match_spans(printed, ["八五普法", "13"]))
