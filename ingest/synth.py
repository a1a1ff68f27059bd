"""A synthetic wire corpus of known truth, for the benchmark and for end-to-end checks at scale.

The generator simulates the news day by day. It draws EVENTS first -- incidents (date, place
from seeds/places.csv, victim class, killed and wounded, perpetrator and victim actors from
seeds/actors.csv), then monthly period totals and cumulative tolls -- and then writes the
ARTICLES that report them: several outlets report one incident with different wording and
compatible counts ("at least 12" vs "14"), breakdowns ("Among the dead were three
policemen"), headline and recap restatements, period totals, cumulative tolls "since" a date,
number words and vague words, distractor numbers (ages, populations, years, money, troops,
arrests, durations, percentages, counts of sources) and page furniture.

The truth is computed from the generator's own events by the reconciliation rules of
DESIGN.md, never by running the extractor:

- an incident counts once in its (month, country, admin1, victim class) cell, with the largest
  low that any written report states (for each outcome), a side's claim of the other side's
  losses (the army's count of militants killed) left out when another source reports the
  incident too; restatements and breakdowns add
  nothing (a breakdown of another victim class moves its share to that class: the lead
  report's split, which is the same in every report of such an incident);
- a period total is a lower bound for its exact monthly cell: best = greatest(sum of the
  incidents, largest total stated for the cell);
- the country-wide row = greatest(sum of its admin1 rows + country-level incidents, largest
  country-wide total);
- cumulative tolls never add to best;
- articles naming an actor are counted by publication month, naming being an alias of
  seeds/actor_aliases.csv (or a canonical name) found in the body, leftmost then longest alias
  first, a place name winning over an actor alias it ties with.

To make that truth exact, distinct incidents are never mergeable by DESIGN's merge rule: no
two incidents at the same or nested places (every place a report of it could resolve to,
with its ancestors) within two days of each other; where there is room, not even in the same
admin1. Each report states every counted figure with its place in the same sentence.

Everything streams: articles are rendered one at a time and written to JSON Lines files of
`per_file` articles (or .txt files + manifest.csv), the truth is kept as aggregates, and an
incident is forgotten once its last report is written. A `Generator` can be asked for more
articles later (`write` again): the continuation picks up the reports still pending, so late
reports of incidents already written land in the new batch, and its truth file covers the
union of everything the generator has written.

Reference data (places, actors, aliases, victim terms, vague quantities) is read from seeds/
at run time.
"""

from __future__ import annotations

import bisect
import calendar
import csv
import datetime as dt
import hashlib
import json
import math
import pickle
import random
import re
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick

from .config import SEEDS_DIR

GENERATOR_VERSION = "1"
CLASSES = ("civilian", "security_forces", "foreign_military", "militants", "mixed_unknown")
START_DATE = dt.date(2005, 1, 1)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
MON = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
ORDINALS = ("second", "third", "fourth", "fifth", "sixth")

ADMIN1_KINDS = {"admin1", "governorate", "province", "state", "region", "oblast", "territory"}
LOCAL_KINDS = {"city", "town", "village", "district", "neighbourhood", "neighborhood"}
QUARTER_KINDS = {"district", "neighbourhood", "neighborhood"}

DEMONYMS = {
    "Iraq": "Iraqi", "Syria": "Syrian", "Afghanistan": "Afghan", "Pakistan": "Pakistani", "Yemen": "Yemeni",
    "Somalia": "Somali", "Nigeria": "Nigerian", "Libya": "Libyan", "Sudan": "Sudanese", "Ukraine": "Ukrainian",
    "Israel": "Israeli", "Mali": "Malian", "Lebanon": "Lebanese", "Egypt": "Egyptian", "Turkey": "Turkish",
    "Iran": "Iranian", "Niger": "Nigerien", "Burkina Faso": "Burkinabe", "Ethiopia": "Ethiopian",
    "Cameroon": "Cameroonian", "Kenya": "Kenyan", "Myanmar": "Myanmar", "Colombia": "Colombian",
    "Mexico": "Mexican", "Philippines": "Philippine", "India": "Indian", "South Sudan": "South Sudanese",
    "Democratic Republic of the Congo": "Congolese", "Mozambique": "Mozambican", "Chad": "Chadian",
}
FOREIGN_NOUNS = {
    "Iraq": ("US soldiers", "American soldiers", "US troops", "British soldiers", "coalition troops",
             "coalition soldiers"),
    "Afghanistan": ("NATO troops", "US soldiers", "foreign troops", "coalition troops", "NATO soldiers"),
    "": ("peacekeepers", "foreign troops", "foreign soldiers"),
}
CLASS_NOUNS = {
    "civilian": ("civilians", "civilians", "civilians", "shoppers", "worshippers", "villagers", "passengers",
                 "pilgrims", "students", "farmers", "mourners"),
    "mixed_unknown": ("people", "people", "people", "people", "persons"),
    "militants": ("militants", "militants", "insurgents", "militiamen", "fighters"),
    "security_forces": ("policemen", "police officers", "members of the security forces", "security personnel",
                        "border guards", "{dem} soldiers", "{dem} troops", "policemen"),
}
TOTAL_NOUNS = {
    "civilian": ("civilians",), "mixed_unknown": ("people",), "militants": ("militants", "insurgents"),
    "security_forces": ("members of the security forces", "policemen", "{dem} soldiers"),
}
SAME_CLASS_PARTS = {  # breakdown nouns that keep the parent's victim class
    "civilian": ("children", "women", "students"),
    "security_forces": ("police officers", "policemen"),
    "militants": ("commanders",),
}
CROSS_CLASS_PARTS = (("policemen", "security_forces"), ("police officers", "security_forces"),
                     ("{dem} soldiers", "security_forces"), ("children", "civilian"), ("women", "civilian"))

# mechanism: (subjects, events (full clauses), nouns (with article, bare), headline head, plural head)
MECHS = {
    "car_bomb": (("a car bomb", "a car bomb near a busy market", "a parked car bomb"),
                 ("a car bomb exploded near a busy market", "a car bomb went off outside a police station",
                  "a car bomb exploded at a checkpoint", "a car bomb tore through a crowded street"),
                 (("a car bombing", "car bombing"), ("a bomb attack", "bomb attack")), "Car bomb", False),
    "roadside": (("a roadside bomb",),
                 ("a roadside bomb struck a patrol", "a roadside bomb went off next to a minibus",
                  "a roadside bomb exploded as a convoy passed"),
                 (("a roadside bombing", "roadside bombing"), ("a bomb attack", "bomb attack")),
                 "Roadside bomb", False),
    "suicide": (("a suicide bomber", "a suicide bomber wearing an explosives vest"),
                ("a suicide bomber blew himself up at a mosque", "a suicide bomber struck a funeral tent",
                 "a suicide bomber detonated an explosives vest at a checkpoint"),
                (("a suicide bombing", "suicide bombing"), ("a suicide attack", "suicide attack")),
                "Suicide bomber", False),
    "gunmen": (("gunmen", "gunmen in two cars"),
               ("gunmen opened fire on a checkpoint", "gunmen stormed a house", "gunmen opened fire on a minibus"),
               (("a shooting", "shooting"), ("an attack", "attack")), "Gunmen", True),
    "mortar": (("mortar rounds", "a mortar barrage"),
               ("mortar rounds slammed into a residential area", "mortar shells landed near a market"),
               (("a mortar attack", "mortar attack"), ("shelling", "shelling")), "Mortar attack", False),
    "airstrike": (("an air strike", "an air strike on a hideout"),
                  ("an air strike destroyed a hideout", "aircraft bombed a camp"),
                  (("an air strike", "air strike"), ("a strike", "strike")), "Air strike", False),
    "clashes": (("clashes", "heavy fighting"),
                ("clashes broke out", "fighting erupted on the outskirts"),
                (("clashes", "clashes"), ("heavy fighting", "fighting")), "Clashes", True),
    "raid": (("a military raid", "a dawn raid"),
             ("troops raided a hideout", "troops stormed a farmhouse"),
             (("a raid", "raid"), ("an operation", "operation")), "Raid", False),
    "rocket": (("a rocket attack",),
               ("rockets slammed into a military base", "a rocket struck a base"),
               (("a rocket attack", "rocket attack"), ("an attack", "attack")), "Rocket attack", False),
}
CLASS_MECHS = {
    "civilian": ("car_bomb", "suicide", "mortar", "gunmen", "roadside"),
    "mixed_unknown": ("car_bomb", "suicide", "mortar", "gunmen", "clashes"),
    "security_forces": ("roadside", "suicide", "gunmen", "car_bomb"),
    "foreign_military": ("roadside", "rocket", "gunmen"),
    "militants": ("airstrike", "clashes", "raid"),
}
CLASS_WEIGHTS = {
    "Iraq": {"civilian": 28, "mixed_unknown": 27, "security_forces": 25, "militants": 12, "foreign_military": 8},
    "": {"civilian": 30, "mixed_unknown": 30, "security_forces": 20, "militants": 15, "foreign_military": 5},
}
SOURCES = ("police", "police", "a police official", "two police officials", "security sources", "a local official",
           "officials", "medical sources", "hospital officials", "an interior ministry official",
           "police and medical sources", "a police officer who asked not to be named")
MILITARY_SOURCES = ("the military", "a military spokesman", "the army", "the defence ministry",
                    "a military statement")
# sources on the side that fights militants: their count of militants killed is a side's claim
SIDE_SOURCES = MILITARY_SOURCES + ("an interior ministry official",)
OTHER_SOURCES = tuple(s for s in SOURCES if s not in SIDE_SOURCES)
EXACT_Q = ("", "", "", "at least ", "about ")
LOWER_Q = ("at least ", "at least ", "more than ", "over ")
ORGS = ("the health ministry", "the interior ministry", "the United Nations mission", "provincial health officials",
        "a monitoring group", "the provincial council")
NAMES = ("Ahmed Hassan", "Ali Kadhim", "Mohammed Jassim", "Hussein Abbas", "Omar Khalil", "Karim Saleh",
         "Haider Nasser", "Mustafa Latif", "Yasser Hamid", "Saad Majeed", "Fatima Ali", "Zainab Hussein",
         "Maryam Kareem", "Abbas Jaber", "Salim Rashid", "Layla Ibrahim", "Nour Hadi", "Samir Younis",
         "Khalid Farouk", "Hana Murad", "Tariq Aziz Hamza", "Walid Sabri", "Rana Faisal", "Adel Mansour")
REPORTERS = ("Maher Chmaytelli", "Ahmed Rasheed", "Jane Arraf", "John Davison", "Sarah Dadouch", "Tom Perry",
             "Samia Nakhoul", "Michael Georgy", "Ulf Laessing", "Alison Williams", "Peter Graff", "Dominic Evans")
JOBS = ("shopkeeper", "taxi driver", "teacher", "street vendor", "government employee", "mechanic", "pharmacist",
        "baker", "retired engineer")
QUOTES = ("We heard a huge explosion and then everyone started running",
          "The whole street shook and the windows of my shop were shattered",
          "We are tired of this, we just want to live in peace", "Nobody protects us here",
          "I was opening my shop when it happened", "There is no security in this area",
          "We could not find a single ambulance")
