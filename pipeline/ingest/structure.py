"""From blocks to the essay model: title, author, date, lead points, sections, sentences."""
from __future__ import annotations

import re

from pipeline.ingest.blocks import NUMBERING, Block, introduces_quote
from pipeline.ingest.chars import CLOSERS, OPENERS, SENTENCE_END, TITLE_CLOSERS
from pipeline.ingest.dates import iso_date
from pipeline.model import Essay, Paragraph, Section, Sentence

_LEAD_HEADINGS = re.compile(r"^(?:內容|核心|内容)?(?:摘要|提要|重點|要點|重点|要点|重點摘要|本文重點)$")


def split_numbering(heading: str) -> tuple[str, str]:
    """('伍、', '結論') from '伍、結論'; ('', heading) when it is not numbered."""
    for _, pattern in NUMBERING:
        found = pattern.match(heading)
        if found:
            return found.group(0), heading[found.end():].strip()
    return "", heading


def split_sentences(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Sentence spans ending at 。！？； (with any closing quotes kept), offset by base.

    A terminator inside 「」 or （） does not end the sentence, so a quoted statement stays
    whole, nor does one closing a title (《誰在乎？》); a paragraph whose brackets never
    balance is split at every terminator.
    """
    for respect_quotes in (True, False):
        spans, start, depth, i = [], 0, 0, 0
        while i < len(text):
            ch = text[i]
            if ch in OPENERS:
                depth += 1
            elif ch in CLOSERS:
                depth = max(0, depth - 1)
            i += 1
            if ch in SENTENCE_END:
                while i < len(text) and text[i] in CLOSERS + SENTENCE_END:
                    if text[i] in CLOSERS:
                        depth = max(0, depth - 1)
                    i += 1
                if text[i - 1] in TITLE_CLOSERS:
                    continue  # 〈…失去台灣？〉說: the mark is the title's, the sentence goes on
                if depth == 0 or not respect_quotes:
                    spans.append((base + start, base + i))
                    start, depth = i, 0
        if start < len(text):
            spans.append((base + start, base + len(text)))
        if depth == 0 or not respect_quotes:
            return spans
    return spans  # pragma: no cover - the second pass always returns


# A byline that also gives the date (日期:2020-08-26 15:33 來源:… 作者:潘佳瑭)
_DATE_FIELD = re.compile(r"(?:日期|發布時間|发布时间|發表時間|发表时间|時間|时间)\s*[:：]\s*(\S+)")


def _dated(byline: str) -> str | None:
    found = _DATE_FIELD.search(byline)
    return found.group(1) if found else None


def build_essay(blocks: list[Block], essay_id: str, source: str, sha256: str, title: str | None = None) -> Essay:
    """The essay model of a file's blocks. `title` is the title its metadata gave; without
    one a leading heading is the title. Author comes from a byline, the date from a date
    line under the title (the caller prefers the file's metadata)."""
    pieces: list[str] = []
    offset = 0

    def place(text: str) -> int:
        nonlocal offset
        start = offset
        pieces.append(text)
        offset += len(text) + 1  # the newline that joins the pieces
        return start

    blocks = list(blocks)
    if title is None and blocks and blocks[0].kind == "heading":
        title = split_numbering(blocks.pop(0).text)[1]
    if title:
        place(title)
    author = date = None
    levels: dict[str, int] = {}
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    in_lead = False
    introduced = False  # the paragraph before ends introducing a quotation
    for block in blocks:
        quoted, introduced = introduced, False
        if block.kind in ("byline", "dateline"):  # part of the text, but no paragraph
            author = author or block.author
            date = date or iso_date(block.text if block.kind == "dateline" else _dated(block.text))
            place(block.text)
            continue
        if block.kind == "heading":
            level = 1 if block.style == "plain" else levels.setdefault(block.style, len(levels) + 1)
            number, heading = split_numbering(block.text)
            sections.append(Section(heading, level, place(block.text), number))
            in_lead = bool(_LEAD_HEADINGS.match(heading))
            continue
        start = place(block.text)
        if in_lead or block.kind == "abstract" or (block.kind == "bullet" and not sections):
            kind = "lead"
        elif block.kind in ("bullet", "item"):
            kind = "item"
        else:
            kind = "quote" if quoted else "body"
        introduced = block.kind == "para" and introduces_quote(block.text)
        section = sections[-1] if sections and not in_lead else None
        para = Paragraph(len(paragraphs), start, start + len(block.text), section.heading if section else None, kind)
        para.sentences = [Sentence(s, e, para.index) for s, e in split_sentences(block.text, start)]
        paragraphs.append(para)
        if section:
            section.paragraphs.append(para.index)

    text = "\n".join(pieces)
    return Essay(id=essay_id, source=source, sha256=sha256, text=text, title=title or "", author=author,
                 date=date, paragraphs=paragraphs, sections=sections)
