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
MAX_MERGED = 5  # sentences a point may print with one leaning on it


def relevance(infos: list[SentenceInfo], title_words: frozenset[str], ranker: Ranker | None = None) -> list[float]:
    """Each sentence's worth as a finding, 0..1."""
    return scale((ranker or shipped()).scores(feature_rows(infos, title_words)))


def overlap(a: SentenceInfo, b: SentenceInfo) -> float:
    union = a.wordset | b.wordset
    return len(a.wordset & b.wordset) / len(union) if union else 0.0


def mmr(infos: list[SentenceInfo], scores: list[float], eligible: list[int], spans: list[tuple[int, int]],
        limit: int = MAX_FINDINGS, weight: float = MMR_LAMBDA) -> dict[int, tuple[int, int]]:
    """Maximal marginal relevance: of the eligible sentences, the best, each unlike those
    already taken; each with the sentences it is printed with. spans: the sentences each
    would be printed with (a point takes the sentence it depends on); two points never
    share a sentence, but a point leaning on one already taken (中共這樣做… after it) is
    printed with it, as one (up to MAX_MERGED sentences)."""
    candidates = [i for i in eligible if len(infos[i].text) >= MIN_CHARS]
    # a short essay has few paragraphs to spread ten findings over: spread less
    spread = min(1.0, len(infos) / SPREAD_SENTENCES)
    chosen: dict[int, tuple[int, int]] = {}

    def joins(i: int) -> int | None:
        """The point taken that i's span runs into from after it, if only that one."""
        first, last = spans[i]
        met = [j for j, (a, b) in chosen.items() if first <= b and a <= last]
        if len(met) == 1 and chosen[met[0]][1] < i and i - chosen[met[0]][0] < MAX_MERGED:
            return met[0]
        return None

    while candidates:
        def marginal(i: int) -> float:
            redundancy = max((overlap(infos[i], infos[j])
                              + spread * SAME_PARAGRAPH * (infos[i].paragraph is infos[j].paragraph) for j in chosen),
                             default=0.0)
            redundancy += spread * SAME_SECTION * sum(infos[i].section == infos[j].section for j in chosen)
            return weight * scores[i] - (1 - weight) * redundancy
        best = max(candidates, key=marginal)
        if (j := joins(best)) is not None:
            chosen[j] = (chosen[j][0], spans[best][1])
        elif len(chosen) < limit:
            chosen[best] = spans[best]
        else:  # the limit is reached: only a point joining one taken may follow
            break
        candidates = [i for i in candidates if i != best and (
            all(spans[i][1] < a or b < spans[i][0] for a, b in chosen.values()) or joins(i) is not None)]
    return chosen
