"""Ingest: structure recovered from the real essays and from other shapes of input."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CORPUS, ESSAY_G20, ESSAY_XI, EXAMPLE_FILES, EXAMPLES
from pipeline.errors import BriefError
from pipeline.ingest import find_inputs, read_essay
from pipeline.ingest.chars import clean_spaces
from pipeline.ingest.dates import iso_dates
from pipeline.ingest.metadata import person
from pipeline.ingest.byline import author_of
from pipeline.ingest.structure import split_sentences
from pipeline.model import Essay


def _essay(tmp_path: Path, text: str, name: str) -> Essay:
    """The essay read back from text written to a file of that name (its extension picks
    the reader)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_essay(path)


def test_g20_essay_title_sections_and_no_author():
    essay = read_essay(ESSAY_G20)
    assert essay.title == "評析G20拜習高峰會"  # column label 時　評 dropped, spaces cleaned
    assert essay.author is None
    assert essay.date is None  # 今(2022)年11月14日 is the summit's date, not the essay's
    assert [(s.number, s.heading, s.level) for s in essay.sections] == [
        ("壹、", "美「中」領袖會談的背景因素", 1),
        ("貳、", "雙方基本立場仍有歧異", 1),
        ("參、", "臺海議題共識不高", 1),
        ("肆、", "國際及區域議題同意合作", 1),
        ("伍、", "結論", 1),
    ]
    assert essay.lead == []  # an introduction is not a lead point


def test_xi_essay_title_author_lead_points_and_broken_heading():
    essay = read_essay(ESSAY_XI)
    assert essay.title == "習近平出席G20峰會及美中互動觀察"  # chapter number 五、 dropped
    assert essay.author == "黃瓊萩"  # from 「…副主任黃瓊萩主稿」
    assert [s.heading for s in essay.sections] == [
        "前言",
        "習近平於G20峰會與拜登會晤的意涵與中美關係的發展傾向分析",  # was broken over two lines
        "習近平在G20峰會整體表現分析：中國實踐真正的多邊主義？",
        "結論",
    ]
    assert [essay.span(p.start, p.end) for p in essay.lead] == [
        "習近平參加G20峰會傳遞「二十大」後中國持續向世界開放，積極參與甚至主導全球經貿整合。",
        "G20「拜習會」，雙方焦點不同，但至少能有效掌控風險；惟美中競爭和對立本質難改變，臺灣宜慎判情勢，避免成為美中籌碼。",
    ]


@pytest.mark.parametrize("path", [ESSAY_G20, ESSAY_XI])
def test_paragraphs_are_rejoined_and_clean(path):
    essay = read_essay(path)
    for para in essay.paragraphs:
        text = essay.span(para.start, para.end)
        assert "\n" not in text and " " not in text and "\u3000" not in text
        assert text[-1] in "。！？」"  # every paragraph ends a sentence: none was cut mid-way
        assert [essay.span(s.start, s.end) for s in para.sentences] and "".join(
            essay.span(s.start, s.end) for s in para.sentences) == text


def test_g20_paragraphs_follow_the_page_indentation():
    essay = read_essay(ESSAY_G20)
    starts = [essay.span(p.start, p.start + 8) for p in essay.paragraphs]
    # first lines of paragraphs in the PDF were indented; these start paragraphs
    for opening in ("在雙方關係的根本原則", "「中」方的說法仍未能", "然而，雙方的基本關係", "在演習過後，中國共產"):
        assert opening[:8] in starts
    # and these are continuation lines, which must not
    for middle in ("核心利益在國際政治中", "伴，臺美之間的實質關"):
        assert middle[:8] not in starts
    assert len(essay.paragraphs) == 19


def test_sentences_keep_closing_quotes_and_quoted_statements_whole():
    text = "習近平表示「中國無意挑戰美國。也不干涉內政」，雙方應該合作。他說：「好。」接著離開！"
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["習近平表示「中國無意挑戰美國。也不干涉內政」，雙方應該合作。", "他說：「好。」", "接著離開！"]


def test_a_title_ending_on_a_question_mark_does_not_end_the_sentence():
    """〈中國是否就要永久失去台灣？〉說，…: a question mark before a closing title mark (〉》)
    is the title's own; a quote closing on one (他問：「為什麼？」) ends the sentence as before."""
    text = "他在文章〈Is China About to Lose Taiwan?／中國是否就要失去台灣？〉說，北京將是輸家。讀過《誰在乎？》。他問：「為什麼？」接著離開。"
    spans = [text[s:e] for s, e in split_sentences(text)]
    assert spans == ["他在文章〈Is China About to Lose Taiwan?／中國是否就要失去台灣？〉說，北京將是輸家。",
                     "讀過《誰在乎？》。", "他問：「為什麼？」", "接著離開。"]


def test_semicolon_ends_a_sentence():
    assert [e - s for s, e in split_sentences("甲方同意；乙方反對。")] == [5, 5]


@pytest.mark.parametrize("raw, cleaned", [
    ("美國總統拜登與中國大陸 (下稱大陸 )國家主席", "美國總統拜登與中國大陸(下稱大陸)國家主席"),
    ("於今 (2022)年 11月 14日", "於今(2022)年11月14日"),
    ("第 3順位", "第3順位"),
    ("the Taiwan Relations Act of 1979", "the Taiwan Relations Act of 1979"),
])
def test_stray_whitespace(raw, cleaned):
    assert clean_spaces(raw) == cleaned


@pytest.mark.parametrize("byline, name", [
    ("政治大學東亞所教授兼國際關係研究中心副主任黃瓊萩主稿", "黃瓊萩"),
    ("作者：王小明（國防安全研究院助理研究員）", "王小明"),
    ("文／林志遠", "林志遠"),
    ("作者：清和 智本社社长 最近两年，中美关系为何急转直下？", "清和"),
    ("國家政策研究基金會李會文撰稿", "李會文"),
    ("本文旨在分析美中關係", None),
    # a Taiwanese paper's credit lines (聯合報 op-ed, 2026); a column credited names nobody
    ("聯合報／ 趙建民", "趙建民"),
    ("中央社記者陳家倫／台北報導", "陳家倫"),
    ("自由時報／社論", None),
    ("美國／中國關係的轉變", None),
    # a news brief's reporter or compiler (a GNews mirror's post, not in ../shared)
    ("整理报道：小红帽", "小红帽"), ("記者：王小明", "王小明"),
])
def test_author_from_byline(byline, name):
    assert author_of(byline) == name


@pytest.mark.parametrize("credit, name", [
    ("台灣特派員鄭智仁", "鄭智仁"),
    ("廖天琪・田牧", "廖天琪"),
    # a desk, a column, the site's own account (an outside 眾新聞 piece: 系統管理員 gave 統管理員)
    ("眾新聞記者", None), ("讀者來論", None), ("系統管理員", None), ("admin", None),
    # the platform a Q&A archive credits (author: 知乎), not the user who answered
    ("知乎", None), ("微博", None),
    # a team credited in a blog's front matter (author = "AureaGate 團隊", GitHub, not in ../shared)
    ("AureaGate 團隊", None), ("財經團隊", None), ("Kevin", "Kevin"),
    # a dateline's desk (written: 本報訊 was taken for a name), but a name ending in 訊 is one
    ("本報訊", None), ("中央社專電", None), ("綜合外電", None), ("本刊記者", None), ("李訊", "李訊"),
])
def test_person_a_credit_names(credit, name):
    assert person(credit) == name


def test_dates_in_iso_including_roc_years():
    assert iso_dates("民國111年11月14日與2023年1月2日，另112年3月4日") == ["2022-11-14", "2023-01-02", "2023-03-04"]
    assert iso_dates("11月14日") == []  # no year stated: no date invented


def test_examples_cover_list_items_and_column_labels():
    chips = read_essay(EXAMPLES / "chip-export-controls.txt")
    assert chips.title == "美國晶片出口管制升級與臺灣的因應" and chips.author == "林志遠"
    policy = next(s for s in chips.sections if s.heading == "政策建議")
    items = [chips.paragraphs[i] for i in policy.paragraphs if chips.paragraphs[i].kind == "item"]
    assert len(items) == 4  # 一、…四、 each wrapped over lines, each one paragraph
    sea = read_essay(EXAMPLES / "south-china-sea.txt")
    assert sea.title == "東協峰會後的南海情勢與區域安全" and sea.author == "陳怡君"
    assert "第43屆東協峰會於2023年9月5日" in sea.text and "- 2 -" not in sea.text  # page number dropped
    # Markdown with a card of fields (作者：…, 發布日期：…): the name, not the affiliation's last word
    chain = read_essay(EXAMPLES / "mature-node-supply-chain.md")
    assert (chain.title, chain.author, chain.date) == ("成熟製程價格戰下的臺灣半導體供應鏈", "黃子晴", "2023-11-20")
    assert [s.heading for s in chain.sections][-1] == "政策建議"


def test_unwrapped_utf8_bom_text_and_markdown(tmp_path):
    plain = tmp_path / "plain.txt"
    plain.write_text("\ufeff兩岸情勢評估\n\n作者：張三\n\n一、前言\n美方近期持續對臺軍售。這顯示美國的政策未變。\n"
                     "二、結論\n臺灣應審慎因應。\n", encoding="utf-8")
    essay = read_essay(plain)
    assert (essay.title, essay.author) == ("兩岸情勢評估", "張三")
    assert [s.heading for s in essay.sections] == ["前言", "結論"]
    assert len(essay.paragraphs) == 2
    md = tmp_path / "note.md"
    md.write_text("# 美中競爭下的臺灣\n\n- **重點一**：美方態度強硬。\n\n## 壹、分析\n\n美方態度強硬，\n中方回應低調。\n", encoding="utf-8")
    essay = read_essay(md)
    assert essay.title == "美中競爭下的臺灣"
    assert [essay.span(p.start, p.end) for p in essay.lead] == ["重點一：美方態度強硬。"]
    assert essay.span(essay.paragraphs[1].start, essay.paragraphs[1].end) == "美方態度強硬，中方回應低調。"


def test_breaks_an_archive_flattened_into_spaces_are_restored(tmp_path):
    """Chinese prose sets no space after a full stop: a space there is a lost paragraph
    break, and a short run without punctuation after one a lost sub-heading. Spaces that
    Chinese text does hold (around digits and Latin words, inside a quote) break nothing."""
    from pipeline.ingest.breaks import split_lost_breaks
    assert split_lost_breaks("美方持續軍售。 中方回應低調。") == [("para", "美方持續軍售。"), ("para", "中方回應低調。")]
    assert split_lost_breaks("制裁後中方報復。 概述北京的對臺策略 北京的策略是以壓促統。") == [
        ("para", "制裁後中方報復。"), ("heading", "概述北京的對臺策略"), ("para", "北京的策略是以壓促統。")]
    for text in ("2000 年至 2021 年，臺灣是最受攻擊的地方。", "拜登的兒子Hunter Biden也曾在中國經商。",
                 "他說：「中國會搶我們的飯碗？ 怎麼可能！」", "美方持續軍售。 2024 年將有新一批。"):
        assert split_lost_breaks(text) == [("para", text)], text
    # a bracket the copy never closes (corpus 12: （我明白…) holds no break back
    assert len(split_lost_breaks("新疆已成為警察極權地區（我明白那裡發生過襲擊。 香港已不再自由。")) == 2
    # a number opening a part starts a line: after an outline entry (CORPUS.md, 15: 三、… 01 、…)
    assert split_lost_breaks("三、經濟內循環 01 、美國大選與中美關係") == [("para", "三、經濟內循環"), ("para", "01 、美國大選與中美關係")]
    assert split_lost_breaks("他提出三點，包括 1、加強國防。") == [("para", "他提出三點，包括 1、加強國防。")]
    md = tmp_path / "flat.md"
    md.write_text("# 美中競爭\n\n美方持續軍售。 中方回應低調。 概述北京的對臺策略 北京的策略是以壓促統。\n", encoding="utf-8")
    essay = read_essay(md)
    assert [s.heading for s in essay.sections] == ["概述北京的對臺策略"]
    assert [essay.span(p.start, p.end) for p in essay.paragraphs] == ["美方持續軍售。", "中方回應低調。", "北京的策略是以壓促統。"]


