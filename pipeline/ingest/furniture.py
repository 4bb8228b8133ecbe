"""A copied page's furniture in plain text, line by line: what a reader of the essay skips.

- above the title: skip links, menus, breadcrumbs, empty field labels and widgets, slot
  identifiers (a page copied whole, as text or Markdown without its links);
- under it: a site's or column's label in brackets, a font-size widget;
- in the text: a paper's keyword line, an advertisement's label, a bare link, a disclaimer or
  copyright notice, editors' credits, photo captions ending on their credit (（法新社）, 圖片來源: …), once or
  printed twice, and a news agency's dateline opening a report.

Structured readers see the links and images these lines were made of (boilerplate.py);
these are the signs left when only the text was kept.
"""
from __future__ import annotations

import re

from pipeline.ingest.byline import LANGUAGE, TRANSLATOR, is_credit

# The accessibility links a web page opens with (for keyboard and screen-reader users),
# kept as text or a numbered list when the page is copied
_SKIP_LINK = re.compile(r"^(?:\d[.、]\s*)?(?:跳[至到過过]|跳[轉转][至到]?|略[過过]|Skip to)\s?[^。，,.]{0,12}$", re.I)
# A menu copied as a line: three or more words of a few characters set apart by spaces
# (返回列表 回復 發帖); Chinese prose never spaces its words, a headline's phrases are longer,
# and a title letter-spaced in a PDF (兩 岸 關 係) spaces single characters
_MENU = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:[ \t\u3000]+[\u4e00-\u9fff]{2,4}){2,}$"
                   # …or five words and more, of up to five characters, some set apart by a bar
                   # (國際 國際焦點 北美要聞 東南亞要聞 國際政經 | 國際社會)
                   r"|^[\u4e00-\u9fff]{2,5}(?:[ \t\u3000]+(?:[|｜][ \t\u3000]+)?[\u4e00-\u9fff]{2,5}){4,}$")
# …a breadcrumb (中國臺灣網 > 評論中心 > 海峽時評), a field label left empty (關鍵詞:, 字號:),
# and a slot's or widget's identifier (ad9_210*60)
_BREADCRUMB = re.compile(r"^[^>＞›»。，]{1,20}(?:\s*[>＞›»]\s*[^>＞›»。，]{1,30}){2,}$")
_EMPTY_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,4}\s*[:：]$")
_FONT_SIZE = re.compile(r"^(?:字號|字号|字體|字体)\s*[:：]")  # a font-size widget: 字號: [小] [中] [大]
_IDENTIFIER = re.compile(r"^(?=\S*[_*#=|{}<>])[!-~]+$")
# …a news site's name, its masthead (自由電子報, 聯合新聞網, 風傳媒, 天下雜誌), which no headline is alone
_MASTHEAD = re.compile(r"^(?:(?![的之])[\u4e00-\u9fff]){1,6}(?:電子報|电子报|新聞網|新闻网|評論網|评论网|日報|日报|時報|时报|晚報|晚报|"
                       r"傳媒|传媒|雜誌|杂志|週刊|周刊)$")
# …a think tank's or a body's name over its paper, with the paper's series (國防安全研究院
# 國防安全簡報, 國家政策研究院．政策簡析): the publisher, whose name no title is alone
_PUBLISHER = re.compile(r"^[\u4e00-\u9fff]{2,12}(?:研究院|研究所|研究中心|基金會|学会|學會|協會|智庫|智库)"
                        r"(?:[\s\u3000．・·|｜/／]+[\u4e00-\u9fff]{2,10}(?:簡報|评析|評析|簡析|報告|报告|通訊|快評|專刊|週報|月刊|季刊|期刊|觀察|專論))?$")
# …and an archive's heading over the piece (林鴻達相關文章: a writer's list of articles)
_ARCHIVE = re.compile(r"^\S{2,10}(?:相關文章|相关文章|的文章|專欄文章|专栏文章)$")


# A paper's keyword line (【關鍵詞】民進黨；兩岸關係, 关键词：…): an index's entry, no prose
_KEYWORDS = re.compile(r"^(?:[【\[〔［]\s*(?:關鍵詞|关键词|關鍵字|关键字)\s*[】\]〕］]\s*[:：]?|(?:關鍵詞|关键词|關鍵字|关键字)\s*[:：])"
                       r"[^。！？!?]{1,80}$")


