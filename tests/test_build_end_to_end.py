"""`cwh build` on the sample corpus with the real extractor: the numbers of tests/gold/seed/seed_marts.md."""

import duckdb
import pytest

from conftest import run_cli


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    warehouse = tmp_path_factory.mktemp("e2e") / "warehouse.duckdb"
    result = run_cli(warehouse, "build")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "casualty claims:" in result.stdout and "published" in result.stdout
    return warehouse


def cell(warehouse, month, admin1, victim_class, column):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            f"select {column} from marts.mart_monthly_casualties where strftime(month, '%Y-%m') = ? "
            "and country = 'Iraq' and admin1 is not distinct from ? and victim_class = ?",
            [month, admin1, victim_class]).fetchall()
    finally:
        con.close()
    assert len(rows) == 1, (month, admin1, victim_class, rows)
    return rows[0][0]


@pytest.mark.parametrize("month, admin1, victim_class, column, expected", [
    ("2008-04", "Baghdad", "militants", "killed_best", 13),
    ("2008-04", "Baghdad", "foreign_military", "killed_best", 21),
    ("2008-04", None, "foreign_military", "killed_best", 47),
    ("2007-09", None, "foreign_military", "killed_best", 65),
    ("2008-03", None, "mixed_unknown", "killed_best", 1082),
    ("2022-08", "Basra", "militants", "killed_best", 4),
    ("2022-08", "Baghdad", "mixed_unknown", "killed_best", 30),
    ("2022-08", "Baghdad", "mixed_unknown", "wounded_best", 400),
    ("2008-03", "Baghdad", "mixed_unknown", "killed_toll_prorated", 175),
    ("2008-04", "Baghdad", "mixed_unknown", "killed_toll_prorated", 750),
    ("2008-03", "Baghdad", "mixed_unknown", "wounded_toll_prorated", 493),
    ("2008-04", "Baghdad", "mixed_unknown", "wounded_toll_prorated", 2112),
    ("2008-04", "Baghdad", "mixed_unknown", "killed_best", 0),  # the 925 toll and its 900 restatement add nothing
])
def test_seed_marts_from_the_real_extractor(built, month, admin1, victim_class, column, expected):
    assert cell(built, month, admin1, victim_class, column) == expected


def test_actor_articles_by_publication_month(built):
    con = duckdb.connect(str(built), read_only=True)
    rows = dict(((a, m), n) for a, m, n in con.execute(
        "select actor, strftime(month, '%Y-%m'), articles from marts.mart_monthly_actor_activity").fetchall())
    killed = dict(((a, m), n) for a, m, n in con.execute(
        "select actor, strftime(month, '%Y-%m'), killed_among_members from marts.mart_monthly_actor_activity").fetchall())
    con.close()
    expected = {("Mahdi Army", "2008-03"): 1, ("Mahdi Army", "2008-04"): 2, ("Mahdi Army", "2008-06"): 1,
                ("Muqtada al-Sadr", "2008-03"): 1, ("Muqtada al-Sadr", "2008-04"): 1, ("Muqtada al-Sadr", "2008-06"): 1,
                ("Muqtada al-Sadr", "2022-09"): 1, ("Nuri al-Maliki", "2008-04"): 2, ("Nuri al-Maliki", "2008-06"): 1,
                ("Saraya al-Salam", "2022-09"): 1, ("Asaib Ahl al-Haq", "2022-09"): 1}
    for key, value in expected.items():
        assert rows.get(key, 0) == value, key
    assert rows.get(("Nuri al-Maliki", "2008-03"), 0) == 0 and rows.get(("Mahdi Army", "2022-09"), 0) == 0
    assert killed[("Saraya al-Salam", "2022-08")] == 2 and killed[("Asaib Ahl al-Haq", "2022-08")] == 2
