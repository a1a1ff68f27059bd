"""Reconciliation rules on small hand-written articles, through the real extractor and dbt."""

import duckdb

from conftest import run_cli, write_articles

PUBLISHED = "2016-05-11"  # a Wednesday


def build(warehouse, folder):
    run_cli(warehouse, "ingest", str(folder), check=True)
    result = run_cli(warehouse, "build", "--no-publish")
    assert result.returncode == 0, result.stdout[-3000:]


def query(warehouse, sql):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def outlets(*sources):
    """The manifest of a.txt, b.txt, ... published the same day by these outlets."""
    return [{"file": f"{chr(97 + k)}.txt", "article_id": chr(97 + k), "published": PUBLISHED, "source": source}
            for k, source in enumerate(sources)]


def test_parts_without_a_total_add_up_and_merge_with_another_outlets_total(warehouse, tmp_path):
    folder = write_articles(tmp_path / "in", {
        "a.txt": "MOSUL, Iraq (Reuters) - Three policemen and two soldiers were killed when a car bomb exploded "
                 "at a checkpoint in Mosul on Tuesday, officials said.",
        "b.txt": "MOSUL, Iraq (AP) - Five members of the security forces were killed in a car bomb attack on a "
                 "checkpoint in Mosul on Tuesday, police said.",
    }, manifest=outlets("Reuters", "AP"))
    build(warehouse, folder)
    incidents = query(warehouse, "select killed_low, report_count, source_count from marts.fct_incidents")
    assert incidents == [(5, 2, 2)]
    cell = query(warehouse, "select killed_best, incidents from marts.mart_monthly_casualties "
                            "where admin1 = 'Nineveh' and victim_class = 'security_forces'")
    assert cell == [(5, 1)]


def test_two_outlets_one_incident_largest_low_and_a_restated_headline_adds_nothing(warehouse, tmp_path):
    folder = write_articles(tmp_path / "in", {
        "a.txt": "Bomb kills 12 in Hilla market\n\nHILLA, Iraq - A bomb killed at least 12 people at a market in "
                 "Hilla on Tuesday, police said.",
        "b.txt": "HILLA, Iraq - Fourteen people were killed when a bomb went off in a crowded market in Hilla on "
                 "Tuesday, a hospital official said.",
        "c.txt": "KIRKUK, Iraq - Gunmen killed three shepherds near Kirkuk on Monday.",
    }, manifest=outlets("AFP", "AP", "AFP"))
    build(warehouse, folder)
    rows = query(warehouse, "select admin1, killed_best, incidents, articles, sources from marts.mart_monthly_casualties "
                            "where admin1 is not null order by admin1")
    assert rows == [("Babil", 14, 1, 2, 2), ("Kirkuk", 3, 1, 1, 1)]
    country = query(warehouse, "select killed_best from marts.mart_monthly_casualties where admin1 is null "
                               "and victim_class = 'mixed_unknown'")
    assert country == [(14,)]


def test_another_sources_toll_in_one_article_is_one_incident_of_the_larger_count(warehouse, tmp_path):
    folder = write_articles(tmp_path / "in", {
        "a.txt": "HILLA, Iraq - A car bomb killed 30 people at a market in Hilla on Tuesday, police said. "
                 "The health ministry put the death toll at 37.",
        "b.txt": "HILLA, Iraq - A car bomb killed 31 people at a market in Hilla on Tuesday, police said.",
    }, manifest=outlets("AFP", "AFP"))
    build(warehouse, folder)
    linked = query(warehouse, "select article_id, value_low, same_event_as_claim_id is not null from marts.fct_casualty_claims "
                              "where article_id = 'a' order by value_low")
    assert linked == [("a", 30, False), ("a", 37, True)]
    # a's two counts are one incident (not 67 killed), merged with b's report of it: two articles
    assert query(warehouse, "select killed_low, report_count, source_count from marts.fct_incidents") == [(37, 2, 1)]
    assert query(warehouse, "select killed_best from marts.mart_monthly_casualties where admin1 = 'Babil'") == [(37,)]


