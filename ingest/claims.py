"""Casualty claims in one sentence: a number of people paired with an outcome.

A number becomes a claim only when an outcome word binds it in one of the shapes
English news uses:
  passive / predicate  "seven militants were killed", "50 Reported Dead", "over 400 wounded"
  active object        "killing 12", "lost at least 47 soldiers", "have killed more than 900 people"
  outcome noun         "925 martyrs", "12 civilian deaths", "Fatalities: 3", "death toll rose to 14"
  of-phrase            "the bodies of 18 men", "the deaths of 13 militants"
  coordination         "Two militiamen from X and two from Y were killed", "killed 3 policemen and 2 civilians"
  breakdown            "..., including five children", "three of them policemen"
Everything else (ages, troops deployed, arrests, years, money ...) never meets an outcome
word in one of these shapes, or is dropped by `numbers.is_date_or_measure`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .gazetteer import OUTCOME_STEMS, STEMS_AT_WORD_END, STEMS_AT_WORD_START, Gazetteer, Mention, blank_names
from .numbers import COUNT_WORDS, HEDGES, TENS, UNITS, NumberPhrase, find_numbers, parse_single

KILLED, WOUNDED, KOW, KIDNAPPED, MISSING = "killed", "wounded", "killed_or_wounded", "kidnapped", "missing"
# the possessives that name someone's relatives and companions ("his son", "my brother", "our father")
_POSSESSIVES = frozenset({"his", "her", "their", "my", "our"})
_POSSESSIVE = "(?:" + "|".join(sorted(_POSSESSIVES)) + ")"  # the same, in a pattern

# Outcome words that follow the number ("were killed", "50 dead").
PASSIVE_TRIGGERS: dict[str, str] = {
    "killed or wounded": KOW, "killed or injured": KOW, "dead or wounded": KOW, "dead or injured": KOW,
    "wounded or killed": KOW, "injured or killed": KOW, "killed and wounded": KOW, "killed and injured": KOW,
    "brought in dead": KILLED, "brought dead": KILLED, "dead on arrival": KILLED, "taken away": KIDNAPPED,
    "treated in hospital": WOUNDED, "treated in hospitals": WOUNDED, "treated in a hospital": WOUNDED,
    "treated at hospital": WOUNDED, "treated at a hospital": WOUNDED, "treated at the hospital": WOUNDED,
    "shot dead": KILLED, "gunned down": KILLED, "shot and killed": KILLED, "lost their lives": KILLED,
    "shot and wounded": WOUNDED, "shot and injured": WOUNDED, "stabbed and wounded": WOUNDED,
    "burned to death": KILLED, "burnt to death": KILLED, "stabbed to death": KILLED, "beaten to death": KILLED,
    "crushed to death": KILLED, "feared dead": KILLED, "confirmed dead": KILLED, "found dead": KILLED,
    "among the dead": KILLED, "among those killed": KILLED, "among the killed": KILLED, "among the victims": KILLED,
    "among dead": KILLED, "among wounded": WOUNDED, "among injured": WOUNDED,  # headlines: "police chief among wounded"
    "among those who died": KILLED, "among the fatalities": KILLED, "among the wounded": WOUNDED,
    "among the injured": WOUNDED, "among those wounded": WOUNDED, "among those injured": WOUNDED,
    "among those hurt": WOUNDED, "among the casualties": KOW, "among the missing": MISSING,
    "among the hostages": KIDNAPPED, "among those kidnapped": KIDNAPPED, "among those abducted": KIDNAPPED,
    "sustained injuries": WOUNDED, "suffered injuries": WOUNDED, "sustained wounds": WOUNDED,
    "suffered wounds": WOUNDED, "sustained serious injuries": WOUNDED, "suffered serious injuries": WOUNDED,
    "sustained minor injuries": WOUNDED, "sustained gunshot injuries": WOUNDED, "sustained gunshot wounds": WOUNDED,
    "suffered gunshot wounds": WOUNDED, "suffered gunshot injuries": WOUNDED, "sustained bullet wounds": WOUNDED,
    "sustained burns": WOUNDED, "suffered burns": WOUNDED, "sustained shrapnel wounds": WOUNDED,
    "with machete wounds": WOUNDED, "with gunshot wounds": WOUNDED, "with bullet wounds": WOUNDED,
    "with shrapnel wounds": WOUNDED, "with stab wounds": WOUNDED, "with serious injuries": WOUNDED,
    "with injuries": WOUNDED, "with wounds": WOUNDED, "with burns": WOUNDED, "treated for injuries": WOUNDED,
    "treated for wounds": WOUNDED, "treated for gunshot wounds": WOUNDED, "suffered minor injuries": WOUNDED, "were hospitalised with injuries": WOUNDED,
    "succumbed to their injuries": KILLED, "succumbed to his injuries": KILLED, "succumbed to her injuries": KILLED,
    "succumbed to their wounds": KILLED, "succumbed to his wounds": KILLED, "succumbed to her wounds": KILLED,
    "succumbed": KILLED, "succumbs": KILLED, "succumb": KILLED, "later died": KILLED, "embraced martyrdom": KILLED,
    "paid the supreme price": KILLED, "paid the ultimate price": KILLED, "fell on the field of honour": KILLED,
    "fell on the field of honor": KILLED, "were martyred": KILLED,
    "fell with weapons in hand": KILLED, "fell in battle": KILLED, "fell in combat": KILLED, "fell in action": KILLED,
    "fell on the battlefield": KILLED, "sacrificed his life": KILLED, "sacrificed her life": KILLED,
    "sacrificed their lives": KILLED, "laid down their lives": KILLED, "laid down his life": KILLED,
    "gave their lives": KILLED, "gave his life": KILLED, "gave her life": KILLED, "went missing": MISSING,
    # the bombers themselves: "two blew themselves up", "one blew himself up at the gate"
    "blew themselves up": KILLED, "blew himself up": KILLED, "blew herself up": KILLED,
    "for gunshot wounds": WOUNDED, "for gunshot injuries": WOUNDED, "with war wounds": WOUNDED, "for war wounds": WOUNDED,
    "for injuries": WOUNDED, "for wounds": WOUNDED, "for shrapnel wounds": WOUNDED, "for bullet wounds": WOUNDED,
    "for stab wounds": WOUNDED, "for burns": WOUNDED, "for minor injuries": WOUNDED, "for serious injuries": WOUNDED,
    "for shrapnel injuries": WOUNDED, "for blast injuries": WOUNDED,
    "taken hostage": KIDNAPPED, "taken captive": KIDNAPPED, "held hostage": KIDNAPPED, "unaccounted for": MISSING,
    "killed": KILLED, "dead": KILLED, "died": KILLED, "die": KILLED, "dies": KILLED, "slain": KILLED,
    "executed": KILLED, "martyred": KILLED, "murdered": KILLED, "perished": KILLED, "beheaded": KILLED,
    "massacred": KILLED, "assassinated": KILLED, "lynched": KILLED, "drowned": KILLED, "slaughtered": KILLED,
    "wounded": WOUNDED, "injured": WOUNDED, "hurt": WOUNDED, "maimed": WOUNDED,
    "kidnapped": KIDNAPPED, "abducted": KIDNAPPED, "kidnaped": KIDNAPPED, "missing": MISSING,
}
# still in a hospital's care after the attack: wounded ("Sixteen patients remain on admission")
PASSIVE_TRIGGERS.update({f"{verb} {where}": WOUNDED for verb in ("remain", "remains", "remained", "still", "were", "are")
                         for where in ("in hospital", "in hospitals", "in a hospital", "in the hospital", "on admission",
                                       "hospitalised", "hospitalized", "under treatment", "admitted")})
# what becomes of bodies, after a sentence about them ("Police found the bodies of 23 men. Eleven
# were found in Amiriya"): those found are of the dead
BODIES_VERBS = ("found", "recovered", "dumped", "discovered", "retrieved", "exhumed", "pulled out of", "pulled from",
                "fished out of")
_BODIES_TRIGGERS = {verb: KILLED for verb in BODIES_VERBS}
_BODIES_VERB_AT_END = re.compile(r"\b(?:" + "|".join(_BODIES_TRIGGERS).replace(" ", r"\s+") + r")$", re.IGNORECASE)
# "Three of them were children": the sentence before told the figure; its outcome word is carried
_OF_THEM_WERE = re.compile(r"\s+of\s+(?:them|those|the\s+victims)\s+(?:were|was|are)\s+", re.IGNORECASE)
_ONE_OF = re.compile(r"\s+of\s+(?:the\s+|those\s+)?", re.IGNORECASE)
_OUTCOME_PARTICIPLES = {"wounded", "injured", "killed", "kidnapped", "abducted", "hurt"}
_CLAUSE_ENDS_AFTER = re.compile(r"\s*(?:[,.;:]|$|\s+and\b)")
_IN_HOSPITALS_CARE = re.compile(r"\b(?:remain|remains|remained|still|admitted|discharged)\b", re.IGNORECASE)
# "20 were admitted with injuries", "11 have been discharged after treatment": the hospital's wounded
PASSIVE_TRIGGERS.update({"admitted with injuries": WOUNDED, "admitted with wounds": WOUNDED,
                         "discharged after treatment": WOUNDED})
# "Twelve people were treated for shrapnel wounds": the passive walk stops at "treated" unless the
# whole phrase is an outcome
PASSIVE_TRIGGERS.update({f"treated {phrase}": WOUNDED for phrase, outcome in list(PASSIVE_TRIGGERS.items())
                         if phrase.startswith("for ") and outcome == WOUNDED})
# "Five civilians were taken to hospital with burns": taken there with a wound
PASSIVE_TRIGGERS.update({f"{verb} to {the}hospital {phrase}": WOUNDED
                         for verb in ("taken", "rushed", "admitted", "brought", "evacuated", "flown")
                         for the in ("", "a ", "the ")
                         for phrase, outcome in list(PASSIVE_TRIGGERS.items())
                         if phrase.startswith("with ") and outcome == WOUNDED and len(phrase.split()) + (3 if the else 2) <= 6})
# "A soldier lost both legs", "two children had a leg amputated": a lost limb or eye is a wound
PASSIVE_TRIGGERS.update({
    f"{verb} {whose}{part}{tail}": WOUNDED
    for verb, tail in (("lost", ""), ("had", " amputated"))
    for whose in ("", "both ", "a ", "an ", "one ", "his ", "her ", "their ")
    for part in ("leg", "legs", "arm", "arms", "hand", "hands", "foot", "feet", "eye", "eyes", "limb", "limbs", "eyesight")
})
# Nouns that are the outcome themselves ("925 martyrs", "12 deaths").
NOUN_TRIGGERS: dict[str, str] = {
    "dead": KILLED, "deaths": KILLED, "fatalities": KILLED, "martyrs": KILLED, "bodies": KILLED,
    "corpses": KILLED, "killed": KILLED, "wounded": WOUNDED, "injured": WOUNDED, "injuries": WOUNDED,
    "casualties": KOW, "hostages": KIDNAPPED, "missing": MISSING, "homicides": KILLED, "murders": KILLED,
    "killings": KILLED,
}
# Verbs that take the victims as object ("killing 12", "lost 47 soldiers").
ACTIVE_TRIGGERS: dict[str, str] = {
    "killed or wounded": KOW, "killed or injured": KOW, "killed and wounded": KOW, "killed and injured": KOW,
    "killing and wounding": KOW, "killing and injuring": KOW, "killing or wounding": KOW, "killing or injuring": KOW, "shot dead": KILLED, "gunned down": KILLED,
    "claimed the lives of": KILLED, "took the lives of": KILLED, "claiming the lives of": KILLED,
    "shot and killed": KILLED, "stabbed to death": KILLED, "burned to death": KILLED,
    "killed": KILLED, "killing": KILLED, "kills": KILLED, "kill": KILLED, "slew": KILLED, "slaying": KILLED,
    "executed": KILLED, "executing": KILLED, "massacred": KILLED, "lost": KILLED, "losing": KILLED,
    "murdered": KILLED, "beheaded": KILLED, "slaughtered": KILLED, "slaughtering": KILLED, "assassinated": KILLED,
    "lynched": KILLED, "murdering": KILLED, "massacring": KILLED, "buried": KILLED,
    "wounded": WOUNDED, "wounding": WOUNDED, "wounds": WOUNDED, "injured": WOUNDED, "injuring": WOUNDED,
    "injures": WOUNDED, "injure": WOUNDED, "wound": WOUNDED, "hurt": WOUNDED, "hurting": WOUNDED, "hurts": WOUNDED, "maimed": WOUNDED,
    "kidnapped": KIDNAPPED, "kidnapping": KIDNAPPED, "kidnaps": KIDNAPPED, "abducted": KIDNAPPED,
    "abducting": KIDNAPPED, "abducts": KIDNAPPED, "seized": KIDNAPPED, "abduct": KIDNAPPED, "kidnap": KIDNAPPED,
    "took away": KIDNAPPED, "taking away": KIDNAPPED, "carried off": KIDNAPPED, "snatched": KIDNAPPED,
    "snatching": KIDNAPPED, "snatch": KIDNAPPED,
    # "Bandits took 30 villagers hostage": only with the word after the people
    "took": KIDNAPPED, "take": KIDNAPPED, "takes": KIDNAPPED, "taking": KIDNAPPED,
    # a military communique's words for killing: "destroyed up to 35 servicemen", "eliminated 20 terrorists"
    "destroyed": KILLED, "eliminated": KILLED, "eliminating": KILLED,
}
_ACTIVE_NEEDS_PEOPLE = {"lost", "losing", "seized", "wound", "wounds", "kill", "buried", "took away", "taking away",
                        "carried off", "destroyed", "eliminated", "eliminating", "snatched", "snatching", "snatch"}
_ACTIVE_NEEDS_HOSTAGE = {"took", "take", "takes", "taking"}
_HOSTAGE_WORD = r"(?:hostages?|captives?|prisoners?)"
_HOSTAGE_WORD_END = re.compile(rf"\b{_HOSTAGE_WORD}$", re.IGNORECASE)  # "villagers hostage" read as the victims
_HOSTAGE_AFTER = re.compile(rf"\s+{_HOSTAGE_WORD}\b", re.IGNORECASE)
# Outcome nouns that can also just describe the victims of another outcome ("executed two hostages").
_DESCRIBING_NOUN_OUTCOMES = {KIDNAPPED, WOUNDED, MISSING}
# Auxiliaries and adverbs allowed between the victims and a passive outcome word.
_AUX = {
    "was", "were", "is", "are", "be", "been", "being", "have", "has", "had", "reportedly", "also", "all", "later",
    "allegedly", "apparently", "subsequently", "reported", "confirmed", "believed", "feared", "thought", "said", "known",
    "presumed", "understood", "estimated",
    "to", "now", "still", "remain", "remained", "remains", "are", "reported", "both", "each", "either", "initially", "originally", "so", "far", "were", "left",
    "either", "who", "which", "that", "had", "mostly", "mainly", "among", "them", "then", "just", "as", "being",
    "seriously", "critically", "severely", "slightly", "lightly", "badly", "fatally", "mortally", "gravely",
    "instantly", "immediately", "recently", "since", "altogether", "in", "total", "officially", "reportedly",
    "already",
}
_GAP_WORDS = {"other", "others", "more", "additional", "further", "people", "persons", "the", "them",
              "whom", "those", "these", "which", "among"}
_PREPOSITIONS = {"from", "of", "in", "at", "on", "near", "inside", "outside", "across", "belonging", "loyal",
                 "with", "aboard", "travelling", "traveling", "working", "serving", "attached", "linked",
                 "affiliated", "including", "by"}
_CLAUSE_STOP = {";", ":", "\u2014", "(", ")", '"'}
_DASHES = {"-", "\u2013", "\u2014"}
_BLOCK_VERBS = re.compile(
    r"^(?:said|says|say|told|added|arrested|detained|deployed|deserted|fled|displaced|evacuated|rescued|freed|"
    r"released|surrendered|captured|trained|recruited|stationed|sent|joined|returned|arrived|protested|marched|"
    r"gathered|rallied|voted|elected|fired|dismissed|fought|attacked|stormed|raided|targeted|launched|carried|"
    r"took|take|went|came|moved|live|lives|lived|work|worked|waited|stayed|"
    r"treated|hospitalised|hospitalized|admitted|discharged|survived|escaped|managed)$",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[A-Z](?:\.[A-Z])+\.?|[A-Za-z0-9](?:[A-Za-z0-9'.\-]*[A-Za-z0-9])?|[^\sA-Za-z0-9]")
# The outcome words of a tally ("the number of soldiers killed"), shared with extract's tally victims.
TALLY_OUTCOMES = r"dead|deceased|killed|deaths|died|wounded|injured|casualties|victims|martyrs|fatalities|kidnapped|abducted|missing"
_TOLL_BEFORE = re.compile(
    # the gap may hold a date ("the death toll since the war began on Oct. 7 to 38,713", "the number
    # of soldiers killed since early 2023 has risen to 231")
    r"(?:(?P<kind>death|casualty|injury|fatality|civilian death|casualties)\s+)?\btoll\b"
    # and one aside between commas ("The death toll from Sunday's bombing in Karrada, a mainly Shi'ite
    # district, rose to 292"; "..., 30 km north-west of Mogadishu, rose to 15")
    r"(?:[^.;,\d]|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|\b\d{1,2}(?=\s+(?:to|at)\s)|\b(?:19|20)\d\d\b"
    r"|,\s[^.;,]{1,60},(?=\s)){0,120}?"
    r"\b(?:to|at|of|reached|reaches|hit|hits|is|was|stood|stands|surpassed|passed|passes|exceeded|exceeds|topped|tops|"
    # "The week's death toll was up from 22 the previous week": the toll compared with
    r"rose|climbed|jumped|be|(?:was|is)\s+(?:up|down)\s+from)(?:\s+(?:now|therefore|thus|currently|already))?\s+$"
    # "gave the death toll in Sunday's bombing as 31"
    r"|\b(?:gave|give|gives|given|put|puts|putting|placed|set|sets)\s+(?:the|its|their|a)\s+(?:(?P<gave>death|casualty)\s+)?toll\b[^.;\d]{0,80}?\bas\s+$"
    r"|\bnumber\s+of\s+(?:[\w'-]+\s+){0,10}?(?P<numkind>" + TALLY_OUTCOMES + r")\b(?:[^.;\d]|\b(?:19|20)\d\d\b){0,90}?\b(?:to|at|reached|is|was|be|stands|stood|hit|totalled|totaled)(?:\s+(?:now|therefore|thus|currently|already))?\s+$"
    # a label ("Killed: 8", "Casualties: 4 dead"), not a clause's verb before its list ("11 people were killed: six soldiers, ...")
    r"|(?<!were\s)(?<!was\s)(?<!been\s)(?<!are\s)(?<!is\s)\b(?P<label>fatalities|deaths|dead|killed|injured|wounded|casualties|injuries|missing|kidnapped|abducted)\s*[:=]\s*$"
    r"|\b(?P<stood>deaths|fatalities|casualties|dead|injuries)\b[^.;,\d]{0,50}?\b(?:stood|stands|rose|climbed|jumped|increased|fell|dropped|declined|decreased|reached|totalled|totaled|numbered|was|were)\s+(?:at\s+|to\s+)?$"
    # "Among the dead was also a baby", "Among the victims, killed with machetes, are 11 women"
    r"|\bamong\s+the\s+(?P<among>dead|killed|wounded|injured|victims|casualties|missing|hostages)(?:,[^,.;\d]{1,60},)?\s+(?:were|was|are|is)\s+(?:also\s+)?$"
    # "..., among the dead (96) children": a clause with no verb after a comma
    r"|(?<=,\s)among\s+the\s+(?P<among2>dead|killed|wounded|injured)\s+$"
    r"|\b(?:put|puts|putting|placed|places|estimated|estimates)\s+the\s+(?:number\s+of\s+)?(?P<put>dead|deaths|wounded|injured|casualties|missing)\s+at\s+$"
    # "militants killed by the security forces, whom the Ministry of Defence put at 260"
    r"|\b(?P<whom>killed|dead|wounded|injured)\b[^.;,]{0,60},\s+(?:whom|which)\s+[^.;,]{0,60}?\b(?:put|puts|placed|estimated|estimates)\s+at\s+$"
    r"|\b(?:the\s+)?(?P<incl>dead|killed|wounded|injured|victims|casualties|missing)\s+(?:included|include|includes|comprised|were)\s+$"
    # "The injured, among them 3 children aged between 6 and 10, were shifted to hospital"
    r"|^\W*(?:the|those)\s+(?P<amongthem>dead|killed|wounded|injured)\s*,\s+(?:among|including)\s+(?:them|whom)\s+$"
    r"|(?:\bof|(?<!were\s)(?<!was\s)(?<!are\s)(?<!is\s)\bamong)\s+(?:the|those)\s+(?:\w+\s+)?(?P<ofthe>dead|killed|injured|wounded|casualties),\s+$"
    r"|^\W*(?:those\s+)?(?P<inverted>killed|wounded|injured|martyred|dead)\b[^.;]{0,160}?\b(?:were|was|are)\s+(?:[^.;]{0,80}?\s(?:and|,)\s+)?$",
    re.IGNORECASE,
)
# Read only in a sentence that carries the outcome of the one before (SentenceAnalyser.claims)
_CARRIED_TOLL_BEFORE = re.compile(
    # "Of the 27, nine were soldiers": the figure of the sentence before
    r"^\W*of\s+(?P<anaphor>the\s+\d[\d,]*|them|those|these)\s*,\s+$"
    # "The Ministry of Health figure is 37": another count of the figure before
    r"|\b(?P<figure>figure|count|tally|estimate)\s+(?:is|was|stands\s+at|stood\s+at|to|at|of)(?:\s+now)?\s+$"
    # "By Sunday evening the prosecutor's office said eight": a source's count of the figure before
    r"|\b(?P<said>said|says|counted|reported)\s+$",
    re.IGNORECASE,
)
_SOURCE_ASIDE = re.compile(r",[^,.;]{0,60}\b(?:said|says|told|reported|according\s+to)\b[^,.;]{0,40},", re.IGNORECASE)
# "rose to 41 from 12", "rose to 412 in 2023 from 287", "fell to 300 in May from 412"
_FROM_AFTER_TOLL = re.compile(
    r"\s*,?\s*(?:(?:in|during|over|for)\s+(?:the\s+)?(?:(?:19|20)\d\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?:19|20)\d\d)?|first\s+\w+|last\s+\w+|"
    r"past\s+\w+)\s*,?\s*|this\s+(?:year|month|week)\s*,?\s*)?from\s+")
_WORDS_BEFORE = re.compile(r"(?:[\w'-]+\s+){1,2}$")
_OF_BEFORE = re.compile(
    r"\b(?P<noun>deaths|death|bodies|body|corpses|corpse|remains|killing|killings|murder|murders|execution|executions|massacre|"
    r"slaying|lives|kidnapping|abduction|kidnappings|abductions|disappearance|whereabouts|injuring|wounding|martyrdom|"
    r"injury|injuries|wounding)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_OF_NOUN_OUTCOME = {"kidnapping": KIDNAPPED, "abduction": KIDNAPPED, "kidnappings": KIDNAPPED,
                    "abductions": KIDNAPPED, "disappearance": MISSING, "whereabouts": MISSING, "injuring": WOUNDED,
                    "wounding": WOUNDED, "injury": WOUNDED, "injuries": WOUNDED}
_BREAKDOWN_BEFORE = re.compile(
    r"\b(?:including|includes|included|among\s+them|among\s+whom|among\s+those|among\s+the\s+(?:dead|victims|killed|"
    r"wounded|injured|casualties|martyrs|fatalities)|of\s+(?:whom|them|those)|mostly|mainly|most\s+of\s+them)\s*:?\s*$",
    re.IGNORECASE,
)
_BREAKDOWN_AFTER = re.compile(r"^\s+(?:of\s+(?:them|whom|those|the\s+(?:dead|victims|killed|wounded|injured)))\b",
                              re.IGNORECASE)
# Case-sensitive on purpose: "may" the modal, not "May 17" the date. "could not verify reports of 40
# deaths" is a reported figure, unconfirmed, not a hypothetical one.
_HYPOTHETICAL = re.compile(
    r"\b(?:[Cc]ould(?!\s+not\s+(?:independently\s+)?(?:verify|confirm)\b)|[Ww]ould|[Mm]ight|may|[Tt]hreaten(?:ed|s)?\s+to|[Pp]lan(?:ned|s)?\s+to|[Vv]ow(?:ed|s)?\s+to|"
    r"[Aa]im(?:ed|s)?\s+to|[Tt]ried\s+to|[Pp]lott(?:ed|ing)\s+to|[Pp]lots?\s+to|[Ss]ought\s+to|[Ss]eek(?:s|ing)?\s+to|"
    r"[Ww]ant(?:ed|s)?\s+to|[Pp]lanning\s+to|[Aa]ttempt(?:ed|s)?\s+to|risks?\s+(?:of|being|getting|losing|dying)|capable\s+of|enough\s+to|intended\s+to|"
    r"were\s+to)\b[^.;]{0,40}$"
)
# Run on lower-cased text: a case-sensitive alternation is several times faster than re.IGNORECASE.
# Built from the one list of outcome stems, with the word edges that keep "die" out of "soldiers".
PREFILTER = re.compile("|".join(
    (r"\b" if stem in STEMS_AT_WORD_START else "") + r"\s+".join(map(re.escape, stem.split()))
    + (r"\b" if stem in STEMS_AT_WORD_END else "")
    for stem in OUTCOME_STEMS))


class Token:
    __slots__ = ("text", "start", "end", "low")

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end, self.low = text, start, end, text.lower()


_TRIGGER_WORDS = {word for triggers in (PASSIVE_TRIGGERS, NOUN_TRIGGERS, ACTIVE_TRIGGERS) for phrase in triggers
                  for word in phrase.split()} - {"the", "of", "or", "and", "to", "in", "their", "were", "was"}


def names_in(mentions: list[Mention]) -> list[Mention]:
    """The actor and place names among a sentence's mentions."""
    return [m for m in mentions if m.kind in ("actor", "place")]


