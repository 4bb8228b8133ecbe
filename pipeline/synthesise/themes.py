"""共同主題: the concepts several essays share, and what each of them holds about it.

A concept is a key term of some essay (its keywords, the laws and events it names) that is
not a party or a person: those are who speaks (the positions table), not what is spoken
of. A term inside another (G20 in G20峰會) is one concept under two names. Concepts are
ranked by how much of each essay they carry: the share of its sentences naming them,
weighted by how much they mark it (keyword weight) and summed over the essays. Each essay carrying one gets a line: its judgement about it (a
sentence that evaluates, not one that narrates), quoted.
"""
from __future__ import annotations

import re

from pipeline.analyse.ranker import CONCLUSIVE, DATE, DEGREE, JUDGEMENT
from pipeline.analyse.taiwan import claims_nothing, hearsay, speaks_of_itself
from pipeline.analyse.terms import REPORTING, english_fragment
from pipeline.analyse.wording import leans_back
from pipeline.model import Analysis, Item, Theme
from pipeline.synthesise.actors import ALIAS
from pipeline.synthesise.grounding import sentence_point

MAX_THEMES = 6
MAX_LINES = 6  # essays quoted per theme; the others carrying it are named
CONCEPT_TYPES = ("law", "event")
# The frame every essay on relations between states is written in: the nouns that say
# two parties relate, meet or have issues, whatever the essay's subject. Not concepts.
# (…and who acts in it, named by role: 當局, 總統, 官員 say who, not what of; so do the
# sources a report cites beyond the reporting words terms.REPORTING knows: 報告, 專家, 媒體)
FRAME = frozenset("關係 雙邊關係 議題 問題 互動 會談 會面 會晤 對話 領導人 情勢 局勢 發展 合作 政策 立場 國家 政府 "
                  "雙方 兩國 國際 全球 世界 地區 區域 未來 目前 影響 方面 部分 內容 "
                  "當局 總統 官員 執政黨 在野黨 "
                  "報告 研究 調查 專家 學者 媒體 評論".split())
NAME = re.compile(r"[A-Za-z0-9]")  # G20, CPTPP, 2+2: a name, not a word of the language


# 許多, 很多 before a noun count (許多香港人都認識…), they do not grade: no judgement
_COUNTING = re.compile(r"(?:許多|很多)(?![，。；！？]|$)")


def judges(text: str) -> bool:
    """A sentence that evaluates or foresees (cues a reader takes for the author's
    judgement), not one that narrates an event, asks, leans on the sentence before it,
    describes the essay itself, reports what an unnamed crowd says (有評論說…) or claims
    nothing (an editor's note, a reported discussion)."""
    grades = any(not _COUNTING.match(text, m.start()) for m in DEGREE.finditer(text))
    return (bool(CONCLUSIVE.search(text) or JUDGEMENT.search(text) or grades)
            and not DATE.search(text) and not leans_back(text)
            and not speaks_of_itself(text) and not claims_nothing(text) and not hearsay(text, len(text)))


def concepts(analyses: list[Analysis], people: set[str]) -> dict[str, set[str]]:
    """concept -> the names it goes by (the shortest name is the concept)."""
    names = {e.text for a in analyses for e in a.entities if e.type == "person"} | people
    terms = {k.term for a in analyses for k in a.keywords}
    terms |= {e.text for a in analyses for e in a.entities if e.type in CONCEPT_TYPES}
    terms = {t for t in terms if len(t) > 1 and not t.isdigit() and t not in ALIAS and t not in FRAME and t not in names
             and not english_fragment(t) and not REPORTING.fullmatch(t)}
    concepts: dict[str, set[str]] = {}
    for term in sorted(terms, key=len):
        # a name that opens a longer one is that one's modifier: G20 and G20峰會 are one
        # summit; a head word (關係 in 雙邊關係) names a wider class, another concept, and a
        # word opening a compound (國防 in 國防部, 國防授權法) is no name of it
        home = next((c for c in concepts if term.startswith(c) and NAME.search(c)), term)
        concepts.setdefault(home, set()).add(term)
    return concepts


def _line(analysis: Analysis, carrying: list[int], used: set[tuple[str, int]]) -> Item | None:
    """What the essay holds about the concept: a judgement naming it, preferring one the
    essay's own points do not print (so the chapter need not refer back to it here)."""
    essay = analysis.essay
    printed = [(i.start, i.end) for i in analysis.summary + analysis.findings + analysis.implications]
    judging = [n for n in carrying if (essay.id, n) not in used
               and judges(analysis.view[essay.sentences[n].start:essay.sentences[n].end])]
    if not judging:
        return None
    fresh = [n for n in judging if not any(s <= essay.sentences[n].start < e for s, e in printed)]
    for n in fresh + [n for n in judging if n not in fresh]:
        if (point := sentence_point(analysis, n)) is not None:
            used.add((essay.id, n))
            return point
    return None


def ranked(analyses: list[Analysis], concepts: dict[str, set[str]]) -> list[tuple[str, dict[int, list[int]]]]:
    """The concepts two or more essays carry, best first, each with the sentences of each
    essay (by index in the brief) that name it."""
    carried: dict[str, dict[int, list[int]]] = {}
    for concept, forms in concepts.items():
        for e, analysis in enumerate(analyses):
            sentences = [n for n, words in enumerate(analysis.sentence_words) if words & forms]
            if sentences:
                carried.setdefault(concept, {})[e] = sentences
    keyword = [{k.term: k.weight for k in a.keywords} for a in analyses]

    def weight(concept: str) -> float:
        """How much of each essay carrying it the concept holds (the share of its sentences
        naming it) and how much it marks that essay (its keyword weight, TF-IDF)."""
        return sum(len(s) / len(analyses[e].sentence_words) * (1 + max(keyword[e].get(f, 0.0) for f in concepts[concept]))
                   for e, s in carried[concept].items())

    shared = sorted((c for c in carried if len(carried[c]) >= 2), key=lambda c: (-weight(c), c))
    return [(c, carried[c]) for c in shared]


def themes(analyses: list[Analysis], concepts: dict[str, set[str]], reserved: list[Item]) -> list[Theme]:
    """The leading concepts on which at least two essays pass a judgement, each with those
    judgements; reserved: points the synthesis prints elsewhere, not quoted again here."""
    used = {(a.essay.id, n) for a in analyses for n, s in enumerate(a.essay.sentences)
            for i in reserved if i.essay == a.essay.id and i.start <= s.start < i.end}
    out = []
    for concept, carried in ranked(analyses, concepts):
        taken = set(used)
        lines: dict[int, Item] = {}
        # the essays it holds most of speak first; printed in the brief's order
        for e in sorted(carried, key=lambda e: (-len(carried[e]) / len(analyses[e].sentence_words), e)):
            if len(lines) < MAX_LINES and (line := _line(analyses[e], carried[e], taken)):
                lines[e] = line
        if len(lines) >= 2:  # two essays must say something of it
            used = taken
            out.append(Theme(concept, [analyses[e].essay.id for e in sorted(carried)], sorted(concepts[concept] - {concept}),
                             [lines[e] for e in sorted(lines)]))
            if len(out) == MAX_THEMES:
                break
    return out
