"""Running dbt against the warehouse (a subprocess, so DuckDB's single writer is never shared)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .config import PROJECT_DIR


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
    return subprocess.run(command, env=env, cwd=PROJECT_DIR).returncode
