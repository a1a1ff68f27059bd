"""Shared fixtures: a throw-away warehouse and helpers to run the CLI and query DuckDB."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
SAMPLE_DIR = PROJECT_DIR / "data" / "sample"
CWH = str(Path(sys.executable).parent / "cwh")


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


def cli_env(warehouse: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse),
           "PUBLISHED_PATH": str(warehouse.parent / "published" / "warehouse.duckdb"),
           "DBT_TARGET_PATH": str(warehouse.parent / "dbt_target"),
           "DBT_LOG_PATH": str(warehouse.parent / "dbt_logs")}
    env.update(extra)
    return env


def run_cli(warehouse: Path, *args: str, check: bool = False) -> subprocess.CompletedProcess:
    result = subprocess.run([CWH, *args], env=cli_env(warehouse), capture_output=True, text=True, cwd=PROJECT_DIR)
    if check and result.returncode != 0:
        raise AssertionError(f"cwh {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def query(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def write_articles(folder: Path, articles: dict[str, str], manifest: list[dict] | None = None) -> Path:
    """Write {file name: text} into folder, with an optional manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    if manifest is not None:
        header = ["file", "article_id", "published", "source", "url", "title"]
        lines = [",".join(header)] + [",".join(str(row.get(col, "")) for col in header) for row in manifest]
        (folder / "manifest.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder
