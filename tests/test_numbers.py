"""Number phrases: digits, words, ranges, qualifiers, vague words, and what is never a count of people."""

import pytest

from ingest.numbers import find_numbers, parse_single


@pytest.mark.parametrize("text, value", [
    ("2,605", 2605), ("seven", 7), ("Seventy-one", 71), ("twenty three", 23), ("two dozen", 24),
    ("a dozen", 12), ("half a dozen", 6), ("a half-dozen", 6), ("half-dozen", 6), ("one hundred and twenty", 120), ("a hundred", 100), ("1,200", 1200),
    ("1.5 million", 1_500_000), ("half a million", 500_000), ("a million", 1_000_000), ("two million", 2_000_000),
    ("3 million", 3_000_000),
])
def test_parse_single(text, value):
    assert parse_single(text) == value


@pytest.mark.parametrize("text, expected", [
    ("more than 900 people", (900, None, "more_than")),
    ("at least 1,082 people", (1082, None, "at_least")),
    ("over 400 wounded", (400, None, "more_than")),
    ("nearly 40 dead", (40, 40, "about")),
    ("some 30 killed", (30, 30, "about")),
    ("up to 12 hurt", (12, 12, "up_to")),
    ("as many as 60 people", (60, 60, "up_to")),
    ("35 to 40 people", (35, 40, "range")),
    ("1,200-1,500 dead", (1200, 1500, "range")),
    ("between 20 and 30 civilians", (20, 30, "range")),
    ("12 or more bodies", (12, None, "at_least")),
    ("6,000+ dead", (6000, None, "more_than")),
    ("2,000-plus fighters", (2000, None, "more_than")),
    ("all but four of the 24 passengers", (20, 20, "exact")),
    ("Hundreds of people", (200, None, "vague")),
    ("hundreds of thousands of people", (200000, None, "vague")),
    ("Tens of thousands of civilians", (20000, None, "vague")),
    ("40-odd fighters", (40, 40, "about")),
    ("dozens of civilians", (24, None, "vague")),
    ("a few soldiers", (2, None, "vague")),
    ("several policemen", (3, None, "vague")),
    ("more than half a million people", (500_000, None, "more_than")),
    ("an estimated 1.2 million dead", (1_200_000, 1_200_000, "about")),
    ("between 1 and 2 million people", (1_000_000, 2_000_000, "range")),
    ("800,000 to 1 million people", (800_000, 1_000_000, "range")),
    ("1.5 to 2 million people", (1_500_000, 2_000_000, "range")),
    ("between 2.5 and 3 million people", (2_500_000, 3_000_000, "range")),
    ("1.5-2 million dead", (1_500_000, 2_000_000, "range")),
])
def test_qualifiers_ranges_and_vague(text, expected):
    (phrase,) = find_numbers(text)
    assert (phrase.low, phrase.high, phrase.qualifier) == expected


def test_vague_values_come_from_the_mapping():
    (phrase,) = find_numbers("dozens of people", {"dozens": 36})
    assert (phrase.low, phrase.vague_term, phrase.is_vague) == (36, "dozens", True)


@pytest.mark.parametrize("text", [
    "on March 25", "25 March 2008", "in 2021", "a six-month ceasefire", "100 percent ready", "a 12-year-old boy",
    "three days later", "$5 million", "Rs70.4tr", "No. 2 City", "at 10:30", "12 km away", "a four-member family",
    "2 million dollars", "a million-dollar reward", "$1.5 million", "Rs1 million", "$1.5 to 2 million", "$5-10 million",
])
def test_not_counts_of_people(text):
    assert find_numbers(text) == []


def test_date_ranges_are_not_counts():
    assert find_numbers("between 10 and 13 June") == []
    assert find_numbers("on March 3-5") == []
    assert [p.text for p in find_numbers("21 injured between 10 and 13 June")] == ["21"]
    # the first day of a run with a weekday or a month of its own between
    assert find_numbers("between Monday 24 and Sunday 30 March") == []
    assert find_numbers("from 28 February to 6 March") == []
    assert [p.low for p in find_numbers("On Monday 12 soldiers were killed")] == [12]  # a weekday alone dates nothing


def test_a_number_word_next_to_a_month_is_still_a_count():
    # days of the month are written in digits; a word number beside a month name is a count
    assert [p.low for p in find_numbers("In March seven people died.")] == [7]
    assert [p.low for p in find_numbers("Twenty March 23 Movement fighters were killed.")] == [20]
    assert find_numbers("on 3 March") == [] and find_numbers("on March 3") == []


def test_a_count_after_a_date_and_to_is_not_a_range():
    found = find_numbers("the toll since the war began on Oct. 7 to 38,713")
    assert [(n.text, n.low, n.qualifier) for n in found] == [("38,713", 38713, "exact")]
    # a span of days stays a date
    assert find_numbers("fighting from March 3 to 25") == []


@pytest.mark.parametrize("text, low", [("a couple of civilians", 2), ("Gunmen killed a couple of shepherds", 2)])
def test_a_couple_of_people_is_two(text, low):
    assert [n.low for n in find_numbers(text)] == [low]


def test_a_couple_of_days_is_no_count():
    assert find_numbers("killed a couple of days ago") == []


@pytest.mark.parametrize("text, expected", [
    ("a dozen or so people", (12, 12, "about")),
    ("fifteen or so soldiers", (15, 15, "about")),
    ("twenty or more people", (20, None, "at_least")),
])
def test_or_so_is_about_and_or_more_is_at_least(text, expected):
    (number,) = find_numbers(text)
    assert (number.low, number.high, number.qualifier) == expected


def test_a_floor_and_a_hedged_top_are_one_range():
    (number,) = find_numbers("At least 30, and possibly as many as 50, people were killed.")
    assert (number.low, number.high, number.qualifier) == (30, 50, "range")
    # two figures of two outcomes stay two
    assert [(n.low, n.qualifier) for n in find_numbers("12 people were killed and as many as 20 wounded")] == [
        (12, "exact"), (20, "up_to")]


@pytest.mark.parametrize("text, shares", [
    ("Gunmen killed 12 people, half of them children.", [(6, "half")]),
    ("killed 27 civilians, a third of them children", [(9, "a third")]),
    ("Twelve people died, two-thirds of whom were women.", [(8, "two-thirds")]),
    # no whole share of an inexact or odd count
    ("killed at least 12 people, half of them children", []),
    ("killed 7 people, half of them children", []),
    ("half of them were children", []),
])
def test_a_share_of_the_count_before_it_is_a_count(text, shares):
    found = find_numbers(text)
    assert [(n.low, n.text) for n in found if not any(ch.isdigit() for ch in n.text) and n.text.lower() != "twelve"] == shares
