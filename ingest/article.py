"""What the article rules share: the claim and sentence records they pass around, the dateline
finder and the patterns more than one rule module reads."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .claims import SentenceClaim
from .dates import DateMention, find_dates
from .gazetteer import Mention, blank_names
from .sentences import Sentence


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# "MOSUL, Iraq (Reuters) -", "KABUL, March 3:", "ZAWIYA, Libya, 14 March 2024 –", "(Translated from French) Bamako -"
_DATELINE = re.compile(
    r"(?:\([^)\n]{1,40}\)\s*)?(?P<place>[A-Z][A-Za-z'.\- ]{1,40}?)"
    r"(?:,\s*[A-Z][A-Za-z .]{1,40}?){0,2}"
    r"(?:,?\s*(?:" + _MONTH + r"\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+" + _MONTH + r"(?:\s+\d{4})?))?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*(?:--|[-\u2013\u2014:]|/\s*[A-Z][A-Za-z .]{1,20}\s*/)\s"
)


def _opens_with_colon(dateline: re.Match) -> bool:
    """'Mali:' rather than 'MOSUL, Iraq (Reuters) -': on a short line of its own, a headline's topic."""
    return dateline.group(0).rstrip().endswith(":")


def find_dateline(body: str) -> re.Match | None:
    """A dateline ("MOSUL, Iraq (Reuters) -", "KABUL, March 3:", "Najaf / NINA /") at the start of one of
    the first lines: a headline or a byline may come before it."""
    position = 0
    headline = None
    for _ in range(4):
        match = _DATELINE.match(body, position, min(len(body), position + 200))
        newline = body.find("\n", position)
        if match:
            line = body[position:newline if newline >= 0 else len(body)]
            if not (_opens_with_colon(match) and len(line) < 120 and not line.rstrip().endswith(".")):
                return match
            # "Burkina Faso: eleven gendarmes fall in ambush" is a headline; a dateline may follow it
            headline = headline or match
        if newline < 0:
            return headline
        position = newline + 1
        while position < len(body) and body[position] == "\n":
            position += 1
    return headline
_AGGREGATE = re.compile(r"\b(?:overall|in\s+total|altogether|in\s+all\b|a\s+total\s+of|nationwide|country-?wide|"
                        r"combined|tally|tallies|across\s+the\s+(?:country|city|capital|province|region)|"
                        r"(?:wave|series|string|spate|rash|flurry|barrage)\s+of\s+(?:[\w-]+\s+){0,2}"
                        r"(?:attacks|bombings|blasts|explosions|strikes|airstrikes|raids|bombs|assaults|shootings)|"
                        r"in\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|various|multiple|different|separate)\s+"
                        r"(?:separate\s+|different\s+)?(?:provinces|districts|cities|towns|areas|governorates|regions|states|"
                        r"neighbou?rhoods|attacks|incidents|bombings)|"
                        r"on\s+(?:the\s+)?(?:various|several|multiple|different|all|\w+)\s+fronts)"
                        # a bulletin's closing line: "Total for the period: 14 dead", "Totals: 9 killed"
                        r"|^\W*totals?\b(?:[^:.\d]|\d{1,3}(?=\s+(?:hours|days|weeks)\b)){0,30}:",
                        re.IGNORECASE)
_LATEST_OF = re.compile(r"\b(?:latest|newest|last|most\s+recent)\s+(?:in|of)\s+(?:a|the)\s+$", re.IGNORECASE)
_TWIN = re.compile(r"\b(?:twin|double|triple)\s+(?:[\w-]+\s+)?(?:bombings|blasts|explosions|attacks|strikes)\b", re.IGNORECASE)
_SPAN_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10, "fourteen": 14}
_SINGLE_EVENT = re.compile(r"\b(?:bomb(?:ing|s)?|blast|explosion|attack|ambush|raid|strike|airstrike|air\s+strike|drone|"
                           r"shooting|shelling|suicide|mortar|rocket|missile|stampede|crash|firefight|gunfight|"
                           r"assault\s+on|massacre|IED|grenade|checkpoint|convoy|landmine|mine)s?\b", re.IGNORECASE)
