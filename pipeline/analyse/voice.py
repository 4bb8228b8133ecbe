"""Whose words a sentence carries: the essay's sources, and the spans each of them speaks.

A report or interview argues through the people it cites: 「我們主張接觸，減低敵意」 in a
piece built on a Taiwanese adviser's words is advice to Taiwan as much as the author's own
would be, while the same words from a speaker the piece cites once in passing are not its
argument. A *source* is a person the essay cites as speaking (趙建民表示, 蔡英文說, 李世暉
認為) at least MIN_CITATIONS times; a span is *voiced* when one of them speaks it: a quote
(「…」, also one running over several sentences) whose speaker is named before it in its
sentence, or is a pronoun or no one (他狠批…：「…」) after that source was last named, and
what follows a source's verb of saying (蔡英文也說，…) to the end of the sentence.

Names are recognised by their shape, since the segmenter splits most of them: a common
surname and one or two characters before a verb of saying (the 2-character prefix is the
key: 趙建 stands for 趙建民 throughout one essay).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.analyse.features import SentenceInfo
from pipeline.analyse.ranker import QUESTION, SPEAKER

MIN_CITATIONS = 3  # a person cited this often is a source the essay is built on
# The common Chinese surnames (the first hundred or so of the 百家姓 by frequency, in
# Traditional form): a name is a surname and one or two characters.
SURNAMES = ("王李張劉陳楊黃趙吳周徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董袁潘蔣蔡余杜葉程蘇魏呂丁"
            "任沈姚盧姜崔鍾譚陸汪范金石廖賈夏韋方白鄒孟熊秦邱江尹薛閻段雷侯龍史陶黎賀顧毛郝龔邵萬錢嚴覃"
            "武戴莫孔向湯柯賴洪游翁童邢")
SAYING = r"(?:表示|指出|強調|認為|坦言|直言|透露|提到|表明|大呼|狠批|批評|回應|形容|解釋|分析|說|稱|指)"
# A name, then up to a few characters (就, 也, 更接受訪問時 …) before its verb of saying.
_CITED = re.compile(rf"([{SURNAMES}][\u4e00-\u9fff])[\u4e00-\u9fff]?[^，。「」：:；]{{0,8}}?{SAYING}")
_PRONOUN = re.compile(r"[他她]")


@dataclass
class Voices:
    """The spans each sentence of an essay gives to the essay's sources (offsets in the
    sentence), and the sources themselves (name prefixes)."""
    sources: frozenset[str]
    spans: list[list[tuple[int, int]]]

    def of(self, k: int) -> list[tuple[int, int]]:
        return self.spans[k]


def _cited(text: str, start: int, end: int, foreign) -> list[re.Match]:
    return [m for m in _CITED.finditer(text, start, end)
            if not foreign.search(text, max(0, m.start() - 2), m.end(1) + 2)]


def voices(infos: list[SentenceInfo], foreign: re.Pattern) -> Voices:
    """foreign: the pattern of other parties (Parties.other): a foreign official cited
    often is no source of advice to Taiwan."""
    counts = Counter(m.group(1) for info in infos for m in _cited(info.view, 0, len(info.view), foreign))
    sources = frozenset(name for name, n in counts.items() if n >= MIN_CITATIONS)
    spans: list[list[tuple[int, int]]] = []
    last = None  # the person named last as speaking
    open_by = None  # (paragraph, speaker) of a quote left open at a sentence's end
    for info in infos:
        text = info.view
        found: list[tuple[int, int]] = []
        depth, quote_start, position = 0, None, 0
        speaker = None
        if open_by is not None and open_by[0] is info.paragraph:
            depth, quote_start, speaker = 1, 0, open_by[1]
        for i, ch in enumerate(text):
            if ch in "「『“" and depth == 0:
                named = _cited(text, position, i, foreign)
                if named:
                    speaker = named[-1].group(1)
                elif not re.search(rf"[{SURNAMES}][\u4e00-\u9fff]{{1,2}}", text[position:i]) \
                        or _PRONOUN.search(text, position, i):
                    speaker = last  # 他…：「…」 or a quote with no one named before it
                else:
                    speaker = None
                quote_start, depth = i, 1
            elif ch in "「『“":
                depth += 1
            elif ch in "」』”" and depth:
                depth -= 1
                if depth == 0:
                    if speaker in sources:
                        found.append((quote_start, i + 1))
                    position = i + 1
        open_by = (info.paragraph, speaker) if depth else None
        if depth and speaker in sources:
            found.append((quote_start, len(text)))
        # reported speech: a source's verb of saying and the rest of the sentence
        for m in _cited(text, 0, len(text), foreign):
            last = m.group(1)
            if m.group(1) in sources and text[m.end():m.end() + 1] in "，,：:":
                found.append((m.end(), len(text)))
        spans.append(sorted(found))
    return Voices(sources, spans)


MIN_TURNS = 2  # turns a label must open before it is read as a speaker of an interview


def interviewer_turns(infos: list[SentenceInfo]) -> set[int]:
    """The sentences of an interview's questions: the paragraphs opened by the label (立﹕,
    問：) whose turns most often ask (at least every other one holds a question; an answer
    may ask too, rhetorically, 為什麼？, but less often). They frame what the interviewee
    says; they are no finding of the piece, however many of its words they share."""
    turns: dict[str, list[list[int]]] = {}
    label = None
    for k, info in enumerate(infos):
        para = info.paragraph
        if info.sentence.start == para.start:
            opened = SPEAKER.match(info.view)
            label = opened.group(1) if opened else None
            if label:
                turns.setdefault(label, []).append([])
        if label:
            turns[label][-1].append(k)
    def asking(spans: list[list[int]]) -> float:
        return sum(any(QUESTION.search(infos[k].view) for k in span) for span in spans) / len(spans)

    labels = [label for label, spans in turns.items() if len(spans) >= MIN_TURNS]
    if not labels:
        return set()
    interviewer = max(labels, key=lambda label: asking(turns[label]))
    if asking(turns[interviewer]) < 0.5:
        return set()
    return {k for span in turns[interviewer] for k in span}
