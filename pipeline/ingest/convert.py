"""Simplified essays in Taiwan Traditional form (OpenCC s2twp: characters and Taiwan
phrasing, 软件 → 軟體, applied word by word), so the brief reads in one script.

Whether a text is Simplified is decided for the whole text: under s2tw a Traditional text
changes at ~0.1% of its characters (variants such as 裏/裡), a Simplified one at 20–40%.
"""
from __future__ import annotations

from functools import lru_cache

SIMPLIFIED_SHARE = 0.05
MIN_CHANGES = 5  # s2tw also swaps a few Traditional phrases (合家 → 閤家): on a short text that is no evidence
CONVERSION = "s2twp"


@lru_cache(maxsize=None)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def convert(text: str, config: str) -> str:
    return _converter(config).convert(text)


def traditional_form(text: str) -> str | None:
    """The text converted character for character (s2tw) when it is Simplified, else None."""
    converted = convert(text, "s2tw")
    changed = sum(a != b for a, b in zip(text, converted))
    return converted if changed >= max(MIN_CHANGES, SIMPLIFIED_SHARE * len(text)) else None


def is_simplified(text: str) -> bool:
    return traditional_form(text) is not None


@lru_cache(maxsize=1)
def _segmenter():
    # jieba over the shipped Traditional dictionary; imported here, where it is first
    # needed, as the segmenter itself converts (segment.py imports this module)
    from pipeline.analyse.segment import Segmenter

    return Segmenter()


def to_taiwan(text: str) -> str:
    """text in Taiwan form, word by word.

    OpenCC matches its phrases longest first without segmenting words (OpenCC #982): 一个中国
    became 一箇中國 (个中, "therein"), 描述了解放军 描述瞭解放軍 (了解), 会比特朗普 會位元朗普
    (比特, "bit"). jieba's words over the s2tw view are converted one by one, two together
    where OpenCC knows a phrase across them that is itself a word (首席执行官 → 執行長)."""
    view = convert(text, "s2tw")
    segmenter = _segmenter()
    words = segmenter.words(view if len(view) == len(text) else text)
    spans, start = [], 0
    for word in words:
        spans.append(text[start:start + len(word)])
        start += len(word)
    singles = [convert(span, CONVERSION) for span in spans]
    out, i = [], 0
    while i < len(spans):
        both = convert(spans[i] + spans[i + 1], CONVERSION) if i + 1 < len(spans) else ""
        if both and both != singles[i] + singles[i + 1] and segmenter.frequency(both):
            out.append(both)
            i += 2
        else:
            out.append(singles[i])
            i += 1
    return "".join(out)
