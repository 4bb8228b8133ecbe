"""Analyse: an essay in, its findings, Taiwan recommendations and implications out.

Every item is a sentence (or lead paragraph) of the cleaned text, so its quote is
verbatim and its offsets point at it; `text` at most drops list numbering, an
interview's turn label and the discourse words opening it (analyse/wording.py).
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from pipeline.analyse.features import MIN_CHARS, SentenceInfo, sentence_infos, title_words
from pipeline.analyse.findings import mmr, relevance
from pipeline.analyse.ranker import QUESTION, SPEAKER, TURN, Ranker
from pipeline.analyse.segment import Segmenter, traditional_view
from pipeline.analyse.taiwan import Parties, claims_nothing, debunks, hearsay, tells_own_story
from pipeline.analyse.terms import entities, keywords
from pipeline.analyse.voice import SAYING_WORDS, comment_sentences, interviewer_turns, speaker_turns, voices
from pipeline.analyse.wording import drop_originals, drop_stray_quotes, is_bare_quote, leans_back, trim_lead_in, trim_opening
from pipeline.ingest.structure import split_numbering
from pipeline.model import Analysis, Essay, Item, Paragraph

MAX_IMPLICATIONS = 8
MIN_IMPLICATION_SCORE = 0.35


def trim_point(text: str, view: str, labels: Collection[str] = (), first_word: str = "") -> str:
    """A point's text without list numbering (三、), an interview's turn label (答：, 吳﹕:
    labels) or the discourse words opening it; view is its Traditional form (same offsets:
    the rules read Traditional forms), first_word the segmenter's first word of it if known."""
    number, rest = split_numbering(text)
    view = view[len(text) - len(rest):]
    text = rest
    if (turn := SPEAKER.match(view)) and turn.group(1) in labels:
        text, view = text[turn.end():].lstrip(), view[turn.end():].lstrip()
    return trim_opening(text, view, "" if number else first_word)


def _trim(info: SentenceInfo, labels: Collection[str] = ()) -> str:
    return trim_point(info.text, info.view, labels, info.tokens[0].word if info.tokens else "")


# A sentence that ends on ； or ： is one clause of a list or the lead-in to one.
OPEN_END = re.compile(r"[；：;:][」』”’）)]*\s*$")
MAX_SPAN = 4  # sentences one point may take to stand alone


def standalone(infos: list[SentenceInfo], k: int) -> tuple[int, int]:
    """The sentences (first, last) the point at k needs to stand alone: the one before it
    in its paragraph when it leans on it (此, 該, 這, 其, 對此 … opening it, 這樣做 in its first
    clause: see leans_back), those before it
    back to the list's start when it is a later item of one, and those after it up to a
    full stop when it ends on ； or ： (an enumerated list is never cut so that it says
    something else). A paragraph's first sentence that opens on a reference
    refers to the paragraph before as a whole: it cannot be made to stand alone
    (dangling), unless that paragraph is one sentence (see _lone)."""
    paragraph = infos[k].paragraph
    refers = k and leans_back(infos[k].view)
    first = k - 1 if refers and (infos[k - 1].paragraph is paragraph or (
        _lone(infos[k - 1]) and not _PERSON_REFERENCE.match(infos[k].view))) else k
    # a quotation alone has its speaker in the sentence before (蓬佩奧…稱…。「我們記掛著…」),
    # in its paragraph or closing the one before
    if (first == k and k and is_bare_quote(infos[k].view)
            and (infos[k - 1].paragraph is paragraph or _SAYS.search(infos[k - 1].view))):
        first = k - 1
    # a fragment holds nothing to refer to (…遑論台灣？引發全場大笑。他建議…): the one before it does
    while (first < k and len(infos[first].view) < MIN_CHARS and first and infos[first - 1].paragraph is paragraph
           and k - first + 1 < MAX_SPAN):
        first -= 1
    while continues_list(infos, first) and k - first + 1 < MAX_SPAN:
        first -= 1
    last = k
    while (last + 1 < len(infos) and last - first + 1 < MAX_SPAN and OPEN_END.search(infos[last].text)
           and infos[last + 1].paragraph is paragraph):
        last += 1
    # a crowd's view or words (很多人認為中國只要打臺灣，美國就會加入戰局。有人說，…) go with the
    # sentence after it that takes them up (這顯然也是一廂情願的想法) or answers them (但是，…):
    # alone they would print what the author denies; a view set as a paragraph of its own is
    # taken up by the next paragraph's head, as a reference there reaches back to it (_lone)
    view = infos[last].view
    if (last + 1 < len(infos) and last - first + 1 < MAX_SPAN and hearsay(view, len(view))
            and (infos[last + 1].paragraph is paragraph or _lone(infos[last]))
            and (leans_back(infos[last + 1].view) or TURN.match(infos[last + 1].view))):
        last += 1
    return first, last