def _after_name(tokens: list["Token"], j: int, name_end: dict[int, int]) -> int:
    """Index of the first token after the name that starts at token j."""
    end = name_end[tokens[j].start]
    k = j
    while k < len(tokens) and tokens[k].start < end:
        k += 1
    return k


@dataclass
class SentenceClaim:
    """A claim found in one sentence; offsets relative to the sentence."""

    number: NumberPhrase
    outcome: str
    start: int
    end: int
    trigger_start: int
    trigger_end: int
    shape: str  # passive | active | noun | toll | of | coordination | breakdown
    victims_text: str | None = None
    victim_term: str | None = None
    victim_class: str | None = None
    nationality_sensitive: bool = False
    demonym_country: str | None = None
    victim_actor_id: str | None = None
    victim_actor_text: str | None = None
    perpetrator_text: str | None = None
    breakdown_of: int | None = None  # index of the claim in the same sentence it breaks down
    extras: dict = field(default_factory=dict)


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _match_phrase(tokens: list[Token], i: int, lexicon: dict[str, str], max_words: int = 4) -> tuple[int, str, str] | None:
    """Longest lexicon phrase starting at token i: (tokens used, phrase, value)."""
    for width in range(max_words, 0, -1):
        if i + width > len(tokens):
            continue
        phrase = " ".join(t.low for t in tokens[i:i + width])
        if phrase in lexicon:
            return width, phrase, lexicon[phrase]
    return None


def _victim_terms_in(words: list[Token], gaz: Gazetteer) -> list[tuple[int, str]]:
    """(position, term) of each victim noun in words, longest first: "foreign troops", not "troops"."""
    found: list[tuple[int, str]] = []
    k = 0
    while k < len(words):
        victim = _victim_term(words, k, gaz)
        # "the toll from the militant attack": a noun before an attack names the attackers
        if victim and not (k + victim[0] < len(words) and words[k + victim[0]].low in _ATTACK_NOUNS):
            found.append((k, victim[1]))
        k += victim[0] if victim else 1
    return found


# What else can become of people: a number it governs is no part of the dead or wounded.
_SPARED_BEFORE = re.compile(
    r"\b(?:capture|arrest|release|surrender|rescue|detention|evacuation|freeing|defection)\s+of\s+$"
    r"|\b(?:captured|capturing|arrested|arresting|released|releasing|rescued|rescuing|freed|freeing|detained|detaining|"
    r"evacuated|evacuating)\s+(?:another\s+|more\s+than\s+|at\s+least\s+|about\s+)?$", re.IGNORECASE)
# "(5) civilians were martyred", "reached (47) martyrs": a count in brackets, as translated Arabic
# press writes them; blanked to spaces so every offset stays the text's
_BRACKETED_COUNT = re.compile(r"\((\d{1,3}(?:,\d{3})*|\d+)\)(?=\s+[A-Za-z]|\s*[,.;]|$)")


def _unbracket(text: str) -> str:
    if "(" not in text:
        return text
    return _BRACKETED_COUNT.sub(lambda m: " " + m.group(1) + " ", text)


def _is_past_verb(words: list[Token], i: int) -> bool:
    return i < len(words) and (words[i].low.endswith("ed") or words[i].low in _STRONG_PAST_VERBS)


def _victim_term(tokens: list[Token], i: int, gaz: Gazetteer) -> tuple[int, str] | None:
    if i >= len(tokens) or tokens[i].low not in gaz.victim_first_words:
        return None
    for width in (5, 4, 3, 2, 1):
        if i + width <= len(tokens):
            phrase = " ".join(t.low for t in tokens[i:i + width])
            if phrase in gaz.victim_terms:
                return width, phrase
    return None


def _first_word_at(text: str) -> int:
    """Where the sentence's first word starts (after quotes, bullets, spaces)."""
    return len(text) - len(text.lstrip(" \t\"'\u201c\u2018*\u2022-"))


def _ends_phrase(tokens: list[Token], k: int) -> bool:
    """Whether token k ends the phrase between a participle and what became of its victims: a clause
    break, a number or another outcome word."""
    tok = tokens[k]
    return (tok.text in _CLAUSE_STOP or tok.low in (",", ".", "!", "?", "who", "which", "that") or tok.low in _CLAUSE_WORDS
            or _is_number_token(tok) or bool(_match_phrase(tokens, k, PASSIVE_TRIGGERS, 1)))


