"""What a scheduled run reports besides the brief: a Markdown summary fit for
$GITHUB_STEP_SUMMARY, and a manifest of every input's and output's sha256 with the
versions that made them."""
from __future__ import annotations

import hashlib
import json
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pipeline import __version__
from pipeline.model import Brief

LIBRARIES = ("weasyprint", "pydyf", "fonttools", "jinja2", "jieba", "opencc", "pypdfium2", "python-docx",
             "markdown-it-py", "trafilatura", "click")


def _cell(text: str | None) -> str:
    return (text or "—").replace("|", "\\|").replace("\n", " ")


def summary_markdown(brief: Brief, output: Path, pages: int, warnings: list[str]) -> str:
    lines = [f"## taiwan-brief: {output}", "",
             f"{len(brief.analyses)} essays, {pages} pages, {sum(len(a.findings) for a in brief.analyses)} findings, "
             f"{sum(len(a.recommendations) for a in brief.analyses)} recommendations for Taiwan.", "",
             "| essay | title | author | findings | recommendations | implications |",
             "|---|---|---|--:|--:|--:|"]
    lines += [f"| {_cell(a.essay.id)} | {_cell(a.essay.title)} | {_cell(a.essay.author)} | {len(a.findings)} "
              f"| {len(a.recommendations)} | {len(a.implications)} |" for a in brief.analyses]
    updates = brief.updates
    if updates is not None:
        lines += ["", "### 本期更新 (since the previous brief)", ""]
        titles = {a.essay.id: a.essay.title for a in brief.analyses}
        lines += [f"- new: {_cell(titles[i])} ({i})" for i in updates.new]
        lines += [f"- changed: {_cell(titles[i])} ({i})" for i in updates.changed]
        lines += [f"- removed: {_cell(t)}" for t in updates.removed]
        lines += [f"- new finding ({i.essay}): {_cell(i.text)}" for i in updates.findings]
        lines += [f"- new recommendation ({i.essay}): {_cell(i.text)}" for i in updates.recommendations]
        if not (updates.new or updates.changed or updates.removed):
            lines.append("- nothing changed")
    if warnings:
        lines += ["", "### Warnings", ""] + [f"- {_cell(w)}" for w in warnings]
    return "\n".join(lines) + "\n"


def _version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def manifest_json(inputs: list[Path], outputs: list[tuple[Path, bytes]]) -> str:
    """Inputs and outputs with their sha256, and the versions used (the manifest itself is
    not among the outputs it lists)."""
    data = {
        "generated_by": f"brief {__version__}",
        "python": platform.python_version(),
        "versions": {name: _version(name) for name in LIBRARIES},
        "inputs": [{"path": str(p), "sha256": hashlib.sha256(p.read_bytes()).hexdigest()} for p in inputs],
        "outputs": [{"path": str(p), "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
                    for p, data in outputs],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
