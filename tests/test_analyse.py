"""Analyse: Traditional segmentation, findings, and who the advice is addressed to."""
from __future__ import annotations

import re

import pytest

from conftest import CORPUS, ESSAY_G20, ESSAY_XI, EXAMPLES, ROOT
from pipeline.analyse import analyse, dangling, standalone
from pipeline.analyse.features import sentence_infos
from pipeline.analyse.segment import load_lexicon
from pipeline.analyse.taiwan import Parties, claims_nothing
from pipeline.ingest import read_essay
from pipeline.ingest.blocks import split_blocks
from pipeline.ingest.structure import build_essay


@pytest.mark.parametrize("term", ["九二共識", "臺灣關係法", "四方會談", "二十大", "兩岸關係", "習近平", "中國大陸"])
def test_domain_terms_are_one_token(segmenter, term):
    assert term in segmenter.words(f"各方就{term}交換意見，並表示關切。")


def test_traditional_dictionary_fixes_jieba_splits(segmenter):
    # jieba's own Simplified dictionary gives 臺/灣問題, 兩岸關/係 on this text
    words = segmenter.words("臺灣問題是兩岸關係的核心，國家發展委員會也已經表態。")
    assert "臺灣" in words and "問題" in words and "兩岸關係" in words and "已經" in words


def test_user_lexicon_terms_stay_whole(cache_dir):
    from pipeline.analyse.segment import Segmenter

    assert "賽博防衛協定" in Segmenter({"賽博防衛協定": "law"}).words("雙方簽署賽博防衛協定。")


PARTIES = Parties(load_lexicon(), "我國")  # an essay that speaks as Taiwan


def _one_sentence_essay(text: str):
    return build_essay(split_blocks(f"測試\n\n{text}\n"), "t", "t.txt", "0")


@pytest.mark.parametrize("sentence, expected", [
    ("臺灣宜審慎評估情勢，避免成為美中籌碼。", True),
    ("我國應強化與理念相近國家的合作。", True),
    ("建議政府可考慮擴大國防預算。", True),
    ("臺灣面對美中競爭，應審慎因應。", True),
    ("歐盟應提高國防預算。", False),
    ("美方應該承認臺灣是中國的一部份，不應與臺灣發展官方關係。", False),
    ("雙方應該維持相互尊重的互動關係。", False),
    ("習近平也向拜登表示，美方應該恪守一個中國政策。", False),
    ("中方對此並未有積極的回應，應是考量與北韓的關係。", False),
    ("本文將進一步提出我國在處理兩岸關係時可做為參考的幾項建議。", False),
    ("習近平表示「臺灣應該接受和平統一的安排」，顯示北京立場未變。", False),
    ("美國希望臺灣應加強防衛，拜登政府也應該持續對臺軍售。", False),
])
def test_who_is_advised(segmenter, sentence, expected):
    essay = _one_sentence_essay(sentence)
    (info,) = sentence_infos(essay, segmenter)
    assert PARTIES.advises_taiwan(info.view) is expected


def test_g20_essay_gives_taiwan_no_advice(segmenter):
    analysis = analyse(read_essay(ESSAY_G20), segmenter)
    assert analysis.recommendations == []
    quotes = "".join(i.quote for i in analysis.implications)
    assert "大陸對臺灣的軍事脅迫將不會停止" in quotes
    assert "仍有可能因此議題而產生摩擦及衝突" in quotes


def test_xi_essay_advises_taiwan_once(segmenter):
    analysis = analyse(read_essay(ESSAY_XI), segmenter)
    # the advice is the second clause of a sentence its ； joins: quoted with the first
    assert [i.quote for i in analysis.recommendations] == [
        "G20「拜習會」，雙方焦點不同，但至少能有效掌控風險；惟美中競爭和對立本質難改變，臺灣宜慎判情勢，避免成為美中籌碼。"]
    assert not any("本文將" in i.quote for i in analysis.implications)
    assert any("代表雙方無意在臺灣問題上正面對決" in i.quote for i in analysis.implications)


def test_policy_list_items_are_recommendations_and_advice_to_others_is_not(segmenter):
    analysis = analyse(read_essay(EXAMPLES / "chip-export-controls.txt"), segmenter)
    texts = [i.text for i in analysis.recommendations]
    assert sum(t.startswith(("政府應", "我國宜", "臺灣必須")) for t in texts) == 4
    assert not any("美方應該" in t for t in texts)
    sea = analyse(read_essay(EXAMPLES / "south-china-sea.txt"), segmenter)
    assert sea.recommendations == []  # advice only to 東協各國 and 菲律賓
    assert sea.implications


@pytest.mark.parametrize("path", [ESSAY_G20, ESSAY_XI])
def test_items_are_grounded_and_findings_ranked(segmenter, path):
    essay = read_essay(path)
    analysis = analyse(essay, segmenter)
    assert 5 <= len(analysis.findings) <= 10
    scores = [i.score for i in analysis.findings]
    items = analysis.findings + analysis.recommendations + analysis.implications + analysis.summary
    for item in items:
        assert essay.text[item.start:item.end] == item.quote
        assert item.text in item.quote  # only trimmed, never rewritten
        assert 0.0 <= item.score <= 1.0
        para = essay.paragraphs[item.paragraph]
        assert para.start <= item.start < item.end <= para.end
    assert len({i.quote for i in analysis.findings}) == len(analysis.findings)
    assert scores == sorted(scores, reverse=True)  # best first


def test_keywords_and_entities(segmenter):
    analysis = analyse(read_essay(ESSAY_G20), segmenter)
    terms = [k.term for k in analysis.keywords]
    assert "臺海" in terms and "習近平" in terms
    kinds = {e.text: e.type for e in analysis.entities}
    assert kinds["拜登"] == "person" and kinds["臺灣關係法"] == "law" and kinds["四方會談"] == "organization"
    assert kinds["峇里島"] == "place"


def test_keywords_are_no_fragments_of_names(segmenter):
    """From the corpus: jieba splits names it does not know (韓國|瑜, 趙|建民, 陳|同佳); the
    part is no keyword (韓國 would read as Korea), nor is a lowercase English word of a
    quoted phrase (to); 第一槍 stays, since 開 before it is a word of its own."""
    kmt = [k.term for k in analyse(read_essay(CORPUS / "09_stand-kmt-adviser-cross-strait-contact.md"), segmenter).keywords]
    assert not {"韓國", "建民", "同佳"} & set(kmt) and "蔡英文" in kmt
    card = [k.term for k in analyse(read_essay(CORPUS / "06_hk-taiwan-card-817-communique.md"), segmenter).keywords]
    assert "to" not in card and "八一" not in card and "公報" in card
    voa = [k.term for k in analyse(read_essay(CORPUS / "11_cdt-voa-no-first-shot.md"), segmenter).keywords]
    assert "第一槍" in voa
    # 羅致|政, and as often 羅致|政說, 羅致|政與: tokens jieba's HMM guessed around the name
    dialogue = [k.term for k in analyse(read_essay(CORPUS / "03_hk-taiwan-japan-2plus2-dialogue.md"), segmenter).keywords]
    assert "羅致" not in dialogue and "台日" in dialogue


def test_a_figure_is_no_keyword(segmenter, tmp_path):
    """A 自由時報 op-ed outside the corpus on a NT$1.25 trillion budget had 「1.25」 among its
    keywords (a whole number never was: str.isdigit)."""
    path = tmp_path / "budget.txt"
    path.write_text("國防預算\n\n" + "立法院應盡速通過1.25兆元的國防特別預算，強化台灣國防。" * 3
                    + "國防預算占GDP的3.5%。\n", encoding="utf-8")
    terms = [k.term for k in analyse(read_essay(path), segmenter).keywords]
    assert "國防" in terms and not [t for t in terms if t.replace(".", "").replace("%", "").isdigit()]


def test_a_name_the_segmenter_splits_is_no_keyword(segmenter, tmp_path):
    """Written: an invented name jieba splits (韓國|瑜 …) next to the country it also names."""
    path = tmp_path / "name.txt"
    path.write_text("選舉觀察\n\n" + "韓國瑜在高雄造勢，韓國瑜主張兩岸交流。" * 4 + "韓國的選舉制度不同。\n", encoding="utf-8")
    terms = [k.term for k in analyse(read_essay(path), segmenter).keywords]
    assert "韓國" not in terms and "高雄" in terms


def test_a_guessed_word_always_after_one_character_is_a_fragment(segmenter, tmp_path):
    """A DW press review outside the corpus (2025) had 「杜羅」 among its keywords: jieba
    splits 馬|杜羅 (Maduro), and 馬, a word of its own, was taken for a free neighbour. 杜羅
    is no dictionary word, only the segmenter's guess, and always follows 馬."""
    path = tmp_path / "review.txt"
    path.write_text("委內瑞拉觀察\n\n" + "川普想除掉馬杜羅，美國海軍攔截委內瑞拉的油輪。" * 3 + "\n", encoding="utf-8")
    terms = [k.term for k in analyse(read_essay(path), segmenter).keywords]
    assert "杜羅" not in terms and "委內瑞拉" in terms


