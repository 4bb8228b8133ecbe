"""WeasyPrint's part: HTML laid out in pages and written as PDF with its fonts subset.

Kept apart from the templates (pdf.py, html.py) so the helper process that lays briefs
out (ahead.py) loads WeasyPrint and nothing of Jinja2.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.errors import BriefError
from pipeline.resources import TEMPLATES


@dataclass
class LaidOut:
    pages: int
    pdf: bytes | None  # None: longer than the page limit it was given
    refused: list[str]  # what the HTML asked to fetch and the fetcher refused


@lru_cache(maxsize=1)
def _font_config():
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()  # one per process: @font-face files are loaded once


def lay_out(html: str, roots: list[Path], variant: str | None, page_limit: int | None = None) -> LaidOut:
    """The HTML laid out and written as PDF, reading files under `roots` only; with a
    page limit that it exceeds, laid out but not written (the caller shortens it)."""
    from weasyprint import HTML  # imported here: commands that make no PDF never load it

    from pipeline.render.fetcher import LocalOnlyFetcher

    # WeasyPrint logs CSS it ignores at WARNING; the brief's own CSS knows what it uses.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    refused: list[str] = []
    try:
        document = HTML(string=html, base_url=str(TEMPLATES) + "/", url_fetcher=LocalOnlyFetcher(roots, refused))
        document = document.render(font_config=_font_config(), pdf_variant=variant)
        if page_limit and len(document.pages) > page_limit:
            return LaidOut(len(document.pages), None, refused)
        return LaidOut(len(document.pages), document.write_pdf(pdf_variant=variant), refused)
    except OSError as exc:  # an image or font that cannot be read
        raise BriefError(f"cannot render the PDF: {exc}")


def warm_up() -> None:
    """Import WeasyPrint and load the shipped faces into this process's font
    configuration: the first brief laid out afterwards does not wait for either. (Writing
    a PDF here would not make the brief's own PDF any quicker to write.)"""
    from weasyprint import HTML

    from pipeline.render.fonts import FACES, font_face_css

    faces = "".join(f'<p style="font-family: \'{family}\'; font-weight: {weight}">臺灣 Taiwan 2026，。</p>'
                    for family, weight, _ in FACES)
    HTML(string=f"<html lang='zh-Hant'><style>{font_face_css()}</style>{faces}</html>").render(
        font_config=_font_config())
