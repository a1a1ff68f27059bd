"""The numbers of tests/gold/seed/seed_marts.md, from `dbt build` on the sample corpus.

The warehouse holds the five sample articles, ingested by the real pipeline in two runs (the
2022 article in a later run), with the gold claims of tests/gold/seed/seed_claims.jsonl as
their newest extraction (tests/fixtures/gold_claims.py), so these tests check the dbt models
and not the extractor.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from fixtures.gold_claims import GoldLoad, load_gold_warehouse
from ingest.dbt import run_dbt
from ingest.explain import explain_command

ARTICLE_000 = "000_78ab6b2a963761b2"
ARTICLE_003 = "003_b3a28f01b4569fc2"

# mart_monthly_casualties rows with a killed_best above 0, as (month, admin1 or None for the
# country-wide row, victim_class): killed_best. All in Iraq. The seed_marts.md rows, plus the
# country-wide roll-ups of its admin1 rows (13, 4, 30: no other claim in those cells).
KILLED_BEST = {
    ("2008-04", "Baghdad", "militants"): 13,  # one incident; the 7 of one firefight is a breakdown
    ("2008-04", None, "militants"): 13,
    ("2008-04", "Baghdad", "foreign_military"): 21,  # period total for Baghdad in April
    ("2008-04", None, "foreign_military"): 47,  # greatest(21 + 0, country-wide total 47)
    ("2007-09", None, "foreign_military"): 65,  # "last September when 65 troops were killed"
    ("2008-03", None, "mixed_unknown"): 1082,  # month total; the 50 of 25 March is inside it
    ("2022-08", "Basra", "militants"): 4,  # the 2 + 2 are breakdowns of the 4
    ("2022-08", None, "militants"): 4,
    ("2022-08", "Baghdad", "mixed_unknown"): 30,  # Green Zone clashes
    ("2022-08", None, "mixed_unknown"): 30,
}
WOUNDED_BEST = {
    ("2022-08", "Baghdad", "mixed_unknown"): 400,
    ("2022-08", None, "mixed_unknown"): 400,
}
# The Sadr City toll, 25 March - 30 April 2008 (37 days), over the Baghdad / mixed_unknown rows.
KILLED_TOLL = {"2008-03": 175, "2008-04": 750}
WOUNDED_TOLL = {"2008-03": 493, "2008-04": 2112}

# mart_monthly_actor_activity: articles naming the actor, by publication month.
ACTOR_ARTICLES = {
    "Mahdi Army": {"2008-03": 1, "2008-04": 2, "2008-06": 1, "2022-09": 0},
    "Muqtada al-Sadr": {"2008-03": 1, "2008-04": 1, "2008-06": 1, "2022-09": 1},
    "Nuri al-Maliki": {"2008-03": 0, "2008-04": 2, "2008-06": 1, "2022-09": 0},
    "Saraya al-Salam": {"2008-03": 0, "2008-04": 0, "2008-06": 0, "2022-09": 1},
    "Asaib Ahl al-Haq": {"2008-03": 0, "2008-04": 0, "2008-06": 0, "2022-09": 1},
}
KILLED_AMONG_MEMBERS = {("Saraya al-Salam", "2022-08"): 2, ("Asaib Ahl al-Haq", "2022-08"): 2}


def _month(value: dt.date | None) -> str | None:
    return value.strftime("%Y-%m") if value else None


def _build(warehouse: Path, monkeypatch: pytest.MonkeyPatch, variables: dict | None = None) -> None:
    monkeypatch.setenv("DBT_TARGET_PATH", str(warehouse.parent / "dbt_target"))
    monkeypatch.setenv("DBT_LOG_PATH", str(warehouse.parent / "dbt_logs"))
    code = run_dbt(["build"], warehouse, variables, quiet=True)
    assert code == 0, f"dbt build exited {code} on {warehouse}"


@pytest.fixture(scope="module")
def gold_warehouse(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, GoldLoad]:
    warehouse = tmp_path_factory.mktemp("gold") / "warehouse.duckdb"
    load = load_gold_warehouse(warehouse)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _build(warehouse, monkeypatch)
    return warehouse, load


@pytest.fixture(scope="module")
def con(gold_warehouse):
    connection = duckdb.connect(str(gold_warehouse[0]), read_only=True)
    yield connection
    connection.close()


def _rows(con, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def test_fixture_claims_are_the_gold(con, gold_warehouse):
    claims = _rows(con, "select * from marts.fct_casualty_claims")
    assert len(claims) == gold_warehouse[1].claims == 18
    assert {c["extractor_version"] for c in claims} == {"gold-fixture"}


def test_killed_best_rows(con):
    rows = _rows(con, "select * from marts.mart_monthly_casualties where killed_best > 0")
    got = {(_month(r["month"]), r["admin1"], r["victim_class"]): r["killed_best"] for r in rows}
    assert got == KILLED_BEST
    assert {r["country"] for r in rows} == {"Iraq"}


def test_wounded_best_rows(con):
    rows = _rows(con, "select * from marts.mart_monthly_casualties where wounded_best > 0")
    got = {(_month(r["month"]), r["admin1"], r["victim_class"]): r["wounded_best"] for r in rows}
    assert got == WOUNDED_BEST


def test_country_wide_row_is_the_greater_of_admin1_sum_and_country_total(con):
    row = _rows(con, """select * from marts.mart_monthly_casualties
                        where month = date '2008-04-01' and country = 'Iraq' and admin1 is null
                          and victim_class = 'foreign_military'""")[0]
    assert (row["killed_low"], row["killed_best"], row["killed_high"]) == (47, 47, None)
    assert row["killed_reported_total"] == 47
    assert row["is_country_wide"] is True


def test_sadr_city_toll_is_prorated_175_750_and_493_2112(con):
    rows = _rows(con, """select * from marts.mart_monthly_casualties
                         where country = 'Iraq' and admin1 = 'Baghdad' and victim_class = 'mixed_unknown'
                           and month < date '2009-01-01'""")
    killed = {_month(r["month"]): r["killed_toll_prorated"] for r in rows if r["killed_toll_prorated"]}
    wounded = {_month(r["month"]): r["wounded_toll_prorated"] for r in rows if r["wounded_toll_prorated"]}
    assert killed == KILLED_TOLL and sum(killed.values()) == 925
    assert wounded == WOUNDED_TOLL and sum(wounded.values()) == 2605
    assert all(r["killed_best"] == 0 and r["wounded_best"] == 0 for r in rows), "a toll added to a best figure"


def test_restated_900_adds_nothing(con):
    claim = _rows(con, "select * from marts.fct_casualty_claims where article_id = ? and value_low = 900",
                  [ARTICLE_000])[0]
    assert claim["counting_role"] == "restatement"
    assert claim["restates_claim_id"] == f"{ARTICLE_000}-02"
    assert (claim["counted_low"], claim["counted_best"], claim["figure_kind"]) == (None, None, None)
    prorated = con.execute("select count(*) from intermediate.int_tolls_prorated where claim_id = ?",
                           [claim["claim_id"]]).fetchone()[0]
    assert prorated == 0
    total = con.execute("""select sum(killed_toll_prorated) from marts.mart_monthly_casualties
                           where admin1 = 'Baghdad' and victim_class = 'mixed_unknown'""").fetchone()[0]
    assert total == 925


def test_vague_hundreds_is_kept_and_adds_to_no_best(con):
    claim = _rows(con, "select * from marts.fct_casualty_claims where quote like 'Hundreds of people%'")[0]
    assert (claim["value_low"], claim["value_high"], claim["is_vague"]) == (200, None, True)
    assert claim["vague_term"] == "hundreds"
    assert claim["scope"] == "cumulative" and claim["figure_kind"] == "toll"
    bests = _rows(con, """select month, killed_best from marts.mart_monthly_casualties
                          where admin1 is null and victim_class = 'mixed_unknown' and killed_best > 0
                            and month < date '2009-01-01'""")
    assert {(_month(r["month"]), r["killed_best"]) for r in bests} == {("2008-03", 1082)}


def test_article_003_yields_no_claim(con):
    assert con.execute("select count(*) from marts.fct_casualty_claims where article_id = ?",
                       [ARTICLE_003]).fetchone()[0] == 0
    assert con.execute("select claims from marts.dim_articles where article_id = ?",
                       [ARTICLE_003]).fetchone()[0] == 0


def test_incidents_merge_and_breakdowns(con):
    incidents = _rows(con, "select * from marts.fct_incidents order by event_date")
    got = [(str(i["event_date"]), i["admin1"], i["killed_best"], i["wounded_best"]) for i in incidents]
    assert got == [("2008-04-30", "Baghdad", 13, None), ("2022-08-30", "Baghdad", 30, 400),
                   ("2022-08-31", "Basra", 4, None)]
    breakdowns = _rows(con, "select * from marts.fct_casualty_claims where counting_role = 'breakdown'")
    assert len(breakdowns) == 3 and all(b["incident_id"] for b in breakdowns)


def test_actor_articles_by_publication_month(con):
    rows = _rows(con, "select actor, month, articles from marts.mart_monthly_actor_activity")
    got = {(r["actor"], _month(r["month"])): r["articles"] for r in rows}
    for actor, months in ACTOR_ARTICLES.items():
        for month, expected in months.items():
            assert got.get((actor, month), 0) == expected, (actor, month)


def test_killed_among_members(con):
    rows = _rows(con, "select actor, month, killed_among_members from marts.mart_monthly_actor_activity "
                      "where killed_among_members > 0 and actor in ('Saraya al-Salam', 'Asaib Ahl al-Haq')")
    assert {(r["actor"], _month(r["month"])): r["killed_among_members"] for r in rows} == KILLED_AMONG_MEMBERS


def test_as_of_before_the_2022_article_yields_no_2022_rows(gold_warehouse, tmp_path, monkeypatch):
    source, load = gold_warehouse
    warehouse = tmp_path / "as_of.duckdb"
    shutil.copy(source, warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        received = con.execute("select min(received_at) from raw.article_events "
                               "where published >= date '2022-01-01'").fetchone()[0]
    as_of = load.first_gold_extracted_at
    assert as_of < received, "the fixture did not receive the 2022 article later"
    _build(warehouse, monkeypatch, {"as_of": as_of.isoformat(sep=" ")})
    with duckdb.connect(str(warehouse), read_only=True) as con:
        months = {_month(m) for (m,) in con.execute("select month from marts.mart_monthly_casualties").fetchall()}
        articles = {a for (a,) in con.execute("select article_id from marts.dim_articles").fetchall()}
        actor_months = {_month(m) for (m,) in con.execute("select month from marts.mart_monthly_actor_activity").fetchall()}
    assert not {m for m in months | actor_months if m and m.startswith("2022")}
    assert len(articles) == 4 and all(not a.startswith("004_") for a in articles)
    assert {"2008-03", "2008-04", "2007-09"} <= months, "the earlier articles' figures should still be there"


def test_explain_prints_the_claims_behind_a_row(gold_warehouse, monkeypatch):
    monkeypatch.setenv("WAREHOUSE_PATH", str(gold_warehouse[0]))
    result = CliRunner().invoke(explain_command, ["--month", "2008-04", "--admin1", "Baghdad",
                                                  "--victim-class", "militants"])
    assert result.exit_code == 0, result.output
    assert "killed_best 13" in result.output
    assert "fresh clashes left another 13 militants killed" in result.output
    assert "In one firefight, seven militants were killed" in result.output  # the sentence
    assert "breakdown of" in result.output and "Dawn (AFP)" in result.output


def test_explain_an_actor(gold_warehouse, monkeypatch):
    monkeypatch.setenv("WAREHOUSE_PATH", str(gold_warehouse[0]))
    result = CliRunner().invoke(explain_command, ["--actor", "AAH", "--month", "2022-08"])
    assert result.exit_code == 0, result.output
    assert "Asaib Ahl al-Haq" in result.output and "killed_among_members 2" in result.output
    assert "two from AAH were killed" in result.output
