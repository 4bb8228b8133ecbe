"""Character classes of Chinese text, and the whitespace clean-up built on them."""
from __future__ import annotations

import re
import unicodedata

# Han, CJK symbols and punctuation, kana, bopomofo, CJK compatibility and full-width forms.
CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff"
)
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
SENTENCE_END = "。！？；!?"
PARAGRAPH_END = "。！？!?"
CLOSERS = "」』）》〉】〕”’)"
OPENERS = "「『（《〈【〔“‘("
TITLE_CLOSERS = "》〉"  # close the name of a work, which may itself end on ？ or ！
# ‧ is the bullet of Big5 (A145, where Unicode text has •), so a Big5 list decodes to it.
BULLETS = "•‧●○■□◆◇▪▫►▶➢➤✓✔★☆◎※"

_SPACE = r"[ \t\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+"
# Whitespace is dropped next to any CJK character, and between a digit and what follows
# or precedes it unless that is a Latin letter ("G20 峰會" -> "G20峰會", "Article 5" kept).
_CJK_GAP = re.compile(rf"(?<=[{CJK}]){_SPACE}|{_SPACE}(?=[{CJK}])")
_DIGIT_GAP = re.compile(rf"(?<=\d){_SPACE}(?=[^\sA-Za-z])|(?<=[^\sA-Za-z]){_SPACE}(?=\d)")
_RUN = re.compile(_SPACE)


def clean_spaces(text: str) -> str:
    """Drop the stray whitespace PDF extraction leaves in Chinese text."""
    text = _CJK_GAP.sub("", text)
    text = _DIGIT_GAP.sub("", text)
    return _RUN.sub(" ", text).strip()


# Text copied from a page that prints each character's reading after it (臺(tái)灣, 民(ㄇㄧㄣˊ)):
# a few toned syllables in brackets right after Han mean the whole text is annotated, so
# its toneless ones (們(men)) go too; a lone letter, as in 第五條(a)款, stays.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_ZHUYIN = "\u3105-\u312f\u02ca\u02c7\u02cb\u02d9"
_READING = re.compile(rf"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[(（](?:[a-zü{_TONED}]{{2,6}}|[{_TONED}]|[{_ZHUYIN}]{{1,4}})[)）]")
_MARKED = re.compile(rf"[{_TONED}{_ZHUYIN}]")
MIN_READINGS = 5


def drop_readings(text: str) -> str:
    """The text without the readings a phonetic page printed after each character."""
    if sum(1 for m in _READING.finditer(text) if _MARKED.search(m.group())) < MIN_READINGS:
        return text
    return _READING.sub("", text)


# An editor's or translator's gloss set inside the author's sentence ((编者注：英文成语，意思是
# "危险将至"), （譯註：…）): the site's words, not the essay's
# (EDITOR_NOTE: the labels an editor's note opens on, wherever it stands)
EDITOR_NOTE = r"(?:編者按|编者按|編者注|编者注|編者註|編註|编注|編按|编按)"
_GLOSS = re.compile(rf"[（(]\s*(?:{EDITOR_NOTE}|譯註|译注|譯者注|译者注|譯按|译按)\s*[:：][^（()）\n]*[）)]")


def drop_glosses(text: str) -> str:
    """The text without the editor's and translator's glosses inside its sentences."""
    return _GLOSS.sub("", text)


# The halfwidth corner brackets ｢｣ (a Hong Kong keyboard's, corpus 02: …傳統思維｣) are the
# brackets 「」 set too narrow; the brief sets them full width as the rest of the text.
_HALFWIDTH_BRACKETS = str.maketrans({"｢": "「", "｣": "」"})


def full_width_brackets(text: str) -> str:
    return text.translate(_HALFWIDTH_BRACKETS)


# Emoji (a social-media post's 💪, 👍, its flags 🇹🇼) decorate, say nothing the brief can
# print (no face of a print shop's has them), and leave no gap where they stood; the
# dingbats a text may bullet its lines with (★, ✔) are not among them.
_EMOJI = re.compile("[\U0001F000-\U0001FAFF]+[\uFE0F\u200D]*|[\uFE0F\u200D]")


def drop_emoji(text: str) -> str:
    return _EMOJI.sub("", text)


# A headline separates its phrases by a space (大國博弈動態調整 台灣須務實應對): between two
# runs of Han it is the separator; PDF letter-spacing (兩 岸 關 係) leaves single characters.
_PHRASE_GAP = re.compile(r"(?:(?<=[\u4e00-\u9fff]{2})|(?<=[」』》）”]))[ \u3000]+(?=[\u4e00-\u9fff]{2}|[「『《（“])")


def clean_title_spaces(text: str) -> str:
    """clean_spaces for a title on one line: the spaces separating its phrases are kept, as
    the ideographic space a Chinese headline sets between them."""
    parts = _PHRASE_GAP.sub("\u3000", text).split("\u3000")
    return "\u3000".join(clean_spaces(part) for part in parts if part.strip())


def is_private_use(ch: str) -> bool:
    return unicodedata.category(ch) == "Co"


def display_width(text: str) -> int:
    """Width in columns: wide and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def ends_paragraph(line: str) -> bool:
    """Whether a line ends like a paragraph: 。！？ optionally followed by closing quotes."""
    return line.rstrip(CLOSERS)[-1:] in tuple(PARAGRAPH_END) if line else False
