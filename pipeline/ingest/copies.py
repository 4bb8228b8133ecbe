"""Copies of one article among a run's files.

Web archives store one article under several addresses (hkcnews keeps 04 as article_18036
and article_18037 too), the copies differing in front matter, archive links and small
edits of wording. Given both, a brief would print the essay twice and pair it with itself
as agreement, and the paragraphs they share would pass for site furniture. A file is a
copy when most of its text (COPY of its sampled shingles) also stands in an earlier file:
two different reports of one event share quotes and names, never most of their text.
"""
from __future__ import annotations

import re
import zlib
from collections import Counter

SHINGLE = 8  # characters: longer than any phrase two writers would both coin
SAMPLE = 8  # one shingle in SAMPLE (by its hash, so the same in every copy) is compared
MIN_SAMPLED = 24  # a text shorter than about 200 characters is too short to call a copy
COPY = 0.8  # share of a file's sampled shingles standing in the other
FURNITURE = 10  # a shingle in more files than this is site furniture, not article text
_SPACE = re.compile(r"\s+")


def _sample(text: str) -> set[int]:
    text = _SPACE.sub("", text)
    hashes = (zlib.crc32(text[i:i + SHINGLE].encode("utf-8")) for i in range(len(text) - SHINGLE + 1))
    return {h for h in hashes if h % SAMPLE == 0}


def copies(texts: list[str]) -> dict[int, tuple[int, float]]:
    """For each text that copies an earlier one: (that one's index, the share copied)."""
    samples = [_sample(text) for text in texts]
    postings: dict[int, list[int]] = {}
    for n, sample in enumerate(samples):
        if len(sample) >= MIN_SAMPLED:
            for h in sample:
                postings.setdefault(h, []).append(n)
    shared: Counter[tuple[int, int]] = Counter()
    for owners in postings.values():
        if 1 < len(owners) <= FURNITURE:
            for i, a in enumerate(owners):
                for b in owners[i + 1:]:
                    shared[(a, b)] += 1
    found: dict[int, tuple[int, float]] = {}
    for (a, b), count in sorted(shared.items()):
        share = count / min(len(samples[a]), len(samples[b]))
        if share >= COPY and b not in found and a not in found:
            found[b] = (a, share)
    return found
