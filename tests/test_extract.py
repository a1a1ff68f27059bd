"""Article-level rules: place, date, scope, breakdowns across sentences, restatements, mentions.

Uses a tiny reference set written here, so the rules are tested apart from seeds/ content.
"""

import datetime as dt
import shutil

import pytest

from ingest.config import SEEDS_DIR
from ingest.extract import ArticleExtractor
from ingest.gazetteer import Gazetteer

PLACES = """place_id,place,kind,parent_id,admin1,country,lat,lon,aliases
iq,Iraq,country,,,Iraq,33,44,
iq-baghdad,Baghdad Governorate,admin1,iq,Baghdad,Iraq,33.3,44.4,Baghdad province
iq-baghdad-city,Baghdad,city,iq-baghdad,Baghdad,Iraq,33.3,44.4,
iq-sadr-city,Sadr City,neighbourhood,iq-baghdad-city,Baghdad,Iraq,33.4,44.4,
iq-basra,Basra Governorate,admin1,iq,Basra,Iraq,30.5,47.8,
iq-basra-city,Basra,city,iq-basra,Basra,Iraq,30.5,47.8,Basrah
iq-nineveh,Nineveh,admin1,iq,Nineveh,Iraq,36,43,Nineveh province
iq-mosul,Mosul,city,iq-nineveh,Nineveh,Iraq,36.3,43.1,
iq-tammuz-17,Tammuz 17,district,iq-mosul,Nineveh,Iraq,36.3,43.1,
iq-babil,Babil,admin1,iq,Babil,Iraq,32.5,44.4,
iq-hilla,Hilla,city,iq-babil,Babil,Iraq,32.5,44.4,Hillah
lb,Lebanon,country,,,Lebanon,33.9,35.9,
lb-north,North Lebanon,admin1,lb,North Lebanon,Lebanon,34.4,35.9,
lb-tripoli,"Tripoli, Lebanon",city,lb-north,North Lebanon,Lebanon,34.4,35.8,Tripoli
ly,Libya,country,,,Libya,26.3,17.2,
ly-tripoli,Tripoli District,admin1,ly,Tripoli,Libya,32.9,13.2,
ly-tripoli-city,Tripoli,city,ly-tripoli,Tripoli,Libya,32.9,13.2,"Tripoli, Libya"
"""
ACTORS = """actor_id,actor,actor_type,victim_class,country,parent_id
us-forces,US forces,foreign_military,foreign_military,United States,
mahdi-army,Mahdi Army,militia,militants,Iraq,
iraqi-army,Iraqi Army,state_forces,security_forces,Iraq,
m23,March 23 Movement,rebel_group,militants,,
sons-of-iraq,Sons of Iraq,militia,militants,Iraq,
hezbollah,Hezbollah,militia,militants,Lebanon,
nato,NATO,international,foreign_military,,
three-brotherhood,Three Brotherhood Alliance,rebel_group,militants,,
aqsa,al-Aqsa Martyrs Brigades,militia,militants,Palestine,
second-marquetalia,Second Marquetalia,rebel_group,militants,Colombia,
csp,Strategic Framework for the Defence of the People of Azawad,rebel_group,militants,Mali,
"""
ALIASES = """alias,actor_id,case_sensitive
US forces,us-forces,false
US military,us-forces,false
Mahdi Army,mahdi-army,false
Iraqi soldiers,iraqi-army,false
March 23 Movement,m23,false
Concerned Local Citizens,sons-of-iraq,false
Hezbollah,hezbollah,false
NATO,nato,true
NATO soldiers,nato,false
Three Brotherhood Alliance,three-brotherhood,false
al-Aqsa Martyrs Brigade,aqsa,false
Second Marquetalia,second-marquetalia,false
Strategic Framework for the Defence of the People of Azawad,csp,false
"""
DEMONYMS = "demonym,country\nAmerican,United States\nUS,United States\nIraqi,Iraq\nLebanese,Lebanon\n"


def write_seeds(seeds, places=PLACES):
    """The small reference data of these tests (victim terms and vague words are the project's)."""
    (seeds / "places.csv").write_text(places)
    (seeds / "actors.csv").write_text(ACTORS)
    (seeds / "actor_aliases.csv").write_text(ALIASES)
    (seeds / "demonyms.csv").write_text(DEMONYMS)
    for name in ("victim_terms.csv", "vague_quantities.csv"):
        shutil.copy(SEEDS_DIR / name, seeds / name)
    return seeds


@pytest.fixture(scope="module")
def extractor(tmp_path_factory):
    return ArticleExtractor(Gazetteer(write_seeds(tmp_path_factory.mktemp("seeds"))))


def run(extractor, body, published=dt.date(2016, 5, 11)):  # a Wednesday
    claims, mentions = extractor.extract(body, published, "f" * 64)
    return claims, mentions


def figures(extractor, body):
    """The claims of body by their low value."""
    return {c["value_low"]: c for c in run(extractor, body)[0]}


def test_place_from_sentence_then_context_then_dateline(extractor):
    body = ("MOSUL, Iraq (Reuters) - A car bomb killed nine people in Hilla on Tuesday.\n\n"
            "Separately, gunmen shot dead two policemen on Monday.\n\n"
            "In Baghdad, a roadside bomb wounded four soldiers.")
    claims, _ = run(extractor, body)
    assert [(c["value_low"], c["place_text"], c["place_source"]) for c in claims] == [
        (9, "Hilla", "sentence"), (2, "Hilla", "context"), (4, "Baghdad", "sentence")]
    alone, _ = run(extractor, "MOSUL, Iraq (Reuters) - Gunmen shot dead two policemen on Monday.")
    assert (alone[0]["place_text"], alone[0]["place_source"]) == ("Mosul", "dateline")


def test_places_in_the_dateline_do_not_compete_with_the_sentence(extractor):
    # the dateline names the country right before the figure; the sentence's own place wins
    for dateline in ("HILLA, Iraq (Reuters) - ", "HILLA, Republic of Iraq of the Two Rivers (Reuters) - ",
                     "HILLA, BABIL, Iraq (Reuters) - "):
        (claim,), _ = run(extractor, dateline + "Nine people were killed in Baghdad on Tuesday, police said.")
        assert (claim["place_text"], claim["place_source"]) == ("Baghdad", "sentence"), dateline
        (alone,), _ = run(extractor, dateline + "Nine people were killed on Tuesday, police said.")
        assert (alone["place_text"], alone["place_source"]) == ("Hilla", "dateline"), dateline


def test_figure_spread_over_places_takes_the_smallest_area_holding_them(extractor):
    body = ("Fighting broke out in Baghdad and Basra on Tuesday. There were also clashes in Hilla.\n"
            "Overall, at least 50 people were killed.")
    (claim,), _ = run(extractor, body)
    assert (claim["place_text"], claim["scope"], claim["event_date"]) == ("Iraq", "period_total", dt.date(2016, 5, 10))


def test_a_figure_after_a_sentence_listing_places_is_spread_over_them(extractor):
    listed = ("Troops raided villages in Nineveh, Babil and Basra provinces on Tuesday. "
              "As a result, 31 militants were killed.")
    (claim,), _ = run(extractor, listed)
    assert (claim["place_text"], claim["place_source"], claim["scope"]) == ("Iraq", "context", "period_total")
    # one place named last, or a road between two, is where the figure was
    for body, place in (("Troops raided a village in Nineveh on Tuesday. As a result, 31 militants were killed.", "Nineveh"),
                        ("A convoy was ambushed on the road between Baghdad and Hilla on Tuesday. "
                         "As a result, 31 soldiers were killed.", "Hilla")):
        (claim,), _ = run(extractor, body)
        assert (claim["place_text"], claim["scope"]) == (place, "incident"), body


def test_a_provinces_figure_over_two_towns_is_a_part_of_the_days_total(tmp_path):
    towns = ("iq-sinjar,Sinjar,city,iq-nineveh,Nineveh,Iraq,36.3,41.9,\n"
             "iq-tal-afar,Tal Afar,city,iq-nineveh,Nineveh,Iraq,36.4,42.4,\n")
    extractor = ArticleExtractor(Gazetteer(write_seeds(tmp_path, PLACES + towns)))
    body = ("Troops raided villages in Nineveh, Babil and Basra provinces on Tuesday. As a result, 40 militants were killed.\n\n"
            "Nineveh: In Sinjar and Tal Afar, commandos killed 25 militants.\n\n"
            "Babil: In Hilla, 15 militants were killed.")
    by_low = figures(extractor, body)
    assert [(by_low[n]["scope"], by_low[n]["part_of_claim_id"] == by_low[40]["claim_id"]) for n in (25, 15)] == [
        ("breakdown", True), ("breakdown", True)]
    # a later day's figure over two towns is a total of its own, not a part
    later = body.replace("Nineveh: In Sinjar", "Nineveh: On Thursday, in Sinjar")
    assert figures(extractor, later)[25]["scope"] == "period_total"


def test_dates_and_new_event(extractor):
    claims, _ = run(extractor, "Gunmen killed three policemen in Mosul on Tuesday, officials said on Wednesday.\n"
                               "A bomb killed two civilians in Hilla on May 2.")
    assert [(c["event_date"], c["is_new_event"]) for c in claims] == [
        (dt.date(2016, 5, 10), True), (dt.date(2016, 5, 2), False)]


def test_overnight_in_the_next_sentence_dates_the_figure(extractor):
    body = ("Four militants were killed in reprisal attacks in southern Iraq, officials said Wednesday.\n"
            "Troops deployed in Basra to contain violence that erupted overnight.")
    (claim,), _ = run(extractor, body)
    assert claim["event_date"] == dt.date(2016, 5, 10)
    assert claim["place_text"] == "Basra"  # a region ('southern Iraq') is refined by the next sentence


def test_period_total_and_cumulative(extractor):
    body = ("The offensive began on March 3.\n"
            "In April, at least 140 civilians were killed across Nineveh province, the UN said.\n"
            "Since the offensive began, 412 fighters have died, a commander said.")
    by_low = figures(extractor, body)
    assert (by_low[140]["scope"], by_low[140]["period_start"], by_low[140]["period_end"]) == (
        "period_total", dt.date(2016, 4, 1), dt.date(2016, 4, 30))
    assert (by_low[412]["scope"], by_low[412]["period_start"]) == ("cumulative", dt.date(2016, 3, 3))


def test_during_the_period_takes_the_period_of_the_figure_before(extractor):
    body = ("More than 900 civilians were killed across Iraq in April, the UN said on Tuesday.\n"
            "Car bombs alone killed 310 civilians during the period.\n"
            "On Monday, a bomb killed four people in Hilla.")
    by_low = figures(extractor, body)
    assert (by_low[310]["scope"], by_low[310]["period_start"], by_low[310]["period_end"]) == (
        "period_total", dt.date(2016, 4, 1), dt.date(2016, 4, 30))
    assert (by_low[4]["scope"], by_low[4]["event_date"]) == ("incident", dt.date(2016, 5, 9))


