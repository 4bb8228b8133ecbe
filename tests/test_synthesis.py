"""The synthesis an analyst would sign (../shared/essays and ../shared/corpus): themes are
concepts, not a party under two names; pairs are judgements on a named subject; the
positions table is grounded; no point is printed twice; every point stands alone."""
from __future__ import annotations

import json
import re

import pytest

from conftest import CORPUS, SHARED_ESSAYS, pdf_text, run_brief
from pipeline.analyse import analyse
from pipeline.analyse.ranker import REFERS_BACK
from pipeline.ingest import read_essay
from pipeline.synthesise.actors import ALIAS

SPAN = re.compile(r'data-source="([^":]+):(\d+)-(\d+)"')


def printed_spans(html: str) -> list[tuple[str, int, int]]:
    return [(m.group(1), int(m.group(2)), int(m.group(3))) for m in SPAN.finditer(html)]


def synthesis_items(data: dict) -> list[dict]:
    syn = data["synthesis"]
    items = [i for t in syn["themes"] for i in t["items"]] + [i for p in syn["positions"] for i in p["items"]]
    for pair in syn["agreements"] + syn["divergences"]:
        items.append(pair)
    return items


def all_points(data: dict) -> list[dict]:
    points = synthesis_items(data)
    for essay in data["essays"]:
        points += essay["summary"] + essay["findings"] + essay["taiwan"]["recommendations"] + essay["taiwan"]["implications"]
    return points


@pytest.fixture(params=["essays", "corpus"])
def brief(request, built):
    if request.param == "essays":
        return built["json"], built["html"], built["pdf"]
    pdf, data = request.getfixturevalue("corpus_brief")
    return data, pdf.with_suffix(".html").read_text(encoding="utf-8"), pdf


def test_no_two_printed_points_quote_the_same_span(brief):
    data, html, _ = brief
    spans = printed_spans(html)
    assert len(spans) > 20
    for n, (essay, start, end) in enumerate(spans):
        for other, s, e in spans[n + 1:]:
            assert not (essay == other and s < end and start < e), (essay, start, end, s, e)
    # a point the synthesis quoted is referred to in the essay's chapter, not repeated
    assert "見" in re.sub(r"<[^>]+>", "", "".join(re.findall(r'<span class="seen">.*?</span></span>', html)))


def test_themes_are_concepts_with_their_names_merged(brief):
    data, _, _ = brief
    themes = data["synthesis"]["themes"]
    assert themes
    terms = [t["term"] for t in themes]
    for t in themes:
        assert t["term"] not in ALIAS and ALIAS.get(t["term"], t["term"]) == t["term"]  # a party is no theme
        assert len(t["items"]) >= 2 and len({i["source"]["essay"] for i in t["items"]}) == len(t["items"])
        assert all(any(form in i["source"]["quote"] or form in i["text"] for form in [t["term"], *t["aliases"]])
                   for i in t["items"]) or data["essays"][0]["converted"]
    for a in terms:  # G20 and G20峰會 are one theme
        assert not any(a != b and (a in b or b in a) for b in terms), terms


def test_pairs_are_judgements_on_a_named_subject(brief):
    data, _, _ = brief
    for pair in data["synthesis"]["agreements"] + data["synthesis"]["divergences"]:
        assert pair["subject"]
        for side in (pair["source"], pair["counterpart"]):
            assert not re.search(r"本文|筆者|\d+月\d+日", side["quote"]), side["quote"]


def test_the_two_bad_pairs_are_gone(built):
    """Narration (the summit's date and place) and the essay announcing its plan."""
    sides = [side["quote"] for pair in built["json"]["synthesis"]["agreements"] + built["json"]["synthesis"]["divergences"]
             for side in (pair["source"], pair["counterpart"])]
    assert sides  # the essays do part on what the talks mean for Taiwan
    assert not any("11月14日在印尼峇里島參加G20峰會時舉行會談" in q for q in sides)
    assert not any("此為本文著重分析的第二個重點" in q for q in sides)


