"""Rank an essay's sentences as findings: TextRank plus what the essay's structure says.

TextRank over content words finds the sentences the essay keeps coming back to; the
structure prior adds what a reader knows: lead points and the conclusion state the
thesis, a section's opening sentence states its point, cue words (顯示, 意味, 關鍵 …)
mark a claim. MMR then drops near-repeats so ten findings say ten things.
"""
from __future__ import annotations

import re

from pipeline.analyse.features import SentenceInfo, scale, textrank

CUES = re.compile(r"顯示|意味|關鍵|顯然|總之|可見|換言之|凸顯|突顯|反映|象徵|代表|本質|核心|重點|值得|確實|因此|亦即|至少")
CONCLUSION = re.compile(r"結論|結語|總結|小結|展望|評估|觀察|意涵")
INTRODUCTION = re.compile(r"前言|背景|緒論|引言")
MIN_CHARS = 15
MAX_FINDINGS = 10
MMR_LAMBDA = 0.7


def _quoted_share(text: str) -> float:
    inside, depth = 0, 0
    for ch in text:
        if ch in "「『":
            depth += 1
        elif ch in "」』":
            depth = max(0, depth - 1)
        elif depth:
            inside += 1
    return inside / max(1, len(text))


def structure_prior(info: SentenceInfo, first_of_section: bool) -> float:
    para, section = info.paragraph, info.paragraph.section or ""
    prior = 0.0
    if para.kind == "lead":
        prior += 1.0
    if first_of_section:
        prior += 0.3
    elif info.sentence.start == para.start:
        prior += 0.15
    if CONCLUSION.search(section):
        prior += 0.5
    elif INTRODUCTION.search(section):
        prior -= 0.2
    prior += 0.3 * min(1.0, len(CUES.findall(info.view)) / 2)
    prior -= 0.5 * _quoted_share(info.view)
    if len(info.view) < MIN_CHARS:
        prior -= 1.0
    return prior


def relevance(infos: list[SentenceInfo]) -> list[float]:
    """Each sentence's worth as a finding, 0..1."""
    seen_sections: set[str | None] = set()
    priors = []
    for info in infos:
        section = info.paragraph.section
        first = section is not None and section not in seen_sections
        seen_sections.add(section)
        priors.append(structure_prior(info, first))
    return scale([0.5 * t + 0.5 * p for t, p in zip(textrank(infos), scale(priors))])


def overlap(a: SentenceInfo, b: SentenceInfo) -> float:
    union = a.wordset | b.wordset
    return len(a.wordset & b.wordset) / len(union) if union else 0.0


def mmr(infos: list[SentenceInfo], scores: list[float], limit: int = MAX_FINDINGS,
        weight: float = MMR_LAMBDA) -> list[tuple[SentenceInfo, float]]:
    """Maximal marginal relevance: the best sentences, each unlike those already taken."""
    candidates = [i for i in range(len(infos)) if len(infos[i].text) >= MIN_CHARS]
    chosen: list[int] = []
    while candidates and len(chosen) < limit:
        def marginal(i: int) -> float:
            redundancy = max((overlap(infos[i], infos[j]) for j in chosen), default=0.0)
            return weight * scores[i] - (1 - weight) * redundancy
        best = max(candidates, key=marginal)
        chosen.append(best)
        candidates.remove(best)
    return [(infos[i], scores[i]) for i in chosen]
