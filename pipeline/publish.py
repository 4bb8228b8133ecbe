"""From a brief to files: the PDF, and on request its JSON, HTML, a PDF per essay, a
Markdown summary and a manifest, all written together or none (pipeline/output.py).
`brief build` and `brief merge` both end here."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.export import dumps
from pipeline.model import Brief, Synthesis
from pipeline.output import split_path, write_all
from pipeline.render.ahead import Renderer
from pipeline.render.pdf import RenderOptions, missing_glyph_warnings
from pipeline.summary import manifest_json, summary_markdown


@dataclass
class Outputs:
    pdf: Path
    json: Path | None = None
    html: Path | None = None
    summary: Path | None = None
    manifest: Path | None = None
    split: bool = False  # also one PDF per essay beside the brief (output.split_path)


def publish(brief: Brief, inputs: list[Path], outputs: Outputs, options: RenderOptions, variant: str | None,
            warn: Callable[[str], None], progress: Callable[[str], None], warnings: list[str],
            renderer: Renderer | None = None) -> int:
    """Render (with `renderer`, else here) and write everything; the brief's page count.
    `warnings` holds what was warned so far (the summary lists them)."""
    render = (renderer or Renderer()).render
    for warning in missing_glyph_warnings(brief):
        warn(warning)
    progress(f"rendering the {options.audience.name} brief")
    result = render(brief, options, variant)
    asker = f"the templates in {options.template_dir}" if options.template_dir else "the built-in templates"
    for refused in result.refused:
        warn(f"{asker} asked for {refused}; refused")
    payloads: list[tuple[Path, bytes]] = [(outputs.pdf, result.pdf)]
    if outputs.split:  # an essay alone: its own chapter (a brief of one has no synthesis)
        for analysis in brief.analyses:
            progress(f"rendering {analysis.essay.id} alone")
            payloads.append((split_path(outputs.pdf, analysis.essay.id),
                             render(Brief([analysis], Synthesis()), options, variant).pdf))
    if outputs.json:
        payloads.append((outputs.json, dumps(brief).encode()))
    if outputs.html:
        payloads.append((outputs.html, result.html.encode()))
    if outputs.summary:
        payloads.append((outputs.summary, summary_markdown(brief, outputs.pdf, result.pages, warnings).encode()))
    if outputs.manifest:
        payloads.append((outputs.manifest, manifest_json(inputs, payloads).encode()))
    write_all(payloads)
    return result.pages
