"""Print-ready typography and audiences: PDFs built by the CLI, read back and measured."""
from __future__ import annotations

import re
import subprocess

import pdfplumber
import pytest
from pypdf import PdfReader

from conftest import CORPUS, ESSAY_G20, ESSAY_XI, EXAMPLES, SHARED_ESSAYS, pdf_body_text, pdf_text, run_brief
from pipeline.render.page import MM, Page
from pipeline.render.typeset import Measure, typeset
from pipeline.render.typography import NO_LINE_END, NO_LINE_START, full_width


@pytest.fixture(scope="session")
def briefs(tmp_path_factory, cache_dir):
    """One brief per built-in audience from the real essays."""
    out = tmp_path_factory.mktemp("audiences")
    paths = {}
    for audience in ("analyst", "executive", "public"):
        paths[audience] = out / f"{audience}.pdf"
        result = run_brief("build", str(SHARED_ESSAYS), "-o", str(paths[audience]), "--audience", audience)
        assert result.returncode == 0, result.stderr
    return paths


@pytest.mark.parametrize("audience", ["analyst", "executive", "public"])
def test_no_line_starts_with_a_prohibited_mark(briefs, audience):
    lines = [line.strip() for line in pdf_text(briefs[audience]).splitlines() if line.strip()]
    # pdftotext -layout keeps the PDF's lines; dot leaders of the contents are no text line
    bad = [line for line in lines if line[0] in NO_LINE_START and not line.startswith("...")]
    assert bad == []
    assert not [line for line in lines if line[-1] in NO_LINE_END]


