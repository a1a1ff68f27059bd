"""Where things live: paths come from the environment, with the documented defaults."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_DIR / "seeds"
SAMPLE_DIR = PROJECT_DIR / "data" / "sample"


def warehouse_path() -> Path:
    """The read-write warehouse (raw log + everything dbt builds)."""
    return Path(os.environ.get("WAREHOUSE_PATH", "warehouse.duckdb")).resolve()


def published_path() -> Path:
    """The read-only copy of the marts that BI tools open."""
    return Path(os.environ.get("PUBLISHED_PATH", "published/warehouse.duckdb")).resolve()
