"""Choose an essay's findings: the learned ranker's best sentences, ten that say ten things.

The ranker (ranker.py) gives each sentence the chance a reader picks it as a finding;
MMR then drops near-repeats and spreads the choice over the essay's paragraphs and
sections, so ten findings say ten things.
"""
from __future__ import annotations

from pipeline.analyse.features import MIN_CHARS, SentenceInfo, scale
from pipeline.analyse.ranker import Ranker, feature_rows, shipped

MAX_FINDINGS = 10
MMR_LAMBDA = 0.7
SAME_PARAGRAPH = 0.3  # redundancy of a second finding from one paragraph
SAME_SECTION = 0.1  # and for each finding already taken from its section: spread over the essay
SPREAD_SENTENCES = 40  # essays shorter than this spread their findings proportionally less


def relevance(infos: list[SentenceInfo], title_words: frozenset[str], ranker: Ranker | None = None) -> list[float]:
    """Each sentence's worth as a finding, 0..1."""
    return scale((ranker or shipped()).scores(feature_rows(infos, title_words)))


def overlap(a: SentenceInfo, b: SentenceInfo) -> float:
    union = a.wordset | b.wordset
    return len(a.wordset & b.wordset) / len(union) if union else 0.0


def mmr(infos: list[SentenceInfo], scores: list[float], eligible: list[int], spans: list[tuple[int, int]],
        limit: int = MAX_FINDINGS, weight: float = MMR_LAMBDA) -> list[int]:
    """Maximal marginal relevance: of the eligible sentences, the best, each unlike those
    already taken. spans: the sentences each would be printed with (a point takes the
    sentence it depends on); two points never share a sentence."""
    candidates = [i for i in eligible if len(infos[i].text) >= MIN_CHARS]
    # a short essay has few paragraphs to spread ten findings over: spread less
    spread = min(1.0, len(infos) / SPREAD_SENTENCES)
    chosen: list[int] = []
    while candidates and len(chosen) < limit:
        def marginal(i: int) -> float:
            redundancy = max((overlap(infos[i], infos[j])
                              + spread * SAME_PARAGRAPH * (infos[i].paragraph is infos[j].paragraph) for j in chosen),
                             default=0.0)
            redundancy += spread * SAME_SECTION * sum(infos[i].section == infos[j].section for j in chosen)
            return weight * scores[i] - (1 - weight) * redundancy
        best = max(candidates, key=marginal)
        chosen.append(best)
        first, last = spans[best]
        candidates = [i for i in candidates if spans[i][1] < first or last < spans[i][0]]
    return chosen