_SAYS = re.compile(SAYING_WORDS)
# 他, 她, 其 point at a person named further back, whom a lone sentence before rarely names
_PERSON_REFERENCE = re.compile(r"[他她其]")


def _lone(info: SentenceInfo) -> bool:
    """Whether the sentence is its paragraph's only one (news sets one to a paragraph: a
    paragraph opening on 這 or 對此 then points at that sentence, not at a paragraph's
    argument)."""
    return len(info.paragraph.sentences) == 1 and info.paragraph.kind == "body"


def continues_list(infos: list[SentenceInfo], k: int) -> bool:
    """Whether the sentence at k goes on from one ending on ； or ： in its paragraph: ；
    joins the clauses of one sentence, so a clause after it shares the frame the first one
    sets (假如…；假如…；假如…？, 他認為，特朗普應…；美國政府要…, …公投：一、…；二、…。)."""
    return k > 0 and infos[k - 1].paragraph is infos[k].paragraph and bool(OPEN_END.search(infos[k - 1].text))


def dangling(infos: list[SentenceInfo], k: int, span: tuple[int, int]) -> bool:
    """Whether the point at k cannot stand alone: its span still opens on a reference (他
    認為… at the head of a paragraph, or after a sentence that itself opens on one: 他又
    分析說…。對今次選舉，他則…), or still starts or ends inside a list (；/：, a list
    longer than a point may be): such a point is not chosen."""
    return (leans_back(infos[span[0]].view) or bool(OPEN_END.search(infos[span[1]].text))
            or continues_list(infos, span[0]))


def printed(essay: Essay, text: str, start: int, end: int, first: Paragraph, last: Paragraph) -> str:
    """A point's text (of essay.text[start:end], trimmed; it runs from paragraph first to
    last) as the brief prints it: without a translation's original in brackets or the quote
    marks its paragraphs never pair."""
    return drop_stray_quotes(drop_originals(text), essay.text[first.start:start], essay.text[end:last.end])


def sentence_item(essay: Essay, infos: list[SentenceInfo], k: int, span: tuple[int, int], score: float,
                  labels: Collection[str] = ()) -> Item:
    first, last = span
    start, end = infos[first].sentence.start, infos[last].sentence.end
    text = printed(essay, "".join([_trim(infos[first], labels),
                                   *(essay.span(i.sentence.start, i.sentence.end) for i in infos[first + 1:last + 1])]),
                   start, end, infos[first].paragraph, infos[last].paragraph)
    return Item(text, round(min(1.0, max(0.0, score)), 4), essay.id, infos[first].sentence.paragraph, start, end,
                essay.span(start, end), infos[k].paragraph.section)


def apart(items: list[Item]) -> list[Item]:
    """The items in the order given, less any that shares a sentence with one kept before
    it: a point that takes the sentence before it can hold another point whole."""
    kept: list[Item] = []
    for item in items:
        if not any(k.start < item.end and item.start < k.end for k in kept):
            kept.append(item)
    return kept


