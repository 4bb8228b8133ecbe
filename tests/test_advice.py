"""Advice to Taiwan, case by case (issue 8): sentences taken from the published essays of
../shared/corpus (quoted here, in Traditional form as the analysis reads them) and
sentences written for the purpose of the same kinds."""
from __future__ import annotations

import pytest

from conftest import CORPUS, CORPUS_GOLD
from pipeline.analyse import analyse
from pipeline.analyse.taiwan import Parties
from pipeline.evaluate import hits, load_gold
from pipeline.ingest import read_essay

TAIWAN_ESSAY = "我國政府與我們臺灣社會"  # an essay that speaks as Taiwan: 我們 is Taiwan
OTHER_ESSAY = "香港與美國的讀者"  # one that does not (a Hong Kong, mainland or American 我們)


@pytest.fixture(scope="module")
def parties(segmenter):
    return Parties(segmenter.lexicon, TAIWAN_ESSAY)


ADVICE = [
    # written: Taiwan's premiers, party leaders and mayors are Taiwan's own (the lexicon's `taiwan`)
    ("a Taiwanese candidate", "韓國瑜必須提出更明確的兩岸政策。"),
    ("a premier's cabinet", "卓榮泰內閣必須加強國防。"),
    # an hkcnews column outside the corpus (the 習近平救了蔡英文): Taiwan's own programme
    ("a Taiwanese programme", "新南向政策應該擴闊及深化為聯結全球海洋文明國家的政策。"),
    # written: 德政府 (Germany's) is no actor inside 賴清德政府, read left to right
    ("a president's government", "賴清德政府必須加強國防，提升全社會的防衛韌性。"),
    # from the corpus
    ("modal, Taiwan named", "惟美中競爭和對立本質難改變，臺灣宜慎判情勢，避免成為美中籌碼。"),
    ("reported, Taiwan in the advice's clause", "蔡英文說，政府需要調整軍隊來保衛這個小島，而不是傳統的戰鬥部隊。"),
    ("唯有/要…才", "台灣要維持獨立，才有辦法在內部實施各種進步改革。"),
    ("advice before a quoted question", "趙建民認為台灣應該在創科、教育等方面取得經濟優勢：「你經濟愈小愈危險。你有什麼安全感？」"),
    ("建議 as a verb", "李世暉建議，台灣經貿談判辦公室需要擴編，重新彙整經貿談判人力資源。"),
    ("a government that ought to be able to", "若放在當今政治環境與國際局勢，特別是日本政府接連送台灣5次共390萬劑疫苗，"
     "執政黨應該可以透過更細膩的民意調查，了解真正反對者是否真有2018年這麼多。"),
    # written for the purpose
    ("advice the author gives, then a crowd's view", "台灣應該提高國防預算，有人認為這是浪費。"),
    ("與其…不如: a choice urged", "所以，台灣與其爭論統獨，不如專注於強化民主韌性。"),
    ("與其…不如, a government", "政府與其等待美國表態，不如先補足彈藥庫存。"),
    ("可以 without another modal", "民進黨政府可以在短期內通過國防特別預算，強化後備戰力。"),
    ("不妨", "我國不妨借鏡日本的經驗，建立經濟安全的審查機制。"),
    ("是時候, Taiwan the subject", "臺灣是時候重新檢討能源政策。"),
    ("應該有, something to make", "政府應該有一套完整的能源轉型計畫。"),
    ("唯有…才", "唯有臺灣社會形成共識，才能抵禦外部的認知作戰。"),
    ("the key, for Taiwan", "對臺灣而言，關鍵在於儘速強化後備動員體系。"),
    ("the way to Taiwan's end", "保障臺灣經濟安全的辦法，是分散出口市場與供應鏈。"),
    # the act named as the right way (…，才是台灣的正途: a 眾新聞 column outside the corpus)
    ("the right way, Taiwan's", "聯結美日等海洋國家，大力振興高科技產業，才是台灣的正途。"),
    ("the right way, Taiwan acting", "台灣加強國防自主才是正道。"),
    # an editorial outside the corpus (大國博弈動態調整 台灣須務實應對): what Taiwan can do,
    # framed as for Taiwan, with a bare 可
    # a 自由時報 op-ed outside the corpus: what the author thinks Taiwan must do is no plan of
    # the author's own (筆者 … 要 was read as a signpost, 本文將…)
    # a 聯合報 report outside the corpus (李文忠, 2025): Taiwan's first task, named before the act
    ("the first task, then the act", "因此我方當務之急是加強軍事投資，建立社會與軍事方面的韌性。"),
    ("what matters most to Taiwan", "台灣當下最重要的兩件事，是建立社會韌性及軍事韌性。"),
    ("the act that loving Taiwan is", "盡速通過1.25兆元的國防特別預算，才是「愛台灣」之舉！"),
    ("Taiwan's first task", "「第二箭」是強化台灣在世界AI產業鏈中「不可取代」的重要性，其中重啟「新核能」預防電力不足，恐怕是當務之急！"),
    ("the author thinks Taiwan must", "對此，筆者認為台灣要「三箭齊下」，才能讓台灣安全，「印太區域」安穩，全世界安泰！"),
    ("可 after a frame naming Taiwan", "對身處美國與中國大陸之間、戰略位置敏感的台灣而言，可從國際觀察、美陸互動、"
                                      "日本政策及區域趨勢四面向分析並進行調整，若仍墨守舊有對抗思維，恐陷被動。"),
    ("the one who should, named by a cleft", "真正需要調整的，是臺灣政府，應盡快強化能源韌性。"),
    ("不必, advice to refrain", "政府不必急於開放市場。"),
    # an ETtoday report outside the corpus (2025): a condition stating Taiwan's own aim, a place
    # after 若要 no party on whom the advice hangs
    ("an aim, then what it takes", "台灣若要在中國的壓力下維持民主，政府必須加強國防。"),
    ("an aim (如果想), then 就應該", "台灣如果想在美中之間保持平衡，就應該深化與日本的合作。"),
    # a report of a commentator's post outside the corpus (LINE TODAY, 2025): 該 after an adverb
    # a Yahoo report outside the corpus (2025): a minister named bare is Taiwan's in a piece on Taiwan
    ("a bare ministry's minister, reported", "對此，外交部長林佳龍認為，中共內部正面臨龐大挑戰，實際時間表可能仍有變動，"
                                            "台灣須與友邦緊密合作，共同應對快速變動的區域局勢。"),
    ("應處理 is 'should handle'", "政府應處理好國防預算的爭議。"),
    ("該 after an adverb, reported", "接著她認為台灣現在不能只喊口號，政府也該行動了。"),
    ("早該, written", "臺灣早該建立自己的能源儲備制度。"),
    # written for the purpose: 唯有 with no subject of its own is met by the one it enables,
    # 是時候 with none before it is the time of the party it names
    ("唯有, the enabled party its subject", "唯有團結，臺灣才能抵禦中共的統戰。"),
    ("唯有 after its subject", "灰色地帶行動將是未來數年臺海安全的主要挑戰，我國唯有及早因應，才能避免失去主動權。"),
    ("是時候, Taiwan after it", "是時候重新檢討我國的能源政策了。"),
    ("無論如何 asks nothing", "台灣無論如何都應該維持現狀。"),
    ("a cleft naming the act needed", "台灣需要做的，是加強自身的防衛能力。"),
    ("Taiwan's best choice", "在我看來，台灣最好的選擇就是維持現狀。"),
    # a think tank's column outside the corpus (statebuilding.tw): a government's units act
    ("the government's units", "此外，政府相關單位也必須更加積極主動地向國人清楚說明當前台灣所面臨的國際情勢。"),
    # a party think tank's call, reported (cdns.com.tw): the one urged follows the verb
    ("urging the government", "智庫強調，籲請政府確立「國家安全戰略」的指導原則，正視與生存發展息息相關的重大問題。"),
    ("the president urging her people", "蔡英文呼籲國人團結，共同守護民主。"),
    # Taiwanese editorials outside the corpus (udn.com, 2025): the president by her or his title,
    # and a condition naming the sincere aim the advice serves
    ("the president by title", "賴總統應將中華民國憲法作為溝通交流的基礎。"),
    ("a bare president in a piece on Taiwan", "總統應該立即召開國安會議。"),
    ("if sincerely aiming, then 就應", "賴總統若真心推動兩岸對話，就應將中華民國憲法作為溝通交流的基礎。"),
    # a frame naming whom the advice is for (worldjournal.com, 2025), and an emphatic "must not"
    ("a frame names Taiwan", "對台灣來說，必須加強與理念相近國家的合作。"),
    ("更不能 after a frame", "對台灣而言，除了充實軍備、以實力帶來和平，更不能放棄溝通對話。"),
    ("切勿", "國人切勿輕信來路不明的訊息。"),
    ("切莫", "政府切莫低估中共滲透的力量。"),
    ("千萬不能", "臺灣千萬不能自我矮化。"),
    ("萬萬不可", "台灣萬萬不可放棄國防自主。"),
    ("不應當, whole", "政府不應當再拖延國防改革。"),
    ("the best strategy, for Taiwan", "對台灣而言，最佳策略是避免捲入美中衝突。"),
    ("不論是否 asks nothing", "台灣不論是否加入，都應該強化自身經濟。"),
]

NOT_ADVICE = [
    # an hkcnews report outside the corpus: what Taiwan's president does and her policy is like, told
    ("a weak modal describing", "現任台灣總統蔡英文是主張台獨的民進黨黨員，她採取謹慎和審慎的政策（與美國密切磋商）"
                                "處理與中國關係，小心翼翼避免可能跨越北京紅線。"),
    ("an adjective before a noun", "蔡英文政府一向採取審慎的兩岸政策。"),
    ("Taiwan's programme the object", "美國應該支持新南向政策，擴大與東南亞的合作。"),
    # from the corpus
    ("conditional on another party", "鄧振中坦言，台灣申請加入後就要與各國展開諮商談判，若日方提出此項議題，台灣也需要面對與處理。"),
    ("consequence of a condition", "李世暉說，執政黨若選擇開放，就必須承受開放後的政治風險。"),
    ("embedded question", "蔡英文對於為何台灣需要加入CPTTP指出，加入CPTPP絕對有利於台灣的全球經貿布局。"),
    ("reported, no Taiwan in the clause", "茂木敏充表示，對於已申請加入的台灣等經濟體，有必要依實際情況進行判斷。"),
    ("reported demand of other parties", "美台商業協會會長強調，CPTPP會員國應在不受北京脅迫下考慮申請案。"),
    ("interviewer's question", "2）台灣各黨派如何應對北京對台提出的「一國兩制」的主張？"),
    ("epistemic 應當算是", "首先，台灣人民的生活應當算是略高於小康的。"),
    ("editor's note", "（註：後來台方指，陳必須到臨時櫃位申請落地簽證，並非限制其入境。）"),
    ("便宜 is no modal", "特朗普對中國的行動已經完全不按套路出牌，得了便宜還發推特。"),
    ("a book title names no actor", "我覺得我這篇文章，應該叫《為什麼臺灣與我們終不會分離》。"),
    ("a condition described, 台灣 the object of 將", "其一是內部：台灣人要形成共識，是時候將台灣改為一個法律上獨立的國家。"),
    ("the speaker announcing a plan", "面對新的國會結構，臺灣必須走向溝通、協商的政治，我要在此表達：第一，我會深入研議兩位對手的政見。"),
    ("a noun after a title", "博思科提出打「台灣牌」，撕毀《八一七公報》建議，為這種論述打開大門。"),
    # written for the purpose
    ("addressed to another party", "美方應該審慎評估管制對盟友企業造成的衝擊。"),
    ("a demand reported, Taiwan the one told", "在野黨主席還一再叫蔡英文不要刻意曲解九二共識，卻從不駁斥北京。"),
    ("應有之義 is a noun", "蔡英文這次的表現值得肯定，但也只是身為臺灣總統應有之義而已。"),
    ("what another party should propose", "委員會在報告中提出，美國國會應建議政府發表跨部門報告，支持臺灣參與國際組織。"),
    ("a threat reported from the state press", "環球時報社評指出，美國及台灣必須放棄以武拒統的幻想。"),
    ("rhetorical question", "面對中共的灰色地帶侵擾，我們要如何應對呢？"),
    ("conditional describing what others would do", "如果北京決定封鎖，美國就必須在數日內決定是否介入。"),
    ("signpost", "本文將於結論提出臺灣的因應建議。"),
    ("the key is a party's stance", "對臺灣而言，關鍵在於美國的態度。"),
    ("the way to another's end", "北京收買臺灣的方法，是拉攏地方派系與中小企業。"),
    ("another party's government that can", "日本政府應該可以透過外交管道，向北京表達關切。"),
    ("要 a time takes, no condition", "增稅方案在執政黨內部引發爭議，長程飛彈也要數年才能完成部署。"),
    ("what Taiwan presumably can", "臺灣應該可以得到美方更好的待遇。"),
    ("a chance expected, 應該有機會", "若能爭取到日本的支持，我國應該有機會在年底前完成入會談判。"),
    ("room expected after a condition", "如果執政黨勝選連任，應該在政治上更有空間推動這項協定。"),
    ("the key to nobody's end", "更為關鍵的是，兩岸有共同的文化記憶。"),
    ("another's right way", "放棄軍事擴張才是中國的出路。"),
    ("another's first task", "美國加強印太軍力部署是當務之急。"),
    ("another's first task, named first", "美國的當務之急是重建製造業。"),
    ("what matters most is a party's stance", "對台灣來說，最重要的事是美國的態度。"),
    ("可 after a frame naming another", "對中國而言，可從經濟著手。"),
    ("可見 after a frame naming Taiwan", "對台灣而言，可見這是一大挑戰。"),
    ("a right way another party names", "北京認為，和平統一才是台灣的出路。"),
    # from a CDT essay outside the corpus: Taiwan the object of the attack, the attacker's need
    ("Taiwan the object of a verb", "真要打臺灣，必須得滿足兩個條件，一是能百分百拿下，二是做好心理準備。"),
    ("Taiwan the object of support", "美國支持臺灣，也應該兼顧自身的經濟利益。"),
    # from a CDT report outside the corpus: 宜 in a candidate's name
    ("a modal inside a name", "他表示雖然國民黨候選人侯友宜延續了國民黨承認「九二共識」的政策，但是他特別強調這不是「一國兩制」。"),
    # from a CDT digest outside the corpus: 應對 after 的 is a noun's verb, no "should"
    ("a noun after 的", "首先，臺灣當今選擇的應對方式就是資訊開放。"),
    ("應對 after 的, written", "民進黨政府的應對策略是加強與美日的合作。"),
    # an unnamed crowd's belief or demand, reported to be argued against (written)
    ("a crowd's demand", "有人主張台灣應該立即宣布獨立，這是不切實際的。"),
    ("a crowd's belief", "很多人認為台灣必須大幅提高國防預算。"),
    ("a crowd's belief after a setting", "在野黨內，不少人以為政府應該先開放市場。"),
    ("unnamed scholars", "有學者主張台灣應該加入RCEP，但這在政治上幾乎不可能。"),
    ("unnamed experts", "不少專家認為台灣必須延長兵役。"),
    # 與其說…不如說 weighs two descriptions; 與其他 is "with other"
    ("與其說…不如說", "台灣的困境與其說是軍事問題，不如說是政治問題。"),
    ("與其他 and a comparison", "台灣與其他民主國家相比，國防預算不如日本。"),
    # a 自由時報 letter outside the corpus (2025): the democracies' necessity, not Taiwan's
    ("the democracies' challenge", "作為身處印太區域民主前線的台灣，我們更清楚這股威脅已成為全球民主社會必須共同正視的挑戰。"),
    ("addressed to the democracies", "民主國家應該團結起來，共同對抗威權擴張。"),
    # a 自由時報 report outside the corpus (2025): 應處 "respond", a verb, no "should"
    ("應處 is a verb", "我國國防部則適切派遣兵力，進行「立即備戰操演」應處。"),
    ("應變 is a verb", "國軍已啟動應變機制，密切監控共軍動態。"),
    # a 民報 forum column outside the corpus (2025): the other side's word rejected, the one
    # who should named by a cleft, a modal inside a quoted idiom
    ("what matters most, a fact", "這次台灣選舉最重要的是年輕人的投票率。"),
    ("the other side's word rejected", "台灣不需要「歸向」，因為我們本就站在民主自由的正確道路上。"),
    ("a cleft naming another party", "如果要談「歸向」，台灣人都知道真正應該回歸的是中共，應回到民主與自由的價值觀。"),
    ("another party named by a cleft, the clause before", "台灣的民主得來不易，真正該棄暗投明回歸的，是中共，應回到民主的價值觀。"),
    ("a modal inside a quoted idiom", "台灣朝野都擔心「裡應外合」的局面。"),
    # a DW interview outside the corpus (2019): "not the time", no advice
    ("不是時候", "我們覺得統一現在要談不是時候，跟台獨要談不是時候一樣的道理。"),
    # a 自由時報 op-ed outside the corpus (林正二, 2026): a domestic party's view under a label
    # debunking it, its advice included
    ("a view under a label debunking it", "揭穿藍營虛假的「和平」論：國民黨人及其支持者認為，台灣無論如何提高國防預算，"
                                         "只會激化中共；因此，政府應降低國防預算，才能維持和平。"),
    ("該 before a noun is 'that'", "該會主張台灣與大陸統一，並長期推動兩岸青年交流。"),
    ("該 of another party", "美國也該檢討自己的對華政策。"),
    ("唯有, another party the enabled", "唯有團結一致，美國才能應對中國的挑戰。"),
    ("唯有 after another party", "美國唯有及早因應，才能避免在印太失去主動權。"),
    ("是時候, another party after it", "是時候美國國會將美台關係推到下一個層次。"),
    # Beijing's name for Taiwan's government (a 國台辦 statement's shape): its demand, no advice
    ("an unnamed commentary's view", "有評論認為，台灣應該與大陸和平統一。"),
    ("addressed as 民進黨當局", "民進黨當局應該停止一切「台獨」分裂活動。"),
    ("addressed as a leader's 當局", "賴清德當局必須承認九二共識。"),
    ("addressed as compatriots", "台灣同胞應該和我們一起實現民族復興。"),
    ("a cleft naming what another party needs", "中共真正需要的，是台灣的屈服。"),
    ("a passive cleft", "需要被保護的是台灣的民主。"),
    ("another party's best choice", "美國最好的選擇是保持戰略模糊。"),
    ("a passive after 不應該", "台灣不應該被視為美中之間的籌碼。"),
    ("invited: another party acts (corpus 04's must-not)", "臺灣總統蔡英文應獲邀到國會演說。"),
    ("受到: a passive", "台灣應受到國際社會的重視。"),
    ("Taiwan's future is a topic (corpus 06's must-not)", "《臺灣關係法》明言，即臺灣前途須和平解決。"),
    ("hearsay, said", "有人說台灣應該獨立，我不同意。"),
    ("another party urging: its demand", "北京呼籲台灣當局回到九二共識。"),
    ("another state urging", "美國敦促台灣增加國防預算。"),
    ("another state's president", "美國總統應該停止對台軍售。"),
    ("Hong Kong's government", "特區政府不應再打壓新聞自由。"),
    ("a frame names another party", "對美國來說，必須加強與盟友的合作。"),
    ("a frame names a topic", "對這個問題來說，必須先釐清事實。"),
    ("a party acting after the frame", "對臺灣而言，日本防衛政策的轉向意味著日本介入的可能性將提高，北京在評估對臺動武的成本時，勢必需要把日本納入考量。"),
    ("更不能 of another party (corpus 15)", "中國需要避免這種「克里米亞效應」，更不能接過俄羅斯的「接力棒」。"),
    ("不能 is mostly 'cannot'", "台灣不能加入聯合國，是國際政治的現實。"),
    ("切勿 of another party", "美國切勿放棄戰略模糊。"),
    ("a condition another party's sincere act fulfils", "若中共真心推動兩岸對話，台灣就應回應。"),
    ("an unnamed crowd urging", "國內準備工作與協商也都同時進行中，許多團體也呼籲政府趕快提出申請。"),
    ("the one urged is right after the verb (corpus 04)",
     "美國前國防部官員包士可在周一於《國會山莊報》刊登的文章，呼籲特朗普與國會合作，批准邀請蔡英文到美國國會發表演說。"),
    ("how, asked without its ？", "台灣應該如何因應中國的威脅，是本文的重點。"),
    ("whether, asked A-not-A", "台灣應不應該加入CPTPP，各方看法不一。"),
    ("whether, 要不要", "政府要不要提高國防預算，朝野爭論不休。"),
]


