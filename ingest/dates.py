"""Date expressions resolved against the publication date.

"on Wednesday" is the latest Wednesday on or before publication; "last month", "in April",
"last September" are months; "overnight" in a morning report is the evening before.
Without a publication date only expressions that carry their own year resolve.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .numbers import parse_single
from .textclean import fold

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# how many units a span counts back ("the past three months"): number words, or a few
_SPAN_VAGUE = {"few": 3, "several": 3}
_SMALL = "|".join("zero one two three four five six seven eight nine ten eleven twelve".split() + list(_SPAN_VAGUE))
_SPEECH = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,3}?|announced|reported|stated|added|confirmed|claimed|acknowledged|"
    r"according\s+to\s+(?:\w+\s+){0,4}?|statement|tweeted|posted|"
    r"(?:released|published|issued|made\s+public)(?:\s+by\s+[^.;]{1,60}?)?)\s*(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)

_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_TO = r"\s*(?:-|\u2013|\u2014|to|and|until|till|through)\s*"
# "and" joins a run of days only after "between": "on 5 March and 11 April" are two days
# a run of days: "between 5 and 11 February", "from Monday 24 to Sunday 30 March", "5-11 Feb 2024",
# "from 28 February to 6 March", "between March 24 and April 2", "February 5-11"
_DAY_RANGE = re.compile(
    rf"\b(?:(?P<between>between)\s+|from\s+)?(?:{_WEEKDAY},?\s+)?(?P<d1>{_DAY})(?:\s+(?:of\s+)?(?P<mon1>{_MONTH}))?"
    rf"{_TO}(?:{_WEEKDAY},?\s+)?(?P<d2>{_DAY})\s+(?:of\s+)?(?P<mon2>{_MONTH})(?:,?\s+(?P<y>\d{{4}}))?\b"
    rf"|\b(?:(?P<betweenb>between)\s+|from\s+)?(?P<mon1b>{_MONTH})\s+(?P<d1b>{_DAY}){_TO}(?:(?P<mon2b>{_MONTH})\s+)?"
    rf"(?P<d2b>{_DAY})\b(?!:\d)(?:,?\s+(?P<yb>\d{{4}}))?",
    re.I)

# "in the week ending Sunday, August 9", "the week to 9 August", "the week ended Friday"
_WEEK_ENDING = re.compile(
    rf"\b(?:the\s+)?week\s+(?:ending|ended|to|through)\s+(?:on\s+)?(?:(?P<wd>{_WEEKDAY})(?:,?\s+|\b))?"
    rf"(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})|(?P<monb>{_MONTH})\s+(?P<db>\d{{1,2}})(?:st|nd|rd|th)?\b)?"
    rf"(?:,?\s+(?P<y>\d{{4}}))?",
    re.I)

_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}  # "July last year", "3 March this year"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("week_ending", _WEEK_ENDING),
    # "the last quarter of the year", "the third quarter of 2019", "Q3 2020"
    ("quarter", re.compile(r"\b(?:(?:the\s+)?(?P<which>second|third|fourth|last|final)\s+quarter\s+of\s+(?:(?:the|this)\s+year|"
                           r"(?P<y>(?:19|20)\d{2}))|Q(?P<q>[1-4])\s+(?P<qy>(?:19|20)\d{2}))\b", re.I)),
    ("day_range", _DAY_RANGE),
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("slash", re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b")),
    ("day_month", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>\d{{4}})|\s+(?:of\s+)?(?P<ry>last|this|next)\s+year)?\b", re.I)),
    ("month_day", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!:\d)(?:,?\s+(?P<y>\d{{4}}))?", re.I)),
    ("weekday", re.compile(rf"\b(?P<last>last\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?:night|morning|evening|afternoon))?\b", re.I)),
    # before "yesterday": "two days ago", "the day before yesterday"
    ("days_ago", re.compile(r"\b(?:(?P<n>a|one|two|three|four|five|six|seven|\d)\s+days?\s+ago|the\s+day\s+before\s+yesterday)\b", re.I)),
    ("relative_day", re.compile(r"\b(?P<rel>yesterday|today|tonight|overnight|last\s+night|this\s+morning|earlier\s+today)\b", re.I)),
    # "at the weekend", "over the weekend", "last weekend": its Saturday
    ("weekend", re.compile(r"\b(?:at|over|during|on|this|last)\s+(?:the\s+)?weekend\b", re.I)),
    # "on the 5th": that day of the publication month (or the month before, when it is later)
    ("ordinal_day", re.compile(rf"\bon\s+the\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{_MONTH})(?=\s*(?:[,.;)]|$)|\s+(?:and|when|as|after|before|in|at|of\s+(?:this|the)\s+month)\b)", re.I)),
    # before the relative periods: "in July last year" is July of last year
    ("month", re.compile(rf"\b(?:(?P<mod>late|early|mid-?|the\s+end\s+of|the\s+(?:start|beginning)\s+of)\s+)?(?P<last>last\s+|this\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>\d{{4}})|\s+(?:of\s+)?(?P<ry>last|this|next)\s+year)?\b", re.I)),
    ("first_part", re.compile(r"\bthe\s+first\s+(?:(?P<n>\d{1,2}|" + _SMALL + r")\s+months|(?P<part>half|quarter))\s+of\s+"
                              r"(?:(?:the|this)\s+year|(?P<y>(?:19|20)\d{2}))\b", re.I)),
    ("span", re.compile(r"\b(?:the\s+)?(?:past|last|previous)\s+(?P<n>\d{1,3}|" + _SMALL + r")\s+(?P<unit>days|weeks|months|years)\b", re.I)),
    # "since the start of the year": the year of the report
    ("relative_period", re.compile(r"\b(?P<rel>(?:earlier\s+)?(?:last|this|past)\s+(?:week|month|year)|(?:(?<=start\sof\s)|(?<=beginning\sof\s))the\s+(?:month|year)"
                                   # a weekly wrap's "during the week"; "up from 19 the week before"
                                   r"|(?:during|over)\s+the\s+week(?!\s+(?:ending|ended|to|through|of|before|after))"
                                   r"|the\s+(?:previous|preceding)\s+week|the\s+week\s+before(?!\s+(?:last|the|a|\w+day))|the\s+week\s+earlier)\b", re.I)),
    # "between 2002 and 2008", "from 2014 to 2017", "in 2014-2017": one period of whole years
    ("year_span", re.compile(r"\b(?:between|from|in|during)\s+(?P<y>(?:19|20)\d{2})\s*(?:and|to|until|till|through|-|\u2013)\s*"
                             r"(?P<y2>(?:19|20)\d{2})\b", re.I)),
    # "in 2007", "since early 2023", "since the 2003 invasion"
    ("year", re.compile(r"\b(?:in|since|during|of|throughout)\s+(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?P<y>(?:19|20)\d{2})\b", re.I)),
]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    precision: str  # day | week | month | year | unknown
    day: dt.date | None  # for day precision
    period_start: dt.date | None
    period_end: dt.date | None
    role: str  # event | report | since

    @property
    def month(self) -> dt.date | None:
        anchor = self.day or self.period_start
        return anchor.replace(day=1) if anchor else None


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _latest_on_or_before(ref: dt.date, month: int, day: int) -> dt.date | None:
    for year in (ref.year, ref.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= ref + dt.timedelta(days=1):
            return candidate
    return None


# What each pattern cannot match without (tested on the folded sentence): most sentences skip most
# patterns, and these case-insensitive scans were the largest single cost of the extractor.
_MONTH_START = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_DIGIT = re.compile(r"\d")
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("digit", "-"), "slash": ("digit", "/"), "day_month": ("digit", "month"), "month_day": ("digit", "month"),
    "year": ("digit",), "year_span": ("digit",), "month": ("month",), "day_range": ("digit", "month"), "ordinal_day": ("digit", "on the "),
}
_NEEDS_ANY_WORD: dict[str, tuple[str, ...]] = {
    "week_ending": ("week",), "quarter": ("quarter", "q1", "q2", "q3", "q4"), "weekday": ("day",), "relative_day": ("day", "night", "morning"), "first_part": ("first",),
    "span": ("past", "last", "previous"), "relative_period": ("last", "this", "past", "of the", "the week", "previous week", "preceding week"),
    "days_ago": ("ago", "before yesterday"), "weekend": ("weekend",),
}


def _possible(kind: str, folded: str, has: dict[str, bool]) -> bool:
    if kind in _NEEDS:
        return all(has[need] if need in has else need in folded for need in _NEEDS[kind])
    return any(word in folded for word in _NEEDS_ANY_WORD[kind])


def find_dates(text: str, ref: dt.date | None) -> list[DateMention]:
    """Date expressions in a sentence, longest first where they overlap."""
    found: list[DateMention] = []
    taken: set[int] = set()
    folded = fold(text)
    has = {"digit": _DIGIT.search(text) is not None, "month": _MONTH_START.search(folded) is not None}
    for kind, pattern in _PATTERNS:
        if not _possible(kind, folded, has):
            continue
        for match in pattern.finditer(text):
            span = set(range(match.start(), match.end()))
            if span & taken:
                continue
            mention = _resolve(kind, match, ref, text)
            if mention is not None:
                found.append(mention)
                taken |= span
    return _join_spans(text, sorted(found, key=lambda m: m.start))


# "between 1 July and 30 September 2020", "from July to September": one period from the first to the last
_SPAN_OPENING = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)
_SPAN_GAP = re.compile(r"\s*(?:and|to|until|till|through|-|\u2013)\s*(?:the\s+(?:end\s+of\s+)?)?", re.IGNORECASE)


def _join_spans(text: str, found: list[DateMention]) -> list[DateMention]:
    joined: list[DateMention] = []
    for mention in found:
        first = joined[-1] if joined else None
        if (first is not None and first.role == mention.role == "event" and first.period_start and mention.period_end
                and first.period_start < mention.period_end and _SPAN_GAP.fullmatch(text, first.end, mention.start)
                and _SPAN_OPENING.search(text, max(0, first.start - 12), first.start)):
            days = (mention.period_end - first.period_start).days + 1
            precision = "week" if days <= 7 else "month" if days <= 366 else "year"
            joined[-1] = DateMention(first.start, mention.end, text[first.start:mention.end], precision, None,
                                     first.period_start, mention.period_end, "event")
            continue
        joined.append(mention)
    return joined


_COMPARISON = re.compile(
    r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|highest|lowest|first|most\s+\w+)\b[^.;]{0,40}\bsince\s+(?:late\s+|early\s+|mid-?)?$"
    r"|\b(?:deadliest|worst|bloodiest)\b(?:\s+[\w-]+){0,3}?\s+(?:so\s+far\s+)?$",  # "the deadliest attack this year"
    re.I)


# the date of a "since" clause: "since <who> <did what> on/in <date>"
_SINCE_CLAUSE = re.compile(r"\bsince\s+[^.;,]{0,120}?\s(?:on|in)\s+(?:the\s+)?(?:late\s+|early\s+|mid-?)?$", re.I)


_AS_OF = re.compile(r"\b(?:by|as\s+of)\s+(?:late\s+|early\s+)?(?:on\s+)?$", re.IGNORECASE)
_AFTERMATH = re.compile(r"\b(?:buried|laid\s+to\s+rest|funerals?\s+(?:was|were)\s+held|mourned)\s+(?:[\w-]+\s+){0,3}?(?:on|in|at)\s+$",
                        re.IGNORECASE)


def _role(text: str, start: int) -> str:
    before = text[max(0, start - 140):start]
    when = re.match(r"^[\w\s,.-]{0,25}?,?\s+when\b", text[start:start + 40])
    if _COMPARISON.search(before) and not when:
        return "comparison"  # "the deadliest attack since 2002" dates nothing that was counted
    if re.search(r"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:the\s+)?(?:late\s+|early\s+|mid-?)?$", before, re.I):
        # "since last September, when 65 troops were killed" dates the event itself
        return "event" if when else "since"
    if _SINCE_CLAUSE.search(before) and not when:
        return "since"  # "since US Marines launched their assault on Fallujah on April 5"
    if _SPEECH.search(before) or _AFTERMATH.search(before) or _AS_OF.search(before):
        return "report"  # said on Tuesday; buried on Tuesday; 61 had died by Saturday: a day of the count
    return "event"


def _resolve(kind: str, m: re.Match, ref: dt.date | None, text: str) -> DateMention | None:
    role = _role(text, m.start("y") if kind in ("year", "year_span") else m.start())
    day = None
    precision = "day"
    start = end = None
    if kind == "iso":
        day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    elif kind == "slash":
        a, b = int(m["a"]), int(m["b"])
        month, dom = (b, a) if a > 12 else (a, b)  # US order unless impossible
        day = _safe_date(int(m["y"]), month, dom)
    elif kind in ("day_month", "month_day"):
        month = MONTHS[fold(m["mon"]).rstrip(".")]
        dom = int(m["d"])
        if m["y"]:
            day = _safe_date(int(m["y"]), month, dom)
        elif ref and kind == "day_month" and m["ry"]:  # "on 3 March last year"
            day = _safe_date(ref.year + _YEAR_SHIFT[fold(m["ry"])], month, dom)
        elif ref:
            day = _latest_on_or_before(ref, month, dom)
        else:
            return DateMention(m.start(), m.end(), m.group(0), "unknown", None, None, None, role)
    elif kind == "week_ending":
        end = _week_end(m, ref)
        if end is None:
            return None
        start, precision = end - dt.timedelta(days=6), "week"
    elif kind == "day_range":
        span = _day_range(m, ref)
        if span is None:
            return None
        start, end = span
        if (end - start).days == 1:  # "on the night of October 8-9": one event, dated by its first day
            day = start
        else:
            precision = "week" if (end - start).days <= 13 else "month"
    elif kind == "weekday":
        if not ref:
            return DateMention(m.start(), m.end(), m.group(0), "unknown", None, None, None, role)
        back = (ref.weekday() - WEEKDAYS[fold(m["wd"])]) % 7
        if m["last"] and back == 0:
            back = 7
        day = ref - dt.timedelta(days=back)
    elif kind == "relative_day":
        if not ref:
            return DateMention(m.start(), m.end(), m.group(0), "unknown", None, None, None, role)
        rel = fold(m["rel"])
        day = ref - dt.timedelta(days=1) if rel in ("yesterday", "overnight") or rel.startswith("last") else ref
    elif kind in ("days_ago", "weekend", "ordinal_day"):
        if not ref:
            return DateMention(m.start(), m.end(), m.group(0), "unknown", None, None, None, role)
        if kind == "days_ago":  # "the day before yesterday" names no count: two days
            count = fold(m["n"]) if m["n"] else None
            day = ref - dt.timedelta(days=2 if count is None else 1 if count in ("a", "one") else parse_single(count))
        elif kind == "weekend":
            back = (ref.weekday() - 5) % 7  # the latest Saturday on or before publication
            day = ref - dt.timedelta(days=back + (7 if fold(m.group(0)).startswith("last") and back < 2 else 0))
        else:
            dom = int(m["d"])
            day = _safe_date(ref.year, ref.month, dom) if dom <= ref.day else None
            if day is None:
                year, month = (ref.year, ref.month - 1) if ref.month > 1 else (ref.year - 1, 12)
                day = _safe_date(year, month, dom)
    elif kind == "relative_period":
        if not ref:
            return DateMention(m.start(), m.end(), m.group(0), "unknown", None, None, None, role)
        words = fold(m["rel"]).split()
        unit, this = words[-1], words[-2] in ("this", "the")
        if words[0] in ("during", "over"):  # "during the week": the seven days to the report's eve
            unit, this = "week", False
        if words[-1] in ("before", "earlier") or words[1] in ("previous", "preceding"):
            precision = "week"  # "the week before": the seven days before those
            start, end = ref - dt.timedelta(days=14), ref - dt.timedelta(days=8)
        elif unit == "week":
            precision = "week"
            start, end = ((ref - dt.timedelta(days=ref.weekday()), ref) if this
                          else (ref - dt.timedelta(days=7), ref - dt.timedelta(days=1)))
        elif unit == "month":
            precision = "month"
            year, month = (ref.year, ref.month) if this else ((ref.year, ref.month - 1) if ref.month > 1 else (ref.year - 1, 12))
            start, end = month_bounds(year, month)
        else:
            precision = "year"
            year = ref.year if this else ref.year - 1
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif kind == "quarter":
        which = {"second": 2, "third": 3, "fourth": 4, "last": 4, "final": 4}.get(fold(m["which"] or ""))
        quarter, year_text = (which, m["y"]) if which else (int(m["q"]), m["qy"])
        if not year_text and not ref:
            return DateMention(m.start(), m.end(), m.group(0), "unknown", None, None, None, role)
        year = int(year_text) if year_text else ref.year
        start, end = dt.date(year, 3 * quarter - 2, 1), month_bounds(year, 3 * quarter)[1]
        if not year_text and start > ref:  # "the last quarter of the year" in January is last year's
            start, end = start.replace(year=year - 1), end.replace(year=year - 1)
        precision = "month"
    elif kind in ("span", "first_part"):
        if not ref and not (kind == "first_part" and m["y"]):
            return DateMention(m.start(), m.end(), m.group(0), "unknown", None, None, None, role)
        count_word = fold(m["n"]) if m["n"] else None
        n = count_word and _SPAN_VAGUE.get(count_word, parse_single(count_word))
        if kind == "first_part":  # "the first six months of the year", "the first half of 2020"
            year = int(m["y"]) if m["y"] else ref.year
            months = n or {"half": 6, "quarter": 3}[fold(m["part"])]
            start, end = dt.date(year, 1, 1), month_bounds(year, min(max(months, 1), 12))[1]
            if ref and end > ref:
                end = ref
            precision = "month"
        else:  # "the past three months": back from publication
            unit = fold(m["unit"])
            end = ref
            if unit == "months":
                year, month = divmod(ref.year * 12 + ref.month - 1 - n, 12)
                start = _safe_date(year, month + 1, min(ref.day, calendar.monthrange(year, month + 1)[1]))
            else:
                start = ref - dt.timedelta(days=n * {"days": 1, "weeks": 7, "years": 365}[unit])
            precision = {"days": "week", "weeks": "week", "months": "month", "years": "year"}[unit]
    elif kind == "month":
        name = fold(m["mon"]).rstrip(".")
        if name == "may" and not (m["y"] or m["last"] or m["mod"] or re.search(r"\b(?:in|since|during|of|throughout|until|by)\s+$", text[:m.start()], re.I)):
            return None  # "may" the verb
        if name in ("mar", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec") and m.group(0)[0].islower():
            return None
        month = MONTHS[name]
        precision = "month"
        if m["y"]:
            year = int(m["y"])
        elif ref and m["ry"]:  # "in July last year", "January of this year"
            year = ref.year + _YEAR_SHIFT[fold(m["ry"])]
        elif ref:
            if m["last"] and fold(m["last"].strip()) == "last":
                year = ref.year if month < ref.month else ref.year - 1
            elif m["last"]:
                year = ref.year
            else:
                year = ref.year if month <= ref.month else ref.year - 1
        else:
            return DateMention(m.start(), m.end(), m.group(0), "unknown", None, None, None, role)
        start, end = month_bounds(year, month)
    elif kind == "year":
        precision = "year"
        start, end = dt.date(int(m["y"]), 1, 1), dt.date(int(m["y"]), 12, 31)
    elif kind == "year_span":
        if int(m["y2"]) <= int(m["y"]):
            return None  # "from 2008 to 2002" is no span; nor a page range
        precision = "year"
        start, end = dt.date(int(m["y"]), 1, 1), dt.date(int(m["y2"]), 12, 31)
    if precision == "day":
        if day is None:
            return None
        start = end = day
    return DateMention(m.start(), m.end(), m.group(0), precision, day, start, end, role)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_range(m: re.Match, ref: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of a run of days; the first month is the last one's unless named, or
    the one before when its day is later ("28 to 3 March" starts in February)."""
    if re.search(r"\band\b", m.group(0), re.I) and not (m["between"] or m["betweenb"]):
        return None
    d1, d2 = (int(re.match(r"\d+", m[g])[0]) for g in (("d1", "d2") if m["d1"] else ("d1b", "d2b")))
    mon2 = MONTHS[fold(m["mon2"] or m["mon2b"] or m["mon1b"]).rstrip(".")]
    named_first = m["mon1"] or m["mon1b"]
    mon1 = MONTHS[fold(named_first).rstrip(".")] if named_first else (mon2 if d1 <= d2 else (mon2 - 2) % 12 + 1)
    year_text = m["y"] or m["yb"]
    if year_text:
        end = _safe_date(int(year_text), mon2, d2)
    else:
        end = _latest_on_or_before(ref, mon2, d2) if ref else None
    if end is None:
        return None
    start = _safe_date(end.year - (mon1 > mon2), mon1, d1)
    if start is None or not dt.timedelta(0) < end - start <= dt.timedelta(days=62):
        return None
    return start, end


def _week_end(m: re.Match, ref: dt.date | None) -> dt.date | None:
    """The last day of "the week ending ...": a date, or a weekday on or before publication."""
    month_name, dom = (m["mon"], m["d"]) if m["mon"] else (m["monb"], m["db"])
    if month_name:
        month = MONTHS[fold(month_name).rstrip(".")]
        if m["y"]:
            return _safe_date(int(m["y"]), month, int(dom))
        return _latest_on_or_before(ref, month, int(dom)) if ref else None
    if m["wd"] and ref:
        return ref - dt.timedelta(days=(ref.weekday() - WEEKDAYS[fold(m["wd"])]) % 7)
    return None