def test_figures_over_several_places_or_a_recent_span_are_period_totals(extractor):
    body = ("Gunmen killed seven people in Basra and Mosul on Tuesday.\n\n"
            "A bomb on the road between Baghdad and Hilla killed three soldiers on Tuesday.\n\n"
            "Troops killed 27 militants in Nineveh over the past 24 hours, the ministry said.\n\n"
            "Airstrikes killed 11 civilians in Mosul in March.\n\n"
            "In March, a roadside bomb killed four soldiers near Hilla.\n\n"
            "Violence killed 23 people across Iraq on Tuesday.\n\n"
            "Militants killed 14 policemen in four provinces on Tuesday.")
    by_low = figures(extractor, body)
    assert (by_low[7]["scope"], by_low[7]["place_text"]) == ("period_total", "Iraq")
    assert by_low[3]["scope"] == "incident"
    assert (by_low[27]["scope"], by_low[27]["period_start"], by_low[27]["period_end"]) == (
        "period_total", dt.date(2016, 5, 10), dt.date(2016, 5, 11))
    assert (by_low[11]["scope"], by_low[11]["period_start"]) == ("period_total", dt.date(2016, 3, 1))
    assert (by_low[4]["scope"], by_low[4]["period_start"]) == ("incident", dt.date(2016, 3, 1))
    assert (by_low[23]["scope"], by_low[14]["scope"]) == ("period_total", "period_total")


def test_a_monthly_report_published_after_the_month(extractor):
    body = ("BAGHDAD - Figures released by the ministries on Tuesday showed that 144 Iraqis were killed across "
            "the country during the month of April.\n\n"
            "The ministries also said that security forces killed 22 armed men during the month.")
    claims, _ = run(extractor, body, published=dt.date(2016, 5, 4))
    assert [(c["value_low"], c["scope"], c["period_start"], c["place_text"]) for c in claims] == [
        (144, "period_total", dt.date(2016, 4, 1), "Iraq"), (22, "period_total", dt.date(2016, 4, 1), "Iraq")]


def test_a_compared_figure_has_its_own_period_and_is_never_a_parent(extractor):
    body = ("BAGHDAD - A total of 132 Iraqis were killed in violence in April, up from 126 in March, the ministries "
            "said on Monday.\n\nThe dead included 90 civilians and 23 policemen.")
    by_low = figures(extractor, body)
    assert (by_low[126]["scope"], by_low[126]["period_start"]) == ("period_total", dt.date(2016, 3, 1))
    assert by_low[90]["part_of_claim_id"] == by_low[132]["claim_id"]
    assert by_low[90]["period_start"] == dt.date(2016, 4, 1)


@pytest.mark.parametrize("sentence, start", [
    ("The attack brings to 12 the number of soldiers killed in Mosul this year.", dt.date(2016, 1, 1)),
    ("Fighting in Hilla has killed 40 militants this month, the army said.", dt.date(2016, 5, 1)),
])
def test_a_period_that_includes_the_publication_day_ends_on_it(extractor, sentence, start):
    # a toll ending in December would be prorated over months that had not happened yet
    (claim,), _ = run(extractor, sentence)
    assert (claim["period_start"], claim["period_end"]) == (start, dt.date(2016, 5, 11))
    (last_year,), _ = run(extractor, sentence.replace("this", "last"))
    assert last_year["period_end"] < dt.date(2016, 5, 1)


def test_a_run_of_days_is_a_period_and_its_parts_are_dated_by_it(extractor):
    body = ("From 1 to 14 April, at least 58 civilians were killed and more than 140 injured across Iraq, the UN said. "
            "Of them, 18 children were killed.\n\n"
            "Five soldiers were killed in Mosul on the night of May 8-9.")
    by_low = figures(extractor, body)
    assert [(by_low[n]["scope"], by_low[n]["period_start"], by_low[n]["period_end"]) for n in (58, 140)] == [
        ("period_total", dt.date(2016, 4, 1), dt.date(2016, 4, 14))] * 2
    # the period's total has parts: dated by the period, not by the publication day
    assert (by_low[18]["scope"], by_low[18]["part_of_claim_id"], by_low[18]["period_start"]) == (
        "breakdown", by_low[58]["claim_id"], dt.date(2016, 4, 1))
    assert (by_low[5]["scope"], by_low[5]["event_date"]) == ("incident", dt.date(2016, 5, 8))


def test_a_period_total_across_the_country_keeps_its_place_when_a_part_names_a_city(extractor):
    body = ("At least 38 people were killed across Iraq from 2 to 8 May, a monitor said. "
            "Among them were seven civilians killed in Mosul.")
    by_low = figures(extractor, body)
    assert by_low[7]["part_of_claim_id"] == by_low[38]["claim_id"]
    assert (by_low[38]["place_text"], by_low[7]["place_text"]) == ("Iraq", "Mosul")


@pytest.mark.parametrize("body", [
    "Violence killed 196 Iraqis in April, figures showed. The dead included 135 civilians and 41 policemen, "
    "while 492 people were wounded.",
    "Militant violence killed 196 people in Nineveh province in the week ending Sunday, May 8. Another 492 were injured.",
])
def test_the_other_outcome_after_a_periods_total_is_of_that_period(extractor, body):
    by_low = figures(extractor, body)
    assert by_low[196]["scope"] == by_low[492]["scope"] == "period_total"
    assert (by_low[492]["period_start"], by_low[492]["period_end"]) == (by_low[196]["period_start"], by_low[196]["period_end"])


@pytest.mark.parametrize("body", [
    "Violence killed 196 Iraqis in April. On Tuesday a car bomb wounded 12 people in Mosul.",  # an attack of its own
    "Violence killed 196 Iraqis in April. The bodies of eight of them were found a week later.",  # a part
])
def test_a_figure_with_its_own_event_or_time_does_not_join_the_period(extractor, body):
    claims, _ = run(extractor, body)
    assert claims[-1]["scope"] != "period_total"


def test_a_tallys_victims_are_named_before_its_number(extractor):
    (claim,), _ = run(extractor, "The number of American service personnel killed in Iraq rose to 162.")
    assert claim["victim_class"] == "foreign_military"  # a demonym before the number
    # a group after the outcome word is who killed them
    (claim,), _ = run(extractor, "The number of policemen killed in attacks by the Mahdi Army in Basra rose to 40.")
    assert (claim["victim_class"], claim["victim_actor"]) == ("security_forces", None)


@pytest.mark.parametrize("sentence, victim_class", [
    ("The Mahdi Army lost 12 members in the clashes.", "militants"),
    ("Hezbollah has lost only four men in the fighting, the group said.", "militants"),
    ("The Mahdi Army killed 12 people and lost three men.", "militants"),  # the losing side, not the killed
    ("Gunmen killed 12 members of the Mahdi Army.", "militants"),
])
def test_the_group_that_lost_its_men_is_their_side(extractor, sentence, victim_class):
    claims, _ = run(extractor, sentence)
    assert claims[-1]["victim_class"] == victim_class


@pytest.mark.parametrize("sentence, scope", [
    ("At least 15 people have been killed in a five-hour siege of a hotel in Hilla.", "incident"),
    ("Twelve soldiers have died in the day-long battle for Hilla.", "incident"),
    ("At least 40 people have been killed in the siege of Hilla, a doctor said.", "cumulative"),  # a siege of weeks
])
def test_a_siege_of_hours_is_one_event(extractor, sentence, scope):
    (claim,), _ = run(extractor, sentence)
    assert claim["scope"] == scope


def test_a_live_blogs_timed_entries_follow_one_event(extractor):
    body = ("LIVE: Gunmen storm hotel in Hilla\n\n"
            "18:12 - Residents report a large explosion near a hotel in Hilla, followed by gunfire.\n\n"
            "19:50 - Police say gunmen are still inside.\n\n"
            "21:58 - The main hospital says it has received 27 wounded; four of them have died.")
    claims, _ = run(extractor, body)
    assert [(c["value_low"], c["scope"], c["event_date"]) for c in claims] == [
        (27, "incident", dt.date(2016, 5, 11)), (4, "incident", dt.date(2016, 5, 11))]
    # without the times, a hospital's running count with no event before it is a toll
    claims, _ = run(extractor, "The main hospital says it has received 27 wounded; four of them have died.")
    assert claims[0]["scope"] == "cumulative"


def test_a_risen_toll_is_a_new_count_of_the_earlier_figure(extractor):
    claims, _ = run(extractor, "A bomb killed 9 soldiers in Hilla on Monday. The death toll later rose to 15, officials said.")
    first, update = claims
    assert first["restates_claim_id"] == update["claim_id"] and update["restates_claim_id"] is None
    assert (update["place_text"], update["event_date"]) == ("Hilla", dt.date(2016, 5, 9))
    # a toll of another event, in another paragraph, is a figure of its own
    claims, _ = run(extractor, "A bomb killed 9 soldiers in Hilla on Monday.\n\n"
                               "In Mosul, the death toll from Sunday's car bombing rose to 15.")
    assert [c["restates_claim_id"] for c in claims] == [None, None]


def test_a_total_stated_after_its_parts_is_their_parent(extractor):
    by_low = figures(extractor, "On Monday militants attacked a base near Hilla. 5 soldiers killed, 3 militants killed. "
                               "Fatalities: 8")
    assert by_low[5]["part_of_claim_id"] == by_low[3]["part_of_claim_id"] == by_low[8]["claim_id"]
    # with an earlier count superseded: 9 -> 15, then 15 + 24 = 39
    by_low = figures(extractor, "Initial reports said at least 9 soldiers were killed in Hilla; the toll was later raised to 15. "
                               "Troops then killed two dozen militants who stormed the position. Fatalities: 39")
    assert by_low[9]["restates_claim_id"] == by_low[15]["claim_id"]
    assert by_low[15]["part_of_claim_id"] == by_low[24]["part_of_claim_id"] == by_low[39]["claim_id"]
    # figures of separate attacks that happen to add up stay separate: the last is no total
    claims, _ = run(extractor, "A bomb killed 3 people in Hilla. Gunmen killed 5 in Mosul. A mortar round killed 8 in Basra.")
    assert [c["part_of_claim_id"] for c in claims] == [None, None, None]


def test_a_place_where_most_of_them_died_is_not_where_all_did(extractor):
    (claim,), _ = run(extractor, "HILLA, Iraq - At least 40 soldiers were killed, most of them in the outskirts of Mosul.")
    assert claim["place_text"] == "Hilla"


def test_a_place_a_group_is_based_in_is_not_where_the_figure_is(extractor):
    body = ("HILLA, Iraq - Violence killed 31 people in the week ending Sunday, according to a Mosul-based research group.")
    (claim,), _ = run(extractor, body)
    assert (claim["place_text"], claim["scope"]) == ("Hilla", "period_total")


@pytest.mark.parametrize("sentence, scope, start", [
    ("A soldier was killed in Hilla on Monday, bringing the number of US troops killed in April to 58.",
     "period_total", dt.date(2016, 4, 1)),
    ("The bombing raised the toll for April to 73.", "period_total", dt.date(2016, 4, 1)),
    ("The number of soldiers killed in Mosul in March rose to 40 after a roadside bomb hit a patrol.",
     "period_total", dt.date(2016, 3, 1)),
    # the toll of one event dated by a period stays an incident
    ("The toll from last week's bombing in Mosul rose to 40.", "incident", None),
    ("The toll from the March bombing in Mosul rose to 40.", "incident", None),
])
def test_a_tally_of_a_named_period_is_a_period_total(extractor, sentence, scope, start):
    tally = run(extractor, sentence)[0][-1]
    assert tally["scope"] == scope
    if start:
        assert tally["period_start"] == start


def test_so_far_this_month_is_a_period_total_to_the_reporting_day(extractor):
    body = ("At least 120 Iraqis have been killed in violence so far this month, police said.\n\n"
            "So far, 300 people have died in the fighting.\n\n"
            "A suicide bomber killed 27 people in Hilla on Tuesday, the latest in a string of attacks.\n\n"
            "Last year, a suicide attack on a wedding hall in Mosul killed 17 guests and wounded about 40.")
    by_low = figures(extractor, body)
    assert (by_low[120]["scope"], by_low[120]["period_start"], by_low[120]["period_end"]) == (
        "period_total", dt.date(2016, 5, 1), dt.date(2016, 5, 11))
    assert by_low[300]["scope"] == "cumulative"
    assert by_low[27]["scope"] == "incident"
    assert (by_low[40]["scope"], by_low[40]["period_start"]) == ("incident", dt.date(2015, 1, 1))


