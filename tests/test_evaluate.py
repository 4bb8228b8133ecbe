"""Extraction quality against hand-written gold annotations, and against the baselines."""
from __future__ import annotations


import pytest

from conftest import ESSAY_G20, ESSAY_XI
from pipeline.evaluate import DEFAULT_GOLD, beats_baselines, evaluate, load_gold, main, score, structure_errors
from pipeline.ingest import read_essay
from pipeline.model import Analysis, Item

GOLD = sorted(DEFAULT_GOLD.glob("*.json"))
REAL = [DEFAULT_GOLD / f"{p.stem}.json" for p in (ESSAY_G20, ESSAY_XI)]


def test_gold_covers_the_real_essays_and_other_shapes():
    assert len(GOLD) >= 5 and all(p in GOLD for p in REAL)
    for path in GOLD:
        gold = load_gold(path)
        text = read_essay(gold.essay_path, convert=False).text.replace("\n", "")  # gold is of the file as written
        for point in gold.findings + gold.recommendations + gold.implications:
            assert all(anchor in text for anchor in point), (path.name, point)  # anchors are verbatim


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_pipeline_beats_baselines_and_never_invents_advice(path, segmenter):
    gold = load_gold(path)
    essay, scores = evaluate(gold, segmenter)
    ours = scores["pipeline"]
    assert structure_errors(gold, essay) == []  # title, author, every section heading exact
    assert beats_baselines(scores), {k: (s.findings_recall, s.overall) for k, s in scores.items()}
    assert ours.recommendation_recall == 1.0 and ours.wrong_recommendations == 0
    assert ours.grounded == 1.0
    assert ours.findings_recall >= 0.7 and ours.implications_recall >= 0.75


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_real_essays_meet_the_bar(path, segmenter):
    _, scores = evaluate(load_gold(path), segmenter)
    assert scores["pipeline"].findings_recall >= 0.8
    assert scores["pipeline"].implications_recall >= 0.8


def test_scorer_counts_misses_and_wrong_advice():
    gold = load_gold(DEFAULT_GOLD / f"{ESSAY_XI.stem}.json")
    essay = read_essay(gold.essay_path)
    start = essay.text.index("拜登在記者會上")
    end = essay.text.index("。", start) + 1
    wrong = Item("x", 1.0, essay.id, 0, start, end, essay.text[start:end])
    result = score(gold, Analysis(essay, recommendations=[wrong]))
    assert result.findings_recall == 0.0 and result.recommendation_recall == 0.0
    assert result.wrong_recommendations == 1 and result.overall == 0.0


def test_evaluate_command_exits_zero():
    assert main([str(DEFAULT_GOLD)]) == 0
