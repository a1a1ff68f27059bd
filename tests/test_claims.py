"""Sentence-level claims on sentences written for these tests (varied outlets and shapes)."""

import pytest

from ingest.claims import SentenceAnalyser
from ingest.gazetteer import load

ANALYSER = SentenceAnalyser(load())


def claims(sentence):
    return [(c.outcome, c.number.low, c.number.high, c.number.qualifier) for c in ANALYSER.claims(sentence, [])]


@pytest.mark.parametrize("sentence, expected", [
    # passive and predicate shapes
    ("Seven militants were killed in the raid.", [("killed", 7, 7, "exact")]),
    ("At least 21 soldiers have been killed in Kandahar this month.", [("killed", 21, None, "at_least")]),
    ("Clashes Leave 50 Dead", [("killed", 50, 50, "exact")]),
    ("Kirkuk blast: 12 Reported Dead", [("killed", 12, 12, "exact")]),
    ("Six policemen from a nearby post were missing.", [("missing", 6, 6, "exact")]),
    ("Another 17 men from the village remain missing.", [("missing", 17, 17, "exact")]),
    ("35 to 40 people were reported killed or wounded.", [("killed_or_wounded", 35, 40, "range")]),
    # active shapes
    ("The bombing killed 12 people and wounded 30 others.", [("killed", 12, 12, "exact"), ("wounded", 30, 30, "exact")]),
    ("The US military has lost at least 47 soldiers across the country.", [("killed", 47, None, "at_least")]),
    ("Gunmen kidnapped six engineers on Monday.", [("kidnapped", 6, 6, "exact")]),
    ("An airstrike hurt four policemen.", [("wounded", 4, 4, "exact")]),
    # outcome nouns and tallies
    ('"There were 925 martyrs in the district," he said.', [("killed", 925, 925, "exact")]),
    ("Fatalities: 3", [("killed", 3, 3, "exact")]),
    ("The death toll from Sunday's bombing rose to 41, officials said.", [("killed", 41, 41, "exact")]),
    ("The bodies of 18 men were found in Dora.", [("killed", 18, 18, "exact")]),
    ("Among the dead were four women.", [("killed", 4, 4, "exact")]),
    ("The attack brings to 12 the number of Turkish soldiers killed this year.", [("killed", 12, 12, "exact")]),
    ("US military deaths in January stood at six.", [("killed", 6, 6, "exact")]),
    # implicit counts
    ("A child was killed and three others were wounded.", [("killed", 1, 1, "exact"), ("wounded", 3, 3, "exact")]),
    ("Taliban fighters killed the commander.", [("killed", 1, 1, "exact")]),
    ("Both soldiers died of their wounds.", [("killed", 2, 2, "exact")]),
    # the wounded (or kidnapped) who died: the verb after the noun says what became of them
    ("A wounded soldier died overnight.", [("killed", 1, 1, "exact")]),
    ("One of the wounded children from the market has died.", [("killed", 1, 1, "exact")]),
    ("Two kidnapped engineers were killed by their captors.", [("killed", 2, 2, "exact")]),
    ("Twelve wounded soldiers were flown to Baghdad.", [("wounded", 12, 12, "exact")]),
    # tallies said another way
    ("The toll from the market is now eight.", [("killed", 8, 8, "exact")]),
    ("Police gave the death toll in Sunday's bombing as 31.", [("killed", 31, 31, "exact")]),
    ("The number of martyrs in the city since March reached 47.", [("killed", 47, 47, "exact")]),
    # counts in brackets, as translated Arabic press writes them
    ("(5) civilians were martyred and (9) others were injured.", [("killed", 5, 5, "exact"), ("wounded", 9, 9, "exact")]),
    ("Comments (12) | Share (3)", []),
    # a communique's words for killing and a raid's for abducting need people after them
    ("Its forces destroyed up to 35 enemy soldiers.", [("killed", 35, 35, "up_to")]),
    ("Troops eliminated 20 terrorists in the forest.", [("killed", 20, 20, "exact")]),
    ("Air strikes destroyed 12 tanks and 30 houses.", []),
    ("Gunmen took away at least 32 people from the village.", [("kidnapped", 32, None, "at_least")]),
    # a part cue naming the victims: "Among the civilians killed, 61 were women"
    ("Among the civilians killed, 61 were women and 48 were children.", [("killed", 61, 61, "exact"), ("killed", 48, 48, "exact")]),
    # what else became of people is no part of the dead
    ("The army announced the killing of dozens of militants and the capture of 12 of them.", [("killed", 24, None, "vague")]),
    ("All but four of the 24 passengers died.", [("killed", 20, 20, "exact")]),
    ("A third Marine was wounded.", [("wounded", 1, 1, "exact")]),
    # several claims in one sentence
    ("The clashes left at least 30 people dead and over 400 wounded.",
     [("killed", 30, None, "at_least"), ("wounded", 400, None, "more_than")]),
    ("Two militiamen from one faction and two from its rival were killed.",
     [("killed", 2, 2, "exact"), ("killed", 2, 2, "exact")]),
    ("Seventy-one people died and two dozen were hurt.", [("killed", 71, 71, "exact"), ("wounded", 24, 24, "exact")]),
    # a pronoun for one more person
    ("A policeman was killed and another was critically wounded.", [("killed", 1, 1, "exact"), ("wounded", 1, 1, "exact")]),
    ("One person died and one other was injured.", [("killed", 1, 1, "exact"), ("wounded", 1, 1, "exact")]),
    # the verb before the number says what happened; a noun after it only says who they were
    ("Militants beheaded three hostages.", [("killed", 3, 3, "exact")]),
    ("The kidnappers executed two of the hostages.", [("killed", 2, 2, "exact")]),
    ("Insurgents abducted 12 wounded soldiers from the clinic.", [("kidnapped", 12, 12, "exact")]),
    ("Assailants slaughtered 30 villagers overnight.", [("killed", 30, 30, "exact")]),
    # relatives after a possessive are one group with the person before them (as every gold set
    # codes it); a victim noun for people who work beside troops
    ("Gunmen killed a farmer and his three brothers.", [("killed", 4, 4, "exact")]),
    ("A US soldier and two Iraqi interpreters were killed.", [("killed", 1, 1, "exact"), ("killed", 2, 2, "exact")]),
    ("Blast kills 2, hurts 5 in Quetta", [("killed", 2, 2, "exact"), ("wounded", 5, 5, "exact")]),
    # a comma list joined by "and" before its verb
    ("The figures showed 212 civilians, 88 policemen and 40 soldiers died.",
     [("killed", 212, 212, "exact"), ("killed", 88, 88, "exact"), ("killed", 40, 40, "exact")]),
    ("Of the 300 residents, 88 policemen and 40 soldiers were killed.", [("killed", 88, 88, "exact"), ("killed", 40, 40, "exact")]),
    ("In 2019, 212 people were displaced, 8 policemen and 4 soldiers were killed.",
     [("killed", 8, 8, "exact"), ("killed", 4, 4, "exact")]),
    # idioms of military communiques, hospitals and crime statistics
    ("Eight of our soldiers fell with weapons in hand.", [("killed", 8, 8, "exact")]),
    ("One member of the security forces sacrificed his life and two others were injured.",
     [("killed", 1, 1, "exact"), ("wounded", 2, 2, "exact")]),
    ("Doctors say they treated 412 patients for gunshot wounds.", [("wounded", 412, 412, "exact")]),
    ("The state recorded 469 homicides in the first half of the year.", [("killed", 469, 469, "exact")]),
    ("The army buried more than 1,800 of its fighters in October alone.", [("killed", 1800, None, "more_than")]),
    ("One colleague went missing at a checkpoint.", [("missing", 1, 1, "exact")]),
    ("This brings the number of people who died in hospital to 22.", [("killed", 22, 22, "exact")]),
    ('Officials put the overall death toll at "more than 30".', [("killed", 30, None, "more_than")]),
    ("Two were killed and a third wounded.", [("killed", 2, 2, "exact"), ("wounded", 1, 1, "exact")]),
    # ages between the victims and their verb
    ("Three brothers aged 8, 10 and 13 were killed when the shell exploded.", [("killed", 3, 3, "exact")]),
    ("Two men aged between 20 and 30 were shot dead.", [("killed", 2, 2, "exact")]),
    # lines of a fact box
    ("19 - children killed", [("killed", 19, 19, "exact")]),
    ("1,530 \u2013 civilians killed or injured in October", [("killed_or_wounded", 1530, 1530, "exact")]),
    # the figure compared with: a claim of the same outcome (of another period, or superseded)
    ("At least 312 civilians were killed in May, up from 98 in April.", [("killed", 312, None, "at_least"), ("killed", 98, 98, "exact")]),
    ("The toll rose to 41 from 12 given on Wednesday.", [("killed", 41, 41, "exact"), ("killed", 12, 12, "exact")]),
    # more number and victim shapes
    ("Troops killed a score of insurgents.", [("killed", 20, 20, "exact")]),
    ("Gunmen killed a family of five in Baquba.", [("killed", 5, 5, "exact")]),
    ("The army said it had lost only four men.", [("killed", 4, 4, "exact")]),
    ("Militia sources put the dead at five.", [("killed", 5, 5, "exact")]),
    ("Two Afghan National Army (ANA) soldiers were killed.", [("killed", 2, 2, "exact")]),
    # outcome words the sentence prefilter once missed
    ("Among the victims were four children.", [("killed", 4, 4, "exact")]),
    ("One more soldier succumbed on Friday.", [("killed", 1, 1, "exact")]),
    ("Three firefighters suffered burns.", [("wounded", 3, 3, "exact")]),
    # a casualty tally narrowed by the noun after each number
    ("Casualties included four dead and 19 wounded.", [("killed", 4, 4, "exact"), ("wounded", 19, 19, "exact")]),
    ("The casualty toll stood at 12 dead and 40 wounded.", [("killed", 12, 12, "exact"), ("wounded", 40, 40, "exact")]),
])
def test_claims_found(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Another was arrested at the scene.",
    "Police arrested 30 people, up from 22 the previous week.",
    "The score of 2-1 pleased the visitors.",
    "Troops neutralise 87 terrorists, rescue 62 hostages in one week",
    '"But they can kill ten people on a Tuesday night," he said.',
    "The attackers looted about 200 head of cattle.",
    "The army buried 40 mines along the border.",
    "12 - 4 was the final score, and nobody was hurt.",
    "More than 1,000 soldiers deserted during the fighting.",
    "Police arrested 14 suspects after the attack.",
    "About 2,000 troops were deployed to the city.",
    "Some 10,000 people fled their homes, the UN said.",
    "Amel Salman, 48, a mother of five, said she was worried.",
    "The city of around 350,000 people was calm.",
    "It may cause lots of casualties.",
    "The blast could kill hundreds if the dam fails.",
    "No one was hurt in the explosion.",
    "Two security officials said the attack was over.",
    "The group vowed to kill 100 soldiers.",
    "Three vehicles were destroyed and five weapons seized.",
    "The 2021 election left the country divided.",
    "A reward of $50,000 was offered for the killers.",
])
def test_not_claims(sentence):
    assert claims(sentence) == []


