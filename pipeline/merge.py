"""Shards back into one run: `brief extract --shard I/N` writes each runner's analyses
(in full, pipeline/store.py) with their places among all the essays; `brief merge`
checks that the shards are one complete run and orders the analyses as one runner
would have."""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.errors import BriefError
from pipeline.model import Analysis
from pipeline.store import analysis_from


def read_shards(paths: list[Path]) -> list[Analysis]:
    by_position: dict[int, Analysis] = {}
    runs: set[tuple[int, int]] = set()  # (shard count, essays in the run)
    indexes: set[int] = set()
    for path in paths:
        try:
            shard = json.loads(path.read_text(encoding="utf-8"))["shard"]
            index, count, total = (shard[k] for k in ("index", "count", "total"))
            positions, analyses = shard["positions"], shard["analyses"]
            if not all(isinstance(v, int) and not isinstance(v, bool) for v in (index, count, total, *positions)):
                raise ValueError("index, count, total and positions must be integers")
            if len(positions) != len(analyses):
                raise ValueError("positions and analyses differ in number")
            loaded = [analysis_from(a) for a in analyses]
        except OSError as exc:
            raise BriefError(f"cannot read ({exc.strerror})", path)
        except (ValueError, KeyError, TypeError) as exc:
            raise BriefError(f"not a shard of `brief extract --shard` ({exc})", path)
        if index in indexes:
            raise BriefError(f"shard {index}/{count} is given twice", path)
        indexes.add(index)
        runs.add((count, total))
        for position, analysis in zip(positions, loaded):
            by_position[position] = analysis
    if len(runs) != 1:
        raise BriefError("the shards come from different runs (their shard counts or essay counts differ)")
    count, total = runs.pop()
    missing = sorted(set(range(1, count + 1)) - indexes)
    if missing:
        raise BriefError(f"shard {', '.join(f'{i}/{count}' for i in missing)} missing")
    if sorted(by_position) != list(range(total)):
        raise BriefError(f"the shards hold {len(by_position)} of the run's {total} essays")
    return [by_position[p] for p in range(total)]
