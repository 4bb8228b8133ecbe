"""What is not the essay's prose, recognised by general signals rather than one site's phrases.

Structured readers (Markdown, web pages) turn a file into Chunks: headings, paragraphs,
list items and rules, with the share of each paragraph's text that sat inside links.
`strip_furniture` then drops what a reader of the essay would skip:

- link-dense paragraphs (navigation, "related articles", subscription links), and a
  page's skip links (跳至主要內容, Skip to content) whose links were lost in copying;
- paragraphs with no prose left once URLs and markup debris are gone (reference lists);
- a metadata card: a run of `label：value` lines near the top (标题：… 作者：… 发表日期：…),
  whose title, author and date are kept as metadata;
- editor's notes (編者按：…) and author bios (作者為…), by the conventions that mark them;
- an appendix (附：…, 附錄) and everything after it: another text appended to the essay;
- "related reading" lists, and a recommended medium under its label (本週推薦媒體：);
- an image's caption: a short line with no sentence standing right under an image;
- the tail after a rule (---) when that tail is a small part of the text: site footers,
  subscription appeals, column blurbs; and an appeal for submissions or subscriptions
  ending the text without a rule above it.

Lines repeated across the essays of one folder are dropped later, in ingest, where all
the essays of a run are seen together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.ingest.blocks import is_heading_text
from pipeline.ingest.furniture import APPEAL, RELATED, is_page_furniture
from pipeline.ingest.chars import EDITOR_NOTE, HAN, PARAGRAPH_END
from pipeline.ingest.dates import DATE_LINE
from pipeline.ingest.source import Source

LINK_DENSE = 0.5  # a paragraph that is mostly link text is navigation, not prose
TAIL_SHARE = 0.2  # after a rule, at most this share of the text is furniture, not a section
CARD_WITHIN = 12  # a metadata card stands among the first chunks
CARD_LABEL_CHARS = 8
CARD_CAPTION_CHARS = 12
CAPTION_MAX_CHARS = 60  # a short line, no sentence, right under an image is its caption

# A URL runs to whitespace or Chinese punctuation: archives keep Chinese in their paths.
_URL = re.compile(r"(?:https?://|www\.)[^\s，。、；：！？「」『』（）<>\"'\]]+|\b[a-z0-9.-]+\.(?:com|net|org|tw|hk|cn)(?:/[!-~]*)?", re.I)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s+[a-zA-Z-]+(?:=(?:\"[^\"\s]*\"?|'[^'\s]*'?|[^\s>]*))?)*\s*/?>?")
_CITATION = re.compile(r"\[\d{1,3}(?:\s*[,，、\-–]\s*\d{1,3})*\]")
_ESCAPED_SPACE = re.compile(r"\\xa0|\\u3000|&nbsp;")
_EMPHASIS = re.compile(r"\*{2,3}|_{2,3}")
# a label may hold digits (CDT's 404 日期：), not only them
_FIELD = re.compile(rf"^((?=[^:：]*[\u4e00-\u9fffA-Za-z])[\u4e00-\u9fffA-Za-z0-9 ]{{1,{CARD_LABEL_CHARS}}})\s*[:：]\s*(.*)$")
_EDITORS_NOTE = re.compile(rf"^[【\[(（]?.{{0,8}}?{EDITOR_NOTE}\s*[:：]")
_BIO = re.compile(r"^[（(]?(?:作者|筆者|笔者)(?:為|为|是|係|系|現為|现为)")
_APPENDIX = re.compile(r"^(?:附\s*[:：]|附錄|附录)")
# 本週推薦媒體：over one recommended channel or account (its blurb a sentence of its own):
# the site's advertisement of another medium, set between its card and the text
_RECOMMENDS = re.compile(r"^[^。，：:]{0,12}(?:推薦|推荐)(?:媒體|媒体|頻道|频道|帳號|账号|網站|网站|節目|节目|書籍|书籍)\s*[:：]$")
# the end of a sentence a hard break sent to a paragraph of its own (…那就大错特错  / 了。)
_SENTENCE_TAIL = re.compile(r"^[\u4e00-\u9fff]{1,2}[。！？!?][」』”’）)]?$")
APPEAL_MAX_CHARS = 200
_WORD = re.compile(r"[A-Za-z]{2,}")

TITLE_FIELDS = {"標題", "标题", "題目", "题目", "title"}
AUTHOR_FIELDS = {"作者", "撰文", "撰稿", "author"}
DATE_FIELDS = {"日期", "發表日期", "发表日期", "發布日期", "发布日期", "發佈日期", "发布时间", "發布時間", "出版日期", "date"}


@dataclass
class Chunk:
    kind: str  # "heading", "para", "item", "rule", "image" (an image alone in its paragraph)
    text: str
    level: int = 0  # of a heading
    links: float = 0.0  # share of the text inside links
    bold: bool = False  # the whole paragraph set in bold


def unescape_spaces(text: str) -> str:
    """Text with the spaces an archive wrote as escapes (\\xa0, &nbsp;) as spaces."""
    return _ESCAPED_SPACE.sub(" ", text)


def clean_inline(text: str) -> str:
    """Text without URLs, tag debris, citation markers or escaped spaces left by archives."""
    text = unescape_spaces(text)
    text = _TAG.sub("", text)
    text = _URL.sub("", text)
    text = _CITATION.sub("", text)
    text = _EMPHASIS.sub("", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def has_prose(text: str) -> bool:
    return len(HAN.findall(text)) >= 2 or len(_WORD.findall(text)) >= 3


def _field(chunk: Chunk) -> tuple[str, str] | None:
    if chunk.kind != "para" or len(chunk.text) > 120:
        return None
    found = _FIELD.match(chunk.text)
    return (found.group(1).strip().lower(), found.group(2).strip()) if found else None


def _known_field(chunk: Chunk) -> bool:
    field = _field(chunk)
    return bool(field) and field[0] in TITLE_FIELDS | AUTHOR_FIELDS | DATE_FIELDS


def _card(chunks: list[Chunk], fields: dict[str, str]) -> list[Chunk]:
    """Chunks without a metadata card (a run of two or more label：value lines, one of
    them a title, author or date field); the card's fields go to `fields`."""
    known = TITLE_FIELDS | AUTHOR_FIELDS | DATE_FIELDS
    for start in range(min(CARD_WITHIN, len(chunks))):
        end = start
        authors = set()
        while end < len(chunks) and (field := _field(chunks[end])):
            if field[0] in authors:  # 夺了鸟位：王志安…: the author answering, under the card
                chunks = chunks[:end] + [replace(chunks[end], text=field[1])] + chunks[end + 1:]
                break
            if field[0] in AUTHOR_FIELDS:
                authors.add(field[1].lower())
            end += 1
        pairs = [_field(c) for c in chunks[start:end]]
        if end - start >= 2 and any(label in known for label, _ in pairs):
            for label, value in pairs:
                for name, labels in (("title", TITLE_FIELDS), ("author", AUTHOR_FIELDS), ("date", DATE_FIELDS)):
                    if label in labels and value:
                        fields.setdefault(name, value)
            # A card's own caption (檔案卡, 文章資訊) is a short line with no sentence and no
            # field of its own, right above the first field.
            caption = chunks[start - 1] if start else None
            if caption and len(caption.text) <= CARD_CAPTION_CHARS and not re.search(r"[。：:，]", caption.text):
                start -= 1
            return chunks[:start] + chunks[end:]
    return chunks


