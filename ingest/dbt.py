"""Running dbt against the warehouse (a subprocess, so DuckDB's single writer is never shared)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from . import store
from .config import PROJECT_DIR

# What dbt builds from: a change to any of these makes the next `cwh build` a full refresh.
CODE_PATHS = ("models", "macros", "seeds", "tests/dbt", "dbt_project.yml", "profiles.yml")

# An update with unchanged code rebuilds the tables that read the event log (incremental models
# add only new extractions) and runs every data test on them. It leaves out what only a code
# change can alter: views (their SQL is what it was), seeds and the tables built from seeds alone
# (places, actors: already built from the same files), and unit tests (they test the SQL).
INCREMENTAL_ARGS = ["--select", "source:raw+,resource_type:test", "source:raw+,config.materialized:table",
                    "source:raw+,config.materialized:incremental",
                    "--exclude-resource-type", "unit_test"]


def dbt_executable() -> str:
    candidate = Path(sys.executable).parent / "dbt"
    return str(candidate) if candidate.exists() else "dbt"


def run_dbt(args: list[str], warehouse: Path, variables: dict | None = None, quiet: bool = False) -> int:
    """Run `dbt <args>` in the project, on `warehouse`; returns dbt's exit code."""
    command = [dbt_executable(), *args, "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR)]
    if variables:
        command += ["--vars", json.dumps(variables)]
    if quiet:
        command.insert(1, "--quiet")
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse)}
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    # dbt's file log defaults to debug: every statement and connection event of ~150 nodes,
    # ~0.8 s of a 20k-article update. Info keeps one line per node; DBT_LOG_LEVEL_FILE=debug restores it.
    env.setdefault("DBT_LOG_LEVEL_FILE", "info")
    return subprocess.run(command, env=env, cwd=PROJECT_DIR).returncode


def code_fingerprint(variables: dict | None = None, project_dir: Path = PROJECT_DIR) -> str:
    """sha256 over the dbt project's files (path and bytes) and the vars of the build."""
    digest = hashlib.sha256()
    for name in CODE_PATHS:
        root = project_dir / name
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if path.is_file():
                digest.update(str(path.relative_to(project_dir)).encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(json.dumps(variables or {}, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def build_arguments(last_fingerprint: str | None, fingerprint: str, full_refresh: bool = False) -> tuple[str, list[str]]:
    """(mode, dbt arguments): incremental when the code and vars are those of the last good build."""
    if full_refresh or last_fingerprint != fingerprint:
        return "full", ["build", "--full-refresh"]
    return "incremental", ["build", *INCREMENTAL_ARGS]


def dbt_build(warehouse: Path, variables: dict | None = None, full_refresh: bool = False) -> tuple[str, int]:
    """`dbt build`, incremental when nothing but the event log changed since the last successful
    build, else a full refresh; the run is recorded in raw.build_runs. Returns (mode, exit code)."""
    fingerprint = code_fingerprint(variables)
    with store.connect(warehouse) as con:
        last = store.last_built_fingerprint(con)
    mode, args = build_arguments(last, fingerprint, full_refresh)
    started = time.perf_counter()
    code = run_dbt(args, warehouse, variables)
    with store.connect(warehouse) as con:
        store.record_build(con, mode, fingerprint, code, round(time.perf_counter() - started, 3))
    return mode, code