def test_breakdown_in_the_same_sentence():
    found = ANALYSER.claims("A suicide bomber killed 12 people, including five children, at a market.", [])
    assert [(c.number.low, c.shape) for c in found] == [(12, "active"), (5, "breakdown")]
    assert found[1].extras["parent"] is found[0] and found[1].victim_class == "civilian"


def test_copula_breakdown_of_a_total():
    found = ANALYSER.claims("Of the 1,057 people killed, 928 were civilians and 129 were police officers.", [])
    assert [(c.number.low, c.shape, c.victim_class) for c in found] == [
        (1057, "passive", "mixed_unknown"), (928, "breakdown", "civilian"), (129, "breakdown", "security_forces")]


def test_victims_are_carried_over_a_coordination():
    found = ANALYSER.claims("The clashes left at least 30 people dead and over 400 wounded.", [])
    assert [c.victim_term for c in found] == ["people", "people"]


def test_agent_number_is_not_a_victim():
    found = ANALYSER.claims("Two gunmen killed five policemen.", [])
    assert [(c.outcome, c.number.low, c.victim_class) for c in found] == [("killed", 5, "security_forces")]


@pytest.mark.parametrize("sentence, expected", [
    ("Eleven others sustained injuries in the blast.", [("wounded", 11, 11, "exact")]),
    ("The fighting claimed 30 lives in two days.", [("killed", 30, 30, "exact")]),
    ("Gunmen shot and killed three shepherds near Tuz Khurmatu.", [("killed", 3, 3, "exact")]),
    ("The shelling killed two and wounded scores.", [("killed", 2, 2, "exact"), ("wounded", 40, None, "vague")]),
])
def test_more_wire_shapes(sentence, expected):
    assert claims(sentence) == expected


def test_members_take_the_class_of_their_group_not_a_default():
    (claim,) = ANALYSER.claims("Five members of the council were killed when a shell hit their home.", [])
    assert claim.victim_class == "mixed_unknown"
    # a family is civilians (as the notes gold codes "11 members of one family")
    (claim,) = ANALYSER.claims("Five members of one family were killed when a shell hit their home.", [])
    assert claim.victim_class == "civilian"


@pytest.mark.parametrize("sentence, expected", [
    ("Fighting spread across the three countries between Monday 24 and Sunday 30 March, and at least 57 were wounded.",
     [("wounded", 57, None, "at_least")]),
    ("The army carried out more than 1,400 air strikes on towns across the north, and at least 936 civilians were killed.",
     [("killed", 936, None, "at_least")]),
    # a list of people a clause long is still one list
    ("Some 212 civilians, 88 policemen and 40 soldiers died.",
     [("killed", 212, 212, "about"), ("killed", 88, 88, "exact"), ("killed", 40, 40, "exact")]),
])
def test_a_number_with_no_people_after_it_a_clause_away_is_not_a_sibling(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The number of soldiers killed since early 2023 has risen to 231.", [("killed", 231, 231, "exact")]),
    ("Their deaths take the number of British soldiers who have died in Iraq since the 2003 invasion to 162.",
     [("killed", 162, 162, "exact")]),
])
def test_a_tally_may_hold_a_year(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, victim_class", [
    ("A bomber lured day labourers to his minibus with offers of work, killing 16 of them.", "civilian"),
    ("A roadside bomb tore through a truck carrying soldiers to their base, killing three of them.", "security_forces"),
    ("Gunmen stopped a bus and killed four of them.", "mixed_unknown"),  # the gunmen did it; "them" are others
])
def test_n_of_them_are_the_people_named_before(sentence, victim_class):
    (claim,) = ANALYSER.claims(sentence, [])
    assert (claim.victim_class or "mixed_unknown") == victim_class


@pytest.mark.parametrize("sentence, victim_class", [
    ("The death toll from the Kurdish militant attack rose to 12.", "mixed_unknown"),  # the attackers, not the dead
    ("The number of militants killed in the army offensive rose to 40.", "militants"),
    ("The number of soldiers and militiamen killed in the clashes rose to 40.", "mixed_unknown"),  # both sides
    ("The number of soldiers and policemen killed in the clashes rose to 40.", "security_forces"),
])
def test_the_victims_inside_a_tally(sentence, victim_class):
    (claim,) = ANALYSER.claims(sentence, [])
    assert (claim.victim_class or "mixed_unknown") == victim_class


@pytest.mark.parametrize("sentence, victim_class", [
    ("A 67-year-old man was killed when a shell hit his house.", "civilian"),
    ("Shelling killed an elderly man and wounded his son.", "civilian"),
    ("A seventy-year-old man died of his wounds.", "civilian"),
    ("An air strike killed a family of five on Tuesday.", "civilian"),
    ("Gunmen shot dead two men at a checkpoint.", "mixed_unknown"),  # no age: anyone
    ("A 25-year-old soldier was killed by a sniper.", "security_forces"),  # the noun's class wins
])
def test_a_man_described_by_his_age_or_a_family_is_civilian(sentence, victim_class):
    assert ANALYSER.claims(sentence, [])[0].victim_class in ((None, "mixed_unknown") if victim_class == "mixed_unknown"
                                                            else (victim_class,))


def test_a_group_name_inside_the_noun_phrase_is_one_modifier():
    gaz = ANALYSER.gaz
    sentence = "An air strike killed four Kurdistan Workers Party militants and wounded seven, officials said."
    found = ANALYSER.claims(sentence, gaz.mentions(sentence))
    assert [(c.outcome, c.number.low, c.victim_class) for c in found] == [
        ("killed", 4, "militants"), ("wounded", 7, "militants")]