def test_a_running_toll_starts_at_the_date_its_onset_word_governs(extractor):
    body = ("The war has killed more than 46,000 civilians, according to a UN tally.\n\n"
            "A car bomb killed 12 people in Mosul on Saturday, the deadliest attack since 2014.")
    claims, _ = run(extractor, body)
    war = next(c for c in claims if c["value_low"] == 46000)
    assert (war["scope"], war["period_start"]) == ("cumulative", None)  # not Saturday: no onset is stated
    body = "The offensive began on March 3.\n\nThe war has killed more than 460 civilians, the UN said."
    claims, _ = run(extractor, body)
    assert (claims[0]["scope"], claims[0]["period_start"]) == ("cumulative", dt.date(2016, 3, 3))


def test_a_since_clause_with_its_own_date_is_a_running_toll(extractor):
    body = ("More than 600 people have been killed in Mosul since Iraqi forces launched their assault on the city "
            "on April 5, a hospital director said on Tuesday.\n\n"
            "In March 2015, twin blasts killed 9 people in Hilla.")
    claims, _ = run(extractor, body)
    assert [(c["value_low"], c["scope"], c["period_start"]) for c in claims] == [
        (600, "cumulative", dt.date(2016, 4, 5)), (9, "incident", dt.date(2015, 3, 1))]


def test_vague_headline_restates_the_body_figure(extractor):
    claims, _ = run(extractor, "Clashes Leave Dozens Dead in Mosul\n\n"
                               "MOSUL - Clashes killed at least 47 people in Mosul on Tuesday, police said.")
    assert [(c["value_low"], c["restates_claim_id"] is not None) for c in claims] == [(24, True), (47, False)]
    # a figure far above the vague word is another figure
    claims, _ = run(extractor, "Clashes Leave Dozens Dead in Mosul\n\n"
                               "MOSUL - Clashes killed at least 470 people in Mosul on Tuesday, police said.")
    assert [(c["value_low"], c["restates_claim_id"] is not None) for c in claims] == [(24, False), (470, False)]


def test_breakdown_across_sentences_and_restated_headline(extractor):
    body = ("Car Bomb Kills 13 in Sadr City\n\n"
            "BAGHDAD - A car bomb killed 13 people in Sadr City on Tuesday, police said.\n"
            "Among the dead were four children.\n"
            "It was unclear whether the deaths of 13 people included the bomber.")
    claims, _ = run(extractor, body)
    original = next(c for c in claims if c["quote"].startswith("killed 13"))
    headline = next(c for c in claims if c["quote"] == "Kills 13")
    recap = next(c for c in claims if c["quote"].startswith("deaths of 13"))
    children = next(c for c in claims if c["value_low"] == 4)
    assert headline["restates_claim_id"] == original["claim_id"] == recap["restates_claim_id"]
    assert original["restates_claim_id"] is None and original["scope"] == "incident"
    assert (children["scope"], children["part_of_claim_id"], children["victim_class"]) == (
        "breakdown", original["claim_id"], "civilian")


def test_nationality_makes_soldiers_foreign(extractor):
    body = ("The fighting took a heavy toll on US forces in Baghdad. At least 21 soldiers have been killed in April.\n"
            "Separately, five Iraqi soldiers were wounded in Mosul on Tuesday.")
    claims, _ = run(extractor, body)
    assert [(c["value_low"], c["victim_class"]) for c in claims] == [(21, "foreign_military"), (5, "security_forces")]


def test_a_state_force_named_with_the_victims_beats_a_foreign_force_nearby(extractor):
    body = ("BAGHDAD - US forces pulled out of a base near Mosul on Monday.\n\n"
            "MOSUL - Fifteen Iraqi soldiers were killed in Mosul on Tuesday.")
    (claim,), _ = run(extractor, body)
    assert (claim["victims_text"], claim["victim_class"]) == ("Iraqi soldiers", "security_forces")


def test_a_date_inside_a_name_is_not_a_date(extractor):
    (claim,), _ = run(extractor, "Fighters of the March 23 Movement killed five civilians in Mosul, police said.")
    assert claim["event_date"] != dt.date(2016, 3, 23)
    assert claim["perpetrator_actor"] == "March 23 Movement"


def test_a_group_name_ending_in_a_victim_noun_heads_into_the_noun_after_it(extractor):
    claims, _ = run(extractor, "An air strike in Hilla on Saturday killed four Concerned Local Citizens militants "
                               "and wounded about 16, police said.")
    assert [(c["value_low"], c["victim_class"], c["victim_actor"]) for c in claims] == [
        (4, "militants", "Concerned Local Citizens"), (16, "militants", None)]


def test_a_group_name_between_a_demonym_and_a_victim_noun(extractor):
    (claim,), _ = run(extractor, "At least 11 Lebanese Hezbollah fighters died on Tuesday in Hilla, police said.")
    assert (claim["value_low"], claim["victim_class"], claim["victims_text"]) == (
        11, "militants", "Lebanese Hezbollah fighters")


def test_soldiers_of_an_international_force_are_foreign(extractor):
    for body in ("MOSUL - Eighteen NATO soldiers were killed on Monday in Mosul.",
                 "A bomb killed 18 NATO soldiers in Mosul on Monday.",
                 "The number of foreign troops killed in Monday's attack in Mosul rose to eight."):
        (claim,), _ = run(extractor, body)
        assert claim["victim_class"] == "foreign_military", body


def test_a_bare_coordinated_figure_shares_the_class_of_its_sibling(extractor):
    body = ("US forces raided a house in Mosul on Sunday. A car bomb in Hilla on Tuesday killed three "
            "Iraqi soldiers and injured nine, police said.")
    claims, _ = run(extractor, body)
    assert [(c["value_low"], c["victim_class"]) for c in claims] == [(3, "security_forces"), (9, "security_forces")]


def test_of_two_overlapping_names_the_one_that_starts_first_wins(tmp_path):
    """'the East Jerusalem district': East Jerusalem, not the longer 'Jerusalem district' inside it."""
    places = PLACES + ("ps,Palestine,country,,,Palestine,32,35,\n"
                       "ps-east-jerusalem,East Jerusalem,district,ps,West Bank,Palestine,31.8,35.2,\n"
                       "il,Israel,country,,,Israel,31,35,\n"
                       "il-jerusalem,Jerusalem District,admin1,il,Jerusalem,Israel,31.8,35.1,\n")
    gazetteer = Gazetteer(write_seeds(tmp_path, places))
    found = gazetteer.mentions("A bomb went off at a mosque in the East Jerusalem district on Monday.")
    assert [(m.surface, m.ref) for m in found] == [("East Jerusalem", "ps-east-jerusalem")]
    found = gazetteer.mentions("Clashes in Sadr City, Baghdad, and in the Jerusalem District.")
    assert [m.ref for m in found] == ["iq-sadr-city", "iq-baghdad-city", "il-jerusalem"]


KENYA_AND_SOMALIA = ("ke,Kenya,country,,,Kenya,0.2,37.9,\n"
                     "ke-garissa,Garissa County,admin1,ke,Garissa,Kenya,-0.45,39.6,\n"
                     "ke-garissa-town,Garissa,city,ke-garissa,Garissa,Kenya,-0.45,39.65,\n"
                     "so,Somalia,country,,,Somalia,5.2,46.2,\n"
                     "so-lower-juba,Lower Juba,admin1,so,Lower Juba,Somalia,-0.4,42.2,\n"
                     "so-kismayo,Kismayo,city,so-lower-juba,Lower Juba,Somalia,-0.36,42.55,\n")


def test_a_state_force_abroad_is_foreign_and_at_home_its_own_security_forces(tmp_path):
    seeds = write_seeds(tmp_path, PLACES + KENYA_AND_SOMALIA)
    with open(seeds / "actors.csv", "a") as f:
        f.write("kdf,Kenya Defence Forces,foreign_military,foreign_military,Kenya,\n")
    with open(seeds / "actor_aliases.csv", "a") as f:
        f.write("Kenya Defence Forces,kdf,false\nKDF,kdf,true\n")
    with open(seeds / "demonyms.csv", "a") as f:
        f.write("Kenyan,Kenya\nSomali,Somalia\n")
    kenyan = ArticleExtractor(Gazetteer(seeds))
    for town, expected in (("GARISSA, Kenya", "security_forces"), ("KISMAYO, Somalia", "foreign_military")):
        where = town.split(",")[0].title()
        for body in (f"{town} - Militants killed six Kenya Defence Forces soldiers in {where} on Tuesday.",
                     f"{town} - Six members of the KDF were killed in {where} on Tuesday, officials said.",
                     f"{town} - The Kenya Defence Forces patrolled {where} on Monday. "
                     "Six soldiers were killed in an ambush on Tuesday."):
            (claim,), _ = run(kenyan, body)
            assert (claim["value_low"], claim["victim_class"]) == (6, expected), body


@pytest.mark.parametrize("sentence, parts_of_seven", [
    # later figures of the outcome that add up exactly to the first are its parts
    ("Seven fighters were killed in Mosul on Tuesday; three from the Mahdi Army and four from Hezbollah "
     "were killed in the fighting.", True),
    ("Seven fighters were killed in Mosul on Tuesday, and three militiamen from the Mahdi Army and four "
     "from Hezbollah were killed, the army said.", True),
    ("A bomb killed seven people in Baghdad on Tuesday, three in Sadr City and four in Karrada.", True),
    # unless they lie outside the place named with the first
    ("Seven people were killed in Mosul, three in Hilla and four in Basra on Tuesday.", False),
    ("Seven people were killed in Mosul on Tuesday; three were killed in Hilla and four in Basra.", False),
    # a list under one verb is of siblings, even when the last two add up to the first
    ("Gunmen killed seven soldiers, three policemen and four civilians in Mosul on Tuesday.", False),
    # or do not add up
    ("Seven fighters were killed in Mosul on Tuesday; three from the Mahdi Army and five from Hezbollah "
     "were killed in the fighting.", False),
])
def test_figures_in_one_sentence_that_add_up_to_the_first_are_its_parts(extractor, sentence, parts_of_seven):
    claims, _ = run(extractor, sentence)
    killed = [c for c in claims if c["outcome"] == "killed"]
    assert killed[0]["value_low"] == 7 and killed[0]["scope"] == "incident"
    assert all((c["scope"] == "breakdown") == parts_of_seven for c in killed[1:]), [c["scope"] for c in killed]
    if parts_of_seven:
        assert {c["part_of_claim_id"] for c in killed[1:]} == {killed[0]["claim_id"]}


def test_a_total_whose_parts_are_in_different_places_lies_where_all_of_them_are(extractor):
    # the nearest place of the total is its first part's; the total holds both parts
    claims, _ = run(extractor, "Car bombs killed 15 people on Tuesday, seven in Mosul and eight in Hilla.")
    assert [(c["value_low"], c["scope"], c["place_id"]) for c in claims] == [
        (15, "incident", "iq"), (7, "breakdown", "iq-mosul"), (8, "breakdown", "iq-hilla")]
    claims, _ = run(extractor, "Car bombs killed 15 people in Mosul on Tuesday, seven in Tammuz 17 and eight near the airport.")
    assert claims[0]["place_id"] == "iq-mosul"


