"""End to end on a synthetic corpus of known truth: generate, ingest, dbt build, and the marts must
equal the generator's truth exactly; then 1% more articles, an incremental build, and the marts
must equal a full rebuild table for table."""

from __future__ import annotations

import json
import math
from pathlib import Path

import duckdb

from ingest import pipeline
from ingest.dbt import dbt_build, run_dbt
from ingest.synth import Generator, truth_mismatches

ARTICLES = 300
SEED = 7
# Columns that may differ between an incremental build and a full rebuild: when a build added the row.
VOLATILE_COLUMNS: set[str] = {"bucketed_at", "paired_at"}



def marts_snapshot(warehouse: Path, schemas: tuple[str, ...] = ("marts",)) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every table of `schemas`: (columns, rows sorted), volatile columns left out."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables where table_schema in "
            f"({', '.join('?' for _ in schemas)}) order by all", list(schemas)).fetchall()
        snapshot = {}
        for schema, table in tables:
            columns = [name for (name,) in con.execute(
                "select column_name from information_schema.columns where table_schema = ? "
                "and table_name = ? order by ordinal_position", [schema, table]).fetchall()
                       if name not in VOLATILE_COLUMNS]
            select = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f'select {select} from {schema}."{table}"').fetchall()
            snapshot[table if schema == "marts" else f"{schema}.{table}"] = (columns, sorted(rows, key=repr))
        return snapshot
    finally:
        con.close()


def test_marts_equal_the_truth_and_incremental_equals_full_rebuild(tmp_path, monkeypatch):
    monkeypatch.setenv("DBT_TARGET_PATH", str(tmp_path / "dbt_target"))
    monkeypatch.setenv("DBT_LOG_PATH", str(tmp_path / "dbt_logs"))
    warehouse = tmp_path / "warehouse.duckdb"
    truth = tmp_path / "truth.json"

    generator = Generator(SEED, articles_hint=ARTICLES)
    generator.write(tmp_path / "corpus", ARTICLES, truth_path=truth)
    summary = pipeline.ingest([tmp_path / "corpus"], warehouse, workers=1)
    assert summary.rejected == [] and summary.versions_appended == ARTICLES
    assert dbt_build(warehouse) == ("full", 0)
    problems = truth_mismatches(truth, warehouse)
    assert problems == [], "\n".join(problems[:40])

    # 1% more: the continuation includes late reports of incidents already in the warehouse
    extra = math.ceil(ARTICLES * 0.01)
    generator.write(tmp_path / "increment", extra, truth_path=truth)
    assert json.loads(truth.read_text())["articles"] == ARTICLES + extra
    pipeline.ingest([tmp_path / "increment"], warehouse, workers=1)
    assert dbt_build(warehouse) == ("incremental", 0)
    problems = truth_mismatches(truth, warehouse)
    assert problems == [], "\n".join(problems[:40])
    assert {"mart_monthly_casualties", "mart_monthly_actor_activity"} <= set(marts_snapshot(warehouse))

    # A new version of one article and a retraction of another: the incremental models must drop
    # the superseded and retracted extractions' rows and add the new version's.
    first, second = [json.loads(line) for line in
                     (tmp_path / "corpus" / "articles-00001.jsonl").read_text().splitlines()[:2]]
    first["text"] += "\n\nFour more bodies were found in Baghdad on Monday, police said."
    (tmp_path / "update").mkdir()
    (tmp_path / "update" / "update.jsonl").write_text(json.dumps(first) + "\n")
    assert pipeline.ingest([tmp_path / "update"], warehouse, workers=1).versions_appended == 1
    pipeline.retract(second["article_id"], "test: withdrawn", warehouse)
    assert dbt_build(warehouse) == ("incremental", 0)
    # the incremental incident models (mapping, merging, splitting) too, not only what the marts show
    incremental = marts_snapshot(warehouse, ("marts", "intermediate"))
    claims = incremental["fct_casualty_claims"]
    article_at = claims[0].index("article_id")
    assert second["article_id"] not in {row[article_at] for row in claims[1]}
    assert any(row[article_at] == first["article_id"] and "Four more bodies" in repr(row) for row in claims[1])

    assert run_dbt(["build", "--full-refresh"], warehouse) == 0
    full = marts_snapshot(warehouse, ("marts", "intermediate"))
    assert sorted(incremental) == sorted(full)
    assert "intermediate.int_claims_mapped_to_incidents" in full
    for table in full:
        assert incremental[table][0] == full[table][0], f"{table}: columns differ"
        only_incremental = set(incremental[table][1]) - set(full[table][1])
        only_full = set(full[table][1]) - set(incremental[table][1])
        assert not only_incremental and not only_full, (
            f"{table}: incremental build differs from a full rebuild\n"
            f"  only after incremental: {sorted(only_incremental, key=repr)[:5]}\n"
            f"  only after full rebuild: {sorted(only_full, key=repr)[:5]}")
        assert len(incremental[table][1]) == len(full[table][1]), f"{table}: duplicate rows differ"