@pytest.mark.parametrize("case, sentence", ADVICE, ids=[c for c, _ in ADVICE])
def test_advice_to_taiwan(parties, case, sentence):
    assert parties.advises_taiwan(sentence)


@pytest.mark.parametrize("case, sentence", NOT_ADVICE, ids=[c for c, _ in NOT_ADVICE])
def test_not_advice_to_taiwan(parties, case, sentence):
    assert not parties.advises_taiwan(sentence)


def test_a_modal_character_inside_a_word_the_segmenter_reads_whole_is_none(parties, segmenter):
    """A BBC report outside the corpus listed 「不過，臺灣政論家龍應台則曾經批評李登輝的史觀。」 as
    advice: 應 in the writer's name. The segmenter reads 龍應台 whole; 應 alone is the modal."""
    sentence = "不過，臺灣政論家龍應台則曾經批評李登輝的史觀。"
    assert parties.advises_taiwan(sentence)  # the name's 應 read as "should", without the words
    words = {t.word for t in segmenter.tokens(sentence + "臺灣應該加強供應鏈的韌性。")}
    read = Parties(segmenter.lexicon, TAIWAN_ESSAY, words=words)
    assert not read.advises_taiwan(sentence)
    assert read.advises_taiwan("臺灣應該加強供應鏈的韌性。")


