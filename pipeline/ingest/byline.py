"""Bylines: 「XXX主稿」, 「作者：XXX」, 「文／XXX」, 【撰文：XXX】, 「聯合報／XXX」, 「記者XXX／台北報導」,
and the person they credit."""
from __future__ import annotations

import re

from pipeline.ingest.chars import HAN
from pipeline.ingest.metadata import CHINESE_NAME, person

_BYLINE_PATTERNS = [
    # (文 alone, not the end of a name: 蔡英文：台灣不會屈服 quotes her)
    re.compile(r"(?:作者|撰稿人?|撰文|執筆|执笔|圖文|图文|(?<![\u4e00-\u9fff])文)\s*[:：／/]\s*(.+)$"),
    re.compile(r"^[【\[]?(.+?)\s*(?:主稿|撰稿|撰寫|撰写|撰文|執筆|执笔)[】\]]?$"),
    re.compile(r"^(.+?)\s*[／/]\s*文$"),
    # a Taiwanese paper's credit line: the paper, then its writer (聯合報／ 趙建民, 中央社／記者…),
    # or the writer, then where the report was filed (記者王小明／台北報導)
    re.compile(r"^\S{1,8}?(?:報|报|社|網|网|電台|电台|電視台|电视台)\s*[／/]\s*(.+)$"),
    re.compile(r"^(.+?)\s*[／/]\s*\S{1,6}(?:報導|报导|報道|报道)$"),
    # a news brief's reporter or compiler, labelled (記者：王小明, 整理报道：小红帽)
    re.compile(r"^(?:記者|记者|整理報道|整理报道|整理報導|整理报导|整理)\s*[:：]\s*(.+)$"),
    # an answer on a Q&A platform opens on who answers (煮酒杂谈的回答)
    re.compile(r"^(\S{2,20}?)的回答$"),
]
# A writer's name run into the paper's (黃介正聯合報, under a newsletter's headline): a credit
# whose name cannot be told from the paper's, so it names nobody
_NAME_AND_PAPER = re.compile(rf"^{CHINESE_NAME.pattern}\s?\S{{0,4}}(?:日報|日报|時報|时报|聯合報|联合报|晚報|晚报|週刊|周刊|雜誌|杂志)$")
# …as does a translator's credit (編譯：東京櫻花團/Hopkins; 法语翻译：Ikonic, the language named)
# or a re-post's (… 轉載自GNews): the writer is someone else
LANGUAGE = r"(?:[\u4e00-\u9fff]{1,2}(?:語|语|文))?"  # a role for one language (法语翻译, 英文編輯)
TRANSLATOR = r"(?:編譯|编译|翻譯|翻译|譯者|译者)"
_OTHER_CREDIT = re.compile(rf"^(?:{LANGUAGE}{TRANSLATOR}\s*[:：／/]\s*\S.*|.{{0,30}}(?:轉載自|转载自|轉自|转自)\s*\S.{{0,30}})$")
_POST = re.compile(r"\s*[（(][^（()）]{1,20}[）)]$")
MAX_CHARS = 60  # a byline is one short line; a sentence that happens to end in 撰寫 is none


def _credit(line: str) -> re.Match | None:
    if len(line) > MAX_CHARS:
        return None
    return next((found for pattern in _BYLINE_PATTERNS if (found := pattern.search(line))), None)


def author_of(line: str) -> str | None:
    """The person's name in a byline such as 「XXX主稿」, 「作者：XXX」, 「文／XXX」."""
    found = _credit(line)
    return person(found.group(1)) if found else None


def is_credit(line: str) -> bool:
    """A byline, whether it names a person or only a desk (文/中評社香港7月11日)."""
    return _credit(line) is not None or bool(_NAME_AND_PAPER.match(line) or
                                             (len(line) <= MAX_CHARS and _OTHER_CREDIT.match(line)))


def bulleted_name(line: str) -> str | None:
    """A name alone on a bulleted line under the title (◎ 廖明輝: how Taiwanese papers set an
    op-ed's byline), given without its bullet, perhaps with the writer's post in brackets
    (楊嘯銘(退役軍人)); a heading (● 前言) names nobody."""
    name = _POST.sub("", line)
    return name if CHINESE_NAME.fullmatch(name) else None


# The writer's post on a line of its own under the byline (中國人民大學重陽金融研究院執行院長)
_POST_LINE = re.compile(r"^[^。，,；;！？!?：:]{2,30}(?:院長|院长|所長|所长|主任|教授|研究員|研究员|學者|学者|專家|专家|社長|社长|"
                        r"主編|主编|總編輯|总编辑|記者|记者|理事長|理事长|董事長|董事长|執行長|执行长|秘書長|秘书长|會長|会长|"
                        r"顧問|顾问|博士|講師|讲师|委員|委员|議員|议员|立委|作家|評論員|评论员)$")


def is_post_line(line: str) -> bool:
    return bool(_POST_LINE.match(line))


# A paper's author, under its title, carries the mark of a footnote on who they are (袁征[1])
_FOOTNOTE_MARK = re.compile(r"\s*(?:\[\d{1,2}\]|［\d{1,2}］|[*＊]{1,2}|[①②③])$")


def marked_name(line: str) -> str | None:
    """The name a paper's byline gives with its footnote mark (袁征[1], 王大明*)."""
    mark = _FOOTNOTE_MARK.search(line)
    return bulleted_name(line[:mark.start()]) if mark else None


def byline_title(line: str) -> str | None:
    """A title printed on the byline's own line after the credit and an affiliation
    (作者：清和 智本社社長 最近兩年，中美關係為何急轉直下？), when the text has no other."""
    found = _BYLINE_PATTERNS[0].search(line)  # the 作者： form: a credit that runs on
    parts = found.group(1).split() if found else []
    if len(parts) >= 3 and len(HAN.findall(parts[-1])) >= 6 and "。" not in parts[-1]:
        return parts[-1]
    return None