OUTLETS = (  # name, domain, dateline, weight, only for countries
    ("Reuters", "reuters.com", "{CITY}, {Country} (Reuters) - ", 4, None),
    ("Associated Press", "apnews.com", "{CITY} (AP) -- ", 4, None),
    ("AFP", "afp.com", "{CITY}, {Mon} {d} (AFP) - ", 3, None),
    ("Xinhua", "news.cn", "{CITY}, {Mon} {d} (Xinhua) -- ", 2, None),
    ("Dawn", "dawn.com", "{CITY}, {Month} {d}: ", 1, None),
    ("Al Jazeera", "aljazeera.com", "", 2, None),
    ("BBC News", "bbc.co.uk", "", 1, None),
    ("Anadolu Agency", "aa.com.tr", "{CITY}, {Country} (AA) - ", 1, None),
    ("The National", "thenationalnews.com", "", 1, None),
    ("National Iraqi News Agency", "ninanews.com", "{City} / NINA / ", 1, ("Iraq",)),
    ("Shafaq News", "shafaq.com", "Shafaq News/ ", 1, ("Iraq",)),
)
CONTEXT = (  # background sentences: no figure, no place, no actor
    "The attack was the latest in a wave of violence that has shaken the area in recent weeks.",
    "Security in the province has deteriorated as rival factions compete for influence.",
    "Residents said security forces sealed off the area and ambulances rushed to the scene.",
    "Officials said an investigation had been opened.",
    "The government has repeatedly promised to restore order in the region.",
    "Local leaders called on the authorities to do more to protect residents.",
    "Witnesses described scenes of panic as people searched for relatives.",
    "The area has been the scene of frequent attacks by armed groups.",
    "Hospitals in the area appealed for blood donations.",
    "Checkpoints were reinforced across the city and several roads were closed to traffic.",
    "Such attacks are often aimed at undermining confidence in the security forces.",
    "Diplomats condemned the violence and urged restraint.",
    "The interior ministry said it would review security arrangements in the area.",
    "Analysts say the violence reflects a struggle for control of smuggling routes and local revenues.",
    "Television footage showed burnt-out cars and debris scattered across the road.",
    "Families gathered outside the hospital waiting for news of their relatives.",
    "Aid agencies have warned that the humanitarian situation in the area is getting worse.",
    "The provincial governor cut short a visit abroad and called an emergency meeting of security chiefs.",
    "Opposition lawmakers accused the government of failing to protect ordinary people.",
    "Many residents say they no longer trust the police to protect them.",
    '"This is a criminal act aimed at spreading fear," a provincial official said.',
    '"We will hunt down those responsible," a police spokesman told reporters.',
    '"The situation is under control," an army officer at the scene said.',
    "Security officials said the attackers had exploited gaps between checkpoints.",
    "Prices of basic goods have risen sharply as the fighting has disrupted supply routes.",
    "Schools in the district were closed as a precaution.",
    "The violence has raised fears of a return to the sectarian bloodshed of past years.",
    "Mobile phone networks were cut for several hours after the attack.",
    "The authorities have struggled to contain the unrest despite repeated security operations.",
    "Tensions have been rising for months amid disputes over jobs, land and political representation.",
    "Community elders said young men were being drawn into armed groups by unemployment and poverty.",
    "The national government and provincial authorities have often blamed each other for security lapses.",
    "Human rights groups have called for an independent inquiry into the conduct of all sides.",
    "Funerals were held the following day amid tight security.",
    "Critics say intelligence failures have allowed armed groups to regroup in remote areas.",
    "Reconstruction of damaged homes and markets has been slow, and many displaced families have not returned.",
    "The prime minister's office said in a statement that the perpetrators would be brought to justice.",
    "Police said they were questioning witnesses and examining security camera footage.",
    "The road linking the area to the provincial capital was closed for much of the day.",
    "Religious leaders appealed for calm and urged people not to be drawn into revenge attacks.",
    "Western governments have pledged to continue training and equipping the security forces.",
    "Smuggling of fuel and weapons across porous borders has long fed the violence.",
    "Electricity and water supplies have been repeatedly disrupted by the fighting.",
    "Local journalists said they had been prevented from reaching the scene.",
    "Parliament is due to debate a new security budget later this month.",
    "The violence comes as negotiations over forming a new government remain deadlocked.",
    "Businesses in the area have complained of extortion by armed men.",
    "Residents said they had heard gunfire late into the night.",
)
FOREIGN_THEATRES = {"Iraq", "Afghanistan", "Syria", "Somalia", "Mali", "Democratic Republic of the Congo",
                    "South Sudan", "Central African Republic", "Lebanon"}
FURNITURE_HEADLINES = ("Bomb kills {n} at wedding party", "{n} wounded as clashes flare in border town",
                       "Death toll from floods rises to {n}", "Gunmen kill {n} in overnight raid",
                       "{n} dead after bus plunges into ravine", "Oil prices rise {n} percent")
TAIL_MARKERS = ("Related stories", "Read more", "Most read", "More from {outlet}", "Recommended stories")
NAV_LINES = ("Skip to main content", "Advertisement", "Share", "Print")

# the cumulative-toll "since" start lies this many months before publication
SINCE_MONTHS = (3, 36)


class SeedsMissing(FileNotFoundError):
    """A reference file the generator needs is not in seeds/."""


# -- small helpers ---------------------------------------------------------------------------


def number_words(n: int) -> str:
    if n < 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + ("-" + ONES[ones] if ones else "")


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def default_truth_path(folder: Path) -> Path:
    """The truth file of an article folder: a sibling, so `cwh ingest FOLDER` never sees it."""
    folder = Path(folder)
    return folder.with_name(folder.name + ".truth.json")


