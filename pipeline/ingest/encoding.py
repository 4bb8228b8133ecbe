"""Text encodings, detected rather than assumed.

A BOM decides; UTF-16 without one shows as NUL bytes in every other position; then UTF-8,
which legacy text almost never decodes as. Big5 (CP950, HKSCS) and GB18030 byte ranges
overlap, so a file often decodes without error in both: the right one is the reading in
which the text is punctuated like Chinese prose (，。、「」 every few characters), while the
wrong one turns those into rare ideographs and symbols.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.errors import BriefError

BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
LEGACY = ("cp950", "big5hkscs", "gb18030")
PROSE_MARKS = frozenset("，。、「」；：？！（）《》")


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    return None


def _prose_score(text: str) -> float:
    return sum(ch in PROSE_MARKS for ch in text) / max(1, len(text))


def decode(data: bytes, path: Path) -> str:
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:  # a BOM over bytes that are not that encoding
                raise BriefError(f"starts as {codec.upper()} text but is not ({exc.reason} at byte {exc.start})", path)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    readings = []
    for codec in LEGACY:
        try:
            readings.append(data.decode(codec))
        except UnicodeDecodeError:
            continue
    if readings:
        return max(readings, key=_prose_score)  # max keeps the first of equals: Big5 before HKSCS
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise BriefError("cannot tell the text encoding (tried UTF-8, UTF-16, Big5, GB18030)", path)
    return str(best)