def test_a_may_date_is_not_a_hypothetical():
    assert claims("HALABJA, May 17: Officials said nine soldiers were killed.") == [("killed", 9, 9, "exact")]
    assert claims("The fighting may kill hundreds.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("Two of the wounded succumbed to their injuries overnight.", [("killed", 2, 2, "exact")]),
    ("A 67-year-old man was killed in the shelling.", [("killed", 1, 1, "exact")]),
    ("Eleven gendarmes fell on the field of honour and four others were wounded.",
     [("killed", 11, 11, "exact"), ("wounded", 4, 4, "exact")]),
    ("Killed in the attack were a sergeant and three constables.", [("killed", 1, 1, "exact"), ("killed", 3, 3, "exact")]),
    # a name heading the list; "a teacher" after it says who he was
    ("Killed in the attack were Chief Inspector Serkan Yavuz and three constables.",
     [("killed", 1, 1, "exact"), ("killed", 3, 3, "exact")]),
    ("Among the dead were Ahmed Ali, a teacher, and a student.", [("killed", 1, 1, "exact"), ("killed", 1, 1, "exact")]),
    ("Among the dead were Ahmed Ali, a teacher, and two of his pupils.", [("killed", 1, 1, "exact"), ("killed", 2, 2, "exact")]),
    # a long phrase between the participle and its verb
    ("Killed in an attack on a post of the 56th Brigade in the Daquq district, south of Kirkuk, late on Monday were "
     "three fighters, including a company commander.", [("killed", 3, 3, "exact"), ("killed", 1, 1, "exact")]),
    ("This brings to 2,911 the number of bodies recovered from the old city.", [("killed", 2911, 2911, "exact")]),
    ("A mass grave containing the remains of at least 100 people was found.", [("killed", 100, None, "at_least")]),
])
def test_regional_press_shapes(sentence, expected):
    assert claims(sentence) == expected


def test_lists_of_parts_are_breakdowns():
    found = ANALYSER.claims("A total of 310 people were killed in May: 25 soldiers, 31 policemen and 254 civilians.", [])
    assert [(c.number.low, c.shape, c.victim_class) for c in found] == [
        (310, "passive", "mixed_unknown"), (25, "breakdown", "security_forces"),
        (31, "breakdown", "security_forces"), (254, "breakdown", "civilian")]
    found = ANALYSER.claims("The blast killed 12 people, including five children and three women.", [])
    assert [(c.number.low, c.shape) for c in found] == [(12, "active"), (5, "breakdown"), (3, "breakdown")]


@pytest.mark.parametrize("sentence, expected", [
    ("Of those killed, 928 were civilians and 129 were police officers, the UN said.",
     [("killed", 928, 928, "exact"), ("killed", 129, 129, "exact")]),
    ("The dead included 88 civilians, 31 policemen and 25 soldiers.",
     [("killed", 88, 88, "exact"), ("killed", 31, 31, "exact"), ("killed", 25, 25, "exact")]),
    ('The army said "about 20 terrorists" were killed.', [("killed", 20, 20, "about")]),
    ("He added that a member of the vigilance group sustained gunshot injuries.", [("wounded", 1, 1, "exact")]),
])
def test_tallies_quotes_and_injury_idioms(sentence, expected):
    assert claims(sentence) == expected


def test_people_with_wounds_and_treated_for_injuries_are_wounded():
    assert claims("Nine people with machete wounds were taken to hospital.") == [("wounded", 9, 9, "exact")]
    assert claims("Twelve people were treated for injuries after the blast.") == [("wounded", 12, 12, "exact")]


def test_noun_runs_and_long_tally_phrases():
    found = ANALYSER.claims("Five Amba Boys fighters were killed and scores wounded on Sunday.", [])
    assert [(c.outcome, c.number.low, c.victim_class) for c in found] == [("killed", 5, "militants"), ("wounded", 40, "militants")]
    assert claims("The number of The Resistance Front fighters killed in Friday's raid rose to six.") == [
        ("killed", 6, 6, "exact")]
    # a group name of seven words between "number of" and the outcome
    assert claims("The number of Islamic State of Iraq and Syria fighters killed in the raid rose to seven.") == [
        ("killed", 7, 7, "exact")]


@pytest.mark.parametrize("sentence, victim_class", [
    ("The number of Sons of Iraq militants killed in Tuesday's fighting rose to three.", "militants"),
    ("The number of Imam Ali fighters killed in the raid has risen to five, officials said.", "militants"),
    ("The number of children killed in the blast rose to nine, doctors said.", "civilian"),
    ("The number of police officers wounded in the clashes rose to 14.", "security_forces"),
])
def test_a_tally_phrase_names_its_victims_by_the_head_of_their_noun_phrase(sentence, victim_class):
    (found,) = ANALYSER.claims(sentence, [])
    assert found.victim_class == victim_class


def test_an_agent_before_an_active_verb_is_not_a_victim():
    assert claims("A suicide bomber wearing a vest killed eighty-six civilians.") == [("killed", 86, 86, "exact")]


@pytest.mark.parametrize("sentence, expected", [
    # "N of the M X were killed": N died, M is how many there were
    ("Five of the 30 passengers were killed, police said.", [("killed", 5, 5, "exact")]),
    ("Twelve of the 40 people on board died.", [("killed", 12, 12, "exact")]),
    ("Three out of 12 soldiers at the post were killed.", [("killed", 3, 3, "exact")]),
    ("At least 7 of the 15 miners were killed.", [("killed", 7, None, "at_least")]),
    # but the M are the dead when the outcome word describes them
    ("Five of the 30 wounded were in critical condition.", [("wounded", 30, 30, "exact")]),
])
def test_a_part_of_a_stated_whole(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, low", [
    # numbers that label a unit are part of the victims' noun phrase, not a count or a stop
    ("Two members of Brigade 313 were killed in the clashes.", 2),
    ("Two soldiers of the 93rd Brigade were killed.", 2),
    ("Three fighters from Brigade 313 were killed.", 3),
])
def test_a_unit_number_inside_the_victims_noun_phrase(sentence, low):
    assert [c[1] for c in claims(sentence)] == [low]


@pytest.mark.parametrize("sentence, victim_class", [
    ("The gunman shot dead his three neighbours.", "civilian"),
    ("A car bomb killed four motorists at the junction.", "civilian"),
    ("Two firefighters died when the building collapsed after the strike.", "civilian"),
])
def test_civilian_nouns(sentence, victim_class):
    (found,) = ANALYSER.claims(sentence, [])
    assert found.victim_class == victim_class


@pytest.mark.parametrize("sentence, expected", [
    # a parenthetical between dashes sits between the victims and their verb
    ("At least 13 people - 10 of them children - were killed.", [("killed", 13, None, "at_least"), ("killed", 10, 10, "exact")]),
    ("Thirteen people \u2014 including 10 children \u2014 died in the blast.", [("killed", 13, 13, "exact"), ("killed", 10, 10, "exact")]),
    ("A half-dozen militants were killed in the strike.", [("killed", 6, 6, "exact")]),
])
def test_dashes_and_half_dozens(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # an estimate of what happened is a claim; what may happen is not
    ("As many as 40 people may have been killed, officials fear.", [("killed", 40, 40, "up_to")]),
    ("Some 30 people might have died in the fire.", [("killed", 30, 30, "about")]),
    ("The strike may kill dozens of people, officials warned.", []),
    ("Up to 40 people could be killed if the dam breaks.", []),
])
def test_modal_estimates_and_hypotheticals(sentence, expected):
    assert claims(sentence) == expected


def test_a_death_toll_holds_the_later_figures_of_its_sentence():
    found = ANALYSER.claims("The death toll from Monday's bombing has risen to 70, as the country mourned dozens "
                            "of lawyers killed in the attack.", [])
    assert [(c.number.low, c.breakdown_of) for c in found] == [(70, None), (24, 0)]
    # unless they come on top of it
    found = ANALYSER.claims("The death toll rose to 30 on Monday, and another 12 bodies were found on Tuesday.", [])
    assert [(c.number.low, c.breakdown_of) for c in found] == [(30, None), (12, None)]
    found = ANALYSER.claims("The number of civilians killed was 781, while 166 members of the security forces "
                            "were killed.", [])
    assert [(c.number.low, c.breakdown_of) for c in found] == [(781, None), (166, None)]


