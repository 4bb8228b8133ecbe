"""How a point's text is trimmed for the brief: never its content, only the words that
tie it to what came before. The quote in the JSON stays verbatim."""
from __future__ import annotations

import re

from pipeline.analyse.ranker import REFERS_BACK
from pipeline.analyse.voice import SAYING_WORDS

# What a point drops from its front: the brief lists points, it does not argue, so the
# words that tie a sentence to the one before (然而, 此外) or frame it (事實上, 值得注意的是,
# 換言之) go, whenever they open it, and never a word of its content. Set off by a comma
# they are dropped one after another (此外，值得注意的是，…); without one only a single
# connective the segmenter reads as a word of its own (然而美國… but not 同時期).
DISCOURSE = (
    "然而 因此 此外 另外 其次 首先 最後 同時 不過 但是 可是 但 而且 而 因而 故而 所以 所以說 也就是說 換言之 換句話說 "
    "總之 總而言之 並且 然後 接著 "
    "尤其是 尤其 然 惟 且 又 再者 況且 更何況 何況 加上 另一方面 另方面 同樣地 是以 於是 事實上 實際上 其實 顯然 無疑 可以說 簡言之 "
    "儘管如此 即便如此 即使如此 雖然如此 話雖如此 除此之外 與此同時 相反 相反地 反之 "
    "整體而言 整體來說 總的來說 總括而言 綜上所述 一言以蔽之 歸根結底 說到底 由此可見 一般而言 基本上 坦白說 老實說 值得注意的是 值得一提的是 "
    "值得關注的是 需要指出的是 必須指出的是 不可否認的是 不可否認"
).split()
_LONGEST_FIRST = sorted(DISCOURSE, key=len, reverse=True)  # 但是 before 但, 然而 before 然
# An argument's ordinals (第一，…) go too, but only set off by a comma: 第一波 is content.
_ORDINALS = "第[一二三四五六七八九十]|其[一二三]"
# Spoken prose frames a point with the listener's eyes (所以你可以看到，…; 我們可以看出，…)
# …or with what the listener knows (你知道，…; 我們都知道，…; 眾所周知，…)
_SEEN = "(?:所以|因此|由此)?(?:你|妳|您|我們|大家)?可以看(?:到|出)|(?:你|妳|您|我們|大家)都?知道|眾所周知"
_SET_OFF = re.compile(
    "(?:" + "|".join(map(re.escape, _LONGEST_FIRST)) + rf"|{_ORDINALS}|{_SEEN}|(?:事實上|實際上|其實)?[也亦]?(?:是|確實)?如此)"
    # spoken prose pauses on a particle after the connective (但是呢，而且啊，)
    r"(?:呢|啊|嘛)?[，,、]\s*"
)
# 是 after an ordinal (首先，是…; 其次是…) presents the item (not 是否, 是非; 又是 is "again").
_SEQUENCE = re.compile(rf"首先|其次|再者|最後|{_ORDINALS}")
# Where the segmenter's first word is not known (a numbered point: its first word was its
# number), only the connectives no word of content begins with go unset-off (但是在現實世界中…;
# not 不過是…, 另外一個…, 而言, 同時期)
_BARE_CONNECTIVE = re.compile(r"但是|然而|可是|而且|並且|況且|更何況|何況|此外|於是|總之|總而言之")
_LIST_COPULA = re.compile(r"是(?![否非])")
MIN_POINT = 8  # characters a trimmed point keeps at least


def _opening(view: str, first_word: str = "") -> int:
    """How many characters of discourse words open the sentence (its Traditional form)."""
    cut = 0
    while found := _SET_OFF.match(view, cut):
        cut = found.end()
    if not cut and first_word in DISCOURSE and view.startswith(first_word):
        cut = len(first_word)
    elif not cut and not first_word and (bare := _BARE_CONNECTIVE.match(view)):
        cut = bare.end()
    if _SEQUENCE.search(view, 0, cut) and _LIST_COPULA.match(view, cut):
        cut += 1  # 首先，是美國視中國為對手: the ordinal's copula, "first (is that)"
    return cut


def trim_opening(text: str, view: str, first_word: str = "") -> str:
    """text without the discourse words opening it; view is its Traditional form (same
    offsets), first_word the segmenter's first word of it when known."""
    cut = _opening(view, first_word)
    return text[cut:] if len(text) - cut > MIN_POINT else text


# A translation's original in brackets after it (…更形尖銳（in Taiwan, generational
# differences in thinking about China have sharpened…）): the brief prints the translation,
# the quote keeps both. A name's original, in capitals ((Anna Fifield), (Chicago Council on
# Global Affairs)), is a gloss worth keeping; a sentence's words are mostly lower case.
_ORIGINAL = re.compile(r"[（(]([^（）()\u3400-\u9fff]*)[）)]")
_ORIGINAL_WORDS = 4


def _is_sentence(words: list[str]) -> bool:
    return len(words) >= _ORIGINAL_WORDS and sum(w[0].islower() for w in words) * 2 >= len(words)


def drop_originals(text: str) -> str:
    """text without the Western-language sentences a translation gives in brackets."""
    return _ORIGINAL.sub(lambda m: "" if _is_sentence(re.findall(r"[A-Za-z]+", m.group(1))) else m.group(0), text)


def _unpaired(text: str, open_before: int = 0) -> tuple[list[int], list[int]]:
    """Where text's 」 close nothing (after closing the open_before quotations begun before
    it), and where its 「 stand that nothing in it closes."""
    opened: list[int] = []
    closing: list[int] = []
    for i, char in enumerate(text):
        if char == "「":
            opened.append(i)
        elif char == "」":
            if opened:
                opened.pop()
            elif open_before:
                open_before -= 1
            else:
                closing.append(i)
    return closing, opened


