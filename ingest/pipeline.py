"""An ingest run: inputs -> read + clean + extract in worker processes -> one transaction per batch."""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
import uuid
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from . import store
from .extract import EXTRACTOR_VERSION, extract_article
from .readers import Article, Rejection, Unit, iter_units, read_unit

EXIT_OK = 0
EXIT_REJECTED = 3
DEFAULT_CHUNK = 2000


@dataclass
class RunSummary:
    run_id: str
    command: str
    articles_read: int = 0
    versions_appended: int = 0
    unchanged: int = 0
    claims: int = 0
    mentions: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def rejected(self) -> list[Rejection]:
        return [r for r in self.rejections if r.severity == "rejected"]

    @property
    def warnings(self) -> list[Rejection]:
        return [r for r in self.rejections if r.severity == "warning"]

    @property
    def exit_code(self) -> int:
        return EXIT_REJECTED if self.rejected else EXIT_OK

    def run_row(self, event: str, note: str | None = None) -> dict[str, list]:
        return {
            "run_id": [self.run_id], "run_event": [event], "event_at": [store.utc_now()], "command": [self.command],
            "extractor_version": [EXTRACTOR_VERSION], "articles_read": [self.articles_read],
            "versions_appended": [self.versions_appended], "unchanged": [self.unchanged], "claims": [self.claims],
            "mentions": [self.mentions], "rejected": [len(self.rejected)], "warnings": [len(self.warnings)],
            "note": [note],
        }

    def text(self) -> str:
        lines = [
            f"run {self.run_id}: {self.articles_read} articles read, {self.versions_appended} new versions appended, "
            f"{self.unchanged} unchanged; {self.claims} claims, {self.mentions} mentions; "
            f"{len(self.rejected)} rejected, {len(self.warnings)} warnings"
        ]
        for item in self.rejections[:50]:
            where = f"{item.input_path}:{item.line_number}" if item.line_number else item.input_path
            lines.append(f"  {item.severity}: {where}: {item.reason}")
        if len(self.rejections) > 50:
            lines.append(f"  ... and {len(self.rejections) - 50} more (see raw.rejected_inputs)")
        return "\n".join(lines)


@dataclass
class Extracted:
    article: Article
    content_sha256: str
    claims: list[dict]
    mentions: list[dict]


def process_chunk(chunk: list[Unit | Rejection]) -> list[Extracted | Rejection]:
    """Worker: read, clean and extract every unit of a chunk (rejections pass through)."""
    out: list[Extracted | Rejection] = []
    for unit in chunk:
        if isinstance(unit, Rejection):
            out.append(unit)
            continue
        for item in read_unit(unit):
            if isinstance(item, Article):
                sha = item.content_sha256
                claims, mentions = extract_article(item.article_id, item.body, item.published, sha)
                out.append(Extracted(item, sha, claims, mentions))
            else:
                out.append(item)
    return out


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def map_chunks(func, chunks: Iterator[list], workers: int | None) -> Iterator:
    """Apply func to chunks in order, on `workers` processes (inline when one worker or one chunk)."""
    workers = workers or os.cpu_count() or 1
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None)
    if workers == 1 or second is None:
        yield func(first)
        if second is not None:
            yield func(second)
            yield from map(func, chunks)
        return

    def all_chunks():
        yield first
        yield second
        yield from chunks

    # Bounded prefetch: Pool.imap would read every input ahead of the workers and hold the
    # corpus in memory; here at most two chunks per worker are in flight.
    with mp.get_context("fork").Pool(workers) as pool:
        pending: deque = deque()
        for chunk in all_chunks():
            pending.append(pool.apply_async(func, (chunk,)))
            if len(pending) >= 2 * workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def ingest(paths: list[str | Path], warehouse: Path, workers: int | None = None,
           chunk_size: int = DEFAULT_CHUNK, command: str = "ingest", on_batch=None) -> RunSummary:
    """Append what is new under `paths` to the event log; one committed transaction per chunk."""
    summary = RunSummary(run_id=uuid.uuid4().hex, command=command)
    with store.connect(warehouse) as con:
        store.append(con, {"ingest_runs": summary.run_row("started", note=" ".join(map(str, paths))[:1000])})
        try:
            for results in map_chunks(process_chunk, _chunks(iter_units(paths), chunk_size), workers):
                _write_chunk(con, summary, results)
                if on_batch:
                    on_batch(summary)
        except BaseException as exc:
            store.append(con, {"ingest_runs": summary.run_row("failed", note=repr(exc)[:1000])})
            raise
        store.append(con, {"ingest_runs": summary.run_row("finished")})
    return summary


