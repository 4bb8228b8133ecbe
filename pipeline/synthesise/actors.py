"""The parties this genre writes about, each under the many names the prose gives it.

Chinese policy prose names a state by its country, its capital or seat of government
(北京, 華府, 白宮), its government, 「方」 (美方, 中方, 陸方), and Taiwanese writers name the
PRC 大陸 or 中共: one actor, many names. Its leaders speak for it, and the prose says
whose they are when it first names them (美國總統拜登, 大陸國家主席習近平). 雙方 and 兩國 name
the pair last named (中美雙方 … 雙方). Forms are Traditional: the analysis reads every
essay in its Traditional view.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

# party: its names, the first being how the brief names it
PARTIES: dict[str, tuple[str, ...]] = {
    "美方": ("美方", "美國", "華府", "白宮", "美國政府", "美國國務院", "五角大廈", "美國國會", "拜登政府", "川普政府",
           "特朗普政府", "美國總統"),
    "中方": ("中方", "中國大陸", "大陸", "中國", "中共", "北京", "陸方", "中華人民共和國", "中國政府", "中南海", "對岸",
           "解放軍", "共軍", "中共中央", "國臺辦", "國台辦", "大陸當局", "北京當局"),
    "臺灣": ("臺灣", "台灣", "我國", "我方", "臺北", "台北", "中華民國", "臺灣政府", "台灣政府", "臺方", "台方",
           "蔡政府", "民進黨政府", "總統府", "陸委會", "台灣當局", "臺灣當局"),
    "日本": ("日本", "日方", "東京", "日本政府", "日本首相"),
}
# the one-character forms that pair parties: 中美, 美「中」, 台日, 美陸
_SHORT = {"美": "美方", "中": "中方", "陸": "中方", "臺": "臺灣", "台": "臺灣", "日": "日本"}
_INITIAL: dict[str, str] = {}  # 美中雙方, 臺日雙方: a party's first one-character form
for _char, _party in _SHORT.items():
    _INITIAL.setdefault(_party, _char)
# Titles only one party's leaders hold in this genre's prose
_OWN_TITLES = {"國家主席": "中方", "總書記": "中方", "國務院總理": "中方", "行政院長": "臺灣"}
_TITLES = ("總統", "副總統", "主席", "國家主席", "總書記", "總理", "首相", "國務卿", "部長", "外長", "防長", "發言人",
           "大使", "議長", "眾議院議長", "參議員", "眾議員", "國防部長", "外交部長", "院長", "主委", "總統當選人")

_HAN_BEFORE = re.compile(r"[\u4e00-\u9fff]$")
ALIAS = {name: party for party, names in PARTIES.items() for name in names}
_ALIASES = "|".join(sorted(map(re.escape, ALIAS), key=len, reverse=True))
_PAIR = re.compile(r"([中美臺台日陸])[「『]?([中美臺台日陸])[」』]?(?:雙方|兩國|兩方|兩強|之間|關係|領導人)")
MAX_BEFORE_SUBJECT = 4  # characters that may stand before a clause's subject (至於, 至少代表)
_BOTH = re.compile(r"雙方|兩國|兩強|兩方")
# A party after a preposition or passive marker is not the speaker (針對臺灣…, 遭受中國政府…),
# nor after a copula or cause: 主因是中國相信… is the author's explanation, not a stance.
_GOVERNED = re.compile(r"(?:對|針對|對於|關於|向|與|和|跟|同|把|將|讓|使|替|為|被|在|遭|受|遭受|受到|遭到"
                       r"|是|乃|在於|因|因為|由於)$")
# 美國總統拜登, 中國大陸(下稱大陸)國家主席習近平, 國家主席習近平
_TITLED = re.compile(rf"(?:({_ALIASES})(?:[（(][^）)]{{0,10}}[）)])?(?:前|現任|新任)?)?({'|'.join(sorted(_TITLES, key=len, reverse=True))})")


def leaders(views: Iterable[str], people: Iterable[str]) -> dict[str, str]:
    """Whose each named person is, as the essays say when they name them with a title."""
    names = sorted(set(people), key=len, reverse=True)
    if not names:
        return {}
    person = re.compile("|".join(map(re.escape, names)))
    found: dict[str, str] = {}
    for view in views:
        for titled in _TITLED.finditer(view):
            name = person.match(view, titled.end())
            if not name or name.group(0) in found:
                continue
            # a title alone is its holder's party only where no other country is named
            # before it (越南國家主席 is not China's)
            alone = not titled.group(1) and not _HAN_BEFORE.search(view, 0, titled.start())
            party = ALIAS.get(titled.group(1) or "") or (_OWN_TITLES.get(titled.group(2)) if alone else None)
            if party:
                found[name.group(0)] = party
    return found


class Speakers:
    """Finds who takes a position in a clause: the first party named at its head."""

    def __init__(self, people: dict[str, str]):
        self.people = people
        names = sorted([*ALIAS, *people], key=len, reverse=True)
        self._name = re.compile("|".join(map(re.escape, names)))

    def party(self, name: str) -> str:
        return ALIAS.get(name) or self.people[name]

    def named(self, text: str) -> list[tuple[int, str]]:
        """(offset, party) of every party the text names, in order."""
        return [(m.start(), self.party(m.group(0))) for m in self._name.finditer(text)]

    def pair(self, text: str) -> tuple[str, str] | None:
        """The last pair of parties the text names (中美雙方 → 中方, 美方)."""
        pairs = [(_SHORT[m.group(1)], _SHORT[m.group(2)]) for m in _PAIR.finditer(text)]
        pairs = [p for p in pairs if p[0] != p[1]]
        return pairs[-1] if pairs else None

    def subject(self, clause: str, before: str) -> str | None:
        """Who a clause is said by: the first party it names at its head (after at most a
        short adverb: 至於美國…, 比如北京…; not CNN引用美國國防部報告…) that no preposition
        governs (習近平也向拜登表示 → 中方; 針對臺灣的部分… → nobody), or, when it opens on
        雙方/兩國, the pair last named before it in the paragraph (美中雙方)."""
        both = _BOTH.search(clause)
        named = [(at, party) for at, party in self.named(clause)
                 if at <= MAX_BEFORE_SUBJECT and not _GOVERNED.search(clause[:at])]
        if both and (not named or both.start() < named[0][0]):
            pair = self.pair(clause[:both.end() + 1]) or self.pair(before)
            return "".join(_INITIAL[p] for p in PARTIES if p in pair) + "雙方" if pair else None
        return named[0][1] if named else None
