"""The normaliser and the tokenizers shared by index and queries."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from baogao.index.analysis import WordTokenizer, grams, normalise, normalise_with_offsets, query_grams, words
from baogao.index.bigrams import BigramPostings, build_postings, run_documents


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
    every = sorted(set().union(*(grams(n) for n in norms)) | {"法法", "a𠀀", "𠀀法", "ab"})
    counts = []
    for gram in every:
        expected = [d for d, n in zip(docnums, norms, strict=True) if gram in grams(n)]
        assert postings.documents(gram).tolist() == expected
        counts.append(len(expected))
    assert postings.counts(postings.positions(every)).tolist() == counts  # looked up together when many
    assert [int(postings.counts(postings.positions([gram]))[0]) for gram in every] == counts  # and one by one


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.text(alphabet=st.sampled_from("法治枫桥，"), max_size=6), max_size=40), min_size=1, max_size=4))
def test_a_bigrams_runs_in_several_segments_decode_together_as_each_alone(segments):
    """A query decodes a bigram's documents in every segment in one pass (run_documents);
    the result is each segment's documents, moved by its offset, one after another."""
    runs, expected, offset = {}, {}, 0
    for texts in segments:
        docnums = [i * 150 for i in range(len(texts))]  # gaps of two LEB128 bytes
        postings = BigramPostings(build_postings([normalise(t) for t in texts], docnums, len(texts) * 150 + 1))
        for gram in ("法治", "治枫", "枫桥", "桥法"):
            (at,) = postings.positions([gram]).tolist()
            if at >= 0:
                first, count, gaps = postings.run(at)
                runs.setdefault(gram, []).append((first + offset, count, gaps))
                expected.setdefault(gram, []).extend((postings.documents(gram) + offset).tolist())
        offset += len(texts) * 150 + 1
    for gram, found in runs.items():
        assert run_documents(found).tolist() == expected[gram]


def test_bigram_postings_built_in_pieces_are_the_same(monkeypatch):
    """A segment's texts are taken a million characters at a time; here a few."""
    import baogao.index.bigrams as bigrams

    norms = [normalise(t) for t in ("法治政府建设", "枫桥经验，法治", "", "法治。建设", "政府法治政府")]
    docnums = [0, 2, 3, 5, 6]
    whole = bigrams.build_postings(norms, docnums, 7)
    monkeypatch.setattr(bigrams, "_PIECE_CHARACTERS", 4)
    pieces = bigrams.build_postings(norms, docnums, 7)
    assert whole.keys() == pieces.keys()
    assert all(np.array_equal(whole[name], pieces[name]) for name in whole)
    assert BigramPostings(pieces).documents("法治").tolist() == [0, 2, 5, 6]


def test_bigram_documents_far_apart_are_packed_as_longer_numbers():
    """Gaps of one, two and three LEB128 bytes, mixed in one bigram, read back as written."""
    holding = {"法治": [0, 1, 2], "依法": [1, 256], "建设": [0, 256], "政府": [0, 255, 256, 65_791],
               "枫桥": [1, 65_537], "经验": [2, 1_900_000]}
    docnums = sorted(set().union(*holding.values()))
    texts = ["".join(g for g, docs in holding.items() if d in docs) for d in docnums]
    postings = BigramPostings(build_postings(texts, docnums, 2_000_000))
    for gram, docs in holding.items():
        assert postings.documents(gram).tolist() == docs
    assert postings.counts(postings.positions([*holding, "法法"])).tolist() == [*map(len, holding.values()), 0]


