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
        expected = [d for d, n in zip(docnums, norms, strict=True) if gram in grams(n)]
        assert postings.documents(gram).tolist() == expected
        assert postings.frequency(gram) == len(expected)


def test_bigram_postings_of_segments_written_with_one_key_per_bigram_still_read():
    """Segments written before the bigrams were split by character hold 8-byte keys."""
    import numpy as np

    from baogao.index.bigrams import bigram_key

    norms = [normalise(t) for t in ("法治政府建设", "枫桥经验𠀀法治", "法治。建设")]
    new = build_postings(norms, [0, 2, 3], 4)
    keys = np.array(sorted(bigram_key(g) for g in set().union(*map(grams, norms))), dtype=np.int64)
    old = BigramPostings({"keys": keys, "starts": new["starts"].astype(np.int64), "docs": new["docs"]})
    for gram in set().union(*map(grams, norms)) | {"治建", "经𠀀"}:
        assert old.documents(gram).tolist() == BigramPostings(new).documents(gram).tolist()


@pytest.fixture(scope="module")
def dictionary_dir(tmp_path_factory):
    from baogao.index.query_words import write_dictionary

    directory = tmp_path_factory.mktemp("dictionary")
    write_dictionary(directory)
    return directory


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["枫桥经验", "矛盾纠纷", "调解", "法治政府", "建设", "依法行政", "八五普法", "法律明白人",
                                 "小事不出村", "大事", "不出", "镇", "的", "2024", "年", "ABC", "，", "我们", "推进"]),
                max_size=8).map("".join))
def test_query_words_from_the_dictionary_file_are_jiebas_words(dictionary_dir, text):
    from baogao.index.query_words import query_words

    norm = normalise(text)
    assert query_words(norm, dictionary_dir) == words(norm)


def test_a_search_process_never_loads_the_whole_dictionary(tmp_path):
    """After a build (which writes the dictionary file), a search segments its words from
    the file: jieba's full dictionary is never loaded in the search process."""
    import subprocess
    import sys

    from baogao.index.build import build_index

    from .conftest import SEEDS

    build_index([SEEDS / "001_e2fabbbe98248fdd.txt"], tmp_path / "ix")
    script = ("import sys\nfrom baogao.search.engine import Engine\nfrom baogao.search.request import SearchRequest\n"
              "from baogao.index.analysis import segmenter\n"
              "answer = Engine(sys.argv[1]).search(SearchRequest('矛盾纠纷 调解 \"法治\"'))\n"
              "print(answer['total'], segmenter.cache_info().currsize)\n")
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "ix")], capture_output=True, text=True,
                         timeout=120, check=True).stdout.split()
    assert int(out[0]) > 0 and out[1] == "0"
