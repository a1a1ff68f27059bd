"""From one article version to claim rows and mention rows (columns of raw.claim_events / mention_events).

Sentence-level binding lives in `claims`; `ArticleExtractor` adds what needs the whole article, a
module per step (its mixins): where (`article_places`: sentence, paragraph before, dateline), when
(`article_dates`: resolved against the publication date, with context from neighbouring
sentences), and how the claims relate (`article_links`: breakdowns across sentences, restatements
that must never add, other counts of one incident). `article` holds the records they share; the
victims, report tables and the rows written stay here.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from pathlib import Path

from . import __version__
from .article import ArticleClaim, Context, _DATELINE, _opens_with_colon, find_dateline
from .article_dates import DateRules
from .article_links import LinkRules
from .article_places import PlaceRules
from .claims import BODIES_VERBS, TALLY_OUTCOMES, SentenceAnalyser, SentenceClaim
from .config import SEEDS_DIR
from .dates import MONTHS, month_bounds
from .gazetteer import EXTRACTION_SEEDS, Actor, Gazetteer, Mention, load, outcome_positions
from .numbers import COUNT_WORDS, NumberPhrase, parse_single
from .sentences import Sentence, split_sentences


_RULE_FILES = ("article.py", "article_dates.py", "article_links.py", "article_places.py", "claims.py", "dates.py",
               "extract.py", "gazetteer.py", "numbers.py", "sentences.py", "textclean.py")


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
_SPEECH_AFTER = re.compile(r"^\s{0,2}(?:said|says|spokesman|spokeswoman|spokesperson|told|statement|reported|announced)\b", re.IGNORECASE)


class ArticleExtractor(PlaceRules, DateRules, LinkRules):
    """One article's claims: the sentence analyser's, placed, dated and linked by the steps mixed in, as rows."""
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
            carried = _carried_outcome(sentence, contexts[-1]) if contexts and not row else None
            if row:
                ctx.claims = [ArticleClaim(sc, ctx) for sc in self._table_row(heading, row)]
            elif index in flagged or carried:
                found = self.analyser.claims(sentence.text, relative, prefiltered=True, carried=carried)
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


_TAKEN_TO = re.compile(r"\b(?:taken|flown|evacuated|rushed|transferred|moved|airlifted|brought|referred|driven|sent)\s+"
                       r"(?:\w+\s+){0,2}to\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:in|at)\s+(?:the\s+)?$"
                       # "being treated in hospitals in Muqdadiyah and Baquba": where the wounded are cared for
                       r"|\b(?:treated|admitted|hospitali[sz]ed)\s+(?:in|at)\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
                       r"(?:hospitals?|clinics?|health\s+cent(?:re|er)s?)\s+(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+(?:and|,)\s+)?$",
                       re.IGNORECASE)
_SMALL_AREA_AFTER = re.compile(r"^\s+(?:neighbou?rhood|quarter|district|area|street|square|camp|hospital|mosque|market)\b", re.IGNORECASE)
_SOME_OF_THEM_IN = re.compile(r"\b(?:(?:most|many|some|several|half|the\s+majority|all\s+but\s+\w+)\s+of\s+them|mostly|mainly|"
                              r"largely|chiefly|many|most)\s+in\s+(?:the\s+)?(?:[\w-]+\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)
# a tally's victims, named before the number: up to the outcome word
_TALLY_VICTIMS = re.compile(r"number\s+of\s+[^.;]*?\b(?:" + TALLY_OUTCOMES + r")\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-\u2022*\u2013]\s|\d{1,2}[.)](?:\s|$))")  # "- Baquba: ...", "2. On Monday afternoon, ..."
# a table's heading that says what its rows count ("Table 2. Civilians killed by month, 2023",
# "Civilian deaths by province:"), and its rows ("January 96", "Kabul: 143", "Diyala (161)")
_TABLE_HEADING = re.compile(
    r"^\W{0,3}(?:table\s+\d+\s*[.:]\s*)?(?P<what>[A-Za-z'\u2019 -]{0,40}?\b(?:killed|deaths|dead|fatalities|casualties|"
    r"wounded|injured)\b)\s+(?:per|by)\s+(?:month|province|governorate|region|district|state|county|department|city|area)s?"
    r"\b[^.;:]{0,30}?[:.]?\s*$", re.IGNORECASE)
_TABLE_ROW = re.compile(r"^\W{0,3}(?P<label>[A-Z][\w'\u2019 .-]{1,40}?)(?::\s*|\s+|\s*\()(?P<n>\d{1,3}(?:,\d{3})+|\d+)\)?\s*$")
_PAREN_HEAD = re.compile(r"(?P<label>)\b(?P<what>(?:[a-z-]+\s+)?(?:deaths|killed|dead|fatalities|casualties|wounded|injured))"
                         r"\s*\((?P<n>\d{1,3}(?:,\d{3})+|\d+)\)")
_PAREN_ITEM = re.compile(r"(?P<label>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,2})\s*\((?P<n>\d{1,3}(?:,\d{3})+|\d+)\)")
_LOST = re.compile(r"(?:has\s+|have\s+|had\s+)?(?:lost|lose|loses|losing)\b", re.IGNORECASE)
_DISTANCE_UNITS = ("km", "kilomet", "mile", "KM")  # a cheap test before the pattern
_DISTANCE_FROM = re.compile(r"\b\d[\d.,]*\s*(?:km|kilomet(?:re|er)s?|miles?)\b(?:\s*\([^)]{0,20}\))?\s+"
                            r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+|away\s+)?(?:of|from)\s+"
                            r"(?:the\s+(?:town|city|village|capital)\s+(?:of\s+)?)?$", re.IGNORECASE)
_BASED_AFTER = re.compile(r"-?\s?(?:based|headquartered)\b", re.IGNORECASE)
_PARTY_AFTER = re.compile(r"^['\u2019]s?\s+(?:\w+\s+)?(?:war|offensive|campaign|invasion|assault|bombardment|"
                          r"military|army|forces|troops|air\s+force|navy|government|regime|strikes|air\s+strikes)\b", re.I)


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


# "Of the 27, nine were soldiers and 18 civilians": a sentence that opens on the figure before it
_OPENS_ON_THE_FIGURE_BEFORE = re.compile(r"^\W*Of\s+(?:the\s+(?P<n>\d[\d,]*)|them|those|these)\s*,\s", re.IGNORECASE)
# "Three of them were children": some of the figure before
_SOME_OF_THEM_OPENING = re.compile(rf"^\W*(?:\d[\d,]*|{COUNT_WORDS})\s+of\s+(?:them|those|the\s+victims)"
                                   r"\s+(?:were|was|are)\s", re.IGNORECASE)
_A_COUNT_OF_IT = re.compile(r"\b(?:figure|count|tally|estimate)\s+(?:is|was|stands\s+at|stood\s+at)(?:\s+now)?\s+\d"
                            r"|\b(?:said|says|counted|reported)\s+(?:\d[\d,]*|" + COUNT_WORDS + r")\s*(?:[,.;]|and\b)", re.IGNORECASE)
_BODIES_WORD = re.compile(r"\b(?:bodies|corpses|remains)\b", re.IGNORECASE)
_BODIES_VERB = re.compile(r"\b(?:were|had\s+been)\s+(?:also\s+)?(?:" + "|".join(BODIES_VERBS).replace(" ", r"\s+") + r")\b",
                          re.IGNORECASE)
_CARRIED = frozenset({"killed", "wounded", "kidnapped", "missing"})  # not killed_or_wounded: which would it be?


def _carried_outcome(sentence: Sentence, previous: Context) -> str | None:
    """The outcome a sentence carries from the one before: opening on its figure ("Of the 27,",
    "Of them,") or giving another count of it ("The Ministry of Health figure is 37"), when that one
    told figures of one outcome (and of that number); or "bodies" for one that goes on about the
    bodies the sentence before found ("Eleven were found in ...")."""
    if not previous.claims or sentence.paragraph - previous.sentence.paragraph > 1:
        return None
    opening = _OPENS_ON_THE_FIGURE_BEFORE.match(sentence.text)
    if opening is not None or _A_COUNT_OF_IT.search(sentence.text) or _SOME_OF_THEM_OPENING.match(sentence.text):
        figures = [c for c in previous.claims if c.sc.shape != "comparison"]
        outcomes = {c.sc.outcome for c in figures}
        number = opening.group("n") if opening is not None else None
        if len(outcomes) != 1 or (number and parse_single(number) not in {c.low for c in figures}):
            return None
        outcome = outcomes.pop()
        return outcome if outcome in _CARRIED else None
    bodies = any(c.sc.outcome == "killed" and _BODIES_WORD.search(previous.sentence.text, c.sc.start, c.sc.end)
                 for c in previous.claims)
    return "bodies" if bodies and _BODIES_VERB.search(sentence.text) else None

def _class_at(actor: Actor, event_country: str | None) -> str | None:
    """An actor's victim class where the event is: a state's forces abroad are foreign_military,
    at home they are its security forces (the Kenya Defence Forces in Somalia, then in Garissa)."""
    if actor.victim_class == "foreign_military" and actor.country and actor.country == event_country:
        return "security_forces"
    return actor.victim_class


def _claim_id(sha: str, claim: ArticleClaim) -> str:
    return f"{sha[:16]}-{claim.start}-{claim.end}"


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
