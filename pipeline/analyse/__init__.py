"""Analyse: an essay in, its findings, Taiwan recommendations and implications out.

Every item is a sentence (or lead paragraph) of the cleaned text, so its quote is
verbatim and its offsets point at it; `text` at most drops a leading connective.
"""
from __future__ import annotations

from pipeline.analyse.features import SentenceInfo, sentence_infos
from pipeline.analyse.findings import mmr, relevance
from pipeline.analyse.segment import Segmenter, traditional_view
from pipeline.analyse.taiwan import Parties
from pipeline.analyse.terms import entities, keywords
from pipeline.ingest.structure import split_numbering
from pipeline.model import Analysis, Essay, Item, Paragraph

MAX_IMPLICATIONS = 8
MIN_IMPLICATION_SCORE = 0.35
# Connectives a point may drop from its front: the brief lists points, it does not argue.
CONNECTIVES = frozenset(
    "然而 因此 此外 另外 其次 首先 最後 同時 不過 但是 但 而且 而 因而 故而 所以 換言之 總之 "
    "尤其是 尤其 然 惟 且 又 再者 況且 加上 另一方面 是以 於是".split()
)


def _trim(info: SentenceInfo) -> str:
    """The sentence without list numbering (三、) or a leading connective (然而，)."""
    number, text = split_numbering(info.text)
    first = text[:len(info.tokens[0].word)] if info.tokens and not number else ""
    if first in CONNECTIVES and len(text) > len(first) + 8:
        text = text[len(first):].lstrip("，、, ")
    return text


def sentence_item(essay: Essay, info: SentenceInfo, score: float) -> Item:
    s = info.sentence
    return Item(_trim(info), round(min(1.0, max(0.0, score)), 4), essay.id, s.paragraph, s.start, s.end,
                info.text, info.paragraph.section)


def paragraph_item(essay: Essay, para: Paragraph) -> Item:
    text = essay.span(para.start, para.end)
    return Item(text, 1.0, essay.id, para.index, para.start, para.end, text, para.section)


def analyse(essay: Essay, segmenter: Segmenter) -> Analysis:
    view = traditional_view(essay.text)
    infos = sentence_infos(essay, segmenter, view)
    scores = relevance(infos)
    parties = Parties(segmenter.lexicon, view, simplified=bool(essay.converted) or view != essay.text)
    recommendations, implications, claims = [], [], []
    for info, score in zip(infos, scores):
        verdict = parties.judge(info, score)
        if verdict.kind == "recommendation":
            recommendations.append(sentence_item(essay, info, verdict.score))
            continue  # listed as advice: findings are the essay's claims
        if verdict.kind == "implication" and verdict.score >= MIN_IMPLICATION_SCORE:
            implications.append(sentence_item(essay, info, verdict.score))
        claims.append((info, score))
    implications.sort(key=lambda item: -item.score)
    # MMR chooses which ten say ten different things; they are listed best first
    chosen = sorted(mmr(*zip(*claims)), key=lambda pair: -pair[1]) if claims else []
    findings = [sentence_item(essay, info, score) for info, score in chosen]

    return Analysis(
        essay=essay,
        summary=[paragraph_item(essay, p) for p in essay.lead],
        findings=findings,
        recommendations=recommendations,
        implications=implications[:MAX_IMPLICATIONS],
        keywords=keywords(infos, segmenter),
        entities=entities(infos, segmenter),
        view=view,
        sentence_words=[frozenset(info.words) for info in infos],
    )
