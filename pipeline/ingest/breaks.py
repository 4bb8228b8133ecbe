"""Paragraph breaks an archive lost.

Some copies flatten a page's paragraphs into one line: each break, and each sub-heading
standing between two paragraphs, becomes a single space (。 概述習近平領導下的中國威脅 習近平
領導下的當今中國，是…). Chinese prose sets no space after a full stop, so a space after 。！？
(and the quote it closes) before the next Chinese sentence is a lost break; a short run of
words with no punctuation of a sentence, between such a break and another space, is a lost
sub-heading. (Read in Markdown text, where a soft line break is a token of its own: only a
space the copy wrote is taken for a break, never a wrapped line.)
"""
from __future__ import annotations

import re

from pipeline.ingest.blocks import is_heading_text
from pipeline.ingest.chars import CLOSERS, HAN, OPENERS

_CLOSERS = re.escape(CLOSERS)
_BREAK = re.compile(rf"(?:(?<=[。！？])|(?<=[。！？][{_CLOSERS}])) +(?=[\u4e00-\u9fff「『“])")
# a lost sub-heading: words and quotes, no punctuation of a sentence, then a space and a
# Chinese sentence (「2000 年」 or 「Hunter Biden」 are no heading: digits and Latin are set off
# by spaces inside sentences too)
_HEADING = re.compile(rf"([^\s，。、；：！？,;:!?]{{4,}}?[\u4e00-\u9fff{_CLOSERS}]) +(?=[\u4e00-\u9fff「『“])")
MIN_HEADING_HAN = 4
# a number opening a part (01 、, 二、) always starts a line: after a space, following a
# numbered heading or outline entry, the line break before it was lost (三、經濟內循環 01 、美國大選…)
_NUMBER = re.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3}) ?、")
_NUMBERED = re.compile(rf" +(?={_NUMBER.pattern})")


def _depth(chars: str, depth: int = 0) -> int:
    """How many quotes and brackets are open after chars, depth being open before them."""
    for c in chars:
        depth = depth + 1 if c in OPENERS else max(0, depth - 1) if c in CLOSERS else depth
    return depth


def split_lost_breaks(text: str) -> list[tuple[str, str]]:
    """The text as ("para" | "heading", text) parts, split where a break was lost; one
    ("para", text) when none was."""
    pieces, start, depth, counted = [], 0, 0, 0
    balanced = not _depth(text)  # (as split_sentences: brackets that never close are ignored)
    for m in sorted([*_BREAK.finditer(text), *_NUMBERED.finditer(text)], key=lambda m: m.start()):
        depth, counted = _depth(text[counted:m.start()], depth), m.start()
        if m.re is _NUMBERED and not (_NUMBER.match(text, start) and is_heading_text(text[start:m.start()])):
            continue  # 包括 1、…: a number inside a sentence
        if not (depth and balanced):  # a space inside a quote is the quote's own
            pieces.append(text[start:m.start()])
            start = m.end()
    pieces.append(text[start:])
    parts: list[tuple[str, str]] = []
    for i, piece in enumerate(pieces):
        heading = _HEADING.match(piece) if i else None
        if (heading and len(HAN.findall(heading.group(1))) >= MIN_HEADING_HAN
                and is_heading_text(heading.group(1))):
            parts.append(("heading", heading.group(1)))
            piece = piece[heading.end():]
        if piece.strip():
            parts.append(("para", piece))
    return parts or [("para", text)]
