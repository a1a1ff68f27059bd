"""When a claim happened: its day or period resolved against the publication date, with context
from neighbouring sentences; cumulative tolls (a mixin of ArticleExtractor)."""

from __future__ import annotations

import datetime as dt
import re

from .article import (
    ArticleClaim,
    Context,
    _BREAKDOWN_LEAD,
    _DAYS_APART,
    _EVENT_AFTER,
    _HOURS_LONG,
    _RATE_BEFORE,
    _SINGLE_EVENT,
    _SPAN_WORDS,
    _TWIN,
    _aggregate,
)
from .claims import SentenceClaim
from .dates import DateMention, month_bounds
from .numbers import parse_single

_CUMULATIVE = re.compile(r"\b(?:so\s+far|to\s+date|thus\s+far|since\s+(?:the\s+)?(?:start|beginning|outbreak|onset)|"
                         r"since\s+(?:the\s+)?(?:\w+\s+){0,3}(?:began|started|erupted|broke\s+out|was\s+launched)|"
                         r"running\s+toll|cumulative|in\s+the\s+(?:\w+\s+)?(?:weeks|months|years)\s+since)", re.IGNORECASE)
_TO_DATE = re.compile(r"\b(?:so\s+far|to\s+date|thus\s+far)\b", re.IGNORECASE)
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|highest|lowest|first|most\s+\w+)\b"
                                 r"[^.;]{0,40}$", re.IGNORECASE)
# "over the past 24 hours", "in the last three days": a span ending on the reporting day
_RECENT_SPAN = re.compile(r"\b(?:over|in|during|within|for)\s+the\s+(?:past|last|previous|preceding)\s+"
                          r"(?:(?P<n>\d{1,3}|two|three|four|five|six|seven|ten|fourteen)\s+)?(?P<unit>hours|days|day|week)\b",
                          re.IGNORECASE)
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
_PLURAL_EVENT_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:bombings|attacks|strikes|airstrikes|blasts|explosions|raids|ambushes|"
                                 r"shootings|shellings|killings)\b", re.IGNORECASE)
_CAMPAIGN_CAUSE = re.compile(r"\b(?:in|during|since|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:crackdown|offensive|campaign|war|"
                             r"conflict|insurgency|uprising|siege|violence|unrest)\b", re.IGNORECASE)
# one event that lasted hours: "in a five-hour siege of a hotel", "an hours-long assault", "a day-long battle"
_TIMED_ENTRY = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*(?:GMT|UTC|EAT|local(?:\s+time)?|[ap]\.?m\.?))?\s*(?:-|\u2013|\u2014|:)\s")
_ONSET = re.compile(r"\b(?:erupted|broke\s+out|began|begun|started|launched|ordered|escalated|flared|since)\b", re.IGNORECASE)
# "the bodies of eight of them were found a month later": a part, or a time of its own
_PART_OR_OWN_TIME = re.compile(r"\bof\s+(?:them|those|these|whom)\b|\b(?:later|earlier|afterwards)\b", re.IGNORECASE)


def _one_event(text: str) -> bool:
    """The sentence names one attack ("a roadside bomb"), not several ("airstrikes", "suicide bombings":
    a word of one attack that modifies a plural is of several)."""
    return any(not m.group(0).lower().endswith("s") and not _PLURAL_EVENT_AFTER.match(text, m.end())
               for m in _SINGLE_EVENT.finditer(text)) or bool(_TWIN.search(text))


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
_FURTHER_BEFORE = re.compile(r"\b(?:a\s+further|another|an\s+additional|an\s+other)\s+$", re.IGNORECASE)
_CLAUSE_MARK = re.compile(r"[,;(]")
_ANTERIOR_CLAUSE = re.compile(r"\b(?:who|which|that|whose\s+\w+)\s+had\b", re.I)
_CLAUSE_BREAK = re.compile(r",\s*(?:but|while|although|though|whereas|yet)\b|;", re.I)


def _names_one_event(text: str) -> bool:
    """An attack word ("a roadside bomb") or a fight of hours ("a five-hour siege")."""
    return bool(_SINGLE_EVENT.search(text) or _HOURS_LONG.search(text))


def _tells_of_one_event(text: str) -> bool:
    """A sentence about one attack, with no campaign or running toll named."""
    return bool(_SINGLE_EVENT.search(text)) and not _CAMPAIGN_CAUSE.search(text) and not _CUMULATIVE.search(text)


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


def _until(period: DateMention, report_day: dt.date | None) -> dt.date | None:
    """The end of a period reported on report_day: by then at the latest, if it had begun."""
    end = period.period_end
    if end and report_day and (period.period_start is None or period.period_start <= report_day):
        return min(end, report_day)
    return end


class DateRules:
    """When a claim happened: the ArticleExtractor methods of this step."""

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
            # one person's death is one event, however coarse its date ("His brother was killed in 2014")
            one_person = claim.low == 1 and claim.sc.number.qualifier == "exact"
            claim.scope = "period_total" if (_aggregate(text) or claim.spread
                                             or not (_one_event(text) or few_in_one_place or one_person)) else "incident"
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
