"""Rank an essay's sentences as findings: TextRank plus what the essay's structure says.

TextRank over content words finds the sentences the essay keeps coming back to, but it
favours long sentences and the statements an essay quotes. The prior adds what a reader
of this genre knows: lead points and the conclusion state the thesis; a paragraph's first
and last sentences carry its point; the author's own voice is marked by conclusive cues
(顯然, 顯示, 意味, 由此可見 …) and judgements about what comes next (將, 恐, 很可能 …),
while narration of what others said (表示, 根據…會談稿, long 「」 quotes) is background.
MMR then drops near-repeats so ten findings say ten things.
"""
from __future__ import annotations

import re

from pipeline.analyse.features import SentenceInfo, quoted_share, scale, textrank

CONCLUSIVE = re.compile(r"顯然|顯示|顯見|可見|意味|換言之|總之|因此|事實上|看出|確實|象徵|代表|關鍵|本質|凸顯|突顯|反映|說明")
JUDGEMENT = re.compile(r"很可能|可能|恐|勢必|將|難以|不會|無法|仍|至少|未必")
NARRATION = re.compile(r"表示|指出|宣示|提及|提到|發言|\d+月\d+日")
# A sentence opening on a turn (然而, 但是 …) is where the author departs from the record.
TURN = re.compile(r"^(?:然而|然|但是|但|不過|惟|事實上)")
# ... and a sentence opening on a conclusion (因此, 顯然 …) is where it draws one.
DRAWS = re.compile(r"^(?:因此|總之|顯然|由此可見|可見|換言之|綜上|整體而言|總的來說|簡言之)")
CONCLUSION = re.compile(r"結論|結語|總結|小結|展望")
INTRODUCTION = re.compile(r"前言|背景|緒論|引言")
MIN_CHARS = 15
LONG_CHARS = 120
MAX_FINDINGS = 10
MMR_LAMBDA = 0.7
SAME_PARAGRAPH = 0.3  # redundancy of a second finding from one paragraph
SAME_SECTION = 0.1  # and for each finding already taken from its section: spread over the essay
SPREAD_SENTENCES = 40  # essays shorter than this spread their findings proportionally less
TEXTRANK_WEIGHT = 0.35


def structure_prior(info: SentenceInfo, first_of_section: bool, last_of_paragraph: bool) -> float:
    para, section, text = info.paragraph, info.section, info.view
    prior = 0.0
    if para.kind == "lead":
        prior += 1.0
    if CONCLUSION.search(section):
        prior += 0.4
    elif INTRODUCTION.search(section):
        prior -= 0.3
    if first_of_section:
        prior += 0.2
    if info.sentence.start == para.start:
        prior += 0.2
    if last_of_paragraph:
        prior += 0.2
    prior += 0.35 * min(2, len(CONCLUSIVE.findall(text)))
    prior += 0.15 * min(2, len(JUDGEMENT.findall(text)))
    if TURN.match(text):
        prior += 0.2
    if DRAWS.match(text):
        prior += 0.3
    prior -= 0.3 * bool(NARRATION.search(text))
    if len(text) > LONG_CHARS:
        prior -= 0.2
    if len(text) < MIN_CHARS:
        prior -= 1.0
    return prior


def relevance(infos: list[SentenceInfo]) -> list[float]:
    """Each sentence's worth as a finding, 0..1."""
    seen_sections: set[str | None] = set()
    priors = []
    for n, info in enumerate(infos):
        section = info.paragraph.section
        first = section is not None and section not in seen_sections
        seen_sections.add(section)
        last = n + 1 == len(infos) or infos[n + 1].paragraph is not info.paragraph
        priors.append(structure_prior(info, first, last))
    ranks = textrank(infos)
    return scale([(TEXTRANK_WEIGHT * t + (1 - TEXTRANK_WEIGHT) * p) * (1 - 0.6 * quoted_share(info.view))
                  for t, p, info in zip(ranks, scale(priors), infos)])


def overlap(a: SentenceInfo, b: SentenceInfo) -> float:
    union = a.wordset | b.wordset
    return len(a.wordset & b.wordset) / len(union) if union else 0.0


def mmr(infos: list[SentenceInfo], scores: list[float], limit: int = MAX_FINDINGS,
        weight: float = MMR_LAMBDA) -> list[tuple[SentenceInfo, float]]:
    """Maximal marginal relevance: the best sentences, each unlike those already taken."""
    candidates = [i for i in range(len(infos)) if len(infos[i].text) >= MIN_CHARS]
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
        candidates.remove(best)
    return [(infos[i], scores[i]) for i in chosen]
