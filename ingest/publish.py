"""`cwh publish`: copy the marts into a read-only file for BI tools, swapped in atomically.

The warehouse (raw log + everything dbt builds) has one writer at a time and is written in
DuckDB 2.0's storage format. BI tools and ad hoc SQL never open it. They open the published
file instead:

- it holds only schema `marts` (facts, monthly marts and the dims), copied as plain tables;
  no raw schema, no staging views, and never a column of raw article text (`body`);
- it is written to a temporary file in the same directory with the storage format of
  DuckDB 1.0 (`STORAGE_VERSION`), so the DuckDB 1.x engines embedded in BI drivers can read it;
- it is checkpointed and closed, then renamed onto the published path with `os.replace`
  (atomic on one file system). A reader that has the old file open keeps reading its snapshot
  (it holds the old inode); a reader that opens the path afterwards sees the new file; the
  publish never takes a lock that a reader holds, so a build never waits for a BI tool.

The file name stem stays `warehouse`, so readers see the tables as `warehouse.marts.<table>`
(DuckDB names a file's catalog after its stem; the alias used while writing is not stored).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from . import store
from .config import published_path, warehouse_path

#: The schema that is the BI contract: facts, monthly marts and dims.
PUBLISHED_SCHEMA = "marts"
#: Oldest DuckDB storage format the published file is written in (readable by DuckDB >= 1.0).
STORAGE_VERSION = "v1.0.0"
#: Columns never published, whichever mart carries them: the raw article text.
EXCLUDED_COLUMNS = frozenset({"body"})
_ALIAS = "warehouse_pub"


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def temporary_path(published: Path) -> Path:
    """Where a publish writes before the rename: same directory (same file system), hidden."""
    return published.with_name(f".{published.name}.tmp-{os.getpid()}")


def _fsync(path: Path, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    for candidate in (path, Path(f"{path}.wal")):
        try:
            candidate.unlink()
        except FileNotFoundError:
            pass


def _copy(con, source: str, name: str) -> int:
    """Copy one table or view of the warehouse's marts as a table, minus excluded columns."""
    columns = [row[0] for row in con.execute(
        "select column_name from information_schema.columns where table_catalog = ? "
        "and table_schema = ? and table_name = ? order by ordinal_position",
        [source, PUBLISHED_SCHEMA, name]).fetchall()]
    select_list = ", ".join(_quote(c) for c in columns if c.lower() not in EXCLUDED_COLUMNS)
    target = f"{_ALIAS}.{PUBLISHED_SCHEMA}.{_quote(name)}"
    con.execute(f"create table {target} as select {select_list} "
                f"from {_quote(source)}.{PUBLISHED_SCHEMA}.{_quote(name)}")
    return store.scalar(con, f"select count(*) from {target}")


def publish(warehouse: Path, published: Path) -> dict:
    """Copy every table and view of schema `marts` into `published`, atomically.

    Returns {"path", "storage_version", "tables": {name: rows}, "table_count", "bytes", "seconds"}.
    Raises store.WarehouseBusy if another process is writing the warehouse, FileNotFoundError
    if there is no warehouse, LookupError if it has no marts yet (run dbt build first).
    """
    started = time.perf_counter()
    warehouse, published = Path(warehouse).resolve(), Path(published).resolve()
    if not warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}: run `cwh build` first")
    published.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_path(published)
    _remove(tmp)  # a leftover of a crashed publish by a process with the same pid
    tables: dict[str, int] = {}
    try:
        with store.connect(warehouse, read_only=True) as con:
            source = store.scalar(con, "select current_database()")
            relations = con.execute(
                "select table_name from information_schema.tables "
                "where table_catalog = ? and table_schema = ? order by table_name",
                [source, PUBLISHED_SCHEMA],
            ).fetchall()
            if not relations:
                raise LookupError(f"{warehouse} has no tables in schema {PUBLISHED_SCHEMA}: run `cwh build` (dbt build) first")
            con.execute(f"attach {_sql_string(str(tmp))} as {_ALIAS} "
                        f"(read_write, storage_version {_sql_string(STORAGE_VERSION)})")
            try:
                con.execute("begin transaction")  # one snapshot of the warehouse for every table
                try:
                    con.execute(f"create schema {_ALIAS}.{PUBLISHED_SCHEMA}")
                    for (name,) in relations:
                        tables[name] = _copy(con, source, name)
                    con.execute("commit")
                except BaseException:
                    con.execute("rollback")
                    raise
                con.execute(f"checkpoint {_ALIAS}")
            finally:
                con.execute(f"detach {_ALIAS}")  # DETACH checkpoints and closes the file
        if Path(f"{tmp}.wal").exists():
            raise RuntimeError(f"{tmp}.wal left after checkpoint; not publishing an incomplete file")
        _fsync(tmp)
        os.replace(tmp, published)
        _fsync(published.parent, directory=True)
    except BaseException:
        _remove(tmp)
        raise
    return {
        "path": str(published),
        "storage_version": STORAGE_VERSION,
        "tables": tables,
        "table_count": len(tables),
        "bytes": published.stat().st_size,
        "seconds": round(time.perf_counter() - started, 3),
    }


@click.command("publish")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
def publish_command(as_json: bool) -> None:
    """Copy the marts into the read-only published file that BI tools open (atomic swap).

    Reads WAREHOUSE_PATH, writes PUBLISHED_PATH (default ./published/warehouse.duckdb) in
    DuckDB 1.0's storage format. Exit codes: 0 published, 1 error.
    """
    try:
        result = publish(warehouse_path(), published_path())
    except (store.WarehouseBusy, FileNotFoundError, LookupError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if as_json:
        import json

        click.echo(json.dumps(result))
        return
    click.echo(f"published {result['table_count']} tables ({result['bytes']:,} bytes, "
               f"storage {result['storage_version']}) to {result['path']}")
    for name, rows in result["tables"].items():
        click.echo(f"  marts.{name}: {rows} rows")