class SentenceAnalyser:
    """Finds the claims of one sentence."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    def claims(self, text: str, mentions: list[Mention], prefiltered: bool = False,
               carried: str | None = None) -> list[SentenceClaim]:
        """The claims of one sentence. `carried` is the outcome of the sentence before ("killed",
        "wounded", ...) for one that opens on its figure or gives another count of it ("Of the 27, nine
        were soldiers", "The ministry's figure is 37", "Three of them were children"), or "bodies" for
        one that goes on about the bodies it found ("Eleven were found in Amiriya")."""
        original, text = text, _unbracket(text)
        self._text = text
        self._carried = carried
        # names of groups and places are single words of a noun phrase ("four Kurdistan Workers Party militants")
        self._name_end = {m.start: m.end for m in mentions if m.kind in ("actor", "place", "demonym")}
        self._actor_starts = {m.start for m in mentions if m.kind == "actor"}
        self._place_starts = {m.start for m in mentions if m.kind == "place"}
        if not prefiltered and not PREFILTER.search(text.lower()):
            return []
        tokens = tokenize(text)
        names = names_in(mentions)
        # outcome words inside a name are part of the name ("al-Aqsa Martyrs Brigade")
        for token in tokens:
            if token.low in _TRIGGER_WORDS and any(m.start <= token.start and token.end <= m.end for m in names):
                token.low = "\u00b7"
        self._tokens = tokens
        # names are opaque: a number inside one is part of it ("the Three Brotherhood Alliance"), and a
        # month word starting one dates nothing ("11 March 23 Movement militants" counts eleven)
        masked = self._masked = blank_names(text, names)
        numbers = self._numbers(masked)
        self._count_starts = {n.start for n in numbers}
        if not numbers:
            return []
        by_start = {t.start: i for i, t in enumerate(tokens)}
        by_end = {t.end: i for i, t in enumerate(tokens)}
        found: list[SentenceClaim | None] = []
        for number in numbers:
            first = by_start.get(number.start)
            last = by_end.get(number.end)
            if first is None or last is None:
                found.append(None)
                continue
            claim = self._bind(text, tokens, first, last, number, mentions)
            if claim is not None and isinstance(number, _Group) and number.head_term:
                claim.victim_term = number.head_term
                claim.victim_class, claim.nationality_sensitive = self.gaz.victim_terms[number.head_term]
            found.append(claim)
        self._partitives(text, tokens, numbers, found, by_end)
        self._coordinate(masked, tokens, numbers, found, by_start, by_end)
        self._breakdowns(text, numbers, found)
        self._comparisons(text, tokens, numbers, found)
        claims = [c for c in found if c is not None and not self._excluded(text, c)]
        for claim in claims:
            if claim.outcome == WOUNDED and _IN_HOSPITALS_CARE.search(text, claim.trigger_start, claim.trigger_end):
                claim.extras["part_cue"] = True  # "eight remain under treatment": some of the wounded told before
            elif carried == "bodies" and _BODIES_VERB_AT_END.search(text, claim.trigger_start, claim.trigger_end):
                claim.extras["part_cue"] = True  # "Eleven were found in Amiriya": some of the bodies told before
        if claims and any(t.low in _NON_VIOLENT_WORDS for t in tokens) and _NON_VIOLENT_CAUSE.search(masked) \
                and not _VIOLENT_CAUSE.search(masked):
            return []  # "Floods killed 14 people", "died of cholera": deaths, but not of armed violence
        # a number inside another claim's words ("five members of one family were killed") is not a claim
        claims = [c for c in claims if not any(o is not c and o.start < c.number.start and c.number.end <= o.end
                                                and o.shape not in ("coordination", "toll") and c.breakdown_of is None
                                                for o in claims)]
        # "a policeman, a man in his forties": an apposition describes the victim before it, it is
        # not one more ("a soldier, a man and a child" is a list: an "and" follows)
        claims = [c for i, c in enumerate(claims)
                  if not (i and c.number.text.lower() in ("a", "an") and c.victim_term in _APPOSITION_NOUNS
                          and re.fullmatch(r",\s*", text[claims[i - 1].end:c.number.start])
                          and not re.match(r"[^,.;]*?\band\b", text[c.end:]))]
        # "shot a farmer, and he died of his wounds": the pronoun is a person the sentence already counts
        claims = [c for c in claims if not (c.number.text.lower() in ("he", "she") and any(
            o.start < c.start and o.outcome in (KILLED, WOUNDED, KIDNAPPED) for o in claims))]
        claims = self._the_many_one_is_of(text, tokens, numbers, claims, by_end)
        for previous, claim in zip(claims, claims[1:]):
            # "at least 30 people dead and over 400 wounded": the victims carry over
            if claim.victim_term is None and previous.victim_term and not claim.extras.get("named_victims") and re.fullmatch(
                    r"[^.;:]{0,40}?(?:\band|,)\s*", text[previous.end:claim.start]):
                claim.victim_term, claim.victim_class = previous.victim_term, previous.victim_class
                claim.nationality_sensitive = previous.nationality_sensitive
                claim.extras["inherited_victims"] = previous
        if original is not text:  # a bracketed count keeps its brackets in the quote
            for claim in claims:
                if claim.start and original[claim.start - 1] == "(" and text[claim.start - 1] == " ":
                    claim.start -= 1
                if claim.end < len(original) and original[claim.end] == ")" and text[claim.end] == " ":
                    claim.end += 1
        return claims

    # -- numbers -----------------------------------------------------------------------

    def _numbers(self, text: str) -> list[NumberPhrase]:
        numbers = find_numbers(text, self.gaz.vague or None)
        numbers += _implicit_numbers(text, self.gaz)
        numbers.sort(key=lambda n: n.start)
        kept: list[NumberPhrase] = []
        for number in numbers:
            if kept and number.start < kept[-1].end:
                continue
            kept.append(number)
        return _family_groups(text, kept, self.gaz)

    # -- binding one number to an outcome ----------------------------------------------

    def _bind(self, text: str, tokens: list[Token], first: int, last: int, number: NumberPhrase,
              mentions: list[Mention]) -> SentenceClaim | None:
        if first <= 1 and last + 2 < len(tokens) and tokens[last + 1].text in ("-", "\u2013", "\u2014", ":") \
                and not text[:number.start].strip(" *\u2022\u00b7-"):
            # a line of a fact box: "19 - children killed", "1,530: civilians killed or injured"
            last += 1
        if self._carried in (KILLED, WOUNDED, KIDNAPPED, MISSING) and number.start == _first_word_at(text) \
                and (claim := self._some_of_them(tokens, last, number)) is not None:
            return claim
        np_info = self._noun_phrase(tokens, self._after_quoted(tokens, last, number))
        # the patterns below are anchored at the number: a bounded tail keeps them linear in the sentence
        shift = max(0, number.start - 160)
        # the cue patterns read names as opaque ("... in the Tammuz 17 district rose to five")
        before = self._masked[shift:number.start]
        # outcome nouns and labels before the number: "death toll rose to 14", "Fatalities: 3"
        toll = _TOLL_BEFORE.search(before.rstrip('"\u201c'))  # 'put the toll at "more than 30"'
        if toll is None and self._carried:
            toll = _CARRIED_TOLL_BEFORE.search(before.rstrip('"\u201c'))
            if toll and toll.group("said") and not _CLAUSE_ENDS_AFTER.match(text, number.end):
                toll = None  # "said eight militants ...": the number starts a clause of its own
        if toll:
            cue = toll.groupdict()
            kind = self._carried if toll.re is _CARRIED_TOLL_BEFORE else (
                cue["kind"] or cue["gave"] or cue["numkind"] or cue["label"] or cue["stood"] or cue["put"] or cue["whom"]
                or cue["among"] or cue["among2"] or cue["incl"] or cue["ofthe"] or cue["inverted"] or cue["amongthem"]
                or "death").lower()
            outcome = {"casualty": KOW, "casualties": KOW, "injury": WOUNDED, "injured": WOUNDED, "wounded": WOUNDED,
                       "injuries": WOUNDED, "missing": MISSING, "kidnapped": KIDNAPPED, "abducted": KIDNAPPED,
                       "hostages": KIDNAPPED}.get(kind, KILLED)
            noun_at = np_info["noun_trigger"]
            if outcome == KOW and noun_at is not None and noun_at[1][2] in (KILLED, WOUNDED):
                # "Casualties included four dead and 19 wounded": the noun after the number narrows the tally
                outcome = noun_at[1][2]
            if number.qualifier == "exact" and _PASSED.search(before):
                # "the death toll passed 140" says more than 140
                number = replace(number, high=None, qualifier="more_than")
            claim = self._claim(number, outcome, shift + toll.start(), number.end, "toll", np_info, tokens, last)
            if claim.victim_term is None:  # "the number of Iraqi troops killed ... rose to seven"
                lead = shift + toll.start()
                if cue.get("stood") or cue.get("whom"):  # "Civilian deaths rose to 412": who died is told before the noun
                    words = _WORDS_BEFORE.search(text, 0, lead)
                    lead = words.start() if words else lead
                self._victims_inside(claim, text[lead:shift + toll.end()])
            claim.extras["part_cue"] = bool(cue.get("among") or cue.get("among2") or cue.get("incl") or cue.get("ofthe")
                                            or cue.get("amongthem") or cue.get("anaphor")) or claim.extras["part_cue"]
            return claim
        bring = _BRING_TO.search(before)
        if bring:
            tail = _NUMBER_OF_AFTER.match(self._masked[number.end:])
            if tail:
                outcome = PASSIVE_TRIGGERS.get((tail.group("verb") or "killed").lower(), KILLED)
                claim = self._claim(number, outcome, shift + bring.start(), number.end + tail.end(), "toll", np_info, tokens, last)
                if claim.victim_term is None:
                    self._victims_inside(claim, text[number.end:number.end + tail.end()])
                return claim
        of = _OF_BEFORE.search(before)
        if of:
            outcome = _OF_NOUN_OUTCOME.get(of.group("noun").lower(), KILLED)
            return self._claim(number, outcome, shift + of.start(), number.end, "of", np_info, tokens, last)
        lives = re.match(r"^\s+(?:\w+\s+)?lives\b", text[number.end:number.end + 30])
        if lives and re.search(r"\b(?:claimed|claiming|claims|cost|costing|took|taking|lost|losing)\s+(?:the\s+)?$", before):
            return self._claim(number, KILLED, number.start, number.end + lives.end(), "noun", np_info, tokens, last)
        # outcome noun right after the number and its modifiers: "925 martyrs", "12 civilian deaths"
        noun_at = np_info["noun_trigger"]
        if noun_at is not None and (np_info.get("partitive") or noun_at[1][2] in _DESCRIBING_NOUN_OUTCOMES):
            # "two of the wounded succumbed", "one of the wounded children has died", "a wounded
            # soldier died overnight": the noun says who they were, the verb after it what happened
            after_noun, who = noun_at[0] + noun_at[1][0], None
            while (victim := _victim_term(tokens, after_noun, self.gaz)) is not None:
                after_noun, who = after_noun + victim[0], victim[1]
            later = self._passive(tokens, after_noun)
            if later and (np_info.get("partitive") or later[2] == KILLED):
                j, width, outcome = later
                claim = self._claim(number, outcome, number.start, tokens[j + width - 1].end, "passive", np_info, tokens, last)
                if claim.victim_term is None and who:
                    self._set_victims(claim, who)
                return claim
        if noun_at is not None:
            width, _, outcome = noun_at[1]
            j = noun_at[0]
            if outcome in _DESCRIBING_NOUN_OUTCOMES:
                # "Militants killed three hostages", "abducted 12 wounded soldiers": the verb before the
                # number is what happened to them; the noun only says who they were
                active = self._active(tokens, first)
                if active and active[2] != outcome and active[1] not in _ACTIVE_NEEDS_PEOPLE:
                    return self._claim(number, active[2], tokens[active[0]].start, tokens[j + width - 1].end,
                                       "active", np_info, tokens, last)
            return self._claim(number, outcome, number.start, tokens[j + width - 1].end, "noun", np_info, tokens, last)
        # passive: victims then an outcome word
        passive = self._passive(tokens, np_info["next"])
        if passive:
            j, width, outcome = passive
            claim = self._claim(number, outcome, number.start, tokens[j + width - 1].end, "passive", np_info, tokens, last)
            claim.extras["part_cue"] = tokens[j].low == "among" or claim.extras["part_cue"]
            return claim
        # "16 militants the army said it had killed": the victims, then who says they did it
        told = _TOLD_OBJECT_AFTER.match(text, np_info["victim_end"]) if np_info["victim_term"] else None
        if told:
            return self._claim(number, ACTIVE_TRIGGERS[told.group("verb").lower()], number.start, told.end(), "passive",
                               np_info, tokens, last)
        # active: an outcome verb just before the number
        active = self._active(tokens, first, people_after=bool(np_info["victim_term"]))
        if active:
            j, phrase, outcome = active
            # "the wound", "kill switch": these verbs need people after them, unless they follow
            # another figure's verb ("Militants kill 3 soldiers, wound 7")
            if phrase in _ACTIVE_NEEDS_PEOPLE and not np_info["victim_term"] and not (
                    phrase in ("wound", "wounds") and _AFTER_A_FIGURE.search(text[:tokens[j].start])) and not (
                    phrase == "kill" and _HEADLINE_COUNT_END.match(text[number.end:])):  # "Two bombs kill 5 in Kabul"
                return None
            if phrase in _ACTIVE_NEEDS_HOSTAGE and not (np_info["victim_term"] and (
                    _HOSTAGE_AFTER.match(text, np_info["victim_end"]) or _HOSTAGE_WORD_END.search(text, 0, np_info["victim_end"]))):
                return None
            claim = self._claim(number, outcome, tokens[j].start, max(number.end, np_info["end"] or number.end),
                                "active", np_info, tokens, last)
            return claim
        return None

    def _noun_phrase(self, tokens: list[Token], i: int) -> dict:
        """What follows a number: modifiers, a victim noun, an outcome noun, a trailing prepositional phrase."""
        info = {"victim_term": None, "victim_start": None, "victim_end": None, "noun_trigger": None,
                "next": i, "end": None}
        j = i
        modifiers = 0
        if j < len(tokens) and tokens[j].low in ("or", "and") and j + 1 < len(tokens) and tokens[j + 1].low == "more":
            j += 2
        if j < len(tokens) and tokens[j].low == "of" and j + 1 < len(tokens) and tokens[j + 1].low in (
                "the", "them", "whom", "those", "these", "our", "their", "its", "his", "her"):
            j += 2
            info["partitive"] = True
        elif j < len(tokens) and tokens[j].low == "of":
            j += 1
        start_np = j
        name_end = getattr(self, "_name_end", {}) if tokens and tokens is getattr(self, "_tokens", None) else {}
        while j < len(tokens) and modifiers <= 3:
            if tokens[j].text == "(" and j + 2 < len(tokens) and tokens[j + 2].text == ")" and tokens[j + 1].text.isupper() \
                    and j > start_np:
                j += 3  # "Two Afghan National Army (ANA) soldiers": the acronym repeats the name
                continue
            if tokens[j].start in name_end:
                k = _after_name(tokens, j, name_end)
                # a name ending in a victim noun ("US soldiers") names the victims; any other name
                # ("Kurdistan Workers Party", "al-Qaeda in Iraq") is one modifier of the noun after it
                if not _victim_term(tokens, k - 1, self.gaz):
                    j = k
                    modifiers += 1
                    continue
                if k - 1 > j:  # "Concerned Local Citizens militants": on to the name's last noun
                    j = k - 1
                    modifiers += 1
                    continue
            noun_trigger = _match_phrase(tokens, j, NOUN_TRIGGERS, 2)
            victim = _victim_term(tokens, j, self.gaz)
            if victim and (not noun_trigger or victim[0] > noun_trigger[0]):
                term, classes = victim[1], {self.gaz.victim_terms[victim[1]][0]}
                j += victim[0]
                # "soldiers and policemen", "women and children"
                while j + 1 < len(tokens) and tokens[j].low in ("and", "or"):
                    more = _victim_term(tokens, j + 1, self.gaz)
                    if not more:
                        break
                    classes.add(self.gaz.victim_terms[more[1]][0])
                    j += 1 + more[0]
                # "Amba Boys fighters": the last noun of a run is the head
                while j < len(tokens):
                    if tokens[j].start in name_end:
                        # "11 Lebanese Hezbollah militants": a name between two victim nouns
                        k = _after_name(tokens, j, name_end)
                        if _victim_term(tokens, k - 1, self.gaz) and k - 1 > j:
                            j = k - 1
                        elif _victim_term(tokens, k, self.gaz):
                            j = k
                    more = _victim_term(tokens, j, self.gaz)
                    if not more or tokens[j].low in PASSIVE_TRIGGERS or tokens[j].low in NOUN_TRIGGERS:
                        break
                    term, classes = more[1], {self.gaz.victim_terms[more[1]][0]}
                    j += more[0]
                info["victim_term"] = term
                info["victim_classes"] = classes
                info["victim_start"], info["victim_end"] = tokens[start_np].start, tokens[j - 1].end
                # "civilian deaths", "7 civilian martyrs"
                after = _match_phrase(tokens, j, NOUN_TRIGGERS, 1)
                if after and tokens[j].low in ("deaths", "casualties", "fatalities", "injuries", "martyrs", "dead", "bodies"):
                    info["noun_trigger"] = (j, after)
                    j += 1
                break
            if noun_trigger:
                if modifiers == 0 or tokens[j].low not in ("dead", "killed", "wounded", "injured", "missing"):
                    info["noun_trigger"] = (j, noun_trigger)
                    info["next"] = j
                    info["end"] = tokens[j + noun_trigger[0] - 1].end
                    return info
                break
            word = tokens[j].text
            low = word.lower()
            if _AGE_MODIFIER.match(low) or low in _AGE_WORDS:
                info["aged"] = True
                modifiers += 1
                j += 1
                continue
            if low in _COUNT_MODIFIERS and _match_phrase(tokens, j + 1, NOUN_TRIGGERS, 2):
                modifiers += 1  # "up to 40 further deaths", "12 more fatalities"
                j += 1
                continue
            if word[0].isalpha() and low not in _NOT_MODIFIERS and not (low.endswith("ed") and low not in _ED_ADJECTIVES) \
                    and (not low.endswith("ing") or low in _ING_ADJECTIVES) and (word[0].isupper() or self._victim_ahead(tokens, j + 1)):
                modifiers += 1
                j += 1
                continue
            if word == '"' and modifiers == 0:
                j += 1
                continue
            break
        info["next"] = j
        if info["victim_end"] is not None:
            info["end"] = info["victim_end"]
        return info

    def _victims_inside(self, claim: SentenceClaim, phrase: str) -> None:
        """Victims named inside a tally phrase rather than after the number: the head of the noun
        phrase before the outcome word ("the number of Sons of Iraq militants killed" -> militants).
        An aside naming the source ("The toll, police said, was 12") names no victims."""
        words = tokenize(_SOURCE_ASIDE.sub(" ", phrase))
        outcome_at = next((k for k, w in enumerate(words) if w.low in PASSIVE_TRIGGERS or w.low in NOUN_TRIGGERS),
                          len(words))
        found = _victim_terms_in(words, self.gaz)
        heads = [(at, term) for at, term in found if at < outcome_at]
        if heads or found:
            self._set_victims(claim, heads[-1][1] if heads else found[0][1])
        classes = {self.gaz.victim_terms[term][0] for _, term in heads}
        if len(classes) > 1 and any(w.low == "and" for w in words[heads[0][0]:heads[-1][0]]):
            # "the number of regime soldiers and members of militias killed": both sides
            claim.victim_class = "security_forces" if classes <= {"security_forces", "foreign_military"} else "mixed_unknown"
            claim.nationality_sensitive = False

    def _victim_ahead(self, tokens: list[Token], j: int) -> bool:
        """A victim noun within the next two words: 'regime soldiers', 'Burundian peacekeepers'."""
        for k in range(j, min(j + 2, len(tokens))):
            if _victim_term(tokens, k, self.gaz):
                return True
            if not tokens[k].text[0].isalpha() or tokens[k].low in _NOT_MODIFIERS:
                return False
        return False

    def _counts_from(self, tokens: list[Token], j: int) -> bool:
        """A determiner or a count starts at token j or the next: another noun phrase, not a second noun."""
        return any(tokens[i].start in self._count_starts or _is_number_token(tokens[i])
                   or tokens[i].low in ("a", "an", "one", "the", "another", "both", *_POSSESSIVES)
                   for i in range(j, min(j + 2, len(tokens))))

    def _group_at(self, tokens: list[Token], j: int) -> bool:
        """A named group or a body of people, not one person, at token j ('the PMF', 'the militia')."""
        if tokens[j].start in self._actor_starts:
            return True
        victim = _victim_term(tokens, j, self.gaz)
        return bool(victim) and (victim[1] in _COLLECTIVE_NOUNS or _plural_s(victim[1]))

    def _after_second_victim_noun(self, tokens: list[Token], j: int) -> int | None:
        """Index after a victim noun at token j, or after one modifier and a victim noun; else None."""
        for start in (j, j + 1):
            if start > j and not tokens[j].text.isalpha():
                return None
            victim = _victim_term(tokens, start, self.gaz)
            if victim:
                return start + victim[0]
            if tokens[start].start in self._actor_starts:  # "members of the security forces and the PMF"
                return _after_name(tokens, start, self._name_end)
        return None

    @staticmethod
    def _after_apposition(tokens: list[Token], j: int) -> int | None:
        """Index after ", 54," or ", a 15-year-old girl," when a verb group follows; else None."""
        k = j + 1
        if k + 1 < len(tokens) and tokens[k].text.isdigit() and int(tokens[k].text) < 120 and tokens[k + 1].low == ",":
            end = k + 2
        elif k < len(tokens) and tokens[k].low in ("a", "an", "the"):
            end = k + 1
            while end < len(tokens) and end - k <= 6 and tokens[end].low != ",":
                if tokens[end].low == "and" and end + 1 < len(tokens) and tokens[end + 1].low in _POSSESSIVES:
                    end += 1  # a family as the apposition: "Two civilians, a woman and her son, were killed"
                    continue
                if tokens[end].low in (".", ";", ":", "and", "or", "who", "which") or tokens[end].low in _REPORTING_VERBS:
                    return None
                end += 1
            if end >= len(tokens) or tokens[end].low != ",":
                return None
            end += 1
        elif k < len(tokens) and tokens[k].text[0].isupper() and tokens[k].text[0].isalpha():
            # a name, perhaps with an age: "A soldier, Sepoy Waqas Ali, 24, was martyred"
            end = k
            while end < len(tokens) and end - k < 5 and (tokens[end].text[0].isupper() or tokens[end].low in _NAME_PARTICLES):
                end += 1
            if end >= len(tokens) or tokens[end].low != "," or end == k:
                return None
            end += 1
            if end + 1 < len(tokens) and tokens[end].text.isdigit() and int(tokens[end].text) < 120 and tokens[end + 1].low == ",":
                end += 2
        else:
            return None
        return end if end < len(tokens) and (tokens[end].low in _FINITE_AUX or tokens[end].low in _INTRANSITIVE_OUTCOMES
                                             or _match_phrase(tokens, end, PASSIVE_TRIGGERS, 6)) else None  # "lost a leg"

    @staticmethod
    def _after_relative_clause(tokens: list[Token], j: int) -> int | None:
        """Index of the finite verb group after a relative clause starting at j ("... were killed"),
        or of an intransitive outcome right after the pronoun ("who died"); None if there is none."""
        if j < len(tokens) and tokens[j].low in _INTRANSITIVE_OUTCOMES and _match_phrase(tokens, j, PASSIVE_TRIGGERS, 6):
            return j
        for k in range(j, min(len(tokens), j + 12)):
            if tokens[k].low in (",", ".", ";", ":", "!", "?") or tokens[k].text in _CLAUSE_STOP or (
                    tokens[k].low in _REPORTING_VERBS or _is_number_token(tokens[k]) or tokens[k].low in _CLAUSE_WORDS):
                # "A police officer who asked not to be named said eight people were wounded": the
                # verb belongs to another subject
                return None
            if tokens[k].low in _FINITE_AUX and (_match_phrase(tokens, k + 1, PASSIVE_TRIGGERS, 6) or (
                    k + 2 < len(tokens) and tokens[k + 1].low in _RELATIVE_ADVERBS
                    and _match_phrase(tokens, k + 2, PASSIVE_TRIGGERS, 6))):
                return k
        return None

    def _passive(self, tokens: list[Token], j: int) -> tuple[int, int, str] | None:
        steps = 0
        in_prep = 0
        while j < len(tokens) and steps < 14:
            trig = _match_phrase(tokens, j, PASSIVE_TRIGGERS, 6)
            if trig is None and self._carried == "bodies" and (trig := _match_phrase(tokens, j, _BODIES_TRIGGERS, 3)):
                return j, trig[0], KILLED  # "Eleven were found in Amiriya", "nine were pulled out of the Tigris"
            if trig:
                width, phrase, outcome = trig
                if _OBJECT_AFTER.match(" " + " ".join(t.text for t in tokens[j + width:j + width + 4])):
                    return None  # "Two gunmen killed five policemen": the number is the agent
                if (outcome in (KIDNAPPED, WOUNDED) and (then := self._then_outcome(tokens, j + width, gap=8, joins=("and",)))
                        and then[2] == KILLED):
                    # "two policemen were abducted and later killed", "a policeman was wounded in the
                    # attack in Tikrit and later died in hospital": what became of them
                    return then
                if outcome == WOUNDED and steps == 0 and (died := self._died_after(tokens, j + width)):
                    return died  # "Three soldiers wounded in the ambush died a week later"
                return j, width, outcome
            tok = tokens[j]
            low = tok.low
            if tok.text == '"' and steps == 0:
                steps += 1
                j += 1
                continue
            if tok.text in _DASHES:
                # a parenthetical between dashes may sit between victims and verb:
                # "At least 13 people - 10 of them children - were killed"
                k = j + 1
                while k < len(tokens) and k - j <= 12 and tokens[k].text not in _DASHES and tokens[k].low not in (";", ".", "!", "?"):
                    k += 1
                if k < len(tokens) and k - j <= 12 and tokens[k].text in _DASHES:
                    j = k + 1
                    steps += 1
                    continue
                return None
            if low in ("aged", "age") and j + 1 < len(tokens) and (tokens[j + 1].text.isdigit() or tokens[j + 1].low == "between"):
                # "Three brothers aged 8, 10 and 13 were killed"
                j += 1
                while j < len(tokens) and (tokens[j].text.isdigit() or tokens[j].low in (",", "and", "or", "between")):
                    j += 1
                steps += 1
                continue
            if tok.text == "(" and j + 2 < len(tokens) and tokens[j + 2].text == ")" and tokens[j + 1].text.isupper():
                # an acronym after a name: "Volunteers for the Defence of the Homeland (VDP) fell"
                j += 3
                steps += 1
                continue
            if tok.text in _CLAUSE_STOP or low in (".", "!", "?"):
                return None
            if low == "," and steps < 4 and (after := self._after_apposition(tokens, j)) is not None:
                # an age or an apposition between commas: "A farmer, 54, was wounded", "A sixth
                # person, a 15-year-old girl, was wounded"
                j = after
                steps += 1
                continue
            if low == ",":
                # a parenthetical ", including two commanders," may sit between victims and verb
                k = j + 1
                if k < len(tokens) and tokens[k].low in ("including", "among", "mostly", "mainly", "most", "many", "all", "some",
                                                         "both", "not", "excluding", "apart", "besides", "plus",
                                                         # ", who had gathered at the market,"
                                                         "who") or (
                        # ", five of them women,", ", half of them children,"
                        k + 2 < len(tokens) and (_is_number_token(tokens[k]) or tokens[k].low in UNITS or tokens[k].start in self._count_starts
                                                 or tokens[k].low.split("-")[0] in TENS) and tokens[k + 1].low == "of"
                        and tokens[k + 2].low in ("them", "whom")) or (
                        # ", and possibly as many as 50," (numbers.py made it the figure's top)
                        k + 1 < len(tokens) and tokens[k].low in ("and", "but", "or") and tokens[k + 1].low in HEDGES):
                    while k < len(tokens) and tokens[k].low != ",":
                        k += 1
                    j = k + 1
                    steps += 1
                    continue
                if k < len(tokens) and (tokens[k].low in ("police", "officials", "witnesses", "sources", "residents", "medics", "doctors")
                                        or tokens[k].text[0].isupper() or (tokens[k].low in ("a", "an", "the") and k + 1 < len(tokens))):
                    # ", police said," or ", a spokesman said," before the verb
                    m = k
                    while m < len(tokens) and m - k < 6 and tokens[m].low not in (",",):
                        m += 1
                    if m < len(tokens) and any(tokens[x].low in ("said", "says", "told", "reported") for x in range(k, m)):
                        j = m + 1
                        steps += 1
                        continue
                return None
            if _is_number_token(tok) and tok.start not in self._count_starts and (
                    in_prep > 0 or (j > 0 and tokens[j - 1].text[0].isupper())):
                steps += 1  # a label inside a name, not a count: "members of Brigade 313", "the 93rd Brigade"
                j += 1
                continue
            if low in ("and", "or") and steps < 4 and j + 2 < len(tokens) and (
                    not self._counts_from(tokens, j + 1) or self._group_at(tokens, j + 2) and tokens[j + 1].low == "the") and (
                    after := self._after_second_victim_noun(tokens, j + 1)) is not None:
                # one noun phrase of two victim nouns: "48 journalists and media workers have been
                # killed", "19 members of the security forces and the PMF have been killed"
                j = after
                steps += 1
                continue
            if low in ("who", "that") and steps < 4:
                # a relative clause between victims and verb: "Three soldiers who were guarding the
                # bridge were killed", "Five people who fled into the bush are still missing"
                k = self._after_relative_clause(tokens, j + 1)
                if k is None:
                    return None
                j = k
                steps += 1
                continue
            if j and tokens[j - 1].low in _PASSIVE_AUX and low in _FIRST_PARTICIPLES:
                # "three soldiers were ambushed and killed", "a farmer was hit by a stray bullet and
                # wounded": the outcome is the second of two participles
                return self._then_outcome(tokens, j + 1, gap=7)
            if low in _CLAUSE_WORDS or _BLOCK_VERBS.match(low) or _is_number_token(tok):
                return None
            if low == "of" and j + 2 < len(tokens) and tokens[j + 1].low in ("the", "those") and tokens[j + 2].low in (
                    "injured", "wounded", "dead", "hostages", "victims", "missing", "abducted", "kidnapped"):
                steps += 1
                j += 3
                continue
            if low in _PREPOSITIONS:
                in_prep = 5
                steps += 1
                j += 1
                continue
            if low in _AUX or low in _GAP_WORDS:
                steps += 1
                j += 1
                continue
            if low in ("may", "might", "could") and j + 1 < len(tokens) and tokens[j + 1].low == "have":
                steps += 1  # an estimate of what happened: "as many as 40 people may have been killed"
                j += 1
                continue
            if low.endswith("ing") and steps < 2 and tok.text.isalpha():
                in_prep = 4  # "A soldier escorting the convoy was also wounded"
                steps += 1
                j += 1
                continue
            if in_prep > 0 and (tok.text[0].isupper() or low in _DETERMINERS
                                or "'" in low or "-" in low or (tok.text.isalpha() and not low.endswith("ed") and not low.endswith("ing"))
                                # a noun in -ing after its article: "residents of the building", "guests at the wedding"
                                or (tok.text.isalpha() and low.endswith("ing") and tokens[j - 1].low in _DETERMINERS)):
                in_prep -= 1
                steps += 1
                j += 1
                continue
            if tok.text[0].isupper() and steps < 3:
                steps += 1
                j += 1
                continue
            if low.endswith("ly") and len(low) > 4 and low not in _LY_NOUNS:
                steps += 1
                j += 1
                continue
            return None
        return None

    def _died_after(self, tokens: list[Token], j: int, gap: int = 11) -> tuple[int, int, str] | None:
        """The finite verb after a reduced relative of the wounded: 'Two policemen injured in the blast
        (have) died in hospital'. Up to `gap` words of a phrase may come between; a clause break, a
        number or another outcome word ends the search."""
        k = j
        aside = False  # inside ", Province," after a place
        while k < len(tokens) and k - j <= gap:
            tok = tokens[k]
            if (tok.low in _INTRANSITIVE_OUTCOMES and tok.low != "drowned") or tok.low in _DIED_IN_HEADLINES_OR_REPORTS:
                if any(t.low in _MODALS for t in tokens[max(j, k - 2):k]):
                    return None  # "could die", "may have died": not what befell them
                return k, 1, KILLED
            if tok.low in ("have", "has", "had", "later", "since", "subsequently"):
                k += 1
                continue
            if tok.low == "," and (aside or (k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper() and k - j >= 2
                                             and tokens[k - 1].text[:1].isupper())):
                k += 1  # "in Shariff Aguak, Maguindanao del Sur, died": a place and its province
                gap += 4
                aside = not aside
                continue
            if _ends_phrase(tokens, k):
                return None
            k += 1
        return None

    def _then_outcome(self, tokens: list[Token], j: int, gap: int = 0,
                      joins: tuple[str, ...] = ("and", "or")) -> tuple[int, int, str] | None:
        """The outcome participle after 'and' (or 'or') that ends a chain of participles: '... and
        (later) killed', 'shot or burned to death'.

        Up to `gap` words of a prepositional phrase may come before the 'and' ('hit by a stray bullet')."""
        k = j
        while k < len(tokens) and k - j < gap and tokens[k].low not in joins:
            if _ends_phrase(tokens, k):
                return None
            k += 1
        if k >= len(tokens) or tokens[k].low not in joins:
            return None
        k += 1
        while k < len(tokens) and tokens[k].low in _THEN_ADVERBS:
            k += 1
        trig = _match_phrase(tokens, k, PASSIVE_TRIGGERS, 6)
        if not trig or _OBJECT_AFTER.match(" " + " ".join(t.text for t in tokens[k + trig[0]:k + trig[0] + 4])):
            return None
        return k, trig[0], trig[2]

    @staticmethod
    def _after_quoted(tokens: list[Token], last: int, number: NumberPhrase) -> int:
        """The token after the number, past a closing quote around it (and the 'of' a vague word
        takes): 'they have lost "hundreds" of soldiers'."""
        at = last + 1
        if at < len(tokens) and tokens[at].text in ('"', "'") and tokens[at].start == number.end:
            at += 1
            if number.qualifier == "vague" and at < len(tokens) and tokens[at].low == "of":
                at += 1
        return at

    def _active(self, tokens: list[Token], first: int, people_after: bool = False) -> tuple[int, str, str] | None:
        """An outcome verb within two determiners before the number: 'killing at least 12', 'killed another 13'.
        With people after the number, a short definite person may come first: 'killing the groom and five guests'."""
        j = first - 1
        skipped = 0
        while j >= 0 and skipped <= 2 and tokens[j].low in ('"', "'", "\u2018", "\u201c", "the", "a", "an", "another", "further",
                                                             "additional", "some", "all", "his", "their", "its", "her", "of",
                                                             "at", "least", "and", "only", "just"):
            if tokens[j].low == "and":
                if j > 0 and tokens[j - 1].low in ("himself", "herself", "themselves"):
                    j -= 2  # "killing himself and 18 others": the others are the figure
                    skipped += 1
                    continue
                lead = _one_person_before(tokens, j) if people_after else None
                if lead is not None and tokens[j - 1].low not in self.gaz.victim_terms:
                    # a known first person ("an imam") is a figure of its own, which the number after
                    # it joins; an unknown one ("the groom") is left out, the number after it is not
                    j = lead
                    skipped += 1
                    continue
                return None
            if tokens[j].low == "of" and j > 0 and tokens[j - 1].low in ("family", "household"):
                j -= 1  # "killed a family of five"
            j -= 1
            skipped += 1
        if j < 0:
            return None
        for width in (4, 3, 2, 1):
            start = j - width + 1
            if start < 0:
                continue
            phrase = " ".join(t.low for t in tokens[start:j + 1])
            if phrase in ACTIVE_TRIGGERS:
                if start > 0 and tokens[start - 1].low in ("were", "was", "been", "are", "is", "be"):
                    return None  # "were killed 12 km away"
                return start, phrase, ACTIVE_TRIGGERS[phrase]
        return None

    def _the_many_one_is_of(self, text: str, tokens: list[Token], numbers: list[NumberPhrase],
                            claims: list[SentenceClaim], by_end: dict) -> list[SentenceClaim]:
        """'He was one of five people wounded', 'One of the nine persons injured ... succumbed': the
        count after 'one of', with its participle, is a figure of its own; the one is among them, so
        a claim of the one with the same outcome says nothing more and goes."""
        found, added = list(claims), False
        for claim in claims:
            if claim.number.text.lower() != "one" or (of := _ONE_OF.match(text, claim.number.end)) is None:
                continue
            many = next((n for n in numbers if n.start == of.end()), None)
            last = by_end.get(many.end) if many is not None else None
            if last is None or any(c.number is many for c in claims):
                continue
            np_info = self._noun_phrase(tokens, last + 1)
            after = np_info["next"]
            if not np_info["victim_term"] or after >= len(tokens) or tokens[after].low not in _OUTCOME_PARTICIPLES:
                continue
            outcome = PASSIVE_TRIGGERS[tokens[after].low]
            found.append(self._claim(many, outcome, many.start, tokens[after].end, "passive", np_info, tokens, last))
            added = True
            if claim.outcome == outcome:
                found.remove(claim)
        # a new count takes its place by position; a sentence without one keeps its order as it was
        return sorted(found, key=lambda c: c.number.start) if added else claims

    def _some_of_them(self, tokens: list[Token], last: int, number: NumberPhrase) -> SentenceClaim | None:
        """'Three of them were children' after a sentence that told a figure: a part of it, of its outcome."""
        of_them = _OF_THEM_WERE.match(self._text, number.end)
        if of_them is None:
            return None
        at = next((i for i in range(last + 1, len(tokens)) if tokens[i].start >= of_them.end()), len(tokens))
        np_info = self._noun_phrase(tokens, at)
        if not np_info["victim_term"]:
            return None
        claim = self._claim(number, self._carried, number.start, of_them.end(), "toll", np_info, tokens, last)
        claim.extras["part_cue"] = True
        return claim

    def _rank_of_a_force(self, claim: SentenceClaim, at: int) -> None:
        """'the commander of the police rapid response unit': a rank both sides have takes the side
        of the force it is of."""
        of = _RANK_OF.match(self._text, at)
        if of is None:
            return
        for word in of.group("words").lower().split():
            side = self.gaz.victim_terms.get(word)
            if side and side[0] in ("security_forces", "militants") and word not in RANKS_OF_EITHER_SIDE:
                claim.victim_class, claim.nationality_sensitive = side
                return

    def _claim(self, number: NumberPhrase, outcome: str, start: int, end: int, shape: str, np_info: dict,
               tokens: list[Token], last: int) -> SentenceClaim:
        claim = SentenceClaim(number, outcome, min(start, number.start), max(end, number.end), start, end, shape)
        if np_info["victim_term"]:
            self._set_victims(claim, np_info["victim_term"])
            if len(np_info.get("victim_classes", ())) > 1:
                claim.victim_class, claim.nationality_sensitive = "mixed_unknown", False
                if np_info["victim_classes"] <= {"security_forces", "foreign_military"}:
                    claim.victim_class = "security_forces"
            claim.extras["np"] = (np_info["victim_start"], np_info["victim_end"])
            claim.end = max(claim.end, np_info["victim_end"])
            if claim.victim_term in RANKS_OF_EITHER_SIDE:
                self._rank_of_a_force(claim, np_info["victim_end"])
        if claim.victim_class in (None, "mixed_unknown") and (
                (np_info.get("aged") and claim.victim_term in _PERSON_NOUNS) or _FAMILY_OF_BEFORE.search(self._text[:number.start])):
            # "a 67-year-old man", "an elderly man", "killed a family of five": reports give soldiers
            # and fighters a rank or a side, not an age
            claim.victim_class, claim.nationality_sensitive = "civilian", False
        if claim.victim_term is None and number.low == 1 and number.text[:1].isalpha() \
                and number.text.lower() not in _IMPLICIT_DETERMINERS:
            # a named person's title: "Colonel Ahmed Ali was killed", "cameraman Nabil Saif, 29, was
            # wounded"; a bare noun of a headline: "Injured vendor succumbs"
            words = tokenize(number.text)
            title = next((v for k in range(len(words)) if (v := _victim_term(words, k, self.gaz))), None)
            before = re.search(r"([a-z][\w-]*)\s+$", self._text[max(0, number.start - 30):number.start])
            if title:
                self._set_victims(claim, title[1])
            elif before and before.group(1) in self.gaz.victim_terms:
                self._set_victims(claim, before.group(1))
        if claim.victim_class in (None, "mixed_unknown"):
            # "Seven people, all civilians, were killed", "killed 12 people, mostly soldiers"
            rest = self._text[np_info["victim_end"] or number.end:]
            if (whole := _ALL_OF_THEM_AFTER.match(rest)) and (
                    term := self._noun_phrase(tokenize(rest[whole.end():]), 0)["victim_term"]):
                self._set_victims(claim, term)
        if claim.victim_term is None and shape in ("toll", "noun"):
            # "Of the injured, seven are police officers"
            self._victims_after_copula(claim, self._text[number.end:], r"were|was|are|is")
        if claim.victim_term is None and _OF_THEM_AFTER.match(self._text, number.end):
            # "lured day labourers to his minibus ..., killing 16 of them": the people named before
            words = tokenize(self._text[:number.start])
            # not the subject of a verb: "Gunmen stopped a bus and killed four of them"
            earlier = [(at, term) for at, term in _victim_terms_in(words, self.gaz)
                       if not _is_past_verb(words, at + len(term.split()))]
            if earlier:
                self._set_victims(claim, earlier[-1][1])
        part = _PART_OF_AFTER.match(self._text[number.end:number.end + 60])
        # "Seven people were killed ... Two of them were beheaded": some of the people counted before
        claim.extras["part_cue"] = bool(part) or (shape == "passive" and bool(_OF_THEM_AFTER.match(self._text, number.end)))
        if part and (claim.victim_term is None or claim.victim_class == "mixed_unknown"):
            # "Two of the dead were policemen": the victims follow the copula
            self._victims_after_copula(claim, self._text[number.end + part.end():], r"were|was|are|included")
        return claim

    def _set_victims(self, claim: SentenceClaim, term: str) -> None:
        claim.victim_term = term
        claim.victim_class, claim.nationality_sensitive = self.gaz.victim_terms[term]

    def _victims_after_copula(self, claim: SentenceClaim, rest: str, verbs: str) -> None:
        """Victims named after a copula that follows the figure ("... were policemen")."""
        copula = re.match(rf"^\s+(?:{verbs})\s+", rest)
        if copula:
            np_ = self._noun_phrase(tokenize(rest[copula.end():]), 0)
            if np_["victim_term"]:
                self._set_victims(claim, np_["victim_term"])

    # -- several numbers in one sentence ----------------------------------------------

    def _coordinate(self, text: str, tokens: list[Token], numbers: list[NumberPhrase],
                    found: list[SentenceClaim | None], by_start: dict, by_end: dict) -> None:
        """'Two militiamen from X and two from AAH were killed'; 'killed three policemen and two civilians'."""
        # a number inside a prepositional phrase ("from one faction") is part of a noun phrase, not a count
        in_pp = [bool(re.search(r"\b(?:from|of|in|at|with|by|than|per|near|on)\s+$", text[:n.start], re.I)) for n in numbers]
        for k in range(len(numbers) - 1, -1, -1):
            if found[k] is not None or in_pp[k]:
                continue
            number = numbers[k]
            claimed_before = any(found[p] is not None for p in range(k))  # "19 people ... in the two blasts, three of them"
            if claimed_before and (_PART_CUE_BEFORE.search(text[max(0, number.start - 30):number.start])
                                   or _BREAKDOWN_AFTER.match(text[number.end:])):
                continue  # "Four people were killed, including two children, and 15 ... kidnapped", "seven
                # were killed, two of them police constables, and 18 others injured": a part of the first
            nxt = k + 1
            while nxt < len(numbers) and in_pp[nxt] and found[nxt] is None:
                nxt += 1
            gap_next = text[number.end:numbers[nxt].start] if nxt < len(numbers) else ""
            # "212 civilians, 88 policemen and 40 soldiers died": a comma joins a list already joined by "and"
            # ("left 8 soldiers and 20 rebels dead": an outcome word after the victims reads as passive)
            if (nxt < len(numbers) and found[nxt] is not None and (found[nxt].shape in ("passive", "coordination") or (
                    found[nxt].shape == "noun" and "np" in found[nxt].extras and found[nxt].end > found[nxt].extras["np"][1]
                    and re.fullmatch(r"\s+(?:[\w-]+\s+){1,3}and\s+", gap_next)))
                    and (re.search(r"\band\s*$", gap_next) or (found[nxt].shape == "coordination"
                                                                   and self._listed_before_comma(text, tokens, number, numbers[nxt], by_end)))
                    and len(_NAME_RUN.sub("N", gap_next)) < 80
                    and not re.search(r"[;:.]", gap_next)
                    # "Six soldiers were ambushed ..., and two were killed": the first has a verb of its own
                    and not _OWN_VERB.search(gap_next)
                    and not PREFILTER.search(gap_next.lower())
                    # "across the three countries between Monday 24 and Sunday 30 March, and at least 57
                    # were wounded": a number with no people after it, a clause away, counts something else
                    and not ("," in gap_next and not self._people_after(tokens, by_end, number))):
                sibling = found[nxt]
                found[k] = self._inherit(number, sibling, tokens, by_end, "coordination")
                if sibling.victim_term is None and found[k].victim_term:
                    sibling.victim_term, sibling.victim_class = found[k].victim_term, found[k].victim_class
                    sibling.nationality_sensitive = found[k].nationality_sensitive
                _share_rank_side(found[k], sibling)
                continue
            if (nxt < len(numbers) and found[nxt] is not None and found[nxt].victim_term is None
                    and re.search(r"[^;:.]{0,80}\band\s*$", gap_next) and re.match(r"\s+(?:were|was|have|had|are)\b", text[numbers[nxt].end:])
                    and (last := by_end.get(number.end)) is not None):
                # "Six soldiers were ambushed ..., and two were killed": two of the soldiers
                np_info = self._noun_phrase(tokens, last + 1)
                if np_info["victim_term"]:
                    self._set_victims(found[nxt], np_info["victim_term"])
        for k in range(1, len(numbers)):
            if found[k] is not None or found[k - 1] is None:
                continue
            sibling = found[k - 1]
            between = text[max(sibling.end, numbers[k - 1].end):numbers[k].start]
            if ((sibling.shape in ("active", "coordination", "of") or (
                    # "Among the dead were two officers of the state police and a local elder", "Among the
                    # dead were Ahmed Ali, a teacher, and two of his pupils"
                    sibling.shape == "toll" and (numbers[k].text.lower() in ("a", "an") or _AN_APPOSITION.match(between))))
                    and _NEXT_VICTIMS_GAP.fullmatch(between)):
                # "killed three policemen and two civilians", "killed a farmer and his three brothers",
                # "claimed the lives of two police officers and a shopkeeper", "killed two officers of
                # the state police and a local elder"
                tail = text[numbers[k].end:numbers[k].end + 60]
                np_ = self._noun_phrase(tokenize(tail), 0)
                rest = tail[np_["victim_end"] or 0:]
                # a group named right after the number is the victims: "killed 27 soldiers and six VDP"
                named = numbers[k].end + len(tail) - len(tail.lstrip()) in self._actor_starts and tail[:1].isspace()
                if (np_["victim_term"] or named) and not _BLOCK_AFTER.match(rest) and not _SPEECH_VERB_AFTER.match(rest):
                    found[k] = self._inherit(numbers[k], sibling, tokens, by_end, "coordination")
                    found[k].extras["named_victims"] = named and not np_["victim_term"]
                    if sibling.shape == "toll":  # one more of "the dead", a part as its list mate is
                        found[k].extras["part_cue"] = sibling.extras.get("part_cue")
                    _share_rank_side(found[k], sibling)
                    continue
            if sibling.shape == "active" and _LONG_AND_GAP.fullmatch(between) and (
                    companions := _OF_HIS_COMPANIONS.match(text, numbers[k].end)) and not _OWN_VERB_AFTER.match(text, companions.end()):
                # "killed the commander of the police unit in Abu Ghraib, west of Baghdad, and four of
                # his bodyguards": "of his" ties the count to the person however far
                found[k] = self._inherit(numbers[k], sibling, tokens, by_end, "coordination")
                continue
            if sibling.shape in ("active", "passive", "coordination") and _ALONG_WITH_GAP.fullmatch(between) \
                    and numbers[k].qualifier != "vague":
                # "was killed by a shell on Monday, with four other people", "killed 12 soldiers along
                # with three Russian instructors": more victims of the same outcome
                np_ = self._noun_phrase(tokenize(text[numbers[k].end:numbers[k].end + 60]), 0)
                companions = _ENTOURAGE_AFTER.match(text, numbers[k].end)
                if np_["victim_term"] or companions:
                    claim = self._inherit(numbers[k], sibling, tokens, by_end, "coordination")
                    if companions:  # "with two colleagues": the colleagues of the one killed
                        claim.victim_term, claim.victim_class = sibling.victim_term, sibling.victim_class
                        claim.nationality_sensitive = sibling.nationality_sensitive
                    found[k] = claim
                    continue
            if sibling.extras.get("share") is not None or _SHARE_BEFORE.search(text, 0, sibling.number.start):
                # "Burkina Faso accounted for 71 of the dead, Mali for 44 and Niger for 28": shares of a total
                if _NEXT_SHARE.fullmatch(between):
                    claim = self._inherit(numbers[k], sibling, tokens, by_end, "coordination")
                    claim.victim_term, claim.victim_class = sibling.victim_term, sibling.victim_class
                    claim.extras["share"] = claim.extras["elliptical_of"] = sibling.extras.get("elliptical_of", k - 1)
                    claim.extras["part_cue"] = sibling.extras.get("part_cue")
                    found[k] = claim
                    continue
            if (sibling.shape in ("active", "passive", "coordination") and _ELLIPTICAL_GAP.fullmatch(between)
                    and (after := _ELLIPTICAL_PLACE_AFTER.match(text[numbers[k].end:]))
                    and not re.match(r"[^,;.]*?\b(?:were|was|are|is|have|has|had)\b", text[numbers[k].end:])):
                # "killed 15 people, seven in Bayaa and eight in Karrada": a bare number with a place
                # is one more figure of the same outcome and victims
                claim = self._inherit(numbers[k], sibling, tokens, by_end, "coordination")
                claim.victim_term, claim.victim_class = sibling.victim_term, sibling.victim_class
                claim.nationality_sensitive = sibling.nationality_sensitive
                claim.extras["elliptical_of"] = sibling.extras.get("elliptical_of", k - 1)
                if after.group("day"):  # the day is the figure's own, nearer than the sibling's
                    claim.end = claim.trigger_end = numbers[k].end + after.end()
                found[k] = claim
        self._elliptical_parts(found)

    def _people_after(self, tokens: list[Token], by_end: dict, number: NumberPhrase) -> bool:
        """A victim noun or a name (a group, a demonym) follows the number ("88 policemen", "two Iraqis")."""
        last = by_end.get(number.end)
        if last is None or last + 1 >= len(tokens):
            return False
        nxt = tokens[last + 1]
        return bool(self._noun_phrase(tokens, last + 1)["victim_term"]) or nxt.start in self._name_end

    @staticmethod
    def _elliptical_parts(found: list[SentenceClaim | None]) -> None:
        """Bare figures that add up exactly to the figure they follow are its parts ("killed 15
        people, seven in Bayaa and eight in Karrada"); otherwise each is a figure of its own."""
        groups: dict[int, list[int]] = {}
        for k, claim in enumerate(found):
            if claim is not None and "elliptical_of" in claim.extras:
                groups.setdefault(claim.extras["elliptical_of"], []).append(k)
        for head, members in groups.items():
            parent = found[head]
            if parent is None or len(members) < 2:
                continue
            if sum(found[m].number.low for m in members) == parent.number.low:
                for m in members:
                    found[m].breakdown_of = head
                    found[m].extras["parent"] = parent

    def _comparisons(self, text: str, tokens: list[Token], numbers: list[NumberPhrase],
                     found: list[SentenceClaim | None]) -> None:
        """'312 civilians were killed in May, up from 98 in April': the earlier figure is a claim of the
        same outcome (of another period), and 'rose to 41 from 12' keeps the superseded toll."""
        for k, number in enumerate(numbers):
            if k == 0:
                continue
            previous = next((found[p] for p in range(k - 1, -1, -1) if found[p] is not None), None)
            if previous is None:
                continue
            before = text[max(0, number.start - 40):number.start]
            if found[k] is not None:
                if _COMPARED_BEFORE.search(before) and found[k].shape != "toll":
                    found[k].shape = "comparison"  # "..., down from 845 killed in October": of the other period
                continue
            if not (_COMPARED_BEFORE.search(before) or (
                    previous.shape == "toll" and _FROM_AFTER_TOLL.fullmatch(text[previous.end:number.start]))):
                continue
            claim = SentenceClaim(number, previous.outcome, number.start, number.end, previous.trigger_start,
                                  previous.trigger_end, "comparison")
            np_info = self._noun_phrase(tokens, next((i for i, t in enumerate(tokens) if t.end == number.end), len(tokens)) + 1)
            if np_info["victim_term"]:
                self._set_victims(claim, np_info["victim_term"])
                claim.end = max(claim.end, np_info["victim_end"] or claim.end)
                # "41 were wounded this week, up from 29 civilians killed the week before": a compared
                # figure with an outcome word of its own keeps it
                own = _match_phrase(tokens, next((i for i, t in enumerate(tokens) if t.start >= claim.end), len(tokens)),
                                    PASSIVE_TRIGGERS, 3)
                if own and own[2] != claim.outcome:
                    claim.outcome = own[2]
            else:
                claim.victim_term, claim.victim_class = previous.victim_term, previous.victim_class
                claim.nationality_sensitive = previous.nationality_sensitive
            found[k] = claim

    def _listed_before_comma(self, text: str, tokens: list[Token], number: NumberPhrase, following: NumberPhrase,
                             by_end: dict) -> bool:
        """The number and its victims, then only a comma before the next number: an item of a list."""
        last = by_end.get(number.end)
        if last is None or re.search(r"\b(?:of|from|among|in|at|with|by|than|per|on)\s+(?:(?:the|its|their|his|her|these|those)\s+)?$",
                                     text[:number.start], re.IGNORECASE):
            return False  # "Of the 300 residents, 88 were killed": the whole, not an item
        np_info = self._noun_phrase(tokens, last + 1)
        return bool(np_info["victim_term"]) and re.fullmatch(r"\s*,\s*", text[np_info["victim_end"]:following.start]) is not None

    def _partitives(self, text: str, tokens: list[Token], numbers: list[NumberPhrase],
                    found: list[SentenceClaim | None], by_end: dict) -> None:
        """'Five of the 30 passengers were killed': five were killed, 30 is how many there were.
        Only when the verb is finite ("were killed", "died"): in "two of the 30 people killed
        were children" the 30 are the dead."""
        for k in range(len(numbers) - 1):
            whole = found[k + 1]
            if found[k] is not None or whole is None or whole.shape != "passive":
                continue
            if not _PARTITIVE_GAP.fullmatch(text[numbers[k].end:numbers[k + 1].start]):
                continue
            if not _FINITE_VERB.search(text[whole.number.end:whole.trigger_end]):
                continue
            part = self._inherit(numbers[k], whole, tokens, by_end, "passive")
            if whole.victim_term:
                part.victim_term, part.victim_class = whole.victim_term, whole.victim_class
                part.nationality_sensitive = whole.nationality_sensitive
            part.victims_text = whole.victims_text
            part.end = whole.end
            found[k], found[k + 1] = part, None

    def _parts_among_the_next(self, text: str, numbers: list[NumberPhrase], found: list[SentenceClaim | None]) -> None:
        for k in range(len(numbers) - 1):
            whole = found[k + 1]
            if found[k] is not None or whole is None or whole.number.high is None:
                continue
            np_ = self._noun_phrase(tokenize(text[numbers[k].end:numbers[k + 1].start]), 0)
            among = _AMONG_AFTER_VICTIMS.fullmatch(text, numbers[k].end + (np_["victim_end"] or 0), numbers[k + 1].start)
            if not np_["victim_term"] or not among or numbers[k].low >= whole.number.low:
                continue
            part = SentenceClaim(numbers[k], whole.outcome, numbers[k].start, numbers[k].end + np_["victim_end"],
                                 whole.trigger_start, whole.trigger_end, "breakdown")
            self._set_victims(part, np_["victim_term"])
            part.breakdown_of, part.extras["parent"] = k + 1, whole
            found[k] = part

    def _placed_after(self, after: str, at: int) -> bool:
        """'11 in Dora': a bare number then the place it holds for (a part of a total before it)."""
        prep = _PLACE_PREP_AFTER.match(after)
        return prep is not None and at + prep.end() in self._place_starts

    def _inherit(self, number: NumberPhrase, sibling: SentenceClaim, tokens, by_end, shape: str) -> SentenceClaim:
        last = by_end.get(number.end)
        np_info = self._noun_phrase(tokens, last + 1) if last is not None else {"victim_term": None}
        claim = SentenceClaim(number, sibling.outcome, number.start, number.end, sibling.trigger_start,
                              sibling.trigger_end, shape)
        if np_info.get("victim_term"):
            self._set_victims(claim, np_info["victim_term"])
            claim.extras["np"] = (np_info["victim_start"], np_info["victim_end"])
            claim.end = max(claim.end, np_info["victim_end"])
        if sibling.trigger_start > number.end:
            claim.end = max(claim.end, sibling.trigger_end)
        claim.extras["sibling"] = sibling
        return claim

    def _breakdowns(self, text: str, numbers: list[NumberPhrase], found: list[SentenceClaim | None]) -> None:
        """', including five children', 'three of them policemen': parts of the claim just before;
        'Two soldiers among 9 killed in ambush': a part of the claim just after."""
        self._parts_among_the_next(text, numbers, found)
        for k, number in enumerate(numbers):
            before = text[max(0, number.start - 80):number.start]
            if found[k] is None and _SPARED_BEFORE.search(before):
                continue  # "the killing of dozens of militants and the capture of 12 of them"
            after = text[number.end:]
            cue_before = _BREAKDOWN_BEFORE.search(before)
            cue = cue_before or _BREAKDOWN_AFTER.match(after)
            copula = re.match(r"^\s+(?:were|was|are)\s+", after) if found[k] is None else None
            if copula and self._noun_phrase(tokenize(after[copula.end():]), 0)["victim_term"]:
                cue = copula
            np_after = self._noun_phrase(tokenize(after), 0) if found[k] is None else None
            if np_after and np_after["victim_term"] and _SPEECH_VERB_AFTER.match(after[np_after["victim_end"]:]):
                continue  # "The dead included five police officers, two police officials said."
            # "all six were killed: one in the car and five at the gate"
            gap_before = text[found[k - 1].end:number.start] if k > 0 and found[k - 1] is not None else None
            placed = found[k] is None and not np_after["victim_term"] and (self._placed_after(after, number.end) or (
                gap_before is not None and _PLACE_PREP_AFTER.match(after) is not None and (
                    re.fullmatch(r"[^.;]{0,40}?:\s*", gap_before) is not None
                    or (found[k - 1].shape == "breakdown" and _LIST_OF_PARTS_GAP.fullmatch(gap_before) is not None))))
            if not cue and found[k] is None and (np_after["victim_term"] or placed):
                # a list of parts: "...were killed in May: 25 soldiers, 31 policemen and 120 civilians",
                # "including five children and three women"
                listed = k > 0 and found[k - 1] is not None and (
                    found[k - 1].shape == "breakdown" or found[k - 1].extras.get("part_cue")) and (_LIST_OF_PARTS_GAP if placed else re.compile(
                        r"\s*(?:,|and|, and)\s*")).fullmatch(text, found[k - 1].end, number.start)
                colon = k > 0 and found[k - 1] is not None and re.fullmatch(r"[^.;]{0,40}?:\s*", text[found[k - 1].end:number.start])
                # "killed 19 people (11 civilians and eight fighters)"
                paren = k > 0 and found[k - 1] is not None and re.fullmatch(r"[^.;()]{0,40}?\(\s*", text[found[k - 1].end:number.start])
                cue = listed or colon or paren
                previous = found[k - 1] if k > 0 else None
                if listed and previous.shape != "breakdown" and previous.breakdown_of is None:
                    # "The dead included 11 soldiers, three policemen and eight civilians": the
                    # parts of a total stated elsewhere (or nowhere) are siblings, not parts of the first
                    sibling = SentenceClaim(number, previous.outcome, number.start, number.end, previous.trigger_start,
                                            previous.trigger_end, previous.shape)
                    np_ = self._noun_phrase(tokenize(after), 0)
                    self._set_victims(sibling, np_["victim_term"])
                    sibling.end = number.end + np_["victim_end"]
                    sibling.extras["np"] = (number.end + np_["victim_start"], number.end + np_["victim_end"])
                    sibling.extras["part_cue"] = True
                    found[k] = sibling
                    continue
            if not cue:
                continue
            parent_index = next((p for p in range(k - 1, -1, -1) if found[p] is not None and found[p].shape != "breakdown"), None)
            if (cue_before and k > 0 and found[k - 1] is not None and found[k - 1].shape == "breakdown"
                    and found[k - 1].extras.get("part_cue") and found[k - 1].number.low > number.low
                    and re.fullmatch(r"\s*,?\s*", text[found[k - 1].end:number.start - len(before) + cue_before.start()])):
                parent_index = k - 1  # "nine were soldiers and 18 were civilians, among them six children": of the 18
            if parent_index is None:
                continue
            parent = found[parent_index]
            if (cue_before and parent.extras.get("part_cue") and parent.breakdown_of is None
                    and number.start - len(before) + cue_before.start() < parent.number.start):
                # the cue introduced the first part ("The dead included 11 soldiers, three
                # policemen and ..."): the later ones are its siblings, parts of the same total
                if found[k] is not None:
                    found[k].extras["part_cue"] = True
                    continue
            # "Of the dead, 12 were soldiers, 11 were civilians and eight were militants": a row of
            # parts in one form are siblings, parts of the total the first one's cue points to
            in_a_row = (cue is copula and copula is not None and parent.extras.get("part_cue")
                        and parent.breakdown_of is None and re.match(r"\s+(?:were|was|are)\s", text[parent.number.end:]))
            if found[k] is None:
                tail = after
                offset = number.end
                of = _BREAKDOWN_AFTER.match(after) or (cue if cue is copula else None)
                if of:
                    # "five of whom were women": the parts' kind follows the copula
                    be = re.match(r"\s+(?:were|was|are)\b", after[of.end():]) if of is not copula else None
                    skip = of.end() + (be.end() if be else 0)
                    tail, offset = after[skip:], number.end + skip
                np_ = self._noun_phrase(tokenize(tail), 0)
                claim = SentenceClaim(number, parent.outcome, number.start, number.end, parent.trigger_start,
                                      parent.trigger_end, "breakdown")
                if np_["victim_term"]:
                    self._set_victims(claim, np_["victim_term"])
                    claim.end = offset + np_["victim_end"]
                    claim.extras["np"] = (offset + np_["victim_start"], offset + np_["victim_end"])
                found[k] = claim
            if in_a_row:
                found[k].extras["part_cue"] = True
                continue
            if found[k].outcome == parent.outcome and found[k].number.low <= parent.number.low:
                found[k].breakdown_of = parent_index
                found[k].extras["parent"] = parent
        self._within_tolls(text, found)

    def _within_tolls(self, text: str, found: list[SentenceClaim | None]) -> None:
        """A death toll is the event's total: a later figure of the same outcome in its sentence is
        part of it ("The toll has risen to 70, as the country mourned dozens of lawyers killed in
        the attack"), unless it is said to come on top ("another 12", "12 more")."""
        for k, toll in enumerate(found):
            if toll is None or toll.shape != "toll" or toll.extras.get("part_cue") or toll.breakdown_of is not None:
                continue
            for m in range(k + 1, len(found)):
                part = found[m]
                if (part is None or part.breakdown_of is not None or part.shape == "toll" or part.outcome != toll.outcome
                        or part.number.low > toll.number.low or _ON_TOP_BEFORE.search(text[:part.number.start])
                        or _ON_TOP_AFTER.match(text[part.number.end:])
                        # "The number of civilians killed was 781, while 166 members of the security forces ..."
                        or (toll.victim_class not in (None, "mixed_unknown") and part.victim_class != toll.victim_class)
                        or re.search(r",\s*(?:while|whereas|but)\b|;", text[toll.end:part.number.start], re.I)):
                    continue
                part.breakdown_of = k
                part.extras["parent"] = toll

    def _excluded(self, text: str, claim: SentenceClaim) -> bool:
        before = text[:claim.start]
        if _HYPOTHETICAL.search(before[-60:]) or _ABILITY.search(before[-30:]):
            return True
        if claim.number.text.lower() in ("a", "an") and "blew" in text[claim.start:claim.end]:
            return True  # "A suicide bomber blew himself up" tells how, not a count ("two blew themselves up" does)
        if claim.outcome == KIDNAPPED and _FREED_BEFORE.search(before[-40:]):
            return True  # "troops rescued 62 hostages": the figure is of people freed
        if claim.number.low == 0:
            return True
        # "Amel Salman, 48," is an age
        if re.search(r"[A-Z][a-z]+,\s*$", before) and re.match(r"^\s*,", text[claim.number.end:]) and claim.shape != "toll":
            return True
        return False


_ABILITY = re.compile(r"\b(?:can|cannot|can't)\s+(?:still\s+|easily\s+|also\s+|only\s+)?$", re.IGNORECASE)
_FREED_BEFORE = re.compile(r"\b(?:rescued?|rescuing|rescues|freed|frees|freeing|free|released?|releasing|liberated?|liberating|"
                           r"evacuated)\s+(?:(?:at\s+least|more\s+than|over|some|about|around|nearly|another|the)\s+)*$",
                           re.IGNORECASE)
_COMPARED_BEFORE = re.compile(r"\b(?:up|down)\s+from\s+$|\bcompared\s+(?:with|to)\s+$|\bagainst\s+$|"
                              r"\b(?:up|down)\s+(?:sharply\s+|slightly\s+)?from\s+(?:the\s+)?$", re.IGNORECASE)
_BRING_TO = re.compile(r"\b(?:bring|brings|bringing|brought|raise|raises|raising|raised|push|pushes|pushing|pushed|take|takes|taking|took)\s+(?:the\s+(?:total|toll|tally|number)\s+)?to\s+$", re.I)
_PARTITIVE_GAP = re.compile(r"\s+(?:out\s+)?of\s+(?:the|those|its|their|some)?\s*", re.I)
_FINITE_VERB = re.compile(r"\b(?:were|was|are|is|have|has|had|been)\b|\b(?:died|perished|drowned|lost\s+their\s+lives)$", re.I)
_PASSED = re.compile(r"\b(?:passe[sd]|surpass(?:es|ed)|exceed(?:s|ed)|top(?:s|ped))\s+$", re.I)
_ON_TOP_BEFORE = re.compile(r"\b(?:another|more|other|additional|further|a\s+further)\s+$", re.I)
_ON_TOP_AFTER = re.compile(r"^\s+(?:more|others?|additional)\b", re.I)
_HEADLINE_COUNT_END = re.compile(r"\s*(?:,|$|\s(?:in|at|on|near|and|as|after|during)\b)")
_AFTER_A_FIGURE = re.compile(r"\d[\w\s-]{0,30}(?:,|\band)\s*$")
_NAME_RUN = re.compile(r"N{2,}")  # a masked name counts as one word in gap lengths
_NUMBER_OF_AFTER = re.compile(r"^\s+the\s+(?:total\s+|overall\s+)?number\s+of\s+(?:[^.;]{0,90}?\b(?P<verb>killed|died|dead|wounded|injured|kidnapped|abducted|missing)\b|(?:\w+\s+)?(?P<noun>bodies|dead|deaths|corpses)\b)", re.I)
_SPEECH_VERBS = ("said", "says", "told", "added", "reported", "confirmed", "stated", "announced")
_SPEECH_VERB_AFTER = re.compile(rf"^[^,.;]{{0,60}}?\b(?:{'|'.join(_SPEECH_VERBS)})\b", re.I)
_PART_OF_AFTER = re.compile(r"^\s+(?:more\s+)?of\s+(?:the|those)\s+(?:dead|bodies|victims|killed|wounded|injured|casualties)\b", re.I)
_STRONG_PAST_VERBS = {"shot", "took", "seized", "hit", "struck", "set", "threw", "stole", "drove", "rode", "led", "held", "overran"}
# Causes of death outside armed violence, unless the sentence also names violence ("drowned while
# fleeing the attack", "the helicopter came under fire and crashed").
_NON_VIOLENT_CAUSE = re.compile(
    r"\b(?:floods?|flooding|flash\s+floods?|earthquakes?|quakes?|landslides?|mudslides?|avalanches?|cyclones?|hurricanes?|"
    r"typhoons?|tornado(?:e?s)?|(?:heavy|torrential|monsoon)\s+rains?|lightning|heat\s*waves?|drown(?:ed|ing|ings)?|"
    r"(?:road|traffic|car|bus|truck|lorry|train|boat|ferry)\s+(?:accidents?|crash(?:es)?|collisions?)|cholera|covid(?:-19)?|"
    r"coronavirus|measles|malaria|ebola|dengue|diphtheria|epidemic|pandemic)\b", re.IGNORECASE)
# a word each cause above holds: a set lookup per token spares most sentences the pattern
_NON_VIOLENT_WORDS = frozenset(
    "flood floods flooding earthquake earthquakes quake quakes landslide landslides mudslide mudslides avalanche "
    "avalanches cyclone cyclones hurricane hurricanes typhoon typhoons tornado tornados tornadoes rain rains lightning "
    "heat heatwave heatwaves drown drowned drowning drownings accident accidents crash crashes collision collisions "
    "cholera covid covid-19 coronavirus measles malaria ebola dengue diphtheria epidemic pandemic".split())
_VIOLENT_CAUSE = re.compile(
    r"\b(?:attack\w*|bomb\w*|blasts?|explo\w+|shell(?:s|ed|ing)?|shot|shoot\w*|gun\w*|(?:opened|came\s+under)\s+fire|"
    r"strikes?|air\s*strikes?|raids?|ambush\w*|clash\w*|fight\w*|militants?|insurgents?|rebels?|mortars?|rockets?|"
    r"missiles?|drones?|grenades?|mines?|landmines?|IEDs?|suicide|assault\w*|massacre\w*|execut\w*|behead\w*|kidnap\w*|"
    r"abduct\w*|war|conflict|violence|siege|besieged|terror\w*|combat|offensive|battle\w*|fleeing)\b", re.IGNORECASE)
_AMONG_AFTER_VICTIMS = re.compile(r"\s+(?:(?:were|was|are|is)\s+)?among\s+(?:the\s+)?", re.IGNORECASE)
_SHARE_BEFORE = re.compile(r"\baccounted\s+for\s+$", re.IGNORECASE)
_NEXT_SHARE = re.compile(r"[^,;.]{0,40}?(?:,|,?\s+and)\s+[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2}\s+for\s+")
_ALL_OF_THEM_AFTER = re.compile(r"\s*,\s+(?:all|mostly|mainly|most\s+of\s+them|all\s+of\s+them)\s+", re.IGNORECASE)
_OF_THEM_AFTER = re.compile(r"\s+of\s+them\b", re.IGNORECASE)
_AGE_MODIFIER = re.compile(r"^(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old$")
_ATTACK_NOUNS = {"attack", "attacks", "assault", "raid", "raids", "ambush", "bombing", "bombings", "offensive",
                 "strike", "strikes", "shelling", "rampage", "uprising", "insurgency", "violence"}
_AGE_WORDS = {"elderly", "old", "aged", "teenage", "retired"}
_PERSON_NOUNS = {"man", "men", "person", "persons"}
# ranks both sides have: the side is that of the people they are counted with
RANKS_OF_EITHER_SIDE = frozenset({"commander", "commanders", "leader", "leaders", "deputy", "deputies"})
_RANK_OF = re.compile(r"\s+of\s+(?:the\s+|a\s+|an\s+)?(?P<words>(?:[\w-]+\s+){0,2}[\w-]+)")
_COLLECTIVE_NOUNS = frozenset({"militia", "army", "police", "military", "security forces", "armed forces", "army and police"})
_ONE_PERSON_DETERMINERS = frozenset({"the", "a", "an", "its", *_POSSESSIVES})


def _share_rank_side(a: SentenceClaim, b: SentenceClaim) -> None:
    """'Three soldiers and their commander': a rank both sides have, named after the people it is
    counted with, is of their side ('A commander and two of his bodyguards' are his, not he theirs)."""
    first, rank = sorted((a, b), key=lambda c: c.number.start)
    if rank.victim_term in RANKS_OF_EITHER_SIDE and first.victim_class not in (None, "mixed_unknown") \
            and first.victim_term not in RANKS_OF_EITHER_SIDE:
        rank.victim_class, rank.nationality_sensitive = first.victim_class, first.nationality_sensitive


def _one_person_before(tokens: list[Token], conjunction: int) -> int | None:
    """The token before 'the groom' / 'a local imam' that ends at `conjunction` ('and'): a
    determiner, at most one modifier and a lowercase noun; None for anything longer or capitalised
    (a name may be a place or a group, not a person)."""
    for width in (1, 2):
        det = conjunction - width - 1
        if det < 1 or tokens[det].low not in _ONE_PERSON_DETERMINERS:
            continue
        words = tokens[det + 1:conjunction]
        if all(t.text.isalpha() and t.text.islower() for t in words):
            return det - 1
    return None
_FAMILY_OF_BEFORE = re.compile(r"\b(?:family|household)\s+of\s+$", re.IGNORECASE)
_FINITE_AUX = {"were", "was", "are", "is", "have", "has", "had", "been"}
_RELATIVE_ADVERBS = {"still", "also", "later", "reportedly", "all", "both", "now", "since", "been", "already"}
_REPORTING_VERBS = {*_SPEECH_VERBS, "claimed", "estimated", "counted", "recorded", "saw", "heard", "believe", "believed",
                    "feared", "fear"}
_INTRANSITIVE_OUTCOMES = {"died", "perished", "drowned", "succumbed"}
# after the wounded's phrase: a headline's present ("Two soldiers wounded in ambush die in hospital"),
# and "expired" as South Asian hospitals and police write died
_DIED_IN_HEADLINES_OR_REPORTS = {"dies", "die", "succumbs", "succumb", "expired"}
_MODALS = {"could", "may", "might", "would", "will", "can", "should", "must", "to"}
_CLAUSE_WORDS = {"and", "or", "but", "after", "before", "when", "while", "because", "until", "although", "though",
                 "whereas", "where", "if", "unless", "whose"}
_PART_CUE_BEFORE = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+them|of\s+whom)\s+$", re.IGNORECASE)
_OWN_VERB = re.compile(r"\b(?:were|was|are|is|have|has|had|remain|remains|remained|fled|escaped|survived)\b", re.IGNORECASE)
# "Police found 23 bodies: 11 in Dora, five in Bayaa and seven in Amil": parts by place
_PLACE_PREP_AFTER = re.compile(r"\s+(?:in|at|near)\s+(?:the\s+)?")
_LIST_OF_PARTS_GAP = re.compile(r"(?:\s+of\s+(?:them|whom))?\s+(?:in|at|near)\s+[^,;.:()]{1,40}?(?:,|\s+and|,\s+and)\s+")
_DETERMINERS = {"the", "a", "an", "'s", "its", *_POSSESSIVES}
_PASSIVE_AUX = {"was", "were", "been", "being", "be", "got", "get"}
# Participles that come before the outcome in a chain: "were ambushed and killed"
_FIRST_PARTICIPLES = {"ambushed", "attacked", "hit", "struck", "targeted", "shot", "stabbed", "captured", "seized",
                      "caught", "trapped", "surrounded", "dragged", "tortured", "beaten", "shelled", "bombed", "lured",
                      "pulled", "taken", "rounded", "lined", "bound", "blindfolded", "ordered", "forced",
                      "stopped", "intercepted", "hacked", "burned", "burnt", "raped", "robbed", "mutilated"}
_THEN_ADVERBS = {"later", "then", "subsequently", "eventually", "finally", "afterwards", "were", "was", "had", "been",
                 "allegedly", "reportedly", "brutally", "summarily"}
_LY_NOUNS = {"family", "families", "assembly", "supply", "italy", "july", "rally", "ally", "anomaly", "melee", "belly",
             "folly", "monopoly", "reply", "tally"}
_NOT_MODIFIERS = _AUX | _PREPOSITIONS | {"and", "or", "but", "a", "an", "the", "than", "were", "was", "had", "people",
                                         "per", "cent", "percent", "times", "km", "years", "days"}
_ED_ADJECTIVES = {"armed", "unarmed", "suspected", "alleged", "unidentified", "retired", "off-duty", "displaced",
                  "detained", "kidnapped", "abducted", "wounded", "injured", "trained", "masked", "hooded", "disguised",
                  "captured", "unarmed", "uniformed", "stranded", "besieged", "trapped", "sleeping", "fleeing"}
# words that say which of a count an outcome noun after them is: "40 further deaths", "two more casualties"
_COUNT_MODIFIERS = {"further", "more", "additional", "new", "other", "fresh", "confirmed", "recorded", "reported",
                    "documented"}
# "a passing civilian", "visiting pilgrims": participles that describe the victims, not an outcome or a verb
_ING_ADJECTIVES = {"passing", "visiting", "travelling", "traveling", "praying", "worshipping", "protesting", "sleeping",
                   "fleeing", "waiting", "working", "serving", "retreating", "neighbouring", "neighboring", "remaining",
                   "fasting", "commuting", "returning"}
_OBJECT_AFTER = re.compile(
    # "killed over the past three months", "succumbed to her injuries two days later" are when, not whom
    r"^\s+(?!over\s+(?:the\s+)?(?:past|last|previous|weekend|week|weeks|month|months|year|years|course|period|night|days|decade)\b)"
    r"(?!(?:a|an|\d+|\w+)\s+(?:minutes?|hours?|days?|weeks?|months?)\s+(?:later|after|afterwards)\b)"
    r"(?:at\s+least\s+|more\s+than\s+|over\s+|some\s+|about\s+|nearly\s+|around\s+|up\s+to\s+)?"
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens|scores|hundreds|"
    r"thousands|several|a|an|the|both|his|their|its|themselves|himself)\b)",
    re.IGNORECASE,
)
_BLOCK_AFTER = re.compile(r"^\s+(?:were|was|had been|have been)\s+(?!killed|wounded|injured|hurt|dead|among)\w+ed\b", re.I)


def _is_number_token(tok: Token) -> bool:
    return tok.text[0].isdigit()


def _is_count_word(low: str) -> bool:
    """'two', '12', 'twenty-two' (not 'seventy-year-old')."""
    return low.replace(",", "").isdigit() or low in UNITS or low in TENS or (
        "-" in low and all(part in UNITS or part in TENS for part in low.split("-")))


# "killed 15 people, seven in Bayaa and eight in Karrada"; "Three were killed on Tuesday and another
# three on Wednesday": a bare number with a place or a day of its own after a figure
_ELLIPTICAL_GAP = re.compile(r"(?:\s+(?:[\w-]+\s+)?(?:in|at|near|on|outside|inside|around)\s+[^,;:.()]{1,60}?)?\s*(?:,|:|,?\s+and)\s*"
                             r"(?:another\s+|a\s+further\s+)?")
_ELLIPTICAL_PLACE_AFTER = re.compile(r"\s+(?:(?:more|others)\s+)?(?:(?:in|at|near|outside|inside|around)\s+(?:the\s+|a\s+|an\s+)?(?:[A-Z]|(?:[\w-]+\s+)?(?:town|city|village|district|province|market|mosque|camp|checkpoint|police|bus|road|area|neighbo))"
                                     r"|(?P<day>on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b))")
_APPOSITION_NOUNS = frozenset({"man", "woman", "person", "father", "mother", "resident", "boy", "girl"})
# verbs whose object is the victim, before a definite or indefinite person ("killing the commander")
_TAKING_VERB = (r"(?:killed|killing|kills|wounded|wounding|injured|injuring|kidnapped|abducted|shot\s+dead|executed|beheaded|"
                r"murdered|assassinated|slaughtered|gunned\s+down)")
_DEFINITE_VICTIM_BEFORE = re.compile(
    r"\b(?:" + _TAKING_VERB + r"|among\s+(?:the\s+)?(?:dead|killed|victims|wounded|injured|casualties)"
    # "The body of the Tal Afar engineer was found": the body tells of a death
    r"\s+(?:was|were)(?:\s+also)?|including|among\s+them|among\s+whom|body\s+of)\s+$", re.IGNORECASE)
# "The commanding officer, a lieutenant colonel, was among the dead": one of a toll, not a recap
# a definite person coordinated with a count: "Three soldiers and their commander were killed",
# "The commander and three soldiers were killed"
_COUNT_WORD = r"\d+|" + COUNT_WORDS
_COUNTED_AND_BEFORE = re.compile(r"\b(?:" + _COUNT_WORD + r")\s+(?:[\w-]+\s+){1,3}and\s+$", re.IGNORECASE)
_PERSON_COMMA_BEFORE = re.compile(r"\b(?:the|" + _POSSESSIVE[3:-1] + r")\s+(?:[\w-]+\s+){0,2}?(?P<noun>[\w-]+),\s+$", re.IGNORECASE)
_LIST_GOES_ON = re.compile(r"[^,.;:]*?\s+(?:and|or)\s+", re.IGNORECASE)


def _apposition_to_a_person(text: str, at: int, gaz: Gazetteer) -> bool:
    """'killed the lieutenant, a veteran officer': the indefinite person after a definite one and a
    comma says who that one was, unless a list goes on ('the commander, a soldier and a child')."""
    before = _PERSON_COMMA_BEFORE.search(text, max(0, at - 60), at)
    return bool(before and (before.group("noun").lower() in gaz.victim_terms or before.group("noun").lower() in _COMPANION_NOUNS)
                and not _LIST_GOES_ON.match(text, at))


# "killing the lieutenant and his driver": one victim an outcome verb took, and one more
_ONE_COUNTED_AND_BEFORE = re.compile(r"\b" + _TAKING_VERB + r"\s+(?:a|an|the)\s+(?:[\w-]+\s+){1,3}and\s+$", re.IGNORECASE)
_AND_A_COUNT_AFTER = re.compile(r"\s*,?\s+and\s+(?:" + _COUNT_WORD + r")\b",
                                re.IGNORECASE)
_AMONG_THE_DEAD_AFTER = re.compile(
    r"[^.;:]{0,60}?\b(?:was|were)\s+(?:also\s+)?among\s+(?:the|those)\s+(?:dead|killed|victims|wounded|injured|casualties|fatalities)\b",
    re.IGNORECASE)
_NAME_PARTICLES = {"al", "al-", "bin", "ibn", "abu", "de", "del", "da", "dos", "van", "von", "el", "ul", "ud"}
_ORDINAL_WORD = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_IMPLICIT = re.compile(r"\b(?P<det>a\s+" + _ORDINAL_WORD + r"|another|one\s+other|a|an|one|both|the|" + _POSSESSIVE[3:-1] + r"|its)\s+(?=[a-z0-9])", re.IGNORECASE)
# "A fourth, a community health worker, was taken": one more person, and who that was
_ORDINAL_APPOSITION = re.compile(r"\b(?P<det>[Aa]\s+" + _ORDINAL_WORD + r"),\s+(?P<who>(?:a|an)\s+[^,;.()]{1,60}),\s+"
                                 r"(?=(?:was|had|has|is|later|died|succumbed)\b)")

# A person told of before, who died of the wounds of the attack: "he died of his wounds at dawn",
# "she later succumbed". Only these forms: "he died in 2010" says nothing of a casualty.
_NAME_WORD = r"[A-Z][a-z][\w'\u2019-]*"
_NAME_PARTICLE = r"(?:al|el|bin|ibn|abu|de|del|van|von|der|da|di|dos)[-\s]"
_NAMED_PERSON = re.compile(
    rf"(?<![\w-])(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_PARTICLE})?{_NAME_WORD}){{1,3}})"
    # an age or an apposition may come between: "Khaled al-Hamwi, 34,", "..., a volunteer with the civil defence,"
    r"(?=(?:(?:,\s+(?:\d{1,3}|(?:a|an|the|known\s+as)\s+[^,;.()\d]{1,80})){1,2},)?\s+(?:was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:killed|shot\s+dead|wounded|injured|murdered|"
    r"assassinated|abducted|kidnapped|executed|beheaded|gunned\s+down|stabbed\s+to\s+death)\b)")
_APPOSITION_AFTER_A_NAME = re.compile(r",\s+(?=(?:a|an)\s)")
_NAME_HEADING_A_TOLL = re.compile(
    r"(?:^\W*(?:Killed|Wounded|Injured)\b[^.;]{0,160}?\s(?:were|was)|\b[Aa]mong\s+the\s+(?:dead|killed|victims|wounded|injured)"
    rf"\s+(?:were|was))\s+(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_PARTICLE})?{_NAME_WORD}){{1,4}})(?=\s*,|\s+and\b)")


def _plural_s(term: str) -> bool:
    """'soldiers', not 'boss': a plural in -s."""
    return term.endswith("s") and not term.endswith("ss")


def _singular(term: str) -> bool:
    """'policeman', 'vendor': one person; 'policemen', 'children', 'police', 'militia': several."""
    return not _plural_s(term) and not term.endswith(
        ("men", "children", "people", "folk", "staff", "police", "personnel", "militia", "troops", "dead", "crew", "youth"))


_BARE_SINGULAR_SUBJECT = re.compile(
    r"(?:^\W*|^[^.;]{0,60}:\s+)(?P<np>(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:killed|shot\s+dead|wounded|injured|hurt|abducted|kidnapped|dies|died|"
    r"succumbs|succumbed|executed|beheaded|murdered|assassinated|gunned\s+down)\b")
_BARE_SINGULAR_AMONG = re.compile(r"(?:^\W*|,\s+)(?P<np>(?:[\w-]+\s+){0,2}?[\w-]+)\s+among\s+(?:dead|wounded|injured)\b")
_BARE_SINGULAR_OBJECT = re.compile(  # case by character class: an IGNORECASE alternation costs twice as much
    r"\b(?:[Kk]ill|[Ww]ound|[Ii]njure|[Kk]idnap|[Aa]bduct|[Bb]ehead)s?\s+"
    r"(?P<np>(?:[\w-]+\s+)?[\w-]+)(?=\s+(?:in|near|at|on|and|,|outside)\b|\s*$|\s*,)")
_IMPLICIT_DETERMINERS = frozenset({"a", "an", "the", *_POSSESSIVES, "its", "one", "another", "both", "he", "she",
                                   "one other"})
_NOT_BARE = frozenset({"a", "an", "the", *_POSSESSIVES, "its", "one", "another", "this", "that", "each", "every",
                       "no", "any", "some", "said", "was", "were", "is", "are"})
_ONE_MORE_NEXT = frozenset({"was", "is", "has", "had", "later", "died", "succumbed", "wounded", "injured", "killed", "dead"})
_ORDINAL_ONE_MORE_NEXT = frozenset({"was", "died", "succumbed", "wounded", "injured", "killed", "dead", "seriously", "critically",
                                    "badly", "slightly", "lightly", "also", ","})
# what may follow "wounded a fourth" when the ordinal is the person ("a second time" is not)
_AFTER_AN_OBJECT = frozenset({",", ".", ";", "near", "in", "at", "and", "on", "outside", "inside", "when", "as", "while",
                              "before", "after", "during"})
_TOOK_ONE_MORE_BEFORE = re.compile(r"\b" + _TAKING_VERB + r"\s+$", re.IGNORECASE)
_NEXT_VICTIMS_GAP = re.compile(r"(?:\s+of\s+(?:the\s+)?(?:[A-Za-z'-]+\s+){0,4}[A-Za-z'-]+(?:\s+\([A-Za-z'-]{1,20}\))?)?"
                               # "Ahmed Ali, a teacher, and two of his pupils": who the first was, between commas
                               r"(?:,\s+(?:a|an)\s+[^,;.()\d]{1,40}(?=,))?"
                               r"\s*(?:,|and|,\s*and)\s*(?:" + _POSSESSIVE + r"\s+)?",
                               re.IGNORECASE)
# "..., with two colleagues", "along with three instructors": a comma before a bare "with" (else
# "wounded with knives" is the means)
_ALONG_WITH_GAP = re.compile(r"(?:\s+[^,;:.()]{0,60}?)?(?:,\s*(?:along\s+|together\s+)?with|\s+(?:along|together)\s+with)\s+",
                             re.IGNORECASE)
_AN_APPOSITION = re.compile(r",\s+(?:a|an)\s+[^,;.()\d]{1,40},")
_OWN_VERB_AFTER = re.compile(r"\s+(?:were|was|are|is|have|had|has)\b")
_LONG_AND_GAP = re.compile(r"[^;:.()\d]{0,100}?,?\s+and\s+")
_ANAPHORIC_VICTIMS = frozenset({"victim", "victims", "deceased", "dead", "slain"})
_TOLD_OBJECT_AFTER = re.compile(r"\s+(?:that\s+|whom\s+)?(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:said|says|claimed|claims)\s+"
                                r"(?:it|they|he|she)\s+(?:had\s+|has\s+|have\s+)?(?P<verb>killed|wounded|injured|abducted|kidnapped)\b",
                                re.IGNORECASE)
# "His elder brother was killed in 2014", "her son was wounded": a relative of someone told of is
# a person of their own (a definite "the driver was wounded" may be one counted before)
_KIN_OUTCOME_AFTER = re.compile(r"\s+(?:was|had\s+been|has\s+been)\s+(?:also\s+)?(?:"
                                r"killed|wounded|injured|shot\s+dead|kidnapped|abducted|hurt)\b", re.IGNORECASE)
# "A policeman and his son were killed": the relative after a person is one more
_A_PERSON_AND_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){1,3}and\s+$", re.IGNORECASE)
_BOTH_OPENING = re.compile(r"^\W*(?P<det>Both(?:\s+of\s+them)?)\s+(?=(?:were|had|have|was|are|later|died|succumbed)\b)")
_PRONOUN_DIED = re.compile(
    r"\b(?P<det>[Hh]e|[Ss]he)\s+(?=(?:later\s+|subsequently\s+|eventually\s+|then\s+)?(?:died|succumbed)\s+"
    r"(?:of|from|to)\s+(?:his|her)\s+(?:wounds|injuries)\b|(?:later|subsequently|eventually)\s+(?:died|succumbed)\b)")

