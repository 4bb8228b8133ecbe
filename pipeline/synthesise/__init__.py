"""Synthesise: what the essays of one brief share, agree and disagree on, and the
positions they report each party taking. A brief of one essay has no synthesis: there is
nothing to compare it with.
"""
from __future__ import annotations

from pipeline.model import Analysis, Synthesis
from pipeline.synthesise.actors import Speakers, leaders
from pipeline.synthesise.pairs import pairs
from pipeline.synthesise.positions import positions
from pipeline.synthesise.themes import concepts, ranked, themes


def synthesise(analyses: list[Analysis]) -> Synthesis:
    if len(analyses) < 2:
        return Synthesis()
    people = leaders((a.view for a in analyses), (e.text for a in analyses for e in a.entities if e.type == "person"))
    named = concepts(analyses, set(people))
    agreements, divergences = pairs(analyses, [c for c, _ in ranked(analyses, named)], named)
    table = positions(analyses, Speakers(people))
    # theme lines quote what the pairs and the table do not
    reserved = [i for pair in agreements + divergences for i in (pair, pair.counterpart)] + [i for p in table for i in p.items]
    return Synthesis(themes(analyses, named, reserved), agreements, divergences, table)
