"""Set body text line by line, because WeasyPrint cannot set Chinese well by itself.

WeasyPrint 70 justifies by stretching spaces only (Chinese has none, so lines end
ragged), lets —— start a line, and has no text-autospace. So each paragraph is broken
into lines here, with the advance widths of the shipped fonts:

- breaks fall between any two Han characters, at spaces between Latin words, and never
  before a line-start-prohibited mark or after a line-end-prohibited one (clreq strict:
  a character is pushed to the next line instead); —— and …… are never split;
- a Latin word that would leave its line gaping is hyphenated (pyphen, WeasyPrint's own
  hyphenator) rather than the line spaced out;
- a quarter em separates Han from Latin letters and digits (an empty inline box, so no
  character is added to the text a reader copies);
- every line but the last is justified to the measure with letter-spacing.

The lines are emitted as nowrap spans separated by <br>, so WeasyPrint keeps them.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pyphen
from markupsafe import Markup, escape

from pipeline.render.fonts import advances, repertoire
from pipeline.render.typography import NO_LINE_END, NO_LINE_START, UNSPLITTABLE, full_width

AUTOSPACE_EM = 0.25
MAX_SPACING_EM = 0.08  # letter-spacing beyond which a justified line reads as gaping
# Tightening a line by this much per character is not seen (Chinese setting squeezes the
# blank half of its punctuation further): enough to keep a point's last characters and
# its reference on a line that misses them by a fraction of an em, rather than letter-
# spacing the line before a quarter em apart.
MAX_SQUEEZE_EM = 0.02
LONG_TOKEN_EM = 10.0  # a Latin run wider than this (a URL, a hash) may break anywhere
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,%'’&+\-/]*")
_WORD = re.compile(r"[A-Za-z]{6,}")  # shorter words are not worth a hyphen
HYPHEN = "-"
# the names in these essays are mostly English; three letters each side, as careful
# English setting keeps (pyphen's default two gives Kazia-n-is)
_HYPHENATOR = pyphen.Pyphen(lang="en_US", left=3, right=3)
_CJK_CHAR = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]")


@lru_cache(maxsize=4)
def _advances(font_file: str) -> tuple[dict[str, int], frozenset[str], int]:
    face = advances()[font_file]
    return face["widths"], repertoire() | frozenset(face["beyond_repertoire"]), face["units_per_em"]


def advance_em(text: str, font_file: str = "BriefSerifTC-Regular.otf") -> float:
    """Width of text in ems, from the font's own advance widths."""
    widths, covered, upem = _advances(font_file)
    total = 0
    for ch in text:
        if ch in widths:
            total += widths[ch]
        elif ch in covered:
            total += upem
        else:  # drawn by a fallback font: assume its natural class width
            total += upem if unicodedata.east_asian_width(ch) in "WF" else upem // 2
    return total / upem


@dataclass(frozen=True)
class Measure:
    """A text block's geometry: its width, font size and first-line indent."""
    width_pt: float
    size_pt: float
    indent_em: float = 0.0

    @property
    def width_em(self) -> float:
        return self.width_pt / self.size_pt


@dataclass
class _Unit:
    text: str
    width: float  # em
    kind: str  # "han", "latin", "syllable" (a word's part but its last), "char", "space", "tail"
    markup: str = ""  # for the tail: its own markup


def _syllables(token: str) -> list[_Unit]:
    """A Latin token as units, its longer words split where they may be hyphenated."""
    pieces, start = [], 0
    for word in _WORD.finditer(token):
        for position in _HYPHENATOR.positions(word.group(0)):
            pieces.append(token[start:word.start() + position])
            start = word.start() + position
    pieces.append(token[start:])
    return [_Unit(piece, advance_em(piece), "syllable") for piece in pieces[:-1]] + \
        [_Unit(pieces[-1], advance_em(pieces[-1]), "latin")]


def _units(text: str, hyphenate: bool = False) -> list[_Unit]:
    units: list[_Unit] = []
    i = 0
    while i < len(text):
        pair = text[i:i + 2]
        latin = _LATIN.match(text, i)
        if pair in UNSPLITTABLE:
            units.append(_Unit(pair, advance_em(pair), "han"))
            i += 2
        elif latin:
            token = latin.group(0)
            if advance_em(token) > LONG_TOKEN_EM:
                units.extend(_Unit(ch, advance_em(ch), "char") for ch in token)
            else:
                units.extend(_syllables(token) if hyphenate else [_Unit(token, advance_em(token), "latin")])
            i = latin.end()
        elif text[i] == " ":
            units.append(_Unit(" ", advance_em(" "), "space"))
            i += 1
        else:
            units.append(_Unit(text[i], advance_em(text[i]), "han" if _CJK_CHAR.match(text[i]) else "latin"))
            i += 1
    return units


