"""Real published essays (../shared/corpus): every file ingests with the title and author
the annotators recorded, and nothing that is markup or site furniture reaches the text."""
from __future__ import annotations

import json
import re
import subprocess

import pytest

from conftest import CORPUS, CORPUS_GOLD, SHARED_ESSAYS, pdf_text, run_brief
from pipeline.ingest import find_inputs, read_essays
from pipeline.ingest.convert import to_taiwan
from pipeline.ingest.metadata import title_from_filename

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"needs the real essays in {CORPUS}")

FILES = sorted(CORPUS.iterdir()) if CORPUS.is_dir() else []
MARKUP = re.compile(r"https?://|www\.|</?[a-zA-Z][a-zA-Z0-9]*[\s>/]|!\[|\]\(|^\s*[a-z_]+:\s|\{'type'|\\xa0", re.M)
FRONT_MATTER_KEYS = re.compile(r"^(?:title|date|author|category|categories|tags|url|original_url|image|topics|"
                               r"last_updated)\s*:", re.M)


def same(a: str | None) -> str | None:
    """As CORPUS.md compares: no whitespace, one script (the brief's, so 為 is not 爲
    and a name's 梁 stays), no leading 【column】 or account｜ prefix."""
    if a is None:
        return None
    a = to_taiwan(re.sub(r"\s", "", a))
    return re.sub(r"^[【〔][^】〕]*[】〕]|^[^｜|]{1,15}[｜|]", "", a)


@pytest.fixture(scope="module")
def essays():
    return {e.id: e for e in read_essays(find_inputs([CORPUS]))}


def gold(stem: str) -> dict:
    return json.loads((CORPUS_GOLD / "consensus" / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem[:2])
def test_title_is_the_annotators(essays, path):
    essay, expected = essays[path.stem], gold(path.stem)["title"]
    if expected is None:  # the file does not hold its title: it comes from the file's name
        named = title_from_filename(path.stem)
        assert essay.title == (to_taiwan(named) if essay.converted else named)
    else:  # annotators differ on a leading phrase the outlet set before the headline (最近兩年，)
        assert same(expected) in same(essay.title)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem[:2])
def test_author_is_the_annotators(essays, path):
    """09 is signed by its outlet's desk (立場報道): its standfirst names whom it interviewed."""
    assert same(essays[path.stem].author) == same(gold(path.stem)["author"])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem[:2])
def test_text_holds_no_markup_front_matter_or_sentence_headings(essays, path):
    essay = essays[path.stem]
    for para in essay.paragraphs:
        text = essay.span(para.start, para.end)
        assert not MARKUP.search(text), text
        assert not FRONT_MATTER_KEYS.search(text), text
    for section in essay.sections:
        assert not FRONT_MATTER_KEYS.search(section.heading)
        assert "。" not in section.heading and len(section.heading) <= 40, section.heading
    assert not MARKUP.search(essay.title)


def test_site_footers_shared_by_essays_are_dropped(essays):
    text = "\n".join(e.text for e in essays.values())
    for furniture in ("月費訂戶", "請加入成為眾新聞", "版權說明", "這個專欄開放讀者來論", "CDT檔案卡"):
        assert furniture not in text


def test_a_recommended_medium_is_not_the_essay(essays):
    """16 sets 「中国数字时代本周推荐媒体：」 over a blockquoted blurb of a YouTube channel
    (昨天：是一家记录…的频道) between its card and its first heading: an advertisement."""
    essay = essays["16_cdt-election-interference-2024"]
    assert "推薦媒體" not in essay.text and "是一家記錄中國民間群體抗爭事件的頻道" not in essay.text
    assert essay.span(essay.paragraphs[0].start, essay.paragraphs[0].end).startswith("早在臺灣大選之前")


def test_an_appended_text_is_not_the_essay(essays):
    # 16 ends with 附：赖清德胜选演说全文 under an image, where a caption would stand
    essay = essays["16_cdt-election-interference-2024"]
    assert "大家晚安" not in essay.text and essay.text.rstrip().endswith("大選的消息。")