@pytest.mark.parametrize("sentence, expected", [
    ("Afghan blast toll hits 50", [("killed", 50, 50, "exact")]),
    ("Militants kill 3 soldiers, wound 7 in Sinai", [("killed", 3, 3, "exact"), ("wounded", 7, 7, "exact")]),
    ("Two bombs kill 5, wound 12 in Kabul", [("killed", 5, 5, "exact"), ("wounded", 12, 12, "exact")]),
    ("The wound 7 inches long was treated.", []),
    ("Gunmen plotted to kill 5 officials in Kabul.", []),
])
def test_headline_verbs_and_plots(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The Taliban killed a district police chief and two of his bodyguards in Kunduz.",
     [(1, "security_forces"), (2, "security_forces")]),
    ("Seven members of one family died when a shell hit their home.", [(7, "civilian")]),
])
def test_titles_and_families(sentence, expected):
    assert [(c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


def test_every_outcome_word_passes_the_prefilters():
    """The sentence prefilter and the article's stem scan must let every trigger word through,
    or a sentence holding only that word is never analysed."""
    from ingest.claims import _ACTIVE_NEEDS_HOSTAGE, ACTIVE_TRIGGERS, NOUN_TRIGGERS, PASSIVE_TRIGGERS, PREFILTER
    from ingest.gazetteer import OUTCOME_STEMS
    for lexicon in (PASSIVE_TRIGGERS, NOUN_TRIGGERS, ACTIVE_TRIGGERS):
        for phrase in lexicon:
            # "took" counts only with the word "hostage" or "captive", which passes for it
            phrase = f"{phrase} hostage" if phrase in _ACTIVE_NEEDS_HOSTAGE else phrase
            assert PREFILTER.search(phrase), phrase
            assert any(stem in phrase for stem in OUTCOME_STEMS), phrase


@pytest.mark.parametrize("text, passes", [
    ("three soldiers were ambushed near the bridge", False),  # "die" inside "soldiers"
    ("the livestock market reopened", False),
    ("the die was cast", True),
    ("a man lost his life", True),
    ("the toll rose", True),
    ("they laid  down\ntheir arms", False),
    ("he laid down his life", True),
])
def test_the_sentence_prefilter_keeps_word_edges(text, passes):
    from ingest.claims import PREFILTER
    assert bool(PREFILTER.search(text)) is passes


def test_parts_in_parentheses_are_breakdowns():
    found = ANALYSER.claims("Violence killed 19 people (11 civilians and eight fighters) on Sunday.", [])
    assert [(c.number.low, c.shape) for c in found] == [(19, "active"), (11, "breakdown"), (8, "breakdown")]
    assert found[1].extras["parent"] is found[0] and found[1].victim_class == "civilian"


@pytest.mark.parametrize("sentence, expected", [
    ("Among the dead was the village head.", [("killed", 1, 1, "exact")]),
    ("Among the wounded were his brother and two guards.", [("wounded", 1, 1, "exact"), ("wounded", 2, 2, "exact")]),
    ("Among the victims was their headman.", [("killed", 1, 1, "exact")]),
])
def test_a_definite_person_after_among_the_dead_counts_one(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Five gunmen, including the commander, were killed.", [("killed", 5, 5, "exact"), ("killed", 1, 1, "exact")]),
    ("Four people were killed, among them the groom's father.", [("killed", 4, 4, "exact"), ("killed", 1, 1, "exact")]),
    ("Six people were wounded, among them a 16-year-old.", [("wounded", 6, 6, "exact"), ("wounded", 1, 1, "exact")]),
])
def test_a_person_after_including_or_among_them_is_one_more_figure(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The village head said the dead were buried on Friday.",
    "Among the mourners was the village head.",
    "The community leaders met on Sunday to discuss 12 projects.",
    "Gunmen, including the commander, stormed the checkpoint.",
    "The delegation, including the groom's father, arrived on Monday.",
])
def test_a_definite_person_outside_an_outcome_is_no_count(sentence):
    assert claims(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Among the dead was a policeman, a man in his forties.", [("killed", 1, 1, "exact")]),
    ("A bomb killed a teacher, a father of three, on Monday.", [("killed", 1, 1, "exact")]),
    ("Gunmen killed a soldier, a man and a child.", [("killed", 1, 1, "exact")] * 3),
])
def test_an_apposition_describes_the_victim_before_it(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Two car bombs killed 15 people, seven near a police station in Bayaa and eight in Karrada.",
     [("killed", 15, 15, "exact"), ("killed", 7, 7, "exact"), ("killed", 8, 8, "exact")]),
    ("Bombs killed nine people at a bus stop in Hurriya, eight in Karrada and seven near a market in Bayaa.",
     [("killed", 9, 9, "exact"), ("killed", 8, 8, "exact"), ("killed", 7, 7, "exact")]),
    ("At least 12 soldiers were wounded, five in Kandahar and seven in Helmand.",
     [("wounded", 12, None, "at_least"), ("wounded", 5, 5, "exact"), ("wounded", 7, 7, "exact")]),
    ("Five soldiers were killed, 20 at the checkpoint were arrested.", [("killed", 5, 5, "exact")]),
    ("Troops killed five militants, 10 km from the border.", [("killed", 5, 5, "exact")]),
])
def test_bare_figures_with_a_place_after_a_figure_share_its_outcome(sentence, expected):
    assert claims(sentence) == expected


def test_bare_figures_adding_up_to_the_figure_before_are_its_parts():
    def parents(sentence):
        found = ANALYSER.claims(sentence, [])
        return [(c.number.low, c.extras["parent"].number.low if "parent" in c.extras else None) for c in found]
    assert parents("Two car bombs killed 15 people, seven in Bayaa and eight in Karrada.") == [
        (15, None), (7, 15), (8, 15)]
    assert parents("Bombs killed nine people in Hurriya, eight in Karrada and seven in Bayaa.") == [
        (9, None), (8, None), (7, None)]


@pytest.mark.parametrize("sentence, expected", [
    ("At least 41 civilians were wounded this week, up from 29 civilians killed the week before.",
     [("wounded", 41, None, "at_least"), ("killed", 29, 29, "exact")]),
    ("312 civilians were killed in May, up from 98 civilians in April.",
     [("killed", 312, 312, "exact"), ("killed", 98, 98, "exact")]),
])
def test_a_compared_figure_keeps_an_outcome_word_of_its_own(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Three soldiers who were guarding the bridge were killed.", [("killed", 3, 3, "exact")]),
    ("Five people who fled into the bush are still missing.", [("missing", 5, 5, "exact")]),
    ("Two girls who had gone to fetch water were abducted.", [("kidnapped", 2, 2, "exact")]),
    ("Four policemen who died in the blast were buried on Tuesday.", [("killed", 4, 4, "exact")]),
    ("Two witnesses who saw the attack were questioned.", []),
    ("Two men who killed three soldiers were arrested.", [("killed", 3, 3, "exact")]),
])
def test_a_relative_clause_between_victims_and_verb(sentence, expected):
    assert claims(sentence) == expected


def test_a_relative_clause_does_not_reach_the_verb_of_another_subject():
    assert claims("A police officer who asked not to be named said more than 8 people were wounded.") == [
        ("wounded", 8, None, "more_than")]
    assert claims("A doctor who treated the victims said several people were injured.")[0][:2] != ("wounded", 1)


@pytest.mark.parametrize("sentence, expected", [
    ("At least 48 journalists and media workers have been killed since 2015.", [("killed", 48, None, "at_least")]),
    ("Five soldiers and three civilians were killed.", [("killed", 5, 5, "exact"), ("killed", 3, 3, "exact")]),
    ("Two soldiers and a civilian were wounded.", [("wounded", 2, 2, "exact"), ("wounded", 1, 1, "exact")]),
    ("A farmer, 54, was wounded.", [("wounded", 1, 1, "exact")]),
    ("A sixth person, a 15-year-old girl, was wounded.", [("wounded", 1, 1, "exact")]),
    ("A security guard at the parish was shot and wounded.", [("wounded", 1, 1, "exact")]),
    ("Two officers, a spokesman said, were questioned.", []),
])
def test_two_victim_nouns_ages_and_appositions_before_the_verb(sentence, expected):
    assert claims(sentence) == expected


def test_a_toll_phrase_may_hold_a_date():
    assert claims("That brought the death toll since the war began on Oct. 7 to 38,713, the ministry said.") == [
        ("killed", 38713, 38713, "exact")]