def test_big5_encoded_file(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes("臺海情勢觀察\n\n美方重申一中政策未變。\n".encode("cp950"))
    essay = read_essay(path)
    assert essay.title == "臺海情勢觀察" and "一中政策" in essay.text


def test_a_bom_over_bytes_of_another_encoding_is_one_clear_error(tmp_path):
    """A file opening on UTF-16's byte-order mark with bytes after it that are not UTF-16
    (a truncated or mislabelled file) failed as 'unexpected UnicodeDecodeError'."""
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe\x00\x00garbage")
    with pytest.raises(BriefError, match="starts as UTF-16 text but is not"):
        read_essay(path)


def test_bad_inputs_say_what_is_wrong(tmp_path):
    with pytest.raises(BriefError, match="no such file"):
        find_inputs([tmp_path / "missing.txt"])
    (tmp_path / "a.xls").write_text("x")
    with pytest.raises(BriefError, match="unsupported file type"):
        find_inputs([tmp_path / "a.xls"])
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n\n")
    with pytest.raises(BriefError, match="no essay text"):
        read_essay(empty)
    with pytest.raises(BriefError, match="no essays here"):
        find_inputs([Path(tmp_path / "sub")] if (tmp_path / "sub").mkdir() is None else [])


def test_pdf_essay_is_read_back_with_its_structure(tmp_path):
    """A PDF of an essay (made here with the brief's own fonts) comes back as the same essay."""
    from weasyprint import HTML

    from pipeline.ingest.blocks import split_blocks
    from pipeline.render.fonts import font_face_css

    source = read_essay(EXAMPLES / "chip-export-controls.txt")
    blocks = split_blocks((EXAMPLES / "chip-export-controls.txt").read_text(encoding="utf-8"))
    body = "".join(f"<h2>{b.text}</h2>" if b.kind == "heading" else f"<p>{b.text}</p>" for b in blocks)
    style = (f"<style>{font_face_css()} @page {{ size: A4; margin: 25mm }} body {{ font-family: 'Brief Serif TC'; "
             "font-size: 12pt }} p { text-indent: 2em; margin: 0 }</style>")
    HTML(string=style + body).write_pdf(tmp_path / "essay.pdf")
    essay = read_essay(tmp_path / "essay.pdf")
    assert (essay.title, essay.author) == (source.title, source.author)
    assert [s.heading for s in essay.sections] == [s.heading for s in source.sections]
    assert [p.kind for p in essay.paragraphs].count("item") == 4
    assert len(essay.paragraphs) == len(source.paragraphs)


def test_docx_essay(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("美中科技競爭與臺灣", style="Title")
    document.add_paragraph("作者：王大明（國防安全研究院研究員）")
    document.add_paragraph("壹、前言", style="Heading 1")
    document.add_paragraph("美國持續擴大出口管制。這顯示科技競爭已經長期化。")
    document.add_paragraph("貳、建議", style="Heading 1")
    document.add_paragraph("政府應強化供應鏈韌性。", style="List Bullet")
    document.save(tmp_path / "essay.docx")
    essay = read_essay(tmp_path / "essay.docx")
    assert (essay.title, essay.author) == ("美中科技競爭與臺灣", "王大明")
    assert [s.heading for s in essay.sections] == ["前言", "建議"]
    assert [essay.span(p.start, p.end) for p in essay.paragraphs] == [
        "美國持續擴大出口管制。這顯示科技競爭已經長期化。", "政府應強化供應鏈韌性。"]


def test_text_without_chinese_says_so(tmp_path):
    """An English file given by name is not taken for an empty one."""
    (tmp_path / "en.txt").write_text("Taiwan's defence budget rose again this year.\n", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("\n \n", encoding="utf-8")
    with pytest.raises(BriefError, match="no Chinese text found"):
        read_essay(tmp_path / "en.txt")
    with pytest.raises(BriefError, match="no essay text found"):
        read_essay(tmp_path / "blank.txt")


def test_unreadable_pdf_and_docx_say_so(tmp_path):
    (tmp_path / "bad.pdf").write_bytes(b"not a pdf")
    (tmp_path / "bad.docx").write_bytes(b"not a docx")
    with pytest.raises(BriefError, match="not a readable PDF"):
        read_essay(tmp_path / "bad.pdf")
    with pytest.raises(BriefError, match="not a readable Word document"):
        read_essay(tmp_path / "bad.docx")


@pytest.mark.parametrize("first_line, title", [
    ("時　評評析 G20 拜習高峰會", "評析G20拜習高峰會"),       # letter-spaced with ideographic spaces
    # a column's label in angle brackets, after a colon or a space; a work's title stays
    ("〈專欄〉美中關係的新局", "美中關係的新局"),
    ("《社論》美中關係的新局", "美中關係的新局"),
    ("投書：美中關係的新局", "美中關係的新局"),
    ("專題報導 美中關係的新局", "美中關係的新局"),
    ("《臺灣關係法》四十年的意義", "《臺灣關係法》四十年的意義"),
    ("專 論 美國晶片出口管制", "美國晶片出口管制"),             # a known label, however spaced
    ("美 中 關係的新局", "美中關係的新局"),                   # stray spaces in the title itself
    # a headline's phrases, separated by a space (an editorial of 2025, 中評 2018)
    ("社論／大國博弈動態調整 台灣須務實應對", "大國博弈動態調整\u3000台灣須務實應對"),
    ("台美及兩岸關係 應取得新的動態平衡", "台美及兩岸關係\u3000應取得新的動態平衡"),
    ("自由開講》台灣要「三箭齊下」 永保安康", "台灣要「三箭齊下」\u3000永保安康"),  # after a quoted phrase too
    # and before one in curly quotes (國際在線 2025)
    ("和評理|美國打“台灣牌”害台灣 “台獨”路越走越窄", "美國打“台灣牌”害台灣\u3000“台獨”路越走越窄"),
])
def test_column_labels_are_dropped_and_titles_kept(tmp_path, first_line, title):
    path = tmp_path / "e.txt"
    path.write_text(f"{first_line}\n\n美方近期持續對臺軍售。\n", encoding="utf-8")
    assert read_essay(path).title == title


def test_an_op_ed_copied_from_a_taiwanese_paper(tmp_path):
    """自由時報's op-ed pages, copied as text: the column's name closed by 》 before the
    headline, a date line with its time, the author as 「◎ 姓名」, and the photo's caption
    printed twice (alt text and caption), ending on its credit. Each was read as the essay's
    text: a title 「自由開講》…」, no author or date, a finding 「2026/01/1320:00」."""
    essay = _essay(tmp_path, "自由開講》決定美中競爭成敗的關鍵問題\n\n2026/01/13 20:00\n\n◎ 林志明\n\n"
                          "美中競爭的關鍵是明確的戰略目標。（法新社）美中競爭的關鍵是明確的戰略目標。（法新社）\n\n"
                          "美國與中國的互動，不再只是貿易對弈，而是兩種制度的競爭。\n\n"
                          "● 前言\n\n台灣必須看清這場競爭的本質。\n", "op-ed.txt")
    assert (essay.title, essay.author, essay.date) == ("決定美中競爭成敗的關鍵問題", "林志明", "2026-01-13")
    texts = [essay.span(p.start, p.end) for p in essay.paragraphs]
    assert texts[0].startswith("美國與中國的互動") and not any("法新社" in t or "2026" in t for t in texts)
    assert [s.heading for s in essay.sections] == ["前言"]  # a bulleted heading is no byline


def written(tmp_path: Path, name: str, text: str):
    """The essay read from a file of that name holding text."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_essay(path)


def starts(essay, n: int) -> list[str]:
    """Each paragraph's first n characters."""
    return [essay.span(p.start, p.end)[:n] for p in essay.paragraphs]


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_guest_commentary_copied_from_a_news_site(tmp_path, suffix):
    """A news site's guest commentary copied from the page (DW's 客座評論, 2025): the page's
    skip links as a numbered list above the title, the column label before it, the author's
    name and post in German, her Chinese name and the date on lines of their own, a photo
    caption ending on 圖片來源: …, the agency's dateline opening the text and a sub-heading
    ending on a quotation. The skip link was read as the title, the three byline lines as
    one paragraph and the heading as a paragraph."""
    essay = written(tmp_path, f"commentary{suffix}", "1. 跳轉至内容\n  2. 跳轉至主選單\n  3. 跳轉到更多DW網站\n\n"
                                                     "客座評論:台海的新變數——東京的表態\n\n"
                                                     "Dr. Mei Lin, eine Politologin in Deutschland\n林美\n2025年11月1日\n\n"
                                                     "美日會談避開了台灣議題。然而，觀察者仍認為台海局勢正走向更複雜的階段。\n\n"
                                                     "兩國領袖在東京會晤，台灣被遺忘了？圖片來源: Kyodo/Reuters\n\n"
                                                     "(德國之聲中文網)外界原本預期台灣問題會成為焦點，結果雙方都沒有提及。\n\n"
                                                     "日本自衛隊舉行演習。圖片來源: Kyodo\n\n東京的「沉默」\n\n"
                                                     "這種沉默對台灣而言是一種戰略空間，台灣應把握時間強化自身防衛。\n")
    assert (essay.title, essay.author, essay.date) == ("台海的新變數——東京的表態", "林美", "2025-11-01")
    texts = [essay.span(p.start, p.end) for p in essay.paragraphs]
    assert texts[0].startswith("美日會談") and texts[1].startswith("外界原本預期")
    assert not any("跳轉" in t or "Politologin" in t or "圖片來源" in t or "德國之聲" in t for t in texts)
    assert [s.heading for s in essay.sections] == ["東京的「沉默」"]


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_report_opening_on_its_reporters_credit_in_brackets(tmp_path, suffix):
    """自由時報's reports open their first paragraph on the reporter's credit in brackets
    (〔記者涂鉅旻／台北報導〕, 2025): it was read as the text's first words and nobody as the
    author; copied as Markdown without heading markup, the date line under the title was
    text too."""
    essay = written(tmp_path, f"report{suffix}", "美報告點出台灣最大內部風險\n\n2025-12-30\n\n"
                                                 "〔記者林小明／台北報導〕解放軍在台灣周邊演習，專家表示，朝野政治僵局是我國最大的內部風險。\n\n"
                                                 "立法院仍擱置國防特別條例，外界擔憂防衛現代化因此延宕。\n")
    assert (essay.title, essay.author, essay.date) == ("美報告點出台灣最大內部風險", "林小明", "2025-12-30")
    assert essay.span(essay.paragraphs[0].start, essay.paragraphs[0].end).startswith("解放軍在台灣周邊演習")


def test_a_page_copied_whole_starts_at_its_titles_last_printing(tmp_path):
    """Web pages copied whole as text (a 中評 article re-posted on a portal, a newsletter kept
    on a blog, 2018/2021): the portal's menus (設為首頁  加入最愛網) or the blog's date line
    were read as the title. The title is printed twice near the top (in the breadcrumb or
    the newsletter's banner, then as the heading); the text starts at its last printing,
    the date printed above it kept (with its weekday, or in brackets); a site label in
    brackets under the title is no heading."""
    portal = tmp_path / "portal.txt"
    portal.write_text("設為首頁  加入最愛網\n會員中心 贊助提供 關於我們 連絡我們\n\n"
                      "  首頁 > 新聞網> 評論專欄>中評智庫:美台互動將兩岸推向臨界點\n中評智庫:美台互動將兩岸推向臨界點\n\n"
                      "[中評智庫]\n\n[2018-06-11 04:50:33]\n\n"
                      "中評社香港6月5日電/美國因素一直是影響兩岸關係發展的最重要外因，台灣當局的誤判使兩岸關係步入危機的邊緣。\n",
                      encoding="utf-8")
    essay = read_essay(portal)
    assert (essay.title, essay.date, essay.sections) == ("中評智庫:美台互動將兩岸推向臨界點", "2018-06-11", [])
    assert essay.span(essay.paragraphs[0].start, essay.paragraphs[0].end).startswith("美國因素")
    essay = written(tmp_path, "newsletter.txt", "2021年2月23日 星期二\n\n王大明/拜登上任之後的兩岸機遇\n\n"
                                                "【日語學習電子報】讓你輕鬆脫口說日語。歡迎訂閱！\n新聞  健康  部落格\n名人堂電子報\n"
                                                "2021/02/24 第2137期 | 訂閱/退訂 | 看歷史報份\n名人觀點\n王大明/拜登上任之後的兩岸機遇\n王大明聯合報\n"
                                                "拜登總統就任，舉世咸信美國對華政策必有調整，台灣應主動型塑自己的機遇。\n")
    assert (essay.title, essay.author, essay.date) == ("拜登上任之後的兩岸機遇", "王大明", "2021-02-23")
    assert starts(essay, 6) == ["拜登總統就任"]
    # a credit printed twice is no title (a DW interview re-posted, 2019: (德國之聲) twice)
    interview = tmp_path / "interview.txt"
    interview.write_text("「台灣要在模糊空間中謀求最大利益」德國之聲專訪張大明\n\n2019-12-30 19:11\n\n(德國之聲)\n\n"
                         "(德國之聲)\n\n國民黨參選人張大明選前接受專訪，談到台灣經濟和香港抗爭。\n", encoding="utf-8")
    assert read_essay(interview).title.startswith("「台灣要在模糊空間中謀求最大利益」")
    # a title printed again after prose (a running header of a PDF copied as text) moves nothing
    report = tmp_path / "report.txt"
    report.write_text("台灣的戰略選擇與美中競爭\n\n美中競爭日趨激烈，台灣必須審慎應對。\n\n"
                      "台灣的戰略選擇與美中競爭\n\n第二頁的內容繼續討論台灣的選擇。\n", encoding="utf-8")
    assert read_essay(report).text.split("\n")[1] == "美中競爭日趨激烈，台灣必須審慎應對。"


def test_a_news_sites_page_furniture_above_and_under_the_title(tmp_path):
    """A mainland news site's commentary page copied as text (中國臺灣網 海峽時評, 2015): an ad
    slot's identifier was read as the title, the empty 關鍵詞: label and the breadcrumb as the
    first paragraph, the date line with its source and the empty 字號: label as text."""
    essay = written(tmp_path, "page.txt", "ad9_210*60\n關鍵詞:\n中國臺灣網  >   評論中心  >   海峽時評\n\n選情超冷 臺灣選舉的傲慢\n\n"
                                          "2015年12月14日 09:38:00  來源:中國臺灣網\n字號:    \n\n"
                                          "  美國《世界日報》11日社論說，距離投票僅35天，島內選情卻出奇的冷。\n")
    assert (essay.title, essay.date) == ("選情超冷　臺灣選舉的傲慢", "2015-12-14")
    assert starts(essay, 6) == ["美國《世界日"] and not essay.sections
    # under the title an empty label may head the text: it stays, as a heading
    summary = written(tmp_path, "summary.txt", "兩岸關係的新局\n\n摘要：\n\n美中競爭日趨激烈，台灣必須審慎應對。\n")
    assert [s.heading for s in summary.sections] == ["摘要"] and summary.paragraphs[0].kind == "lead"


def test_a_reports_sections_set_as_labels_are_headings(tmp_path, segmenter):
    """A think tank's brief sets its sections as labels on lines of their own (摘要：, 新聞重點：,
    政策建議：) under the byline: they were read as paragraphs, so the summary was no lead and
    the recommendations no list under 建議. A few words and a colon over short lines stay
    what they announce (verse, a list)."""
    from pipeline.analyse import analyse

    essay = written(tmp_path, "brief.txt", "台灣的戰略選擇\n\n作者：王大明\n\n摘要：\n\n美中競爭日趨激烈，台灣必須審慎應對兩岸情勢。\n\n"
                                           "新聞重點：\n\n中共近日在台灣周邊舉行大規模軍演，規模為近年之最。\n\n政策建議：\n\n"
                                           "一、強化後備動員體系，提升全民防衛能力。\n\n二、與理念相近國家深化情資共享。\n")
    assert [s.heading for s in essay.sections] == ["摘要", "新聞重點", "政策建議"]
    assert essay.paragraphs[0].kind == "lead"
    advice = analyse(essay, segmenter).recommendations
    assert any("深化情資共享" in i.quote for i in advice)  # a list item under 建議, no modal
    verse = written(tmp_path, "verse.txt", "鄉愁\n\n余光中寫道：\n\n而現在\n鄉愁是一灣淺淺的海峽\n我在這頭\n大陸在那頭\n")
    assert not verse.sections


def test_a_forum_column_with_its_writer_under_the_standfirst(tmp_path):
    """A news site's forum column (民報【論壇】, 2025): the writer's name with the post in
    brackets and the date under the standfirst were read as a paragraph, and photo captions
    ending on 示意圖/… as text."""
    essay = written(tmp_path, "column.txt", "【論壇】臺灣該歸向誰？\n\n台灣本就站在民主自由的正確道路上，不必回應北京的說法。\n\n"
                                            "林大明(退役軍人)\n2025/01/20 10:00\n中共國防部在微博散播訊息。示意圖/擷自微博\n\n"
                                            "近日在野黨提出刪除政府預算的法案，中共同時展開新一輪認知作戰。\n\n"
                                            "對岸攻勢不斷增強，我們卻自行削弱傳播能力。示意圖/資料照\n")
    assert (essay.title, essay.author, essay.date) == ("臺灣該歸向誰？", "林大明", "2025-01-20")
    texts = [essay.span(p.start, p.end) for p in essay.paragraphs]
    assert [t[:4] for t in texts] == ["台灣本就", "近日在野"]


def test_a_journal_page_with_its_byline_dated_and_a_font_size_widget(tmp_path):
    """A mainland journal's page copied as text (《统一论坛》, 2020): the byline line also dates
    the piece (日期:… 来源:… 作者:…), and the font-size widget under it (字号: [小] [中] [大]
    打印本页) was read as the first paragraph."""
    essay = written(tmp_path, "journal.txt", "当前位置:促进会  >  2020年第三期  > 正文\n\n略论台海安全局势\n\n"
                                             "日期:2020-08-26 15:33 来源:《论坛》杂志 作者:潘大明\n\n字号:  [小]  [中]  [大] 打印本页 关闭窗口\n\n"
                                             "  2016年以来，两岸关系严重倒退，台海安全形势更加复杂严峻。\n")
    assert (essay.title, essay.author, essay.date) == ("略論臺海安全局勢", "潘大明", "2020-08-26")
    assert starts(essay, 5) == ["2016年"]


def test_a_bilingual_report_dated_in_english(tmp_path):
    """A bilingual news page kept as Markdown (a Chinese edition's 中英對照, 2024): its date in
    English with the reading time after it (January 14, 2024   8 min   1513 words), a photo
    caption ending on the photographer's English credit (… Lam Yik Fei for The New York
    Times); the English paragraphs stay, as the file has them (no claim is taken from them)."""
    essay = written(tmp_path, "bilingual.md", "# 中國未能左右台灣大選\n\nJanuary 14, 2024   8 min   1513 words\n\n"
                                              "週六，支持者在台北慶祝勝選。 Lam Yik Fei for The New York Times\n\n"
                                              "But Taiwan's election confirmed that this democracy is drifting further from Beijing.\n\n"
                                              "但台灣週六的選舉證實了這個民主社會正在離北京越來越遠。\n")
    assert essay.date == "2024-01-14"
    assert starts(essay, 4) == ["But ", "但台灣週"]
    from pipeline.ingest.furniture import without_agency_dateline
    assert without_agency_dateline("（中央社記者王小明台北3日電）美國國務院表示…") == "美國國務院表示…"
    assert without_agency_dateline("（台電）表示停電原因仍在調查。") == "（台電）表示停電原因仍在調查。"
    from pipeline.ingest.dates import iso_date
    assert iso_date("Sept. 3, 2023") == "2023-09-03" and iso_date("Mayday 5, 2022") is None


def test_a_column_reposted_on_a_forum(tmp_path):
    """A column re-posted on a forum (李怡's 世道人生, 2020): the forum's buttons (返回列表 回復
    發帖) were read as the title, and the writer signed after a spaced dash was not the
    author."""
    essay = written(tmp_path, "repost.txt", "返回列表 回復 發帖\n\n[港澳台] 世道人生:台灣往何處去? - 王怡\n\n"
                                            "台灣大選前，大陸官媒全都宣稱「韓流」再起，結果卻使他們跌破眼鏡。\n")
    assert (essay.title, essay.author) == ("世道人生:台灣往何處去?", "王怡")
    # a title letter-spaced in a PDF copied as text is no menu
    spaced = tmp_path / "spaced.txt"
    spaced.write_text("兩 岸 關 係 的 新 局\n\n美中競爭日趨激烈，台灣必須審慎應對。\n", encoding="utf-8")
    assert read_essay(spaced).title == "兩岸關係的新局"
    from pipeline.ingest.metadata import signed_by
    assert signed_by("兩岸關係的未來 - 林大明") == "林大明"
    assert signed_by("美中關係-2024") is None and signed_by("台海 - 美國的選擇") is None


def test_short_lines_over_an_unwrapped_paragraph_are_not_glued_to_it(tmp_path):
    """A Hong Kong site's commentary copied as one line a paragraph (東網, 2025): its video
    widget's lines 東网电视 / 更多新闻短片 stood over the first paragraph with no blank line and
    were read as its first words (「東網電視更多新聞短片《外交事務》上月發表…」)."""
    path = tmp_path / "commentary.txt"
    path.write_text("台湾迷思与美国的新世代\n\n东网电视\n更多新闻短片\n"
                    "《外交事务》上月发表两位学者的文章，认为美国不该为台湾打一场无法获胜的战争，引起各方瞩目。\n"
                    "赖清德宣布明年将军事预算提高，然而台湾也必须在政治上对北京保持谨慎。\n", encoding="utf-8")
    texts = [p for p in read_essay(path).text.split("\n")[1:]]
    assert texts[-2].startswith("《外交事務》上月發表") and texts[-1].startswith("賴清德宣佈")


def test_a_caption_printed_twice_inside_a_paragraph_is_dropped(tmp_path):
    """Another 自由時報 op-ed, copied as text, glued its photo's caption (alt text, then
    caption, each ending on （法新社）) to the paragraph before it and to the one after; a
    third set its caption alone, credited to an agency's file photo (（路透檔案照）)."""
    path = tmp_path / "op-ed.txt"
    caption = "賴總統日前接受法新社專訪時表示，台灣的前途只有台灣人民可以決定。（法新社）"
    path.write_text(f"台灣要三箭齊下\n\n筆者認為台灣要三箭齊下，才能讓台灣安全！{caption}{caption}\n\n"
                    f"輝達海外總部確定落腳北士科。（資料照）輝達海外總部確定落腳北士科。（資料照）行政院長近日表示，台灣將接受新式核能技術。\n\n"
                    "解放軍近日展開環台軍演，更在台島周邊實彈射擊。（路透檔案照）\n\n"
                    "中央社報導（中央社）指出，這是第一次。\n", encoding="utf-8")
    texts = [p for p in read_essay(path).text.split("\n")[1:]]
    assert texts == ["筆者認為台灣要三箭齊下，才能讓台灣安全！", "行政院長近日表示，台灣將接受新式核能技術。",
                     "中央社報導（中央社）指出，這是第一次。"]
    markdown = tmp_path / "op-ed.md"  # a structured reader's paragraphs go the same way
    markdown.write_text(path.read_text(encoding="utf-8").replace("台灣要三箭齊下\n", "# 台灣要三箭齊下\n", 1),
                        encoding="utf-8")
    assert [p for p in read_essay(markdown).text.split("\n")[1:]] == texts
    # a caption placing who is who, credited to a capture (a 自由時報 letter, 2019)
    path.write_text("林大明相關文章\n\n港人談陳同佳案\n\n陳同佳(左)與女友去年來台旅行。(擷取自臉書)\n\n台灣政府實無需過慮。\n",
                    encoding="utf-8")
    assert read_essay(path).text.split("\n") == ["港人談陳同佳案", "台灣政府實無需過慮。"]  # (an archive's heading is none)


@pytest.mark.parametrize("first_line, title, author", [
    # 聯合報 signs an op-ed in its headline (趙建民／「後美時代」台灣的兩岸方略, 2026)
    ("趙建民／「後美時代」台灣的兩岸方略", "「後美時代」台灣的兩岸方略", "趙建民"),
    # a city before ／ is no writer, nor a speaker quoted before a colon
    ("高雄市／議會通過新的國防預算案", "高雄市／議會通過新的國防預算案", None),
    ("蔡英文：台灣不會在壓力下屈服", "蔡英文：台灣不會在壓力下屈服", None),
])
def test_a_headline_signed_by_its_writer(tmp_path, first_line, title, author):
    essay = _essay(tmp_path, f"{first_line}\n\n民進黨執政十年，台灣海峽變為全球最危險的水域。\n", "op-ed.txt")
    assert (essay.title, essay.author) == (title, author)


def test_a_desks_credit_is_a_byline_not_a_heading(tmp_path):
    """A 中評社 forum transcript credits 「文/中評社香港7月11日」 under its title: no person, but
    a byline all the same; it was read as the essay's first section heading."""
    path = tmp_path / "forum.txt"
    path.write_text("國際政經環境與台灣出路\n\n文/中評社香港7月11日\n\n座談會邀請四位學者與會，討論台灣的出路。\n",
                    encoding="utf-8")
    essay = read_essay(path)
    assert essay.sections == [] and essay.author is None and len(essay.paragraphs) == 1


def test_a_markdown_body_kept_as_raw_html_is_read(tmp_path):
    """Archives of Q&A answers and feed entries keep the body as HTML inside the Markdown
    (a 知乎 answer: <div>回答<br><br><p>…</p><blockquote>…</blockquote></div>), which
    CommonMark passes through: the file was refused as holding no essay text. The answer
    opens on who answers (某某的回答: the author), and the archive dates it as a feed does
    (RFC 2822)."""
    essay = _essay(tmp_path, "---\ntitle: '國台辦的回應說明了什麼？'\ndate: Wed, 11 May 2022 08:21:00 GMT\n---\n\n<div>\n某某的回答<br><br>"
                          "<p>在記者會上，關於網路社團，記者提問了兩次。</p><p>國台辦發言人回答：</p>"
                          "<blockquote>我們一向支持兩岸青年交流，<b>積極創造條件</b>推動交流。</blockquote>"
                          "<figure><img src='x.png'><figcaption>記者會現場。美聯社</figcaption></figure>"
                          "<h2>我的看法</h2><ul><li>這等於承認網路交流背後有官方推動。</li></ul>"
                          "<script>var x = '不是文字';</script>"
                          "<p>臺灣方面應該正視這種網路統戰，加強媒體素養教育。</p>\n</div>\n", "answer.md")
    assert (essay.author, essay.date) == ("某某", "2022-05-11")
    texts = [essay.span(p.start, p.end) for p in essay.paragraphs]
    assert texts == ["在記者會上，關於網路社團，記者提問了兩次。", "國台辦發言人回答：",
                     "我們一向支持兩岸青年交流，積極創造條件推動交流。", "這等於承認網路交流背後有官方推動。",
                     "臺灣方面應該正視這種網路統戰，加強媒體素養教育。"]
    assert [s.heading for s in essay.sections] == ["我的看法"]
    assert [p.kind for p in essay.paragraphs][:4] == ["body", "body", "quote", "item"]  # the spokesman's words follow 回答：


def test_a_page_kept_as_html_in_markdown_sets_title_and_author_apart(tmp_path):
    """A journal's article archived as a Jekyll post: front matter, then the page's own
    <div class="article-title"> and <div class="article-author"> before its content."""
    essay = _essay(tmp_path, "---\ntitle: 兩岸關係的民意基礎\nauthor: 王小明\n---\n\n<div class=\"art-article\">\n"
                          " <div class=\"article-title\">\n  兩岸關係的民意基礎\n </div>\n"
                          " <div class=\"article-author\">\n  王小明\n </div>\n <div class=\"article-content\">\n"
                          "  <p style=\"text-align: center;\">\n   <strong>一、引言</strong>\n  </p>\n"
                          "  <p>\n   臺灣民眾對一國兩制的支持度長期偏低，這一點在各種民調中都相當一致。\n  </p>\n"
                          " </div>\n</div>\n", "post.md")
    assert (essay.title, essay.author) == ("兩岸關係的民意基礎", "王小明")
    assert [essay.span(p.start, p.end) for p in essay.paragraphs] == ["臺灣民眾對一國兩制的支持度長期偏低，這一點在各種民調中都相當一致。"]
    assert [s.heading for s in essay.sections] == ["引言"]


def test_a_headline_keeps_the_space_between_its_phrases_in_markdown_too(tmp_path):
    essay = _essay(tmp_path, "# 大國博弈動態調整 台灣須務實應對\n\n## 美 中 互動\n\n美方近期持續對臺軍售。\n", "e.md")
    assert essay.title == "大國博弈動態調整\u3000台灣須務實應對"
    assert essay.sections[0].heading == "美中互動"


def test_a_series_label_and_issue_number_are_not_the_title():
    """A CDT 404 archive episode is titled 「【404档案馆】第151期：“正统中国”…」 on its card."""
    from pipeline.ingest.metadata import clean_title
    assert clean_title("【404档案馆】第151期：“正统中国”、“乡愁”与民族主义狂潮") == "“正统中国”、“乡愁”与民族主义狂潮"
    assert clean_title("第二期的檢討報告") == "第二期的檢討報告"


def test_the_suffixes_looked_for_are_those_the_readers_read():
    from pipeline.ingest.inputs import SUPPORTED
    from pipeline.ingest.readers import READERS

    assert sorted(SUPPORTED) == sorted(READERS)


@pytest.mark.parametrize("stem, title", [("12_cdt-kevin-americas-china-problem", "cdt kevin americas china problem"),
                                         ("03-兩岸經貿_觀察", "兩岸經貿\u3000觀察"),
                                         ("2024年大選後的兩岸情勢", "2024年大選後的兩岸情勢")])
def test_a_title_taken_from_the_file_name_drops_its_ordinal(stem, title):
    """A file that holds no title is named in the brief by its file name, without the
    folder's ordering number (the corpus brief printed 「12 cdt-kevin-…」)."""
    from pipeline.ingest.metadata import title_from_filename

    assert title_from_filename(stem) == title


def test_a_report_no_one_signs_is_its_interviewees():
    """The standfirst says whom the piece interviewed; the one it goes on to cite is its
    author. 訪問 is also a visit: a place (華盛頓) is no interviewee, and a name the piece
    names once is not the one it is about."""
    from pipeline.ingest.metadata import interviewee

    lead = "本報分別訪問了國民黨顧問團召集人、大學社科院長王大明，以及民進黨副祕書長李小華，看兩岸關係。"
    body = lead + "王大明表示，兩岸應恢復對話。王大明認為，經濟可以分開處理。王大明強調，不要驚慌。"
    assert interviewee("兩岸對話", lead, body) == "王大明"
    assert interviewee("兩岸對話", lead, lead) is None  # each named once
    visit = "總統上月訪問華盛頓，會見國會議員。"
    assert interviewee("訪美", visit, visit + "華盛頓方面表示歡迎。華盛頓的智庫認為…") is None


def test_an_article_archived_twice_is_read_once(tmp_path):
    """CORPUS.md: the hkcnews archive keeps 04 under several numbers, the copies differing
    in front matter and small edits. Given two, the brief printed the essay twice and both
    lost their opening and closing paragraphs as 'furniture' the two files shared."""
    from pipeline.ingest import read_essays

    original = CORPUS / "04_hk-bosco-invite-tsai-to-congress.md"
    text = original.read_text(encoding="utf-8")
    (tmp_path / "article_18036.md").write_text(text, encoding="utf-8")
    edited = text.replace("特朗普", "川普").replace("date:", "last_seen: 2021-06-28\ndate:", 1)
    (tmp_path / "article_18037.md").write_text(edited, encoding="utf-8")
    other = CORPUS / "06_hk-taiwan-card-817-communique.md"
    warnings: list[str] = []
    essays = read_essays(sorted(tmp_path.iterdir()) + [other], warn=warnings.append)
    assert [e.id for e in essays] == ["article_18036", other.stem]
    assert len(warnings) == 1 and "article_18037.md: left out, a copy of" in warnings[0]
    alone = read_essay(original)
    assert [essays[0].span(p.start, p.end) for p in essays[0].paragraphs] == \
        [alone.span(p.start, p.end) for p in alone.paragraphs]


def test_no_two_corpus_essays_are_copies():
    """Essays on one subject (03 and 01 both quote 李世暉; the examples share their chips
    vocabulary) share names and phrases, never most of their text."""
    from pipeline.ingest import read_essays
    from pipeline.ingest.copies import copies

    essays = read_essays(sorted(CORPUS.iterdir()) + EXAMPLE_FILES)
    assert copies([e.text for e in essays]) == {}
    assert copies([essays[0].text, essays[0].text.replace("台灣", "臺灣")]) == {1: (0, pytest.approx(1.0, abs=0.25))}


def test_two_short_articles_of_one_site_are_no_copies_for_their_footer(tmp_path):
    """Two short pieces of one site that end on the same long appeal share most of their
    text but none of their middle: both are read (the appeal goes as furniture)."""
    from pipeline.ingest import read_essays

    footer_essay = read_essay(CORPUS / "13_cdt-cicero-taiwan-not-separate.md")
    footer = "".join(footer_essay.span(p.start, p.end) for p in footer_essay.paragraphs[5:])
    for name, source in (("a", "01_hk-cptpp-taiwan-accession.md"), ("b", "06_hk-taiwan-card-817-communique.md")):
        essay = read_essay(CORPUS / source)
        body = [essay.span(p.start, p.end) for p in essay.paragraphs[1:4]]
        (tmp_path / f"{name}.txt").write_text(f"{name} 篇\n\n" + "\n\n".join(body + [footer]) + "\n", encoding="utf-8")
    warnings: list[str] = []
    essays = read_essays(sorted(tmp_path.iterdir()), warn=warnings.append)
    assert [e.id for e in essays] == ["a", "b"] and not any("copy" in w for w in warnings)
    assert all(footer[:40] not in e.text for e in essays)


def test_a_card_field_whose_label_holds_digits_is_part_of_the_card(tmp_path):
    """CDT cards of deleted posts add 投稿人： and 404 日期：; the card stopped at the label
    with digits, which became the essay's only section heading (「404日期：2022.7.31」)."""
    original = CORPUS / "14_cdt-natural-sand-export-ban.md"
    text = original.read_text(encoding="utf-8")
    card = "发表日期：2022.8.3\n\n投稿人：Telegram 匿名网友\n\n404 日期：2022.8.4\n\n"
    path = tmp_path / "deleted.md"
    path.write_text(text.replace("发表日期：2022.8.3\n\n", card, 1), encoding="utf-8")
    essay, alone = read_essay(path), read_essay(original)
    assert (essay.title, essay.author, essay.date) == (alone.title, alone.author, alone.date)
    assert [s.heading for s in essay.sections] == [s.heading for s in alone.sections]
    assert essay.text == alone.text


VERSE = """兩岸之間

作者：王小明

一、鄉愁的年代

八十年代，兩岸在鄉愁的敘事中接觸，課本選入了余光中的《鄉愁》：

而現在

鄉愁是一灣淺淺的海峽

我在這頭

大陸在那頭”

這首詩成為幾代人共同的記憶，也塑造了大陸民間對臺灣的想像。

結論

鄉愁的想像在九十年代之後逐漸受到臺灣本土意識的挑戰。
"""


def test_verse_after_a_colon_is_no_heading(tmp_path):
    """A CDT podcast script outside the corpus quotes a poem line by line after 《鄉愁》：;
    each short line was read as a section heading with nothing in it. A short line alone
    between paragraphs (結論) still is one."""
    essay = _essay(tmp_path, VERSE, "verse.txt")
    assert [s.heading for s in essay.sections] == ["鄉愁的年代", "結論"]
    assert "我在這頭" in essay.text


def test_a_list_under_a_colon_is_a_line_each_in_unwrapped_text(tmp_path):
    """CDT's .txt copies set a paragraph per line: the names under 受制裁的官員包括： were run
    together with the sentence after them (受制裁的官員包括：特首林鄭月娥特首辦主任…其中4名…)."""
    essay = _essay(tmp_path, "美國宣布制裁中港官員\n美國財政部週五宣布，制裁11名損害香港自治的官員。\n受制裁的官員包括：\n"
                          "特首 林鄭月娥\n律政司司長 鄭若驊\n保安局局長 李家超\n其中4名為中國涉港官員，7人是香港政府官員。\n"
                          "華盛頓指，這批官員損害香港的自治。\n", "list.txt")
    paragraphs = [(p.kind, essay.span(p.start, p.end)) for p in essay.paragraphs]
    assert paragraphs[2:6] == [("item", "特首林鄭月娥"), ("item", "律政司司長鄭若驊"), ("item", "保安局局長李家超"),
                               ("body", "其中4名為中國涉港官員，7人是香港政府官員。")]


def test_a_date_line_above_the_text_is_its_date(tmp_path):
    """CDT copies put the post's date on a line under the title; with no date in the card
    it was dropped as a line without prose and the essay had no date."""
    path = tmp_path / "dated.md"
    path.write_text("# 兩岸之間\n\n2022-08-09\n\n作者：王小明\n\n" + VERSE.split("\n", 4)[4], encoding="utf-8")
    assert read_essay(path).date == "2022-08-09"



@pytest.mark.parametrize("line", ["中華民國114年4月2日", "民國114年4月2日", "114年4月2日"])
def test_a_date_line_in_the_roc_calendar_is_the_date(tmp_path, line):
    """A Taiwanese government paper dates itself by the ROC calendar under its title."""
    path = tmp_path / "dated.txt"
    path.write_text(f"中共軍演的政策意涵\n{line}\n\n中共近日在臺灣周邊海空域進行大規模軍事演習，嚴重破壞臺海和平穩定。\n",
                    encoding="utf-8")
    essay = read_essay(path)
    assert essay.date == "2025-04-02" and line not in essay.span(essay.paragraphs[0].start, essay.paragraphs[0].end)


@pytest.mark.parametrize("simplified, expected", [
    # from essays of the corpus and outside it: OpenCC's phrases matched across words
    ("美国放弃战略模糊和“一个中国政策”。", "一個中國政策"),  # not 一箇中國 (个中)
    ("详细描述了解放军近年来崛起的过程。", "描述了解放軍"),  # not 瞭解放軍 (了解)
    ("拜登甚至会比特朗普更狠。", "會比特朗普"),  # not 位元朗普 (比特, bit)
    ("美国制裁华为。", "美國制裁華為"),  # not 製裁 (美国制, made in the US)
    ("由台湾公民科技界开发并为其政府所接受。", "開發並為其政府"),  # not 併為 (合并为, merged into)
    ("两家公司合并为一家。", "合併為一家"),
    # Taiwan's standard forms where OpenCC gives a variant (a CDT report outside ../shared)
    ("提倡美国外交政策“军事克制”和“多边主义”。", "軍事克制"),  # not 剋制
    ("五行相克。", "五行相剋"),
    # and its phrases within a word, or two, still apply
    ("我们要了解中共。", "瞭解中共"),
    # Taiwan phrasing (s2twp) only for places; other words keep the author's vocabulary,
    # as s2twp's software table changes their sense (corpus 11, 12, 13)
    ("而且这也将得到两党的普遍支持。", "兩黨的普遍支持"),  # not 支援 (assist)
    ("在中共公然违反《中英联合声明》后", "《中英聯合聲明》"),  # the treaty's name, not 宣告
    ("且这个进程，随着俄乌战争的", "這個進程"),  # not 程序 (procedure)
    ("智库肯定不会承认他们发布关于华为的正面报告", "他們發佈關於華為"),  # not 釋出 (software release)
    ("新西兰总理和意大利外长都表示支持。", "紐西蘭總理和義大利外長"),
    # Taiwan's quotation marks, an apostrophe kept
    ("他说：“我们要‘和平’。”", "他說：「我們要『和平』。」"),
    ("报告，称”如果台海爆发战争，全世界经济将付出代价”。", "稱「如果臺海"),  # a closing mark typed to open
    # a quotation running on into the next paragraph opens without closing; one inside it is 『』 (corpus 11)
    ("她说：“中共所谓的“和平崛起”的真相，“中国梦”所必不可少的", "她說：「中共所謂的『和平崛起』的真相，『中國夢』所必"),
    ("就会改变算计。”", "就會改變算計。」"),  # …and closes one paragraphs later
    # straight marks that touch Chinese pair up too; those of English text stay (corpus 16)
    ('台湾选举是"煤矿中的金丝雀"，它"预示着"什么。model of "one country" for', '是「煤礦中的金絲雀」，它「預示著」什麼。model of "one'),
    ("由解放军主导封锁台湾（People’s Liberation Army-led blockade）", "（People’s Liberation"),
])
def test_simplified_text_is_converted_word_by_word(simplified, expected):
    """OpenCC matches phrases longest first without segmenting words (OpenCC #982)."""
    from pipeline.ingest.convert import to_taiwan
    assert expected in to_taiwan(simplified)


THINK_TANK_BRIEF = """國防安全研究院　國防安全簡報
中共灰色地帶行動對臺海安全的
挑戰與我國因應之道
作者：王大同
2025年3月10日
壹、前言
近年來，中共持續以海警船艦、民兵與無人機在臺海周邊進行灰色地帶行動，
試圖在不觸發武裝衝突的門檻下，逐步改變臺海現狀。
貳、政策建議
政府應建立海巡署與國軍之間的即時情資分享與指揮協調機制，
避免因權責不清而延誤應處時機。
"""


def test_a_think_tank_briefs_text_keeps_its_broken_title_under_the_publisher(tmp_path):
    """Text copied from a Taiwanese think tank's PDF brief (the genre the corpus lacks): the
    publisher and series over the title are no title, the title set large breaks after 的,
    and the byline over the date is no title either (it was taken for a page's title over
    its date line, and the real title dropped with the lines above it)."""
    essay = _essay(tmp_path, THINK_TANK_BRIEF, "brief.txt")
    assert (essay.title, essay.author, essay.date) == ("中共灰色地帶行動對臺海安全的挑戰與我國因應之道", "王大同", "2025-03-10")
    assert [s.heading for s in essay.sections] == ["前言", "政策建議"]
    assert "國防安全研究院" not in essay.text


JOURNAL_PAPER = """美中戰略競爭下的臺海情勢與我國因應
林小明
國立政治大學國際關係研究中心研究員
摘要
本文分析美中戰略競爭對臺海情勢的影響，並提出我國的因應建議。研究發現，美中競爭
短期內不會緩和，臺海將持續成為雙方角力的焦點。
壹、前言
自2018年美中貿易戰以來，雙方的競爭已由經貿擴及科技、軍事與意識形態等領域。1
北京將臺灣問題視為核心利益，而華府則加強對臺支持，使臺海成為美中競爭的前線。
貳、美中競爭的趨勢
美國近年透過《臺灣關係法》與多項友臺法案，持續強化與臺灣的安全合作。2然而，
美方對臺政策仍維持戰略模糊，2020年以來未曾改變。
────────────
1 詳見 Robert Sutter, US-China Relations (Lanham: Rowman & Littlefield, 2020), p. 45.
2 參見美國國會研究服務處報告，
  2022年。
                                                        52
問題與研究 第62卷 第1期
參、結論與建議
綜上所述，美中競爭將長期化，我國應審慎評估情勢，強化自我防衛能力。
"""


def test_a_journal_papers_text_loses_its_footnotes_calls_and_running_head(tmp_path):
    """Text copied from a journal paper's PDF: the author over the post the paper gives, the
    abstract under its label, the notes under the rule at the foot of the page and the calls
    to them glued to the next sentence (…領域。1北京…; …合作。2然而), the journal's running
    head; a number of the text (2020年) stays."""
    essay = _essay(tmp_path, JOURNAL_PAPER, "paper.txt")
    assert essay.author == "林小明"
    assert [s.heading for s in essay.sections] == ["摘要", "前言", "美中競爭的趨勢", "結論與建議"]
    assert [essay.span(p.start, p.end)[:6] for p in essay.lead] == ["本文分析美中"]
    for gone in ("Sutter", "參見", "研究服務處", "────", "問題與研究", "研究員", "。1", "1北京", "。2"):
        assert gone not in essay.text, gone
    assert "合作。然而，美方對臺政策仍維持戰略模糊，2020年以來未曾改變。" in essay.text


PRESS_RELEASE = """陸委會：中共軍演升高區域緊張 呼籲國人提高警覺
發布日期：2025-04-02
發布單位：大陸委員會
新聞稿編號：第025號

大陸委員會今（2）日表示，中共近日在臺灣周邊海空域進行大規模軍事演習，嚴重破壞臺海和平穩定，政府予以嚴厲譴責。

陸委會呼籲國人提高警覺，切勿輕信中共的認知作戰訊息，並呼籲中共當局停止對臺軍事威脅。

聯絡人：企劃處 王小明
聯絡電話：02-23975589
"""


def test_a_posts_emoji_and_hashtags_are_no_text(tmp_path):
    """A legislator's post copied from social media: emoji decorate (no shipped face has
    them, the brief printed them in a system fallback), hashtags index; neither is prose
    (the hashtag line was a finding). A dingbat bullet stays."""
    essay = _essay(tmp_path, "【守護台灣，從你我做起】🇹🇼\n\n今天在立法院質詢國防部長，我要求國防部提出具體的應處方案。💪\n\n"
                          "國軍必須強化後備動員體系，政府也應該加快不對稱戰力的建置。👍👍\n\n★ 台灣的安全，不能只靠別人。\n\n"
                          "#國防 #台灣 #立法院\n", "post.txt")
    assert essay.title == "【守護台灣，從你我做起】"
    assert not re.search("[\U0001F000-\U0001FAFF#]", essay.text), essay.text
    assert "方案。\n國軍必須" in essay.text and "台灣的安全，不能只靠別人。" in essay.text


def test_a_copied_reports_related_headlines_and_follow_appeals_are_no_prose(tmp_path):
    """A news report copied as text ends on 延伸閱讀： over other pieces' headlines and the
    site asking to be followed; none of it is the essay's (structured pages drop them too)."""
    essay = _essay(tmp_path, "學者：中共灰色地帶威脅升高\n\n中共近年持續以海警船艦進入金門限制水域，學者指出，灰色地帶威脅正在升高。\n\n"
                          "延伸閱讀：\n中共海警再闖金門禁限制水域 海巡全程監控\n國安局：中共認知作戰手法翻新\n\n"
                          "更多自由時報報導\n追蹤自由時報粉絲團\n點我訂閱自由財經Youtube頻道\n", "report.txt")
    assert len(essay.paragraphs) == 1 and not essay.sections
    for gone in ("延伸閱讀", "國安局", "海巡全程監控", "粉絲團", "頻道", "更多自由時報"):
        assert gone not in essay.text, gone


def test_a_press_releases_fields_and_contacts_are_no_prose(tmp_path):
    """A government press release heads itself with labelled fields and ends on its contacts:
    the date is the labelled one, the other fields and the contacts are no paragraph (they
    were the brief's findings)."""
    essay = _essay(tmp_path, PRESS_RELEASE, "release.txt")
    assert essay.date == "2025-04-02"
    assert len(essay.paragraphs) == 2
    for gone in ("發布單位", "新聞稿編號", "聯絡人", "聯絡電話", "02-23975589"):
        assert gone not in essay.text, gone


def test_a_subtitle_under_the_title_is_part_of_it(tmp_path):
    """A paper's title over its subtitle set on a line of its own (——兼論…): one title, and
    no paragraph of the essay."""
    essay = _essay(tmp_path, "美中科技戰的新局\n——兼論臺灣的因應策略\n\n作者：李大華\n\n美中科技競爭持續升溫，美國對中國的出口管制"
                          "不斷擴大，臺灣半導體產業首當其衝。\n", "subtitled.txt")
    assert essay.title == "美中科技戰的新局——兼論臺灣的因應策略" and len(essay.paragraphs) == 1


@pytest.mark.parametrize("line, publisher", [
    ("國防安全研究院　國防安全簡報", True),
    ("國家政策研究院．政策簡析", True),  # the series after a middle dot (the commissioned essays' masthead)
    ("遠景基金會", True),
    ("風傳媒", True),  # a news site's or a magazine's name
    ("天下雜誌", True),
    ("中共的傳媒", False),
    ("中央研究院院士呼籲政府重視半導體人才", False),  # a headline naming a body
])
def test_a_publishers_name_over_its_paper_is_a_masthead(line, publisher):
    from pipeline.ingest.furniture import is_page_furniture
    assert is_page_furniture(line) is publisher


def test_footnote_calls_go_only_for_notes_found():
    from pipeline.ingest.footnotes import drop_footnotes
    lines = ["臺灣的出口在2020年成長。3", "我們另見第3章。", "──────", "3 同上註。"]
    assert drop_footnotes(lines) == (["臺灣的出口在2020年成長。", "我們另見第3章。"], 2)
    # superscript numbers, as a word processor's copy sets them
    lines = ["兩岸貿易持續成長¹，但依賴加深。²", "──────", "¹ 詳見經濟部統計。", "² 同上註。"]
    assert drop_footnotes(lines) == (["兩岸貿易持續成長，但依賴加深。"], 3)
    # no rule, no notes: a line opening on a number is the text's own
    lines = ["北京持續施壓。1", "1 國防部表示，共機今日再度擾臺。"]
    assert drop_footnotes(lines) == (lines, 0)


def test_a_heading_over_numbered_short_headings_stays_one(tmp_path):
    """Short lines in a run are verse, but a numbered line stands on its own: 政策建議
    above 一、強化國防自主 stays a heading (the advice rules read the section's name)."""
    path = tmp_path / "numbered.txt"
    path.write_text("兩岸情勢評析\n\n美中關係持續緊張，臺灣面臨新的挑戰與機會，需要審慎因應。\n\n政策建議\n\n"
                    "一、強化國防自主\n\n臺灣應加速不對稱戰力的建置與部署，提升後備動員體系的效能。\n\n"
                    "二、深化經貿合作\n\n臺灣應深化與理念相近國家的經貿合作，分散供應鏈風險。\n", encoding="utf-8")
    assert [s.heading for s in read_essay(path).sections] == ["政策建議", "強化國防自主", "深化經貿合作"]


DIGEST = """# 【報告匯】佩洛西訪臺與戰略模糊政策，七月工人求助事件暴增

2022-08-05

一，佩洛西訪臺並參觀國家人權博物館

美國眾議院議長佩洛西於8月2日晚間抵達臺灣，開始其訪問行程，這是25年來再次有眾議院議長訪臺。

學者認為美國在堅持一個中國政策下應該明確表示，如果臺灣受到武裝攻擊，美國一定會作出回應。

二，七月工人求助事件暴增

根據勞工組織的追蹤，七月份發生安全事故38起，工人求助167起，均高於上月同期水平。

1、刑事拘留5人，名單如下：

金漢豔、金漢琴、譚兵林、賴天明、李志宏。

截至發稿為止，共有1376名在押政治犯，另有大量人員被強迫失蹤並未完全記錄在內。

相關閱讀：

【報告匯】中國國際形象持續惡化，75%澳洲人視中國為軍事威脅

【報告匯】中國人如何看待民主？美國譴責中國迫害宗教
"""


def test_a_digests_sections_list_and_related_reading(tmp_path):
    """A CDT report digest outside the corpus numbers its parts 一，… (as typed in web
    posts), announces a list with a numbered line ending on a colon, and ends on 相關閱讀：
    and other pieces' titles, their links lost: the parts are the sections, the list's
    line is no heading, and the titles are no text of the essay (two were findings)."""
    essay = _essay(tmp_path, DIGEST, "digest.md")
    assert [s.heading for s in essay.sections] == ["佩洛西訪臺並參觀國家人權博物館", "七月工人求助事件暴增"]
    assert "刑事拘留5人，名單如下：" in essay.text
    assert "相關閱讀" not in essay.text and "國際形象" not in essay.text
    assert essay.text.rstrip().endswith("並未完全記錄在內。")


def test_related_reading_mid_essay_ends_at_the_next_heading(tmp_path):
    """相關閱讀：and the titles under it are left out up to the next heading, not beyond."""
    essay = _essay(tmp_path, "# 兩岸之間\n\n美國眾議院議長佩洛西於8月2日晚間抵達臺灣，開始其訪問行程，引發北京強烈反應。\n\n"
                          "相關閱讀：\n\n【報告匯】中國國際形象持續惡化\n\n## 北京的反應\n\n"
                          "解放軍隨即在臺灣周邊海域舉行大規模軍事演習，持續數日之久。\n", "related.md")
    assert "國際形象" not in essay.text
    assert [s.heading for s in essay.sections] == ["北京的反應"] and "解放軍隨即" in essay.text


def test_an_appeal_to_readers_ending_the_text_is_a_footer(tmp_path):
    """A CDT 404 archive piece ends 「中国数字时代 CDT 致力于记录…欢迎大家通过电报(Telegram)平台
    向我们投稿…！」 with no rule above it; an appeal inside the text stays."""
    essay = _essay(tmp_path, "# 兩岸之間\n\n美國眾議院議長佩洛西於8月2日晚間抵達臺灣，引發北京強烈反應。\n\n"
                          "作者呼籲讀者歡迎支持我們的獨立調查，因為這關乎臺灣的未來與民主。\n\n"
                          "解放軍隨即在臺灣周邊海域舉行大規模軍事演習，持續數日之久。\n\n"
                          "中国数字时代 CDT 致力于记录和传播被审查的信息。欢迎大家通过电报(Telegram)平台 向我们投稿，"
                          "为记录和对抗中国网络审查作出你的贡献！\n", "appeal.md")
    assert "投稿" not in essay.text and "致力於記錄" not in essay.text
    assert essay.text.rstrip().endswith("持續數日之久。") and "獨立調查" in essay.text


def test_a_paragraph_a_verb_of_saying_introduces_is_a_quotation(tmp_path):
    """A CDT archive copy flattens <blockquote>: 「台灣作家廖信忠在回應文章中寫道：」 then the
    quoted paragraph, or 「…在其論文中指出」 with no colon. The quotation is that speaker's,
    not the essay's; the paragraph after it, or after a heading, is the essay's again."""
    essay = _essay(tmp_path, "# 引文\n\n韓寒在文章的最後寫道：\n\n我要感謝香港和台灣，他們庇護了中華的文化。\n\n"
                          "這種讚揚在當時並不罕見。\n\n學者薛梅在其論文中指出\n\n這是官方民族主義與民間民族主義的結盟。\n\n"
                          "## 後來\n\n他接著說：\n\n## 結語\n\n兩岸關係進入寒冬。\n", "quotes.md")
    kinds = {essay.text[p.start:p.end]: p.kind for p in essay.paragraphs}
    assert kinds["我要感謝香港和台灣，他們庇護了中華的文化。"] == "quote"
    assert kinds["這是官方民族主義與民間民族主義的結盟。"] == "quote"
    assert kinds["這種讚揚在當時並不罕見。"] == "body"
    assert kinds["兩岸關係進入寒冬。"] == "body"


def test_a_numeral_alone_on_a_line_marks_a_part_of_unwrapped_text(tmp_path):
    """A CDT .txt copy sets its parts under bare numerals, one line each (1 / 據紀委… / 2 / …)
    with no blank lines around them: the numeral is no text of the paragraph after it."""
    essay = _essay(tmp_path, "胡錫進的五宗罪\n\n大家知道，胡錫進最近很火，對國家大事頻頻說三道四。\n\n1\n"
                          "據紀委監察部網站的通報，環球時報總編輯胡錫進受到行政警告處分。\n2\n"
                          "針對中國該擁有多少核武器，胡錫進大放厥詞。\n", "parts.txt")
    paragraphs = [essay.span(p.start, p.end) for p in essay.paragraphs]
    assert paragraphs[1].startswith("據紀委") and paragraphs[2].startswith("針對中國")
    assert "1" not in essay.text and "2據" not in essay.text


def test_an_editors_gloss_inside_a_sentence_is_no_text(tmp_path):
    """Corpus 16 glosses an English idiom inside a quoted sentence ((编者注：英文成语，意思是
    "危险将至")), and a CDT report outside ../shared a term (（编者注：金融压制是指…）): the
    site's words were printed in the brief as the essay's."""
    essay = read_essay(CORPUS / "16_cdt-election-interference-2024.md")
    assert "編者注" not in essay.text
    assert "臺灣選舉是「煤礦中的金絲雀」，它「預示著" in essay.text
    path = tmp_path / "report.md"
    path.write_text("# 中国经济为何衰落\n\n中国经济的问题，包括金融压制 (financial repression)（编者注：金融压制是指人为压低"
                    "市场收益率）也基本是外界的共识。译者认为（译注：原文为 guns and butter）这是两难。\n", encoding="utf-8")
    text = read_essay(path).text
    assert "金融壓制(financial repression)也基本是外界的共識" in text
    assert "譯注" not in text and "這是兩難" in text


def test_readings_printed_over_or_after_each_character_are_no_text(tmp_path):
    """Pages that print each character's reading (pinyin, zhuyin) as <ruby>: in HTML the
    <rt> stayed in the text (民(mín)進(jìn)黨) and glued the headline to the first paragraph;
    in text copied from such a page (a 中評 re-post in the pages corpus, 臺(tái)灣選舉結(jié)果)
    the readings follow the characters. A clause's (a) stays."""
    ruby = "".join(f"<ruby>{c}<rp>(</rp><rt>{r}</rt><rp>)</rp></ruby>" for c, r in zip("民進黨", ("mín", "jìn", "dǎng")))
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>兩岸關係的下一步</title></head><body><article><h1>兩岸關係的下一步</h1>"
                    f"<p>{ruby}當局持續走與大陸脫鉤的道路，只怕會讓兩岸關係在冷對抗的局面下更加動盪。"
                    "台灣應該重新思考兩岸政策，恢復制度化的溝通管道，避免誤判。</p>"
                    "<p>從蔡英文第一任期的言行邏輯來看，第二任期的政策方向不會有大變化。兩岸交流是硬道理，"
                    "是任一打算在台灣執政的政黨不能迴避的課題。</p></article></body></html>", encoding="utf-8")
    copied = tmp_path / "copied.txt"
    copied.write_text("兩岸關係的下一步\n\n此次臺(tái)灣選(xuǎn)舉(jǔ)結(jié)果對(duì)兩岸關係影響深遠(yuǎn)，"
                      "民進(jìn)黨的(de)人只怕會讓兩岸關係更加動盪。依第五條(a)款，兩岸交流是硬道理。\n", encoding="utf-8")
    html_essay, text_essay = read_essay(page), read_essay(copied)
    assert html_essay.title == "兩岸關係的下一步"
    first = [essay.span(essay.paragraphs[0].start, essay.paragraphs[0].end) for essay in (html_essay, text_essay)]
    assert first[0].startswith("民進黨當局持續走與大陸脫鉤的道路")
    assert first[1].startswith("此次臺灣選舉結果對兩岸關係影響深遠，民進黨的人只怕會")
    assert "第五條(a)款" in first[1]


def test_a_forum_posts_line_gives_the_date(tmp_path):
    """A forum's re-post of an editorial (pages corpus: 台报社论:国民党要弃守两岸了吗?) prints
    the poster's handle, the date and the views under the title (admin 2021-9-10 915)."""
    essay = _essay(tmp_path, "台报社论:国民党要弃守两岸了吗?\n\nadmin 2021-9-10 915\n\n"
                          "国民党主席选举辩论,4位候选人的表现让人失望。两岸和平的核心,在台湾和大陆的连结。"
                          "4位候选人却绕来绕去说不清楚,没有人指出民进党让两岸方方面面脱钩的危险。\n", "post.txt")
    assert (essay.author, essay.date) == (None, "2021-09-10")
    assert [essay.span(p.start, p.end)[:5] for p in essay.paragraphs] == ["國民黨主席"]


def test_a_papers_abstract_leads_and_its_keywords_are_no_heading(tmp_path):
    """A journal article (a 中評 月刊 paper in the pages corpus) opens on 【摘要】 and its text
    in one paragraph, then 【關鍵詞】 and its terms: the abstract was a body paragraph
    printed with its label, the keyword line a section heading. Now the abstract is the
    lead (原文提要) without its label; the keywords are no text."""
    essay = _essay(tmp_path, "民進黨當局無法迴避的真實情況\n\n"
                          "【摘要】2024年民進黨贏得選舉後，其未來政策引人關注。本文從兩個方面闡述民進黨當局制定政策時無法忽略的真實情況。\n\n"
                          "【關鍵詞】民進黨；兩岸關係；國家統一\n\n一、地理上台灣與大陸最近\n\n"
                          "台灣與大陸隔海相望，最近處僅約130公里。地理上的接近，使兩岸的往來難以切斷。\n\n"
                          "二、歷史的事實\n\n民進黨當局的政策無法改寫這段歷史，反而加深了兩岸的隔閡。\n", "paper.txt")
    assert [essay.span(p.start, p.end)[:6] for p in essay.lead] == ["2024年民"]
    assert [s.heading for s in essay.sections] == ["地理上台灣與大陸最近", "歷史的事實"]
    assert "關鍵詞" not in essay.text and "摘要" not in essay.text


def test_an_advertisements_label_between_paragraphs_is_no_heading(tmp_path):
    """Pages corpus: a Yahoo copy of a 中時 editorial leaves 廣告 廣告 between paragraphs,
    which became a section heading over the rest of the text."""
    essay = _essay(tmp_path, "美國還是台灣盟友嗎？\n\n長期以來，美國確實是友台的世界大國，也是願意出售防衛武器給台灣的唯一國家。\n\n"
                          "廣告 廣告\n\n近年來台灣花了大筆軍費向美國採購多項武器，重要軍備遲遲未交付。\n", "editorial.txt")
    assert essay.sections == [] and "廣告" not in essay.text
    assert len(essay.paragraphs) == 2


def test_a_news_pages_menu_captions_and_reporter_above_the_text(tmp_path):
    """Pages corpus: an ETtoday report copied whole opens on its section menu (國際 國際焦點
    … 國際政經 | 國際社會), which was taken for the title; its photo's caption, printed twice,
    pushed the reporter's line (記者張靖榕／綜合報導) out of the byline's place, so it became
    a section heading. A udn op-ed's caption printed twice on consecutive lines (…變局。圖／
    歐新社資料照片) was read as its first paragraph."""
    report = tmp_path / "report.txt"
    report.write_text("國際 國際焦點 北美要聞 日韓要聞 東南亞要聞 國際政經 | 國際社會\n\n"
                      "美前官員：台灣面對川普　要把握強化國防、對美投資的好牌\n\n"
                      "▲美國總統川普。（圖／路透）\n\n▲美國總統川普。（圖／路透）\n\n記者張靖榕／綜合報導\n\n"
                      "面對中國日益加劇的軍事威脅，2位美國前高階官員近日在專文中指出，台灣應強化自身國防與韌性。\n\n"
                      "文章指出，領導人必須懷抱緊迫感，優先投資國防與社會韌性。\n", encoding="utf-8")
    oped = tmp_path / "oped.txt"
    caption = "美國總統川普宣布對等關稅政策新稅率於美國時間8月7日生效，各國忙著應付變局。圖／歐新社資料照片"
    oped.write_text(f"賴任川普予取予求 置台於險境\n\n聯合報／ 趙興鵬／中華戰略學會研究員（台北市）\n{caption}\n{caption}\n\n"
                    "這次與美國談判關稅，賴清德政府可說如軟柿子被美國捏在手上。\n\n"
                    "美國以其強大經濟實力及國防武力對全球各國耍流氓，這與國際貿易基本理論完全不合。\n", encoding="utf-8")
    essay = read_essay(report)
    assert (essay.title, essay.author, essay.sections) == ("美前官員：台灣面對川普　要把握強化國防、對美投資的好牌", "張靖榕", [])
    assert essay.span(essay.paragraphs[0].start, essay.paragraphs[0].end).startswith("面對中國")
    essay = read_essay(oped)
    assert essay.author == "趙興鵬"
    assert [essay.span(p.start, p.end)[:4] for p in essay.paragraphs] == ["這次與美", "美國以其"]


def test_a_page_copied_whole_starts_at_the_title_over_its_date(tmp_path):
    """Pages corpus: 自由時報 op-eds copied whole open on the site's name (自由電子報), its
    menus and a breadcrumb (評論 > 投書), then the title over the date line: the site's name
    was the title. A subtitle over the date is no title (one line above it)."""
    page = tmp_path / "page.txt"
    page.write_text("自由電子報\n自由評論網\n評論首頁 政經 社會 生活 國際 名人 言論 專欄 社群 投書 自由評論網粉絲團\n"
                    "財富自由 財經 娛樂 藝文 汽車 時尚 體育 3 C 評論 玩咖\n評論 > 投書\n\n"
                    "自由開講》盟友信任需行動換來 軍購、關稅、非紅供應鏈缺一不可\n\n2026/03/03 19:00\n\n◎ 楊聰榮\n\n"
                    "台灣的國家安全與經濟繁榮從來不是單一議題，軍購、關稅協議、非紅供應鏈重組已經被綁在同一條繩子上。\n",
                    encoding="utf-8")
    essay = read_essay(page)
    assert (essay.title, essay.author, essay.date) == ("盟友信任需行動換來　軍購、關稅、非紅供應鏈缺一不可", "楊聰榮", "2026-03-03")
    page.write_text("自由電子報\n自由開講》雙贏的關稅未來\n\n2026/01/28 08:30\n\n◎守護自由的老鷹\n\n"
                    "軍事是經濟的後盾，有好的經濟才能支撐軍事，讓國家安全，敵人不敢來犯。\n", encoding="utf-8")
    essay = read_essay(page)  # (◎ sets the byline, a pen name too)
    assert (essay.title, essay.date, essay.author) == ("雙贏的關稅未來", "2026-01-28", "守護自由的老鷹")
    assert essay.lead == []
    page.write_text("大國博弈動態調整\n台灣須務實應對的四個面向\n\n2024-01-02\n\n"
                    "全球格局正經歷深刻轉變，大國博弈進入動態調整階段。\n", encoding="utf-8")
    assert read_essay(page).title == "大國博弈動態調整"


def test_mainland_pages_bylines_dates_and_summaries(tmp_path):
    """Pages corpus, three mainland shapes. 观察者网 sets its source line, the date, the
    author's name over a card repeating it (王文 / 王文作者) and their post, then an editor's
    【导读】 and a 核心摘要 list: the source line, date and name were paragraphs, the post a
    heading. A journal's paper marks its author with a footnote (袁征[1]), read as a
    heading. A WeChat post dates itself as 文摘   2025-01-18 10:31   北京."""
    page = tmp_path / "guancha.txt"
    page.write_text("王文:佩洛西若冒险,会引发“第四次台海危机”吗?\n\n来源:观察者网\n\n2022-08-02 07:47\n\n王文\n\n王文作者\n\n"
                    "中国人民大学重阳金融研究院执行院长\n\n【导读】 美国众议长佩洛西意图冒险“窜访台湾”。本文为采访内容的文字整理。\n\n"
                    "核心摘要\n\n●中美博弈已经到悬崖边了,而中国在全力拯救。\n\n●台湾问题,现在越来越像是中美风险的灰犀牛。\n\n"
                    "中美博弈已到悬崖边\n\n中美关系在过去几年持续恶化,美方一再试探中方底线。\n", encoding="utf-8")
    essay = read_essay(page)
    assert (essay.author, essay.date) == ("王文", "2022-08-02")
    assert [essay.span(p.start, p.end)[:4] for p in essay.lead] == ["美國眾議", "中美博弈", "臺灣問題"]
    assert [s.heading for s in essay.sections] == ["核心摘要", "中美博弈已到懸崖邊"]
    paper = tmp_path / "paper.txt"
    paper.write_text("特稿\n\n拜登政府对台政策\n\n袁征[1]\n\n摘要:随着中美战略博弈加剧,美国“以台制华”的趋向更加明显。\n\n"
                     "拜登政府执政后,就对美国对华政策进行了重新评估。其背后的逻辑值得我们去认真探讨。\n", encoding="utf-8")
    essay = read_essay(paper)
    assert (essay.title, essay.sections) == ("拜登政府對臺政策", [])
    assert essay.author is not None and essay.author.startswith("袁")
    post = tmp_path / "post.txt"
    post.write_text("台湾问题与中美关系\n\n文摘   2025-01-18 10:31   北京  \n\n"
                    "      台湾问题本来是中国国内问题,只是由于美国的干涉,才成了中美两国之间的国际争端。\n", encoding="utf-8")
    essay = read_essay(post)
    assert (essay.date, len(essay.paragraphs)) == ("2025-01-18", 1)


def test_a_bare_link_and_the_originals_address_are_no_text(tmp_path):
    """Pages corpus: a forum's copy of a Facebook post pastes the post's link on lines of
    its own (its query wrapped onto the next: &sfns=mo), which joined the first paragraph;
    a copied report ends on 原文網址: …https://…, read as its last paragraph."""
    path = tmp_path / "post.txt"
    path.write_text("台灣的選擇\n\n臉書連結:\nhttps://www.facebook.com/46251501064/posts/10155882425781065?s=1000\n&sfns=mo\n"
                    "我參與過「港澳關係條例」的起草,年輕時也常趁著轉機,跑去香港的書店買當時最新的\n"
                    "貿易法專業書籍。\n\n台灣應該加強國防，並且深化與民主國家的合作，這是當前最重要的課題。\n\n"
                    "原文網址: 美前官員：台灣面對川普 | ETtoday新聞雲 https://www.ettoday.net/news/20250928/3041324.htm\n",
                    encoding="utf-8")
    essay = read_essay(path)
    assert "http" not in essay.text and "sfns" not in essay.text and "原文網址" not in essay.text
    assert essay.span(essay.paragraphs[-1].start, essay.paragraphs[-1].end).startswith("台灣應該加強國防")


def test_a_first_line_ending_on_a_colon_is_no_title(tmp_path):
    """Pages corpus: a PTT post copying a Facebook post opens on its template's label
    (臉書卦點說明:), which was taken for the title: the file's name gives it."""
    path = tmp_path / "[臉書] 蔡英文：今日香港，明日台灣.txt"
    path.write_text("臉書卦點說明:\n今日香港,明日台灣,蔡英文守護台灣的民主自由。\n\n"
                    "我參與過「港澳關係條例」的起草,年輕時也常趁著轉機,跑去香港的書店買書。\n", encoding="utf-8")
    assert read_essay(path).title == "蔡英文：今日香港，明日台灣"


def test_a_translators_or_reposts_credit_is_a_byline_naming_no_author(tmp_path):
    """A Markdown re-post of a Japanese journalist's column (GitHub, not in ../shared)
    credits the group that re-posted it (…轉載自GNews) and its translator (编译：东京樱花团/
    Hopkins): the first was a paragraph, the second a section heading."""
    essay = _essay(tmp_path, "## 矢板明夫哀叹香港立法会选举\n` 東京櫻花団-Tokyo Sakura Group` [轉載自GNews](https://gnews.org/zh-hans/1786695/)\n\n"
                          "编译：东京樱花团/Hopkins\n\n香港立法会选举结果出炉，投票率创下了新低，非建制派全部落选。"
                          "虽然是意料之中的事情，还是不免为香港的民主之死感到惋惜。\n", "column.md")
    assert (essay.title, essay.author, essay.sections) == ("矢板明夫哀嘆香港立法會選舉", None, [])
    assert [essay.span(p.start, p.end)[:4] for p in essay.paragraphs] == ["香港立法"]


def test_a_mirrored_post_under_its_way_back_home(tmp_path):
    """A GitHub mirror of GNews posts (ourhimalayas/txt, not in ../shared) heads each page with
    a link home (### [:house:返回首頁](…)) over the post's own title, sets the byline over a
    photo in one Markdown paragraph and ends on its proof-reader's credit and the platform's
    disclaimer: the link was the title, the byline ran into the first paragraph and the
    disclaimer was a finding."""
    essay = _essay(tmp_path, "###  [:house:返回首頁](https://github.com/ourhimalayas/txt)\n---\n\n\n"
                          "## 台海局势紧张引发国际关注\n` 喜马拉雅农场新西兰站` [轉載自GNews](https://gnews.org/zh-hans/1/)\n\n"
                          "本文作者：Rebecca (一切心皆不可得！)\n![](https://assets.gnews.org/1.png)\n"
                          "解放军军机连续多日在台湾周边活动，美国国务院表示高度关注，日本也表达了对台海和平稳定的重视。\n\n"
                          "分析人士认为，北京的军事施压不会改变台湾民众对民主制度的支持，反而加深了两岸之间的隔阂。\n\n"
                          "审核校对：sherryok (水云间)\n\n"
                          "免责声明：本文内容仅代表作者个人观点，平台不承担任何法律风险。\n", "README.md")
    assert (essay.title, essay.author) == ("臺海局勢緊張引發國際關注", "Rebecca")
    paragraphs = [essay.span(p.start, p.end) for p in essay.paragraphs]
    assert [p[:4] for p in paragraphs] == ["解放軍軍", "分析人士"]  # no byline, proof-reader or disclaimer


def test_a_mirrored_post_dates_itself_beside_its_poster_and_credits_its_proof_reader(tmp_path):
    """Another mirror of GNews posts (snuug/txt, not in ../shared) prints the date with the
    poster's handle under the title (`2020-09-17 21:33 shangshang` [轉載自GNews](…)) and the
    writer's and proof-reader's credits on one line (內軍事：快慢機 校對: 天藍色獨角色): the post
    had no date and the credits were its one section's heading. A credits line naming the
    writer by role (作者：王小明　校對：李四) still gives the author."""
    post = ("## 已組建70年的中共空降部隊，運力弊端難逃被包圍厄運！\n"
            "`2020-09-17 21:33 shangshang` [轉載自GNews](https://gnews.org/zh-hant/364833/)\n\n{credits}\n"
            "![](https://s3.amazonaws.com/gnews-media-offload/1.png)\n"
            "中共空降兵部隊近日為紀念其組建70週年，進行了一次合成營集群傘降實兵對抗演練。\n\n"
            "中共軍方一直都想把「空降兵軍」，建設成為一個合成混編空降快速打擊集群。但受制於嚴重短板的空運能力。\n")
    essay = _essay(tmp_path, post.format(credits="內軍事：快慢機 校對: 天藍色獨角色"), "README.md")
    assert (essay.date, essay.author, essay.sections) == ("2020-09-17", None, [])
    assert [essay.span(p.start, p.end)[:4] for p in essay.paragraphs] == ["中共空降", "中共軍方"]
    essay = _essay(tmp_path, post.format(credits="作者：王小明　校對：李四"), "README.md")
    assert (essay.author, [essay.span(p.start, p.end)[:4] for p in essay.paragraphs]) == ("王小明", ["中共空降", "中共軍方"])


def test_a_translated_posts_credits_are_no_text(tmp_path):
    """A GNews post translated into French (snuug/txt, not in ../shared) sets each credit over
    its translation in one Markdown paragraph (作者：… / Auteur：…) and credits its translator
    and proof-reader with their language and group (法语翻译：Ikonic (VOH 法语翻译组）法语校对：…):
    both were the text's first paragraphs, a translator's credit alone a section heading."""
    essay = _essay(tmp_path, "## 世纪大案 1：华尔街之狼\n`2020-09-12 18:00 xiaopijiang` [轉載自GNews](https://gnews.org/zh-hant/351110/)\n\n"
                          "作者：美东香草山农场文艺组：Tiffany的早餐\nAuteur：Le petit déjeuné du Tiffany du Groupe littérature\n\n"
                          "法语翻译：Ikonic (VOH 法语翻译组）法语校对：Marie (VOH 法语翻译组）\n\n"
                          "2013年，电影《华尔街之狼》上映。我们的故事将告诉读者，真实的世界远比电影更让人难以接受。\n", "README.md")
    assert [essay.span(p.start, p.end)[:4] for p in essay.paragraphs] == ["2013"]
    essay = _essay(tmp_path, "# 美國的台海政策走向\n\n法語翻譯：Ikonic\n\n"
                          "美國近年對台政策出現明顯轉變，國會通過多項友台法案。這一趨勢在可見的未來仍將延續。\n", "post.md")
    assert (essay.author, essay.sections, len(essay.paragraphs)) == (None, [], 1)


def test_a_mirrored_brief_credits_its_reporter_under_a_photo(tmp_path):
    """Another post of that mirror: a photo with its source on the next line of the same
    Markdown paragraph (![](…) / 图片来源：…) and the reporter's credit (整理报道：小红帽)
    under it; the source was the first paragraph and the credit a section heading."""
    essay = _essay(tmp_path, "## 台积电为美国客户代工新芯片\n` 墨尔本雅典娜农场` [轉載自GNews](https://gnews.org/zh-hans/2/)\n\n"
                          "![](https://assets.gnews.org/chip.jpg)\n图片来源：androidauthority.com\n\n整理报道：小红帽\n\n"
                          "美国芯片公司周一发布了一款新的数据中心芯片，该芯片由台湾的台积电负责制造。\n\n"
                          "分析师认为，美国客户对台湾代工的依赖仍在加深，这让台湾在供应链中的地位更加重要。\n", "README.md")
    assert (essay.author, essay.sections) == ("小紅帽", [])
    assert [essay.span(p.start, p.end)[:4] for p in essay.paragraphs] == ["美國芯片", "分析師認"]


def test_an_archived_answer_under_its_card(tmp_path):
    """A CDT copy of a 知乎 answer (GitHub news-backup, not in ../shared): its card links the
    author (作者： [夺了鸟位](…)), a line dropped as link-dense, so the answer's opening
    (**夺了鸟位：** 王志安…) was read as one more field of the card and lost; a hard break
    sent a sentence's last character to a paragraph of its own (…大错特错  / 了。)."""
    essay = _essay(tmp_path, "\n\n**标题：** 如何看待王志安被禁止入境台湾5年？  \n\n**作者：** [夺了鸟位](https://chinadigitaltimes.net/space/知乎)  \n\n"
                          "**发表日期：** 2024.1.24  \n\n**来源：** [知乎](https://www.zhihu.com/question/641026789)  \n\n"
                          "**夺了鸟位：** 王志安这几天一直赞美蒋经国留下的体制，认为台湾政客们辜负了民主。\n\n"
                          "但是，如果你因此得出结论，民主社会和威权统治也没什么不同，那就大错特错  \n\n了。\n\n"
                          "民主和法治的社会之所以优越，就是因为社会有制约政客的力量。\n", "answer.md")
    assert (essay.author, essay.date) == ("奪了鳥位", "2024-01-24")
    texts = [essay.span(p.start, p.end) for p in essay.paragraphs]
    assert texts[0].startswith("王志安這幾天") and texts[1].endswith("那就大錯特錯了。") and len(texts) == 3


def test_a_space_an_archive_wrote_as_an_escape_is_a_space(tmp_path):
    """A BBC report copied as text by CDT (outside the corpus) sets a heading as
    「\\xa0“两国论”」: the six characters of Python's escape for a no-break space, which
    the brief printed in the section's heading."""
    text = ("李登辉去世\n台湾前总统李登辉于周四晚间在台北过世，享年98岁。\n"
            "\\xa0“两国论”\n1999年在他总统任期尾声，他接受专访，突然提出“两国论”，掀起两岸政治风暴。\n")
    essay = _essay(tmp_path, text, "bbc.txt")
    assert [s.heading for s in essay.sections] == ["「兩國論」"]
    assert "xa0" not in essay.text


def test_halfwidth_corner_brackets_are_set_full_width():
    """Corpus 02 closes a quotation with the halfwidth ｣ (…所以我們必須改變如何組織軍隊的
    傳統思維｣。), which the brief printed narrower than the 「 opening it."""
    essay = read_essay(CORPUS / "02_hk-tsai-cnn-us-trainers.md")
    assert "｣" not in essay.text and "｢" not in essay.text
    assert "組織軍隊的傳統思維」" in essay.text
