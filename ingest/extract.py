"""From one article version to claim rows and mention rows (columns of raw.claim_events / mention_events).

Sentence-level binding lives in `claims`; this module adds what needs the whole article:
where (sentence, paragraph before, dateline), when (resolved against the publication date,
with context from neighbouring sentences), scope, breakdowns across sentences, and
restatements (headlines, recaps) that must never add.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .claims import RANKS_OF_EITHER_SIDE, TALLY_OUTCOMES, SentenceAnalyser, SentenceClaim
from .config import SEEDS_DIR
from .dates import MONTHS, DateMention, find_dates, month_bounds
from .gazetteer import EXTRACTION_SEEDS, Actor, Gazetteer, Mention, blank_names, load, outcome_positions
from .numbers import NumberPhrase, parse_single
from .sentences import Sentence, split_sentences

_RULE_FILES = ("claims.py", "dates.py", "extract.py", "gazetteer.py", "numbers.py", "sentences.py", "textclean.py")


def _extractor_version() -> str:
    """Code version plus a digest of the rules and the reference data they read."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for name in _RULE_FILES:
        digest.update((here / name).read_bytes())
    for name in EXTRACTION_SEEDS:
        path = SEEDS_DIR / name
        if path.exists():
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


EXTRACTOR_VERSION = _extractor_version()

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
_REGION = re.compile(r"\b(?:southern|northern|eastern|western|central|north(?:ern)?-?(?:east|west)(?:ern)?|"
                     r"south(?:ern)?-?(?:east|west)(?:ern)?|north|south|east|west)\s+$", re.IGNORECASE)
_DISTRIBUTIVE = re.compile(r"\b(?:across|throughout|nationwide|country-?wide|overall|in\s+total|altogether|in\s+all\b|"
                           r"a\s+total\s+of|other\s+(?:\w+\s+)?(?:areas|cities|towns|provinces|parts|regions|districts)|"
                           r"several\s+(?:cities|provinces|towns|areas))", re.IGNORECASE)
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
_CUMULATIVE = re.compile(r"\b(?:so\s+far|to\s+date|thus\s+far|since\s+(?:the\s+)?(?:start|beginning|outbreak|onset)|"
                         r"since\s+(?:the\s+)?(?:\w+\s+){0,3}(?:began|started|erupted|broke\s+out|was\s+launched)|"
                         r"running\s+toll|cumulative|in\s+the\s+(?:\w+\s+)?(?:weeks|months|years)\s+since)", re.IGNORECASE)
_TO_DATE = re.compile(r"\b(?:so\s+far|to\s+date|thus\s+far)\b", re.IGNORECASE)
_LATEST_OF = re.compile(r"\b(?:latest|newest|last|most\s+recent)\s+(?:in|of)\s+(?:a|the)\s+$", re.IGNORECASE)
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|highest|lowest|first|most\s+\w+)\b"
                                 r"[^.;]{0,40}$", re.IGNORECASE)
_TWIN = re.compile(r"\b(?:twin|double|triple)\s+(?:[\w-]+\s+)?(?:bombings|blasts|explosions|attacks|strikes)\b", re.IGNORECASE)
_COUNTRYWIDE = re.compile(r"\b(?:across|throughout|around)\s+the\s+country\b|\bnationwide\b|\bcountry-?wide\b", re.IGNORECASE)
_SEVERAL_REGIONS = re.compile(r"\b(?:in|across)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|multiple)\s+"
                              r"(?:provinces|governorates|states|regions|oblasts|departments)\b", re.IGNORECASE)
_SHARE_OF = re.compile(r"\s+(?:accounted\s+for|for)\s+", re.IGNORECASE)
_SEVERAL_COUNTRIES = re.compile(r"\b(?:across|in|throughout)\s+(?:the\s+)?(?:two|three|four|five|six|\d+|several|many|all)?\s*"
                                r"(?:\w+\s+)?countries\b", re.IGNORECASE)
_ACROSS = re.compile(r"\b(?:across|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
_BETWEEN_PLACES = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)
# "over the past 24 hours", "in the last three days": a span ending on the reporting day
_RECENT_SPAN = re.compile(r"\b(?:over|in|during|within|for)\s+the\s+(?:past|last|previous|preceding)\s+"
                          r"(?:(?P<n>\d{1,3}|two|three|four|five|six|seven|ten|fourteen)\s+)?(?P<unit>hours|days|day|week)\b",
                          re.IGNORECASE)
_SPAN_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10, "fourteen": 14}
# "Roadside bombs killed 320 civilians during the period": the period of the figure before
_SAME_PERIOD = re.compile(r"\b(?:during|in|over|within|for|throughout)\s+(?:the\s+same|that|this|the)\s+(?:time\s+)?period\b|"
                          r"\bin\s+the\s+same\s+(?:month|week|year|months|weeks)\b|\bover\s+the\s+same\s+(?:time|span)\b|"
                          r"\b(?:during|in|over)\s+the\s+(?:same\s+)?(?:month|week)\b(?!\s+of\b)",
                          re.IGNORECASE)
_PRESENT_PERFECT = re.compile(r"\b(?:have|has)\s+(?:now\s+|so\s+far\s+|also\s+)?(?:been\s+)?(?:killed|wounded|injured|died|lost|"
                              r"claimed|left|missing)\b", re.IGNORECASE)
# A running toll of this size with no day of its own is a cumulative figure even in a sentence naming an attack.
_LARGE_TOLL = 50
_FEW = 12  # at most this many dead in one town with a coarse date are taken for one event
_MANY_EVENTS = re.compile(r"\b(?:attacks|bombings|blasts|explosions|airstrikes|strikes|raids|clashes|shootings|incidents|"
                          r"operations|killings|violence|fighting)\b", re.IGNORECASE)
_SINGLE_EVENT = re.compile(r"\b(?:bomb(?:ing|s)?|blast|explosion|attack|ambush|raid|strike|airstrike|air\s+strike|drone|"
                           r"shooting|shelling|suicide|mortar|rocket|missile|stampede|crash|firefight|gunfight|"
                           r"assault\s+on|massacre|IED|grenade|checkpoint|convoy|landmine|mine)s?\b", re.IGNORECASE)
# a date naming the event a toll is of: "last week's bombing", "the March bombing"
_EVENT_AFTER = re.compile(r"['\u2019]s?\b|\s+(?:[\w-]+\s+)?" + _SINGLE_EVENT.pattern.removeprefix(r"\b"), re.IGNORECASE)
_CAMPAIGN_CAUSE = re.compile(r"\b(?:in|during|since|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:crackdown|offensive|campaign|war|"
                             r"conflict|insurgency|uprising|siege|violence|unrest)\b", re.IGNORECASE)
# one event that lasted hours: "in a five-hour siege of a hotel", "an hours-long assault", "a day-long battle"
_TIMED_ENTRY = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*(?:GMT|UTC|EAT|local(?:\s+time)?|[ap]\.?m\.?))?\s*(?:-|\u2013|\u2014|:)\s")
_HOURS_LONG = re.compile(r"\b(?:[\w]+-hours?(?:-long)?|hours-long|day-long|all-night)\s+(?:[\w-]+\s+)?"
                         r"(?:siege|assault|battle|attack|standoff|stand-off|gunfight|firefight|clash(?:es)?|fighting|raid)\b",
                         re.IGNORECASE)
_ONSET = re.compile(r"\b(?:erupted|broke\s+out|began|begun|started|launched|ordered|escalated|flared|since)\b", re.IGNORECASE)
_BREAKDOWN_LEAD = re.compile(r"^(?:In|During|Of)\s+(?:one|the\s+(?:first|second|deadliest|worst)|a\s+single)\b|"
                             r"^(?:Among|Of)\s+(?:them|the\s+dead|those|the\s+victims)|^(?:They|These)\s+included\b",
                             re.IGNORECASE)
_ANAPHORA = re.compile(r"\b(?:the|those|these)\s+(?:attacks?|blasts?|bombings?|clashes|violence|fighting|explosions?|"
                       r"dead|victims|raids?|ambush|assault|strikes?|operation|incident|shooting|shelling)\b", re.IGNORECASE)
# "the bodies of eight of them were found a month later": a part, or a time of its own
_PART_OR_OWN_TIME = re.compile(r"\bof\s+(?:them|those|these|whom)\b|\b(?:later|earlier|afterwards)\b", re.IGNORECASE)
_ANOTHER = re.compile(r"\b(?:another|separate(?:ly)?|second|elsewhere|in\s+a\s+different|earlier|later\s+in)\b", re.IGNORECASE)
_SPEECH_AFTER = re.compile(r"^\s{0,2}(?:said|says|spokesman|spokeswoman|spokesperson|told|statement|reported|announced)\b", re.IGNORECASE)
# A party to the fighting speaking of the other side's losses ("The Taliban said they had killed
# 20 policemen", "the army said it killed 40 militants"): its figure is a claim, often inflated
_SPEAKS_AFTER = re.compile(r"(?:'s)?\s{1,2}(?:\w+\s+)?(?:said|says|claimed|claims|spokesman|spokeswoman|spokesperson|"
                           r"statement|announced|told)\b", re.IGNORECASE)