# Relatives and companions named with a possessive form one group with the person before them:
# "a man and his three children were killed" is four, "killing his wife and two daughters" three.
_KIN_NOUNS = frozenset({
    "wife", "wives", "husband", "husbands", "son", "sons", "daughter", "daughters", "child", "children", "baby",
    "brother", "brothers", "sister", "sisters", "nephew", "nephews", "niece", "nieces", "grandson", "grandsons",
    "granddaughter", "granddaughters", "grandchild", "grandchildren", "mother", "father", "grandmother",
    "grandfather", "cousin", "cousins", "uncle", "aunt", "infant", "toddler"})
# people who go with someone: their class is that person's ("the lieutenant and his driver" are two soldiers,
# "a tribal sheikh and three of his guards" four civilians)
_ENTOURAGE_NOUNS = frozenset({"driver", "drivers", "bodyguard", "bodyguards", "guard", "guards", "escort", "escorts",
                              "assistant", "assistants", "aide", "aides", "colleague", "colleagues", "companion", "companions"})
_COMPANION_NOUNS = _KIN_NOUNS | _ENTOURAGE_NOUNS
_OF_HIS_COMPANIONS = re.compile(r"\s+of\s+" + _POSSESSIVE + r"\s+(?:[\w-]+\s+)?(?:" + "|".join(sorted(_COMPANION_NOUNS)) + r")\b",
                                re.IGNORECASE)
