"""The only module that opens DuckDB: the raw event log's schema and its append-only writes.

Every table in schema `raw` is append-only. Column lists below are the single source
of truth for both the DDL and the Arrow schemas used for bulk inserts.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb
import pyarrow as pa

_ARROW = {
    "varchar": pa.string(),
    "bigint": pa.int64(),
    "integer": pa.int32(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us"),
    "double": pa.float64(),
}

RAW_TABLES: dict[str, list[tuple[str, str]]] = {
    "ingest_runs": [
        ("run_id", "varchar"), ("run_event", "varchar"), ("event_at", "timestamp"), ("command", "varchar"),
        ("extractor_version", "varchar"), ("articles_read", "bigint"), ("versions_appended", "bigint"),
        ("unchanged", "bigint"), ("claims", "bigint"), ("mentions", "bigint"), ("rejected", "bigint"),
        ("warnings", "bigint"), ("note", "varchar"),
    ],
    "article_events": [
        ("event_id", "varchar"), ("event_seq", "bigint"), ("event_type", "varchar"), ("article_id", "varchar"),
        ("content_sha256", "varchar"), ("received_at", "timestamp"), ("ingest_run_id", "varchar"),
        ("published", "date"), ("source", "varchar"), ("url", "varchar"), ("title", "varchar"),
        ("body", "varchar"), ("input_path", "varchar"), ("reason", "varchar"),
    ],
    "extraction_events": [
        ("content_sha256", "varchar"), ("extractor_version", "varchar"), ("extracted_at", "timestamp"),
        ("extraction_seq", "bigint"), ("ingest_run_id", "varchar"), ("article_id", "varchar"),
        ("claims", "integer"), ("mentions", "integer"),
    ],
    "claim_events": [
        ("claim_id", "varchar"), ("content_sha256", "varchar"), ("extractor_version", "varchar"),
        ("ingest_run_id", "varchar"), ("article_id", "varchar"), ("sentence_index", "integer"),
        ("sentence_start", "integer"), ("sentence_end", "integer"), ("char_start", "integer"),
        ("char_end", "integer"), ("quote", "varchar"), ("sentence", "varchar"), ("outcome", "varchar"), ("number_text", "varchar"),
        ("value_low", "bigint"), ("value_high", "bigint"), ("qualifier", "varchar"), ("is_vague", "boolean"),
        ("vague_term", "varchar"), ("victims_text", "varchar"), ("victim_class", "varchar"),
        ("victim_actor", "varchar"), ("perpetrator_actor", "varchar"), ("place_text", "varchar"),
        ("place_id", "varchar"), ("place_source", "varchar"), ("event_date", "date"), ("period_start", "date"), ("period_end", "date"),
        ("date_precision", "varchar"), ("scope", "varchar"), ("part_of_claim_id", "varchar"),
        ("restates_claim_id", "varchar"), ("same_event_as_claim_id", "varchar"), ("is_new_event", "boolean"),
        ("is_party_claim", "boolean"),
    ],
    "mention_events": [
        ("mention_id", "varchar"), ("content_sha256", "varchar"), ("extractor_version", "varchar"),
        ("ingest_run_id", "varchar"), ("article_id", "varchar"), ("mention_type", "varchar"),
        ("surface_text", "varchar"), ("alias_key", "varchar"), ("sentence_index", "integer"),
        ("char_start", "integer"), ("char_end", "integer"),
    ],
    "build_runs": [
        ("built_at", "timestamp"), ("mode", "varchar"), ("code_fingerprint", "varchar"), ("exit_code", "integer"),
        ("seconds", "double"),
    ],
    "rejected_inputs": [
        ("ingest_run_id", "varchar"), ("received_at", "timestamp"), ("input_path", "varchar"),
        ("line_number", "integer"), ("severity", "varchar"), ("reason", "varchar"), ("bytes_sha256", "varchar"),
    ],
}


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse file."""


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(name, _ARROW[sql_type]) for name, sql_type in RAW_TABLES[table]])


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw tables, and add the columns a log written by an older version lacks."""
    con.execute("create schema if not exists raw")
    existing = set(con.execute("select table_name, column_name from information_schema.columns "
                               "where table_schema = 'raw'").fetchall())
    for table, columns in RAW_TABLES.items():
        cols = ", ".join(f"{name} {sql_type}" for name, sql_type in columns)
        con.execute(f"create table if not exists raw.{table} ({cols})")
        if any((table, name) in existing for name, _ in columns):
            for name, sql_type in columns:
                if (table, name) not in existing:
                    con.execute(f"alter table raw.{table} add column {name} {sql_type}")


@contextmanager
def connect(path: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse (creating the raw schema when writing); a clear error if it is locked."""
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            holder = re.search(r"PID (\d+)", str(exc))
            raise WarehouseBusy(
                f"{path} is in use by another process{f' (pid {holder.group(1)})' if holder else ''}; "
                "only one writer at a time. BI tools should open the published file instead."
            ) from exc
        raise
    try:
        # Cap the buffer pool (DuckDB spills beyond it): the ingest, dbt and BI readers share the machine.
        # A runtime SET, not a connect-time config, so other connections to the same file stay compatible.
        con.execute("set memory_limit = ?", [os.environ.get("DUCKDB_MEMORY_LIMIT", "1GB")])
        # no progress bar on stdout: `cwh bench --json` and `cwh sql --format json` print only their output
        con.execute("set enable_progress_bar = false")
        if not read_only:
            # DuckDB checkpoints whenever its write-ahead log passes 16 MB; on a large log each
            # checkpoint costs more, and at a million articles the ingest's writer spent most of
            # its time in them. A larger threshold checkpoints every ~100,000 articles instead.
            con.execute("set checkpoint_threshold = '256MB'")
            ensure_schema(con)
        yield con
    finally:
        con.close()


