"""Simplified essays in Taiwan Traditional form, word by word, so the brief reads in one script.

A quotation may change script but not words. OpenCC's s2tw converts characters and variant
forms only; s2twp adds Taiwan phrasing, a table written for software vocabulary that in
policy prose changes what the author said: 支持 → 支援 (support → assist), 声明 → 宣告,
进程 → 程序, 安全局 → 安全域性 (zhconv-rs turned it off by default for this reason). So words
keep the author's vocabulary (s2tw) and only places take the names Taiwan knows them by
(意大利 → 義大利, 新西兰 → 紐西蘭), where the s2twp table is a list of names, not of senses.
Quotations take Taiwan's corner brackets (“…” → 「…」).

Whether a text is Simplified is decided for the whole text: under s2tw a Traditional text
changes at ~0.1% of its characters (variants such as 裏/裡), a Simplified one at 20–40%.
"""
from __future__ import annotations

import re
from functools import lru_cache

SIMPLIFIED_SHARE = 0.05
MIN_CHANGES = 5  # s2tw also swaps a few Traditional phrases (合家 → 閤家): on a short text that is no evidence
CONVERSION = "s2twp"  # the contract's name for the conversion: s2tw, with Taiwan's names of places


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


# Taiwan quotes with corner brackets: “” as 「」 and ‘’ as 『』 (OpenCC's own example config
# s2twp_quote_marks does so). Marks typed the right way round keep their sense, a quotation
# inside another taking 『』 (她說：“中共所謂的“和平崛起”…: a quotation running on into
# the next paragraph opens without closing, so the marks inside it cannot simply alternate).
# Marks not always typed the right way round (稱”如果…”) alternate within a paragraph, and so
# do straight ones that touch Chinese ("煤礦中的金絲雀"), when they pair up; those in English
# text stay. A ’ between letters is an apostrophe (People’s) and stays.
_SINGLE = re.compile(r"‘|(?<![A-Za-z])’|’(?![A-Za-z])")
_HAN_SIDE = re.compile(r'(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"|"(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])')


def _nested(marks: list[str]) -> list[str] | None:
    """The brackets for marks typed the right way round (“ opens, ” closes, by depth), or
    None when they are not: one mark typed throughout (稱”如果…”), or a ” closing nothing
    before the paragraph's last mark (which may close a quotation of paragraphs before)."""
    if len(marks) > 1 and len(set(marks)) == 1:
        return None
    depth, brackets = 0, []
    for n, mark in enumerate(marks):
        if mark == "“":
            brackets.append("「" if depth % 2 == 0 else "『")
            depth += 1
        elif depth or n == len(marks) - 1:
            depth = max(0, depth - 1)
            brackets.append("」" if depth % 2 == 0 else "』")
        else:
            return None
    return brackets


def _paragraph_quotes(line: str) -> str:
    chars = list(line)
    curly = [m.start() for m in re.finditer("[“”]", line)]
    straight = [m.start() for m in _HAN_SIDE.finditer(line)]
    typed = _nested([line[at] for at in curly])
    if typed is not None:
        for at, bracket in zip(curly, typed):
            chars[at] = bracket
        marks = straight if len(straight) % 2 == 0 else []
    else:
        marks = sorted(curly + straight) if len(straight) % 2 == 0 else curly
    for n, at in enumerate(marks):
        chars[at] = "」" if n % 2 else "「"
    return "".join(chars)


def taiwan_quotes(text: str) -> str:
    text = "\n".join(_paragraph_quotes(line) for line in text.split("\n"))
    return _SINGLE.sub(lambda m: "『" if m.group() == "‘" else "』", text)


# OpenCC's phrase 并为 → 併為 belongs to 合并为 (merged into); elsewhere 并 is "and"
# (开发并为其政府所接受 → 開發並為其…), which jieba's view of the s2tw text cannot tell
_MERGED_INTO = re.compile(r"(?<![合吞兼歸归併并])併為")
# OpenCC's phrases 克制 → 剋制, 克扣 → 剋扣 give forms Taiwan's standard (the Ministry of
# Education's dictionary) lists as variants of 克制 "restraint" and 克扣 "to dock": 剋 is
# for 相剋, 剋星, which stay
_VARIANTS = {"剋制": "克制", "剋扣": "克扣"}
_VARIANT = re.compile("|".join(_VARIANTS))


def to_taiwan(text: str) -> str:
    """text in Taiwan form, word by word.

    OpenCC matches its phrases longest first without segmenting words (OpenCC #982): 一个中国
    became 一箇中國 (个中, "therein"), 描述了解放军 描述瞭解放軍 (了解). jieba's words over the
    s2tw view are converted one by one, two together where OpenCC knows a phrase across them
    that is itself a word."""
    view = convert(text, "s2tw")
    segmenter = _segmenter()
    words = segmenter.words(view if len(view) == len(text) else text)
    spans, start = [], 0
    for word in words:
        spans.append(text[start:start + len(word)])
        start += len(word)
    singles = [convert(span, "s2tw") for span in spans]
    out, i = [], 0
    while i < len(spans):
        both = convert(spans[i] + spans[i + 1], "s2tw") if i + 1 < len(spans) else ""
        if both and both != singles[i] + singles[i + 1] and segmenter.frequency(both):
            out.append(both)
            i += 2
        else:
            place = segmenter.proper_noun(singles[i]) == "place"
            out.append(convert(spans[i], "s2twp") if place else singles[i])
            i += 1
    text = _VARIANT.sub(lambda m: _VARIANTS[m.group()], _MERGED_INTO.sub("並為", "".join(out)))
    return taiwan_quotes(text)