_ENTOURAGE_AFTER = re.compile(r"\s+(?:other\s+|of\s+" + _POSSESSIVE + r"\s+)?(?:" + "|".join(sorted(_ENTOURAGE_NOUNS)) + r")\b",
                              re.IGNORECASE)
_FAMILY_AND = re.compile(rf"(?P<np>(?:\s+[\w'-]+){{1,3}}?)(?P<mid>(?:,\s+{_POSSESSIVE}\s+(?:[\w'-]+\s+){{0,2}}?[\w'-]+)*),?\s+and\s+"
                         rf"(?:(?P<poss>{_POSSESSIVE[3:-1]})\s+)?")
_FAMILY_ITEM = re.compile(rf",\s+{_POSSESSIVE}\s+(?:(?P<count>{_COUNT_WORD})\s+)?(?:[\w'-]+\s+)?(?P<kin>[\w'-]+)", re.IGNORECASE)
_OF_HIS = re.compile(r"\s+of\s+" + _POSSESSIVE + r"(?=\s)", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"\b" + _POSSESSIVE + r"\s+$", re.IGNORECASE)
_WORD_AT = re.compile(r"([\w'-]+)(?:\s+([\w'-]+))?")


@dataclass(frozen=True)
class _Group(NumberPhrase):
    """A person and their companions as one count, or one person told of in an apposition ("A
    fourth, a teacher, was killed"); head_term, when set, is the noun whose class the count takes."""
    head_term: str | None = None


