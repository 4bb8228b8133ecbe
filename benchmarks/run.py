"""Timings of whole builds against plain WeasyPrint, of each stage, and of a batch.

    make bench            # or: python benchmarks/run.py [--runs 5] [--batch 100] [--json PATH]

Whole builds run the CLI in a fresh process each time, as a user or the scheduled CI job
does, and the contenders are interleaved round by round (so machine noise hits them all
alike); medians are reported with peak memory (the child's max RSS) and output size.
The baseline is the `weasyprint` command rendering the very HTML the brief produced.
Stages run in this process, as a long-lived caller would. The table is also written as
JSON (default benchmarks/results.json) so a later run can be compared with this one.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ESSAYS = ROOT.parent / "shared" / "essays"
BRIEF = [sys.executable, "-m", "pipeline"]


def run(command: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """Seconds and peak memory (MB) of one child process."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            errors.seek(0)
            raise SystemExit(f"failed: {' '.join(command)}\n{errors.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def interleaved(contenders: dict[str, tuple[list[str], dict, callable]], runs: int, cwd: Path) -> dict[str, dict]:
    """Each contender run `runs` times, round by round; a contender's `before` prepares
    its run (empties a cache, say) outside the timing."""
    times: dict[str, list[float]] = {name: [] for name in contenders}
    memory: dict[str, float] = {name: 0.0 for name in contenders}
    for _ in range(runs):
        for name, (command, env, before) in contenders.items():
            before()
            seconds, peak = run(command, env, cwd)
            times[name].append(seconds)
            memory[name] = max(memory[name], peak)
    return {name: {"seconds": statistics.median(t), "peak_mb": memory[name]} for name, t in times.items()}


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def batch(essays, count: int, folder: Path) -> Path:
    """`count` distinct essays made from the real ones' sentences: each a real essay's
    sentences shuffled into new paragraphs of two to four (paragraphs repeated across files
    would be dropped as a site's shared furniture)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(count)
    for n in range(count):
        essay = essays[n % len(essays)]
        sentences = [essay.span(s.start, s.end) for s in essay.sentences]
        rng.shuffle(sentences)
        paragraphs, at = [], 0
        while at < len(sentences):
            size = rng.randint(2, 4)
            paragraphs.append("".join(sentences[at:at + size]))
            at += size
        (folder / f"essay-{n:03d}.txt").write_text(f"{essay.title}（{n}）\n\n" + "\n\n".join(paragraphs),
                                                   encoding="utf-8")
    return folder


def long_essay(essays, size: int, folder: Path) -> Path:
    """An essay of about `size` bytes made of the real essays' paragraphs, shuffled."""
    paragraphs = [e.span(p.start, p.end) for e in essays for p in e.paragraphs]
    rng, out, total = random.Random(size), ["長文測試"], 0
    while total < size:
        out.append(rng.choice(paragraphs))
        total += len(out[-1].encode("utf-8")) + 1
    path = folder / f"long-{size // 1000}k.txt"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def whole_builds(inputs: list[Path], tmp: Path, runs: int) -> list[dict]:
    base = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1700000000"}
    warm = {**base, "BRIEF_CACHE_DIR": str(tmp / "warm")}
    empty_dir = tmp / "empty"
    empty = {**base, "BRIEF_CACHE_DIR": str(empty_dir)}
    build = [*BRIEF, "build", *map(str, inputs)]
    # one build first: the HTML for the baseline, a warm dictionary, an up-to-date record
    subprocess.run([*build, "-o", "ref.pdf", "--html", "ref.html"], env=warm, cwd=tmp, check=True,
                   capture_output=True)
    nothing = lambda: None  # noqa: E731
    contenders = {
        "weasyprint command on the same HTML (baseline)":
            ([str(Path(sys.executable).with_name("weasyprint")), "ref.html", "w.pdf"], base, nothing),
        "brief build, analysis included (dictionary cached)": ([*build, "-o", "a.pdf", "--no-cache"], warm, nothing),
        "brief build, analyses cached": ([*build, "-o", "c.pdf", "--force"], warm, nothing),
        "brief build, empty cache (new machine)":
            ([*build, "-o", "e.pdf"], empty, lambda: shutil.rmtree(empty_dir, ignore_errors=True)),
        "brief build, up to date": ([*build, "-o", "ref.pdf", "--html", "ref.html"], warm, nothing),
        "brief extract (no PDF)": ([*BRIEF, "extract", *map(str, inputs), "-o", "x.json", "--no-cache"], warm, nothing),
    }
    results = interleaved(contenders, runs, tmp)
    sizes = {"brief build, analysis included (dictionary cached)": "a.pdf", "brief build, analyses cached": "c.pdf",
             "brief build, empty cache (new machine)": "e.pdf", "weasyprint command on the same HTML (baseline)": "w.pdf"}
    baseline = results["weasyprint command on the same HTML (baseline)"]["seconds"]
    full = results["brief build, analysis included (dictionary cached)"]["seconds"]
    rows = []
    for name, result in results.items():
        size = (tmp / sizes[name]).stat().st_size // 1024 if name in sizes else None
        note = f"{result['seconds'] / baseline:.2f} x baseline"
        if name == "brief build, up to date":
            note += f", {result['seconds'] / full:.0%} of a full build"
        rows.append({"name": name, **result, "pdf_kb": size, "note": note})
    return rows


def batch_builds(essays, count: int, tmp: Path, runs: int = 3) -> list[dict]:
    """The batch built whole: one brief with --jobs 1 and --jobs 2, interleaved, medians of
    `runs` (a run takes half a minute); one brief per essay as well (--split), once."""
    from pipeline.build import analyse_essays
    from pipeline.ingest import find_inputs, read_essays

    folder = batch(essays, count, tmp / "batch")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1700000000",
           "BRIEF_CACHE_DIR": str(tmp / "warm")}
    build = [*BRIEF, "build", str(folder), "-o", "batch.pdf", "--no-cache", "--jobs"]
    nothing = lambda: None  # noqa: E731
    results = interleaved({f"{count} essays, --jobs 1": ([*build, "1"], env, nothing),
                           f"{count} essays, --jobs 2": ([*build, "2"], env, nothing)}, runs, tmp)
    results |= interleaved({f"{count} essays, --jobs 2 --split (once)": ([*build, "2", "--split"], env, nothing)},
                           1, tmp)
    rows = [{"name": name, **result, "pdf_kb": (tmp / "batch.pdf").stat().st_size // 1024,
             "note": f"median of {runs}" if "once" not in name else ""} for name, result in results.items()]
    # the analysis stage alone, in this process: the essays read once, then analysed
    read = read_essays(find_inputs([folder]))
    alone = {jobs: median_time(lambda: analyse_essays(read, jobs=jobs), 3) for jobs in (1, 2)}
    for jobs, seconds in alone.items():
        rows.append({"name": f"{count} essays, analysis stage alone, {jobs} process{'es' if jobs > 1 else ''}",
                     "seconds": seconds, "peak_mb": None, "pdf_kb": None,
                     "note": f"{alone[1] / seconds:.2f} x as fast as one process"})
    return rows