def test_a_caption_glued_after_its_image_is_not_the_paragraph(essays):
    """CORPUS.md: 16 glues captions after its images (![img](…)文章封面截图), the paragraph
    following on the next line; each of those paragraphs opened with its caption."""
    essay = essays["16_cdt-election-interference-2024"]
    for caption in ("文章封面截圖", "網站截圖", "柯文哲候選團隊現身", "民眾揮舞手機"):
        assert caption not in essay.text
    paragraphs = [essay.span(p.start, p.end) for p in essay.paragraphs]
    for opening in ("文章指出，早在2018年", "然而，作者指出，", "此外，政府也推進了"):
        assert any(p.startswith(opening) for p in paragraphs), opening


def test_paragraphs_and_headings_flattened_into_one_line_are_restored(essays):
    """12 is a page whose paragraphs were joined into lines of up to 5,000 characters, each
    break and each sub-heading left as a space (。 概述习近平领导下的中国威胁 习近平领导下的当今
    中国，是…): the sub-heading was read glued to the sentence after it."""
    essay = essays["12_cdt-kevin-americas-china-problem"]
    assert "概述習近平領導下的中國威脅" in [s.heading for s in essay.sections]
    assert "為什麼美國要提防中共打造的中國夢" in [s.heading for s in essay.sections]
    paragraphs = [essay.span(p.start, p.end) for p in essay.paragraphs]
    assert any(p.startswith("習近平領導下的當今中國，是對自由民主世界最大的威脅") for p in paragraphs)
    assert max(map(len, paragraphs)) < 1500
    # a heading ending on a quotation is a heading (11's 毫无顾忌地“亮肌肉”和“不开第一枪”); a
    # quoted exclamation standing alone (12) or an epigraph's attribution (13) is none
    assert "毫無顧忌地「亮肌肉」和「不開第一槍」" in [s.heading for s in essays["11_cdt-voa-no-first-shot"].sections]
    assert not any("盟友" in s.heading for s in essay.sections)
    assert not any(s.heading.startswith("—") for s in essays["13_cdt-cicero-taiwan-not-separate"].sections)
    # 15's outline entry 三、… was glued to its first section's heading 01 、…
    headings = [s.heading for s in essays["15_cdt-zhibenshe-us-china-downturn"].sections]
    assert "美國大選與中美關係演變" in headings and not any("01" in h for h in headings)
    # a space inside a quote is the quote's own: 「中國會搶我們的飯碗？ 怎麼可能！」 stays one
    assert any("中國會搶我們的飯碗？" in p and "怎麼可能！" in p for p in paragraphs)


def test_simplified_essays_are_converted_and_recorded(essays):
    converted = {id for id, e in essays.items() if e.converted == "s2twp"}
    assert converted == {p.stem for p in FILES if p.stem.split("_")[1].startswith("cdt")}
    assert "臺灣" in essays["13_cdt-cicero-taiwan-not-separate"].text


def test_brief_of_the_corpus_has_no_markup_in_any_point(corpus_brief):
    pdf, data = corpus_brief
    points = [item["text"] for essay in data["essays"] for key in ("findings", "summary")
              for item in essay[key]]
    points += [item["text"] for essay in data["essays"] for item in essay["taiwan"]["recommendations"]
               + essay["taiwan"]["implications"]]
    points += [t["term"] for t in data["synthesis"]["themes"]]
    points += [i["text"] for key in ("agreements", "divergences") for i in data["synthesis"][key]]
    assert points
    for point in points:
        assert not MARKUP.search(point), point
        assert point.lower() not in ("https", "http", "web", "www", "archive")
    assert not re.search(r"https?://|web\.archive|\]\(|<img|<figure", pdf_text(pdf))


def test_a_point_that_is_both_finding_and_implication_is_printed_once(corpus_brief):
    """... and once only, though the synthesis quotes it: the chapter then refers to it."""
    pdf, data = corpus_brief
    text = re.sub(r"\s", "", pdf_text(pdf))
    both = [(essay["id"], f) for essay in data["essays"] for f in essay["findings"]
            if any(f["source"]["start"] == i["source"]["start"] for i in essay["taiwan"]["implications"])]
    assert both  # the corpus has such points (essay 12's Kristof sentence among them)
    checked = 0
    for essay, point in both:
        # a stretch of ideographs long enough to be this point's own (Latin words are set
        # apart, and a long point may cross a page foot)
        probe = max(re.findall(r"[\u4e00-\u9fff，、；]+", point["text"]), key=len)[:16]
        if len(probe) >= 12:
            checked += 1
            assert text.count(probe) == 1, point["text"]
    assert checked


