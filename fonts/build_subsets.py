"""Regenerate the CJK font subsets shipped in fonts/.

Source: Debian's fonts-noto-cjk (Noto Serif CJK TC / Noto Sans CJK TC, SIL OFL 1.1).
Repertoire (see fonts/README.md): every CJK unified ideograph of the basic block and the
compatibility block, every character of Big5-HKSCS and GBK, CJK
symbols and punctuation, full-width forms, general punctuation, arrows and mathematical
operators, ASCII and Latin-1.

    apt-get install fonts-noto-cjk && python fonts/build_subsets.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
HERE = Path(__file__).resolve().parent
# (source collection, output file); the TC face is picked by its family name.
FACES = [
    ("NotoSerifCJK-Regular.ttc", "BriefSerifTC-Regular.otf"),
    ("NotoSerifCJK-Bold.ttc", "BriefSerifTC-Bold.otf"),
    ("NotoSansCJK-Regular.ttc", "BriefSansTC-Regular.otf"),
    ("NotoSansCJK-Bold.ttc", "BriefSansTC-Bold.otf"),
]
RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1
    (0x2000, 0x206F),  # general punctuation: dashes, ellipsis, quotes
    (0x2100, 0x218F),  # letterlike symbols, number forms
    (0x2190, 0x22FF),  # arrows, mathematical operators (⋯ U+22EF, as Hong Kong text uses it)
    (0x2460, 0x24FF),  # enclosed alphanumerics
    (0x2500, 0x25FF),  # box drawing, geometric shapes (bullets)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # kana: ・ in source references, Japanese names in essays
    (0x3100, 0x312F),  # bopomofo
    (0x4E00, 0x9FFF),  # every CJK unified ideograph: Hong Kong and Japanese-form variants (説 絶 衞 擡)
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half- and full-width forms
]


def legacy_repertoire(codec: str) -> set[int]:
    """Every character a double-byte legacy encoding can represent."""
    chars: set[int] = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                text = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            chars.update(ord(c) for c in text)
    return chars


def repertoire() -> set[int]:
    # GBK maps some GB2312 codes differently (A1A4 is U+00B7 there, U+30FB ・ in GB2312): take both.
    chars = (legacy_repertoire("cp950") | legacy_repertoire("big5hkscs") | legacy_repertoire("gb2312")
             | legacy_repertoire("gbk"))
    for lo, hi in RANGES:
        chars.update(range(lo, hi + 1))
    return chars


def tc_face(collection: Path):
    for font in TTCollection(str(collection)).fonts:
        if font["name"].getDebugName(1).endswith(" TC"):
            return font
    raise SystemExit(f"{collection}: no TC face")


def main() -> None:
    unicodes = repertoire()
    options = subset.Options()
    options.layout_closure = False  # keep alternates out: ~40% smaller, nothing we use
    options.name_IDs = ["*"]  # keep the OFL licence and copyright strings
    options.name_languages = ["*"]
    options.notdef_outline = True
    covered = None
    for source, target in FACES:
        font = tc_face(SOURCE_DIR / source)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=unicodes)
        subsetter.subset(font)
        font.save(HERE / target)
        cmap = set(font.getBestCmap())
        covered = cmap if covered is None else covered & cmap
        print(f"{target}: {(HERE / target).stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    # What every face really draws (the faces lack some requested characters), so a
    # character outside it is reported by `brief build` instead of silently replaced.
    (HERE / "repertoire.txt").write_text("".join(chr(c) for c in sorted(covered)), encoding="utf-8")
    sys.path.insert(0, str(HERE.parent))
    from pipeline.render.fonts import write_advances

    write_advances()  # the widths line setting reads, so it never parses the faces


if __name__ == "__main__":
    main()
