"""A small learned ranker of findings: what readers of this genre choose, from features a
reader would name.

Each sentence is described by where it stands (lead, a paragraph's first or last sentence,
the conclusion, how far into the essay), how the author speaks in it (conclusive cues,
judgements about what comes next, a turn, a question, someone else's quoted words) and what
it is about (TextRank centrality, overlap with the title, the essay's keywords, numbers).
A logistic regression over those features (`pipeline/fit.py` fits it on readers' choices,
`ranker.json` is the fit) turns them into the chance a reader picks the sentence; the
weights are learned, the features are not fitted to any essay.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.analyse.features import MIN_CHARS, SentenceInfo, textrank

WEIGHTS = Path(__file__).with_name("ranker.json")

CONCLUSIVE = re.compile(r"顯然|顯示|顯見|可見|意味|換言之|總之|因此|事實上|看出|確實|象徵|代表|關鍵|本質|凸顯|突顯|反映|說明")
JUDGEMENT = re.compile(r"很可能|可能|恐|勢必|將|難以|不會|無法|仍|至少|未必")
NARRATION = re.compile(r"表示|指出|宣示|提及|提到|發言|報導|報道|據|稱")
DATE = re.compile(r"\d+月\d+日|\d{4}年|[上本下]週|[昨今明]天|[昨今明]日")
NUMBER = re.compile(r"\d+(?:\.\d+)?%?|[一二三四五六七八九十百千萬億]+(?:%|成|倍|億|萬)")
# A sentence opening on a turn (然而, 但是 …) is where the author departs from the record.
TURN = re.compile(r"^(?:然而|然(?!後)|但是|但|不過|可是|惟|事實上|其實)")  # (然後 is "then": no turn)
# ... and a sentence opening on a conclusion (因此, 顯然 …) is where it draws one.
DRAWS = re.compile(r"^(?:因此|總之|顯然|由此可見|可見|換言之|綜上|整體而言|總的來說|簡言之|所以)")
# A point that opens on a reference (此, 這, 其 …) leans on the sentence before it.
# (此次, 這(一)次, 這時 … point at the events discussed, not at the sentence before.)
# (正因如此, 如此一來 draw on the sentence before as 因此 does; 唯有如此 makes it the condition.)
# (特別是中南部，… singles out part of what the sentence before said; 尤其是， alone is a connective)
REFERS_BACK = re.compile(r"^(?:此(?!外|次|時|刻|前|後)|這(?!一?次|時|幾|些年)|那(?!麼)|該|其(?!實|他|餘|次)|他(?!國|人)|她|它|對此|因此|故|"
                         r"(?:正因為?|既然|也因為?|唯有|惟有|只有)如此|如此一來|有鑑於此|因為[，,]|特別是(?![，,])|尤其(?:是)?(?![，,是]))")
FIRST_PERSON = re.compile(r"我(?!國|方|們臺灣|們台灣)|筆者")
SECOND_PERSON = re.compile(r"你|您")
QUESTION = re.compile(r"[？?][」』”’）)]*$")
SPEAKER = re.compile(r"^([^，。：:﹕]{1,4})[：:﹕]")  # 立﹕, 問：  (an interview's turn, by its label)
CONCLUSION = re.compile(r"結論|結語|總結|小結|展望")
INTRODUCTION = re.compile(r"前言|背景|緒論|引言")
EXAMPLE = re.compile(r"例如|比如|譬如|舉例")
# Degree adverbs and superlatives mark an evaluation (最大的威脅, 確實已經下降許多): a claim.
DEGREE = re.compile(r"最|很|非常|極|十分|相當|越來越|愈來愈|更加|尤其|特別|許多|大幅")
# A sentence opening on a time or place (本月12日, 在這次選舉中) narrates an event.
OPENS_ON_TIME = re.compile(r"^(?:在|於|自|從|當|早在|就在)?[^，。]{0,8}?(?:\d+|[一二三四五六七八九十]+)(?:年|月|日|週)|^(?:今年|去年|近年|日前|近日|當時|此前|隨後)")
LONG_CHARS = 120


@dataclass(frozen=True)
class Ranker:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    fitted_on: frozenset[str] = frozenset()  # sha256 of the essays it was fitted on

    def scores(self, rows: list[list[float]]) -> list[float]:
        """The chance a reader picks each sentence."""
        out = []
        for row in rows:
            z = self.bias + sum(w * (x - m) / s for w, x, m, s in zip(self.weights, row, self.mean, self.scale))
            out.append(1 / (1 + math.exp(-max(-30.0, min(30.0, z)))))
        return out

    def to_json(self) -> dict:
        return {"features": list(self.features), "mean": list(self.mean), "scale": list(self.scale),
                "weights": list(self.weights), "bias": self.bias, "fitted_on": sorted(self.fitted_on)}

    @classmethod
    def from_json(cls, data: dict) -> "Ranker":
        if list(data["features"]) != list(FEATURES):
            raise ValueError("ranker.json was fitted on other features: run `make fit`")
        return cls(tuple(data["features"]), tuple(data["mean"]), tuple(data["scale"]),
                   tuple(data["weights"]), float(data["bias"]), frozenset(data.get("fitted_on", ())))


@lru_cache(maxsize=1)
def shipped() -> Ranker:
    return Ranker.from_json(json.loads(WEIGHTS.read_text(encoding="utf-8")))


def _keywords(infos: list[SentenceInfo], top: int = 10) -> frozenset[str]:
    """The content words most sentences of the essay use (its subject)."""
    counts = Counter(word for info in infos for word in info.wordset)
    return frozenset(sorted(counts, key=lambda w: (-counts[w], w))[:top])


def _share(words: frozenset[str], of: frozenset[str]) -> float:
    return len(words & of) / len(words) if words else 0.0


FEATURES = (
    "lead", "position", "position_sq", "first_in_paragraph", "last_in_paragraph", "first_in_section",
    "conclusion_section", "introduction_section", "list_item", "short", "long", "log_length",
    "conclusive", "judgement", "narration", "date", "number", "turn", "draws", "refers_back",
    "first_person", "second_person", "question", "speaker_turn", "example", "quoted", "textrank",
    "title_overlap", "keyword_share", "paragraph_sentences", "degree", "opens_on_time",
)


def feature_rows(infos: list[SentenceInfo], title_words: frozenset[str]) -> list[list[float]]:
    """One row of FEATURES per sentence."""
    n = len(infos)
    ranks = textrank(infos)
    topics = _keywords(infos)
    seen_sections: set[str | None] = set()
    rows = []
    for k, info in enumerate(infos):
        para, text = info.paragraph, info.view
        section = para.section
        first_in_section = section is not None and section not in seen_sections
        seen_sections.add(section)
        position = k / max(1, n - 1)
        last = k + 1 == n or infos[k + 1].paragraph is not para
        features = {
            "lead": para.kind == "lead",
            "position": position,
            "position_sq": position * position,
            "first_in_paragraph": info.sentence.start == para.start,
            "last_in_paragraph": last,
            "first_in_section": first_in_section,
            "conclusion_section": bool(CONCLUSION.search(info.section)),
            "introduction_section": bool(INTRODUCTION.search(info.section)),
            "list_item": para.kind == "item",
            "short": len(text) < MIN_CHARS,
            "long": len(text) > LONG_CHARS,
            "log_length": math.log(1 + len(text)),
            "conclusive": min(2, len(CONCLUSIVE.findall(text))),
            "judgement": min(2, len(JUDGEMENT.findall(text))),
            "narration": bool(NARRATION.search(text)),
            "date": bool(DATE.search(text)),
            "number": min(3, len(NUMBER.findall(text))),
            "turn": bool(TURN.match(text)),
            "draws": bool(DRAWS.match(text)),
            "refers_back": bool(REFERS_BACK.match(text)),
            "first_person": bool(FIRST_PERSON.search(text)),
            "second_person": bool(SECOND_PERSON.search(text)),
            "question": bool(QUESTION.search(text)),
            "speaker_turn": bool(SPEAKER.match(text)) and info.sentence.start == para.start,
            "example": bool(EXAMPLE.search(text)),
            "quoted": info.quoted,
            "textrank": ranks[k],
            "title_overlap": _share(info.wordset, title_words),
            "keyword_share": _share(info.wordset, topics),
            "paragraph_sentences": min(6, len(para.sentences)),
            "degree": min(2, len(DEGREE.findall(text))),
            "opens_on_time": bool(OPENS_ON_TIME.match(text)),
        }
        rows.append([float(features[name]) for name in FEATURES])
    return rows
