"""From blocks to the essay model: title, author, date, lead points, sections, sentences."""
from __future__ import annotations

import re

from pipeline.ingest.blocks import NUMBERING, Block
from pipeline.ingest.chars import CLOSERS, OPENERS, SENTENCE_END
from pipeline.ingest.dates import first_date
from pipeline.model import Essay, Paragraph, Section, Sentence

# Words that end the affiliation in a byline, so what follows is the person's name.
_AFFILIATION_END = (
    "教授|講座|主任|研究員|研究助理|所長|院長|主委|委員|博士|講師|記者|分析師|執行長|顧問|秘書長|"
    "學者|主筆|編輯|專員|組長|處長|局長|部長|大使|代表|董事長|理事長|召集人|"
    "大學|學院|研究院|研究所|中心|學會|基金會|智庫|協會|部|處|局|署|所|院|系|會"
)
_NAME = r"([\u4e00-\u9fff]{2,4}|[A-Z][\w.\- ]+)"
_BYLINE_PATTERNS = [
    re.compile(r"(?:作者|撰稿人?|撰文|執筆|文)\s*[:：／/]\s*(.+)$"),
    re.compile(r"^(.+?)\s*(?:主稿|撰稿|撰寫|撰文|執筆)$"),
    re.compile(r"^(.+?)\s*[／/]\s*文$"),
]
_NAME_AFTER_AFFILIATION = re.compile(rf"^(?:.*(?:{_AFFILIATION_END}))?{_NAME}$")
_LEAD_HEADINGS = re.compile(r"^(?:內容)?(?:摘要|提要|重點|要點|重點摘要|本文重點)$")
_BYLINE_MAX_CHARS = 60


def author_of(line: str) -> str | None:
    """The person's name in a byline such as 「XXX主稿」, 「作者：XXX」, 「文／XXX」."""
    for pattern in _BYLINE_PATTERNS:
        found = pattern.search(line)
        if found:
            who = re.split(r"[（(，,、;；]", found.group(1))[0].strip()
            name = _NAME_AFTER_AFFILIATION.match(who)
            if name:
                return name.group(1).strip()
    return None


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
    whole; a paragraph whose brackets never balance is split at every terminator.
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
                if depth == 0 or not respect_quotes:
                    spans.append((base + start, base + i))
                    start, depth = i, 0
        if start < len(text):
            spans.append((base + start, base + len(text)))
        if depth == 0 or not respect_quotes:
            return spans
    return spans  # pragma: no cover - the second pass always returns


def build_essay(blocks: list[Block], essay_id: str, source: str, sha256: str) -> Essay:
    pieces: list[str] = []
    offset = 0

    def place(text: str) -> int:
        nonlocal offset
        start = offset
        pieces.append(text)
        offset += len(text) + 1  # the newline that joins the pieces
        return start

    blocks = list(blocks)
    title = ""
    if blocks and blocks[0].kind == "heading":
        title = split_numbering(blocks.pop(0).text)[1]
        place(title)
    author = None
    # A short byline line may have been taken for a plain heading; its pattern decides.
    if blocks and blocks[0].style in (None, "plain") and len(blocks[0].text) <= _BYLINE_MAX_CHARS:
        author = author_of(blocks[0].text)
        if author:
            place(blocks.pop(0).text)

    levels: dict[str, int] = {}
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    in_lead = False
    for block in blocks:
        if block.kind == "heading":
            level = 1 if block.style == "plain" else levels.setdefault(block.style, len(levels) + 1)
            number, heading = split_numbering(block.text)
            sections.append(Section(heading, level, place(block.text), number))
            in_lead = bool(_LEAD_HEADINGS.match(heading))
            continue
        start = place(block.text)
        if in_lead or (block.kind == "bullet" and not sections):
            kind = "lead"
        else:
            kind = "item" if block.kind in ("bullet", "item") else "body"
        section = sections[-1] if sections and not in_lead else None
        para = Paragraph(len(paragraphs), start, start + len(block.text), section.heading if section else None, kind)
        para.sentences = [Sentence(s, e, para.index) for s, e in split_sentences(block.text, start)]
        paragraphs.append(para)
        if section:
            section.paragraphs.append(para.index)

    text = "\n".join(pieces)
    return Essay(id=essay_id, source=source, sha256=sha256, text=text, title=title, author=author,
                 date=first_date(text), paragraphs=paragraphs, sections=sections)