def test_a_word_before_another_unknown_word_is_no_fragment(segmenter, tmp_path):
    """Written: 新冠 is no word of jieba's dictionary; its 冠 never stands alone beside 疫情,
    so 疫情 is a word of its own, not the start of a name."""
    path = tmp_path / "covid.txt"
    path.write_text("疫情觀察\n\n" + "新冠疫情衝擊全球供應鏈，新冠疫情也改變了兩岸交流。" * 3 + "\n", encoding="utf-8")
    assert "疫情" in [k.term for k in analyse(read_essay(path), segmenter).keywords]


@pytest.mark.parametrize("convert, advice", [
    (True, "臺灣應審慎應對兩岸關係的變化。"),  # converted with s2twp: quotes are of the converted text
    (False, "台湾应审慎应对两岸关系的变化。"),  # --no-convert: read through a Traditional view, quoted as written
])
def test_simplified_essay_is_converted_or_read_through_a_traditional_view(segmenter, tmp_path, convert, advice):
    path = tmp_path / "simplified.txt"
    path.write_text("美中关系观察\n\n美国总统拜登与中国国家主席习近平举行会谈，双方重申台湾关系法与九二共识的立场。"
                    "台湾应审慎应对两岸关系的变化。\n", encoding="utf-8")
    essay = read_essay(path, convert=convert)
    assert essay.converted == ("s2twp" if convert else None)
    infos = sentence_infos(essay, segmenter)
    words = [t.word for info in infos for t in info.tokens]
    assert "臺灣關係法" in words and "九二共識" in words and "習近平" in words
    analysis = analyse(essay, segmenter)
    assert [i.quote for i in analysis.recommendations] == [advice]
    assert all(essay.text[i.start:i.end] == i.quote for i in analysis.recommendations)


@pytest.mark.parametrize("sentence, expected", [
    ("臺灣不宜在美中之間選邊。", True),
    ("我國無須過度解讀北京的表態。", True),
    ("政府不必急於回應。", True),
    ("北京不必急於回應華府。", False),
])
def test_negated_advice_is_still_advice_to_its_addressee(segmenter, sentence, expected):
    (info,) = sentence_infos(_one_sentence_essay(sentence), segmenter)
    assert PARTIES.advises_taiwan(info.view) is expected


def test_parties_named_in_the_users_lexicon_are_addressees(segmenter):
    (info,) = sentence_infos(_one_sentence_essay("面對壓力，馬可仕應審慎處理與臺灣的關係。"), segmenter)
    assert not Parties(load_lexicon()).advises_others(info.view)  # an unknown name is nobody
    assert Parties(load_lexicon({"馬可仕": "person"})).advises_others(info.view)


@pytest.mark.parametrize("others, sentence", [
    # a udn.com analysis outside the corpus: the conclusion drawn after 因此 is the writer's,
    # not China's, and the sentence is what Taiwan should expect
    (False, "中國大陸目前的火力投射確實已大幅超越過去，若全部發射巡弋飛彈，不到3分鐘就能抵達台灣的機場，"
            "因此確實有必要建構「台灣之盾」來應對新的威脅。"),
    (True, "中國大陸目前的火力投射確實已大幅超越過去，因此北京必須降低軍事壓力。"),  # the party named
    (True, "美國不能允許習近平這樣做，而是必須明確畫清界線。"),  # 而是: the same subject goes on (corpus 04)
    # corpus 12: 為了應對 is "to cope with", no 應 "should" of China's
    (False, "Tom Cruise夾克背上的圖案裡特地去掉了日本和臺灣的國旗，很可能是為了應對中國的廣電總局審查。"),
])
def test_advice_to_another_party_is_named_or_shares_the_subject(segmenter, others, sentence):
    (info,) = sentence_infos(_one_sentence_essay(sentence), segmenter)
    assert PARTIES.advises_others(info.view) is others


def test_entities_beyond_the_lexicon_come_from_jiebas_tags(segmenter):
    kinds = {e.text: e.type for e in analyse(read_essay(EXAMPLES / "south-china-sea.txt"), segmenter).entities}
    assert kinds["雅加達"] == "place" and kinds["柬埔寨"] == "place"  # not in the shipped lexicon
    chips = {e.text: e.type for e in analyse(read_essay(EXAMPLES / "chip-export-controls.txt"), segmenter).entities}
    assert chips["商務部"] == "organization"
    assert not {"大國", "兩國", "中美"} & (set(kinds) | set(chips))  # generic words jieba mis-tags


@pytest.mark.parametrize("convert, taiwan, other", [(True, "臺灣", "台湾"), (False, "台湾", "臺灣")])
def test_entities_are_named_as_the_brief_text_writes_them(segmenter, convert, taiwan, other):
    essay = read_essay(ROOT / "tests" / "essays" / "cross-strait-trade-simplified.txt", convert=convert)
    names = [e.text for e in analyse(essay, segmenter).entities]
    assert taiwan in names and "香港" in names and other not in names


def test_a_section_on_another_partys_strategy_is_no_advice_list(segmenter):
    essay = build_essay(split_blocks("北京對臺政策評析\n\n一、北京的對臺策略\n持續以軍事與經濟手段施壓，並加強統戰工作。\n"
                                     "二、政策建議\n強化國防自主與社會韌性。\n"), "t", "t.txt", "0")
    quotes = [i.quote for i in analyse(essay, segmenter).recommendations]
    assert quotes == ["強化國防自主與社會韌性。"]


def _infos(segmenter, text: str):
    essay = build_essay(split_blocks(f"測試\n\n{text}\n"), "t", "t.txt", "0")
    return essay, sentence_infos(essay, segmenter)


def test_a_point_takes_the_sentence_its_reference_leans_on(segmenter):
    _, infos = _infos(segmenter, "北京近年持續以軍機繞臺施壓。此一策略短期內不會改變，臺灣須做好長期準備。"
                                 "此外，美國國會通過多項友臺法案。")
    assert standalone(infos, 1) == (0, 1)  # 此一策略: which strategy?
    assert standalone(infos, 2) == (2, 2)  # 此外 ("besides") leans on nothing


def test_a_bare_quotation_takes_the_sentence_naming_its_speaker(segmenter):
    """A BBC report outside the corpus (copied by CDT) printed 「我們記掛著臺灣人民…」 as a
    finding: whose words? The sentence before names the speaker, in the paragraph or closing
    the one before it; a quotation inside a sentence of its own is no bare one."""
    from pipeline.analyse.wording import is_bare_quote
    assert is_bare_quote("「我們記掛著臺灣人民並為他們祈禱。」")
    assert is_bare_quote("「一定會在中國歷史上『遺臭萬年』，並稱『不會有臺灣歷史的。』")  # never closed
    assert not is_bare_quote("「台灣牌」是美國的籌碼。")
    assert not is_bare_quote("美國將「台灣牌」視為籌碼。")
    _, infos = _infos(segmenter, "蓬佩奧敬悼李登輝，稱其改革「將臺灣轉型成為民主燈塔」。"
                                 "「我們記掛著臺灣人民，並將繼續加強與臺灣的紐帶。」國務院隨後發表聲明表示哀悼。\n\n"
                                 "「我們將以此弘揚李總統的遺產。」\n\n美國在台協會宣布降半旗三天。\n\n"
                                 "「台灣是民主的燈塔。」")
    assert standalone(infos, 1) == (0, 1)
    assert standalone(infos, 3) == (2, 3)  # the paragraph before closes on who said it
    assert standalone(infos, 5) == (5, 5)  # after a sentence naming no speaker: left as it is


def test_a_crowds_view_takes_the_sentence_that_judges_it(segmenter):
    """A CDT copy of a WeChat column outside the corpus (佩洛西治好了中國的精神內耗) printed
    「很多人認為中國只要打臺灣，美國就會加入戰局。」 as a finding, the view its next sentence calls
    wishful thinking: a crowd's view goes with the sentence taking it up, in its paragraph."""
    _, infos = _infos(segmenter, "很多人認為中國只要打臺灣，美國就會加入戰局。這顯然也是一廂情願的想法，你看看烏克蘭。\n\n"
                                 "有人認為兩岸終將一戰。\n\n這種看法忽略了經濟的牽制。\n\n"
                                 "美國認為中國只要打臺灣，美國就會加入戰局。這是華府一貫的立場。\n\n"
                                 "有人說兩岸終將一戰。經濟交流也會停止。這種看法忽略了經濟的牽制。")
    assert standalone(infos, 0) == (0, 1)
    assert standalone(infos, 2) == (2, 3)  # a view set as a paragraph: the next one's head takes it up
    assert standalone(infos, 4) == (4, 4)  # a named party's view stands as it is
    assert standalone(infos, 6) == (6, 6)  # the sentence after it neither takes it up nor answers it


def test_a_crowds_words_answered_by_a_turn_go_with_the_answer(segmenter):
    """Corpus 15 printed 「有人說，拜登甚至會比特朗普更狠，中美關係不可能改善。」 as a finding, the
    view its next paragraph dismisses (這其實是不了解美國政體。); a crowd's words answered by a
    turn (但是，…; 其實…) are no claim of the essay alone either."""
    essay = read_essay(CORPUS / "15_cdt-zhibenshe-us-china-downturn.md")
    infos = sentence_infos(essay, segmenter)
    k = next(k for k, i in enumerate(infos) if i.text.startswith("有人說，拜登"))
    assert standalone(infos, k) == (k, k + 1) and infos[k + 1].text == "這其實是不瞭解美國政體。"
    analysis = analyse(essay, segmenter)
    assert not any(i.text.endswith("中美關係不可能改善。") for i in analysis.findings + analysis.implications)
    _, infos = _infos(segmenter, "有人說，台灣遲早會被統一。但是，民調顯示維持現狀仍是主流。")
    assert standalone(infos, 0) == (0, 1)