def test_we_is_taiwan_only_where_the_essay_speaks_as_taiwan(segmenter):
    sentence = "我們必須加強民主防衛的能力。"
    assert Parties(segmenter.lexicon, TAIWAN_ESSAY).advises_taiwan(sentence)
    assert not Parties(segmenter.lexicon, OTHER_ESSAY).advises_taiwan(sentence)  # 我們 of a Hong Kong essay


def test_a_simplified_essays_we_is_the_mainlands(segmenter):
    """A Simplified essay is written for the mainland: its 我國 is China, even converted."""
    sentence = "我國必須加快自主晶片的研發。"
    assert Parties(segmenter.lexicon, "我國與臺灣").advises_taiwan(sentence)
    assert not Parties(segmenter.lexicon, "我國與臺灣", simplified=True).advises_taiwan(sentence)


def test_a_simplified_essays_taiwan_authorities_are_beijings_name(segmenter):
    """A mainland essay's 台湾当局应该… is Beijing's demand (its name of non-recognition); a
    Hong Kong paper's 台灣當局 (corpus 09: 台灣當局禁止陳同佳網上簽證) is neutral."""
    demand = "臺灣當局應該認清形勢，回到九二共識的軌道上來。"
    assert not Parties(segmenter.lexicon, "臺灣與大陸", simplified=True).advises_taiwan(demand)
    assert Parties(segmenter.lexicon, "臺灣與大陸", simplified=True).advises_taiwan("臺灣應該加強國防。")
    assert Parties(segmenter.lexicon, "臺灣與大陸").advises_taiwan("臺灣當局應該加強國防。")