def test_positions_hold_both_essays_us_and_prc_on_the_taiwan_question(built):
    rows = built["json"]["synthesis"]["positions"]
    essays = {p.stem: read_essay(p) for p in sorted(SHARED_ESSAYS.iterdir())}
    for party, initial in (("美方", "美"), ("中方", "中")):
        cells = [r for r in rows if r["issue"] == "臺灣問題" and (r["party"] == party or
                                                             (r["party"].endswith("雙方") and initial in r["party"]))]
        assert {i["source"]["essay"] for r in cells for i in r["items"]} == set(essays), party
    for row in rows:
        for item in row["items"]:
            src = item["source"]
            assert essays[src["essay"]].text[src["start"]:src["end"]] == src["quote"]
    us = [i["source"]["quote"] for r in rows if r["party"] == "美方" for i in r["items"]]
    assert any("一中" in q or "一個中國" in q for q in us)


def test_positions_are_printed_as_a_table(built):
    assert "各方立場對照" in pdf_text(built["pdf"])
    assert re.search(r'<table class="positions">.*?<th class="issue" rowspan="\d+">臺灣問題', built["html"], re.S)


def test_every_point_stands_alone(brief):
    """No point opens on an unresolved 此/該/這/其 or ends mid-sentence on ；/：."""
    data, _, pdf = brief
    for item in all_points(data):
        text = item["text"]
        assert not REFERS_BACK.match(text) or item in [r for e in data["essays"] for r in e["taiwan"]["recommendations"]], text
        assert not re.search(r"[；：;:][」』”’）)]*$", text), text
    # and as printed: no line of points opens on 此 (此外 aside) after a bullet
    assert not re.search(r"•\s*(?:此(?!外|次|時)|該|這(?!次))", pdf_text(pdf))


def test_a_one_essay_brief_has_no_synthesis(tmp_path):
    result = run_brief("build", str(SHARED_ESSAYS / "000_504b365ec193fe1d.txt"), "-o", str(tmp_path / "one.pdf"),
                       "--json", str(tmp_path / "one.json"))
    assert result.returncode == 0, result.stderr
    synthesis = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))["synthesis"]
    assert synthesis == {"themes": [], "agreements": [], "divergences": [], "positions": []}
    assert "綜合研析" not in pdf_text(tmp_path / "one.pdf")


def test_keywords_hold_no_near_duplicates(brief):
    data, _, _ = brief
    for essay in data["essays"]:
        terms = [k["term"] for k in essay["keywords"]]
        assert not any(a != b and a in b for a in terms for b in terms), terms


def test_headings_contents_and_keywords_space_han_from_latin(built):
    """Wherever the brief sets Han beside a Latin letter or digit (評析G20拜習), a quarter
    em stands between them: headings, contents, keywords, the positions table."""
    html = built["html"]
    body = html[html.index("<body"):]
    parts = re.findall(r"<h[1-4][^>]*>.*?</h[1-4]>|<nav class=\"contents.*?</nav>|<div class=\"meta\">.*?</div>|"
                       r"<td class=\"party\">.*?</td>", body, re.S)
    assert any("G20" in p for p in parts)
    for part in parts:
        shown = re.sub(r"<[^>]+>", "", re.sub(r'<span class="as"[^>]*></span>', "␣", part))
        assert not re.search(r"[\u4e00-\u9fff][A-Za-z0-9]|[A-Za-z0-9][\u4e00-\u9fff]", shown), shown


def test_a_source_reference_rarely_stands_alone_on_a_line(brief):
    """A reference travels with its point's last characters; it takes a line of its own
    only where carrying them down would spread the line before a sixth of an em apart
    (typeset's MAX_SPACING_EM), and then the text's last line is set close."""
    _, html, _ = brief
    tails = [m.start() for m in re.finditer(r'<span class="tail-gap">', html)]
    assert len(tails) > 20
    alone = 0
    for at in tails:
        line_start = max(html.rfind("<br>", 0, at), html.rfind('<span class="set">', 0, at))
        if not re.sub(r"<[^>]+>", "", html[line_start:at]).strip():
            alone += 1
            before = html[html.rfind("<br>", 0, line_start) + 4:line_start]
            assert "letter-spacing" not in before, before
    assert alone <= len(tails) // 10


def test_each_audience_is_what_the_readme_says(tmp_path):
    for audience in ("executive", "public"):
        out = tmp_path / f"{audience}.html"
        result = run_brief("build", str(SHARED_ESSAYS), "--audience", audience, "-o", str(tmp_path / f"{audience}.pdf"),
                           "--html", str(out))
        assert result.returncode == 0, result.stderr
        html = out.read_text(encoding="utf-8")
        if audience == "executive":  # agreements and divergences under their own labels
            assert "<h3>觀點分歧</h3>" in html or "<h3>各文共識</h3>" in html
        else:
            assert '<nav class="contents' in html


