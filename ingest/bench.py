"""`cwh bench`: generate a synthetic corpus of known truth, then measure ingest, a regex baseline,
a full dbt build, an incremental update and the truth of the marts, in one run; one JSON line out.

Steps (all in one process, timed with perf_counter):
  1. generate N articles (ingest.synth, seeded) into DIR/corpus, JSON Lines;
  2. regex_scan: one compiled casualty regex, `finditer` over the same article texts (read
     from the files first; only the scan is timed), in this process;
  3. ingest: `ingest.pipeline.ingest` of DIR/corpus into a fresh warehouse (files to committed
     raw rows, claims and mentions included), on --workers processes;
  4. duckdb_regex: `regexp_extract_all` with the same pattern over the stored bodies;
  5. build: the first `dbt build` of the warehouse (a full refresh, unit tests included), as
     `cwh build` runs it;
  6. incremental: the generator continues with 1% more articles (late reports of incidents
     already written included) into DIR/increment; ingest + `dbt build` again, as `cwh build`
     runs it when only the event log changed (incremental models, every data test);
  7. truth: the truth of the whole corpus (one truth covers both batches) against the marts.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import platform
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import click

CASUALTY_PATTERN = r"(?i)\b(?:killed|dead|died|deaths?|wounded|injured|casualties)\b"


def regex_scan(texts) -> tuple[int, float]:
    """(matches, seconds): the baseline, one compiled regex over texts already in memory."""
    pattern = re.compile(CASUALTY_PATTERN)
    matches = 0
    started = time.perf_counter()
    for text in texts:
        for _ in pattern.finditer(text):
            matches += 1
    return matches, time.perf_counter() - started


def corpus_texts(folder: Path):
    """Article texts of a JSONL corpus, one file at a time (the corpus is never held whole)."""
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            batch = [json.loads(line)["text"] for line in handle if line.strip()]
        yield batch


def timed_regex_scan(folder: Path) -> tuple[float, float, int]:
    """(MB of text, seconds scanning, matches) over a corpus folder, file by file."""
    size = seconds = 0.0
    matches = 0
    for batch in corpus_texts(folder):
        size += sum(len(t.encode("utf-8")) for t in batch)
        found, took = regex_scan(batch)
        matches += found
        seconds += took
    return size / 1e6, seconds, matches


def duckdb_regex(warehouse: Path) -> tuple[float, float, int]:
    """(MB of stored bodies, seconds, matches): regexp_extract_all over raw.article_events."""
    from . import store

    with store.connect(warehouse, read_only=True) as con:
        size = store.scalar(con, "select coalesce(sum(strlen(body)), 0) from raw.article_events "
                                 "where event_type = 'received'")
        started = time.perf_counter()
        matches = store.scalar(con, "select coalesce(sum(len(regexp_extract_all(body, ?))), 0) "
                                    "from raw.article_events where event_type = 'received'", [CASUALTY_PATTERN])
        seconds = time.perf_counter() - started
    return size / 1e6, seconds, int(matches)


@contextlib.contextmanager
def stdout_to_stderr(enabled: bool):
    """Send whatever child processes (dbt) print to stderr, so stdout carries only the JSON line."""
    if not enabled:
        yield
        return
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        os.dup2(2, 1)
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


@contextlib.contextmanager
def dbt_paths(workdir: Path):
    """dbt's target/ and logs/ under the bench folder (unless already set), not in the project."""
    saved = {name: os.environ.get(name) for name in ("DBT_TARGET_PATH", "DBT_LOG_PATH")}
    os.environ.setdefault("DBT_TARGET_PATH", str(workdir / "dbt_target"))
    os.environ.setdefault("DBT_LOG_PATH", str(workdir / "dbt_logs"))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def peak_rss_mb() -> dict[str, float]:
    """Peak resident memory (MB): this process, its largest waited-for child, and their sum."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(own + children, 1), "peak_rss_self_mb": round(own, 1),
            "peak_rss_children_mb": round(children, 1)}


def run_bench(articles: int, workdir: Path, workers: int | None = None, seed: int = 7,
              log=lambda message: None, quiet_children: bool = True) -> dict:
    """Run every step of the benchmark in `workdir`; returns the figures."""
    from . import pipeline
    from .dbt import dbt_build
    from .synth import Generator, truth_mismatches

    workdir.mkdir(parents=True, exist_ok=True)
    corpus, increment = workdir / "corpus", workdir / "increment"
    warehouse = workdir / "warehouse.duckdb"
    for stale in (corpus, increment):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in (warehouse, Path(str(warehouse) + ".wal")):
        stale.unlink(missing_ok=True)
    truth_path = workdir / "truth.json"
    result: dict = {"articles": articles, "seed": seed, "workers": workers or os.cpu_count(),
                    "cpus": os.cpu_count(), "python": platform.python_version()}

    log(f"generating {articles} articles in {corpus}")
    started = time.perf_counter()
    generator = Generator(seed, articles_hint=articles)
    generator.write(corpus, articles, truth_path=truth_path)
    result["generate_s"] = round(time.perf_counter() - started, 3)
    result["generate_articles_per_s"] = round(articles / max(result["generate_s"], 1e-9))

    log("regex baseline")
    mb, scan_s, matches = timed_regex_scan(corpus)
    result["mb"] = round(mb, 3)
    result["regex_scan_s"] = round(scan_s, 3)
    result["regex_scan_mb_per_s"] = round(mb / max(scan_s, 1e-9), 2)
    result["regex_matches"] = matches

    log("ingest")
    started = time.perf_counter()
    summary = pipeline.ingest([corpus], warehouse, workers=workers, command="bench")
    result["ingest_s"] = round(time.perf_counter() - started, 3)
    result["ingest_mb_per_s"] = round(mb / max(result["ingest_s"], 1e-9), 2)
    result["ingest_vs_regex"] = round(result["ingest_mb_per_s"] / max(result["regex_scan_mb_per_s"], 1e-9), 3)
    result["claims"] = summary.claims
    result["mentions"] = summary.mentions
    result["rejected"] = len(summary.rejected)

    log("duckdb regex")
    body_mb, duck_s, duck_matches = duckdb_regex(warehouse)
    result["duckdb_regex_s"] = round(duck_s, 3)
    result["duckdb_regex_mb_per_s"] = round(body_mb / max(duck_s, 1e-9), 2)
    result["duckdb_regex_matches"] = duck_matches

    log("dbt build (full)")
    started = time.perf_counter()
    with stdout_to_stderr(quiet_children), dbt_paths(workdir):
        build_mode, build_rc = dbt_build(warehouse)
    result["build_s"] = round(time.perf_counter() - started, 3)
    result["build_rc"] = build_rc
    result["build_mode"] = build_mode
    first = truth_mismatches(truth_path, warehouse)
    result["truth_ok_before_increment"] = not first

    extra = max(1, math.ceil(articles * 0.01))
    log(f"incremental: {extra} more articles")
    generator.write(increment, extra, truth_path=truth_path)
    result["incremental_articles"] = extra
    started = time.perf_counter()
    more = pipeline.ingest([increment], warehouse, workers=workers, command="bench")
    result["incremental_ingest_s"] = round(time.perf_counter() - started, 3)
    with stdout_to_stderr(quiet_children), dbt_paths(workdir):
        incremental_mode, incremental_rc = dbt_build(warehouse)
    result["incremental_s"] = round(time.perf_counter() - started, 3)
    result["incremental_build_s"] = round(result["incremental_s"] - result["incremental_ingest_s"], 3)
    result["incremental_rc"] = incremental_rc
    result["incremental_mode"] = incremental_mode
    result["incremental_vs_build"] = round(result["incremental_s"] / max(result["build_s"], 1e-9), 3)
    result["incremental_claims"] = more.claims

    log("truth")
    problems = truth_mismatches(truth_path, warehouse)
    result["truth_ok"] = not problems
    result["truth_mismatches"] = len(problems)
    result["truth_mismatch_examples"] = problems[:5]
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    result["truth_cells"] = len(truth["casualties"])
    result["truth_actor_months"] = len(truth["actor_articles"])
    result.update(peak_rss_mb())
    return result


@click.command("bench")
@click.option("--articles", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Articles to generate.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON line only (progress and dbt output on stderr).")
@click.option("--workers", type=int, default=None, help="Ingest worker processes (default: all cores).")
@click.option("--keep", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Work in this folder and keep it (corpus, truth, warehouse); default: a temporary folder.")
@click.option("--seed", type=int, default=7, show_default=True, help="Generator seed.")
def bench_command(articles: int, as_json: bool, workers: int | None, keep: Path | None, seed: int) -> None:
    """Generate a synthetic corpus of known truth; measure ingest, build, incremental update and truth."""

    def log(message: str) -> None:
        click.echo(f"bench: {message}", err=True)

    workdir = keep.resolve() if keep else Path(tempfile.mkdtemp(prefix="cwh-bench-"))
    try:
        result = run_bench(articles, workdir, workers=workers, seed=seed, log=log, quiet_children=as_json)
    finally:
        if keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    if as_json:
        click.echo(json.dumps(result))
    else:
        for key, value in result.items():
            click.echo(f"{key:28} {value}")
        click.echo(json.dumps(result))
    if result["build_rc"] or result["incremental_rc"]:
        sys.exit(1)
