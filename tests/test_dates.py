"""Date expressions resolved against the publication date."""

import datetime as dt

import pytest

from ingest.dates import find_dates

PUBLISHED = dt.date(2008, 4, 30)  # a Wednesday


def one(text, ref=PUBLISHED):
    (mention,) = find_dates(text, ref)
    return mention


@pytest.mark.parametrize("text, day", [
    ("on Wednesday", dt.date(2008, 4, 30)),   # the latest Wednesday on or before publication
    ("on Monday night", dt.date(2008, 4, 28)),
    ("last Wednesday", dt.date(2008, 4, 23)),
    ("yesterday", dt.date(2008, 4, 29)),
    ("overnight", dt.date(2008, 4, 29)),
    ("on March 25", dt.date(2008, 3, 25)),
    ("on 25 March", dt.date(2008, 3, 25)),
    ("on December 30", dt.date(2007, 12, 30)),  # a date after publication means last year
    ("on 12 March 2016", dt.date(2016, 3, 12)),
    ("on 3 March last year", dt.date(2007, 3, 3)),
    ("03/14/2015", dt.date(2015, 3, 14)),
    ("2015-03-14", dt.date(2015, 3, 14)),
    # days counted back from publication
    ("killed two days ago", dt.date(2008, 4, 28)),
    ("killed the day before yesterday", dt.date(2008, 4, 28)),
    ("killed at the weekend", dt.date(2008, 4, 26)),
    ("killed over the weekend", dt.date(2008, 4, 26)),
    ("killed on the 5th, police said", dt.date(2008, 4, 5)),
    ("killed on the 31st.", dt.date(2008, 3, 31)),  # later in the month than publication: the month before
])
def test_days(text, day):
    mention = one(text)
    assert (mention.precision, mention.day) == ("day", day)