def test_a_reason_set_off_takes_the_claim_it_gives_the_reason_for(segmenter):
    """A CDT digest outside the corpus printed 「因為，佩洛西很可能在中期選舉後退休，…」 as an
    implication: 因為， opens the reason for the sentence before, and says nothing alone."""
    _, infos = _infos(segmenter, "薩克斯承認佩洛西訪臺可能是魯莽的，但是並不重要。"
                                 "因為，佩洛西很可能在中期選舉後退休，一旦放棄去臺灣，反而會激發中共更大膽的野心。"
                                 "因為戰爭風險升高，臺灣必須加強國防。")
    assert standalone(infos, 1) == (0, 1)
    assert standalone(infos, 2) == (2, 2)  # 因為 opening its own clause: a whole thought


def test_a_reference_reaches_past_a_fragment(segmenter):
    """A forum column outside the corpus: 「…遑論台灣？引發全場大笑。他建議台灣…」 printed its
    advice from 「引發全場大笑。」, which names nobody 他 could be."""
    _, infos = _infos(segmenter, "被問及美國是否保衛台灣，他說美國連紐約都未必保衛，遑論台灣？引發全場大笑。"
                                 "他建議台灣盡量保持低調，全力發展自身的經濟競爭力。")
    assert standalone(infos, 2) == (0, 2)


def test_a_paragraphs_first_sentence_does_not_reach_into_the_paragraph_before(segmenter):
    """這種壓力 at a paragraph's head points at the paragraph before as a whole: it cannot be
    made to stand alone (dangling)..."""
    _, infos = _infos(segmenter, "北京近年持續以軍機繞臺施壓。美國則增加對臺軍售。\n\n這種壓力短期內不會消失。")
    assert standalone(infos, 2) == (2, 2) and dangling(infos, 2, (2, 2))


def test_a_paragraphs_first_sentence_takes_a_lone_sentence_before(segmenter):
    """...but news sets one sentence to a paragraph, and 這/對此 then points at that one
    (corpus 02: 「…北京紅線之最」。¶對此，蔡英文說…): the point takes it. 他/她/其 point
    at a person named further back, whom that sentence rarely names."""
    _, infos = _infos(segmenter, "北京近年持續以軍機繞臺施壓。\n\n這種壓力短期內不會消失。")
    assert standalone(infos, 1) == (0, 1) and not dangling(infos, 1, (0, 1))
    _, infos = _infos(segmenter, "兩岸先後申請加入CPTPP。\n\n他認為，中國可能透過讓利拉攏成員國。")
    assert standalone(infos, 1) == (1, 1) and dangling(infos, 1, (1, 1))


def test_an_enumerated_list_is_never_cut(segmenter):
    essay, infos = _infos(segmenter, "作者反諷地說，台灣應該推動以下兩項公投：一、支持一國兩制；二、廢除國軍。這當然不是真心的建議。")
    first, last = standalone(infos, 0)
    assert essay.text[infos[first].sentence.start:infos[last].sentence.end].endswith("廢除國軍。")
    advice = analyse(essay, segmenter).recommendations
    assert advice and all(not item.quote.endswith("；") for item in advice)


def test_a_reductio_is_neither_advice_nor_an_implication(segmenter):
    """The sarcastic proposal the issue quotes (台灣應該推動以下兩項公投：一、支持一國兩制…) was
    kept out of the advice, then printed among the implications for Taiwan: the opposite of
    the author's meaning either way."""
    essay, _ = _infos(segmenter, "蔡英文迅速回擊，拒絕一國兩制，因而獲得台灣民眾廣泛支持。\n\n"
                                 "反而，台灣應該推動以下兩項公投：一、支持一國兩制；二、擁戴習近平成為台灣最高領導人。"
                                 "快快公投，用選票告訴習近平台灣人就是唾棄他。")
    analysis = analyse(essay, segmenter)
    assert not [i for i in analysis.recommendations + analysis.implications if "一國兩制；" in i.quote]


def test_a_list_is_never_entered_in_the_middle(segmenter):
    """A CDT essay outside the corpus closes on 「假如…胡錫進；假如…胡錫進；假如…胡錫進；假如…，居然是
    他代表著愛國？」: a point from its third item must take the list from its start, and one
    inside a list longer than a point may be is not chosen."""
    essay, infos = _infos(segmenter, "北京近年持續施壓。假如軍演一再升級；假如經貿制裁擴大；假如外交空間繼續壓縮，"
                                     "臺灣還能保持中立嗎？")
    assert standalone(infos, 3) == (1, 3) and standalone(infos, 2) == (1, 3)
    essay, infos = _infos(segmenter, "北京近年持續施壓：軍演升級；制裁擴大；斷交增加；輿論操弄；滲透基層。")
    assert dangling(infos, 4, standalone(infos, 4))  # five items: from 斷交 on, the list is cut


def test_a_reference_inside_the_first_clause_takes_the_sentence_before(segmenter):
    """Corpus 08 printed 「中共這樣做損人不利己，…」 and 05 「如果UMC最後接受此方案，…」: a
    demonstrative inside the first clause points back as one opening the sentence does (it
    takes the sentence before in its paragraph, or a one-sentence paragraph before it); a
    pronoun there mostly stands for its own clause's subject (俄羅斯正渴望中國幫他…)."""
    from pipeline.analyse.wording import leans_back
    assert leans_back("中共這樣做損人不利己，很惹台灣人的反感。")
    assert leans_back("如果UMC最後接受此方案，表現了其協助加強日本半導體工業競爭力的誠意。")
    assert leans_back("但只要做到這些，文明的吸力會把兩岸的人們重新吸引到一起。")  # after the connective
    assert not leans_back("俄羅斯正渴望中國幫他解開內政外交悖論。")
    assert not leans_back("這些年來，兩岸關係持續惡化。")  # 這些年: a time, no referent
    assert not leans_back("兩岸關係持續惡化，這種趨勢短期內不會改變。")  # not in the first clause
    _, infos = _infos(segmenter, "北京宣布暫停進口臺灣水果。\n\n中共這樣做損人不利己，很惹台灣人的反感。"
                                 "臺灣的民主是不容侵犯的。")
    assert standalone(infos, 1) == (0, 1) and not dangling(infos, 1, (0, 1))
    assert standalone(infos, 2) == (2, 2)
    _, infos = _infos(segmenter, "中共這樣做損人不利己，很惹台灣人的反感。")
    assert dangling(infos, 0, standalone(infos, 0))  # the essay's first sentence: nothing before it
    _, infos = _infos(segmenter, "北京宣布暫停進口臺灣水果。美方表示關切。\n\n中共這樣做損人不利己。")
    assert dangling(infos, 2, standalone(infos, 2))  # a paragraph before it of several: which?


def test_a_point_leaning_on_a_chosen_one_is_printed_with_it(segmenter):
    """Two points are never printed twice: a point whose span reaches back into one already
    chosen joins it (corpus 08: 「中共沒有民主，…台灣的民主是不容侵犯的。」 and the next
    sentence, 「中共這樣做損人不利己，…」, are one finding) instead of being dropped."""
    from pipeline.analyse.findings import mmr
    _, infos = _infos(segmenter, "中共沒有民主，卻以各種方式介入台灣選舉，台灣的民主是不容侵犯的。"
                                 "中共這樣做損人不利己，很惹台灣人的反感。\n\n美國國會通過多項友臺法案，支持台灣參與國際組織。")
    spans = [standalone(infos, k) for k in range(len(infos))]
    assert spans[1] == (0, 1)
    assert mmr(infos, [1.0, 0.9, 0.5], [0, 1, 2], spans) == {0: (0, 1), 2: (2, 2)}
    assert mmr(infos, [1.0, 0.9, 0.5], [0, 1, 2], spans, limit=1) == {0: (0, 1)}  # joining takes no place


def test_a_point_whose_reference_lies_in_the_paragraph_before_is_not_chosen(segmenter):
    essay, infos = _infos(segmenter, "日本研究院理事長李世暉接受訪問時表示，兩岸先後申請加入CPTPP，將成為區域經濟整合的關鍵考驗。\n\n"
                                     "他認為，中國可能透過讓利，讓這些國家因此對中國很難達到的規範做一些調適，顯然將影響臺灣的加入進程。\n\n"
                                     "臺灣政府應持續推動法規調和，爭取日本與澳洲等成員國的支持。")
    assert dangling(infos, 1, standalone(infos, 1)) and not dangling(infos, 0, standalone(infos, 0))
    analysis = analyse(essay, segmenter)
    points = analysis.findings + analysis.implications
    assert points and not any(item.text.startswith("他認為") for item in points)


def test_a_name_after_a_title_is_a_person(segmenter):
    # after corpus 01 (教授李世暉) and 03 (議員則有8成): an expert cited by title; a title used as a subject
    from pipeline.analyse.features import sentence_infos
    from pipeline.analyse.terms import entities

    essay = _one_sentence_essay("台灣政治大學日本研究學程教授李世暉接受眾新聞訪問時表示，此次會議可看出台灣的角色已經轉變。"
                                "在台日雙方的國會議員中，自民黨議員則有8成表態支持台灣加入。")
    kinds = {e.text: e.type for e in entities(sentence_infos(essay, segmenter), segmenter)}
    assert kinds.get("李世暉") == "person" and "則有" not in kinds


