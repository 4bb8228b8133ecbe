"""Score extractions against gold annotations (tests/gold), the pipeline against baselines.

    python -m pipeline.evaluate [GOLD_DIR ...]      # default: tests/gold

For each gold essay it prints, for the pipeline and each baseline: findings recall within
the top 10, recommendation recall, wrong recommendations, implications recall, the share
of grounded items, and an overall score (the mean of findings recall, recommendation F1
and implications recall). Exit status 1 when the pipeline does not beat every baseline on
every essay.
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from pipeline.analyse import analyse
from pipeline.analyse.baselines import BASELINES
from pipeline.analyse.segment import Segmenter
from pipeline.ingest import read_essay
from pipeline.ingest.convert import convert
from pipeline.model import Analysis, Essay, Item
from pipeline.resources import ROOT

DEFAULT_GOLD = ROOT / "tests" / "gold"


@dataclass
class Gold:
    path: Path
    essay_path: Path
    title: str
    author: str | None
    sections: list[str]
    findings: list[list[str]]
    recommendations: list[list[str]]
    implications: list[list[str]]


@dataclass
class Score:
    findings_recall: float
    recommendation_recall: float
    wrong_recommendations: int
    recommendation_f1: float
    implications_recall: float
    grounded: float

    @property
    def overall(self) -> float:
        return (self.findings_recall + self.recommendation_f1 + self.implications_recall) / 3


def load_gold(path: Path) -> Gold:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Gold(path, (path.parent / data["essay"]).resolve(), data["title"], data["author"], data["sections"],
                data["findings"], data["recommendations"], data["implications"])


def _squash(text: str) -> str:
    """Text as compared: no whitespace, in one script (a Simplified essay is converted for
    the brief while its gold is written as the file is)."""
    return convert(re.sub(r"\s+", "", text), "s2t")


def recall(points: list[list[str]], items: list[Item]) -> tuple[float, list[bool]]:
    quotes = [_squash(i.quote) for i in items]
    found = [any(_squash(a) in q for a in anchors for q in quotes) for anchors in points]
    return (sum(found) / len(points) if points else 1.0), found


def grounded(essay: Essay, items: list[Item]) -> float:
    ok = [essay.text[i.start:i.end] == i.quote and i.text in i.quote for i in items]
    return sum(ok) / len(ok) if ok else 1.0


def score(gold: Gold, analysis: Analysis) -> Score:
    findings, _ = recall(gold.findings, analysis.findings[:10])
    recs, _ = recall(gold.recommendations, analysis.recommendations)
    anchors = [_squash(a) for point in gold.recommendations for a in point]
    wrong = sum(not any(a in _squash(i.quote) for a in anchors) for i in analysis.recommendations)
    implications, _ = recall(gold.implications, analysis.implications)
    items = analysis.findings + analysis.recommendations + analysis.implications
    right = len(analysis.recommendations) - wrong
    if not gold.recommendations and not analysis.recommendations:
        f1 = 1.0  # nothing to advise, nothing advised
    elif right:
        precision = right / len(analysis.recommendations)
        f1 = 2 * precision * recs / (precision + recs)
    else:
        f1 = 0.0
    return Score(findings, recs, wrong, f1, implications, grounded(analysis.essay, items))


def structure_errors(gold: Gold, essay: Essay) -> list[str]:
    errors = []
    if _squash(essay.title) != _squash(gold.title):
        errors.append(f"title {essay.title!r} != {gold.title!r}")
    if (essay.author and _squash(essay.author)) != (gold.author and _squash(gold.author)):
        errors.append(f"author {essay.author!r} != {gold.author!r}")
    if [_squash(s.heading) for s in essay.sections] != [_squash(h) for h in gold.sections]:
        errors.append(f"sections {[s.heading for s in essay.sections]} != {gold.sections}")
    return errors


def evaluate(gold: Gold, segmenter: Segmenter) -> tuple[Essay, dict[str, Score]]:
    essay = read_essay(gold.essay_path)
    systems = {"pipeline": analyse(essay, segmenter)}
    systems.update({name: baseline(essay, segmenter) for name, baseline in BASELINES.items()})
    return essay, {name: score(gold, analysis) for name, analysis in systems.items()}


def beats_baselines(scores: dict[str, Score]) -> bool:
    ours = scores["pipeline"]
    return all(ours.overall > s.overall and ours.findings_recall >= s.findings_recall
               for name, s in scores.items() if name != "pipeline")


def main(argv: list[str] | None = None) -> int:
    folders = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or [DEFAULT_GOLD]
    segmenter = Segmenter()
    failed = False
    header = f"{'system':<10} {'find@10':>7} {'rec':>5} {'wrong':>5} {'impl':>5} {'ground':>6} {'overall':>7}"
    for gold_path in sorted(p for folder in folders for p in folder.glob("*.json")):
        gold = load_gold(gold_path)
        essay, scores = evaluate(gold, segmenter)
        print(f"\n{gold_path.stem}  ({essay.title})")
        for error in structure_errors(gold, essay):
            print(f"  structure: {error}")
            failed = True
        print("  " + header)
        for name, s in scores.items():
            print(f"  {name:<10} {s.findings_recall:7.2f} {s.recommendation_recall:5.2f} {s.wrong_recommendations:5d} "
                  f"{s.implications_recall:5.2f} {s.grounded:6.2f} {s.overall:7.2f}")
        if not beats_baselines(scores):
            print("  the pipeline does not beat every baseline here")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
