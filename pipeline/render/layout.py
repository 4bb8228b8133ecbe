"""WeasyPrint's part: HTML laid out in pages and written as PDF with its fonts subset.

Kept apart from the templates (pdf.py, html.py) so the helper process that lays briefs
out (ahead.py) loads WeasyPrint and nothing of Jinja2.
"""
from __future__ import annotations

import logging
import sys
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


def import_weasyprint() -> None:
    """Import WeasyPrint without searching for its libraries by name.

    WeasyPrint opens each C library by trying several names (gobject-2.0-0, …, and last
    libgobject-2.0.so.0); cffi follows each name that does not load as given with
    ctypes.util.find_library, which on Linux runs ldconfig, gcc and ld: some forty
    processes, 0.4 s of every import (Kozea/WeasyPrint#1125, "Why is weasyprint exec'ing
    gcc?"). On Linux the sonames load as given, so the search is switched off while
    WeasyPrint loads; should that fail, it is imported again the usual way."""
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        return
    import ctypes.util

    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        import weasyprint  # noqa: F401
    except OSError:
        for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
            del sys.modules[name]
    finally:
        ctypes.util.find_library = search


@lru_cache(maxsize=1)
def _font_config():  # callers have imported WeasyPrint (import_weasyprint)
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()  # one per process: @font-face files are loaded once


def lay_out(html: str, roots: list[Path], variant: str | None, page_limit: int | None = None) -> LaidOut:
    """The HTML laid out and written as PDF, reading files under `roots` only; with a
    page limit that it exceeds, laid out but not written (the caller shortens it)."""
    import_weasyprint()  # here: commands that make no PDF never load it
    from weasyprint import HTML

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
    import_weasyprint()
    from weasyprint import HTML

    from pipeline.render.fonts import FACES, font_face_css

    faces = "".join(f'<p style="font-family: \'{family}\'; font-weight: {weight}">臺灣 Taiwan 2026，。</p>'
                    for family, weight, _ in FACES)
    HTML(string=f"<html lang='zh-Hant'><style>{font_face_css()}</style>{faces}</html>").render(
        font_config=_font_config())