INTERVIEW = """專訪：兩岸經濟的下一步

立﹕近年中國因素的影響力愈來愈強，你認為呢？

王﹕中國的收買能力確實已經下降許多，對台灣的影響將持續減弱。

立﹕中國對台灣還可能會有進一步動向嗎？聽到一個說法，中國將加大對台灣青年的滲透。

王﹕我認為中國現在的能力跟十年前比起來差太多，這種滲透不容易成功。

立﹕那麼說，你的觀點比較樂觀。

王﹕這是結構的樂觀，國際政治經濟的變化對台灣很有幫助。
"""


def test_an_interviewers_questions_are_no_findings(segmenter, tmp_path):
    """立﹕ opens turns that mostly end on a question: the interviewer's. Its sentences,
    including the statement inside a question turn (聽到一個說法…) and a turn that does not
    ask (那麼說…), are no findings or implications; the answers (王﹕) are."""
    path = tmp_path / "interview.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    analysis = analyse(read_essay(path), segmenter)
    quotes = [i.quote for i in analysis.findings + analysis.implications]
    assert quotes and not any("聽到一個說法" in q or q.startswith("立") for q in quotes)
    assert any("收買能力確實已經下降" in q for q in quotes)


def test_corpus_interviewer_turns(segmenter):
    """From the corpus: 10 is an interview whose questions open with 立﹕; 「聽到一個說法，可能
    不少人總統會投蔡英文…」 is the interviewer's and was listed among its findings."""
    analysis = analyse(read_essay(CORPUS / "10_stand-wu-rwei-ren-china-factor.html"), segmenter)
    quotes = [i.quote for i in analysis.findings + analysis.implications]
    assert len(analysis.findings) == 10
    assert not any("聽到一個說法" in q or q.startswith("立﹕") for q in quotes)


def test_an_editors_note_is_no_finding_or_implication(segmenter):
    """From the corpus: 09 closes with 「（註：台灣殺人案疑犯陳同佳…）」, background the editor
    added; it was listed among the essay's implications for Taiwan."""
    analysis = analyse(read_essay(CORPUS / "09_stand-kmt-adviser-cross-strait-contact.md"), segmenter)
    assert analysis.implications
    assert not any(i.quote.lstrip("（(").startswith(("註", "注")) for i in analysis.findings + analysis.implications)


def test_a_report_of_the_words_before_it_takes_them(segmenter):
    """From the corpus (09): 「對於蔡英文高調支持香港的抗爭運動，趙建民如此評價。」 reports the
    quote before it; printed alone it said nothing, so the point takes that quote."""
    analysis = analyse(read_essay(CORPUS / "09_stand-kmt-adviser-cross-strait-contact.md"), segmenter)
    for item in analysis.findings + analysis.implications:
        if "趙建民如此評價" in item.quote:
            assert "是為了選舉" in item.quote
    from pipeline.analyse.wording import opens_on_reference
    assert opens_on_reference("對於蔡英文高調支持香港的抗爭運動，趙建民如此評價。")
    assert not opens_on_reference("趙建民評價蔡英文的兩岸政策過於僵化。")


def test_a_reference_after_a_fronted_topic_or_a_taken_sentence(segmenter):
    """From the corpus (10): 「他又分析說，…。對今次選舉，他則傾向同意蔡英文勝算較大…」: 他
    stands after a fronted topic, and the sentence the point would take opens on 他 too, so
    the point cannot stand alone; 其次，… (secondly) refers to nothing."""
    from pipeline.analyse.wording import opens_on_reference
    assert opens_on_reference("對今次選舉，他則傾向同意蔡英文勝算較大。")
    assert not opens_on_reference("其次，習近平雖直接點出中美關係目前的狀態不佳。")
    assert not opens_on_reference("對今次選舉，民進黨傾向保守。")
    # a time fronted (a CDT digest outside the corpus: 「大選前，他們發布報告…」 after the think tank's name)
    assert opens_on_reference("大選前，他們發布報告，呼籲在軍事威懾的同時要安撫中國。")
    assert not opens_on_reference("大選前，昆西研究所發布報告，呼籲安撫中國。")
    # 那 (that) points back as 這 does, in a fronted time too (an hkcnews column outside the corpus:
    # 「然而，自那時起，事情起了變化…」 after the friend's call); 那麼 (so, then) points nowhere
    assert opens_on_reference("然而，自那時起，事情起了變化，港澳辦和中聯辦不再就修例事宜發聲了。")
    assert opens_on_reference("那些支持者後來都轉向了民進黨。")
    assert not opens_on_reference("那麼，臺灣應該如何應對北京的壓力？")
    # the speaker's source or view fronted (corpus 10: 「但據我所知，這策略在幾個地方是相當成功的」)
    assert opens_on_reference("但據我所知，這策略在幾個地方是相當成功的。")
    assert opens_on_reference("在我看來，此舉無助於緩和兩岸緊張。")
    assert not opens_on_reference("據我所知，北京的統戰策略在幾個地方相當成功。")
    analysis = analyse(read_essay(CORPUS / "10_stand-wu-rwei-ren-china-factor.html"), segmenter)
    assert not any("他則傾向同意" in i.quote for i in analysis.findings + analysis.implications)


@pytest.mark.parametrize("leans, sentence", [
    # no subject but a copula after a fronted view (udn.com outside the corpus; corpus 001)
    (True, "從外交角度，是傳遞「台灣不是國際安全的搭便車者」的訊號。"),
    (True, "對於臺海局勢和東亞整體而言，是相對正面而強力的訊號，代表雙方無意在臺灣問題上正面對決。"),
    (True, "可見兼具外交、軍事需求、產業經濟等角度，可說是這項計畫的一大特色。"),  # a conclusion drawn
    # "also", its subject the sentence before's (a CDT essay outside the corpus: 秦剛…表態了，…。也反對…。
    # 關於臺灣問題，也盡最大努力爭取和平統一…)
    (True, "關於臺灣問題，也盡最大努力爭取和平統一，而不願看到同胞相殘。"),
    (True, "也反對意識形態對抗，反對脫鉤斷供，不搞軍備競賽。"),
    (False, "也有人批評李登輝的親日史觀。"),  # 有人 is its subject
    (False, "也許兩岸關係會在選後緩和。"),
    (False, "從外交角度，台灣傳遞了不搭便車的訊號。"),
    (False, "是時候重新檢討我國的能源政策了。"),
])
def test_a_subjectless_copula_or_conclusion_leans_on_the_sentence_before(leans, sentence):
    from pipeline.analyse.wording import opens_on_reference
    assert opens_on_reference(sentence) is leans


def test_a_fronted_topic_that_points_back_leans_on_what_came_before(segmenter):
    """From the corpus (10): 「只有在這兩項條件下，「台灣國」才有可能。」 was an implication on its
    own, the two conditions being named in the paragraph before; 這次 names the event."""
    from pipeline.analyse.wording import opens_on_reference
    assert opens_on_reference("只有在這兩項條件下，「台灣國」才有可能。")
    assert opens_on_reference("在此背景下，臺灣更需要盟友。")
    assert not opens_on_reference("在這次選舉中，國民黨失利。")
    assert not opens_on_reference("在這一次大選中，中國手段再次升級。")  # corpus 16: 這一次 is 這次
    assert not opens_on_reference("唯有在台灣，民主才得以鞏固。")
    analysis = analyse(read_essay(CORPUS / "10_stand-wu-rwei-ren-china-factor.html"), segmenter)
    for item in analysis.findings + analysis.implications:
        if "只有在這兩項條件下" in item.quote:
            assert "兩個條件" in item.quote  # it took the sentence naming them


def test_a_point_singling_out_part_of_the_sentence_before_leans_on_it():
    """From the corpus brief (10 under the theme 經濟): 「特別是中南部，因為中國意識到…」 was
    quoted alone; 特別是 singles out part of what the sentence before it said. 尤其是， set off
    by a comma is a connective (000: 「尤其是，拜登政府較川普政府更加重視…」) and stands."""
    from pipeline.analyse.wording import opens_on_reference
    assert opens_on_reference("特別是中南部，因為中國意識到，要掌握那些經濟上覺得自己是受害者的階層和地區。")
    assert opens_on_reference("尤其是年輕世代，對兩岸交流更加冷淡。")
    assert not opens_on_reference("尤其是，拜登政府較川普政府更加重視與盟邦的合作。")


def test_advice_ending_on_a_lead_in_to_a_list_is_printed_without_it(segmenter, tmp_path):
    """A report of a commentator's post outside the corpus (LINE TODAY, 2025): its advice
    ended on 「…，她列出以下三點政策：」, the list set as headings after it, and was printed
    ending on the colon. The point goes without the lead-in; the quote stays verbatim."""
    path = tmp_path / "post.txt"
    path.write_text("川普的直白，台灣的清醒\n\n"
                    "她認為台灣不能只喊口號，政府也該行動了，應該優先推動攸關國家生存的政策，她列出以下三點政策：\n\n"
                    "1. 強化國防實力\n\n軍事預算應提升至GDP的3%以上，聚焦無人機與不對稱作戰能力。\n", encoding="utf-8")
    advice = analyse(read_essay(path), segmenter).recommendations
    first = next(i for i in advice if "生存的政策" in i.quote)
    assert first.text.endswith("攸關國家生存的政策") and first.quote.endswith("三點政策：")