def _family_groups(text: str, numbers: list[NumberPhrase], gaz: Gazetteer) -> list[NumberPhrase]:
    """Merge 'a man and his three children' (or 'his two sons and a nephew') into one count; the
    phrase ends before the last noun, so the binder reads its victims and verb as for any count."""
    by_start = {n.start: n for n in numbers}
    merged: list[NumberPhrase] = []
    absorbed_until = -1
    for number in numbers:
        if number.start < absorbed_until:
            continue  # a count inside the group just merged ("his two sons" in "a man, his two sons and ...")
        group = _family_group(text, number, by_start, gaz) if number.qualifier == "exact" else None
        if group is None:
            merged.append(number)
            continue
        end, value, head_term = group
        absorbed_until = end
        merged.append(_Group(number.start, end, text[number.start:end], number.low + value,
                             number.low + value, "exact", head_term=head_term))
    return merged


def _family_group(text: str, number: NumberPhrase, by_start: dict[int, NumberPhrase],
                  gaz: Gazetteer) -> tuple[int, int, str | None] | None:
    """(end of the merged phrase, count added, the noun whose class the group takes if not the last) or None."""
    match = _FAMILY_AND.match(text, number.end)
    if not match:
        return None
    words = match.group("np").split()
    head = words[-1].lower()
    first = gaz.victim_terms.get(head)
    if first is None or any(w.lower() in ("and", "or", "of", "were", "was") for w in words):
        return None
    at = match.end()
    second = by_start.get(at)
    of_his = _OF_HIS.match(text, second.end) if second is not None else None
    possessive = match.group("poss")
    listed = 0  # relatives listed before the "and": "the village chief, his wife and their three children"
    for item in _FAMILY_ITEM.finditer(match.group("mid") or ""):
        count = parse_single(item.group("count")) if item.group("count") else 1
        kin = item.group("kin").lower()
        if not possessive or not count or kin not in _COMPANION_NOUNS or (count == 1 and kin.endswith("s")):
            return None
        listed += count
    # without a possessive after "and", both sides are relatives and the first is someone's:
    # "his two sons and a nephew"; "two policemen and a civilian" stay two figures
    if not possessive and not (head in _KIN_NOUNS and (
            number.text.lower() in _POSSESSIVES or _POSSESSIVE_BEFORE.search(text[:number.start]))):
        return None
    if second is not None:
        if second.qualifier != "exact" or second.low < 1:
            return None
        noun_at, value, end = second.end, second.low, second.end
        if of_his is not None:
            noun_at = of_his.end()  # "his wife and two of his children"
    elif possessive:
        noun_at, value, end = at, 1, match.end("poss")
    else:
        return None
    noun = _WORD_AT.match(text, noun_at + (1 if text[noun_at:noun_at + 1] == " " else 0))
    if not noun:
        return None
    # one modifier may precede the noun: "her teenage son", "his two young daughters"
    kin = noun.group(1).lower()
    if kin not in _COMPANION_NOUNS and noun.group(2):
        kin = noun.group(2).lower()
    allowed = _COMPANION_NOUNS if possessive else _KIN_NOUNS
    if kin not in allowed:
        return None
    if second is None and kin.endswith("s") and kin not in ("boss",):
        return None  # "the commander and his bodyguards": no count
    if possessive and kin in _ENTOURAGE_NOUNS:
        return end, value + listed, head
    second_class = gaz.victim_terms.get(kin, ("civilian", False))[0]
    if "mixed_unknown" not in (first[0], second_class) and second_class != first[0]:
        return None  # "a policeman and his son": different victims, left to the figures themselves
    return end, value + listed, None


