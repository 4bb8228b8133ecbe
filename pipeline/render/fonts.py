"""The shipped CJK faces: their @font-face rules, which characters they cover and how
wide each is (fonts/advances.json, read from the faces when they are made, so setting a
line never parses a 7 MB font)."""
from __future__ import annotations

import json
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


ADVANCES = FONTS / "advances.json"


def read_advances(path) -> dict:
    """A face's advance widths as advances.json keeps them: its units per em, the widths
    that are not one em (all but a few hundred of 25,000 characters are), and the
    characters it draws beyond the repertoire."""
    from fontTools.ttLib import TTFont

    font = TTFont(path, lazy=True)
    hmtx, upem = font["hmtx"].metrics, font["head"].unitsPerEm
    widths = {chr(code): hmtx[glyph][0] for code, glyph in sorted(font.getBestCmap().items())}
    return {"units_per_em": upem,
            "widths": {ch: width for ch, width in widths.items() if width != upem},
            "beyond_repertoire": "".join(ch for ch in widths if ch not in repertoire())}


def write_advances() -> None:
    table = {name: read_advances(FONTS / name) for _, _, name in FACES}
    ADVANCES.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def advances() -> dict:
    return json.loads(ADVANCES.read_text(encoding="utf-8"))


if __name__ == "__main__":
    write_advances()