def test_advice_in_a_list_under_a_debunking_label_is_none(segmenter, tmp_path):
    """A 自由時報 op-ed outside the corpus (2026) set a domestic party's view under a label
    debunking it, as clauses joined by ；: the clause 「因此，政府應降低國防預算…」 was listed
    as advice to Taiwan, the essay arguing the opposite."""
    path = tmp_path / "op-ed.txt"
    path.write_text("揭穿虛假的和平論\n\n揭穿藍營虛假的「和平」論：國民黨人及其支持者認為中國武力越來越強大，"
                    "無論台灣如何提高國防預算，只會激化中共；因此，政府應降低國防預算，才能維持兩岸和平。\n\n"
                    "政府應全力釐清藍營論述的盲點，以凝聚國家共識。\n", encoding="utf-8")
    advice = [i.quote for i in analyse(read_essay(path), segmenter).recommendations]
    assert not [q for q in advice if "降低國防預算" in q] and any("凝聚國家共識" in q for q in advice)


def test_a_question_is_no_implication(segmenter):
    """Corpus 02's 「…被問到美國的支持是否不僅止於軍售，還包括服務人員在台協訓台灣軍隊？」 names
    Taiwan and its army, and asserts nothing Taiwan should expect."""
    analysis = analyse(read_essay(CORPUS / "02_hk-tsai-cnn-us-trainers.md"), segmenter)
    assert analysis.implications
    assert not [i.quote for i in analysis.implications if i.quote.rstrip().endswith(("？", "?"))]


def test_what_something_does_to_taiwan_is_an_implication(segmenter):
    """Consequences are told with verbs of causing (使得, 加劇, 削弱 …) as often as with 將 or
    風險: corpus 16's 「…煽動臺灣社會的分裂，削弱人們對臺灣政治制度的信心。」 names no
    outlook word."""
    from pipeline.analyse.taiwan import CONSEQUENCE
    for sentence in ("這些假訊息削弱了臺灣民眾對民主制度的信心。", "北京的施壓使得臺灣選民更難分辨真假。",
                     "選舉虛假資訊加劇了臺灣社會對徵兵的擔憂。"):
        assert CONSEQUENCE.search(sentence), sentence
    analysis = analyse(read_essay(CORPUS / "16_cdt-election-interference-2024.md"), segmenter)
    assert any("削弱人們對臺灣政治制度的信心" in i.quote for i in analysis.implications)


def test_a_condition_and_its_consequence_is_a_forecast():
    """An outlook is as often told as an if-then (若中國先入會，台灣入會便有相當風險, corpus 01)
    or a firm negative (無法, 不可能, like 不會 and 難以) as with 將 or 風險."""
    from pipeline.analyse.taiwan import foresight
    plain = "北京持續施壓，臺灣的國際空間進一步縮小。"
    assert foresight("若北京持續施壓，臺灣的國際空間就會進一步縮小。") > foresight(plain)
    assert foresight("只要臺灣以合適名稱提出申請，就有加入的空間。") > 0
    assert foresight("任何逆流都無法阻止兩岸交流的大勢。") > foresight("任何逆流都阻止兩岸交流的大勢。")
    # 最終 opening a sentence narrates how something ended (corpus 16: 「最終，微博將…話題封禁。」
    # was printed as an implication); inside one it forecasts (要麼最終還是…)
    assert foresight("兩岸要麼最終還是殊途同歸。") > foresight("兩岸要麼還是殊途同歸。")
    assert foresight("最終，微博把這些話題封禁了。") == foresight("微博把這些話題封禁了。")
    # a condition with nothing following from it in the sentence is no forecast
    assert foresight("如果你是一個政治立場偏左的美國公民。") == 0


def test_a_view_the_author_reports_of_many_is_no_implication(tmp_path, segmenter):
    """很多人認為… sets up a view to argue against (a CDT essay outside the corpus: 「很多人認為中國
    只要打台灣，美國就會加入戰局。這顯然也是一廂情願的想法」 was listed as Taiwan's outlook);
    有人說 hedges a report and 很多人擔心 voices a worry, both the author's outlook still."""
    from pipeline.analyse.features import sentence_infos
    from pipeline.analyse.taiwan import Parties
    text = ("很多人認為中國只要攻打臺灣，美國就會加入戰局。\n\n有人說臺灣媒體將被操弄，選舉恐怕受影響。\n\n"
            "很多人擔心臺灣將失去美國的支持。\n\n臺灣將面對更大的軍事壓力。\n")
    (tmp_path / "views.txt").write_text(text, encoding="utf-8")
    infos = sentence_infos(read_essay(tmp_path / "views.txt"), segmenter)
    parties = Parties(segmenter.lexicon, text)
    outlook = [parties.outlook(info, 0.5) for info in infos]
    assert outlook[0] == 0 and all(score > 0 for score in outlook[1:]), outlook


def test_a_question_reported_without_its_mark_is_no_implication(segmenter):
    """Corpus 04's 「…有與會人士問，美國的《台灣旅行法》已經生效，特朗普政府是否可能同意讓蔡英文
    到華盛頓。」 ends on a full stop and was listed as an implication for Taiwan."""
    from pipeline.analyse.taiwan import _ASKED
    analysis = analyse(read_essay(CORPUS / "04_hk-bosco-invite-tsai-to-congress.md"), segmenter)
    assert analysis.implications
    assert not [i.quote for i in analysis.implications if "有與會人士問" in i.quote]
    assert _ASKED.search("記者問到臺灣是否會因此被迫讓步。")
    # 問題 and 顧問 ask nothing
    assert not _ASKED.search("臺灣問題是否升溫，取決於北京。")
    assert not _ASKED.search("韓國瑜的顧問認為，兩岸是否接觸決定臺灣的安全。")


def test_a_question_reported_is_no_finding_unless_answered_in_it(segmenter):
    """The corpus brief listed 04's 「有與會人士問，…特朗普政府是否可能同意讓蔡英文到華盛頓。」
    among its key findings; asked and answered in one sentence, it asserts the answer."""
    from pipeline.analyse.taiwan import asks
    analysis = analyse(read_essay(CORPUS / "04_hk-bosco-invite-tsai-to-congress.md"), segmenter)
    assert analysis.findings and not [i.quote for i in analysis.findings if "有與會人士問" in i.quote]
    assert asks("記者問到臺灣是否會因此被迫讓步。")
    assert not asks("被問及臺灣是否會因此被迫讓步時，他表示，北京不會為此走向戰爭。")


def test_a_quotes_original_wording_is_no_finding(segmenter):
    """From the corpus: 06 gives Reagan's words in translation and then in English
    (（You can tell your friends there I have not changed my mind…）); the English was the
    essay's fourth finding, a Chinese brief printing a line of English as a point."""
    from pipeline.analyse.taiwan import is_aside
    analysis = analyse(read_essay(CORPUS / "06_hk-taiwan-card-817-communique.md"), segmenter)
    assert len(analysis.findings) == 10
    assert not any("You can tell your friends" in item.quote for item in analysis.findings + analysis.implications)
    assert is_aside("（You can tell your friends there I have not changed my mind one damn bit about Taiwan.）")
    # a Chinese sentence naming things in Latin script is the essay's own
    assert not is_aside("美國的《台灣旅行法》（Taiwan Travel Act）已經生效，台灣可望因此受益。")
    # nor one glossing its words with the original in brackets
    assert not is_aside("博思科認為，《八一七公報》「僵化地局限了美國對台灣未來的政策方案」"
                        "（rigidly circumscribes U.S. policy options regarding Taiwan's future）。")


def test_a_point_drops_an_interviews_turn_label(segmenter):
    """From the corpus: 07 is a Q&A whose answers open on 答：; 「答：中國大陸對台灣的威脅是
    最大的議題，…」 was printed with its label, in a brief that lists points, not turns."""
    from pipeline.analyse import _trim
    from pipeline.analyse.features import sentence_infos
    from pipeline.analyse.segment import traditional_view
    from pipeline.analyse.voice import speaker_turns
    essay = read_essay(CORPUS / "07_hk-rfi-qa-cross-strait-outlook.md")
    analysis = analyse(essay, segmenter)
    items = analysis.findings + analysis.recommendations + analysis.implications
    assert all(not i.text.startswith("答") and i.quote.endswith(i.text) for i in items)
    infos = sentence_infos(essay, segmenter, traditional_view(essay.text))
    answers = [i for i in infos if i.text.startswith("答：")]
    assert len(answers) >= 3  # the answers are the piece's claims
    labels = speaker_turns(infos).keys()
    assert all(info.text.endswith(_trim(info, labels)) and not _trim(info, labels).startswith("答") for info in answers)
    # a label that opens one paragraph only is no interview's turn: 他說： keeps its speaker
    text = "他說：我們不會放棄。\n\n答：我們會堅持。\n\n他說：時間站在我們這邊。\n\n答：當然。"
    essay = build_essay(split_blocks(text), "t", "t", "0")
    infos = sentence_infos(essay, segmenter, traditional_view(essay.text))
    labels = speaker_turns(infos).keys()
    assert [_trim(i, labels) for i in infos] == ["他說：我們不會放棄。", "我們會堅持。", "他說：時間站在我們這邊。", "當然。"]