def _implicit_numbers(text: str, gaz: Gazetteer) -> list[NumberPhrase]:
    """'a child', 'a policeman', 'both soldiers', 'the commander' as counts (the binder decides if they are claims)."""
    found = [NumberPhrase(m.start(), m.end("det"), m.group("det"), 1, 1, "exact") for m in _PRONOUN_DIED.finditer(text)]
    # "Both had been abducted by armed men": the two told of before
    if (both := _BOTH_OPENING.match(text)) is not None:
        found.append(NumberPhrase(both.start("det"), both.end("det"), both.group("det"), 2, 2, "exact"))
    appositions = set()
    for match in _ORDINAL_APPOSITION.finditer(text):
        who = next((w for w in reversed(re.findall(r"[\w'-]+", match.group("who").lower())) if w in gaz.victim_terms), None)
        found.append(_Group(match.start(), match.end("det"), match.group("det"), 1, 1, "exact", head_term=who))
        appositions.add(match.start("who"))
    # "Fuad al-Shamiri was killed by a sniper's bullet": a person named as the one the outcome befell
    names = [*(_NAMED_PERSON.finditer(text) if " was " in text or " been " in text else ()),
             # "Killed in the attack were Chief Inspector Serkan Yavuz and three constables": a name heading the list
             *(_NAME_HEADING_A_TOLL.finditer(text) if " were " in text or " was " in text else ())]
    for name in names:
        found.append(NumberPhrase(name.start("name"), name.end("name"), name.group("name"), 1, 1, "exact"))
        if (who := _APPOSITION_AFTER_A_NAME.match(text, name.end("name"))) is not None:
            appositions.add(who.end())  # "Ahmed Ali, a teacher, and ...": the teacher is he
    # headline-ese with no article: "Policeman killed in Kirkuk blast", "Gunmen kill policeman in Kirkuk"
    for match in (_BARE_SINGULAR_SUBJECT.match(text), *_BARE_SINGULAR_OBJECT.finditer(text), *(
            _BARE_SINGULAR_AMONG.finditer(text) if " among " in text else ())):
        if match is None:
            continue
        words = tokenize(match.group("np"))
        victim = next((v for k in range(len(words)) if (v := _victim_term(words, k, gaz)) and k + v[0] == len(words)), None)
        if victim and _singular(victim[1]) and words[0].low not in _NOT_BARE:
            found.append(NumberPhrase(match.start("np"), match.end("np"), match.group("np"), 1, 1, "exact"))
    for match in _IMPLICIT.finditer(text):
        tokens = tokenize(text[match.end():match.end() + 40])
        if not tokens:
            continue
        det = match.group("det").lower()
        ordinal = det.startswith("a ")
        if (det in ("another", "one other") and tokens[0].low in _ONE_MORE_NEXT) or (ordinal and (
                tokens[0].low in _ORDINAL_ONE_MORE_NEXT or (
                    _TOOK_ONE_MORE_BEFORE.search(text, max(0, match.start() - 40), match.start())
                    and tokens[0].low in _AFTER_AN_OBJECT))):
            # "A policeman was killed and another was wounded", "two were killed and a third was
            # wounded", "killed three hunters and wounded a fourth": one more person ("a third
            # were women" is a share)
            found.append(NumberPhrase(match.start(), match.end() - 1, match.group("det"), 1, 1, "exact"))
            continue
        if det in ("a", "an") and (match.start() in appositions or _apposition_to_a_person(text, match.start(), gaz)):
            continue
        # allow one modifier: "a young girl", "an Iraqi soldier", "a US soldier", "the groom's father"
        for skip in (0, 1, 2, 3):
            if skip >= len(tokens):
                break
            if skip == 0 and _AGE_MODIFIER.match(tokens[0].low) and det in ("a", "an") and (
                    len(tokens) == 1 or tokens[1].low in (",", ".", ";", "and", "or", "was", "were", ")")):
                # an age as the person: "among them a 16-year-old"
                found.append(NumberPhrase(match.start(), match.end() - 1, match.group("det"), 1, 1, "exact"))
                break
            victim = _victim_term(tokens, skip, gaz)
            if victim and victim[1] == "elder" and skip + 1 < len(tokens) and tokens[skip + 1].low in _KIN_NOUNS:
                continue  # "his elder brother": a modifier of the relative, not a village elder
            if victim:
                term = victim[1]
                one = _singular(term)  # "fishermen", "children": several, though not in -s
                if det == "both" and not one:
                    value = 2
                elif (det in ("a", "an", "one", "the", "another", "its", *_POSSESSIVES) or det.startswith("a ")) and one:
                    value = 1
                elif det in ("a", "an") and victim[0] == 1:
                    continue  # "a Turkmen member": a word of either number, the noun's modifier
                else:
                    break
                # a definite person counts only as the object of an outcome verb or after
                # "among the dead was" ("Among the dead was the village head")
                if det in ("the", "its", *_POSSESSIVES) and not _DEFINITE_VICTIM_BEFORE.search(text[:match.start()]) and not (
                        det == "the" and _AMONG_THE_DEAD_AFTER.match(text[match.end():])) and not (
                        term not in _KIN_NOUNS and (_COUNTED_AND_BEFORE.search(text[:match.start()])
                                                    or _ONE_COUNTED_AND_BEFORE.search(text, max(0, match.start() - 80), match.start()))
                        or term not in _KIN_NOUNS and _AND_A_COUNT_AFTER.match(text, match.end() + tokens[skip + victim[0] - 1].end)) and not (
                        det in _POSSESSIVES and term in _KIN_NOUNS and (
                            _KIN_OUTCOME_AFTER.match(text, match.end() + tokens[skip + victim[0] - 1].end)
                            or _A_PERSON_AND_BEFORE.search(text, max(0, match.start() - 60), match.start()))):
                    break
                if det == "the" and term in _ANAPHORIC_VICTIMS:
                    break  # "The body of the victim was handed to his family": one counted before
                found.append(NumberPhrase(match.start(), match.end() - 1, match.group("det"), value, value, "exact"))
                break
            if skip == 3 or (not tokens[skip].text[0].isalpha() and not _AGE_MODIFIER.match(tokens[skip].low)
                             and not (tokens[skip].low in ("'s", "\u2019s") and det == "the" and skip == 1)) \
                    or _is_count_word(tokens[skip].low):
                break  # "A further two fishermen": the count is the number, not the article
    return found