# a date naming the event a toll is of: "last week's bombing", "the March bombing"
_EVENT_AFTER = re.compile(r"['\u2019]s?\b|\s+(?:[\w-]+\s+)?" + _SINGLE_EVENT.pattern.removeprefix(r"\b"), re.IGNORECASE)
_HOURS_LONG = re.compile(r"\b(?:[\w]+-hours?(?:-long)?|hours-long|day-long|all-night)\s+(?:[\w-]+\s+)?"
                         r"(?:siege|assault|battle|attack|standoff|stand-off|gunfight|firefight|clash(?:es)?|fighting|raid)\b",
                         re.IGNORECASE)
_BREAKDOWN_LEAD = re.compile(r"^(?:In|During|Of)\s+(?:one|the\s+(?:first|second|deadliest|worst)|a\s+single)\b|"
                             r"^(?:Among|Of)\s+(?:them|the\s+dead|those|the\s+victims)|^(?:They|These)\s+included\b",
                             re.IGNORECASE)


@dataclass
class Context:
    """Per-sentence facts the claim rules look up (dates found only when a rule asks)."""

    sentence: Sentence
    places: list[Mention]
    actors: list[Mention]
    demonyms: list[Mention]
    published: dt.date | None = None
    dateline: tuple[int, int] = (0, 0)
    claims: list["ArticleClaim"] = field(default_factory=list)
    titleish: bool = False
    list_item: bool = False  # in a paragraph that opens with a bullet ("- Baquba: Gunmen killed ...")
    _dates: list[DateMention] | None = None
    _masked: str | None = None

    @property
    def masked(self) -> str:
        """The sentence with names blanked out, for keyword rules: "Second Marquetalia" is not a
        second event, "Islamic State" no state of anything."""
        if self._masked is None:
            self._masked = blank_names(self.sentence.text, self.actors + self.places + self.demonyms)
        return self._masked

    @property
    def dates(self) -> list[DateMention]:
        if self._dates is None:
            # Not a date: the dateline's, or one inside a name ("the March 23 Movement", "9 Nisan Street").
            names = self.actors + self.places
            self._dates = [d for d in find_dates(self.sentence.text, self.published)
                           if not self.dateline[0] <= self.sentence.start + d.start < self.dateline[1]
                           and not any(m.start < d.end and d.start < m.end for m in names)]
        return self._dates


@dataclass
class ArticleClaim:
    """A sentence's claim in its article: where, when, its scope and how it relates to the others."""

    sc: SentenceClaim
    ctx: Context
    place_id: str | None = None
    place_text: str | None = None
    place_source: str = "none"
    event_date: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    precision: str = "unknown"
    scope: str = "incident"
    parent: "ArticleClaim | None" = None
    restates: "ArticleClaim | None" = None
    same_event: "ArticleClaim | None" = None  # another count of the incident this claim tells
    spread: bool = False  # tied to several places none of which holds the others ("Peshawar, Bannu and Kohat")
    places_listed: tuple[str, ...] = ()  # those places
    victim_class: str = "mixed_unknown"
    victims_text: str | None = None
    victim_actor: str | None = None
    perpetrator: str | None = None
    own_date: bool = False
    context_date: bool = False  # dated by a sentence of its paragraph, not by a default

    @property
    def start(self) -> int:
        return self.ctx.sentence.start + self.sc.start

    @property
    def end(self) -> int:
        return self.ctx.sentence.start + self.sc.end

    @property
    def low(self) -> int:
        return self.sc.number.low


_DAYS_APART = re.compile(r"\b(?P<n>a|one|two|three|four|five|six)\s+days?\s+(?P<dir>after|before|earlier|later)\b"
                         r"(?!\s+\w+ing\b)", re.I)  # not "... a day before blowing himself up"
_RATE_BEFORE = re.compile(r"(?:\d|dinars|dollars|euros|pounds|rupees|afghanis|shillings|naira|cents)\s+$", re.I)


