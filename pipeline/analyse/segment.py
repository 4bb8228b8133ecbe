"""jieba with Traditional-Chinese coverage and the domain lexicon.

jieba's bundled dictionary is Simplified: on Traditional text it splits 臺灣關係法 into
臺/灣關/係/法. We convert its dictionary and IDF table with OpenCC once (s2tw and s2t, so
both 裡 and 裏 forms are known), cache the result, and add the shipped domain lexicon plus
the user's own terms on top. A Simplified essay is segmented through a character-for-
character Traditional view of it (traditional_view), so offsets still point into the
essay's own text and the dictionary stays Traditional only (40% smaller, faster to load).
"""
from __future__ import annotations

import logging
import marshal
import re
from dataclasses import dataclass
from collections.abc import Callable
from functools import cached_property, lru_cache
from pathlib import Path

import jieba

from pipeline.cache import cache_dir
from pipeline.ingest.convert import convert, traditional_form
from pipeline.output import write_atomic

LEXICON = Path(__file__).with_name("lexicon.tsv")
JIEBA_DIR = Path(jieba.__file__).parent
LEXICON_FREQ = 50_000  # high enough that a lexicon term always wins over its parts
_CACHE_VERSION = "2"

jieba.setLogLevel(logging.WARNING)


def _cached(target: Path, build: Callable[[], object]):
    """A table built once and kept in the cache folder (marshal: quick to load)."""
    if not target.exists():
        write_atomic(target, marshal.dumps(build()))
    return marshal.loads(target.read_bytes())


def _traditional_lines(source: Path) -> list[str]:
    """The lines of a jieba word list in Traditional forms (s2tw first, then s2t)."""
    simplified = source.read_text(encoding="utf-8")
    return convert(simplified, "s2tw").splitlines() + convert(simplified, "s2t").splitlines()


def _first_entries(lines: list[str]) -> dict[str, str]:
    entries: dict[str, str] = {}
    for line in lines:
        word, _, rest = line.partition(" ")
        if word and word not in entries:
            entries[word] = rest
    return entries


def _traditional_dictionary(source: Path, target: Path) -> Path:
    """jieba's dictionary in Traditional forms; built once, then cached."""
    if not target.exists():
        entries = _first_entries(_traditional_lines(source))
        write_atomic(target, "\n".join(f"{w} {rest}".rstrip() for w, rest in entries.items()) + "\n")
    return target


# jieba's part-of-speech tags that name a kind of entity reliably (its nr, person, does not).
PROPER_TAGS = {"ns": "place", "nt": "organization"}


def _proper_nouns(dictionary: Path) -> dict[str, str]:
    """Places and organisations by jieba's tags in the Traditional dictionary."""
    table = {}
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) == 3 and parts[2] in PROPER_TAGS:
            table[parts[0]] = PROPER_TAGS[parts[2]]
    return table


def _traditional_idf(source: Path) -> tuple[dict[str, float], float]:
    """jieba's IDF table in Traditional forms, and its median for words it lacks."""
    table = {w: float(v) for w, v in _first_entries(_traditional_lines(source)).items()}
    return table, sorted(table.values())[len(table) // 2]


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


class Segmenter:
    """One jieba tokenizer per process (loading it is the slow part)."""

    def __init__(self, extra_terms: dict[str, str] | None = None):
        cache = cache_dir()
        tag = f"{jieba.__version__}-{_CACHE_VERSION}"
        self.dictionary = _traditional_dictionary(JIEBA_DIR / "dict.txt", cache / f"dict-tw-{tag}.txt")
        self._idf_file = cache / f"idf-tw-{tag}.marshal"
        self._proper_file = cache / f"proper-tw-{tag}.marshal"
        self.tokenizer = jieba.Tokenizer(str(self.dictionary))
        self.tokenizer.tmp_dir = str(cache)
        self.lexicon = load_lexicon(extra_terms)
        for term in self.lexicon:
            self.tokenizer.add_word(term, LEXICON_FREQ)

    def tokens(self, text: str) -> list[Token]:
        """Tokens with offsets into text; give it traditional_view(text) for Simplified text."""
        return [Token(w, s, e) for w, s, e in self.tokenizer.tokenize(text)]

    def words(self, text: str) -> list[str]:
        return [t.word for t in self.tokens(text)]

    def frequency(self, word: str) -> int:
        return self.tokenizer.FREQ.get(word, 0)

    @cached_property
    def _proper(self) -> dict[str, str]:
        return _cached(self._proper_file, lambda: _proper_nouns(self.dictionary))

    def proper_noun(self, word: str) -> str | None:
        """'place' or 'organization' when jieba's dictionary tags the word so."""
        return self._proper.get(word)

    @cached_property
    def idf(self) -> tuple[dict[str, float], float]:
        """jieba's IDF table (Traditional forms) and its median, for words it lacks."""
        return tuple(_cached(self._idf_file, lambda: _traditional_idf(JIEBA_DIR / "analyse" / "idf.txt")))


_WORD = re.compile(r"[\w\u4e00-\u9fff]")


def is_word(token: str) -> bool:
    return bool(_WORD.search(token))
