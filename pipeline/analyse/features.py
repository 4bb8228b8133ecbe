"""Per-essay features every analyser reads: each sentence with its content words."""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from pipeline.analyse.segment import Segmenter, Token, is_word, to_traditional, traditional_view
from pipeline.model import Essay, Paragraph, Sentence

STOPWORDS_FILE = Path(__file__).with_name("stopwords.txt")
MIN_CHARS = 15  # a shorter sentence is a fragment, a label or a caption, never a point


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(STOPWORDS_FILE.read_text(encoding="utf-8").split())


def content_words(tokens: list[Token]) -> list[str]:
    stop = stopwords()
    return [t.word for t in tokens if is_word(t.word) and t.word not in stop and len(t.word) > 1]


@dataclass
class SentenceInfo:
    sentence: Sentence
    paragraph: Paragraph
    text: str  # the sentence as the essay has it
    view: str  # the same in Traditional form (differs only for Simplified essays): rules read this
    section: str  # heading of its section in Traditional form, "" outside sections
    tokens: list[Token]  # offsets relative to the sentence; words in Traditional form
    words: list[str]  # content words

    @cached_property
    def wordset(self) -> frozenset[str]:
        return frozenset(self.words)

    @cached_property
    def quoted(self) -> float:
        """How much of it is someone else's words: all of it in a quotation set as a
        paragraph (他寫道：), else its quotes' share."""
        return 1.0 if self.paragraph.kind == "quote" else quoted_share(self.view)


def sentence_infos(essay: Essay, segmenter: Segmenter, view: str | None = None) -> list[SentenceInfo]:
    """Each sentence with its tokens; view is traditional_view(essay.text) when known."""
    sentences = essay.sentences
    if view is None:
        view = traditional_view(essay.text)  # what jieba reads; same offsets as essay.text
    simplified = view is not essay.text
    headings = {s.heading: to_traditional(s.heading) if simplified else s.heading for s in essay.sections}
    infos = []
    for sentence in sentences:
        text = essay.span(sentence.start, sentence.end)
        tokens = segmenter.tokens(view[sentence.start:sentence.end])
        paragraph = essay.paragraphs[sentence.paragraph]
        infos.append(SentenceInfo(sentence, paragraph, text, view[sentence.start:sentence.end],
                                  headings.get(paragraph.section, ""), tokens,
                                  content_words(tokens)))
    return infos


def title_words(essay: Essay, segmenter: Segmenter, view: str) -> frozenset[str]:
    """The title's content words, read in the script its essay is read in: a title is too
    short to decide that by itself (view is the essay's traditional_view)."""
    title = to_traditional(essay.title) if view != essay.text else essay.title
    return frozenset(content_words(segmenter.tokens(title)))


OPENS, CLOSES = "「『“", "」』”"


def quotes(text: str, carried: bool = False) -> tuple[list[tuple[int, int]], bool]:
    """The sentence's outermost quotes, and whether the last is left open at its end; a
    quote carried over from the sentence before (carried) starts at 0, one left open runs
    to the end."""
    spans, depth, start = [], int(carried), 0
    for i, ch in enumerate(text):
        if ch in OPENS:
            if not depth:
                start = i
            depth += 1
        elif ch in CLOSES and depth:
            depth -= 1
            if not depth:
                spans.append((start, i + 1))
    if depth:
        spans.append((start, len(text)))
    return spans, bool(depth)


def quoted_spans(text: str, min_chars: int = 6) -> list[tuple[int, int]]:
    """Spans of quoted statements: 「…」/『…』/“…” longer than a scare-quoted word (美「中」)."""
    spans, left_open = quotes(text)
    return [(s, e) for s, e in spans[:len(spans) - left_open] if e - s - 2 >= min_chars]


def quoted_share(text: str) -> float:
    """How much of a sentence is someone else's words."""
    return sum(e - s for s, e in quoted_spans(text)) / max(1, len(text))


TEXTRANK_WINDOW = 300
LONG_WINDOW = 100
TEXTRANK_NEIGHBOURS = 20
CONVERGED = 1e-7  # total change of the scores (which sum to 1) at which PageRank stops


def similarity(a: SentenceInfo, b: SentenceInfo) -> float:
    """TextRank's overlap similarity (Mihalcea & Tarau 2004)."""
    shared = len(a.wordset & b.wordset)
    if not shared or len(a.words) < 2 or len(b.words) < 2:
        return 0.0
    return shared / (math.log(len(a.words)) + math.log(len(b.words)))


def pagerank(edges: list[dict[int, float]], damping: float = 0.85, rounds: int = 60) -> list[float]:
    """PageRank over a weighted graph given as adjacency maps (sparse: time grows with the
    edges, not with the square of the sentences)."""
    n = len(edges)
    if n == 0:
        return []
    out_sums = [sum(e.values()) or 1.0 for e in edges]
    scores = [1.0 / n] * n
    for _ in range(rounds):
        new = [(1 - damping) / n] * n
        for j, neighbours in enumerate(edges):
            share = damping * scores[j] / out_sums[j]
            for i, weight in neighbours.items():
                new[i] += weight * share
        change = sum(abs(a - b) for a, b in zip(new, scores))
        scores = new
        if change < CONVERGED:
            break
    return scores


def textrank(infos: list[SentenceInfo]) -> list[float]:
    """Sentence TextRank scores, scaled to 0..1.

    An essay of ordinary length (up to TEXTRANK_WINDOW sentences) is one complete graph.
    Beyond that a sentence is compared only with those within LONG_WINDOW and keeps its
    TEXTRANK_NEIGHBOURS strongest links (a k-nearest-neighbour graph), so the work grows
    linearly with a book-length input instead of with the square of its sentences.
    """
    n = len(infos)
    window = TEXTRANK_WINDOW if n <= TEXTRANK_WINDOW else LONG_WINDOW
    edges: list[dict[int, float]] = [{} for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, min(n, i + 1 + window)):
            weight = similarity(infos[i], infos[j])
            if weight:
                edges[i][j] = edges[j][i] = weight
    if n > TEXTRANK_WINDOW:
        strongest = [set(sorted(e, key=e.get, reverse=True)[:TEXTRANK_NEIGHBOURS]) for e in edges]
        edges = [{j: w for j, w in e.items() if j in strongest[i] or i in strongest[j]} for i, e in enumerate(edges)]
    return scale(pagerank(edges))


def scale(values: list[float]) -> list[float]:
    if not values:
        return []
    low, high = min(values), max(values)
    return [(v - low) / (high - low) if high > low else 1.0 for v in values]
