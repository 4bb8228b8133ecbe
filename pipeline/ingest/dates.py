"""Dates written in Chinese prose, normalised to ISO 8601."""
from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime

_ROC_OFFSET = 1911  # 民國 1 年 = 1912
_FULL_DATE = re.compile(
    r"(?:(?:民國|中華民國)\s*(?P<roc>\d{2,3})|今\s*[（(]\s*(?P<now>\d{4})\s*[)）]|(?P<year>\d{2,4}))\s*年\s*"
    r"(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
)


# A line that is only a date, perhaps with its weekday or a time, perhaps in brackets
# (2022-08-09, 2026/01/13 20:00, 2024年1月14日, 2021年2月23日 星期二, [2018-06-11 04:50:33])
# (…and the source a page prints after it: 2015年12月14日 09:38:00  來源:中國臺灣網)
# …or in English, as a bilingual site prints it, perhaps with its reading time after it
# (January 14, 2024   8 min   1513 words); a forum prints the poster's handle before the
# date and the views after it (admin 2021-9-10 915), a WeChat post its account's kind before
# it and the place after it (文摘   2025-01-18 10:31   北京), a mirror of re-posts the poster's
# handle after it and where the post came from (2020-09-17 21:33 shangshang 轉載自GNews)
_HANDLE = r"(?:[A-Za-z\u4e00-\u9fff][\w.-]{0,19}\s+)?"
# …or labelled, as a press release heads itself (發布日期：2025-04-02, 日期：2024年1月14日)
_LABEL = r"(?:(?:發布|發佈|发布|發表|发表|出版|刊登|公布|公佈)?(?:日期|時間|时间)\s*[:：]\s*)?"
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_ENGLISH = (r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
            r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? (\d{1,2}), (\d{4})\b[^\u4e00-\u9fff]*")
_ENGLISH_DATE = re.compile("^" + _ENGLISH + "$")
DATE_LINE = re.compile(r"^(?:" + _HANDLE + _LABEL +
                       # (a Taiwanese document dates itself by the ROC calendar: 中華民國114年4月2日)
                       r"[\[【（(]?(?:\d{4}[-./年]|(?:中華)?民國\s*\d{2,3}\s*年|\d{3}年)\d{1,2}[-./月]\d{1,2}日?"
                       r"(?:\s*(?:星期|週|周|禮拜)[一二三四五六日天])?"
                       r"(?:(?:\s*|T)\d{1,2}:\d{2}(?::\d{2})?)?[\]】）)]?(?:\s+(?:來源|来源|出處|出处)\s*[:：]\s*\S{1,20}|\s+\d{1,7}|\s+[\u4e00-\u9fff]{2,4}"
                       r"|(?:\s+[A-Za-z][\w.-]{0,19})?\s+(?:轉載自|转载自|轉自|转自)\s*[:：]?\s*\S{1,20}|\s+[A-Za-z][\w.-]{0,19})?"
                       r"|" + _ENGLISH + ")$")
_NUMERIC = re.compile("^" + _HANDLE + _LABEL + r"[\[【（(]?(\d{4})[-./](\d{1,2})[-./](\d{1,2})")


def _year(found: re.Match) -> int:
    if found.group("roc"):
        return int(found.group("roc")) + _ROC_OFFSET
    if found.group("now"):
        return int(found.group("now"))
    year = int(found.group("year"))
    # Taiwanese documents write 111年 for 民國 111 年; a two- or three-digit year is ROC.
    return year + _ROC_OFFSET if year < 1000 else year


def iso_dates(text: str) -> list[str]:
    """Every full date (year, month and day) the text states, in order, as YYYY-MM-DD."""
    found_dates = []
    for found in _FULL_DATE.finditer(text):
        try:
            found_dates.append(date(_year(found), int(found.group("month")), int(found.group("day"))).isoformat())
        except ValueError:
            continue
    return found_dates


def iso_date(value: str | None) -> str | None:
    """A date as metadata gives it (2021-09-23, 2020-01-05T13:05:00, 2022.8.6, 2024年1月14日,
    民國111年11月14日) in ISO form; None when it names no whole date."""
    if not value:
        return None
    try:  # an RFC 2822 date, as feeds and static-site front matter give it (Wed, 11 May 2022 08:21:00 GMT)
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    english = _ENGLISH_DATE.match(value.strip())
    month = next((n for n, name in enumerate(_MONTHS, 1) if english and name.startswith(english.group(1).lower())), None)
    if month:
        try:
            return date(int(english.group(3)), month, int(english.group(2))).isoformat()
        except ValueError:
            return None
    found = _NUMERIC.match(value.strip())
    if found:
        try:
            return date(*(int(g) for g in found.groups())).isoformat()
        except ValueError:
            return None
    dates = iso_dates(value)
    return dates[0] if dates else None