def _tail_after_rule(chunks: list[Chunk]) -> list[Chunk]:
    """Chunks up to the first rule after which only a small share of the text remains."""
    sizes = [len(HAN.findall(c.text)) for c in chunks]
    total = max(1, sum(sizes))
    for i, chunk in enumerate(chunks):
        if chunk.kind == "rule" and sum(sizes[i:]) <= TAIL_SHARE * total and sum(sizes[:i]) > 0:
            return chunks[:i]
    return chunks


def _above_text(kept: list[Chunk]) -> bool:
    """Whether no paragraph of the text has been kept yet, but perhaps a title set as one
    (a page copied without its heading markup: a short line, no sentence)."""
    paragraphs = [c for c in kept if c.kind == "para"]
    return not paragraphs or (paragraphs == kept[:1] and is_heading_text(kept[0].text))


def _navigation_headings(chunks: list[Chunk]) -> list[Chunk]:
    """Chunks less the headings above the text that are one link each when a heading
    that is none follows them there: a site's way back (### [返回首頁](…)) over the
    page's own title. (A title alone above the text may be a link to itself.)"""
    first_para = next((i for i, c in enumerate(chunks) if c.kind == "para"), len(chunks))
    plain = [i for i in range(first_para) if chunks[i].kind == "heading" and chunks[i].links < LINK_DENSE]
    return [c for i, c in enumerate(chunks)
            if not (c.kind == "heading" and c.links >= LINK_DENSE and plain and i < plain[-1])]