def drop_stray_quotes(text: str, before: str, after: str) -> str:
    """text without the corner quotes its paragraph never pairs (a source's typo: …因為我們已經
    共同度過許多難關」。 with no 「 before it, 博爾頓說，…「但是，…登場。 never closed); before and
    after: the paragraph's text around it. A 「 opening the paragraph stays: a quotation
    running on into the next paragraph opens each one and closes only the last."""
    closing, opened = _unpaired(text, len(_unpaired(before)[1]))
    unclosed = opened[:max(0, len(opened) - len(_unpaired(after)[0]))]  # later 」 close the last ones
    stray = set(closing) | {i for i in unclosed if not (text[i - 1] == "\n" if i else not before.strip())}
    return "".join(c for i, c in enumerate(text) if i not in stray) if stray else text


# A last clause that only leads in to what follows, when nothing follows in the paragraph
# (…而應該優先推動攸關國家生存的政策」，她列出以下三點政策：): it ties the point to the list
# after it, and goes as the words tying it to what came before do.
_LEAD_IN = re.compile(r"[，,][^，,。；;！？!?「」『』]{2,30}[：:]\s*$")


def trim_lead_in(text: str) -> str:
    """text without a closing clause that leads in to a list the point does not hold."""
    found = _LEAD_IN.search(text)
    return text[:found.start()] if found and found.start() > MIN_POINT else text


# 「…」 …，趙建民如此評價。: a report of speech whose words are 如此/這樣 points back at the quote.
REPORTS_BACK = re.compile(rf"(?:如此|這樣|這麼)(?:評價|{SAYING_WORDS})[。！!]?[」』”’）)]*$")


def is_bare_quote(view: str) -> bool:
    """Whether the sentence is a quotation and nothing else (「我們記掛著臺灣人民…」), or
    the first sentence of one: its speaker is named in the sentence before."""
    if view[:1] not in "「『":
        return False
    depth = 0
    for n, char in enumerate(view):
        depth += (char in "「『") - (char in "」』")
        if not depth:
            return not view[n + 1:].strip("。！？!?")
    return True  # a quotation going on into the next sentence (「…。 …」)


# A topic fronted before the subject (對今次選舉，他則…; 在這方面，該黨…): the subject after
# it is where a reference stands, and the topic's own object (在這兩項條件下，…).
_FRONTED = re.compile(r"(?:只有|唯有|正是)?(?:對於|對|在|就|至於|關於|面對|針對|從)([^，,。；：]{1,12})[，,]\s*")
# A clause with no subject but a copula (從外交角度，是傳遞…的訊號), a conclusion drawn
# (可見兼具…) or "also" (也反對…; 也有人… has its own) takes its subject, or its grounds,
# from the sentence before.
_SUBJECTLESS = re.compile(r"是(?!時候|否)|(?:由此)?可見|[也亦](?!許|就是|可以說|因此|因為|正是|是|有)")
# ... and a time set before it (大選前，他們發布報告…; 隨後，她表示…; 自那時起，…)
_FRONTED_TIME = re.compile(r"(?:自|從|在|於)?([^，,。；：]{0,6}(?:前|後|時|期間|之際|以來|隨後|當時|年|月|日|時起))[，,]\s*")
# ... or the speaker's source or view (但據我所知，這策略…; 在我看來，此舉…)
_FRONTED_SOURCE = re.compile(r"((?:據|依|在)[^，,。；：]{0,4}(?:所知|了解|瞭解|看來|看法|觀察)|據悉|我(?:認為|相信|覺得|以為))[，,]\s*")


# A demonstrative inside the first clause (中共這樣做損人不利己, 如果UMC最後接受此方案，…,
# 只要做到這些，…) points back as one opening the sentence does. (A pronoun there mostly
# stands for its own clause's subject: 俄羅斯正渴望中國幫他….)
_ANAPHOR = re.compile(r"此(?:事|舉|案|方案|一|等|種|類)|[就對為]此|(?:這樣|這麼|如此)做|這些(?!年|日子|天)|這種|這類|這項|這番")
_FIRST_CLAUSE = re.compile(r"[^，,；;：:。！？!?]*")


def leans_back(view: str) -> bool:
    """Whether the sentence leans on the one before it: it opens on a reference
    (opens_on_reference) or its first clause holds one (中共這樣做…, 如果UMC接受此方案，…)."""
    return opens_on_reference(view) or bool(_ANAPHOR.search(_FIRST_CLAUSE.match(view, _opening(view)).group()))


def opens_on_reference(view: str) -> bool:
    """Whether the sentence leans on the one before it (此…, 該…, 他說…), once the
    connective a point drops is gone (但他說… is 他說…), in or after a fronted topic
    (在這兩項條件下，…; 對今次選舉，他則…) or time (大選前，他們…), has no subject but
    a copula or a conclusion (從外交角度，是…; 可見…), or reports the words before it
    (…，趙建民如此評價。)."""
    if REPORTS_BACK.search(view):
        return True
    word = next((w for w in _LONGEST_FIRST if view.startswith(w)), "")
    subject = _opening(view, word)
    if fronted := (_FRONTED.match(view, subject) or _FRONTED_TIME.match(view, subject)
                   or _FRONTED_SOURCE.match(view, subject)):
        if REFERS_BACK.match(fronted.group(1)):
            return True
        subject = fronted.end()
    return bool(REFERS_BACK.match(view) or REFERS_BACK.match(view[subject:]) or _SUBJECTLESS.match(view, subject))
