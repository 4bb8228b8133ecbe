"""Re-join the lines of extracted text into blocks: headings, list items, paragraphs.

Text pulled out of a PDF is wrapped at the page width, with blank lines and stray spaces
in the middle of sentences. A paragraph ends where a line ends a sentence and either falls
short of the wrap width or the next line is indented (PDF paragraphs start two
characters in). Text that is not hard-wrapped (one paragraph a line, or Markdown) is
split at sentence-ending lines and blank lines instead.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.ingest.byline import author_of
from pipeline.ingest.chars import BULLETS, clean_spaces, display_width, ends_paragraph, is_private_use

# Section numbering styles, most formal first; the order a document uses them in gives
# their levels. A numbered line ending a sentence is a list item, not a heading.
NUMBERING = [
    ("formal", re.compile(r"^[壹貳參叁肆伍陸柒捌玖拾]+[、．.]")),
    ("chapter", re.compile(r"^第[一二三四五六七八九十百\d]+[章節篇部]")),
    ("han", re.compile(r"^[一二三四五六七八九十]+[、．]")),
    ("han-paren", re.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
    ("arabic", re.compile(r"^\d{1,2}[.．、](?![\d.])")),
    ("arabic-paren", re.compile(r"^[（(]\d{1,2}[）)]")),
]
_PAGE_ARTEFACT = re.compile(r"^(?:[-–—~]?\s*\d{1,4}\s*[-–—~]?|第\s*\d+\s*頁.*|page\s*\d+.*|\d+\s*/\s*\d+)$", re.I)
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
# Column labels printed above or before a title (時評, 專論 …), letter-spaced or not.
COLUMN_LABELS = {"時評", "短評", "專論", "評論", "社論", "觀察", "焦點", "專題", "特稿", "論壇", "專欄",
                 "觀點", "新聞分析", "國際瞭望", "兩岸觀察", "國際觀察", "政策分析", "戰略評析"}
_LETTER_SPACED = re.compile(r"^((?:[\u4e00-\u9fff][ \t\u3000]+)+[\u4e00-\u9fff])(?=[^\s])")
_LABEL_SEPARATOR = re.compile(r"^(\S{2,4}?)\s*[｜|:：／/]\s*")
_DATELINE = re.compile(r"^[\d\s年月日/.\-（）()]+$")
HEADING_MAX_CHARS = 40
BYLINE_WITHIN = 3  # a byline stands among the first lines after the title


@dataclass
class Block:
    kind: str  # "heading", "byline", "bullet", "item", "para"
    text: str
    style: str | None = None  # numbering style of a heading ("formal", "md2", "plain", ...)


def numbering_style(line: str) -> str | None:
    for name, pattern in NUMBERING:
        if pattern.match(line):
            return name
    return None


def _strip_line(line: str) -> tuple[str, bool]:
    """The line without its bullet glyph, and whether it had one."""
    stripped = line.strip(" \t\u3000\u00a0\ufeff")
    if stripped and (stripped[0] in BULLETS or is_private_use(stripped[0])):
        return stripped[1:].strip(" \t\u3000\u00a0"), True
    return stripped, False


def _drop_artefacts(lines: list[str]) -> list[str]:
    """Page numbers and running headers (short lines repeated on many pages)."""
    counts = Counter(line.strip() for line in lines if line.strip())
    kept = []
    for line in lines:
        key = line.strip()
        if key and (_PAGE_ARTEFACT.match(key) or (counts[key] >= 3 and len(key) <= 30 and not key.startswith("#"))):
            continue
        kept.append(line)
    return kept


def strip_column_label(line: str) -> str:
    """The first line without a column label: '時　評評析 G20' -> '評析 G20'; '時評' -> ''."""
    line = line.strip(" \t\u3000")
    if re.sub(r"\s", "", line) in COLUMN_LABELS:
        return ""
    spaced = _LETTER_SPACED.match(line)
    if spaced:
        letters = re.sub(r"\s", "", spaced.group(1))
        label = next((l for l in sorted(COLUMN_LABELS, key=len, reverse=True) if letters.startswith(l)), None)
        if label:  # a known label, however spaced: cut after its last character
            cut = [m.end() for m in re.finditer(r"\S", line)][len(label) - 1]
            return line[cut:].lstrip(" \t\u3000")
        # Set with ideographic spaces (時　評) a run is a label; single spaces between
        # characters are extraction noise in the title itself.
        if "\u3000" in spaced.group(1):
            return line[spaced.end():]
    labelled = _LABEL_SEPARATOR.match(line)
    if labelled and labelled.group(1) in COLUMN_LABELS:
        return line[labelled.end():]
    for label in COLUMN_LABELS:
        if line.startswith(label) and line[len(label):len(label) + 1] in (" ", "\u3000"):
            return line[len(label) + 1:]
    return line


def wrap_width(lines: list[str]) -> int | None:
    """The width text was hard-wrapped at, or None when it was not wrapped."""
    widths = sorted(display_width(line.strip()) for line in lines if line.strip())
    if len(widths) < 8:
        return None
    width = widths[int(len(widths) * 0.8)]
    near = sum(1 for w in widths if w >= width - 4)
    return width if width >= 20 and near >= 0.4 * len(widths) else None


class _Joiner:
    """Walks the lines once, keeping the block being built open until it ends."""

    def __init__(self, width: int | None):
        self.width = width
        self.blocks: list[Block] = []
        self.open: list[str] = []  # raw lines of the open block
        self.open_kind = "para"
        self.last_line = ""

    def close(self) -> None:
        if self.open:
            self.blocks.append(Block(self.open_kind, clean_spaces(" ".join(self.open))))
        self.open = []

    def start(self, kind: str, line: str) -> None:
        self.close()
        self.open_kind = kind
        self.open = [line]

    def is_short(self, line: str, slack: int) -> bool:
        return self.width is None or display_width(line) <= self.width - slack

    def paragraph_breaks_before(self, line: str) -> bool:
        if not self.open or not ends_paragraph(self.last_line):
            return False
        if self.is_short(self.last_line, 6):
            return True
        # An indented first line is 4 columns short; a one-line paragraph's last line
        # is short for its own reason, so it counts only when just that much short.
        return self.is_short(line, 4) and (not ends_paragraph(line) or not self.is_short(line, 8))

    def is_plain_heading(self, line: str, following: str | None) -> bool:
        """A short line standing alone between paragraphs, such as 結論 or 政策建議."""
        if self.open and not ends_paragraph(self.last_line):
            return False
        if following is None or len(line) > 20 or _DATELINE.match(line):
            return False
        limit = self.width // 2 if self.width else 40
        return display_width(line) <= limit and line[-1] not in "，、。；：！？,.;:!?」』）)" and "。" not in line

    def heading(self, line: str, following: str | None, style: str) -> int:
        """Add a heading, joined with its second line when it was broken.

        Returns how many lines it took: 0 when the line starts a numbered paragraph (a list
        item wrapped over several lines, or one that ends a sentence) instead.
        """
        text, taken = line, 1
        continued = (following is not None and self.width is not None and not ends_paragraph(line)
                     and display_width(line) >= 0.75 * self.width and not numbering_style(following))
        if continued:
            # A heading broken over two lines has a short, sentence-less second line; a
            # wrapped list item goes on with a clause (，) or a sentence (。).
            broken = display_width(following) <= self.width // 2 and "。" not in following
            if not broken or (style != "title" and "，" in line + following):
                return 0
            text, taken = line + " " + following, 2
        text = clean_spaces(text)
        if "。" in text or len(text) > HEADING_MAX_CHARS:
            return 0
        self.close()
        self.blocks.append(Block("heading", text, style))
        return taken


def split_blocks(raw: str) -> list[Block]:
    lines = _drop_artefacts(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    joiner = _Joiner(wrap_width(lines))
    stripped = [_strip_line(line) for line in lines]
    # The title comes first, after any column label (which may stand on its own line).
    first = next((k for k, (text, _) in enumerate(stripped) if strip_column_label(text)), None)
    for k in range(first or 0):
        stripped[k] = ("", False)
    if first is not None:
        stripped[first] = (strip_column_label(stripped[first][0]), False)
    skip = seen = 0
    for i, (line, bullet) in enumerate(stripped):
        if skip:
            skip -= 1
            continue
        if not line:
            if joiner.width is None:  # unwrapped text: a blank line ends the paragraph
                joiner.close()
            continue
        following = next((text for text, _ in stripped[i + 1:] if text), None)
        seen += 1
        if seen <= BYLINE_WITHIN and author_of(clean_spaces(line)):
            joiner.close()  # a byline is a line of its own, even when nothing sets it apart
            joiner.blocks.append(Block("byline", clean_spaces(line)))
            joiner.last_line = line
            continue
        md = _MD_HEADING.match(line)
        if md:
            joiner.close()
            joiner.blocks.append(Block("heading", clean_spaces(line[md.end():]), f"md{len(md.group(1))}"))
            continue
        style = "title" if i == first else numbering_style(line)
        if style and not bullet:
            taken = joiner.heading(line, following, style)
            if taken:
                # the broken heading's second line is the next non-blank one
                skip = next(k for k, (text, _) in enumerate(stripped[i + 1:], 1) if text) if taken == 2 else 0
                joiner.last_line = line
                continue
            joiner.start("item", line)
        elif bullet:
            joiner.start("bullet", line)
        elif joiner.is_plain_heading(line, following):
            joiner.heading(line, None, "plain")
        elif joiner.paragraph_breaks_before(line):
            joiner.start("para", line)
        elif joiner.open:
            joiner.open.append(line)
        else:
            joiner.start("para", line)
        joiner.last_line = line
    joiner.close()
    return joiner.blocks
