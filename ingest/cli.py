"""The `cwh` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import pipeline, store
from .config import published_path, warehouse_path

EXIT_CODES_HELP = "Exit codes: 0 all inputs accepted, 3 some input rejected (see raw.rejected_inputs), 1 error, 2 usage."


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="conflict-casualty-warehouse")
def main() -> None:
    """Conflict casualty warehouse: articles -> event log -> dbt marts.

    Paths come from WAREHOUSE_PATH (default ./warehouse.duckdb) and
    PUBLISHED_PATH (default ./published/warehouse.duckdb).
    """


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--workers", type=int, default=None, help="Worker processes (default: all cores).")
@click.option("--batch-size", type=int, default=pipeline.DEFAULT_CHUNK, show_default=True,
              help="Inputs per committed transaction.")
@click.option("--progress", is_flag=True, help="Print a line to stderr after each committed batch.")
def ingest(paths: tuple[Path, ...], workers: int | None, batch_size: int, progress: bool) -> None:
    """Append articles under PATHS (.txt folders with manifest.csv, .jsonl, .csv) to the event log."""

    def report(summary: pipeline.RunSummary) -> None:
        click.echo(f"committed: {summary.articles_read} articles read, {summary.versions_appended} appended", err=True)

    try:
        summary = pipeline.ingest(list(paths), warehouse_path(), workers=workers, chunk_size=batch_size,
                                  on_batch=report if progress else None)
    except store.WarehouseBusy as exc:
        _fail(str(exc))
    click.echo(summary.text())
    sys.exit(summary.exit_code)


@main.command()
@click.argument("article_id")
@click.option("--reason", required=True, help="Why the article is withdrawn (kept in the log).")
def retract(article_id: str, reason: str) -> None:
    """Append a retraction: the article drops out of every mart from now on."""
    try:
        event_id = pipeline.retract(article_id, reason, warehouse_path())
    except (KeyError, ValueError) as exc:
        _fail(exc.args[0])
    except store.WarehouseBusy as exc:
        _fail(str(exc))
    click.echo(f"retracted {article_id} (event {event_id})")


@main.command()
@click.option("--vars", "variables", default=None, help="dbt vars as YAML/JSON, e.g. '{as_of: \"2026-11-20 18:00\"}'.")
@click.option("--no-publish", is_flag=True, help="Skip writing the published copy.")
@click.option("--full-refresh", is_flag=True,
              help="Rebuild every model from the event log (default: only when the dbt code, seeds or vars changed).")
def build(variables: str | None, no_publish: bool, full_refresh: bool) -> None:
    """Ingest the sample corpus if the log is empty, then dbt build (incremental when only the
    event log changed since the last build), then publish."""
    from .build import build as run_build

    sys.exit(run_build(warehouse_path(), published_path(), variables, publish=not no_publish,
                       full_refresh=full_refresh))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--jsonl", is_flag=True, default=True, help="Claim records as JSON Lines (the default and only format).")
def extract(paths: tuple[Path, ...], jsonl: bool) -> None:
    """Print the claim records found under PATHS as JSON Lines; no database needed."""
    from .evaluate import predict, to_json

    rows, _ = predict(list(paths))
    for row in rows:
        click.echo(to_json(row))


@main.command()
@click.option("--workers", type=int, default=None, help="Worker processes (default: all cores).")
def reextract(workers: int | None) -> None:
    """Replay the current extractor over every stored article version it has not seen."""
    try:
        summary = pipeline.reextract(warehouse_path(), workers=workers)
    except store.WarehouseBusy as exc:
        _fail(str(exc))
    click.echo(summary.text())


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of text.")
@click.option("--min-f1", type=float, default=None, help="Exit 1 when F1 is below this.")
def eval_command(gold: Path, paths: tuple[Path, ...], as_json: bool, min_f1: float | None) -> None:
    """Precision, recall and F1 of distinct (article, outcome, low) figures against GOLD."""
    from .evaluate import evaluate

    scores = evaluate(gold, list(paths))
    if as_json:
        click.echo(json.dumps({**scores.summary(), "misses": scores.misses, "spurious": scores.spurious,
                               "disagreements": scores.disagreements}))
    else:
        for key, value in scores.summary().items():
            click.echo(f"{key:30} {value}")
        for label, items in (("miss", scores.misses), ("spurious", scores.spurious)):
            for item in items:
                click.echo(f"{label:9} {item['figure']}  {item['quote']!r}")
        for item in scores.disagreements:
            click.echo(f"disagree  {item['figure']}  gold={item['gold']} predicted={item['predicted']}")
    if min_f1 is not None and scores.f1 < min_f1:
        sys.exit(1)


def _register_optional_commands() -> None:
    """Commands that live in their own modules (imported lazily to keep `cwh ingest` start-up small)."""
    from .docs import docs_command
    from .explain import explain_command
    from .publish import publish_command
    from .sql import sql_command

    main.add_command(publish_command, name="publish")
    main.add_command(sql_command, name="sql")
    main.add_command(explain_command, name="explain")
    main.add_command(docs_command, name="docs")
    try:
        from .bench import bench_command
    except ImportError:  # the benchmark needs the synthetic corpus generator
        return
    main.add_command(bench_command, name="bench")


_register_optional_commands()
