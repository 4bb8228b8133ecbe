"""What a reader returns: the essay's text in plain-line form and its metadata."""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import BriefError


@dataclass
class Source:
    text: str  # plain-line form: '# ' headings, '• ' list items, blank lines between blocks
    title: str | None = None
    author: str | None = None
    date: str | None = None  # as the format gives it; normalised by dates.iso_date
    url: str | None = None
    language: str | None = None
    # Only a paginated source (a PDF, text with form feeds) has running headers and page
    # numbers: elsewhere a repeated short line is the author's text and is kept.
    paginated: bool = False
    generator: str | None = None  # the program that made the file (a PDF's Creator, a page's generator)


def optional(module: str, package: str, path: Path):
    """An optional dependency of one reader, or a clear error naming what to install."""
    try:
        return importlib.import_module(module)
    except ImportError:  # pragma: no cover - depends on the install
        raise BriefError(f"reading {path.suffix} files needs the '{package}' package (pip install {package})", path)
