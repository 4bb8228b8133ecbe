"""PDF essays: the text layer read by position, page by page.

A PDF's content stream need not follow the reading order (a generator may draw the right
column first, or the running header last), so the text is rebuilt from where its
characters stand: characters make line segments, segments are read column by column
within the bands that full-width lines (titles) mark off, and text set smaller than the
body above and below the body text (running headers, page numbers, footnotes) or
raised beside it (footnote calls) is left out.
Pages are joined by form feeds so that the line re-joiner can tell running headers and
page numbers from the author's lines; an indented line keeps a leading ideographic space
and a wide vertical gap a blank line, the paragraph signals the re-joiner reads.
"""
from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby
from pathlib import Path

from pipeline.errors import BriefError
from pipeline.ingest.blocks import is_heading_text
from pipeline.ingest.chars import HAN
from pipeline.ingest.source import Source, optional

SMALL = 0.85  # text below this share of the body size is notes, calls or furniture
LARGE = 1.1  # text above this share of it is a title or heading
GUTTER_MIN = 0.8  # a column gutter is at least this many body line heights wide
COLUMN_SHARE = 0.25  # each column of a two-column page holds at least this share of its text
PARAGRAPH_GAP = 1.0  # blank space of a line height between two lines ends a paragraph


@dataclass(frozen=True)
class Char:
    text: str
    left: float
    bottom: float
    right: float
    top: float
    size: float  # font size as the PDF states it: comparable with other sizes, not distances


@dataclass(frozen=True)
class Body:
    """The body text's font size (for comparing sizes) and the height of its characters on
    the page (for distances: a generator may set 1-unit text and scale it, so font sizes
    need not be in the page's units)."""
    size: float
    em: float

    def is_small(self, segment: Segment) -> bool:
        return segment.size < self.size * SMALL


@dataclass
class Segment:
    """A run of characters on one line, with no wide horizontal gap in it."""
    x0: float
    x1: float
    bottom: float
    top: float
    chars: list[tuple[str, float]] = field(default_factory=list)  # (character, font size)

    @cached_property
    def size(self) -> float:  # asked once the segment is complete
        return statistics.median(size for _, size in self.chars)

    def text(self, body: Body) -> str:
        # Footnote calls are set small and raised inside a body line: left out.
        return "".join(ch for ch, size in self.chars if size >= body.size * SMALL or not _is_call(ch)).strip()


def _is_call(ch: str) -> bool:
    return ch.isdigit() or ch in "*†‡§()[]（）［］"


def _chars(textpage, raw) -> list[Char]:
    """The page's characters as drawn (none of the spaces and line breaks pdfium adds)."""
    chars = []
    for i in range(textpage.count_chars()):
        ch = chr(raw.FPDFText_GetUnicode(textpage.raw, i))
        if not raw.FPDFText_IsGenerated(textpage.raw, i) and ch not in "\r\n\ufffe\uffff":
            left, bottom, right, top = textpage.get_charbox(i)
            chars.append(Char(ch, left, bottom, right, top, raw.FPDFText_GetFontSize(textpage.raw, i) or top - bottom))
    return chars


def _body(pages: list[list[Char]]) -> Body:
    """The most common size of the Han characters, and their median height at that size."""
    han = [c for chars in pages for c in chars if HAN.match(c.text)]
    if not han:
        return Body(0.0, 10.0)
    size = Counter(round(c.size, 1) for c in han).most_common(1)[0][0]
    return Body(size, statistics.median(c.top - c.bottom for c in han if round(c.size, 1) == size))


def _segments(chars: list[Char], em: float) -> list[Segment]:
    segments: list[Segment] = []
    current: Segment | None = None
    for c in chars:
        middle = (c.bottom + c.top) / 2
        if (current is not None and current.bottom - em / 2 <= middle <= current.top + em / 2
                and -em < c.left - current.x1 < em):
            current.chars.append((c.text, c.size))
            current.x1 = max(current.x1, c.right)
            if not c.text.isspace():
                current.bottom, current.top = min(current.bottom, c.bottom), max(current.top, c.top)
        elif not c.text.isspace():
            current = Segment(c.left, c.right, c.bottom, c.top, [(c.text, c.size)])
            segments.append(current)
    return segments


def _without_margins(segments: list[Segment], body: Body) -> list[Segment]:
    """Drop the small text above the page's first and below its last line of body text:
    running headers, page numbers and footnotes."""
    body_lines = [s for s in segments if not body.is_small(s) and HAN.search(s.text(body))]
    if not body_lines:
        return segments
    floor, ceiling = min(s.bottom for s in body_lines), max(s.top for s in body_lines)
    return [s for s in segments if not (body.is_small(s) and (s.top <= floor or s.bottom >= ceiling))]


