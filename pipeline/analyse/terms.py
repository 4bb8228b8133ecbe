"""Keywords (TF-IDF with a Traditional IDF table) and typed named entities."""
from __future__ import annotations

import re
from collections import Counter

from pipeline.analyse.features import SentenceInfo, stopwords
from pipeline.analyse.segment import Segmenter
from pipeline.analyse.voice import SAYING_WORDS
from pipeline.ingest.chars import HAN
from pipeline.model import Entity, Keyword

MAX_KEYWORDS = 12
MAX_ENTITIES = 30
ENTITY_TYPES = ("person", "organization", "place", "law", "event")
# A name follows its holder's title in Chinese prose (國家主席習近平, 教授李世暉, 立委羅致政):
# offices of state, and the titles commentary cites its experts and legislators by.
PERSON_TITLES = ("總統", "副總統", "主席", "總書記", "總理", "首相", "議長", "國務卿", "部長", "外長",
                 "防長", "大使", "秘書長", "院長", "主委", "發言人", "參議員", "眾議員", "委員長",
                 "立委", "議員", "委員", "市長", "縣長", "局長", "司長", "處長", "主任", "教授", "副教授",
                 "研究員", "學者", "分析師", "理事長", "董事長", "執行長", "總編輯")
SUFFIX_TYPES = [
    (re.compile(r"(?:法|法案|條約|公報|協定|協議|宣言|保證|共識)$"), "law"),
    (re.compile(r"(?:峰會|會談|大會|全會|戰爭|選舉|演習|軍演|論壇|會議)$"), "event"),
    (re.compile(r"(?:組織|聯盟|政府|大學|研究院|委員會|部|院|黨|軍|署|局|辦|中心|集團|公司)$"), "organization"),
]
# Words jieba's dictionary tags as places or organisations that name no particular one.
NOT_NAMES = frozenset("大國 小國 強國 兩國 四國 各國 外國 他國 本國 該國 我國 全國 諸國 友邦 盟國 鎖國 中斷 攸關 海洋 "
                      "新政府 地方 國內 國外 海外 內地 本土".split())
# ... nor do counts of countries (三國) and pairs of them (中美, 美日).
_NOT_NAME_FORMS = re.compile(r"^(?:[一二三四五六七八九十兩多數各][國方]|[美中日韓俄英法德澳印臺台歐陸菲越]{2})$")
_TITLED_LAW = re.compile(r"《([^》]{2,20})》")
# Latin script in Chinese prose names things by acronym or capitalised name (CPTPP, WTO);
# a lowercase English word (to, the) is a fragment of a quoted English phrase.
ENGLISH_WORD = re.compile(r"[a-z][a-z'’-]*", re.I)
ACRONYM = re.compile(r"[A-Z0-9+\-]+")
FRAGMENT_SHARE = 0.8  # of a word's occurrences that must continue with one same character
# A character jieba's dictionary counts as a word of its own fewer times than this is mostly
# bound, part of a name or compound (瑜 1671, 政 3607, 七 7675); a free word (開 27900, 用
# 76586) next to a word is a phrase (不|開|第一槍).
BOUND = 10000


def english_fragment(word: str) -> bool:
    return bool(ENGLISH_WORD.fullmatch(word)) and not ACRONYM.fullmatch(word)


def fragments(infos: list[SentenceInfo], segmenter: Segmenter) -> set[str]:
    """Words the segmenter split from a longer unit it does not know: a name (韓國|瑜,
    博|思科, 趙|建民, 羅致|政說) or a term (八一|七, 天然|砂). Such a word is nearly always
    joined to one same single character that is no word of its own (bound: no function
    word, 台灣|的, nor a free one, 開|第一槍), before or after it; or to any one same
    character, when the word is only the segmenter's guess, in no dictionary (馬|杜羅)."""
    def touching(token: str, end: int) -> str:
        # the character touching the word: its token when that is one character, or the
        # character of a token jieba's dictionary lacks (its HMM's guess: 羅致|政說, 羅致|政與)
        return token[end] if token and not segmenter.frequency(token) else token

    neighbours: dict[str, list[tuple[str, str]]] = {}
    alone: set[tuple[str, int, str]] = set()  # (word, side, character) seen as a token of its own
    for info in infos:
        tokens = [t.word for t in info.tokens]
        for i, word in enumerate(tokens):
            if len(word) > 1:
                pair = (tokens[i - 1] if i else "", tokens[i + 1] if i + 1 < len(tokens) else "")
                alone.update((word, side, token) for side, token in enumerate(pair) if len(token) == 1)
                neighbours.setdefault(word, []).append((touching(pair[0], -1), touching(pair[1], 0)))
    stop = stopwords()
    out = set()
    for word, seen in neighbours.items():
        if len(seen) < 2:
            continue
        for side in (0, 1):
            joined = Counter(pair[side] for pair in seen)
            char, n = joined.most_common(1)[0]
            # a character that never stands alone beside the word is part of another unknown
            # word (新冠|疫情), not the rest of this one
            if (len(char) == 1 and HAN.fullmatch(char) and char not in stop
                    and (segmenter.frequency(char) < BOUND or not segmenter.frequency(word))
                    and n >= FRAGMENT_SHARE * len(seen)
                    and (word, side, char) in alone):
                out.add(word)
    return out


