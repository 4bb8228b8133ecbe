"""Which page of which audience is kept as a reference, and how it is rendered."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PAGES = {"analyst": 4, "executive": 1, "public": 4}  # an essay's page; the executive brief's first
EPOCH = "1700000000"


def render_page(audience: str, workdir: Path) -> Path:
    """Build the examples brief for an audience and render its reference page to PNG."""
    pdf = workdir / f"{audience}.pdf"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "pipeline", "build", str(ROOT / "examples"), "-o", str(pdf),
                    "--audience", audience], check=True, capture_output=True, env=env, cwd=workdir)
    page = PAGES[audience]
    prefix = workdir / audience
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(prefix)], check=True)
    return prefix.with_suffix(".png")
