"""The pipeline as plain functions the CLI (or any caller) drives: ingest → analyse →
synthesise (→ render: pipeline/publish.py).

Analysis is the slow stage: it is skipped for essays the cache holds, spread over worker
processes with jobs > 1, and, with a shard, done for a stable slice of the essays only
(`brief merge` joins the slices). Every shard still reads every input: ingest drops
paragraphs that several essays of the run share (site footers), so an essay is the same
whichever runner analyses it, and merged shards give the unsharded brief byte for byte.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from pipeline.analyse import analyse
from pipeline.analyse.segment import Segmenter
from pipeline.cache import AnalysisCache
from pipeline.ingest import MAX_ESSAY_BYTES, read_essays
from pipeline.model import Analysis, Brief, Essay
from pipeline.synthesise import synthesise

Progress = Callable[[str], None]
Track = Callable[[Iterable, int], Iterator]  # wraps the analyses as they finish (a progress bar)


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based
    count: int

    @classmethod
    def parse(cls, text: str) -> "Shard":
        """'2/3' → the second of three shards."""
        try:
            index, count = (int(part) for part in text.split("/"))
        except ValueError:
            raise ValueError(f"'{text}' is not I/N (for example 2/3)") from None
        if not 1 <= index <= count:
            raise ValueError(f"'{text}': I must be between 1 and N")
        return cls(index, count)

    def holds(self, source: str) -> bool:
        """Stable across runners and runs: by a hash of the essay file's path as given."""
        digest = hashlib.sha256(Path(source).as_posix().encode()).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


_WORKER: Segmenter | None = None


def _start_worker(lexicon: dict[str, str] | None) -> None:
    global _WORKER
    _WORKER = Segmenter(lexicon)


def _analyse_in_worker(essay: Essay) -> Analysis:
    return analyse(essay, _WORKER)


def analyse_essays(essays: list[Essay], lexicon: dict[str, str] | None = None,
                   progress: Progress = lambda message: None, cache: AnalysisCache | None = None,
                   jobs: int = 1, track: Track = lambda items, total: iter(items)) -> list[Analysis]:
    """Each essay's analysis, in the essays' order: from the cache where it has one,
    else analysed (in `jobs` processes when there is more than one essay to do)."""
    done: dict[int, Analysis] = {}
    for n, essay in enumerate(essays):
        cached = cache.load(essay) if cache else None
        if cached is not None:
            done[n] = cached
    todo = [n for n in range(len(essays)) if n not in done]
    if not todo:
        return [done[n] for n in range(len(essays))]
    parallel = jobs > 1 and len(todo) > 1
    progress(f"{len(todo)} of {len(essays)} essays to analyse" + (f", in {jobs} processes" if parallel else ""))
    with ExitStack() as stack:
        if parallel:
            pool = stack.enter_context(ProcessPoolExecutor(min(jobs, len(todo)), initializer=_start_worker,
                                                           initargs=(lexicon,)))
            results = pool.map(_analyse_in_worker, [essays[n] for n in todo])
        else:
            segmenter = Segmenter(lexicon)  # loading jieba is the slow part: only when something is analysed
            results = (analyse(essays[n], segmenter) for n in todo)
        for n, analysis in zip(todo, track(results, len(todo))):
            progress(f"analysed {analysis.essay.id}")
            done[n] = analysis
            if cache:
                cache.save(analysis)
    return [done[n] for n in range(len(essays))]


@dataclass
class Analysed:
    analyses: list[Analysis]
    positions: list[int]  # where each essay stands among all the essays of the run
    total: int  # essays in the run (in all shards)


def make_analyses(files: list[Path], lexicon: dict[str, str] | None = None,
                  progress: Progress = lambda message: None, warn: Progress = lambda message: None,
                  convert: bool = True, max_bytes: int = MAX_ESSAY_BYTES, explicit: frozenset[Path] | None = None,
                  cache: AnalysisCache | None = None, keep_going: bool = False, jobs: int = 1,
                  shard: Shard | None = None, track: Track = lambda items, total: iter(items)) -> Analysed:
    """The analyses of essay files (ingest.find_inputs gives them for files and folders),
    or of one shard's share of them; `explicit` are the files the user named, read even
    when short."""
    essays = read_essays(files, convert, max_bytes, explicit=explicit, warn=warn, progress=progress,
                         keep_going=keep_going)
    positions = [n for n, essay in enumerate(essays) if shard is None or shard.holds(essay.source)]
    analyses = analyse_essays([essays[n] for n in positions], lexicon, progress, cache, jobs, track)
    for analysis in analyses:
        if not analysis.findings:
            warn(f"{analysis.essay.source}: no findings were found")
    return Analysed(analyses, positions, len(essays))


def make_brief(files: list[Path], lexicon: dict[str, str] | None = None, **options) -> Brief:
    """The brief of essay files; options as make_analyses takes them."""
    analyses = make_analyses(files, lexicon, **options).analyses
    return Brief(analyses, synthesise(analyses))