# …an advertisement's slot, labelled (廣告 廣告: a news page's ad between paragraphs)
_AD_SLOT = re.compile(r"^(?:廣告|广告|Advertisement|ADVERTISEMENT)(?:\s+(?:廣告|广告|Advertisement|ADVERTISEMENT))*$")
# …and a link pasted on a line of its own, or the rest of its query wrapped onto the next (&sfns=mo)
# (also under its label: 原文網址: 美前官員：… | ETtoday新聞雲 https://…)
_LINK_LINE = re.compile(r"^(?:(?:https?://|www\.)\S+|[!-~]*[=&][!-~]*"
                        r"|[^。！？]{0,10}(?:網址|网址|連結|链接|鏈接|來源|来源|出處|出处)\s*[:：][^。！？]*(?:https?://|www\.)\S+)$")


# …and the site's notice about the piece: a disclaimer or copyright line (免責聲明：本文內容
# 僅代表作者個人觀點…, 版權所有 ©…), labelled or saying whose view it only is
_NOTICE = re.compile(r"^[【\[]?(?:(?:免責聲明|免责声明|版權聲明|版权声明)\s*[】\]]?\s*[:：]|版權所有|版权所有|著作權所有|著作权所有|Copyright|©)"
                     r"|^[^。！？!?]{0,12}(?:僅|仅|只)代表(?:作者|筆者|笔者)(?:個人|个人|本人)?(?:的)?(?:觀點|观点|立場|立场|意見|意见)"
                     r"[^。！？!?]{0,30}[。！]?$", re.I)
NOTICE_MAX_CHARS = 80
# …or its staff's credits for the page, not the writing (責任編輯：王小明, 审核校对：sherryok (水云间),
# 上传排版：漂流瓶): the editor, proof-reader and typesetter are not the author
_STAFF_ROLE = r"(?:責任編輯|责任编辑|責編|责编|編輯|编辑|審核|审核|校對|校对|審校|审校|審核校對|审核校对|排版|上傳排版|上传排版|美編|美编|核稿)"
_STAFF = re.compile(rf"^{_STAFF_ROLE}\s*[:：／/]\s*[^。，,；;！？!?]{{1,24}}$")
# …also in a line of credits where the writer's own stands first, its role garbled or a
# desk's (內軍事：快慢機 校對: 天藍色獨角色): every field a label and a name, one a staff role's
# (a line naming the writer by role, 作者：王小明 校對：李四, is left for the byline to read);
# a name may carry its group in brackets, a role its language (法语翻译：Ikonic (VOH 法语翻译组）
# 法语校对：Marie (VOH 法语翻译组）, a GNews translation)
_CREDIT_FIELD = (r"[^\s:：；;。，,！？!?]{1,8}\s*[:：]\s*[^\s:：；;。，,！？!?（(]{1,24}"
                 r"(?:\s*[（(][^（()）]{1,24}[）)])?")
_STAFF_CREDITS = re.compile(rf"^{_CREDIT_FIELD}(?:(?:\s*[；;|｜]\s*|\s+|(?<=[）)])){_CREDIT_FIELD})+$")
_STAFF_FIELD = re.compile(rf"(?:^|[\s；;|｜/）)]){LANGUAGE}(?:{_STAFF_ROLE}|{TRANSLATOR})\s*[:：]")
_WRITER_FIELD = re.compile(r"(?:^|[\s；;|｜/])(?:本文)?(?:作者|撰文|撰稿|文|記者|记者|執筆|执笔)\s*[:：]")


# A press release's fields and contacts (發布單位：大陸委員會, 新聞稿編號：第025號, 聯絡人：…,
# 聯絡電話：02-…): a form's entries, no prose
_PRESS_FIELD = re.compile(r"^(?=(?:發布|發佈|发布)(?:單位|机关|機關|单位)|(?:新聞稿|新闻稿)(?:編號|编号)|"
                          r"(?:新聞|新闻)?(?:聯絡人|联络人|聯絡電話|联络电话|聯絡窗口)|"
                          r"(?:電話|电话|傳真|传真|電子郵件|电子邮件|E-?mail)\s*[:：])"
                          r"[^。，,；;！？!?]{2,12}[:：]\s*[^。；;！？!?]{1,40}$")