def stages(inputs: list[Path], tmp: Path, runs: int) -> tuple[list[dict], list]:
    os.environ["BRIEF_CACHE_DIR"] = str(tmp / "stages")
    start = time.perf_counter()
    from pipeline.analyse import analyse
    from pipeline.analyse.segment import Segmenter
    from pipeline.ingest import find_inputs, read_essay
    from pipeline.model import Brief
    from pipeline.render.audience import BUILTIN
    from pipeline.render.layout import _font_config, lay_out, warm_up
    from pipeline.render.pdf import RenderOptions, render, render_html
    from pipeline.synthesise import synthesise
    rows = [("imports (pipeline, jieba, Jinja2; WeasyPrint loads in the warm-up)", time.perf_counter() - start)]

    start = time.perf_counter()
    Segmenter().tokens("冷啟動")
    rows.append(("segmenter, first in the process (maps the shipped dictionary)", time.perf_counter() - start))
    rows.append(("segmenter, another", median_time(lambda: Segmenter().tokens("暖啟動"), runs)))
    files = find_inputs(inputs)
    rows.append(("ingest", median_time(lambda: [read_essay(f) for f in files], runs)))
    essays = [read_essay(f) for f in files]
    segmenter = Segmenter()
    rows.append(("analyse", median_time(lambda: [analyse(e, segmenter) for e in essays], runs)))
    analyses = [analyse(e, segmenter) for e in essays]
    previous = last = None
    for size in (50_000, 200_000, 800_000):  # growth of analysis with length
        essay = read_essay(long_essay(essays, size, tmp))
        seconds = median_time(lambda: analyse(essay, segmenter), 1 if size > 200_000 else runs)
        growth = f", x{seconds / previous:.1f} for x{size / last:.0f} the text" if previous else ""
        rows.append((f"analyse one essay of {size // 1000} KB ({len(essay.sentences)} sentences{growth})", seconds))
        previous, last = seconds, size
    rows.append(("synthesise", median_time(lambda: synthesise(analyses), runs)))
    brief = Brief(analyses, synthesise(analyses))
    options = RenderOptions(BUILTIN["analyst"])
    rows.append(("template fill and typesetting (HTML)", median_time(lambda: render_html(brief, options), runs)))
    start = time.perf_counter()
    warm_up()
    rows.append(("WeasyPrint warm-up (import, the four faces loaded)", time.perf_counter() - start))
    from weasyprint import HTML

    for name, settings in BUILTIN.items():
        html = render_html(brief, RenderOptions(settings))
        laid_out = lambda: HTML(string=html, base_url=str(ROOT / "templates") + "/").render(  # noqa: E731
            font_config=_font_config())
        rows.append((f"layout, {name}", median_time(laid_out, runs)))
        document = laid_out()
        rows.append((f"PDF writing with font subsetting, {name}", median_time(document.write_pdf, runs)))
    layouts = []
    counted = lambda *args: layouts.append(1) or lay_out(*args)  # noqa: E731
    seconds = median_time(lambda: render(brief, RenderOptions(BUILTIN["executive"]), lay_out=counted), runs)
    rows.append((f"executive brief fitted to its pages ({len(layouts) // runs} layouts)", seconds))
    return [{"name": name, "seconds": seconds} for name, seconds in rows], essays


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batch", type=int, default=100, help="essays in the batch (0: no batch)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results.json")
    args = parser.parse_args()
    inputs = [ESSAYS if ESSAYS.is_dir() else ROOT / "examples"]
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        builds = whole_builds(inputs, tmp, args.runs)
        stage_rows, essays = stages(inputs, tmp, args.runs)
        batches = batch_builds(essays, args.batch, tmp, min(args.runs, 3)) if args.batch else []
    header = f"inputs: {', '.join(map(str, inputs))}; medians of {args.runs} runs on {os.cpu_count()} cores"
    print(header)
    print(f"{'seconds':>8} {'peak MB':>8} {'PDF KB':>7}  what")
    for row in builds + batches:
        peak = f"{row['peak_mb']:8.0f}" if row["peak_mb"] is not None else f"{'':>8}"
        size = row["pdf_kb"] if row["pdf_kb"] is not None else ""
        print(f"{row['seconds']:8.3f} {peak} {size:>7}  {row['name']}" + (f" ({row['note']})" if row["note"] else ""))
    for row in stage_rows:
        print(f"{row['seconds']:8.3f} {'':>8} {'':>7}  stage: {row['name']}")
    args.json.write_text(json.dumps({"header": header, "builds": builds, "batch": batches, "stages": stage_rows},
                                    ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"written: {args.json}")


if __name__ == "__main__":
    main()
