"""A brief in, HTML and a PDF out: the templates filled (html.py), then laid out by
WeasyPrint (layout.py), here or in a helper process (ahead.py)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.deadline import deadline
from pipeline.errors import BriefError
from pipeline.model import Brief
from pipeline.render.fonts import missing_characters
from pipeline.render.html import RenderOptions, render_html
from pipeline.render.layout import LaidOut
from pipeline.resources import FONTS, TEMPLATES

__all__ = ["RenderOptions", "Rendered", "render", "render_html", "missing_glyph_warnings"]

LayOut = Callable[[str, list[Path], "str | None", "int | None"], LaidOut]


@dataclass
class Rendered:
    html: str
    pdf: bytes
    pages: int
    refused: list[str]  # what the templates asked to fetch and the fetcher refused


def missing_glyph_warnings(brief: Brief) -> list[str]:
    warnings = []
    for analysis in brief.analyses:
        missing = missing_characters(analysis.essay.text)
        if missing:
            listed = "、".join(f"「{c}」U+{ord(c):04X}" for c in missing[:10])
            more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
            warnings.append(f"{analysis.essay.source}: the shipped fonts lack {listed}{more}; "
                            "trying the system's fonts")
    return warnings


def _roots(options: RenderOptions) -> list[Path]:
    """The folders the brief's HTML may read from: nothing else, and never the network."""
    roots = [FONTS, TEMPLATES]
    roots += [options.template_dir] if options.template_dir else []
    roots += [options.audience.logo.parent] if options.audience.logo else []
    return roots


def render(brief: Brief, options: RenderOptions, variant: str | None = None, lay_out: LayOut | None = None) -> Rendered:
    """Fill the templates and lay the brief out (with `lay_out`: here, or in a helper
    process), within the options' time limit (templates are user code). An audience with
    a page limit (the executive brief's two pages) is shortened step by step until it fits
    (RenderOptions.shorter: fewer findings per essay, none, then one side of each pair)."""
    if lay_out is None:
        from pipeline.render.layout import lay_out
    refused: list[str] = []
    limit = options.audience.max_pages
    with deadline(options.time_limit, "rendering the brief (templates and layout)"):
        while True:
            html = render_html(brief, options)
            laid = lay_out(html, _roots(options), variant, limit)
            refused += laid.refused
            if laid.pdf is not None:
                return Rendered(html, laid.pdf, laid.pages, list(dict.fromkeys(refused)))
            shorter = options.shorter()
            if shorter is None:
                raise BriefError(f"the {options.audience.name} brief needs {laid.pages} pages, "
                                 f"more than its {limit}, even without the essays' findings "
                                 f"(allow more: max_pages under [audience.{options.audience.name}] in brief.toml)")
            options = shorter