# 相關閱讀：and the titles of other pieces under it (their links lost in copying)
RELATED = re.compile(r"^(?:相關|相关|延伸|推薦|推荐|更多)(?:閱讀|阅读|新聞|新闻|文章|報導|报道)\s*[:：]?$")
# A site asking its readers to follow it (追蹤自由時報粉絲團, 點我訂閱…頻道, 更多自由時報報導)
_FOLLOW = re.compile(r"^(?:追蹤|追踪|點我|点我|訂閱|订阅|加入)[^。，,]{0,24}(?:粉絲團|粉丝团|粉專|頻道|频道|好友|官方帳號)$"
                     r"|^更多[^。，,]{1,12}(?:報導|报道|新聞|新闻)$")
# A social-media post's hashtags on a line of their own (#國防 #台灣): an index, no prose
_HASHTAGS = re.compile(r"^(?:[#＃][^\s#＃]+\s*)+$")


# A journal's running head: its name with the volume and issue (問題與研究 第62卷 第1期)
_ISSUE = re.compile(r"^[^。，,；;！？!?]{0,24}第\s*\d+\s*[卷期](?:\s*第\s*\d+\s*期)?(?:\s*[（(][^）)]{1,12}[）)])?$")


def is_text_furniture(line: str) -> bool:
    """A line in the text that is none of it: a paper's keyword line, an ad slot's label,
    a bare link, a disclaimer or copyright notice, the page's staff credits, a journal's
    running head, a press release's fields and contacts, a post's hashtags, a site asking
    to be followed."""
    return bool(_KEYWORDS.match(line) or _AD_SLOT.match(line) or _LINK_LINE.match(line)
                or (len(line) <= NOTICE_MAX_CHARS and _NOTICE.match(line)) or _STAFF.match(line)
                or (_STAFF_CREDITS.match(line) and _STAFF_FIELD.search(line) and not _WRITER_FIELD.search(line))
                or _ISSUE.match(line) or _HASHTAGS.match(line) or _FOLLOW.match(line) or _PRESS_FIELD.match(line))


def is_page_furniture(line: str) -> bool:
    """A copied page's skip link, menu, breadcrumb, empty field label, widget identifier,
    archive heading or masthead, above its title."""
    line = line.strip()
    return bool(_SKIP_LINK.match(line) or _MENU.match(line) or _BREADCRUMB.match(line) or _EMPTY_LABEL.match(line)
                or _FONT_SIZE.match(line) or _IDENTIFIER.match(line) or _ARCHIVE.match(line) or _MASTHEAD.match(line)
                or _PUBLISHER.match(line))


# The site asking its readers for something (歡迎大家…向我們投稿, 請加入成為…訂戶): a footer
# wherever it ends the text, with or without a rule above it
APPEAL = re.compile(r"(?:歡迎|欢迎|請|请)[^。！!]{0,40}?(?:投稿|訂閱|订阅|訂戶|订户|贊助|赞助|捐款|捐助|支持我們|支持我们)")
# A site's or column's label in brackets, alone on a line ((德國之聲), [中評智庫])
BRACKETED = re.compile(r"^[（(【\[〔][^（()）【】\[\]〔〕]*[）)】\]〕]$")
LABEL_MAX_CHARS = 14


# …or the source it names (來源:觀察者網)
_SOURCE = re.compile(r"^(?:來源|来源|出處|出处|稿源)\s*[:：]\s*\S{1,20}$")


def is_site_label(line: str) -> bool:
    """A site's or column's label in brackets (not a byline: 【撰文：羅厚璟】), a font-size
    widget or a source line, under a title (an empty label there may head the text: 摘要：)."""
    return bool((BRACKETED.match(line) and len(line) <= LABEL_MAX_CHARS and not is_credit(line))
                or _FONT_SIZE.match(line) or _SOURCE.match(line))


