"""Re-join the lines of extracted text into blocks: headings, list items, paragraphs.

Text pulled out of a PDF is wrapped at the page width, with blank lines and stray spaces
in the middle of sentences. A paragraph ends where a line ends a sentence and either falls
short of the wrap width or the next line is indented (PDF paragraphs start two
characters in). Text that is not hard-wrapped (one paragraph a line, or Markdown) is
split at sentence-ending lines and blank lines instead.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from pipeline.ingest.byline import MAX_CHARS as BYLINE_MAX_CHARS
from pipeline.ingest.byline import author_of, bulleted_name, byline_title, is_credit, is_post_line, marked_name
from pipeline.ingest.chars import BULLETS, HAN, clean_spaces, clean_title_spaces, display_width, ends_paragraph, is_private_use
from pipeline.ingest.dates import DATE_LINE
from pipeline.ingest.furniture import (APPEAL, BRACKETED, OPENING_CREDIT, RELATED, is_page_furniture, is_photo_caption, is_site_label,
                                      is_text_furniture, without_agency_dateline, without_doubled_captions)

# Section numbering styles, most formal first; the order a document uses them in gives
# their levels. A numbered line ending a sentence is a list item, not a heading.
NUMBERING = [
    ("formal", re.compile(r"^[壹貳參叁肆伍陸柒捌玖拾]+[、．.]")),
    ("chapter", re.compile(r"^第[一二三四五六七八九十百\d]+[章節篇部]")),
    ("han", re.compile(r"^[一二三四五六七八九十]+[、．，]")),  # 一，as typed in web posts
    ("han-paren", re.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
    ("arabic", re.compile(r"^\d{1,2}[.．、](?![\d.])")),
    ("arabic-paren", re.compile(r"^[（(]\d{1,2}[）)]")),
]
# Page numbers as printed: - 2 -, 第 2 頁, Page 2, 2 / 7; a bare number only in a PDF,
# where a numeral alone on a line is no section marker.
_PAGE_NUMBER = re.compile(r"^(?:[-–—~]\s*\d{1,4}\s*[-–—~]|第\s*\d+\s*頁(?:\s*[,，/／]?\s*共\s*\d+\s*頁)?|"
                          r"page\s*\d+(?:\s*of\s*\d+)?|\d{1,4}\s*/\s*\d{1,4})$", re.I)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
# In text that is not hard-wrapped a numeral alone on a line marks a section (1, 2, … over
# a WeChat essay's parts): it ends the paragraph before it and is no text of the next.
_SECTION_NUMBER = re.compile(r"^\d{1,2}$")
RUNNING_WITHIN = 2  # lines from a page boundary where running headers and footers stand
RUNNING_MAX_CHARS = 40
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
# Column labels printed above or before a title (時評, 專論 …), letter-spaced or not.
COLUMN_LABELS = {"時評", "短評", "專論", "評論", "客座評論", "社論", "觀察", "焦點", "專題", "特稿", "論壇", "專欄",
                 "觀點", "新聞分析", "國際瞭望", "兩岸觀察", "國際觀察", "政策分析", "戰略評析",
                 "投書", "讀者投書", "專題報導", "深度報導", "快評", "名家觀點", "自由廣場", "民意論壇"}
# …also set in angle brackets (〈專欄〉, 《社論》), which otherwise mark a work's title (《臺灣關係法》…)
_ANGLED_LABEL = re.compile(r"^[〈《<]\s*(\S{2,6}?)\s*[〉》>]\s*")
_LETTER_SPACED = re.compile(r"^((?:[\u4e00-\u9fff][ \t\u3000]+)+[\u4e00-\u9fff])(?=[^\s])")
_LABEL_SEPARATOR = re.compile(r"^(\S{2,4}?)\s*[｜|:：／/]\s*")
_DATELINE = re.compile(r"^[\d\s年月日/.\-（）()]+$")
HEADING_MAX_CHARS = 40
HEADING_MARKS = "●■◆"  # solid marks set before headings in web copy; • and ○ mark list items
TITLE_MAX_CHARS = 80  # titles run longer than section headings (…：兼論臺灣因應策略)
BYLINE_WITHIN = 3  # a byline stands among the first lines after the title


@dataclass
class Block:
    kind: str  # "heading", "byline", "dateline", "bullet", "item", "para", "abstract"
    text: str
    style: str | None = None  # numbering style of a heading ("formal", "md2", "plain", ...)
    author: str | None = None  # the person a byline credits


# A paragraph that ends on a verb of saying (他寫道：, 薛梅在其論文中指出) introduces the next
# one as the speaker's words: a quotation set as a paragraph of its own, as web archives
# leave a <blockquote> once its markup is gone; such a line is no heading. (Both scripts:
# the text is not converted yet.)
_INTRODUCES_QUOTE = re.compile(r"(?:[寫写說说問问答]道|說|说|稱|称|表示|指出|強調|强调|認為|认为|回應|回应|回答|答覆|答复|坦言|直言|聲明|声明)[：:]?\s*$")


def introduces_quote(text: str) -> bool:
    return bool(_INTRODUCES_QUOTE.search(text))


def is_heading_text(text: str) -> bool:
    """Short and no sentence: text that can be a heading (a line set after ● or a Markdown
    heading that holds a whole paragraph is a paragraph otherwise)."""
    return len(text) <= HEADING_MAX_CHARS and "。" not in text and text[-1:] not in "，、；：,;:"


def numbering_style(line: str) -> str | None:
    for name, pattern in NUMBERING:
        if pattern.match(line):
            return name
    return None


def _strip_line(line: str) -> tuple[str, bool]:
    """The line without its bullet glyph, and whether it had one."""
    stripped = line.strip(" \t\u3000\u00a0\ufeff")
    if stripped and (stripped[0] in BULLETS or is_private_use(stripped[0])):
        return stripped[1:].strip(" \t\u3000\u00a0"), True
    return stripped, False


def _page_number(line: str, pdf: bool) -> bool:
    return bool(_PAGE_NUMBER.match(line) or (pdf and _BARE_NUMBER.match(line)))


def drop_page_furniture(text: str, pdf: bool = False) -> tuple[list[str], int]:
    """The lines of a paginated text without page numbers and running headers or footers,
    and how many lines were dropped.

    Pages end at form feeds and at page-number lines. A running line is a short line that
    stands within two lines of a page boundary (or the text's edge) on at least two pages;
    it is dropped only where it stands so, so the same words in the body are kept.
    """
    lines = text.replace("\f", "\n\f\n").split("\n")
    content = [i for i, line in enumerate(lines) if line.strip() and line.strip() != "\f"]
    boundaries = [i for i in range(len(lines))
                  if lines[i].strip() == "\f" or (lines[i].strip() and _page_number(lines[i].strip(), pdf))]
    if not boundaries:
        return [line for line in lines if line != "\f"], 0
    numbered = set(i for i in boundaries if lines[i].strip() != "\f")
    rank = {i: k for k, i in enumerate(content)}
    # a boundary's place among the content lines; -1 and len(content) are the text's edges
    edges = sorted({-1, len(content)} | {bisect_left(content, i) for i in boundaries})

    def near_edge(i: int) -> set[int]:
        return set(edges[bisect_left(edges, rank[i] - RUNNING_WITHIN):bisect_right(edges, rank[i] + RUNNING_WITHIN)])

    key = lambda line: re.sub(r"\d+", "#", re.sub(r"\s", "", line))  # noqa: E731
    seen: dict[str, set[int]] = {}
    for i in content:
        if i not in numbered and len(lines[i].strip()) <= RUNNING_MAX_CHARS:
            seen.setdefault(key(lines[i]), set()).update(near_edge(i) - {-1, len(content)})
    running = {k for k, near in seen.items() if len(near) >= 2}
    kept, dropped = [], 0
    for i, line in enumerate(lines):
        if line == "\f":
            continue
        if i in numbered or (i in rank and key(line) in running and near_edge(i)):
            dropped += 1
            continue
        kept.append(line)
    return kept, dropped


def strip_column_label(line: str) -> str:
    """The first line without a column label: '時　評評析 G20' -> '評析 G20'; '時評' -> ''."""
    line = line.strip(" \t\u3000")
    if re.sub(r"\s", "", line) in COLUMN_LABELS:
        return ""
    spaced = _LETTER_SPACED.match(line)
    if spaced:
        letters = re.sub(r"\s", "", spaced.group(1))
        label = next((l for l in sorted(COLUMN_LABELS, key=len, reverse=True) if letters.startswith(l)), None)
        if label:  # a known label, however spaced: cut after its last character
            cut = [m.end() for m in re.finditer(r"\S", line)][len(label) - 1]
            return line[cut:].lstrip(" \t\u3000")
        # Set with ideographic spaces (時　評) a run is a label; single spaces between
        # characters are extraction noise in the title itself.
        if "\u3000" in spaced.group(1):
            return line[spaced.end():]
    labelled = _LABEL_SEPARATOR.match(line) or _ANGLED_LABEL.match(line)
    if labelled and labelled.group(1) in COLUMN_LABELS:
        return line[labelled.end():]
    for label in COLUMN_LABELS:
        if line.startswith(label) and line[len(label):len(label) + 1] in (" ", "\u3000"):
            return line[len(label) + 1:]
    return line


def wrap_width(lines: list[str]) -> int | None:
    """The width text was hard-wrapped at, or None when it was not wrapped."""
    widths = sorted(display_width(line.strip()) for line in lines if line.strip())
    if len(widths) < 8:
        return None
    width = widths[int(len(widths) * 0.8)]
    near = sum(1 for w in widths if w >= width - 4)
    return width if width >= 20 and near >= 0.4 * len(widths) else None


def _brief(line: str) -> bool:
    """Short and sentence-less: a heading, a line of verse or of a list."""
    return bool(line) and len(line) <= 20 and "。" not in line and not _DATELINE.match(line)


def _announces(line: str) -> bool:
    """Whether the line ends on a colon: what follows is what it announces."""
    return bool(re.search(r"[：:][」』”’）)]*$", line))


# A report's section set as a label on its own line (摘要：, 安全意涵：, 政策建議：): a heading,
# when prose follows it (a few words then a colon over short lines is what it announces)
_LABEL_HEADING = re.compile(r"^[\u4e00-\u9fff]{2,6}[：:]$")


def is_label_heading(line: str) -> bool:
    return bool(_LABEL_HEADING.match(line))


# A paper's abstract opens on its label, on the same line (【摘要】…, 內容提要：…), as does
# an editor's summary of an interview or a talk (【导读】…)
_ABSTRACT_LABEL = re.compile(r"^(?:[【\[〔［]\s*(?:(?:[內内]容)?(?:摘要|提要)|導讀|导读)\s*[】\]〕］]\s*[:：]?|"
                             r"(?:(?:[內内]容)?(?:摘要|提要)|導讀|导读)\s*[:：])\s*")

_OPENER = {"”": "“", "’": "‘", "」": "「", "』": "『", "）": "（", ")": "("}


class _Joiner:
    """Walks the lines once, keeping the block being built open until it ends."""

    def __init__(self, width: int | None):
        self.width = width
        self.blocks: list[Block] = []
        self.open: list[str] = []  # raw lines of the open block
        self.open_kind = "para"
        self.last_line = ""

    def close(self) -> None:
        text = without_agency_dateline(without_doubled_captions(clean_spaces(" ".join(self.open))))
        abstract = _ABSTRACT_LABEL.match(text)
        if abstract and text[abstract.end():]:  # 【摘要】2024年民進黨…: the paper's abstract, its label no text
            self.blocks.append(Block("abstract", text[abstract.end():]))
        elif text and not is_photo_caption(text):
            self.blocks.append(Block(self.open_kind, text))
        self.open = []

    def start(self, kind: str, line: str) -> None:
        self.close()
        self.open_kind = kind
        self.open = [line]

    def is_short(self, line: str, slack: int) -> bool:
        return self.width is None or display_width(line) <= self.width - slack

    def paragraph_breaks_before(self, line: str) -> bool:
        if self.width is None and self.open_kind == "item" and _brief(self.last_line):
            return bool(self.open)  # the line after such a list goes on with the text
        if self.width is None and self.open and _brief(self.last_line) and len(line) > HEADING_MAX_CHARS:
            # unwrapped text: a paragraph's line after a short one (a page's 東網電視 / 更多新聞
            # 短片 over the text) is no continuation of it
            return True
        if not self.open or not ends_paragraph(self.last_line):
            return False
        if self.is_short(self.last_line, 6):
            return True
        # An indented first line is 4 columns short; a one-line paragraph's last line
        # is short for its own reason, so it counts only when just that much short.
        return self.is_short(line, 4) and (not ends_paragraph(line) or not self.is_short(line, 8))

    def lists(self, line: str) -> bool:
        """In text that is not hard-wrapped, short sentence-less lines under a colon are the
        list (or verse) it announces, a line each (受制裁的官員包括： / 特首 林鄭月娥 / …)."""
        return self.width is None and _brief(line) and (
            _announces(self.last_line) or (self.open_kind == "item" and _brief(self.last_line)))

    def _short_line(self, line: str) -> bool:
        limit = self.width // 2 if self.width else 40
        # a closing mark ends a heading only with its opening one on the line (釜山的「外交沉默」;
        # not 大陸在那頭” or 我在這頭」, the end of a quotation), and never after a sentence's
        # end (「我們需要盟友！」 is a quotation); a dash opens an epigraph's attribution
        closes_a_quote = line[-1] in _OPENER and _OPENER[line[-1]] not in line
        return (_brief(line) and display_width(line) <= limit and not closes_a_quote
                and line[-1] not in "，、；：,.;:" and not ends_paragraph(line) and not line.startswith("—"))

    def is_plain_heading(self, line: str, following: str | None) -> bool:
        """A short line standing alone between paragraphs, such as 結論 or 政策建議. Short
        lines after a colon, or one after another, are what the colon announces: verse or
        a list (余光中《鄉愁》：而現在 / 鄉愁是一灣淺淺的海峽 / 我在這頭 …)."""
        if self.open and not ends_paragraph(self.last_line):
            return False
        if following is None or _announces(self.last_line) or introduces_quote(line):
            return False
        # (a byline or date line is no line of a run either)
        after_heading = not self.open and self.blocks and self.blocks[-1].kind in ("heading", "byline", "dateline")
        # (a numbered line after it stands on its own: 政策建議 / 一、強化國防自主)
        in_a_run = (_brief(following) and not numbering_style(following)) or (_brief(self.last_line) and not after_heading)
        return (self._short_line(line) or is_label_heading(line)) and not in_a_run

    def heading(self, line: str, following: str | None, style: str) -> int:
        """Add a heading, joined with its second line when it was broken.

        Returns how many lines it took: 0 when the line starts a numbered paragraph (a list
        item wrapped over several lines, or one that ends a sentence) instead.
        """
        text, taken = line, 1
        # (a title set large breaks where its layout does, not at the text's width: one
        # ending on a word that cannot end it, 中共灰色地帶行動對臺海安全的, goes on)
        # (…and so does one over its subtitle: 美中科技戰的新局 / ——兼論臺灣的因應策略)
        hanging = (style == "title" and following is not None
                   and (bool(_OPEN_ENDING.search(line)) or following.startswith(_SUBTITLE_DASHES))
                   and not DATE_LINE.match(following) and not author_of(following) and not is_credit(following)
                   and len(following) <= TITLE_MAX_CHARS // 2 and not _CLAUSE_MARK.search(following))
        continued = (following is not None and not ends_paragraph(line) and not numbering_style(following)
                     and (hanging or (self.width is not None and display_width(line) >= 0.75 * self.width)))
        if continued:
            # A heading broken over two lines has a short, sentence-less second line; a
            # wrapped list item goes on with a clause (，) or a sentence (。).
            broken = (len(following) <= TITLE_MAX_CHARS // 2 if self.width is None
                      else display_width(following) <= self.width // 2) and "。" not in following
            if not broken or (style != "title" and "，" in line + following):
                return 0
            text, taken = line + " " + following, 2
        text = clean_title_spaces(text) if style == "title" and taken == 1 else clean_spaces(text)
        # (a numbered line ending on a colon, 1、刑事拘留5人，名單如下：, announces the list
        # under it: an item of its own)
        # (a first line ending on a colon is a label over what follows: 臉書卦點說明:, no title)
        if not (is_heading_text(text) or (style == "title" and "。" not in text and len(text) <= TITLE_MAX_CHARS
                                          and text[-1] not in "：:")):
            return 0
        self.close()
        self.blocks.append(Block("heading", text, style))
        return taken


_PEN_NAME = re.compile(r"[\u4e00-\u9fff]{2,10}")
_OPEN_ENDING = re.compile(r"[的之與和及對在從以為向將把被、]$")
_SUBTITLE_DASHES = ("——", "──", "－－", "--")
TITLE_SEARCH_LINES = 25  # a copied page's menus, ads and breadcrumb above its heading
_BREADCRUMB_END = re.compile(r"[>＞›»]\s*$")


def from_repeated_title(lines: list[str]) -> list[str]:
    """A web page copied whole prints its title twice near the top (in the breadcrumb, a
    newsletter's banner, the browser's title line) with menus and ads around it: the text
    starts at the title's last printing alone on a line, the heading, and keeps the first
    date line printed above it. A numbered line is a section heading a contents list
    repeats, no title, and a title printed again after prose (a running header, a closing
    heading) leaves the prose where it is."""
    texts = [(k, " ".join(line.split())) for k, line in enumerate(lines) if line.strip()][:TITLE_SEARCH_LINES]
    for _, text in texts:
        if (not 6 <= len(text) <= TITLE_MAX_CHARS or "。" in text or text[-1] in "，、；：,;:" or DATE_LINE.match(text)
                or numbering_style(text) or text[-1].isdigit() or BRACKETED.match(text)):
            continue
        alone = [j for j, other in texts if other == text]
        crumbs = [j for j, other in texts if other.endswith(text) and _BREADCRUMB_END.search(other[:-len(text)])]
        if len(alone) + len(crumbs) < 2:
            continue
        heading = alone[-1]
        if any("。" in other and not APPEAL.search(other) for j, other in texts if j < heading):
            continue  # prose before it (an advertisement asking readers to subscribe is none)
        dates = [lines[j] for j, other in texts if j < heading and DATE_LINE.match(other)][:1]
        return [lines[heading]] + dates + lines[heading + 1:]
    return lines


# A page copied whole sets its title over its date line, under the site's name, menus and a
# breadcrumb, none of them a sentence; the text starts at that title when three lines or more
# stand above it (a subtitle over the date leaves a single line, the title, above it).
PAGE_TOP_MIN_LINES = 3
_CLAUSE_MARK = re.compile(r"[。，！？；!?;]")


def from_dated_title(lines: list[str]) -> list[str]:
    texts = [(k, " ".join(line.split())) for k, line in enumerate(lines) if line.strip()][:TITLE_SEARCH_LINES]
    dated = next((n for n, (_, text) in enumerate(texts) if DATE_LINE.match(text)), None)
    if not dated or dated - 1 < PAGE_TOP_MIN_LINES:
        return lines
    heading, title = texts[dated - 1]
    if (any(_CLAUSE_MARK.search(text) for _, text in texts[:dated - 1]) or not 6 <= len(title) <= TITLE_MAX_CHARS
            or "。" in title or numbering_style(title) or author_of(title) or is_credit(title)):
        return lines  # (作者：王大同 over the date is the byline under a title, not the title)
    return lines[heading:]


def split_blocks(raw: str, titled: bool = False) -> list[Block]:
    """The blocks of a text in plain-line form. Unless the title is known already
    (`titled`: the file's metadata gave it), the first line is the title (the last
    printing of one a copied page prints twice)."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not titled:
        lines = from_dated_title(from_repeated_title(lines))
    joiner = _Joiner(wrap_width(lines))
    # (lines in the text that are none of it go first, so that none is the line after another)
    stripped = [("", False) if is_text_furniture(text) else (text, bullet) for text, bullet in map(_strip_line, lines)]
    for k, (text, _) in enumerate(stripped):  # a copied page's skip links and menus stand above all
        if text and not is_page_furniture(text):
            break
        stripped[k] = ("", False)
    # The title comes first, after any column label (which may stand on its own line).
    first = None if titled else next((k for k, (text, _) in enumerate(stripped) if strip_column_label(text)), None)
    for k in range(first or 0):
        stripped[k] = ("", False)
    if first is not None:
        stripped[first] = (strip_column_label(stripped[first][0]), False)
    skip = seen = 0
    for i, (line, bullet) in enumerate(stripped):
        if skip:
            skip -= 1
            continue
        if not line:
            if joiner.width is None:  # unwrapped text: a blank line ends the paragraph
                joiner.close()
            continue
        if joiner.width is None and _SECTION_NUMBER.match(line):
            joiner.close()
            continue
        if seen < BYLINE_WITHIN and not joiner.open and is_photo_caption(without_doubled_captions(line)):
            continue  # a photo under the title (▲川普。（圖／路透）): its caption takes no byline's place
        following = next((text for text, _ in stripped[i + 1:] if text), None)
        seen += 1
        heading_lines = (seen <= BYLINE_WITHIN and not joiner.open
                         and not any(b.kind in ("para", "bullet", "abstract") for b in joiner.blocks))
        if heading_lines and i != first and is_site_label(line):
            seen -= 1
            continue  # [中評智庫], 字號: under the title: the site's label, a widget's, no heading
        after_byline = bool(joiner.blocks) and joiner.blocks[-1].kind == "byline" and not joiner.open
        if (heading_lines or after_byline) and DATE_LINE.match(line):  # 2026/01/13 20:00 under the title: its date
            joiner.close()
            joiner.blocks.append(Block("dateline", line))
            seen -= 1  # the lines of a byline block do not use up the lines a byline may take
            continue
        opening = OPENING_CREDIT.match(line) if heading_lines else None
        if opening and is_credit(opening.group(1)):  # 〔記者涂鉅旻／台北報導〕中國解放軍…: the report's byline
            joiner.close()
            joiner.blocks.append(Block("byline", opening.group(1), author=author_of(opening.group(1))))
            line = line[opening.end():]
        author = author_of(" ".join(line.split())) if seen <= BYLINE_WITHIN else None
        # a name alone on its line: set with a bullet (◎ 廖明輝), or over the date line (also
        # under a standfirst: 楊嘯銘(退役軍人) / 2025/01/20 10:00)
        dated = bool(following and DATE_LINE.match(following)) and seen <= BYLINE_WITHIN + 2 and not joiner.open
        # …or over a site's author card repeating it (王文 / 王文作者 / post)
        carded = bool(following) and following in (f"{line}作者", "作者") and heading_lines
        # …or over the post a paper gives its author (林小明 / 國立政治大學國際關係研究中心研究員)
        posted = heading_lines and bool(following) and is_post_line(following)
        # (◎ sets a Taiwanese paper's byline, and so a pen name: ◎守護自由的老鷹)
        pen_name = heading_lines and lines[i].lstrip(" \t\u3000")[:1] == "◎" and bool(_PEN_NAME.fullmatch(line))
        author = (author or (bulleted_name(line) if (bullet and heading_lines) or dated or carded or posted else None)
                  or (marked_name(line) if heading_lines else None) or (line if pen_name else None))
        if heading_lines and joiner.blocks and joiner.blocks[-1].kind == "byline" and not joiner.open and (
                line in (f"{joiner.blocks[-1].author}作者", "作者") or is_post_line(line)):
            seen -= 1
            continue  # the card's label under the name, or the writer's post: part of the byline
        # a line with no Chinese under the title: the author's name and post in a Western
        # language (Dr. Hangkun Strian, eine Sinologin in Deutschland) or the title's
        # translation; no prose of the essay
        western = heading_lines and i != first and not HAN.search(line) and len(line) <= BYLINE_MAX_CHARS
        if author or western or (heading_lines and i != first and is_credit(line)):
            joiner.close()  # a byline is a line of its own, even when nothing sets it apart
            title = byline_title(" ".join(line.split())) if i == first else None
            if title:  # 作者：清和 智本社社長 最近兩年，中美關係為何急轉直下？
                joiner.blocks.append(Block("heading", title, "title"))
            joiner.blocks.append(Block("byline", clean_spaces(line), author=author))
            joiner.last_line = line
            seen -= 1
            continue
        md = _MD_HEADING.match(line)
        if md:
            joiner.close()
            level = len(md.group(1))
            text = (clean_title_spaces if level == 1 else clean_spaces)(line[md.end():]).lstrip(BULLETS + " ")
            joiner.blocks.append(Block("heading", text, f"md{level}"))
            continue
        style = "title" if i == first else numbering_style(line)
        if style and not bullet:
            taken = joiner.heading(line, following, style)
            if taken:
                # the broken heading's second line is the next non-blank one
                skip = next(k for k, (text, _) in enumerate(stripped[i + 1:], 1) if text) if taken == 2 else 0
                joiner.last_line = line
                continue
            joiner.start("para" if style == "title" else "item", line)
        elif bullet and lines[i].lstrip(" \t\u3000")[:1] in HEADING_MARKS and is_heading_text(line):
            joiner.heading(line, None, "marker")  # ●CPTPP對台灣的重要性: a heading set with a mark
        elif bullet:
            joiner.start("bullet", line)
        elif joiner.is_plain_heading(line, following):
            joiner.heading(line.rstrip("：:"), None, "plain")
        elif joiner.lists(line):
            joiner.start("item", line)
        elif joiner.paragraph_breaks_before(line):
            joiner.start("para", line)
        elif joiner.open:
            joiner.open.append(line)
        else:
            joiner.start("para", line)
        joiner.last_line = line
    joiner.close()
    return _without_related(joiner.blocks)


def _without_related(blocks: list[Block]) -> list[Block]:
    """The blocks without a 延伸閱讀： label and the other pieces' headlines under it (lines
    with no sentence), as the structured readers drop them."""
    kept, related = [], False
    for block in blocks:
        related = bool(RELATED.match(block.text)) or (related and "。" not in block.text and block.kind != "byline")
        if not related:
            kept.append(block)
    return kept
