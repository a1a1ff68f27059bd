"""The append-only event log: idempotency, versions, retraction, as_of, exit codes, crash safety."""

from __future__ import annotations

import json
import signal
import subprocess
import time

from ingest import pipeline, store
from conftest import CWH, PROJECT_DIR, SAMPLE_DIR, cli_env, query, run_cli, write_articles


def counts(warehouse):
    return query(warehouse, "select event_type, count(*) from raw.article_events group by 1 order by 1")


def test_sample_ingest_then_rerun_appends_nothing(warehouse):
    first = run_cli(warehouse, "ingest", str(SAMPLE_DIR), check=True)
    assert "5 new versions appended" in first.stdout
    before = query(warehouse, "select count(*) from raw.article_events")[0][0]
    second = run_cli(warehouse, "ingest", str(SAMPLE_DIR), check=True)
    assert "0 new versions appended, 5 unchanged" in second.stdout
    assert query(warehouse, "select count(*) from raw.article_events")[0][0] == before == 5
    extractions = query(warehouse, "select count(*), count(distinct content_sha256) from raw.extraction_events")[0]
    assert extractions == (5, 5)


def test_changed_text_appends_a_new_version(warehouse, tmp_path):
    folder = write_articles(tmp_path / "v1", {"a.txt": "Two policemen were killed in Kirkuk."})
    pipeline.ingest([folder], warehouse, workers=1)
    write_articles(folder, {"a.txt": "Three policemen were killed in Kirkuk, officials said."})
    summary = pipeline.ingest([folder], warehouse, workers=1)
    assert summary.versions_appended == 1
    rows = query(warehouse, "select body from raw.article_events where article_id = 'a' order by event_seq")
    assert [r[0] for r in rows] == ["Two policemen were killed in Kirkuk.",
                                    "Three policemen were killed in Kirkuk, officials said."]


def test_same_article_twice_in_one_run_keeps_both_versions_in_order(warehouse, tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(json.dumps({"article_id": "x", "text": t}) for t in ["One dead.", "One dead.", "Two dead."]))
    summary = pipeline.ingest([path], warehouse, workers=1)
    assert (summary.versions_appended, summary.unchanged) == (2, 1)


def test_retraction_is_appended_and_reingest_does_not_resurrect(warehouse):
    run_cli(warehouse, "ingest", str(SAMPLE_DIR), check=True)
    article = "003_b3a28f01b4569fc2"
    result = run_cli(warehouse, "retract", article, "--reason", "duplicate wire copy", check=True)
    assert "retracted" in result.stdout
    again = run_cli(warehouse, "retract", article, "--reason", "again")
    assert again.returncode == 1 and "already retracted" in again.stderr
    unknown = run_cli(warehouse, "retract", "nope", "--reason", "x")
    assert unknown.returncode == 1 and "no article 'nope'" in unknown.stderr
    run_cli(warehouse, "ingest", str(SAMPLE_DIR), check=True)
    assert counts(warehouse) == [("received", 5), ("retracted", 1)]


def test_rejections_exit_3_are_logged_once(warehouse, tmp_path):
    folder = write_articles(tmp_path / "in", {"good.txt": "Five wounded in Basra.", "empty.txt": ""})
    first = run_cli(warehouse, "ingest", str(folder))
    assert first.returncode == 3 and "rejected: " in first.stdout and "file is empty" in first.stdout
    second = run_cli(warehouse, "ingest", str(folder))
    assert second.returncode == 3
    assert query(warehouse, "select count(*) from raw.rejected_inputs")[0][0] == 1
    ok = run_cli(warehouse, "ingest", str(folder / "good.txt"))
    assert ok.returncode == 0


def test_run_log_records_start_batches_and_finish(warehouse):
    run_cli(warehouse, "ingest", str(SAMPLE_DIR), check=True)
    events = [r[0] for r in query(warehouse, "select run_event from raw.ingest_runs order by event_at")]
    assert events[0] == "started" and events[-1] == "finished" and "batch" in events