def test_a_bare_government_is_that_of_the_state_the_piece_is_about(segmenter):
    """政府, 執政黨 with no country before them: Taiwan's in a piece about Taiwan or one that
    speaks as Taiwan, Japan's in a piece about Japan's affairs (and China, named most in any
    cross-strait piece, never takes them: it is 北京, 中共, 中國政府)."""
    sentence = "政府應該可以透過更細膩的民意調查，了解反對者的真正想法。"
    assert Parties(segmenter.lexicon, "台灣的選舉與台灣的公投").advises_taiwan(sentence)
    assert Parties(segmenter.lexicon, "中國對台灣施壓，中國與北京與中共").advises_taiwan(sentence)
    assert not Parties(segmenter.lexicon, "日本的選舉與日本的公投，台灣").advises_taiwan(sentence)
    assert Parties(segmenter.lexicon, "日本的防衛與日本的預算，我國").advises_taiwan(sentence)
    # a piece about Hong Kong (a 自由時報 letter outside the corpus, 2019): Taiwan's government
    # named with its state is one actor, not 台灣 and then Hong Kong's bare 政府
    hong_kong = Parties(segmenter.lexicon, "香港的港府與香港的港人，香港，台灣")
    assert hong_kong.advises_taiwan("然而就我所觀察到的情況，台灣政府實無需過慮。")
    assert not hong_kong.advises_taiwan(sentence)
    # a piece that speaks as Hong Kong (本港…) names Taiwan more often than Hong Kong and still
    # means Hong Kong's by 政府 (written after the hkcnews columns on 陳同佳's case, outside the corpus)
    speaks_as_hong_kong = Parties(segmenter.lexicon, "陳同佳在台灣涉嫌殺人，台灣當局要求移交，台灣陸委會表示，本港的風波由此而起。")
    assert not speaks_as_hong_kong.advises_taiwan("政府應該盡快與台灣商討移交逃犯的安排。")
    assert speaks_as_hong_kong.advises_taiwan("台灣政府應該依法審理此案。")


