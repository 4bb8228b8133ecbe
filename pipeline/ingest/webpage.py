"""Web pages (.html, .htm, .xhtml): the main content by trafilatura, metadata from the
page's own tags (Open Graph, article meta, <title>, <h1>, <time>).

trafilatura drops navigation, footers, comments and scripts by link density and page
position; its XML output keeps the structure (headings, paragraphs, bold, lists, quotes)
that the essay model needs. Its own title guess prefers the site name on some archives,
so the title is read here: the article's Open Graph title, its <h1>, then <title>
without a trailing ` | site` part.
"""
from __future__ import annotations

import re
from pathlib import Path

from pipeline.errors import BriefError
from pipeline.ingest.boilerplate import Chunk, assemble
from pipeline.ingest.encoding import decode
from pipeline.ingest.htmlblocks import RUBY_ANNOTATIONS
from pipeline.ingest.source import Source, optional

_SITE_SUFFIX = re.compile(r"\s+[|｜–—-]\s+[^|｜–—-]{1,30}$")


def _meta(tree, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f"//meta[@{attr}=$n]/@content", n=name)
            if found and found[0].strip():
                return found[0].strip()
    return None


def _first(tree, xpath: str) -> str | None:
    found = tree.xpath(xpath)
    if not found:
        return None
    text = found[0] if isinstance(found[0], str) else found[0].text_content()
    return re.sub(r"\s+", " ", text).strip() or None


def page_metadata(tree) -> dict[str, str | None]:
    title = _meta(tree, "og:title", "twitter:title") or _first(tree, "//h1")
    if not title:
        page_title = _first(tree, "//title")
        title = _SITE_SUFFIX.sub("", page_title) if page_title else None
    return {
        "title": title,
        "author": _meta(tree, "author", "article:author", "dc.creator", "DC.creator"),
        "date": _meta(tree, "article:published_time", "datePublished", "dc.date", "DC.date", "date")
        or _first(tree, "//time/@datetime") or _first(tree, "//time"),
        "url": _meta(tree, "og:url") or _first(tree, "//link[@rel='canonical']/@href"),
        "language": _first(tree, "/html/@lang"),
    }


def _chunks(xml: str) -> list[Chunk]:
    """trafilatura's XML (head, p, hi, item, quote) as chunks."""
    from lxml import etree

    chunks = []
    for element in etree.fromstring(xml.encode("utf-8")).iter("head", "p", "item"):
        text = re.sub(r"\s+", " ", "".join(element.itertext())).strip()
        if not text:
            continue
        if element.tag == "head":
            level = int((element.get("rend") or "h2").lstrip("h") or 2)
            chunks.append(Chunk("heading", text, level))
        else:
            bold = "".join(t for hi in element.iter("hi") if "#b" in (hi.get("rend") or "") for t in hi.itertext())
            links = "".join(t for ref in element.iter("ref") for t in ref.itertext())
            chunks.append(Chunk("item" if element.tag == "item" else "para", text,
                                links=len(links) / len(text), bold=bold.strip() == text))
    return chunks


def read_webpage(data: bytes, path: Path) -> Source:
    trafilatura = optional("trafilatura", "trafilatura", path)
    from lxml import html as lxml_html

    text = decode(data, path)
    try:
        tree = lxml_html.fromstring(text)
    except Exception as exc:  # lxml raises ParserError or ValueError on an empty or odd page
        raise BriefError(f"not a readable web page ({exc.__class__.__name__})", path)
    # ruby annotations are no text, and left in they glued the headline to the first paragraph
    annotations = tree.xpath(RUBY_ANNOTATIONS)
    for element in annotations:
        element.drop_tree()
    if annotations:
        text = lxml_html.tostring(tree, encoding="unicode")
    xml = trafilatura.extract(text, output_format="xml", include_comments=False, include_tables=False,
                              include_images=False, include_links=True, include_formatting=True,
                              with_metadata=False, deduplicate=False)
    if not xml:
        raise BriefError("no article text found in this web page", path)
    source = assemble(_chunks(xml), page_metadata(tree))
    source.generator = _meta(tree, "generator")
    return source