def _gutter(segments: list[Segment], em: float, left: float, right: float) -> float | None:
    """The x of a column gutter: the widest gap in the middle half of the text that only a
    few lines cross (a title, a centred header), with a fair share of the text either side."""
    width = right - left
    allowed = max(2, len(segments) // 10)
    xs = range(int(left + width / 4), int(right - width / 4) + 1)
    runs = [list(run) for is_open, run in groupby(xs, lambda x: sum(s.x0 < x < s.x1 for s in segments) <= allowed)
            if is_open]
    widest = max(runs, key=len, default=[])
    if len(widest) < em * GUTTER_MIN:
        return None
    gutter = (widest[0] + widest[-1]) / 2
    total = sum(len(s.chars) for s in segments)
    before = sum(len(s.chars) for s in segments if s.x1 <= gutter)
    after = sum(len(s.chars) for s in segments if s.x0 >= gutter)
    return gutter if min(before, after) >= total * COLUMN_SHARE else None


def _reading_order(segments: list[Segment], body: Body) -> list[tuple[list[Segment], bool]]:
    """Columns of segments in reading order, each top to bottom, and whether each stands
    apart from the one before (a paragraph runs on from the left column into the right;
    the lines across the gutter of a two-column page, a title, stand apart)."""
    if not segments:
        return []
    left, right = min(s.x0 for s in segments), max(s.x1 for s in segments)
    by_height = sorted(segments, key=lambda s: (-s.top, s.x0))
    gutter = _gutter(segments, body.em, left, right)
    if gutter is None:
        return [(by_height, False)]
    columns: list[tuple[list[Segment], bool]] = []
    band: tuple[list[Segment], list[Segment]] = ([], [])
    spanning: list[Segment] = []

    def close_band() -> None:
        # What follows a line across the gutter stands apart from it.
        for k, column in enumerate(c for c in band if c):
            columns.append((column, k == 0 and bool(columns)))

    for segment in by_height:
        # A line across the gutter closes the band above it; the wrapped rest of a large
        # title stays with it, however short.
        if segment.x0 < gutter < segment.x1 or (
                spanning and not any(band) and _continues(spanning[-1], segment, body)):
            if any(band) or not spanning:
                close_band()
                band, spanning = ([], []), [segment]
                columns.append((spanning, True))
            else:
                spanning.append(segment)
        else:
            band[0 if segment.x1 <= gutter else 1].append(segment)
    close_band()
    return columns


def _continues(line: Segment, segment: Segment, body: Body) -> bool:
    """Whether the segment is the next line of a large line (a title wrapped)."""
    return (line.size > body.size * LARGE and abs(segment.size - line.size) < 0.1
            and line.bottom - segment.top < PARAGRAPH_GAP * (line.top - line.bottom))


def _rows(column: list[Segment]) -> list[Segment]:
    """Segments side by side on one line (a list marker and its text) made one, left to right."""
    rows: list[list[Segment]] = []
    for segment in column:
        if rows and rows[-1][0].bottom <= (segment.bottom + segment.top) / 2 <= rows[-1][0].top:
            rows[-1].append(segment)
        else:
            rows.append([segment])
    merged = []
    for row in rows:
        row.sort(key=lambda s: s.x0)
        chars = [pair for k, s in enumerate(row) for pair in ([(" ", s.chars[0][1])] if k else []) + s.chars]
        merged.append(Segment(row[0].x0, max(s.x1 for s in row), min(s.bottom for s in row),
                              max(s.top for s in row), chars))
    return merged


def _is_heading(segment: Segment, body: Body) -> bool:
    return segment.size > body.size * LARGE and is_heading_text(segment.text(body))


def _lines(column: list[Segment], body: Body) -> list[str]:
    lines: list[str] = []
    edge = min(s.x0 for s in column)
    previous: Segment | None = None
    for segment in _rows(column):
        text = segment.text(body)
        if not text:
            continue
        if previous is not None:
            height = max(segment.top - segment.bottom, previous.top - previous.bottom)
            if previous.bottom - segment.top >= PARAGRAPH_GAP * height:
                lines.append("")
            elif _continues(previous, segment, body):
                lines[-1] += text  # a title or heading set large and wrapped: one line
                previous = segment
                continue
        indent = "\u3000" if segment.x0 - edge >= body.em * 0.9 else ""
        lines.append(("# " if _is_heading(segment, body) else indent) + text)
        previous = segment
    return lines


def read_pdf(data: bytes, path: Path) -> Source:
    pypdfium2 = optional("pypdfium2", "pypdfium2", path)
    raw = optional("pypdfium2.raw", "pypdfium2", path)
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise BriefError(f"not a readable PDF ({exc})", path)
    pages = [_chars(page.get_textpage(), raw) for page in pdf]
    body = _body(pages)
    texts = []
    for chars in pages:
        segments = _without_margins(_segments(chars, body.em), body)
        lines: list[str] = []
        for column, apart in _reading_order(segments, body):
            if apart and lines:
                lines.append("")
            lines += _lines(column, body)
        texts.append("\n".join(lines))
    # A title in the document information is the author's only when it is Chinese text;
    # otherwise it is usually the name of the file it was exported from.
    info = pdf.get_metadata_dict()
    title = (info.get("Title") or "").strip()
    return Source("\f".join(texts), title=title if HAN.search(title) else None, paginated=True,
                  generator=(info.get("Creator") or "").strip() or None)