@pytest.mark.parametrize("sentence, expected", [
    ("A man and his three children were killed when the shell hit their home.", [("killed", 4, "civilian")]),
    ("The strike killed a farmer and his brother, residents said.", [("killed", 2, "civilian")]),
    ("Gunmen kidnapped a teacher and his driver near Tarmiya.", [("kidnapped", 2, "civilian")]),
    ("A woman and her two daughters were wounded.", [("wounded", 3, "civilian")]),
    ("He lost his two sons and a brother in the raid.", [("killed", 3, "civilian")]),
    ("Two civilians, a woman and her son, were also killed.", [("killed", 2, "civilian")]),
    # no possessive: two figures, as ANNOTATION.md's "two from AAH"
    ("Two policemen and a civilian were wounded.", [("wounded", 2, "security_forces"), ("wounded", 1, "civilian")]),
    # no count for the plural: the commander alone
    ("The gunmen killed the commander and his bodyguards.", [("killed", 1, "militants")]),
    # who goes with someone takes that one's class: an officer's driver, a sheikh's guard
    ("The bomb killed the lieutenant and his driver.", [("killed", 2, "security_forces")]),
    ("Gunmen shot dead a tribal sheikh and his guard.", [("killed", 2, "civilian")]),
    ("A journalist and his colleague were wounded.", [("wounded", 2, "civilian")]),
    # a relative of another class after a person: two figures, not none
    ("A policeman and his son were killed in Mosul.", [("killed", 1, "security_forces"), ("killed", 1, "civilian")]),
])
def test_relatives_named_with_a_possessive_are_one_group(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Three soldiers were ambushed and killed near Baiji on Sunday.", [("killed", 3, 3, "exact")]),
    ("A boy was hit by a stray bullet and wounded in Sadr City.", [("wounded", 1, 1, "exact")]),
    ("Two civilians were struck by shrapnel and later died.", [("killed", 2, 2, "exact")]),
    # what became of the victims is the outcome: abducted, then killed
    ("Two policemen were abducted and later killed by gunmen.", [("killed", 2, 2, "exact")]),
    ("Four people were wounded and subsequently died in hospital.", [("killed", 4, 4, "exact")]),
    # a chain ending in no outcome keeps the first outcome, or none
    ("Eighty villagers were abducted and taken into the forest.", [("kidnapped", 80, 80, "exact")]),
    ("Three journalists were attacked and robbed on the road.", []),
    ("Two men were captured and handed over to the police.", []),
    ("Eleven villagers were shot or burned to death in their homes.", [("killed", 11, 11, "exact")]),
    # only "and" says what became of them: "kidnapped or killed" is not a killing
    ("Three people were kidnapped or killed.", [("kidnapped", 3, 3, "exact")]),
])
def test_an_outcome_after_a_chain_of_participles(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Six soldiers were ambushed near the bridge, and two were killed.", [("killed", 2, 2, "exact")]),
    ("Nine workers were evacuated and three were wounded.", [("wounded", 3, 3, "exact")]),
    # no verb of its own: the first number shares the second's verb
    ("Two soldiers from the army and three from the police were wounded.", [("wounded", 2, 2, "exact"), ("wounded", 3, 3, "exact")]),
])
def test_a_number_with_a_verb_of_its_own_does_not_share_the_next(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Six soldiers were ambushed near the bridge, and two were killed.", [("killed", 2, "security_forces")]),
    ("Fourteen miners remain trapped and two have been confirmed dead.", [("killed", 2, "civilian")]),
    ("Eight people, five of them women, died when their bus hit a mine.", [("killed", 8, "mixed_unknown"), ("killed", 5, "civilian")]),
    ("A mine killed eight people, five of whom were women.", [("killed", 8, "mixed_unknown"), ("killed", 5, "civilian")]),
    ("Twelve people were wounded, three of them were police officers.", [("wounded", 12, "mixed_unknown"), ("wounded", 3, "security_forces")]),
])
def test_a_bare_number_after_a_group_with_its_own_verb_is_part_of_it(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


def test_a_part_after_including_is_not_coordinated_with_the_next_figure():
    found = ANALYSER.claims("Four displaced people were killed, including two children, and 15 people were kidnapped.", [])
    assert [(c.outcome, c.number.low, c.breakdown_of) for c in found] == [("killed", 4, None), ("killed", 2, 0), ("kidnapped", 15, None)]


@pytest.mark.parametrize("sentence, expected", [
    ("A shopkeeper was shot dead in the market.", [("killed", 1, "civilian")]),
    ("Among the dead was a sub-leader of the group.", [("killed", 1, "militants")]),
    ("A border guard was wounded.", [("wounded", 1, "security_forces")]),
    ("Gunmen abducted a pastor and two seminarians.", [("kidnapped", 1, "civilian"), ("kidnapped", 2, "civilian")]),
    ("A village leader was killed.", [("killed", 1, "civilian")]),
])
def test_singular_victim_nouns(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("A soldier, Sepoy Karim Baig, 24, was martyred.", [("killed", 1, "security_forces")]),
    ("A policeman, Hadi Kareem, was shot dead outside his home.", [("killed", 1, "security_forces")]),
    ("Three soldiers, Basra police said, were killed.", [("killed", 3, "security_forces")]),
    ("Two teachers, the AP reported, were wounded.", [("wounded", 2, "civilian")]),
    # a name and a reporting verb do not make a claim of an unhurt person
    ("Two soldiers, Karim said, were not hurt.", []),
])
def test_a_name_or_a_source_between_the_victims_and_the_verb(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The commanding officer, a lieutenant colonel, was among the dead.", [("killed", 1, "security_forces")]),
    ("The driver was also among those killed.", [("killed", 1, "civilian")]),
    # a definite person as the subject of an outcome is a recap of someone already counted
    ("The soldier was killed instantly.", []),
])
def test_a_definite_person_among_the_dead_is_one(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Gunmen killed the village chief, his wife and their three children.", [("killed", 5, "civilian")]),
    ("A farmer, his two sons and his nephew were killed.", [("killed", 4, "civilian")]),
    ("A teacher, his wife, and his daughter were wounded.", [("wounded", 3, "civilian")]),
    # a list without possessives stays one figure per noun phrase
    ("A policeman, a man and a child were killed.", [("killed", 1, "security_forces"), ("killed", 1, "mixed_unknown"),
                                                     ("killed", 1, "civilian")]),
])
def test_a_listed_family_is_one_group(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("A suicide bomber blew himself up among mourners, killing himself and 18 others.", [("killed", 18, 18, "exact")]),
    ("The army said it had killed 'dozens of terrorists'.", [("killed", 24, None, "vague")]),
])
def test_the_bomber_himself_and_quoted_figures(sentence, expected):
    assert claims(sentence) == expected


def test_a_captured_soldier_is_a_soldier():
    assert [c.victim_class for c in ANALYSER.claims("Rebels executed 12 captured soldiers.", [])] == ["security_forces"]