@pytest.mark.parametrize("text, start, end, precision", [
    ("in April", dt.date(2008, 4, 1), dt.date(2008, 4, 30), "month"),
    ("last month", dt.date(2008, 3, 1), dt.date(2008, 3, 31), "month"),
    ("last September", dt.date(2007, 9, 1), dt.date(2007, 9, 30), "month"),
    ("in September", dt.date(2007, 9, 1), dt.date(2007, 9, 30), "month"),
    ("in May 2006", dt.date(2006, 5, 1), dt.date(2006, 5, 31), "month"),
    ("last week", dt.date(2008, 4, 23), dt.date(2008, 4, 29), "week"),
    ("in March last year", dt.date(2007, 3, 1), dt.date(2007, 3, 31), "month"),  # not "last year" alone
    ("in January of this year", dt.date(2008, 1, 1), dt.date(2008, 1, 31), "month"),
    ("in 2007", dt.date(2007, 1, 1), dt.date(2007, 12, 31), "year"),
    ("last year", dt.date(2007, 1, 1), dt.date(2007, 12, 31), "year"),
    # spans back from publication, and the first part of a year
    ("over the past three months", dt.date(2008, 1, 30), dt.date(2008, 4, 30), "month"),
    ("in the last 10 days", dt.date(2008, 4, 20), dt.date(2008, 4, 30), "week"),
    ("during the previous two weeks", dt.date(2008, 4, 16), dt.date(2008, 4, 30), "week"),
    ("in the first half of 2006", dt.date(2006, 1, 1), dt.date(2006, 6, 30), "month"),
    ("in the first three months of the year", dt.date(2008, 1, 1), dt.date(2008, 3, 31), "month"),
    ("in the first six months of the year", dt.date(2008, 1, 1), dt.date(2008, 4, 30), "month"),  # not past publication
    # runs of days
    ("between 5 and 11 February", dt.date(2008, 2, 5), dt.date(2008, 2, 11), "week"),
    ("from 5 to 11 Feb.", dt.date(2008, 2, 5), dt.date(2008, 2, 11), "week"),
    ("on 5-11 February 2006", dt.date(2006, 2, 5), dt.date(2006, 2, 11), "week"),
    ("between Monday 24 and Sunday 30 March", dt.date(2008, 3, 24), dt.date(2008, 3, 30), "week"),
    ("from 28 February to 6 March", dt.date(2008, 2, 28), dt.date(2008, 3, 6), "week"),
    ("between March 24 and April 2", dt.date(2008, 3, 24), dt.date(2008, 4, 2), "week"),
    ("from 28 to 3 April", dt.date(2008, 3, 28), dt.date(2008, 4, 3), "week"),  # the first day's month is the one before
    ("from 1 to 31 January", dt.date(2008, 1, 1), dt.date(2008, 1, 31), "month"),
    ("February 5\u201311", dt.date(2008, 2, 5), dt.date(2008, 2, 11), "week"),
    ("from 28 December to 3 January", dt.date(2007, 12, 28), dt.date(2008, 1, 3), "week"),  # across the new year
    # spans of months: one period from the first to the last
    ("between 1 January and 31 March 2008", dt.date(2008, 1, 1), dt.date(2008, 3, 31), "month"),
    ("between January and March", dt.date(2008, 1, 1), dt.date(2008, 3, 31), "month"),
    ("from March 2006 to June 2007", dt.date(2006, 3, 1), dt.date(2007, 6, 30), "year"),
    # quarters; "the last quarter of the year" before it starts is last year's
    ("killed in the third quarter of 2019", dt.date(2019, 7, 1), dt.date(2019, 9, 30), "month"),
    ("Quarterly Report Q3 2006", dt.date(2006, 7, 1), dt.date(2006, 9, 30), "month"),
    ("in the last quarter of the year", dt.date(2007, 10, 1), dt.date(2007, 12, 31), "month"),
    # a weekly wrap's week and the one before it (published on a Wednesday)
    ("killed during the week", dt.date(2008, 4, 23), dt.date(2008, 4, 29), "week"),
    ("up from 19 the week before", dt.date(2008, 4, 16), dt.date(2008, 4, 22), "week"),
    ("killed the previous week", dt.date(2008, 4, 16), dt.date(2008, 4, 22), "week"),
    # the week ending a day: the seven days to it
    ("in the week ending Sunday, April 27", dt.date(2008, 4, 21), dt.date(2008, 4, 27), "week"),
    ("the week to 25 April 2008", dt.date(2008, 4, 19), dt.date(2008, 4, 25), "week"),
    ("in the week ended Friday", dt.date(2008, 4, 19), dt.date(2008, 4, 25), "week"),  # the latest Friday
])
def test_periods(text, start, end, precision):
    mention = one(text)
    assert (mention.period_start, mention.period_end, mention.precision, mention.day) == (start, end, precision, None)


def test_two_days_are_not_a_run_and_a_night_across_two_days_is_its_first():
    # "and" makes a run only after "between"
    assert [(m.precision, m.day) for m in find_dates("attacks on 5 March and 11 April", PUBLISHED)] == [
        ("day", dt.date(2008, 3, 5)), ("day", dt.date(2008, 4, 11))]
    night = one("on the night of April 8-9")
    assert (night.precision, night.day) == ("day", dt.date(2008, 4, 8))


@pytest.mark.parametrize("text, start", [
    ("killed since the beginning of March", dt.date(2008, 3, 1)),
    ("killed since the start of the year", dt.date(2008, 1, 1)),
    ("killed since the beginning of this year", dt.date(2008, 1, 1)),
    ("killed since the start of 2015", dt.date(2015, 1, 1)),
])
def test_since_the_start_of_a_period_starts_a_running_toll(text, start):
    (mention,) = find_dates(text, PUBLISHED)
    assert (mention.role, mention.period_start) == ("since", start)


def test_roles_report_since_event():
    assert one("an official said on Wednesday").role == "report"
    assert one("two officials said Thursday").role == "report"
    assert one("since March 25").role == "since"
    assert one("since last September when 65 troops were killed").role == "event"
    assert one("On Wednesday, clashes").role == "event"
    assert one("figures released by the ministries of Health, Interior and Defence on Thursday").role == "report"
    assert one("a report published on Monday").role == "report"
    # the date that ends a "since" clause starts the period
    assert one("killed since US Marines launched their assault on Fallujah on April 5").role == "since"
    assert one("since the war began in 2011").role == "since"
    assert (one("killed since early 2023").role, one("killed since early 2023").period_start) == ("since", dt.date(2023, 1, 1))
    assert (one("since the 2003 invasion").role, one("since the 2003 invasion").period_start) == ("since", dt.date(2003, 1, 1))
    assert one("since the February 2021 coup").role == "since"
    assert one("wounded since forces of the eastern-based Libyan National Army (LNA) launched an offensive "
               "on the capital on 4 April").role == "since"  # a long clause
    assert one("since then, 12 people were killed on Monday").role == "event"
    # a superlative dates nothing that was counted
    assert one("the deadliest attack this year").role == "comparison"
    assert one("the deadliest since 2002").role == "comparison"