# A news photo's caption ends on its source in brackets (（法新社）, （記者王小明攝）, （取自
# 總統府臉書）); a web copy may print it twice, alt text and caption. Prose never ends so.
_CREDIT = r"[（(](?:(?:法新社|路透社?|美聯社|中央社|歐新社|彭博)(?:資料照|檔案照)?|資料照|檔案照|[^（()）]{0,12}攝|(?:擷取|翻攝|截圖|取)自[^（()）]{1,20}|AFP|AP|EPA|Reuters|Getty[^（()）]*)[）)]"
# (a caption may place who is who: 陳同佳(左)與女友…)
_CAPTION = re.compile(rf"^(?:(?:[^（()）]|[（(][左右中前後上下一二三四五]{{1,3}}[）)]){{2,60}}?{_CREDIT}\s*)+$")
# ... or on a labelled credit: …的會晤圖片來源: Andrew Harnik/Getty Images
_LABELLED_CAPTION = re.compile(r"^.{0,80}?[（(]?(?:圖片來源|图片来源|圖片提供|图片提供|圖源|图源|攝影|摄影|示意圖|示意图|(?<![地藍版構意企試製繪])圖)\s*[:：／/]"
                               r"\s*[^。！？!?，,]{1,60}$")
# ... or on a photographer's credit in English (…勝選。 Lam Yik Fei for The New York Times,
# …會晤 Andrew Harnik/Getty Images)
_ENGLISH_CREDIT = re.compile(r"^[^A-Za-z]{2,80}?\s*[A-Z][A-Za-z.'’-]+(?: [A-Z][A-Za-z.'’-]+){0,3}"
                             r"(?: for (?:The )?| ?/ ?)[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,3}$")
# A reporter's credit in brackets opening a report's first paragraph (〔記者…／台北報導〕)
OPENING_CREDIT = re.compile(r"^[〔【\[]([^〔〕【】\[\]]{2,30})[〕】\]]\s*(?=\S)")
# A news agency's dateline opening a report: (德國之聲中文網), （中央社記者王小明台北3日電）, 【大紀元5日訊】
# (a dispatch's day or desk before 電/訊: （台電） opening a paragraph is the power company)
_AGENCY = re.compile(r"^(?:[（(【]\s*(?:[^（()）【】。，]{0,30}?(?:日|專|专)(?:電|电|訊|讯)|[^（()）【】。，]{2,16}"
                     r"(?:中文網|中文网|新聞網|新闻网|通訊社|通讯社))\s*[）)】]"
                     # …or closed by a slash: 中評社香港6月5日電/
                     r"|[\u4e00-\u9fff]{2,12}?\d{1,2}月\d{1,2}日(?:電|电)\s*[／/])\s*(?=\S)")
_CREDITS = re.compile(_CREDIT)
_BRACKET = re.compile(r"[（()）]")
CAPTION_MAX_CHARS = 150


def without_agency_dateline(text: str) -> str:
    return _AGENCY.sub("", text, count=1)


def _once(text: str) -> str:
    """A line printed twice (a photo's alt text over its caption, joined) as printed once."""
    for gap in ("", " "):
        half = (len(text) - len(gap)) // 2
        if half and text[:half] == text[half + len(gap):] and text[half:half + len(gap)] == gap:
            return text[:half]
    return text


def is_photo_caption(text: str) -> bool:
    text = _once(text)
    return bool(_CAPTION.match(text) or _LABELLED_CAPTION.match(text) or _ENGLISH_CREDIT.match(text))


def without_doubled_captions(text: str) -> str:
    """The paragraph without a caption glued into it and printed twice (alt text, then
    caption): …安泰！賴清德…有信心。（法新社）賴清德…有信心。（法新社）. The repetition gives it
    away; found from the credits, in one pass (a search for any repeated span would take
    seconds on a long paragraph)."""
    cuts, done = [], 0
    credits = list(_CREDITS.finditer(text))
    for first, second in zip(credits, credits[1:]):
        body = text[first.end():second.start()].strip()
        copy = body + second.group()
        start = first.end() - len(copy)
        if (start >= done and 2 <= len(body) <= CAPTION_MAX_CHARS and not _BRACKET.search(body)
                and text[start:first.end()] == copy):
            cuts.append((start, second.end()))
            done = second.end()
    if not cuts:
        return text
    kept, at = [], 0
    for start, end in cuts:
        kept.append(text[at:start])
        at = end
    return ("".join(kept) + text[at:]).strip()