def test_a_point_drops_an_arguments_ordinal(segmenter):
    """Corpus 05 argues 第一…第五…最後; its point 「第一，如果UMC最後接受此方案，…」 was printed
    with the ordinal of a list the brief does not show. Only an ordinal set off by a comma
    goes: 第一波的「中國因素」 (corpus 10) is content."""
    from pipeline.analyse import _trim
    from pipeline.analyse.wording import trim_opening
    essay = read_essay(CORPUS / "05_hk-umc-fujitsu-semiconductor.md")
    ordinal = [i for i in sentence_infos(essay, segmenter) if re.match("第[一二三四五]，", i.text)]
    assert len(ordinal) == 5 and _trim(ordinal[0]).startswith("如果UMC")
    assert not any(re.match("第[一二三四五]", _trim(i)) for i in ordinal)
    for text in ("第一波的「中國因素」是失敗的。", "第一次世界大戰之後，臺灣被日本統治。"):
        assert trim_opening(text, text, text[:2]) == text
    assert trim_opening("其次，第二，臺灣應該加強國防。", "其次，第二，臺灣應該加強國防。") == "臺灣應該加強國防。"
    # 中評 2018 (個人提出以下三點觀察：首先，是美國視中國大陸為…): the ordinal's copula goes with it
    for text in ("首先,是美國視中國大陸為主要“戰略競爭對手”。", "其次是北京在處理周邊議題時採取擴張策略。"):
        assert trim_opening(text, text, text[:2]).startswith(("美國", "北京"))
    text = "其次，是否加入協定仍有爭議。"
    assert trim_opening(text, text, text[:2]) == "是否加入協定仍有爭議。"
    # colloquial 可是 ("but"), Hong Kong's 另方面 ("on the other hand") and 同樣地 ("likewise")
    # tie a point to the one before as 但是 does (corpus 04, 06, 08's briefs printed them)
    for text, rest in (("可是，就在美國簽署《八一七公報》時，中華民國政府向美國提出「六項保證」。", "就在美國"),
                       ("另方面，蔡英文周一再次呼籲國際社會，協助守住台灣。", "蔡英文"),
                       ("同樣地，看見香港的選舉和政治有倒退的趨勢。", "看見香港"),
                       # …and so does 相反 ("on the contrary"; corpus 16's theme line printed it)
                       ("相反，將臺灣選舉稱為「臺灣地方選舉」的中國叫法則登上了微博熱門話題。", "將臺灣選舉"),
                       # spoken prose's appeal to what the listener knows (corpus 10's brief printed 你知道，…)
                       ("你知道，道教最基層的宮廟，有點像台灣的地區草根政治中心。", "道教"),
                       ("眾所周知，德國總理默克爾不喜歡川普。", "德國")):
        assert trim_opening(text, text, text[:3]).startswith(rest)
    assert trim_opening("同樣位於亞洲的韓國將受到衝擊。", "同樣位於亞洲的韓國將受到衝擊。", "同樣").startswith("同樣位於")


def test_so_and_even_so_tie_a_sentence_to_the_one_before():
    """如此 points at what was just said. A concession on it (儘管如此, 即便如此: "even so")
    is a connective a point drops, as it drops 然而; a consequence of it (正因如此, 如此一來)
    leans on the sentence before, as 因此 does. Found on a CDT essay outside the corpus,
    whose first finding was 「即便如此，中國這邊也不是說打就打的。」"""
    from pipeline.analyse.wording import opens_on_reference, trim_opening
    for text in ("儘管如此，美國仍會協防臺灣。", "即便如此，中國這邊也不是說打就打的。", "除此之外，日本也表態支持臺灣加入。"):
        assert trim_opening(text, text) == text[5:]
        assert not opens_on_reference(text)
    for text in ("正因如此，北京不會輕易動武。", "如此一來，臺灣的處境更加艱難。", "有鑑於此，政府提高了國防預算。"):
        assert opens_on_reference(text) and trim_opening(text, text) == text
    assert not opens_on_reference("如此規模的演習前所未見。")  # 如此 as "such" opens no reference


def test_a_point_drops_a_connective_of_sequence():
    """然後, 接著 ("then") and 並且 ("and") join a sentence to the one before as 而且 does;
    corpus 16's implication was printed 「然後，中共當局利用他們放大黨派言論，…」."""
    from pipeline.analyse.wording import trim_opening
    for text in ("然後，中共當局利用他們放大黨派言論。", "接著，北京宣布暫停部分農產品進口。", "並且，臺灣的出口高度依賴中國。"):
        assert trim_opening(text, text) == text[3:]


def test_a_point_drops_let_alone_opening_it():
    """更何況/何況 ("let alone", "what is more") add to the sentence before as 況且 does; a GNews
    column outside the corpus printed 「更何況中共目前還無法實現「運-20」此類裝備的規模化量產。」"""
    from pipeline.analyse.wording import trim_opening
    text = "更何況中共目前還無法實現「運-20」此類裝備的規模化量產。"
    assert trim_opening(text, text, "更何況") == trim_opening(text, text) == text[3:]
    assert trim_opening("何況臺灣的防衛能力早已今非昔比。", "何況臺灣的防衛能力早已今非昔比。", "何況").startswith("臺灣")


def test_the_essays_own_plan_is_no_finding(segmenter):
    """Corpus 15 printed 「本文繼《脆弱的「中美國」》後，探討美國大選與中美關係演變。」 as a key
    finding: the essay saying what it will do, not anything it finds."""
    from pipeline.analyse.taiwan import announces_plan
    analysis = analyse(read_essay(CORPUS / "15_cdt-zhibenshe-us-china-downturn.md"), segmenter)
    assert len(analysis.findings) == 10 and not [i for i in analysis.findings if "本文" in i.quote]
    assert announces_plan("本文從中國歷史和美國利益兩個角度，分析這個議題。")
    assert announces_plan("在結論部分，本文將提出對臺灣的建議。")
    # …or what the writer leaves for another time (an hkcnews column outside the corpus)
    assert announces_plan("大陸與台灣兩個不同司法管轄區，如何依法處理越境或偷渡的港人，我們稍後可以各自比較和評價。")
    assert announces_plan("至於軍售的細節，筆者將另文討論。")
    assert not announces_plan("我們之後才知道，北京早已準備好制裁名單。")
    # the essay's claims about others' texts, or 本文 named in passing, are claims
    assert not announces_plan("他在本文發表後遭到北京的強烈批評，顯示中共對輿論的敏感。")
    assert not announces_plan("這篇報告分析了解放軍的登陸能力。")


@pytest.mark.parametrize("reports, text", [
    # corpus 16, 07, 12: that someone analysed a topic, not what they found
    (True, "專家肯頓·蒂鮑特(KENTON THIBAUT)在外交事務雜誌上撰文，詳細分析了臺灣如何反擊中共當局的“對臺信息戰”。"),
    (True, "獨立中文筆會會長廖天琪女士就台灣選舉以及台灣面臨的種種挑戰向本台闡述了她的看法。"),
    (True, "Clive Hamilton教授的著作用將近400頁的內容詳細分析了中國共產黨在澳大利亞的影響力。"),
    # a forum column outside the corpus (遠見高峰會, 2025)
    (True, "參與訪問了三位教授，對川普總統二度執政的國際局勢與兩岸關係，有一番精彩的探討。"),
    (True, "與會者圍繞國際政經環境的變化可能對台灣的發展路向所產生的影響,各自給出了獨到的見解。"),  # 中評 forum
    (True, "蘇起教授則以川普衝擊、美中軍力消長，及美國保台意願降低等因素來分析台灣面對的挑戰。"),  # by its means
    # a 眾新聞 report outside the corpus: an assessment made, told with its publication
    (True, "台灣政府資助的國防安全研究院，周四發表《2018中共政軍發展評估報告》，對中國的軍力發展以及兩岸的安全局勢作出綜合評估。"),
    (False, "國防部將在下月對共軍的動向作出評估。"),
    # a CDT report outside the corpus
    (True, "美國智庫外交關係委員會在大選前發佈了一份報告，詳細描述了解放軍近年來崛起的過程，但也描述了武力統一臺灣的挑戰。"),
    # corpus 02 (its brief listed it as an implication): talking at length, told when done
    (True, "在中共派出戰機不斷擾台的軍事威脅下，蔡英文接受CNN國際特派員雷普利專訪，暢談她對於台海局勢、台灣現狀及國際發展等想法。"),
    (False, "總統將於明天的記者會上暢談她對兩岸關係的看法。"),
    (False, "政府應以更宏觀的角度來分析兩岸情勢。"),
    (False, "他提出了三點具體建議，其中最重要的是強化後備戰力。"),
    # corpus 001: a discussion the author judges likely is a claim; 02: a hope; and advice
    (False, "中美很可能已在閉門會議中特別針對臺灣相關議題進行討論。"),
    (False, "她仍希望，與中共總書記坐下來談，討論兩岸和平共處的議題。"),
    (False, "美國需要重新分析其對台政策。"),
    (False, "這份報告的分析顯示，解放軍尚無全面登陸的能力。"),
])
def test_the_report_of_a_discussion_is_no_claim(reports, text):
    from pipeline.analyse.taiwan import reports_discussion
    assert reports_discussion(text) is reports