def _gap(a: _Unit, b: _Unit) -> float:
    """The quarter em between a Han ideograph and Latin (text-autospace); CJK punctuation
    already carries its own blank, so it gets none."""
    latin = ("latin", "syllable", "char")
    if a.kind == "han" and b.kind in latin:
        han, other = a.text[-1], b.text[0]
    elif a.kind in latin and b.kind == "han":
        han, other = b.text[0], a.text[-1]
    else:
        return 0.0
    # letters and digits only: quotation marks and brackets (“北京”, [北京]) sit close
    return AUTOSPACE_EM if unicodedata.category(han) == "Lo" and other.isalnum() else 0.0


def _can_break(before: _Unit, after: _Unit, lone_tail: bool = False) -> bool:
    if after.kind == "tail":
        return lone_tail  # a source reference travels with the last characters of its point
    if before.kind == "space" or after.kind == "space":
        return after.kind != "space"
    if before.kind == "char" and after.kind == "char":
        return True  # inside an over-long token
    if before.kind in ("latin", "syllable", "char") and after.kind in ("latin", "syllable", "char"):
        return False  # a syllable's hyphen is break_lines' last resort
    return after.text[0] not in NO_LINE_START and before.text[-1] not in NO_LINE_END


def _width(line: list[_Unit]) -> float:
    hyphen = advance_em(HYPHEN) if line and line[-1].kind == "syllable" else 0.0
    return sum(u.width for u in line) + sum(_gap(a, b) for a, b in zip(line, line[1:])) + hyphen


def _fill(line: list[_Unit], available: float) -> float:
    """The letter-spacing that would justify the line."""
    characters = sum(_stretches(u) for u in line)
    return 0.0 if characters < 2 else (available - _width(line)) / (characters - 1)


def break_lines(units: list[_Unit], first: float, rest: float, squeeze: float = 0.0,
                lone_tail: bool = False) -> list[list[_Unit]]:
    """Greedy line breaking under the prohibition rules; first/rest are widths in em, which
    a line may exceed by `squeeze` em per character after its first; lone_tail: a
    reference may take a line of its own."""
    lines: list[list[_Unit]] = []
    start = 0
    while start < len(units):
        available = first if not lines else rest
        end, width, characters = start + 1, units[start].width, len(units[start].text)
        while end < len(units):
            width += _gap(units[end - 1], units[end]) + units[end].width
            characters += len(units[end].text)
            if width > available + squeeze * (characters - 1) + 1e-6:
                break
            end += 1
        if end < len(units):
            # move back to the nearest allowed break, pushing characters to the next line
            cut = end
            while cut > start + 1 and not _can_break(units[cut - 1], units[cut], lone_tail):
                cut -= 1
            # a word pushed down whole that leaves the line gaping is hyphenated instead
            if cut > start + 1 and _fill(units[start:cut], available) > MAX_SPACING_EM:
                cut = next((c for c in range(end, cut, -1) if units[c - 1].kind == "syllable"
                            and _width(units[start:c]) <= available + squeeze * (characters - 1) + 1e-6), cut)
            end = cut if cut > start + 1 else end
        line = units[start:end]
        while line and line[-1].kind == "space":
            line = line[:-1]
        lines.append(line)
        start = end
        while start < len(units) and units[start].kind == "space":
            start += 1
    return lines


def _stretches(unit: _Unit) -> int:
    """The places a justified line spaces out in this unit: after each of its characters,
    but only after the last letter of a Latin word (Pillsbury is never P i l l s b u r y)."""
    return {"latin": 1, "tail": 1, "syllable": 0}.get(unit.kind, len(unit.text))


def _joined(units: list[_Unit], words_unspaced: bool = False, together_from: int | None = None) -> str:
    """The units' markup with autospace as empty boxes (no character a reader copies);
    words_unspaced: a Latin word's letters but its last keep their own spacing;
    together_from: the units from there on are never broken apart."""
    parts, word = [], ""  # word: a Latin word's syllables so far, set unspaced as one span
    for n, unit in enumerate(units):
        if n and _gap(units[n - 1], unit):
            parts.append(f'<span class="as" style="width:{AUTOSPACE_EM}em"></span>')
        if n == together_from:
            parts.append('<span style="white-space:nowrap">')
        if unit.kind == "tail":
            parts.append(unit.markup)
        elif words_unspaced and unit.kind == "syllable":
            word += unit.text
        elif words_unspaced and unit.kind == "latin" and len(word + unit.text) > 1:
            text, word = word + unit.text, ""
            parts.append(f'<span style="letter-spacing:0">{escape(text[:-1])}</span>{escape(text[-1])}')
        else:
            parts.append(str(escape(unit.text)))
    if word:  # a line ending on a syllable, before its hyphen
        parts.append(f'<span style="letter-spacing:0">{escape(word)}</span>')
    if together_from is not None and 0 < together_from < len(units):
        parts.append("</span>")
    return "".join(parts)


