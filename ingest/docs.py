"""`cwh docs`: dbt docs (every mart, model and column described) generated into the dbt target folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .config import PROJECT_DIR, warehouse_path
from .dbt import run_dbt


@click.command("docs")
@click.option("--serve", is_flag=True, help="Then serve them on http://localhost:8080 (dbt docs serve).")
def docs_command(serve: bool) -> None:
    """Generate the dbt docs of the project (models, columns, tests, lineage) from the warehouse."""
    warehouse = warehouse_path()
    if not warehouse.exists():  # the catalog is read from a built warehouse
        from .build import build
        from .config import published_path

        if build(warehouse, published_path()) != 0:
            sys.exit(1)
    code = run_dbt(["docs", "generate"], warehouse)
    if code != 0:
        click.echo(f"dbt docs generate failed (exit {code})", err=True)
        sys.exit(code)
    target = Path(os.environ.get("DBT_TARGET_PATH", PROJECT_DIR / "target"))
    if not target.is_absolute():
        target = PROJECT_DIR / target
    click.echo(f"docs written to {target / 'index.html'} (open it, or run `cwh docs --serve`)")
    if serve:
        sys.exit(run_dbt(["docs", "serve"], warehouse))
