"""jieba with Traditional-Chinese coverage and the domain lexicon.

jieba's bundled dictionary is Simplified: on Traditional text it splits 臺灣關係法 into
臺/灣關/係/法. We convert its dictionary and IDF table with OpenCC once (s2tw and s2t, so
both 裡 and 裏 forms are known), keep the Simplified entries for Simplified essays, cache
the result, and add the shipped domain lexicon plus the user's own terms on top.
"""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

import jieba

LEXICON = Path(__file__).with_name("lexicon.tsv")
LEXICON_TYPES = ("person", "organization", "place", "law", "event", "term")
LEXICON_FREQ = 50_000  # high enough that a lexicon term always wins over its parts
_CACHE_VERSION = "1"

jieba.setLogLevel(logging.WARNING)


def cache_dir() -> Path:
    configured = os.environ.get("BRIEF_CACHE_DIR")
    if configured:
        path = Path(configured)
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir("taiwan-brief"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _traditional(source: Path, target: Path) -> Path:
    """A copy of a jieba word list with Traditional forms added; built once, then cached."""
    if target.exists():
        return target
    import opencc

    simplified = source.read_text(encoding="utf-8").splitlines()
    entries: dict[str, str] = {}
    for lines in ([*simplified],
                  opencc.OpenCC("s2t").convert("\n".join(simplified)).split("\n"),
                  opencc.OpenCC("s2tw").convert("\n".join(simplified)).split("\n")):
        for line in lines:
            word, _, rest = line.partition(" ")
            if word and word not in entries:
                entries[word] = rest
    _write_atomic(target, "\n".join(f"{w} {rest}".rstrip() for w, rest in entries.items()) + "\n")
    return target


def load_lexicon(extra: dict[str, str] | None = None) -> dict[str, str]:
    """term -> type, the shipped lexicon first, then the user's terms (which win)."""
    terms: dict[str, str] = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            term, kind = line.split("\t")
            terms[term] = kind
    terms.update(extra or {})
    return terms


@dataclass(frozen=True)
class Token:
    word: str
    start: int
    end: int


class Segmenter:
    """One jieba tokenizer per process (loading it is the slow part)."""

    def __init__(self, extra_terms: dict[str, str] | None = None):
        cache = cache_dir()
        jieba_dir = Path(jieba.__file__).parent
        tag = f"{jieba.__version__}-{_CACHE_VERSION}"
        self.dictionary = _traditional(jieba_dir / "dict.txt", cache / f"dict-tw-{tag}.txt")
        self.idf_path = _traditional(jieba_dir / "analyse" / "idf.txt", cache / f"idf-tw-{tag}.txt")
        self.tokenizer = jieba.Tokenizer(str(self.dictionary))
        self.tokenizer.tmp_dir = str(cache)
        self.lexicon = load_lexicon(extra_terms)
        for term in self.lexicon:
            self.tokenizer.add_word(term, LEXICON_FREQ)
        self._idf: dict[str, float] | None = None

    def tokens(self, text: str) -> list[Token]:
        return [Token(w, s, e) for w, s, e in self.tokenizer.tokenize(text)]

    def words(self, text: str) -> list[str]:
        return self.tokenizer.lcut(text)

    def frequency(self, word: str) -> int:
        return self.tokenizer.FREQ.get(word, 0)

    @property
    def idf(self) -> dict[str, float]:
        if self._idf is None:
            table = {}
            for line in self.idf_path.read_text(encoding="utf-8").splitlines():
                word, _, value = line.partition(" ")
                table[word] = float(value)
            self._idf = table
        return self._idf


_WORD = re.compile(r"[\w\u4e00-\u9fff]")


def is_word(token: str) -> bool:
    return bool(_WORD.search(token))
