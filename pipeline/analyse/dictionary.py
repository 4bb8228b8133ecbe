"""jieba's dictionary in Traditional forms, converted ahead of time and shipped compiled.

jieba's bundled dict.txt and idf.txt are Simplified: on Traditional text it splits 臺灣關係法
into 臺/灣關/係/法. Both are converted with OpenCC (s2tw, then s2t, so 裡 and 裏 forms are
both known; the first form of a word wins) by `python -m pipeline.analyse.dictionary`,
and stored as MARISA tries (words → ids) with the frequencies, part-of-speech kinds and
IDF values in parallel arrays. Loading a trie is a memory map: a few milliseconds, where
jieba's own marshal cache of the same 500,000 entries took over a second at every start.
The files are data of the package (pipeline/analyse/dictionary/), so a new machine never
builds them; tests/test_dictionary.py checks that they are what this recipe makes.
"""
from __future__ import annotations

import array
import hashlib
import json
import sys
from functools import cached_property
from pathlib import Path

import marisa_trie

DATA = Path(__file__).with_name("dictionary")
RECIPE = "jieba dict.txt and analyse/idf.txt, OpenCC s2tw then s2t, first form wins"
# jieba's part-of-speech tags that name a kind of entity reliably (its nr, person, does not).
PROPER_TAGS = {"ns": "place", "nt": "organization"}
_KINDS = (None, *PROPER_TAGS.values())  # stored as a byte per word: its index here
_FILES = ("words.marisa", "words.counts", "words.kinds", "idf.marisa", "idf.values")


def _array(code: str, path: Path) -> array.array:
    values = array.array(code)
    values.frombytes(path.read_bytes())
    if sys.byteorder == "big":  # stored little-endian
        values.byteswap()
    return values


def _trie(path: Path) -> marisa_trie.Trie:
    trie = marisa_trie.Trie()
    trie.mmap(str(path))
    return trie


class Dictionary:
    """The shipped dictionary: word frequencies and kinds, IDF values, loaded lazily."""

    def __init__(self, folder: Path = DATA):
        self.folder = folder
        self.meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        self.total: int = self.meta["total"]
        self.longest: int = self.meta["longest"]
        self.idf_median: float = self.meta["idf_median"]

    @cached_property
    def words(self) -> marisa_trie.Trie:
        return _trie(self.folder / "words.marisa")

    @cached_property
    def counts(self) -> array.array:
        return _array("I", self.folder / "words.counts")

    @cached_property
    def _kinds(self) -> bytes:
        return (self.folder / "words.kinds").read_bytes()

    @cached_property
    def _idf(self) -> tuple[marisa_trie.Trie, array.array]:
        return _trie(self.folder / "idf.marisa"), _array("d", self.folder / "idf.values")

    def frequency(self, word: str, default: int | None = 0) -> int | None:
        key = self.words.get(word)
        return default if key is None else self.counts[key]

    def kind(self, word: str) -> str | None:
        """'place' or 'organization' where jieba's dictionary tags the word so."""
        key = self.words.get(word)
        return None if key is None else _KINDS[self._kinds[key]]

    def idf(self, word: str, default: float | None = None) -> float | None:
        trie, values = self._idf
        key = trie.get(word)
        return default if key is None else values[key]


# Building (python -m pipeline.analyse.dictionary): needs jieba's data files and OpenCC.

def _first_entries(lines: list[str]) -> dict[str, list[str]]:
    entries: dict[str, list[str]] = {}
    for line in lines:
        word, *rest = line.split(" ")
        if word and word not in entries:
            entries[word] = rest
    return entries


def _traditional_entries(source: Path) -> dict[str, list[str]]:
    """A jieba word list's entries by their Traditional forms (s2tw first, then s2t)."""
    from pipeline.ingest.convert import convert

    simplified = source.read_text(encoding="utf-8")
    return _first_entries(convert(simplified, "s2tw").splitlines() + convert(simplified, "s2t").splitlines())


def _write_array(values: array.array, path: Path) -> None:
    if sys.byteorder == "big":
        values = array.array(values.typecode, values)
        values.byteswap()
    path.write_bytes(values.tobytes())


def build(target: Path = DATA) -> None:
    import jieba

    source = Path(jieba.__file__).parent
    target.mkdir(parents=True, exist_ok=True)
    entries = _traditional_entries(source / "dict.txt")
    words = marisa_trie.Trie(entries)
    counts, kinds = array.array("I", [0]) * len(words), bytearray(len(words))
    for word, (freq, *tag) in entries.items():
        counts[words[word]] = int(freq)
        kinds[words[word]] = _KINDS.index(PROPER_TAGS.get(tag[0])) if tag else 0
    idf_entries = {w: float(v[0]) for w, v in _traditional_entries(source / "analyse" / "idf.txt").items()}
    idf_words = marisa_trie.Trie(idf_entries)
    values = array.array("d", [0.0]) * len(idf_words)
    for word, value in idf_entries.items():
        values[idf_words[word]] = value
    words.save(str(target / "words.marisa"))
    _write_array(counts, target / "words.counts")
    (target / "words.kinds").write_bytes(bytes(kinds))
    idf_words.save(str(target / "idf.marisa"))
    _write_array(values, target / "idf.values")
    digest = hashlib.sha256(b"".join((target / name).read_bytes() for name in _FILES)).hexdigest()
    meta = {"recipe": RECIPE, "jieba": jieba.__version__, "total": sum(counts),
            "longest": max(map(len, entries)), "idf_median": sorted(idf_entries.values())[len(idf_entries) // 2],
            "sha256": digest}
    (target / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else DATA)
