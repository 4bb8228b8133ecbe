"""Per-essay features every analyser reads: each sentence with its content words."""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.analyse.segment import Segmenter, Token, is_word, traditional_view
from pipeline.model import Essay, Paragraph, Sentence

STOPWORDS_FILE = Path(__file__).with_name("stopwords.txt")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(STOPWORDS_FILE.read_text(encoding="utf-8").split())


def content_words(tokens: list[Token]) -> list[str]:
    stop = stopwords()
    return [t.word for t in tokens if is_word(t.word) and t.word not in stop and len(t.word) > 1]


@dataclass
class SentenceInfo:
    index: int
    sentence: Sentence
    paragraph: Paragraph
    text: str  # the sentence as the essay has it
    view: str  # the same in Traditional form (differs only for Simplified essays): rules read this
    tokens: list[Token]  # offsets relative to the sentence; words in Traditional form
    words: list[str]  # content words
    position: float  # 0.0 first sentence of the essay .. 1.0 last

    @property
    def wordset(self) -> set[str]:
        return set(self.words)


def sentence_infos(essay: Essay, segmenter: Segmenter) -> list[SentenceInfo]:
    sentences = essay.sentences
    view = traditional_view(essay.text)  # what jieba reads; same offsets as essay.text
    infos = []
    for i, sentence in enumerate(sentences):
        text = essay.span(sentence.start, sentence.end)
        tokens = segmenter.tokens(view[sentence.start:sentence.end])
        infos.append(SentenceInfo(i, sentence, essay.paragraphs[sentence.paragraph], text,
                                  view[sentence.start:sentence.end], tokens,
                                  content_words(tokens), i / max(1, len(sentences) - 1)))
    return infos


def similarity(a: SentenceInfo, b: SentenceInfo) -> float:
    """TextRank's overlap similarity (Mihalcea & Tarau 2004)."""
    shared = len(a.wordset & b.wordset)
    if not shared or len(a.words) < 2 or len(b.words) < 2:
        return 0.0
    return shared / (math.log(len(a.words)) + math.log(len(b.words)))


def pagerank(weights: list[list[float]], damping: float = 0.85, rounds: int = 60) -> list[float]:
    n = len(weights)
    if n == 0:
        return []
    out_sums = [sum(row) or 1.0 for row in weights]
    scores = [1.0 / n] * n
    for _ in range(rounds):
        scores = [(1 - damping) / n + damping * sum(weights[j][i] / out_sums[j] * scores[j] for j in range(n))
                  for i in range(n)]
    return scores


def textrank(infos: list[SentenceInfo]) -> list[float]:
    """Sentence TextRank scores, scaled to 0..1."""
    weights = [[similarity(a, b) if a is not b else 0.0 for b in infos] for a in infos]
    return scale(pagerank(weights))


def scale(values: list[float]) -> list[float]:
    if not values:
        return []
    low, high = min(values), max(values)
    return [(v - low) / (high - low) if high > low else 1.0 for v in values]