@pytest.mark.parametrize("sentence, expected", [
    # a participle that describes the victims
    ("A passing civilian also died in the blast.", [(1, "civilian")]),
    ("The bomb killed 12 visiting pilgrims near the shrine.", [(12, "civilian")]),
    # a verb after the number is no modifier
    ("The bomb killed 12 people, wounding many more.", [(12, "mixed_unknown")]),
    ("One member of the security forces died in the attack.", [(1, "security_forces")]),
])
def test_victims_described_by_a_participle_or_a_singular_term(sentence, expected):
    assert [(c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("A mine exploded and a shepherd lost both legs near the border.", [(1, "wounded", "civilian")]),
    ("Two children lost limbs in the blast, doctors said.", [(2, "wounded", "civilian")]),
    ("Three of the wounded had their legs amputated.", [(3, "wounded", None)]),
    ("The club lost a hand of cards.", []),
    # a pronoun for a person told of before, only in the forms that report a casualty
    ("A sniper shot the young man Ali Hassan, 22, and he died of his wounds at dawn.", [(1, "killed", None)]),
    ("A sniper shot a farmer in the market, and he died of his wounds at dawn.", [(1, "killed", "civilian")]),  # one person
    ("She later succumbed in hospital.", [(1, "killed", None)]),
    ("He died in 2010 after a long illness.", []),
    # a time after an intransitive outcome is when, not whom
    ("A woman succumbed to her injuries two days later.", [(1, "killed", "civilian")]),
    # the wounded who died are counted as killed, also after a phrase of where
    ("A policeman was wounded in the attack on the checkpoint and later died in hospital.", [(1, "killed", "security_forces")]),
    ("Two soldiers were wounded in an ambush and three militants were killed.",
     [(2, "wounded", "security_forces"), (3, "killed", "militants")]),
])
def test_wounds_and_later_deaths(sentence, expected):
    assert [(c.number.low, c.outcome, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Civilian deaths rose to 412 in 2015.", [(412, "civilian", "toll")]),
    ("Civilian casualties fell to 300 in May from 412 in April.", [(300, "civilian", "toll"), (412, "civilian", "comparison")]),
    ("Civilian deaths rose to 412 in 2023 from 287 the year before.", [(412, "civilian", "toll"), (287, "civilian", "comparison")]),
])
def test_a_tally_noun_takes_its_victims_from_before_it(sentence, expected):
    assert [(c.number.low, c.victim_class, c.shape) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Medics reported up to 40 further deaths in the city.", [("killed", 40, 40, "up_to")]),
    ("The ministry recorded 12 more fatalities overnight.", [("killed", 12, 12, "exact")]),
    ("Rescuers counted two additional casualties.", [("killed_or_wounded", 2, 2, "exact")]),
    # the word needs an outcome noun after it
    ("Officials said 40 more people were arrested.", []),
    ("He has 40 more days in office.", []),
])
def test_a_count_word_before_an_outcome_noun(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The monitor could not verify reports of 40 deaths in the town.", [("killed", 40, 40, "exact")]),
    ("Police could not independently confirm that 12 people were killed.", [("killed", 12, 12, "exact")]),
    ("The blast could have killed 40 people.", []),
    ("The militants could kill dozens of hostages, officials warned.", []),
])
def test_an_unverified_figure_is_a_claim_a_hypothetical_one_is_not(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Three soldiers wounded in the ambush died a week later.", [("killed", 3, 3, "exact")]),
    # a place and its province between commas; "expired" as South Asian hospitals say died
    ("Two more soldiers wounded in the ambush in Shariff Aguak, Maguindanao del Sur, died on Thursday.",
     [("killed", 2, 2, "exact")]),
    ("Three policemen injured in the blast expired in hospital.", [("killed", 3, 3, "exact")]),
    ("Two soldiers wounded in the ambush die in hospital", [("killed", 2, 2, "exact")]),  # a headline's present
    # what may yet befall them is not what did
    ("Two soldiers wounded in the attack could die, doctors said.", [("wounded", 2, 2, "exact")]),
    ("Two soldiers wounded in the attack may have died.", [("wounded", 2, 2, "exact")]),
    ("Two soldiers wounded in the ambush in Basra, Iraq, were flown to Baghdad.", [("wounded", 2, 2, "exact")]),
    ("A boy wounded in Sunday's roadside bomb attack on a minibus near Hawija died of his injuries.",
     [("killed", 1, 1, "exact")]),
    ("Four people injured in Tuesday's bombing have died, officials said.", [("killed", 4, 4, "exact")]),
    ("A child wounded in the shelling later succumbed.", [("killed", 1, 1, "exact")]),
    # the wounded who were only treated, or a death in another clause, stay wounded
    ("Three soldiers wounded in the ambush were taken to hospital.", [("wounded", 3, 3, "exact")]),
    ("Two policemen wounded in the blast, which killed a driver, died.", [("wounded", 2, 2, "exact"), ("killed", 1, 1, "exact")]),
])
def test_the_wounded_of_a_reduced_relative_who_died(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # an unknown first person does not hide the counted people after it
    ("Gunmen stormed a wedding party, killing the groom and five guests.", [("killed", 5, 5, "exact")]),
    ("A sniper killed a young apprentice and two shoppers.", [("killed", 2, 2, "exact")]),
    # a known first person is a figure of its own
    ("Gunmen killed an imam and three worshippers.", [("killed", 1, 1, "exact"), ("killed", 3, 3, "exact")]),
    ("A bomb killed a bride and four wedding guests.", [("killed", 1, 1, "exact"), ("killed", 4, 4, "exact")]),
    # without people after the number the verb does not reach it
    ("Militants killed the engine and five.", []),
])
def test_an_outcome_verb_reaches_a_number_after_one_person(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The death toll from Sunday's bombing in Karrada, a mainly Shi'ite district, rose to 292, the health ministry said.",
     [("killed", 292, None)]),
    ("The death toll from a car bomb at a checkpoint near Afgooye, 30 km north-west of Mogadishu, rose to 15 on Tuesday.",
     [("killed", 15, None)]),
    # the aside names the source, not the victims
    ("The toll, police said, was 12.", [("killed", 12, None)]),
    ("The toll among soldiers, the army said, was 12.", [("killed", 12, "security_forces")]),
    # a sentence break still ends the toll phrase
    ("The toll was not given. Officials, speaking on condition of anonymity, said 30 were arrested.", []),
])
def test_a_toll_phrase_may_hold_an_aside_between_commas(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("As of 18:00, 5 people are known to have been killed.", [("killed", 5, 5, "exact")]),
    ("Ten villagers are presumed dead.", [("killed", 10, 10, "exact")]),
    ("Some 40 people are estimated to have died.", [("killed", 40, 40, "about")]),
])
def test_a_hedging_participle_between_the_victims_and_the_outcome(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ('Government commanders say they have lost "hundreds" of soldiers since September.', [("killed", 200, "security_forces")]),
    ('The army said it had killed "dozens" of militants.', [("killed", 24, "militants")]),
    ('The group said it had killed "15" soldiers.', [("killed", 15, "security_forces")]),
])
def test_a_quoted_number_keeps_the_victims_after_the_quote(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Seven people, all civilians, were killed.", [("killed", 7, "civilian")]),
    ("Gunmen executed 11 men, most of them farmers, in the village.", [("killed", 11, "civilian")]),
    ("The blast killed 12 people, mostly soldiers, in the city.", [("killed", 12, "security_forces")]),
    # an apposition that names no victims leaves them unknown
    ("Seven people, all from one family, were killed.", [("killed", 7, "mixed_unknown")]),
])
def test_an_apposition_of_all_or_most_of_them_names_the_victims(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence", [
    "In 2014, 500 people died in the floods.",
    "Twelve people were killed in a road accident near Kirkuk.",
    "At least 30 people died of cholera in the camp.",
    "An earthquake killed 2,000 people.",
    "Heavy rains killed 14 people and injured 20.",
    "Six children drowned in the river.",
])
def test_deaths_of_a_cause_outside_armed_violence_are_no_claims(sentence):
    assert claims(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("Six children drowned while fleeing the shelling.", [("killed", 6, 6, "exact")]),
    ("Both pilots died when the helicopter came under fire and crashed.", [("killed", 2, 2, "exact")]),
    ("Floods killed 12 people, and a roadside bomb killed three soldiers.", [("killed", 12, 12, "exact"), ("killed", 3, 3, "exact")]),
])
def test_a_sentence_that_also_names_violence_keeps_its_claims(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a definite person coordinated with a count is one more
    ("Three soldiers and their commander were killed.", [(3, "security_forces"), (1, "security_forces")]),
    ("Three soldiers and the commander were killed.", [(3, "security_forces"), (1, "security_forces")]),
    ("Gunmen killed three soldiers and their commander.", [(3, "security_forces"), (1, "security_forces")]),
    ("The driver and two passengers were killed.", [(1, "civilian"), (2, "civilian")]),
    # a group named after "and the" is part of the victims' noun phrase
    ("At least 19 members of the security forces and the militia have been killed.", [(19, "security_forces")]),
    # not coordinated with the count: no figure
    ("The commander said three soldiers were killed.", [(3, "security_forces")]),
    ("Three soldiers were killed and the commander was arrested.", [(3, "security_forces")]),
])
def test_a_definite_person_or_group_coordinated_with_a_count(sentence, expected):
    assert [(c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Two soldiers among 9 killed in ambush", [(2, "breakdown", 1), (9, "noun", None)]),
    ("Two soldiers were among the 9 people killed in the ambush.", [(2, "breakdown", 1), (9, "passive", None)]),
    ("Three children among 20 dead in Mosul blast", [(3, "breakdown", 1), (20, "noun", None)]),
    # among people not counted as casualties: no claim
    ("Two soldiers among 9 arrested.", []),
])
def test_people_among_the_figure_after_them_are_its_part(sentence, expected):
    assert [(c.number.low, c.shape, c.breakdown_of) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Fuad al-Shamiri was killed by a sniper's bullet on Monday.", [("killed", 1, None)]),
    ("The cameraman Nabil Saif, 29, was wounded.", [("wounded", 1, "civilian")]),
    ("Colonel Ahmed Ali was killed in the ambush.", [("killed", 1, "security_forces")]),
    # an apposition between the name and the verb
    ("Khaled al-Hamwi, a volunteer with the civil defence, was killed on Monday.", [("killed", 1, None)]),
    ("Omar Ahmed, a spokesman for the governor, was arrested.", []),
    # a name that something else befell, or a capitalised word that names no one
    ("Omar Ahmed was arrested.", []),
    ("Last Sunday was quiet, but 5 people were killed on Monday.", [("killed", 5, "mixed_unknown")]),
])
def test_a_named_person_as_the_one_the_outcome_befell(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Policeman killed in Kirkuk blast", [("killed", 1, "security_forces")]),
    ("Srinagar grenade attack: Injured vendor succumbs at SMHS", [("killed", 1, "civilian")]),
    ("Gunmen kill policeman in Kirkuk", [("killed", 1, "security_forces")]),
    # a plural or collective noun is no count of one
    ("Policemen killed in Kirkuk blast", []),
    ("Police killed in Kirkuk", []),
])
def test_a_headlines_bare_singular_noun_is_one(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    # "two of them police constables" is a part of the killed, not a figure of the injured after it
    ("At least seven people were killed, two of them police constables, and 18 others injured.",
     [("killed", 7, "passive"), ("killed", 2, "breakdown"), ("wounded", 18, "passive")]),
    # an age bound of people counted is no count
    ("We received dozens of wounded, most of them under 25.", [("wounded", 24, "noun")]),
    ("Twelve were wounded, all of them over 60.", [("wounded", 12, "passive")]),
    ("The wounded were over 30, officials said.", [("wounded", 30, "toll")]),
])
def test_a_part_after_a_figure_and_an_age_bound_of_its_people(sentence, expected):
    assert [(c.outcome, c.number.low, c.shape) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Fighting left 8 soldiers and 20 rebels dead.", [(8, "security_forces"), (20, "militants")]),
    ("Police found 4 men and 2 women dead.", [(4, "mixed_unknown"), (2, "civilian")]),
    # an outcome word between them is each one's own
    ("Clashes left 8 soldiers dead and 20 rebels wounded.", [(8, "security_forces"), (20, "militants")]),
])
def test_victims_joined_before_an_outcome_word_after_them(sentence, expected):
    assert [(c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Twelve people were treated for shrapnel wounds.", [("wounded", 12, 12, "exact")]),
    ("Five civilians were treated for burns after the attack.", [("wounded", 5, 5, "exact")]),
    ("Five civilians were taken to hospital with burns.", [("wounded", 5, 5, "exact")]),
    ("Eight people were rushed to hospital with gunshot wounds.", [("wounded", 8, 8, "exact")]),
    # no wound named: no claim
    ("Eight people were rushed to hospital.", []),
    ("Three people were treated for shock.", []),
])
def test_people_treated_or_taken_to_hospital_with_a_wound(sentence, expected):
    assert claims(sentence) == expected



