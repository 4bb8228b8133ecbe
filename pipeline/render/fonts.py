"""The shipped CJK faces: their @font-face rules and which characters they cover."""
from __future__ import annotations

from functools import lru_cache

from pipeline.resources import FONTS

SERIF = "Brief Serif TC"
SANS = "Brief Sans TC"
FACES = [  # family, weight, file
    (SERIF, 400, "BriefSerifTC-Regular.otf"),
    (SERIF, 700, "BriefSerifTC-Bold.otf"),
    (SANS, 400, "BriefSansTC-Regular.otf"),
    (SANS, 700, "BriefSansTC-Bold.otf"),
]
# Fontconfig tries these next for a character the shipped subsets lack.
SERIF_STACK = f'"{SERIF}", "Noto Serif CJK TC", "Noto Serif TC", serif'
SANS_STACK = f'"{SANS}", "Noto Sans CJK TC", "Noto Sans TC", sans-serif'


def font_face_css() -> str:
    return "\n".join(
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: normal; '
        f'src: url("{(FONTS / name).as_uri()}") format("opentype"); }}'
        for family, weight, name in FACES)


@lru_cache(maxsize=1)
def repertoire() -> frozenset[str]:
    return frozenset((FONTS / "repertoire.txt").read_text(encoding="utf-8"))


def missing_characters(text: str) -> list[str]:
    """Characters of text the shipped fonts cannot draw, in order of appearance."""
    covered = repertoire()
    missing: dict[str, None] = {}
    for ch in text:
        if ch not in covered and not ch.isspace():
            missing.setdefault(ch)
    return list(missing)