def strip_furniture(chunks: list[Chunk]) -> tuple[list[Chunk], dict[str, str]]:
    """The essay's own chunks (rules removed), and metadata fields found in a card or in
    a date line above the text ("dated")."""
    fields: dict[str, str] = {}
    chunks = _navigation_headings(_tail_after_rule(chunks))
    kept = []
    after_image = related = recommended = False
    for chunk in chunks:
        caption = after_image and len(chunk.text) <= CAPTION_MAX_CHARS and "。" not in chunk.text
        after_image = chunk.kind == "image"
        if chunk.kind in ("rule", "image"):
            continue
        chunk.text = clean_inline(chunk.text)
        if _APPENDIX.match(chunk.text):
            break  # even where it stands under an image, like a caption
        related = bool(RELATED.match(chunk.text)) or (related and chunk.kind != "heading" and "。" not in chunk.text)
        if related or recommended:
            recommended = False
            continue
        if _RECOMMENDS.match(chunk.text):
            recommended = True
            continue
        # (a card's author may be a link: 作者： [夺了鸟位](…))
        linked = chunk.kind != "heading" and chunk.links >= LINK_DENSE and not _known_field(chunk)
        if caption or linked or (not kept and is_page_furniture(chunk.text)):
            continue
        if DATE_LINE.match(chunk.text) and _above_text(kept):
            fields.setdefault("dated", chunk.text)  # a date line above the text is its date
            continue
        if (_SENTENCE_TAIL.match(chunk.text) and kept and kept[-1].kind == "para"
                and not kept[-1].text.endswith(tuple(PARAGRAPH_END))):
            kept[-1] = replace(kept[-1], text=kept[-1].text + chunk.text)  # 那就大错特错 / 了。: a break mid-sentence
            continue
        if not has_prose(chunk.text) or _EDITORS_NOTE.match(chunk.text) or _BIO.match(chunk.text):
            continue
        kept.append(chunk)
    while kept and len(kept[-1].text) <= APPEAL_MAX_CHARS and APPEAL.search(kept[-1].text):
        kept.pop()
    return _card(kept, fields), fields


def plain_lines(chunks: list[Chunk]) -> str:
    """Chunks in plain-line form. A Markdown heading that is long or holds a sentence is
    a paragraph set as a heading (`#### ` before a whole paragraph), and a short paragraph
    set wholly in bold is a heading."""
    lines = []
    for chunk in chunks:
        text = chunk.text
        short = is_heading_text(text)
        if chunk.kind == "heading" and short:
            lines.append("#" * max(1, chunk.level) + " " + text)
        elif chunk.kind == "para" and chunk.bold and short:
            lines.append("#### " + text)
        elif chunk.kind == "item":
            lines.append("• " + text)
        else:
            lines.append(text)
        lines.append("")
    return "\n".join(lines)


def title_heading(chunks: list[Chunk], title: str | None) -> tuple[list[Chunk], str | None]:
    """The title, and the chunks without the heading that states it (an H1 repeating
    the front matter's title, or the first heading when nothing else gives one), or a
    paragraph that only repeats it (a page kept as HTML sets it in a <div>)."""
    squash = lambda s: re.sub(r"\s", "", s)  # noqa: E731
    for i, chunk in enumerate(chunks[:3]):
        if chunk.kind == "para" and title and squash(chunk.text) == squash(title):
            return chunks[:i] + chunks[i + 1:], title
        if chunk.kind != "heading":
            continue
        if title is None and (i == 0 or chunk.level == 1):
            return chunks[:i] + chunks[i + 1:], chunk.text
        if squash(title) in squash(chunk.text) or squash(chunk.text) in squash(title):
            return chunks[:i] + chunks[i + 1:], title
    return chunks, title


def assemble(chunks: list[Chunk], meta: dict[str, str | None]) -> Source:
    """A structured reader's Source: furniture stripped; the title settled (the metadata's,
    a card's, else the first heading) and the heading that states it dropped; a date line
    taken as the date when the metadata has none."""
    chunks, fields = strip_furniture(chunks)
    chunks, title = title_heading(chunks, meta.get("title") or fields.get("title"))
    author = meta.get("author") or fields.get("author")
    # the author's name alone on a line near the top is the byline, not a paragraph
    chunks = [c for k, c in enumerate(chunks) if not (k < CARD_WITHIN and author and c.text.strip() == author.strip())]
    return Source(plain_lines(chunks), title=title, author=author,
                  date=meta.get("date") or fields.get("date") or fields.get("dated"), url=meta.get("url"),
                  language=meta.get("language"))