@pytest.mark.parametrize("history, text", [
    # a CDT essay outside the corpus listed these among the implications for Taiwan
    (True, "1987年，臺灣解除戒嚴令，之後逐漸開放老兵探親，兩岸民間從幾乎隔絕的狀態到開始有了交流的機會。"),
    (True, "80年代到90年代初的「鄉愁」想像隨著臺灣的進一步民主化和本土意識的聲量擴大而逐漸受到挑戰。"),
    # corpus 000: an event of this year, dated, told with its aftermath
    (True, "今年8月，美國眾議院議長裴洛西來臺訪問，更使得「中」方不滿到了極點，遂在其離臺後對臺舉行大規模的威嚇演習。"),
    (True, "11月14日，拜登與習近平在峇里島舉行會談，兩位領導人在媒體前公開互動。"),
    (True, "11月14日的拜習會藉由G20峰會作為平臺，兩位領導人在媒體前公開互動。"),  # corpus 001: 拜習會 is a meeting
    # corpus 10: years back
    (True, "直至五、六年前為止，台灣人都在談一個概念，叫「芬蘭化」。"),
    (True, "十多年前，兩岸簽署了經濟合作架構協議。"),
    # a CDT digest outside the corpus: a news report's subject and its day, and the years since
    (True, "美國眾議院議長南希•佩洛西(Nancy Pelosi)於臺灣時間8月2日晚間抵達臺灣，開始其訪問行程。"),
    (True, "這是25年來，再次有美國眾議院議長訪問臺灣。"),
    (True, "二十年來，兩岸經貿往來日益密切。"),
    (False, "美國國防部長將於8月2日抵達臺灣，討論軍售。"),
    # a past year inside the sentence, and nothing said of what will come (corpus 06, 13)
    (True, "中美建交之後，美國對台灣軍售成為新焦點，於是在1982年簽署《八一七公報》，限制美國對台灣售武的質和量。"),
    (True, "幸運的是，日本很快就玩砸了，1945年日本戰敗，1949年蔣介石敗退臺灣。"),
    (False, "自2016年以來的壓力，最終將迫使臺灣做出選擇。"),
    # 將 before its object is 把 ("took"), no future (corpus 13, its brief's implications)
    (True, "1894年馬關條約簽訂後，清廷將臺灣割讓給了日本，臺灣人被要求起日本名字。"),
    (False, "2016年以來，北京將持續對臺灣施壓。"),
    # an hkcnews report outside the corpus: history as the paper it summarises tells it
    (True, "報道說，1949年國民黨去了台灣，中國共產黨建立中華人民共和國，自始中共一直想控制台灣。"),
    # a year ahead, or a past year with what follows from it, is an outlook
    (False, "明年1月，臺灣大選的結果將牽動兩岸關係。"),
    (False, "3月底前，美方預計完成對臺軍售的審查。"),
    (False, "2027年，解放軍將具備全面攻臺的能力。"),
    (False, "2025年前中國有能力全面犯台。"),
    (False, "2016年以來，兩岸關係持續緊張，未來衝突的可能性只會升高。"),
    (False, "中國這一年來不斷以軍事行動威嚇台灣，反而造成台灣人民的極度反感。"),  # corpus 07, a reader's
])
def test_history_narrated_is_no_implication(history, text):
    from pipeline.analyse.taiwan import narrates_history
    assert narrates_history(text) is history


def test_an_essays_history_is_not_among_its_implications(segmenter):
    essay, _ = _infos(segmenter, "1987年，臺灣解除戒嚴令，之後兩岸民間開始有了交流的機會，兩岸關係從此改變。\n\n"
                                 "北京持續施壓，臺海緊張恐將升高，臺灣的安全風險也將擴大。")
    quotes = [i.quote for i in analyse(essay, segmenter).implications]
    assert quotes and not [q for q in quotes if q.startswith("1987")]


def test_a_quote_mark_its_paragraph_never_pairs_is_not_printed(segmenter):
    """Corpus 02 writes …因為我們已經共同度過許多難關」。 and …她也願意坐下來和他會談」。 with no
    「 before them in their paragraphs, and an hkcnews report outside the corpus opens
    博爾頓說，…「但是，…登場。 and never closes it: the brief printed the stray marks (the
    executive brief among its recommendations). The JSON's quote stays verbatim."""
    from pipeline.analyse.wording import drop_stray_quotes
    assert drop_stray_quotes("蔡英文也說，要做好準備，因為我們已經共同度過許多難關」。", "對於媒體以「地球上最危險」形容，", "") \
        == "蔡英文也說，要做好準備，因為我們已經共同度過許多難關。"
    assert drop_stray_quotes("博爾頓說，特朗普願意犧牲，「但是，這才令親台官員得以登場。", "黃安偉寫道，博爾頓在新書說。", "") \
        == "博爾頓說，特朗普願意犧牲，但是，這才令親台官員得以登場。"
    # quotation marks the paragraph pairs stay, and so does a quotation opening its paragraph
    # to run on into the next (each of its paragraphs opens with 「, only the last closes)
    assert drop_stray_quotes("他說：「兩岸必須對話。", "", "美國樂見其成。」") == "他說：「兩岸必須對話。"
    assert drop_stray_quotes("美國樂見其成。」", "他說：「兩岸必須對話。", "") == "美國樂見其成。」"
    assert drop_stray_quotes("「我們將繼續加強與臺灣的紐帶。", "", "") == "「我們將繼續加強與臺灣的紐帶。"
    analysis = analyse(read_essay(CORPUS / "02_hk-tsai-cnn-us-trainers.md"), segmenter)
    items = analysis.findings + analysis.recommendations + analysis.implications
    stray = [i for i in items if "難關" in i.quote or "會談」" in i.quote]
    assert stray and all(i.quote.endswith("」。") and not i.text.endswith("」。") for i in stray)


def test_the_writers_own_story_is_no_implication_nor_finding(segmenter):
    """Corpus 13's brief listed, for Taiwan, 「我當即表示特別羨慕，因為我還沒去過四川…。這位臺灣大叔
    這時就聊的有些興奮，熱情的建議我將來一定要去一趟…」: the writer's anecdote (its 將來 is the
    trip he was urged to make), and the same among its findings. A point that takes in the
    writer's own past is that story: the scene of the argument, not a point of it."""
    from pipeline.analyse.taiwan import tells_own_story
    assert tells_own_story("我當即表示特別羨慕，因為我還沒去過四川。")
    assert tells_own_story("說來很有意思，我第一次跟臺灣同胞有較長時間的交流，居然是在日本發生的。")
    assert not tells_own_story("我認為臺海局勢短期內不會有變化。")
    assert not tells_own_story("當時的臺灣很可能就真的被日本所同化了。")  # 當時 of history, no 我
    assert not tells_own_story("這是我們第一次面臨如此嚴峻的軍事威脅。")  # 我們, the nation: an assessment
    assert tells_own_story("然後我們的話題就轉到了明星黃渤上，他問我黃渤說的山東話為什麼不一樣——我回答說，那是膠東的方言。")
    assert not tells_own_story("政府需要建立自我問責的機制。")  # 自我問責: no one asked
    assert not tells_own_story("立委質問我國政府是否準備好了。")  # 我國: Taiwan asked, not the writer
    essay, _ = _infos(segmenter, "我當即表示特別羨慕，因為我還沒去過臺灣的花蓮。\n\n"
                                 "這位臺灣大叔這時就聊得有些興奮，熱情地建議我將來一定要去臺灣一趟。\n\n"
                                 "北京持續施壓，臺海緊張恐將升高，臺灣的安全風險也將擴大。")
    analysis = analyse(essay, segmenter)
    assert analysis.implications and analysis.findings
    assert not [i for i in analysis.implications + analysis.findings if "大叔" in i.quote or "羨慕" in i.quote]


def test_a_question_is_no_finding(segmenter):
    """None of the corpus readers' 168 agreed findings is a question, yet a column outside
    the corpus that argues through questions (是期待…的全球秩序？中國在世界秩序應扮演何種
    角色？) had three of them among its findings."""
    essay, _ = _infos(segmenter, "美國究竟希望從中國身上獲得什麼？是期待一個去中共化的全球秩序？"
                                 "還是尋求在特定領域建立有限合作的模式？\n\n"
                                 "目前華府政策的模糊性與搖擺不定，不僅造成內部政策的碎片化，也削弱盟友信任與協調。\n\n"
                                 "中國在世界秩序應扮演何種角色？美中競爭的勝負關鍵是明確的戰略目標與持續執行力。")
    findings = analyse(essay, segmenter).findings
    assert findings and not [i for i in findings if i.text.endswith("？")]
    # nor a list that ends asking (a CDT essay outside the corpus: 假如…；假如…，居然是他代表著愛國？)
    essay, _ = _infos(segmenter, "北京近年持續以軍機繞臺施壓，美國則持續對臺軍售。假如解放軍在臺海周邊的軍事演習一再升級；"
                                 "假如中國對臺灣的經貿制裁持續擴大；假如臺灣的國際外交空間繼續遭到壓縮，臺灣還能保持中立嗎？"
                                 "兩岸關係短期內難以改善。")
    analysis = analyse(essay, segmenter)
    assert not [i for i in analysis.findings + analysis.implications if i.text.endswith("？")]