_SPEAKER_BEFORE = re.compile(r"\b(?:according\s+to|spokes(?:man|woman|person)\s+for|statement\s+(?:from|by|of)|claimed\s+by)"
                             r"\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
_SIDE_SPEAKER = re.compile(r"\b(?:(?P<state>army|military|troops|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|"
                           r"security\s+forces|interior\s+ministry)|(?P<group>militants|rebels|insurgents|jihadists|"
                           r"the\s+group|militias?))(?:'s)?\s{1,2}(?:\w+\s+)?(?:said|says|claimed|claims|spokesman|"
                           r"spokeswoman|spokesperson|statement|announced)\b", re.IGNORECASE)
_BOTH_SIDES = re.compile(r"\b(?:both|two|either)\s+sides\b", re.IGNORECASE)
_ACTOR_SIDE = {"state_forces": "state", "foreign_military": "state", "government": "state",
               "insurgent_group": "group", "militia": "group"}
_VICTIM_SIDE = {"security_forces": "state", "foreign_military": "state", "militants": "group"}



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


class ArticleExtractor:
    def __init__(self, gaz: Gazetteer | None = None):
        self.gaz = gaz or load()
        self.analyser = SentenceAnalyser(self.gaz)

    # -- entry point ---------------------------------------------------------------------

    def extract(self, body: str, published: dt.date | None, content_sha256: str) -> tuple[list[dict], list[dict]]:
        found = self.gaz.mentions(body)
        sentences = split_sentences(body, {m.end for m in found if m.kind != "demonym"})
        starts = [s.start for s in sentences]
        mentions = self.gaz.drop_namesakes(self.gaz.disambiguate(found),
                                           lambda at: bisect.bisect_right(starts, at) - 1, body)
        mention_rows = self._mention_rows(mentions, sentences, content_sha256)
        outcome_ends = outcome_positions(body.lower())
        if not outcome_ends:
            return [], mention_rows
        dateline_match = find_dateline(body)
        span = (dateline_match.start(), dateline_match.end()) if dateline_match else (0, 0)
        in_text = [m for m in mentions if not span[0] <= m.start < span[1]]
        contexts = self._contexts(body, sentences, in_text, published, outcome_ends, span)
        claims = [claim for ctx in contexts for claim in ctx.claims]
        if not claims:
            return [], mention_rows
        dateline = self._dateline(body, mentions)
        article_country = self._article_country(mentions, dateline)
        for claim in claims:
            self._place(claim, contexts, dateline, article_country)
            self._victims(claim, contexts, article_country)
        last_day: dict[int, dt.date] = {}
        for claim in claims:
            self._when(claim, contexts, published, last_day)
            _previous_period(claim)
            self._national_toll(claim, contexts)
        self._link_breakdowns(claims, contexts)
        self._link_table_rows(claims)
        self._link_restatements(claims)
        self._link_totals_after_parts(claims, contexts)
        self._link_items_of_a_day(claims)
        self._dates_from_parents(claims)
        self._nest_parts_within_parents(claims)
        self._link_other_counts(claims)
        return [self._row(c, body, published, content_sha256) for c in claims], mention_rows

    # -- per sentence ----------------------------------------------------------------------

    def _contexts(self, body: str, sentences: list[Sentence], mentions: list[Mention], published: dt.date | None,
                  outcome_ends: list[int], dateline: tuple[int, int] = (0, 0)) -> list[Context]:
        starts = [s.start for s in sentences]
        flagged = {bisect.bisect_right(starts, end) - 1 for end in outcome_ends}
        buckets: list[list[Mention]] = [[] for _ in sentences]
        for mention in mentions:
            i = bisect.bisect_right(starts, mention.start) - 1
            if i >= 0 and mention.end <= sentences[i].end:
                buckets[i].append(mention)
        contexts = []
        bullet_paragraphs = {s.paragraph for k, s in enumerate(sentences)
                             if (k == 0 or sentences[k - 1].paragraph != s.paragraph) and _BULLET.match(s.text)}
        heading = None  # the heading of the table whose rows follow ("Civilians killed by province")
        for index, (sentence, found) in enumerate(zip(sentences, buckets)):
            relative = [Mention(m.kind, m.start - sentence.start, m.end - sentence.start, m.surface, m.alias_key, m.ref)
                        for m in found]
            # A place named in the dateline is where the story was filed: the dateline rule uses it
            # when the sentence names no place of its own ("NYUNZU, Congo (Reuters) - ... in Nyunzu").
            # A country as the owner of a war or a force ("Israel's war on Gaza", "Russia's army")
            # is a party, not where the figure happened.
            places = [m for m in relative if m.kind == "place"
                      and not dateline[0] <= m.start + sentence.start < dateline[1]
                      and not (self.gaz.places[m.ref].kind == "country" and _PARTY_AFTER.match(sentence.text[m.end:]))]
            # "2,914 civilians died, most of them in Baghdad": a place of some of them is not where all were
            places = [m for m in places if not _SOME_OF_THEM_IN.search(sentence.text[max(0, m.start - 40):m.start])]
            # "flown to a military hospital in Bagram" is where the wounded went, not where they were hurt;
            # "the al-Muthanna neighbourhood" is not Muthanna province
            # "an Islamabad-based research group" is where a group sits, not where anyone died
            places = [m for m in places if not _TAKEN_TO.search(sentence.text[max(0, m.start - 60):m.start])
                      and not (self.gaz.places[m.ref].kind in ("country", "admin1") and _SMALL_AREA_AFTER.match(sentence.text[m.end:]))
                      and not _BASED_AFTER.match(sentence.text, m.end)]
            # "Afgooye, 30 km north-west of Mogadishu": the point a distance is measured from is not
            # where, when the sentence names another place
            measured_from = [m for m in places if _DISTANCE_FROM.search(sentence.text, max(0, m.start - 60), m.start)] \
                if len(places) > 1 and any(unit in sentence.text for unit in _DISTANCE_UNITS) else []
            if measured_from and len(measured_from) < len(places):
                places = [m for m in places if m not in measured_from]
            if not places:
                # "killed in Syria's war since 2011": with no other place, the war's country is where
                places = [m for m in relative if m.kind == "place" and re.search(r"\bin\s+(?:the\s+)?$", sentence.text[:m.start])
                          and re.match(r"^['\u2019]s?\s+(?:\w+\s+)?(?:war|conflict)\b", sentence.text[m.end:])]
            ctx = Context(sentence, places, [m for m in relative if m.kind == "actor"],
                          [m for m in relative if m.kind == "demonym"], published, dateline)
            ctx.titleish = _is_titleish(sentence, body)
            ctx.list_item = sentence.paragraph in bullet_paragraphs
            row = _TABLE_ROW.match(sentence.text) if heading is not None and index not in flagged else None
            if row:
                ctx.claims = [ArticleClaim(sc, ctx) for sc in self._table_row(heading, row)]
            elif index in flagged:
                found = self.analyser.claims(sentence.text, relative, prefiltered=True)
                ctx.claims = [ArticleClaim(sc, ctx) for sc in self._table_in_prose(sentence.text, found)]
            if not row:
                heading = _TABLE_HEADING.match(sentence.text)
            contexts.append(ctx)
        return contexts

    def _table_row(self, heading: re.Match, row: re.Match) -> list[SentenceClaim]:
        """A row of a table under a heading that says what it counts: "Kabul: 143", "Diyala (161)",
        "January 96" under "Civilians killed by province" / "by month, 2023". The heading's words
        give the outcome and the victims; the row is a period figure (a month row of its month)."""
        count = parse_single(row.group("n"))
        if not count:
            return []
        found = self.analyser.claims(f"{count} {heading.group('what').lower()}", [], prefiltered=True)
        if len(found) != 1 or found[0].number.start != 0:
            return []
        sc = found[0]
        sc.number = NumberPhrase(row.start("n"), row.end("n"), row.group("n"), count, count, "exact")
        sc.start, sc.end = row.start("label"), row.end()
        sc.trigger_start = sc.trigger_end = row.end()
        sc.shape = "table"
        month = MONTHS.get(row.group("label").strip().lower())
        year = re.search(r"\b(?:19|20)\d\d\b", heading.group(0))
        sc.extras["table_month"] = (int(year.group(0)), month) if month and year else None
        return [sc]

    def _table_in_prose(self, text: str, found: list[SentenceClaim]) -> list[SentenceClaim]:
        """A table told in a sentence: "Baghdad recorded the most civilian deaths (214), followed by
        Nineveh (188), Diyala (161) ...": the figure in brackets after the outcome words and the
        bracketed figures of the names after it are its rows (two at least)."""
        head = _PAREN_HEAD.search(text) if "(" in text else None
        items = list(_PAREN_ITEM.finditer(text, head.end())) if head else []
        if len(items) < 2:
            return found
        rows = [sc for match in (head, *items) for sc in self._table_row(head, match)]
        if rows:
            rows[0].start = 0  # the head's place is the sentence's subject ("Baghdad recorded ...")
        taken = {sc.number.start for sc in rows}
        return sorted([sc for sc in found if sc.number.start not in taken] + rows, key=lambda sc: sc.number.start)

    def _mention_rows(self, mentions: list[Mention], sentences: list[Sentence], sha: str) -> list[dict]:
        starts = [s.start for s in sentences]
        rows = []
        for m in mentions:
            if m.kind == "demonym":
                continue
            rows.append({
                "mention_id": f"{sha[:16]}-{m.start}-{m.end}", "mention_type": m.kind, "surface_text": m.surface,
                "alias_key": m.alias_key, "sentence_index": max(bisect.bisect_right(starts, m.start) - 1, 0),
                "char_start": m.start, "char_end": m.end,
            })
        return rows

    # -- where -----------------------------------------------------------------------------

    def _dateline(self, body: str, article_mentions: list[Mention]) -> str | None:
        match = find_dateline(body)
        if not match:
            return None
        for mention in self.gaz.disambiguate(self.gaz.mentions(match.group("place")), article_mentions):
            if mention.kind == "place":
                return mention.ref
        return None

    def _article_country(self, mentions: list[Mention], dateline: str | None) -> str | None:
        if dateline:
            return self.gaz.places[dateline].country
        counts: dict[str, int] = {}
        for m in mentions:
            if m.kind == "place":
                country = self.gaz.places[m.ref].country
                counts[country] = counts.get(country, 0) + 1
        return max(counts, key=counts.get) if counts else None

    def _place(self, claim: ArticleClaim, contexts: list[Context], dateline: str | None, country: str | None) -> None:
        ctx = claim.ctx
        text = ctx.sentence.text
        if ctx.places:
            nearest = min(ctx.places, key=lambda m: _distance(m, claim.sc))
            # "Burkina Faso accounted for 71 of the dead, Mali for 44": the place whose share it is
            owner = [m for m in ctx.places if m.end <= claim.sc.number.start
                     and _SHARE_OF.fullmatch(text, m.end, claim.sc.number.start)]
            nearest = owner[-1] if owner else nearest
            nearest = self._innermost(nearest, ctx.places, text)
            nearest = self._item_dateline_city(nearest, ctx.places, text)
            distributive = _DISTRIBUTIVE.search(text)
            if distributive and claim.sc.shape == "breakdown" and distributive.end() <= _clause_start(text, claim.sc.number.start):
                distributive = None  # "23 bodies across Baghdad, 11 of them in Dora": the part's own clause places it
            group = ctx.places if distributive else _listed_with(nearest, ctx.places, text)
            place_id, ids, spread = self._area_of(group, text)
            if place_id is None and len({self.gaz.places[i].country for i in ids}) > 1:
                # "in Mali, Burkina Faso and Niger": no one country holds the figure; it is spread over them
                claim.spread, claim.places_listed = True, tuple(ids)
                claim.place_text, claim.place_source = ", ".join(m.surface for m in group), "sentence"
                return
            place_id = place_id or nearest.ref
            # "across Iraq" is many places
            claim.spread = spread or bool(_ACROSS.search(text[max(0, nearest.start - 20):nearest.start]))
            if claim.spread and len(ids) > 1:
                claim.places_listed = tuple(ids)
            surface = nearest.surface if place_id == nearest.ref else self.gaz.places[place_id].name
            claim.place_id, claim.place_text, claim.place_source = place_id, surface, "sentence"
            nation = self.gaz.places[place_id].country
            if ("countr" in text.lower() or "ationwide" in text.lower()) and _COUNTRYWIDE.search(_clause_after(text, claim.sc.end)) \
                    and nation in self.gaz.countries:
                # "Since Baghdad declared victory, more than 1,400 ... have been killed across the country"
                claim.place_id, claim.place_text, claim.spread = self.gaz.countries[nation], nation, True
                return
            # "in northern Iraq": the next sentence may say where; not for a figure spread over the
            # region ("in a string of attacks across southern and central Somalia")
            if (len(ids) == 1 and self.gaz.places[place_id].kind == "country"
                    and _REGION.search(text[:nearest.start]) and not claim.spread and not _aggregate(text)):
                finer = self._next_sentence_place(ctx, contexts, self.gaz.places[place_id].country)
                if finer:
                    claim.place_id, claim.place_text, claim.place_source = finer.ref, finer.surface, "next_sentence"
            return
        index = ctx.sentence.index
        if _SEVERAL_COUNTRIES.search(text):
            # "across the three countries": spread over the countries the article named before, none of them
            named = list(dict.fromkeys(self.gaz.places[m.ref].country for c in contexts[:index + 1] for m in c.places))
            listed = [self.gaz.countries[n] for n in named if n in self.gaz.countries]
            if len(listed) > 1:
                claim.spread, claim.places_listed = True, tuple(listed)
                claim.place_text, claim.place_source = ", ".join(named), "article"
                return
        if _COUNTRYWIDE.search(text) or _SEVERAL_REGIONS.search(text):
            # "across the country", "in four provinces" with no place named: the country of the dateline or the article
            nation = self.gaz.places[dateline].country if dateline else country
            if nation in self.gaz.countries:
                claim.place_id, claim.place_text, claim.place_source = self.gaz.countries[nation], nation, "article"
                return
        if _aggregate(text):
            paragraph_places = [m.ref for c in contexts[:index] if c.sentence.paragraph == ctx.sentence.paragraph
                                for m in c.places]
            items = self._list_before(ctx, contexts) if not paragraph_places else []
            item_places = list(dict.fromkeys(c.place_id for item in items for c in item.claims if c.place_id))
            if item_places and (place_id := self.gaz.common_ancestor(item_places)):
                # "- Baquba: ... - Khalis: ... Total for the period: 14 dead": the area of the list's figures
                claim.place_id, claim.place_text, claim.place_source = place_id, self.gaz.places[place_id].name, "list"
                return
            if not paragraph_places:
                paragraph_places = [m.ref for c in contexts[:index] if c.sentence.paragraph == ctx.sentence.paragraph - 1
                                    for m in c.places]
            if paragraph_places:
                place_id = self.gaz.common_ancestor(list(dict.fromkeys(paragraph_places)))
                if place_id:
                    claim.place_id, claim.place_text, claim.place_source = place_id, self.gaz.places[place_id].name, "paragraph"
                    return
        # a table row labelled by no place ("Other governorates: 217 killed") is not of the row above's
        label_row = bool(_LABEL_LINE.match(text))
        for previous in reversed(contexts[:index] if not label_row else []):
            if previous.sentence.paragraph < ctx.sentence.paragraph - 1:
                break
            if previous.places and not previous.titleish:
                mention = previous.places[-1]
                # "in Taiz governorate in Yemen": the last place named holds an earlier one; the inner is where
                inner = [m for m in previous.places if m.end <= mention.start and m.ref in self.gaz.places
                         and mention.ref in self.gaz.ancestors(m.ref)[1:]
                         and _NESTED_GAP.fullmatch(previous.sentence.text[m.end:mention.start])]
                if inner:
                    mention = inner[-1]
                claim.place_id, claim.place_text, claim.place_source = mention.ref, mention.surface, "context"
                self._inherit_list(claim, mention, previous)
                return
            if previous.claims and previous.claims[-1].place_id and (
                    _COUNTRYWIDE.search(previous.sentence.text) or previous.claims[-1].place_source in ("sentence", "context")):
                # the figure before took its place from the text (or spoke of the whole country):
                # "Earlier, the Observatory had given a toll of 11" is where that figure was
                before = previous.claims[-1]
                claim.place_id, claim.place_text, claim.place_source = before.place_id, before.place_text, "context"
                return
        if dateline:
            claim.place_id, claim.place_text, claim.place_source = dateline, self.gaz.places[dateline].name, "dateline"
        elif country and country in self.gaz.countries:
            claim.place_id, claim.place_text, claim.place_source = self.gaz.countries[country], country, "article"

    @staticmethod
    def _list_before(ctx: Context, contexts: list[Context]) -> list[Context]:
        """The sentences of the list of items (bulleted paragraphs) that ends right before ctx's paragraph."""
        items: list[Context] = []
        paragraph = ctx.sentence.paragraph - 1
        for previous in reversed(contexts[:ctx.sentence.index]):
            if previous.sentence.paragraph < paragraph - 1 or not previous.list_item:
                break
            paragraph = previous.sentence.paragraph
            items.append(previous)
        return items

    def _inherit_list(self, claim: ArticleClaim, mention: Mention, previous: Context) -> None:
        """'operations in Helmand, Kunduz, Ghazni and Faryab. As a result, 62 insurgents were killed':
        a figure taking its place from a sentence that lists places is spread over all of them, so
        its place is the smallest area that holds them (not the last one named)."""
        text = previous.sentence.text
        place_id, ids, spread = self._area_of(_listed_with(mention, previous.places, text), text)
        if not spread:
            return
        claim.place_id, claim.place_text = place_id, self.gaz.places[place_id].name
        claim.spread, claim.places_listed = True, tuple(ids)

    def _area_of(self, group: list[Mention], text: str) -> tuple[str | None, list[str], bool]:
        """(smallest area holding the places of group, their ids, whether the figure is spread over
        them: none holds the others, and they are not the ends of a road "between Baghdad and Baquba")."""
        ids = list(dict.fromkeys(m.ref for m in group))
        if len(ids) == 1:
            return ids[0], ids, False
        place_id = self.gaz.common_ancestor(ids)
        spread = place_id is not None and place_id not in ids and not _BETWEEN_PLACES.search(
            text[:min(m.start for m in group)])
        return place_id, ids, spread

    def _national_toll(self, claim: ArticleClaim, contexts: list[Context]) -> None:
        """A toll over a period whose sentence names no place is the country's, not that of the place
        the sentence before named ("At least 1,022 Iraqis have been killed so far in March" after a
        bombing in Baquba), unless it points back to that place ("in the province since January")."""
        if claim.scope not in ("period_total", "cumulative") or claim.place_source not in ("context", "paragraph") \
                or not claim.place_id:
            return
        if _AREA_ANAPHOR.search(claim.ctx.sentence.text):
            return
        if claim.precision not in ("month", "year") and claim.period_start and claim.period_end \
                and (claim.period_end - claim.period_start).days < 28:
            return  # "since Sunday", "in the past 24 hours": a local tally of days ("so far in March" is not)
        index = claim.ctx.sentence.index
        if any(other.place_id == claim.place_id and other.scope in ("period_total", "cumulative")
               and (other.period_start, other.period_end) == (claim.period_start, claim.period_end)
               for ctx in contexts[max(0, index - 2):index] for other in ctx.claims):
            return  # "133 civilians were killed in Borno in February. The group counted 41 abducted in February"
        nation = self.gaz.places[claim.place_id].country
        if nation in self.gaz.countries and self.gaz.countries[nation] != claim.place_id:
            claim.place_id, claim.place_text, claim.place_source = self.gaz.countries[nation], nation, "article"

    def _item_dateline_city(self, mention: Mention, places: list[Mention], text: str) -> Mention:
        """'* MOSUL - A bomber struck ... in the Yarmouk district': a neighbourhood or site not inside the
        city that opens the item is that city's namesake; the city is where."""
        if self.gaz.places[mention.ref].kind not in ("neighbourhood", "site"):
            return mention
        lead = _ITEM_DATELINE.match(text)
        if not lead:
            return mention
        for other in places:
            if other.start == lead.start("place") and other is not mention:
                city = self.gaz.places[other.ref]
                if city.kind == "city" and other.ref not in self.gaz.ancestors(mention.ref):
                    return other
        return mention

    def _innermost(self, mention: Mention, places: list[Mention], text: str) -> Mention:
        """'Baghdad's Sadr City', 'Sadr City, Baghdad': of two adjacent nested places, the inner one."""
        for other in places:
            gap = text[mention.end:other.start] if other.start >= mention.end else text[other.end:mention.start]
            if other is mention or not re.fullmatch(r"'s\s+|,\s*|\s+in\s+|\s+(?:[a-z]+\s+)?(?:of|near|outside)\s+(?:the\s+)?", gap):
                continue
            if other.ref in self.gaz.places and mention.ref in self.gaz.ancestors(other.ref)[1:]:
                return other
        return mention

    def _next_sentence_place(self, ctx: Context, contexts: list[Context], country: str) -> Mention | None:
        index = ctx.sentence.index
        for following in contexts[index + 1:index + 2]:
            for mention in following.places:
                place = self.gaz.places[mention.ref]
                if place.country == country and place.kind != "country":
                    return mention
        return None

    # -- who -------------------------------------------------------------------------------

    def _victims(self, claim: ArticleClaim, contexts: list[Context], article_country: str | None) -> None:
        sc, ctx = claim.sc, claim.ctx
        text = ctx.sentence.text
        np_span = sc.extras.get("np")
        claim.victims_text = text[np_span[0]:np_span[1]] if np_span else sc.victim_term
        region_end = np_span[1] if np_span else sc.end
        if sc.shape == "coordination" and sc.trigger_start > sc.number.end:
            following = [c.sc.number.start for c in ctx.claims if c.sc.number.start > sc.number.end]
            region_end = min(following) if following else sc.trigger_start
        of_group = re.match(r"^\s+(?:of|from)\s+(?:the\s+)?", text[region_end:region_end + 15])
        if of_group:  # "166 members of the Iraqi Security Forces", "two fighters from Badr"
            following = [m for m in ctx.actors if m.start == region_end + of_group.end()]
            if following:
                region_end = following[0].end
        if np_span is None:
            # a group named right after the number is the victims: "killed 12 al-Shabaab", "six VDP"
            named = [m for m in ctx.actors if m.start > sc.number.end and not text[sc.number.end:m.start].strip()]
            if named:
                region_end = max(region_end, named[0].end)
        # a tally names its victims before the number: "the number of British service personnel killed ... to 162"
        region = (sc.number.start, max(region_end, sc.number.end))
        victim_actors = [m for m in ctx.actors if m.start < region[1] and m.end > region[0]]
        tally = _TALLY_VICTIMS.match(text, sc.start) if sc.shape == "toll" else None
        if tally:  # "the number of British service personnel killed in attacks by ISIS ... to 162"
            region = (sc.start, tally.end())
            victim_actors = [m for m in ctx.actors if region[0] <= m.start < region[1]]
        groups = [m for m in victim_actors if self.gaz.actors[m.ref].actor_type != "person"]
        chosen = (groups or victim_actors or [None])[-1]
        if chosen is not None:
            claim.victim_actor = chosen.surface
        victim_class = sc.victim_class
        event_country = self.gaz.places[claim.place_id].country if claim.place_id else article_country
        chosen_class = _class_at(self.gaz.actors[chosen.ref], event_country) if chosen is not None else None
        if chosen is not None and np_span and chosen.start <= np_span[0] + (len(claim.victims_text or "") - len(sc.victim_term or "")) < chosen.end:
            victim_class = chosen_class or victim_class  # "Sons of Iraq fighters"
        elif (victim_class in (None, "mixed_unknown")) and chosen is not None:
            victim_class = chosen_class or victim_class
        if sc.nationality_sensitive and chosen_class == "foreign_military":
            victim_class = "foreign_military"  # "two dozen British soldiers": the victims are a foreign force
        elif sc.nationality_sensitive:
            # A state force named in the victims' own noun phrase ("15 Iraqi soldiers") says whose
            # soldiers they are; only without one do demonyms and forces nearby decide.
            named_force = self.gaz.actors[chosen.ref] if chosen is not None else None
            nationality = (named_force.country if named_force and named_force.actor_type == "state_forces"
                           and named_force.country else self._nationality(claim, contexts, region))
            if nationality == "foreign" or (nationality and event_country and nationality != event_country):
                victim_class = "foreign_military"
            else:
                victim_class = "security_forces"
        if np_span is None and sc.victim_term:
            # "five Iraqi troops were killed and about 18 injured": the bare figure shares the
            # victims of the figure it is coordinated with, so it shares their class too
            sibling = [c for c in ctx.claims if c.start < claim.start and c.sc.victim_term == sc.victim_term]
            if sibling and sibling[-1].victim_class:
                victim_class = sibling[-1].victim_class
        if sc.victim_term in ("others", "other") and victim_class == "mixed_unknown":
            # "killed 12 civilians and wounded 41 others": the others are of the same kind
            earlier = [c for c in ctx.claims if c.start < claim.start and c is not claim]
            if not earlier and ctx.sentence.index > 0:
                earlier = contexts[ctx.sentence.index - 1].claims
            if earlier:
                victim_class = earlier[-1].victim_class
        if victim_class in (None, "mixed_unknown") and sc.shape == "active" and _LOST.match(text, sc.trigger_start):
            # "ISIS cells also lost 58 members", "Al-Shabaab lost only four men": the group that lost them
            owner = [m for m in ctx.actors if m.end <= sc.trigger_start and re.fullmatch(
                r"[\s\w-]{0,25}", text[m.end:sc.trigger_start])]
            if owner:
                chosen = owner[-1]
                claim.victim_actor = chosen.surface
                victim_class = _class_at(self.gaz.actors[chosen.ref], event_country) or victim_class
        claim.victim_class = victim_class or "mixed_unknown"
        perpetrators = [m for m in ctx.actors if m.end <= sc.trigger_start and m is not chosen
                        and not _SPEECH_AFTER.match(text[m.end:m.end + 20])]
        if sc.shape == "active" and perpetrators:
            claim.perpetrator = perpetrators[-1].surface
        else:
            by = re.match(r"^\s*(?:\w+\s+){0,3}?by\s+", text[sc.trigger_end:sc.trigger_end + 40])
            if by:
                after = [m for m in ctx.actors if sc.trigger_end + by.end() <= m.start <= sc.trigger_end + by.end() + 30]
                if after:
                    claim.perpetrator = after[0].surface

    def _nationality(self, claim: ArticleClaim, contexts: list[Context], region: tuple[int, int]) -> str | None:
        """Country of soldiers/troops: a demonym in their noun phrase, else a foreign force named nearby."""
        ctx = claim.ctx
        for m in ctx.demonyms:
            if region[0] <= m.start and m.end <= region[1]:
                return m.ref
        previous = contexts[ctx.sentence.index - 1] if ctx.sentence.index > 0 else None
        for scope in (ctx, previous):
            if scope is None:
                continue
            for m in scope.actors:
                actor = self.gaz.actors[m.ref]
                if actor.actor_type == "foreign_military" and not _SPEECH_AFTER.match(scope.sentence.text[m.end:m.end + 20]):
                    return actor.country or "foreign"  # the Kenya Defence Forces at home are Kenya's own
            for m in scope.demonyms:
                if re.match(r"^[\s-]*(?:forces|troops|soldiers|military|army|marines|servicemen|personnel|armed\s+forces|"
                            r"defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|general\s+staff)\b",
                            scope.sentence.text[m.end:m.end + 20], re.IGNORECASE):
                    return m.ref
        return None

    # -- when and scope ---------------------------------------------------------------------

    def _when(self, claim: ArticleClaim, contexts: list[Context], published: dt.date | None,
              last_day: dict[int, dt.date]) -> None:
        ctx = claim.ctx
        text = ctx.masked
        if claim.sc.shape == "table":
            self._table_period(claim, contexts)
            return
        # "Among the dead was the village head, who had refused to leave ... last year": a date in a
        # past-perfect relative clause after the figure is of something before the event
        dates = [d for d in ctx.dates if d.role != "comparison"
                 and not (d.start >= claim.sc.end and _ANTERIOR_CLAUSE.search(text[claim.sc.end:d.start]))]
        event_days = [d for d in dates if d.role == "event" and d.precision == "day"]
        periods = [d for d in dates if d.role == "event" and d.precision in ("week", "month", "year")]
        # "Violence has fallen since 2007, but 300 people were killed in March": a "since" in
        # another clause is not the start of the figure
        since = [d for d in dates if d.role == "since" and d.period_start
                 and not _CLAUSE_BREAK.search(text[min(d.end, claim.sc.start):max(d.start, claim.sc.start)])]
        reports = [d for d in dates if d.role == "report" and d.day]
        report_day = reports[0].day if reports else published
        # a date inside the figure's phrase first ("two were killed on Monday and four more on
        # Tuesday"), then one not in a later clause ("Between 1 July and 30 September 2020, ... 876
        # killed, a 21 percent increase on the same quarter of 2019"), the one nearest its start
        near = lambda ds: min(ds, key=lambda d: (not claim.sc.start <= d.start < claim.sc.end,  # noqa: E731
                                                 d.start >= claim.sc.end and bool(_CLAUSE_MARK.search(text, claim.sc.end, d.start)),
                                                 abs(d.start - claim.sc.start)))
        if since:
            claim.scope = "cumulative"
            start = near(since)
            claim.period_start, claim.period_end = start.period_start, report_day
            claim.precision = "day" if start.precision == "day" else "month"
            return
        period = _tallied_period(claim.sc, periods, text)
        if period is None and periods and _TO_DATE.search(text) and not _CUMULATIVE.search(_TO_DATE.sub(" ", text)):
            # "killed so far this month", "in May so far": a period total up to the reporting day
            period = near(periods)
        if period is not None:
            claim.scope, claim.own_date, claim.precision = "period_total", True, period.precision
            claim.period_start = period.period_start
            claim.period_end = _until(period, report_day)
            return
        if _CUMULATIVE.search(text):
            self._cumulative(claim, contexts, report_day)
            return
        recent = _RECENT_SPAN.search(text) if not event_days and report_day else None
        if recent:
            claim.scope = "period_total"
            claim.period_start, claim.period_end = report_day - dt.timedelta(days=_span_days_back(recent)), report_day
            claim.precision = "day"
            claim.own_date = True
            return
        if not event_days and not periods:
            earlier = (self._earlier_period_figure(claim, contexts) if _SAME_PERIOD.search(text)
                       else self._other_outcome_of_a_period(claim, contexts))
            if earlier is not None:
                claim.scope = earlier.scope
                claim.period_start, claim.period_end, claim.precision = earlier.period_start, earlier.period_end, earlier.precision
                return
        nearest_event = near(event_days + periods) if event_days or periods else None
        if periods and (not event_days or nearest_event.precision != "day"):
            period = near(periods)
            # "killed this year" in May: the figure is of the year so far, not to December
            claim.period_start, claim.period_end, claim.precision = period.period_start, _until(period, report_day), period.precision
            claim.own_date = True
            # "Gunmen killed three people in Mosul last week": a few dead in one place are one event
            # of a coarse date; "Airstrikes killed 300 people last month" are many
            few_in_one_place = claim.low <= _FEW and not _MANY_EVENTS.search(text) and claim.place_id is not None \
                and self.gaz.places[claim.place_id].kind not in ("country", "admin1")
            claim.scope = "period_total" if (_aggregate(text) or claim.spread
                                             or not (_one_event(text) or few_in_one_place)) else "incident"
            return
        if not event_days and _PRESENT_PERFECT.search(text) and (
                not (_names_one_event(text) or self._follows_one_event(ctx, contexts)) or claim.low >= _LARGE_TOLL):
            self._cumulative(claim, contexts, report_day)
            return
        if not event_days and _CAMPAIGN_CAUSE.search(text) and not _names_one_event(text):
            self._cumulative(claim, contexts, report_day)
            return
        if _aggregate(text) or claim.spread:
            claim.scope = "period_total"
        day, claim.own_date = (near(event_days).day, True) if event_days else (None, False)
        if day is None:
            day, claim.context_date = self._context_day(ctx, contexts, last_day)
        if day is None and reports:
            day = reports[0].day
        if day is None:
            day = published
        if day:
            last_day[ctx.sentence.index] = day
        if day and not claim.own_date:
            day += dt.timedelta(days=_relative_shift(text, claim.sc.number.start))
        claim.event_date = day
        claim.precision = "day" if day else "unknown"

    def _table_period(self, claim: ArticleClaim, contexts: list[Context]) -> None:
        """A table row counts a period: its month (a month row), else the period of the report's
        first total (its quarter or year), whose part it may then be (_link_table_rows)."""
        claim.scope = "period_total"
        month = claim.sc.extras.get("table_month")
        if month:
            claim.period_start, claim.period_end = month_bounds(*month)
            claim.precision, claim.own_date = "month", True
            return
        total = self._report_total(claim, contexts)
        if total is not None:
            claim.period_start, claim.period_end, claim.precision = total.period_start, total.period_end, total.precision
            claim.sc.extras["table_total"] = total

    @staticmethod
    def _report_total(claim: ArticleClaim, contexts: list[Context]) -> ArticleClaim | None:
        """The first period total of the figure's outcome in the article: a report's own figure for
        its quarter or year, which its tables break down."""
        for ctx in contexts[:claim.ctx.sentence.index]:
            for other in ([] if ctx.titleish else ctx.claims):
                if other.scope == "period_total" and other.period_end and other.sc.outcome == claim.sc.outcome \
                        and other.sc.shape not in ("comparison", "table"):
                    return other
        return None

    def _link_table_rows(self, claims: list[ArticleClaim]) -> None:
        """The rows of a table of places under a report's total ("Kabul: 143 ... Other 27 provinces:
        240" after "876 killed" in the quarter) are its parts when together they fit in it."""
        tables: dict[int, list[ArticleClaim]] = {}
        for claim in claims:
            total = claim.sc.extras.get("table_total")
            if total is not None and claim.parent is None:
                tables.setdefault(id(total), []).append(claim)
        for rows in tables.values():
            total = rows[0].sc.extras["table_total"]
            if sum(row.low for row in rows) <= total.low and all(_victims_may_match(row, total) for row in rows):
                for row in rows:
                    self._make_breakdown(row, total)

    def _earlier_period_figure(self, claim: ArticleClaim, contexts: list[Context]) -> ArticleClaim | None:
        """The nearest figure before this one that covers a period (a period total or running toll)."""
        for ctx in reversed(contexts[:claim.ctx.sentence.index + 1]):
            for other in reversed(ctx.claims):
                if other.start < claim.start and other.scope in ("period_total", "cumulative") and other.period_end \
                        and other.sc.shape != "comparison":
                    return other
        return None

    def _other_outcome_of_a_period(self, claim: ArticleClaim, contexts: list[Context]) -> ArticleClaim | None:
        """'Violence killed 196 Iraqis in January. The dead included 135 civilians ..., while 492 people
        were wounded', '... killed 31 people in the week ending Sunday. Another 44 were injured': an
        undated figure of the other outcome (or "a further" one of its own) after a period's total,
        with nothing but that total's parts between and no attack of its own, is of the same period."""
        # parts ("Of them, 18 children ...", "eight of them") take their parent's period when linked
        text = claim.ctx.masked
        if _SINGLE_EVENT.search(text) or claim.sc.extras.get("part_cue") or _BREAKDOWN_LEAD.search(text) \
                or _PART_OR_OWN_TIME.search(text):
            return None
        # "... killed in November. A further 118 members of the security forces were killed": more of that period
        further = bool(_FURTHER_BEFORE.search(text[:claim.sc.number.start]))
        index = claim.ctx.sentence.index
        for ctx in reversed(contexts[max(0, index - 2):index + 1]):
            if ctx.sentence.paragraph != claim.ctx.sentence.paragraph:
                return None
            if ctx is not claim.ctx and any(d.role == "event" and d.precision == "day" for d in ctx.dates):
                return None
            before = [c for c in ctx.claims if c.start < claim.start and c.sc.shape != "comparison"]
            if not further and any(c.sc.outcome == claim.sc.outcome for c in before):
                return None  # a figure of its own outcome before it: its parent, or another event's
            totals = [c for c in before if c.scope == "period_total" and c.period_end]
            if totals:
                return totals[-1]
        return None

    def _follows_one_event(self, ctx: Context, contexts: list[Context]) -> bool:
        """The sentence before, in the same paragraph, tells of one event: "A suicide bomber struck a
        market on Monday. Police say five people have died." (no war or campaign named there)."""
        index = ctx.sentence.index
        if index == 0:
            return False
        previous = contexts[index - 1]
        if previous.sentence.paragraph == ctx.sentence.paragraph and _tells_of_one_event(previous.masked):
            return True
        # a live blog's timed entries ("21:58 - Medina Hospital says it has received 27 wounded") follow
        # one event through the page: the entries before tell which
        entry = next(c for c in reversed(contexts[:index + 1]) if c.sentence.paragraph == ctx.sentence.paragraph
                     and (c.sentence.index == 0 or contexts[c.sentence.index - 1].sentence.paragraph != c.sentence.paragraph))
        return bool(_TIMED_ENTRY.match(entry.sentence.text)) and any(
            _tells_of_one_event(c.masked) for c in contexts[max(0, index - 12):index] if not c.titleish)

    def _context_day(self, ctx: Context, contexts: list[Context],
                     last_day: dict[int, dt.date]) -> tuple[dt.date | None, bool]:
        """The day the sentences around tell of, and whether it is told in the claim's paragraph."""
        index = ctx.sentence.index
        for following in contexts[index + 1:index + 2]:
            if following.claims or following.sentence.paragraph > ctx.sentence.paragraph + 1:
                break
            days = [d for d in following.dates if d.role == "event" and d.precision == "day"]
            if days and following.sentence.paragraph > ctx.sentence.paragraph and days[0].start <= 2:
                break  # "Friday, May 6. ..." opens the next paragraph: the next day's news
            if days:
                return days[0].day, following.sentence.paragraph == ctx.sentence.paragraph
        for previous in reversed(contexts[:index]):
            if previous.sentence.paragraph < ctx.sentence.paragraph - 1 or previous.titleish:
                break
            same = previous.sentence.paragraph == ctx.sentence.paragraph
            if previous.sentence.index in last_day:
                return last_day[previous.sentence.index], same
            days = [d.day for d in previous.dates if d.role == "event" and d.precision == "day"]
            if days:
                return days[-1], same
        return None, False

    def _cumulative(self, claim: ArticleClaim, contexts: list[Context], report_day: dt.date | None) -> None:
        claim.scope = "cumulative"
        claim.period_end = report_day
        onset_days, onset_months = [], []
        for ctx in contexts:
            text = ctx.sentence.text
            # "the deadliest attack since 2019" compares; it starts nothing
            if not any(m.group(0).lower() != "since" or not _SUPERLATIVE_BEFORE.search(text[max(0, m.start() - 60):m.start()])
                       for m in _ONSET.finditer(text)):
                continue
            for d in ctx.dates:
                if d.role in ("report", "comparison") or not d.period_start or (report_day and d.period_start > report_day):
                    continue
                (onset_days if d.precision == "day" else onset_months).append(d.period_start)
        if onset_days:
            claim.period_start, claim.precision = min(onset_days), "day"
        elif onset_months:
            claim.period_start, claim.precision = min(onset_months), "month"

    # -- breakdowns and restatements --------------------------------------------------------

    def _link_breakdowns(self, claims: list[ArticleClaim], contexts: list[Context]) -> None:
        by_sc = {id(c.sc): c for c in claims}
        first_part: dict[int, int] = {}  # where the first part of each parent starts
        for claim in claims:
            if claim.sc.breakdown_of is not None and claim.sc.extras.get("parent") is not None:
                key = id(claim.sc.extras["parent"])
                first_part[key] = min(first_part.get(key, claim.sc.number.start), claim.sc.number.start)
        for claim in claims:
            parent_sc = claim.sc.extras.get("parent")
            if claim.sc.breakdown_of is not None and parent_sc is not None and id(parent_sc) in by_sc:
                parent = by_sc[id(parent_sc)]
                if "elliptical_of" not in claim.sc.extras or self._within_parents_place(
                        claim, parent, first_part[id(parent_sc)]):
                    self._make_breakdown(claim, parent)
        for claim in claims:
            # "Five children were among the dead", "The dead included 17 civilians", "Eight of the dead"
            if claim.parent is None and claim.sc.extras.get("part_cue"):
                # earlier by the number: "Of the 40 wounded, 12 were ..." starts before the 40
                at = claim.ctx.sentence.start + claim.sc.number.start
                earlier = [p for p in claims if p.ctx.sentence.start + p.sc.number.start < at and p.parent is None
                           and p.sc.outcome == claim.sc.outcome and p.sc.shape != "comparison"
                           and not (p.ctx is claim.ctx and p.sc.extras.get("part_cue"))  # siblings in a list of parts
                           and p.low > claim.low and p.ctx.sentence.index >= claim.ctx.sentence.index - 4]
                if not earlier and claim.ctx.titleish:
                    # a headline's part ("kill 9, police chief among wounded") is of the story's figure below
                    earlier = [p for p in claims if p.parent is None and not p.ctx.titleish and p.sc.outcome == claim.sc.outcome
                               and p.sc.shape != "comparison" and p.low > claim.low
                               and p.ctx.sentence.index <= claim.ctx.sentence.index + 6][:1]
                if earlier:
                    self._make_breakdown(claim, earlier[-1])
        for ctx in contexts:
            siblings = [c for c in ctx.claims if c.parent is None and c.scope == "incident" and not c.own_date]
            if not siblings:
                continue
            text = ctx.masked
            for previous in reversed(contexts[max(0, ctx.sentence.index - 6):ctx.sentence.index]):
                if previous.sentence.paragraph < ctx.sentence.paragraph - 3:
                    break
                # a period's total has parts too: "From 1 to 31 July, 181 were killed. Of them, 18 children ..."
                parents = [p for p in previous.claims if p.scope in ("incident", "period_total") and p.parent is None
                           and p.sc.shape != "comparison"]
                for parent in parents:
                    same = [c for c in siblings if c.sc.outcome == parent.sc.outcome and c.low < parent.low
                            and (c.place_source != "sentence" or self._place_ok(c, parent))]
                    if not same:
                        continue
                    total = sum(c.low for c in same)
                    near = previous.sentence.index >= ctx.sentence.index - 3
                    # parts that add up exactly to an earlier figure are its breakdown ("Five from X and four from Y")
                    if (near and _BREAKDOWN_LEAD.search(text)) or (len(same) > 1 and total == parent.low) or (
                            near and len(same) > 1 and total <= parent.low and _ANAPHORA.search(text)
                            and parent.scope == "incident"):
                        for c in same:
                            self._make_breakdown(c, parent)
                        break
                else:
                    continue
                break
        for ctx in contexts:
            self._link_parts_in_sentence(ctx)
        self._link_ordinal_persons(claims)
        self._place_parents_over_their_parts(claims)

    def _link_ordinal_persons(self, claims: list[ArticleClaim]) -> None:
        """'A roadside bomb killed four soldiers ... The army had put the toll at three; a fourth
        soldier ... died in hospital': the n-th person after the n - 1 of its outcome in its sentence
        is one of a count of at least n told before, in the last few sentences ("two were killed and
        a third was wounded" is another person)."""
        for k, claim in enumerate(claims):
            rank = _ORDINALS.get(claim.sc.number.text.lower().removeprefix("a ").strip())
            if rank is None or claim.parent is not None or not any(
                    c.sc.outcome == claim.sc.outcome and c.low == rank - 1 for c in claim.ctx.claims if c is not claim):
                continue
            counts = [c for c in claims[:k] if c.parent is None and c.restates is None and c.sc.outcome == claim.sc.outcome
                      and c.scope == "incident" and c.low >= rank and not _days_apart(c, claim, more_than=1)
                      and claim.ctx.sentence.index - c.ctx.sentence.index <= 4 and c.sc.shape != "comparison"]
            if counts:
                self._make_breakdown(claim, counts[-1])

    def _place_parents_over_their_parts(self, claims: list[ArticleClaim]) -> None:
        """'killed 15 people, seven in Mosul and eight in Hilla': the total took the nearest place,
        its first part's; it lies in the smallest place holding all its parts."""
        parts: dict[int, list[ArticleClaim]] = {}
        for claim in claims:
            if claim.parent is not None and claim.place_source == "sentence" and claim.place_id:
                parts.setdefault(id(claim.parent), []).append(claim)
        for children in parts.values():
            parent = children[0].parent
            places = {c.place_id for c in children}
            if (parent.place_source == "sentence" and parent.place_id in places and len(places) > 1
                    and all(c.ctx is parent.ctx for c in children)):
                holder = self.gaz.common_ancestor(sorted(places))
                if holder is not None:
                    parent.place_id, parent.place_text, parent.place_source = holder, self.gaz.places[holder].name, "breakdown"

    def _link_parts_in_sentence(self, ctx: Context) -> None:
        """'Seven fighters were killed in Mosul; three from X and four from Y were killed': the later
        figures of the outcome, two or more with a verb of their own, adding up exactly to the first,
        are its breakdown."""
        free = [c for c in ctx.claims if c.parent is None and c.scope == "incident" and c.sc.shape != "comparison"]
        for parent in free:
            parts = [c for c in free if c.sc.number.start > parent.sc.number.end and c.sc.outcome == parent.sc.outcome]
            if any(c.sc.trigger_start == parent.sc.trigger_start for c in parts):
                continue  # "killed 11 soldiers, three policemen and eight civilians" lists siblings
            if (len(parts) > 1 and sum(c.low for c in parts) == parent.low and all(c.low < parent.low for c in parts)
                    and all(self._within_parents_place(c, parent, parts[0].sc.number.start) for c in parts)):
                for c in parts:
                    self._make_breakdown(c, parent)
                return

    def _within_parents_place(self, part: ArticleClaim, parent: ArticleClaim, parts_at: int) -> bool:
        """Whether a part in the parent's sentence can lie where the parent is: 'killed 15 people, seven
        in Bayaa and eight in Karrada' (the parent's place is its parts'), but not 'Seven were killed in
        Mosul, three in Hilla and four in Basra' (a place named with the parent holds neither)."""
        if part.place_source != "sentence" or parent.place_source != "sentence" or not parent.place_text:
            return True
        named_before = parent.place_text in part.ctx.sentence.text[parent.sc.number.end:parts_at]
        return not named_before or self._place_ok(part, parent)

    def _same_admin1(self, a: str, b: str) -> bool:
        pa, pb = self.gaz.places.get(a), self.gaz.places.get(b)
        return bool(pa and pb and pa.admin1 and pa.admin1 == pb.admin1 and pa.country == pb.country)

    def _place_ok(self, child: ArticleClaim, parent: ArticleClaim) -> bool:
        if not child.place_id or not parent.place_id:
            return True
        return self.gaz.nested(child.place_id, parent.place_id)

    def _make_breakdown(self, child: ArticleClaim, parent: ArticleClaim, keeps_own: bool = False) -> None:
        """Make `child` a part of `parent`: of its victims' side, time and place where it tells none.
        `keeps_own`: a roundup's item, which keeps the place and the paragraph's day it has and
        leaves its total's (or the total's side's) area as it is."""
        child.parent = parent
        child.scope = "breakdown"
        if child.victim_class == "mixed_unknown" and parent.victim_class not in (None, "mixed_unknown"):
            child.victim_class = parent.victim_class  # "702 civilians ... Baghdad: 287 killed": civilians too
        if child.sc.victim_term in RANKS_OF_EITHER_SIDE and parent.victim_class not in (None, "mixed_unknown"):
            # "Seven soldiers were killed, including the commander": a rank both sides have belongs to its parent's side
            child.victim_class = parent.victim_class
        if not child.own_date and not (keeps_own and child.context_date):
            child.event_date, child.period_start, child.period_end = parent.event_date, parent.period_start, parent.period_end
            child.precision = parent.precision
        if child.place_source != "sentence" and parent.place_id and not (keeps_own and child.place_id != parent.place_id):
            child.place_id, child.place_text, child.place_source = parent.place_id, parent.place_text, "parent"
        if keeps_own:
            return
        # a parent placed only by a region ("southern Iraq") takes the place its parts name; a
        # period's total "across Syria" does not
        if parent.scope != "period_total" and parent.place_id and child.place_id \
                and self.gaz.places[parent.place_id].kind == "country" \
                and self.gaz.places[child.place_id].country == self.gaz.places[parent.place_id].country:
            parent.place_id, parent.place_text, parent.place_source = child.place_id, child.place_text, "breakdown"

    @staticmethod
    def _nest_parts_within_parents(claims: list[ArticleClaim]) -> None:
        """A parent's parts never add up to more than its top ("11 people, including a six-year-old
        child, were injured ... Of the injured, seven ... four are civilians"): a part that fits
        inside a larger part of its victims' class, or of an unknown one, is that part's part (the
        child among the civilians); failing that, the parts told last stop being parts (figures of
        their own) until the rest fit. Parts of a class of their own nest first: "Four were brought in
        dead, two died in the theatre and one more overnight ... Three of the dead were pupils" keeps
        the 4, 2 and 1 as the parts of seven, the pupils among the four."""
        for parent in claims:
            top = parent.sc.number.high
            parts = [c for c in claims if c.parent is parent]
            if top is None or sum(c.low for c in parts) <= top:
                continue
            for part in sorted(parts, key=lambda c: (c.victim_class in ("mixed_unknown", parent.victim_class), c.low)):
                if sum(c.low for c in parts) <= top:
                    break
                host = next((other for other in sorted(parts, key=lambda c: c.low) if other is not part
                             and other.low > part.low and other.victim_class in (part.victim_class, "mixed_unknown")
                             and sum(c.low for c in claims if c.parent is other) + part.low <= other.low), None)
                if host is not None:
                    part.parent = host
                    parts.remove(part)
            for part in sorted(parts, key=lambda c: c.start, reverse=True):
                if sum(c.low for c in parts) <= top:
                    break
                part.parent, part.scope = None, parent.scope
                parts.remove(part)

    @staticmethod
    def _dates_from_parents(claims: list[ArticleClaim]) -> None:
        """A part with no date of its own is of its parent's time, also when the parent was linked
        (and dated) after it: "Among the civilians killed, 61 were women" under a month's row."""
        for _ in range(2):  # a part of a part
            for claim in claims:
                parent = claim.parent
                if parent is not None and not claim.own_date and not claim.context_date:
                    claim.event_date, claim.period_start, claim.period_end = parent.event_date, parent.period_start, parent.period_end
                    claim.precision = parent.precision

    def _link_restatements(self, claims: list[ArticleClaim]) -> None:
        roots = [c for c in claims if c.parent is None]
        # (earlier, later) pairs where the later is a new count of the earlier ("the toll rose to 15")
        risen = {(id(a), id(b)) for a in roots for b in roots if self._update_of(a, b)}
        groups: list[list[ArticleClaim]] = []
        for claim in roots:
            for group in groups:
                if any(self._same_figure(claim, other, (id(claim), id(other)) in risen or (id(other), id(claim)) in risen)
                       for other in group):
                    group.append(claim)
                    break
            else:
                groups.append([claim])
        for group in groups:
            if len(group) < 2:
                continue
            # the newest count ("the toll later rose to 15"), else the fullest statement: body text, with
            # its own date and place, the larger and exact figure
            updates = {id(later) for earlier in group for later in group if (id(earlier), id(later)) in risen}
            original = max(group, key=lambda c: (id(c) in updates, not c.ctx.titleish, c.sc.shape != "of", c.own_date,
                                                 c.place_source == "sentence", c.low,
                                                 c.sc.number.qualifier == "exact", -c.start))
            if id(original) in updates:
                # the first count may say where more finely than the risen toll: the event's place
                finer = [c for c in group if c.place_source == "sentence" and c.place_id and original.place_id
                         and c.place_id != original.place_id and original.place_id in self.gaz.ancestors(c.place_id)]
                if finer:
                    original.place_id, original.place_text, original.place_source = finer[0].place_id, finer[0].place_text, "context"
            for claim in group:
                if claim is not original:
                    claim.restates = original
                    claim.scope = original.scope
                    claim.event_date, claim.period_start, claim.period_end = original.event_date, original.period_start, original.period_end
                    claim.precision = original.precision
                    claim.place_id, claim.place_text, claim.place_source = original.place_id, original.place_text, "restated"
                    if claim.victim_class == "mixed_unknown":
                        claim.victim_class = original.victim_class

    def _same_figure(self, a: ArticleClaim, b: ArticleClaim, update: bool) -> bool:
        """Whether a and b state one figure; `update`: one is a new count of the other."""
        if a.sc.outcome != b.sc.outcome:
            return False
        in_body = not (a.ctx.titleish or b.ctx.titleish or update)  # two body figures, neither a new count
        if a.ctx is b.ctx and in_body:
            return False
        if a.ctx.list_item and b.ctx.list_item and a.ctx.sentence.paragraph != b.ctx.sentence.paragraph:
            return False  # two items of a list are two reports ("- Khalis: ... killing one" "- Jalawla: ... a soldier")
        lo, hi = sorted((a.low, b.low))
        if hi > lo * 1.1 + 0.5 and not self._vague_headline_of(a, b) and not self._vague_headline_of(b, a) and not update:
            return False
        for x, y in ((a, b), (b, a)):
            if x.sc.number.high is not None and y.low > x.sc.number.high and x.sc.number.qualifier != "up_to" and not update:
                return False
        later = a if a.start > b.start else b
        if _ANOTHER.search(later.ctx.masked) and not later.ctx.titleish:
            return False
        near = later.ctx.masked[max(0, later.sc.start - 15):later.sc.end + 5]
        if _ADDS_NEAR.search(near) and in_body:
            return False  # "Two soldiers were also killed in the city", "Three more died on Tuesday"
        if later.sc.number.text.lower() in _INDEFINITE and in_body:
            return False  # "In Lakki Marwat, a tribal elder was killed": a new person, not the one before
        explicit = a.place_source == "sentence" and b.place_source == "sentence"
        if explicit and a.place_id and b.place_id and not self.gaz.nested(a.place_id, b.place_id) and not (
                a.low == b.low and self._same_admin1(a.place_id, b.place_id)):
            return False
        if explicit and a.place_id != b.place_id and a.low != b.low and not (a.ctx.titleish or b.ctx.titleish):
            return False  # two places named with two figures are two boxes, not one figure
        if not _victims_may_match(a, b):
            return False
        # two body figures each dated on a day of its own ("two died ... on Tuesday evening", "killed
        # two separatist fighters in a follow-up raid ... on Wednesday morning"), or each by its
        # paragraph (a weekly wrap's "Monday, April 9."), tell of two days; a lede's day ("went on
        # trial on Tuesday, accused of the killing of 41 civilians") may be the news, not the event
        if in_body:
            dated = (a.own_date and b.own_date) or (a.context_date and b.context_date)
            return not (dated and _days_apart(a, b, more_than=0))
        return not (_days_apart(a, b, more_than=1) and a.own_date and b.own_date)

    def _link_other_counts(self, claims: list[ArticleClaim]) -> None:
        """'A car bomb killed 30 people in Baghdad, police said. The health ministry put the death toll
        at 37': a toll (or a source's figure: "A doctor said 12 people had died") in the next three
        sentences that names no place, date or other event of its own is another source's count of
        the incident just told, not a second incident; so is a superseded count ("rose to 41 from
        12", "Police had initially put the toll at 29"). It stays a claim of its own; the marts merge
        the two into one incident, as they merge reports from different articles. A toll that is
        the sum of the incidents before it ("The toll was 9" after 5 and 4) is left alone."""
        roots = [c for c in claims if c.parent is None and c.restates is None and c.scope == "incident"
                 and not c.ctx.titleish]
        for k, later in enumerate(roots):
            if later.sc.shape == "comparison" or _earlier_count(later):
                # a superseded count: compared with the toll of its sentence, or said to be earlier
                newer = (_toll_compared_with(later, roots[:k]) if later.sc.shape == "comparison"
                         else self._count_superseded_by(later, roots[:k]))
                if newer is not None:
                    later.same_event = newer.same_event or newer
                continue
            if later.own_date or later.place_source == "sentence" or later.sc.extras.get("part_cue") \
                    or sum(c.sc.outcome == later.sc.outcome for c in later.ctx.claims) > 1 \
                    or not (later.sc.shape == "toll" or _another_sources_count(later, self._party_claim(later))) \
                    or _ANOTHER.search(later.ctx.masked):
                continue  # "Among the other injured were two", "were killed: one ... and four ...": parts
            before = [c for c in roots[:k] if c.sc.outcome == later.sc.outcome and c.ctx is not later.ctx]
            if not before:
                continue
            earlier = before[-1]
            if not (0 < later.ctx.sentence.index - earlier.ctx.sentence.index <= 3
                    and later.ctx.sentence.paragraph - earlier.ctx.sentence.paragraph <= 1):
                continue
            recent = [c for c in before if later.ctx.sentence.index - c.ctx.sentence.index <= 3]
            if len(recent) > 1 and sum(c.low for c in recent) == later.low:
                continue
            # "killed half a dozen of the bandits ... He put the death toll among residents at 19": other victims
            if earlier.event_date == later.event_date and self._place_ok(earlier, later) and (
                    earlier.victim_class == later.victim_class or "mixed_unknown" in (earlier.victim_class, later.victim_class)
                    and "militants" not in (earlier.victim_class, later.victim_class)) and (
                    later.sc.shape == "toll" or self._close_count_of(later, earlier) or self._party_and_other(later, earlier)):
                later.same_event = earlier.same_event or earlier

    def _party_and_other(self, a: ArticleClaim, b: ArticleClaim) -> bool:
        """One figure is a side's claim and the other is not, of the same victims: of any size, as a
        side's claims of the other side's losses run far above other counts ("killing seven
        policemen, officials said. The Taliban said they had killed 20 policemen")."""
        return a.victim_class == b.victim_class and self._party_claim(a) != self._party_claim(b)

    @staticmethod
    def _close_count_of(later: ArticleClaim, earlier: ArticleClaim) -> bool:
        """A source's figure that is another count of the one before: of no fighters (two sides'
        fighters are two figures), of its victims or unspecific ones ("people"), and of the same
        size (at least half of the larger: "two civilians were killed in the crossfire" after 26
        bodies is a part of them, or others)."""
        return "militants" not in (earlier.victim_class, later.victim_class) \
            and later.victim_class in (earlier.victim_class, "mixed_unknown") \
            and min(later.low, earlier.low) * 2 >= max(later.low, earlier.low)

    def _count_superseded_by(self, superseded: ArticleClaim, before: list[ArticleClaim]) -> ArticleClaim | None:
        """The newer count an earlier one, told after it, was of: 'The toll rose to 23 ... Initial
        reports spoke of 11 dead', 'killing 15 people ... Police had earlier said nine'. The nearest
        figure of the outcome before it in the last few sentences, the nearest at least as large if
        there is one (tolls rise; "a wounded soldier died overnight" is a part of the toll), with
        victims, place and day that fit; none when that one does not fit."""
        window = [c for c in before if c.sc.outcome == superseded.sc.outcome and c.ctx is not superseded.ctx
                  and superseded.ctx.sentence.index - c.ctx.sentence.index <= 5
                  and superseded.ctx.sentence.paragraph - c.ctx.sentence.paragraph <= 2]
        if not window:
            return None
        newer = next((c for c in reversed(window) if c.low >= superseded.low), window[-1])
        fits = _victims_may_match(newer, superseded) and self._place_ok(superseded, newer) \
            and not _days_apart(newer, superseded, more_than=1)
        return newer if fits else None

    def _update_of(self, earlier: ArticleClaim, later: ArticleClaim) -> bool:
        """'A bomb killed 9 soldiers on Monday. The death toll later rose to 15': a risen toll, a few
        sentences on in the paragraph (or the next, naming no event of its own: a live blog's "The
        toll has risen to four"), is a new count of the earlier figure, not a second event."""
        if not (later.start > earlier.start and later.sc.shape == "toll" and earlier.scope == later.scope == "incident"
                and later.low >= earlier.low and 0 <= later.ctx.sentence.index - earlier.ctx.sentence.index <= 3):
            return False
        phrase = later.ctx.sentence.text[later.sc.start:later.sc.end]
        paragraphs_apart = later.ctx.sentence.paragraph - earlier.ctx.sentence.paragraph
        return bool(_RISEN.search(phrase)) and (paragraphs_apart == 0 or (
            paragraphs_apart == 1 and not _SINGLE_EVENT.search(phrase))) and self._place_ok(earlier, later) and (
            earlier.victim_class == later.victim_class or "mixed_unknown" in (earlier.victim_class, later.victim_class)
            and earlier.victim_class != "militants")

    def _link_totals_after_parts(self, claims: list[ArticleClaim], contexts: list[Context]) -> None:
        """'5 soldiers killed, 3 militants killed. Fatalities: 8': a total stated after its parts (a
        tally or a label, in the parts' paragraph) that they add up to exactly is their parent."""
        roots = [c for c in claims if c.parent is None and c.restates is None]
        for k, total in enumerate(roots):
            if total.scope not in ("incident", "period_total") or not (
                    total.sc.shape == "toll" or _aggregate(total.ctx.masked)):
                continue
            # the parts are in the total's paragraph, or the list of items it closes
            # (unless the total has parts of its own: "14 dead (six members of the security forces, ...)")
            listed = {id(ctx) for ctx in self._list_before(total.ctx, contexts)} \
                if total.place_source == "list" and not any(c.parent is total for c in claims) else set()
            # a bulletin's militants the forces killed ("a handful of Daesh terrorists") are no part of
            # its "6 martyrs", unless the total names the sides
            fighters_apart = total.victim_class != "militants" and not _names_sides(total)
            before = [c for c in roots[:k] if c.sc.outcome == total.sc.outcome and c.scope == "incident"
                      and c.parent is None and c.low < total.low
                      and (c.ctx.sentence.paragraph == total.ctx.sentence.paragraph
                           or id(c.ctx) in listed and not (fighters_apart and c.victim_class == "militants"))]
            run: list[ArticleClaim] = []
            for part in reversed(before):  # the parts right before the total
                run.insert(0, part)
                if sum(c.low for c in run) >= total.low:
                    break
            if len(run) > 1 and sum(c.low for c in run) == total.low and all(self._place_ok(c, total) for c in run):
                for part in run:  # a list's items keep the place and day their item tells
                    self._make_breakdown(part, total, keeps_own=id(part.ctx) in listed)
            elif _IN_ALL.match(total.ctx.masked) and total.scope == "period_total":
                self._link_summed_before(total, roots[:k])

    def _link_summed_before(self, total: ArticleClaim, earlier: list[ArticleClaim]) -> None:
        """'- Aug. 2 - ... killing 14 worshippers ... - Aug. 23 - ... kill 21 mourners. In all, at least 96
        people were killed in Diyala in August': a total that says it sums ("in all", "altogether") holds
        the incidents before it of its outcome, period, area and victims, while they fit in it (back to
        the total before it). A total that names no place of its own ("In all, at least 31 people were
        killed during the week") lies where its incidents are."""
        first, last = total.period_start or total.event_date, total.period_end or total.event_date
        placed = total.place_source == "sentence"
        sides = _names_sides(total)
        parts: list[ArticleClaim] = []
        for item in reversed(earlier):
            if item.sc.outcome != total.sc.outcome:
                continue
            if item.scope in ("period_total", "cumulative"):
                break
            if _within(item.event_date, first, last) and (
                    self._may_be_item(item, total, sides) if placed
                    else item.scope == "incident" and item.parent is None and self._item_victims_fit(item, total, sides)):
                parts.append(item)
        if parts and sum(c.low for c in parts) <= total.low:
            for part in parts:  # each keeps the day and place its paragraph tells
                self._make_breakdown(part, total, keeps_own=True)
            places = list(dict.fromkeys(c.place_id for c in parts if c.place_id))
            holds_them = total.place_id is not None and all(self.gaz.nested(p, total.place_id) for p in places)
            if not placed and places and not holds_them and (area := self.gaz.common_ancestor(places)):
                total.place_id, total.place_text, total.place_source = area, self.gaz.places[area].name, "breakdown"

    def _link_items_of_a_day(self, claims: list[ArticleClaim]) -> None:
        """'Bombings across Iraq killed at least 23 people on Tuesday ... In Kirkuk, gunmen killed a
        policeman. In Mosul, a mortar killed one pupil': the incidents after a day's (or a few days')
        total, of its outcome, days, area and victims, are its items while they fit in it. Bodies
        found and the militants the forces killed are counted apart, unless the total names its
        victims' sides ("fighters and civilians", "including 19 civilians"); an item of a side
        the total has a part for ("19 civilians") is that part's. The next total of the outcome
        starts items of its own."""
        roots = [c for c in claims if c.parent is None and c.restates is None and not c.ctx.titleish]
        for k, total in enumerate(roots):
            if total.scope != "period_total":
                continue
            days = self._days_of(total)
            first, last = total.period_start or total.event_date, total.period_end or total.event_date
            parts = [c for c in claims if c.parent is total]
            room = {id(total): total.low - sum(c.low for c in parts)}
            room.update({id(c): c.low for c in parts if c.victim_class != "mixed_unknown"})
            sides = _names_sides(total)
            for item in roots[k + 1:]:
                if item.sc.outcome != total.sc.outcome or item.sc.shape == "comparison":
                    continue
                area_part = self._is_area_part(item, total, sides)
                if item.scope in ("period_total", "cumulative") and not area_part:
                    if _victims_may_match(item, total):
                        break  # the next total of these victims has items of its own
                    continue  # "A further 118 members of the security forces": another side's
                # a longer total's items: the rows of its table ("Baghdad: 287 killed"), or events dated
                # inside a month's total; an undated event of the day is no part of a month's figure
                dated = (item.own_date or item.context_date) and item.event_date is not None
                if days is None or days > 7:
                    if not (_LABEL_LINE.match(item.ctx.sentence.text) or _PIPE_ROW.match(item.ctx.sentence.text)
                            or (dated and days is not None and days <= 31)):
                        continue
                if (not (area_part or self._may_be_item(item, total, sides)) or item.ctx is total.ctx
                        or item.sc.extras.get("part_cue")  # "17 of the wounded": of a figure told before
                        or _BODIES.search(item.ctx.sentence.text[item.sc.start:item.sc.end])
                        or _SEPARATELY.match(item.ctx.masked)
                        or (dated and not _within(item.event_date, first, last))):
                    continue
                side = next((c for c in parts if c.victim_class == item.victim_class and id(c) in room), None)
                parent = side if side is not None and room[id(side)] >= item.low else total
                if room[id(parent)] < item.low:
                    continue
                self._make_breakdown(item, parent, keeps_own=True)
                room[id(parent)] -= item.low
                if side is not None and parent is side:
                    continue
                if not room[id(total)] and all(room[id(c)] == 0 for c in parts if id(c) in room):
                    break

    def _is_area_part(self, item: ArticleClaim, total: ArticleClaim, sides: bool) -> bool:
        """'62 insurgents were killed [in Helmand, Kunduz and Faryab] ... Helmand: in Nad Ali and Marjah
        districts, commandos killed 24': a figure of the total's days spread over places inside one
        of the places the total lists is a part of it, not the next total."""
        return (item.scope == "period_total" and bool(total.places_listed) and item.parent is None
                and item.period_start is None and item.event_date is not None
                and _within(item.event_date, total.period_start or total.event_date, total.period_end or total.event_date)
                and self._within_totals_places(item, total) and self._item_victims_fit(item, total, sides))

    def _may_be_item(self, item: ArticleClaim, total: ArticleClaim, sides: bool) -> bool:
        """Whether a figure can be one of a total's items: a free incident in the total's area (and
        listed places) whose victims can be among the total's. The caller checks the days."""
        return (item.scope == "incident" and item.parent is None and self._within_totals_places(item, total)
                and self._item_victims_fit(item, total, sides))

    def _within_totals_places(self, item: ArticleClaim, total: ArticleClaim) -> bool:
        """In the total's area, and in one of its places when it lists them ("in Kaduna, Zamfara
        and Borno states")."""
        if not self._place_ok(item, total):
            return False
        if not (item.place_id and total.places_listed):
            return True
        inside = self.gaz.ancestors(item.place_id)  # or in its admin1: "Kaduna" is the city and the state
        return any(place in inside or self._same_admin1(item.place_id, place) for place in total.places_listed)

    @staticmethod
    def _item_victims_fit(item: ArticleClaim, total: ArticleClaim, sides: bool) -> bool:
        """Whether an item's victims can be among a day's total's: 'people' among '23 people', but
        not militants unless the total names the sides; 'people' among '9 civilians' unless the
        item's sentence names fighters."""
        if total.victim_class == "mixed_unknown":
            return item.victim_class != "militants" or sides
        if item.victim_class == "mixed_unknown":
            return total.victim_class == "civilian" and not _COMBATANTS.search(item.ctx.masked)
        return item.victim_class == total.victim_class

    @staticmethod
    def _days_of(claim: ArticleClaim) -> int | None:
        """How many days a total covers (None: not known)."""
        if claim.period_start and claim.period_end:
            return (claim.period_end - claim.period_start).days + 1
        return 1 if claim.event_date is not None else None

    @staticmethod
    def _vague_headline_of(vague: ArticleClaim, exact: ArticleClaim) -> bool:
        """"Clashes leave dozens dead" over "killed at least 47": a headline's vague word is the body's
        figure rounded, when the figure lies between the word's value and five times it."""
        return (vague.ctx.titleish and vague.sc.number.is_vague and not exact.sc.number.is_vague
                and vague.low <= exact.low < 5 * vague.low)

    def _party_claim(self, claim: ArticleClaim) -> bool:
        """Whether the figure is one side's claim of the other side's losses: told by a group,
        force or government ("the Taliban said", "a spokesman for the army", "according to
        al-Shabaab") of fighters or forces of the other side."""
        victims = _VICTIM_SIDE.get(claim.victim_class)
        if victims is None or _BOTH_SIDES.search(claim.ctx.sentence.text):
            return False  # "42 combatants from both sides": no side's claim of the other's losses
        text = claim.ctx.sentence.text
        sides = {_ACTOR_SIDE.get(self.gaz.actors[m.ref].actor_type) for m in claim.ctx.actors
                 if _SPEAKS_AFTER.match(text, m.end) or _SPEAKER_BEFORE.search(text, 0, m.start)}
        sides |= {"state" if m.group("state") else "group" for m in _SIDE_SPEAKER.finditer(claim.ctx.masked)}
        sides.discard(None)
        return bool(sides) and victims not in sides

    # -- output -----------------------------------------------------------------------------

    def _row(self, c: ArticleClaim, body: str, published: dt.date | None, sha: str) -> dict:
        number = c.sc.number
        new_event = bool(c.restates is None and c.event_date and published
                         and 0 <= (published - c.event_date).days <= 1)
        return {
            "claim_id": _claim_id(sha, c),
            "sentence_index": c.ctx.sentence.index, "sentence_start": c.ctx.sentence.start,
            "sentence_end": c.ctx.sentence.end, "sentence": body[c.ctx.sentence.start:c.ctx.sentence.end],
            "char_start": c.start, "char_end": c.end,
            "quote": body[c.start:c.end], "outcome": c.sc.outcome, "number_text": number.text,
            "value_low": number.low, "value_high": number.high, "qualifier": number.qualifier,
            "is_vague": number.is_vague, "vague_term": number.vague_term, "victims_text": c.victims_text,
            "victim_class": c.victim_class, "victim_actor": c.victim_actor, "perpetrator_actor": c.perpetrator,
            "place_text": c.place_text, "place_id": c.place_id, "place_source": c.place_source,
            "event_date": c.event_date,
            "period_start": c.period_start, "period_end": c.period_end,
            "date_precision": c.precision if published or c.precision != "day" or c.own_date else "unknown",
            "scope": c.scope, "part_of_claim_id": _claim_id(sha, c.parent) if c.parent else None,
            "restates_claim_id": _claim_id(sha, c.restates) if c.restates else None,
            "same_event_as_claim_id": _claim_id(sha, c.same_event) if c.same_event else None, "is_new_event": new_event,
            "is_party_claim": self._party_claim(c),
        }


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


def _toll_compared_with(compared: "ArticleClaim", before: list["ArticleClaim"]) -> "ArticleClaim | None":
    """'The toll rose to 41 from 12': the toll of the sentence the superseded 12 is compared with;
    none when the figure is of another event or period ('..., up from 12 in a similar attack last month')."""
    toll = next((c for c in reversed(before) if c.ctx is compared.ctx and c.sc.outcome == compared.sc.outcome), None)
    tail = _clause_after(compared.ctx.sentence.text, compared.sc.end)
    if toll is None or _days_apart(toll, compared, more_than=1) or _SINGLE_EVENT.search(tail) or _OTHER_PERIOD.search(tail):
        return None
    return toll


def _earlier_count(claim: "ArticleClaim") -> bool:
    """Whether the clause before the figure says it is an earlier count ('had initially put the toll at')."""
    clause = re.split(r"[;:]", claim.ctx.sentence.text[:claim.sc.number.start])[-1]
    if not _EARLIER_WORD.search(clause):
        return False
    if _EARLIER_COUNT.search(clause):
        return True
    pluperfect = _PLUPERFECT_COUNT.search(clause)
    if pluperfect and not _SPEECH_WORD.search(clause, 0, pluperfect.start()):
        return True
    return bool(_EARLIER_OPENING.search(clause)) and not _SINGLE_EVENT.search(clause)


_OTHER_PERIOD = re.compile(r"\b(?:last|previous|prior|preceding|month|week|year)\b", re.IGNORECASE)


# "A hospital official said nine people had died": a figure a source gives, in a sentence that
# tells of no new event ("a second blast") and adds nothing ("also", "more", "other")
_NEW_EVENT = re.compile(r"\b(?:a|an|another|second|third|separate|other|earlier|later)\s+(?:[\w-]+\s+)?"
                        + _SINGLE_EVENT.pattern.removeprefix(r"\b"), re.IGNORECASE)


def _another_sources_count(claim: "ArticleClaim", party: bool = False) -> bool:
    """A source's own figure: passive or a noun ("A doctor said 12 people had died"), or a side's
    claim of what it did ("the Taliban said they had killed 20 policemen"), telling of no new event."""
    text = claim.ctx.masked
    told = claim.sc.shape in ("passive", "noun") and bool(_SPEECH_WORD.search(text)) or party and claim.sc.shape == "active"
    return told and not _NEW_EVENT.search(text) and not _ADDS.search(text)


def _names_sides(total: "ArticleClaim") -> bool:
    """Whether a total names the sides it counts ("fighters and civilians"); a side it leaves out
    ("not counting 16 militants the army said it had killed") is not one of them."""
    return bool(_SIDES.search(_LEFT_OUT.sub(" ", total.ctx.masked)))


def _victims_may_match(a: "ArticleClaim", b: "ArticleClaim") -> bool:
    """The same victims, or one figure's are unknown ("people")."""
    return a.victim_class == b.victim_class or "mixed_unknown" in (a.victim_class, b.victim_class)


def _days_apart(a: "ArticleClaim", b: "ArticleClaim", more_than: int) -> bool:
    """Both claims are dated and their days are more than `more_than` apart."""
    return bool(a.event_date and b.event_date and abs((a.event_date - b.event_date).days) > more_than)


def _aggregate(text: str) -> bool:
    """A total over several events; "the latest in a string of attacks" is one of them."""
    return any(not _LATEST_OF.search(text[:m.start()]) for m in _AGGREGATE.finditer(text))


def _one_event(text: str) -> bool:
    """The sentence names one attack ("a roadside bomb"), not several ("airstrikes")."""
    return any(not m.group(0).lower().endswith("s") for m in _SINGLE_EVENT.finditer(text)) or bool(_TWIN.search(text))


def _span_days_back(match: re.Match) -> int:
    """Days before the reporting day that a recent span starts: 24 hours -> 1, seven days -> 6."""
    n = match.group("n")
    count = int(n) if n and n.isdigit() else _SPAN_WORDS.get((n or "").lower(), 1)
    unit = match.group("unit").lower()
    if unit == "hours":
        return max(1, -(-count // 24))
    if unit == "week":
        return 6
    return max(1, count - 1)


def _relative_shift(text: str, number_at: int) -> int:
    """Days between the figure and the day its context gives: "The attack came a day after gunmen
    killed four" (-1: the killing came first), "Two more died a day later" (+1)."""
    match = next((m for m in _DAYS_APART.finditer(text) if not _RATE_BEFORE.search(text[:m.start()])), None)
    if not match:  # "paying 10,000 dinars a day" is a rate
        return 0
    n = parse_single(match["n"])
    direction = match["dir"].lower()
    if direction in ("earlier", "later"):  # "two days earlier, 5 people were killed"
        return -n if direction == "earlier" else n
    # "X came a day after [the figure]": the figure is earlier; "[the figure] a day after X": later
    before_figure = match.end() <= number_at
    return (-n if before_figure else n) if direction == "after" else (n if before_figure else -n)


_TAKEN_TO = re.compile(r"\b(?:taken|flown|evacuated|rushed|transferred|moved|airlifted|brought|referred|driven|sent)\s+"
                       r"(?:\w+\s+){0,2}to\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
_SMALL_AREA_AFTER = re.compile(r"^\s+(?:neighbou?rhood|quarter|district|area|street|square|camp|hospital|mosque|market)\b", re.IGNORECASE)
_ITEM_DATELINE = re.compile(r"^\W{0,3}(?P<place>[A-Z][A-Za-z'. -]{1,30}?)\s*(?:\([^)]{1,30}\))?\s*[-\u2013\u2014:]\s")
# between a place and a larger one holding it, not a list: "Taiz governorate in Yemen", "Bandiagara circle, in central Mali"
_NESTED_GAP = re.compile(r"(?![^.;]*\b(?:and|or|to|from|between)\b)[^.;]{0,25}")
# words that point back to a place named before: "in the province", "the city's", "there"
_AREA_ANAPHOR = re.compile(r"\b(?:the|this|that)\s+(?:same\s+|\w+\s+)?(?:state|province|governorate|region|city|town|village|"
                           r"district|county|area|camp|siege|prefecture|oblast|department|municipality|enclave|strip|"
                           r"valley|neighbou?rhood|capital|island|border\s+town)(?:['\u2019]s)?\b|\bthere\b|\blocal\b",
                           re.IGNORECASE)
_SOME_OF_THEM_IN = re.compile(r"\b(?:(?:most|many|some|several|half|the\s+majority|all\s+but\s+\w+)\s+of\s+them|mostly|mainly|"
                              r"largely|chiefly|many|most)\s+in\s+(?:the\s+)?(?:[\w-]+\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)
# a tally's victims, named before the number: up to the outcome word
_TALLY_VICTIMS = re.compile(r"number\s+of\s+[^.;]*?\b(?:" + TALLY_OUTCOMES + r")\b", re.IGNORECASE)
_RISEN = re.compile(r"\b(?:rose|risen|raised|climbed|increased|jumped|mounted|reached|rising|climbing)\b", re.IGNORECASE)
_IN_ALL = re.compile(r"\s*(?:in\s+all|in\s+total|altogether|all\s+told|overall|in\s+sum)\b", re.IGNORECASE)
_FURTHER_BEFORE = re.compile(r"\b(?:a\s+further|another|an\s+additional|an\s+other)\s+$", re.IGNORECASE)
# a figure that says it adds to the ones told ("Two soldiers were also killed", "three more"); a
# source's figure that does ("five others") is none of the source's count of the same people. Next to
# a figure, "the five others" may be the rest of a group told before: "other" only counts sentence-wide.
_ADDS_NEAR = re.compile(r"\b(?:also|more(?!\s+than)|too|further|additional|as\s+well)\b", re.IGNORECASE)
_ADDS = re.compile(r"\b(?:also|too|more(?!\s+than)|other|others|another|further|additional|besides|as\s+well)\b",
                   re.IGNORECASE)
_INDEFINITE = frozenset({"a", "an", "another", "one other"})
_BULLET = re.compile(r"^\s*(?:[-\u2022*\u2013]\s|\d{1,2}[.)](?:\s|$))")  # "- Baquba: ...", "2. On Monday afternoon, ..."
# a table row: "Baghdad: 287 killed, 713 injured" (a label that is no outcome word: not "Fatalities: 8")
_LABEL_LINE = re.compile(r"^\s*(?:[-\u2022*]\s*)?(?!(?:fatalities|deaths|dead|killed|injured|wounded|casualties|injuries|"
                         r"missing|kidnapped|abducted|toll|death toll|total)\s*:)[A-Z][\w'\u2019 .-]{1,40}:\s*(?:[a-z]+\s+)?\d", re.I)
# a table's heading that says what its rows count ("Table 2. Civilians killed by month, 2023",
# "Civilian deaths by province:"), and its rows ("January 96", "Kabul: 143", "Diyala (161)")
_TABLE_HEADING = re.compile(
    r"^\W{0,3}(?:table\s+\d+\s*[.:]\s*)?(?P<what>[A-Za-z'\u2019 -]{0,40}?\b(?:killed|deaths|dead|fatalities|casualties|"
    r"wounded|injured)\b)\s+(?:per|by)\s+(?:month|province|governorate|region|district|state|county|department|city|area)s?"
    r"\b[^.;:]{0,30}?[:.]?\s*$", re.IGNORECASE)
_TABLE_ROW = re.compile(r"^\W{0,3}(?P<label>[A-Z][\w'\u2019 .-]{1,40}?)(?::\s*|\s+|\s*\()(?P<n>\d{1,3}(?:,\d{3})+|\d+)\)?\s*$")
_CLAUSE_MARK = re.compile(r"[,;(]")
_LEFT_OUT = re.compile(r"\b(?:not\s+counting|excluding|apart\s+from|besides|on\s+top\s+of|in\s+addition\s+to)\b[^.;]*", re.IGNORECASE)
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_PAREN_HEAD = re.compile(r"(?P<label>)\b(?P<what>(?:[a-z-]+\s+)?(?:deaths|killed|dead|fatalities|casualties|wounded|injured))"
                         r"\s*\((?P<n>\d{1,3}(?:,\d{3})+|\d+)\)")
_PAREN_ITEM = re.compile(r"(?P<label>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})\s*\((?P<n>\d{1,3}(?:,\d{3})+|\d+)\)")
_PIPE_ROW = re.compile(r"^\s*\|[^|\n]+\|")  # "| Improvised explosive devices | 41 killed |"
_SIDES = re.compile(r"\b(?:fighters|combatants|militants|insurgents|rebels|civilians|non-combatants)\b", re.IGNORECASE)
_COMBATANTS = re.compile(r"\b(?:fighters|combatants|militants|insurgents|rebels|soldiers|troops|gunmen|attackers)\b", re.IGNORECASE)
_BODIES = re.compile(r"\b(?:bodies|body|corpses|remains)\b", re.IGNORECASE)
_SEPARATELY = re.compile(r"\s*(?:separately|in\s+a\s+separate\s+(?:development|statement|report))\b", re.IGNORECASE)
_LOST = re.compile(r"(?:has\s+|have\s+|had\s+)?(?:lost|lose|loses|losing)\b", re.IGNORECASE)
_DISTANCE_UNITS = ("km", "kilomet", "mile", "KM")  # a cheap test before the pattern
_DISTANCE_FROM = re.compile(r"\b\d[\d.,]*\s*(?:km|kilomet(?:re|er)s?|miles?)\b(?:\s*\([^)]{0,20}\))?\s+"
                            r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+|away\s+)?(?:of|from)\s+"
                            r"(?:the\s+(?:town|city|village|capital)\s+(?:of\s+)?)?$", re.IGNORECASE)
_BASED_AFTER = re.compile(r"-?\s?(?:based|headquartered)\b", re.IGNORECASE)
_PARTY_AFTER = re.compile(r"^['\u2019]s?\s+(?:\w+\s+)?(?:war|offensive|campaign|invasion|assault|bombardment|"
                          r"military|army|forces|troops|air\s+force|navy|government|regime|strikes|air\s+strikes)\b", re.I)
_ANTERIOR_CLAUSE = re.compile(r"\b(?:who|which|that|whose\s+\w+)\s+had\b", re.I)
_CLAUSE_BREAK = re.compile(r",\s*(?:but|while|although|though|whereas|yet)\b|;", re.I)


def _within(day: dt.date | None, first: dt.date | None, last: dt.date | None) -> bool:
    """Whether a day lies in a period; not when either is unknown (a total of an undated article)."""
    return day is not None and first is not None and last is not None and first <= day <= last


def _names_one_event(text: str) -> bool:
    """An attack word ("a roadside bomb") or a fight of hours ("a five-hour siege")."""
    return bool(_SINGLE_EVENT.search(text) or _HOURS_LONG.search(text))


def _tells_of_one_event(text: str) -> bool:
    """A sentence about one attack, with no campaign or running toll named."""
    return bool(_SINGLE_EVENT.search(text)) and not _CAMPAIGN_CAUSE.search(text) and not _CUMULATIVE.search(text)


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding position `at` starts: after the last comma, colon, semicolon or bracket before it."""
    return max(text.rfind(mark, 0, at) for mark in ",;:(") + 1


def _clause_after(text: str, at: int) -> str:
    """The rest of the figure's clause: up to a semicolon, a full stop or ', and' / ', while' / ', but'."""
    rest = text[at:at + 80]
    end = re.search(r"[;.]|,\s*(?:and|while|but|as|whereas)\b", rest)
    return rest[:end.start()] if end else rest


def _tallied_period(sc: SentenceClaim, periods: list[DateMention], text: str) -> DateMention | None:
    """The period a tally counts: "bringing the number of troops killed in October to 58", "the toll
    for April rose to 73", "brings to 12 the number of soldiers killed in Mosul this year". Not the
    period of the event a toll is of: "the toll from last week's bombing", "the March bombing"."""
    if sc.shape != "toll":
        return None
    # the bring-to form ends its quote on the verb after the number: the period may follow it
    reach = sc.end + 30 if sc.end > sc.number.end else sc.number.start
    for period in periods:
        if sc.start <= period.start <= reach and not _CLAUSE_BREAK.search(text[sc.end:period.start]) and not (
                _EVENT_AFTER.match(text, period.end)):
            return period
    return None


_PREVIOUS = re.compile(r"\s+(?:the\s+(?P<unit>year|month)\s+before|the\s+previous\s+(?P<unit2>year|month)|"
                       r"a\s+(?P<unit3>year|month)\s+(?:earlier|before))\b", re.IGNORECASE)


def _previous_period(claim: ArticleClaim) -> None:
    """'rose to 412 in 2023 from 287 the year before': a compared figure of the year (or month)
    before the period its sentence names is of that earlier period."""
    if not (claim.sc.shape == "comparison" and claim.period_start and claim.period_end):
        return
    after = _PREVIOUS.match(claim.ctx.masked, claim.sc.number.end)
    if not after:
        return
    unit = after["unit"] or after["unit2"] or after["unit3"]
    if unit == "year" and claim.precision == "year":
        year = claim.period_start.year - 1
        claim.period_start, claim.period_end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    elif unit == "month" and claim.precision == "month":
        last = claim.period_start - dt.timedelta(days=1)
        claim.period_start, claim.period_end = month_bounds(last.year, last.month)
    else:
        return
    claim.event_date = None


def _until(period: DateMention, report_day: dt.date | None) -> dt.date | None:
    """The end of a period reported on report_day: by then at the latest, if it had begun."""
    end = period.period_end
    if end and report_day and (period.period_start is None or period.period_start <= report_day):
        return min(end, report_day)
    return end


def _class_at(actor: Actor, event_country: str | None) -> str | None:
    """An actor's victim class where the event is: a state's forces abroad are foreign_military,
    at home they are its security forces (the Kenya Defence Forces in Somalia, then in Garissa)."""
    if actor.victim_class == "foreign_military" and actor.country and actor.country == event_country:
        return "security_forces"
    return actor.victim_class


def _claim_id(sha: str, claim: ArticleClaim) -> str:
    return f"{sha[:16]}-{claim.start}-{claim.end}"


def _distance(mention: Mention, sc: SentenceClaim) -> int:
    if mention.start >= sc.end:
        return mention.start - sc.end
    if mention.end <= sc.start:
        return (sc.start - mention.end) + 10  # a place after the figure is more often its own
    return 0


# "Baghdad and southern Iraq": a compass word may open the next place of a list
_LIST_GAP = re.compile(r"\s*(?:,|and|or|, and)\s*(?:(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western|"
                       r"north-?eastern|north-?western|south-?eastern|south-?western)\s+)?", re.IGNORECASE)


def _listed_with(nearest: Mention, places: list[Mention], text: str) -> list[Mention]:
    """The places coordinated with the nearest one: 'Baghdad, Basra, Kut and Hilla'."""
    ordered = sorted(places, key=lambda m: m.start)
    i = ordered.index(nearest)
    group = [nearest]
    j = i
    while j + 1 < len(ordered) and _LIST_GAP.fullmatch(text[ordered[j].end:ordered[j + 1].start]):
        group.append(ordered[j + 1])
        j += 1
    j = i
    while j > 0 and _LIST_GAP.fullmatch(text[ordered[j - 1].end:ordered[j].start]):
        group.append(ordered[j - 1])
        j -= 1
    return group


def _is_titleish(sentence: Sentence, body: str) -> bool:
    """A headline or a cited title: a line of its own without closing punctuation, mostly capitalised
    (or, for the page's first line, any case: "Car bomb kills 12 in Mosul market")."""
    text = sentence.text
    if text.endswith((".", "!", "?", '"', "'")) or len(text) > 200:
        return False
    line_start = body.rfind("\n", 0, sentence.start) + 1
    line_end = body.find("\n", sentence.end)
    if body[line_start:(line_end if line_end >= 0 else len(body))].strip() != text:
        return False
    if sentence.index == 0 and line_end >= 0:
        # a first line that opens like a dateline is one, unless its colon makes it a headline ("Mali: ...")
        dateline = _DATELINE.match(text + " ")
        if not dateline or _opens_with_colon(dateline):
            return True
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


_EXTRACTOR: ArticleExtractor | None = None


def _shared_extractor() -> ArticleExtractor:
    """One extractor per process, built on first use (loading the seeds takes a moment)."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = ArticleExtractor()
    return _EXTRACTOR


def place_of(place_id: str | None) -> dict:
    """Country and admin1 of a place id (the marts' grain); both None without a place."""
    place = _shared_extractor().gaz.places.get(place_id) if place_id else None
    return {"country": place.country if place else None, "admin1": place.admin1 if place else None}


def admin1_names(name: str, country: str | None) -> set[str]:
    """The admin1 of every place of `country` that `name` names (as a name or an alias)."""
    gaz = _shared_extractor().gaz
    places = [gaz.places[m.ref] for m in gaz.mentions(name) if m.kind == "place" and m.ref in gaz.places]
    return {p.admin1 for p in places if p.admin1 and (country is None or p.country == country)}


def extract_article(article_id: str, body: str, published: dt.date | None, content_sha256: str) -> tuple[list[dict], list[dict]]:
    """Claims and mentions found in one article version."""
    return _shared_extractor().extract(body, published, content_sha256)
