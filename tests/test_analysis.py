"""The normaliser and the tokenizers shared by index and queries."""
import pytest
from hypothesis import given, settings, strategies as st

from baogao.index.analysis import WordTokenizer, grams, normalise, normalise_with_offsets, query_grams, words
from baogao.index.bigrams import BigramPostings, build_postings


@pytest.mark.parametrize("text, norm", [
    ("楓橋經驗", "枫桥经验"),
    ("“八五”普法", "八五普法"),
    ("１２.４", "12.4"),
    ("2025 年\u3000度", "2025年度"),
    ("「法律明白人」『三重一大』", "法律明白人三重一大"),
    ("ＡＢＣ（一）", "ABC(一)"),
])
def test_normalise(text, norm):
    assert normalise(text) == norm


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("法治楓橋經驗“”「」 \u3000１２.，。㈠ABCａ"), max_size=30))
def test_offsets_map_each_normalised_character_back_to_its_source(text):
    norm, origin = normalise_with_offsets(text)
    assert norm == normalise(text) and len(origin) == len(norm)
    assert origin == sorted(origin)
    for i, j in enumerate(origin):
        assert norm[i] in normalise(text[j])


def test_grams_never_cross_punctuation():
    assert grams(normalise("小事不出村，大事不出镇")) == {"小事", "事不", "不出", "出村", "大事", "出镇"}
    assert query_grams("镇") == [] and query_grams("12.4") == ["12"]


def test_tokenizer_gives_what_builds_index():
    text = "深化新时代“枫桥经验”，推进法治政府建设"
    assert [t.text for t in WordTokenizer()(text)] == words(normalise(text))
    assert "枫桥经验" in words(normalise(text))  # the domain dictionary is loaded


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("法治枫桥经验，。12.ab𠀀"), max_size=12), max_size=8),
       st.integers(0, 3))
def test_bigram_postings_hold_exactly_the_grams_of_each_text(texts, gap):
    """The numpy postings agree with grams() for every text (a document number skipped
    now and then, as a segment's report records are)."""
    norms = [normalise(t) for t in texts]
    docnums = [i * (gap + 1) for i in range(len(norms))]
    postings = BigramPostings(build_postings(norms, docnums, max(docnums, default=0) + 1))
    every = set().union(*(grams(n) for n in norms)) | {"法法", "a𠀀"}
    for gram in every:
        expected = [d for d, n in zip(docnums, norms) if gram in grams(n)]
        assert postings.documents(gram).tolist() == expected
        assert postings.frequency(gram) == len(expected)
