"""Sentences of an analysed essay as points of the synthesis, quoted verbatim and made
to stand alone the way the analysis makes its own points (pipeline.analyse.standalone)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.analyse import dangling, standalone
from pipeline.analyse.wording import trim_opening
from pipeline.model import Analysis, Item, Paragraph

_SELF = re.compile(r"本文|筆者|本研究|下文|以下|上述|前述|本節|本章")


@dataclass(frozen=True)
class _Read:
    """What standalone() reads of a sentence."""
    text: str
    view: str
    paragraph: Paragraph


def _reads(analysis: Analysis) -> list[_Read]:
    essay = analysis.essay
    return [_Read(essay.span(s.start, s.end), analysis.view[s.start:s.end], essay.paragraphs[s.paragraph])
            for s in essay.sentences]


def sentence_point(analysis: Analysis, index: int, score: float = 1.0) -> Item | None:
    """The essay's sentence `index` (in Essay.sentences order) as an Item, with the sentence
    before it when it opens on a reference to it (這和…) and those after it when it ends on
    ；or ：; None when it cannot stand alone (a paragraph opening on 此…, a list cut short)."""
    reads = _reads(analysis)
    first, last = standalone(reads, index)
    if dangling(reads, index, (first, last)):
        return None
    essay = analysis.essay
    start, end = essay.sentences[first].start, essay.sentences[last].end
    # a sentence of one of the essay's own points is quoted as that whole point, so the
    # brief prints it once and refers to it where it comes again
    for item in analysis.summary + analysis.findings + analysis.recommendations + analysis.implications:
        if item.start < end and start < item.end:
            return item
    text = essay.span(start, end)
    return Item(trim_opening(text, analysis.view[start:end]), round(min(1.0, score), 4), essay.id,
                essay.sentences[first].paragraph, start, end, text, reads[index].paragraph.section)


def describes_itself(text: str) -> bool:
    """The essay speaking of itself (此為本文著重分析的第二個重點, 以下將說明): no claim."""
    return bool(_SELF.search(text))