def to_arrow(table: str, columns: dict[str, list]) -> pa.Table:
    schema = arrow_schema(table)
    return pa.table({name: pa.array(columns.get(name, [None] * _length(columns)), type=schema.field(name).type)
                     for name in schema.names}, schema=schema)


def _length(columns: dict[str, list]) -> int:
    return len(next(iter(columns.values()))) if columns else 0


def append(con: duckdb.DuckDBPyConnection, tables: dict[str, dict[str, list]]) -> None:
    """Append column lists to raw tables in ONE transaction: all of them or none."""
    con.execute("begin transaction")
    try:
        for table, columns in tables.items():
            if not columns or _length(columns) == 0:
                continue
            batch = to_arrow(table, columns)
            con.register("_append_batch", batch)
            con.execute(f"insert into raw.{table} by name select * from _append_batch")
            con.unregister("_append_batch")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None):
    """First value of a query, with the result fully consumed (DuckDB 2 refuses new work otherwise)."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0][0] if rows else None


def next_event_seq(con: duckdb.DuckDBPyConnection) -> int:
    return scalar(con, "select coalesce(max(event_seq), 0) + 1 from raw.article_events")


def next_extraction_seq(con: duckdb.DuckDBPyConnection) -> int:
    return scalar(con, "select coalesce(max(extraction_seq), 0) + 1 from raw.extraction_events")


def latest_versions(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict[str, tuple[str, str]]:
    """article_id -> (content_sha256 of the newest received version, type of the newest event)."""
    if not article_ids:
        return {}
    con.register("_ids", pa.table({"article_id": pa.array(sorted(set(article_ids)), pa.string())}))
    rows = con.execute(
        """
        with events as (
            select e.article_id, e.event_type, e.content_sha256, e.received_at, e.event_seq
            from raw.article_events as e
            inner join _ids using (article_id)
        )
        select
            article_id,
            arg_max(content_sha256, event_seq) filter (where event_type = 'received'),
            arg_max(event_type, event_seq)
        from events
        group by article_id
        """
    ).fetchall()
    con.unregister("_ids")
    return {article_id: (sha, last_type) for article_id, sha, last_type in rows}


def extracted_shas(con: duckdb.DuckDBPyConnection, shas: list[str], extractor_version: str) -> set[str]:
    """Which of these article versions already have an extraction by this extractor version."""
    if not shas:
        return set()
    con.register("_shas", pa.table({"content_sha256": pa.array(sorted(set(shas)), pa.string())}))
    rows = con.execute(
        "select distinct x.content_sha256 from raw.extraction_events as x inner join _shas using (content_sha256) "
        "where x.extractor_version = ?",
        [extractor_version],
    ).fetchall()
    con.unregister("_shas")
    return {row[0] for row in rows}


def new_rejections(con: duckdb.DuckDBPyConnection, rows: dict[str, list]) -> list[int]:
    """Indexes of rejection rows not already in the log (same path, line, reason and bytes)."""
    if not rows or not rows["input_path"]:
        return []
    keys = ["input_path", "line_number", "reason", "bytes_sha256"]
    candidate = to_arrow("rejected_inputs", rows).select(keys).append_column(
        "position", pa.array(range(len(rows["input_path"])), pa.int64()))
    con.register("_candidate", candidate)
    positions = con.execute(
        """
        select c.position from _candidate as c
        where not exists (
            select 1 from raw.rejected_inputs as r
            where r.input_path = c.input_path and r.reason = c.reason
              and r.line_number is not distinct from c.line_number
              and r.bytes_sha256 is not distinct from c.bytes_sha256
        )
        order by c.position
        """
    ).fetchall()
    con.unregister("_candidate")
    return [p for (p,) in positions]


def article_versions(con: duckdb.DuckDBPyConnection, shas: list[str]) -> list[dict]:
    """Stored bodies of these article versions (one row per sha)."""
    con.register("_wanted", pa.table({"content_sha256": pa.array(shas, pa.string())}))
    rows = con.sql(
        """
        select any_value(e.article_id) as article_id, e.content_sha256, any_value(e.body) as body,
               any_value(e.published) as published
        from raw.article_events as e
        inner join _wanted using (content_sha256)
        where e.event_type = 'received'
        group by e.content_sha256
        """
    ).to_arrow_table().to_pylist()
    con.unregister("_wanted")
    return rows


def record_build(con: duckdb.DuckDBPyConnection, mode: str, fingerprint: str, exit_code: int, seconds: float) -> None:
    append(con, {"build_runs": {"built_at": [utc_now()], "mode": [mode], "code_fingerprint": [fingerprint],
                                "exit_code": [exit_code], "seconds": [seconds]}})


def last_built_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    """The code fingerprint of the newest successful dbt build (None before the first one)."""
    return scalar(con, "select arg_max(code_fingerprint, built_at) from raw.build_runs where exit_code = 0")


def utc_now() -> dt.datetime:
    """Naive UTC timestamp (DuckDB `timestamp`), the clock of the event log."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
