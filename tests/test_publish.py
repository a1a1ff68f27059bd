"""`cwh publish`: marts copied into a DuckDB-1.x-readable file, swapped in atomically.

These tests build their own small warehouse with plain SQL (a `marts` schema and a raw log),
so they do not depend on the dbt models.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from ingest import store
from ingest.publish import STORAGE_VERSION, publish, publish_command, temporary_path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DUCKDB1_PYTHON = PROJECT_DIR / ".venv-duckdb1" / "bin" / "python"
SECRET_BODY = "Zanzibar-quartz-7731: the full raw article body that must never be published."


def make_warehouse(path: Path, version: int = 1) -> Path:
    """A warehouse with a raw article (with a body), and marts tables and a view; `version`
    is the killed_best of the April row, so a republish is visible."""
    with store.connect(path) as con:
        con.execute("create schema if not exists marts")
        con.execute(f"""
            create or replace table marts.mart_monthly_casualties as
            select * from (values
                (date '2008-04-01', 'Iraq', null, 'foreign_military', 21::bigint, {version}::bigint, 47::bigint),
                (date '2008-04-01', 'Iraq', 'Baghdad', 'foreign_military', 21::bigint, 21::bigint, 21::bigint)
            ) as t(month, country, admin1, victim_class, killed_low, killed_best, killed_high)
        """)
        con.execute("""
            create or replace table marts.dim_articles as
            select 'a1' as article_id, 'US soldiers killed' as title, date '2008-04-30' as published,
                   ? as body
        """, [SECRET_BODY])
        con.execute("""
            create or replace view marts.fct_incidents as
            select 'i1' as incident_id, 'killed' as outcome, 5 as killed_low, 5 as killed_high
        """)
        if store.scalar(con, "select count(*) from raw.article_events") == 0:
            con.execute("insert into raw.article_events (article_id, body) values ('a1', ?)", [SECRET_BODY])
            con.execute("create schema if not exists staging")
            con.execute("create or replace view staging.stg_raw__articles as select * from raw.article_events")
    return path


@pytest.fixture
def paths(tmp_path: Path) -> tuple[Path, Path]:
    warehouse = make_warehouse(tmp_path / "warehouse.duckdb")
    return warehouse, tmp_path / "published" / "warehouse.duckdb"


def read_in_subprocess(published: Path, sql: str, python: str = sys.executable) -> list:
    """Rows of `sql` on `published`, read by a fresh process (no shared DuckDB instance cache)."""
    code = textwrap.dedent(f"""
        import json, duckdb
        con = duckdb.connect({str(published)!r}, read_only=True)
        print(json.dumps(con.execute({sql!r}).fetchall(), default=str))
    """)
    result = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_publish_copies_marts_as_tables(paths):
    warehouse, published = paths
    result = publish(warehouse, published)
    assert result["path"] == str(published.resolve())
    assert result["tables"] == {"dim_articles": 1, "fct_incidents": 1, "mart_monthly_casualties": 2}
    assert result["table_count"] == 3 and result["storage_version"] == STORAGE_VERSION
    assert sorted(p.name for p in published.parent.iterdir()) == ["warehouse.duckdb"]  # no tmp, no wal
    con = duckdb.connect(str(published), read_only=True)
    try:
        # the catalog is named after the file stem, not the alias used while writing
        assert con.execute("select current_database()").fetchone() == ("warehouse",)
        kinds = con.execute("select table_schema, table_name, table_type from information_schema.tables "
                            "order by table_name").fetchall()
        assert kinds == [("marts", "dim_articles", "BASE TABLE"), ("marts", "fct_incidents", "BASE TABLE"),
                         ("marts", "mart_monthly_casualties", "BASE TABLE")]
        assert con.execute("select sum(killed_best) from warehouse.marts.mart_monthly_casualties").fetchone() == (22,)
        # written in the old storage format: the tag DuckDB 2 reports for the attached file
        tags = con.execute("select tags from duckdb_databases() where database_name = 'warehouse'").fetchone()[0]
        assert tags["storage_version"].startswith(STORAGE_VERSION)
    finally:
        con.close()
    # the file header's storage version number is 64 (DuckDB 1.0 .. 1.4 read 64..67; 2.0 files say 999)
    header = published.read_bytes()[:16]
    assert header[8:12] == b"DUCK" and int.from_bytes(header[12:16], "little") == 64


def test_no_raw_bodies_in_published_file(paths):
    warehouse, published = paths
    publish(warehouse, published)
    con = duckdb.connect(str(published), read_only=True)
    try:
        schemas = {s for (s,) in con.execute(
            "select schema_name from information_schema.schemata where catalog_name = 'warehouse'").fetchall()}
        assert schemas == {"main", "marts"}
        columns = con.execute("select table_name, column_name, data_type from information_schema.columns "
                              "where table_catalog = 'warehouse'").fetchall()
        assert not [c for c in columns if c[1] == "body"]
        assert ("dim_articles", "title", "VARCHAR") in columns
        for table, column, _ in (c for c in columns if c[2] == "VARCHAR"):
            hits = con.execute(f'select count(*) from marts."{table}" where "{column}" like ?',
                               ["%Zanzibar-quartz%"]).fetchone()[0]
            assert hits == 0, (table, column)
    finally:
        con.close()
    marker = b"Zanzibar-quartz-7731"
    assert marker in warehouse.read_bytes()  # the check below would find it if it were copied
    assert marker not in published.read_bytes()


def test_duckdb_1x_reads_published_file(paths):
    """DuckDB 1.4 (the engine of current BI drivers), in its own virtualenv, reads the file."""
    warehouse, published = paths
    python = duckdb1_python()
    publish(warehouse, published)
    code = textwrap.dedent(f"""
        import json, duckdb
        con = duckdb.connect({str(published)!r}, read_only=True)
        print(json.dumps({{
            "version": duckdb.__version__,
            "catalog": con.execute("select current_database()").fetchone()[0],
            "tables": con.execute("select table_name from information_schema.tables "
                                  "where table_schema = 'marts' order by 1").fetchall(),
            "rows": con.execute("select admin1, killed_best from warehouse.marts.mart_monthly_casualties "
                                "order by admin1 nulls first").fetchall(),
        }}))
    """)
    result = subprocess.run([str(python), "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["version"] == duckdb1_version()
    assert seen["catalog"] == "warehouse"
    assert [t for (t,) in seen["tables"]] == ["dim_articles", "fct_incidents", "mart_monthly_casualties"]
    assert seen["rows"] == [[None, 1], ["Baghdad", 21]]
    # ... and the same DuckDB 1.4 cannot read the DuckDB 2.0 warehouse itself: publishing is what helps
    refused = subprocess.run([str(python), "-c", f"import duckdb; duckdb.connect({str(warehouse)!r}, read_only=True)"],
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "version" in refused.stderr


def duckdb1_version() -> str:
    """The DuckDB 1.x version pinned in the Makefile (DUCKDB1_VERSION), the single source of truth."""
    makefile = (PROJECT_DIR / "Makefile").read_text()
    return re.search(r"^DUCKDB1_VERSION := (\S+)$", makefile, re.M).group(1)


def duckdb1_python() -> Path:
    """The DuckDB 1.x interpreter made by `make duckdb1` (a dependency of `make test`): required
    under CI; locally it is created on demand, and the test is skipped only if that fails."""
    stamp = DUCKDB1_PYTHON.parent.parent / f".installed-{duckdb1_version()}"
    if DUCKDB1_PYTHON.exists() and stamp.exists():
        return DUCKDB1_PYTHON
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{stamp} is missing: `make test` creates .venv-duckdb1 through `make duckdb1`")
    try:
        made = subprocess.run(["make", "duckdb1", f"PYTHON={sys.executable}"], cwd=PROJECT_DIR,
                              capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"could not create .venv-duckdb1 (make duckdb1): {exc}")
    if made.returncode != 0 or not stamp.exists():
        pytest.skip(f"could not create .venv-duckdb1 (make duckdb1): {made.stderr[-500:]}")
    return DUCKDB1_PYTHON


def test_makefile_pins_the_duckdb1_venv():
    assert re.fullmatch(r"1\.4\.\d+", duckdb1_version())
    assert re.search(r"^test: .*\$\(DUCKDB1_STAMP\)", (PROJECT_DIR / "Makefile").read_text(), re.M)


def test_old_reader_keeps_snapshot_new_reader_sees_new_data(paths):
    warehouse, published = paths
    publish(warehouse, published)
    old = duckdb.connect(str(published), read_only=True)  # a BI tool with the file open
    try:
        assert old.execute("select killed_best from marts.mart_monthly_casualties where admin1 is null").fetchone() == (1,)
        make_warehouse(warehouse, version=2)
        publish(warehouse, published)  # does not wait for, nor fail because of, the open reader
        # the open reader still works, on its snapshot, for every table (pages read lazily)
        assert old.execute("select killed_best from marts.mart_monthly_casualties where admin1 is null").fetchone() == (1,)
        assert old.execute("select count(*) from marts.dim_articles").fetchone() == (1,)
        # a new reader (another process: DuckDB shares one instance per path within a process)
        assert read_in_subprocess(published, "select killed_best from marts.mart_monthly_casualties "
                                             "where admin1 is null") == [[2]]
    finally:
        old.close()
    new = duckdb.connect(str(published), read_only=True)  # once the old one closed, in-process too
    try:
        assert new.execute("select killed_best from marts.mart_monthly_casualties where admin1 is null").fetchone() == (2,)
    finally:
        new.close()


def test_publish_while_another_process_holds_the_file(paths):
    warehouse, published = paths
    publish(warehouse, published)
    reader = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, duckdb
            con = duckdb.connect({str(published)!r}, read_only=True)
            q = "select killed_best from marts.mart_monthly_casualties where admin1 is null"
            print(con.execute(q).fetchone()[0], flush=True)
            sys.stdin.readline()
            print(con.execute(q).fetchone()[0], flush=True)
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "1"
        for version in (2, 3):
            make_warehouse(warehouse, version=version)
            started = time.perf_counter()
            assert publish(warehouse, published)["table_count"] == 3
            assert time.perf_counter() - started < 10
        assert read_in_subprocess(published, "select killed_best from marts.mart_monthly_casualties "
                                             "where admin1 is null") == [[3]]
        out, err = reader.communicate("\n", timeout=30)
        assert reader.returncode == 0, err
        assert out.strip() == "1"  # the old reader kept its snapshot
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.wait()


def test_failed_publish_leaves_the_old_file_and_no_temporary(paths, tmp_path):
    warehouse, published = paths
    publish(warehouse, published)
    before = published.read_bytes()
    empty = tmp_path / "empty.duckdb"
    with store.connect(empty):
        pass
    with pytest.raises(LookupError, match="no tables in schema marts"):
        publish(empty, published)
    with pytest.raises(FileNotFoundError):
        publish(tmp_path / "missing.duckdb", published)
    with store.connect(warehouse) as con:  # a mart that fails half way through the copy
        con.execute("create view marts.zz_broken as select error('boom') as x from range(3)")
    with pytest.raises(duckdb.Error, match="boom"):
        publish(warehouse, published)
    assert published.read_bytes() == before
    assert not temporary_path(published).exists()
    assert sorted(p.name for p in published.parent.iterdir()) == ["warehouse.duckdb"]


def test_publish_refuses_while_the_warehouse_is_being_written(paths):
    warehouse, published = paths
    holder = subprocess.Popen(  # another writer (an ingest) holds the warehouse
        [sys.executable, "-c", f"import sys, duckdb; con = duckdb.connect({str(warehouse)!r}); "
                               "print('open', flush=True); sys.stdin.readline()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(store.WarehouseBusy, match="in use by another process"):
            publish(warehouse, published)
    finally:
        holder.communicate("\n", timeout=30)
    assert not published.exists()
    assert not temporary_path(published).exists()


def test_publish_command(paths):
    warehouse, published = paths
    env = {"WAREHOUSE_PATH": str(warehouse), "PUBLISHED_PATH": str(published)}
    result = CliRunner().invoke(publish_command, [], env=env)
    assert result.exit_code == 0, result.output
    assert "published 3 tables" in result.output and str(published) in result.output
    assert "marts.mart_monthly_casualties: 2 rows" in result.output
    result = CliRunner().invoke(publish_command, ["--json"], env=env)
    assert json.loads(result.stdout)["table_count"] == 3
    missing = CliRunner().invoke(publish_command, [], env={**env, "WAREHOUSE_PATH": str(warehouse.parent / "nope.duckdb")})
    assert missing.exit_code == 1 and "cwh build" in missing.stderr


# --- a BI tool reads while builds publish ---------------------------------------------------

WRITER = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from test_publish import make_warehouse
from ingest.publish import publish
warehouse, published, rounds = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
for version in range(2, rounds + 2):
    make_warehouse(warehouse, version=version)   # the build writes the warehouse ...
    publish(warehouse, published)                # ... and publishes, whatever readers do
print("published", rounds, flush=True)
"""


