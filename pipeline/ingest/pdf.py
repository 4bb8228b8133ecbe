"""PDF essays: the text layer, page by page (pages joined by form feeds, so the line
re-joiner can tell running headers and page numbers from the author's lines)."""
from __future__ import annotations

from pathlib import Path

from pipeline.errors import BriefError
from pipeline.ingest.chars import HAN
from pipeline.ingest.source import Source, optional


def read_pdf(data: bytes, path: Path) -> Source:
    pypdfium2 = optional("pypdfium2", "pypdfium2", path)
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise BriefError(f"not a readable PDF ({exc})", path)
    pages = [page.get_textpage().get_text_range().replace("\r\n", "\n").replace("\r", "\n") for page in pdf]
    # A title in the document information is the author's only when it is Chinese text;
    # otherwise it is usually the name of the file it was exported from.
    title = (pdf.get_metadata_dict().get("Title") or "").strip()
    return Source("\f".join(pages), title=title if HAN.search(title) else None, paginated=True)
