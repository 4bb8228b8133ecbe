"""The same real essay in every format a user has it in gives the same brief: the same
title and at least 90% of the findings of the UTF-8 original (issue 7)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CORPUS, EXAMPLES, SHARED_ESSAYS, squash
from pipeline.analyse import analyse
from pipeline.ingest import read_essay
from variants import HEADER, NOTES, as_html, write_docx, write_pdf

ROOT = Path(__file__).resolve().parent
SIMPLIFIED = ROOT / "essays" / "cross-strait-trade-simplified.txt"
# Real essays: the shipped examples, and where ../shared is present the commissioned essays
# and a published essay from the corpus.
ESSAYS = sorted(EXAMPLES.glob("*.txt")) + [p for p in (SHARED_ESSAYS / "001_7db6707b9b24d24a.txt",
                                                        CORPUS / "03_hk-taiwan-japan-2plus2-dialogue.md")
                                           if p.exists()]


def findings(path: Path, segmenter) -> tuple[str, list[str]]:
    essay = read_essay(path)
    return essay.title, [squash(item.quote) for item in analyse(essay, segmenter).findings]


def same_brief(original: Path, variant: Path, segmenter) -> None:
    title, expected = findings(original, segmenter)
    variant_title, found = findings(variant, segmenter)
    assert squash(variant_title) == squash(title)  # a title set in type loses its spacing
    kept = [quote for quote in expected if quote in found]
    assert len(kept) >= 0.9 * len(expected), set(expected) - set(kept)


def reencoded(path: Path, tmp_path: Path, codec: str) -> Path:
    # A private-use character (a PDF's symbol-font bullet) exists in no legacy code page:
    # such a file has the code page's own bullet. Any other character the codec lacks fails.
    text = path.read_text(encoding="utf-8")
    if not codec.startswith("utf"):
        text = "".join("•" if 0xE000 <= ord(ch) <= 0xF8FF else ch for ch in text)
    target = tmp_path / f"{path.stem}.{codec}{path.suffix}"
    target.write_bytes(text.encode(codec))
    return target


@pytest.mark.parametrize("codec", ["big5hkscs", "utf-16", "utf-16-le", "utf-8-sig"])
@pytest.mark.parametrize("essay", [p for p in ESSAYS if p.suffix == ".txt"], ids=lambda p: p.stem)
def test_encodings_give_the_same_brief(essay, codec, tmp_path, segmenter):
    same_brief(essay, reencoded(essay, tmp_path, codec), segmenter)


@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
def test_simplified_in_gb18030_gives_the_same_brief(codec, tmp_path, segmenter):
    same_brief(SIMPLIFIED, reencoded(SIMPLIFIED, tmp_path, codec), segmenter)


@pytest.mark.parametrize("essay", ESSAYS, ids=lambda p: p.stem)
def test_web_page_gives_the_same_brief(essay, tmp_path, segmenter):
    page = tmp_path / f"{essay.stem}.html"
    page.write_text(as_html(read_essay(essay)), encoding="utf-8")
    same_brief(essay, page, segmenter)
    assert "訂閱" not in read_essay(page).text and "首頁" not in read_essay(page).text


@pytest.mark.parametrize("essay", ESSAYS, ids=lambda p: p.stem)
def test_word_document_gives_the_same_brief(essay, tmp_path, segmenter):
    document = tmp_path / f"{essay.stem}.docx"
    write_docx(read_essay(essay), document)
    same_brief(essay, document, segmenter)


@pytest.mark.parametrize("essay", [p for p in ESSAYS if p.suffix == ".txt"], ids=lambda p: p.stem)
def test_word_document_of_printed_lines_gives_the_same_brief(essay, tmp_path, segmenter):
    """A Word file made from a PDF keeps each printed line a paragraph of its own: its
    sentences are re-joined as a hard-wrapped text's are (they were cut at every line)."""
    import docx

    document = docx.Document()
    for paragraph in read_essay(essay).text.split("\n"):  # title, byline, headings, paragraphs
        for start in range(0, len(paragraph), 30):
            document.add_paragraph(paragraph[start:start + 30])
    document.save(tmp_path / f"{essay.stem}.docx")
    same_brief(essay, tmp_path / f"{essay.stem}.docx", segmenter)


@pytest.mark.parametrize("columns", [1, 2])
@pytest.mark.parametrize("essay", ESSAYS, ids=lambda p: p.stem)
def test_pdf_with_running_header_page_numbers_and_footnotes(essay, columns, tmp_path, segmenter):
    pdf = tmp_path / f"{essay.stem}.pdf"
    write_pdf(read_essay(essay), pdf, columns)
    same_brief(essay, pdf, segmenter)
    text = read_essay(pdf).text
    assert HEADER not in text and not re.search(r"第\s*\d+\s*頁", text)  # running header, page numbers
    assert not any(note[:8] in text for note in NOTES)


def test_two_columns_drawn_right_first_are_read_left_first(tmp_path):
    """A generator may draw the right column before the left: reading follows position."""
    import weasyprint

    first, second = "甲" * 12 + "。第一段在左欄，讀者先讀。", "乙" * 12 + "。第二段在右欄，讀者後讀。"
    fonts = Path(__file__).resolve().parent.parent / "fonts" / "BriefSerifTC-Regular.otf"
    page = (f"<style>@font-face {{ font-family: S; src: url({fonts.as_uri()}) }} body {{ font: 11pt S }}"
            ".row { display: flex; flex-direction: row-reverse; gap: 2cm } .row p { width: 6cm }</style>"
            f"<h1>左右兩欄的閱讀順序</h1><div class=row><p>{second}</p><p>{first}</p></div>")
    pdf = tmp_path / "columns.pdf"
    weasyprint.HTML(string=page).write_pdf(pdf)
    text = read_essay(pdf).text
    assert text.index("第一段") < text.index("第二段")