def test_bigram_gaps_written_in_fixed_widths_still_read():
    """Segments written before the gaps were LEB128 numbers hold each bigram's gaps in one
    width, 1, 2 or 4 bytes, as its widest gap needed."""
    holding = {"法治": [0, 1, 2], "政府": [0, 255, 256, 65_791], "经验": [2, 1_900_000], "枫桥": [7]}
    docnums = sorted(set().union(*holding.values()))
    new = build_postings(["".join(g for g, docs in holding.items() if d in docs) for d in docnums],
                         docnums, 2_000_000)
    postings = BigramPostings(new)
    bounds = new["first_starts"].tolist()
    every = [chr(first) + chr(second) for first, low, high in zip(new["firsts"].tolist(), bounds, bounds[1:])
             for second in new["seconds"][low:high].tolist()]  # all the bigrams, in stored order
    packed, offsets = [], [0]
    for gram in every:
        gaps = np.diff(postings.documents(gram))
        width = 1 if gaps.max(initial=0) < 1 << 8 else 2 if gaps.max() < 1 << 16 else 4
        packed.append(gaps.astype(f"<u{width}").tobytes())
        offsets.append(offsets[-1] + len(packed[-1]))
    old = {name: new[name] for name in ("firsts", "first_starts", "seconds", "starts", "bases")}
    old |= {"gap_offsets": np.array(offsets, dtype=np.uint32), "gaps": np.frombuffer(b"".join(packed), np.uint8)}
    for gram, docs in holding.items():
        assert BigramPostings(old).documents(gram).tolist() == docs


def _unpacked(norms: list[str], docnums: list[int], doc_count: int) -> tuple[dict, np.ndarray, list[str]]:
    """The packed arrays of `norms`, and the arrays of the layouts written before: every
    bigram's documents in one array, and the bigrams (in key order)."""
    from baogao.index.bigrams import bigram_key

    new = build_postings(norms, docnums, doc_count)
    every = sorted(set().union(*map(grams, norms)), key=bigram_key)
    docs = np.concatenate([BigramPostings(new).documents(g) for g in every]).astype(np.uint16)
    return new, docs, every


def test_bigram_postings_of_segments_written_before_gaps_still_read():
    """Segments written before the documents were packed as gaps hold one array of them;
    earlier ones also hold one 8-byte key per bigram."""
    from baogao.index.bigrams import bigram_key

    norms = [normalise(t) for t in ("法治政府建设", "枫桥经验𠀀法治", "法治。建设")]
    new, docs, every = _unpacked(norms, [0, 2, 3], 4)
    unpacked = {name: new[name] for name in ("firsts", "first_starts", "seconds", "starts")} | {"docs": docs}
    keys = np.array([bigram_key(g) for g in every], dtype=np.int64)
    with_keys = {"keys": keys, "starts": new["starts"].astype(np.int64), "docs": docs}
    asked = every + ["治建", "经𠀀", "𠀀𠀀"]
    counts = []
    for gram in asked:
        expected = BigramPostings(new).documents(gram).tolist()
        assert BigramPostings(unpacked).documents(gram).tolist() == expected
        assert BigramPostings(with_keys).documents(gram).tolist() == expected
        counts.append(len(expected))
    for arrays in (new, unpacked, with_keys):
        postings = BigramPostings(arrays)
        assert postings.counts(postings.positions(asked)).tolist() == counts
        assert [int(postings.counts(postings.positions([gram]))[0]) for gram in asked] == counts


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


def test_dictionary_files_written_with_8_byte_entries_still_read(dictionary_dir, tmp_path):
    """Files written before the entries' types were named hold 8-byte ends and frequencies."""
    import json
    import shutil

    from baogao.index.query_words import DictionaryFile, query_words

    (header_path,) = dictionary_dir.glob("jieba-*.json")
    header = json.loads(header_path.read_text(encoding="utf-8"))
    assert header["ends"] == header["frequencies"] == "<u4"
    new = DictionaryFile(header_path.with_suffix(".dict"), header)
    n = header["entries"]
    data = header_path.with_suffix(".dict").read_bytes()
    old_dir = tmp_path / "old"
    old_dir.mkdir()
    (old_dir / header_path.with_suffix(".dict").name).write_bytes(
        np.asarray(new._ends).astype("<i8").tobytes() + new._freqs.astype("<i8").tobytes() + data[8 * n:])
    shutil.copy(header_path, old_dir)
    (old_dir / header_path.name).write_text(json.dumps({k: header[k] for k in ("entries", "total", "blob")}))
    for text in ("深化新时代枫桥经验", "法律明白人小事不出村", "2024年ABC"):
        norm = normalise(text)
        assert query_words(norm, old_dir) == query_words(norm, dictionary_dir) == words(norm)


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
