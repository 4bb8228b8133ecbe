"""Sentences of an analysed essay as points of the synthesis, quoted verbatim and made
to stand alone the way the analysis makes its own points (pipeline.analyse.standalone)."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.analyse import MAX_SPAN, dangling, printed, standalone, trim_point
from pipeline.model import Analysis, Item, Paragraph


@dataclass(frozen=True)
class _Read:
    """What standalone() reads of a sentence."""
    text: str
    view: str
    paragraph: Paragraph


def _reads(analysis: Analysis, first: int, last: int) -> list[_Read]:
    """Sentences first..last-1 of the essay as standalone() reads them."""
    essay = analysis.essay
    return [_Read(essay.span(s.start, s.end), analysis.view[s.start:s.end], essay.paragraphs[s.paragraph])
            for s in essay.sentences[first:last]]


def sentence_point(analysis: Analysis, index: int, score: float = 1.0) -> Item | None:
    """The essay's sentence `index` (in Essay.sentences order) as an Item, with the sentence
    before it when it opens on a reference to it (這和…) and those after it when it ends on
    ；or ：; None when it cannot stand alone (a paragraph opening on 此…, a list cut short)."""
    if index in analysis.unclaimed:
        return None  # an interviewer's words, or a comment the piece compiles: not the essay's
    # standalone() looks one sentence back and up to MAX_SPAN forward: read only those
    low = max(0, index - 1)
    reads = _reads(analysis, low, index + MAX_SPAN)
    k = index - low
    first, last = standalone(reads, k)
    if dangling(reads, k, (first, last)):
        return None
    essay = analysis.essay
    start, end = essay.sentences[low + first].start, essay.sentences[low + last].end
    # a sentence of one of the essay's own points is quoted as that whole point, so the
    # brief prints it once and refers to it where it comes again; a span only partly
    # inside one would be printed half, and is not offered
    sentence = essay.sentences[index]
    points = analysis.summary + analysis.findings + analysis.recommendations + analysis.implications
    holding = next((i for i in points if i.start <= sentence.start and sentence.end <= i.end), None)
    if holding or any(i.start < end and start < i.end for i in points):
        return holding
    text = essay.span(start, end)
    trimmed = trim_point(text, analysis.view[start:end], analysis.turn_labels, analysis.first_words[low + first])
    shown = printed(essay, trimmed, start, end, reads[first].paragraph, reads[last].paragraph)
    return Item(shown, round(min(1.0, score), 4), essay.id,
                essay.sentences[low + first].paragraph, start, end, text, reads[k].paragraph.section)
