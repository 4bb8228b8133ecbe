"""The shipped Traditional dictionary: what its recipe makes, and read as jieba reads its own."""
from __future__ import annotations

import jieba
import pytest

from pipeline.analyse.dictionary import DATA, Dictionary, build
from pipeline.analyse.segment import LEXICON_FREQ, Segmenter
from pipeline.ingest import read_essay

from conftest import CORPUS, EXAMPLES


def test_shipped_files_are_what_the_recipe_makes(tmp_path):
    build(tmp_path)
    for path in sorted(DATA.iterdir()):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), f"{path.name} is stale: python -m pipeline.analyse.dictionary"


def test_dictionary_holds_traditional_forms_with_jiebas_values():
    dictionary = Dictionary()
    assert dictionary.frequency("臺灣") > 0 and dictionary.frequency("問題") > 0
    assert dictionary.frequency("台湾") == 0  # Simplified forms were converted, not kept
    assert dictionary.kind("北京") == "place" and dictionary.kind("問題") is None
    assert dictionary.idf("政府") < dictionary.idf("賽博防衛協定", dictionary.idf_median + 1)


@pytest.fixture(scope="module")
def reference_tokenizer(tmp_path_factory):
    """jieba's own tokenizer over the same words and frequencies, from a dict.txt written
    out of the shipped dictionary, with the lexicon added the same way."""
    dictionary = Dictionary()
    path = tmp_path_factory.mktemp("jieba") / "dict.txt"
    lines = (f"{word} {dictionary.counts[key]}" for word, key in dictionary.words.iteritems())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tokenizer = jieba.Tokenizer(str(path))
    tokenizer.tmp_dir = str(path.parent)
    for term in Segmenter().lexicon:
        tokenizer.add_word(term, LEXICON_FREQ)
    return tokenizer


def _same_words(segmenter, reference, folder):
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        text = read_essay(path).text
        assert segmenter.words(text) == [w for w, _, _ in reference.tokenize(text)], path.name


def test_segmentation_is_jiebas_own(segmenter, reference_tokenizer):
    _same_words(segmenter, reference_tokenizer, EXAMPLES)


def test_segmentation_is_jiebas_own_on_the_corpus(segmenter, reference_tokenizer):
    _same_words(segmenter, reference_tokenizer, CORPUS)


def test_segmentation_is_jiebas_own_with_run_time_words(reference_tokenizer):
    text = "雙方簽署賽博防衛協定，臺灣關係法與九二共識仍是兩岸關係的核心。"
    reference_tokenizer.add_word("賽博防衛協定", LEXICON_FREQ)
    try:
        assert Segmenter({"賽博防衛協定": "law"}).words(text) == [w for w, _, _ in reference_tokenizer.tokenize(text)]
    finally:  # the tokenizer is the module's: the other tests read it without the word
        reference_tokenizer.del_word("賽博防衛協定")