@pytest.mark.parametrize("sentence", [
    "蔡英文在CNN專訪中表示，台灣是一座需要被捍衛的民主燈塔。",  # from the corpus: Taiwan is acted upon
    "民進黨及時地通過了這條早就應該有的法案。",  # from the corpus: a modal modifying a noun
    "臺灣應有的國際空間長期遭到壓縮。",
])
def test_a_modal_that_describes_is_no_advice(parties, sentence):
    assert not parties.advises_taiwan(sentence)


def test_advice_to_embrace_what_the_essay_rejects_is_irony(segmenter):
    """Sarcasm: a column that praises the president for rejecting 一國兩制 ends by proposing
    a referendum 「支持一國兩制…」, so that the voters reject it. Advice that Taiwan embrace
    what the essay rejects is irony or a reductio; the same advice where the essay rejects
    nothing of the kind is advice."""
    sentence = "臺灣乾脆舉行公投：一、支持一國兩制；二、擁戴北京的領導人。"
    essay = "總統迅速回擊，拒絕一國兩制，獲得民眾支持。" + sentence + "讓選票告訴北京答案。"
    assert not Parties(segmenter.lexicon, essay).advises_taiwan("反而，臺灣應該" + sentence[2:])
    assert Parties(segmenter.lexicon, TAIWAN_ESSAY).advises_taiwan("反而，臺灣應該" + sentence[2:])
    assert Parties(segmenter.lexicon, essay).advises_taiwan("臺灣應該支持理念相近的民主國家。")


def test_taiwans_own_people_and_bodies_are_taiwan(parties):
    """The lexicon marks 蔡英文, 陸委會 … as Taiwan's own: their reported advice, and advice
    addressed to them, are Taiwan's; 國台辦's is not."""
    assert parties.advises_taiwan("陸委會應儘速檢討兩岸條例的相關規定。")
    assert parties.advises_taiwan("蔡英文說，政府需要調整軍隊來保衛這個小島。")
    assert not parties.advises_taiwan("國台辦發言人說，民進黨當局必須承認九二共識。")


def test_the_advised_follow_the_verb_advise(parties):
    # from the corpus: the party advised stands two clauses after 建議
    assert parties.advises_taiwan("李世暉建議，未來若進入談判階段，包括台灣經貿談判辦公室等，可能都需要擴編。")
    assert not parties.advises_taiwan("我國建議美方放寬對盟友的出口管制。")  # Taiwan advises another


# --- the words of the sources an essay is built on (analyse/voice.py) -------------------

REPORT = """國民黨顧問談兩岸

王大明是國民黨的兩岸政策顧問，長年研究中國大陸。

王大明表示，兩岸交流中斷已經三年，雙方的誤判風險正在升高。王大明認為，經濟與政治議題可以分開處理。

他強調：「我們主張恢復兩岸對話，減低敵意，這有什麼錯？」

對於軍演，王大明也說，看了這些報導，可以提醒我們自己，要做好準備，不要驚慌，因為我們度過許多難關。

李小華在造勢場合說：「我們必須更加堅定，捍衛國家主權。」

王大明指出，台灣此次以個別關稅領域申請加入協定，爭議最少也最小。

王大明在新書中寫道：

政府應該盡快恢復兩岸的制度化協商管道。

環球時報社評稱：

台灣當局必須放棄以武拒統的幻想。
"""


@pytest.fixture(scope="module")
def report_analysis(tmp_path_factory, segmenter):
    path = tmp_path_factory.mktemp("report") / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return analyse(read_essay(path), segmenter)


def _advice(analysis) -> str:
    return "\n".join(item.quote for item in analysis.recommendations)


