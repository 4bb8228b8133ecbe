"""Render: a brief in, HTML and a PDF out (WeasyPrint)."""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from pipeline.errors import BriefError
from pipeline.model import Brief
from pipeline.render.fetcher import LocalOnlyFetcher
from pipeline.render.fonts import missing_characters
from pipeline.render.html import RenderOptions, render_html
from pipeline.resources import FONTS, TEMPLATES

__all__ = ["RenderOptions", "render_html", "render_pdf", "missing_glyph_warnings"]


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


def render_pdf(html: str, options: RenderOptions, variant: str | None = None) -> bytes:
    from weasyprint import HTML

    roots = [FONTS, TEMPLATES, *options.extra_roots]
    if options.template_dir is not None:
        roots.append(options.template_dir)
    # WeasyPrint logs CSS it ignores at WARNING; the brief's own CSS knows what it uses.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        document = HTML(string=html, base_url=str(TEMPLATES) + "/", url_fetcher=LocalOnlyFetcher(roots))
        return document.write_pdf(font_config=_font_config(), pdf_variant=variant)
    except (ValueError, TypeError) as exc:  # e.g. an unknown pdf_variant
        raise BriefError(f"cannot render the PDF: {exc}")