_NUMBER = re.compile(r"^[\d.,．，%％]+$")  # 2027, 1.25, 10%: a figure is no keyword
# The frame a report is written in: how it got the words (專訪, 文章) and the verbs that cite
# them (形容, 表示), which say who spoke, not of what: no keyword, no theme.
REPORTING = re.compile(rf"(?:專訪|採訪|訪問|報導|報道|記者|文章|專文|撰文|社論|社評|{SAYING_WORDS})")


def keywords(infos: list[SentenceInfo], segmenter: Segmenter) -> list[Keyword]:
    split = fragments(infos, segmenter)
    counts = Counter(w for info in infos for w in info.words
                     if not _NUMBER.match(w) and w not in split and not english_fragment(w) and not REPORTING.fullmatch(w))
    if not counts:
        return []
    total = sum(counts.values())
    median = segmenter.dictionary.idf_median

    def weight(word: str) -> float:
        value = segmenter.idf(word)
        if word in segmenter.lexicon:  # a domain term is never "common" in this genre
            value = max(value, median)
        return counts[word] / total * value

    ranked: list[str] = []
    for word in sorted(counts, key=lambda w: (-weight(w), w)):
        # a term inside another (G20 and G20峰會, 加入 and 申請加入) names one concept:
        # the better-weighted form stands for both
        if not any(word in kept or kept in word for kept in ranked):
            ranked.append(word)
            if len(ranked) == MAX_KEYWORDS:
                break
    top = weight(ranked[0])
    return [Keyword(w, round(weight(w) / top, 4)) for w in ranked]


# What follows a title and is not a name: numerals, demonstratives, and the adverbs and
# conjunctions that follow a title used as a subject (委員則有…, 教授也表示…)
_NOT_A_SURNAME = "一二三四五六七八九十這那此該其各每本則也都就還已並又亦卻再才在是為與和及等"


def _looks_like_name(word: str, segmenter: Segmenter) -> bool:
    return (2 <= len(word) <= 4 and bool(re.fullmatch(r"[\u4e00-\u9fff]+", word))
            and segmenter.frequency(word) < 5 and word[0] not in _NOT_A_SURNAME
            and word[-1] not in "職位者人們")


def _type_of(word: str, segmenter: Segmenter) -> str | None:
    kind = segmenter.lexicon.get(word)
    if kind is None and len(word) > 1 and word not in NOT_NAMES and not _NOT_NAME_FORMS.match(word):
        kind = segmenter.proper_noun(word)
    if kind:
        return kind if kind in ENTITY_TYPES else None
    if len(word) < 3 or segmenter.frequency(word):
        return None  # a word jieba knows (政府, 舉行會談) is a common noun or phrase
    for pattern, kind in SUFFIX_TYPES:
        if pattern.search(word):
            return kind
    return None


def entities(infos: list[SentenceInfo], segmenter: Segmenter) -> list[Entity]:
    """Named things, most mentioned first, as the essay writes them (台湾 in a Simplified
    essay, though they are recognised in its Traditional view)."""
    found: Counter[tuple[str, str]] = Counter()
    for info in infos:
        tokens = info.tokens
        for i, token in enumerate(tokens):
            kind = _type_of(token.word, segmenter)
            if (kind is None and i and tokens[i - 1].word in PERSON_TITLES
                    and _looks_like_name(token.word, segmenter)):
                kind = "person"
            if kind:
                found[(info.text[token.start:token.end], kind)] += 1
        for law in _TITLED_LAW.finditer(info.view):
            found[(info.text[law.start(1):law.end(1)], "law")] += 1
    seen: set[str] = set()
    out = []
    for (text, kind), _ in sorted(found.items(), key=lambda item: -item[1]):
        if text not in seen:
            seen.add(text)
            out.append(Entity(text, kind))
    return out[:MAX_ENTITIES]