def test_a_sources_advice_in_quotes_is_taiwans(report_analysis):
    """王大明 is cited four times: his 我們主張… (a statement before the question 這有什麼錯？)
    and his imperative 不要驚慌 are advice to Taiwan, as the author's own would be."""
    advice = _advice(report_analysis)
    assert "我們主張恢復兩岸對話" in advice
    assert "不要驚慌" in advice


def test_a_speaker_cited_once_is_no_source(report_analysis):
    """李小華's 「我們必須更加堅定」 is a campaign line reported, not the essay's argument;
    個別 holds 別 but is no imperative."""
    advice = _advice(report_analysis)
    assert "更加堅定" not in advice
    assert "個別關稅" not in advice


def test_a_quotation_set_as_a_paragraph_is_its_speakers(report_analysis):
    """Web archives leave a <blockquote> as a plain paragraph after its lead-in (…寫道：): the
    source's words there are advice to Taiwan, the state newspaper's threat is not."""
    advice = _advice(report_analysis)
    assert "恢復兩岸的制度化協商管道" in advice
    assert "放棄以武拒統的幻想" not in advice


def test_corpus_advice_naming_the_key_or_the_way(segmenter):
    """Naming the key or the way prescribes (02: a source's 「對我們來說，關鍵將是發展不對稱作戰能
    力」; 09: 「真正保護台灣主權的方法，是與中國簽訂貿易協議」 after 他認為); 01's 解決方式就是…
    names no end of Taiwan's: the CPTPP members' way."""

    advice = {name: "".join(i.quote for i in analyse(read_essay(CORPUS / name), segmenter).recommendations)
              for name in ("02_hk-tsai-cnn-us-trainers.md", "09_stand-kmt-adviser-cross-strait-contact.md",
                           "01_hk-cptpp-taiwan-accession.md")}
    assert "關鍵將是發展不對稱作戰能力" in advice["02_hk-tsai-cnn-us-trainers.md"]
    assert "是與中國簽訂貿易協議" in advice["09_stand-kmt-adviser-cross-strait-contact.md"]
    assert "解決方式就是參照WTO" not in advice["01_hk-cptpp-taiwan-accession.md"]


def test_corpus_sources_advice(segmenter):
    """From the corpus: the KMT adviser 趙建民 (cited throughout 09) says 「我們主張（兩岸）接觸，
    減低敵意，怎叫做『親』？」: advice, though the sentence ends on a question of its own
    clause; 蔡英文's 「我們必須更加堅定」 reported once in the same piece is not (the readers
    listed it among what must not be advice)."""
    advice = _advice(analyse(read_essay(CORPUS / "09_stand-kmt-adviser-cross-strait-contact.md"), segmenter))
    assert "我們主張（兩岸）接觸" in advice
    assert "我們必須更加堅定" not in advice


def test_a_rival_quoted_back_is_no_source(tmp_path, segmenter):
    """Written: a piece built on 王大明 (cited eight times) quotes his opponent 李小華 three
    times: 李小華's 「我們必須…」 is reported, not the piece's advice; and 李小華的回應 (a
    noun) cites no words."""
    body = "".join(f"王大明表示，兩岸交流的第{n}項成果值得肯定。" for n in "一二三四五六七八")
    body += "李小華說，兩岸交流不能沒有底線。李小華認為，執政黨的政策已經奏效。李小華的回應很強硬。"
    body += "李小華強調：「我們必須更加堅定，捍衛國家主權。」"
    path = tmp_path / "rival.txt"
    path.write_text(f"兩岸觀察\n\n{body}\n", encoding="utf-8")
    assert "更加堅定" not in _advice(analyse(read_essay(path), segmenter))


def test_corpus_advice_is_all_in_the_readers_consensus(segmenter):
    """Every recommendation the corpus yields is one the readers agreed on, and none
    carries an item they ruled out (a quote that runs on into a rhetorical question, or
    the sentence before it that a pronoun drags in)."""

    for gold in load_gold(CORPUS_GOLD, [CORPUS]):
        advice = [i.quote for i in analyse(read_essay(gold.path), segmenter).recommendations]
        assert [q for q in advice if not any(hits(q, a) for a in gold.consensus.recommendations)] == [], gold.stem
        assert [m for m in gold.consensus.must_not if any(hits(q, m) for q in advice)] == [], gold.stem


def test_another_sides_official_urging_taiwan_is_a_demand_reported(tmp_path, segmenter):
    """An hkcnews column outside the corpus: Hong Kong's security chief 「呼籲台方，…應…把他們
    送返香港」 was listed as advice to Taiwan; the one urging is the other side (他 is 李家超,
    named after 在香港). Written: Taiwan's president urging her people is Taiwan's."""
    other = ("在香港，保安局長李家超在官方網站撰文，表示留意到這宗新聞。他呼籲台方，如有關港人涉嫌在港犯罪，"
             "應在依法處理涉台事務後，把他們送返香港。")
    own = "蔡英文在臉書發文，表示關心港人處境。她呼籲國人團結，共同守護民主。"
    advice = {}
    for name, body in (("other", other), ("own", own)):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"港人赴台的問題\n\n台灣的庇護政策受到關注。\n\n{body}\n", encoding="utf-8")
        advice[name] = _advice(analyse(read_essay(path), segmenter))
    assert advice["other"] == ""
    assert "呼籲國人團結" in advice["own"]


