"""Reading essays: a file's bytes to the essay model (see the package docstring)."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline import GENERATOR
from pipeline.errors import BriefError
from pipeline.ingest.blocks import Block, drop_page_furniture, split_blocks
from pipeline.ingest.boilerplate import unescape_spaces
from pipeline.ingest.chars import HAN, drop_emoji, drop_glosses, drop_readings, full_width_brackets
from pipeline.ingest.copies import copies
from pipeline.ingest.convert import CONVERSION, is_simplified, to_taiwan
from pipeline.ingest.dates import iso_date
from pipeline.ingest.footnotes import drop_footnotes
from pipeline.ingest.inputs import Warn
from pipeline.ingest.metadata import clean_title, interviewee, person, signed_by, title_from_filename
from pipeline.ingest.readers import READERS
from pipeline.ingest.source import Source
from pipeline.ingest.structure import build_essay
from pipeline.model import Essay

MAX_ESSAY_BYTES = 2_000_000  # an essay is tens of kilobytes; far more is no essay
MIN_HAN = 200  # fewer Han characters than a short paragraph: not an essay
EDGE_SHARE = 0.25  # a shared paragraph is furniture only in the first or last quarter of an essay
LEAD_PARAGRAPHS = 3  # where a report says whom it interviewed


@dataclass
class _Read:
    path: Path
    source: Source
    sha256: str
    blocks: list[Block]
    converted: str | None
    dropped: int  # lines of page furniture

    @property
    def prose(self) -> list[Block]:
        """Its paragraphs and list items (where furniture and copied text are looked for)."""
        return [b for b in self.blocks if b.kind in ("para", "bullet")]


def _read(path: Path, convert: bool, max_bytes: int) -> _Read:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise BriefError(f"too large for an essay ({size:,} bytes; the limit is {max_bytes:,})", path)
        data = path.read_bytes()
    except OSError as exc:
        raise BriefError(f"cannot read ({exc.strerror})", path)
    source = READERS[path.suffix.lower()](data, path)
    source.text = drop_emoji(drop_glosses(drop_readings(full_width_brackets(unescape_spaces(source.text)))))
    source.title = drop_emoji(drop_readings(full_width_brackets(source.title))) if source.title else None
    converted = None
    if convert and is_simplified(source.text):
        converted = CONVERSION
        source.text = to_taiwan(source.text)
        source.title = to_taiwan(source.title) if source.title else None
        source.author = to_taiwan(source.author) if source.author else None
    dropped = 0
    if source.paginated:
        pdf = path.suffix.lower() == ".pdf"
        if not pdf:  # (a PDF's own reader leaves out what is set smaller than the body)
            lines, dropped = drop_footnotes(source.text.split("\n"))
            source.text = "\n".join(lines)
        lines, furniture = drop_page_furniture(source.text, pdf=pdf)
        source.text, dropped = "\n".join(lines), dropped + furniture
    blocks = split_blocks(source.text, titled=bool(source.title))
    return _Read(path, source, hashlib.sha256(data).hexdigest(), blocks, converted, dropped)


def _shared_paragraphs(reads: list[_Read]) -> set[str]:
    """Paragraph texts that stand near the start or end of two or more essays."""
    owners: dict[str, set[int]] = {}
    for n, read in enumerate(reads):
        paras = read.prose
        edge = _edge(paras)
        for k, block in enumerate(paras):
            if k < edge or k >= len(paras) - edge:
                owners.setdefault(block.text, set()).add(n)
    return {text for text, essays in owners.items() if len(essays) >= 2}


def _edge(paras: list[Block]) -> int:
    """How many paragraphs at either end of an essay site furniture may take."""
    return max(1, int(len(paras) * EDGE_SHARE))


def _middle(read: _Read) -> str:
    """The essay's text between its edges: two different articles of one site share a
    footer, which in a short one can be most of its text; copies share the middle too."""
    paras = read.prose
    return "\n".join(b.text for b in paras[_edge(paras):len(paras) - _edge(paras)])


def _essay(read: _Read, shared: set[str]) -> tuple[Essay, int]:
    blocks = [b for b in read.blocks if b.kind not in ("para", "bullet") or b.text not in shared]
    source, path = read.source, read.path
    title = clean_title(source.title) if source.title else None
    essay = build_essay(blocks, path.stem, str(path), read.sha256, title)
    signer = signed_by(source.title or essay.title or "")
    if essay.title:
        essay.title = clean_title(essay.title)
    else:
        essay.title = title_from_filename(path.stem)
        if read.converted:
            essay.title = to_taiwan(essay.title)
    essay.author = essay.author or person(source.author) or signer or interviewee(
        essay.title, "".join(essay.span(p.start, p.end) for p in essay.paragraphs[:LEAD_PARAGRAPHS]), essay.text)
    essay.date = iso_date(source.date) or essay.date
    essay.url = source.url
    essay.converted = read.converted
    return essay, len(read.blocks) - len(blocks) + read.dropped


def read_essays(paths: list[Path], convert: bool = True, max_bytes: int = MAX_ESSAY_BYTES,
                explicit: frozenset[Path] | None = None, warn: Warn = lambda message: None,
                progress: Callable[[str], None] = lambda message: None, keep_going: bool = False) -> list[Essay]:
    """The essays of a run. A file given by name is always read; one found in a folder
    with fewer than MIN_HAN Han characters of text is passed over with a warning. With
    keep_going, a file that cannot be read is named in a warning and the others are read."""
    reads = []
    for n, path in enumerate(paths, 1):
        progress(f"[{n}/{len(paths)}] reading {path}")
        try:
            read = _read(path, convert, max_bytes)
            if read.source.generator == GENERATOR and explicit is not None and path not in explicit:
                warn(f"{path}: skipped, a brief made by {GENERATOR}, not an essay")
                continue
            reads.append(read)
        except BriefError as exc:
            if not keep_going:
                raise
            warn(f"skipped {exc.message}")
    copied = copies([_middle(read) for read in reads])
    for n, (original, share) in copied.items():
        warn(f"{reads[n].path}: left out, a copy of {reads[original].path} ({share:.0%} of its text)")
    reads = [read for n, read in enumerate(reads) if n not in copied]
    shared = _shared_paragraphs(reads)
    essays = []
    for read in reads:
        essay, dropped = _essay(read, shared)
        if dropped:
            progress(f"{read.path}: {dropped} lines of page furniture and site boilerplate left out")
        if explicit is not None and read.path not in explicit and len(HAN.findall(essay.text)) < MIN_HAN:
            warn(f"{read.path}: skipped, under {MIN_HAN} Han characters of text")
            continue
        if not essay.paragraphs:
            problem = BriefError(_why_no_text(read), read.path)
            if not keep_going:
                raise problem
            warn(f"skipped {problem.message}")
            continue
        essays.append(essay)
    if not essays:
        raise BriefError("none of the inputs is an essay")
    return essays


def _why_no_text(read: _Read) -> str:
    """Why a file gave no paragraphs: text in another language only, or none at all."""
    foreign = (any(block.text.strip() for block in read.blocks)
               and not any(HAN.search(block.text) for block in read.blocks))
    if foreign:
        return "no Chinese text found (taiwan-brief reads essays in Chinese)"
    return "no essay text found (is it empty, or a scanned PDF without text?)"


def read_essay(path: Path, convert: bool = True) -> Essay:
    return read_essays([path], convert)[0]
