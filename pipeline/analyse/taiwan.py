"""What the essay advises Taiwan to do, and what it says Taiwan should expect.

A recommendation needs an advice modality (宜, 應, 建議, 必須 …, or naming the key or the way
to an end of Taiwan's: 關鍵在於…, 保護臺灣主權的方法是…) whose addressee is Taiwan.
The addressee is the actor named before the modal in the same clause, else the sentence's
subject (its first actor that is not the object of a preposition such as 對於 or 與).
Advice to anyone else (美方應…, 雙方應該…) is never Taiwan's, nor is a modal inside a
quoted statement, an epistemic 應是 ("probably is"), a noun (幾項建議, 的需要), a sentence
that only announces what the essay or speaker will do (本文將提出…建議, 我要在此表達), a
question (如何應對呢？, 是否應該), a necessity that is the consequence of a condition
(若選擇開放，就必須承受…) or that hangs on another party's act (若日方提出…，台灣也需要…),
or an editor's note. In reported speech (某某表示，…) the advice is the speaker's: it is
Taiwan's only when its own clause names Taiwan. 我們 is Taiwan only in an essay that
speaks as Taiwan (我國, 我方, 我們臺灣): a Hong Kong, mainland or American 我們 is not.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.analyse.features import SentenceInfo, quoted_spans
from pipeline.analyse.ranker import QUESTION
from pipeline.analyse.segment import taiwan_parties
from pipeline.analyse.voice import SAYING_WORDS
from pipeline.ingest.chars import HAN

_TAIWAN_ACTOR = (
    # (the government first: 台灣政府 is one actor, not 台灣 and then a bare 政府)
    # (her or his title names the president as commentary does: 賴總統, 蔡總統, 馬總統)
    r"(?:(?:我|臺灣|台灣|蔡|賴|民進黨|國民黨|中華民國)政府{home}|[蔡賴馬]總統|臺灣|台灣|{we}國人|朝野|國軍|臺方|台方)"
    # 臺灣問題, 臺灣獨立, 臺灣前途, 臺灣相關 … name a topic, not the party that acts (政府相關單位 acts)
    r"(?!問題|議題|獨立|前途|地位|關係|海峽|的部分|相關(?!單位|部門|機關|部會)|牌)"
)
# 政府, 執政黨, 當局, 總統 with no country before them are Taiwan's in a piece that speaks as
# Taiwan or is about Taiwan's affairs; in one about another state's (named more often than
# Taiwan, a state's names counted together) they are that state's.
# China is not among them: a piece on cross-strait matters names China more than Taiwan and
# calls its government 北京, 中共 or 中國政府.
_BARE_GOVERNMENT = "政府|執政黨|當局|總統"
# the second character of a verb 應X (應處, 應變, 應戰 …), but 應處理, 應變得 are "should"
_VERB_AFTER_YING = re.compile(r"處(?![理置以分])|變(?![得成])|[付戰急允邀聘徵酬]")
# …and 應對 "to cope with" after a word of purpose or manner (為了應對, 以應對, 如何應對, 共同應對)
_TO_COPE = re.compile(r"(?:為了?|以|來|如何|難以|共同|積極|有效|妥善|全力|冷靜|用以|藉以|足以)$")
_BARE_MINISTRIES = frozenset({"外交部", "國防部"})  # those jieba's dictionary names (any state has them)
_STATES = ("臺灣|台灣|我國", "美國|美方|華府|華盛頓", "日本|日方", "韓國|南韓", "北韓|朝鮮",
           "俄羅斯|俄國", "英國", "法國", "德國", "歐盟", "澳洲", "印度", "菲律賓", "越南", "新加坡", "香港|港府")
_SPEAKS_AS_TAIWAN = re.compile(r"我國|我方|我政府|我們(?:臺灣|台灣)")
_SPEAKS_AS_HONG_KONG = re.compile(r"本港|我們香港|我哋")
# a government (or the body of one) right before 可以, or 應該可以: what it can do, it should
_GOVERNMENT = re.compile(rf"(?:{_BARE_GOVERNMENT}|國軍|行政院|立法院)[也都亦還仍就則]?(?:應該|應當|應)?$")
_TAIWAN_NAMES = {"臺灣", "台灣", "臺海", "台海", "兩岸"}
# Other parties in the genre's usual forms; the lexicon's people, organisations and places
# are added per Parties (拜登政府, 歐盟, and whatever the user's brief.toml names), except
# those it marks as Taiwan's own (蔡英文, 陸委會), which join the Taiwan actors.
_OTHER_FORMS = (r"美方|中方|「中」方|陸方|日方|俄方|歐方|雙方|各方|兩國|兩岸|各國|美國|中國|國際社會|盟邦|盟友|"
                # the democracies together (…成為全球民主社會必須共同正視的挑戰): not Taiwan alone
                r"民主國家|民主社會|民主陣營|民主夥伴|自由世界|"
                # Beijing's names for Taiwan's government, a party's or a leader's, never the
                # state's (民進黨當局應停止…), and for its people as its compatriots (台灣同胞應該
                # 和我們一起…): advice so addressed is Beijing's call
                r"(?:民進黨|蔡英文|賴清德|蔡|賴)當局|(?:臺灣|台灣)同胞|"
                r"會員國|成員國|締約國|中共|北京|國臺辦|國台辦|官媒|黨媒|社評|環球時報|人民日報|新華社|解放軍|"
                # Hong Kong's government (特區政府應…): not the bare 政府 a piece on Taiwan means
                r"(?:香港)?特區政府|港府|特首|中聯辦|港澳辦|"
                r"美「中」|美中|中美|[美中日韓俄英法德澳印菲越]國?政府")
# Prepositions after which an actor is an object, not the one who acts, and the verbs one
# party does to another (打臺灣, 支持台灣: 真要打臺灣，必須… is the attacker's necessity;
# 叫蔡英文不要…: the one told, what someone else tells it).
_OBJECT_MARKER = re.compile(r"(?:對於|對|針對|面對|與|和|跟|向|同|讓|使|替|(?<![認成作以因稱視])為|給|把|將|"
                            r"打|攻|拿下|統一|入侵|侵略|封鎖|併吞|吞併|收復|解放|武統|協防|防衛|保衛|援助|幫助|支持|"
                            r"制裁|孤立|打壓|威脅|恫嚇|脅迫|施壓|(?<!名)叫|勸)$")
STRONG_MODAL = re.compile(
    r"不宜|宜|不應該|不應當|不應|應該|應當|應|必須|務必|無須|無需|毋須|不必|不需|須|建議|可考慮|不妨|有必要|亟需|亟應|理應|"
    # 不能 is "cannot" as often as "must not"; 更不能, 絕不能, 千萬不能 are "must not"
    # (更不能放棄對話), as are 切勿, 切莫
    r"(?:(?<=[更絕決])|(?<=千萬)|(?<=萬萬))不(?:能|可)(?!能)|切勿|切莫|"
    # 該 is "should" after an adverb (政府也該行動了, 早該); before a noun it is "that" (該國)
    r"(?<=[也就早更本都還])該|"
    # a necessary condition is advice: 唯有…才能, 臺灣要…，才有辦法
    # (要 before a quantity is what something takes: 要數年才能完成)
    r"(?:唯有|要(?![數幾\d一二三四五六七八九十兩百千多]))(?=[^。；？！]{2,40}?才(?:能|可|有|會))|"
    # and a choice urged: 與其爭論統獨，不如專注於… (與其說…不如說 weighs two descriptions;
    # 與其他/與其盟友 is "with its …")
    r"與其(?![說他它中盟])(?=[^。；？！]{2,40}?不如(?!說))"
)
_ONLY_THEN = re.compile(r"才(?:能|可|有|會)")
# a clause opening on a conclusion drawn (因此必須…): see Parties.advises_others
_THEREFORE = re.compile(r"(?:因此|所以|因而|是以|故而|於是)")
# Urging (某某呼籲政府…, 籲請政府確立…) advises the party urged, who follows the verb, as 建議
# does; but the call of another party (北京呼籲…, 美國敦促台灣…) is its demand.
URGING = re.compile(r"呼籲|籲請|促請|敦促")
URGED_GAP = 2  # characters between the verb and the one urged (呼籲我國政府)
WEAK_MODAL = re.compile(r"避免|審慎|謹慎|需要|不要|(?<!不)是時候|可以")  # (不是時候: "not the time")
_MODAL_CHAR = re.compile(r"[應宜須]")  # the single characters STRONG_MODAL takes for a modal
# a modal right before another (國會應建議政府…): the second is what the first prescribes
_MODAL_BEFORE = re.compile(f"(?:{STRONG_MODAL.pattern}|{WEAK_MODAL.pattern})$")
# In a source's words (voice.py) the speaker addresses their own side: a negative imperative
# opening a clause (…，不要驚慌), 要 after 我們 or an adverb of obligation (當然要, 還要), and
# 我們主張.
VOICED_MODAL = re.compile(r"(?:^|(?<=[，,：:；「]))(?:千萬)?(?:不要|別)|(?:我們|當然|一定|還)要|(?<=我們)主張")
# 關鍵在於…, 保護臺灣主權的方法是…: naming the key or the way to an end prescribes the act that
# follows (a noun phrase or a party after it, 關鍵是美國的態度, describes). Taiwan's advice
# when the end is Taiwan's: named before it in its clause, or 對我們來說/對臺灣而言 just before.
PRESCRIBED = re.compile(r"(?:關鍵|方法|辦法|之道|出路|當務之急|首要之務|首要任務|最重要的[^，。；]{0,3}事|"
                        r"(?:最好|最佳|最明智|唯一|正確)的?(?:選擇|做法|策略))"
                        r"(?:將|就|仍|則)?[，,]?(?:是|在於)(?!的)")
# …，才是台灣的正途 / …才是正道: the act before it is the right way, for whom it names (or
# for the actors of the act itself).
# (…，才是「愛台灣」之舉; …恐怕是當務之急: the act before it is what is to be done first)
RIGHT_PATH = re.compile(r"(?:(?:才|就|乃|方)是(?P<whose>[^，。；：、]{0,8}?)的?(?:正途|正道|出路|上策|良策|王道|之舉)"
                        r"|是(?:[^，。；：、]{0,4}?)(?:當務之急|首要之務))[。！!]?[」』”’）)]*$")
# 對我們來說，… / 對身處…的台灣而言，…: whom what follows is for (the frame's last words)
_FRAME = r"對(?:於)?([^，。；]{1,40}?)(?:來說|而言)[，,]"
_FOR_WHOM = re.compile(_FRAME + "$")
_FRAMES = re.compile(_FRAME)
# …and a bare 可 right after a frame naming Taiwan prescribes for it (not 可能, 可見, 可說 …)
_FRAMED_CAN = re.compile(_FRAME + r"可(?![能見說謂惜是觀以])")
# Advice after a verb of saying is the speaker's.
_SAYING = re.compile(SAYING_WORDS)
# 美國希望臺灣應…: another party's demand of Taiwan, reported, is not the essay's advice.
_REPORTING = re.compile(r"希望|要求|呼籲|期待|期望|主張|敦促|促請|堅持|施壓|警告|" + SAYING_WORDS)
# 應該 before a state is a guess, not advice: 應該是/會 ("probably is/will"), and 應該(更)有機會,
# 有空間 … (a chance, room, hope: something one expects, not something one can be told to do)
_EPISTEMIC = re.compile(r"(?:應該|應當|應)(?:是|會|屬|算|可|能|已|不會|不至於|"
                        r"(?:在[^，。；]{1,8}上)?[更較還也都]?有(?:機會|空間|可能|餘地|希望))")
# (無論如何 "in any case", 不論是否 "whether or not": no question)
_QUESTION = re.compile(r"(?<!無論)(?<!不論)(?<!不管)(?:如何|是否)|為何|為什麼|是不是|怎|何以|難道|什麼|哪些|嗎|呢")
# 有與會人士問，…是否可能…: a question reported without its ？ (問 asking, not 問題, 訪問, 顧問)
_ASKED = re.compile(r"(?<![訪顧學])問(?!題|世|責)(?:到|道|及)?[^。]*?(?:是否|能否|會否|會不會|有沒有|是不是)")
_CONDITION = re.compile(r"若|如果|假如|假若|倘若|萬一|一旦|要是")
SUBJECT_GAP = 2  # characters between 若 and its subject (若是日方, 如果由北京)
_CONSEQUENCE_MODAL = re.compile(r"(?:就|則|便)(?:必須|須|需要|要|得|應)")
# …but a condition that states the advised party's own aim (台灣若要維持…，領導人必須…; 如果想…，
# 就應…; 若真心推動…，就應…) is the end the advice serves
_PURPOSE = re.compile(r"(?:是)?(?:真心|誠心|有心|真的|真)?(?:要|想|希望|打算|欲|有意)|(?:真心|誠心|有心)")
# What the essay rejects (拒絕一國兩制, 否定九二共識): advice that Taiwan embrace it (應該推動
# 公投：一、支持一國兩制…) is irony or a reductio the author argues against, not advice. The
# thing is compared by its first four characters (一國兩制, 九二共識, 臺灣獨立).
_THING = r"([^，。；：、！？「」『』（）\s]{2,4})"
_REJECTS = re.compile(r"(?:拒絕|否定|反對|唾棄|不接受|不承認|抵制)(?!黨|派|者|聲浪|意見)" + _THING)
_EMBRACES = re.compile(r"(?:支持|擁戴|擁護|接受|承認|贊成)(?!度|者|率|下)" + _THING)
# A sentence set under a label that debunks it (揭穿藍營虛假的「和平」論：國民黨人…認為…因此，政府應
# 降低國防預算…): the view it reports, advice included, is the one the essay argues against.
_DEBUNKS = re.compile(r"^[^，。；：:]{0,4}(?:揭穿|拆穿|戳破|破除|駁斥|反駁|批駁)[^，。；：:]{1,20}[：:]")
_NOTE = re.compile(r"^[（(]?(?:註|注|編按|編註)[：:]")
# A modal before 的 or 之 (應有的權利, 應有之義) modifies a noun; before a passive (被, 獲邀,
# 受到: 蔡英文應獲邀到國會演說) its subject is acted upon.
_PASSIVE = re.compile(r"被|獲邀|受邀|獲准|受到|遭到")
_NOT_PRESCRIBING = re.compile(rf"{_PASSIVE.pattern}|[^，。；：]{{0,2}}[的之]")
_NEEDLESS = frozenset({"不需", "不必", "無須", "無需", "毋須"})
_REBUTS = re.compile(r"要?[「『“]")
# 應該回歸的是中共, 該棄暗投明回歸的，是中共: the one who should is named after 的…是
_CLEFT = re.compile(r"(?:應該|應當|應|該|必須|須|需要)[^，。；：！？]{1,10}?的[，,]?(?:就|正|才|則)?是")
CLEFT_GAP = 2  # characters between 是 and the actor it names (是由中共)
# A third-person pronoun as a clause's subject (…，但她必須檢討…) stands for the subject of
# the sentence before; not 其他, 他國, 他人 (others), nor an object (給他, 對她).
_PRONOUN = re.compile(r"(?<![^，；：。！？、「])(?:但是?|而且?|也|則|並|卻|因此|所以|同時)?([他她](?:們)?)(?![國人方者日處])")
_FOCUS = re.compile(r"(?:就|正|才|則)?是")
_NOUN_ADVICE = re.compile(r"(?:[項點些的之》」]|提出)$")
_SIGNPOST = re.compile(r"本文|筆者|以下|下文|在此(?=表達|說明|提出|呼籲|強調)")
_CLAUSE_END = "，；：。！？,;:"
RECOMMENDATION_SECTION = re.compile(r"建議|對策|因應之道|因應策略")
# Where the essay says what Taiwan should expect: consequence and outlook words, and the
# verbs of causing an effect (使得, 加劇, 削弱 …: what something does to Taiwan).
TAIWAN_CONTEXT = re.compile(r"臺灣|台灣|我國|我方|臺海|台海|兩岸|臺美|台美|美臺|美台|對臺|對台|臺獨|台獨|臺方|國軍")
CONSEQUENCE = re.compile(
    r"將|可能|恐|勢必|意味|影響|代表|顯示|訊號|訊息|風險|機率|不會|持續|難以|衝突|威脅|正面|負面|有利|不利|"
    r"壓力|施壓|危機|挑戰|機會|穩定|緊張|升高|降低|擴大|未來|短期|長期|衝擊|角色|"
    r"使得|導致|造成|加劇|削弱|引發|促使|損害|左右|無法|不可能|只會|(?<=[^，,。\s])最終"
)
# A condition and what follows from it (若中國先入會，台灣入會便有相當風險): a forecast's shape.
_IF_THEN = re.compile(rf"(?:{_CONDITION.pattern}|只要)[^。；]{{2,40}}?[，,][^，。；]{{0,8}}?(?:就|便|則|將|會|恐)")


# A sentence opening on a past year (1894年馬關條約簽訂後…; 1987年，臺灣解除戒嚴令…; 80年代…;
# 五、六年前) or a dated event (今年8月，裴洛西來臺訪問…; 11月14日，…) that foresees nothing narrates
# history: background, not what Taiwan should expect; so does one reporting it (報道說，1949年…).
_HISTORY = re.compile(rf"^(?:[^，,。「」]{{0,12}}(?:{SAYING_WORDS})[，,：:]\s*)?"
                      r"(?:在|於|自|從|早在|直至|直到)?(?:(?:1[89]|20)\d\d年(?![前內底])|(?:19|20)?\d0年代"
                      r"|(?:今年|去年|前年)?\d{1,2}月(?:\d{1,2}日)?(?![前內底])"  # 2025年前: a deadline
                      # …or years back (直至五、六年前為止，…; 十多年前，…)
                      r"|(?:\d{1,2}|[一二三四五六七八九十兩幾數、]+)多?年前"
                      # …or the years since (這是25年來，再次有美國眾議院議長訪問臺灣; 二十年來，…)
                      r"|(?:這是)?(?:\d{1,3}|[一二三四五六七八九十兩幾數百]+)多?年(?:來|以來)"
                      # …or the news report's subject, then its day (佩洛西於臺灣時間8月2日晚間抵達臺灣)
                      r"|[^，,。；;：:「」]{1,40}?於[^，,。\d]{0,6}(?:\d{4}年)?\d{1,2}月\d{1,2}日)")
# (峰會, and a summit named by its leaders, 拜習會, 習馬會: a meeting, no "will")
_AHEAD = re.compile(r"將|(?<![機社議大協國學工年峰習])會(?![議談晤面見員長])|可能|恐|勢必|預計|預料|未來|即將")


# …and so does one dating what it tells by past years, saying nothing surely of what will
# come (會 and 可能 are also the habitual and the possible of a past: …則會被選拔); a year
# before 2020 is past for any essay this reads, a later one may be the one it looks ahead to
_PAST_YEAR = re.compile(r"(?<!\d)(?:1[89]\d\d|20[01]\d)年(?![前內底後])")
# (將 before its object, a pronoun or a state, is 把, "took": 清廷將臺灣割讓給了日本 tells the past)
_SURELY_AHEAD = re.compile(rf"將(?!其|此|之|它|他|她|中國|中共|大陸|{'|'.join(_STATES)})"
                           r"|未來|預計|預料|即將|勢必|恐怕|終將|總有一天|最終")


def narrates_history(text: str) -> bool:
    return (bool(_HISTORY.match(text)) and not _AHEAD.search(text)) or (
        bool(_PAST_YEAR.search(text)) and not _SURELY_AHEAD.search(text))


# The writer telling a moment of their own past (我當即表示特別羨慕…; 我第一次跟臺灣同胞…交流)
# or a conversation they had (他問我…；我回答說…): an anecdote, the scene of the argument, not
# what Taiwan should expect (我們 may be the nation the piece speaks for: 這是我們第一次面臨
# 如此威脅 is an assessment; 質問我國政府 asks Taiwan's)
_OWN_STORY = re.compile(r"(?<!自)我(?:當即|當時|那時|那天|那年|還記得|記得|第一次|曾經|又?問(?!題)|回答)|問我(?![國方們])")


def tells_own_story(text: str) -> bool:
    return bool(_OWN_STORY.search(text))


def foresight(text: str) -> float:
    """How much the sentence tells what will follow, 0..1: its distinct consequence and
    outlook words, and an if-then."""
    return min(1.0, (len(set(CONSEQUENCE.findall(text))) + bool(_IF_THEN.search(text))) / 3)


def _clause_start(text: str, pos: int) -> int:
    return max((text.rfind(c, 0, pos) for c in _CLAUSE_END), default=-1) + 1


def _clause_end(text: str, pos: int) -> int:
    return min((i for i in (text.find(c, pos) for c in _CLAUSE_END) if i >= 0), default=len(text))


# A weak modal that is an adjective before a noun (審慎的政策, 謹慎和審慎的政策), or a verb
# told with the manner or habit of a party's doing it (小心翼翼避免, 一直避免, 向來謹慎)
_ATTRIBUTIVE = re.compile(r"(?:[和與及、][\u4e00-\u9fff]{2})?的")
_DESCRIBES = re.compile(r"(?:小心翼翼地?|一直|向來|總是|始終|刻意|極力|已經|早已)$")

_DURATION = re.compile(r"(?:花|耗|費)?(?:\d+|[一二三四五六七八九十兩百千幾數多半]+)(?:多)?(?:個)?(?:年|月|週|天|日|小時|世代|代人)")


def _is_advice(text: str, m: re.Match) -> bool:
    word = m.group(0)
    if _EPISTEMIC.match(text, m.start()):
        return False
    if text[m.start() - 1:m.start()] == "的" and not PRESCRIBED.match(text, m.start()):
        return False  # after 的 a noun begins, never a modal: 臺灣選擇的應對方式 (的方法 is one)
    # 的需要, 幾項建議 are nouns; 某某建議，… is a verb (only 需要， is "the need")
    follows = "。、的" + ("，" if word == "需要" else "")
    if (word in ("建議", "需要") or URGING.fullmatch(word)) and (
            _NOUN_ADVICE.search(text[:m.start()]) or text[m.end():m.end() + 1] in follows):
        return False
    if word == "應" and m.start() > 0 and text[m.start() - 1] in "回反因適對供響相效感呼順":
        return False  # 回應, 因應 … are verbs of their own, not "should"
    if word == "應" and _VERB_AFTER_YING.match(text, m.end()):
        return False  # …，進行「立即備戰操演」應處: 應處, 應變, 應戰 … too
    if word == "應" and text.startswith("對", m.end()) and _TO_COPE.search(text, 0, m.start()):
        return False  # 為了應對…審查, 如何應對: the verb "cope with" (美國應對台灣提供… is "should")
    needless = word in _NEEDLESS or (word == "需要" and text[m.start() - 1:m.start()] == "不")
    if needless and _REBUTS.match(text, m.end()):
        return False  # 台灣不需要「歸向」: the other side's word, rejected, is no advice
    # 應有的法案, 需要被捍衛的燈塔: describing a thing, or what others must do to it (but
    # 台灣需要做的，是加強…: a cleft naming the act needed)
    if _NOT_PRESCRIBING.match(text, m.end()) and (_PASSIVE.match(text, m.end()) or not _CLEFT.match(text, m.start())):
        return False
    if word in ("需要", "須", "必須") and _DURATION.match(text, m.end()):
        return False  # 需要十年才能完成: what something takes, no advice
    if word == "宜" and m.start() > 0 and text[m.start() - 1] in "便適事合時權機":
        return False  # 便宜, 事宜, 適宜 … are words of their own
    if word in ("審慎", "謹慎") and _ATTRIBUTIVE.match(text, m.end()):
        return False  # 採取謹慎和審慎的政策: what a policy is like, no advice
    if _DESCRIBES.search(text, 0, m.start()) and word in ("避免", "審慎", "謹慎"):
        return False  # 她…小心翼翼避免跨越北京紅線: what the party does, told
    return True


_LATIN = re.compile(r"[A-Za-z]")
_GLOSS = re.compile(r"(?<=.)[（(][^（()）]*[）)]")  # 《…》「…」（rigidly circumscribes …）: an original glossed


# 天然砂——晶體矽原料——晶片原料——臺積電: terms chained by dashes or arrows and no sentence
# (an aside set off by a pair of dashes ends as its sentence does, on 。), a diagram
_CHAIN = re.compile(r"^[^，。；：？！,;:]{1,12}(?:(?:——|－－|→|->)[^，。；：？！,;:]{1,12}){2,}$")


def debunks(text: str) -> bool:
    """Whether the sentence opens under a label debunking what it reports (揭穿…論：)."""
    return bool(_DEBUNKS.match(text))


def is_aside(text: str) -> bool:
    """Not the essay speaking: an editor's note (（註：…）, 編按：…) gives background, a
    chain of terms (A——B——C) is a diagram set in the text, and a sentence with more Latin
    letters than Han characters is a quote's original wording set beside its translation
    (（You can tell your friends …）), unless the Latin is only glossing the Chinese in
    brackets within it."""
    if _NOTE.match(text) or _CHAIN.match(text):
        return True
    own = _GLOSS.sub("", text)
    return len(_LATIN.findall(own)) > len(HAN.findall(own))


def speaks_of_itself(text: str) -> bool:
    """本文…, 筆者…, 以下…: the essay or speaker talking about itself."""
    return bool(_SIGNPOST.search(text))


# The essay saying what it does (本文繼…後，探討…; 本文首先分析…): its plan, not a point of it.
_OWN_PLAN = re.compile(r"^(?:[^。，]{0,12}[，,])?[^。，]{0,6}本文[^。]{0,24}?(?:探討|分析|討論|介紹|說明|整理|梳理|回顧|旨在|嘗試|試圖|聚焦|著重|將)")


# A sentence whose last clause reports that someone analysed or discussed a topic (…撰文，詳細
# 分析了臺灣如何反擊…; 向本台闡述了她的看法; 各自給出了獨到的見解) says a discussion took place,
# not what it found: the act is done (了, 過, 已, 曾, 一番) and not merely likely.
_DISCUSSED = re.compile(r"(?:分析|探討|討論|剖析|解析|介紹|闡述|描述|梳理|(?:給出|發表|提出|分享)(?=[了過]?[^，。；]{0,10}(?:見解|看法|觀點))"
                        r"|(?:作出|做出)(?=[了過]?[^，。；]{0,4}(?:評估|分析|研判)))(了|過)?")
_DONE = re.compile(r"已|曾|一番")
# …done, too, when the sentence tells the publication it was made in (周四發表《…報告》，對…作出綜合評估)
_PUBLISHED = re.compile(r"發表|公布|公佈|發布|發佈|出版")
# …or told as what someone did by some means (蘇起教授則以…等因素來分析台灣面對的挑戰), no modal
_BY_MEANS = re.compile(r"^(?:(?!應|要|須|需|可以|宜|將|會|必).)*以[^。；]{2,60}來$")


# …or what the writer will take up another time (我們稍後可以各自比較和評價; 筆者將另文討論)
_LATER = re.compile(r"(?:我們|筆者|本文|作者)(?:將|會)?(?:稍後|之後再|日後再|另文|下次|下回|下篇)")


# …or how the outlet's team went about the piece (《立場新聞》採訪團隊來到台灣，分別訪問了…), or that it
# reports more elsewhere (…，詳看另文報道。). (What a reporter found, 本台記者走訪金門，當地商家…, is content.)
_OWN_REPORTING = re.compile(r"採訪(?:團隊|隊)[^。；]{0,12}?(?:訪問|專訪|採訪|走訪)|詳[看見閱]另文|另文報[道導]")


def announces_plan(text: str) -> bool:
    return bool(_OWN_PLAN.search(text) or _LATER.search(text) or _OWN_REPORTING.search(text))


# …暢談她對於台海局勢…等想法: talking at length of one's views is told only once it is done
_TALKED = re.compile(r"暢談|暢論|侃侃而談")
_ANNOUNCED = re.compile(r"將|可能|準備|預計")


def reports_discussion(text: str) -> bool:
    text = text.rstrip("。！!」』”’）)")
    start = _clause_start(text, len(text))
    verb = _DISCUSSED.search(text, start) or _TALKED.search(text, start)
    if verb and verb.re is _TALKED:  # done unless announced (將於明天…暢談)
        return not _ANNOUNCED.search(text, start, verb.start())
    return (bool(verb) and (bool(verb.group(1)) or bool(_DONE.search(text, start, verb.start()))
                            or bool(_BY_MEANS.search(text[:verb.start()])) or bool(_PUBLISHED.search(text, 0, start)))
            and "可能" not in text[start:verb.start()])


# A sentence that only lists names (金漢豔、金漢琴、譚兵林。: a list's item under 名單如下：)
_NAMED = r"[\u4e00-\u9fff•·]{2,5}(?:[（(][^）)]{1,6}[）)])?"
_ROLL = re.compile(rf"^{_NAMED}(?:、{_NAMED}){{2,}}[。；]?$")


def claims_nothing(text: str) -> bool:
    """A question, asked or reported, an editor's note, the essay's own plan, the report that
    someone discussed a topic, a roll of names: a sentence no reader takes for a claim of the
    essay (none of the corpus readers' 168 agreed findings is a question)."""
    return (bool(QUESTION.search(text)) or asks(text) or is_aside(text) or announces_plan(text)
            or reports_discussion(text) or bool(_ROLL.match(text)))


_PLANS = re.compile(r"將|擬|會|要")
_THINKS = re.compile(r"認為|以為|相信|主張|覺得|看來|建議")


def is_signpost(text: str) -> bool:
    """本文將…, 我要在此表達… : the essay or speaker announcing a plan, not saying anything
    about Taiwan; the plan in the self-reference's own clause (筆者認為台灣要…: 要 is Taiwan's,
    after what the author thinks)."""
    for own in _SIGNPOST.finditer(text):
        start, end = _clause_start(text, own.start()), _clause_end(text, own.end())
        plan = _PLANS.search(text, start, end)
        if plan and not (plan.start() > own.end() and _THINKS.search(text, own.end(), plan.start())):
            return True
    return False


# An unnamed crowd's belief or demand (很多人認為…, 有人主張…) is reported, mostly to be
# argued against: neither the essay's advice nor its outlook. (沒有人認為, 所有人都認為 are the
# author's own claim; 有人說 hedges a report, 很多人擔心 voices a worry the author may share.)
_CROWD = (r"(?:^|(?<=[，,；：]))[^，。；：]{0,4}?(?<![沒所])(?:有|很多|許多|不少|有些|一些|部分|多數|大多數)"
          r"(?:人|人士|團體|網友|論者|評論|聲音|說法|輿論|學者|專家|分析家|觀察家|評論員)[都也仍還]?")
_BELIEVES = "認為|相信|以為|覺得|主張|宣稱|呼籲|建議|指出"
# a crowd's belief (有人認為…); and, where advice is judged, what it said (有人說台灣應該…)
_HEARSAY = re.compile(_CROWD + "(?:" + _BELIEVES + ")")
_HEARSAY_SAID = re.compile(_CROWD + "(?:" + _BELIEVES + "|說|表示)")


def hearsay(text: str, pos: int | None = None) -> bool:
    """Whether an unnamed crowd's view opens the sentence, or (pos) its view or words stand
    before pos in it."""
    if pos is None:
        return bool(_HEARSAY.match(text))
    return any(m.end() <= pos for m in _HEARSAY_SAID.finditer(text, 0, pos))


def asks(text: str) -> bool:
    """A question reported without its ？ (有與會人士問，…是否…。) and not answered in the
    sentence (被問及…是否…，他表示…): it asserts nothing."""
    asked = _ASKED.search(text)
    return asked is not None and not _SAYING.search(text, asked.end())


# …and a question embedded without its ？: how the modal's party should act (台灣應該如何因應…，
# 是本文的重點), or whether, asked by A-not-A (台灣應不應該加入…, 要不要)
_ASKS_HOW = re.compile(r"要?(?:如何|怎麼|怎樣|怎|何時|何去何從)")
_A_NOT_A = re.compile(r"應不應|該不該|要不要|能不能|需不需|可不可|宜不宜")


# A person as the subject (我不要跟你統一，但我要…: a voice, ventriloquised or not)
_PERSONAL = re.compile(r"[我你您他她它]")
# A modal before a verb of saying or noticing marks the author's aside (必須指出，應該說,
# 需要注意的是), not an act asked of anyone
_DISCOURSE = re.compile(r"(?:再|特別|一提|在此)?(?:指出|承認|強調|說明|說|提醒|注意|坦言|一提|補充)|忘(?:了|記)?[，,]")


def is_question(text: str, pos: int, end: int | None = None) -> bool:
    """Whether the modal at pos (ending at end) stands in a question: a sentence asking
    (…呢？) or a clause that embeds one (是否應該, 為何台灣需要, 應該如何, 應不應該). Chinese
    marks a question in its own clause: a sentence whose question word comes in a later
    clause (我們主張接觸，減低敵意，怎叫做『親』？) asks there, and the modal's clause states."""
    if (_QUESTION.search(text, _clause_start(text, pos), pos) or (end is not None and _ASKS_HOW.match(text, end))
            or _A_NOT_A.search(text, max(0, pos - 2), pos + 4)):
        return True
    end = re.search(r"[。！？!?]", text[pos:])
    if end is None or end.group() not in "？?":
        return False
    own_end = _clause_end(text, pos)
    return bool(_QUESTION.search(text, pos, own_end)) or not _QUESTION.search(text, own_end, pos + end.start())


def is_contingent(text: str, pos: int, other_actor) -> bool:
    """Whether the modal at pos is the consequence of a condition (若…就必須) or hangs on a
    condition another party fulfils (若日方提出…，台灣也需要): that party is the condition's
    subject, named right after 若 (a condition that only mentions it, 若放在當今局勢，特別是
    日本政府送疫苗…，is the setting the advice is given in)."""
    condition = _CONDITION.search(text, 0, pos)
    if condition is None or _PURPOSE.match(text, condition.end()):
        return False
    if _CONSEQUENCE_MODAL.search(text, condition.end(), pos + 3):
        return True
    end = _clause_start(text, pos)
    subject = other_actor.search(text, condition.end(), end)
    return end > condition.end() and subject is not None and subject.start() - condition.end() <= SUBJECT_GAP


class Parties:
    """Who acts in a sentence, and so whom its advice is addressed to."""

    def __init__(self, lexicon: dict[str, str], text: str = "", simplified: bool = False,
                 words: Iterable[str] = ()):
        """words: the essay's words as the segmenter read them (a name it knows, 龍應台, holds
        a modal's character, no modal)."""
        parties = sorted((t for t, kind in lexicon.items() if kind in ("person", "organization", "place")),
                         key=len, reverse=True)
        # A Simplified essay is written for the mainland: its 我國 and 我們 are China's.
        first_person = _SPEAKS_AS_TAIWAN.search(text) and not simplified
        mentions = [len(re.findall(state, text)) for state in _STATES]
        # (a piece that speaks as Hong Kong, 本港…, means Hong Kong's by a bare 政府, however
        # often it names Taiwan: 政府應該盡快與台灣商討移交逃犯的安排)
        ours_named = mentions[0] >= max(mentions) and not _SPEAKS_AS_HONG_KONG.search(text)
        home = "|" + _BARE_GOVERNMENT if first_person or ours_named else ""
        # …and so are its ministries named bare (外交部長林佳龍認為，…台灣須…)
        own = taiwan_parties() | (_BARE_MINISTRIES if home else frozenset())
        foreign = [t for t in parties if t not in _TAIWAN_NAMES and t not in own]
        # a modal character inside a name is none (侯友宜, 張應…), nor inside any word the
        # segmenter read whole (龍應台, 供應鏈, 理所應當: the modal is a word of its own)
        whole = sorted({*parties, *(w for w in words if _MODAL_CHAR.search(w, 1, len(w) - 1))}, key=len, reverse=True)
        self.names = re.compile("|".join(map(re.escape, whole))) if whole else None
        # 日本政府 is Japan's government, not 日本 and then (Taiwan's) 政府
        # (in a Simplified essay, written for the mainland, 台灣當局 is Beijing's name too: a
        # Hong Kong paper's 台灣當局禁止… is neutral, a mainland one's 台灣當局應該… a demand)
        self.other = re.compile("(?:" + "|".join([_OTHER_FORMS, *map(re.escape, foreign)])
                                + ("|(?:臺灣|台灣)當局" if simplified else "")
                                + ("" if home else "|" + _BARE_GOVERNMENT) + ")(?:政府|當局|總統)?")
        # (…and its own programmes act for it: 新南向政策應該擴闊… is advice to its government)
        programmes = [t for t, kind in lexicon.items() if kind == "law" and t in own]
        ours = "".join(re.escape(t) + "|" for t in [*parties, *programmes] if t in own)
        self.taiwan = re.compile(_TAIWAN_ACTOR.format(we=ours + ("我國|我方|我們|" if first_person else ""), home=home))
        # in the words of a Taiwanese source, its 我們 and its 政府 are Taiwan('s) whatever the essay
        self.taiwan_voiced = re.compile(_TAIWAN_ACTOR.format(we=ours + "我國|我方|我們|", home="|" + _BARE_GOVERNMENT))
        self.rejected = {m.group(1) for m in _REJECTS.finditer(text)}
        self.speaks_as_taiwan = bool(first_person)

    def embraces_rejected(self, text: str) -> bool:
        """Whether the sentence would have Taiwan embrace what the essay rejects elsewhere."""
        return any(m.group(1) in self.rejected for m in _EMBRACES.finditer(text))

    def actors(self, text: str, end: int, start: int = 0, voiced: bool = False,
               referent: bool | None = None) -> list[tuple[int, bool]]:
        """(position, is_taiwan) of the acting parties named in text[start:end]; voiced: in
        a Taiwanese source's words; referent: whether a pronoun subject (他, 她們) stands for
        Taiwan's party (None: for nobody known)."""
        found = []
        pronouns = list(_PRONOUN.finditer(text, start, end)) if referent is not None else []
        if pronouns:
            # …unless the sentence names a party before it (告訴特朗普，他需要…: 他 is 特朗普)
            named = self.actors(text, len(text), 0, voiced)
            for m in pronouns:
                nearer = [taiwan for at, taiwan in named if at < m.start(1)]
                found.append((m.start(1), m.end(1), nearer[-1] if nearer else referent))
        titles = [(m.start(), m.end()) for m in re.finditer(r"《[^》]*》", text)]  # 《為什麼臺灣…》 acts not
        for pattern, taiwan in ((self.taiwan_voiced if voiced else self.taiwan, True), (self.other, False)):
            for m in pattern.finditer(text, start, end):
                if not _OBJECT_MARKER.search(text[max(0, m.start() - 2):m.start()]) and not any(
                        s <= m.start() < e for s, e in titles):
                    found.append((m.start(), m.end(), taiwan))
        # An actor inside a longer one (臺灣 in 臺灣政府, 政府 in 拜登政府) is that one, and one
        # starting inside another is none (德政府, Germany's, in 賴清德政府): read left to right
        found = [a for a in found if not any(b != a and (b[0] <= a[0] and a[1] <= b[1] or b[0] < a[0] < b[1])
                                             for b in found)]
        return sorted((s, t) for s, _, t in found)

    def subject(self, text: str) -> bool | None:
        """Whether the sentence's first actor, its subject, is Taiwan's (None: it names none)."""
        named = self.actors(text, len(text))
        return named[0][1] if named else None

    def addressee(self, text: str, pos: int, voiced: bool = False, referent: bool | None = None) -> bool | None:
        """True when the modal at pos addresses Taiwan, False another party, None unknown.

        Without an actor in its own clause, a modal shares the subject of the modal before
        it in the sentence (美方應該承認…，不應…), else the sentence's first actor. A cleft
        names it after the modal (真正應該回歸的是中共), or in the clause before
        (…回歸的，是中共，應回到…: 中共 should).
        """
        cleft = _CLEFT.match(text, pos)
        named = self.actors(text, _clause_end(text, cleft.end()), cleft.end(), voiced, referent) if cleft else []
        if named and named[0][0] - cleft.end() <= CLEFT_GAP:
            return named[0][1]
        start = _clause_start(text, pos)
        clause = self.actors(text, pos, start, voiced, referent)
        if clause:
            return clause[-1][1]
        before = _clause_start(text, start - 1) if start else 0
        focus = _FOCUS.match(text, before)
        named = self.actors(text, start - 1, focus.end(), voiced, referent) if focus and start else []
        if named and named[0][0] - focus.end() <= CLEFT_GAP:
            return named[0][1]
        earlier = [m.start() for m in STRONG_MODAL.finditer(text, 0, _clause_start(text, pos))]
        if earlier:
            return self.addressee(text, earlier[-1], voiced, referent)
        sentence = self.actors(text, pos, 0, voiced, referent)
        return sentence[0][1] if sentence else None

    def reported_by_other(self, text: str, pos: int, referent: bool | None = None) -> bool:
        """Whether the modal at pos stands in what another party (美方, 北京 …, or an unnamed
        crowd: 有人主張…) said or wants; referent: whom a pronoun speaker stands for (see actors)."""
        if hearsay(text, pos):
            return True
        for verb in _REPORTING.finditer(text, 0, pos):
            speakers = [a for a in self.actors(text, verb.start(), referent=referent)
                        if a[0] >= _clause_start(text, verb.start())]
            if speakers and not speakers[-1][1]:
                return True
        return False

    def is_advice(self, text: str, m: re.Match) -> bool:
        """Whether the modal m is one: not a word of its own (便宜, 回應) nor part of a name."""
        names = self.names.finditer(text, max(0, m.start() - 8), m.end() + 8) if self.names else ()
        return _is_advice(text, m) and not any(n.start() <= m.start() and m.end() <= n.end() for n in names)

    def advises_taiwan(self, text: str, voiced: list[tuple[int, int]] = (), referent: bool | None = None) -> bool:
        """Whether the sentence (in Traditional form) gives Taiwan advice of the author's or
        of a Taiwanese source the essay is built on (voiced: the spans of its words);
        referent: whether its pronoun subject stands for Taiwan's party (see actors)."""
        if is_signpost(text) or is_aside(text) or self.embraces_rejected(text) or debunks(text):
            return False
        quoted = quoted_spans(text, min_chars=1)  # a modal inside even a quoted word (「裡應外合」) is none
        for pattern in (STRONG_MODAL, WEAK_MODAL, VOICED_MODAL, PRESCRIBED, URGING):
            for m in pattern.finditer(text):
                source = any(s <= m.start() < e for s, e in voiced)
                if pattern is VOICED_MODAL and not source:
                    continue
                if (any(s < m.start() < e for s, e in quoted) and not source) or not self.is_advice(text, m):
                    continue
                if is_question(text, m.start(), m.end()) or is_contingent(text, m.start(), self.other):
                    continue
                if m.group() == "可以" and not _GOVERNMENT.search(text, 0, m.start()):
                    continue  # 臺灣可以… mostly says what Taiwan can; a government that can, should
                if pattern is PRESCRIBED:
                    who = self.prescribes_for_taiwan(text, m, source)
                elif m.group() == "建議" and _MODAL_BEFORE.search(text, 0, m.start()):
                    continue  # 國會應建議政府…: what the modal's addressee should propose, judged there
                elif m.group() == "建議" or pattern is URGING:
                    # the advised follow the verb: 建議政府…, 某某建議，…台灣…; the one urged
                    # right after it (呼籲特朗普與國會合作，批准邀請蔡英文…: not 蔡英文)
                    after = self.actors(text, len(text), m.end(), source)
                    if pattern is URGING and after and after[0][0] - m.end() > URGED_GAP:
                        after = []
                    who = after[0][1] if after else None
                elif m.group() == "唯有" or pattern is not STRONG_MODAL or _SAYING.search(text, 0, m.start()):
                    # 避免, 審慎, 可以 …, and advice in reported speech: Taiwan named in the
                    # clause (after 唯有: 唯有臺灣社會…，才能), and Taiwan alone (美國及台灣必須…)
                    span = ((m.end(), _clause_end(text, m.end())) if m.group() == "唯有"
                            else (_clause_start(text, m.start()), m.end()))
                    clause = self.actors(text, span[1], span[0], source, referent)
                    if not clause and m.group() == "唯有":
                        # 我國唯有及早因應，才能…: the subject before 唯有 meets the condition
                        clause = self.actors(text, m.start(), _clause_start(text, m.start()), source, referent)
                    if not clause and m.group() == "唯有" and (then := _ONLY_THEN.search(text, m.end())):
                        # 唯有團結，臺灣才能…: with no subject of its own, the condition is
                        # met by the subject of what it enables
                        clause = self.actors(text, then.start(), _clause_start(text, then.start()), source, referent)
                    elif not clause and m.group() == "是時候":
                        # 是時候(讓)美國國會…, 是時候重新檢討我國的…: the time is the party's it names
                        clause = self.actors(text, _clause_end(text, m.end()), m.end(), source, referent)
                    who = all(taiwan for _, taiwan in clause) if clause else None
                    if who is None and pattern is VOICED_MODAL and m.group().startswith(("不", "別", "千")):
                        who = True  # a source's imperative (不要驚慌) addresses its own people
                else:
                    who = self.addressee(text, m.start(), source, referent)
                if who is None and pattern is not PRESCRIBED:
                    who = self.framed_for(text, m.start(), source)
                if who is None and pattern is not PRESCRIBED and referent:
                    who = self.continues_taiwan(text, m, source)
                # (the urging verb is itself one of reporting: who urges matters, a pronoun
                # too: 李家超…。他呼籲台方…應… is another side's demand)
                urging = pattern is URGING
                if who and not self.reported_by_other(text, m.end() if urging else m.start(),
                                                      referent if urging else None):
                    return True
        return self.right_path_for_taiwan(text) or self.framed_for_taiwan(text)

    def continues_taiwan(self, text: str, m: re.Match, voiced: bool) -> bool:
        """Whether the modal m, in a sentence naming no party after one whose subject is
        Taiwan, exhorts Taiwan: Chinese leaves a continued topic's subject unsaid (臺灣該怎麼辦？
        筆者認為應該加強國防。). Only where the essay speaks as Taiwan is the one exhorted surely
        Taiwan (a mainland voice: 台灣當局一意孤行。必須給予嚴厲懲罰。 — Beijing must); an aside
        (必須承認，…) or a person's voice (我不要跟你統一) exhorts no one."""
        return (self.speaks_as_taiwan and not _DISCOURSE.match(text, m.end())
                and not self.actors(text, len(text), 0, voiced)
                and not _PERSONAL.search(text, _clause_start(text, m.start()), m.start()))

    def framed_for(self, text: str, pos: int, voiced: bool) -> bool | None:
        """Whether the party a frame before pos names (對台灣來說，必須…; 對美國而言，…) is
        Taiwan, for a modal whose clause names none (None: no frame names a party, or a party
        acts between it and the modal: 對臺灣而言，…北京在評估…時，勢必需要… is Beijing's)."""
        frames = list(_FRAMES.finditer(text, 0, pos))
        frame = frames[-1] if frames else None
        if frame is None or not (self.taiwan.search(frame.group(1)) or self.other.search(frame.group(1))):
            return None
        if self.actors(text, pos, frame.end(), voiced):
            return None
        return self.names_taiwan_last(frame.group(1), voiced)

    def framed_for_taiwan(self, text: str) -> bool:
        """對身處美國與中國大陸之間的台灣而言，可從…進行調整: what Taiwan can do, framed as for it."""
        framed = _FRAMED_CAN.search(text)
        if not framed or is_question(text, framed.end()) or self.reported_by_other(text, framed.end()):
            return False
        return self.names_taiwan_last(framed.group(1))

    def right_path_for_taiwan(self, text: str) -> bool:
        """聯結美、日…，大力振興…產業，才是台灣的正途: the act named as Taiwan's right way."""
        path = RIGHT_PATH.search(text)
        if not path or is_question(text, path.start()) or self.reported_by_other(text, path.start()):
            return False
        whose = path.group("whose") or ""
        if self.taiwan.search(whose) or self.other.search(whose):
            return bool(self.taiwan.search(whose)) and not self.other.search(whose)
        acting = self.actors(text, path.start())
        return bool(acting) and all(taiwan for _, taiwan in acting)

    def prescribes_for_taiwan(self, text: str, m: re.Match, voiced: bool) -> bool:
        """關鍵是發展…, 保護臺灣主權的方法，是與中國簽訂…: the act named after the key or the
        way, when the end is Taiwan's."""
        act = text[m.end():_clause_end(text, m.end())]
        if len(act) < 2 or act[0] in "「『“" or self.actors(act, min(len(act), 4), 0, voiced):
            return False
        start = _clause_start(text, m.start())
        end = self.actors(text, m.start(), start, voiced)
        if end:
            return all(taiwan for _, taiwan in end)
        frame = _FOR_WHOM.search(text, 0, start)
        return bool(frame) and self.names_taiwan_last(frame.group(1), voiced)

    def names_taiwan_last(self, frame: str, voiced: bool = False) -> bool:
        """Whether the frame's head, its last words, is Taiwan (對身處…之間的台灣而言)."""
        pattern = self.taiwan_voiced if voiced else self.taiwan
        return any(m.end() == len(frame) for m in pattern.finditer(frame))

    def advises_others(self, text: str) -> bool:
        """A sentence of advice to another party (東協各國宜…) says nothing Taiwan should expect;
        nor does a reductio, advice to embrace what the essay rejects (台灣應該推動以下兩項公投：
        一、支持一國兩制…)."""
        return any(self.is_advice(text, m) and not self._draws_conclusion(text, m.start())
                   and (self.addressee(text, m.start()) is False or self.embraces_rejected(text))
                   for m in STRONG_MODAL.finditer(text))

    def _draws_conclusion(self, text: str, pos: int) -> bool:
        """Whether the modal at pos stands in a clause opening on 因此, 所以 … that names no
        party: the conclusion the writer draws (中國的火力…，因此確實有必要建構「台灣之盾」),
        not what the subject of the clauses before must do."""
        start = _clause_start(text, pos)
        return bool(_THEREFORE.match(text, start)) and not self.actors(text, pos, start)

    def advice(self, info: SentenceInfo, voiced: list[tuple[int, int]] = (),
               referent: bool | None = None) -> float | None:
        """How surely the sentence is advice to Taiwan (None: it is not); referent: see actors."""
        if info.paragraph.kind == "quote" and not voiced:
            return None  # a quotation set as a paragraph, of someone the essay is not built on
        if self.advises_taiwan(info.view, voiced, referent):
            return 1.0
        if RECOMMENDATION_SECTION.search(info.section) and self.addressee(info.view, len(info.view)) is not False:
            return 0.8  # an item of a 政策建議 list
        return None

    def outlook(self, info: SentenceInfo, finding_score: float) -> float:
        """How much the sentence says about what Taiwan should expect, 0..1."""
        text = info.view
        mentions = len(TAIWAN_CONTEXT.findall(text))
        if TAIWAN_CONTEXT.search(info.section):
            mentions += 1  # a section on 對臺灣的影響 speaks of Taiwan in every sentence
        # what claims nothing (a question, 被問到…是否…) asserts nothing Taiwan could expect
        if (not mentions or is_signpost(text) or hearsay(text) or self.advises_others(text) or claims_nothing(text)
                or narrates_history(text)):
            return 0.0
        quoted = info.quoted
        score = (0.35 * min(1.0, mentions / 2) + 0.4 * foresight(text) + 0.25 * finding_score) * (1 - 0.6 * quoted)
        return round(score, 4)
