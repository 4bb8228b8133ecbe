"""An essay's title and author, from whatever the file gave.

- Title: column labels, account or source prefixes and a series' issue number are the
  outlet's, not the title's: `【歐洲之聲】…`, `海边的西塞罗｜…`, `美国之音｜…` (in a file
  name too), `【404档案馆】第151期：…`.
- Author: a person's name. A credit to a desk, a newsroom, a column, a medium or the site's
  own account (眾新聞記者, 立場報道, 編輯部, 讀者來論, 中国数字时代, 系統管理員) names no person; a role before the name
  (台灣特派員鄭智仁) is not part of it; of two names credited together the first is taken.
  A piece no person signs that reports an interview is the interviewee's (專訪吳叡人; a
  standfirst's 訪問了…社科院長趙建民, the one of those interviewed whom the piece cites).
"""
from __future__ import annotations

import re

from pipeline.ingest.chars import HAN, clean_spaces, clean_title_spaces

_LABEL = re.compile(r"^[【〔\[]([^】〕\]]{1,20})[】〕\]]\s*(?=\S{4})")
_ORDINAL = re.compile(r"^\d{1,3}[-_.\s]+(?=\S)")  # 12_, 03-, 7. : the order of files in a folder
# Taiwanese papers set a column's name before the headline closed by 》 alone (自由開講》,
# 社論》): a closing bracket with no opening one is that label, never a work's title.
_CLOSED_LABEL = re.compile(r"^[^\s《》「」]{2,6}》\s*(?=\S{4})")
_PREFIX = re.compile(r"^([^｜|]{1,15}?)\s*[｜|]\s*(?=\S{4})")
# A series' issue number after its label (【404档案馆】第151期：…): the series', not the title's
_ISSUE = re.compile(r"^第\s*\d{1,4}\s*[期集回][：:]\s*(?=\S{4})")

# A credit ending or consisting in these names a desk, a medium or a column, not a person.
_NOT_A_PERSON = re.compile(
    r"(?:記者|记者|報道|报道|報導|报导|編輯部|编辑部|編輯室|编辑室|新聞|新闻|通訊社|通讯社|電視台|电视台|電台|电台|"
    r"日報|日报|時報|时报|週刊|周刊|雜誌|杂志|時代|时代|之音|之聲|之声|網|网|社|讀者|读者|來論|来论|投書|投书|專欄|专栏|博客|中心|"
    r"研究院|基金會|基金会|協會|协会|編譯|编译|綜合|综合|整理|管理員|管理员|站長|站长|小編|小编|"
    r"社論|社论|評論|评论|短評|短评|時評|时评|專論|专论|觀點|观点|團隊|团队|小組|小组|工作室|"
    # a dateline's desk (本報訊, 中央社專電, 綜合外電)
    r"(?:報|报|刊|社|台|臺|網|网|電|电)(?:訊|讯)|專電|专电|外電|外电)$"
    r"|^本(?:報|报|刊|台|臺|網|网|站)"
    r"|^(?:admin|administrator|editor|staff|webmaster)$"
    # a platform an archive credits for what its users wrote (author: 知乎)
    r"|^(?:知乎|微博|微信|豆瓣|頭條|头条|網易|网易|搜狐|騰訊|腾讯|新浪|百度|抖音|嗶哩嗶哩|哔哩哔哩|B站)$", re.I
)
# Roles and affiliations before a name: 台灣特派員鄭智仁, 國防安全研究院研究員王大明,
# 前國安會秘書長… (the words that end a title or an institution's name; Simplified forms too).
# One pattern with the name, so a role character inside a name (李會文) backtracks.
_ROLES = (
    r"特派員|特派员|特約記者|特约记者|記者|记者|教授|講座|讲座|研究員|研究员|研究助理|主任|所長|所长|院長|院长|"
    r"主委|委員|委员|博士|講師|讲师|分析師|分析师|執行長|执行长|顧問|顾问|秘書長|秘书长|學者|学者|主筆|主笔|編輯|编辑|"
    r"專員|专员|組長|组长|處長|处长|局長|局长|部長|部长|大使|代表|董事長|董事长|理事長|理事长|召集人|社長|社长|"
    r"大學|大学|學院|学院|研究院|研究所|中心|學會|学会|基金會|基金会|智庫|智库|協會|协会|部|處|处|局|署|所|院|系|會|会"
)
_PERSON = re.compile(
    rf"^(?:.*(?:{_ROLES}))?([\u4e00-\u9fff·・]{{2,8}}|[A-Z][A-Za-z.\-]+(?: [A-Z][A-Za-z.\-]+){{0,3}})$"
)
_SEPARATORS = re.compile(r"[・、，,;；/／&＆]|\s+(?:and|與|与|和)\s+")
# Where the name ends: an affiliation in brackets, a list, or a space before more Chinese
# text (作者：清和 智本社社长 …, 作者：黃子晴（產業政策研究中心分析師）).
_CREDIT_END = re.compile(r"[（(，,、;；】\]]|\s+(?=[\u4e00-\u9fff])")


