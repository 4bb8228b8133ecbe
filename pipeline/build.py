"""The pipeline as plain functions the CLI (or any caller) drives: ingest → analyse →
synthesise → render."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.analyse import analyse
from pipeline.analyse.segment import Segmenter
from pipeline.ingest import find_inputs, read_essay
from pipeline.model import Brief
from pipeline.synthesise import synthesise

Progress = Callable[[str], None]


def make_brief(inputs: list[Path], lexicon: dict[str, str] | None = None,
               progress: Progress = lambda message: None) -> Brief:
    files = find_inputs(inputs)
    essays = []
    for n, path in enumerate(files, 1):
        progress(f"[{n}/{len(files)}] reading {path}")
        essays.append(read_essay(path))
    progress("loading the segmenter")
    segmenter = Segmenter(lexicon)
    analyses = []
    for essay in essays:
        progress(f"analysing {essay.id}")
        analyses.append(analyse(essay, segmenter))
    return Brief(analyses, synthesise(analyses))
