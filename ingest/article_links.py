"""How the claims of one article relate: breakdowns (parts of a figure), restatements that never
add, other counts of one incident, totals of the items before them (a mixin of ArticleExtractor)."""

from __future__ import annotations

import datetime as dt
import re

from .article import (
    ArticleClaim,
    Context,
    _ADDS,
    _BREAKDOWN_LEAD,
    _EARLIER_COUNT,
    _EARLIER_OPENING,
    _EARLIER_WORD,
    _LABEL_LINE,
    _LEFT_OUT,
    _NEW_EVENT,
    _OTHER_PERIOD,
    _PLUPERFECT_COUNT,
    _SIDES,
    _SINGLE_EVENT,
    _SPEECH_WORD,
    _aggregate,
    _clause_after,
)
from .claims import RANKS_OF_EITHER_SIDE

_OF_THE_WOUNDED = re.compile(r"\s+(?:more\s+)?of\s+(?:the|those)\s+(?:[\w-]+\s+)?(?:wounded|injured)\b", re.IGNORECASE)
_INCLUDED_IN = re.compile(r"\b(?:included|counted)\s+in\b", re.IGNORECASE)
_ANAPHORA = re.compile(r"\b(?:the|those|these)\s+(?:attacks?|blasts?|bombings?|clashes|violence|fighting|explosions?|"
                       r"dead|victims|raids?|ambush|assault|strikes?|operation|incident|shooting|shelling)\b", re.IGNORECASE)
_ANOTHER = re.compile(r"\b(?:another|separate(?:ly)?|second|elsewhere|in\s+a\s+different|earlier|later\s+in)\b", re.IGNORECASE)
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
_RISEN = re.compile(r"\b(?:rose|risen|raised|climbed|increased|jumped|mounted|reached|rising|climbing)\b", re.IGNORECASE)
_IN_ALL = re.compile(r"\s*(?:in\s+all|in\s+total|altogether|all\s+told|overall|in\s+sum)\b", re.IGNORECASE)
# a figure that says it adds to the ones told ("Two soldiers were also killed", "three more"); a
# source's figure that does ("five others") is none of the source's count of the same people. Next to
# a figure, "the five others" may be the rest of a group told before: "other" only counts sentence-wide.
_ADDS_NEAR = re.compile(r"\b(?:also|more(?!\s+than)|too|further|additional|as\s+well)\b", re.IGNORECASE)
_INDEFINITE = frozenset({"a", "an", "another", "one other"})
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_PIPE_ROW = re.compile(r"^\s*\|[^|\n]+\|")  # "| Improvised explosive devices | 41 killed |"
_COMBATANTS = re.compile(r"\b(?:fighters|combatants|militants|insurgents|rebels|soldiers|troops|gunmen|attackers)\b", re.IGNORECASE)
_BODIES = re.compile(r"\b(?:bodies|body|corpses|remains)\b", re.IGNORECASE)
_SEPARATELY = re.compile(r"\s*(?:separately|in\s+a\s+separate\s+(?:development|statement|report))\b", re.IGNORECASE)


def _within(day: dt.date | None, first: dt.date | None, last: dt.date | None) -> bool:
    """Whether a day lies in a period; not when either is unknown (a total of an undated article)."""
    return day is not None and first is not None and last is not None and first <= day <= last


class LinkRules:
    """How the claims of one article relate: the ArticleExtractor methods of this step."""

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
                # the wounded who died are of a toll told with them ("rose to 31 after two more of the
                # wounded died"); in a sentence of their own they are deaths the toll before did not count
                died_of_wounds = claim.sc.outcome == "killed" and _OF_THE_WOUNDED.match(
                    claim.ctx.sentence.text, claim.sc.number.end, claim.sc.end) is not None
                if died_of_wounds and _INCLUDED_IN.search(claim.ctx.sentence.text):
                    died_of_wounds = False  # "... and are included in the above figure of dead"
                earlier = [p for p in claims if p.ctx.sentence.start + p.sc.number.start < at and p.parent is None
                           and p.sc.outcome == claim.sc.outcome and p.sc.shape != "comparison"
                           and not (p.ctx is claim.ctx and p.sc.extras.get("part_cue"))  # siblings in a list of parts
                           and p.low > claim.low and p.ctx.sentence.index >= claim.ctx.sentence.index - 4
                           and not (died_of_wounds and p.ctx is not claim.ctx)]
                if died_of_wounds and not earlier:
                    # "two of the injured had died, bringing the number of dead to 13": the toll they raised
                    earlier = [p for p in claim.ctx.claims if p.start > claim.start and p.parent is None and p.sc.shape == "toll"
                               and p.sc.outcome == claim.sc.outcome and p.low > claim.low][:1]
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
