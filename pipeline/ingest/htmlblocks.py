"""Raw HTML inside a Markdown file: the blocks a reader sees, as chunks.

Archives that save a feed entry or a Q&A answer as Markdown often keep its body as HTML
(`<div>…<p>…</p><blockquote>…</blockquote></div>`), which CommonMark passes through
untouched. Its paragraphs, quotations, headings and list items are the essay; figures,
images, scripts, styles and tables are not. Text standing loose between blocks (`回答<br><br>`)
is a paragraph of its own, a `<br>` ending it.
"""
from __future__ import annotations

import re

from pipeline.ingest.boilerplate import Chunk

_BLOCKS = {"p", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}
_CONTAINERS = {"div", "section", "article", "header", "footer", "aside", "main", "dd", "dt"}  # text in each stands apart
# ruby annotations: the reading printed over each character (民<rt>mín</rt>) is no text
RUBY_ANNOTATIONS = "//rt|//rp"
_NOT_PROSE = ("//script|//style|//figure|//figcaption|//img|//iframe|//video|//audio|//noscript|//table|//svg"
              "|//nav|//form|//button|" + RUBY_ANNOTATIONS)
_SPACE = re.compile(r"\s+")


def _text(element) -> str:
    return _SPACE.sub(" ", element.text_content()).strip()


def _chunk(element) -> Chunk | None:
    text = _text(element)
    if not text:
        return None
    if element.tag[0] == "h" and element.tag[1:].isdigit():
        return Chunk("heading", text, int(element.tag[1]))
    links = sum(len(_text(a)) for a in element.iter("a"))
    bold = "".join(_text(b) for b in element.iter("b", "strong"))
    return Chunk("item" if element.tag == "li" else "para", text, links=links / len(text), bold=bold == text)


def html_chunks(html: str) -> list[Chunk]:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    for element in root.xpath(_NOT_PROSE):
        element.drop_tree()
    chunks: list[Chunk] = []
    loose: list[str] = []

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(loose)).strip()
        if text:
            chunks.append(Chunk("para", text))
        loose.clear()

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""  # comments and entities have none
        has_blocks = any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in element.iterdescendants())
        if tag in _BLOCKS and not has_blocks:
            flush()
            if chunk := _chunk(element):
                chunks.append(chunk)
        elif tag == "br":
            flush()
        elif tag:
            if tag in _CONTAINERS:
                flush()
            loose.append(element.text or "")
            for child in element:
                walk(child)
                loose.append(child.tail or "")
            if tag in _BLOCKS or tag in _CONTAINERS:
                flush()

    walk(root)
    flush()
    return chunks