@pytest.mark.parametrize("sentence, expected", [
    # corpus 16 (Simplified, read through its Traditional view): the ministry's statement is
    # about tariffs, which the sentence names only after the clause that follows 表示
    ("比如，同樣在1月9日，“中國商務部表示，大陸正在考慮暫停其他台灣產品，比如如漁業產品、紡織品和汽車零部件等的關稅減讓。",
     [("中方", "經貿")]),
    # corpus 02: the author's explanation of the cross-strait chill, not China stating a position
    ("主因是中國相信民進黨主張獨立，儘管蔡英文公開聲明將維持現狀。", []),
    # corpus 07: Beijing's reaction the author infers (因此) from Taipei's stance, which the
    # sentence is about; it was filed under 中方
    ("民進黨拒不接受「九二共識」，蔡英文總統在新年講話中拒絕「一國兩制」，這是非常清晰明確的立場，"
     "北京和親中的人士因此更認為有理由指責蔡政府的「台獨」傾向。", []),
    # written here: a party stating a position, the issue read from what it said
    ("美方重申，美國堅守一個中國政策，反對任何一方片面改變現狀。", [("美方", "一中政策")]),
    ("北京則強調臺灣問題是中國內政。", [("中方", "臺灣問題")]),
])
def test_a_position_is_a_party_stating_a_stance_on_what_it_said(sentence, expected):
    from pipeline.synthesise.actors import Speakers
    from pipeline.synthesise.positions import _stances

    assert [(party, issue) for party, issue, _ in _stances(sentence, "", Speakers({}))] == expected


@pytest.mark.parametrize("sentence", [
    # corpus 03: Japan's wish is inside what a Taiwanese legislator reported (first clause
    # of the sentence; after 「；」 the essay itself reports 日方也在會中承諾…)
    "羅致政說，雙方同意未來有許多經濟議題可以合作，科技方面如半導體合作也是此次會談焦點，"
    "包括台積電在內的台灣重要半導體產業，日方希望台灣當局能促成相關投資合作。",
    # corpus 01: after 「但」 the author speaks again; Biden's statement was about CPTPP only
    "至於美國總統拜登雖已聲稱，任內不會加入 CPTPP，但在商言商，美台商業協會（US-Taiwan Business Council）"
    "23日發表聲明稱，對台灣申請加入CPTPP一事表達歡迎，強調台灣在科技、投資與供應鏈具有優勢，能成為CPTPP會員國重要價值夥伴。",
])
def test_what_a_speaker_reports_holds_no_position_of_its_own(sentence):
    from pipeline.synthesise.actors import Speakers
    from pipeline.synthesise.positions import _stances

    assert _stances(sentence, "", Speakers({})) == []


def test_no_two_pairs_quote_the_same_sentences(corpus_brief):
    """A sentence can be an essay's lead point, finding and implication at once: it is
    paired once (the corpus brief printed one agreement twice, the second as 「見…」)."""
    synthesis = corpus_brief[1]["synthesis"]
    spans = [(s["essay"], s["start"], s["end"])
             for pair in synthesis["agreements"] + synthesis["divergences"] for s in (pair["source"], pair["counterpart"])]
    for n, (essay, start, end) in enumerate(spans):
        assert not any(e == essay and s < end and start < t for e, s, t in spans[n + 1:]), (essay, start, end)


def test_no_list_of_an_essay_holds_one_sentence_twice(corpus_brief):
    """A point that takes the sentence before it can hold another point of its list whole
    (corpus 03 listed 「見文三對臺意涵第五點」 among its own implications)."""
    for essay in corpus_brief[1]["essays"]:
        for points in (essay["findings"], essay["taiwan"]["recommendations"], essay["taiwan"]["implications"]):
            spans = [(p["source"]["start"], p["source"]["end"]) for p in points]
            for n, (start, end) in enumerate(spans):
                assert not any(s < end and start < t for s, t in spans[n + 1:]), (essay["id"], start, end)


def test_no_synthesis_point_keeps_an_interviews_turn_label(corpus_brief):
    """Corpus 07 answers 答：…; its points drop the label, but the 經濟 theme printed
    「答：中國大陸對台灣的威脅是最大的議題，…」 (found reading the corpus brief, page 5)."""
    synthesis = corpus_brief[1]["synthesis"]
    texts = [item["text"] for theme in synthesis["themes"] for item in theme["items"]]
    assert texts and not [t for t in texts if t.startswith(("答：", "問：", "吳﹕", "立﹕"))]
    quoted = [item for theme in synthesis["themes"] for item in theme["items"]
              if item["source"]["quote"].startswith("答：")]
    assert quoted  # the answers are quoted as they stand, and printed without the label
    assert all(item["source"]["quote"].endswith(item["text"]) for item in quoted)