# An earlier count of a toll told before it: "Police had initially put the toll at 29", "Initial
# reports spoke of 11 dead", "an earlier figure of 11", "officials had said 36 people were killed".
# A bare pluperfect after a speech verb is reported speech ("police said they had counted 12"), not
# an earlier count; "Earlier, the source put the toll at 17" is one unless it names an attack of
# its own ("Earlier, police said a bomb killed five").
_COUNT_VERB = r"(?:said|put|reported|gave|given|confirmed|announced|cited|counted|recorded|spoke\s+of|estimated)"
_EARLIER_ADVERB = r"(?:earlier|initially|previously|first|originally)"
_EARLIER_WORD = re.compile(r"earl|initial|first|previous|original|prelim|had\s", re.IGNORECASE)  # what each form holds
_EARLIER_COUNT = re.compile(
    rf"\bhad\s+{_EARLIER_ADVERB}\s+(?:on\s+\w+\s+)?(?:{_COUNT_VERB}|been\s+reported)\b"
    rf"|\b{_EARLIER_ADVERB}\s+{_COUNT_VERB}\b"
    r"|\b(?:initial|first|early|earlier|preliminary|previous|original)\s+(?:official\s+)?(?:reports?|figures?|tolls?|counts?|"
    r"tall(?:y|ies)|estimates?)\b", re.IGNORECASE)
_PLUPERFECT_COUNT = re.compile(rf"\bhad\s+(?:on\s+\w+\s+)?{_COUNT_VERB}\b", re.IGNORECASE)
# a source speaking: "police said", "according to a doctor"
_SPEECH_WORD = re.compile(r"\b(?:said|says|told|added|reported|quoted|according\s+to)\b", re.IGNORECASE)
_EARLIER_OPENING = re.compile(rf"^\W*earlier\b[^;]*\b{_COUNT_VERB}\b", re.IGNORECASE)


_OTHER_PERIOD = re.compile(r"\b(?:last|previous|prior|preceding|month|week|year)\b", re.IGNORECASE)


# "A hospital official said nine people had died": a figure a source gives, in a sentence that
# tells of no new event ("a second blast") and adds nothing ("also", "more", "other")
_NEW_EVENT = re.compile(r"\b(?:a|an|another|second|third|separate|other|earlier|later)\s+(?:[\w-]+\s+)?"
                        + _SINGLE_EVENT.pattern.removeprefix(r"\b"), re.IGNORECASE)


def _aggregate(text: str) -> bool:
    """A total over several events; "the latest in a string of attacks" is one of them."""
    return any(not _LATEST_OF.search(text[:m.start()]) for m in _AGGREGATE.finditer(text))
_ADDS = re.compile(r"\b(?:also|too|more(?!\s+than)|other|others|another|further|additional|besides|as\s+well)\b",
                   re.IGNORECASE)
# a table row: "Baghdad: 287 killed, 713 injured" (a label that is no outcome word: not "Fatalities: 8")
_LABEL_LINE = re.compile(r"^\s*(?:[-\u2022*]\s*)?(?!(?:fatalities|deaths|dead|killed|injured|wounded|casualties|injuries|"
                         r"missing|kidnapped|abducted|toll|death toll|total)\s*:)[A-Z][\w'\u2019 .-]{1,40}:\s*(?:[a-z]+\s+)?\d", re.I)
_LEFT_OUT = re.compile(r"\b(?:not\s+counting|excluding|apart\s+from|besides|on\s+top\s+of|in\s+addition\s+to)\b[^.;]*", re.IGNORECASE)
_SIDES = re.compile(r"\b(?:fighters|combatants|militants|insurgents|rebels|civilians|non-combatants)\b", re.IGNORECASE)


def _clause_after(text: str, at: int) -> str:
    """The rest of the figure's clause: up to a semicolon, a full stop or ', and' / ', while' / ', but'."""
    rest = text[at:at + 80]
    end = re.search(r"[;.]|,\s*(?:and|while|but|as|whereas)\b", rest)
    return rest[:end.start()] if end else rest


# "Baghdad and southern Iraq": a compass word may open the next place of a list
_LIST_GAP = re.compile(r"\s*(?:,|and|or|, and)\s*(?:(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western|"
                       r"north-?eastern|north-?western|south-?eastern|south-?western)\s+)?", re.IGNORECASE)
