"""Synthesise: what the essays of one brief share, agree on and disagree on.

Themes are keywords several essays carry. Agreements and divergences pair a point of one
essay with the closest point of another (word overlap); the pair agrees when both lean
the same way (改善, 緩和 … against 衝突, 難以 …) and diverges when they lean apart.
Each is grounded like any item: in a sentence of the first essay, with its counterpart.
"""
from __future__ import annotations

import re
from itertools import combinations

from pipeline.analyse.features import content_words
from pipeline.analyse.segment import Segmenter, traditional_view
from pipeline.model import Analysis, Item, Synthesis, Theme

POSITIVE = re.compile(r"改善|緩和|穩定|正面|合作|共識|降低|掌控|有助|和平|交好|開放")
NEGATIVE = re.compile(r"衝突|緊張|惡化|難以|不會停止|無法|對立|分歧|不高|摩擦|威脅|失控|脅迫|很難")
MIN_OVERLAP = 0.12
MAX_PAIRS = 5
MAX_THEMES = 10


def _lean(text: str) -> int:
    return len(POSITIVE.findall(text)) - len(NEGATIVE.findall(text))


def themes(analyses: list[Analysis]) -> list[Theme]:
    carriers: dict[str, list[str]] = {}
    weight: dict[str, float] = {}
    for analysis in analyses:
        for keyword in analysis.keywords:
            carriers.setdefault(keyword.term, []).append(analysis.essay.id)
            weight[keyword.term] = weight.get(keyword.term, 0.0) + keyword.weight
    shared = [t for t in carriers if len(carriers[t]) > 1] if len(analyses) > 1 else list(carriers)
    shared.sort(key=lambda t: (-len(carriers[t]), -weight[t], t))
    return [Theme(t, carriers[t]) for t in shared[:MAX_THEMES]]


def _paired(first: Item, second: Item, score: float) -> Item:
    return Item(first.text, round(min(1.0, score), 4), first.essay, first.paragraph, first.start, first.end,
                first.quote, first.section, counterpart=second)


def synthesise(analyses: list[Analysis], segmenter: Segmenter) -> Synthesis:
    words = {}
    for analysis in analyses:
        for item in analysis.findings + analysis.implications:
            words[id(item)] = set(content_words(segmenter.tokens(traditional_view(item.quote))))
    candidates = []
    for a, b in combinations(analyses, 2):
        for x in a.findings + a.implications:
            for y in b.findings + b.implications:
                union = words[id(x)] | words[id(y)]
                overlap = len(words[id(x)] & words[id(y)]) / len(union) if union else 0.0
                if overlap >= MIN_OVERLAP:
                    candidates.append((overlap, x, y))
    candidates.sort(key=lambda c: -c[0])
    agreements, divergences, used = [], [], set()
    for overlap, x, y in candidates:
        if id(x) in used or id(y) in used:
            continue
        lean_x, lean_y = _lean(x.quote), _lean(y.quote)
        target = divergences if lean_x * lean_y < 0 else agreements
        if len(target) < MAX_PAIRS:
            target.append(_paired(x, y, overlap * 2))
            used.update((id(x), id(y)))
    return Synthesis(themes(analyses), agreements, divergences)