@pytest.mark.parametrize("sentence, expected", [
    ("Bandits took 30 villagers hostage.", [("kidnapped", 30, "civilian")]),
    ("Unknown gunmen snatched three engineers.", [("kidnapped", 3, "civilian")]),
    # taken somewhere, or things snatched: no claim
    ("The convoy took 30 soldiers to the front.", []),
    ("Gunmen snatched 2 bags.", []),
])
def test_people_taken_hostage_or_snatched_are_kidnapped(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


def test_shares_of_a_total_by_place():
    found = ANALYSER.claims("Burkina Faso accounted for 71 of the dead, Mali for 44 and Niger for 28.", [])
    assert [(c.outcome, c.number.low, bool(c.extras.get("part_cue"))) for c in found] == [
        ("killed", 71, True), ("killed", 44, True), ("killed", 28, True)]
    assert ANALYSER.claims("He thanked them for 20 years of service.", []) == []


@pytest.mark.parametrize("sentence, expected", [
    ("The count does not include militants killed by the security forces, whom the Ministry of Defence put at 260.",
     [("killed", 260, "militants")]),
    ("The ministry counted civilians wounded in the shelling, which it put at 40.", [("wounded", 40, "civilian")]),
    ("He met the men, whom he put at ease.", []),
])
def test_a_relative_clause_that_puts_a_figure_on_the_victims(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("A boy, 11, lost a leg.", [("wounded", 1, "civilian")]),
    ("A farmer, 54, lost both legs in the blast.", [("wounded", 1, "civilian")]),
    ("A soldier, 24, lost his rifle.", []),
])
def test_an_age_between_commas_before_a_lost_limb(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The whereabouts of 5 aid workers are unknown.", [("missing", 5, 5, "exact")]),
    ("The whereabouts of the two journalists remain unknown.", [("missing", 2, 2, "exact")]),
])
def test_people_whose_whereabouts_are_unknown_are_missing(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The shelling resulted in the martyrdom of three citizens and the injury of five others.",
     [("killed", 3, 3, "exact"), ("wounded", 5, 5, "exact")]),
    ("He suffered an injury of the leg.", []),
])
def test_the_martyrdom_and_the_injury_of_people(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("At least 30 people, and possibly as many as 50, were killed.", [("killed", 30, 50, "range")]),
    ("Some 12 civilians, but perhaps as many as 20, died.", [("killed", 12, 20, "range")]),
    # a figure of another outcome is not a hedged top
    ("At least 30 people were killed and possibly as many as 50 wounded.", [("killed", 30, None, "at_least"), ("wounded", 50, 50, "up_to")]),
])
def test_a_hedged_top_between_the_victims_and_their_verb(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Twelve Maoists, half of them women, were killed in an encounter.", [("killed", 12, 12, "exact"), ("killed", 6, 6, "exact")]),
    ("Gunmen killed 9 villagers, a third of them children.", [("killed", 9, 9, "exact"), ("killed", 3, 3, "exact")]),
    ("Up to 30 raiders were killed as residents pursued them.", [("killed", 30, 30, "up_to")]),
    ("Police arrested 12 men, half of them foreigners.", []),
])
def test_a_share_of_the_victims_is_their_part(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("A further two fishermen were kidnapped on Wednesday.", [("kidnapped", 2, 2, "exact")]),
    ("Both men were killed.", [("killed", 2, 2, "exact")]),
    ("Gunmen killed a Turkmen member of the council.", [("killed", 1, 1, "exact")]),
    ("The strike hit a post, killing and wounding at least 12 soldiers.", [("killed_or_wounded", 12, None, "at_least")]),
    ("The number of dead could be as high as nine.", [("killed", 9, 9, "up_to")]),
    ("Temperatures could be as high as 45 degrees.", []),
    ("Four of the victims were brought in dead.", [("killed", 4, 4, "exact")]),
    ("Thirty people died and more than 120 were being treated in hospitals.",
     [("killed", 30, 30, "exact"), ("wounded", 120, None, "more_than")]),
    ("3 soldiers were killed and 2 others were taken away by the attackers.",
     [("killed", 3, 3, "exact"), ("kidnapped", 2, 2, "exact")]),
    # a noun in -ing after its article inside the victims' phrase
    ("11 residents of the building are still unaccounted for.", [("missing", 11, 11, "exact")]),
    ("Twelve guests at the wedding were killed.", [("killed", 12, 12, "exact")]),
])
def test_more_number_and_outcome_shapes_of_many_outlets(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a part after a number that counts nothing ("the two blasts") is still a part of the figure before
    ("It says 19 people were killed in the two blasts, three of them children, and 52 others were wounded.",
     [("killed", 19, 19, "exact"), ("killed", 3, 3, "exact"), ("wounded", 52, 52, "exact")]),
    # one more person after a victim an outcome verb took; an apposition says who one was
    ("The bomb exploded, killing a policeman and his driver.", [("killed", 2, 2, "exact")]),
    ("The blast killed the lieutenant, a veteran officer.", [("killed", 1, 1, "exact")]),
    ("Gunmen killed the commander, a soldier and a child.", [("killed", 1, 1, "exact")] * 3),
    ("In the city, a policeman was killed.", [("killed", 1, 1, "exact")]),
    ("The committee recorded 44 security-force deaths.", [("killed", 44, 44, "exact")]),
])
def test_parts_companions_and_appositions(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Among the dead was also a baby, aged eight months.", [("killed", 1, 1, "exact")]),
    ("Among the dead were also two children.", [("killed", 2, 2, "exact")]),
    # a clause with no verb after a comma
    ("Shelling killed 417 civilians and wounded 1,290 this year, among the dead 96 children.",
     [("killed", 417, 417, "exact"), ("wounded", 1290, 1290, "exact"), ("killed", 96, 96, "exact")]),
    ("Among the victims, killed with machetes and guns, are 11 women, he said.", [("killed", 11, 11, "exact")]),
    ("Both had been abducted by armed men on Monday.", [("kidnapped", 2, 2, "exact")]),
    ("Both were teachers.", []),
])
def test_among_the_dead_and_both_of_them(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # a relative of someone told of is a person of their own; a definite "the driver" may be one counted before
    ("His son was wounded in the raid, the farmer said.", [("wounded", 1, 1, "exact")]),
    ("Her husband was also killed.", [("killed", 1, 1, "exact")]),
    ("The driver was wounded in the raid.", []),
    ("His son was 12 and had just finished school.", []),
    ("His elder brother was killed in 2014.", [("killed", 1, 1, "exact")]),  # "elder" of a relative, no village elder
    # a witness's own relatives
    ("My son was wounded in the raid.", [("wounded", 1, 1, "exact")]),
    ("Gunmen abducted my wife and two of my sons.", [("kidnapped", 3, 3, "exact")]),
    ("They killed our father.", [("killed", 1, 1, "exact")]),
    ("I sold my car and my house.", []),
])
def test_a_relative_as_the_subject_of_an_outcome(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # more victims of the same outcome after "along with" or ", with"; colleagues share the class
    ("A police officer was shot dead at a checkpoint, with two colleagues.",
     [("killed", 1, "security_forces"), ("killed", 2, "security_forces")]),
    ("The ambush killed 12 soldiers along with three contractors.", [("killed", 12, "security_forces"), ("killed", 3, "civilian")]),
    # the means, or no people after the number
    ("A farmer was wounded with two bullets.", [("wounded", 1, "civilian")]),
    ("A man was killed, with 20 years of service behind him.", [("killed", 1, "mixed_unknown")]),
])
def test_more_victims_along_with_the_first(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    # still in a hospital's care after an attack: wounded
    ("Twelve people remain in hospital after the blast.", [("wounded", 12, 12, "exact")]),
    ("Three soldiers were still in hospital on Monday.", [("wounded", 3, 3, "exact")]),
    ("Sixteen patients remain on admission, two of them in a critical condition.",
     [("wounded", 16, 16, "exact"), ("wounded", 2, 2, "exact")]),
    ("About 2,500 US troops remain in Iraq.", []),
    ("Eight remain under treatment, the hospital said.", [("wounded", 8, 8, "exact")]),
    ("Twenty were admitted with injuries and 11 have been discharged after treatment.",
     [("wounded", 20, 20, "exact"), ("wounded", 11, 11, "exact")]),
    ("He admitted that 12 soldiers had deserted.", []),
])
def test_people_still_in_hospital_are_wounded(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The total number of deceased is therefore 9 (nine).", [("killed", 9, 9, "exact")]),
    ("The death toll is now 31, the ministry said.", [("killed", 31, 31, "exact")]),
    # an occupation the seeds name ("loggers") is the victims, not an unknown noun that blocks
    ("Police said 26 loggers were killed near the lake on Tuesday.", [("killed", 26, 26, "exact")]),
    ("Thirteen defenders lost their lives on Thursday.", [("killed", 13, 13, "exact")]),
])
def test_tolls_with_an_adverb_and_occupations_as_victims(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # one more victim after a group's bracketed initials, and after a long "among the dead" item
    ("The strike killed two fighters of the Sinjar Resistance Units (YBS) and a civilian passer-by.",
     [("killed", 2, "militants"), ("killed", 1, "civilian")]),
    ("Among the dead were two officers of the state police and a local elder.",
     [("killed", 2, "security_forces"), ("killed", 1, "civilian")]),
    ("The death toll rose to 12 and a local elder was arrested.", [("killed", 12, None)]),
])
def test_one_more_victim_after_a_long_first_item(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    # "of his" ties a count to the person however far; a count with a verb of its own is apart
    ("A suicide bomber killed the commander of the police unit in Abu Ghraib, west of Baghdad, and four of his bodyguards.",
     [("killed", 1, "security_forces"), ("killed", 4, "security_forces")]),
    ("Gunmen killed the mayor of the town on Monday, and two of his sons were arrested.", [("killed", 1, "civilian")]),
    # a rank of either side takes the side of the force it is of
    ("An airstrike killed a commander of the militia near the town.", [("killed", 1, "militants")]),
])
def test_companions_far_from_their_person_and_ranks_of_a_force(sentence, expected):
    assert [(c.outcome, c.number.low, c.victim_class) for c in ANALYSER.claims(sentence, [])] == expected


