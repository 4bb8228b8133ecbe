"""Chinese display conventions applied to text before it is set (clreq).

Only what the reader sees changes: the JSON keeps the essay's own characters.
"""
from __future__ import annotations

import re

from pipeline.ingest.chars import CJK

# Line-start prohibited (clreq strict): closing punctuation and the second half of
# pairs such as ——, ……; line-end prohibited: opening brackets and quotes.
NO_LINE_START = frozenset("，。、；：？！」』）》〉】〕”’…—‥·・％%)]}〙〗〞ー")
NO_LINE_END = frozenset("「『（《〈【〔“‘([{〘〖〝")
# Pairs that are one mark and never split: dash and ellipsis.
UNSPLITTABLE = ("——", "……", "⋯⋯")

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_PUNCT_NEXT_TO_CJK = re.compile(rf"(?<=[{CJK}])[,;:?!](?!\d)|[,;:?!](?=[{CJK}])")
# Parentheses in Chinese text: around Chinese, or standing between Chinese characters.
_PARENS_WITH_CJK = re.compile(rf"\(([^()]*[{CJK}][^()]*)\)|(?<=[{CJK}])\(([^()]*)\)(?=[{CJK}])")


# An apostrophe inside a Western word (Taiwan’s, L’Affaire): the CJK faces draw ’ full width,
# a gap in the word; the ASCII one is the Latin glyph.
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])[’‘](?=[A-Za-z])")


def full_width(text: str) -> str:
    """ASCII punctuation inside Chinese text in its full-width form: (下稱大陸) -> （下稱大陸）;
    an apostrophe inside a Western word in the Latin form: Taiwan’s -> Taiwan's."""
    text = _APOSTROPHE.sub("'", text)
    text = _PUNCT_NEXT_TO_CJK.sub(lambda m: _HALF_TO_FULL[m.group(0)], text)
    return _PARENS_WITH_CJK.sub(lambda m: f"（{m.group(1) or m.group(2)}）", text)