def test_every_character_of_the_corpus_is_in_the_shipped_faces(essays):
    from pipeline.render.fonts import missing_characters

    assert {id: missing_characters(e.text) for id, e in essays.items() if missing_characters(e.text)} == {}



def test_brief_of_the_corpus_embeds_only_its_own_faces(corpus_brief):
    pdf, _ = corpus_brief
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    faces = {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:]}
    assert faces and all(face.startswith("Brief") for face in faces), faces


def _last_lines(pdf_path) -> list[tuple[int, str, float, str]]:
    """Each page's last line above the footer: (page, font, size, text)."""
    import pdfplumber

    out = []
    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            rows: dict[int, list] = {}
            for ch in page.chars:
                rows.setdefault(round(ch["top"]), []).append(ch)
            body = sorted(rows)[:-1]  # the last row is the footer's 第 N 頁
            if body:
                chars = rows[body[-1]]
                out.append((number, chars[0]["fontname"], round(chars[0]["size"], 1),
                            "".join(c["text"] for c in chars)))
    return out


def test_no_heading_or_subject_label_is_left_at_a_page_foot(tmp_path):
    """A heading (觀點分歧) or a pair's subject (對臺灣的意涵) goes to the next page with what
    it heads: the last line of a page is never bold. (The corpus with the commissioned
    essays left 觀點分歧 and its first subject at the foot of page 5.)"""
    pdf = tmp_path / "all.pdf"
    result = run_brief("build", str(CORPUS), str(SHARED_ESSAYS), "-o", str(pdf))
    assert result.returncode == 0, result.stderr
    lines = _last_lines(pdf)[1:]  # the cover lists the essays' titles, in bold
    assert len(lines) > 20
    assert [line for line in lines if "Bold" in line[1]] == []


def test_a_headline_set_in_phrases_wraps_between_them(corpus_brief):
    """Corpus 01's headline 「最高標準自由貿易協定CPTPP　對於台灣的重要性　以及中國為何提出申請？」
    wrapped in its chapter heading inside a word (…為何提 / 出申請？); and 03's in the contents
    inside a phrase (…須設法解套中共 / 壓力). Now both wrap at the phrase separators."""
    pdf, _ = corpus_brief
    lines = [re.sub(r"\s", "", line) for line in pdf_text(pdf).splitlines()]
    assert "以及中國為何提出申請？" in lines  # the heading's second line, whole
    assert any(line.startswith("須設法解套中共壓力") for line in lines)  # the contents entry's
    assert not any(line.endswith("為何提") or line.endswith("解套中共") for line in lines)


def test_no_contents_entry_wraps_a_lone_character(corpus_brief):
    """Corpus 03's long title wrapped in the contents with 「力」 alone before its leader
    (found reading the corpus brief, page 2): a wrapped title keeps its last two together."""
    pdf, _ = corpus_brief
    lines = pdf_text(pdf).splitlines()
    assert any(re.search(r"\.{3,}\s*\d+\s*$", line) for line in lines)
    assert not [line for line in lines if re.match(r"^\s*\S\s*\.{3,}\s*\d+\s*$", line)]


def test_essays_run_on_without_near_empty_pages(corpus_brief):
    """With a page per essay, an essay whose last point overflowed left that point alone on
    a near-empty page (文十一's, 文十二's, four more in the corpus brief): now the essays run
    on, so every page of them but the last is at least half full."""
    import pdfplumber

    with pdfplumber.open(corpus_brief[0]) as pdf:
        pages = [(page.extract_text() or "", page) for page in pdf.pages]
        first = next(n for n, (text, _) in enumerate(pages) if "主要發現" in text)
        appendix = next(n for n, (text, _) in enumerate(pages) if "附錄" in text and n > first)
        filled = []
        for text, page in pages[first:appendix - 1]:
            rows = sorted({round(ch["top"]) for ch in page.chars})
            filled.append(rows[-2] / page.height)  # the last row is the footer's 第 N 頁
    assert len(filled) > 5
    assert min(filled) > 0.5, filled
