"""jieba with Traditional-Chinese coverage and the domain lexicon.

jieba's segmentation (its most-probable path through the dictionary's words, its HMM for
words the dictionary lacks) over the Traditional dictionary shipped with the package
(dictionary.py), plus the domain lexicon and the user's own terms on top. A Simplified
essay is segmented through a character-for-character Traditional view of it
(traditional_view), so offsets still point into the essay's own text and the dictionary
stays Traditional only.
"""
from __future__ import annotations

import logging
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from math import log
from pathlib import Path

# jieba imports pkg_resources (86 ms, a tenth of `brief extract`) only to open the files
# of its own dictionary, which the shipped one replaces; without it (as where setuptools
# is not installed) jieba opens them by path.
_setuptools = sys.modules.setdefault("pkg_resources", None)
import jieba  # noqa: E402

if _setuptools is None:
    del sys.modules["pkg_resources"]

from pipeline.analyse.dictionary import Dictionary  # noqa: E402
from pipeline.ingest.convert import convert, traditional_form

LEXICON = Path(__file__).with_name("lexicon.tsv")
LEXICON_FREQ = 50_000  # high enough that a lexicon term always wins over its parts

jieba.setLogLevel(logging.WARNING)


def to_traditional(text: str) -> str:
    return convert(text, "s2tw")


def traditional_view(text: str) -> str:
    """A Simplified text (one kept so by --no-convert) in Traditional form, character for
    character; other text as is. Decided for a whole text: on Traditional text s2tw still
    swaps variants (里→裡), which would split 峇里島."""
    converted = traditional_form(text)
    return converted if converted is not None and len(converted) == len(text) else text


@lru_cache(maxsize=1)
def _lexicon_rows() -> tuple[tuple[str, ...], ...]:
    lines = LEXICON.read_text(encoding="utf-8").splitlines()
    return tuple(tuple(line.split("\t")) for line in lines if line and not line.startswith("#"))


def load_lexicon(extra: dict[str, str] | None = None) -> dict[str, str]:
    """term -> type, the shipped lexicon first, then the user's terms (which win)."""
    terms = {row[0]: row[1] for row in _lexicon_rows()}
    terms.update(extra or {})
    return terms


def taiwan_parties() -> frozenset[str]:
    """The shipped lexicon's people and bodies that are Taiwan's own (third column
    `taiwan`): 蔡英文, 陸委會 … act for Taiwan, 拜登 and 國台辦 do not."""
    return frozenset(row[0] for row in _lexicon_rows() if row[2:] == ("taiwan",))


@dataclass(frozen=True)
class Token:
    word: str
    start: int
    end: int


class _Tokenizer(jieba.Tokenizer):
    """jieba's tokenizer reading the shipped dictionary instead of building its own
    prefix dictionary (over a second at every start): word lookups go to the trie, words
    added at run time (the lexicon) to a small table that takes precedence. The path
    chosen is jieba's own: same words, same frequencies, same arithmetic."""

    def __init__(self, dictionary: Dictionary):
        super().__init__()
        self.FREQ = _Frequencies(dictionary)
        self.total = dictionary.total
        self.initialized = True
        self._log_freq: dict[tuple[int, int], float] = {}

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:
        # for each position, the last index of every word starting there (itself alone
        # when none does); the words' log frequencies are kept for calc
        words = self.FREQ.dictionary.words.iter_prefixes_with_ids
        counts, longest = self.FREQ.dictionary.counts, self.FREQ.dictionary.longest
        added, added_by_start = self.FREQ.added, self.FREQ.added_by_start
        self._log_freq = logs = {}
        dag = {}
        for k in range(len(sentence)):
            ends = []
            for word, key in words(sentence[k:k + longest]):
                freq = added.get(word, counts[key])
                if freq:
                    ends.append(k + len(word) - 1)
                    logs[k, ends[-1]] = log(freq)
            for word in added_by_start.get(sentence[k], ()):
                if added[word] and sentence.startswith(word, k) and (k, k + len(word) - 1) not in logs:
                    ends.append(k + len(word) - 1)
                    logs[k, ends[-1]] = log(added[word])
            dag[k] = sorted(ends) if ends else [k]
        return dag

    def calc(self, sentence: str, DAG: dict[int, list[int]], route: dict) -> None:  # noqa: N803 (jieba's name)
        logs, logtotal = self._log_freq, log(self.total)
        route[len(sentence)] = (0, 0)
        for idx in range(len(sentence) - 1, -1, -1):
            route[idx] = max((logs.get((idx, x), 0.0) - logtotal + route[x + 1][0], x) for x in DAG[idx])


class _Frequencies:
    """The word → frequency mapping jieba's tokenizer reads and add_word writes."""

    def __init__(self, dictionary: Dictionary):
        self.dictionary = dictionary
        self.added: dict[str, int] = {}  # run-time words (and jieba's 0 for their prefixes)
        self.added_by_start: dict[str, list[str]] = {}

    def get(self, word: str, default=None):
        if word in self.added:
            return self.added[word]
        return self.dictionary.frequency(word, default)

    def __getitem__(self, word: str) -> int:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value

    def __contains__(self, word: str) -> bool:
        return word in self.added or word in self.dictionary.words

    def __setitem__(self, word: str, freq: int) -> None:
        if word not in self.added:
            self.added_by_start.setdefault(word[0], []).append(word)
        self.added[word] = freq


class Segmenter:
    """One jieba tokenizer per process over the shipped dictionary and the lexicon."""

    def __init__(self, extra_terms: dict[str, str] | None = None):
        self.dictionary = Dictionary()
        self.tokenizer = _Tokenizer(self.dictionary)
        self.lexicon = load_lexicon(extra_terms)
        for term in self.lexicon:
            self.tokenizer.add_word(term, LEXICON_FREQ)

    def tokens(self, text: str) -> list[Token]:
        """Tokens with offsets into text; give it traditional_view(text) for Simplified text."""
        return [Token(w, s, e) for w, s, e in self.tokenizer.tokenize(text)]

    def words(self, text: str) -> list[str]:
        return [t.word for t in self.tokens(text)]

    def frequency(self, word: str) -> int:
        return self.tokenizer.FREQ.get(word) or 0

    def proper_noun(self, word: str) -> str | None:
        """'place' or 'organization' when jieba's dictionary tags the word so."""
        return self.dictionary.kind(word)

    def idf(self, word: str) -> float:
        """jieba's IDF of the word (Traditional forms), its median for words it lacks."""
        return self.dictionary.idf(word, self.dictionary.idf_median)


_WORD = re.compile(r"[\w\u4e00-\u9fff]")


def is_word(token: str) -> bool:
    return bool(_WORD.search(token))
