"""Timings of each stage and of whole builds, medians over repeated runs.

    make bench            # or: python benchmarks/run.py [--runs 7]

Stages run in this process (as a long-lived caller would); whole builds run the CLI in a
fresh process each time, as a user or the scheduled CI job does.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ESSAYS = ROOT.parent / "shared" / "essays"


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def long_essay(essays, size: int, folder: Path) -> Path:
    """An essay of about `size` bytes made of the real essays' paragraphs, shuffled."""
    import random

    paragraphs = [e.span(p.start, p.end) for e in essays for p in e.paragraphs]
    rng, out, total = random.Random(size), ["長文測試"], 0
    while total < size:
        out.append(rng.choice(paragraphs))
        total += len(out[-1].encode("utf-8")) + 1
    path = folder / f"long-{size // 1000}k.txt"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    inputs = [ESSAYS if ESSAYS.is_dir() else ROOT / "examples"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BRIEF_CACHE_DIR"] = str(Path(tmp) / "cache")
        from pipeline.analyse import analyse
        from pipeline.analyse.segment import Segmenter
        from pipeline.ingest import find_inputs, read_essay
        from pipeline.render.pdf import RenderOptions, render, render_html
        from pipeline.render.audience import BUILTIN
        from pipeline.synthesise import synthesise
        from pipeline.model import Brief

        start = time.perf_counter()
        Segmenter().tokens("冷啟動")
        rows.append(("segmenter, cold cache (builds the Traditional dictionary)", time.perf_counter() - start))
        rows.append(("segmenter, warm cache", median_time(lambda: Segmenter().tokens("暖啟動"), args.runs)))
        files = find_inputs(inputs)
        rows.append(("ingest all essays", median_time(lambda: [read_essay(f) for f in files], args.runs)))
        essays = [read_essay(f) for f in files]
        segmenter = Segmenter()
        rows.append(("analyse all essays", median_time(lambda: [analyse(e, segmenter) for e in essays], args.runs)))
        analyses = [analyse(e, segmenter) for e in essays]
        previous = None
        for size in (50_000, 200_000, 800_000, 1_900_000):  # growth of analysis with length (n log n at most)
            essay = read_essay(long_essay(essays, size, Path(tmp)))
            seconds = median_time(lambda: analyse(essay, segmenter), 1 if size > 200_000 else args.runs)
            growth = f", x{seconds / previous:.1f} for x{size / last:.0f} the text" if previous else ""
            rows.append((f"analyse one essay of {size // 1000} KB ({len(essay.sentences)} sentences{growth})", seconds))
            previous, last = seconds, size
        rows.append(("synthesise", median_time(lambda: synthesise(analyses), args.runs)))
        brief = Brief(analyses, synthesise(analyses))
        options = RenderOptions(BUILTIN["analyst"])
        rows.append(("render HTML (typesetting included)", median_time(lambda: render_html(brief, options), args.runs)))
        render(brief, options)  # the first PDF of a process loads the fonts
        for name, settings in BUILTIN.items():
            rows.append((f"render PDF, {name} (fonts loaded)",
                         median_time(lambda: render(brief, RenderOptions(settings)), args.runs)))
        command = [sys.executable, "-m", "pipeline", "build", *map(str, inputs), "-o", str(Path(tmp) / "b.pdf")]
        rows.append(("`brief build` whole run, fresh process",
                     median_time(lambda: subprocess.run(command, check=True, capture_output=True, cwd=ROOT), args.runs)))
    print(f"inputs: {', '.join(map(str, inputs))}; medians of {args.runs} runs on {os.cpu_count()} cores")
    for name, seconds in rows:
        print(f"{seconds:8.3f} s  {name}")


if __name__ == "__main__":
    main()