@pytest.mark.parametrize("sentence, expected", [
    # the count after "one of" with its participle is the figure; the one is among them
    ("He was one of five people wounded when the bomb struck the minibus.", [("wounded", 5, 5, "exact")]),
    ("One of the nine persons injured in the attack succumbed to his injuries on Monday.",
     [("killed", 1, 1, "exact"), ("wounded", 9, 9, "exact")]),
    ("One of the 12 villages was hit.", []),
    # "already" between the auxiliary and the outcome
    ("The hospital received 17 people who were already dead.", [("killed", 17, 17, "exact")]),
])
def test_one_of_many_and_already_dead(sentence, expected):
    assert claims(sentence) == expected


def test_relatives_of_his_after_and_are_one_family_group():
    assert claims("The gunmen shot dead his wife and two of his children.") == [("killed", 3, 3, "exact")]
    assert claims("The gunmen shot dead his wife and two children.") == [("killed", 3, 3, "exact")]


@pytest.mark.parametrize("sentence, expected", [
    ("Two soldiers were killed and a third was wounded.", [("killed", 2, 2, "exact"), ("wounded", 1, 1, "exact")]),
    ("A landmine killed three hunters and wounded a fourth near the well.", [("killed", 3, 3, "exact"), ("wounded", 1, 1, "exact")]),
    ("A fourth soldier, who was badly wounded, died on Friday.", [("killed", 1, 1, "exact")]),
    # the ordinal, then who that was
    ("A fourth, a community health worker, was abducted.", [("kidnapped", 1, 1, "exact")]),
    ("A fourth, a man from the village, said he saw it.", []),
    ("Five people, who had gathered at the market, were killed.", [("killed", 5, 5, "exact")]),
    # a share, and an ordinal that is no person
    ("A third were women.", []),
    ("Gunmen killed a second time.", []),
])
def test_an_ordinal_is_one_more_person(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Of the four attackers, two blew themselves up and two were shot dead.", [("killed", 2, 2, "exact")] * 2),
    ("One blew himself up at the gate.", [("killed", 1, 1, "exact")]),
    # how the attack was made, not a count
    ("A suicide bomber blew himself up at a checkpoint, killing five soldiers.", [("killed", 5, 5, "exact")]),
])
def test_the_bombers_who_blew_themselves_up(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("In all, 31 people were killed, not counting 16 militants the army said it had killed.",
     [("killed", 31, 31, "exact"), ("killed", 16, 16, "exact")]),
    ("The 20 soldiers the army said it had deployed were safe.", []),
])
def test_victims_then_who_says_they_did_it(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The body of the Tal Afar engineer was found near the silo.", [("killed", 1, 1, "exact")]),
    ("Police found the body of his car.", []),
    # the victim told of before is no second one
    ("The body of the victim was handed to his family.", []),
])
def test_the_body_of_a_definite_person(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Twin bombs at Kut bus station kill 9, police chief among wounded", [("killed", 9, 9, "exact"), ("wounded", 1, 1, "exact")]),
    ("Police chief among dead in Kut blast", [("killed", 1, 1, "exact")]),
    ("The injured, among them 3 children aged between 6 and 10, were taken to hospital.", [("wounded", 3, 3, "exact")]),
])
def test_among_the_dead_in_headlines_and_after_the_injured(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The attack claimed the lives of two soldiers and a shopkeeper.", [("killed", 2, 2, "exact"), ("killed", 1, 1, "exact")]),
    ("Gunmen killed two officers of the state police and a local elder.", [("killed", 2, 2, "exact"), ("killed", 1, 1, "exact")]),
    ("Police found the bodies of two men and a woman.", [("killed", 2, 2, "exact"), ("killed", 1, 1, "exact")]),
    ("The week's death toll was up from 22 the previous week.", [("killed", 22, 22, "exact")]),
])
def test_more_victims_after_and_and_a_toll_compared_with(sentence, expected):
    assert claims(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("11 people were killed: six soldiers, three civilians and two militiamen.",
     [("killed", 11, 11, "exact"), ("killed", 6, 6, "exact"), ("killed", 3, 3, "exact"), ("killed", 2, 2, "exact")]),
    ("Killed: 8", [("killed", 8, 8, "exact")]),
])
def test_a_list_after_the_verbs_colon_is_no_label(sentence, expected):
    assert claims(sentence) == expected


def test_bare_numbers_with_a_place_phrase_after_a_colon_are_parts():
    assert claims("A statement said all six were killed: one in the car and five at the gate.") == [
        ("killed", 6, 6, "exact"), ("killed", 1, 1, "exact"), ("killed", 5, 5, "exact")]