def test_a_reported_discussion_is_neither_finding_nor_implication(segmenter):
    """Corpus 16's implications held 「…在外交事務雜誌上撰文，詳細分析了臺灣如何反擊…」."""
    analysis = analyse(read_essay(CORPUS / "16_cdt-election-interference-2024.md"), segmenter)
    assert not [i for i in analysis.findings + analysis.implications if "詳細分析了" in i.quote]


def test_a_point_drops_its_summing_up():
    """一言以蔽之 ("in a word"), 歸根結底, 說到底 sum up as 總之 does: a column outside the
    corpus (眾新聞, 關慶寧) had its conclusion printed 「一言以蔽之，凌友詩…的講話，其要害是…」; and
    the spoken 所以你可以看到，… (corpus 10, printed in the brief's themes) frames as 可見 does."""
    from pipeline.analyse.wording import trim_opening
    for text in ("一言以蔽之，這篇講話扭曲了一國兩制方針。", "歸根結底，兩岸問題是制度之爭。", "說到底，臺灣的安全取決於自身的防衛決心。",
                 "所以你可以看到，大財團成為馬英九兩次選舉的最堅定支持者。", "我們可以看出，北京的策略已經轉向。"):
        assert trim_opening(text, text) == text[text.index("，") + 1:]


def test_an_implication_within_a_finding_is_that_finding(segmenter):
    """From the corpus (06): the finding 「例如美國駐台官員…云云。這種自欺欺人行為…」 took the
    sentence before it to stand alone, and that sentence alone was an implication. The
    brief prints a point that is both once, as an implication, and printed only the first
    sentence: the judgement (這種自欺欺人行為…) was lost."""
    for path in [*sorted(CORPUS.iterdir()), ESSAY_G20, ESSAY_XI]:
        analysis = analyse(read_essay(path), segmenter)
        for i in analysis.implications:
            for f in analysis.findings:
                if f.start < i.end and i.start < f.end:  # the implication says all the finding says
                    assert i.start <= f.start and f.end <= i.end, (path.name, f.quote)


def test_a_connective_with_its_pause_particle_goes_whole(segmenter):
    """From the corpus (14): spoken prose pauses after a connective (但是呢，而且呢，) and says
    所以說 for 所以; the brief printed 「呢，天然砂其實也分很多種…」 and 「說，國家禁止…」."""
    from pipeline.analyse.wording import trim_opening
    for text, kept in (("但是呢，天然砂其實也分很多種，包括河沙。", "天然砂"), ("而且呢，臺灣的晶片產業主要做後端。", "臺灣"),
                       ("所以說，國家禁止向臺灣出口天然砂後，建築業受到影響。", "國家"), ("也就是說，晶片的原料要靠進口。", "晶片")):
        assert trim_opening(text, text, text[:2]).startswith(kept)
    analysis = analyse(read_essay(CORPUS / "14_cdt-natural-sand-export-ban.md"), segmenter)
    texts = [i.text for i in analysis.findings + analysis.implications]
    assert texts and not any(t.startswith(("呢", "說，")) for t in texts)


def test_a_chain_of_terms_is_no_point(segmenter):
    """From the corpus (14): 「天然砂——晶體矽原料——晶片原料——臺積電——臺灣晶片產業」 is the
    chain of associations the essay goes on to question, set as a diagram; it was printed
    as an implication for Taiwan. A sentence with a dash in it stays one."""
    from pipeline.analyse.taiwan import is_aside
    assert is_aside("天然砂——晶體矽原料——晶片原料——臺積電——臺灣晶片產業")
    assert is_aside("出口管制→供應鏈重組→產能外移")
    assert not is_aside("美國的政策——無論是關稅還是出口管制——都衝擊臺灣的產業。")
    analysis = analyse(read_essay(CORPUS / "14_cdt-natural-sand-export-ban.md"), segmenter)
    assert analysis.implications and not any("——晶片原料——" in i.quote for i in analysis.findings + analysis.implications)


def test_netizens_comments_a_piece_compiles_are_none_of_its_points(tmp_path, segmenter):
    """A China Digital Times compilation (【网络民议】, GitHub news-backup, not in ../shared)
    sets netizens' comments one a paragraph under their handles (熊本喵：…, wen58658：…):
    six of its ten findings were comments, and 台湾要严阵以待 could pass for advice. Written:
    the same number of paragraphs under aspects' labels (政治：…) are the author's points."""
    comments = ["熊本喵：别骂了，不能打的，可能没我们想象的那么简单，祖国真的很被动。",
                "恬恬大聪明：万万没想到，调子起的这么高，最后让我们全国人民搞了一场全民接机。",
                "唯Serena：谈，我们奉陪到底。打，我们有话好说。",
                "wen58658：关微博是非常不寻常的事情，预计有大事要发生，台湾要严阵以待。",
                "拒绝一切内耗的小范同学：还是相信国家，战争不是游戏。",
                "娱乐探神：危机就是契机，未来中国的军机穿越台湾领空将成为常态化的趋势。"]
    body = ("8月2日晚美国国会众议院议长佩洛西乘坐的专机抵达台北松山机场，成为访问台湾的最高级别的美国政治人物。\n\n"
            "在佩洛西抵达台湾后，有网友发现，微博疑似开始将中国大陆ip封锁，显示平台担心墙内舆论失控。\n\n")
    path = tmp_path / "comments.md"
    path.write_text("# 佩洛西访台的后果首先由微博用户承担\n\n" + body + "\n\n".join(comments) + "\n", encoding="utf-8")
    analysis = analyse(read_essay(path), segmenter)
    printed = [item.quote for item in analysis.findings + analysis.implications + analysis.recommendations]
    assert printed and not [q for q in printed if "：" in q[:20]]
    aspects = ["政治：北京的底线一再后退，宣传的调门却越来越高。", "经济：两岸贸易仍在增长，台湾对大陆顺差扩大。",
               "军事：解放军的演习已经常态化，台湾周边的压力与日俱增。", "外交：美国与盟友的表态更加一致，支持台湾的声音增多。",
               "社会：大陆网民的情绪在失望与愤怒之间摆荡，舆论难以收拾。", "科技：半导体供应链的重组让台湾的角色更加重要。"]
    path.write_text("# 佩洛西访台的后果\n\n" + body + "\n\n".join(aspects) + "\n", encoding="utf-8")
    analysis = analyse(read_essay(path), segmenter)
    assert len([item for item in analysis.findings if "：" in item.quote[:4]]) >= 3


@pytest.mark.parametrize("sentence, claims", [
    ("金漢豔、金漢琴、譚兵林、賴天明、李志宏。", False),  # CDT 报告汇 (outside ../shared): 名單如下：
    ("戴之穎、徐長祿、張霞（武漢）。", False),
    ("臺灣、日本、韓國都面臨壓力。", True),
    ("美國、日本、澳洲與印度組成四方對話。", True),
])
def test_a_roll_of_names_claims_nothing(sentence, claims):
    assert claims_nothing(sentence) is not claims


def test_a_translations_original_in_brackets_is_not_printed(segmenter):
    """An hkcnews report outside the corpus (and corpus 06) give a quoted sentence's English
    original in brackets after its translation; the brief printed both. A name's original
    is kept: it is how a reader finds the person or body."""
    from pipeline.analyse.wording import drop_originals
    text = "分歧在香港的示威後更形尖銳（in Taiwan, generational differences have sharpened），一名律師說。"
    assert drop_originals(text) == "分歧在香港的示威後更形尖銳，一名律師說。"
    assert drop_originals("《八一七公報》「僵化地局限了美國的政策方案」（rigidly circumscribed U.S. policy options）。") \
        == "《八一七公報》「僵化地局限了美國的政策方案」。"
    for kept in ("法菲爾德（Anna Fifield）到台灣採訪。", "「芝加哥全球事務委員會」（Chicago Council on Global Affairs）公布調查。",
                 "美台商業協會（US-Taiwan Business Council）發表聲明。", "美國之音（VOA）報導。"):
        assert drop_originals(kept) == kept
    analysis = analyse(read_essay(CORPUS / "06_hk-taiwan-card-817-communique.md"), segmenter)
    glossed = [i for i in analysis.findings + analysis.implications if "（rigidly" in i.quote]
    assert glossed and not any("rigidly" in i.text for i in glossed)


@pytest.mark.parametrize("sentence, claims", [
    # corpus 09 and 10: the outlet telling of its own reporting, or pointing at another report
    ("《立場新聞》採訪團隊來到台灣，分別訪問了國民黨總統候選人韓國瑜國政顧問團兩岸組召集人、文化大學社科院長趙建民，"
     "以及太陽花學運領袖林飛帆，透過兩大陣營的視覺，看兩岸關係、中國滲透及香港運動。", False),
    ("《立場新聞》曾訪問一於中國工作台灣青年，他亦表示現在台灣人於中國的機會已比以前小，詳看另文報道。", False),
    ("本台記者走訪金門，當地商家普遍擔心觀光客減少。", True),  # what the reporter found
    ("趙建民接受《立場新聞》專訪時，將蔡英文民望上的領先，解釋為「炒作一國兩制議題」。", True),  # his claim
    ("美國記者訪問台灣後指出，台灣的防衛意志正在提升。", True),
])
def test_the_outlets_own_reporting_claims_nothing(sentence, claims):
    assert claims_nothing(sentence) is not claims
