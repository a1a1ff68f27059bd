"""`cwh sql`: read-only ad hoc SQL on the published marts, transpiled from other dialects."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest import store
from ingest.publish import publish
from ingest.sql import sql_command, to_duckdb


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sql")
    warehouse = root / "warehouse.duckdb"
    with store.connect(warehouse) as con:
        con.execute("create schema marts")
        con.execute("""
            create table marts.mart_monthly_casualties as select * from (values
                (date '2008-03-01', 'Iraq', 'Baghdad', 'civilian', 10, 12),
                (date '2008-04-01', 'Iraq', 'Baghdad', 'foreign_military', 21, 21),
                (date '2008-04-01', 'Iraq', null, 'foreign_military', 21, 47),
                (date '2008-04-01', 'Iraq', 'Basra', 'security_forces', 3, 4)
            ) as t(month, country, admin1, victim_class, killed_low, killed_best)
        """)
        con.execute("""
            create table marts.fct_incidents as
            select 'inc-' || i as incident_id, 'Sadr City, Baghdad' as place, i * 3 as killed_best
            from range(1, 9) as r(i)
        """)
        con.execute("create table marts.dim_actors as select 'Mahdi Army' as actor, 'militia' as actor_type")
        con.execute("insert into raw.article_events (article_id, body) values ('a1', 'raw text')")
    path = root / "published" / "warehouse.duckdb"
    publish(warehouse, path)
    return path


def run(published: Path, *args: str):
    return CliRunner().invoke(sql_command, list(args), env={"PUBLISHED_PATH": str(published)})


def table_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.strip()]


def test_unqualified_and_qualified_mart_names(published):
    for name in ("mart_monthly_casualties", "marts.mart_monthly_casualties", "warehouse.marts.mart_monthly_casualties"):
        result = run(published, f"select count(*) as n from {name}")
        assert result.exit_code == 0, result.output
        assert table_lines(result.stdout) == ["n", "-", "4", "(1 row)"]


def test_table_format_is_aligned(published):
    result = run(published, "select admin1, killed_best from mart_monthly_casualties "
                            "where month = date '2008-04-01' order by killed_best desc")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "admin1   killed_best",
        "-------  -----------",
        "NULL              47",
        "Baghdad           21",
        "Basra              4",
        "(3 rows)",
    ]


def test_postgres_cast_and_ilike(published):
    result = run(published, "select admin1, killed_best::varchar || ' dead' as label from mart_monthly_casualties "
                            "where victim_class ilike 'FOREIGN%' and admin1 is not null", "--dialect", "postgres",
                 "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == "admin1,label\nBaghdad,21 dead\n"


def test_tsql_top(published):
    assert to_duckdb("SELECT TOP 5 incident_id FROM fct_incidents ORDER BY killed_best DESC", "tsql") == \
        "SELECT incident_id FROM fct_incidents ORDER BY killed_best DESC LIMIT 5"
    result = run(published, "SELECT TOP 5 [incident_id] FROM fct_incidents ORDER BY killed_best DESC",
                 "-d", "tsql", "-f", "json")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["incident_id"] for line in result.stdout.splitlines()] == \
        ["inc-8", "inc-7", "inc-6", "inc-5", "inc-4"]


def test_bigquery_backticks(published):
    for name in ("`marts.fct_incidents`", "`warehouse.marts.fct_incidents`", "`fct_incidents`"):
        result = run(published, f"SELECT COUNT(*) AS n, SAFE_DIVIDE(SUM(killed_best), COUNT(*)) AS avg_killed "
                                f"FROM {name}", "--dialect", "bigquery", "--format", "json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == {"n": 8, "avg_killed": 13.5}


def test_snowflake_and_mysql(published):
    result = run(published, "select iff(killed_best > 20, 'high', 'low') as band, count(*) as n "
                            "from mart_monthly_casualties group by 1 order by 1", "-d", "snowflake", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == "band,n\nhigh,2\nlow,2\n"
    result = run(published, "select `actor` from `dim_actors` limit 1", "-d", "mysql", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout == "actor\nMahdi Army\n"


@pytest.mark.parametrize("statement, verb", [
    ("insert into marts.dim_actors values ('x', 'y')", "INSERT"),
    ("update mart_monthly_casualties set killed_best = 0", "UPDATE"),
    ("delete from fct_incidents", "DELETE"),
    ("create table x as select 1", "CREATE"),
    ("drop table marts.dim_actors", "DROP"),
    ("alter table dim_actors add column z int", "ALTER"),
    ("copy dim_actors to 'out.csv'", "COPY"),
    ("attach 'other.duckdb' as other", "ATTACH"),
    ("pragma show_tables", "PRAGMA"),
    ("set threads = 1", "SET"),
    ("install httpfs", "INSTALL"),
    ("load httpfs", "LOAD"),
    ("checkpoint", "CALL"),
    ("explain analyze copy (select 1) to 'out.csv'", "COPY"),
    ("with gone as (delete from fct_incidents returning *) select * from gone", "DELETE"),
])
def test_writes_are_refused(published, statement, verb, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(published, statement, "--dialect", "postgres" if statement.startswith("with") else "duckdb")
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"error: refused: {verb}")
    assert "only runs queries that read" in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written, not even a file


def test_reads_beyond_select_are_allowed(published):
    for query in ("describe mart_monthly_casualties", "show tables", "summarize dim_actors",
                  "explain select * from fct_incidents", "from dim_actors", "values (1, 2)",
                  "pivot mart_monthly_casualties on victim_class using sum(killed_best)"):
        result = run(published, query)
        assert result.exit_code == 0, (query, result.output)


def test_syntax_error_says_where(published):
    result = run(published, "select admin1,\n       killed_best\nfrom mart_monthly_casualties\nwhere (killed_best > 1")
    assert result.exit_code == 1
    assert "syntax error (duckdb) at line 4" in result.stderr
    result = run(published, "select * form mart_monthly_casualties")
    assert result.exit_code == 1
    assert "at line 1, column 15 near 'mart_monthly_casualties'" in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-2] == "  select * form mart_monthly_casualties"
    assert lines[-1] == "  " + " " * 14 + "^" * len("mart_monthly_casualties")
    result = run(published, "SELECT TOP FROM fct_incidents", "--dialect", "tsql")
    assert result.exit_code == 1 and "syntax error (tsql) at line 1" in result.stderr


def test_unknown_table_lists_the_marts(published):
    result = run(published, "select * from mart_monthly_casualtes")
    assert result.exit_code == 1
    assert "Table with name mart_monthly_casualtes does not exist" in result.stderr
    assert "did you mean marts.mart_monthly_casualties?" in result.stderr
    assert "tables in the published warehouse:\n  marts.dim_actors\n  marts.fct_incidents\n" \
           "  marts.mart_monthly_casualties" in result.stderr
    assert "pg_" not in result.stderr  # DuckDB's own guess (a pg_catalog table) is dropped
    assert "raw." not in result.stderr  # the raw log is not published


def test_csv_and_json_formats(published):
    query = "select month, admin1, killed_best from mart_monthly_casualties order by month, killed_best"
    result = run(published, query, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["month", "admin1", "killed_best"]
    assert rows[1] == ["2008-03-01", "Baghdad", "12"]
    assert ["2008-04-01", "", "47"] in rows  # NULL is an empty field
    result = run(published, query, "--format", "json")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 4
    assert records[0] == {"month": "2008-03-01", "admin1": "Baghdad", "killed_best": 12}
    assert {"month": "2008-04-01", "admin1": None, "killed_best": 47} in records


def test_missing_published_file_says_run_build(tmp_path):
    result = run(tmp_path / "published" / "warehouse.duckdb", "select 1")
    assert result.exit_code == 1
    assert "no published warehouse" in result.stderr and "cwh build" in result.stderr


def test_usage_errors_exit_2(published):
    assert run(published, "select 1", "--dialect", "klingon").exit_code == 2
    assert run(published, "select 1", "--format", "xml").exit_code == 2
    assert run(published).exit_code == 2
    assert run(published, "   ").exit_code == 2


def test_other_query_errors_exit_1(published):
    result = run(published, "select nope from dim_actors")
    assert result.exit_code == 1 and 'Referenced column "nope" not found' in result.stderr
    result = run(published, "select 1; select 2")
    assert result.exit_code == 1 and "one statement at a time" in result.stderr


def test_query_from_stdin(published):
    result = CliRunner().invoke(sql_command, ["-", "-f", "csv"], input="select actor from dim_actors;\n",
                                env={"PUBLISHED_PATH": str(published)})
    assert result.exit_code == 0, result.output
    assert result.stdout == "actor\nMahdi Army\n"
