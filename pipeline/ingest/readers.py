"""Readers, one per input format: each turns a file's bytes into a Source, the essay's
text in plain-line form plus whatever metadata the format carries.

Plain-line form is what the rest of ingest reads: one line per line of text (hard-wrapped
text keeps its wrapping; the line re-joiner undoes it), `# ` before a heading, `• ` before
a list item, blank lines between blocks. Like Pelican's `read(path) -> (text, metadata)`,
each reader does one job and declares the extensions it reads; a reader whose optional
dependency is missing says which package to install. Markdown and web pages have readers
of their own (markdown.py, webpage.py).
"""
from __future__ import annotations

import io
from pathlib import Path

from pipeline.errors import BriefError
from pipeline.ingest.boilerplate import Chunk, assemble
from pipeline.ingest.chars import ends_paragraph
from pipeline.ingest.encoding import decode
from pipeline.ingest.markdown import read_markdown
from pipeline.ingest.pdf import read_pdf
from pipeline.ingest.source import Source, optional
from pipeline.ingest.webpage import read_webpage


def read_text(data: bytes, path: Path) -> Source:
    # Plain text is often a PDF's text layer: it counts as paginated, and page furniture is
    # removed where form feeds or page-number lines show where its pages ended.
    return Source(decode(data, path), paginated=True)


MIN_BROKEN_LINES = 8  # paragraphs a document needs before its breaks tell lines from paragraphs


def read_docx(data: bytes, path: Path) -> Source:
    docx = optional("docx", "python-docx", path)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types for a bad file
        raise BriefError(f"not a readable Word document ({exc.__class__.__name__})", path)
    title = document.core_properties.title or None
    lines = [para.text.strip() for para in document.paragraphs if para.text.strip()]
    if len(lines) >= MIN_BROKEN_LINES and sum(not ends_paragraph(line) for line in lines) > len(lines) / 2:
        # a document made from a PDF keeps each printed line a paragraph of its own (most end
        # mid-sentence): it is hard-wrapped text, which the line re-joiner reads as such
        return Source("\n".join(lines), title=title, paginated=True)
    chunks = []
    for para in document.paragraphs:  # footnotes live in their own part: never read
        style = (para.style.name or "").lower() if para.style is not None else ""
        text = para.text.strip()
        if not text:
            continue
        if style == "title" or style.startswith("heading"):
            level = int(style.rsplit(" ", 1)[-1]) + 1 if style[-1:].isdigit() else 1
            chunks.append(Chunk("heading", text, level))
        else:
            chunks.append(Chunk("item" if style.startswith("list") else "para", text))
    # Core properties hold the title a writer gave; author and dates are usually the
    # machine's user and the template's, so they are not taken.
    return assemble(chunks, {"title": title})


READERS = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".htm": read_webpage,
    ".html": read_webpage,
    ".xhtml": read_webpage,
    ".pdf": read_pdf,
    ".docx": read_docx,
}