def test_a_place_name_ending_like_an_abbreviation_ends_its_sentence(tmp_path):
    places = PLACES + "iq-zendeh-jan,Zendeh Jan,town,iq-nineveh,Nineveh,Iraq,36.2,43.0,\n"
    named = ArticleExtractor(Gazetteer(write_seeds(tmp_path, places)))
    claims, _ = run(named, "Seven soldiers were killed in Mosul on Monday. Clashes spread to Zendeh Jan. "
                           "Three from the Mahdi Army and four from Hezbollah were killed on Tuesday.")
    assert [(c["value_low"], c["sentence_index"]) for c in claims] == [(7, 0), (3, 2), (4, 2)]


def test_a_number_inside_a_name_is_not_a_figure(extractor):
    claims, _ = run(extractor, "The number of Three Brotherhood Alliance fighters killed in Mosul rose to 14.")
    assert [(c["value_low"], c["victim_class"]) for c in claims] == [(14, "militants")]
    claims, _ = run(extractor, "Twenty March 23 Movement fighters were killed in Mosul on Monday.")
    assert [(c["value_low"], c["victim_actor"]) for c in claims] == [(20, "March 23 Movement")]
    # digits before a name that starts with a month: a count, not "11 March"
    claims, _ = run(extractor, "Clashes killed 11 March 23 Movement militants in Mosul on Friday.")
    assert [(c["value_low"], c["victim_actor"]) for c in claims] == [(11, "March 23 Movement")]
    claims, _ = run(extractor, "Two people were killed on 11 March in Mosul.")
    assert [c["value_low"] for c in claims] == [2]
    # a number inside a place name does not break a tally phrase
    claims, _ = run(extractor, "The number of worshippers killed in Saturday's bombing in the Tammuz 17 district "
                               "rose to five, officials said.")
    assert [(c["value_low"], c["place_text"]) for c in claims] == [(5, "Tammuz 17")]


def test_a_long_name_between_coordinated_figures_counts_as_one_word(extractor):
    claims, _ = run(extractor, "Six militiamen from Strategic Framework for the Defence of the People of Azawad and "
                               "two from the Mahdi Army were killed in Mosul on Monday.")
    assert [(c["value_low"], c["victim_actor"]) for c in claims] == [
        (6, "Strategic Framework for the Defence of the People of Azawad"), (2, "Mahdi Army")]


def test_an_outcome_word_inside_a_name_is_no_outcome(extractor):
    claims, _ = run(extractor, "Two fighters from al-Aqsa Martyrs Brigade and three from the Mahdi Army were "
                               "killed in Hilla on Monday.")
    assert [(c["value_low"], c["victim_actor"]) for c in claims] == [
        (2, "al-Aqsa Martyrs Brigade"), (3, "Mahdi Army")]


def test_mentions_longest_alias_and_place_over_actor(extractor):
    _, mentions = run(extractor, "Mahdi Army fighters clashed with US forces in Sadr City.")
    assert [(m["mention_type"], m["surface_text"]) for m in mentions] == [
        ("actor", "Mahdi Army"), ("actor", "US forces"), ("place", "Sadr City")]


def test_without_publication_date_relative_dates_stay_unknown(extractor):
    (claim,), _ = run(extractor, "Gunmen killed three policemen in Mosul on Tuesday.", published=None)
    assert (claim["event_date"], claim["date_precision"]) == (None, "unknown")


def test_offsets_point_into_the_body(extractor):
    body = "BAGHDAD - Two policemen were killed in Mosul. Five civilians were wounded in Hilla."
    claims, mentions = run(extractor, body)
    for row in claims:
        assert body[row["char_start"]:row["char_end"]] == row["quote"]
        assert row["sentence_start"] <= row["char_start"] < row["char_end"] <= row["sentence_end"]
    for m in mentions:
        assert body[m["char_start"]:m["char_end"]] == m["surface_text"]


def test_a_foreign_force_named_with_its_soldiers_is_foreign_even_before_a_speech_verb(extractor):
    body = "MOSUL, Iraq - A roadside bomb wounded two dozen US forces soldiers near Mosul on Monday, officials said."
    (claim,), _ = run(extractor, body)
    assert (claim["value_low"], claim["victim_class"]) == (24, "foreign_military")


def test_others_are_of_the_kind_named_before(extractor):
    body = "HILLA, Iraq - A bomb killed 12 civilians and wounded 41 others at a market in Hilla on Tuesday."
    claims, _ = run(extractor, body)
    assert [(c["outcome"], c["victim_class"]) for c in claims] == [("killed", "civilian"), ("wounded", "civilian")]


def test_members_of_a_named_force_take_its_class(extractor):
    (claim,), _ = run(extractor, "MOSUL, Iraq - Two members of the US forces were killed in Mosul on Tuesday.")
    assert (claim["victim_class"], claim["victim_actor"]) == ("foreign_military", "US forces")


@pytest.mark.parametrize("body, place_id", [
    # the article's other places and demonyms say which "Tripoli"
    ("TRIPOLI, Lebanon (AP) - Clashes in Tripoli killed five people on Monday.", "lb-tripoli"),
    ("Clashes in Tripoli killed five people on Monday, Lebanese officials said.", "lb-tripoli"),
    ("TRIPOLI, Libya (Reuters) - Clashes in Tripoli killed five people on Monday.", "ly-tripoli-city"),
    # no evidence: the place the marts would resolve the name to (an own name before an alias,
    # whatever the order of seeds/places.csv)
    ("Clashes in Tripoli killed five people on Monday.", "ly-tripoli-city"),
])
def test_a_place_name_shared_by_two_countries_resolves_by_the_article(extractor, body, place_id):
    (claim,), _ = run(extractor, body)
    assert (claim["place_text"], claim["place_id"]) == ("Tripoli", place_id)


@pytest.mark.parametrize("body", [
    "More than 90 soldiers were killed over the past three months, the ministry said.",
    "The UN said 1,200 civilians had been killed in the first six months of the year.",
])
def test_a_figure_over_a_span_of_months_is_a_period_total(extractor, body):
    (claim,), _ = run(extractor, body)
    assert (claim["scope"], claim["date_precision"]) == ("period_total", "month")
    assert claim["period_start"] < claim["period_end"] <= dt.date(2016, 5, 11)


def test_a_list_of_parts_after_a_cue_are_siblings_not_parts_of_the_first(extractor):
    claims, _ = run(extractor, "The dead included 11 soldiers, three policemen and eight civilians.")
    assert [(c["value_low"], c["scope"]) for c in claims] == [(11, "incident"), (3, "incident"), (8, "incident")]
    # with a total stated before, all three are its breakdown
    claims, _ = run(extractor, "At least 22 people were killed in Mosul. The dead included 11 soldiers, three "
                               "policemen and eight civilians.")
    total = claims[0]["claim_id"]
    assert [(c["value_low"], c["part_of_claim_id"]) for c in claims[1:]] == [(11, total), (3, total), (8, total)]
    # "Of the 40 wounded, 12 were ...": the 12 are some of the 40, though the phrase starts first
    claims, _ = run(extractor, "Of the 40 wounded, 12 were in critical condition.")
    assert [(c["value_low"], c["scope"]) for c in claims] == [(40, "incident"), (12, "breakdown")]


@pytest.mark.parametrize("body, total, side", [
    ("Seven soldiers were killed, including the commander of the post, in Mosul.", 7, "security_forces"),
    ("Five gunmen, including their commander, were killed in Mosul.", 5, "militants"),
])
def test_a_rank_both_sides_have_takes_its_parents_side(extractor, body, total, side):
    claims, _ = run(extractor, body)
    assert [(c["value_low"], c["scope"], c["victim_class"]) for c in claims] == [(total, "incident", side),
                                                                                   (1, "breakdown", side)]


def test_a_source_after_a_list_of_parts_is_no_part(extractor):
    for body in ("The dead included five police officers, two police officials said.",
                 "Five children were among the dead, a doctor at the city's hospital said."):
        claims, _ = run(extractor, body)
        assert [c["value_low"] for c in claims] == [5], body


@pytest.mark.parametrize("body, days", [
    # published Wednesday 2016-05-11; "on Monday" is the 9th
    ("A bomb killed seven policemen in Mosul on Monday. The attack came a day after gunmen killed four "
     "soldiers in Basra.", ["2016-05-09", "2016-05-08"]),
    ("Gunmen killed five policemen in Mosul on Monday. Two more policemen died of their wounds a day later.",
     ["2016-05-09", "2016-05-10"]),
    ("Gunmen killed five policemen in Mosul on Monday. Two days earlier, a bomb killed three soldiers in Basra.",
     ["2016-05-09", "2016-05-07"]),
])
def test_days_apart_move_the_figure_from_its_context_day(extractor, body, days):
    claims, _ = run(extractor, body)
    assert [str(c["event_date"]) for c in claims] == days


def test_a_since_in_another_clause_does_not_start_the_figure(extractor):
    (claim,), _ = run(extractor, "Violence has fallen since 2007, but more than 300 people were killed across "
                                 "Iraq in March, officials said.")
    assert (claim["scope"], str(claim["period_start"])) == ("period_total", "2016-03-01")


def test_a_country_owning_a_war_or_force_is_a_party_not_the_place(extractor):
    (claim,), _ = run(extractor, "Iraq's war on the Mahdi Army has killed at least 300 people in Basra, officials said.")
    assert claim["place_text"] == "Basra"
    (claim,), _ = run(extractor, "The Iraqi Army's offensive in Mosul killed 30 militants on Monday.")
    assert claim["place_text"] == "Mosul"
    # a headline lower bound restates the body's figure: "passes 140" is more than 140
    claims, _ = run(extractor, "Basra death toll passes 140\n\nThe number of people killed in Basra has risen to at "
                               "least 149, officials said on Monday.")
    assert [(c["value_low"], c["qualifier"], c["restates_claim_id"] is not None) for c in claims] == [
        (140, "more_than", True), (149, "at_least", False)]


def test_a_name_is_no_keyword_of_the_article_rules(extractor):
    # "Second" in a group's name does not make the body's figure a second event: the headline restates it
    claims, _ = run(extractor, "7 Second Marquetalia militants killed in Mosul raid\n\nA raid in Mosul on Monday "
                               "killed seven Second Marquetalia militants, the army said.")
    assert [(c["value_low"], c["restates_claim_id"] is not None) for c in claims] == [(7, True), (7, False)]


def test_a_running_figure_right_after_one_event_is_that_event(extractor):
    (claim,), _ = run(extractor, "A suicide bomber struck a market in Mosul on Monday. Police say five people have died.")
    assert (claim["scope"], str(claim["event_date"])) == ("incident", "2016-05-09")
    (claim,), _ = run(extractor, "Fighting in the war has intensified. Five journalists have been killed.")
    assert claim["scope"] == "cumulative"


def test_a_past_perfect_clause_after_a_figure_does_not_date_it(extractor):
    body = ("Gunmen killed nine villagers near Baquba on Monday, police said.\n\n"
            "Among the dead was the village head, who had refused to leave when the army withdrew last year.\n\n"
            "Five soldiers were killed on Tuesday at a base which had been attacked in March.")
    by_low = figures(extractor, body)
    assert (by_low[1]["scope"], by_low[1]["event_date"]) == ("breakdown", dt.date(2016, 5, 9))
    assert (by_low[5]["scope"], by_low[5]["event_date"]) == ("incident", dt.date(2016, 5, 10))


