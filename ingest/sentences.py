"""Sentence and paragraph splitting with character offsets into the body."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "pvt", "adm", "brig",
    "cmdr", "rep", "sen", "gov", "st", "mt", "no", "nos", "vs", "etc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "inc", "co", "corp", "ltd",
    "jr", "sr", "approx", "est", "fig", "al", "e.g", "i.e", "a.m", "p.m", "lt.col", "maj.gen", "brig.gen",
}
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9\u2022])")
# the word before a full stop, whole: the "a" of "Rada'a" and the "U" of "Mrauk-U" are no initials
_WORD_BEFORE = re.compile(r"(?<![\w'\u2019-])([A-Za-z][A-Za-z.]*)$")
_LETTERS_AND_DOTS = re.compile(r"[A-Za-z.]*")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    text: str


def split_sentences(body: str, name_ends: frozenset[int] | set[int] = frozenset()) -> list[Sentence]:
    """Sentences with offsets; a line break always ends a sentence (headlines, list items).
    `name_ends`: offsets where a known name ends; a full stop there ends a sentence even after a
    word that looks like an abbreviation or an initial ("Zendeh Jan.", "Region V.")."""
    sentences: list[Sentence] = []
    paragraph = -1
    position = 0
    for line in body.split("\n"):
        line_start = position
        position += len(line) + 1
        if not line.strip():
            continue
        paragraph += 1
        cursor = 0
        for match in _BOUNDARY.finditer(line):
            word = _word_before(line, cursor, match.start()).lower()
            if (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())) and line_start + match.start() not in name_ends:
                continue
            _add(sentences, line, line_start, cursor, match.end(), paragraph)
            cursor = match.end()
        _add(sentences, line, line_start, cursor, len(line), paragraph)
    return sentences


def _word_before(line: str, start: int, end: int) -> str:
    """The word that ends at `end` (none before `start`). The search reads a short tail, not the whole
    sentence so far (it tries every position); when the word could begin before the tail (the tail
    is letters and dots up to where the word was found), the sentence so far is read instead."""
    tail_start = max(start, end - 24)
    tail = line[tail_start:end]
    found = _WORD_BEFORE.search(tail)
    if tail_start > start and _LETTERS_AND_DOTS.fullmatch(tail, 0, found.start() if found else len(tail)):
        found = _WORD_BEFORE.search(line[start:end])
    return found.group(1) if found else ""


def _add(sentences: list[Sentence], line: str, line_start: int, start: int, end: int, paragraph: int) -> None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), line_start + start, line_start + end, paragraph, line[start:end]))