def held(items: list[Item], wider: list[Item]) -> list[Item]:
    """Each item as the item of `wider` that holds it, if any (scored as itself): the brief
    prints a point that is both once, as an implication, and a finding that took a
    sentence more to stand alone must not lose it there. (Advice keeps its own sentence:
    it is quoted as given.)"""
    return apart([next((replace(w, score=i.score) for w in wider if w.start <= i.start and i.end <= w.end), i)
                  for i in items])


def paragraph_item(essay: Essay, para: Paragraph) -> Item:
    text = essay.span(para.start, para.end)
    return Item(text, 1.0, essay.id, para.index, para.start, para.end, text, para.section)


def analyse(essay: Essay, segmenter: Segmenter, ranker: Ranker | None = None) -> Analysis:
    """ranker: the findings ranker (default: the shipped fit; eval passes one fitted
    without this essay)."""
    view = traditional_view(essay.text)
    infos = sentence_infos(essay, segmenter, view)
    scores = relevance(infos, title_words(essay, segmenter, view), ranker)
    parties = Parties(segmenter.lexicon, view, simplified=bool(essay.converted) or view != essay.text,
                      words={token.word for info in infos for token in info.tokens})
    spans = [standalone(infos, k) for k in range(len(infos))]
    sources = voices(infos, parties.other)
    turns = speaker_turns(infos)
    questions = interviewer_turns(infos, turns)
    comments = comment_sentences(infos)
    labels = turns.keys()

    def item(k: int, score: float, span: tuple[int, int] | None = None) -> Item:
        return sentence_item(essay, infos, k, span or spans[k], score, labels)

    recommendations, implications, claims = [], [], []
    referent = None  # whether the paragraph's last named subject is Taiwan's: what 他/她 stand for
    for k, (info, score) in enumerate(zip(infos, scores)):
        if k and infos[k - 1].paragraph is info.paragraph:
            named = parties.subject(infos[k - 1].view)
            referent = referent if named is None else named
        else:
            referent = None
        # (advice in a list under a label debunking it is the view argued against: 揭穿…論：…；因此，政府應…)
        advice = None if debunks(infos[spans[k][0]].view) or k in comments else parties.advice(info, sources[k], referent)
        if advice is not None:  # advice is listed even when it leans on its context
            listed = item(k, advice)  # …and what its last clause leads in to is not printed
            recommendations.append(replace(listed, text=trim_lead_in(listed.text))
                                   if OPEN_END.search(infos[spans[k][1]].text) else listed)
        # an interviewer's question is no claim of the essay, nor what claims nothing, nor
        # a point whose list ends asking (假如…；假如…，居然是他代表著愛國？)
        if (dangling(infos, k, spans[k]) or k in questions or k in comments or claims_nothing(info.view)
                or QUESTION.search(infos[spans[k][1]].view)):
            continue
        # a point taking in the writer's own story is that anecdote, neither a finding nor an
        # outlook (我當即表示特別羨慕…。這位臺灣大叔這時…)
        if any(tells_own_story(infos[j].view) for j in range(spans[k][0], spans[k][1] + 1)):
            continue
        if (outlook := parties.outlook(info, score)) >= MIN_IMPLICATION_SCORE:
            implications.append(item(k, outlook))
        claims.append(k)
    # MMR chooses which ten say ten different things; they are listed best first
    chosen = mmr(infos, scores, claims, spans)
    findings = [item(k, scores[k], chosen[k]) for k in sorted(chosen, key=lambda k: -scores[k])]
    implications = held(sorted(implications, key=lambda item: -item.score), findings)[:MAX_IMPLICATIONS]

    return Analysis(
        essay=essay,
        summary=[paragraph_item(essay, p) for p in essay.lead],
        findings=findings,
        recommendations=apart(recommendations),
        implications=implications,
        keywords=keywords(infos, segmenter),
        entities=entities(infos, segmenter),
        view=view,
        sentence_words=[frozenset(info.words) for info in infos],
        turn_labels=frozenset(labels),
        first_words=[info.tokens[0].word if info.tokens else "" for info in infos],
        unclaimed=frozenset(questions | comments),
    )
