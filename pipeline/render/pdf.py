"""A brief in, HTML and a PDF out (WeasyPrint)."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from pipeline.deadline import deadline
from pipeline.errors import BriefError
from pipeline.model import Brief
from pipeline.render.fonts import missing_characters
from pipeline.render.html import RenderOptions, render_html
from pipeline.resources import FONTS, TEMPLATES

__all__ = ["RenderOptions", "Rendered", "render", "render_html", "missing_glyph_warnings"]


@dataclass
class Rendered:
    html: str
    pdf: bytes
    pages: int
    refused: list[str]  # what the templates asked to fetch and the fetcher refused


@lru_cache(maxsize=1)
def _font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()  # one per process: @font-face files are loaded once


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


def _layout(html: str, options: RenderOptions, variant: str | None, refused: list[str]):
    from weasyprint import HTML  # imported here: commands that make no PDF never load it

    from pipeline.render.fetcher import LocalOnlyFetcher

    roots = [FONTS, TEMPLATES]
    roots += [options.template_dir] if options.template_dir else []
    roots += [options.audience.logo.parent] if options.audience.logo else []
    fetcher = LocalOnlyFetcher(roots, refused)
    document = HTML(string=html, base_url=str(TEMPLATES) + "/", url_fetcher=fetcher)
    return document.render(font_config=_font_config(), pdf_variant=variant)


def render(brief: Brief, options: RenderOptions, variant: str | None = None) -> Rendered:
    """Lay the brief out and write its PDF, within the options' time limit (templates are
    user code). An audience with a page limit (the executive brief's two pages) gets fewer
    findings per essay until the brief fits."""
    with deadline(options.time_limit, "rendering the brief (templates and layout)"):
        return _render(brief, options, variant)


def _render(brief: Brief, options: RenderOptions, variant: str | None) -> Rendered:
    # WeasyPrint logs CSS it ignores at WARNING; the brief's own CSS knows what it uses.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    limit = options.audience.max_pages
    refused: list[str] = []
    try:
        while True:
            html = render_html(brief, options)
            document = _layout(html, options, variant, refused)
            if not limit or len(document.pages) <= limit or options.audience.findings <= 1:
                break
            options = options.with_findings(options.audience.findings - 1)
        if limit and len(document.pages) > limit:
            raise BriefError(f"the {options.audience.name} brief needs {len(document.pages)} pages, "
                             f"more than its {limit}, even with one finding per essay")
        return Rendered(html, document.write_pdf(pdf_variant=variant), len(document.pages),
                        list(dict.fromkeys(refused)))
    except OSError as exc:  # an image or font that cannot be read
        raise BriefError(f"cannot render the PDF: {exc}")