@pytest.mark.parametrize("body, expected", [
    ("Soldiers killed 12 Mahdi Army in Sadr City on Monday.", [(12, "militants")]),
    ("The ambush killed 27 Iraqi soldiers and six Hezbollah near Basra.", [(27, "security_forces"), (6, "militants")]),
    # a place after the number names no victims
    ("The ambush killed 27 Iraqi soldiers and six Baghdad policemen.", [(27, "security_forces"), (6, "security_forces")]),
])
def test_a_group_named_right_after_the_number_is_the_victims(extractor, body, expected):
    claims, _ = run(extractor, body)
    assert [(c["value_low"], c["victim_class"]) for c in claims] == expected


MYANMAR = ("mm,Myanmar,country,,,Myanmar,21,96,\n"
           "mm-sagaing,Sagaing Region,admin1,mm,Sagaing,Myanmar,22,95,\n"
           "mm-kalay,Kalay,town,mm-sagaing,Sagaing,Myanmar,23.2,94.1,\n")


@pytest.fixture(scope="module")
def with_namesakes(tmp_path_factory):
    return ArticleExtractor(Gazetteer(write_seeds(tmp_path_factory.mktemp("namesakes"), PLACES + MYANMAR)))


def test_a_lone_foreign_town_among_words_of_the_articles_country_is_a_namesake(with_namesakes):
    (claim,), _ = run(with_namesakes, "MOSUL, Iraq (Reuters) - Three Iraqi soldiers were killed in Kalay on Tuesday.")
    assert (claim["place_text"], claim["place_source"]) == ("Mosul", "dateline")
    # a sentence of its own about the town keeps it
    claims, _ = run(with_namesakes, "MOSUL, Iraq (Reuters) - Gunmen killed two policemen in Mosul on Tuesday.\n\n"
                                    "Elsewhere, gunmen killed five people in Kalay on Monday.")
    assert [(c["value_low"], c["place_text"]) for c in claims] == [(2, "Mosul"), (5, "Kalay")]
    # a force's demonym says whose troops, not which country the article is about: they serve abroad
    (claim,), _ = run(with_namesakes, "Two Lebanese service personnel were killed in Kalay on Tuesday.")
    assert claim["place_text"] == "Kalay"


@pytest.mark.parametrize("body, place, source", [
    # the country of a war is where, when nothing else is
    ("More than 200 people have been killed in Iraq's war since January.", "Iraq", "sentence"),
    # a place of most of them is not where all were
    ("Violence killed 2,914 civilians in May, most of them in Baghdad.", "Iraq", "article"),
    # a compass word may open the next place of a list; the figure spans both
    ("Bombs killed 30 people in Baghdad and southern Iraq on Tuesday.", "Iraq", "sentence"),
])
def test_where_a_figure_happened(extractor, body, place, source):
    (claim,), _ = run(extractor, body)
    assert (claim["place_text"], claim["place_source"]) == (place, source)


@pytest.mark.parametrize("second, place", [
    # a toll of months with no place of its own is the country's
    ("At least 1,022 Iraqis have been killed in violence so far this year, according to a count.", "Iraq"),
    ("More than 3,400 civilians were killed in March, the ministry said.", "Iraq"),
    ("At least 1,022 Iraqis have been killed in violence so far in May, according to a count.", "Iraq"),  # days of a month
    # unless it points back to the place, or counts days, or goes on a tally of that place for the same period
    ("More than 300 people have been killed in the province since January.", "Hilla"),
    ("Another 17 people have been kidnapped since Sunday, police said.", "Hilla"),
    ("In April, 133 civilians were killed in Hilla. The group counted 41 people abducted in April.", "Hilla"),
])
def test_a_national_toll_after_a_local_incident(extractor, second, place):
    body = "A car bomb killed nine people in Hilla on Tuesday.\n\n" + second
    claims, _ = run(extractor, body)
    assert [(c["value_low"], c["place_text"]) for c in claims][0] == (9, "Hilla")
    assert claims[-1]["place_text"] == place


@pytest.mark.parametrize("body", [
    "Since Baghdad declared victory, more than 1,400 soldiers have been killed across the country, a researcher said.",
    "In 2015, at the height of the battle for Mosul, close to 1,100 Iraqis were killed in violence across the country.",
    "BASRA, Iraq - Insurgent attacks killed 14 Iraqis in four provinces on Tuesday, officials said.",
])
def test_a_figure_across_the_country_is_the_countrys(extractor, body):
    (claim,), _ = run(extractor, body)
    assert claim["place_text"] == "Iraq"


def test_across_the_country_in_another_clause_leaves_the_figure_where_it_is(extractor):
    body = "A car bomb killed nine people in Hilla, and protests spread across the country."
    (claim,), _ = run(extractor, body)
    assert claim["place_text"] == "Hilla"


def test_a_toll_of_months_placed_by_the_paragraph_is_the_countrys(extractor):
    body = "Fighting raged in Hilla on Tuesday.\n\nIn total, the coalition has lost at least 160 soldiers so far this year."
    claims, _ = run(extractor, body)
    assert claims[-1]["place_text"] == "Iraq"


@pytest.mark.parametrize("first, place", [
    # the last place named holds an earlier one: the inner one is where
    ("Fighting broke out in Hilla, in southern Iraq, on Tuesday.", "Hilla"),
    ("Fighting broke out in Sadr City in Baghdad on Tuesday.", "Sadr City"),
    # a list is not a nesting
    ("Fighting broke out in Baghdad and southern Iraq on Tuesday.", "Iraq"),
])
def test_the_place_of_the_sentence_before_is_its_innermost(extractor, first, place):
    (claim,), _ = run(extractor, first + "\n\nGunmen killed four policemen on Tuesday.")
    assert (claim["place_text"], claim["place_source"]) == (place, "context")


@pytest.mark.parametrize("opening, place", [
    ("MOSUL, Iraq (Reuters) - ", "MOSUL"),
    ("TRIPOLI, Libya, 14 March 2024 \u2013 ", "TRIPOLI"),
    ("Hilla, July 4, 2019 - ", "Hilla"),
    ("(Translated from Arabic) Hilla, 4 July 2022 (INA) - ", "Hilla"),
])
def test_datelines_of_many_outlets(extractor, opening, place):
    from ingest.extract import find_dateline
    assert find_dateline(opening + "Gunmen killed two policemen on Monday.").group("place") == place
    (claim,), _ = run(extractor, opening + "Gunmen killed two policemen on Monday.")
    assert claim["place_source"] == "dateline"


def test_a_headline_with_a_colon_is_not_the_dateline(extractor):
    body = ("Security: gunmen kill two policemen\n\n"
            "(Translated from Arabic) Basra, 10 May 2016 (INA) - Gunmen killed two policemen on Monday, police said.")
    claims, _ = run(extractor, body)
    (told,) = [c for c in claims if not c["restates_claim_id"]]
    assert (told["quote"], told["place_text"], told["place_source"]) == ("killed two policemen", "Basra", "dateline")


@pytest.mark.parametrize("body, place", [
    # where the wounded were taken is not where they were hurt
    ("A bomb exploded in Hilla on Tuesday. Seven soldiers wounded in the attack were flown to a hospital in Baghdad.",
     "Hilla"),
    ("A bomb exploded in Hilla on Tuesday. Forty people were being treated in hospitals in Baghdad and Mosul.", "Hilla"),
    # a province's name before "neighbourhood" is a namesake of a smaller place
    ("HILLA, Iraq (Reuters) - A car bomb in the Nineveh neighbourhood killed two soldiers.", "Hilla"),
    # the city opening a list item holds a neighbourhood it does not know
    ("Security roundup\n\n* MOSUL - A bomber struck the Sadr City district, killing four soldiers.", "MOSUL"),
])
def test_places_that_are_not_where(extractor, body, place):
    claims, _ = run(extractor, body)
    assert claims[-1]["place_text"] == place


def test_a_building_named_after_a_foreign_town_places_nothing(with_namesakes):
    claims, _ = run(with_namesakes, "MOSUL, Iraq (Reuters) - Shelling killed eight people in Mosul on Monday. "
                                    "A doctor at Kalay hospital said three of the wounded had died.")
    assert [(c["value_low"], c["place_text"]) for c in claims] == [(8, "Mosul"), (3, "Mosul")]


def test_a_building_named_after_a_foreign_town_places_nothing_when_only_towns_are_named(with_namesakes):
    # no country or province named: the article's towns alone say which country it is about
    claims, _ = run(with_namesakes, "Shelling killed eight people in Mosul on Monday. A shell fell in Basra. "
                                    "A man shot in the market died of his wounds in Kalay hospital, and the toll reached 9.")
    assert [(c["value_low"], c["place_text"]) for c in claims] == [(8, "Mosul"), (9, "Basra")]


ROUNDUP = ("BAGHDAD - Bombings and shootings across Iraq killed at least 20 people on Tuesday, police said.\n\n"
           "In Mosul, a car bomb killed six people near a market.\n\n"
           "In Basra, gunmen shot dead two policemen at a checkpoint. Police killed three of the gunmen.\n\n"
           "The bodies of five men were found in Hilla.\n\n"
           "Separately, a roadside bomb killed four soldiers in Baghdad.")


def test_the_incidents_after_a_days_total_are_its_items(extractor):
    by_low = figures(extractor, ROUNDUP)
    total = by_low[20]
    assert total["scope"] == "period_total"
    for low, place in ((6, "Mosul"), (2, "Basra")):
        assert (by_low[low]["part_of_claim_id"], by_low[low]["scope"]) == (total["claim_id"], "breakdown"), low
        assert by_low[low]["place_text"] == place  # an item keeps its place inside the total's area
    # counted apart: the militants the police killed, bodies found, a separate event
    for low in (3, 5, 4):
        assert by_low[low]["part_of_claim_id"] is None, low


@pytest.mark.parametrize("body, items, apart", [
    # the sides named: the militants killed are among the dead
    ("At least 30 fighters and civilians were killed in clashes across Iraq on Tuesday. "
     "In Mosul, troops killed 12 militants.", [12], []),
    # items fill the total and no more
    ("Attacks across Iraq killed 10 people on Tuesday. In Mosul, a bomb killed 6 people. "
     "In Basra, gunmen killed 7 people.", [6], [7]),
    # an item of another day is no item of the day's total
    ("Attacks across Iraq killed 10 people on Tuesday. In Mosul, a bomb killed 4 people on Sunday.", [], [4]),
    # a civilian total holds people, but not a clash of fighters
    ("Shelling killed nine civilians across Iraq on Tuesday. In Mosul, three people were killed. "
     "In Basra, clashes killed four people, including fighters on both sides.", [3], [4]),
    # a total that lists its places holds items in them only
    ("Gunmen killed nine people in Basra and Mosul on Tuesday. In Hilla, a bomb killed 2 people.", [], [2]),
    # the next total starts its own items
    ("Attacks across Iraq killed 10 people on Tuesday. In Mosul, a bomb killed 3 people. "
     "Attacks across Iraq killed 15 people on Wednesday. In Basra, gunmen killed 5 people.", [3], []),
])
def test_items_of_a_days_total_fit_its_victims_days_and_size(extractor, body, items, apart):
    claims, _ = run(extractor, body)
    by_low = {c["value_low"]: c for c in claims}
    first_total = next(c for c in claims if c["scope"] == "period_total")
    for low in items:
        assert by_low[low]["part_of_claim_id"] == first_total["claim_id"], low
    for low in apart:
        assert by_low[low]["part_of_claim_id"] is None, low
    if "Wednesday" in body:
        assert by_low[5]["part_of_claim_id"] == by_low[15]["claim_id"]


