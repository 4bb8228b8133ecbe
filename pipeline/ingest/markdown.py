"""Markdown essays, parsed as CommonMark (markdown-it-py) with YAML or TOML front matter.

What a reader sees is kept: headings, paragraphs, list items, block quotes, the words of
links, and the paragraphs of a body kept as raw HTML (htmlblocks.py). What is markup is
not text: images, figures and their captions, code, tables, link targets. Archives that
saved a feed entry wrap the body in a serialized list (`[{'type': 'text/html', … 'value':
'…'}]`): the wrapper is taken off first.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from pipeline.ingest.boilerplate import Chunk, assemble
from pipeline.ingest.breaks import split_lost_breaks
from pipeline.ingest.byline import is_credit
from pipeline.ingest.dates import DATE_LINE
from pipeline.ingest.encoding import decode
from pipeline.ingest.htmlblocks import html_chunks
from pipeline.ingest.source import Source

_WRAPPER_OPEN = re.compile(r"^\[\{'type':\s*'[^']*'.*?'value':\s*'", re.M)
_WRAPPER_CLOSE = re.compile(r"'\}\]\s*$")
_TOML_FRONT = re.compile(r"\A\+\+\+\n(.*?)\n\+\+\+\n", re.S)
LOST_HEADING_LEVEL = 2  # a sub-heading recovered from a flattened page: the essay's own sections


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").use(front_matter_plugin).enable("table")


def unwrap(text: str) -> str:
    """The text without a serialized-list wrapper around its body."""
    opened = _WRAPPER_OPEN.search(text)
    if not opened:
        return text
    body = text[opened.end():]
    closed = _WRAPPER_CLOSE.search(body)
    if closed:
        body = body[:closed.start()]
    return text[:opened.start()] + "\n\n" + body.replace("\\'", "'") + "\n"


def front_matter(content: str) -> dict:
    import yaml

    try:
        data = yaml.safe_load(content)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _inline_chunks(token, kind: str, level: int = 0) -> list[Chunk]:
    """One inline token as chunks: a hard break starts a new one (a byline line and the
    bio under it are two things), as does an image opening a line (本文作者：… / ![](…) /
    the text: a byline over a photo). Text on an image's line after it is the image's caption
    (CDT copies glue it there: ![img](…)文章封面截圖 and the paragraph on the next line)."""
    chunks: list[Chunk] = []
    parts: list[str] = []
    # a date alone on a line, or a byline opening the paragraph, makes it a block of lines
    # (name, affiliation, date under a title; 作者：… over the byline's translation), not prose
    # broken in the middle: each line stays apart
    lines = token.content.split("\n")
    apart = kind == "para" and len(lines) > 1 and (is_credit(lines[0].strip())
                                                   or any(DATE_LINE.match(line.strip()) for line in lines))
    link_chars = link_depth = bold_depth = 0
    outside_bold = captioned = caption = bare = False  # bare: the image on this line has no caption on it
    line_start = 0  # where in parts the current line begins
    images = [child for child in token.children or [] if child.type == "image"]

    def flush(as_kind: str = kind, as_level: int = level):
        nonlocal link_chars, outside_bold, line_start
        text = "".join(parts).strip()
        if text:
            chunks.append(Chunk(as_kind, text, as_level, link_chars / max(1, len(text)), not outside_bold))
        parts.clear()
        link_chars, outside_bold, line_start = 0, False, 0

    for child in token.children or []:
        kind_ = child.type
        if kind_ == "image" and not "".join(parts[line_start:]).strip():
            caption = bare = True
            flush()  # an image on a line of its own is a block: the lines above it are another
        elif kind_ in ("softbreak", "hardbreak"):
            if caption and bare:  # …and its mark: a short line under it is its caption
                chunks.append(Chunk("image", ""))
            caption = False
            if kind_ == "hardbreak" or apart:
                flush()
            else:
                parts.append(" ")
            line_start = len(parts)
        elif caption:
            text_here = bool(child.type == "text" and child.content.strip())
            captioned, bare = captioned or text_here, bare and not text_here
        elif kind_ == "link_open":
            link_depth += 1
        elif kind_ == "link_close":
            link_depth -= 1
        elif kind_ == "strong_open":
            bold_depth += 1
        elif kind_ == "strong_close":
            bold_depth -= 1
        elif kind_ == "text" and kind == "para" and not link_depth and len(pieces := split_lost_breaks(child.content)) > 1:
            # paragraphs (and sub-headings) an archive flattened into one line
            for i, (piece_kind, piece) in enumerate(pieces):
                if i:
                    flush()
                parts.append(piece)
                outside_bold = outside_bold or not bold_depth
                if piece_kind == "heading":
                    flush("heading", LOST_HEADING_LEVEL)
        elif kind_ in ("text", "code_inline"):
            parts.append(child.content)
            if link_depth:
                link_chars += len(child.content.strip())
            if not bold_depth and child.content.strip():
                outside_bold = True
        # image (mid-line), html_inline: markup, not text
    flush()
    if images and not chunks and not captioned:
        chunks.append(Chunk("image", ""))  # kept as a mark: the short line after it is its caption
    return chunks


def chunks_of(tokens) -> tuple[list[Chunk], dict]:
    chunks: list[Chunk] = []
    meta: dict = {}
    in_item = skip = 0
    heading_level = None
    for token in tokens:
        kind = token.type
        if kind == "front_matter":
            meta = front_matter(token.content)
        elif kind in ("table_open", "table_close"):
            skip += 1 if kind == "table_open" else -1
        elif kind in ("list_item_open", "list_item_close"):
            in_item += 1 if kind == "list_item_open" else -1
        elif kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "heading_close":
            heading_level = None
        elif kind == "hr":
            chunks.append(Chunk("rule", ""))
        elif kind == "inline" and not skip:
            if heading_level:
                chunks += _inline_chunks(token, "heading", heading_level)
            else:
                chunks += _inline_chunks(token, "item" if in_item else "para")
        elif kind == "html_block" and not skip:
            chunks += html_chunks(token.content)  # its paragraphs; figures and images are not prose
        # fence, code_block: not prose
    return chunks, meta


def read_markdown(data: bytes, path: Path) -> Source:
    text = unwrap(decode(data, path).replace("\r\n", "\n").lstrip("\ufeff"))
    meta: dict = {}
    toml = _TOML_FRONT.match(text)
    if toml:
        try:
            meta = tomllib.loads(toml.group(1))
        except tomllib.TOMLDecodeError:
            meta = {}
        text = text[toml.end():]
    chunks, yaml_meta = chunks_of(_parser().parse(text))
    meta = {**yaml_meta, **meta}
    return assemble(chunks, {
        "title": _text(meta.get("title")),
        "author": _text(meta.get("author")),
        "date": _text(meta.get("date")),
        "url": _text(meta.get("original_url") or meta.get("url")),
        "language": _text(meta.get("lang") or meta.get("language")),
    })


def _text(value) -> str | None:
    """A front-matter value as text: the first of a list, dates in ISO form."""
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip() or None