def test_a_superseded_count_in_one_article_adds_nothing(warehouse, tmp_path):
    folder = write_articles(tmp_path / "in", {
        # the count a risen toll is compared with, and an earlier count told after the newer one
        "a.txt": "HILLA, Iraq - The death toll from Tuesday's car bombing at a market in Hilla rose to 41 "
                 "from 12 given on Tuesday night, police said.",
        "b.txt": "MOSUL, Iraq - A car bomb killed 15 people at a checkpoint in Mosul on Tuesday, officials said. "
                 "Police had initially put the toll at nine.",
    }, manifest=outlets("AFP", "AFP"))
    build(warehouse, folder)
    rows = query(warehouse, "select admin1, killed_best, incidents from marts.mart_monthly_casualties "
                            "where admin1 is not null order by admin1")
    assert rows == [("Babil", 41, 1), ("Nineveh", 15, 1)]


def test_a_sides_claim_of_the_other_sides_losses_raises_only_the_high(warehouse, tmp_path, monkeypatch):
    folder = write_articles(tmp_path / "in", {
        "a.txt": "KUNDUZ, Afghanistan - Taliban fighters attacked a police checkpoint in Kunduz on Tuesday, killing "
                 "seven policemen, officials said. A Taliban spokesman said the fighters had killed 20 policemen.",
    }, manifest=outlets("AFP"))
    build(warehouse, folder)
    claims = query(warehouse, "select value_low, is_party_claim from marts.fct_casualty_claims order by value_low")
    assert claims == [(7, False), (20, True)]
    # one incident of 7 (not 27, nor the Taliban's 20), its top the Taliban's 20
    assert query(warehouse, "select killed_low, killed_best, killed_high from marts.fct_incidents") == [(7, 7, 20)]
    assert query(warehouse, "select killed_best from marts.mart_monthly_casualties where admin1 = 'Kunduz'") == [(7,)]
    from click.testing import CliRunner
    from ingest.explain import explain_command
    monkeypatch.setenv("WAREHOUSE_PATH", str(warehouse))
    result = CliRunner().invoke(explain_command, ["--month", "2016-05", "--country", "Afghanistan", "--admin1", "Kunduz"])
    assert result.exit_code == 0, result.output
    assert "a side's claim of the other side's losses" in result.output


def test_a_sides_claim_in_another_article_merges_with_the_count_whatever_its_size(warehouse, tmp_path):
    folder = write_articles(tmp_path / "in", {
        "a.txt": "KUNDUZ, Afghanistan - Taliban fighters attacked a police checkpoint in Kunduz on Tuesday, killing "
                 "seven policemen, officials said.",
        "b.txt": "KUNDUZ, Afghanistan - The Taliban said their fighters killed 20 policemen at a checkpoint in Kunduz "
                 "on Tuesday.",
    }, manifest=outlets("AFP", "AP"))
    build(warehouse, folder)
    assert query(warehouse, "select killed_low, killed_best, killed_high, report_count from marts.fct_incidents") == [
        (7, 7, 20, 2)]
    assert query(warehouse, "select killed_best from marts.mart_monthly_casualties where admin1 = 'Kunduz'") == [(7,)]


def test_a_bulletins_closing_total_does_not_add_to_its_items(warehouse, tmp_path):
    folder = write_articles(tmp_path / "in", {
        "a.txt": "DIYALA SECURITY BRIEF - Wednesday\n\nIncidents of the past 24 hours:\n\n"
                 "- Baquba: A roadside bomb killed one person near the market on Tuesday.\n"
                 "- Khalis: A mortar round killed one person on Tuesday.\n"
                 "- Mandali: Police found two bodies in a canal on Tuesday.\n\n"
                 "Total for the period: 4 dead.",
    }, manifest=outlets("Diyala Police"))
    build(warehouse, folder)
    # the items add up to the total: its parts, one statement of 4 (not 4 + 4)
    rows = query(warehouse, "select sum(killed_best), sum(articles) from marts.mart_monthly_casualties where admin1 = 'Diyala'")
    assert rows == [(4, 1)]


def test_parts_of_different_classes_in_one_sentence_keep_their_classes(warehouse, tmp_path):
    folder = write_articles(tmp_path / "in", {
        "a.txt": "MOSUL, Iraq (Reuters) - Gunmen killed three policemen and two civilians at a checkpoint in Mosul "
                 "on Tuesday, officials said.",
    }, manifest=outlets("Reuters"))
    build(warehouse, folder)
    rows = query(warehouse, "select victim_class, killed_best from marts.mart_monthly_casualties "
                            "where admin1 = 'Nineveh' order by victim_class")
    assert rows == [("civilian", 2), ("security_forces", 3)]
    assert query(warehouse, "select killed_low from marts.fct_incidents") == [(5,)]
