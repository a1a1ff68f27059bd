"""`cwh build`: sample corpus if the log is empty, dbt build, publish, summary."""

from __future__ import annotations

from pathlib import Path

import click
import yaml

from . import pipeline, store
from .config import SAMPLE_DIR
from .dbt import dbt_build


def build(warehouse: Path, published: Path, variables: str | None = None, publish: bool = True,
          full_refresh: bool = False) -> int:
    with store.connect(warehouse) as con:
        empty = store.scalar(con, "select count(*) = 0 from raw.article_events")
    if empty:
        click.echo(f"event log is empty: ingesting the sample corpus from {SAMPLE_DIR}")
        click.echo(pipeline.ingest([SAMPLE_DIR], warehouse, command="build").text())
    else:
        refreshed = pipeline.reextract(warehouse)
        if refreshed.articles_read:
            click.echo(f"extractor changed: re-extracted {refreshed.articles_read} article versions")
    parsed = yaml.safe_load(variables) if variables else None
    mode, code = dbt_build(warehouse, parsed, full_refresh)
    if code != 0:
        click.echo(f"dbt build ({mode}) failed (exit {code})", err=True)
        return code
    if publish:
        from .publish import publish as publish_marts

        result = publish_marts(warehouse, published)
        click.echo(f"published {result['table_count']} tables to {result['path']}")
    click.echo(f"dbt build: {mode}")
    click.echo(summary_text(warehouse, published if publish else None))
    return 0


def summary_text(warehouse: Path, published: Path | None) -> str:
    """What a newcomer wants to see after `make run`."""
    with store.connect(warehouse, read_only=True) as con:
        articles = store.scalar(con, "select count(*) from staging.stg_raw__articles")
        lines = [f"warehouse: {warehouse}", f"articles (current versions): {articles}"]
        tables = {row[0] for row in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'").fetchall()}
        if "fct_casualty_claims" in tables:
            claims = store.scalar(con, "select count(*) from marts.fct_casualty_claims")
            lines.append(f"casualty claims: {claims}")
        if "mart_monthly_casualties" in tables:
            first, last, months = con.execute(
                "select min(month), max(month), count(distinct month) from marts.mart_monthly_casualties "
                "where month is not null").fetchall()[0]
            lines.append(f"months covered: {months} ({first:%Y-%m} .. {last:%Y-%m})" if months else "months covered: 0")
        if published:
            lines.append(f"published for BI tools: {published}")
    return "\n".join(lines)