def clean_title(title: str) -> str:
    """The title without column labels or source prefixes, spaces cleaned (a space the
    title uses as a separator is kept, as an ideographic space)."""
    title = re.sub(r"\s+", lambda m: "\u3000" if "\u3000" in m.group(0) else " ", title.strip())
    for pattern in (_LABEL, _CLOSED_LABEL, _SIGNED, _SIGNED_AFTER, _PREFIX, _ISSUE):
        title = pattern.sub("", title, count=1)
    return clean_title_spaces(title)


def title_from_filename(stem: str) -> str:
    """A title from a file name, when the file holds none: without a leading ordinal (the
    12_ of 12_cdt-kevin-…, a folder's sort order) and, for a name without Chinese, with the
    slug's - and _ read as spaces."""
    name = _ORDINAL.sub("", stem)
    name = name.replace("_", " ") if HAN.search(name) else re.sub(r"[-_]+", " ", name)
    return clean_title(name)


# A collective after a name (AureaGate 團隊, 財經 小組): the group credited is no person
_TEAM = re.compile(r"^[^\s，,]+\s+(?:團隊|团队|小組|小组|工作室|編輯部|编辑部)$")


def person(credit: str | None) -> str | None:
    """The person a credit names, or None for a desk, medium or column."""
    if not credit:
        return None
    credit = credit.strip("【】[]（）() \u3000")
    if _TEAM.search(credit):  # AureaGate 團隊: a team, not the name before the space
        return None
    credit = _CREDIT_END.split(credit)[0]
    first = _SEPARATORS.split(clean_spaces(credit))[0].strip()
    found = _PERSON.match(first)
    if not found or _NOT_A_PERSON.search(found.group(1)):
        return None
    return found.group(1)


# The common Chinese surnames (the first hundred or so of the 百家姓 by frequency, in
# Traditional form): a name is a surname and one or two characters.
SURNAMES = ("王李張劉陳楊黃趙吳周徐孫馬朱胡郭何高林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董袁潘蔣蔡余杜葉程蘇魏呂丁"
            "任沈姚盧姜崔鍾譚陸汪范金石廖賈夏韋方白鄒孟熊秦邱江尹薛閻段雷侯龍史陶黎賀顧毛郝龔邵萬錢嚴覃"
            "武戴莫孔向湯柯賴洪游翁童邢")
_INTERVIEWEE = re.compile(r"(?:專訪|专访)([\u4e00-\u9fff]{2,4})(?![\u4e00-\u9fff])")
# 訪問了A、B，以及C: whom a standfirst says was interviewed (訪問 is also to visit a place:
# only a Chinese name, surname first, that the piece repeats is taken)
_INTERVIEWED = re.compile(r"(?:專訪|专访|訪問|访问|採訪|采访)了?([^。！？!?]{2,120})")
_CONJUNCTS = re.compile(r"以及|及|和|與|与|[、，,；;]")
CHINESE_NAME = re.compile(rf"[{SURNAMES}][\u4e00-\u9fff]{{1,2}}")
# 趙建民／「後美時代」台灣的兩岸方略: Taiwanese papers sign an op-ed in its headline, the
# writer's full name before ／ (a colon would quote a speaker instead: 蔡英文：台灣不會屈服).
_SIGNED = re.compile(rf"^([{SURNAMES}][\u4e00-\u9fff]{{2}})(?<![市縣區鄉鎮島])\s*[／/]\s*(?=\S{{4}})")
# …or after it, set off by a spaced dash, as blogs and forums re-post a column (世道人生：
# 台灣往何處去？ - 李怡)
_SIGNED_AFTER = re.compile(rf"(?<=\S{{4}})\s+[-–—]\s*([{SURNAMES}][\u4e00-\u9fff]{{1,2}})$")
CITED = 3  # a name repeated this often is someone the piece is about


def signed_by(title: str) -> str | None:
    """The writer a headline is signed by (趙建民／…, … - 李怡), if it is."""
    signed = _SIGNED.match(title.strip()) or _SIGNED_AFTER.search(title.strip())
    return signed.group(1) if signed else None


def interviewee(title: str, lead: str, text: str) -> str | None:
    """Whom the piece interviewed: 專訪吳叡人 in its title, else the one its lead says was
    interviewed whom the text names most, at least CITED times; None when there is none."""
    if named := _INTERVIEWEE.search(title):
        return person(named.group(1))
    counts = {}
    for found in _INTERVIEWED.finditer(lead):
        for conjunct in _CONJUNCTS.split(found.group(1)):
            name = person(conjunct)
            if name and CHINESE_NAME.fullmatch(name):
                counts[name] = text.count(name)
    name = max(counts, key=counts.get, default=None)
    return name if name and counts[name] >= CITED else None
