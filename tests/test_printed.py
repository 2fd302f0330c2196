"""A block's printed text comes back exactly from its normalised text and the stored edits."""
from hypothesis import given, settings, strategies as st

from baogao.index.analysis import normalise
from baogao.index.printed import normalised_and_patch, printed_text

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
