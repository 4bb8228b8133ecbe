"""Incremental builds: analyses cached by content, a build that would change nothing says
so without loading WeasyPrint, and a damaged cache is rebuilt, never trusted."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE_FILES, EXAMPLES, ROOT, pdf_text, squash
from pipeline.store import analysis_data, analysis_from


def brief(*args: str, cache: Path, cwd: Path, importtime: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, *(["-X", "importtime"] if importtime else []), "-m", "pipeline", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BRIEF_CACHE_DIR": str(cache), "SOURCE_DATE_EPOCH": "1700000000"}
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env)
    assert result.returncode == 0, result.stderr
    return result


STEMS = [p.stem for p in EXAMPLE_FILES]


def analysed(result: subprocess.CompletedProcess) -> list[str]:
    return [line.split()[-1] for line in result.stderr.splitlines() if line.startswith("analysed ")]


@pytest.fixture
def essays(tmp_path):
    folder = tmp_path / "essays"
    shutil.copytree(EXAMPLES, folder)
    return folder


def test_an_unchanged_build_is_up_to_date_without_loading_weasyprint(essays, tmp_path):
    cache = tmp_path / "cache"
    first = brief("build", str(essays), "-o", "b.pdf", "--json", "b.json", "-v", cache=cache, cwd=tmp_path)
    assert sorted(analysed(first)) == STEMS
    pdf = (tmp_path / "b.pdf").read_bytes()
    again = brief("build", str(essays), "-o", "b.pdf", "--json", "b.json", "-v", cache=cache, cwd=tmp_path,
                  importtime=True)
    assert "up to date: b.pdf" in again.stderr
    imported = {line.split("|")[-1].strip() for line in again.stderr.splitlines() if line.startswith("import time:")}
    assert imported and not {m for m in imported if m.split(".")[0] in ("weasyprint", "jieba", "jinja2")}
    assert (tmp_path / "b.pdf").read_bytes() == pdf

    # an output changed since (or removed) is no longer up to date
    (tmp_path / "b.json").write_text("{}", encoding="utf-8")
    rebuilt = brief("build", str(essays), "-o", "b.pdf", "--json", "b.json", "-v", cache=cache, cwd=tmp_path)
    assert "up to date" not in rebuilt.stderr and analysed(rebuilt) == []  # analyses came from the cache
    assert (tmp_path / "b.pdf").read_bytes() == pdf


def test_editing_one_essay_reanalyses_only_that_essay(essays, tmp_path):
    cache = tmp_path / "cache"
    brief("build", str(essays), "-o", "b.pdf", cache=cache, cwd=tmp_path)
    edited = essays / "south-china-sea.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n菲律賓也表示將持續巡航，區域緊張恐將升高。\n",
                      encoding="utf-8")
    result = brief("build", str(essays), "-o", "b.pdf", "-v", cache=cache, cwd=tmp_path)
    assert analysed(result) == ["south-china-sea"]
    assert "up to date" not in result.stderr
    # another template folder is another brief, with the same analyses
    templates = tmp_path / "mine"
    templates.mkdir()
    (templates / "style.css").write_text("", encoding="utf-8")
    changed = brief("build", str(essays), "-o", "b.pdf", "-v", "--template-dir", str(templates), cache=cache,
                    cwd=tmp_path)
    assert "up to date" not in changed.stderr and analysed(changed) == []


def test_a_damaged_or_foreign_cache_entry_is_rebuilt(essays, tmp_path):
    cache = tmp_path / "cache"
    brief("extract", str(essays), "-o", "a.json", cache=cache, cwd=tmp_path)
    entries = sorted((cache / "analyses").rglob("*.json"))
    assert len(entries) == len(STEMS)
    damaged = sorted(json.loads(e.read_text(encoding="utf-8"))["analysis"]["essay"]["id"] for e in entries[:2])
    entries[0].write_text(entries[0].read_text(encoding="utf-8")[:500], encoding="utf-8")  # truncated
    other = json.loads(entries[1].read_text(encoding="utf-8"))
    other["analysis"]["findings"][0]["quote"] = "北京將放棄對臺施壓。"  # tampered: no longer the essay's text
    entries[1].write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    result = brief("extract", str(essays), "-o", "b.json", "-v", cache=cache, cwd=tmp_path)
    assert sorted(analysed(result)) == damaged  # and the intact entry is used
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_analysis_data_round_trips_and_refuses_what_is_not_an_analysis(segmenter):
    from pipeline.analyse import analyse
    from pipeline.ingest import read_essay

    analysis = analyse(read_essay(EXAMPLES / "south-china-sea.txt"), segmenter)
    data = json.loads(json.dumps(analysis_data(analysis), ensure_ascii=False))
    assert analysis_from(data) == analysis
    for broken in ({**data, "view": 3}, {**data, "extra": 1}, {k: v for k, v in data.items() if k != "essay"},
                   {**data, "findings": [{**data["findings"][0], "start": True}]}, [], None):
        with pytest.raises(ValueError):
            analysis_from(broken)


def test_what_changed_since_the_previous_brief_opens_the_brief_and_the_summary(essays, tmp_path):
    cache = tmp_path / "cache"
    added = essays / "south-china-sea.txt"
    held_back = tmp_path / "later.txt"
    added.rename(held_back)
    brief("build", str(essays), "-o", "b.pdf", "--json", "b.json", cache=cache, cwd=tmp_path)
    first = (tmp_path / "b.json").read_text(encoding="utf-8")
    assert '"updates"' not in first  # nothing to compare the first brief with

    held_back.rename(added)
    brief("build", str(essays), "-o", "b.pdf", "--json", "b.json", "--summary", "s.md", "--manifest", "m.json",
          cache=cache, cwd=tmp_path)
    updates = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["updates"]
    assert updates["new"] == ["south-china-sea"] and updates["changed"] == [] and updates["findings"]
    text = squash(pdf_text(tmp_path / "b.pdf"))
    assert "本期更新" in text and "新增文章" in text and squash(updates["findings"][0]["text"]) in text
    summary = (tmp_path / "s.md").read_text(encoding="utf-8")
    assert "new: 東協峰會後的南海情勢與區域安全 (south-china-sea)" in summary
    assert updates["findings"][0]["text"] in summary
    manifest = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    for entry in manifest["outputs"] + manifest["inputs"]:
        assert hashlib.sha256((tmp_path / entry["path"]).read_bytes()).hexdigest() == entry["sha256"]
    assert {Path(e["path"]).name for e in manifest["outputs"]} == {"b.pdf", "b.json", "s.md"}
    assert manifest["versions"]["weasyprint"]

    edited = essays / "chip-export-controls.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("臺灣", "台灣", 1), encoding="utf-8")
    brief("build", str(essays), "-o", "b.pdf", "--json", "b.json", cache=cache, cwd=tmp_path)
    updates = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["updates"]
    assert updates == {**updates, "new": [], "changed": ["chip-export-controls"], "removed": []}
    assert "內容更新" in squash(pdf_text(tmp_path / "b.pdf"))

    added.unlink()
    brief("build", str(essays), "-o", "b.pdf", "--json", "b.json", cache=cache, cwd=tmp_path)
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["updates"]["removed"] == [
        "東協峰會後的南海情勢與區域安全"]


def test_strict_fails_on_warnings_and_keep_going_builds_from_what_can_be_read(essays, tmp_path):
    cache = tmp_path / "cache"
    (essays / "broken.pdf").write_bytes(b"%PDF-1.7 this is not a PDF")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BRIEF_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "pipeline", "build", str(essays), "-o", "k.pdf"]
    stopped = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, env=env)
    assert stopped.returncode == 1 and "broken.pdf" in stopped.stderr and not (tmp_path / "k.pdf").exists()
    going = subprocess.run([*command, "--keep-going", "--summary", "s.md"], capture_output=True, text=True,
                           cwd=tmp_path, env=env)
    assert going.returncode == 0, going.stderr
    assert "warning: skipped" in going.stderr and "broken.pdf" in going.stderr
    assert f"wrote k.pdf ({len(STEMS)} essays" in going.stderr
    assert "broken.pdf" in (tmp_path / "s.md").read_text(encoding="utf-8")  # the summary names it too
    strict = subprocess.run([*command, "--keep-going", "--strict", "-o", "s.pdf"], capture_output=True, text=True,
                            cwd=tmp_path, env=env)
    assert strict.returncode == 1 and "--strict" in strict.stderr
    assert (tmp_path / "s.pdf").is_file()  # written, then the run fails


RUN = [str(EXAMPLES), str(ROOT / "tests" / "essays")]  # six essays, none from ../shared


def test_merged_shards_are_the_unsharded_brief_byte_for_byte(tmp_path):
    cache = tmp_path / "cache"
    for i in (1, 2, 3):
        brief("extract", *RUN, "--shard", f"{i}/3", "-o", f"s{i}.json", cache=cache, cwd=tmp_path)
    held = [json.loads((tmp_path / f"s{i}.json").read_text(encoding="utf-8")) for i in (1, 2, 3)]
    assert sorted(p for shard in held for p in shard["shard"]["positions"]) == list(range(len(STEMS) + 3))
    assert all(shard["schema"] == "brief/1" for shard in held)  # each shard is a brief of its own essays too
    brief("merge", "s3.json", "s1.json", "s2.json", "-o", "merged.pdf", "--json", "merged.json", cache=cache,
          cwd=tmp_path)
    brief("build", *RUN, "-o", "one.pdf", "--json", "one.json", "--no-cache", cache=cache, cwd=tmp_path)
    assert (tmp_path / "merged.pdf").read_bytes() == (tmp_path / "one.pdf").read_bytes()
    assert (tmp_path / "merged.json").read_bytes() == (tmp_path / "one.json").read_bytes()

    env = {**os.environ, "PYTHONPATH": str(ROOT), "BRIEF_CACHE_DIR": str(cache)}
    partial = subprocess.run([sys.executable, "-m", "pipeline", "merge", "s1.json", "s3.json", "-o", "p.pdf"],
                             capture_output=True, text=True, cwd=tmp_path, env=env)
    assert partial.returncode == 1 and "shard 2/3 missing" in partial.stderr and not (tmp_path / "p.pdf").exists()
    assert len(partial.stderr.strip().splitlines()) == 1


def test_parallel_analysis_and_one_pdf_per_essay(tmp_path):
    cache = tmp_path / "cache"
    brief("build", *RUN, "-o", "p.pdf", "--jobs", "2", "--split", cache=cache, cwd=tmp_path)
    brief("build", *RUN, "-o", "s.pdf", "--no-cache", cache=cache, cwd=tmp_path)
    assert (tmp_path / "p.pdf").read_bytes() == (tmp_path / "s.pdf").read_bytes()
    for essay in ("chip-export-controls", "south-china-sea", "japan-defence-unnumbered"):
        alone = squash(pdf_text(tmp_path / f"p-{essay}.pdf"))
        assert "主要發現" in alone and "綜合研析" not in alone