def _body_lines(pdf_path):
    """Lines of 10.5pt body text, per page, top to bottom: (page, top, x0, x1, text)."""
    with pdfplumber.open(pdf_path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            rows: dict[int, list] = {}
            for ch in page.chars:
                if abs(ch["size"] - 10.5) < 0.05 and "Serif" in ch["fontname"]:
                    rows.setdefault(round(ch["top"]), []).append(ch)
            for top in sorted(rows):
                chars = sorted(rows[top], key=lambda c: c["x0"])
                yield number, top, chars[0]["x0"], chars[-1]["x1"], "".join(c["text"] for c in chars)


@pytest.mark.parametrize("audience", ["analyst", "executive"])
def test_every_non_final_body_line_reaches_the_margin(briefs, audience):
    right = (Page().size_mm[0] - Page().margin_mm[1]) * MM
    lines = list(_body_lines(briefs[audience]))
    checked = 0
    for (page, top, x0, x1, text), following in zip(lines, lines[1:] + [None]):
        # the next line continues the same block when it follows at one line's distance
        continues = following is not None and following[0] == page and following[1] - top < 10.5 * 1.75 + 1
        if continues:
            checked += 1
            assert abs(x1 - right) < 0.6, f"page {page}: line ends {right - x1:.1f}pt short: {text}"
    assert checked > 10


def test_typesetter_breaks_at_allowed_places_and_justifies():
    measure = Measure(width_pt=10 * 10.5, size_pt=10.5)  # ten characters a line
    html = str(typeset("一二三四五六七八九——十甲乙丙丁戊己庚辛壬癸。子丑寅卯辰巳午未申酉「戌」亥", measure))
    lines = [re.sub(r"<[^>]+>", "", line) for line in html.split("<br>")]
    assert "".join(lines) == "一二三四五六七八九——十甲乙丙丁戊己庚辛壬癸。子丑寅卯辰巳午未申酉「戌」亥"
    for line in lines[1:]:
        assert line[0] not in NO_LINE_START and not line.startswith("—")
    for line in lines:
        assert line[-1] not in NO_LINE_END
    assert "——" in "".join(line for line in lines if "——" in line)  # the dash was not split
    assert lines[0] == "一二三四五六七八"  # 九 went down with —— rather than let it start a line
    assert 'letter-spacing' in html.split("<br>")[0]  # a short line is justified


def test_a_justified_line_spaces_between_ideographs_not_inside_latin_words():
    """From the corpus (文十一): 白邦瑞（Michael Pillsbury）on a justified line was set
    M i c h a e l; the slack goes between the ideographs and after each word."""
    text = "特朗普總統的中國顧問白邦瑞（Michael Pillsbury）認為，美國已經宣佈的太平洋威懾倡議是改變中共軍事行徑的有效手段。"
    html = str(typeset(text, Measure(width_pt=24 * 10.5, size_pt=10.5)))
    line = next(line for line in html.split("<br>") if "Michae" in line)
    assert re.search(r"letter-spacing:0\.\d*[1-9]", line)  # a justified line, spaced out
    unspaced = html.replace('</span><span style="letter-spacing:0">', "")  # a word's syllables
    assert '<span style="letter-spacing:0">Michae</span>l' in unspaced
    assert '<span style="letter-spacing:0">Pillsbur</span>y' in unspaced
    assert re.sub(r"<[^>]+>", "", html) == text.replace("(", "（").replace(")", "）")


def test_a_latin_word_that_would_leave_its_line_gaping_is_hyphenated():
    """Corpus 文十一 in the brief: 「…之一白邦瑞（Michael」 ended a line and Pillsbury） went
    down whole, so the line before was spread a tenth of an em a character. Now the name is
    hyphenated where English hyphenates it, and no line is spread past MAX_SPACING_EM."""
    from pipeline.render.typeset import MAX_SPACING_EM

    text = ("美國智庫哈德遜研究所中國戰略中心主任、特拉普總統的中國顧問之一白邦瑞（Michael Pillsbury）認為，"
            "美國已經宣佈的「太平洋威懾倡議」應該是改變中共在西太平洋地區以及臺海地區軍事行徑的有效手段。")
    html = str(typeset(text, Page().point))
    lines = [re.sub(r"<[^>]+>", "", line) for line in html.split("<br>")]
    assert lines[0].endswith("Pills-") and lines[1].startswith("bury）")
    assert "".join(line.removesuffix("-") for line in lines) == full_width(text)
    assert all(float(s) <= MAX_SPACING_EM for s in re.findall(r"letter-spacing:(-?[0-9.]+)em", html))
    # short words and Han text are never hyphenated
    short = str(typeset("臺" * int(Page().point.width_em - 3) + "（Harry Lee）認為。", Page().point))
    assert not re.search(r"-(<[^>]+>)*<br>", short)


def test_display_uses_full_width_punctuation():
    assert full_width("中國大陸(下稱大陸)於今(2022)年,雙方:同意") == "中國大陸（下稱大陸）於今（2022）年，雙方：同意"
    # an apostrophe in a Western word is the Latin one (the CJK faces set ’ full width: corpus 06's
    # （…regarding Taiwan’s future）, a GNews title's L’Affaire du siècle); a closing quote stays
    assert full_width("（rigidly circumscribes U.S. policy options regarding Taiwan’s future）") == \
        "（rigidly circumscribes U.S. policy options regarding Taiwan's future）"
    assert full_width("‘Taiwan’ 的說法") == "‘Taiwan’ 的說法"
    assert full_width("in 2022 (Biden, Xi)") == "in 2022 (Biden, Xi)"


def test_real_bold_faces_and_metadata(briefs):
    fonts = subprocess.run(["pdffonts", str(briefs["analyst"])], capture_output=True, text=True, check=True).stdout
    assert "Brief-Sans-TC-Bold" in fonts  # a real bold face, not a synthesised one
    reader = PdfReader(briefs["analyst"])
    meta = reader.metadata
    assert meta.title == "政策評析簡報" and meta.author == "黃瓊萩"
    assert "評析G20拜習高峰會" in meta.subject and "習近平" in meta["/Keywords"]
    assert meta["/CreationDate"].startswith("D:")
    assert reader.trailer["/Root"]["/Lang"] == "zh-Hant-TW"


def test_executive_brief_fits_two_pages_with_all_recommendations(briefs, tmp_path):
    assert len(PdfReader(briefs["executive"]).pages) <= 2
    result = run_brief("build", str(EXAMPLES), "-o", str(tmp_path / "e.pdf"), "--audience", "executive",
                       "--json", str(tmp_path / "e.json"))
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(tmp_path / "e.pdf").pages) <= 2
    import json

    text = re.sub(r"\s+", "", pdf_body_text(tmp_path / "e.pdf"))
    for essay in json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))["essays"]:
        for item in essay["taiwan"]["recommendations"]:
            assert re.sub(r"\s+", "", full_width(item["text"])) in text


