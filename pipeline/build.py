"""The pipeline as plain functions the CLI (or any caller) drives: ingest → analyse →
synthesise → render."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.analyse import analyse
from pipeline.analyse.segment import Segmenter
from pipeline.ingest import MAX_ESSAY_BYTES, find_inputs, read_essays
from pipeline.model import Brief
from pipeline.synthesise import synthesise

Progress = Callable[[str], None]


def make_brief(inputs: list[Path], lexicon: dict[str, str] | None = None,
               progress: Progress = lambda message: None, warn: Progress = lambda message: None,
               convert: bool = True, max_bytes: int = MAX_ESSAY_BYTES) -> Brief:
    files = find_inputs(inputs, warn)
    explicit = frozenset(p for p in inputs if p.is_file())
    essays = read_essays(files, convert, max_bytes, explicit=explicit, warn=warn, progress=progress)
    progress("loading the segmenter")
    segmenter = Segmenter(lexicon)
    analyses = []
    for essay in essays:
        progress(f"analysing {essay.id}")
        analyses.append(analyse(essay, segmenter))
    return Brief(analyses, synthesise(analyses))
