"""Numbers as news states them: digits, words, ranges, qualifiers and vague quantities."""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# the number words as a regex alternation, longest first ("seventeen" before "seven")
COUNT_WORDS = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))

_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN = "|".join(TENS)
_BELOW_100 = rf"(?:(?:{_TEN})(?:[- ](?:{'|'.join(k for k, v in UNITS.items() if 1 <= v <= 9)}))?|{_UNIT})"
_WORD_NUMBER = (
    rf"(?:(?:(?:a|{_BELOW_100})\s(?:hundred|thousand)(?:(?:\sand)?\s{_BELOW_100})?)|(?:half\sa|a|two|three|four|five|six)\sdozen|(?:a\s)?half-dozen|a\sscore(?=\sof\s[a-z])|a\scouple(?=\sof\s(?!(?:days|weeks|months|years|hours|minutes)\b)[a-z])|{_BELOW_100})"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d+(?![\d,]\d)"
# "1.5 million", "half a million", "two million"; not "a million-dollar"
_MILLION = r"\smillion(?!-)"
_SINGLE = rf"(?:(?:\d+\.\d+|half\sa|a){_MILLION}|(?:{_DIGITS}|{_WORD_NUMBER})(?:{_MILLION})?)"
# "1.5 to 2 million", "between 1.5 and 2 million": a decimal lower bound shares the upper's million
_DECIMAL_LOW = rf"\d+\.\d+(?=\s*(?:-|to|or|and)\s*(?:\d+(?:\.\d+)?|{_WORD_NUMBER}){_MILLION})"

QUALIFIERS: dict[str, str] = {
    "at least": "at_least", "at a minimum": "at_least", "a minimum of": "at_least", "no fewer than": "at_least",
    "not less than": "at_least", "no less than": "at_least", "at the very least": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than", "in excess of": "more_than",
    "just over": "more_than", "well over": "more_than", "above": "more_than",
    "about": "about", "around": "about", "nearly": "about", "almost": "about", "close to": "about",
    "roughly": "about", "approximately": "about", "some": "about", "an estimated": "about",
    "estimated": "about", "approx.": "about", "just under": "about", "an approximate": "about",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "fewer than": "up_to", "less than": "up_to",
    "under": "up_to", "as high as": "up_to",
}
_QUALIFIER = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))

DEFAULT_VAGUE = {"several": 3, "a few": 2, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
                 "tens": 20, "a handful": 3, "tens of thousands": 20000, "hundreds of thousands": 200000}
# "hundreds of thousands" before "hundreds": the magnitude word belongs to the vague word
_VAGUE = r"(?:tens|hundreds)\s+of\s+thousands|several|a\sfew|a\shandful|dozens|scores|hundreds|thousands|tens"

