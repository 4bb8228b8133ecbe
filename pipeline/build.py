"""The pipeline as plain functions the CLI (or any caller) drives: ingest → analyse →
synthesise → render."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.analyse import analyse
from pipeline.analyse.segment import Segmenter
from pipeline.cache import AnalysisCache
from pipeline.ingest import MAX_ESSAY_BYTES, read_essays
from pipeline.model import Brief
from pipeline.synthesise import synthesise

Progress = Callable[[str], None]


def make_brief(files: list[Path], lexicon: dict[str, str] | None = None,
               progress: Progress = lambda message: None, warn: Progress = lambda message: None,
               convert: bool = True, max_bytes: int = MAX_ESSAY_BYTES, explicit: frozenset[Path] | None = None,
               cache: AnalysisCache | None = None, keep_going: bool = False) -> Brief:
    """The brief of essay files (ingest.find_inputs gives them for files and folders);
    `explicit` are those the user named, read even when short. Analyses found in the cache
    are not redone."""
    essays = read_essays(files, convert, max_bytes, explicit=explicit, warn=warn, progress=progress,
                         keep_going=keep_going)
    segmenter = None
    analyses = []
    for essay in essays:
        analysis = cache.load(essay) if cache else None
        if analysis is None:
            if segmenter is None:  # loading jieba is the slow part: only when something is analysed
                progress("loading the segmenter")
                segmenter = Segmenter(lexicon)
            progress(f"analysing {essay.id}")
            analysis = analyse(essay, segmenter)
            if cache:
                cache.save(analysis)
        if not analysis.findings:
            warn(f"{essay.source}: no findings were found")
        analyses.append(analysis)
    return Brief(analyses, synthesise(analyses))
