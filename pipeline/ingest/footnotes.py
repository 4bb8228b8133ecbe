"""Footnotes a PDF's text layer leaves in copied text.

A paper sets its footnotes at the foot of the page under a short rule (──────, ______),
each opening on its number (1 詳見…, 2. 參見…), and marks each in the text with that number
right after the words it annotates, which extraction glues to the next sentence (…等領域。1
北京將…; …安全合作。2然而，…). The notes are no part of the essay's prose and the calls
none of its words: both go, the calls only for the numbers whose notes were found, so a
number of the text (2020年, 第3期) is never taken for one.
"""
from __future__ import annotations

import re

# a rule of box-drawing, dash or underscore characters alone on a line
_RULE = re.compile(r"^[─━—–_\-－＿]{6,}$")
# (a word processor's copy sets the numbers as superscripts: ¹ 詳見…, …領域。¹)
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_DIGITS = str.maketrans(_SUPERSCRIPTS, "0123456789")
_NOTE = re.compile(rf"^([\d{_SUPERSCRIPTS}]{{1,3}})(?:[\s\u3000.．、]+|(?=[^\d{_SUPERSCRIPTS}\s]))\S")
# a note's text ends on a full stop (。, or the period of a Western citation)
_NOTE_END = re.compile(r"[。.．)）]$")


def _notes_under(lines: list[str], rule: int) -> tuple[int, list[int]]:
    """The end of the notes under the rule at `rule`, and their numbers: numbered lines, and
    the lines a note that has not ended wraps onto."""
    end, numbers = rule + 1, []
    open_note = False
    while end < len(lines):
        line = lines[end].strip()
        note = _NOTE.match(line)
        if note and (not numbers or int(note.group(1).translate(_DIGITS)) > numbers[-1]):
            numbers.append(int(note.group(1).translate(_DIGITS)))
        elif not (line and open_note):
            break
        open_note = not _NOTE_END.search(line)
        end += 1
    return end, numbers


def _call(number: int) -> re.Pattern:
    """The call to note `number`: after the punctuation closing what it annotates (…領域。1,
    …合作。2然而), after a word at the end of a line (…的重要性1), or raised anywhere (…領域¹)."""
    raised = str(number).translate(str.maketrans("0123456789", _SUPERSCRIPTS))
    return re.compile(rf"(?<=[。！？」』）)]){number}(?=\s*$|[\u4e00-\u9fff「『（(“])|(?<=[\u4e00-\u9fff]){number}(?=\s*$)"
                      rf"|(?<![{_SUPERSCRIPTS}]){raised}(?![{_SUPERSCRIPTS}])")


def drop_footnotes(lines: list[str]) -> tuple[list[str], int]:
    """The lines without the footnotes set under a rule, nor the calls to them; and how many
    lines were dropped."""
    kept, numbers, dropped, k = [], [], 0, 0
    while k < len(lines):
        if _RULE.match(lines[k].strip()):
            end, found = _notes_under(lines, k)
            if found:
                numbers += found
                dropped += end - k
                k = end
                continue
        kept.append(lines[k])
        k += 1
    for number in numbers:  # each call once, in the order of the text
        for i, line in enumerate(kept):
            call = _call(number).search(line)
            if call:
                kept[i] = line[:call.start()] + line[call.end():]
                break
    return kept, dropped