def _read_csv(path: Path, required: bool = True) -> list[dict[str, str]]:
    if not path.is_file():
        if required:
            raise SeedsMissing(f"{path} not found: the generator reads its reference data from seeds/ at run time")
        return []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return [{(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None}
                for row in csv.DictReader(handle)]


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _truthy(value: str) -> bool:
    return value.strip().lower() in ("true", "t", "1", "yes", "y")


def surface_of(place: Place) -> str:
    """The name the generator writes for a place: its own name when usable, else its first usable alias."""
    return place.name if place.name in place.surfaces else place.surfaces[0]


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", text.lower()))


def _word_ok(name: str) -> bool:
    return bool(name) and name.isascii() and len(name) >= 3 and name[0].isupper() and '"' not in name


# -- reference data ------------------------------------------------------------------------------


@dataclass(eq=False)
class Place:
    place_id: str
    name: str
    kind: str
    parent_id: str
    admin1: str | None
    country: str
    names: tuple[str, ...]
    lat: float | None = None
    lon: float | None = None
    level: str = "local"  # country | admin1 | local
    surfaces: tuple[str, ...] = ()  # names a claim may use: each resolves to places of this admin1 only
    keys: frozenset = frozenset()  # itself and its ancestors (parent chain, admin1 row, country row)


@dataclass(eq=False)
class Site:
    """Where an incident can happen: the place, how claims may name it, and what those names can resolve to."""

    place: Place | None  # None: a country-level incident
    country: str
    admin1: str | None
    forms: tuple[tuple[str, str], ...]  # (place phrase "in ...", short name for headlines and roundups)
    resolved: frozenset  # place ids the names used could resolve to
    covered: frozenset  # those and their ancestors
    with_city: "Site | None" = None  # the same neighbourhood, also named with its city


class Reference:
    """seeds/ read at run time: places, actors and aliases, victim terms, vague quantities."""

    def __init__(self, seeds_dir: Path | None = None):
        self.seeds_dir = Path(seeds_dir or SEEDS_DIR)
        self.files: dict[str, str] = {}
        place_rows = self._rows("places.csv")
        actor_rows = self._rows("actors.csv", required=False)
        alias_rows = self._rows("actor_aliases.csv", required=False)
        demonym_rows = self._rows("demonyms.csv", required=False)
        term_rows = self._rows("victim_terms.csv")
        vague_rows = self._rows("vague_quantities.csv")

        self.terms = {r["term"].lower(): (r["victim_class"], _truthy(r.get("nationality_sensitive", "")))
                      for r in term_rows if r.get("term")}
        self.vague = {r["term"].lower(): int(float(r["value_low"])) for r in vague_rows
                      if r.get("term") and r.get("value_low")}
        self.demonyms = [(r["demonym"], r.get("country", "")) for r in demonym_rows if r.get("demonym")]
        self._load_places(place_rows)
        self._load_actors(actor_rows, alias_rows)
        self._load_surfaces()
        self.matcher = AliasMatcher(self)
        self.place_matcher = AliasMatcher(self, full=True)
        self._load_sites()

    def _rows(self, name: str, required: bool = True) -> list[dict[str, str]]:
        path = self.seeds_dir / name
        if path.is_file():
            self.files[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        return _read_csv(path, required)

    # places
    def _load_places(self, rows: list[dict[str, str]]) -> None:
        self.places: dict[str, Place] = {}
        for row in rows:
            pid = row.get("place_id", "")
            if not pid or not row.get("place"):
                continue
            kind = row.get("kind", "").lower()
            country = row.get("country", "") or (row["place"] if kind == "country" else "")
            aliases = tuple(a.strip() for a in row.get("aliases", "").replace(";", "|").split("|") if a.strip())
            level = "country" if kind == "country" else "admin1" if kind in ADMIN1_KINDS else "local"
            self.places[pid] = Place(pid, row["place"], kind, row.get("parent_id", ""),
                                     None if level == "country" else (row.get("admin1") or None),
                                     country, (row["place"],) + aliases, _float(row.get("lat")),
                                     _float(row.get("lon")), level)
        self.name_index: dict[str, list[Place]] = defaultdict(list)
        for place in self.places.values():
            for name in place.names:
                self.name_index[name.lower()].append(place)
        admin1_rows: dict[tuple[str, str], list[Place]] = defaultdict(list)
        country_rows: dict[str, list[Place]] = defaultdict(list)
        for place in self.places.values():
            if place.level == "admin1" and place.admin1:
                admin1_rows[(place.country, place.admin1)].append(place)
            elif place.level == "country":
                country_rows[place.country].append(place)
        for place in self.places.values():
            keys, seen, current = {place.place_id}, set(), place
            while current.parent_id and current.parent_id in self.places and current.parent_id not in seen:
                seen.add(current.parent_id)
                current = self.places[current.parent_id]
                keys.add(current.place_id)
            if place.admin1:
                keys.update(p.place_id for p in admin1_rows.get((place.country, place.admin1), ()))
            if place.level != "country":
                keys.update(p.place_id for p in country_rows.get(place.country, ()))
                keys.add("country:" + place.country)
            place.keys = frozenset(keys)
        self.admin1_rows, self.country_rows = admin1_rows, country_rows

    def _load_surfaces(self) -> None:
        """The names the generator may write for a place: ones that resolve within its own admin1 and name no actor."""
        admin1_rows = self.admin1_rows
        for place in self.places.values():
            place.surfaces = tuple(n for n in place.names if _word_ok(n) and self._unambiguous(n, place))
        self.admin1_surfaces: dict[tuple[str, str], tuple[str, ...]] = {}
        for key, rows_ in admin1_rows.items():
            names = [n for p in rows_ for n in p.surfaces]
            provinces = [n for n in names if n.lower().endswith((" province", " governorate"))]
            if names:
                self.admin1_surfaces[key] = tuple(provinces or names)
        self.country_surface: dict[str, str] = {}
        for country in {p.country for p in self.places.values() if p.country}:
            hits = self.name_index.get(country.lower(), [])
            if _word_ok(country) and all(p.level == "country" and p.country == country for p in hits):
                self.country_surface[country] = country

    def _unambiguous(self, name: str, place: Place) -> bool:
        if name.lower() in self.actor_keys_lower:
            return False
        return all(p.country == place.country and p.admin1 == place.admin1 for p in self.name_index[name.lower()])

    def candidates(self, name: str) -> list[Place]:
        return self.name_index.get(name.lower(), [])

    # actors
    def _load_actors(self, actor_rows: list[dict[str, str]], alias_rows: list[dict[str, str]]) -> None:
        self.actors: dict[str, dict[str, str]] = {r["actor_id"]: r for r in actor_rows if r.get("actor_id")}
        # mentions are aliases of actor_aliases.csv (what the extractor matches); canonical names only
        # take part in resolving an alias key to one actor, as in the marts
        self.alias_entries: list[tuple[str, str, bool]] = [
            (row["alias"], row["actor_id"], _truthy(row.get("case_sensitive", "")))
            for row in alias_rows if row.get("alias") and row.get("actor_id") in self.actors]
        entries: list[tuple[str, bool, int, str]] = [(a, sensitive, 1, actor_id)
                                                     for a, actor_id, sensitive in self.alias_entries]
        for actor_id, row in self.actors.items():
            if row.get("actor"):
                entries.append((row["actor"], False, 2, actor_id))
        # one actor per key, as the marts resolve it: explicit alias first, then the smallest actor_id
        resolved: dict[tuple[str, bool], tuple[int, str]] = {}
        for alias, sensitive, priority, actor_id in entries:
            key = (alias if sensitive else alias.lower(), sensitive)
            if key not in resolved or (priority, actor_id) < resolved[key]:
                resolved[key] = (priority, actor_id)
        self.alias_keys = {key: actor_id for key, (_, actor_id) in resolved.items()}
        self.actor_keys_lower = {key.lower() for key, _ in resolved}
        # aliases the generator may write for an actor: resolve to it alone and are no place name
        owners: dict[str, set[str]] = defaultdict(set)
        for (key, sensitive), actor_id in self.alias_keys.items():
            owners[key.lower()].add(actor_id)
        self.writable: dict[str, list[str]] = defaultdict(list)
        for alias, sensitive, priority, actor_id in entries:
            if priority != 1:
                continue
            key = alias if sensitive else alias.lower()
            if (self.alias_keys.get((key, sensitive)) == actor_id and owners[alias.lower()] == {actor_id}
                    and alias.isascii() and len(alias) >= 2 and alias[0].isalpha()
                    and alias.lower() not in self.name_index and alias not in self.writable[actor_id]):
                self.writable[actor_id].append(alias)
        for actor_id in list(self.writable):
            name = self.actors[actor_id].get("actor", "")
            # the canonical name first: it is what a reader expects most of the time
            self.writable[actor_id].sort(key=lambda a: (a != name, a))
        self.actor_name = {actor_id: row.get("actor", actor_id) for actor_id, row in self.actors.items()}
        self.groups: dict[str, list[str]] = defaultdict(list)
        self.forces: dict[str, list[str]] = defaultdict(list)
        self.persons: dict[str, list[str]] = defaultdict(list)
        self.foreign: list[str] = []
        for actor_id, row in sorted(self.actors.items()):
            if not self.writable.get(actor_id):
                continue
            kind = (row.get("actor_type") or "").lower()
            victim_class = (row.get("victim_class") or "").lower()
            countries = [c.strip() for c in (row.get("country") or "").replace("|", ";").split(";") if c.strip()]
            if any(word in kind for word in ("person", "leader", "individual", "politician", "cleric")):
                for country in countries:
                    self.persons[country].append(actor_id)
            elif victim_class == "militants":
                for country in countries:
                    self.groups[country].append(actor_id)
            elif victim_class == "security_forces":
                for country in countries:
                    self.forces[country].append(actor_id)
            elif victim_class == "foreign_military":
                self.foreign.append(actor_id)

    # incident sites
    def _load_sites(self) -> None:
        self.sites: dict[str, dict[str, list[Site]]] = {}
        self.cities: dict[str, list[Place]] = defaultdict(list)
        self.admin1_cities: dict[tuple[str, str], list[Place]] = defaultdict(list)
        for place in sorted(self.places.values(), key=lambda p: p.place_id):
            if place.level != "local" or not place.admin1 or not place.country or not place.surfaces:
                continue
            if place.kind not in LOCAL_KINDS:
                continue
            site = self._site(place)
            if site is None:
                continue
            self.sites.setdefault(place.country, {}).setdefault(place.admin1, []).append(site)
            if place.kind in ("city", "town"):
                self.cities[place.country].append(place)
                self.admin1_cities[(place.country, place.admin1)].append(place)
        children = Counter(p.parent_id for p in self.places.values() if p.parent_id)
        self.hubs: dict[tuple[str, str | None], Place] = {}
        for (country, admin1), cities in self.admin1_cities.items():
            row_names = " ".join(p.name for p in self.admin1_rows.get((country, admin1), ())).lower()
            named = [c for c in cities if c.name.lower() in row_names or c.name.lower() == admin1.lower()]
            self.hubs[(country, admin1)] = max(named or cities, key=lambda c: (children[c.place_id], -cities.index(c)))
        for country, cities in self.cities.items():
            self.hubs[(country, None)] = max(cities, key=lambda c: (children[c.place_id], -cities.index(c)))
        self.country_sites: dict[str, Site] = {}
        for country, surface in self.country_surface.items():
            hits = self.candidates(surface)
            self.country_sites[country] = Site(
                None, country, None, ((f"in {surface}", surface),),
                frozenset(p.place_id for p in hits) | {"country:" + country},
                frozenset(k for p in hits for k in p.keys) | {"country:" + country})

    def _site(self, place: Place) -> Site | None:
        name = surface_of(place)
        forms: list[tuple[str, str]] = [(f"in {name}", name)]
        if place.kind == "city":
            forms.append((f"in the city of {name}", name))
        elif place.kind in QUARTER_KINDS:
            forms.append((f"in the {name} district", name))
        site = Site(place, place.country, place.admin1, tuple(forms), *self._resolution(forms))
        parent = self.places.get(place.parent_id)
        if place.kind in QUARTER_KINDS and parent is not None and parent.level == "local" and parent.surfaces:
            city = surface_of(parent)
            if all(p.level == "local" for p in self.candidates(city)):
                city_forms = forms + [(f"in {city}'s {name} district", name), (f"in the {name} district of {city}", name)]
                site.with_city = Site(place, place.country, place.admin1, tuple(city_forms),
                                      *self._resolution(city_forms))
        return site

    def _resolution(self, forms: list[tuple[str, str]]) -> tuple[frozenset, frozenset]:
        """Every place the names in these phrases could resolve to, and those with their ancestors."""
        names = {short for _, short in forms}
        for phrase, _ in forms:
            names.update(text for _, _, text in self.place_matcher.find(phrase)[1])
        hits = [p for n in names for p in self.candidates(n)]
        return frozenset(p.place_id for p in hits), frozenset(k for p in hits for k in p.keys)

    # victim nouns
    def noun_ok(self, noun: str, victim_class: str, country: str) -> bool:
        # a noun that is an actor's alias ("Kenyan soldiers") takes that actor's class, as in the
        # marts; a state's forces are foreign abroad and its own security forces at home
        actor_id = self.alias_keys.get((noun.lower(), False)) or self.alias_keys.get((noun, True))
        if actor_id:
            actor = self.actors[actor_id]
            actor_class = (actor.get("victim_class") or "").lower()
            if actor_class == "foreign_military" and actor.get("country") == country:
                actor_class = "security_forces"
            return actor_class == victim_class
        term = self.terms.get(noun.lower())
        if term is not None:
            return term[0] == victim_class
        head, _, rest = noun.partition(" ")
        term = self.terms.get(rest.lower())
        if term is None or not term[1] or term[0] != "security_forces":
            return False
        if head == DEMONYMS.get(country):
            return victim_class == "security_forces"
        if head in ("US", "American", "British", "French", "NATO", "Turkish", "coalition", "foreign"):
            return victim_class == "foreign_military"
        return False


class AliasMatcher:
    """Actor mentions in a text by DESIGN's rule, as the extractor finds them: every alias of
    seeds/actor_aliases.csv at word boundaries, case-insensitive unless the alias is
    case-sensitive, leftmost then longest ("Kataib Hezbollah militants" names Kataib Hezbollah,
    not the "Hezbollah militants" inside it); place names (and case-sensitive demonyms) take
    part, so "Sadr City" (a place) beats "Sadr" (an actor); on an exact tie a place wins.
    A matched alias names the actor the marts resolve it to."""

    def __init__(self, ref: "Reference", full: bool = False):
        """`full`: every place name too (to list place mentions); by default only the place names and
        demonyms that can overlap an actor alias, the only ones that change which actors a text names."""
        self.ref = ref
        aliases = {_tokens(alias) for alias, _, _ in ref.alias_entries}
        grams = {alias[i:j] for alias in aliases for i in range(len(alias)) for j in range(i + 1, len(alias) + 1)}
        entries: dict[str, list[tuple]] = defaultdict(list)  # lower-cased key -> (kind, ref, case_sensitive, alias)
        for name, places in ref.name_index.items():
            if full or self._may_overlap(name, grams, aliases):
                entries[name].append(("place", places[0].place_id, False, name))
        for alias, _, sensitive in ref.alias_entries:  # the actor the marts resolve the alias to
            entries[alias.lower()].append(("actor", ref.alias_keys[(alias if sensitive else alias.lower(), sensitive)],
                                           sensitive, alias))
        for demonym, country in ref.demonyms:
            if full or self._may_overlap(demonym, grams, aliases):
                entries[demonym.lower()].append(("demonym", country, True, demonym))
        self.automaton = ahocorasick.Automaton()
        for key, values in entries.items():
            self.automaton.add_word(key, (len(key), tuple(values)))
        self.empty = not entries
        if entries:
            self.automaton.make_automaton()

    @staticmethod
    def _may_overlap(name: str, grams: set, aliases: set) -> bool:
        """Whether a name and some actor alias can overlap in a text (at word boundaries): one
        inside the other, or the end of one being the start of the other."""
        words = _tokens(name)
        if any(words[:i] in grams or words[-i:] in grams for i in range(1, len(words) + 1)):
            return True
        return any(words[i:j] in aliases for i in range(len(words)) for j in range(i + 1, len(words) + 1))

    def find(self, text: str) -> tuple[set[str], list[tuple[int, int, str]]]:
        """(actor ids named, place mentions as (start, end, text))."""
        if self.empty:
            return set(), []
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = "".join(ch.lower()[0] for ch in text)
        size = len(text)
        hits = []
        for end, (length, values) in self.automaton.iter(lowered):
            start = end - length + 1
            if (start and (text[start - 1].isalnum() or text[start - 1] == "_")) or (
                    end + 1 < size and (text[end + 1].isalnum() or text[end + 1] == "_")):
                continue
            surface = text[start:end + 1]
            for kind, value, sensitive, alias in values:
                if sensitive and surface != alias:
                    continue
                hits.append((start, -length, kind != "place", kind, value, alias))
                break
        if not hits:
            return set(), []
        hits.sort()
        taken: list[tuple[int, int]] = []
        actors: set[str] = set()
        places: list[tuple[int, int, str]] = []
        for start, neg_length, _, kind, value, alias in hits:
            end = start - neg_length
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            if kind == "actor":
                actors.add(value)
            elif kind == "place":
                places.append((start, end, text[start:end]))
        return actors, sorted(places)


# -- the truth --------------------------------------------------------------------------------


class TruthLedger:
    """The true figures as aggregates, updated as articles are written (DESIGN.md's rules)."""

    def __init__(self):
        self.incident_killed: Counter = Counter()  # (month, country, admin1|None, class) -> sum of incident lows
        self.incident_wounded: Counter = Counter()
        self.total_killed: dict = {}  # (month, country, admin1|None, class) -> largest period total
        self.total_wounded: dict = {}
        self.actor_articles: Counter = Counter()  # (month, actor name) -> articles
        self.articles = 0
        self.first_published: dt.date | None = None
        self.last_published: dt.date | None = None

    def incident(self, state: dict, month: dt.date, country: str, admin1: str | None, victim_class: str,
                 killed: int | None, wounded: int | None, moved: tuple[int, str] | None = None,
                 party: bool = False) -> None:
        """One report of an incident: the incident's figure per outcome is the largest low reported
        by a source other than a side claiming the other side's losses (`party`), or by such a side
        when no other source reports it.

        `state` is the incident's own memory of the largest lows written so far, of each kind of
        source, and of the figure counted; `moved` is a breakdown of another victim class that
        every report of the incident states: its share moves to that class."""
        key = (month, country, admin1, victim_class)
        for outcome, value, cells in (("killed", killed, self.incident_killed), ("wounded", wounded, self.incident_wounded)):
            if not value:
                continue
            kind = f"{outcome}_{'party' if party else 'other'}"
            state[kind] = max(state.get(kind, 0), value)
            figure = state.get(f"{outcome}_other") or state[f"{outcome}_party"]
            previous = state.get(outcome, 0)
            if figure == previous:
                continue
            if outcome == "killed" and previous == 0 and moved:
                self.incident_killed[(month, country, admin1, moved[1])] += moved[0]
                self.incident_killed[key] -= moved[0]
            cells[key] += figure - previous
            state[outcome] = figure

    def period_total(self, month: dt.date, country: str, admin1: str | None, victim_class: str,
                     killed: int | None, wounded: int | None) -> None:
        key = (month, country, admin1, victim_class)
        if killed and killed > self.total_killed.get(key, 0):
            self.total_killed[key] = killed
        if wounded and wounded > self.total_wounded.get(key, 0):
            self.total_wounded[key] = wounded

    def article(self, published: dt.date, actor_names: set[str]) -> None:
        self.articles += 1
        if self.first_published is None or published < self.first_published:
            self.first_published = published
        if self.last_published is None or published > self.last_published:
            self.last_published = published
        month = month_start(published)
        for name in actor_names:
            self.actor_articles[(month, name)] += 1

    def casualty_rows(self) -> list[dict]:
        """mart_monthly_casualties as it must be: admin1 rows, then the country-wide roll-up."""
        admin1_cells = {k for k in list(self.incident_killed) + list(self.incident_wounded)
                        + list(self.total_killed) + list(self.total_wounded) if k[2] is not None}
        rows: dict[tuple, list[int]] = {}
        for key in admin1_cells:
            killed = max(self.incident_killed.get(key, 0), self.total_killed.get(key, 0))
            wounded = max(self.incident_wounded.get(key, 0), self.total_wounded.get(key, 0))
            rows[key] = [killed, wounded]
        sums: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        for (month, country, _, victim_class), (killed, wounded) in rows.items():
            entry = sums[(month, country, None, victim_class)]
            entry[0] += killed
            entry[1] += wounded
        country_keys = set(sums) | {k for k in list(self.incident_killed) + list(self.incident_wounded)
                                    + list(self.total_killed) + list(self.total_wounded) if k[2] is None}
        for key in country_keys:
            summed = sums.get(key, [0, 0])
            killed = max(summed[0] + self.incident_killed.get(key, 0), self.total_killed.get(key, 0))
            wounded = max(summed[1] + self.incident_wounded.get(key, 0), self.total_wounded.get(key, 0))
            rows[key] = [killed, wounded]
        out = []
        for (month, country, admin1, victim_class), (killed, wounded) in rows.items():
            if killed or wounded:
                out.append({"month": month.isoformat(), "country": country, "admin1": admin1,
                            "victim_class": victim_class, "killed_best": killed, "wounded_best": wounded})
        out.sort(key=lambda r: (r["month"], r["country"], r["admin1"] is None, r["admin1"] or "", r["victim_class"]))
        return out

    def actor_rows(self) -> list[dict]:
        return [{"month": month.isoformat(), "actor": name, "articles": count}
                for (month, name), count in sorted(self.actor_articles.items())]


# -- the simulation ---------------------------------------------------------------------------


@dataclass(eq=False)
class Report:
    day: dt.date
    outlet: tuple
    killed: int | None
    killed_q: str
    wounded: int | None
    wounded_q: str
    followup: bool = False
    split: bool = False  # states the militant actor breakdown (exact reports only)
    party: bool = False  # told by the side that fought the victims (the army, of militants), once rendered


@dataclass(eq=False)
class Incident:
    iid: int
    day: dt.date
    site: Site
    victim_class: str
    killed: int
    wounded: int
    mech: str
    vague: str | None  # the vague word every report uses for the wounded
    perpetrator: str | None
    victim_actor: str | None
    split: tuple | None  # (actor a, k_a, actor b, k_b): militants from two groups
    moved: tuple | None  # (share, class, noun): a breakdown of another class in every report
    part: tuple | None  # (noun,): same-class breakdown available
    reports: list[Report] = field(default_factory=list)
    written: dict = field(default_factory=dict)
    remaining: int = 0


@dataclass(eq=False)
class PeriodTotal:
    month: dt.date
    country: str
    admin1: str | None
    victim_class: str
    killed: int
    wounded: int | None
    reports: list[tuple] = field(default_factory=list)  # (day, outlet, stated killed, qualifier)


class Generator:
    """A seeded, streaming generator of wire articles whose true marts are known."""

    def __init__(self, seed: int = 7, seeds_dir: Path | None = None, articles_hint: int = 10_000,
                 start: dt.date = START_DATE, country_level: bool = True):
        self.seed = seed
        self.ref = Reference(seeds_dir)
        if not self.ref.sites:
            raise SeedsMissing(f"no usable incident place (city, town, district, neighbourhood with admin1 and "
                               f"country) in {self.ref.seeds_dir / 'places.csv'}")
        self.rng = random.Random(seed)
        span = min(7000, max(120, articles_hint // 4))
        self.per_day = max(1.0, articles_hint / span)
        self.incidents_per_day = self.per_day * 0.46
        self.country_level = country_level
        self.start = self.day = start
        self.queue: deque = deque()
        self.due: dict[dt.date, list] = defaultdict(list)
        self.scheduled: dict[dt.date, list] = defaultdict(list)
        self.occupancy: dict[dt.date, tuple[set, set, set]] = {}
        self.month_true: dict[dt.date, Counter] = defaultdict(Counter)
        self.ledger = TruthLedger()
        self.stats: Counter = Counter()
        self.next_incident = 0
        self.articles_written = 0
        self._prepare()

    # pickling: the reference data is re-read from seeds/ (it holds automatons)
    def __getstate__(self):
        state = dict(self.__dict__)
        state["ref"] = str(self.ref.seeds_dir)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.ref = Reference(Path(state["ref"]))
        self._prepare()

    def save(self, path: Path) -> None:
        Path(path).write_bytes(pickle.dumps(self))

    @staticmethod
    def load(path: Path) -> "Generator":
        return pickle.loads(Path(path).read_bytes())

    def _prepare(self) -> None:
        ref = self.ref
        countries = sorted(ref.sites)
        weights = [70.0 if c == "Iraq" else 30.0 / max(1, len(countries) - ("Iraq" in countries)) for c in countries]
        if "Iraq" not in countries:
            weights = [1.0] * len(countries)
        self.countries, self.country_weights = countries, weights
        self.cum_country_weights = []
        total = 0.0
        for w in weights:
            total += w
            self.cum_country_weights.append(total)
        self.admin1s = {c: sorted(ref.sites[c]) for c in countries}
        self.nouns: dict[tuple[str, str], tuple[str, ...]] = {}
        self.total_nouns: dict[tuple[str, str], tuple[str, ...]] = {}
        self.class_choices: dict[str, tuple[list[str], list[float]]] = {}
        for country in countries:
            dem = DEMONYMS.get(country, "")
            for victim_class in CLASSES:
                if victim_class == "foreign_military":
                    pool = FOREIGN_NOUNS.get(country, FOREIGN_NOUNS[""])
                    totals = pool[:2]
                else:
                    pool, totals = CLASS_NOUNS[victim_class], TOTAL_NOUNS[victim_class]
                self.nouns[(country, victim_class)] = tuple(
                    n.format(dem=dem) for n in pool if "{dem}" not in n or dem
                    if ref.noun_ok(n.format(dem=dem), victim_class, country))
                self.total_nouns[(country, victim_class)] = tuple(
                    n.format(dem=dem) for n in totals if "{dem}" not in n or dem
                    if ref.noun_ok(n.format(dem=dem), victim_class, country))
            table = CLASS_WEIGHTS.get(country, CLASS_WEIGHTS[""])
            classes = [c for c in CLASSES if self.nouns[(country, c)] and table.get(c)
                       and (c != "foreign_military" or country in FOREIGN_THEATRES)]
            self.class_choices[country] = (classes, [table[c] for c in classes])
        # decorative vocabulary must name no actor and no place (the truth counts what is named)
        self.names = self._clean_vocab(NAMES)
        self.reporters = self._clean_vocab(REPORTERS)
        self.quotes = self._clean_vocab(QUOTES)
        self.jobs = self._clean_vocab(JOBS)
        self.context = self._clean_vocab(CONTEXT)
        self.outlets = {c: [o for o in OUTLETS if o[4] is None or c in o[4]] for c in countries}
        vague_terms = [t for t in ("dozens", "scores", "several") if t in ref.vague]
        self.vague_terms = vague_terms
        self.hundreds = "hundreds" if "hundreds" in ref.vague else None

    def _clean_vocab(self, words) -> tuple[str, ...]:
        kept = []
        for word in words:
            actors, places = self.ref.place_matcher.find(word)
            if not actors and not places:
                kept.append(word)
        return tuple(kept) or ("a resident",)

    # -- the day loop --------------------------------------------------------------------------

    def next_article(self) -> dict:
        while not self.queue:
            self._advance_day()
        return self._render(self.queue.popleft())

    def _advance_day(self) -> None:
        day, rng = self.day, self.rng
        self.day = day + dt.timedelta(days=1)
        for old in [d for d in self.occupancy if (day - d).days > 3]:
            del self.occupancy[old]
        if day.day == 1 and day > self.start:
            self._plan_period_totals(add_months(day, -1), day)
        count = int(self.incidents_per_day) + (rng.random() < self.incidents_per_day % 1)
        for _ in range(count):
            self._new_incident(day)
        due = self.due.pop(day, [])
        rng.shuffle(due)
        specs: list = []
        if len(due) >= 5 and rng.random() < 0.3:
            items, rest, numbers, listed = [], [], set(), set()
            country = due[0][0].site.country
            for slot in due:
                inc, report = slot
                figures = {report.killed, report.wounded} - {None}
                # A round-up lists each incident once: two reports of one incident go elsewhere.
                if (len(items) < 5 and inc.site.country == country and inc.moved is None
                        and not figures & numbers and not report.followup and id(inc) not in listed):
                    items.append(slot)
                    numbers |= figures
                    listed.add(id(inc))
                else:
                    rest.append(slot)
            if len(items) >= 3:
                specs.append(("roundup", items))
                due = rest
        leads: list[list] = []
        for slot in due:
            inc, report = slot
            host = leads[-1] if leads else None
            if (host is not None and host[1] is None and rng.random() < 0.18 and inc.moved is None
                    and host[0][0].moved is None and host[0][0] is not inc and not report.followup
                    and not ({report.killed, report.wounded} - {None})
                    & ({host[0][1].killed, host[0][1].wounded} - {None})):
                host[1] = slot
            else:
                leads.append([slot, None])
        specs += [("lead", slot, secondary) for slot, secondary in leads]
        specs += self.scheduled.pop(day, [])
        background = self.per_day * 0.08
        for _ in range(int(background) + (rng.random() < background % 1)):
            specs.append(("background", self._pick_country()))
        rng.shuffle(specs)
        for spec in specs:
            self.queue.append((day, spec))

    def _pick_country(self) -> str:
        x = self.rng.random() * self.cum_country_weights[-1]
        return self.countries[bisect.bisect_right(self.cum_country_weights, x)]

    def _conflicts(self, day: dt.date, site: Site, admin1_free: bool) -> bool:
        for offset in (0, 1, 2):
            occupied = self.occupancy.get(day - dt.timedelta(days=offset))
            if occupied is None:
                continue
            resolved, covered, admin1s = occupied
            if admin1_free and (site.country, site.admin1) in admin1s:
                return True
            if not site.resolved.isdisjoint(covered) or not site.covered.isdisjoint(resolved):
                return True
        return False

    def _occupy(self, day: dt.date, site: Site) -> None:
        resolved, covered, admin1s = self.occupancy.setdefault(day, (set(), set(), set()))
        resolved |= site.resolved
        covered |= site.covered
        admin1s.add((site.country, site.admin1))

    def _pick_site(self, day: dt.date, country: str) -> Site | None:
        rng, ref = self.rng, self.ref
        if self.country_level and country in ref.country_sites and rng.random() < 0.02:
            site = ref.country_sites[country]
            if not self._conflicts(day, site, False):
                self.stats["country_level_incidents"] += 1
                return site
        admin1s = self.admin1s[country]
        for attempt in range(16):
            admin1 = admin1s[int(rng.random() * len(admin1s))]
            sites = ref.sites[country][admin1]
            site = sites[int(rng.random() * len(sites))]
            if site.with_city is not None and rng.random() < 0.3:
                site = site.with_city
            if not self._conflicts(day, site, attempt < 6):
                return site
        self.stats["incidents_without_room"] += 1
        return None

    def _new_incident(self, day: dt.date) -> None:
        rng, ref = self.rng, self.ref
        country = self._pick_country()
        site = self._pick_site(day, country)
        if site is None:
            return
        classes, weights = self.class_choices[country]
        victim_class = rng.choices(classes, weights)[0]
        x = rng.random()
        big = victim_class in ("civilian", "mixed_unknown")
        killed = (rng.randint(2, 5) if x < 0.45 else rng.randint(6, 12) if x < 0.75
                  else rng.randint(13, 30 if big else 20) if x < 0.93 else rng.randint(31, 90) if big
                  else rng.randint(6, 15))
        if rng.random() < 0.1:
            killed = 0
        wounded = 0
        if killed == 0:
            wounded = rng.randint(3, 25)
        elif rng.random() < 0.72:
            wounded = max(2, int(killed * rng.uniform(0.8, 3.5)) + rng.randint(0, 3))
            if wounded == killed:
                wounded += 1
        vague = None
        if wounded and self.vague_terms and rng.random() < 0.06:
            vague = rng.choice(self.vague_terms)
            wounded = ref.vague[vague]
            if wounded == killed:
                vague, wounded = None, wounded + 1
        mech = rng.choice(CLASS_MECHS[victim_class])
        groups = ref.groups.get(country, [])
        forces = ref.forces.get(country, []) + ref.foreign
        perpetrator = victim_actor = None
        if victim_class == "militants":
            if forces and rng.random() < 0.5:
                perpetrator = rng.choice(forces)
            if groups and rng.random() < 0.5:
                victim_actor = rng.choice(groups)
        elif groups and rng.random() < 0.6:
            perpetrator = rng.choice(groups)
        split = moved = part = None
        if victim_class == "militants" and killed >= 4 and len(groups) >= 2 and rng.random() < 0.25:
            a, b = rng.sample(groups, 2)
            k_a = rng.randint(2, killed - 2)
            split = (a, k_a, b, killed - k_a)
        if victim_class == "mixed_unknown" and killed >= 6 and rng.random() < 0.15:
            dem = DEMONYMS.get(country, "")
            options = [(n.format(dem=dem), c) for n, c in CROSS_CLASS_PARTS
                       if ("{dem}" not in n or dem) and ref.noun_ok(n.format(dem=dem), c, country)]
            if options:
                noun, other = rng.choice(options)
                moved = (rng.randint(2, killed // 2), other, noun)
        if victim_class in SAME_CLASS_PARTS and killed >= 4:
            options = [n for n in SAME_CLASS_PARTS[victim_class] if ref.noun_ok(n, victim_class, country)]
            if options:
                part = (rng.choice(options),)
        inc = Incident(self.next_incident, day, site, victim_class, killed, wounded, mech, vague, perpetrator,
                       victim_actor, split, moved, part)
        self.next_incident += 1
        self._occupy(day, site)
        # the reports: 1-4 outlets over the next two days, compatible counts
        n_reports = rng.choices((1, 2, 3, 4), (30, 30, 25, 15))[0]
        outlets = self.outlets[country]
        chosen = rng.sample(outlets, min(n_reports, len(outlets)))
        first_lag = 0 if rng.random() < 0.7 else 1
        lags = sorted([first_lag] + [rng.randint(first_lag, 2) for _ in chosen[1:]])
        exact = rng.randrange(len(chosen))
        floor = moved[0] + 1 if moved else 2
        for i, (outlet, lag) in enumerate(zip(chosen, lags)):
            k, kq = (killed or None), ""
            if killed:
                if i != exact and killed >= 5 and rng.random() < 0.45:
                    k = max(floor, killed - rng.randint(1, max(1, killed // 5)))
                    kq = rng.choice(LOWER_Q)
                else:
                    kq = rng.choice(EXACT_Q if killed >= 10 else EXACT_Q[:-1])
            w, wq = (wounded or None), ""
            if wounded:
                if vague:
                    wq = ""
                elif killed and i != exact and rng.random() < 0.2:
                    w = None
                elif i != exact and wounded >= 5 and rng.random() < 0.35:
                    w = wounded - rng.randint(1, max(1, wounded // 5))
                    wq = rng.choice(LOWER_Q)
                else:
                    wq = rng.choice(EXACT_Q if wounded >= 10 else EXACT_Q[:-1])
            if w is not None and k is not None and w == k:
                w, wq = None, ""
            report = Report(day + dt.timedelta(days=lag), outlet, k, kq, w, wq)
            report.followup = bool(killed and i > 0 and lag >= 1 and k == killed and not kq
                                   and rng.random() < 0.3)
            report.split = bool(split and k == killed)
            inc.reports.append(report)
            self.due[report.day].append((inc, report))
        inc.remaining = len(inc.reports)
        cell = self.month_true[month_start(day)]
        cell[(country, site.admin1, victim_class, "killed")] += killed
        cell[(country, site.admin1, victim_class, "wounded")] += wounded
        self.stats["incidents"] += 1

    def _plan_period_totals(self, month: dt.date, today: dt.date) -> None:
        rng, ref = self.rng, self.ref
        cells = self.month_true.pop(month, Counter())
        plans: list[PeriodTotal] = []
        per_country: Counter = Counter()
        for (country, admin1, victim_class, outcome), value in sorted(cells.items(), key=str):
            if outcome != "killed":
                continue
            wounded = cells.get((country, admin1, victim_class, "wounded"), 0)
            per_country[(country, victim_class, "killed")] += value
            per_country[(country, victim_class, "wounded")] += wounded
            if admin1 is None or (country, admin1) not in ref.admin1_surfaces or value == 0:
                continue
            if not self.total_nouns[(country, victim_class)]:
                continue
            if rng.random() < (0.1 if country == "Iraq" else 0.04):
                plans.append(self._total(month, country, admin1, victim_class, value, wounded))
        if rng.random() < 0.35:  # a total for a cell without any incident: it alone makes the cell
            country = self._pick_country()
            admin1s = [a for a in self.admin1s[country] if (country, a) in ref.admin1_surfaces]
            classes = [c for c in self.class_choices[country][0] if self.total_nouns[(country, c)]]
            if admin1s and classes:
                admin1, victim_class = rng.choice(admin1s), rng.choice(classes)
                if not cells.get((country, admin1, victim_class, "killed")):
                    plans.append(self._total(month, country, admin1, victim_class, rng.randint(3, 40), 0))
        for (country, victim_class, outcome), value in sorted(per_country.items()):
            if outcome != "killed" or value == 0 or country not in ref.country_surface:
                continue
            if not self.total_nouns[(country, victim_class)]:
                continue
            if rng.random() < (0.25 if country == "Iraq" else 0.05):
                wounded = per_country[(country, victim_class, "wounded")]
                plans.append(self._total(month, country, None, victim_class, value, wounded))
        for plan in plans:
            outlets = self.outlets[plan.country]
            days = sorted(rng.sample(range(0, 6), rng.choice((1, 1, 2))))
            for n, offset in enumerate(days):
                stated, qualifier = plan.killed, "at least "
                if n and plan.killed > 20 and rng.random() < 0.5:
                    stated, qualifier = plan.killed - rng.randint(1, plan.killed // 10), "more than "
                plan.reports.append((today + dt.timedelta(days=offset), rng.choice(outlets), stated, qualifier))
                self.scheduled[today + dt.timedelta(days=offset)].append(("total", plan, n))

    def _total(self, month, country, admin1, victim_class, value, wounded) -> PeriodTotal:
        rng = self.rng
        killed = max(2, int(round(value * rng.uniform(0.7, 1.45))))
        stated_wounded = None
        if wounded and rng.random() < 0.3:
            stated_wounded = max(2, int(round(wounded * rng.uniform(0.7, 1.45))))
            if stated_wounded == killed:
                stated_wounded += 1
        self.stats["period_totals_planned"] += 1
        return PeriodTotal(month, country, admin1, victim_class, killed, stated_wounded)

    # -- rendering -----------------------------------------------------------------------------

    def _num(self, n: int, initial: bool = False) -> str:
        r = self.rng.random()
        if n == 12 and r < 0.2:
            self.stats["number_words"] += 1
            text = "a dozen"
        elif n == 24 and r < 0.3:
            self.stats["number_words"] += 1
            text = "two dozen"
        elif n < 10 and (initial or r < 0.9):
            self.stats["number_words"] += 1
            text = number_words(n)
        elif n < 100 and (initial or r < 0.15):
            self.stats["number_words"] += 1
            text = number_words(n)
        else:
            text = f"{n:,}"
        return cap(text) if initial else text

    def _date_phrase(self, event: dt.date, published: dt.date) -> str:
        lag = (published - event).days
        weekday = WEEKDAYS[event.weekday()]
        r = self.rng.random()
        if lag == 1:
            if r < 0.15:
                return "yesterday"
            if r < 0.25:
                return "overnight"
            if r < 0.35:
                return f"late on {weekday}"
        if r > 0.85:
            return f"on {MONTHS[event.month - 1]} {event.day}"
        if lag == 0 and r > 0.75:
            return f"on {weekday} morning"
        return f"on {weekday}"

    def _source(self, victim_class: str) -> str:
        if victim_class in ("militants", "foreign_military") and self.rng.random() < 0.7:
            return self.rng.choice(MILITARY_SOURCES)
        return self.rng.choice(SOURCES)

    def _second_source(self, first: str) -> str:
        """Another source of the same kind (a side's after a side's), so that a report's figures are
        all told by a side or none is."""
        return self.rng.choice(SIDE_SOURCES if first in SIDE_SOURCES else OTHER_SOURCES)

    def _alias(self, actor_id: str, initial: bool = False) -> str:
        aliases = self.ref.writable[actor_id]
        alias = aliases[0] if len(aliases) == 1 or self.rng.random() < 0.6 else self.rng.choice(aliases)
        if initial and not alias[0].isupper() and (alias.lower(), False) in self.ref.alias_keys:
            return cap(alias)
        return alias

    def _dateline(self, outlet: tuple, published: dt.date, country: str, city: str | None) -> str:
        template = outlet[2]
        if not template or city is None:
            return ""
        return template.format(CITY=city.upper(), City=city, Country=country, Mon=MON[published.month - 1],
                               Month=MONTHS[published.month - 1], d=published.day)

    def _dateline_city(self, site: Site) -> str | None:
        rng, ref = self.rng, self.ref
        if site.place is None:
            return None
        r = rng.random()
        if r < 0.55 and site.place.kind in ("city", "town"):
            return site.forms[0][1]
        hub = ref.hubs.get((site.country, site.admin1)) if r < 0.8 else None
        hub = hub or ref.hubs.get((site.country, None))
        return surface_of(hub) if hub else None

    def _render(self, item) -> dict:
        published, spec = item
        kind = spec[0]
        art = _Article(self, published)
        if kind == "lead":
            self._render_lead(art, spec[1], spec[2])
        elif kind == "roundup":
            self._render_roundup(art, spec[1])
        elif kind == "total":
            self._render_total(art, spec[1], spec[2])
        else:
            self._render_background(art, spec[1])
        return art.finish()

    def _incident_fields(self, art: "_Article", inc: Incident, report: Report, initial: bool) -> dict:
        rng = self.rng
        subjects, events, nouns, head, plural = MECHS[inc.mech]
        country = inc.site.country
        noun_pool = self.nouns[(country, inc.victim_class)]
        noun = noun_pool[int(rng.random() * len(noun_pool))]
        if inc.victim_actor and rng.random() < 0.6:
            noun = f"{self._alias(inc.victim_actor)} {rng.choice(('militants', 'fighters'))}"
        form, short = inc.site.forms[int(rng.random() * len(inc.site.forms))]
        with_article, bare = nouns[int(rng.random() * len(nouns))]
        hurt, hurting = ("wounded", "wounding") if rng.random() < 0.7 else ("injured", "injuring")
        source = self._source(inc.victim_class)
        # the army's count of militants it fought is a side's claim; of foreign troops, an ally's
        report.party = source in SIDE_SOURCES and inc.victim_class == "militants"
        self.stats["side_claims"] += report.party
        fields = {"source": source, "noun": noun, "P": form, "short": short, "D": self._date_phrase(inc.day, art.published),
                  "Dposs": WEEKDAYS[inc.day.weekday()] + "'s", "mech": rng.choice(subjects),
                  "event": rng.choice(events), "a_noun": with_article, "bare": bare, "hurt": hurt,
                  "hurting": hurting, "S": source + " said", "Sc": cap(source), "head": head,
                  "kills": "kill" if plural else "kills"}
        k, w = report.killed, report.wounded
        if k:
            fields["KN"] = f"{report.killed_q}{self._num(k)} {noun}"
            fields["KNc"] = (cap(f"{report.killed_q}{self._num(k, not report.killed_q)} {noun}") if initial
                             else fields["KN"])
            art.claim("killed", k, "incident", inc.victim_class)
        if w:
            if inc.vague:
                fields["W"] = inc.vague
                fields["WN"] = f"{inc.vague} of {noun}" if inc.vague != "several" else f"several {noun}"
                self.stats["vague_words"] += 1
            else:
                fields["W"] = f"{report.wounded_q}{self._num(w)}"
                fields["WN"] = f"{fields['W']} {noun}"
            fields["WNc"] = cap(fields["WN"]) if initial else fields["WN"]
            art.claim("wounded", w, "incident", inc.victim_class)
        if initial:
            fields["MECH"], fields["EVENT"] = cap(fields["mech"]), cap(fields["event"])
        else:
            fields["MECH"], fields["EVENT"], fields["Sc"] = fields["mech"], fields["event"], source
        return fields

    def _claim_sentence(self, fields: dict, report: Report, allow_split_wounded: bool) -> tuple[str, bool]:
        """The sentence stating the report's figures; True when the wounded still need a sentence."""
        rng = self.rng
        k, w = report.killed, report.wounded
        if report.followup and k:
            return "The number of {noun} killed in {Dposs} {bare} {P} rose to {K}, {S}.".format(
                K=self._num(k), **fields), bool(w)
        if k and w and (not allow_split_wounded or rng.random() < 0.6):
            template = rng.choice((
                "{MECH} {P} {D} killed {KN} and {hurt} {W}, {S}.",
                "{KNc} were killed and {W} {hurt} {D} when {event} {P}, {S}.",
                "{EVENT} {P} {D}, killing {KN} and {hurting} {W}, {S}.",
                "{Sc} said {KN} were killed and {W} {hurt} {D} in {a_noun} {P}.",
            ))
            return template.format(**fields), False
        if k:
            template = rng.choice((
                "{MECH} killed {KN} {P} {D}, {S}.",
                "{KNc} were killed {D} when {event} {P}, {S}.",
                "{EVENT} {P} {D}, killing {KN}, {S}.",
                "{Sc} said {KN} died {D} in {a_noun} {P}.",
                "{KNc} died {D} in {a_noun} {P}, {S}.",
            ))
            return template.format(**fields), bool(w)
        template = rng.choice((
            "{WNc} were {hurt} {D} when {event} {P}, {S}.",
            "{MECH} {hurt} {WN} {P} {D}, {S}.",
            "{EVENT} {P} {D}, {hurting} {WN}, {S}.",
        ))
        return template.format(**fields), False

    def _wounded_sentence(self, fields: dict, inc: Incident, report: Report) -> str:
        rng = self.rng
        second = self._second_source(fields["source"])
        if inc.victim_class == "mixed_unknown" and not inc.vague and rng.random() < 0.4:
            return f"{cap(report.wounded_q + self._num(report.wounded, not report.wounded_q))} others were " \
                   f"{fields['hurt']} in the {fields['bare']} {fields['P']}, {second} said."
        if rng.random() < 0.5:
            return f"{cap(fields['WN'])} were also {fields['hurt']} in the {fields['bare']} {fields['P']}, {second} said."
        return f"{cap(second)} said {fields['WN']} were {fields['hurt']} in the {fields['bare']} {fields['P']}."

    def _record_report(self, art: "_Article", inc: Incident, report: Report) -> None:
        site = inc.site
        self.ledger.incident(inc.written, month_start(inc.day), site.country, site.admin1, inc.victim_class,
                             report.killed, report.wounded, inc.moved[:2] if inc.moved else None, report.party)
        art.events.append({"kind": "report", "incident": inc.iid, "month": month_start(inc.day).isoformat(),
                           "country": site.country, "admin1": site.admin1, "victim_class": inc.victim_class,
                           "killed": report.killed, "wounded": report.wounded, "party": report.party,
                           "moved": list(inc.moved[:2]) if inc.moved else None})
        self.stats["reports"] += 1
        inc.remaining -= 1

    def _render_lead(self, art: "_Article", slot, secondary) -> None:
        rng, ref = self.rng, self.ref
        inc, report = slot
        art.outlet = report.outlet
        fields = self._incident_fields(art, inc, report, True)
        country = inc.site.country
        city = self._dateline_city(inc.site)
        art.dateline = self._dateline(report.outlet, art.published, country, city)
        # headline (title; in the body too on some pages): a restatement of the lead figure
        if report.killed:
            number = (report.killed_q if report.killed_q in LOWER_Q else "") + str(report.killed)
            title = rng.choice((f"{fields['head']} {fields['kills']} {number} {fields['noun']} in {fields['short']}",
                                f"{cap(number)} {fields['noun']} killed in {fields['short']} {fields['bare']}"))
        else:
            title = f"{cap(fields['WN'])} {fields['hurt']} in {fields['short']} {fields['bare']}"
        art.title = title
        if rng.random() < 0.35:
            art.paragraphs.append(title)
            art.claim("killed" if report.killed else "wounded", report.killed or report.wounded, "restatement",
                      inc.victim_class)
            self.stats["headline_restatements"] += 1
        sentence, wounded_apart = self._claim_sentence(fields, report, True)
        lead = [sentence]
        if wounded_apart:
            lead.append(self._wounded_sentence(fields, inc, report))
        if report.followup:
            self.stats["followups"] += 1
        # breakdowns: never add (one of another class moves its share: every report states it)
        if inc.moved and report.killed:
            share, _, noun = inc.moved
            lead.append(rng.choice(("Among the dead were {b} {n}.", "The dead included {b} {n}, {s}.",
                                    "{B} of the dead were {n}.")).format(
                b=self._num(share), B=self._num(share, True), n=noun, s=self._source(inc.victim_class) + " said"))
            art.claim("killed", share, "breakdown", inc.moved[1])
            self.stats["breakdowns_other_class"] += 1
        elif report.split and inc.split:
            a, k_a, b, k_b = inc.split
            lead.append(f"{self._num(k_a, True)} {rng.choice(('militiamen', 'fighters'))} from {self._alias(a)} and "
                        f"{self._num(k_b)} from {self._alias(b)} were killed in the {fields['bare']}, "
                        f"{self._source('militants')} said.")
            art.claim("killed", k_a, "breakdown", "militants")
            art.claim("killed", k_b, "breakdown", "militants")
            self.stats["breakdowns_actor"] += 1
        elif inc.part and report.killed and report.killed >= 4 and rng.random() < 0.4:
            share = rng.randint(2, min(report.killed - 1, 9))
            if art.fresh(share):
                lead.append(rng.choice(("Among the dead were {b} {n}.", "{B} of the dead were {n}.",
                                        "The dead included {b} {n}.")).format(
                    b=self._num(share), B=self._num(share, True), n=inc.part[0]))
                art.claim("killed", share, "breakdown", inc.victim_class)
                self.stats["breakdowns_same_class"] += 1
        elif inc.part and inc.victim_class == "civilian" and report.wounded and report.wounded >= 4 \
                and not inc.vague and rng.random() < 0.3:
            share = rng.randint(2, min(report.wounded - 1, 9))
            if art.fresh(share):
                lead.append(f"Among the wounded were {self._num(share)} children.")
                art.claim("wounded", share, "breakdown", inc.victim_class)
                self.stats["breakdowns_same_class"] += 1
        art.paragraphs.append(" ".join(lead))
        self._record_report(art, inc, report)
        # who: perpetrator, victims, officials
        context = []
        if inc.perpetrator and inc.victim_class != "militants":
            name, initial = self._alias(inc.perpetrator), self._alias(inc.perpetrator, True)
            context.append(rng.choice((f"{initial} claimed responsibility for the attack in a statement posted online.",
                                       f"No group immediately claimed responsibility, but officials blamed {name}.",
                                       f"Police blamed the attack on {name}.",
                                       f"Suspicion fell on {name}, which has carried out similar attacks in the area.")))
        elif inc.perpetrator:
            name, initial = self._alias(inc.perpetrator), self._alias(inc.perpetrator, True)
            context.append(rng.choice((f"The operation was carried out by {name}, {rng.choice(MILITARY_SOURCES)} said.",
                                       f"{initial} said the operation would continue.")))
        elif inc.victim_class != "militants":
            context.append(rng.choice(("No group immediately claimed responsibility for the attack.",
                                       "There was no immediate claim of responsibility.")))
        persons = ref.persons.get(country)
        if persons and rng.random() < 0.3:
            person = rng.choice(persons)
            name, initial = self._alias(person), self._alias(person, True)
            context.append(rng.choice((f"{initial} condemned the attack and ordered an investigation.",
                                       f"{initial} called for calm.",
                                       f"The attack came days after {name} vowed to restore security.")))
        art.distractors(context, 1 + (rng.random() < 0.5), inc)
        if context:
            art.paragraphs.append(" ".join(context))
        art.context(rng.randint(3, 6))
        if rng.random() < 0.5:
            more: list[str] = []
            art.distractors(more, 1, inc)
            if more:
                art.paragraphs.append(" ".join(more + art.context_sentences(rng.randint(0, 2))))
        # a separate incident of the same day
        if secondary is not None:
            s_inc, s_report = secondary
            s_fields = self._incident_fields(art, s_inc, s_report, False)
            sentence, _ = self._claim_sentence(s_fields, s_report, False)
            art.paragraphs.append(rng.choice(("In a separate attack, ", "Elsewhere, ", "In another incident, "))
                                  + sentence)
            self._record_report(art, s_inc, s_report)
            self.stats["secondary_reports"] += 1
        # a recap of the lead figure: a restatement
        if report.killed and not report.followup and rng.random() < 0.12:
            art.paragraphs.append(f"The {fields['bare']}, which killed {fields['KN']}, was the deadliest in "
                                  f"{fields['short']} since {inc.day.year - rng.randint(1, 6)}.")
            art.claim("killed", report.killed, "restatement", inc.victim_class)
            self.stats["recap_restatements"] += 1
        if rng.random() < 0.15:
            art.paragraphs.append(self._cumulative(art, country, inc.site.admin1))
        if rng.random() < 0.2 and inc.site.place is not None:
            sentence = art.distance(inc)
            if sentence:
                art.paragraphs.append(sentence)
        art.sign_off()

    def _render_roundup(self, art: "_Article", items) -> None:
        rng = self.rng
        country = items[0][0].site.country
        outlet = rng.choice([o for o in self.outlets[country] if o[0] in ("Reuters", "Xinhua")] or self.outlets[country])
        art.outlet = outlet
        pub = art.published
        art.title = f"Security developments in {country}, {MONTHS[pub.month - 1]} {pub.day}"
        art.paragraphs.append(f"Following are security developments in {country} on {MONTHS[pub.month - 1]} "
                              f"{pub.day}, {pub.year}, as reported by police and local officials.")
        for inc, report in items:
            fields = self._incident_fields(art, inc, report, True)
            sentence, _ = self._claim_sentence(fields, report, False)
            art.paragraphs.append(f"{fields['short'].upper()} - {sentence}")
            self._record_report(art, inc, report)
        self.stats["roundups"] += 1
        art.context(rng.randint(1, 2))
        art.sign_off()

    def _render_total(self, art: "_Article", plan: PeriodTotal, n: int) -> None:
        rng, ref = self.rng, self.ref
        _, outlet, stated, qualifier = plan.reports[n]
        art.outlet = outlet
        country, admin1 = plan.country, plan.admin1
        nouns = self.total_nouns[(country, plan.victim_class)]
        noun = rng.choice(nouns)
        if admin1 is None:
            box = f"across {ref.country_surface[country]}"
            city_pool = ref.cities.get(country)
        else:
            preposition = rng.choice(("across ", "in "))
            admin1_name = rng.choice(ref.admin1_surfaces[(country, admin1)])
            box = preposition + admin1_name
            city_pool = ref.admin1_cities.get((country, admin1)) or ref.cities.get(country)
        city = surface_of(rng.choice(city_pool)) if city_pool else None
        art.dateline = self._dateline(outlet, art.published, country, city)
        month_name = MONTHS[plan.month.month - 1]
        last_day = calendar.monthrange(plan.month.year, plan.month.month)[1]
        when = rng.choice((f"in {month_name}", "last month", f"in {month_name} {plan.month.year}",
                           f"during {month_name}", f"between 1 and {last_day} {month_name}",
                           f"from {month_name} 1 to {last_day}"))
        org = rng.choice(ORGS)
        number = f"{qualifier}{self._num(stated)}"
        wounded = plan.wounded if n == 0 else None
        if wounded:
            sentence = rng.choice((
                f"{cap(number)} {noun} were killed and {self._num(wounded)} wounded {box} {when}, {org} said.",
                f"Violence killed {number} {noun} and wounded {self._num(wounded)} {box} {when}, "
                f"according to figures from {org}.",
            ))
        else:
            sentence = rng.choice((
                f"{cap(number)} {noun} were killed {box} {when}, {org} said.",
                f"Violence killed {number} {noun} {box} {when}, according to figures from {org}.",
                f"{cap(org)} said {number} {noun} had been killed {box} {when}.",
            ))
        # the headline names the place as the body does: the admin1 column ("Adamawa", "Sanaa") may
        # also name another place (Nigeria's Adamawa State, the city of Sanaa)
        place_name = ref.country_surface[country] if admin1 is None else admin1_name
        art.title = f"{cap(number)} {noun} killed in {place_name} in {month_name}, figures show"
        if rng.random() < 0.2:
            art.paragraphs.append(art.title)
            art.claim("killed", stated, "restatement", plan.victim_class)
        art.paragraphs.append(sentence)
        art.claim("killed", stated, "period_total", plan.victim_class)
        if wounded:
            art.claim("wounded", wounded, "period_total", plan.victim_class)
        self.ledger.period_total(plan.month, country, admin1, plan.victim_class, stated, wounded)
        art.events.append({"kind": "total", "month": plan.month.isoformat(), "country": country, "admin1": admin1,
                           "victim_class": plan.victim_class, "killed": stated, "wounded": wounded})
        self.stats["period_total_reports"] += 1
        context = [rng.choice((f"{cap(org)} did not give a breakdown of the figures.",
                               "The figures were compiled from hospital and morgue records.",
                               "Officials said the real toll was probably higher."))]
        context.append(rng.choice((f"The toll was {rng.randint(5, 60)} percent higher than in the previous month.",
                                   f"Violence has declined since its peak in {plan.month.year - rng.randint(1, 4)}.",
                                   f"{ref.country_surface.get(country, country)} has a population of about "
                                   f"{rng.randint(15, 45)} million.")))
        art.paragraphs.append(" ".join(context))
        art.context(rng.randint(2, 3))
        if rng.random() < 0.3:
            art.paragraphs.append(self._cumulative(art, country, admin1))
        art.sign_off()

    def _render_background(self, art: "_Article", country: str) -> None:
        rng, ref = self.rng, self.ref
        outlets = self.outlets[country]
        art.outlet = rng.choice(outlets)
        cities = ref.cities.get(country) or [s.place for a in ref.sites[country].values() for s in a if s.place]
        city = surface_of(rng.choice(cities))
        art.dateline = self._dateline(art.outlet, art.published, country, city)
        persons, groups = ref.persons.get(country, []), ref.groups.get(country, [])
        person = self._alias(rng.choice(persons), True) if persons else None
        group = self._alias(rng.choice(groups)) if groups else None
        weekday = WEEKDAYS[art.published.weekday()]
        sentences = []
        if person:
            art.title, first = rng.choice((
                (f"{person} vows to press on with security plan",
                 f"{person} said on {weekday} that the government would press on with its security plan."),
                (f"{person} calls for national dialogue",
                 f"{person} called on {weekday} for a national dialogue to end the political deadlock."),
                (f"{person} meets tribal leaders", f"{person} met tribal and community leaders on {weekday} to "
                                                   f"discuss security and reconstruction."),
                (f"{person} warns of return to violence", f"{person} warned on {weekday} that the country risked "
                                                          f"sliding back into violence.")))
            sentences.append(cap(first))
            if group:
                sentences.append(f"The government would not negotiate with {group}, {person} said.")
        else:
            art.title = f"Officials in {city} discuss security plan"
            sentences.append(f"Officials in {city} said on {weekday} they had agreed a new security plan for the area.")
        pool = [f"About {self._num(rng.randint(2, 60) * 100)} troops are stationed in the area, according to the defence ministry.",
                f"The government has allocated ${rng.randint(2, 90) / 10:.1f} billion for reconstruction.",
                f"Turnout in the last provincial elections was {rng.randint(20, 70)} percent.",
                f"Parliament has {rng.randint(150, 330)} seats, and no bloc holds a majority.",
                f"The talks lasted {self._num(rng.randint(2, 9))} hours.",
                f"More than {self._num(rng.randint(2, 90) * 100)} families have returned to their homes in recent months.",
                "Officials warned that renewed fighting could cause heavy casualties."]
        if group:
            pool.append(f"{self._alias(rng.choice(groups), True)} first appeared in {ref.country_surface.get(country, country)} in "
                        f"{art.published.year - rng.randint(2, 12)}.")
            pool.append(f"Security forces arrested {self._num(rng.randint(3, 40))} suspected members of {group} "
                        f"in raids this week.")
        rng.shuffle(pool)
        sentences += pool[:rng.randint(2, 4)]
        art.paragraphs.append(" ".join(sentences[:2]))
        if sentences[2:]:
            art.paragraphs.append(" ".join(sentences[2:]))
        art.context(rng.randint(2, 4))
        if rng.random() < 0.3:
            art.paragraphs.append(self._cumulative(art, country, rng.choice(self.admin1s[country])
                                                   if rng.random() < 0.6 else None))
        art.sign_off()
        self.stats["background_articles"] += 1

    def _cumulative(self, art: "_Article", country: str, admin1: str | None) -> str:
        """A running toll since a month: scope cumulative, never adds to best."""
        rng, ref = self.rng, self.ref
        if admin1 is not None and (country, admin1) in ref.admin1_surfaces:
            box = "in " + rng.choice(ref.admin1_surfaces[(country, admin1)])
        elif country in ref.country_surface:
            box = "across " + ref.country_surface[country]
        else:
            return rng.choice(("Violence has declined in recent months.", "The area had been relatively calm."))
        victim_class = rng.choice([c for c in self.class_choices[country][0] if self.total_nouns[(country, c)]]
                                  or ["mixed_unknown"])
        nouns = self.total_nouns[(country, victim_class)] or ("people",)
        noun = rng.choice(nouns)
        since = add_months(month_start(art.published), -rng.randint(*SINCE_MONTHS))
        since_text = f"{MONTHS[since.month - 1]} {since.year}"
        value = rng.randint(150, 6000)
        while not art.fresh(value):
            value += 1
        org = rng.choice(ORGS)
        r = rng.random()
        self.stats["cumulative_tolls"] += 1
        if r < 0.12 and self.hundreds:
            art.claim("killed", ref.vague[self.hundreds], "cumulative", victim_class)
            self.stats["vague_words"] += 1
            return f"Hundreds of {noun} have been killed {box} since {since_text}."
        if r < 0.22:
            high = value + rng.randint(50, 400)
            art.claim("killed", value, "cumulative", victim_class)
            return f"Between {value:,} and {high:,} {noun} have been killed {box} since {since_text}, {org} estimates."
        art.claim("killed", value, "cumulative", victim_class)
        return rng.choice((f"More than {value:,} {noun} have been killed {box} since {since_text}, according to {org}.",
                           f"Since {since_text}, at least {value:,} {noun} have been killed {box}, {org} says.",
                           f"{cap(org)} says {value:,} {noun} have died in the violence {box} since {since_text}."))

    # -- writing ---------------------------------------------------------------------------------

    def write(self, folder: Path, articles: int, *, per_file: int = 10_000, fmt: str = "jsonl",
              truth_path: Path | None = None, events_path: Path | None = None, state_path: Path | None = None) -> Path:
        """Write the next `articles` articles into `folder` and the truth of everything written so far.

        Returns the truth file (a sibling of `folder` unless `truth_path` says otherwise)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        writer = _JsonlWriter(folder, per_file) if fmt == "jsonl" else _TxtWriter(folder)
        events = open(events_path, "a", encoding="utf-8") if events_path else None
        first = self.articles_written
        try:
            for _ in range(articles):
                article = self.next_article()
                record = article.pop("_events")
                writer.add(article)
                if events is not None:
                    events.write(json.dumps(record) + "\n")
        finally:
            writer.close()
            if events is not None:
                events.close()
        truth = Path(truth_path) if truth_path else default_truth_path(folder)
        self.write_truth(truth, {"first_article": first + 1, "articles": articles})
        if state_path:
            self.save(state_path)
        return truth

    def write_truth(self, path: Path, batch: dict | None = None) -> None:
        """The truth as JSON: a header, then one line per mart row (streamed, written atomically)."""
        ledger = self.ledger
        header = {
            "generator": "ingest.synth", "version": GENERATOR_VERSION, "seed": self.seed,
            "articles": ledger.articles,
            "published_first": ledger.first_published.isoformat() if ledger.first_published else None,
            "published_last": ledger.last_published.isoformat() if ledger.last_published else None,
            "last_batch": batch or {}, "seeds": self.ref.files,
            "stats": dict(sorted(self.stats.items())),
        }
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            handle.write("{\n")
            for key, value in header.items():
                handle.write(f"{json.dumps(key)}: {json.dumps(value)},\n")
            for n, (key, rows) in enumerate((("casualties", ledger.casualty_rows()),
                                             ("actor_articles", ledger.actor_rows()))):
                handle.write(f"{json.dumps(key)}: [")
                for i, row in enumerate(rows):
                    handle.write(("\n" if i == 0 else ",\n") + json.dumps(row))
                handle.write("\n]" + (",\n" if n == 0 else "\n"))
                del rows
            handle.write("}\n")
        tmp.replace(path)


class _Article:
    """One article being rendered: its paragraphs, the figures it states, the furniture around it."""

    def __init__(self, gen: Generator, published: dt.date):
        self.gen = gen
        self.published = published
        self.outlet: tuple | None = None
        self.dateline = ""
        self.title = ""
        self.paragraphs: list[str] = []
        self.numbers: set[int] = set()
        self.claims: list[list] = []
        self.events: list[dict] = []
        self.signature: str | None = None
        self.used_distractors: set[str] = set()
        self.used_context: set[str] = set()

    def claim(self, outcome: str, low: int, scope: str, victim_class: str) -> None:
        self.numbers.add(low)
        self.claims.append([outcome, low, scope, victim_class])

    def fresh(self, number: int) -> bool:
        return number not in self.numbers

    def context_sentences(self, count: int) -> list[str]:
        pool = self.gen.context
        picked = []
        for _ in range(count):
            sentence = pool[int(self.gen.rng.random() * len(pool))]
            if sentence not in self.used_context:
                self.used_context.add(sentence)
                picked.append(sentence)
        return picked

    def context(self, paragraphs: int) -> None:
        """Paragraphs of background: the bulk of a wire story, with nothing to extract."""
        for _ in range(paragraphs):
            sentences = self.context_sentences(self.gen.rng.randint(2, 4))
            if sentences:
                self.paragraphs.append(" ".join(sentences))

    def distractors(self, out: list[str], count: int, inc: Incident) -> None:
        gen, rng = self.gen, self.gen.rng
        kinds = ["age", "family", "population", "money", "troops", "arrests", "duration", "percent", "year",
                 "ordinal", "displaced", "hypothetical", "zero"]
        for _ in range(count):
            kind = rng.choice(kinds)
            if kind in self.used_distractors:
                continue
            self.used_distractors.add(kind)
            gen.stats["distractor_" + kind] += 1
            name = rng.choice(gen.names)
            place = inc.site.place
            if kind == "age":
                out.append(f'"{rng.choice(gen.quotes)}," said {name}, {rng.randint(19, 67)}, a {rng.choice(gen.jobs)}.')
            elif kind == "family":
                out.append(f"{name}, a father of {number_words(rng.randint(2, 8))}, said he had closed his shop "
                           f"until further notice.")
            elif kind == "population" and place is not None and place.kind in ("city", "town"):
                population = rng.choice((f"{rng.randint(20, 900) * 1000:,}", f"{rng.randint(11, 29) / 10:.1f} million"))
                out.append(f"{inc.site.forms[0][1]} is home to about {population} people.")
            elif kind == "money":
                out.append(rng.choice((f"The provincial government offered a reward of ${rng.randint(1, 20) * 5000:,} "
                                       f"for information about the attackers.",
                                       f"Officials promised {rng.randint(2, 30)} billion dinars to rebuild the area.")))
            elif kind == "troops":
                out.append(f"About {rng.randint(2, 30) * 100:,} troops were sent to reinforce checkpoints in the area.")
            elif kind == "arrests":
                out.append(f"Security forces arrested {gen._num(rng.randint(3, 40))} suspects in raids after the attack.")
            elif kind == "duration":
                out.append(rng.choice((f"The gunfight lasted about {number_words(rng.randint(2, 6))} hours.",
                                       f"Authorities imposed a {rng.choice((12, 24, 48, 72))}-hour curfew.",
                                       f"Traffic was halted for {rng.randint(20, 90)} minutes.")))
            elif kind == "percent":
                out.append(rng.choice((f"Unemployment in the province stands at about {rng.randint(15, 45)} percent.",
                                       f"Attacks in the province rose {rng.randint(5, 60)} percent last year, "
                                       f"according to the interior ministry.")))
            elif kind == "year":
                out.append(rng.choice((f"The market was last targeted in {self.published.year - rng.randint(1, 8)}.",
                                       f"The area was retaken from militants in {self.published.year - rng.randint(1, 5)}.")))
            elif kind == "ordinal":
                out.append(f"It was the {rng.choice(ORDINALS)} attack in the area this month.")
            elif kind == "displaced":
                out.append(f"Around {rng.randint(2, 90) * 10:,} families have fled the area in recent weeks.")
            elif kind == "hypothetical":
                out.append("Officials warned that further attacks could cause heavy casualties.")
            elif kind == "zero":
                out.append("No one was hurt in a second explosion nearby.")

    def distance(self, inc: Incident) -> str | None:
        gen, ref = self.gen, self.gen.ref
        place = inc.site.place
        if place.kind not in ("city", "town"):
            return None
        other = ref.hubs.get((inc.site.country, inc.site.admin1))
        if other is None or other.place_id == place.place_id:
            other = ref.hubs.get((inc.site.country, None))
        if other is None or other.place_id == place.place_id or None in (place.lat, place.lon, other.lat, other.lon):
            return None
        north, east = place.lat - other.lat, (place.lon - other.lon) * math.cos(math.radians(place.lat))
        km = int(round(math.hypot(north, east) * 111.2 / 5.0)) * 5
        if km < 10:
            return None
        direction = ("north" if north > 0 else "south") if abs(north) >= abs(east) / 2 else ""
        direction += ("east" if east > 0 else "west") if abs(east) >= abs(north) / 2 else ""
        gen.stats["distractor_distance"] += 1
        return f"{inc.site.forms[0][1]} lies about {km} km ({int(km * 0.621)} miles) {direction} of {surface_of(other)}."

    def sign_off(self) -> None:
        rng = self.gen.rng
        if self.outlet and self.outlet[0] == "Reuters" and rng.random() < 0.6:
            first, second = rng.sample(self.gen.reporters, 2) if len(self.gen.reporters) > 1 else (
                self.gen.reporters[0], self.gen.reporters[0])
            self.signature = f"(Reporting by {first}; Editing by {second})"
        elif self.outlet and self.outlet[0] == "Associated Press" and rng.random() < 0.4:
            self.signature = f"Associated Press writer {rng.choice(self.gen.reporters)} contributed to this report."

    def finish(self) -> dict:
        gen, rng = self.gen, self.gen.rng
        gen.articles_written += 1
        index = gen.articles_written
        article_id = f"syn{gen.seed}-{index:08d}"
        outlet = self.outlet or OUTLETS[0]
        paragraphs = list(self.paragraphs)
        if self.dateline:
            # the dateline opens the first paragraph after an in-body headline
            first = 1 if len(paragraphs) > 1 and paragraphs[0] == self.title else 0
            paragraphs[first] = self.dateline + paragraphs[first]
        if self.signature:
            paragraphs.append(self.signature)
        body = "\n\n".join(paragraphs)
        actor_ids, _ = gen.ref.matcher.find(body)
        actors = {gen.ref.actor_name[a] for a in actor_ids}
        gen.ledger.article(self.published, actors)
        # page furniture: navigation lines anywhere, a trailing block on some pages (textclean strips both)
        raw = paragraphs
        if rng.random() < 0.1:
            raw = [rng.choice(NAV_LINES[:2])] + raw
            gen.stats["furniture_nav"] += 1
        if len(raw) > 2 and rng.random() < 0.1:
            at = rng.randint(1, len(raw) - 1)
            raw = raw[:at] + ["Advertisement"] + raw[at:]
            gen.stats["furniture_nav"] += 1
        text = "\n\n".join(raw)
        r = rng.random()
        if r < 0.2:
            heads = [h.format(n=rng.randint(2, 40)) for h in rng.sample(FURNITURE_HEADLINES, 2)]
            marker = rng.choice(TAIL_MARKERS).format(outlet=outlet[0])
            text += "\n\n" + marker + "\n" + "\n".join(heads)
            gen.stats["furniture_tail"] += 1
        elif r < 0.3:
            text += f"\n\nCopyright {self.published.year} {outlet[0]}. All rights reserved."
            gen.stats["furniture_tail"] += 1
        slug = "-".join(self.title.lower().replace("'", "").replace(",", "").split()[:8])
        record = {"article_id": article_id, "published": self.published.isoformat(), "actors": sorted(actors),
                  "claims": self.claims, "figures": self.events}
        return {"article_id": article_id, "published": self.published.isoformat(), "source": outlet[0],
                "url": f"https://www.{outlet[1]}/{self.published:%Y/%m/%d}/{slug}-{index}", "title": self.title,
                "text": text, "_events": record, "_body": body}


class _JsonlWriter:
    def __init__(self, folder: Path, per_file: int):
        self.folder, self.per_file = folder, max(1, per_file)
        self.handle = None
        self.count = 0
        self.files = 0

    def add(self, article: dict) -> None:
        if self.handle is None or self.count == self.per_file:
            if self.handle is not None:
                self.handle.close()
            self.files += 1
            self.handle = open(self.folder / f"articles-{self.files:05d}.jsonl", "w", encoding="utf-8")
            self.count = 0
        article.pop("_body", None)
        self.handle.write(json.dumps(article) + "\n")
        self.count += 1

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


class _TxtWriter:
    def __init__(self, folder: Path):
        self.folder = folder
        manifest = folder / "manifest.csv"
        new = not manifest.exists()
        self.handle = open(manifest, "a", newline="", encoding="utf-8")
        self.writer = csv.writer(self.handle)
        if new:
            self.writer.writerow(["file", "article_id", "published", "source", "url", "title"])

    def add(self, article: dict) -> None:
        article.pop("_body", None)
        name = f"{article['article_id']}.txt"
        (self.folder / name).write_text(article["text"], encoding="utf-8")
        self.writer.writerow([name, article["article_id"], article["published"], article["source"],
                              article["url"], article["title"]])

    def close(self) -> None:
        self.handle.close()


# -- the public API -----------------------------------------------------------------------------


def generate(folder: Path, articles: int, seed: int = 7, *, seeds_dir: Path | None = None, per_file: int = 10_000,
             fmt: str = "jsonl", truth_path: Path | None = None, events_path: Path | None = None,
             state_path: Path | None = None) -> Path:
    """Write `articles` synthetic articles into `folder`; returns the truth file (JSON).

    Deterministic: the same seed (and seeds/) gives identical files and truth. `state_path`
    saves the generator, so `resume(state_path, ...)` can add a continuation later."""
    generator = Generator(seed, seeds_dir=seeds_dir, articles_hint=articles)
    return generator.write(folder, articles, per_file=per_file, fmt=fmt, truth_path=truth_path,
                           events_path=events_path, state_path=state_path)


def resume(state_path: Path, folder: Path, articles: int, **options) -> Path:
    """Continue a saved generator: `articles` more articles into `folder`; the truth covers all of them."""
    generator = Generator.load(state_path)
    return generator.write(folder, articles, state_path=state_path, **options)


def truth_mismatches(truth_path: Path, warehouse_path: Path) -> list[str]:
    """Every difference between the truth and the warehouse's marts, as readable lines (empty = truth_ok)."""
    from . import store

    truth = json.loads(Path(truth_path).read_text(encoding="utf-8"))
    problems: list[str] = []
    with store.connect(Path(warehouse_path), read_only=True) as con:
        try:
            rows = con.execute(
                "select cast(month as varchar), country, admin1, victim_class, "
                "coalesce(killed_best, 0), coalesce(wounded_best, 0) from marts.mart_monthly_casualties").fetchall()
        except Exception as exc:  # noqa: BLE001 - a missing mart is a mismatch, not a crash
            rows = None
            problems.append(f"marts.mart_monthly_casualties cannot be read: {str(exc).splitlines()[0]}")
        try:
            actor_rows = con.execute(
                "select cast(month as varchar), actor, coalesce(articles, 0) "
                "from marts.mart_monthly_actor_activity").fetchall()
        except Exception as exc:  # noqa: BLE001
            actor_rows = None
            problems.append(f"marts.mart_monthly_actor_activity cannot be read: {str(exc).splitlines()[0]}")
    if rows is not None:
        problems += _compare_casualties(truth["casualties"], rows)
    if actor_rows is not None:
        problems += _compare_actors(truth["actor_articles"], actor_rows)
    return problems


def _cell_name(month: str | None, country, admin1, victim_class) -> str:
    return f"{(month or 'no month')[:7]} {country} / {admin1 if admin1 is not None else 'country-wide'} / {victim_class}"


def _compare_casualties(expected: list[dict], rows: list[tuple]) -> list[str]:
    problems = []
    actual: dict[tuple, tuple[int, int]] = {}
    for month, country, admin1, victim_class, killed, wounded in rows:
        key = (month[:10] if month else None, country, admin1, victim_class)
        if key in actual:
            problems.append(f"casualties {_cell_name(*key)}: more than one mart row")
            killed, wounded = killed + actual[key][0], wounded + actual[key][1]
        actual[key] = (int(killed), int(wounded))
    for row in expected:
        key = (row["month"], row["country"], row["admin1"], row["victim_class"])
        got = actual.pop(key, None)
        if got is None:
            problems.append(f"casualties {_cell_name(*key)}: missing, expected killed_best {row['killed_best']}, "
                            f"wounded_best {row['wounded_best']}")
            continue
        for name, want, have in (("killed_best", row["killed_best"], got[0]),
                                 ("wounded_best", row["wounded_best"], got[1])):
            if want != have:
                problems.append(f"casualties {_cell_name(*key)}: {name} expected {want}, got {have}")
    for key, (killed, wounded) in sorted(actual.items(), key=str):
        if killed or wounded:
            problems.append(f"casualties {_cell_name(*key)}: unexpected row with killed_best {killed}, "
                            f"wounded_best {wounded}")
    return problems


def _compare_actors(expected: list[dict], rows: list[tuple]) -> list[str]:
    problems = []
    actual: Counter = Counter()
    for month, actor, articles in rows:
        actual[(month[:10] if month else None, actor)] += int(articles)
    for row in expected:
        key = (row["month"], row["actor"])
        have = actual.pop(key, 0)
        if have != row["articles"]:
            problems.append(f"actor activity {row['month'][:7]} {row['actor']}: articles expected {row['articles']}, "
                            f"got {have}")
    for (month, actor), have in sorted(actual.items(), key=str):
        if have:
            problems.append(f"actor activity {(month or 'no month')[:7]} {actor}: unexpected {have} articles")
    return problems