def test_superset_style_connection_while_builds_publish(paths):
    """SQLAlchemy + duckdb-engine, read-only, as Superset connects (NullPool: a connection per
    query), lists and queries the marts while another process rewrites the warehouse and
    republishes over the same paths N times; both sides succeed."""
    sqlalchemy = pytest.importorskip("sqlalchemy")
    pytest.importorskip("duckdb_engine")
    from sqlalchemy.pool import NullPool

    warehouse, published = paths
    publish(warehouse, published)
    rounds = 25
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER.format(tests=str(Path(__file__).parent)), str(warehouse), str(published),
         str(rounds)],
        cwd=PROJECT_DIR, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    engines = [
        sqlalchemy.create_engine(f"duckdb:///{published}", connect_args={"read_only": True}, poolclass=NullPool),
        sqlalchemy.create_engine(f"duckdb:///{published}?access_mode=read_only", poolclass=NullPool),
    ]
    seen: set[int] = set()
    reads = 0
    try:
        deadline = time.monotonic() + 45
        while time.monotonic() < deadline:
            engine = engines[reads % 2]
            with engine.connect() as conn:
                inspector = sqlalchemy.inspect(conn)
                assert "warehouse.marts" in inspector.get_schema_names()
                assert set(inspector.get_table_names(schema="marts")) == {
                    "dim_articles", "fct_incidents", "mart_monthly_casualties"}
                # (inspector.get_columns is not called: with SQLAlchemy >= 2.0.45, duckdb-engine 0.17's column
                # reflection queries pg_catalog.pg_collation, which DuckDB lacks; Superset uses SQLAlchemy 1.4)
                result = conn.execute(sqlalchemy.text(
                    "select admin1, killed_best from marts.mart_monthly_casualties order by admin1 nulls first"))
                assert list(result.keys()) == ["admin1", "killed_best"]
                rows = result.fetchall()
                assert len(rows) == 2 and rows[1] == ("Baghdad", 21)
                seen.add(rows[0][1])
                with pytest.raises(sqlalchemy.exc.DBAPIError, match="read-only"):
                    conn.execute(sqlalchemy.text("create table marts.x (a int)"))
            reads += 1
            if writer.poll() is not None and rounds + 1 in seen:
                break
        out, err = writer.communicate(timeout=60)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
        for engine in engines:
            engine.dispose()
    assert writer.returncode == 0, err
    assert f"published {rounds}" in out
    assert len(seen) >= 3, f"reads did not interleave with the publishes: {reads} reads saw {sorted(seen)}"
    assert rounds + 1 in seen, f"reader never saw the last publish: {sorted(seen)}"


def test_build_publishes_after_dbt(paths, monkeypatch, capsys):
    """`cwh build` publishes once dbt build succeeded, and not when it failed or --no-publish."""
    from ingest import build as build_module

    warehouse, published = paths
    monkeypatch.setattr(build_module, "dbt_build", lambda *args, **kwargs: ("full", 0))  # dbt itself is tested elsewhere
    assert build_module.build(warehouse, published, publish=False) == 0
    assert not published.exists()
    assert build_module.build(warehouse, published) == 0
    assert f"published 3 tables to {published}" in capsys.readouterr().out
    assert published.exists()
    monkeypatch.setattr(build_module, "dbt_build", lambda *args, **kwargs: ("incremental", 1))
    before = published.stat().st_mtime_ns
    assert build_module.build(warehouse, published) == 1
    assert published.stat().st_mtime_ns == before