def test_executive_brief_of_many_essays_leaves_out_their_findings_and_says_so(tmp_path):
    """Nine corpus essays need more than two pages even with one finding each: the brief
    keeps the synthesis and every recommendation, leaves the essays' findings out and says
    so, instead of failing (it used to stop with 'even with one finding per essay')."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(CORPUS.glob("0[1-9]_*")):
        (folder / path.name).write_bytes(path.read_bytes())
    result = run_brief("build", str(folder), "-o", str(tmp_path / "e.pdf"), "--audience", "executive",
                       "--json", str(tmp_path / "e.json"))
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(tmp_path / "e.pdf").pages) == 2
    import json

    text = re.sub(r"\s+", "", pdf_body_text(tmp_path / "e.pdf"))
    assert "本期共9篇，篇幅所限，各文重點發現從略" in text
    for essay in json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))["essays"]:
        for item in essay["taiwan"]["recommendations"]:
            assert re.sub(r"\s+", "", full_width(item["text"])) in text


def test_executive_brief_of_the_corpus_quotes_one_side_of_each_pair(tmp_path):
    """Sixteen essays overflow two pages even without their findings: agreements and
    divergences then quote one essay and name the other (另見文三), every recommendation kept."""
    result = run_brief("build", str(CORPUS), "-o", str(tmp_path / "e.pdf"), "--audience", "executive",
                       "--json", str(tmp_path / "e.json"))
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(tmp_path / "e.pdf").pages) == 2
    import json

    # (a point that runs over the page break has the footer and the next header inside it)
    text = re.sub(r"\s+", "", pdf_body_text(tmp_path / "e.pdf"))
    assert re.search("另見文[一二三四五六七八九十]+。", text) and "本期共16篇" in text
    for essay in json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))["essays"]:
        for item in essay["taiwan"]["recommendations"]:
            assert re.sub(r"\s+", "", full_width(item["text"])) in text


def test_contents_page_numbers_match_the_outline(briefs):
    reader = PdfReader(briefs["analyst"])
    outline = {o.title: reader.get_destination_page_number(o) + 1 for o in reader.outline if not isinstance(o, list)}
    contents = reader.pages[1].extract_text()
    assert "目次" in contents
    entries = re.findall(r"(綜合研析|文[一二]|附錄)[^\n]*?\.{3,}\s*(\d+)", pdf_text(briefs["analyst"]).replace("\n\n", " "))
    assert len(entries) >= 4
    for label, number in entries:
        target = next(title for title in outline if title.startswith(label))
        assert outline[target] == int(number), (label, number, outline)
    assert any(isinstance(o, list) for o in reader.outline)  # headings nested by level


def test_public_brief_has_no_checksums_or_banner(tmp_path):
    config = tmp_path / "brief.toml"
    config.write_text('[brief]\nclassification = "限閱"\n', encoding="utf-8")
    for audience in ("analyst", "public"):
        result = run_brief("build", str(SHARED_ESSAYS), "-o", str(tmp_path / f"{audience}.pdf"),
                           "--audience", audience, "--config", str(config))
        assert result.returncode == 0, result.stderr
    analyst, public = pdf_text(tmp_path / "analyst.pdf"), pdf_text(tmp_path / "public.pdf")
    pages = len(PdfReader(tmp_path / "analyst.pdf").pages)
    assert analyst.count("限閱") == 2 * pages  # header and footer of every page
    assert "限閱" not in public
    assert re.search(r"[0-9a-f]{64}", analyst) and not re.search(r"[0-9a-f]{64}", public)


@pytest.mark.parametrize("variant, marker", [("pdf/a-3u", "pdfaid:part"), ("pdf/ua-1", "pdfuaid:part")])
def test_pdf_variants_declare_themselves(tmp_path, variant, marker):
    out = tmp_path / "v.pdf"
    result = run_brief("build", str(ESSAY_XI), "-o", str(out), "--pdf-variant", variant)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert marker in xmp
    check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    if variant.startswith("pdf/a"):
        assert 'pdfaid:part="3"' in xmp or "<pdfaid:part>3</pdfaid:part>" in xmp
        assert "/OutputIntents" in root
    else:
        assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
        assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    for line in fonts.splitlines()[2:]:  # embedded, and mapped to Unicode (the "u" of a-3u)
        assert line.split()[-5] == "yes" and line.split()[-3] == "yes", line
    assert "/Encrypt" not in reader.trailer
    assert "政策評析簡報" in xmp and reader.metadata.title == "政策評析簡報"  # XMP agrees with the info




def test_paper_and_bleed(tmp_path):
    result = run_brief("build", str(ESSAY_XI), "-o", str(tmp_path / "b5.pdf"), "--paper", "B5", "--bleed")
    assert result.returncode == 0, result.stderr
    page = PdfReader(tmp_path / "b5.pdf").pages[0]
    trim, media = page.trimbox, page.mediabox
    assert (round(float(trim.width) / MM), round(float(trim.height) / MM)) == (176, 250)
    assert round((float(media.width) - float(trim.width)) / MM) >= 6  # 3 mm bleed each side, and the marks


def test_templates_list_and_a_custom_template_changes_the_output(tmp_path):
    listed = run_brief("templates", "list")
    assert listed.returncode == 0 and all(a in listed.stdout for a in ("analyst", "executive", "public"))
    folder = tmp_path / "mine"
    init = run_brief("templates", "init", "analyst", str(folder))
    assert init.returncode == 0, init.stderr
    template = folder / "brief-analyst.html"
    template.write_text(template.read_text(encoding="utf-8") + '{% block appendix %}<section class="chapter">'
                        '<h2>本單位自訂附錄</h2>{{ super() }}</section>{% endblock %}\n', encoding="utf-8")
    (folder / "brief.css").write_text((folder / "brief.css").read_text(encoding="utf-8")
                                      .replace("color: #111", "color: #600"), encoding="utf-8")
    out = tmp_path / "custom.pdf"
    result = run_brief("build", str(ESSAY_XI), "-o", str(out), "--template-dir", str(folder), "--html",
                       str(tmp_path / "c.html"))
    assert result.returncode == 0, result.stderr
    assert "本單位自訂附錄" in pdf_text(out)
    html = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert "color: #600" in html and f"used: {template}" in html
    again = run_brief("templates", "init", "analyst", str(folder))
    assert again.returncode == 1 and "not overwritten" in again.stderr


def test_user_audience_and_template_errors_name_file_and_line(tmp_path):
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "brief-minister.html").write_text('{% extends "default:brief.html" %}\n'
                                               '{% block synthesis %}<h2>部長摘要</h2>{% endblock %}\n', encoding="utf-8")
    # two essays: a brief of one has no synthesis to replace
    result = run_brief("build", str(ESSAY_G20), str(ESSAY_XI), "-o", str(tmp_path / "m.pdf"), "--template-dir",
                       str(folder), "--audience", "minister")
    assert result.returncode == 0, result.stderr
    assert "部長摘要" in pdf_text(tmp_path / "m.pdf")
    (folder / "brief-broken.html").write_text('{% extends "brief.html" %}\n{% block cover %}\n{{ nothing.here }}\n'
                                              "{% endblock %}\n", encoding="utf-8")
    broken = run_brief("build", str(ESSAY_XI), "-o", str(tmp_path / "b.pdf"), "--template-dir", str(folder),
                       "--audience", "broken")
    assert broken.returncode == 1
    assert "brief-broken.html" in broken.stderr and "line 3" in broken.stderr and "Traceback" not in broken.stderr
    (folder / "brief-syntax.html").write_text("{% block x %}\n{% if %}\n", encoding="utf-8")
    syntax = run_brief("build", str(ESSAY_XI), "-o", str(tmp_path / "s.pdf"), "--template-dir", str(folder),
                       "--audience", "syntax")
    assert syntax.returncode == 1 and "brief-syntax.html" in syntax.stderr and "line 2" in syntax.stderr
    sandboxed = folder / "brief-escape.html"
    sandboxed.write_text("{{ ''.__class__.__mro__ }}", encoding="utf-8")
    escape = run_brief("build", str(ESSAY_XI), "-o", str(tmp_path / "x.pdf"), "--template-dir", str(folder),
                       "--audience", "escape")
    assert escape.returncode == 1 and "unsafe" in escape.stderr.lower()
    unknown = run_brief("build", str(ESSAY_XI), "--audience", "nobody")
    assert unknown.returncode == 2


def test_an_over_long_latin_token_breaks_inside_the_measure():
    from pipeline.render.typeset import _units, _width, break_lines

    measure = Page().point
    text = ("詳見https://www.example.gov.tw/policy/documents/2023/cross-strait-economic-cooperation-framework-"
            "agreement-review-final-report.pdf之說明，臺灣應審慎評估。")
    lines = break_lines(_units(text), measure.width_em, measure.width_em)
    assert len(lines) == 2 and all(_width(line) <= measure.width_em + 1e-6 for line in lines)
    assert "".join(u.text for line in lines for u in line) == text


def test_autospace_goes_between_ideographs_and_latin_only():
    html = str(typeset("於2022年，G20「拜習會」、APEC峰會", Measure(width_pt=400, size_pt=10.5)))
    assert html.count('class="as"') == 3  # 於|2022, 2022|年 and APEC|峰; none beside ， 「 or 、


def test_points_already_shown_are_not_repeated(briefs):
    from pipeline.model import Item
    from pipeline.render.html import unseen

    lead = Item("甲。乙。", 1.0, "e", 0, 0, 4, "甲。乙。")
    sentence = Item("乙。", 0.9, "e", 0, 2, 4, "乙。")
    other = Item("丙。", 0.8, "e", 1, 5, 7, "丙。")
    elsewhere = Item("乙。", 0.7, "f", 0, 2, 4, "乙。")
    assert unseen([sentence, other, elsewhere], [lead]) == [other, elsewhere]
    assert unseen([lead, sentence]) == [lead]
    # on the real essays: 001's lead point is printed once, not again as a finding (the
    # executive brief, which prints no lead points, at most once among its findings)
    counts = {audience: re.sub(r"\s", "", pdf_text(briefs[audience])).count("雙方焦點不同")
              for audience in ("analyst", "executive")}
    assert counts["analyst"] == 1 and counts["executive"] <= 1, counts


@pytest.mark.parametrize("n, label", [(1, "一"), (10, "十"), (12, "十二"), (99, "九十九"), (100, "一百"),
                                      (105, "一百零五"), (110, "一百一十"), (115, "一百一十五"), (230, "二百三十"),
                                      (1005, "一千零五"), (1015, "一千零一十五"), (2345, "二千三百四十五")])
def test_essay_labels_count_past_ninety_nine(n, label):
    """A brief of a hundred essays or more labels them 文一百, 文一百零一 … (it crashed at 100)."""
    from pipeline.render.html import han_number

    assert han_number(n) == label


def test_a_wrapped_title_keeps_its_last_word_whole():
    """The brief of the corpus beside a BBC report outside it set 文十七's title as …和「喪權辱國」
    的親 / 日派: a wrapped title's last line starts after its last 的 when the word after it is
    short, and never holds a lone character."""
    from pipeline.render.typeset import autospaced
    title = str(autospaced("李登輝辭世：領導「寧靜革命」的「民主先生」和「喪權辱國」的親日派"))
    assert title.endswith('的<span style="white-space:nowrap">親日派</span>')
    assert str(autospaced("美國終於有人要打「台灣牌」的人")).endswith('<span style="white-space:nowrap">的人</span>')
    assert str(autospaced("中美關係為何在最近兩年急轉直下？")).endswith('<span style="white-space:nowrap">下？</span>')


def test_no_autospace_beside_western_quotation_marks_or_brackets():
    """Western quotes and brackets inside Chinese (a translated op-ed: 結論：“無論北京…”) sat a
    quarter em off the ideographs they enclose."""
    html = str(typeset("結論：“無論北京對川普執政有何評價”，與[北京]合作，Nick說", Measure(width_pt=400, size_pt=10.5)))
    assert html.count('class="as"') == 1  # Nick|說 only


def test_shipped_advance_widths_are_the_faces_own():
    from pipeline.render.fonts import ADVANCES, FACES, FONTS, advances, read_advances

    shipped = advances()
    for _, _, name in FACES:
        assert shipped[name] == read_advances(FONTS / name), f"{ADVANCES} is stale: python -m pipeline.render.fonts"


def test_a_point_that_just_misses_its_line_is_tightened_not_gaped():
    """Corpus 07's 「…短期內不會有變化。〔文七・第17段〕」 missed one line by a third of an em:
    its last two characters went down with the reference and the line before was spaced a
    quarter em apart. Now the line is tightened by less than MAX_SQUEEZE_EM a character."""
    from pipeline.render.page import reference_width_em
    from pipeline.render.typeset import MAX_SQUEEZE_EM

    measure = Page().point
    reference = "〔文七・第17段〕"
    tail = f'<span class="ref">{reference}</span>'
    chars = int(measure.width_em - reference_width_em(reference))  # text and reference miss by < 1 em
    text = "臺" * (chars - 1) + "。"
    over = chars + 0.25 + reference_width_em(reference) - measure.width_em
    assert 0 < over < MAX_SQUEEZE_EM * chars
    html = str(typeset(text, measure, tail, reference_width_em(reference)))
    assert "<br>" not in html  # one line
    spacing = [float(s) for s in re.findall(r"letter-spacing:(-?[0-9.]+)em", html)]
    assert spacing and all(-MAX_SQUEEZE_EM <= s < 0 for s in spacing)
    # a point that misses by more is broken as before, its first line justified
    longer = str(typeset("臺" * (chars + 3) + "。", measure, tail, reference_width_em(reference)))
    assert "<br>" in longer


def test_a_point_that_misses_its_line_by_more_sets_its_reference_alone():
    """Corpus 文十二's 「俄羅斯獲取這些天然氣的收益之後，…的武器軍備。〔文十二・第21段〕」
    missed its line by about an em: 備。 went down with the reference and the 36 characters
    before were spread over 44, a sixth of an em apart. Now the sentence keeps its line, set
    close, and the reference takes the next."""
    from pipeline.render.page import reference_width_em
    from pipeline.render.typeset import MAX_SPACING_EM

    measure = Page().point
    reference = "〔文十二・第21段〕"
    tail = f'<span class="ref">{reference}</span>'
    text = "臺" * (int(measure.width_em) - 7) + "。"  # fits alone, not with its reference
    html = str(typeset(text, measure, tail, reference_width_em(reference)))
    first, second = html.split("<br>")
    assert re.sub(r"<[^>]+>", "", first) == text and re.sub(r"<[^>]+>", "", second) == reference
    assert "letter-spacing" not in first  # the text's last line is never spread out
    # a longer point spreads its justified lines no wider than MAX_SPACING_EM
    longer = str(typeset("臺" * int(measure.width_em * 1.8) + "。", measure, tail, reference_width_em(reference)))
    spacing = [float(s) for s in re.findall(r"letter-spacing:(-?[0-9.]+)em", longer)]
    assert all(s <= MAX_SPACING_EM for s in spacing)