def test_an_item_of_a_side_the_total_names_is_that_sides_part(extractor):
    by_low = figures(extractor, "At least 20 people were killed across Iraq on Tuesday, including 8 civilians. "
                                "In Mosul, a bomb killed 5 civilians. In Basra, gunmen killed 3 civilians near a mosque.")
    assert by_low[8]["part_of_claim_id"] == by_low[20]["claim_id"]
    assert by_low[5]["part_of_claim_id"] == by_low[3]["part_of_claim_id"] == by_low[8]["claim_id"]
    assert by_low[8]["place_text"] != "Mosul"  # the side of a country's total keeps the country


def test_a_row_of_parts_in_one_form_are_siblings_of_the_total_the_cue_points_to(extractor):
    by_low = figures(extractor, "Militant violence killed 31 people in Iraq last week. "
                                "Of the dead, 12 were soldiers, 11 were civilians and eight were militants.")
    assert by_low[12]["part_of_claim_id"] == by_low[11]["part_of_claim_id"] == by_low[8]["part_of_claim_id"] == by_low[31]["claim_id"]
    # a part of the first one, in another form, is still its part
    by_low = figures(extractor, "A bomb killed 20 people in Mosul. Of the dead, 12 were soldiers, including 3 officers.")
    assert by_low[3]["part_of_claim_id"] == by_low[12]["claim_id"]


MONTHLY_REPORT = ("At least 702 Iraqi civilians were killed and 1,611 injured in acts of violence in November, the count "
                  "shows, down from 845 killed in October. A further 118 soldiers were killed "
                  "and 227 injured.\n\nCivilian casualties by governorate:\n\nBaghdad: 287 killed, 713 injured\n"
                  "Nineveh: 102 killed, 176 injured\nOther governorates: 313 killed, 722 injured\n\n"
                  "Among the civilians killed, 61 were women and 48 were children.\n")


def test_the_rows_of_a_months_table_are_parts_of_its_total_and_of_its_month(extractor):
    claims, _ = run(extractor, MONTHLY_REPORT, published=dt.date(2013, 12, 2))
    by_low = {c["value_low"]: c for c in claims}
    november = (dt.date(2013, 11, 1), dt.date(2013, 11, 30))
    for row, total in ((287, 702), (102, 702), (313, 702), (713, 1611), (176, 1611), (722, 1611)):
        part = by_low[row]
        assert part["part_of_claim_id"] == by_low[total]["claim_id"], row
        assert (part["victim_class"], (part["period_start"], part["period_end"])) == ("civilian", november), row
    assert by_low[313]["place_text"] == "Iraq"  # a row labelled by no place is not of the row above's
    # "down from 845 killed in October" is October's figure and holds no row; "a further 118" is November's
    assert by_low[845]["period_start"] == dt.date(2013, 10, 1)
    assert (by_low[118]["scope"], by_low[118]["period_start"]) == ("period_total", november[0])
    assert by_low[118]["part_of_claim_id"] is None
    # parts of parts linked after them are of the month too
    for part in (61, 48):
        assert (by_low[part]["scope"], by_low[part]["period_start"]) == ("breakdown", november[0]), part


def test_a_total_that_says_it_sums_holds_the_incidents_before_it(extractor):
    items = ("- May 2 - A bomb killed 5 people in Mosul.\n- May 6 - Gunmen killed 3 policemen in Basra.\n\n")
    by_low = {c["value_low"]: c for c in run(extractor, items + "In all, at least 20 people were killed in Iraq in May.",
                                             published=dt.date(2016, 6, 1))[0]}
    assert by_low[5]["part_of_claim_id"] == by_low[3]["part_of_claim_id"] == by_low[20]["claim_id"]
    # without a word that it sums, a later total of the month is a figure of its own
    by_low = {c["value_low"]: c for c in run(extractor, items + "At least 20 people were killed in Iraq in May.",
                                             published=dt.date(2016, 6, 1))[0]}
    assert by_low[5]["part_of_claim_id"] is None and by_low[3]["part_of_claim_id"] is None


def test_an_undated_articles_total_takes_no_dated_items_and_does_not_fail(extractor):
    # no publication date: the total has no days, so no dated row can be shown inside it
    claims, _ = extractor.extract("Bombings across Iraq killed 30 people.\n\nBaghdad: 12 killed on 3 May 2016.", None, "f" * 64)
    assert [(c["value_low"], c["part_of_claim_id"]) for c in claims] == [(30, None), (12, None)]
    # nor does a total that says it sums fail on it
    claims, _ = extractor.extract("Bombings across Iraq killed 30 people.\n\nOn 3 May 2016 a bomb killed 12 people in "
                                  "Baghdad.\n\nIn all, at least 40 people were killed across Iraq.", None, "f" * 64)
    assert {c["value_low"] for c in claims} == {30, 12, 40}


def test_a_compared_figure_of_the_year_before(extractor):
    by_low = figures(extractor, "Civilian deaths rose to 412 in 2015 from 287 the year before, a monitor said.\n\n"
                                "In all, 702 civilians were killed in March, up from 512 the month before.")
    assert (by_low[412]["period_start"], by_low[287]["period_start"], by_low[287]["period_end"]) == (
        dt.date(2015, 1, 1), dt.date(2014, 1, 1), dt.date(2014, 12, 31))
    assert (by_low[512]["period_start"], by_low[512]["period_end"]) == (dt.date(2016, 2, 1), dt.date(2016, 2, 29))


def test_another_sources_toll_of_the_incident_just_told(extractor):
    claims, _ = run(extractor, "A car bomb killed 30 people in Hilla on Tuesday, police said. "
                               "The health ministry put the death toll at 37.")
    first, other = claims
    assert (first["value_low"], first["same_event_as_claim_id"]) == (30, None)
    assert (other["value_low"], other["scope"], other["same_event_as_claim_id"]) == (37, "incident", first["claim_id"])
    # a toll that sums the incidents before it, or of a separate attack, is no other count
    # nor are a toll of other victims, or one of several figures of a sentence
    for body in ("Gunmen killed five people in Hilla on Tuesday. A bomb killed four people in Hilla. The death toll was nine.",
                 "A car bomb killed 30 people in Hilla on Tuesday. In a separate attack, the death toll was 5.",
                 "Gunmen killed half a dozen of the attackers in Hilla on Tuesday, police said. "
                 "He put the death toll among residents and police at 19.",
                 "A bomb killed five people in Hilla on Tuesday. A statement said all six were killed: one in the car "
                 "and five at the gate."):
        claims, _ = run(extractor, body)
        assert not any(c["same_event_as_claim_id"] for c in claims), body


@pytest.mark.parametrize("later", [
    "Police had earlier said 35 people were killed.",
    "Initial reports on Tuesday spoke of 11 dead.",
    "Earlier, a police source put the toll at 17.",
    "Officials had put the toll at nine.",
    "The bombing had initially been reported to have killed 12 people.",
    # a toll cut down is still an earlier count of the same bombing
    "Police had initially put the toll at 60.",
])
def test_an_earlier_count_told_after_the_newer_one(extractor, later):
    claims, _ = run(extractor, "The death toll from Tuesday's car bombing in Hilla rose to 48, the health ministry said. " + later)
    newer, earlier = claims
    assert newer["same_event_as_claim_id"] is None
    assert (earlier["scope"], earlier["same_event_as_claim_id"]) == ("incident", newer["claim_id"])


@pytest.mark.parametrize("later", [
    # reported speech in the pluperfect is the source's own count, not an earlier one
    "Police said they had counted 12 bodies in Kut.",
    # an earlier event, not an earlier count
    "Earlier on Tuesday, police said a roadside bomb killed five people.",
    "A week earlier, 9 farmers had been killed near Kut.",
    # an earlier count of other victims
    "The army had earlier said 12 insurgents were killed.",
])
def test_not_an_earlier_count(extractor, later):
    claims, _ = run(extractor, "A car bomb killed 48 civilians in Hilla on Tuesday, the health ministry said. " + later)
    assert not any(c["same_event_as_claim_id"] for c in claims)


def test_the_place_a_distance_is_measured_from_is_not_where(extractor):
    by_low = figures(extractor, "A car bomb struck a checkpoint in Hilla, 100 km (62 miles) south of Baghdad, on Tuesday, "
                                "killing seven soldiers. Officials had put the toll at five.")
    assert (by_low[7]["place_id"], by_low[5]["place_id"]) == ("iq-hilla", "iq-hilla")
    # with no other place, the point of reference is the best place there is
    by_low = figures(extractor, "A roadside bomb killed three soldiers 15 km north of Mosul on Tuesday.")
    assert by_low[3]["place_id"] == "iq-mosul"


@pytest.mark.parametrize("body, linked", [
    ("The death toll from Tuesday's bombing in Hilla rose to 41 from 12 given on Wednesday.", True),
    ("Police said the death toll from Tuesday's bombing in Hilla had risen to 15, from 12 given on Wednesday.", True),
    ("The death toll from Tuesday's bombing in Hilla rose to 17, up from 11.", True),
    # the figure compared with is of another event or period
    ("The bombing killed 30 people in Hilla on Tuesday, up from 12 in a similar attack last month.", False),
    ("At least 312 civilians were killed in Hilla in April, up from 98 in March.", False),
])
def test_the_superseded_toll_a_risen_toll_is_compared_with(extractor, body, linked):
    newer, older = run(extractor, body)[0]
    assert older["value_low"] < newer["value_low"]
    assert older["same_event_as_claim_id"] == (newer["claim_id"] if linked else None)


@pytest.mark.parametrize("body, days", [
    ("Three civilians were killed on Tuesday and another three on Wednesday in shelling of Mosul.",
     [dt.date(2016, 5, 10), dt.date(2016, 5, 11)]),
    ("Two soldiers were killed on Monday and four more on Tuesday in Mosul.", [dt.date(2016, 5, 9), dt.date(2016, 5, 10)]),
])
def test_a_bare_figure_with_a_day_of_its_own(extractor, body, days):
    claims, _ = run(extractor, body)
    assert [(c["scope"], c["event_date"]) for c in claims] == [("incident", day) for day in days]


def test_n_of_them_with_the_same_outcome_is_a_part(extractor):
    total, part = run(extractor, "Seven people were killed in the blast in Mosul. Two of them were beheaded.")[0]
    assert (part["scope"], part["part_of_claim_id"]) == ("breakdown", total["claim_id"])
    # of another outcome, they are a figure of their own: the kidnapped who were killed
    kidnapped, killed = run(extractor, "Gunmen abducted 12 workers in Mosul; four of them were later killed.")[0]
    assert (killed["outcome"], killed["scope"], killed["part_of_claim_id"]) == ("killed", "incident", None)


def test_a_total_closing_a_list_of_items(extractor):
    claims, _ = run(extractor, "NINEVEH BRIEF - Wednesday\n\n"
                               "Incidents of the past 24 hours:\n\n"
                               "- Mosul: A roadside bomb killed one person near the market on Tuesday. He had just returned from Lebanon.\n"
                               "- Tammuz 17: Gunmen killed a soldier at a checkpoint on Tuesday.\n"
                               "- Mosul: Police found two bodies in the river.\n\n"
                               "Total for the period: 4 dead.")
    *items, total = claims
    assert (total["value_low"], total["scope"], total["place_id"], total["place_source"]) == (4, "period_total", "iq-mosul", "list")
    # two items of one figure are two reports, not a restatement; adding up to the total, they are its parts
    assert [(c["value_low"], c["scope"], c["restates_claim_id"], c["part_of_claim_id"]) for c in items] == [
        (1, "breakdown", None, total["claim_id"]), (1, "breakdown", None, total["claim_id"]),
        (2, "breakdown", None, total["claim_id"])]