def test_no_synthesis_point_quotes_the_interviewer():
    """Corpus 10's interviewer (立﹕) says 「雖然你指中國經濟已面臨很大問題，但傳媒還不時會有
    報道…」: no claim of the essay, and so never a finding; a theme quoted it all the same
    (the corpus's brief beside four essays from outside it, page 5)."""
    from pipeline.analyse.segment import Segmenter
    from pipeline.synthesise.grounding import sentence_point
    analysis = analyse(read_essay(CORPUS / "10_stand-wu-rwei-ren-china-factor.html"), Segmenter())
    asked = [n for n, s in enumerate(analysis.essay.sentences)
             if analysis.essay.span(s.start, s.end).startswith("立﹕雖然你指中國經濟")]
    assert asked and asked[0] in analysis.unclaimed
    assert sentence_point(analysis, asked[0]) is None
    answered = next(n for n, s in enumerate(analysis.essay.sentences)
                    if analysis.essay.span(s.start, s.end).startswith("吳﹕"))
    assert answered not in analysis.unclaimed


def test_a_theme_line_drops_a_bare_connective_opening_it():
    """The corpus's brief printed corpus 12's 「但是在現實世界中，讓任何國家…犧牲他們的短期經濟
    利益，是非常艱難的。」 under 經濟: the essay's own points drop 但是 (the segmenter reads it as
    a word), a theme line, quoted from the cached analysis, kept it; the analysis now keeps each
    sentence's first word. Without one (a numbered point), only a connective no word begins with goes."""
    from pipeline.analyse.segment import Segmenter
    from pipeline.analyse.wording import trim_opening
    from pipeline.synthesise.grounding import sentence_point
    analysis = analyse(read_essay(CORPUS / "12_cdt-kevin-americas-china-problem.md"), Segmenter())
    index = next(n for n, s in enumerate(analysis.essay.sentences)
                 if analysis.view[s.start:s.end].startswith("但是在現實世界中"))
    point = sentence_point(analysis, index)
    assert point is not None and point.text.startswith("在現實世界中") and point.quote.startswith("但是在")
    # no word of content is cut for want of the segmenter's words (不過是 "merely", 另外一個 "another")
    for text in ("不過是一場誤會，北京不必小題大做。", "另外一個問題是美國的態度並不明確。", "而言之無物的聲明不值一提。"):
        assert trim_opening(text, text) == text
    assert trim_opening("然而美國的態度並不明確，臺灣仍需自強。", "然而美國的態度並不明確，臺灣仍需自強。").startswith("美國")


def test_a_theme_line_drops_what_the_segmenter_read_as_a_connective(tmp_path):
    """另外 opens a sentence as a connective (另外日本政府也…) or as a word of it (另外一個問題):
    only the segmenter tells. The cached analysis keeps each sentence's first word, so a theme
    line quoting it trims as the essay's own points do."""
    from dataclasses import replace

    from pipeline.analyse.segment import Segmenter
    from pipeline.store import analysis_data, analysis_from
    from pipeline.synthesise.grounding import sentence_point
    essay = tmp_path / "e.txt"
    essay.write_text("臺日關係的新階段\n\n美國近年持續提升對臺軍售的層級，國會也通過多項友臺法案。\n\n"
                     "另外日本政府也宣布加強與臺灣在半導體領域的合作。\n\n北京對此表達強烈不滿，兩岸關係短期內難以改善。\n",
                     encoding="utf-8")
    analysis = analysis_from(analysis_data(analyse(read_essay(essay), Segmenter())))  # as the cache gives it back
    index = next(n for n, s in enumerate(analysis.essay.sentences) if analysis.essay.span(s.start, s.end).startswith("另外"))
    assert analysis.first_words[index] == "另外"
    unquoted = replace(analysis, summary=[], findings=[], recommendations=[], implications=[])  # quoted by no point
    point = sentence_point(unquoted, index)
    assert point is not None and point.text.startswith("日本政府") and point.quote.startswith("另外")


