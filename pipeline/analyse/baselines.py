"""The two baselines the pipeline must beat: lead-10 and plain sentence TextRank.

Both pick Taiwan recommendations and implications with the simple keyword rule analysts
start from (a Taiwan word plus 宜/應/建議 is advice; any other Taiwan sentence an
implication), so the comparison also shows what the addressee analysis adds.
"""
from __future__ import annotations

import re

from pipeline.analyse.features import MIN_CHARS, SentenceInfo, sentence_infos, textrank
from pipeline.analyse.segment import Segmenter
from pipeline.model import Analysis, Essay, Item

TAIWAN_WORD = re.compile(r"臺灣|台灣|我國|臺海|台海|兩岸")
ADVICE_WORD = re.compile(r"宜|應|建議")
LIMIT = 10


def _item(essay: Essay, info: SentenceInfo, score: float) -> Item:
    s = info.sentence
    return Item(info.text, score, essay.id, s.paragraph, s.start, s.end, info.text, info.paragraph.section)


def _baseline(essay: Essay, ordered: list[tuple[SentenceInfo, float]]) -> Analysis:
    ordered = [(info, score) for info, score in ordered if len(info.text) >= MIN_CHARS]
    recommendations, implications = [], []
    for info, score in ordered:
        if TAIWAN_WORD.search(info.view):
            target = recommendations if ADVICE_WORD.search(info.view) else implications
            target.append(_item(essay, info, score))
    return Analysis(essay, findings=[_item(essay, i, s) for i, s in ordered[:LIMIT]],
                    recommendations=recommendations, implications=implications[:8])


def lead(essay: Essay, segmenter: Segmenter) -> Analysis:
    """The essay's first sentences, in order."""
    infos = sentence_infos(essay, segmenter)
    return _baseline(essay, [(info, 1.0 - n / max(1, len(infos))) for n, info in enumerate(infos)])


def plain_textrank(essay: Essay, segmenter: Segmenter) -> Analysis:
    """Sentences by TextRank alone, no structure, no de-duplication."""
    infos = sentence_infos(essay, segmenter)
    return _baseline(essay, sorted(zip(infos, textrank(infos)), key=lambda pair: -pair[1]))


BASELINES = {"lead-10": lead, "textrank": plain_textrank}