def _write_chunk(con, summary: RunSummary, results: list[Extracted | Rejection]) -> None:
    extracted = [r for r in results if isinstance(r, Extracted)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    latest = store.latest_versions(con, [e.article.article_id for e in extracted])
    fresh: list[Extracted] = []
    for item in extracted:
        previous = latest.get(item.article.article_id)
        if previous is not None and previous[0] == item.content_sha256:
            summary.unchanged += 1
            continue
        latest[item.article.article_id] = (item.content_sha256, "received")
        fresh.append(item)
    already = store.extracted_shas(con, [e.content_sha256 for e in fresh], EXTRACTOR_VERSION)
    now = store.utc_now()
    seq = store.next_event_seq(con)
    extraction_seq = store.next_extraction_seq(con)
    rejection_rows = _rejection_columns(rejections, summary.run_id, now)
    keep = store.new_rejections(con, rejection_rows)
    rejection_rows = {name: [values[i] for i in keep] for name, values in rejection_rows.items()}
    tables = {
        "article_events": _article_columns(fresh, summary.run_id, now, seq),
        "extraction_events": {},
        "claim_events": {},
        "mention_events": {},
        "rejected_inputs": rejection_rows,
    }
    to_extract = []
    for item in fresh:
        if item.content_sha256 not in already:
            already.add(item.content_sha256)
            to_extract.append(item)
    tables.update(extraction_tables(
        [(e.article.article_id, e.content_sha256, e.claims, e.mentions) for e in to_extract],
        summary.run_id, now, extraction_seq,
    ))
    summary.articles_read += len(extracted)
    summary.versions_appended += len(fresh)
    summary.claims += sum(len(e.claims) for e in to_extract)
    summary.mentions += sum(len(e.mentions) for e in to_extract)
    summary.rejections.extend(rejections)
    batch_summary = RunSummary(summary.run_id, summary.command, len(extracted), len(fresh),
                               len(extracted) - len(fresh), sum(len(e.claims) for e in to_extract),
                               sum(len(e.mentions) for e in to_extract), rejections)
    tables["ingest_runs"] = batch_summary.run_row("batch")
    store.append(con, tables)


def extraction_tables(items: list[tuple[str, str, list[dict], list[dict]]], run_id: str, now, first_seq: int) -> dict:
    """Columns for extraction_events, claim_events and mention_events from per-article results."""
    extraction: dict[str, list] = {name: [] for name, _ in store.RAW_TABLES["extraction_events"]}
    claims: dict[str, list] = {name: [] for name, _ in store.RAW_TABLES["claim_events"]}
    mentions: dict[str, list] = {name: [] for name, _ in store.RAW_TABLES["mention_events"]}
    for offset, (article_id, sha, claim_rows, mention_rows) in enumerate(items):
        for key, value in (("content_sha256", sha), ("extractor_version", EXTRACTOR_VERSION),
                           ("extracted_at", now), ("extraction_seq", first_seq + offset),
                           ("ingest_run_id", run_id), ("article_id", article_id),
                           ("claims", len(claim_rows)), ("mentions", len(mention_rows))):
            extraction[key].append(value)
        common = {"content_sha256": sha, "extractor_version": EXTRACTOR_VERSION, "ingest_run_id": run_id,
                  "article_id": article_id}
        for rows, columns in ((claim_rows, claims), (mention_rows, mentions)):
            for row in rows:
                full = {**row, **common}
                for name in columns:
                    columns[name].append(full.get(name))
    return {"extraction_events": extraction, "claim_events": claims, "mention_events": mentions}


def _article_columns(items: list[Extracted], run_id: str, now, first_seq: int) -> dict[str, list]:
    return {
        "event_id": [uuid.uuid4().hex for _ in items],
        "event_seq": list(range(first_seq, first_seq + len(items))),
        "event_type": ["received"] * len(items),
        "article_id": [e.article.article_id for e in items],
        "content_sha256": [e.content_sha256 for e in items],
        "received_at": [now] * len(items),
        "ingest_run_id": [run_id] * len(items),
        "published": [e.article.published for e in items],
        "source": [e.article.source for e in items],
        "url": [e.article.url for e in items],
        "title": [e.article.title for e in items],
        "body": [e.article.body for e in items],
        "input_path": [e.article.input_path for e in items],
    }


def _rejection_columns(items: list[Rejection], run_id: str, now) -> dict[str, list]:
    return {
        "ingest_run_id": [run_id] * len(items),
        "received_at": [now] * len(items),
        "input_path": [r.input_path for r in items],
        "line_number": [r.line_number for r in items],
        "severity": [r.severity for r in items],
        "reason": [r.reason for r in items],
        "bytes_sha256": [r.bytes_sha256 for r in items],
    }


def retract(article_id: str, reason: str, warehouse: Path) -> str:
    """Append a retraction for an article's current version; returns the event id."""
    with store.connect(warehouse) as con:
        latest = store.latest_versions(con, [article_id]).get(article_id)
        if latest is None:
            raise KeyError(f"no article '{article_id}' in the log")
        if latest[1] == "retracted":
            raise ValueError(f"article '{article_id}' is already retracted")
        event_id = uuid.uuid4().hex
        store.append(con, {"article_events": {
            "event_id": [event_id], "event_seq": [store.next_event_seq(con)], "event_type": ["retracted"],
            "article_id": [article_id], "content_sha256": [latest[0]], "received_at": [store.utc_now()],
            "reason": [reason],
        }})
        return event_id


def _extract_items(items: list[tuple[str, str, object, str]]) -> list[tuple[str, str, list[dict], list[dict]]]:
    """Worker: extract (article_id, body, published, sha) tuples."""
    return [(article_id, sha, *extract_article(article_id, body, published, sha))
            for article_id, body, published, sha in items]


def reextract(warehouse: Path, workers: int | None = None, chunk_size: int = DEFAULT_CHUNK) -> RunSummary:
    """Replay the current extractor over stored article versions that lack its output."""
    summary = RunSummary(run_id=uuid.uuid4().hex, command="reextract")
    with store.connect(warehouse) as con:
        pending = [row[0] for row in con.execute(
            """
            select distinct e.content_sha256
            from raw.article_events as e
            where e.event_type = 'received'
              and not exists (
                select 1 from raw.extraction_events as x
                where x.content_sha256 = e.content_sha256 and x.extractor_version = ?
              )
            order by 1
            """, [EXTRACTOR_VERSION]).fetchall()]
        if not pending:
            return summary
        store.append(con, {"ingest_runs": summary.run_row("started", note=f"{len(pending)} article versions")})

        def batches():
            for chunk in _chunks(pending, chunk_size):
                rows = store.article_versions(con, chunk)
                yield [(r["article_id"], r["body"], r["published"], r["content_sha256"]) for r in rows]

        try:
            for results in map_chunks(_extract_items, batches(), workers):
                now = store.utc_now()
                tables = extraction_tables(results, summary.run_id, now, store.next_extraction_seq(con))
                batch = RunSummary(summary.run_id, summary.command, len(results), 0, 0,
                                   sum(len(r[2]) for r in results), sum(len(r[3]) for r in results))
                tables["ingest_runs"] = batch.run_row("batch")
                store.append(con, tables)
                summary.articles_read += batch.articles_read
                summary.claims += batch.claims
                summary.mentions += batch.mentions
        except BaseException as exc:
            store.append(con, {"ingest_runs": summary.run_row("failed", note=repr(exc)[:1000])})
            raise
        store.append(con, {"ingest_runs": summary.run_row("finished")})
    return summary
