"""Shared fixtures: the real essays, and one brief built from them by the real CLI."""
from __future__ import annotations

import json
import os
import re
import unicodedata
import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ["no_skips"]

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SHARED_ESSAYS = SHARED / "essays"
CORPUS = SHARED / "corpus"
CORPUS_GOLD = SHARED / "corpus-gold"
CHECKER = ROOT.parent / "shared" / "tools" / "check-brief-json"
EXAMPLES = ROOT / "examples"
EXAMPLE_FILES = sorted(p for p in EXAMPLES.iterdir() if not p.name.startswith("."))  # the shipped essays
ESSAY_G20 = SHARED_ESSAYS / "000_504b365ec193fe1d.txt"
ESSAY_XI = SHARED_ESSAYS / "001_7db6707b9b24d24a.txt"


# What lives in ../shared: a test naming any of these needs it.
SHARED_NAMES = frozenset({"SHARED", "SHARED_ESSAYS", "CORPUS", "CORPUS_GOLD", "CHECKER", "ESSAY_G20", "ESSAY_XI"})
NEEDS_SHARED = f"needs {SHARED} (the commissioned essays, the corpus and its readings) beside the checkout"


def _names(code) -> set[str]:
    """Global names a function's code (and the functions nested in it) uses."""
    names = set(code.co_names)
    for const in code.co_consts:
        if hasattr(const, "co_names"):
            names |= _names(const)
    return names


def _needs_shared(item) -> bool:
    functions = [getattr(item, "function", None)]
    functions += [d.func for defs in item._fixtureinfo.name2fixturedefs.values() for d in defs]
    if any(f is not None and _names(f.__code__) & SHARED_NAMES for f in functions):
        return True
    params = getattr(getattr(item, "callspec", None), "params", {}).values()
    return any(isinstance(v, Path) and SHARED in v.parents for v in params)


def pytest_collection_modifyitems(config, items):
    """A clone without ../shared runs every test it can and skips the others, saying why."""
    if SHARED.is_dir():
        return
    for item in items:
        if _needs_shared(item):
            item.add_marker(pytest.mark.skip(reason=NEEDS_SHARED))


@pytest.fixture(scope="session", autouse=True)
def cache_dir(tmp_path_factory):
    """A fresh analysis cache, so the tests also exercise building it."""
    path = tmp_path_factory.mktemp("cache")
    os.environ["BRIEF_CACHE_DIR"] = str(path)
    return path


def run_brief(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.fixture(scope="session")
def segmenter(cache_dir):
    from pipeline.analyse.segment import Segmenter

    return Segmenter()


def build_all_outputs(source: Path, out: Path, stem: str) -> subprocess.CompletedProcess:
    """`brief build SOURCE -o OUT/STEM.pdf --json OUT/STEM.json --html OUT/STEM.html`."""
    result = run_brief("build", str(source), "-o", str(out / f"{stem}.pdf"), "--json", str(out / f"{stem}.json"),
                       "--html", str(out / f"{stem}.html"))
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="session")
def built(tmp_path_factory, cache_dir):
    """The brief of ../shared/essays with its JSON and HTML, built once."""
    out = tmp_path_factory.mktemp("built")
    result = build_all_outputs(SHARED_ESSAYS, out, "X")
    return {"dir": out, "pdf": out / "X.pdf", "json": json.loads((out / "X.json").read_text(encoding="utf-8")),
            "json_path": out / "X.json", "html": (out / "X.html").read_text(encoding="utf-8"), "result": result}


@pytest.fixture(scope="session")
def corpus_brief(tmp_path_factory, cache_dir):
    """The brief of ../shared/corpus (its HTML beside the PDF), built once: (PDF, JSON)."""
    out = tmp_path_factory.mktemp("corpus")
    build_all_outputs(CORPUS, out, "c")
    return out / "c.pdf", json.loads((out / "c.json").read_text(encoding="utf-8"))


def squash(text: str) -> str:
    """Text compared as a reader sees it: no whitespace, full- and half-width forms alike
    (the brief prints （下稱大陸） where the essay has (下稱大陸))."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pdf_body_text(pdf: Path) -> str:
    """The pages' text without their running head (first line) and folio (last line): a
    point broken across a page end reads as one."""
    pages = [[line for line in page.splitlines() if line.strip()] for page in pdf_text(pdf).split("\f")]
    return "\n".join(line for lines in pages for line in lines[1:-1])