def test_no_theme_quotes_an_editors_note(corpus_brief):
    """Corpus 09's 「（註：台灣殺人案疑犯陳同佳…）」 is the editor's background, not a judgement
    of the essay: the 香港 theme quoted it."""
    for theme in corpus_brief[1]["synthesis"]["themes"]:
        for item in theme["items"]:
            assert not item["source"]["quote"].lstrip("（(").startswith(("註", "注")), theme["term"]


def test_a_theme_quotes_judgements_not_reports_of_a_discussion():
    """A forum transcript outside the corpus had its theme 戰略 quoted with 「…與會者圍繞國際
    政經環境的變化可能對台灣的發展路向所產生的影響，各自給出了獨到的見解。」: 可能 made it look
    like a judgement; it only says that views were given."""
    from pipeline.synthesise.themes import judges

    assert not judges("與會者圍繞國際政經環境的變化可能對台灣的發展路向所產生的影響，各自給出了獨到的見解。")
    assert judges("國際政經環境的變化可能對台灣的發展路向產生重大影響。")
    # 許多 before a noun counts, grading nothing (corpus 10's 香港 line was this sentence)
    assert not judges("許多香港人都認識台灣學者吳叡人。")
    assert judges("中國的收買能力確實已經下降許多。") and judges("香港人面對的壓力很大。")
    # an unnamed crowd's words are not the essay's (corpus 08's 選舉 line)
    assert not judges("有評論說謝文進與蔡仁堅在上屆新竹巿長選舉功不可沒，使民進黨林智堅成為全台灣最年青的巿長。")


def test_a_word_opening_a_compound_is_another_concept():
    """A name opening a longer one is one concept with it (G20, G20峰會); a word opening a
    compound is not (an outside brief printed 國防 as also called 國防部 and 國防授權法).
    Role nouns (當局) and the word for an article (文章, 文章指出…) are who speaks, no theme."""
    from pipeline.model import Analysis, Essay, Keyword
    from pipeline.synthesise.themes import concepts

    essay = Essay(id="e", source="e.txt", sha256="", text="", title="")
    terms = ["G20", "G20峰會", "國防", "國防部", "國防授權法", "當局", "文章", "半導體"]
    found = concepts([Analysis(essay, keywords=[Keyword(t, 1.0) for t in terms])], set())
    assert found["G20"] == {"G20", "G20峰會"}
    assert found["國防"] == {"國防"} and found["國防部"] == {"國防部"} and "國防授權法" in found
    assert "當局" not in found and "文章" not in found and "半導體" in found


def test_no_theme_is_the_reporting_frame(segmenter):
    """Two interviews in the news (corpus 02 and 09) share how they were made (專訪) and the
    verb citing their speakers (形容): a report's frame, not a concept they discuss."""
    from pipeline.synthesise import synthesise

    analyses = [analyse(read_essay(CORPUS / name), segmenter)
                for name in ("02_hk-tsai-cnn-us-trainers.md", "09_stand-kmt-adviser-cross-strait-contact.md")]
    terms = [theme.term for theme in synthesise(analyses).themes]
    assert terms and not {"專訪", "形容", "表示", "指出", "報導"} & set(terms), terms
    keywords = {k.term for a in analyses for k in a.keywords}  # nor a keyword (02 had 專訪, 09 形容)
    assert keywords and not {"專訪", "形容", "表示", "指出", "報導"} & keywords, keywords


def test_no_theme_is_a_source_the_reports_cite(tmp_path, segmenter):
    """Two news reports on think tanks' reports (a 眾新聞 and a CDT piece outside the corpus)
    shared 報告, the documents they cite: who speaks, not what is spoken of."""
    from pipeline.synthesise import synthesise

    texts = ("國防報告評析\n\n國防安全研究院發表報告指出，解放軍的兩棲能力持續提升。報告說，解放軍對臺灣的威脅將增加，"
             "臺灣的國防預算必須提高。報告也認為，兩棲登陸的風險仍然很大。\n",
             "智庫報告觀察\n\n美國智庫發布報告認為，解放軍短期內沒有能力入侵臺灣。報告指出，封鎖臺灣的可能性較高，"
             "國防預算的提高對臺灣至關重要。專家表示，報告的結論相當樂觀。\n")
    analyses = []
    for n, text in enumerate(texts):
        path = tmp_path / f"r{n}.txt"
        path.write_text(text, encoding="utf-8")
        analyses.append(analyse(read_essay(path), segmenter))
    terms = [theme.term for theme in synthesise(analyses).themes]
    assert "報告" not in terms and "專家" not in terms, terms
