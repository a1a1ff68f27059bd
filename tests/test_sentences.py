"""Sentence splitting (ingest.sentences): offsets, abbreviations, initials and line breaks."""

from __future__ import annotations

import pytest

from ingest.sentences import split_sentences


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body)]


@pytest.mark.parametrize("body, expected", [
    ("Two died in Mosul. Three died in Kirkuk.", ["Two died in Mosul.", "Three died in Kirkuk."]),
    # names ending in a letter after an apostrophe end a sentence like any other word
    ("A strike hit Rada'a. Nine fighters were killed.", ["A strike hit Rada'a.", "Nine fighters were killed."]),
    ("A strike hit Sana\u2019a. Nine fighters were killed.", ["A strike hit Sana\u2019a.", "Nine fighters were killed."]),
    ("Clashes erupted in Mrauk-U. Seven fighters were killed.", ["Clashes erupted in Mrauk-U.", "Seven fighters were killed."]),
    ("The convoy left Ban Nam-O. It was ambushed.", ["The convoy left Ban Nam-O.", "It was ambushed."]),
    # abbreviations and initials do not
    ("Gen. Ali said 5 died. Dr. Saleh agreed.", ["Gen. Ali said 5 died.", "Dr. Saleh agreed."]),
    ("George W. Bush said 3 U.S. soldiers died.", ["George W. Bush said 3 U.S. soldiers died."]),
    # a line break always does
    ("Bomb kills 8\nThe blast hit a market", ["Bomb kills 8", "The blast hit a market"]),
])
def test_sentences(body, expected):
    assert texts(body) == expected


def test_offsets_and_paragraphs_point_into_the_body():
    body = "First one. Second one.\n\nA new paragraph."
    sentences = split_sentences(body)
    assert [body[s.start:s.end] for s in sentences] == [s.text for s in sentences]
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    assert [s.index for s in sentences] == [0, 1, 2]


def test_word_before_a_full_stop_is_read_whole_even_when_long():
    # the splitter reads a short tail before each full stop; here the tail holds only "Gen", an
    # abbreviation, but the word is the whole run of letters and dots, so the sentence ends
    word = "a" * 30 + "." * 21 + "Gen."
    assert texts(f"He cited {word} Ali said 5 died.") == [f"He cited {word}", "Ali said 5 died."]


def test_tail_reading_finds_the_word_a_full_search_finds():
    import random
    import re

    from ingest.sentences import _WORD_BEFORE, _word_before

    rng = random.Random(5)
    for _ in range(20000):
        line = "".join(rng.choice("ab.'\u2019 1_\u00e9") for _ in range(rng.randint(0, 60)))
        start = rng.randint(0, len(line))
        end = rng.randint(start, len(line))
        full = _WORD_BEFORE.search(line[start:end])
        assert _word_before(line, start, end) == (full.group(1) if full else ""), (line, start, end)


def test_a_known_name_ending_like_an_abbreviation_ends_a_sentence():
    body = "Fighting spread to Zendeh Jan. Five soldiers were killed. They met on Jan. 5 in Mosul."
    assert len(texts(body)) == 2  # without names, "Jan." reads as the month
    name_end = body.index(". Five")
    assert [s.text for s in split_sentences(body, {name_end})] == [
        "Fighting spread to Zendeh Jan.", "Five soldiers were killed.", "They met on Jan. 5 in Mosul."]