def dbt_build_staging(warehouse, *extra: str) -> None:
    command = [str(PROJECT_DIR / ".venv" / "bin" / "dbt"), "build", "--select", "staging", "--exclude", "stg_raw__claims", "stg_raw__mentions",
               "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR), *extra]
    result = subprocess.run(command, env=cli_env(warehouse), capture_output=True, text=True, cwd=PROJECT_DIR)
    assert result.returncode == 0, result.stdout[-3000:]


def test_as_of_rebuilds_the_state_before_a_retraction(warehouse):
    run_cli(warehouse, "ingest", str(SAMPLE_DIR), check=True)
    cutoff = query(warehouse, "select cast(max(received_at) as varchar) from raw.article_events")[0][0]
    time.sleep(0.01)
    run_cli(warehouse, "retract", "004_b6b5178d86df43e9", "--reason", "test", check=True)
    dbt_build_staging(warehouse)
    assert query(warehouse, "select count(*) from staging.stg_raw__articles")[0][0] == 4
    dbt_build_staging(warehouse, "--vars", json.dumps({"as_of": cutoff}))
    assert query(warehouse, "select count(*) from staging.stg_raw__articles")[0][0] == 5
    dbt_build_staging(warehouse, "--vars", json.dumps({"reported_by": "2008-04-15"}))
    ids = {r[0][:3] for r in query(warehouse, "select article_id from staging.stg_raw__articles")}
    assert ids == {"001", "003"}


def test_kill_during_large_ingest_then_rerun_completes_without_duplicates(warehouse, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(3000):
        (folder / f"{i:05d}.txt").write_text(
            f"MOSUL, Iraq - Gunmen killed {i % 17 + 2} policemen at a checkpoint on Tuesday, officials said. "
            f"Report number {i}.", encoding="utf-8")
    process = subprocess.Popen([CWH, "ingest", str(folder), "--batch-size", "100", "--progress"],
                               env=cli_env(warehouse), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    committed = 0
    for line in process.stderr:
        if line.startswith("committed:"):
            committed += 1
            if committed == 3:
                process.send_signal(signal.SIGKILL)
                break
    process.wait()
    assert process.returncode == -signal.SIGKILL
    after_kill = query(warehouse, "select count(*), count(distinct article_id) from raw.article_events")[0]
    assert after_kill[0] == after_kill[1] and after_kill[0] % 100 == 0 and 300 <= after_kill[0] < 3000
    extracted = query(warehouse, "select count(*) from raw.extraction_events")[0][0]
    assert extracted == after_kill[0]  # claims land in the same transaction as their article
    statuses = query(warehouse, "select run_event from raw.ingest_runs")
    assert ("finished",) not in statuses

    rerun = run_cli(warehouse, "ingest", str(folder), "--batch-size", "500", check=True)
    assert f"{3000 - after_kill[0]} new versions appended, {after_kill[0]} unchanged" in rerun.stdout
    total = query(warehouse, "select count(*), count(distinct article_id), count(distinct content_sha256) "
                             "from raw.article_events")[0]
    assert total == (3000, 3000, 3000)


def test_a_log_written_by_an_older_version_gains_the_new_columns(tmp_path):
    """claim_events.sentence came later: opening an older log adds it (null for old rows)."""
    import duckdb

    from ingest import store

    warehouse = tmp_path / "old.duckdb"
    con = duckdb.connect(str(warehouse))
    con.execute("create schema raw")
    con.execute("create table raw.claim_events (claim_id varchar, quote varchar)")
    con.execute("insert into raw.claim_events values ('c1', 'two people were killed')")
    con.close()
    with store.connect(warehouse) as con:
        columns = [name for (name,) in con.execute(
            "select column_name from information_schema.columns "
            "where table_schema = 'raw' and table_name = 'claim_events'").fetchall()]
        assert "sentence" in columns and "outcome" in columns
        assert con.execute("select claim_id, sentence from raw.claim_events").fetchall() == [("c1", None)]


def test_connections_print_no_progress_bar(tmp_path):
    # a long query would draw DuckDB's progress bar on stdout, inside `cwh bench --json` output
    with store.connect(tmp_path / "w.duckdb") as con:
        assert con.execute("select current_setting('enable_progress_bar')").fetchone() == (False,)


def test_a_new_extractor_replays_every_stored_version(warehouse, tmp_path, monkeypatch):
    folder = write_articles(tmp_path / "in", {"a.txt": "Two policemen were killed in Kirkuk.",
                                              "b.txt": "Gunmen wounded three soldiers in Mosul on Monday."})
    pipeline.ingest([folder], warehouse, workers=1)
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "test-next")
    summary = pipeline.reextract(warehouse, workers=1)
    assert (summary.articles_read, summary.claims) == (2, 2)
    rows = query(warehouse, "select extractor_version, count(*) from raw.extraction_events group by 1 order by 1")
    assert [n for v, n in rows if v == "test-next"] == [2] and len(rows) == 2
    assert pipeline.reextract(warehouse, workers=1).articles_read == 0  # nothing left to replay