def test_an_indefinite_person_is_a_new_person_not_a_restatement(extractor):
    claims, _ = run(extractor, "In Mosul, a policeman was shot dead at a checkpoint on Tuesday.\n\n"
                               "In Tammuz 17, a soldier was killed when a bomb went off on Tuesday.")
    assert [(c["value_low"], c["place_id"], c["restates_claim_id"]) for c in claims] == [
        (1, "iq-mosul", None), (1, "iq-tammuz-17", None)]
    # the body's first telling of a headline's figure restates it
    claims, _ = run(extractor, "A policeman shot dead in Mosul\n\nA policeman was shot dead at a checkpoint in Mosul on Tuesday.")
    assert [c["restates_claim_id"] for c in claims] == [claims[1]["claim_id"], None]


def test_a_figure_spread_over_a_region_stays_the_countrys(extractor):
    by_low = figures(extractor, "Militants killed at least 15 people in a string of attacks across northern Iraq on Monday. "
                                "In Mosul, a roadside bomb killed two soldiers.")
    assert (by_low[15]["place_id"], by_low[15]["scope"]) == ("iq", "period_total")
    # one event in a region takes the place the next sentence names
    by_low = figures(extractor, "A car bomb killed 12 people in northern Iraq on Monday. The blast struck a market in Mosul.")
    assert by_low[12]["place_id"] == "iq-mosul"


def test_parts_never_add_up_to_more_than_their_parent(extractor):
    claims, _ = run(extractor, "Eleven people, including a six-year-old child, were injured in the blast in Mosul. "
                               "Of the injured, seven were policemen and four were civilians.")
    child = next(c for c in claims if c["value_low"] == 1)
    civilians = next(c for c in claims if c["value_low"] == 4)
    # the child is one of the four civilians, not a twelfth injured
    assert child["part_of_claim_id"] == civilians["claim_id"]
    total = next(c for c in claims if c["value_low"] == 11)
    assert sum(c["value_low"] for c in claims if c["part_of_claim_id"] == total["claim_id"]) <= 11


@pytest.mark.parametrize("body, scope", [
    ("Gunmen killed three people in Mosul last week.", "incident"),
    ("Gunmen killed three people in Mosul earlier this month.", "incident"),
    # several events, many dead, or a whole province: a total of the period
    ("Three people were killed in attacks in Mosul last week.", "period_total"),
    ("Gunmen killed 30 people in Mosul last week.", "period_total"),
    ("Gunmen killed three people in Nineveh province last week.", "period_total"),
])
def test_a_few_dead_in_one_town_with_a_coarse_date_are_one_event(extractor, body, scope):
    (claim,), _ = run(extractor, body)
    assert (claim["scope"], claim["period_start"] is not None) == (scope, True)


@pytest.mark.parametrize("later", ["A doctor said 12 people had died.", "A doctor said more than 12 people had died."])
def test_a_sources_figure_of_the_incident_just_told_is_another_count(extractor, later):
    first, other = run(extractor, "A bomb killed 10 people in Hilla on Tuesday, police said. " + later)[0]
    assert other["same_event_as_claim_id"] == first["claim_id"]


@pytest.mark.parametrize("later", [
    "A doctor said two more people had died.",                      # adds
    "A doctor said two children were killed in the crossfire.",     # a part, or others: far smaller
    "Police said a second bomb killed 9 people.",                   # another event
    "The army said 12 militants were killed.",                      # the other side
])
def test_a_sources_figure_that_adds_or_tells_of_others_is_no_other_count(extractor, later):
    claims, _ = run(extractor, "A bomb killed 10 people in Hilla on Tuesday, police said. " + later)
    assert not any(c["same_event_as_claim_id"] for c in claims)


@pytest.mark.parametrize("body, restated", [
    ("Gunmen killed two policemen in Mosul on Monday. Two soldiers were also killed in the city.", False),
    ("Three people were killed in Mosul on Monday. Three more died in the city on Monday night.", False),
    # a qualifier is no addition; a recap is a restatement
    ("More than 10 soldiers were wounded in Mosul on Monday. Officials said more than 10 soldiers were wounded.", True),
    ("A bomb killed 5 people in Mosul. The bombing, which also wounded 20, killed five, police said.", True),
])
def test_a_figure_that_says_it_adds_is_no_restatement(extractor, body, restated):
    claims, _ = run(extractor, body)
    killed_or_wounded = [c for c in claims if c["value_low"] in (2, 3, 5, 10)]
    assert (killed_or_wounded[-1]["restates_claim_id"] is not None) == restated


def test_a_figure_across_several_countries_is_no_one_countrys(extractor):
    claims, _ = run(extractor, "Violence in Iraq and Lebanon\n\n"
                               "At least 43 people were killed in attacks across the two countries on Tuesday. "
                               "Iraq accounted for 30 of the dead and Lebanon for 13.")
    total, iraq, lebanon = claims[-3:]
    assert (total["value_low"], total["place_id"], total["scope"]) == (43, None, "period_total")
    assert [(c["value_low"], c["place_id"], c["part_of_claim_id"]) for c in (iraq, lebanon)] == [
        (30, "iq", total["claim_id"]), (13, "lb", total["claim_id"])]


def test_another_count_three_sentences_on_in_the_next_paragraph(extractor):
    claims, _ = run(extractor, "Twin car bombs killed at least 24 people in a market in Hilla on Tuesday, police said.\n\n"
                               "The first bomb went off near a mosque. Minutes later, a second car exploded as crowds gathered. "
                               "Hospital sources put the toll at 27.")
    first, other = claims
    assert (other["value_low"], other["same_event_as_claim_id"]) == (27, first["claim_id"])


def test_a_sources_count_as_of_a_later_day_is_another_count(extractor):
    first, _, other = run(extractor, "A suicide bomber struck a mosque in Hilla on Friday, killing 56 worshippers and "
                                     "wounding 194. Health officials said 61 people had died by Saturday morning.",
                          published=dt.date(2016, 5, 14))[0]
    assert (other["value_low"], other["same_event_as_claim_id"]) == (61, first["claim_id"])


@pytest.mark.parametrize("body", [
    "Police found 23 bodies across Iraq on Tuesday: 11 in Baghdad, five in Basra and seven in Mosul.",
    "Police found 23 bodies across Iraq on Tuesday, 11 of them in Baghdad, five in Basra and seven in Mosul.",
])
def test_parts_of_a_total_by_place_are_where_their_own_clause_says(extractor, body):
    total, *parts = run(extractor, body)[0]
    assert (total["value_low"], total["place_id"]) == (23, "iq")
    assert [(c["value_low"], c["place_id"], c["part_of_claim_id"]) for c in parts] == [
        (11, "iq-baghdad-city", total["claim_id"]), (5, "iq-basra-city", total["claim_id"]), (7, "iq-mosul", total["claim_id"])]


@pytest.mark.parametrize("body, party", [
    ("US forces said they killed four insurgents in Mosul on Tuesday.", True),
    ("According to the Mahdi Army, 20 Iraqi soldiers died in the clash in Basra.", True),
    ("Troops killed 12 militants near Mosul on Tuesday, the army said.", True),
    # a side speaking of its own losses, of civilians, or of both sides' fighters
    ("Seven soldiers were killed in Basra on Tuesday, the Iraqi Army said.", False),
    ("Four civilians were killed in the attack in Mosul, the Iraqi Army said.", False),
    ("At least 42 fighters from both sides were killed in Mosul on Tuesday, the army said.", False),
    # a record-keeper's count is no side's claim
    ("Gunmen killed five militiamen in Hilla on Tuesday, police said.", False),
])
def test_a_sides_claim_of_the_other_sides_losses(extractor, body, party):
    (claim,) = run(extractor, body)[0]
    assert claim["is_party_claim"] is party


@pytest.mark.parametrize("body", [
    "Gunmen attacked a checkpoint in Hilla on Tuesday, killing seven policemen, officials said. "
    "The Mahdi Army said in a statement that its fighters had killed 20 policemen.",
    "The Mahdi Army said its fighters killed 20 policemen in an attack on a checkpoint in Hilla on Tuesday. "
    "An official said seven policemen were killed.",
])
def test_a_sides_claim_is_another_count_of_the_incident_whatever_its_size(extractor, body):
    first, other = run(extractor, body)[0]
    assert {first["value_low"], other["value_low"]} == {7, 20}
    assert other["same_event_as_claim_id"] == first["claim_id"]
    assert first["is_party_claim"] != other["is_party_claim"]


def test_rows_of_a_table_under_a_heading_that_says_what_they_count(extractor):
    body = ("Between 1 January and 31 March 2016, the monitor recorded 150 civilians killed across Iraq.\n\n"
            "Civilians killed by month, 2016\n"
            "January 60\n"
            "February 50\n"
            "March 40\n\n"
            "Civilians killed by province\n\n"
            "Baghdad: 90\n"
            "Nineveh (35)\n"
            "Other provinces: 25\n\n"
            "Displaced families by province\n"
            "Basra: 400")
    claims, _ = run(extractor, body)
    total = claims[0]
    assert (total["value_low"], total["period_start"], total["period_end"]) == (150, dt.date(2016, 1, 1), dt.date(2016, 3, 31))
    months = [(c["value_low"], c["period_start"], c["period_end"], c["scope"]) for c in claims[1:4]]
    assert months == [(60, dt.date(2016, 1, 1), dt.date(2016, 1, 31), "period_total"),
                      (50, dt.date(2016, 2, 1), dt.date(2016, 2, 29), "period_total"),
                      (40, dt.date(2016, 3, 1), dt.date(2016, 3, 31), "period_total")]
    # the rows of places are the report total's parts, each in its place; families are no casualties
    provinces = [(c["value_low"], c["place_id"], c["part_of_claim_id"], c["victim_class"]) for c in claims[4:]]
    assert provinces == [(90, "iq-baghdad-city", total["claim_id"], "civilian"), (35, "iq-nineveh", total["claim_id"], "civilian"),
                         (25, "iq", total["claim_id"], "civilian")]


def test_a_date_in_a_later_clause_is_not_the_figures(extractor):
    (total, wounded, earlier), _ = run(extractor, "Between 1 January and 31 March 2016, the monitor recorded 150 civilians "
                                                  "killed and 300 injured, up from the first quarter of 2015, when it "
                                                  "recorded 120 killed.")
    assert (total["period_start"], total["period_end"]) == (dt.date(2016, 1, 1), dt.date(2016, 3, 31))
    assert wounded["period_start"] == dt.date(2016, 1, 1)


def test_a_numbered_bulletins_total_holds_its_items_but_not_the_militants_the_forces_killed(extractor):
    body = ("The police command reports the following incidents of the past 24 hours:\n\n"
            "1. At 21:40 on Tuesday, a roadside bomb exploded in Mosul. It killed four people.\n\n"
            "2. Police found the bodies of two men in Hilla on Tuesday.\n\n"
            "3. Troops killed three insurgents in Basra on Tuesday.\n\n"
            "Total for the 24 hours: 6 martyrs, 3 arrests.")
    claims, _ = run(extractor, body)
    by_low = {c["value_low"]: c for c in claims if c["outcome"] == "killed"}
    total = by_low[6]
    assert total["scope"] == "period_total"
    assert [by_low[n]["part_of_claim_id"] for n in (4, 2)] == [total["claim_id"]] * 2
    assert by_low[3]["part_of_claim_id"] is None
    # an item keeps the place and day its paragraph tells
    assert (by_low[4]["place_id"], by_low[4]["event_date"]) == ("iq-mosul", dt.date(2016, 5, 10))


