"""The same essay in other formats, made the way publishers make them: a web page with
navigation and a footer, a Word document with heading styles and a footnote, a PDF with a
running header, page numbers and footnotes (one or two columns), and re-encoded text."""
from __future__ import annotations

import html
from pathlib import Path

from pipeline.model import Essay

HEADER = "國家政策研究院．政策簡析"
NOTES = ["參見國防部《國防報告書》，2023年版，第45頁。", "作者訪談紀錄，2024年3月，臺北。"]
FONTS = Path(__file__).resolve().parent.parent / "fonts"


def outline(essay: Essay) -> list[tuple[str, str]]:
    """The essay as (kind, text) blocks: its title, byline, headings, paragraphs and list
    items (lead points are set as a list)."""
    blocks = [("title", essay.title)]
    if essay.author:
        blocks.append(("byline", f"文／{essay.author}"))
    headings = {section.paragraphs[0]: section for section in essay.sections if section.paragraphs}
    for para in essay.paragraphs:
        section = headings.get(para.index)
        if section is not None:
            blocks.append(("heading", section.number + section.heading))
        blocks.append(("bullet" if para.kind == "lead" else "para", essay.span(para.start, para.end)))
    return blocks


def _element(kind: str, markup: str) -> str:
    tag = {"title": "h1", "heading": "h2", "bullet": "ul"}.get(kind, "p")
    return f"<ul><li>{markup}</li></ul>" if tag == "ul" else f"<{tag}>{markup}</{tag}>"


def as_html(essay: Essay) -> str:
    body = []
    for kind, text in outline(essay):
        body.append(_element(kind, html.escape(text)))
    title = html.escape(essay.title)
    return (f"<!DOCTYPE html><html lang=zh-Hant><head><meta charset=utf-8><title>{title}｜政策簡析</title>"
            f'<meta property="og:title" content="{title}"></head><body>'
            "<nav><a href=/>首頁</a> <a href=/topics>議題</a> <a href=/about>關於我們</a></nav>"
            f"<main><article>{''.join(body)}</article></main>"
            "<footer><p>訂閱電子報</p><p>© 2024 政策簡析 版權所有</p></footer></body></html>")


def write_docx(essay: Essay, path: Path) -> None:
    import docx

    document = docx.Document()
    for kind, text in outline(essay):
        if kind == "title":
            document.add_heading(text, level=0)
        elif kind == "heading":
            document.add_heading(text, level=1)
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    document.core_properties.title = essay.title
    document.save(path)


def write_pdf(essay: Essay, path: Path, columns: int = 1) -> None:
    import weasyprint

    notes = iter(NOTES)
    body = []
    for i, (kind, text) in enumerate(outline(essay)):
        text = html.escape(text)
        if kind == "para" and i % 5 == 4:  # a footnote now and then, called from the text
            note = next(notes, None)
            text += f'<span class="note">{note}</span>' if note else ""
        body.append(_element(kind, text))
    css = f"""
    @font-face {{ font-family: Serif; src: url({(FONTS / 'BriefSerifTC-Regular.otf').as_uri()}) }}
    @page {{ size: A4; margin: 2cm;
      @top-center {{ content: "{HEADER}"; font: 8pt Serif }}
      @bottom-center {{ content: "第 " counter(page) " 頁"; font: 8pt Serif }} }}
    body {{ font: 10.5pt/1.7 Serif; column-count: {columns}; column-gap: 1cm; text-align: justify }}
    h1 {{ font-size: 16pt; column-span: all }} h2 {{ font-size: 12pt }}
    p {{ margin: 0 0 .6em; text-indent: 2em }}
    .note {{ float: footnote; font-size: 8pt; text-indent: 0 }}
    ::footnote-call {{ font-size: 60%; vertical-align: super }}
    """
    document = f"<html><head><style>{css}</style></head><body>{''.join(body)}</body></html>"
    weasyprint.HTML(string=document, base_url=str(FONTS)).write_pdf(path)
