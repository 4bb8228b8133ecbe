"""Simplified essays in Taiwan Traditional form (OpenCC s2twp: characters and Taiwan
phrasing, 软件 → 軟體), so the brief reads in one script.

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


def to_taiwan(text: str) -> str:
    return convert(text, CONVERSION)
