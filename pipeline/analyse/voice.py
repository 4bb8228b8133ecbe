"""Whose words a sentence carries: the essay's sources, and the spans each of them speaks.

A report or interview argues through the people it cites: 「我們主張接觸，減低敵意」 in a
piece built on a Taiwanese adviser's words is advice to Taiwan as much as the author's own
would be, while the same words from a speaker the piece cites once in passing are not its
argument. A *source* is a person the essay cites as speaking (趙建民表示, 蔡英文說, 李世暉
認為) at least CITED times and at least half as often as its most cited person; a span
is *voiced* when one of them speaks it: a quote (「…」, also one running over several
sentences) whose speaker is named before it in its sentence, or is a pronoun or no one (他狠批…：「…」) after that source was last named, and
what follows a source's verb of saying (蔡英文也說，…) to the end of the sentence, and a
quotation set as a paragraph of its own after a source's lead-in (王大明在新書中寫道：).

Names are recognised by their shape, since the segmenter splits most of them: a common
surname and one or two characters before a verb of saying (the 2-character prefix is the
key: 趙建 stands for 趙建民 throughout one essay).
"""
from __future__ import annotations

import re
from collections import Counter

from pipeline.analyse.features import SentenceInfo, quotes
from pipeline.analyse.ranker import QUESTION, SPEAKER
from pipeline.ingest.metadata import CITED, SURNAMES

MAIN_SHARE = 0.5  # a source is cited CITED times and at least half as often as its most cited one (not a rival quoted back)
# Verbs that report what someone said (taiwan.py reads advice after them as the speaker's).
SAYING_WORDS = (r"表示|指出|強調|認為|說|寫道|稱|坦言|直言|透露|提到|表明|大呼|狠批|批評|回應|形容|解釋|分析|"
                r"(?<!手)指(?!標|揮|數|控|導|定|向)")
# A name, then up to a few characters (就, 也, 更接受訪問時 …) before its verb of saying
# (not a noun: 蔡英文的強硬回應 cites no words).
_CITED = re.compile(rf"([{SURNAMES}][\u4e00-\u9fff])[\u4e00-\u9fff]?[^，。「」：:；]{{0,8}}?(?<!的)(?:{SAYING_WORDS})")
_PRONOUN = re.compile(r"[他她]")
def voices(infos: list[SentenceInfo], foreign: re.Pattern) -> list[list[tuple[int, int]]]:
    """For each sentence, the spans (offsets in it) its sources speak. foreign: the pattern
    of other parties (Parties.other): a foreign official cited often is no source of advice
    to Taiwan."""
    cited = [[m for m in _CITED.finditer(info.view)
              if not foreign.search(info.view, max(0, m.start() - 2), m.end(1) + 2)] for info in infos]
    counts = Counter(m.group(1) for matches in cited for m in matches)
    most = max(counts.values(), default=0)
    sources = {name for name, n in counts.items() if n >= max(CITED, MAIN_SHARE * most)}
    out: list[list[tuple[int, int]]] = []
    last = None  # the person named last as speaking
    carried = None  # (paragraph, speaker) of a quote left open at the sentence before's end
    introduced, by_pronoun = [], False  # who the sentence before names as speaking (他說：): a quotation's lead-in
    for info, matches in zip(infos, cited):
        text, found, before = info.view, [], 0
        if info.paragraph.kind == "quote":  # a quotation set as a paragraph: its lead-in's speaker
            speaker = introduced[-1].group(1) if introduced else last if by_pronoun else None
            out.append([(0, len(text))] if speaker in sources else [])
            continue
        spans, left_open = quotes(text, carried is not None and carried[0] is info.paragraph)
        for start, end in spans:
            if start == 0 and carried is not None and carried[0] is info.paragraph:
                speaker = carried[1]
            else:
                named = [m for m in matches if before <= m.start() and m.end() <= start]
                # 他…：「…」, or a quote with nothing before it: the person named last
                bare = _PRONOUN.search(text, before, start) or not text[before:start].strip("，、：: ")
                speaker = named[-1].group(1) if named else last if bare else None
            if speaker in sources:
                found.append((start, end))
            before = end
        carried = (info.paragraph, speaker) if left_open else None
        # reported speech: a source's verb of saying and the rest of the sentence
        for m in matches:
            last = m.group(1)
            if last in sources and text[m.end():m.end() + 1] in "，,：:":
                found.append((m.end(), len(text)))
        out.append(sorted(found))
        introduced, by_pronoun = matches, bool(_PRONOUN.search(text))
    return out


