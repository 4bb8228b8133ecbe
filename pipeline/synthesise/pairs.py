"""各文共識 and 觀點分歧: judgements of two essays on the same subject.

Agreements and divergences pair a point of one essay (finding, implication or lead point)
that judges (not one narrating an event or describing the essay: themes.judges) with the
closest such point of another by word overlap weighted with an IDF computed over the brief's
own sentences, so the words every essay uses (議題, 關係) weigh little. A pair agrees
unless the two lean apart (改善, 緩和 … against 衝突, 難以 …): then it is a divergence in
emphasis. Implications for Taiwan that lean apart are divergences of outlook whatever
their wording. Each is grounded in a sentence of the first essay, with its counterpart in
the other, and labelled with the subject they share: the best-ranked concept both name
(themes.concepts); two points that share no concept are not on one subject and do not
pair. Everything is read from what the analysis kept:
nothing is segmented again.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from itertools import combinations

from pipeline.model import Analysis, Item
from pipeline.synthesise.themes import judges

POSITIVE = re.compile(r"改善|緩和|穩定|正面(?!對決|衝突)|合作|共識|降低|掌控|有助|和平|交好|開放")
NEGATIVE = re.compile(r"衝突|緊張|惡化|難以|不會停止|無法|對立|分歧|不高|摩擦|威脅|失控|脅迫|很難")
MIN_SIMILARITY = 0.12
MIN_SHARED = 4
DISTINCTIVE = 0.1  # a pair must share two words used in at most this share of sentences
MIN_LEAN = 2  # how far each side of a divergence must lean
MAX_PAIRS = 5
OUTLOOK_PAIRS = 2  # per pair of essays: opposite readings of what it means for Taiwan
OUTLOOK_LEAN = 4  # how far apart, together, two such readings must lean
OUTLOOK = "對臺灣的意涵"  # the subject two such readings share


def _lean(text: str) -> int:
    return len(POSITIVE.findall(text)) - len(NEGATIVE.findall(text))


def _paired(first: Item, second: Item, score: float, subject: str) -> Item:
    return Item(first.text, round(min(1.0, score), 4), first.essay, first.paragraph, first.start, first.end,
                first.quote, first.section, counterpart=second, subject=subject)


def pairs(analyses: list[Analysis], ranked: list[str], concepts: dict[str, set[str]]) -> tuple[list[Item], list[Item]]:
    """(agreements, divergences); concepts: every concept of the brief and its names,
    ranked: those essays share, best first."""
    # IDF within this brief: a word most sentences of these essays use (議題, 關係) says
    # little about what a point is about; names and terms particular to a few say much.
    sentences = [words for a in analyses for words in a.sentence_words]
    frequency = Counter(w for words in sentences for w in words)

    idf = {w: math.log(len(sentences) / f) for w, f in frequency.items()}
    unseen_idf = math.log(len(sentences)) if sentences else 0.0

    def weight(terms: frozenset[str]) -> float:
        return sum(idf.get(t, unseen_idf) for t in terms)

    points = {id(a): [i for i in a.summary + a.findings + a.implications if judges(a.view[i.start:i.end])]
              for a in analyses}
    words, lean, total = {}, {}, {}
    # Only points that share two distinctive words can pair: an index of those words finds
    # them without comparing every point of every essay with every other (a brief of a
    # hundred essays has a million such pairs).
    postings: dict[str, list[tuple[int, int, Item]]] = {}
    for n, a in enumerate(analyses):
        for k, item in enumerate(points[id(a)]):
            words[id(item)] = a.words_in(item.start, item.end)
            lean[id(item)] = _lean(a.view[item.start:item.end])  # the rules read Traditional forms
            total[id(item)] = weight(words[id(item)])
            for w in words[id(item)]:
                if frequency[w] <= DISTINCTIVE * len(sentences):
                    postings.setdefault(w, []).append((n, k, item))
    sharing: Counter[tuple[int, int, int, int]] = Counter()
    for posted in postings.values():
        for (n, k, _), (m, j, _) in combinations(posted, 2):
            if n != m:
                sharing[(n, k, m, j) if n < m else (m, j, n, k)] += 1
    candidates = []
    for (n, k, m, j), distinct in sharing.items():
        if distinct < 2:
            continue
        x, y = points[id(analyses[n])][k], points[id(analyses[m])][j]
        shared = words[id(x)] & words[id(y)]
        if len(shared) < MIN_SHARED:
            continue
        # rounded: sums over sets of words come out a few ulps apart in another process
        # (string hashing is salted), which must not decide between equal pairs
        similarity = round(weight(shared) / (math.sqrt(total[id(x)] * total[id(y)]) or 1.0), 9)
        if similarity >= MIN_SIMILARITY:
            candidates.append(((-similarity, n, m, k, j), x, y))
    ranked = ranked + sorted(set(concepts) - set(ranked))

    def subject(x: Item, y: Item) -> str | None:
        """The concept both points name (the best-ranked), if any: two points that share
        only words of the frame (關係, 議題) or a party are not on the same subject."""
        shared = words[id(x)] & words[id(y)]
        return next((c for c in ranked if shared & concepts[c]), None)

    # best first; ties in the order of the pairs of essays, then of their points
    candidates = [(-key[0], x, y) for key, x, y in sorted(candidates, key=lambda c: c[0])]
    agreements, divergences = [], []
    # the spans paired so far: an essay's lead paragraph, finding and implication can hold
    # one sentence, and it must not be paired twice under two of them
    used: list[Item] = []

    def free(x: Item) -> bool:
        return not any(u.essay == x.essay and u.start < x.end and x.start < u.end for u in used)

    for similarity, x, y in candidates:
        if not (free(x) and free(y)) or not (about := subject(x, y)):
            continue
        apart = lean[id(x)] * lean[id(y)] < 0 and min(abs(lean[id(x)]), abs(lean[id(y)])) >= MIN_LEAN
        target = divergences if apart else agreements
        if len(target) < MAX_PAIRS:
            target.append(_paired(x, y, similarity, about))
            used.extend((x, y))
    # Implications all speak of Taiwan: two that lean apart are a divergence of outlook
    # even when they share few words (脅迫將不會停止 against 相對正面的訊號).
    for a, b in combinations(analyses, 2):
        judged = [[i for i in analysis.implications if id(i) in lean] for analysis in (a, b)]
        leaning = [(abs(lean[id(x)]) + abs(lean[id(y)]), x, y) for x in judged[0] for y in judged[1]
                   if lean[id(x)] * lean[id(y)] < 0 and abs(lean[id(x)]) + abs(lean[id(y)]) >= OUTLOOK_LEAN]
        taken = 0
        for strength, x, y in sorted(leaning, key=lambda c: -c[0]):
            if taken == OUTLOOK_PAIRS or len(divergences) == MAX_PAIRS:
                break
            if free(x) and free(y):
                divergences.append(_paired(x, y, strength / 6, OUTLOOK))
                used.extend((x, y))
                taken += 1
    return agreements, divergences
