"""Bylines: 「XXX主稿」, 「作者：XXX」, 「文／XXX」, and the person's name in them."""
from __future__ import annotations

import re

# Words that end the affiliation in a byline, so what follows is the person's name.
_AFFILIATION_END = (
    "教授|講座|主任|研究員|研究助理|所長|院長|主委|委員|博士|講師|記者|分析師|執行長|顧問|秘書長|"
    "學者|主筆|編輯|專員|組長|處長|局長|部長|大使|代表|董事長|理事長|召集人|"
    "大學|學院|研究院|研究所|中心|學會|基金會|智庫|協會|部|處|局|署|所|院|系|會"
)
_NAME = r"([\u4e00-\u9fff]{2,4}|[A-Z][\w.\- ]+)"
_BYLINE_PATTERNS = [
    re.compile(r"(?:作者|撰稿人?|撰文|執筆|文)\s*[:：／/]\s*(.+)$"),
    re.compile(r"^(.+?)\s*(?:主稿|撰稿|撰寫|撰文|執筆)$"),
    re.compile(r"^(.+?)\s*[／/]\s*文$"),
]
_NAME_AFTER_AFFILIATION = re.compile(rf"^(?:.*(?:{_AFFILIATION_END}))?{_NAME}$")
MAX_CHARS = 60  # a byline is one short line; a sentence that happens to end in 撰寫 is none


def author_of(line: str) -> str | None:
    """The person's name in a byline such as 「XXX主稿」, 「作者：XXX」, 「文／XXX」."""
    if len(line) > MAX_CHARS:
        return None
    for pattern in _BYLINE_PATTERNS:
        found = pattern.search(line)
        if found:
            who = re.split(r"[（(，,、;；]", found.group(1))[0].strip()
            name = _NAME_AFTER_AFFILIATION.match(who)
            if name:
                return name.group(1).strip()
    return None