NUMBER_PATTERN = re.compile(
    rf"""(?<![\w$£€.,/:-])
    (?:(?P<qual>{_QUALIFIER})\s+)?
    (?:
        between\s+(?P<between_lo>{_DECIMAL_LOW}|{_SINGLE})\s+and\s+(?P<between_hi>{_SINGLE})
      | (?P<vague>{_VAGUE})(?="?\s+(?:of\b|more\b|[a-z])|[.,;]|$)
      | all\s+but\s+(?P<but>{_SINGLE})\s+of\s+(?:the\s+)?(?P<but_total>{_SINGLE})
      | (?P<lo>{_DECIMAL_LOW}|{_SINGLE})(?:\s*(?:-|to|or)\s*(?P<hi>{_SINGLE}))?
    )
    (?P<suffix>\s+or\s+more|\s+or\s+so\b|-?\s?plus\b|\+(?!\d)|-odd\b)?
    (?![\w%]|,\d|\.\d|-(?:year|month|week|day|hour|minute|mile|kilomet|km|storey|story|point|member|strong|man\b|person))""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class NumberPhrase:
    start: int
    end: int
    text: str
    low: int
    high: int | None
    qualifier: str  # exact, about, at_least, more_than, up_to, range, vague
    vague_term: str | None = None

    @property
    def is_vague(self) -> bool:
        return self.vague_term is not None


def parse_single(text: str) -> int | None:
    """'2,605' -> 2605, 'Seventy-one' -> 71, 'two dozen' -> 24, 'a hundred and five' -> 105,
    '1.5 million' -> 1500000."""
    cleaned = text.strip().lower().replace(",", "")
    if cleaned.isdigit():
        return int(cleaned)
    words = cleaned.replace("-", " ").split()
    if not words:
        return None
    if words[-1] == "million" and len(words) > 1:
        head = " ".join(words[:-1])
        if re.fullmatch(r"\d+(?:\.\d+)?", head):
            return round(float(head) * 1_000_000)
        count = {"a": 1, "half a": 0.5}.get(head) or parse_single(head)
        return round(count * 1_000_000) if count else None
    if words == ["a", "couple"]:
        return 2  # "a couple of civilians"
    if words[-1] == "score":
        return 20 if words[0] in ("a", "one") else None  # "a score of pilgrims"
    if words[-1] == "dozen":
        multiplier = {"a": 1, "half": 0.5, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(
            "half" if "half" in words else words[-2] if len(words) > 1 else "")
        return int(12 * multiplier) if multiplier else None
    total, current = 0, 0
    for word in words:
        if word in ("and",):
            continue
        if word == "a":
            current = 1
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current


_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_BEFORE = re.compile(rf"\b{_MONTHS}\s+$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b", re.IGNORECASE)
_WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# the first day of a run: "between Monday 24 and Sunday 30 March", "from 28 to 3 April" ("On Monday
# 12 soldiers were killed" is a count: a weekday alone does not make a date)
_RUN_OF_DAYS_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:-|\u2013|to|and|until|till|through)\s*(?:{_WEEKDAYS},?\s+)?"
                                rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b", re.IGNORECASE)
_NOT_PEOPLE_BEFORE = re.compile(r"(?:[$£€](?:\d[\d.,]*\s*(?:-|to|or|and))?|\b(?:rs|usd|no|number|aged|age|ages|page|article|resolution|route|highway|road|km|kilometre|mile|room|flight|brigade|division|battalion|grade|level|class|phase|chapter|section|paragraph|verse|unit|camp|sector|district|block|street|apartment|building|bus|vol)\.?)\s*$",
                                re.IGNORECASE)
_NOT_PEOPLE_AFTER = re.compile(
    r"^\s*(?:%|percent\b|per\s?cent\b|years?\b|months?\b|weeks?\b|days?\b|hours?\b|minutes?\b|seconds?\b|decades?\b|"
    r"centuries\b|km\b|kilomet|miles?\b|met(?:er|re)s?\b|feet\b|kg\b|kilos?\b|tons?\b|tonnes?\b|dollars?\b|euros?\b|"
    r"pounds?\b|dinars?\b|rupees?\b|million\b|billion\b|trillion\b|am\b|pm\b|a\.m|p\.m|o'clock|times\b|"
    r"(?:mm|cm)\b|degrees?\b|points?\b|votes?\b|seats?\b|:\d|head\s+of\b)",
    re.IGNORECASE,
)
_AGE_BOUND_BEFORE = re.compile(r"\b(?:of\s+them|of\s+whom|aged|all|most|many)\s+$", re.IGNORECASE)
_NO_NOUN_AFTER = re.compile(r"\s*(?:[.,;:)]|$|years\b|and\b)")
# the later ages of a list: "aged 8, 10 and 13"
_AGE_LIST_BEFORE = re.compile(r"\baged?\s+\d{1,3}(?:\s*,\s*\d{1,3})*\s*(?:,|\band|,\s*and|\bor)\s*$", re.IGNORECASE)
# A four-digit number in this range is a year unless a noun of people follows it.
_YEAR = range(1900, 2100)


def _beside_month(before: str, after: str) -> bool:
    """A month name right before or after the number ("March 3", "3rd of March")."""
    return bool(_DATE_BEFORE.search(before) or _DATE_AFTER.match(after))


def is_date_or_measure(text: str, start: int, end: int, value: int, raw: str) -> bool:
    """Numbers that are dates, years, measures, money or labels, never counts of people."""
    before, after = text[:start], text[end:]
    # days of the month are written in digits: "3 March" is a date, "Twenty March 23 Movement
    # fighters" and "in March seven people died" are not
    if any(ch.isdigit() for ch in raw) and (_beside_month(before, after) or (
            value <= 31 and _RUN_OF_DAYS_AFTER.match(after))):
        return True
    if _NOT_PEOPLE_BEFORE.search(before) or _NOT_PEOPLE_AFTER.match(after) or _AGE_LIST_BEFORE.search(before[-40:]):
        return True
    return raw.isdigit() and len(raw) == 4 and value in _YEAR


def find_numbers(text: str, vague_values: dict[str, int] | None = None) -> list[NumberPhrase]:
    """Number phrases in a sentence that could count people (dates, years, measures, money dropped)."""
    vague_values = vague_values or DEFAULT_VAGUE
    found = []
    for match in NUMBER_PATTERN.finditer(text):
        if match.group("lo") and not match.group("hi") and is_date_or_measure(
                text, match.start("lo"), match.end(), parse_single(match.group("lo")) or 0, match.group("lo")):
            continue
        if (match.group("hi") and _DATE_BEFORE.search(text[:match.start()])
                and re.fullmatch(r"\s+to\s+", text[match.end("lo"):match.start("hi")])
                and not _NOT_PEOPLE_AFTER.match(text[match.end():])):
            # "began on Oct. 7 to 38,713": the day of a date, then "to" and a count
            high = parse_single(match.group("hi"))
            # only a count no day can be ("March 3 to 5" is a span of days)
            if high is not None and high > 31 and not is_date_or_measure(text, match.start("hi"), match.end(), high, match.group("hi")):
                found.append(NumberPhrase(match.start("hi"), match.end(), text[match.start("hi"):match.end()], high, high, "exact"))
            continue
        if (match.group("between_hi") or match.group("hi")) and (
                _beside_month(text[:match.start()], text[match.end():]) or _NOT_PEOPLE_BEFORE.search(text[:match.start()])
                or _NOT_PEOPLE_AFTER.match(text[match.end():])):
            continue  # "between 10 and 13 June", "March 3-5" are dates; "aged 20-30", "10 to 15 percent" are not people
        if (match.group("qual") or "").lower() in ("under", "over", "above", "below") and _AGE_BOUND_BEFORE.search(
                text[:match.start()]) and _NO_NOUN_AFTER.match(text[match.end():]):
            continue  # "dozens of wounded, most of them under 25": an age, not a count
        phrase = _phrase(match, vague_values)
        if phrase is not None:
            found.append(phrase)
    if "of them" in text or "of whom" in text or "of the" in text:
        found = _fractions_of_a_count(text, found)
    return _join_hedged_ranges(text, found)


# "Twelve Maoists, half of them women": a share of the exact count before it, when it comes out whole
_FRACTION_OF = re.compile(r"\b(?P<share>half|a\s+third|a\s+quarter|a\s+fifth|two[\s-]thirds|three[\s-]quarters)"
                          r"(?=\s+of\s+(?:them|whom|the\s+(?:dead|victims|killed|wounded|injured))\b)", re.IGNORECASE)
_SHARES = {"half": (1, 2), "a third": (1, 3), "a quarter": (1, 4), "a fifth": (1, 5), "two thirds": (2, 3),
           "three quarters": (3, 4)}


def _fractions_of_a_count(text: str, found: list[NumberPhrase]) -> list[NumberPhrase]:
    shares = []
    for match in _FRACTION_OF.finditer(text):
        whole = next((n for n in reversed(found) if n.end <= match.start()), None)
        if whole is None or whole.qualifier != "exact" or whole.high != whole.low:
            continue
        top, bottom = _SHARES[" ".join(match.group("share").lower().replace("-", " ").split())]
        if whole.low * top % bottom == 0:
            value = whole.low * top // bottom
            shares.append(NumberPhrase(match.start(), match.end(), match.group(0), value, value, "exact"))
    if not shares:
        return found
    # "two-thirds" is no count of two
    kept = [n for n in found if not any(share.start <= n.start < share.end for share in shares)]
    return sorted(kept + shares, key=lambda n: n.start)


# "at least 30, and possibly as many as 50, people": one figure, from the floor to the hedged top
HEDGES = ("possibly", "perhaps", "maybe", "probably", "potentially")
_HEDGE = r"(?:and|but|or)\s+(?:" + "|".join(HEDGES) + r")\s+"
_HEDGED_TOP_GAP = re.compile(r",?\s+" + _HEDGE, re.IGNORECASE)


# "At least 30 people, and possibly as many as 50, were killed": the hedged top is an aside after
# the victims, so the figure keeps its own words and the victims stay right after it
_NOUN_BEFORE_HEDGED_TOP = re.compile(r"\s+[a-z]+(?:[\s-][a-z]+){0,2},\s+" + _HEDGE, re.IGNORECASE)


def _join_hedged_ranges(text: str, found: list[NumberPhrase]) -> list[NumberPhrase]:
    joined: list[NumberPhrase] = []
    for phrase in found:
        low = joined[-1] if joined else None
        if (low is None or low.qualifier not in ("at_least", "exact", "about") or phrase.qualifier != "up_to"
                or phrase.low <= low.low):
            joined.append(phrase)
        elif _HEDGED_TOP_GAP.fullmatch(text, low.end, phrase.start):
            end = phrase.end + (1 if text[phrase.end:phrase.end + 1] == "," else 0)
            joined[-1] = NumberPhrase(low.start, end, text[low.start:end], low.low, phrase.low, "range")
        elif _NOUN_BEFORE_HEDGED_TOP.fullmatch(text, low.end, phrase.start) and text[phrase.end:phrase.end + 1] == ",":
            joined[-1] = NumberPhrase(low.start, low.end, low.text, low.low, phrase.low, "range")
        else:
            joined.append(phrase)
    return joined


def _scaled_like(low: int | None, low_text: str, high_text: str) -> int | None:
    """'1 to 2 million': the lower bound shares the upper's 'million'."""
    if not high_text.lower().endswith("million") or low_text.lower().endswith("million"):
        return low
    if re.fullmatch(r"\d+\.\d+", low_text):
        return round(float(low_text) * 1_000_000)
    return low * 1_000_000 if low is not None and low < 1000 else low


def _phrase(match: re.Match, vague_values: dict[str, int]) -> NumberPhrase | None:
    qualifier = QUALIFIERS.get((match.group("qual") or "").lower(), "exact")
    suffix = (match.group("suffix") or "").strip().lower()
    vague_term = None
    if match.group("vague"):
        vague_term = " ".join(match.group("vague").lower().split())
        low, high, qualifier = vague_values.get(vague_term, DEFAULT_VAGUE.get(vague_term, 0)), None, "vague"
    elif match.group("between_lo"):
        low, high = parse_single(match.group("between_lo")), parse_single(match.group("between_hi"))
        low = _scaled_like(low, match.group("between_lo"), match.group("between_hi"))
        qualifier = "range"
    elif match.group("but"):
        but, total = parse_single(match.group("but")), parse_single(match.group("but_total"))
        if but is None or total is None or but >= total:
            return None
        low = high = total - but
    else:
        low = parse_single(match.group("lo"))
        high = parse_single(match.group("hi")) if match.group("hi") else low
        if match.group("hi"):
            low = _scaled_like(low, match.group("lo"), match.group("hi"))
            if high is None or low is None or high <= low:
                return None  # "12-4" is a score, not a range
            qualifier = "range"
    if low is None:
        return None
    if suffix == "or so" and qualifier == "exact":
        qualifier = "about"  # "a dozen or so"
    if suffix == "-odd":
        qualifier = "about"  # "40-odd": forty and a few
    if suffix == "or more":
        qualifier, high = "at_least", None
    elif suffix.endswith("plus") or suffix == "+":
        qualifier, high = "more_than", None
    if qualifier in ("at_least", "more_than") or vague_term:
        high = None
    return NumberPhrase(match.start(), match.end(), match.group(0), low, high, qualifier, vague_term)