def test_without_publication_date_only_explicit_years_resolve():
    assert one("on Wednesday", None).precision == "unknown"
    assert one("in April", None).precision == "unknown"
    assert one("on 12 March 2016", None).day == dt.date(2016, 3, 12)


def test_may_the_verb_is_not_a_month():
    assert find_dates("it may cause lot of casualties", PUBLISHED) == []
    assert one("in May").precision == "month"


def test_comparisons_date_nothing():
    assert one("the deadliest attack in the city since 2002").role == "comparison"
    assert one("the worst violence since March 2006").role == "comparison"
    assert one("since 2002, 300 people have died").role == "since"


def test_since_when_dates_the_event_even_after_a_superlative():
    assert one("the deadliest month since last September when 65 troops were killed").role == "event"


@pytest.mark.parametrize("text", [
    "Gunmen killed five on Friday night and two on 3 March 2015.",
    "FIVE DIED ON FRIDAY IN MOSUL",  # capitals
    "The attack on \u017fept. 3 killed four",  # a long s the case-insensitive patterns take for "s"
    "\u0130n 2016 the toll rose; ea\u0131rlier today two died",  # dotted and dotless i
    "no date at all, but 12 people died",
    "over the past three months and in the first half of 2019, and last week",
    "Between 5 and 11 FEB, 40 died; on the night of 8-9 March two more; in the WEEK ENDING Friday, 30",
])
def test_skipping_patterns_that_cannot_match_changes_nothing(text):
    import ingest.dates as dates

    everything = []
    taken: set[int] = set()
    for kind, pattern in dates._PATTERNS:  # the loop without the gates
        for match in pattern.finditer(text):
            span = set(range(match.start(), match.end()))
            if span & taken:
                continue
            mention = dates._resolve(kind, match, PUBLISHED, text)
            if mention is not None:
                everything.append(mention)
                taken |= span
    assert find_dates(text, PUBLISHED) == sorted(everything, key=lambda m: m.start)
    assert everything or "no date" in text


@pytest.mark.parametrize("text, role", [
    ("The nine dead were buried on Tuesday morning.", "report"),
    ("The victims were laid to rest in Najaf on Friday.", "report"),
    ("Their funerals were held on Sunday.", "report"),
    # the day of the deaths themselves
    ("Nine people were killed on Tuesday morning.", "event"),
])
def test_a_burial_day_is_not_the_day_of_the_deaths(text, role):
    assert [d.role for d in find_dates(text, PUBLISHED)] == [role]


def test_an_ordinal_before_a_noun_is_no_day():
    assert find_dates("a bomb on the 5th floor", PUBLISHED) == []


@pytest.mark.parametrize("text", ["61 people had died by Saturday morning", "the toll as of Monday"])
def test_the_day_a_count_stood_is_a_report_day(text):
    assert [d.role for d in find_dates(text, PUBLISHED)] == ["report"]


@pytest.mark.parametrize("text, start, end", [
    ("were killed between 2002 and 2008", dt.date(2002, 1, 1), dt.date(2008, 12, 31)),
    ("from 2014 to 2017", dt.date(2014, 1, 1), dt.date(2017, 12, 31)),
    ("in 2014-2017", dt.date(2014, 1, 1), dt.date(2017, 12, 31)),
])
def test_a_span_of_years_is_one_period(text, start, end):
    mention = one(text)
    assert (mention.period_start, mention.period_end, mention.precision) == (start, end, "year")


def test_years_out_of_order_are_no_span():
    assert [m.text for m in find_dates("from 2008 to 2002", PUBLISHED)] == []