def test_parts_told_by_time_add_up_and_a_class_part_nests_among_them(extractor):
    body = ("A bomb exploded at the bus station in Hilla on Tuesday.\n\n"
            "Four of the victims were brought in dead. Of those admitted, two died in the operating theatre on "
            "Tuesday evening and one more died overnight, bringing the number of deaths to seven. Three of the dead "
            "were pupils.\n\n"
            "The army said its troops killed two gunmen in a raid in Hilla on Wednesday morning.")
    claims, _ = run(extractor, body, published=dt.date(2016, 5, 12))
    killed = {(c["value_low"], c["quote"][:12]): c for c in claims if c["outcome"] == "killed"}
    toll = next(c for c in claims if c["value_low"] == 7)
    four, two, one, three = (next(c for c in claims if c["value_low"] == n and c["char_start"] < toll["char_start"] + 60)
                             for n in (4, 2, 1, 3))
    assert [c["part_of_claim_id"] for c in (four, two, one)] == [toll["claim_id"]] * 3
    assert three["part_of_claim_id"] == four["claim_id"]
    # the raid's two on another day are no restatement of the two who died on Tuesday
    raid = [c for c in claims if c["value_low"] == 2 and c is not two][0]
    assert two["restates_claim_id"] is None and raid["restates_claim_id"] is None
    assert len(killed) == 6


def test_a_weekly_wraps_total_holds_its_days_but_not_the_militants_it_leaves_out(extractor):
    body = ("Week in review\n\n"
            "Thursday, May 5. Gunmen killed four shepherds near Mosul.\n\n"
            "Friday, May 6. Militants attacked a checkpoint in Hilla, killing three soldiers. The army said its "
            "aircraft killed nine militants near Hilla the same night.\n\n"
            "Monday, May 9. Gunmen killed three fighters at a checkpoint in Basra.\n\n"
            "Tuesday, May 10. A bomb killed two children in Sadr City.\n\n"
            "In all, at least 12 people were killed during the week, not counting the militants the army said it "
            "had killed. That is up from 19 killed the week before.")
    claims, _ = run(extractor, body)  # published Wednesday 11 May
    killed = [c for c in claims if c["outcome"] == "killed"]
    total = next(c for c in killed if c["value_low"] == 12)
    assert (total["period_start"], total["period_end"]) == (dt.date(2016, 5, 4), dt.date(2016, 5, 10))
    parts = [(c["value_low"], c["event_date"]) for c in killed if c["part_of_claim_id"] == total["claim_id"]]
    assert (4, dt.date(2016, 5, 5)) in parts and (2, dt.date(2016, 5, 10)) in parts
    assert all(c["part_of_claim_id"] is None for c in killed if c["value_low"] == 9)
    # Monday's three fighters in Basra are no restatement of Friday's three soldiers in Hilla
    assert all(c["restates_claim_id"] is None for c in killed if c["value_low"] == 3)
    earlier = next(c for c in killed if c["value_low"] == 19)
    assert (earlier["scope"], earlier["period_start"], earlier["period_end"]) == (
        "period_total", dt.date(2016, 4, 27), dt.date(2016, 5, 3))


def test_a_table_told_in_a_sentence(extractor):
    body = ("Between 1 January and 31 March 2016, the monitor recorded 150 civilians killed across Iraq.\n\n"
            "By governorate, Baghdad recorded the most civilian deaths (60), followed by Nineveh (35) and Basra (20). "
            "The Iraqi Army (ANA) said 12 (twelve) soldiers were wounded.")
    claims, _ = run(extractor, body)
    total = claims[0]
    rows = [(c["value_low"], c["place_id"], c["part_of_claim_id"], c["period_start"]) for c in claims if c["value_low"] in (60, 35, 20)]
    assert rows == [(60, "iq-baghdad-city", total["claim_id"], dt.date(2016, 1, 1)),
                    (35, "iq-nineveh", total["claim_id"], dt.date(2016, 1, 1)),
                    (20, "iq-basra-city", total["claim_id"], dt.date(2016, 1, 1))]


def test_the_nth_person_after_n_minus_one_is_one_of_a_count_told_before(extractor):
    body = ("A roadside bomb killed four soldiers near Mosul on Tuesday, officials said.\n\n"
            "The army had put the toll at three soldiers dead in the morning; a fourth soldier, who was badly "
            "wounded, died in hospital in the afternoon.\n\n"
            "Two policemen were killed in Hilla on Tuesday; a third was wounded.")
    claims, _ = run(extractor, body)
    four = next(c for c in claims if c["value_low"] == 4)
    fourth = next(c for c in claims if c["quote"].startswith("a fourth"))
    assert fourth["part_of_claim_id"] == four["claim_id"]
    third = next(c for c in claims if c["quote"].startswith("a third"))
    assert (third["outcome"], third["part_of_claim_id"]) == ("wounded", None)


def test_parts_named_by_a_headline_or_after_the_injured_are_parts(extractor):
    body = ("Twin bombs kill 9 in Mosul, police chief among wounded\n\n"
            "MOSUL, Iraq - Two bombs killed nine people and wounded 27 at a bus station in Mosul on Tuesday, police said. "
            "The injured, among them 3 children, were taken to hospital.")
    claims, _ = run(extractor, body)
    wounded = {c["value_low"]: c for c in claims if c["outcome"] == "wounded"}
    assert wounded[1]["part_of_claim_id"] == wounded[27]["claim_id"]
    assert wounded[3]["part_of_claim_id"] == wounded[27]["claim_id"]


def test_those_still_in_hospital_are_a_part_of_the_wounded_told_before(extractor):
    by_low = figures(extractor, "Police said 32 people were wounded in the blast on Monday. "
                                "Of those, 11 have been discharged after treatment and seven are still admitted.")
    assert [(by_low[n]["scope"], by_low[n]["part_of_claim_id"] == by_low[32]["claim_id"]) for n in (11, 7)] == [
        ("breakdown", True), ("breakdown", True)]
    # with no larger figure before, the hospital's count is the incident's
    assert figures(extractor, "Twenty people were admitted with injuries after the blast.")[20]["scope"] == "incident"


def test_a_sentence_opening_on_the_figure_before_carries_its_outcome(extractor):
    by_low = figures(extractor, "The blast killed 27 people in Heet on Monday. Of the 27, nine were soldiers "
                                "and 18 were civilians, among them six children.")
    assert [(by_low[n]["outcome"], by_low[n]["scope"]) for n in (9, 18, 6)] == [("killed", "breakdown")] * 3
    assert by_low[9]["part_of_claim_id"] == by_low[18]["part_of_claim_id"] == by_low[27]["claim_id"]
    assert by_low[6]["part_of_claim_id"] == by_low[18]["claim_id"]  # the children are of the civilians
    assert set(figures(extractor, "The blast wounded 27 people. Of them, nine were children.")) == {27, 9}
    # another number, or a sentence of two outcomes before: nothing to carry
    assert set(figures(extractor, "The blast killed 27 people. Of the 30, nine were soldiers.")) == {27}
    assert set(figures(extractor, "The blast killed 27 people and wounded 40. Of them, nine were soldiers.")) == {27, 40}


def test_the_wounded_who_died_are_of_the_toll_told_with_them(extractor):
    # in a sentence of their own, deaths the toll before did not count
    apart = figures(extractor, "Fighters raided the village on Sunday, killing nine villagers and wounding 14. "
                               "A relative said that two of the wounded died later in hospital.")
    assert (apart[2]["scope"], apart[2]["part_of_claim_id"]) == ("incident", None)
    # with the toll they raised, after them in the sentence, or said to be in the one before
    raised = figures(extractor, "Gunmen killed 11 people at a party on Saturday. On Sunday two of the injured "
                                "had died, bringing the number of dead to 13.")
    assert raised[2]["part_of_claim_id"] == raised[13]["claim_id"]
    included = figures(extractor, "Gunmen killed 11 people at a party on Saturday. Two of the injured died "
                                  "overnight and are included in that figure.")
    assert included[2]["part_of_claim_id"] == included[11]["claim_id"]


def test_a_word_of_one_attack_modifying_a_plural_names_several(extractor):
    # "suicide bombings" are several attacks: a figure of a period over them is its total
    (toll,) = run(extractor, "The state government said 87 people were killed in suicide bombings in the first "
                             "five months of the year.")[0]
    assert (toll["scope"], str(toll["period_start"])) == ("period_total", "2016-01-01")
    (one,) = run(extractor, "A suicide bomber killed 12 people in Mosul last week.")[0]
    assert one["scope"] == "incident"


def test_one_persons_death_of_a_coarse_date_is_an_incident(extractor):
    (death,) = run(extractor, "Her husband was killed in 2014, she said.")[0]
    assert (death["scope"], death["date_precision"]) == ("incident", "year")
    (many,) = run(extractor, "Twenty people were killed in the province in 2014.")[0]
    assert many["scope"] == "period_total"


def test_those_found_after_a_sentence_about_bodies_are_some_of_them(extractor):
    by_low = figures(extractor, "Police found the bodies of 30 men across the capital on Tuesday. Fourteen of the "
                                "bodies were dumped in Amiriya and a further nine were pulled out of the Tigris.")
    assert [by_low[n]["part_of_claim_id"] == by_low[30]["claim_id"] for n in (14, 9)] == [True, True]
    assert by_low[9]["outcome"] == "killed"
    # found, but not bodies: weapons, cars
    assert set(figures(extractor, "Police found the bodies of 23 men. Eleven cars were found nearby.")) == {23}
    assert set(figures(extractor, "Police killed 30 militants. Eleven were found hiding in the house.")) == {30}


def test_another_count_of_the_figure_before_carries_its_outcome(extractor):
    by_low = figures(extractor, "Police said 12 people were wounded in the blast. The hospital's count was 15.")
    assert (by_low[15]["outcome"], by_low[15]["same_event_as_claim_id"]) == ("wounded", by_low[12]["claim_id"])
    # a figure of something else after a sentence with no casualty figure
    assert figures(extractor, "The ministry said turnout was low. The official figure is 37.") == {}


def test_a_sources_bare_count_of_the_figure_before(extractor):
    by_low = figures(extractor, "By Sunday morning the police said six men were dead. By Sunday evening the "
                                "prosecutor's office said eight, and that four more were in hospital.")
    assert (by_low[8]["outcome"], by_low[8]["same_event_as_claim_id"]) == ("killed", by_low[6]["claim_id"])
    assert by_low[4]["outcome"] == "wounded"
    # a number that starts a clause of its own is no count
    assert set(figures(extractor, "Police said 12 people were killed. The army said eight militants had fled.")) == {12}


def test_some_of_them_in_the_next_sentence_are_a_part_of_the_figure(extractor):
    by_low = figures(extractor, "A bomb killed 12 people in the market on Monday. Three of them were children.")
    assert (by_low[3]["outcome"], by_low[3]["victim_class"], by_low[3]["part_of_claim_id"]) == (
        "killed", "civilian", by_low[12]["claim_id"])
    wounded = figures(extractor, "Gunmen wounded 12 people on Monday. Four of the victims were police officers.")
    assert (wounded[4]["outcome"], wounded[4]["victim_class"]) == ("wounded", "security_forces")
    # what they were must be victims: not "arrested", not "from Basra"
    assert set(figures(extractor, "A bomb killed 12 people. Three of them were arrested.")) == {12}
    assert set(figures(extractor, "Twelve soldiers were killed. Four of them were from Basra.")) == {12}