def test_a_pronoun_subject_stands_for_the_subject_before(tmp_path, segmenter):
    """From a Hong Kong column (眾新聞, not in ../shared): 她 is 蔡英文, the subject of the
    sentence before, so 她必須虛心檢討… is advice to Taiwan's president. Written: the same
    words after a sentence about 梅克爾 are Germany's business."""
    taiwan = ("蔡英文這次表現值得鼓掌，但也是身為台灣總統應有之義而已。她當然不應交出行政權，"
              "但她必須虛心檢討自己的不足，才能迎接2020年的重大危機。")
    german = ("梅克爾這次表現值得鼓掌，但也是身為德國總理應有之義而已。她當然不應交出行政權，"
              "但她必須虛心檢討自己的不足，才能迎接明年的重大危機。")
    advice = {}
    for name, body in (("taiwan", taiwan), ("german", german)):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"兩岸觀察\n\n台灣的選舉即將到來。\n\n{body}\n", encoding="utf-8")
        advice[name] = _advice(analyse(read_essay(path), segmenter))
    assert "她必須虛心檢討自己的不足" in advice["taiwan"]
    assert advice["german"] == ""


def test_a_pronoun_stands_for_the_party_named_before_it_in_its_sentence(tmp_path, segmenter):
    """From a Hong Kong report of a New York Times article (眾新聞, not in ../shared): after a
    sentence about Taiwan, 告訴特朗普，他需要… makes 他 Trump, not Taiwan's subject; the
    Hong Kong form of his name (特朗普) is a person too."""
    path = tmp_path / "nyt.txt"
    path.write_text("美台關係\n\n台灣的國際地位正在提升。博爾頓說，特朗普願意犧牲對台灣民主政府的支持，"
                    "「但是，選戰策略專家告訴特朗普，他需要對中國看來強硬以爭取連任。\n", encoding="utf-8")  # (unclosed there)
    assert _advice(analyse(read_essay(path), segmenter)) == ""


def test_only_so_takes_the_advice_it_refers_to(tmp_path, segmenter):
    """Written: 唯有如此，臺灣才能自保 names the condition only by pointing back: listed
    alone it advised nothing; it is printed with the sentence it points to."""
    path = tmp_path / "only.txt"
    path.write_text("兩岸觀察\n\n臺灣面對中國的壓力日益增加。朝野政黨放下成見，共同強化國防。唯有如此，臺灣才能自保。\n",
                    encoding="utf-8")
    assert [i.text for i in analyse(read_essay(path), segmenter).recommendations] == [
        "朝野政黨放下成見，共同強化國防。唯有如此，臺灣才能自保。"]


def test_a_subjectless_sentence_continues_the_paragraphs_subject(tmp_path, segmenter):
    """Written: Chinese leaves unsaid a subject that continues the topic (臺灣該怎麼辦？筆者認為
    應該加強國防。), so in an essay speaking as Taiwan the answer is advice to it; but not an aside (必須承認，…, 不要忘了，…),
    a voice speaking as 我, what something takes (需要十年才能完成), or a topic that is another
    party's (北京持續對臺施壓。應該…)."""
    def advice(body, speaks_as_taiwan="我國的處境日益艱難。"):
        path = tmp_path / "e.txt"
        path.write_text(f"兩岸觀察\n\n{speaks_as_taiwan}\n\n{body}\n", encoding="utf-8")
        return [i.text for i in analyse(read_essay(path), segmenter).recommendations]
    assert advice("臺灣該怎麼辦？筆者認為應該加強國防。") == ["筆者認為應該加強國防。"]
    assert advice("臺灣經濟過度依賴中國市場。必須分散風險，開拓新南向市場。") == ["必須分散風險，開拓新南向市場。"]
    # …where the essay speaks as Taiwan: in a mainland voice the one exhorted is Beijing
    assert advice("台湾当局一意孤行，不断挑衅。必须给予严厉惩罚。", speaks_as_taiwan="两岸关系持续紧张。") == []
    assert advice("台灣當局一意孤行，不斷挑釁。必須給予嚴厲懲罰。", speaks_as_taiwan="兩岸關係持續緊張。") == []
    for body in ("台灣的民主得來不易。必須承認，台灣也有許多問題。",
                 "臺灣的半導體產業舉世聞名。不要忘了，這是幾十年努力的成果。",
                 "臺灣的國防改革已經展開。需要十年才能完成。",
                 "臺灣人的想法很簡單。我不要跟你統一，但我要去你那裡賺錢。",
                 "北京持續對臺施壓。應該停止這種霸凌行為。"):
        assert advice(body) == [], body
