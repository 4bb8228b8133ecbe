"""各方立場對照: the positions the essays report parties taking, party by issue.

A position is a clause whose subject is a party (or one of its leaders) and whose verb
takes a stance (表示, 強調, 反對, 支持 …: reported speech and stated policy, the way this
genre reports a government's position); the issue is what the rest of the clause and the
sentence after the verb are about. Each cell quotes the sentences that say it, one per
essay, verbatim.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.analyse.ranker import QUESTION
from pipeline.model import Analysis, Item, Position
from pipeline.synthesise.actors import PARTIES, Speakers
from pipeline.synthesise.grounding import sentence_point

# Verbs by which a party takes a stance; the first group states it outright.
STATES = r"表示|強調|重申|主張|反對|支持|不支持|堅持|承諾|恪守|尊重|劃出|聲稱|宣布|宣示|警告|呼籲|要求|拒絕|同意"
HOPES = r"認為|希望|期望|願意|無意|有意|擔心|擔憂|不滿|視為|指出|提出|回應|說"
_STANCE = re.compile(rf"(?:{STATES}|{HOPES})")
_STATES = re.compile(STATES)
_SAYS = re.compile(r"(?:表示|強調|重申|指出|說|稱|回應|警告|呼籲)[，：]$")
# a clause opening on a contrast is the author's voice again: …表示，…，但在商言商，…
_CONTRAST = re.compile(r"^(?:但|但是|然而|不過|可是|惟)")
# …北京因此更認為…: a reaction the author infers from what came before, not a stance taken
_INFERRED = re.compile(r"因此|因而|所以|於是|從而")
MAX_BEFORE_VERB = 14  # characters from the subject to its verb: one clause's head
# Issues in the order a cross-strait brief reads them; a clause goes to the first it names.
ISSUES: dict[str, re.Pattern[str]] = {
    "一中政策": re.compile(r"一中(?!全會)|一個中國|聯合公報|八一七公報|上海公報|臺灣關係法|台灣關係法|六項保證|兩個中國"),
    "臺灣問題": re.compile(r"臺灣問題|台灣問題|臺海|台海|臺獨|台獨|兩岸|統一|對臺|對台|武統|使用武力|動用武力|現狀"),
    "安全": re.compile(r"軍事|軍演|演習|軍售|國防|防衛|武器|軍隊|出兵|軍機|軍艦|戰爭|安全"),
    "經貿": re.compile(r"經貿|貿易|關稅|經濟|投資|半導體|晶片|供應鏈|出口|進口|產業|市場"),
}
_TAIWAN = re.compile(r"臺灣|台灣")  # named with none of the above, the issue is Taiwan itself
MAX_PER_CELL = 3
_RANK = {party: n for n, party in enumerate(PARTIES)}
# clauses, a quotation「…」 kept whole: what a party said is one clause however long
_QUOTED = re.compile(r"「[^」]*」?")
_CLAUSES = re.compile(r"(?:「[^」]*」?|[^，；：。！？「])+[，；：。！？]*")


@dataclass
class _Found:
    party: str
    issue: str
    strength: int
    analysis: Analysis
    index: int  # of the sentence in the essay


# a party's own names are not what it takes a position on (臺灣 in 臺灣's own statements)
_OWN_NAMES = {party: re.compile("|".join(map(re.escape, names))) for party, names in PARTIES.items()}


def _issue(text: str, party: str) -> str | None:
    if party in _OWN_NAMES:
        text = _OWN_NAMES[party].sub("", text)
    found = next((issue for issue, pattern in ISSUES.items() if pattern.search(text)), None)
    return found or ("臺灣問題" if _TAIWAN.search(text) else None)


def _stances(sentence: str, before: str, speakers: Speakers) -> list[tuple[str, str, int]]:
    """(party, issue, strength) for each clause of the sentence in which a party takes a stance."""
    out = []
    clauses = [c.group(0) for c in _CLAUSES.finditer(sentence)]
    at, reported = 0, False
    for n, clause in enumerate(clauses):
        start, at = at, at + len(clause)
        # the clauses after 「…表示，」 report what was said (its speakers are not the
        # essay's), up to a contrast that gives the author's voice back
        reported = (reported or (n and _SAYS.search(clauses[n - 1]))) and not _CONTRAST.match(clause)
        verb = _STANCE.search(_QUOTED.sub(lambda q: "＿" * len(q.group(0)), clause))  # a verb quoted is not the party's
        if reported or not verb or verb.start() > MAX_BEFORE_VERB:
            continue
        head = clause[:verb.start()]
        if _INFERRED.search(head):
            continue
        party = speakers.subject(head, before + sentence[:start])
        # what the party said: the rest of its clause, and after 「…表示，」 the report
        # that follows, to the sentence's end or a contrast (…表示，大陸考慮暫停…的關稅減讓)
        said = clause[verb.end():]
        if _SAYS.search(clause):
            for following in clauses[n + 1:]:
                if _CONTRAST.match(following):
                    break
                said += following
        issue = party and _issue(said, party)
        if issue:
            out.append((party, issue, 2 if _STATES.fullmatch(verb.group(0)) else 1))
    return out


def positions(analyses: list[Analysis], speakers: Speakers) -> list[Position]:
    found: list[_Found] = []
    for analysis in analyses:
        essay = analysis.essay
        for n, sentence in enumerate(essay.sentences):
            text = analysis.view[sentence.start:sentence.end]
            if QUESTION.search(text):
                continue  # asks rather than reports
            para = essay.paragraphs[sentence.paragraph]
            before = analysis.view[para.start:sentence.start]
            for party, issue, strength in _stances(text, before, speakers):
                found.append(_Found(party, issue, strength, analysis, n))
    table: list[Position] = []
    order = {a.essay.id: n for n, a in enumerate(analyses)}
    used: set[tuple[str, int]] = set()  # a sentence is quoted once in the table
    # single parties in PARTIES' order, then pairs (美中雙方) as found
    parties = list(dict.fromkeys(f.party for f in sorted(found, key=lambda f: (f.party not in _RANK, _RANK.get(f.party, 0)))))
    for issue in ISSUES:
        rows = []
        for party in parties:
            cell = [f for f in found if f.issue == issue and f.party == party]
            items: list[Item] = []
            for f in sorted(cell, key=lambda f: -f.strength):  # stable: essays and sentences in order
                if (all(i.essay != f.analysis.essay.id for i in items) and len(items) < MAX_PER_CELL
                        and (f.analysis.essay.id, f.index) not in used
                        and (item := sentence_point(f.analysis, f.index)) is not None):
                    used.add((f.analysis.essay.id, f.index))
                    items.append(item)
            if items:
                rows.append(Position(party, issue, sorted(items, key=lambda i: order[i.essay])))
        # an issue on which one party alone is reported, by one essay, is no comparison
        if len(rows) > 1 or any(len(r.items) > 1 for r in rows):
            table.extend(rows)
    return table
