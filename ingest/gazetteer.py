"""Reference data from seeds/ (the same CSVs dbt loads) and fast mention matching.

Aliases of places, actors and nationalities are matched in one Aho-Corasick pass;
overlaps resolve longest-first, so "Sadr City" (a place) beats "Sadr" (an actor).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from .config import SEEDS_DIR

EXTRACTION_SEEDS = ("places.csv", "actors.csv", "actor_aliases.csv", "demonyms.csv", "victim_terms.csv")
_KIND_RANK = {"country": 0, "admin1": 1, "city": 2, "district": 3, "neighbourhood": 4, "site": 5}


_FORCE_AFTER = re.compile(r"[\s-]+(?:service\s+(?:personnel|members?)|servicemen|soldiers?|troops|forces|marines|"
                          r"military|army|peacekeepers|personnel|sailors|airmen|special\s+forces)\b", re.IGNORECASE)
_FACILITY_AFTER = re.compile(r"\s+(?:hospital|clinic|university|school|college|street|avenue|square|mosque|church|stadium|"
                             r"hotel|bridge|roundabout|club)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    place_id: str
    name: str
    kind: str
    parent_id: str | None
    admin1: str | None
    country: str

    @property
    def rank(self) -> int:
        return _KIND_RANK.get(self.kind, 2)


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name: str
    actor_type: str
    victim_class: str | None
    country: str | None


@dataclass(frozen=True)
class Mention:
    kind: str  # place | actor | demonym
    start: int
    end: int
    surface: str
    alias_key: str
    ref: str  # place_id, actor_id or country
    # every place the alias names when it names several ("Tripoli": Libya's and Lebanon's), the
    # default (the one the marts' name lookup picks) first; disambiguate() picks one from the article
    candidates: tuple[str, ...] = ()


def blank_names(text: str, mentions: list[Mention]) -> str:
    """The text with each mention replaced by as many "N"s (offsets kept), so patterns read names as
    opaque: a number, month or keyword inside "the March 23 Movement" is none."""
    for m in mentions:
        text = text[:m.start] + "N" * (m.end - m.start) + text[m.end:]
    return text


def _rows(name: str, seeds_dir: Path) -> list[dict]:
    path = seeds_dir / name
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


class Gazetteer:
    def __init__(self, seeds_dir: Path = SEEDS_DIR):
        self.places: dict[str, Place] = {}
        self.actors: dict[str, Actor] = {}
        self.countries: dict[str, str] = {}  # country name -> its place_id
        self.victim_terms: dict[str, tuple[str, bool]] = {}
        self.vague: dict[str, int] = {}
        entries: dict[str, list[tuple[str, str, bool]]] = {}

        def add(alias: str, kind: str, ref: str, case_sensitive: bool = False) -> None:
            alias = alias.strip()
            if alias:
                entries.setdefault(alias.lower(), []).append((kind, ref, case_sensitive, alias))

        for row in _rows("places.csv", seeds_dir):
            place = Place(row["place_id"], row["place"], row["kind"], row.get("parent_id") or None,
                          row.get("admin1") or None, row["country"])
            self.places[place.place_id] = place
            if place.kind == "country":
                self.countries[place.country] = place.place_id
            for alias in [row["place"], *(row.get("aliases") or "").split("|")]:
                add(alias, "place", place.place_id)
        for row in _rows("actors.csv", seeds_dir):
            self.actors[row["actor_id"]] = Actor(row["actor_id"], row["actor"], row["actor_type"],
                                                 row.get("victim_class") or None, row.get("country") or None)
        for row in _rows("actor_aliases.csv", seeds_dir):
            if row["actor_id"] in self.actors:
                add(row["alias"], "actor", row["actor_id"], row.get("case_sensitive", "").lower() == "true")
        for row in _rows("demonyms.csv", seeds_dir):
            add(row["demonym"], "demonym", row["country"], True)
        for row in _rows("victim_terms.csv", seeds_dir):
            self.victim_terms[row["term"].lower()] = (row["victim_class"], row["nationality_sensitive"] == "true")
        self.victim_first_words = {term.split()[0] for term in self.victim_terms}
        for row in _rows("vague_quantities.csv", seeds_dir):
            self.vague[row["term"].lower()] = int(row["value_low"])

        # a name shared by several places defaults to the one the marts resolve it to by name:
        # an own name before an alias, then the less specific place, then the smaller place_id
        def default_first(value: tuple) -> tuple:
            place = self.places[value[1]]
            return (place.name.lower() != value[3].lower(), place.rank, place.place_id)

        for key, values in entries.items():
            places = [v for v in values if v[0] == "place"]
            if len({v[1] for v in places}) > 1:
                entries[key] = sorted(places, key=default_first) + [v for v in values if v[0] != "place"]

        self._automaton = ahocorasick.Automaton()
        for key, values in entries.items():
            homonyms = tuple(dict.fromkeys(v[1] for v in values if v[0] == "place"))
            self._automaton.add_word(key, (len(key), values, homonyms if len(homonyms) > 1 else ()))
        if entries:
            self._automaton.make_automaton()
        self._empty = not entries

    # -- matching --------------------------------------------------------------------

    def mentions(self, text: str) -> list[Mention]:
        """Non-overlapping alias mentions, leftmost then longest; word boundaries and case rules enforced."""
        if self._empty:
            return []
        lowered = text.lower()
        if len(lowered) != len(text):  # a few Unicode letters change length when lowered
            lowered = "".join(ch.lower()[0] for ch in text)
        candidates = []
        for end_index, (length, values, homonyms) in self._automaton.iter(lowered):
            start, end = end_index - length + 1, end_index + 1
            if (start > 0 and _is_word(text[start - 1])) or (end < len(text) and _is_word(text[end])):
                continue
            surface = text[start:end]
            for kind, ref, case_sensitive, alias in values:
                if case_sensitive and surface != alias:
                    continue
                candidates.append(Mention(kind, start, end, surface, alias if case_sensitive else alias.lower(), ref,
                                          homonyms if kind == "place" else ()))
                break
        candidates.sort(key=lambda m: (m.start, -(m.end - m.start), m.kind != "place"))
        taken: list[Mention] = []
        occupied: set[int] = set()
        for mention in candidates:
            span = range(mention.start, mention.end)
            if any(i in occupied for i in span):
                continue
            occupied.update(span)
            taken.append(mention)
        return sorted(taken, key=lambda m: m.start)

    def disambiguate(self, mentions: list[Mention], evidence: list[Mention] | None = None) -> list[Mention]:
        """Each place name that names several places resolves to the one in the country the
        article is about: the country most named by its unambiguous places and demonyms (of
        `evidence`, by default the mentions themselves); on a tie, the default (the marts' pick)."""
        if not any(m.candidates for m in mentions):
            return mentions
        weight: dict[str, int] = {}
        for m in evidence if evidence is not None else mentions:
            country = (self.places[m.ref].country if m.kind == "place" and not m.candidates
                       else m.ref if m.kind == "demonym" else None)
            if country:
                weight[country] = weight.get(country, 0) + 1
        resolved = []
        for m in mentions:
            if m.candidates:
                best = max(m.candidates, key=lambda ref: (weight.get(self.places[ref].country, 0),
                                                          -m.candidates.index(ref)))
                m = Mention(m.kind, m.start, m.end, m.surface, m.alias_key, best)
            resolved.append(m)
        return resolved

    def drop_namesakes(self, mentions: list[Mention], sentence_of: Callable[[int], int], body: str = "") -> list[Mention]:
        """A town of a country the article never otherwise names, set among words of the country the
        article is about, is a namesake: "Three Afghan soldiers were killed in Kalay" in a story from
        Helmand places nothing in Myanmar. ("Elsewhere, ... in Afula" alone keeps its own country.) So is
        one that names a building or a street ("Al-Thawra hospital" in a story from Taiz)."""
        countries = [self._country_of(m) for m in mentions]
        towns: dict[str, set[str]] = {}
        named: dict[str, int] = {}
        for m, country in zip(mentions, countries):
            if country is None:
                continue
            if m.kind == "demonym" and _FORCE_AFTER.match(body, m.end):
                continue  # "British service personnel" serve abroad: no sign of the country the article is about
            if m.kind == "demonym" or self.places[m.ref].kind in ("country", "admin1"):
                named[country] = named.get(country, 0) + 1
            else:
                towns.setdefault(country, set()).add(m.surface.lower())
        lone = {country for country, surfaces in towns.items() if len(surfaces) == 1 and not named.get(country)}
        # another country's places: named ("Yemen", "Taiz Governorate"), or towns only ("Taiz", "Mokha")
        if not lone or not (named or len(towns) > 1):
            return mentions
        sentences = [sentence_of(m.start) for m in mentions]
        dropped = set()
        for i, (m, country) in enumerate(zip(mentions, countries)):
            if country not in lone:
                continue
            near = [other for j, other in enumerate(countries)
                    if j != i and sentences[j] == sentences[i] and other not in (None, country)]
            if near and all(named.get(c) for c in near):
                dropped.add(i)
            elif _FACILITY_AFTER.match(body, m.end):
                dropped.add(i)
        return [m for i, m in enumerate(mentions) if i not in dropped]

    def _country_of(self, m: Mention) -> str | None:
        if m.kind == "demonym":
            return m.ref
        if m.kind == "place" and m.ref in self.places:
            return self.places[m.ref].country
        return None

    # -- places ----------------------------------------------------------------------

    def ancestors(self, place_id: str) -> list[str]:
        """The place and every place that contains it, innermost first."""
        chain, seen = [], set()
        current: str | None = place_id
        while current and current in self.places and current not in seen:
            chain.append(current)
            seen.add(current)
            current = self.places[current].parent_id
        country_id = self.countries.get(self.places[place_id].country) if place_id in self.places else None
        if country_id and country_id not in seen:
            chain.append(country_id)
        return chain

    def nested(self, a: str, b: str) -> bool:
        return a in self.ancestors(b) or b in self.ancestors(a)

    def common_ancestor(self, place_ids: list[str]) -> str | None:
        """The smallest place holding all of them (None when they span countries)."""
        if not place_ids:
            return None
        common = self.ancestors(place_ids[0])
        for other in place_ids[1:]:
            chain = set(self.ancestors(other))
            common = [p for p in common if p in chain]
        return common[0] if common else None


# Stems of outcome words: a loose, fast test for "could this sentence hold a claim?" (here by
# Aho-Corasick; claims.PREFILTER is the same list as a regex, which also asks for the word edges below)
OUTCOME_STEMS = (
    "kill", "dead", "death", "died", "die", "wound", "injur", "hurt", "casualt", "martyr", "slain", "slay", "execut",
    "behead", "massacr", "murder", "perish", "body", "bodies", "corpse", "fatalit", "toll", "lost", "losing", "kidnap",
    "abduct", "hostage", "missing", "gunned", "shot", "lives", "assassinat", "lynch", "drown", "maim", "unaccounted",
    "remains of", "slaughter", "succumb", "among the victims", "burns", "supreme price", "ultimate price",
    "field of hono", "captive", "slew", "seized", "fell with weapons", "fell in battle", "fell in combat",
    "fell in action", "fell on the battlefield", "sacrific", "laid down his life", "laid down her life", "gave his life",
    "gave her life", "homicid", "buried", "took away", "taking away", "taken away", "carried off", "destroyed", "eliminat",
    "blew themselves up", "blew himself up", "blew herself up",
    "treated in hosp", "treated at hosp", "treated in a hosp", "treated at a hosp", "treated at the hosp",
    "amputat", "snatch", "whereabouts", "in hosp", "in a hosp", "in the hosp", "on admission", "hospitali", "deceas", "under treatment",
    "admitted", "discharged after",
)
STEMS_AT_WORD_START = frozenset({"die", "lost", "losing"})  # not "soldiers", "closing"
STEMS_AT_WORD_END = frozenset({"toll", "lost", "losing", "lives"})  # not "tollbooth", "livestock"


@lru_cache(maxsize=1)
def _stem_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for stem in OUTCOME_STEMS:
        automaton.add_word(stem, stem)
    automaton.make_automaton()
    return automaton


def outcome_positions(lowered: str) -> list[int]:
    """End offsets of outcome stems in lower-cased text (Aho-Corasick: one pass, ~80 MB/s)."""
    return [end for end, _ in _stem_automaton().iter(lowered)]


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@lru_cache(maxsize=4)
def load(seeds_dir: Path = SEEDS_DIR) -> Gazetteer:
    return Gazetteer(seeds_dir)
