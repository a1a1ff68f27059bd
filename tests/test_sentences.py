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
