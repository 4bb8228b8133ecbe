"""Readers, one per input format: each turns a file's bytes into plain lines of text.

Each takes the bytes (read once, by the caller, which also hashes them) and the path
(for messages only).

Like Pelican's readers, each does one job and declares the extensions it reads; a reader
whose optional dependency is missing says which package to install. Everything after
(line re-joining, structure) lives in the rest of the ingest package.
"""
from __future__ import annotations

import importlib
import io
import re
from pathlib import Path

from pipeline.errors import BriefError

# Encodings tried, in order, when a text file has no BOM and is not UTF-8. Big5 (cp950)
# and GB18030 cover the Traditional and Simplified legacy files analysts receive.
LEGACY_ENCODINGS = ("cp950", "big5hkscs", "gb18030")


def decode(data: bytes, path: Path) -> str:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for codec in LEGACY_ENCODINGS:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BriefError("cannot tell the text encoding (tried UTF-8, Big5, GB18030)", path)
    return str(best)


def read_text(data: bytes, path: Path) -> str:
    return decode(data, path)


_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def read_markdown(data: bytes, path: Path) -> str:
    """Markdown to the plain-line form: '#' headings kept as markers, bullets as '•'."""
    lines = []
    for line in decode(data, path).splitlines():
        stripped = line.strip()
        if stripped.startswith(("<!--", "---", "```", "|")):
            continue
        stripped = re.sub(r"^>\s?", "", stripped)
        stripped = re.sub(r"^[-*+]\s+", "• ", stripped)
        stripped = _MD_LINK.sub(r"\1", stripped)
        lines.append(_MD_EMPHASIS.sub("", stripped))
    return "\n".join(lines)


def _optional(module: str, package: str, path: Path):
    """An optional dependency of one reader, or a clear error naming what to install."""
    try:
        return importlib.import_module(module)
    except ImportError:  # pragma: no cover - depends on the install
        raise BriefError(f"reading {path.suffix} files needs the '{package}' package (pip install {package})", path)


def read_pdf(data: bytes, path: Path) -> str:
    pypdfium2 = _optional("pypdfium2", "pypdfium2", path)
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise BriefError(f"not a readable PDF ({exc})", path)
    pages = [page.get_textpage().get_text_range() for page in pdf]
    return "\n".join(pages).replace("\r\n", "\n").replace("\r", "\n")


def read_docx(data: bytes, path: Path) -> str:
    docx = _optional("docx", "python-docx", path)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types for a bad file
        raise BriefError(f"not a readable Word document ({exc.__class__.__name__})", path)
    lines = []
    for para in document.paragraphs:
        style = (para.style.name or "").lower() if para.style is not None else ""
        text = para.text.strip()
        if style.startswith("heading") or style == "title":
            text = "# " + text
        elif style.startswith("list"):
            text = "• " + text
        lines.append(text)
        lines.append("")  # Word paragraphs are whole: keep them apart
    return "\n".join(lines)


READERS = {
    ".txt": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".pdf": read_pdf,
    ".docx": read_docx,
}