_SAYS = re.compile(rf"(?:{SAYING_WORDS})$")
MIN_TURNS = 2  # turns a label must open before it is read as a speaker of an interview


def speaker_turns(infos: list[SentenceInfo]) -> dict[str, list[list[int]]]:
    """An interview's turns: for each label (立﹕, 問：, 答：) that opens at least MIN_TURNS
    paragraphs, the sentences of each paragraph it opens and of those that follow it
    unlabelled."""
    turns: dict[str, list[list[int]]] = {}
    label = None
    for k, info in enumerate(infos):
        para = info.paragraph
        if info.sentence.start == para.start:
            opened = SPEAKER.match(info.view)
            # 他說：「…」 reports speech; a turn's label names the speaker only
            label = opened.group(1) if opened and not _SAYS.search(opened.group(1)) else None
            if label:
                turns.setdefault(label, []).append([])
        if label:
            turns[label][-1].append(k)
    return {label: spans for label, spans in turns.items() if len(spans) >= MIN_TURNS}


# Readers' or netizens' comments a piece compiles, one a paragraph, each opening on its
# writer's handle (熊本喵：…, 唯Serena：…, wen58658：…): many writers, most of their handles
# unlike an aspect's label (政治：, 第一：, two to four characters) in having five characters or
# more or other than Chinese ones; an interview's turns have two labels
_HANDLE = re.compile(r"^([^，。！？「」『』：:\s]{1,24})[：:]")
_NAME_LIKE = re.compile(r"^[\u4e00-\u9fff]{1,4}$")
MIN_COMMENTS = 5


def comment_sentences(infos: list[SentenceInfo]) -> set[int]:
    """The sentences of the comments a piece compiles: others' words, none of them a claim,
    advice or outlook of the piece's own."""
    paragraphs: list[list[int]] = []
    for k, info in enumerate(infos):
        if not paragraphs or infos[paragraphs[-1][0]].paragraph is not info.paragraph:
            paragraphs.append([])
        paragraphs[-1].append(k)
    labels = []
    for para in paragraphs:
        found = _HANDLE.match(infos[para[0]].view)
        labels.append(found.group(1) if found and not _SAYS.search(found.group(1)) else None)
    out: set[int] = set()
    n = 0
    while n < len(paragraphs):
        end = n
        while end < len(paragraphs) and labels[end]:
            end += 1
        run = labels[n:end]
        handles = [label for label in run if not _NAME_LIKE.match(label)]
        if len(set(run)) >= MIN_COMMENTS and 2 * len(handles) >= len(run):
            out.update(k for para in paragraphs[n:end] for k in para)
        n = end + 1
    return out


def interviewer_turns(infos: list[SentenceInfo], turns: dict[str, list[list[int]]]) -> set[int]:
    """The sentences of an interview's questions (turns: speaker_turns): the turns of the
    label whose turns most often ask (at least every other one holds a question; an answer
    may ask too, rhetorically, 為什麼？, but less often). They frame what the interviewee
    says; they are no finding of the piece, however many of its words they share."""

    def asking(spans: list[list[int]]) -> float:
        return sum(any(QUESTION.search(infos[k].view) for k in span) for span in spans) / len(spans)

    if not turns:
        return set()
    interviewer = max(turns, key=lambda label: asking(turns[label]))
    if asking(turns[interviewer]) < 0.5:
        return set()
    return {k for span in turns[interviewer] for k in span}
