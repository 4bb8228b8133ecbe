"""The GitHub Actions workflows: valid against the workflow schema (check-jsonschema's
vendored copy, no network), scheduled, cached, and calling only options the CLI has."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import ROOT
from pipeline.cli import main

WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(job: dict) -> list[dict]:
    return job["steps"]


def uses(job: dict, action: str) -> list[dict]:
    return [s for s in steps(job) if s.get("uses", "").startswith(action)]


def runs(job: dict) -> str:
    return "\n".join(s.get("run", "") for s in steps(job))


def test_workflows_are_valid_github_workflows():
    checker = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows", *map(str, FILES)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert {f.name for f in FILES} == {"brief.yml", "brief-sharded.yml"}


@pytest.mark.parametrize("name", ["brief.yml", "brief-sharded.yml"])
def test_scheduled_cached_and_reporting(name):
    workflow = load(name)
    assert workflow["on"]["schedule"][0]["cron"] and "workflow_dispatch" in workflow["on"]
    assert workflow["env"]["BRIEF_CACHE_DIR"]
    jobs = workflow["jobs"]
    for job in jobs.values():
        assert uses(job, "actions/setup-python")[0]["with"]["cache"] == "pip"
    final = jobs["brief"] if name == "brief.yml" else jobs["merge"]
    restored = [s["with"]["path"] for s in uses(final, "actions/cache/restore")]
    saved = [s["with"]["path"] for s in uses(final, "actions/cache/save")]
    assert "out/brief.json" in restored and "out/brief.json" in saved  # the previous brief, for 本期更新
    assert '--summary "$GITHUB_STEP_SUMMARY"' in runs(final) and "--json out/brief.json" in runs(final)
    artifact = uses(final, "actions/upload-artifact")[0]["with"]["path"]
    assert "out/brief.pdf" in artifact and "out/brief.json" in artifact
    analysing = jobs["brief"] if name == "brief.yml" else jobs["analyse"]
    assert [s for s in uses(analysing, "actions/cache") if "BRIEF_CACHE_DIR" in s["with"]["path"]]


def test_the_sharded_workflow_spreads_the_essays_and_merges_them():
    jobs = load("brief-sharded.yml")["jobs"]
    shards = jobs["analyse"]["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, len(shards) + 1)) and len(shards) > 1
    assert '--shard "${{ matrix.shard }}/${{ strategy.job-total }}"' in runs(jobs["analyse"])
    assert jobs["merge"]["needs"] == "analyse"
    assert uses(jobs["merge"], "actions/download-artifact")[0]["with"]["pattern"] == "shard-*"
    assert "brief merge shards/shard-*.json" in runs(jobs["merge"])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_workflows_call_only_options_the_cli_has(path):
    text = re.sub(r"\$\{\{[^}]*\}\}", "X", path.read_text(encoding="utf-8"))
    runner = CliRunner()
    called = 0
    for job in yaml.safe_load(text)["jobs"].values():
        for step in job["steps"]:
            for command in re.findall(r"(?m)^\s*(brief \w+[^\n]*(?:\n(?!\s*$)[^\n]*)*)", step.get("run", "")):
                words = shlex.split(command)
                helptext = runner.invoke(main, [words[1], "--help"]).output
                for option in (w.split("=")[0] for w in words if w.startswith("--")):
                    assert re.search(rf"{re.escape(option)}\b", helptext), (words[1], option)
                called += 1
    assert called