def _line_markup(line: list[_Unit], spacing_em: float) -> str:
    """One line: all but its last character letter-spaced."""
    html = _joined(line, words_unspaced=bool(spacing_em))
    last = line[-1]
    hyphen = HYPHEN if last.kind == "syllable" else ""
    if not spacing_em:
        return html + hyphen
    # letter-spacing goes after every character it covers: leave the line's last one out
    if last.kind == "tail":
        return f'<span style="letter-spacing:{spacing_em:.4f}em">{html[:-len(last.markup)]}</span>{last.markup}'
    if hyphen:
        return f'<span style="letter-spacing:{spacing_em:.4f}em">{html}</span>{hyphen}'
    tail = str(escape(last.text[-1]))
    return f'<span style="letter-spacing:{spacing_em:.4f}em">{html[:-len(tail)]}</span>{tail}'


WRAPS_PAST = 10  # units: shorter display text is a label, a name or a table cell that fits its box
PHRASE_MAX_CHARS = 20  # a headline's phrase this short fits any line a heading is set on


def autospaced(text: str) -> Markup:
    """Text set on one line as it stands (a heading, a table cell, a keyword) with the
    quarter em between Han and Latin letters or digits that body text gets. Where the
    layout wraps it (a long title in the contents) its last two units stay together: no
    line holds a lone character; and a headline set in phrases (最高標準自由貿易協定CPTPP　
    對於台灣的重要性　以及中國為何提出申請？) wraps between them, not inside one (…為何提 /
    出申請？)."""
    phrases = full_width(text).split("\u3000")
    if len(phrases) > 1 and all(0 < len(p) <= PHRASE_MAX_CHARS for p in phrases):
        return Markup("\u3000".join(f'<span style="white-space:nowrap">{_joined(_units(p))}</span>' for p in phrases))
    units = _units(full_width(text))
    return Markup(_joined(units, together_from=_last_word_start(units) if len(units) > WRAPS_PAST else None))


# Where a wrapped title's last line starts at the latest: after its last 的, 之, 與, 和 or 及
# when the word after it is short (…和「喪權辱國」的 / 親日派, not …的親 / 日派), and never
# with a lone character
_BREAKS_AFTER = frozenset("的之與和及、")
LAST_WORD_MAX = 4


def _last_word_start(units: list[_Unit]) -> int:
    for back in range(2, LAST_WORD_MAX + 2):
        n = len(units) - back
        if n > 0 and units[n].text in _BREAKS_AFTER:
            return min(n + 1, len(units) - 2)
    return len(units) - 2


def typeset(text: str, measure: Measure, tail: str | None = None, tail_width_em: float = 0.0) -> Markup:
    """HTML for one justified paragraph; tail is markup set after the text (a reference)."""
    units = _units(full_width(text), hyphenate=True)
    if tail:
        units.append(_Unit("", tail_width_em + AUTOSPACE_EM, "tail", f'<span class="tail-gap"></span>{tail}'))
    width = measure.width_em
    indent = measure.indent_em

    def spacings(lines: list[list[_Unit]]) -> list[float]:
        """The letter-spacing that justifies each line (none on the last)."""
        out = []
        for n, line in enumerate(lines):
            fill = _fill(line, width - (indent if n == 0 else 0))
            # the text's last line is never justified, though the reference follows alone
            final = n == len(lines) - 1 or [u.kind for u in lines[n + 1]] == ["tail"]
            # justified (or tightened, when squeezed); a last line only ever tightened
            out.append(min(0.0, fill) if final else fill)
        return out

    lines = break_lines(units, width - indent, width)
    if tail and len(lines) > 1:  # the reference may just miss the line: tighten rather than break
        squeezed = break_lines(units, width - indent, width, MAX_SQUEEZE_EM)
        lines = squeezed if len(squeezed) < len(lines) else lines
    spacing = spacings(lines)
    # The reference takes the last characters with it, which can leave the line before
    # short and gaping (a line of 24 characters spread over 32). Then every line is
    # broken a little narrower, half an em at a time, so the slack is shared out, and the
    # way whose loosest line is tightest kept.
    if tail and len(lines) > 1 and max(spacing) > MAX_SPACING_EM:
        tries = [(lines, spacing)]
        for narrower in range(1, int(tail_width_em + 4) * 2):
            tried = break_lines(units, width - indent - narrower / 2, width - narrower / 2)
            if len(tried) == len(lines):
                tries.append((tried, spacings(tried)))
        lines, spacing = min(tries, key=lambda t: max(t[1]))
    # Still gaping (a two-line point, whose one full line cannot share out the slack): the
    # reference goes to a line of its own and the point's lines are set full.
    if tail and len(lines) > 1 and max(spacing) > MAX_SPACING_EM:
        alone = break_lines(units, width - indent, width, lone_tail=True)
        if max(spaced := spacings(alone)) <= MAX_SPACING_EM:
            lines, spacing = alone, spaced
    return Markup('<span class="set">' + "<br>".join(_line_markup(line, s) for line, s in zip(lines, spacing)) + "</span>")
